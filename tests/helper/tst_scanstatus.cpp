// The background scan's schedule and its report (helper/scanstatus.h).
#include "scanstatus.h"

#include <QTest>

using namespace PatrolScan;

namespace {
constexpr qint64 kDay = 86400;
constexpr qint64 kNow = 1800000000;
constexpr quint64 kTiB = quint64(1) << 40;
} // namespace

class TestScanStatus : public QObject
{
    Q_OBJECT
private slots:
    // A whole pass in half the interval, never slower than 256 KiB/s nor
    // faster than 4 MiB/s; a set rate is taken as it is.
    void rateSpreadsAPassOverHalfTheInterval()
    {
        const Options monthly;
        QCOMPARE(rateFor(monthly, 4 * kTiB), quint64(4 * kTiB / (15 * kDay)));
        QCOMPARE(rateFor(monthly, 64 << 20), kMinAutomaticRate);
        QCOMPARE(rateFor(monthly, 100 * kTiB), kMaxAutomaticRate);
        Options weekly;
        weekly.intervalDays = 7;
        QVERIFY(rateFor(weekly, 4 * kTiB) > rateFor(monthly, 4 * kTiB));
        Options manual;
        manual.intervalDays = 0;
        QCOMPARE(rateFor(manual, 64 << 20), kMinAutomaticRate);
        Options set;
        set.rateBytesPerSec = 2 << 20;
        QCOMPARE(rateFor(set, 4 * kTiB), quint64(2 << 20));
    }

    void nextPassFollowsTheLastOne()
    {
        const Options monthly;
        History::ScanPosition position{QStringLiteral("p"), 0, 0, 0, 0, kNow, false, 0};
        // Never scanned: a day after the helper first saw the pair.
        QCOMPARE(nextPass(monthly, position), kNow + kFirstPassDelaySecs);
        position.lastFinished = kNow + 5 * kDay;
        QCOMPARE(nextPass(monthly, position), kNow + 35 * kDay);
        // None while a pass is under way, while stopped, or without an interval.
        position.passStarted = kNow + 36 * kDay;
        QCOMPARE(nextPass(monthly, position), 0);
        position.passStarted = 0;
        position.stopped = true;
        QCOMPARE(nextPass(monthly, position), 0);
        position.stopped = false;
        Options manual;
        manual.intervalDays = 0;
        QCOMPARE(nextPass(manual, position), 0);
    }

    void statusKeysAsDocumented()
    {
        History::ScanPosition position{QStringLiteral("p"), 4096, 8192, kNow, kNow - kDay, kNow - 40 * kDay, false, 2};
        QVariantMap keys = statusKeys(position, QStringLiteral("running"), 1 << 20, 0);
        QCOMPARE(keys.keys(), QStringList({"scan-last-finished", "scan-next", "scan-pass-started", "scan-position",
                                           "scan-rate", "scan-read-errors", "scan-size", "scan-state"}));
        QCOMPARE(keys.value(QStringLiteral("scan-state")).toString(), QStringLiteral("running"));
        QCOMPARE(keys.value(QStringLiteral("scan-position")).toULongLong(), 4096u);
        QCOMPARE(keys.value(QStringLiteral("scan-size")).toULongLong(), 8192u);
        QCOMPARE(keys.value(QStringLiteral("scan-read-errors")).toULongLong(), 2u);
        QCOMPARE(keys.value(QStringLiteral("scan-pass-started")).toLongLong(), kNow);
        // Without a pass under way the position is 0; the last pass's read
        // errors stay until the next pass starts.
        position.passStarted = 0;
        keys = statusKeys(position, QStringLiteral("idle"), 1 << 20, kNow + kDay);
        QCOMPARE(keys.value(QStringLiteral("scan-position")).toULongLong(), 0u);
        QCOMPARE(keys.value(QStringLiteral("scan-read-errors")).toULongLong(), 2u);
        QCOMPARE(keys.value(QStringLiteral("scan-next")).toLongLong(), kNow + kDay);
    }

    // --scan-window: the hours in which a sleeping main disk may be woken.
    void windowParsedAndChecked()
    {
        Options none;
        QVERIFY(!inWindow(none, 0) && !inWindow(none, 120));
        Options night;
        QVERIFY(parseWindow(QStringLiteral("01:00-05:30"), &night));
        QCOMPARE(night.windowStartMinute, 60);
        QCOMPARE(night.windowEndMinute, 330);
        QVERIFY(!inWindow(night, 59));
        QVERIFY(inWindow(night, 60));
        QVERIFY(inWindow(night, 329));
        QVERIFY(!inWindow(night, 330));
        // Over midnight.
        Options late;
        QVERIFY(parseWindow(QStringLiteral("23:30-00:15"), &late));
        QVERIFY(inWindow(late, 23 * 60 + 45) && inWindow(late, 0) && inWindow(late, 14));
        QVERIFY(!inWindow(late, 15) && !inWindow(late, 12 * 60) && !inWindow(late, 23 * 60 + 29));
        // Anything else is refused and changes nothing.
        for (const char *bad : {"", "1:00-5:00", "01:00", "01:00-24:00", "01:60-02:00", "02:00-02:00", "01:00-05:00 ",
                                "01:00–05:00", "-1:00-05:00", "01:00-05:00-06:00", "01:00-05:00\n"}) {
            Options o;
            QVERIFY2(!parseWindow(QString::fromUtf8(bad), &o), bad);
            QCOMPARE(o.windowStartMinute, -1);
        }
    }
};

QTEST_GUILESS_MAIN(TestScanStatus)
#include "tst_scanstatus.moc"
