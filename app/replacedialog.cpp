#include "replacedialog.h"

#include "health.h"
#include "helperclient.h"
#include "pairrules.h"
#include "replacecandidatemodel.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTreeView>
#include <QVBoxLayout>

ReplaceDialog::ReplaceDialog(HelperClient *client, const QString &pair, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_pair(pair)
    , m_model(new ReplaceCandidateModel(client, pair, this))
    , m_pages(new QStackedWidget(this))
    , m_intro(new QLabel(this))
    , m_pairProblem(new QLabel(this))
    , m_view(new QTreeView(this))
    , m_summary(new QLabel(this))
    , m_warning(new QLabel(this))
    , m_confirm(new QCheckBox(this))
    , m_back(new QPushButton(tr("&Back"), this))
    , m_next(new QPushButton(tr("&Next"), this))
    , m_replace(new QPushButton(tr("&Replace main disk"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
{
    const QVariantMap status = client->pairStatus(pair);
    const QString name = status.value(QStringLiteral("name")).toString();
    setWindowTitle(tr("Replace the main disk of pair “%1”").arg(name));
    setMinimumSize(640, 420);

    // Choosing the disk.
    m_intro->setWordWrap(true);
    m_intro->setText(tr("Choose the disk that takes the place of the main disk. Everything on it will be erased. It "
                        "must be free and at least as large as the pair's device (%1). Disks that cannot be chosen "
                        "show why.")
                         .arg(Health::formatBytes(PairRules::replacementBytes(status))));
    m_pairProblem->setWordWrap(true);
    const Health::MessageColors bad = Health::messageColors(Health::Level::Bad, palette());
    const QString messageStyle = QStringLiteral("QLabel { background: %1; color: %2; border: 1px solid %3; "
                                                "border-radius: 4px; padding: 8px; }")
                                     .arg(bad.background.name(), bad.text.name(), bad.border.name());
    m_pairProblem->setStyleSheet(messageStyle);
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAccessibleName(tr("New disk"));
    // Each column as wide as its title and cells: the list scrolls
    // sideways where the dialog is too narrow (a cell's tooltip holds the
    // whole row).
    m_view->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->header()->setStretchLastSection(false);
    auto *choose = new QWidget;
    auto *chooseLayout = new QVBoxLayout(choose);
    chooseLayout->setContentsMargins(0, 0, 0, 0);
    chooseLayout->addWidget(m_intro);
    chooseLayout->addWidget(m_pairProblem);
    chooseLayout->addWidget(m_view, 1);

    // The confirmation, scrolled: with long names or at 200% it can be
    // taller than the list made the dialog.
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    m_warning->setWordWrap(true);
    m_warning->setTextFormat(Qt::RichText);
    m_warning->setStyleSheet(messageStyle);
    m_confirm->setAccessibleName(tr("Confirm erasing the new disk"));
    auto *confirmContent = new QWidget;
    auto *confirmLayout = new QVBoxLayout(confirmContent);
    confirmLayout->setContentsMargins(0, 0, 0, 0);
    confirmLayout->addWidget(m_warning);
    confirmLayout->addWidget(m_summary);
    confirmLayout->addWidget(m_confirm);
    confirmLayout->addStretch();
    auto *confirm = new QScrollArea;
    confirm->setWidget(confirmContent);
    confirm->setWidgetResizable(true);
    confirm->setFrameShape(QFrame::NoFrame);

    m_pages->addWidget(choose);
    m_pages->addWidget(confirm);

    m_next->setDefault(true);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_back);
    buttons->addWidget(m_next);
    buttons->addWidget(m_replace);
    buttons->addWidget(m_cancel);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pages, 1);
    layout->addLayout(buttons);

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ReplaceDialog::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ReplaceDialog::updateButtons);
    connect(m_view, &QTreeView::doubleClicked, this, &ReplaceDialog::next);
    connect(m_confirm, &QCheckBox::toggled, this, &ReplaceDialog::updateButtons);
    connect(m_back, &QPushButton::clicked, this, &ReplaceDialog::back);
    connect(m_next, &QPushButton::clicked, this, &ReplaceDialog::next);
    connect(m_replace, &QPushButton::clicked, this, [this] {
        if (m_replace->isEnabled())
            accept();
    });
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);
    // The pair ended or went away meanwhile: nothing left to replace.
    connect(client, &HelperClient::structureChanged, this, [this] {
        if (!m_client->hasPair(m_pair))
            reject();
    });
    connect(client, &HelperClient::pairUpdated, this, [this](const QString &p) {
        if (p == m_pair)
            updateButtons();
    });
    updateButtons();
}

QString ReplaceDialog::newDisk() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return {};
    const QString disk = rows.first().data(ReplaceCandidateModel::PathRole).toString();
    return m_model->problem(disk).isEmpty() ? disk : QString();
}

ReplaceDialog::Page ReplaceDialog::page() const
{
    return m_pages->currentIndex() == 0 ? ChoosePage : ConfirmPage;
}

bool ReplaceDialog::choose(const QString &disk)
{
    const int row = m_model->rowOf(disk);
    if (row < 0 || !(m_model->flags(m_model->index(row, 0)) & Qt::ItemIsSelectable))
        return false;
    m_view->setCurrentIndex(m_model->index(row, 0));
    m_view->selectionModel()->select(m_model->index(row, 0),
                                     QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    return newDisk() == disk;
}

void ReplaceDialog::next()
{
    if (newDisk().isEmpty() || !PairRules::replacementPairProblem(m_client->pairStatus(m_pair)).isEmpty())
        return;
    fillConfirmation();
    m_pages->setCurrentIndex(ConfirmPage);
    updateButtons();
}

void ReplaceDialog::back()
{
    m_pages->setCurrentIndex(ChoosePage);
    updateButtons();
}

void ReplaceDialog::fillConfirmation()
{
    const QVariantMap status = m_client->pairStatus(m_pair);
    const QString name = status.value(QStringLiteral("name")).toString();
    const QString device = status.value(QStringLiteral("device")).toString();
    const QString disk = newDisk();
    const QString diskName = m_model->diskName(disk);
    m_warning->setText(tr("<b>Everything on %1 will be erased.</b> Files, partitions and file systems on that disk "
                          "will be lost and cannot be recovered.")
                           .arg(diskName.toHtmlEscaped()));
    QString text = tr("<p>The whole device %1 is copied to the new disk. The pair stays usable meanwhile: the copy "
                      "runs in the background and this window shows its progress.</p>"
                      "<p>When the copy is done, %1 keeps its name and uses the new disk alone. The pair “%2” ends: "
                      "its old main disk (%3) and its spare (%4) are released and their signatures erased, so that "
                      "neither the old copy nor the old pair is found again.</p>")
                       .arg(device.toHtmlEscaped(), name.toHtmlEscaped(),
                            status.value(QStringLiteral("main-path")).toString().toHtmlEscaped(),
                            status.value(QStringLiteral("spare-path")).toString().toHtmlEscaped());
    const QString warning = m_model->warning(disk);
    if (!warning.isEmpty())
        text += QStringLiteral("<p>%1</p>").arg(warning.toHtmlEscaped());
    m_summary->setText(text);
    m_confirm->setText(tr("I understand that all data on %1 will be &erased")
                           .arg(m_client->diskInfo(disk).value(QStringLiteral("path")).toString()));
    m_confirm->setChecked(false);
}

void ReplaceDialog::updateButtons()
{
    const bool choosing = page() == ChoosePage;
    const QString pairProblem = PairRules::replacementPairProblem(m_client->pairStatus(m_pair));
    m_pairProblem->setText(pairProblem);
    m_pairProblem->setVisible(!pairProblem.isEmpty());
    m_back->setVisible(!choosing);
    m_next->setVisible(choosing);
    m_replace->setVisible(!choosing);
    m_next->setEnabled(!newDisk().isEmpty() && pairProblem.isEmpty());
    m_replace->setEnabled(!choosing && m_confirm->isChecked() && !newDisk().isEmpty() && pairProblem.isEmpty());
    m_next->setDefault(choosing);
    m_replace->setDefault(!choosing);
}
