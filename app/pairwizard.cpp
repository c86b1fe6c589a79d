#include "pairwizard.h"

#include "health.h"
#include "helperclient.h"
#include "pairrules.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QRegularExpressionValidator>
#include <QScrollArea>
#include <QVBoxLayout>

#include <climits>

namespace {
constexpr int PathRole = Qt::UserRole + 1;

// Each page tells the wizard when it is shown and when it may go on; the
// logic lives in PairWizard so that tests can drive it directly.
class WizardStep : public QWizardPage
{
public:
    WizardStep(PairWizard *wizard, std::function<void()> onShow, std::function<bool()> complete)
        : QWizardPage(wizard), m_onShow(std::move(onShow)), m_complete(std::move(complete)) {}
    void initializePage() override { if (m_onShow) m_onShow(); }
    bool isComplete() const override { return m_complete ? m_complete() : true; }
    void changed() { Q_EMIT completeChanged(); }

private:
    std::function<void()> m_onShow;
    std::function<bool()> m_complete;
};

QString selectedPath(const QListWidget *list)
{
    const QListWidgetItem *item = list->currentItem();
    return item && (item->flags() & Qt::ItemIsEnabled) && item->isSelected() ? item->data(PathRole).toString()
                                                                             : QString();
}
} // namespace

PairWizard::PairWizard(HelperClient *client, QWidget *parent)
    : QWizard(parent)
    , m_client(client)
    , m_mainList(new QListWidget)
    , m_spareList(new QListWidget)
    , m_spareHint(new QLabel)
    , m_name(new QLineEdit)
    , m_nameHint(new QLabel)
    , m_blockSize(new QComboBox)
    , m_summary(new QLabel)
    , m_warning(new QLabel)
    , m_confirm(new QCheckBox)
    , m_result(new QLabel)
    , m_busy(new QProgressBar)
{
    setWindowTitle(tr("Pair two disks"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnLastPage, false);
    setMinimumSize(620, 460);

    auto *mainPage = new WizardStep(this, [this] { fillMainList(); }, [this] { return !mainDisk().isEmpty(); });
    mainPage->setTitle(tr("Choose the main disk"));
    mainPage->setSubTitle(tr("The main disk keeps your data. Choose the disk that is ageing or that you want to protect."));
    auto *mainIntro = new QLabel(tr("When a block of the main disk fails, the pair moves it to the spare disk. Data that "
                                    "can still be read moves with it; data in a block that can no longer be read is lost, "
                                    "so keep a backup. Disks that cannot be chosen show why."));
    mainIntro->setWordWrap(true);
    m_mainList->setAccessibleName(tr("Main disk"));
    auto *mainLayout = new QVBoxLayout(mainPage);
    mainLayout->addWidget(mainIntro);
    mainLayout->addWidget(m_mainList);
    connect(m_mainList, &QListWidget::itemSelectionChanged, mainPage, &WizardStep::changed);

    auto *sparePage = new WizardStep(this, [this] { fillSpareList(); }, [this] { return !spareDisk().isEmpty(); });
    sparePage->setTitle(tr("Choose the spare disk"));
    sparePage->setSubTitle(tr("The spare receives the blocks that fail on the main disk. Everything on it will be erased."));
    m_spareList->setAccessibleName(tr("Spare disk"));
    m_spareHint->setWordWrap(true);
    auto *spareLayout = new QVBoxLayout(sparePage);
    spareLayout->addWidget(m_spareList);
    spareLayout->addWidget(m_spareHint);
    connect(m_spareList, &QListWidget::itemSelectionChanged, sparePage, &WizardStep::changed);

    auto *optionsPage = new WizardStep(this, [this] {
        fillBlockSizes();
        if (m_name->text().isEmpty()) {
            const QString device = m_client->diskInfo(mainDisk()).value(QStringLiteral("path")).toString().section(QLatin1Char('/'), -1);
            m_name->setText(QStringLiteral("safe-") + device);
        }
    }, [this] { return PairRules::isValidName(m_name->text()) && m_blockSize->currentIndex() >= 0; });
    optionsPage->setTitle(tr("Options"));
    optionsPage->setSubTitle(tr("The pair appears as a new disk under /dev/mapper with this name."));
    m_name->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[A-Za-z0-9._-]{0,63}")), m_name));
    m_name->setAccessibleName(tr("Pair name"));
    m_nameHint->setText(tr("Letters, digits, dot, dash and underscore; starts with a letter or digit."));
    m_nameHint->setWordWrap(true);
    m_blockSize->setAccessibleName(tr("Block size"));
    m_blockSize->setToolTip(tr("The unit moved to the spare when a sector fails. 4 KiB suits almost every disk."));
    auto *form = new QFormLayout(optionsPage);
    form->addRow(tr("Na&me:"), m_name);
    form->addRow(QString(), m_nameHint);
    form->addRow(tr("Block si&ze:"), m_blockSize);
    connect(m_name, &QLineEdit::textChanged, optionsPage, &WizardStep::changed);

    auto *summaryPage = new WizardStep(this, [this] { fillSummary(); }, [this] { return m_confirm->isChecked(); });
    summaryPage->setTitle(tr("Summary"));
    summaryPage->setSubTitle(tr("Check your choice. An administrator password may be asked for."));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    m_warning->setWordWrap(true);
    m_warning->setTextFormat(Qt::RichText);
    const Health::MessageColors warning = Health::messageColors(Health::Level::Bad, palette());
    m_warning->setStyleSheet(QStringLiteral("QLabel { background: %1; color: %2; border: 1px solid %3; "
                                            "border-radius: 4px; padding: 8px; }")
                                 .arg(warning.background.name(), warning.text.name(), warning.border.name()));
    m_confirm->setAccessibleName(tr("Confirm erasing the spare disk"));
    // Scrolled: with the disks' names, a large font or at 200% it can be
    // larger than the wizard the first pages made.
    auto *summaryContent = new QWidget;
    auto *summaryLayout = new QVBoxLayout(summaryContent);
    summaryLayout->setContentsMargins(0, 0, 0, 0);
    summaryLayout->addWidget(m_summary);
    summaryLayout->addWidget(m_warning);
    summaryLayout->addWidget(m_confirm);
    summaryLayout->addStretch();
    auto *summaryScroll = new QScrollArea;
    summaryScroll->setWidget(summaryContent);
    summaryScroll->setWidgetResizable(true);
    summaryScroll->setFrameShape(QFrame::NoFrame);
    auto *summaryPageLayout = new QVBoxLayout(summaryPage);
    summaryPageLayout->setContentsMargins(0, 0, 0, 0);
    summaryPageLayout->addWidget(summaryScroll);
    summaryPage->setButtonText(QWizard::NextButton, tr("&Create pair"));
    connect(m_confirm, &QCheckBox::toggled, summaryPage, &WizardStep::changed);

    auto *resultPage = new WizardStep(this, [this] { startCreation(); }, [this] { return isCreated(); });
    resultPage->setTitle(tr("Creating the pair"));
    resultPage->setFinalPage(true);
    m_result->setWordWrap(true);
    m_result->setAccessibleName(tr("Result"));
    m_busy->setRange(0, 0);
    m_busy->setAccessibleName(tr("Working"));
    auto *resultLayout = new QVBoxLayout(resultPage);
    resultLayout->addWidget(m_result);
    resultLayout->addWidget(m_busy);
    resultLayout->addStretch();
    connect(this, &PairWizard::creationFinished, resultPage, &WizardStep::changed);

    setPage(MainPage, mainPage);
    setPage(SparePage, sparePage);
    setPage(OptionsPage, optionsPage);
    setPage(SummaryPage, summaryPage);
    setPage(ResultPage, resultPage);

    connect(client, &HelperClient::pairCreated, this, [this](const QString &pair) {
        if (!m_working)
            return;
        m_working = false;
        m_created = pair;
        m_busy->hide();
        // Done: going back would offer to create the same pair again.
        setOption(QWizard::NoBackButtonOnLastPage, true);
        const QString mainPath = m_client->diskInfo(mainDisk()).value(QStringLiteral("path")).toString();
        m_result->setText(tr("The pair “%1” is ready. The data of %3 is now reached through %2: from now on use %2 "
                             "wherever you used %3. Do not use %3 directly any more: what is written there bypasses "
                             "the pair.")
                              .arg(pairName(), QStringLiteral("/dev/mapper/") + pairName(), mainPath));
        Q_EMIT creationFinished();
    });
    connect(client, &HelperClient::pairCreationFailed, this, [this](const QString &message) {
        if (!m_working)
            return;
        m_working = false;
        m_busy->hide();
        m_result->setText(tr("The pair could not be created. %1\n\nThe main disk was not changed; the spare disk "
                             "may already have been erased. Go back to change your choice, or cancel.").arg(message));
        Q_EMIT creationFinished();
    });
}

QString PairWizard::diskLabel(const QString &path) const
{
    const QVariantMap info = m_client->diskInfo(path);
    QStringList parts{info.value(QStringLiteral("path")).toString(), info.value(QStringLiteral("model")).toString()};
    const QString serial = info.value(QStringLiteral("serial")).toString();
    if (!serial.isEmpty())
        parts << tr("serial %1").arg(serial);
    parts << Health::kindText(info.value(QStringLiteral("kind")).toString());
    const QString transport = info.value(QStringLiteral("transport")).toString();
    if (!transport.isEmpty())
        parts << Health::transportText(transport);
    parts << Health::formatBytes(info.value(QStringLiteral("size")).toULongLong());
    parts.removeAll(QString());
    return parts.join(QStringLiteral(" · "));
}

Health::Level PairWizard::diskHealth(const QString &path) const
{
    return Health::ofDisk(m_client->diskInfo(path), m_client->smart(path), m_client->pairStatus(m_client->pairOfDisk(path))).level;
}

QString PairWizard::candidateLabel(const QString &path) const
{
    return diskLabel(path) + QStringLiteral("\n    ") + tr("Health: %1").arg(Health::displayName(Health::ofDisk(m_client->diskInfo(path), m_client->smart(path), m_client->pairStatus(m_client->pairOfDisk(path)))));
}

QString PairWizard::pairNameOf(const QString &disk) const
{
    return m_client->pairStatus(m_client->pairOfDisk(disk)).value(QStringLiteral("name")).toString();
}

QString PairWizard::mainDisk() const { return selectedPath(m_mainList); }
QString PairWizard::spareDisk() const { return selectedPath(m_spareList); }
QString PairWizard::pairName() const { return m_name->text(); }
uint PairWizard::blockSize() const { return m_blockSize->currentData().toUInt(); }

static void fillList(QListWidget *list, const QStringList &paths,
                     const std::function<QString(const QString &)> &label,
                     const std::function<QString(const QString &)> &problem)
{
    const QString previous = selectedPath(list);
    list->clear();
    for (const QString &path : paths) {
        const QString why = problem(path);
        auto *item = new QListWidgetItem(label(path), list);
        item->setData(PathRole, path);
        if (!why.isEmpty()) {
            item->setText(item->text() + QStringLiteral("\n    ") + why);
            item->setFlags(item->flags() & ~(Qt::ItemIsEnabled | Qt::ItemIsSelectable));
        } else if (path == previous) {
            list->setCurrentItem(item);
        }
        // The whole text, where the list is too narrow for it.
        item->setToolTip(item->text());
    }
}

void PairWizard::fillMainList()
{
    fillList(m_mainList, m_client->diskPaths(), [this](const QString &p) { return candidateLabel(p); },
             [this](const QString &p) { return PairRules::mainProblem(m_client->diskInfo(p), pairNameOf(p)); });
}

void PairWizard::fillSpareList()
{
    const QVariantMap main = m_client->diskInfo(mainDisk());
    const uint block = m_blockSize->count() ? blockSize() : 8;
    fillList(m_spareList, m_client->diskPaths(),
             [this, &main, block](const QString &p) {
                 const QVariantMap spare = m_client->diskInfo(p);
                 if (!PairRules::spareProblem(main, spare, block, pairNameOf(p)).isEmpty())
                     return diskLabel(p);
                 const qulonglong slotCount = PairRules::spareSlots(spare.value(QStringLiteral("size")).toULongLong(), block);
                 QString label = candidateLabel(p) + QStringLiteral(" · ")
                     + tr("room for %Ln bad block(s)", nullptr, int(std::min<qulonglong>(slotCount, INT_MAX)));
                 // A poor spare is allowed, with the reason it is poor.
                 const QString warning = PairRules::spareWarning(spare, diskHealth(p));
                 if (!warning.isEmpty())
                     label += QStringLiteral("\n    ") + warning;
                 return label;
             },
             [this, &main, block](const QString &p) {
                 return PairRules::spareProblem(main, m_client->diskInfo(p), block, pairNameOf(p));
             });
    m_spareHint->setText(tr("A spare of a few GiB is plenty: each GiB holds about 260,000 bad blocks of 4 KiB."));
}

void PairWizard::fillBlockSizes()
{
    const uint previous = m_blockSize->count() ? blockSize() : 8;
    const uint logical = std::max(m_client->diskInfo(mainDisk()).value(QStringLiteral("logical-block-size"), 512u).toUInt(),
                                  m_client->diskInfo(spareDisk()).value(QStringLiteral("logical-block-size"), 512u).toUInt());
    m_blockSize->clear();
    for (uint sectors = 1; sectors <= 128; sectors *= 2) {
        if (sectors * 512 < logical)
            continue;
        QString text = Health::formatBlockSize(qulonglong(sectors) * 512);
        if (sectors == 8)
            text = tr("%1 (recommended)").arg(text);
        m_blockSize->addItem(text, sectors);
        if (sectors == previous)
            m_blockSize->setCurrentIndex(m_blockSize->count() - 1);
    }
}

void PairWizard::fillSummary()
{
    const QVariantMap spare = m_client->diskInfo(spareDisk());
    const QString spareName = spare.value(QStringLiteral("path")).toString();
    const qulonglong slotCount = PairRules::spareSlots(spare.value(QStringLiteral("size")).toULongLong(), blockSize());
    m_summary->setText(tr("<p>Main disk (keeps its data): <b>%1</b></p>"
                          "<p>Spare disk: <b>%2</b>, room for %3 bad blocks</p>"
                          "<p>New device: <b>/dev/mapper/%4</b>, block size %5</p>")
                           .arg(diskLabel(mainDisk()).toHtmlEscaped(), diskLabel(spareDisk()).toHtmlEscaped(),
                                QLocale().toString(slotCount), pairName().toHtmlEscaped(),
                                Health::formatBlockSize(qulonglong(blockSize()) * 512)));
    m_warning->setText(tr("<b>Everything on %1 will be erased.</b> Files, partitions and file systems on the "
                          "spare disk will be lost and cannot be recovered.").arg(spareName.toHtmlEscaped()));
    m_confirm->setText(tr("I understand that all data on %1 will be &erased").arg(spareName));
    m_confirm->setChecked(false);
}

void PairWizard::startCreation()
{
    m_created.clear();
    m_working = true;
    m_busy->show();
    m_result->setText(tr("Creating the pair… If a password dialog appears, enter an administrator password."));
    m_client->createPair(pairName(), mainDisk(), spareDisk(), blockSize());
}
