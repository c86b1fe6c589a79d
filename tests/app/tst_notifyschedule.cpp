// The notifier's schedule over 30 simulated days (an injected clock), against
// the helper's test double on a private bus: one summary on a new account, no
// repeat for an unchanged count, every increase told (those inside the
// coalescing window together at its end), reminders of a problem that stays
// 1, 2, 4, 8 ... days after the previous notice; and what each one says.
#include "fakehelper.h"
#include "health.h"
#include "helperclient.h"
#include "notifier.h"
#include "privatebus.h"
#include "translations.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QTest>

namespace {
constexpr qulonglong GB = 1000ull * 1000 * 1000;
constexpr qint64 secondMs = 1000;
constexpr qint64 hourMs = 3600 * secondMs;
} // namespace

class TestNotifySchedule : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        DmRemap::registerDBusTypes();
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        Translations::install(QLocale());
        QVERIFY2(m_bus.start(), qPrintable(m_bus.errorString()));
    }

    void thirtyDays()
    {
        FakeHelper fake(m_bus.address());
        fake.addDisk(QStringLiteral("sda"), QStringLiteral("/dev/sda"), QStringLiteral("hdd"), 500 * GB);
        fake.addDisk(QStringLiteral("sdb"), QStringLiteral("/dev/sdb"), QStringLiteral("ssd"), 64 * GB);
        fake.addDisk(QStringLiteral("sdc"), QStringLiteral("/dev/sdc"), QStringLiteral("hdd"), 500 * GB);
        fake.setSmartFixture(QStringLiteral("sdc"), QStringLiteral("ide-damaged-failing.json"));
        fake.addPair(QStringLiteral("safe"), QStringLiteral("sda"), QStringLiteral("sdb"));
        QList<qulonglong> sectors;
        for (qulonglong i = 0; i < 48; ++i)
            sectors << i * 8000;
        fake.setRemaps(QStringLiteral("safe"), sectors);
        fake.setPending(QStringLiteral("safe"), {9'000'000});
        QVERIFY(fake.registerService());

        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("state.ini")), QSettings::IniFormat);
        QDBusConnection bus = QDBusConnection::connectToBus(m_bus.address(), QStringLiteral("schedule-app"));
        HelperClient client(bus);
        Notifier notifier(&client, bus, &settings);
        QDateTime now = QDateTime(QDate(2026, 1, 1), QTime(0, 0), QTimeZone::utc());
        const QDateTime start = now;
        notifier.setClock([&now] { return now; });
        notifier.setSettleInterval(50);
        QSignalSpy told(&notifier, &Notifier::notified);
        QTRY_COMPARE(client.status(), HelperClient::Status::Ready);
        QTRY_VERIFY(!client.smart(fake.diskPath(QStringLiteral("sdc"))).isEmpty());

        // A new account with old trouble: one summary, critical, naming both.
        QTRY_COMPARE(told.count(), 1);
        QTest::qWait(300);
        QCOMPARE(told.count(), 1);
        QCOMPARE(told.at(0).at(0).toString(), QStringLiteral("Disks that need attention"));
        QCOMPARE(told.at(0).at(1).toString(),
                 QStringLiteral("Found at the first start: problems on pair “safe” and /dev/sdc. "
                                "Open Disk Remap Manager to see them."));
        QVERIFY(told.at(0).at(3).toBool());
        told.clear();

        // Then 30 days, looked at every hour, with increases on day 10.
        struct Told { qint64 seconds; QString summary, body, icon; bool critical; };
        QList<Told> log;
        auto step = [&](qint64 ms) {
            now = now.addMSecs(ms);
            notifier.check();
            for (const QList<QVariant> &n : std::as_const(told))
                log.append({start.msecsTo(now) / secondMs, n.at(0).toString(), n.at(1).toString(),
                            n.at(2).toString(), n.at(3).toBool()});
            told.clear();
        };
        for (int hour = 1; hour <= 30 * 24; ++hour) {
            if (hour == 240) {
                // Two new remaps: told at once. One more right after waits
                // for the end of the 20-second window.
                step(hourMs - 15 * 60 * 1000);
                fake.addRemaps(QStringLiteral("safe"), {20'000'000, 20'000'008});
                QTRY_COMPARE(client.pairStatus(fake.pairPath(QStringLiteral("safe"))).value(QStringLiteral("remapped")).toULongLong(), 50ull);
                step(0);
                fake.addRemaps(QStringLiteral("safe"), {21'000'000});
                QTRY_COMPARE(client.pairStatus(fake.pairPath(QStringLiteral("safe"))).value(QStringLiteral("remapped")).toULongLong(), 51ull);
                step(10 * secondMs);
                step(10 * secondMs);
                step(15 * 60 * secondMs - 20 * secondMs);
                continue;
            }
            step(hourMs);
        }

        auto hoursOf = [&](const QString &summary) {
            QList<double> out; // in hours
            for (const Told &t : std::as_const(log))
                if (t.summary == summary)
                    out << t.seconds / 3600.0;
            return out;
        };
        // The pair: reminders 1, 2, 4 days after each notice (hours 24, 72,
        // 168), the increases at 239:45:00 and, coalesced, at 239:45:20 (at
        // the window's end), then reminders again from there: +1 day (the
        // first hourly look after 263:45:20 is 264), +2 (312), +4 (408), +8 (600).
        QCOMPARE(hoursOf(QStringLiteral("Bad blocks on pair “safe”")),
                 QList<double>({24, 72, 168, (239 * 3600 + 45 * 60) / 3600.0, (239 * 3600 + 45 * 60 + 20) / 3600.0, 264, 312, 408, 600}));
        // The failing disk, untouched: 1, 3, 7, 15 days.
        QCOMPARE(hoursOf(QStringLiteral("Disk health: Failing")), QList<double>({24, 72, 168, 360}));
        QCOMPARE(log.size(), 13);

        for (const Told &t : std::as_const(log)) {
            QVERIFY2(!t.body.contains(QStringLiteral("safe,")) && !t.body.contains(QStringLiteral("data is safe")),
                     qPrintable(t.body)); // unreadable blocks: never "safe"
            QVERIFY(t.critical);
            QCOMPARE(t.icon, Notifier::iconFor(true));
        }
        QList<Told> blocks;
        for (const Told &t : std::as_const(log))
            if (t.summary == QStringLiteral("Bad blocks on pair “safe”"))
                blocks << t;
        const Told news = blocks.at(3);
        QCOMPARE(news.body, QStringLiteral("2 new bad blocks on the main disk were moved to the spare. 1 block of pair "
                                           "“safe” could not be read; files stored there may be unreadable now. Copy what "
                                           "you still can from /dev/mapper/safe to another disk."));
        QVERIFY2(blocks.at(4).body.startsWith(QStringLiteral("1 new bad block on the main disk")), qPrintable(blocks.at(4).body));
        QVERIFY2(blocks.at(0).body.startsWith(QStringLiteral("Reminder: 1 block of pair “safe” could not be read")),
                 qPrintable(blocks.at(0).body));
        const Told disk = log.at(1);
        QCOMPARE(disk.summary, QStringLiteral("Disk health: Failing"));
        QVERIFY2(disk.body.startsWith(QStringLiteral("Reminder: Disk /dev/sdc (TestHDD): The disk's own health check says "
                                                     "that it is failing. ")),
                 qPrintable(disk.body));
        QVERIFY2(disk.body.endsWith(QStringLiteral(" Copy your data to another disk now and replace this disk.")),
                 qPrintable(disk.body));
    }

    // Without unreadable blocks the news is calm and says the data is safe.
    void movedBlocksOnly()
    {
        FakeHelper fake(m_bus.address());
        fake.addDisk(QStringLiteral("sda"), QStringLiteral("/dev/sda"), QStringLiteral("hdd"), 500 * GB);
        fake.addDisk(QStringLiteral("sdb"), QStringLiteral("/dev/sdb"), QStringLiteral("ssd"), 64 * GB);
        fake.addPair(QStringLiteral("calm"), QStringLiteral("sda"), QStringLiteral("sdb"));
        QVERIFY(fake.registerService());
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("state.ini")), QSettings::IniFormat);
        QDBusConnection bus = QDBusConnection::connectToBus(m_bus.address(), QStringLiteral("calm-app"));
        HelperClient client(bus);
        Notifier notifier(&client, bus, &settings);
        notifier.setSettleInterval(50);
        QSignalSpy told(&notifier, &Notifier::notified);
        QTRY_COMPARE(client.status(), HelperClient::Status::Ready);
        QTest::qWait(500);
        QCOMPARE(told.count(), 0); // a healthy new account: no summary
        fake.addRemaps(QStringLiteral("calm"), {8, 16});
        QTRY_COMPARE(told.count(), 1);
        QCOMPARE(told.at(0).at(1).toString(),
                 QStringLiteral("2 new bad blocks on the main disk were moved to the spare. In total 2 blocks have been "
                                "moved. Your data is safe, but the main disk is wearing out."));
        QVERIFY(!told.at(0).at(3).toBool());
        QCOMPARE(told.at(0).at(2).toString(), Notifier::iconFor(false));
        fake.unregisterService();
    }

    // The spare forecast to be full within 30 days: told once, when the pair
    // enters that window, over 30 simulated days with a burst a day; not
    // again after a restart of the app. A new account whose pair is already
    // inside the window hears of it in the first start's summary.
    void spareFullSoon()
    {
        FakeHelper fake(m_bus.address());
        fake.addDisk(QStringLiteral("sda"), QStringLiteral("/dev/sda"), QStringLiteral("hdd"), 500 * GB);
        fake.addDisk(QStringLiteral("sdb"), QStringLiteral("/dev/sdb"), QStringLiteral("ssd"), 64 * GB);
        fake.addPair(QStringLiteral("ageing"), QStringLiteral("sda"), QStringLiteral("sdb"));
        // 60 days of 4 blocks a day; 160 slots left: about 40 days.
        fake.pair(QStringLiteral("ageing"))->info.insert(QStringLiteral("capacity"), qulonglong(400));
        QDateTime now = QDateTime(QDate(2026, 3, 1), QTime(0, 0), QTimeZone::utc());
        const QDateTime start = now;
        fake.nowSecs = now.toSecsSinceEpoch();
        QList<qulonglong> sectors;
        for (qulonglong d = 60; d >= 1; --d) {
            fake.recordRemapHistory(QStringLiteral("ageing"), fake.nowSecs - qint64(d) * 86400 + 43200, 4);
            for (qulonglong i = 0; i < 4; ++i)
                sectors << (d * 4 + i) * 8;
        }
        std::sort(sectors.begin(), sectors.end());
        fake.setRemaps(QStringLiteral("ageing"), sectors);
        QVERIFY(fake.registerService());

        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("state.ini")), QSettings::IniFormat);
        settings.setValue(QStringLiteral("notifier/started"), true);
        settings.setValue(QStringLiteral("pair-ageing/remapped"), 240);
        const QString pair = fake.pairPath(QStringLiteral("ageing"));
        const QString summaryStart = QStringLiteral("Spare of pair “ageing” full around ");
        QList<QList<QVariant>> forecastNotices;
        int dayTold = -1;
        {
            QDBusConnection bus = QDBusConnection::connectToBus(m_bus.address(), QStringLiteral("soon-app"));
            HelperClient client(bus);
            Notifier notifier(&client, bus, &settings);
            notifier.setClock([&now] { return now; });
            notifier.setSettleInterval(50);
            QSignalSpy told(&notifier, &Notifier::notified);
            QTRY_COMPARE(client.status(), HelperClient::Status::Ready);
            QTRY_VERIFY(!client.forecast(pair).isEmpty());
            QVERIFY(client.forecast(pair).value(QStringLiteral("days-left")).toDouble() > 30);
            QTest::qWait(300);
            QCOMPARE(told.count(), 0);

            for (int d = 1; d <= 30; ++d) {
                now = now.addDays(1);
                fake.nowSecs = now.toSecsSinceEpoch();
                const qulonglong used = 240 + 4 * d;
                fake.addRemaps(QStringLiteral("ageing"), {10'000'000 + 64 * qulonglong(d), 10'000'008 + 64 * qulonglong(d),
                                                         10'000'016 + 64 * qulonglong(d), 10'000'024 + 64 * qulonglong(d)});
                QTRY_COMPARE(client.forecast(pair).value(QStringLiteral("used")).toULongLong(), used);
                notifier.check();
                QTest::qWait(100);
                for (const QList<QVariant> &n : std::as_const(told))
                    if (n.at(0).toString().startsWith(summaryStart)) {
                        forecastNotices << n;
                        if (dayTold < 0)
                            dayTold = d;
                    }
                if (dayTold == d) {
                    const QVariantMap f = client.forecast(pair);
                    QVERIFY(Health::spareFullWithin(f, now.toSecsSinceEpoch(), 30));
                    QCOMPARE(forecastNotices.constLast().at(1).toString(),
                             QStringLiteral("At the current rate the spare disk of pair “ageing” will be full around %1 (80% "
                                            "likely between %2 and %3). Replace the main disk before then (Replace main "
                                            "disk… on the pair's overview).")
                                     .arg(Health::forecastDate(f.value(QStringLiteral("likely")).toLongLong()),
                                          Health::forecastDate(f.value(QStringLiteral("earliest")).toLongLong()),
                                          Health::forecastDate(f.value(QStringLiteral("latest")).toLongLong())));
                } else if (dayTold < 0) {
                    QVERIFY2(!Health::spareFullWithin(client.forecast(pair), now.toSecsSinceEpoch(), 30), qPrintable(QString::number(d)));
                }
                told.clear();
            }
        }
        // Told once, on the day the likely date came within 30 days (about
        // day 10 at 4 blocks a day), as news, not critical.
        QCOMPARE(forecastNotices.size(), 1);
        QVERIFY2(dayTold >= 3 && dayTold <= 20, qPrintable(QString::number(dayTold)));
        QVERIFY(!forecastNotices.first().at(3).toBool());
        QCOMPARE(forecastNotices.first().at(2).toString(), Notifier::iconFor(false));
        QVERIFY(start.daysTo(now) == 30);

        // The app starts again: unchanged news is not told again.
        {
            QDBusConnection bus = QDBusConnection::connectToBus(m_bus.address(), QStringLiteral("soon-app-2"));
            HelperClient client(bus);
            Notifier notifier(&client, bus, &settings);
            notifier.setClock([&now] { return now; });
            notifier.setSettleInterval(50);
            QSignalSpy told(&notifier, &Notifier::notified);
            QTRY_VERIFY(!client.forecast(pair).isEmpty());
            QTest::qWait(300);
            notifier.check();
            for (const QList<QVariant> &n : std::as_const(told))
                QVERIFY2(!n.at(0).toString().startsWith(summaryStart), qPrintable(n.at(1).toString()));
        }

        // A new account: the first start's summary names the pair.
        QSettings fresh(dir.filePath(QStringLiteral("fresh.ini")), QSettings::IniFormat);
        fresh.setValue(QStringLiteral("pair-ageing/remapped"), 360); // no news of bad blocks: only the forecast
        {
            QDBusConnection bus = QDBusConnection::connectToBus(m_bus.address(), QStringLiteral("soon-app-3"));
            HelperClient client(bus);
            Notifier notifier(&client, bus, &fresh);
            notifier.setClock([&now] { return now; });
            notifier.setSettleInterval(50);
            QSignalSpy told(&notifier, &Notifier::notified);
            QTRY_VERIFY(!client.forecast(pair).isEmpty());
            QTRY_VERIFY(told.count() >= 1);
            QTest::qWait(300);
            QCOMPARE(told.count(), 1);
            QCOMPARE(told.at(0).at(0).toString(), QStringLiteral("Disks that need attention"));
            QVERIFY(told.at(0).at(1).toString().contains(QStringLiteral("pair “ageing”")));
        }
        fake.unregisterService();
    }

private:
    PrivateBus m_bus;
};

QTEST_MAIN(TestNotifySchedule)
#include "tst_notifyschedule.moc"
