// Benchmark of the history charts (issue 13): the time to fetch and set, and
// to paint, a pair's history chart and a disk's SMART charts with ten years
// of daily points and with a year of synthetic history at the helper's raw
// resolution (remap events through the day, a SMART reading every 30
// minutes). "Fetched and set": from asking to the series set (the store's
// query in the double, D-Bus, the chart). Prints the figures; fails only if a
// chart does not fill.
#include "diskhistorychart.h"
#include "fakehelper.h"
#include "helperclient.h"
#include "historychart.h"
#include "privatebus.h"
#include "translations.h"

#include <QChartView>
#include <QComboBox>
#include <QElapsedTimer>
#include <QLineSeries>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

namespace {
constexpr qint64 day = 86400;
constexpr qulonglong GB = 1000ull * 1000 * 1000;
constexpr int paints = 20;

// The mean time to paint the widget's chart views, in ms.
double paintMs(QWidget *page)
{
    const QList<QChartView *> views = page->findChildren<QChartView *>();
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < paints; ++i)
        for (QChartView *view : views)
            if (view->isVisible())
                view->viewport()->repaint();
    return double(timer.nsecsElapsed()) / 1e6 / paints;
}

// The time to set the series again with the points they hold (the chart's
// own share of taking in an answer), in ms.
double setMs(const QList<QLineSeries *> &series)
{
    QElapsedTimer timer;
    timer.start();
    for (QLineSeries *s : series) {
        const QList<QPointF> points = s->points();
        s->clear();
        s->replace(points);
    }
    QCoreApplication::processEvents();
    return double(timer.nsecsElapsed()) / 1e6;
}
} // namespace

class BenchHistory : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        DmRemap::registerDBusTypes();
        Translations::install(QLocale());
        QVERIFY2(m_bus.start(), qPrintable(m_bus.errorString()));
    }

    void pairChart_data()
    {
        QTest::addColumn<QString>("history");
        QTest::newRow("ten years of days") << QStringLiteral("days");
        QTest::newRow("a year, raw") << QStringLiteral("raw");
    }
    void pairChart()
    {
        QFETCH(QString, history);
        FakeHelper fake(m_bus.address());
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        fake.addDisk(QStringLiteral("sda"), QStringLiteral("/dev/sda"), QStringLiteral("hdd"), 2000 * GB);
        fake.addDisk(QStringLiteral("sdb"), QStringLiteral("/dev/sdb"), QStringLiteral("ssd"), 64 * GB);
        fake.addPair(QStringLiteral("old"), QStringLiteral("sda"), QStringLiteral("sdb"));
        QRandomGenerator random(14);
        quint64 moved = 0;
        int events = 0;
        if (history == QLatin1String("days")) {
            for (int d = 3650; d >= 1; --d, ++events) {
                fake.recordRemapHistory(QStringLiteral("old"), now - qint64(d) * day + 3600, 2, d % 7 == 0 ? 1 : 0);
                moved += 2;
            }
        } else {
            // Bursts at random times: 20 events a day on average.
            for (int i = 0; i < 365 * 20; ++i, ++events) {
                const quint64 n = 1 + random.bounded(3);
                fake.recordRemapHistory(QStringLiteral("old"), now - qint64(random.bounded(365 * int(day))), n,
                                        random.bounded(10) == 0 ? 1 : 0);
                moved += n;
            }
        }
        QList<qulonglong> sectors;
        for (quint64 i = 0; i < moved; ++i)
            sectors << i * 8;
        fake.setRemaps(QStringLiteral("old"), sectors);
        QVERIFY(fake.registerService());
        HelperClient client(QDBusConnection::connectToBus(m_bus.address(), QStringLiteral("bench-pair-") + history));
        const QString pair = fake.pairPath(QStringLiteral("old"));
        QTRY_VERIFY(client.hasPair(pair));

        for (HistoryChart::Range range : {HistoryChart::Range::All, HistoryChart::Range::Year, HistoryChart::Range::Month}) {
            HistoryPage page(&client);
            page.resize(1000, 600);
            page.show();
            QVERIFY(QTest::qWaitForWindowExposed(&page));
            page.setRange(range);
            // The page takes the answer in before the spy sees it (connected first).
            QSignalSpy answered(&client, &HelperClient::pairHistoryReady);
            QElapsedTimer timer;
            timer.start();
            page.setObject(pair);
            while (page.movedSeries()->count() <= 1 && answered.wait(30000)) {
            }
            QVERIFY(page.movedSeries()->count() > 1);
            const qint64 fetchMs = timer.elapsed();
            const double set = setMs({page.movedSeries(), page.pendingSeries()});
            const double paint = paintMs(&page);
            qInfo().noquote() << QStringLiteral("pair chart, %1 (%2 events), range %3: %4 points a series; fetched and set "
                                                "in %5 ms (setting the series alone %6 ms), paint %7 ms per frame")
                                         .arg(history == QLatin1String("days") ? QStringLiteral("ten years of days")
                                                                              : QStringLiteral("a year of raw events"))
                                         .arg(events)
                                         .arg(page.rangeBox()->currentText())
                                         .arg(page.movedSeries()->count())
                                         .arg(fetchMs)
                                         .arg(set, 0, 'f', 2)
                                         .arg(paint, 0, 'f', 2);
        }
    }

    void diskCharts_data()
    {
        QTest::addColumn<QString>("history");
        QTest::newRow("ten years of days") << QStringLiteral("days");
        QTest::newRow("a year, raw") << QStringLiteral("raw");
    }
    void diskCharts()
    {
        QFETCH(QString, history);
        FakeHelper fake(m_bus.address());
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        fake.addDisk(QStringLiteral("sda"), QStringLiteral("/dev/sda"), QStringLiteral("hdd"), 2000 * GB,
                     {{QStringLiteral("serial"), QStringLiteral("BENCH-1")}});
        const bool days = history == QLatin1String("days");
        const int readings = days ? 3650 : 365 * 48;
        const qint64 step = days ? day : day / 48;
        for (int i = readings; i >= 1; --i) {
            History::SmartValues v;
            v[History::Reallocated] = (readings - i) / 100;
            v[History::Pending] = i % 500 == 0 ? 1 : 0;
            v[History::OfflineUncorrectable] = 0;
            v[History::CrcErrors] = (readings - i) / 1000;
            v[History::Temperature] = 30 + i % 15;
            v[History::PowerOnHours] = 1000 + (readings - i);
            fake.recordSmartHistory(QStringLiteral("sda"), now - qint64(i) * step, v);
        }
        QVERIFY(fake.registerService());
        HelperClient client(QDBusConnection::connectToBus(m_bus.address(), QStringLiteral("bench-disk-") + history));
        const QString disk = fake.diskPath(QStringLiteral("sda"));
        QTRY_VERIFY(client.hasDisk(disk));

        for (HistoryChart::Range range : {HistoryChart::Range::All, HistoryChart::Range::Year, HistoryChart::Range::Month}) {
            DiskHistoryPage page(&client);
            page.resize(1000, 800);
            page.show();
            QVERIFY(QTest::qWaitForWindowExposed(&page));
            page.setRange(range);
            QSignalSpy answered(&client, &HelperClient::diskHistoryReady);
            QElapsedTimer timer;
            timer.start();
            page.setObject(disk);
            while (page.series(DiskHistoryChart::Temperature)->count() <= 10 && answered.wait(30000)) {
            }
            QVERIFY(page.series(DiskHistoryChart::Temperature)->count() > 10);
            const qint64 fetchMs = timer.elapsed();
            QList<QLineSeries *> series;
            for (int v = 0; v < DiskHistoryChart::ValueCount; ++v)
                series << page.series(DiskHistoryChart::Value(v));
            const double set = setMs(series);
            const double paint = paintMs(&page);
            qInfo().noquote() << QStringLiteral("disk charts, %1 (%2 readings), range %3: %4 points a series; fetched and "
                                                "set in %5 ms (setting the series alone %6 ms), paint %7 ms per frame "
                                                "(both charts)")
                                         .arg(days ? QStringLiteral("ten years of days")
                                                   : QStringLiteral("a year of readings every 30 minutes"))
                                         .arg(readings)
                                         .arg(page.rangeBox()->currentText())
                                         .arg(page.series(DiskHistoryChart::Temperature)->count())
                                         .arg(fetchMs)
                                         .arg(set, 0, 'f', 2)
                                         .arg(paint, 0, 'f', 2);
        }
    }

private:
    PrivateBus m_bus;
};

QTEST_MAIN(BenchHistory)
#include "bench_history.moc"
