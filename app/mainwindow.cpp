#include "mainwindow.h"

#include "devicemodel.h"
#include "health.h"
#include "helperclient.h"
#include "mappage.h"
#include "notifier.h"
#include "overviewpage.h"
#include "pairwizard.h"
#include "replacedialog.h"
#include "smartpage.h"
#include "systemcheck.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDBusObjectPath>
#include <QResizeEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

#include <utility>

static QFrame *messageBar(QLabel *text, QWidget *button, QWidget *parent)
{
    auto *bar = new QFrame(parent);
    bar->setObjectName(QStringLiteral("messageBar"));
    text->setWordWrap(true);
    auto *layout = new QHBoxLayout(bar);
    layout->addWidget(text, 1);
    layout->addWidget(button);
    return bar;
}

// A page in a scroll area: with a large font or at 200% its text wraps to
// its full height and the window still fits the screen.
static QScrollArea *scrolled(QWidget *page)
{
    auto *area = new QScrollArea;
    area->setWidget(page);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    return area;
}

MainWindow::MainWindow(HelperClient *client, DeviceModel *devices, Notifier *notifier, QWidget *parent)
    : QMainWindow(parent)
    , m_client(client)
    , m_devices(devices)
    , m_notifier(notifier)
    , m_view(new QTreeView(this))
    , m_tabs(new QTabWidget(this))
    , m_overview(new OverviewPage(client, devices, notifier, this))
    , m_smart(new SmartPage(client, this))
    , m_map(new MapPage(client, this))
    , m_helperText(new QLabel(this))
    , m_retry(new QPushButton(tr("Retr&y"), this))
    , m_errorText(new QLabel(this))
{
    setWindowTitle(tr("Disk Remap Manager"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/dm-remap-manager.svg")));

    m_view->setModel(devices);
    m_view->setAccessibleName(tr("Disks and pairs"));
    m_view->setUniformRowHeights(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setIconSize(QSize(22, 22));
    m_view->header()->setSectionResizeMode(DeviceModel::NameColumn, QHeaderView::Stretch);
    m_view->header()->setSectionResizeMode(DeviceModel::HealthColumn, QHeaderView::ResizeToContents);
    m_view->header()->setStretchLastSection(false);

    m_tabs->addTab(scrolled(m_overview), QIcon(QStringLiteral(":/icons/dm-remap-manager.svg")), tr("&Overview"));
    m_tabs->addTab(scrolled(m_smart), QIcon(QStringLiteral(":/icons/disk-hdd.svg")), tr("&SMART"));
    m_tabs->addTab(scrolled(m_map), QIcon(QStringLiteral(":/icons/map.svg")), tr("Remap &map"));
    m_tabs->setAccessibleName(tr("Details"));

    m_retry->setAccessibleName(tr("Retry connecting to the disk helper"));
    m_helperText->setAccessibleName(tr("Helper status"));
    m_helperBar = messageBar(m_helperText, m_retry, this);
    auto *dismiss = new QPushButton(tr("&Close"), this);
    m_errorText->setAccessibleName(tr("Last error"));
    m_errorBar = messageBar(m_errorText, dismiss, this);
    m_errorBar->hide();
    colourMessageBars();

    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_view);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(1, 1);
    splitter->setCollapsible(0, false);
    splitter->setCollapsible(1, false);
    // Room for a device's name and its health in any font size.
    const int em = fontMetrics().horizontalAdvance(QLatin1Char('M'));
    m_view->setMinimumWidth(16 * em);
    splitter->setSizes({24 * em, 48 * em});
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->addWidget(m_helperBar);
    layout->addWidget(m_errorBar);
    layout->addWidget(splitter, 1);
    setCentralWidget(central);

    m_newPair = new QAction(QIcon(QStringLiteral(":/icons/pair-add.svg")), tr("&Pair disks…"), this);
    m_newPair->setShortcut(QKeySequence::New);
    m_removePair = new QAction(QIcon(QStringLiteral(":/icons/remove.svg")), tr("&Remove pair…"), this);
    m_removePair->setShortcut(QKeySequence::Delete);
    m_replaceMain = new QAction(QIcon(QStringLiteral(":/icons/disk-hdd.svg")), tr("Replace ma&in disk…"), this);
    m_cancelReplace = new QAction(tr("Cancel replacemen&t"), this);
    m_refresh = new QAction(QIcon(QStringLiteral(":/icons/refresh.svg")), tr("Re&load"), this);
    m_refresh->setShortcut(QKeySequence::Refresh);
    auto *quit = new QAction(tr("&Quit"), this);
    quit->setShortcut(QKeySequence::Quit);
    auto *about = new QAction(tr("&About"), this);

    QMenu *file = menuBar()->addMenu(tr("&Disks"));
    file->addAction(m_newPair);
    file->addAction(m_removePair);
    file->addAction(m_replaceMain);
    file->addAction(m_cancelReplace);
    file->addAction(m_refresh);
    file->addSeparator();
    file->addAction(quit);
    menuBar()->addMenu(tr("&Help"))->addAction(about);
    QToolBar *toolbar = addToolBar(tr("Main toolbar"));
    toolbar->setObjectName(QStringLiteral("mainToolbar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->setMovable(false);
    toolbar->addAction(m_newPair);
    toolbar->addAction(m_removePair);
    toolbar->addAction(m_refresh);

    connect(m_newPair, &QAction::triggered, this, &MainWindow::newPair);
    connect(m_removePair, &QAction::triggered, this, [this] { removePair(selectedObject()); });
    connect(m_replaceMain, &QAction::triggered, this, [this] { replaceMain(selectedObject()); });
    connect(m_cancelReplace, &QAction::triggered, this, [this] { cancelReplace(selectedObject()); });
    connect(m_refresh, &QAction::triggered, client, &HelperClient::reload);
    connect(quit, &QAction::triggered, qApp, &QApplication::quit);
    connect(about, &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About Disk Remap Manager"),
                           tr("<p><b>Disk Remap Manager</b> %1</p><p>Watches your disks and keeps data on ageing "
                              "disks readable by moving failing blocks to a spare disk.</p><p>Helper: %2</p>")
                               .arg(QApplication::applicationVersion(),
                                    m_client->helperVersion().isEmpty() ? tr("not connected")
                                                                        : m_client->helperVersion().toHtmlEscaped()));
    });
    connect(m_retry, &QPushButton::clicked, client, &HelperClient::reload);
    connect(dismiss, &QPushButton::clicked, m_errorBar, &QWidget::hide);
    connect(m_overview, &OverviewPage::removePairRequested, this, &MainWindow::removePair);
    connect(m_overview, &OverviewPage::replaceMainRequested, this, &MainWindow::replaceMain);
    connect(m_overview, &OverviewPage::restartReplaceRequested, this, &MainWindow::restartReplace);
    connect(m_overview, &OverviewPage::cancelReplaceRequested, this, &MainWindow::cancelReplace);
    connect(client, &HelperClient::pairUpdated, this, [this](const QString &pair) {
        if (pair == selectedObject())
            updatePairActions();
    });
    connect(client, &HelperClient::statusChanged, this, &MainWindow::updateHelperBar);
    connect(client, &HelperClient::systemStatusChanged, this, &MainWindow::updateHelperBar);
    connect(client, &HelperClient::statusChanged, this, &MainWindow::openNamedObject);
    connect(client, &HelperClient::operationFailed, this, &MainWindow::showError);
    connect(client, &HelperClient::pairRemovalRefused, this, &MainWindow::removalRefused);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &MainWindow::selectionChanged);
    connect(devices, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        if (!selectedObject().isEmpty())
            m_wantedSelection = selectedObject();
    });
    connect(devices, &QAbstractItemModel::modelReset, this, [this] {
        m_view->expandAll();
        QModelIndex index = m_devices->indexOf(m_wantedSelection);
        if (!index.isValid() && m_devices->rowCount() > 0)
            index = m_devices->index(0, 0);
        if (index.isValid())
            m_view->setCurrentIndex(index);
        selectionChanged();
    });
    updateHelperBar();
    selectionChanged();
    // As large as the content wants, within the screen (at 200% a full-HD
    // screen is 960×540).
    const QRect screen = this->screen()->availableGeometry();
    resize(QSize(std::max(1200, sizeHint().width()), std::max(720, sizeHint().height()))
               .boundedTo(screen.size() * 0.92));
}

QWidget *MainWindow::currentPage() const
{
    auto *area = qobject_cast<QScrollArea *>(m_tabs->currentWidget());
    return area ? area->widget() : nullptr;
}

QString MainWindow::selectedObject() const
{
    return m_view->currentIndex().data(DeviceModel::PathRole).toString();
}

void MainWindow::openObject(const QString &path)
{
    if (!path.isEmpty()) {
        m_wantedSelection = path;
        const QModelIndex index = m_devices->indexOf(path);
        if (index.isValid())
            m_view->setCurrentIndex(index);
    }
    show();
    raise();
    activateWindow();
}

void MainWindow::openByName(const QString &name)
{
    m_wantedName = name;
    openNamedObject();
}

void MainWindow::openNamedObject()
{
    if (m_wantedName.isEmpty() || m_client->status() != HelperClient::Status::Ready)
        return;
    const QString name = std::exchange(m_wantedName, QString());
    const QString path = m_client->findObject(name);
    if (path.isEmpty())
        showError(tr("Opening “%1”").arg(name), tr("There is no disk or pair with that name or device."));
    openObject(path);
}

std::optional<MainWindow::Page> MainWindow::pageNamed(const QString &name)
{
    if (name == QLatin1String("overview"))
        return Page::Overview;
    if (name == QLatin1String("smart"))
        return Page::Smart;
    if (name == QLatin1String("map"))
        return Page::Map;
    return std::nullopt;
}

void MainWindow::showPage(Page page)
{
    m_wantedPage = static_cast<int>(page);
    applyWantedPage();
}

// Until something is selected the tabs are disabled: the page waits for it.
void MainWindow::applyWantedPage()
{
    if (m_wantedPage < 0 || selectedObject().isEmpty())
        return;
    if (m_tabs->isTabEnabled(m_wantedPage))
        m_tabs->setCurrentIndex(m_wantedPage);
    m_wantedPage = -1;
}

void MainWindow::selectionChanged()
{
    const QString path = selectedObject();
    if (!path.isEmpty())
        m_wantedSelection = path;
    m_overview->setObject(path);
    m_smart->setObject(path);
    m_map->setObject(path);
    const bool isPair = m_client->hasPair(path);
    m_removePair->setEnabled(isPair);
    updatePairActions();
    m_tabs->setTabEnabled(2, isPair || !m_client->pairOfDisk(path).isEmpty());
    applyWantedPage();
}

void MainWindow::updatePairActions()
{
    const QString path = selectedObject();
    const bool isPair = m_client->hasPair(path);
    const bool replacing = !m_client->pairStatus(path).value(QStringLiteral("replace-state")).toString().isEmpty();
    m_replaceMain->setEnabled(isPair && !replacing);
    m_cancelReplace->setEnabled(isPair && replacing);
}

void MainWindow::updateHelperBar()
{
    // One banner, the most fundamental problem first: the helper itself,
    // then what the machine lacks (SystemCheck).
    const bool ready = m_client->status() == HelperClient::Status::Ready;
    const SystemCheck::Problem missing = ready ? SystemCheck::firstProblem(m_client->systemStatus())
                                               : SystemCheck::Problem{};
    const QString text = ready ? missing.text : m_client->statusText();
    m_helperBar->setVisible(!text.isEmpty());
    m_helperText->setText(text);
    fitMessageTexts();
    m_retry->setVisible(m_client->status() != HelperClient::Status::Connecting);
    m_retry->setAccessibleName(ready ? tr("Check this computer again") : tr("Retry connecting to the disk helper"));
    const bool canPair = ready && !missing.blocksPairing;
    m_newPair->setEnabled(canPair);
    // A disabled action says why in its tooltip.
    m_newPair->setToolTip(canPair ? tr("Protect a disk with a spare disk")
                                  : tr("Pairing is not possible now: %1").arg(text));
    m_refresh->setEnabled(m_client->status() != HelperClient::Status::Connecting);
    openWantedWizard();
}

void MainWindow::openWantedWizard()
{
    if (!m_newPairWanted || m_client->status() != HelperClient::Status::Ready || !m_client->systemStatusAnswered())
        return;
    m_newPairWanted = false;
    if (m_newPair->isEnabled())
        newPair();
}

void MainWindow::showError(const QString &action, const QString &message)
{
    m_errorText->setText(QStringLiteral("<b>%1</b><br>%2").arg(tr("%1 failed.").arg(action).toHtmlEscaped(),
                                                               message.toHtmlEscaped()));
    m_errorBar->show();
    fitMessageTexts();
}

void MainWindow::newPair()
{
    auto *wizard = new PairWizard(m_client, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &QWizard::finished, this, [this, wizard] {
        if (wizard->isCreated())
            openObject(wizard->createdPair());
    });
    wizard->open();
}

void MainWindow::requestNewPair()
{
    openObject({});
    m_newPairWanted = true;
    openWantedWizard();
}

void MainWindow::removePair(const QString &pair)
{
    if (!m_client->hasPair(pair))
        return;
    const QVariantMap status = m_client->pairStatus(pair);
    const QString name = status.value(QStringLiteral("name")).toString();
    const qulonglong remapped = status.value(QStringLiteral("remapped")).toULongLong();
    const qulonglong pending = status.value(QStringLiteral("pending")).toULongLong();
    QMessageBox box(QMessageBox::Question, tr("Remove pair"),
                    tr("Remove the pair “%1”?").arg(name), QMessageBox::Cancel, this);
    QString text = tr("The device %1 disappears, so stop using it first (unmount it).")
                           .arg(status.value(QStringLiteral("device")).toString());
    text += QLatin1Char(' ');
    if (remapped == 0)
        text += tr("No blocks were moved to the spare: the main disk alone holds the pair's data.");
    else
        text += tr("First, the blocks moved to the spare (%1) are written back to the main disk and checked. Only if "
                   "all of them go back is the pair removed; the main disk then holds all of the pair's data. If some "
                   "cannot go back, nothing is removed and you are asked what to do.")
                        .arg(remapped);
    if (pending > 0)
        text += QLatin1Char(' ')
                + tr("Blocks that could not be read on the main disk (%1) were never rewritten: they remain unreadable.")
                          .arg(pending);
    box.setInformativeText(text);
    QPushButton *remove = box.addButton(tr("&Remove"), QMessageBox::DestructiveRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() == remove)
        m_client->removePair(pair);
}

void MainWindow::removalRefused(const QString &pair, const QString &details)
{
    const QString name = m_client->pairStatus(pair).value(QStringLiteral("name")).toString();
    QMessageBox refused(QMessageBox::Warning, tr("Pair not removed"),
                        tr("The pair “%1” was not removed: some moved blocks cannot be written back to the main disk.")
                                .arg(name),
                        QMessageBox::NoButton, this);
    refused.setInformativeText(tr("The newest data of these blocks is only on the spare. Keep the pair and replace "
                                  "the main disk with Replace main disk…: the whole pair, these blocks included, is "
                                  "copied to a new disk, so that nothing is lost. If you remove the pair anyway, the "
                                  "main disk alone holds old or unreadable data in these blocks."));
    refused.setDetailedText(details);
    // Four buttons in a row (with Show Details): the short words, where a
    // language has them.
    QPushButton *replace = refused.addButton(tr("Replace ma&in disk…", "a button beside three others"),
                                             QMessageBox::AcceptRole);
    QPushButton *keep = refused.addButton(tr("&Keep the pair"), QMessageBox::RejectRole);
    QPushButton *force = refused.addButton(tr("Remove &anyway…"), QMessageBox::DestructiveRole);
    refused.setDefaultButton(keep);
    refused.setEscapeButton(keep);
    refused.exec();
    if (refused.clickedButton() == replace) {
        replaceMain(pair);
        return;
    }
    if (refused.clickedButton() != force)
        return;
    QMessageBox confirm(QMessageBox::Warning, tr("Remove pair anyway"),
                        tr("Really remove the pair “%1” and lose the newest data of the blocks that cannot go back?")
                                .arg(name),
                        QMessageBox::Cancel, this);
    confirm.setInformativeText(tr("Their data stays only on the spare: the pair can still be assembled again from "
                                  "the two disks as long as nothing writes to them."));
    QPushButton *lose = confirm.addButton(tr("Remove and &lose data"), QMessageBox::DestructiveRole);
    confirm.setDefaultButton(QMessageBox::Cancel);
    confirm.exec();
    if (confirm.clickedButton() == lose)
        m_client->removePair(pair, true);
}

void MainWindow::replaceMain(const QString &pair)
{
    if (!m_client->hasPair(pair))
        return;
    auto *dialog = new ReplaceDialog(m_client, pair, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        m_client->replaceMain(dialog->pair(), dialog->newDisk());
    });
    dialog->open();
}

void MainWindow::restartReplace(const QString &pair)
{
    const QString disk = m_client->pairStatus(pair).value(QStringLiteral("replace-disk")).value<QDBusObjectPath>().path();
    if (disk.isEmpty() || disk == QLatin1String("/"))
        return;
    m_client->replaceMain(pair, disk);
}

void MainWindow::cancelReplace(const QString &pair)
{
    const QVariantMap status = m_client->pairStatus(pair);
    if (status.value(QStringLiteral("replace-state")).toString().isEmpty())
        return;
    QMessageBox box(QMessageBox::Question, tr("Cancel replacement"),
                    tr("Stop replacing the main disk of pair “%1”?").arg(status.value(QStringLiteral("name")).toString()),
                    QMessageBox::NoButton, this);
    box.setInformativeText(tr("The pair goes on on its own disks, as before. What was copied to %1 so far is erased "
                              "and the disk is released; to replace the main disk later, the copy starts from the "
                              "beginning.")
                               .arg(status.value(QStringLiteral("replace-disk-path")).toString()));
    QPushButton *stop = box.addButton(tr("&Stop copying"), QMessageBox::DestructiveRole);
    QPushButton *goOn = box.addButton(tr("&Go on copying"), QMessageBox::RejectRole);
    box.setDefaultButton(goOn);
    box.exec();
    if (box.clickedButton() == stop)
        m_client->cancelReplace(pair);
}

// Tints of the palette (Caution for the helper, Bad for errors), so that
// the bars stay readable in light and dark colour schemes.
void MainWindow::colourMessageBars()
{
    const std::pair<QFrame *, Health::Level> bars[] = {{m_helperBar, Health::Level::Caution},
                                                       {m_errorBar, Health::Level::Bad}};
    for (const auto &[bar, level] : bars) {
        const Health::MessageColors c = Health::messageColors(level, palette());
        bar->setStyleSheet(QStringLiteral("QFrame#messageBar { background: %1; border: 1px solid %2; border-radius: 4px; }"
                                          " QFrame#messageBar > QLabel { color: %3; }")
                               .arg(c.background.name(), c.border.name(), c.text.name()));
    }
}

// QMainWindow's layout does not ask for height-for-width: the bars' texts
// get the height their width needs here.
void MainWindow::resizeEvent(QResizeEvent *event)
{
    QMainWindow::resizeEvent(event);
    fitMessageTexts();
}

void MainWindow::fitMessageTexts()
{
    for (QLabel *text : {m_helperText, m_errorText})
        text->setMinimumHeight(std::max(0, text->heightForWidth(std::max(text->width(), 1))));
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        colourMessageBars();
    QMainWindow::changeEvent(event);
}

MainWindow::StartPlan MainWindow::startPlan(bool trayOption, bool objectOrPageNamed)
{
    return {objectOrPageNamed || !trayOption};
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_hideOnClose) {
        hide();
        event->ignore();
        // No tray icon to show that it still runs: say it once, and how to stop.
        if (!m_haveTray)
            m_notifier->noticeOnce(QStringLiteral("runs-in-background"), tr("Disk Remap Manager keeps watching your disks"),
                                   tr("You will be notified when a disk needs attention. Open Disk Remap Manager from "
                                      "the applications menu to see your disks; to stop watching, choose Quit in its "
                                      "Disks menu."));
        return;
    }
    QMainWindow::closeEvent(event);
}
