// The background scan in the app (issue 14): the pair's overview says the
// scan's state in words (en, de, fr), shows the pass's progress and read
// failures as ScanProgress and GetStatus give them, offers Scan now / Go on /
// Stop scan, which reach the helper (refusals shown in the error bar), and
// the notifier tells a pass that found unreadable places once. Against the
// helper's test double, whose scan keys are the helper's own
// (PatrolScan::statusKeys) and whose ScanProgress is sent as the helper's.
#include "devicemodel.h"
#include "fakehelper.h"
#include "health.h"
#include "helperclient.h"
#include "mainwindow.h"
#include "notifier.h"
#include "overviewpage.h"
#include "privatebus.h"
#include "scanview.h"
#include "translations.h"

#include <QApplication>
#include <QGroupBox>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

namespace {
constexpr qulonglong GB = 1000ull * 1000 * 1000;
constexpr qint64 day = 86400;
const qint64 start = QDateTime(QDate(2026, 6, 1), QTime(12, 0), QTimeZone::utc()).toSecsSinceEpoch();
const QStringList states{QStringLiteral("idle"), QStringLiteral("running"), QStringLiteral("paused-busy"),
                         QStringLiteral("paused-asleep"), QStringLiteral("stopped")};

// Lower-case words of four letters or more.
QSet<QString> wordsOf(const QString &text)
{
    QSet<QString> out;
    for (const QString &w : text.split(QRegularExpression(QStringLiteral("[^\\p{L}']+")), Qt::SkipEmptyParts))
        if (w.size() >= 4)
            out << w.toLower();
    return out;
}

QString shown(QString text)
{
    return text.remove(QLatin1Char('&'));
}
} // namespace

class TestScan : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        DmRemap::registerDBusTypes();
        QVERIFY2(m_bus.start(), qPrintable(m_bus.errorString()));
    }
    void init()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        Translations::install(QLocale());
    }

    // Every state, with and without a pass under way, and every other text
    // of the scan in words of the app's language: distinct from each other,
    // and in German and French without an English word.
    void wordsForEveryState()
    {
        struct Case {
            QString state;
            bool underWay;
        };
        QList<Case> cases;
        for (const QString &state : states)
            cases << Case{state, false} << Case{state, true};
        auto textsOf = [&] {
            QStringList texts;
            for (const Case &c : cases)
                texts << ScanView::stateText(c.state, c.underWay);
            // The rest of a pass under way with failures, and after it.
            QVariantMap status{{QStringLiteral("scan-state"), QStringLiteral("running")},
                               {QStringLiteral("scan-position"), qulonglong(425)},
                               {QStringLiteral("scan-size"), qulonglong(1000)},
                               {QStringLiteral("scan-pass-started"), qlonglong(start)},
                               {QStringLiteral("scan-read-errors"), qulonglong(3)}};
            const ScanView::View running = ScanView::of(status);
            texts << running.progress << running.readErrorsText << running.lastPass << shown(running.actionText)
                  << running.actionTip;
            status.insert(QStringLiteral("scan-state"), QStringLiteral("stopped"));
            const ScanView::View stopped = ScanView::of(status);
            texts << shown(stopped.actionText) << stopped.actionTip;
            status.insert(QStringLiteral("scan-state"), QStringLiteral("idle"));
            status.insert(QStringLiteral("scan-pass-started"), qlonglong(0));
            status.insert(QStringLiteral("scan-position"), qulonglong(0));
            status.insert(QStringLiteral("scan-last-finished"), qlonglong(start));
            const ScanView::View idle = ScanView::of(status);
            texts << idle.readErrorsText << shown(idle.actionText) << idle.actionTip;
            return texts;
        };
        const QStringList english = textsOf();
        // Not the helper's codes, and the states tell apart (paused ones too).
        for (int i = 0; i < cases.size(); ++i) {
            QVERIFY2(!english.at(i).contains(cases.at(i).state), qPrintable(english.at(i)));
            QVERIFY2(!english.at(i).startsWith(QStringLiteral("Unknown")), qPrintable(english.at(i)));
        }
        // Six texts: idle says whether a pass waits, the others do not depend on it.
        const QSet<QString> distinct(english.cbegin(), english.cbegin() + cases.size());
        QCOMPARE(distinct.size(), 6);
        QCOMPARE(english.at(0), QStringLiteral("Not scanning now"));
        QCOMPARE(english.at(1), QStringLiteral("Waiting to go on"));
        QCOMPARE(english.at(2), QStringLiteral("Reading the main disk"));
        QCOMPARE(english.at(4), QStringLiteral("Paused while the pair is in use"));
        QCOMPARE(english.at(6), QStringLiteral("Paused while the main disk sleeps"));
        QCOMPARE(english.at(8), QStringLiteral("Stopped until you start it again"));
        QCOMPARE(english.at(cases.size()), QStringLiteral("42.5% read"));
        QCOMPARE(english.at(cases.size() + 1),
                 QStringLiteral("3 reads of this pass found unreadable blocks. They are listed as unreadable now and are "
                                "moved to the spare when next written."));
        QCOMPARE(english.at(cases.size() + 2), QStringLiteral("never"));
        QCOMPARE(english.at(cases.size() + 3), QStringLiteral("Stop scan"));
        QCOMPARE(english.at(cases.size() + 5), QStringLiteral("Go on"));
        QCOMPARE(english.at(cases.size() + 8), QStringLiteral("Scan now"));
        QVERIFY(ScanView::stateText(QStringLiteral("later-state"), false).contains(QStringLiteral("“later-state”")));

        for (const QLocale &locale : {QLocale(QLocale::German, QLocale::Germany), QLocale(QLocale::French, QLocale::France)}) {
            QLocale::setDefault(locale);
            Translations::install(locale);
            const QStringList translated = textsOf();
            QCOMPARE(translated.size(), english.size());
            for (int i = 0; i < translated.size(); ++i) {
                QVERIFY2(!translated.at(i).isEmpty(), qPrintable(english.at(i)));
                QVERIFY2(translated.at(i) != english.at(i), qPrintable(translated.at(i)));
                // "pass" is a French word (passe) and "Pause"/"pause" German
                // and French: only words of the English text that are no
                // word of the translation's language count.
                const QSet<QString> shared{QStringLiteral("pause"), QStringLiteral("scan")};
                for (const QString &w : wordsOf(english.at(i)))
                    if (!shared.contains(w))
                        QVERIFY2(!wordsOf(translated.at(i)).contains(w),
                                 qPrintable(QStringLiteral("English “%1” in: %2").arg(w, translated.at(i))));
                if (locale.language() == QLocale::French)
                    QVERIFY2(!translated.at(i).contains(QRegularExpression(QStringLiteral("[^\\x{00a0}\\x{202f}][:;!?%](\\s|$)|'"))),
                             qPrintable(translated.at(i)));
            }
        }
    }

    // The overview follows ScanProgress: the state in words, the progress
    // bar and its percentage while a pass is under way, the button that fits,
    // read failures when there are some, the last and next pass; the
    // buttons' calls reach the helper. Progress signals are taken as they
    // come: only a change of state reads the status again.
    void overviewFollowsScanProgress()
    {
        FakeHelper fake(m_bus.address());
        fake.nowSecs = start;
        fake.addDisk(QStringLiteral("sda"), QStringLiteral("/dev/sda"), QStringLiteral("hdd"), 500 * GB);
        fake.addDisk(QStringLiteral("sdb"), QStringLiteral("/dev/sdb"), QStringLiteral("ssd"), 64 * GB);
        FakeObject *fakePair = fake.addPair(QStringLiteral("safe"), QStringLiteral("sda"), QStringLiteral("sdb"));
        QVERIFY(fake.registerService());
        QDBusConnection bus = QDBusConnection::connectToBus(m_bus.address(), QStringLiteral("scan-app"));
        HelperClient client(bus);
        DeviceModel devices(&client);
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        Notifier notifier(&client, bus, &settings);
        const QString pair = fake.pairPath(QStringLiteral("safe"));
        QTRY_VERIFY(client.hasPair(pair));
        OverviewPage page(&client, &devices, &notifier);
        page.resize(900, 1200);
        page.show();
        page.setObject(pair);
        QVERIFY(page.scanBox()->isVisible());
        QCOMPARE(page.scanBox()->title(), QStringLiteral("Background scan"));

        // Never scanned: its first pass a day after the helper first saw it.
        QCOMPARE(page.valueText(QStringLiteral("scan-state")), QStringLiteral("Not scanning now"));
        QCOMPARE(page.valueText(QStringLiteral("scan-last")), QStringLiteral("never"));
        QCOMPARE(page.valueText(QStringLiteral("scan-next")), Health::shortDate(start + day));
        QVERIFY(!page.scanProgress()->isVisible());
        QVERIFY(!page.scanErrorsLabel()->isVisible());
        QCOMPARE(page.scanButton()->text(), QStringLiteral("Scan no&w"));

        // Scan now: StartScan, then "running" (ScanProgress) and a pass.
        QTest::mouseClick(page.scanButton(), Qt::LeftButton);
        QTRY_COMPARE(fake.calls.value(QStringLiteral("StartScan")), 1);
        QTRY_COMPARE(page.valueText(QStringLiteral("scan-state")), QStringLiteral("Reading the main disk"));
        QTRY_COMPARE(page.scanButton()->text(), QStringLiteral("Sto&p scan"));
        QVERIFY(page.scanProgress()->isVisible());
        QCOMPARE(page.scanProgress()->text(), QStringLiteral("0.0% read"));
        QTRY_VERIFY(client.pairStatus(pair).value(QStringLiteral("scan-pass-started")).toLongLong() == start);
        QTest::qWait(200);

        // Progress alone: the bar moves, no GetStatus for it.
        const qulonglong size = fakePair->scan.size;
        const int statusReads = fake.calls.value(QStringLiteral("GetStatus"));
        fakePair->setScan(size / 4, QStringLiteral("running"));
        QTRY_COMPARE(page.scanProgress()->value(), 250);
        QCOMPARE(page.scanProgress()->text(), QStringLiteral("25.0% read"));
        fakePair->setScan(size * 425 / 1000, QStringLiteral("running"));
        QTRY_COMPARE(page.scanProgress()->text(), QStringLiteral("42.5% read"));
        QTest::qWait(200);
        QCOMPARE(fake.calls.value(QStringLiteral("GetStatus")), statusReads);

        // Reads fail: the blocks are pending, the pass counts them.
        fake.scanFindsUnreadable(QStringLiteral("safe"), {123456, 234567});
        QTRY_VERIFY(page.scanErrorsLabel()->isVisible());
        QCOMPARE(page.scanErrorsLabel()->text(),
                 QStringLiteral("2 reads of this pass found unreadable blocks. They are listed as unreadable now and "
                                "are moved to the spare when next written."));
        QCOMPARE(page.valueText(QStringLiteral("pending")), QStringLiteral("2"));

        // Others use the pair: paused, still Stop scan.
        fakePair->setScan(size / 2, QStringLiteral("paused-busy"));
        QTRY_COMPARE(page.valueText(QStringLiteral("scan-state")), QStringLiteral("Paused while the pair is in use"));
        QCOMPARE(page.scanButton()->text(), QStringLiteral("Sto&p scan"));
        QCOMPARE(page.scanProgress()->text(), QStringLiteral("50.0% read"));
        fakePair->setScan(size / 2, QStringLiteral("paused-asleep"));
        QTRY_COMPARE(page.valueText(QStringLiteral("scan-state")), QStringLiteral("Paused while the main disk sleeps"));

        // Stop scan: StopScan; stopped, Go on, the pass where it was.
        QTest::mouseClick(page.scanButton(), Qt::LeftButton);
        QTRY_COMPARE(fake.calls.value(QStringLiteral("StopScan")), 1);
        QTRY_COMPARE(page.valueText(QStringLiteral("scan-state")), QStringLiteral("Stopped until you start it again"));
        QCOMPARE(page.scanButton()->text(), QStringLiteral("&Go on"));
        QCOMPARE(page.scanProgress()->text(), QStringLiteral("50.0% read"));
        QVERIFY(page.scanErrorsLabel()->isVisible());

        // Go on: StartScan again, the same pass goes on.
        QTest::mouseClick(page.scanButton(), Qt::LeftButton);
        QTRY_COMPARE(fake.calls.value(QStringLiteral("StartScan")), 2);
        QTRY_COMPARE(page.scanButton()->text(), QStringLiteral("Sto&p scan"));
        QCOMPARE(page.scanProgress()->text(), QStringLiteral("50.0% read"));

        // The pass ends: idle, its date, the next pass in 30 days, Scan now;
        // the failures are now the last pass's.
        fake.nowSecs = start + 3 * day;
        fakePair->setScan(size, QStringLiteral("running"));
        QTRY_COMPARE(page.valueText(QStringLiteral("scan-last")), Health::shortDate(start + 3 * day));
        QCOMPARE(page.valueText(QStringLiteral("scan-state")), QStringLiteral("Not scanning now"));
        QCOMPARE(page.valueText(QStringLiteral("scan-next")), Health::shortDate(start + 33 * day));
        QVERIFY(!page.scanProgress()->isVisible());
        QCOMPARE(page.scanButton()->text(), QStringLiteral("Scan no&w"));
        QVERIFY(page.scanErrorsLabel()->text().startsWith(QStringLiteral("2 reads of the last pass")));

        // German: the same page in German words.
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        Translations::install(QLocale());
        page.setObject(QString());
        page.setObject(pair);
        QCOMPARE(page.valueText(QStringLiteral("scan-state")), ScanView::stateText(QStringLiteral("idle"), false));
        QVERIFY(page.valueText(QStringLiteral("scan-state")) != QStringLiteral("Not scanning now"));
    }

    // Refusals and the helper's own errors are shown in the window's error
    // bar, as every failed call is, in the scan's words.
    void refusalsShown()
    {
        FakeHelper fake(m_bus.address());
        fake.addDisk(QStringLiteral("sda"), QStringLiteral("/dev/sda"), QStringLiteral("hdd"), 500 * GB);
        fake.addDisk(QStringLiteral("sdb"), QStringLiteral("/dev/sdb"), QStringLiteral("ssd"), 64 * GB);
        fake.addPair(QStringLiteral("safe"), QStringLiteral("sda"), QStringLiteral("sdb"));
        QVERIFY(fake.registerService());
        QDBusConnection bus = QDBusConnection::connectToBus(m_bus.address(), QStringLiteral("refused-app"));
        HelperClient client(bus);
        DeviceModel devices(&client);
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        Notifier notifier(&client, bus, &settings);
        MainWindow window(&client, &devices, &notifier);
        window.show();
        QTRY_COMPARE(client.status(), HelperClient::Status::Ready);
        const QString pair = fake.pairPath(QStringLiteral("safe"));
        window.openObject(pair);
        window.tabs()->setCurrentIndex(0);
        OverviewPage *page = window.overviewPage();
        QTRY_VERIFY(page->scanButton()->isVisible());
        // The window's own reads done: the only call refused is the scan's.
        QTest::qWait(500);
        window.errorBar()->hide();

        fake.refuseWith = QStringLiteral("org.freedesktop.DBus.Error.AccessDenied");
        QTest::mouseClick(page->scanButton(), Qt::LeftButton);
        QTRY_VERIFY(window.errorBar()->isVisible());
        QVERIFY2(window.errorBarText()->text().contains(QStringLiteral("Starting the background scan failed")),
                 qPrintable(window.errorBarText()->text()));
        QVERIFY(window.errorBarText()->text().contains(QStringLiteral("Permission was refused")));
        QCOMPARE(fake.calls.value(QStringLiteral("StartScan")), 1);
        QCOMPARE(page->scanButton()->text(), QStringLiteral("Scan no&w"));
        window.errorBar()->hide();

        // The helper is busy (a replacement runs): said in the scan's words.
        fake.refuseWith = QStringLiteral("org.dmremap.Error.Busy");
        QTest::mouseClick(page->scanButton(), Qt::LeftButton);
        QTRY_VERIFY(window.errorBar()->isVisible());
        QVERIFY2(window.errorBarText()->text().contains(QStringLiteral("The scan cannot start now")),
                 qPrintable(window.errorBarText()->text()));
        QVERIFY(!window.errorBarText()->text().contains(QStringLiteral("Unmount")));
        window.errorBar()->hide();

        // Stop scan refused.
        fake.refuseWith.clear();
        QTest::mouseClick(page->scanButton(), Qt::LeftButton);
        QTRY_COMPARE(page->scanButton()->text(), QStringLiteral("Sto&p scan"));
        fake.refuseWith = QStringLiteral("org.freedesktop.DBus.Error.AccessDenied");
        QTest::mouseClick(page->scanButton(), Qt::LeftButton);
        QTRY_VERIFY(window.errorBar()->isVisible());
        QVERIFY2(window.errorBarText()->text().contains(QStringLiteral("Stopping the background scan failed")),
                 qPrintable(window.errorBarText()->text()));
        QCOMPARE(fake.calls.value(QStringLiteral("StopScan")), 1);
        QCOMPARE(page->scanButton()->text(), QStringLiteral("Sto&p scan"));
        fake.refuseWith.clear();
    }

    // A pass that found unreadable places is told once, naming the pair; a
    // pass without failures is not; status refreshes and a restart of the
    // app do not repeat it; the next pass with failures is told again.
    void notifiedOncePerPass()
    {
        FakeHelper fake(m_bus.address());
        fake.nowSecs = start;
        fake.addDisk(QStringLiteral("sda"), QStringLiteral("/dev/sda"), QStringLiteral("hdd"), 500 * GB);
        fake.addDisk(QStringLiteral("sdb"), QStringLiteral("/dev/sdb"), QStringLiteral("ssd"), 64 * GB);
        FakeObject *fakePair = fake.addPair(QStringLiteral("safe"), QStringLiteral("sda"), QStringLiteral("sdb"));
        QVERIFY(fake.registerService());
        QDBusConnection bus = QDBusConnection::connectToBus(m_bus.address(), QStringLiteral("notify-app"));
        HelperClient client(bus);
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        settings.setValue(QStringLiteral("notifier/started"), true); // not the first start
        QDateTime now = QDateTime::fromSecsSinceEpoch(start, QTimeZone::utc());
        QList<QList<QVariant>> scanNotices;
        const QString pair = fake.pairPath(QStringLiteral("safe"));
        QTRY_VERIFY(client.hasPair(pair));
        auto pass = [&](const QList<qulonglong> &unreadable) {
            client.startScan(pair);
            QTRY_COMPARE(client.pairStatus(pair).value(QStringLiteral("scan-state")).toString(), QStringLiteral("running"));
            fakePair->setScan(fakePair->scan.size / 3, QStringLiteral("running"));
            if (!unreadable.isEmpty())
                fake.scanFindsUnreadable(QStringLiteral("safe"), unreadable);
            QTest::qWait(300);
            now = now.addDays(2);
            fake.nowSecs = now.toSecsSinceEpoch();
            fakePair->setScan(fakePair->scan.size, QStringLiteral("running"));
            QTRY_COMPARE(client.pairStatus(pair).value(QStringLiteral("scan-last-finished")).toLongLong(), fake.nowSecs);
            QTest::qWait(400);
        };
        {
            Notifier notifier(&client, bus, &settings);
            notifier.setClock([&now] { return now; });
            notifier.setSettleInterval(50);
            connect(&notifier, &Notifier::notified, this, [&](const QString &summary, const QString &body, const QString &icon, bool critical) {
                if (summary.contains(QStringLiteral("Background scan")))
                    scanNotices << QList<QVariant>{summary, body, icon, critical};
            });

            // A pass without failures: nothing.
            pass({});
            QCOMPARE(scanNotices.size(), 0);

            // A pass with three: one notification, naming the pair and the count.
            pass({8000, 16000, 24000});
            QTRY_COMPARE(scanNotices.size(), 1);
            QCOMPARE(scanNotices.first().at(0).toString(), QStringLiteral("Background scan of pair “safe”: unreadable places found"));
            QCOMPARE(scanNotices.first().at(1).toString(),
                     QStringLiteral("The background scan of pair “safe”, finished on %1, found 3 unreadable places on the "
                                    "main disk. What was stored there cannot be read now; each of these blocks is moved "
                                    "to the spare disk when it is next written.").arg(Health::shortDate(fake.nowSecs)));
            QVERIFY(scanNotices.first().at(3).toBool());

            // Status refreshes, a day later, more signals: not again.
            now = now.addDays(1);
            fake.setPending(QStringLiteral("safe"), fakePair->pending);
            notifier.check();
            QTest::qWait(300);
            QCOMPARE(scanNotices.size(), 1);
        }
        // The app restarts: not again.
        {
            Notifier notifier(&client, bus, &settings);
            notifier.setClock([&now] { return now; });
            notifier.setSettleInterval(50);
            connect(&notifier, &Notifier::notified, this, [&](const QString &summary, const QString &body, const QString &icon, bool critical) {
                if (summary.contains(QStringLiteral("Background scan")))
                    scanNotices << QList<QVariant>{summary, body, icon, critical};
            });
            notifier.check();
            QTest::qWait(300);
            QCOMPARE(scanNotices.size(), 1);

            // The next pass finds one more: told, once.
            pass({32000});
            QTRY_COMPARE(scanNotices.size(), 2);
            QVERIFY(scanNotices.last().at(1).toString().contains(QStringLiteral("found 1 unreadable place on the main disk")));
            notifier.check();
            QTest::qWait(300);
            QCOMPARE(scanNotices.size(), 2);

            // Ignored pairs are not told.
            notifier.setIgnored(pair, true);
            pass({40000});
            QCOMPARE(scanNotices.size(), 2);
        }
    }

private:
    PrivateBus m_bus;
};

QTEST_MAIN(TestScan)
#include "tst_scan.moc"
