// "Replace main disk…" against the helper's API on a private bus, served by
// the FakeHelper test double: the dialog's choice of disks and its
// confirmation, the ReplaceMain call, the copy's progress and end from the
// status keys and signals, an interrupted copy, errors in words, and the
// refused removal pointing at the replacement.
#include "devicemodel.h"
#include "fakehelper.h"
#include "helperclient.h"
#include "mainwindow.h"
#include "notifier.h"
#include "overviewpage.h"
#include "privatebus.h"
#include "replacecandidatemodel.h"
#include "replacedialog.h"
#include "translations.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDBusObjectPath>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>

#include <algorithm>

namespace {
constexpr qulonglong GB = 1000ull * 1000 * 1000;
const QString safe = QStringLiteral("safe");
}

// Records the helper's signals as any client sees them.
class SignalLog : public QObject
{
    Q_OBJECT
public:
    QList<qulonglong> copied, totals;
    QStringList events;
public Q_SLOTS:
    void progress(qulonglong done, qulonglong total) { copied << done; totals << total; events << QStringLiteral("progress"); }
    void finished(const QString &result) { events << QStringLiteral("finished:") + result; }
    void removed(const QDBusObjectPath &) { events << QStringLiteral("removed"); }
};

class TestReplaceMain : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void dialogListsOnlySuitableDisks();
    void confirmationNamesTheDisk();
    void replaceCallsHelperAndShowsProgress();
    void progressShownFromStatusKeys();
    void interruptedOffersStartAgainAndCancel();
    void failedReplacementKeepsThePair();
    void errorsInWords();
    void removeRefusalOffersReplace();
    void copyRunsToTheEndLikeTheHelper();

private:
    // sda (main, 500 GB: 465.7 GiB as the app shows it) and sdb (spare) in pair "safe", and candidates:
    // sdc 1 TB free, sdd 250 GB (too small), sde 500 GB mounted, sdf 500 GB
    // on USB (suitable, with a warning), sdg 1 TB with 4 KiB sectors (the
    // main disk's are 512 bytes), sdh 1 TB without WWN or serial.
    void makeDisks();
    void startClient();
    QDBusConnection appBus();
    ReplaceDialog *openDialog(MainWindow &window);
    // Clicks the button with that text on the next modal message box whose
    // text contains expected; what the box said goes to *seen.
    void answer(const QString &expected, const QString &buttonText, QString *seen);

    PrivateBus m_bus;
    QTemporaryDir m_settingsDir;
    FakeHelper *m_fake = nullptr;
    HelperClient *m_client = nullptr;
    DeviceModel *m_devices = nullptr;
    QSettings *m_settings = nullptr;
    Notifier *m_notifier = nullptr;
    int m_connections = 0;
};

void TestReplaceMain::initTestCase()
{
    DmRemap::registerDBusTypes();
    Translations::install(QLocale());
    QVERIFY2(m_bus.start(), qPrintable(m_bus.errorString()));
}

QDBusConnection TestReplaceMain::appBus()
{
    return QDBusConnection::connectToBus(m_bus.address(), QStringLiteral("app-%1").arg(++m_connections));
}

void TestReplaceMain::init()
{
    m_fake = new FakeHelper(m_bus.address());
    m_settings = new QSettings(m_settingsDir.filePath(QStringLiteral("settings-%1.ini").arg(m_connections)),
                               QSettings::IniFormat);
}

void TestReplaceMain::cleanup()
{
    delete m_notifier;
    delete m_devices;
    delete m_client;
    delete m_settings;
    delete m_fake;
    m_notifier = nullptr;
    m_devices = nullptr;
    m_client = nullptr;
    m_fake = nullptr;
    m_settings = nullptr;
}

void TestReplaceMain::startClient()
{
    QVERIFY(m_fake->registerService());
    m_client = new HelperClient(appBus());
    m_devices = new DeviceModel(m_client);
    m_notifier = new Notifier(m_client, appBus(), m_settings);
    m_notifier->setSettleInterval(10);
    QTRY_COMPARE(m_client->status(), HelperClient::Status::Ready);
    // Every disk's SMART read: the health column is settled.
    QTRY_COMPARE(m_client->smart(m_fake->diskPath(QStringLiteral("sdh"))).isEmpty(), false);
}

void TestReplaceMain::makeDisks()
{
    m_fake->addDisk(QStringLiteral("sda"), QStringLiteral("/dev/sda"), QStringLiteral("hdd"), 500 * GB);
    m_fake->addDisk(QStringLiteral("sdb"), QStringLiteral("/dev/sdb"), QStringLiteral("ssd"), 64 * GB);
    m_fake->addDisk(QStringLiteral("sdc"), QStringLiteral("/dev/sdc"), QStringLiteral("ssd"), 1000 * GB);
    m_fake->addDisk(QStringLiteral("sdd"), QStringLiteral("/dev/sdd"), QStringLiteral("hdd"), 250 * GB);
    m_fake->addDisk(QStringLiteral("sde"), QStringLiteral("/dev/sde"), QStringLiteral("hdd"), 500 * GB,
                    {{QStringLiteral("in-use"), true},
                     {QStringLiteral("in-use-reason"), QStringLiteral("mounted on /srv")},
                     {QStringLiteral("in-use-reasons"),
                      QVariant::fromValue(DmRemap::ReasonList{{{QStringLiteral("code"), QStringLiteral("mounted")},
                                                               {QStringLiteral("mount-point"), QStringLiteral("/srv")}}})}});
    m_fake->addDisk(QStringLiteral("sdf"), QStringLiteral("/dev/sdf"), QStringLiteral("hdd"), 500 * GB,
                    {{QStringLiteral("transport"), QStringLiteral("usb")}, {QStringLiteral("model"), QStringLiteral("USBDisk")}});
    m_fake->addDisk(QStringLiteral("sdg"), QStringLiteral("/dev/sdg"), QStringLiteral("hdd"), 1000 * GB,
                    {{QStringLiteral("logical-block-size"), 4096u}});
    m_fake->addDisk(QStringLiteral("sdh"), QStringLiteral("/dev/sdh"), QStringLiteral("hdd"), 1000 * GB,
                    {{QStringLiteral("serial"), QString()}});
    m_fake->addPair(safe, QStringLiteral("sda"), QStringLiteral("sdb"));
}

ReplaceDialog *TestReplaceMain::openDialog(MainWindow &window)
{
    window.replaceMain(m_fake->pairPath(safe));
    return window.findChild<ReplaceDialog *>();
}

void TestReplaceMain::answer(const QString &expected, const QString &buttonText, QString *seen)
{
    auto *poll = new QTimer;
    poll->setInterval(20);
    QObject::connect(poll, &QTimer::timeout, poll, [poll, seen, expected, buttonText] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box || !box->text().contains(expected))
            return;
        poll->stop();
        poll->deleteLater();
        QStringList buttons;
        for (QAbstractButton *b : box->buttons())
            buttons << b->text();
        if (seen)
            *seen = box->text() + QLatin1Char('\n') + box->informativeText() + QLatin1Char('\n') + buttons.join(u'|');
        for (QAbstractButton *b : box->buttons())
            if (b->text() == buttonText)
                return b->click();
        qWarning("no button %s", qPrintable(buttonText));
    });
    poll->start();
}

void TestReplaceMain::dialogListsOnlySuitableDisks()
{
    makeDisks();
    startClient();
    MainWindow window(m_client, m_devices, m_notifier);
    window.show();
    window.openObject(m_fake->pairPath(safe));
    QVERIFY(window.replaceMainAction()->isEnabled());
    QVERIFY(!window.cancelReplaceAction()->isEnabled());
    QVERIFY(window.overviewPage()->replaceButton()->isVisible());
    QVERIFY(!window.overviewPage()->replaceBox()->isVisible());

    // The overview's button opens the dialog for the shown pair.
    QTest::mouseClick(window.overviewPage()->replaceButton(), Qt::LeftButton);
    ReplaceDialog *dialog = window.findChild<ReplaceDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QCOMPARE(dialog->pair(), m_fake->pairPath(safe));
    QVERIFY2(dialog->introLabel()->text().contains(QStringLiteral("(465.7 GiB)")), qPrintable(dialog->introLabel()->text()));

    // Every disk is listed; only the free ones large enough can be chosen,
    // the others say why.
    ReplaceCandidateModel *model = dialog->candidates();
    QCOMPARE(dialog->candidateView()->model(), model);
    QCOMPARE(model->rowCount(), 8);
    QStringList enabled;
    QHash<QString, QString> notes;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, ReplaceCandidateModel::DeviceColumn);
        const QString device = index.data().toString();
        if (model->flags(index) & Qt::ItemIsEnabled)
            enabled << device;
        notes.insert(device, model->index(row, ReplaceCandidateModel::NoteColumn).data().toString());
    }
    QCOMPARE(enabled, (QStringList{QStringLiteral("/dev/sdc"), QStringLiteral("/dev/sdf")}));
    QCOMPARE(notes.value(QStringLiteral("/dev/sda")), QStringLiteral("This is the pair's main disk"));
    QCOMPARE(notes.value(QStringLiteral("/dev/sdb")), QStringLiteral("This is the pair's spare"));
    QCOMPARE(notes.value(QStringLiteral("/dev/sdd")), QStringLiteral("Too small: 232.8 GiB, the pair needs at least 465.7 GiB"));
    QCOMPARE(notes.value(QStringLiteral("/dev/sde")), QStringLiteral("In use: mounted on /srv"));
    QVERIFY2(notes.value(QStringLiteral("/dev/sdf")).contains(QStringLiteral("USB disk")), qPrintable(notes.value(QStringLiteral("/dev/sdf"))));
    QCOMPARE(notes.value(QStringLiteral("/dev/sdg")), QStringLiteral("Its sectors are larger than the main disk's"));
    QCOMPARE(notes.value(QStringLiteral("/dev/sdh")),
             QStringLiteral("It has no serial number, so it could not be found again after a restart"));
    QVERIFY(notes.value(QStringLiteral("/dev/sdc")).isEmpty());

    // The columns: size, model, serial, connection, health.
    const int sdc = model->rowOf(m_fake->diskPath(QStringLiteral("sdc")));
    QCOMPARE(sdc, 0);
    QCOMPARE(model->index(sdc, ReplaceCandidateModel::SizeColumn).data().toString(), QStringLiteral("931.3 GiB"));
    QCOMPARE(model->index(sdc, ReplaceCandidateModel::ModelColumn).data().toString(), QStringLiteral("TestHDD"));
    QCOMPARE(model->index(sdc, ReplaceCandidateModel::SerialColumn).data().toString(), QStringLiteral("SDC"));
    QCOMPARE(model->index(sdc, ReplaceCandidateModel::TransportColumn).data().toString(), QStringLiteral("SATA"));
    QCOMPARE(model->index(sdc, ReplaceCandidateModel::HealthColumn).data().toString(), QStringLiteral("Good"));
    QCOMPARE(model->headerData(ReplaceCandidateModel::SerialColumn, Qt::Horizontal, Qt::DisplayRole).toString(),
             QStringLiteral("Serial number"));

    // An unsuitable disk cannot be chosen, a suitable one can.
    QVERIFY(!dialog->nextButton()->isEnabled());
    QVERIFY(!dialog->choose(m_fake->diskPath(QStringLiteral("sdd"))));
    QVERIFY(!dialog->choose(m_fake->diskPath(QStringLiteral("sda"))));
    QVERIFY(dialog->newDisk().isEmpty());
    QVERIFY(!dialog->nextButton()->isEnabled());
    QVERIFY(dialog->choose(m_fake->diskPath(QStringLiteral("sdc"))));
    QVERIFY(dialog->nextButton()->isEnabled());
    QVERIFY(!dialog->pairProblemLabel()->isVisible());

    // Blocks that cannot be read cannot be copied: said before choosing.
    m_fake->setPending(safe, {4000, 8000});
    QTRY_VERIFY(dialog->pairProblemLabel()->isVisible());
    QVERIFY2(dialog->pairProblemLabel()->text().startsWith(QStringLiteral("The pair has 2 unreadable blocks whose data cannot be copied.")),
             qPrintable(dialog->pairProblemLabel()->text()));
    QVERIFY(!dialog->nextButton()->isEnabled());
    dialog->next();
    QCOMPARE(dialog->page(), ReplaceDialog::ChoosePage);
    m_fake->setPending(safe, {});
    QTRY_VERIFY(dialog->nextButton()->isEnabled());
    dialog->reject();
    QTest::qWait(50);
    QCOMPARE(m_fake->calls.value(QStringLiteral("ReplaceMain")), 0);
}

void TestReplaceMain::confirmationNamesTheDisk()
{
    makeDisks();
    startClient();
    ReplaceDialog dialog(m_client, m_fake->pairPath(safe));
    dialog.show();
    QVERIFY(dialog.choose(m_fake->diskPath(QStringLiteral("sdc"))));
    QTest::mouseClick(dialog.nextButton(), Qt::LeftButton);
    QCOMPARE(dialog.page(), ReplaceDialog::ConfirmPage);
    const QString warning = dialog.warningLabel()->text();
    QVERIFY2(warning.contains(QStringLiteral("Everything on TestHDD SDC (/dev/sdc, 931.3 GiB) will be erased.")), qPrintable(warning));
    const QString summary = dialog.summaryLabel()->text();
    for (const char *part : {"The pair stays usable", "in the background", "/dev/mapper/safe keeps its name",
                             "uses the new disk alone", "(/dev/sda)", "(/dev/sdb)", "signatures erased"})
        QVERIFY2(summary.contains(QLatin1String(part)), qPrintable(QStringLiteral("%1 not in %2").arg(QLatin1String(part), summary)));
    QVERIFY(dialog.eraseConfirmation()->text().contains(QStringLiteral("/dev/sdc")));

    // Replacing waits for the erase to be acknowledged.
    QVERIFY(dialog.replaceButton()->isVisible());
    QVERIFY(!dialog.replaceButton()->isEnabled());
    dialog.eraseConfirmation()->setChecked(true);
    QVERIFY(dialog.replaceButton()->isEnabled());

    // Back to the list and another disk: the confirmation names it, and
    // must be given again.
    QTest::mouseClick(dialog.backButton(), Qt::LeftButton);
    QCOMPARE(dialog.page(), ReplaceDialog::ChoosePage);
    QVERIFY(dialog.choose(m_fake->diskPath(QStringLiteral("sdf"))));
    dialog.next();
    QVERIFY2(dialog.warningLabel()->text().contains(QStringLiteral("Everything on USBDisk SDF (/dev/sdf, 465.7 GiB)")),
             qPrintable(dialog.warningLabel()->text()));
    QVERIFY(dialog.summaryLabel()->text().contains(QStringLiteral("USB disk")));
    QVERIFY(!dialog.eraseConfirmation()->isChecked());
    QVERIFY(!dialog.replaceButton()->isEnabled());
    QCOMPARE(m_fake->calls.value(QStringLiteral("ReplaceMain")), 0);
}

void TestReplaceMain::replaceCallsHelperAndShowsProgress()
{
    makeDisks();
    startClient();
    MainWindow window(m_client, m_devices, m_notifier);
    window.show();
    const QString pair = m_fake->pairPath(safe);
    window.openObject(pair);
    QSignalSpy notices(m_notifier, &Notifier::notified);

    ReplaceDialog *dialog = openDialog(window);
    QVERIFY(dialog);
    QVERIFY(dialog->choose(m_fake->diskPath(QStringLiteral("sdc"))));
    dialog->next();
    dialog->eraseConfirmation()->setChecked(true);
    QTest::mouseClick(dialog->replaceButton(), Qt::LeftButton);

    // The helper is asked with the erase acknowledged, polkit may ask.
    QTRY_COMPARE(m_fake->calls.value(QStringLiteral("ReplaceMain")), 1);
    FakeObject *fakePair = m_fake->pair(safe);
    QCOMPARE(fakePair->lastReplaceOptions.value(QStringLiteral("erase-new-disk")).metaType().id(), int(QMetaType::Bool));
    QCOMPARE(fakePair->lastReplaceOptions.value(QStringLiteral("erase-new-disk")).toBool(), true);
    QCOMPARE(fakePair->lastReplaceOptions.size(), 1);
    QVERIFY(m_fake->lastCallInteractive);
    QCOMPARE(fakePair->info.value(QStringLiteral("replace-disk-path")).toString(), QStringLiteral("/dev/sdc"));

    // Copying: the overview shows the progress and the new disk.
    OverviewPage *overview = window.overviewPage();
    QTRY_VERIFY(overview->replaceBox()->isVisible());
    QVERIFY(overview->replaceProgress()->isVisible());
    QVERIFY(!overview->replaceButton()->isVisible());
    QVERIFY(!overview->restartReplaceButton()->isVisible());
    QVERIFY(overview->cancelReplaceButton()->isVisible());
    QTRY_VERIFY2(overview->replaceText()->text().contains(QStringLiteral("/dev/sdc (TestHDD)")), qPrintable(overview->replaceText()->text()));
    QCOMPARE(overview->replaceProgress()->value(), 0);
    QVERIFY(!window.replaceMainAction()->isEnabled());
    QVERIFY(window.cancelReplaceAction()->isEnabled());

    const qulonglong total = fakePair->info.value(QStringLiteral("main-sectors")).toULongLong();
    m_fake->advanceReplace(safe, total / 4);
    QTRY_COMPARE(overview->replaceProgress()->value(), 250);
    QCOMPARE(overview->replaceProgress()->text(), QStringLiteral("25% copied"));
    m_fake->advanceReplace(safe, total / 2);
    QTRY_COMPARE(overview->replaceProgress()->text(), QStringLiteral("50% copied"));

    // Done: the pair ends, its disks are free, the user is told.
    m_fake->finishReplace(safe, QStringLiteral("done"));
    QTRY_VERIFY(!m_client->hasPair(pair));
    QTRY_COMPARE(m_client->diskInfo(m_fake->diskPath(QStringLiteral("sda"))).value(QStringLiteral("role")).toString(),
                 QStringLiteral("free"));
    QTRY_VERIFY(!notices.isEmpty());
    bool told = false;
    for (const QList<QVariant> &n : std::as_const(notices)) {
        if (n.at(0).toString() != QStringLiteral("Main disk of pair “safe” replaced"))
            continue;
        told = true;
        QCOMPARE(n.at(1).toString(),
                 QStringLiteral("The main disk of pair “safe” was replaced by /dev/sdc (TestHDD); /dev/mapper/safe now "
                                "uses it alone. The old main disk and the spare are free again."));
    }
    QVERIFY(told);
    QTRY_VERIFY(!m_devices->indexOf(pair).isValid());
}

void TestReplaceMain::progressShownFromStatusKeys()
{
    makeDisks();
    // A copy already running when the app starts: known from GetStatus alone.
    FakeObject *fakePair = m_fake->pair(safe);
    fakePair->info.insert(QStringLiteral("replace-state"), QStringLiteral("copying"));
    fakePair->info.insert(QStringLiteral("replace-disk"), QVariant::fromValue(QDBusObjectPath(m_fake->diskPath(QStringLiteral("sdf")))));
    fakePair->info.insert(QStringLiteral("replace-disk-path"), QStringLiteral("/dev/sdf"));
    fakePair->info.insert(QStringLiteral("replace-copied"), qulonglong(750));
    fakePair->info.insert(QStringLiteral("replace-total"), qulonglong(1000));
    startClient();
    MainWindow window(m_client, m_devices, m_notifier);
    window.show();
    window.openObject(m_fake->pairPath(safe));
    OverviewPage *overview = window.overviewPage();
    QTRY_VERIFY(overview->replaceBox()->isVisible());
    QCOMPARE(overview->replaceProgress()->value(), 750);
    QCOMPARE(overview->replaceProgress()->text(), QStringLiteral("75% copied"));
    QVERIFY2(overview->replaceText()->text().contains(QStringLiteral("/dev/sdf (USBDisk)")), qPrintable(overview->replaceText()->text()));
    QVERIFY(overview->replaceText()->text().contains(QStringLiteral("/dev/mapper/safe uses the new disk alone")));
    QVERIFY(!overview->replaceButton()->isVisible());
    QVERIFY(!window.replaceMainAction()->isEnabled());
    QVERIFY(window.cancelReplaceAction()->isEnabled());

    // No replacement in the status: nothing of it shown.
    fakePair->clearReplacement();
    m_client->reload();
    QTRY_COMPARE(m_client->status(), HelperClient::Status::Ready);
    window.openObject(m_fake->pairPath(safe));
    QTRY_VERIFY(overview->replaceButton()->isVisible());
    QVERIFY(!overview->replaceBox()->isVisible());
    QVERIFY(window.replaceMainAction()->isEnabled());
}

void TestReplaceMain::interruptedOffersStartAgainAndCancel()
{
    makeDisks();
    startClient();
    const QString pair = m_fake->pairPath(safe);
    const QString sdc = m_fake->diskPath(QStringLiteral("sdc"));
    m_client->replaceMain(pair, sdc);
    QTRY_COMPARE(m_client->pairStatus(pair).value(QStringLiteral("replace-state")).toString(), QStringLiteral("copying"));
    // The helper restarted during the copy.
    m_fake->advanceReplace(safe, 1000);
    m_fake->interruptReplace(safe);
    m_client->reload();
    QTRY_COMPARE(m_client->pairStatus(pair).value(QStringLiteral("replace-state")).toString(), QStringLiteral("interrupted"));

    MainWindow window(m_client, m_devices, m_notifier);
    window.show();
    window.openObject(pair);
    OverviewPage *overview = window.overviewPage();
    QTRY_VERIFY(overview->replaceBox()->isVisible());
    QVERIFY2(overview->replaceText()->text().contains(QStringLiteral("was stopped by a restart")), qPrintable(overview->replaceText()->text()));
    QVERIFY(overview->replaceText()->text().contains(QStringLiteral("/dev/sdc")));
    QVERIFY(!overview->replaceProgress()->isVisible());
    QVERIFY(overview->restartReplaceButton()->isVisible());
    QCOMPARE(overview->restartReplaceButton()->text(), QStringLiteral("Start &again"));
    QVERIFY(overview->cancelReplaceButton()->isVisible());
    QVERIFY(!overview->replaceButton()->isVisible());
    QVERIFY(window.cancelReplaceAction()->isEnabled());

    // Start again: the same disk, the copy runs.
    m_fake->calls.clear();
    QTest::mouseClick(overview->restartReplaceButton(), Qt::LeftButton);
    QTRY_COMPARE(m_fake->calls.value(QStringLiteral("ReplaceMain")), 1);
    QTRY_VERIFY(overview->replaceProgress()->isVisible());
    QCOMPARE(m_fake->pair(safe)->info.value(QStringLiteral("replace-disk")).value<QDBusObjectPath>().path(), sdc);
    QVERIFY(!overview->restartReplaceButton()->isVisible());

    // Cancel asks first; going on keeps the copy.
    QString seen;
    answer(QStringLiteral("Stop replacing"), QStringLiteral("&Go on copying"), &seen);
    QTest::mouseClick(overview->cancelReplaceButton(), Qt::LeftButton);
    QTRY_VERIFY(!seen.isEmpty());
    QVERIFY2(seen.contains(QStringLiteral("goes on on its own disks")), qPrintable(seen));
    QTest::qWait(100);
    QCOMPARE(m_fake->calls.value(QStringLiteral("CancelReplace")), 0);

    QSignalSpy notices(m_notifier, &Notifier::notified);
    answer(QStringLiteral("Stop replacing"), QStringLiteral("&Stop copying"), nullptr);
    window.cancelReplaceAction()->trigger();
    QTRY_COMPARE(m_fake->calls.value(QStringLiteral("CancelReplace")), 1);
    QVERIFY(m_fake->lastCallInteractive);
    QTRY_VERIFY(overview->replaceButton()->isVisible());
    QVERIFY(!overview->replaceBox()->isVisible());
    QVERIFY(m_client->hasPair(pair));
    QTRY_COMPARE(m_client->diskInfo(sdc).value(QStringLiteral("in-use")).toBool(), false);
    QTRY_VERIFY(!notices.isEmpty());
    QCOMPARE(notices.last().at(0).toString(), QStringLiteral("Replacement of pair “safe” cancelled"));
    QVERIFY2(notices.last().at(1).toString().contains(QStringLiteral("goes on on its old disks")),
             qPrintable(notices.last().at(1).toString()));
}

void TestReplaceMain::failedReplacementKeepsThePair()
{
    makeDisks();
    startClient();
    const QString pair = m_fake->pairPath(safe);
    QSignalSpy finished(m_client, &HelperClient::replaceFinished);
    QSignalSpy notices(m_notifier, &Notifier::notified);
    m_client->replaceMain(pair, m_fake->diskPath(QStringLiteral("sdf")));
    QTRY_COMPARE(m_client->pairStatus(pair).value(QStringLiteral("replace-state")).toString(), QStringLiteral("copying"));
    QTRY_COMPARE(m_client->diskInfo(m_fake->diskPath(QStringLiteral("sdf"))).value(QStringLiteral("in-use")).toBool(), true);
    m_fake->finishReplace(safe, QStringLiteral("failed"));
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.first().at(2).toString(), QStringLiteral("failed"));
    QTRY_VERIFY(m_client->pairStatus(pair).value(QStringLiteral("replace-state")).toString().isEmpty());
    QVERIFY(m_client->hasPair(pair));
    QTRY_VERIFY(!notices.isEmpty());
    QCOMPARE(notices.last().at(0).toString(), QStringLiteral("Main disk of pair “safe” not replaced"));
    QVERIFY2(notices.last().at(1).toString().contains(QStringLiteral("The pair goes on on its old disks")),
             qPrintable(notices.last().at(1).toString()));
    QVERIFY(notices.last().at(1).toString().contains(QStringLiteral("/dev/sdf (USBDisk)")));
    QVERIFY(notices.last().at(3).toBool()); // critical
}

void TestReplaceMain::errorsInWords()
{
    makeDisks();
    m_fake->setPending(safe, {4000});
    startClient();
    const QString pair = m_fake->pairPath(safe);
    QSignalSpy failures(m_client, &HelperClient::operationFailed);

    // Pending blocks cannot be copied.
    m_client->replaceMain(pair, m_fake->diskPath(QStringLiteral("sdc")));
    QTRY_COMPARE(failures.count(), 1);
    QCOMPARE(failures.last().at(0).toString(), QStringLiteral("Replacing the main disk"));
    QVERIFY2(failures.last().at(1).toString().startsWith(QStringLiteral("Some blocks of the pair could not be read, so their data cannot be copied.")),
             qPrintable(failures.last().at(1).toString()));

    // Too small, in use: the helper checks again and says why.
    m_fake->setPending(safe, {});
    m_client->replaceMain(pair, m_fake->diskPath(QStringLiteral("sdd")));
    QTRY_COMPARE(failures.count(), 2);
    QVERIFY2(failures.last().at(1).toString().startsWith(QStringLiteral("The new disk is smaller than the pair's main disk.")),
             qPrintable(failures.last().at(1).toString()));
    m_client->replaceMain(pair, m_fake->diskPath(QStringLiteral("sde")));
    QTRY_COMPARE(failures.count(), 3);
    QVERIFY2(failures.last().at(1).toString().startsWith(QStringLiteral("The new disk is in use")), qPrintable(failures.last().at(1).toString()));
    m_client->replaceMain(pair, m_fake->diskPath(QStringLiteral("sdb")));
    QTRY_COMPARE(failures.count(), 4);
    QVERIFY2(failures.last().at(1).toString().startsWith(QStringLiteral("The new disk is one of the pair's own disks.")),
             qPrintable(failures.last().at(1).toString()));

    // One replacement at a time.
    m_client->replaceMain(pair, m_fake->diskPath(QStringLiteral("sdc")));
    QTRY_COMPARE(m_client->pairStatus(pair).value(QStringLiteral("replace-state")).toString(), QStringLiteral("copying"));
    QCOMPARE(failures.count(), 4);
    m_client->replaceMain(pair, m_fake->diskPath(QStringLiteral("sdf")));
    QTRY_COMPARE(failures.count(), 5);
    QVERIFY2(failures.last().at(1).toString().startsWith(QStringLiteral("The main disk of this pair is already being replaced.")),
             qPrintable(failures.last().at(1).toString()));

    // Refused by polkit: the usual words.
    m_fake->finishReplace(safe, QStringLiteral("cancelled"));
    QTRY_VERIFY(m_client->pairStatus(pair).value(QStringLiteral("replace-state")).toString().isEmpty());
    m_fake->refuseWith = QStringLiteral("org.freedesktop.DBus.Error.AccessDenied");
    m_client->replaceMain(pair, m_fake->diskPath(QStringLiteral("sdc")));
    QTRY_COMPARE(m_fake->calls.value(QStringLiteral("ReplaceMain")), 7);
    QTRY_VERIFY(std::any_of(failures.cbegin() + 5, failures.cend(), [](const QList<QVariant> &f) {
        return f.at(0).toString() == QStringLiteral("Replacing the main disk")
            && f.at(1).toString().startsWith(QStringLiteral("Permission was refused."));
    }));
}

void TestReplaceMain::removeRefusalOffersReplace()
{
    makeDisks();
    FakeObject *fakePair = m_fake->pair(safe);
    fakePair->remaps = {800, 1600, 2400};
    fakePair->stuckBlocks = 2;
    startClient();
    MainWindow window(m_client, m_devices, m_notifier);
    window.show();
    const QString pair = m_fake->pairPath(safe);
    window.openObject(pair);

    QString seen;
    answer(QStringLiteral("Remove the pair “safe”"), QStringLiteral("&Remove"), nullptr);
    answer(QStringLiteral("was not removed"), QStringLiteral("Replace ma&in disk…"), &seen);
    window.removePair(pair);
    QTRY_VERIFY(!seen.isEmpty());
    QVERIFY2(seen.contains(QStringLiteral("&Keep the pair")) && seen.contains(QStringLiteral("Remove &anyway…")), qPrintable(seen));
    QVERIFY2(seen.contains(QStringLiteral("replace the main disk with Replace main disk…")), qPrintable(seen));
    // The button opens the replacement dialog for that pair; nothing removed.
    ReplaceDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<ReplaceDialog *>()));
    QCOMPARE(dialog->pair(), pair);
    QTRY_VERIFY(dialog->isVisible());
    QCOMPARE(m_fake->calls.value(QStringLiteral("RemoveWithOptions")), 1);
    QVERIFY(m_fake->pair(safe));
    dialog->reject();
}

// Left to itself the double copies as the helper does: progress signals
// that grow, then ReplaceFinished("done") and PairRemoved.
void TestReplaceMain::copyRunsToTheEndLikeTheHelper()
{
    makeDisks();
    m_fake->replaceStepMs = 20;
    startClient();
    const QString pair = m_fake->pairPath(safe);
    // What goes over the bus, in order.
    QDBusConnection watcher = appBus();
    SignalLog log;
    const QString service = QStringLiteral("org.dmremap.Manager1");
    QVERIFY(watcher.connect(service, pair, QStringLiteral("org.dmremap.Pair1"), QStringLiteral("ReplaceProgress"),
                            &log, SLOT(progress(qulonglong, qulonglong))));
    QVERIFY(watcher.connect(service, pair, QStringLiteral("org.dmremap.Pair1"), QStringLiteral("ReplaceFinished"),
                            &log, SLOT(finished(QString))));
    QVERIFY(watcher.connect(service, QStringLiteral("/org/dmremap/Manager1"), QStringLiteral("org.dmremap.Manager1"),
                            QStringLiteral("PairRemoved"), &log, SLOT(removed(QDBusObjectPath))));
    QSignalSpy finished(m_client, &HelperClient::replaceFinished);
    QSignalSpy structure(m_client, &HelperClient::structureChanged);
    QSignalSpy updated(m_client, &HelperClient::pairUpdated);
    m_client->replaceMain(pair, m_fake->diskPath(QStringLiteral("sdc")));
    QTRY_VERIFY2(finished.count() == 1, qPrintable(log.events.join(u' ')));
    QCOMPARE(finished.first().at(0).toString(), pair);
    QCOMPARE(finished.first().at(2).toString(), QStringLiteral("done"));
    const QVariantMap last = finished.first().at(1).toMap();
    QCOMPARE(last.value(QStringLiteral("name")).toString(), safe);
    QCOMPARE(last.value(QStringLiteral("replace-disk-path")).toString(), QStringLiteral("/dev/sdc"));
    QCOMPARE(last.value(QStringLiteral("replace-copied")).toULongLong(), last.value(QStringLiteral("replace-total")).toULongLong());
    QTRY_VERIFY(!m_client->hasPair(pair));
    QVERIFY(!m_fake->pair(safe));
    // The new disk is held by the device that kept the pair's name; the old
    // ones are free.
    QTRY_COMPARE(m_client->diskInfo(m_fake->diskPath(QStringLiteral("sdb"))).value(QStringLiteral("in-use")).toBool(), false);
    QCOMPARE(m_client->diskInfo(m_fake->diskPath(QStringLiteral("sda"))).value(QStringLiteral("role")).toString(), QStringLiteral("free"));
    QCOMPARE(m_client->diskInfo(m_fake->diskPath(QStringLiteral("sdc"))).value(QStringLiteral("in-use")).toBool(), true);
    QCOMPARE(m_client->diskInfo(m_fake->diskPath(QStringLiteral("sdc"))).value(QStringLiteral("role")).toString(), QStringLiteral("free"));
    QVERIFY(updated.count() >= 4); // one per progress signal at least

    QTRY_VERIFY(log.events.contains(QStringLiteral("removed")));
    QVERIFY2(log.copied.size() >= 2, qPrintable(log.events.join(u' ')));
    for (qsizetype i = 1; i < log.copied.size(); ++i)
        QVERIFY(log.copied.at(i) > log.copied.at(i - 1));
    QCOMPARE(log.copied.last(), last.value(QStringLiteral("replace-total")).toULongLong());
    QCOMPARE(log.totals, QList<qulonglong>(log.copied.size(), last.value(QStringLiteral("replace-total")).toULongLong()));
    QCOMPARE(log.events.mid(log.events.size() - 2), (QStringList{QStringLiteral("finished:done"), QStringLiteral("removed")}));
    QCOMPARE(log.events.count(QStringLiteral("progress")), log.events.size() - 2);
}

QTEST_MAIN(TestReplaceMain)
#include "tst_replacemain.moc"
