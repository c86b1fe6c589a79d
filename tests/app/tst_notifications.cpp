// Notifications reach a real notification daemon (dunst) on a private
// session bus: grouped, once, never repeated across a restart, one per
// problem, with an action that opens the device. Runs under Xvfb (dunst
// needs a display).
#include "fakehelper.h"
#include "helperclient.h"
#include "notifier.h"
#include "privatebus.h"
#include "translations.h"

#include <QDBusConnectionInterface>
#include <QFile>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {
constexpr qulonglong GB = 1000ull * 1000 * 1000;
constexpr int settleMs = 200;

struct LoggedNotification {
    QString id, summary, body, urgency;
};
} // namespace

class TestNotifications : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void groupedOnceAndNotRepeated();
    void actionOpensTheDevice();

private:
    QList<LoggedNotification> logged() const;
    bool dunstctl(const QStringList &arguments);
    void startApp();
    void stopApp();

    PrivateBus m_bus;
    QTemporaryDir m_dir;
    QProcess m_dunst;
    FakeHelper *m_fake = nullptr;
    HelperClient *m_client = nullptr;
    Notifier *m_notifier = nullptr;
    QSettings *m_settings = nullptr;
    int m_connections = 0;
};

void TestNotifications::initTestCase()
{
    DmRemap::registerDBusTypes();
    Translations::install(QLocale());
    if (qEnvironmentVariableIsEmpty("DISPLAY"))
        QSKIP("needs an X display for dunst: run under xvfb-run (ctest does)");
    QVERIFY2(m_bus.start(), qPrintable(m_bus.errorString()));

    // dunst runs this script for every notification it shows: the log the
    // test reads.
    const QString log = m_dir.filePath(QStringLiteral("notifications.log"));
    const QString script = m_dir.filePath(QStringLiteral("log.sh"));
    QFile s(script);
    QVERIFY(s.open(QIODevice::WriteOnly));
    s.write(QStringLiteral("#!/bin/sh\nprintf '%s\\t%s\\t%s\\t%s\\n' \"$DUNST_ID\" \"$2\" \"$3\" \"$5\" >> '%1'\n")
                .arg(log).toUtf8());
    s.close();
    QFile::setPermissions(script, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QFile config(m_dir.filePath(QStringLiteral("dunstrc")));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write(QStringLiteral("[global]\n    font = DejaVu Sans 8\n\n[log]\n    appname = \"dm-remap-manager\"\n"
                                "    script = %1\n").arg(script).toUtf8());
    config.close();

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), m_bus.address());
    m_dunst.setProcessEnvironment(env);
    m_dunst.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_dunst.start(QStringLiteral("dunst"), {QStringLiteral("-config"), config.fileName()});
    QVERIFY2(m_dunst.waitForStarted(), qPrintable(m_dunst.errorString()));
    QDBusConnection probe = QDBusConnection::connectToBus(m_bus.address(), QStringLiteral("probe"));
    QTRY_VERIFY_WITH_TIMEOUT(probe.interface()->isServiceRegistered(QStringLiteral("org.freedesktop.Notifications")),
                             10000);

    m_fake = new FakeHelper(m_bus.address(), this);
    m_fake->addDisk(QStringLiteral("sda"), QStringLiteral("/dev/sda"), QStringLiteral("hdd"), 500 * GB);
    m_fake->addDisk(QStringLiteral("sdb"), QStringLiteral("/dev/sdb"), QStringLiteral("ssd"), 64 * GB);
    m_fake->addPair(QStringLiteral("safe"), QStringLiteral("sda"), QStringLiteral("sdb"));
    QVERIFY(m_fake->registerService());
    m_settings = new QSettings(m_dir.filePath(QStringLiteral("state.ini")), QSettings::IniFormat, this);
}

void TestNotifications::cleanupTestCase()
{
    stopApp();
    if (m_dunst.state() != QProcess::NotRunning) {
        m_dunst.terminate();
        m_dunst.waitForFinished(5000);
    }
}

void TestNotifications::startApp()
{
    const QString name = QStringLiteral("app-%1").arg(++m_connections);
    QDBusConnection bus = QDBusConnection::connectToBus(m_bus.address(), name);
    m_client = new HelperClient(bus);
    m_notifier = new Notifier(m_client, bus, m_settings);
    m_notifier->setSettleInterval(settleMs);
    m_notifier->setCoalesceInterval(0); // the schedule has its own test (tst_notifyschedule)
    QTRY_COMPARE(m_client->status(), HelperClient::Status::Ready);
}

void TestNotifications::stopApp()
{
    delete m_notifier;
    delete m_client;
    m_notifier = nullptr;
    m_client = nullptr;
}

bool TestNotifications::dunstctl(const QStringList &arguments)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), m_bus.address());
    QProcess ctl;
    ctl.setProcessEnvironment(env);
    ctl.setProcessChannelMode(QProcess::ForwardedChannels);
    ctl.start(QStringLiteral("dunstctl"), arguments);
    return ctl.waitForFinished(10000) && ctl.exitCode() == 0;
}

QList<LoggedNotification> TestNotifications::logged() const
{
    QList<LoggedNotification> list;
    QFile file(m_dir.filePath(QStringLiteral("notifications.log")));
    if (!file.open(QIODevice::ReadOnly))
        return list;
    for (const QByteArray &line : file.readAll().split('\n')) {
        const QStringList f = QString::fromUtf8(line).split(QLatin1Char('\t'));
        if (f.size() == 4)
            list.append({f.at(0), f.at(1), f.at(2), f.at(3)});
    }
    return list;
}

void TestNotifications::groupedOnceAndNotRepeated()
{
    startApp();
    QTest::qWait(3 * settleMs);
    QCOMPARE(logged().size(), 0); // a healthy pair: nothing to say

    // 300 remaps in a burst: one notification, counting all of them.
    QList<qulonglong> sectors;
    for (qulonglong i = 0; i < 300; ++i)
        sectors << i * 4096;
    m_fake->addRemaps(QStringLiteral("safe"), sectors);
    QTRY_COMPARE(logged().size(), 1);
    QTest::qWait(5 * settleMs);
    QCOMPARE(logged().size(), 1);
    LoggedNotification n = logged().at(0);
    QCOMPARE(n.summary, QStringLiteral("Bad blocks on pair “safe”"));
    QVERIFY2(n.body.contains(QStringLiteral("300 new bad blocks")), qPrintable(n.body));

    // A restart remembers what was told.
    stopApp();
    startApp();
    QTest::qWait(5 * settleMs);
    QCOMPARE(logged().size(), 1);

    // Two more: told once more, with the new count only.
    m_fake->addRemaps(QStringLiteral("safe"), {5'000'000, 5'000'008});
    QTRY_COMPARE(logged().size(), 2);
    n = logged().at(1);
    QVERIFY2(n.body.contains(QStringLiteral("2 new bad blocks")), qPrintable(n.body));
    QVERIFY2(n.body.contains(QStringLiteral("In total 302 blocks")), qPrintable(n.body));

    // Another problem gets its own notification, critical.
    m_fake->setPairState(QStringLiteral("safe"), QStringLiteral("spare_low"));
    QTRY_COMPARE(logged().size(), 3);
    n = logged().at(2);
    QVERIFY2(n.body.contains(QStringLiteral("almost full")), qPrintable(n.body));
    QCOMPARE(n.urgency, QStringLiteral("CRITICAL"));
    // The same state again (a re-read): nothing new.
    m_fake->setPairState(QStringLiteral("safe"), QStringLiteral("spare_low"));
    QTest::qWait(5 * settleMs);
    QCOMPARE(logged().size(), 3);

    // A worse SMART verdict.
    m_fake->setSmartFixture(QStringLiteral("sdb"), QStringLiteral("ide-damaged-failing.json"));
    QTRY_COMPARE(logged().size(), 4);
    QCOMPARE(logged().at(3).summary, QStringLiteral("Disk health: Failing"));
    QVERIFY(logged().at(3).body.contains(QStringLiteral("/dev/sdb")));

    // Ignored: silent, but the counts are taken in, so un-ignoring later
    // does not bring back old news.
    const QString pair = m_fake->pairPath(QStringLiteral("safe"));
    m_notifier->setIgnored(pair, true);
    QVERIFY(m_notifier->isIgnored(pair));
    m_fake->addRemaps(QStringLiteral("safe"), {6'000'000});
    QTest::qWait(5 * settleMs);
    QCOMPARE(logged().size(), 4);
    m_notifier->setIgnored(pair, false);
    m_fake->setPending(QStringLiteral("safe"), {});
    QTest::qWait(5 * settleMs);
    QCOMPARE(logged().size(), 4);
    stopApp();
}

void TestNotifications::actionOpensTheDevice()
{
    QVERIFY(dunstctl({QStringLiteral("close-all")}));
    startApp();
    QSignalSpy open(m_notifier, &Notifier::openRequested);
    QSignalSpy notified(m_notifier, &Notifier::notified);
    const int before = logged().size();
    m_fake->addRemaps(QStringLiteral("safe"), {7'000'000});
    QTRY_COMPARE(notified.count(), 1);
    QTRY_COMPARE(logged().size(), before + 1);
    // The user clicks the notification's action.
    QVERIFY(dunstctl({QStringLiteral("action"), QStringLiteral("0")}));
    QTRY_COMPARE(open.count(), 1);
    QCOMPARE(open.first().first().toString(), m_fake->pairPath(QStringLiteral("safe")));
    stopApp();
}

QTEST_MAIN(TestNotifications)
#include "tst_notifications.moc"
