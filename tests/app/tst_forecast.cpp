// The spare's forecast in the app (issue 13): HelperClient asks
// Pair1.GetForecast at the start and whenever a pair's counts change, the
// pair's overview says it in one line (the date with its 80% interval or why
// there is none, in the app's own words, and the main disk's risk band). The
// double answers with the helper's own history store and forecast over
// synthetic remap events.
#include "devicemodel.h"
#include "diskhistorychart.h"
#include "fakehelper.h"
#include "forecast.h"
#include "health.h"
#include "historychart.h"
#include "helperclient.h"
#include "historyfeed.h"
#include "notifier.h"
#include "overviewpage.h"
#include "privatebus.h"
#include "translations.h"

#include <QApplication>
#include <QComboBox>
#include <QChart>
#include <QDateTimeAxis>
#include <QLabel>
#include <QElapsedTimer>
#include <QLineSeries>
#include <QDBusMessage>
#include <QDBusReply>
#include <QDateTime>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QValueAxis>

#include <cmath>

namespace {
constexpr qulonglong GB = 1000ull * 1000 * 1000;
constexpr qint64 day = 86400;
const qint64 now = QDateTime(QDate(2026, 6, 1), QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch();

// A count axis whose ticks are whole and 1, 2 or 5 times a power of ten apart.
bool roundTicks(const QValueAxis *axis)
{
    if (axis->min() != 0 || axis->tickCount() < 2)
        return false;
    const double step = axis->max() / (axis->tickCount() - 1);
    const double power = std::pow(10, std::floor(std::log10(step)));
    const double mantissa = step / power;
    return step >= 1 && (mantissa == 1 || mantissa == 2 || mantissa == 5);
}
} // namespace

class TestForecast : public QObject
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

    void fetchedAtStartAndWhenCountsChange()
    {
        FakeHelper fake(m_bus.address());
        fake.nowSecs = now;
        fake.addDisk(QStringLiteral("sda"), QStringLiteral("/dev/sda"), QStringLiteral("hdd"), 500 * GB);
        fake.setSmartFixture(QStringLiteral("sda"), QStringLiteral("ide-damaged-failing.json"));
        fake.addDisk(QStringLiteral("sdb"), QStringLiteral("/dev/sdb"), QStringLiteral("ssd"), 64 * GB);
        fake.addPair(QStringLiteral("safe"), QStringLiteral("sda"), QStringLiteral("sdb"));
        // 60 days of two blocks a day, 120 of 400 slots used.
        fake.pair(QStringLiteral("safe"))->info.insert(QStringLiteral("capacity"), qulonglong(400));
        QList<qulonglong> sectors;
        for (int d = 60; d >= 1; --d) {
            fake.recordRemapHistory(QStringLiteral("safe"), now - d * day + day / 2, 2);
            sectors << qulonglong(d) * 16 << qulonglong(d) * 16 + 8;
        }
        std::sort(sectors.begin(), sectors.end());
        fake.setRemaps(QStringLiteral("safe"), sectors);
        QVERIFY(fake.registerService());

        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        QDBusConnection bus = QDBusConnection::connectToBus(m_bus.address(), QStringLiteral("forecast-app"));
        HelperClient client(bus);
        DeviceModel devices(&client);
        Notifier notifier(&client, bus, &settings);
        const QString pair = fake.pairPath(QStringLiteral("safe"));
        QTRY_VERIFY(!client.forecast(pair).isEmpty());
        // (The fake's signals from building the machine are relayed late and
        // may ask once more.)
        const int asked = fake.calls.value(QStringLiteral("GetForecast"));
        QVERIFY(asked >= 1);
        QVariantMap forecast = client.forecast(pair);
        QVERIFY2(forecast.value(QStringLiteral("forecast")).toBool(), qPrintable(forecast.value(QStringLiteral("reason")).toString()));
        QCOMPARE(forecast.value(QStringLiteral("used")).toULongLong(), 120ull);
        // 280 slots left at 2 a day: about 140 days.
        const double daysLeft = forecast.value(QStringLiteral("days-left")).toDouble();
        QVERIFY2(daysLeft > 100 && daysLeft < 180, qPrintable(QString::number(daysLeft)));

        OverviewPage page(&client, &devices, &notifier);
        page.setObject(pair);
        const QString dates = QStringLiteral("Full around %1 at the current rate (80% likely between %2 and %3).")
                                      .arg(Health::forecastDate(forecast.value(QStringLiteral("likely")).toLongLong()),
                                           Health::forecastDate(forecast.value(QStringLiteral("earliest")).toLongLong()),
                                           Health::forecastDate(forecast.value(QStringLiteral("latest")).toLongLong()));
        QVERIFY2(page.valueText(QStringLiteral("forecast")).startsWith(dates + QStringLiteral(" Failure risk of the main disk: ")),
                 qPrintable(page.valueText(QStringLiteral("forecast"))));
        const QString band = forecast.value(QStringLiteral("risk-band")).toString();
        QVERIFY(!band.isEmpty());
        QVERIFY2(page.valueText(QStringLiteral("forecast")).contains(Health::riskBandText(band) + QStringLiteral(" (about ")),
                 qPrintable(page.valueText(QStringLiteral("forecast"))));
        // (then, as the fixture's disk reallocated its first sectors at this
        // start, the warning of the 60 days after it)
        QVERIFY(page.valueText(QStringLiteral("forecast")).contains(QStringLiteral("by Backblaze's drive statistics as Scrutiny publishes them).")));

        // A burst moves 40 blocks: asked again, the date comes closer.
        QList<qulonglong> burst;
        for (qulonglong i = 0; i < 40; ++i)
            burst << 1'000'000 + i * 8;
        fake.addRemaps(QStringLiteral("safe"), burst);
        QTRY_COMPARE(client.forecast(pair).value(QStringLiteral("used")).toULongLong(), 160ull);
        QVERIFY(fake.calls.value(QStringLiteral("GetForecast")) > asked);
        QVERIFY(client.forecast(pair).value(QStringLiteral("likely")).toLongLong() < forecast.value(QStringLiteral("likely")).toLongLong());
        QTRY_VERIFY(page.valueText(QStringLiteral("forecast")).startsWith(
                QStringLiteral("Full around %1").arg(Health::forecastDate(client.forecast(pair).value(QStringLiteral("likely")).toLongLong()))));

        // German: the app's sentence, with the helper's codes only.
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        Translations::install(QLocale());
        const QString german = Health::forecastText(client.forecast(pair));
        QVERIFY2(!german.contains(QStringLiteral("Full around")) && !german.contains(QStringLiteral("risk")), qPrintable(german));
    }

    // Each reason the helper gives (its own codes, from its own map) has a
    // sentence of the app's, translated, never the helper's English.
    void reasonsInTheAppsWords()
    {
        const QList<Forecast::NoForecastReason> reasons{
                Forecast::NoForecastReason::TooLittleHistory, Forecast::NoForecastReason::NoRemapsInWindow,
                Forecast::NoForecastReason::AlreadyFull, Forecast::NoForecastReason::BeyondHorizon};
        for (const QLocale &locale : {QLocale(QLocale::English), QLocale(QLocale::German), QLocale(QLocale::French)}) {
            QLocale::setDefault(locale);
            Translations::install(locale);
            QStringList seen;
            for (Forecast::NoForecastReason reason : reasons) {
                Forecast::SpareForecast none;
                none.reason = reason;
                QVariantMap map = HistoryFeed::forecastMap(none, 100, 10, now);
                map.insert(QStringLiteral("history-available"), true);
                HistoryFeed::addRisk(&map, std::nullopt, 0);
                const QString text = Health::forecastText(map);
                QVERIFY2(!seen.contains(text) && text != Health::forecastText({{QStringLiteral("forecast"), false}}),
                         qPrintable(text));
                QVERIFY2(!text.contains(map.value(QStringLiteral("reason-text")).toString()), qPrintable(text));
                if (locale.language() != QLocale::English)
                    QVERIFY2(!text.startsWith(QStringLiteral("No forecast")) && !text.startsWith(QStringLiteral("Not ")),
                             qPrintable(text));
                seen << text;
            }
        }
    }

    // A new pair: too little history, said so; an NVMe main disk gives no
    // risk band, and the line has none.
    void noForecastYet()
    {
        FakeHelper fake(m_bus.address());
        fake.addDisk(QStringLiteral("nvme0n1"), QStringLiteral("/dev/nvme0n1"), QStringLiteral("nvme"), 500 * GB);
        fake.addDisk(QStringLiteral("sdb"), QStringLiteral("/dev/sdb"), QStringLiteral("ssd"), 64 * GB);
        fake.addPair(QStringLiteral("young"), QStringLiteral("nvme0n1"), QStringLiteral("sdb"));
        fake.addRemaps(QStringLiteral("young"), {8, 16});
        QVERIFY(fake.registerService());
        QDBusConnection bus = QDBusConnection::connectToBus(m_bus.address(), QStringLiteral("young-app"));
        HelperClient client(bus);
        const QString pair = fake.pairPath(QStringLiteral("young"));
        QTRY_VERIFY(!client.forecast(pair).isEmpty());
        QCOMPARE(client.forecast(pair).value(QStringLiteral("reason")).toString(), QStringLiteral("too-little-history"));
        QCOMPARE(Health::forecastText(client.forecast(pair)),
                 QStringLiteral("No forecast yet: it needs at least a week of history and three bursts of moved blocks "
                                "in the last 90 days."));
        QCOMPARE(Health::forecastText({}), QStringLiteral("Not known yet."));
    }

    // An annualized failure rate passes 100% for the worst rows of the
    // table: the line says the chance of failing within a year instead.
    void riskAsAChanceWithinAYear()
    {
        const QVariantMap map{{QStringLiteral("forecast"), false},
                              {QStringLiteral("reason"), QStringLiteral("no-remaps-in-window")},
                              {QStringLiteral("risk-band"), QStringLiteral("severe")},
                              {QStringLiteral("risk-annual-failure-rate"), 1.5},
                              {QStringLiteral("risk-interval-low"), 1.27},
                              {QStringLiteral("risk-interval-high"), 1.77},
                              {QStringLiteral("risk-source"), QStringLiteral("Backblaze")}};
        const QString text = Health::forecastText(map);
        QVERIFY2(text.contains(QStringLiteral("(about 78% likely to fail within a year, 72–83%, by Backblaze")), qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("150")), qPrintable(text));
    }

    // Within 60 days of the main disk's first reallocation the helper says
    // so (the window, its end, its source): the line ends with the warning,
    // its date in the locale's short format and the study named, in en, de
    // and fr; outside the window, nothing.
    void firstReallocationWindow()
    {
        const qint64 first = now - 10 * day;
        const Forecast::FailureRisk risk = Forecast::assessFailureRisk(3, first, now);
        QVERIFY(risk.firstReallocationWindow);
        QVariantMap map = HistoryFeed::forecastMap(Forecast::SpareForecast{}, 100, 3, now);
        map.insert(QStringLiteral("history-available"), true);
        HistoryFeed::addRisk(&map, risk, 3);
        QVERIFY(map.value(QStringLiteral("first-reallocation-window")).toBool());
        const qint64 ends = map.value(QStringLiteral("first-reallocation-window-ends")).toLongLong();
        QCOMPARE(ends, first + 60 * day);
        QString english;
        for (const QLocale &locale : {QLocale(QLocale::English, QLocale::UnitedStates), QLocale(QLocale::German, QLocale::Germany),
                                      QLocale(QLocale::French, QLocale::France)}) {
            QLocale::setDefault(locale);
            Translations::install(locale);
            const QString text = Health::forecastText(map);
            const QString warning = Health::firstReallocationText(map);
            QVERIFY2(!warning.isEmpty() && text.endsWith(warning), qPrintable(text));
            QVERIFY2(warning.contains(locale.toString(QDateTime::fromSecsSinceEpoch(ends).date(), QLocale::ShortFormat)),
                     qPrintable(warning));
            QVERIFY2(warning.contains(QStringLiteral("Pinheiro")) && warning.contains(QStringLiteral("FAST 2007")), qPrintable(warning));
            QVERIFY2(!warning.contains(map.value(QStringLiteral("first-reallocation-source")).toString()), qPrintable(warning));
            if (locale.language() == QLocale::English) {
                english = warning;
                QVERIFY(warning.startsWith(QStringLiteral("The main disk replaced its first sector less than 60 days ago: until ")));
            } else {
                QVERIFY2(!warning.contains(QStringLiteral("likely")) && !warning.contains(QStringLiteral("first sector")),
                         qPrintable(warning));
            }
        }
        // Outside the window: no warning.
        QVariantMap later = map;
        HistoryFeed::addRisk(&later, Forecast::assessFailureRisk(3, first, now + 70 * day), 3);
        QVERIFY(!later.value(QStringLiteral("first-reallocation-window")).toBool());
        QVERIFY(Health::firstReallocationText(later).isEmpty());
        QVERIFY(!Health::forecastText(later).contains(QStringLiteral("Pinheiro")));
    }

    // The double's GetHistory is the helper's: the recorded events per
    // bucket, the helper's range checks.
    void doubleAnswersHistoryAsTheHelper()
    {
        FakeHelper fake(m_bus.address());
        fake.nowSecs = now;
        fake.addDisk(QStringLiteral("sda"), QStringLiteral("/dev/sda"), QStringLiteral("hdd"), 500 * GB);
        fake.addDisk(QStringLiteral("sdb"), QStringLiteral("/dev/sdb"), QStringLiteral("ssd"), 64 * GB);
        fake.addPair(QStringLiteral("safe"), QStringLiteral("sda"), QStringLiteral("sdb"));
        for (int d = 10; d >= 1; --d)
            fake.recordRemapHistory(QStringLiteral("safe"), now - d * day + 3600, quint64(d), 1);
        QVERIFY(fake.registerService());
        QDBusConnection bus = QDBusConnection::connectToBus(m_bus.address(), QStringLiteral("history-app"));
        auto call = [&](qlonglong from, qlonglong to, qlonglong resolution) {
            QDBusMessage m = QDBusMessage::createMethodCall(QStringLiteral("org.dmremap.Manager1"), fake.pairPath(QStringLiteral("safe")),
                                                            QStringLiteral("org.dmremap.Pair1"), QStringLiteral("GetHistory"));
            m << from << to << resolution;
            return bus.call(m, QDBus::BlockWithGui);
        };
        const QDBusMessage reply = call(now - 10 * day, now, day);
        QVERIFY2(reply.type() == QDBusMessage::ReplyMessage, qPrintable(reply.errorMessage()));
        const QList<QVariantMap> buckets = qdbus_cast<QList<QVariantMap>>(reply.arguments().constFirst());
        QCOMPARE(buckets.size(), 10);
        QCOMPARE(buckets.first().value(QStringLiteral("moved")).toULongLong(), 10ull);
        QCOMPARE(buckets.first().value(QStringLiteral("pending")).toULongLong(), 1ull);
        QCOMPARE(buckets.last().value(QStringLiteral("moved")).toULongLong(), 1ull);
        QCOMPARE(buckets.first().value(QStringLiteral("start")).toLongLong(), now - 10 * day);
        QCOMPARE(call(now, now - day, day).errorName(), QStringLiteral("org.dmremap.Error.InvalidArgument"));
    }

    // The History tab: ten years of daily history drawn in one go (one
    // replace() per series), the running total ending at the pair's count,
    // the forecast line to the spare's capacity, the range selector.
    void historyChart()
    {
        FakeHelper fake(m_bus.address());
        const qint64 realNow = QDateTime::currentSecsSinceEpoch();
        fake.addDisk(QStringLiteral("sda"), QStringLiteral("/dev/sda"), QStringLiteral("hdd"), 500 * GB);
        fake.addDisk(QStringLiteral("sdb"), QStringLiteral("/dev/sdb"), QStringLiteral("ssd"), 64 * GB);
        fake.addPair(QStringLiteral("old"), QStringLiteral("sda"), QStringLiteral("sdb"));
        fake.pair(QStringLiteral("old"))->info.insert(QStringLiteral("capacity"), qulonglong(7400));
        constexpr int days = 3650;
        QList<qulonglong> sectors;
        for (int d = days; d >= 1; --d) {
            fake.recordRemapHistory(QStringLiteral("old"), realNow - qint64(d) * day + 3600, 2, d % 7 == 0 ? 1 : 0);
            sectors << qulonglong(d) * 16 << qulonglong(d) * 16 + 8;
        }
        std::sort(sectors.begin(), sectors.end());
        fake.setRemaps(QStringLiteral("old"), sectors);
        QVERIFY(fake.registerService());
        QDBusConnection bus = QDBusConnection::connectToBus(m_bus.address(), QStringLiteral("chart-app"));
        HelperClient client(bus);
        const QString pair = fake.pairPath(QStringLiteral("old"));
        QTRY_VERIFY(client.forecast(pair).value(QStringLiteral("forecast")).toBool());

        HistoryPage page(&client);
        page.resize(800, 500);
        page.show();
        page.setRange(HistoryChart::Range::All);
        QElapsedTimer timer;
        timer.start();
        page.setObject(pair);
        QTRY_VERIFY_WITH_TIMEOUT(page.movedSeries()->count() > days, 10000);
        const qint64 fetched = timer.elapsed();
        QCOMPARE(page.movedSeries()->count(), page.shown().moved.size());
        QCOMPARE(page.movedSeries()->at(page.movedSeries()->count() - 1).y(), double(2 * days));
        QCOMPARE(page.pendingSeries()->at(page.pendingSeries()->count() - 1).y(), double(days / 7));
        QCOMPARE(page.forecastSeries()->count(), 2);
        QCOMPARE(page.forecastSeries()->at(1).y(), 7400.0);
        QCOMPARE(qint64(page.forecastSeries()->at(1).x()), client.forecast(pair).value(QStringLiteral("likely")).toLongLong() * 1000);
        timer.restart();
        QPixmap frame = page.grab();
        const qint64 painted = timer.elapsed();
        QVERIFY(!frame.isNull());
        qInfo("ten years of days: fetched and set in %lld ms, painted in %lld ms", fetched, painted);
        QVERIFY2(painted < 1000, qPrintable(QString::number(painted)));

        // 30 days: quarter days, about 120 buckets.
        page.setRange(HistoryChart::Range::Month);
        QTRY_VERIFY(page.movedSeries()->count() > 100 && page.movedSeries()->count() < 130);
        QCOMPARE(page.movedSeries()->at(page.movedSeries()->count() - 1).y(), double(2 * days));
        QVERIFY(page.rangeBox()->currentText() == QStringLiteral("Last 30 days"));
        // The forecast's far end lies beyond the month ahead; the axis stops
        // there rather than squeezing the month to a fraction of the chart.
        QVERIFY(page.shown().latest.last().x() > double(realNow + 31 * day) * 1000);
        QVERIFY2(page.timeAxis()->max().toSecsSinceEpoch() <= realNow + 31 * day,
                 qPrintable(page.timeAxis()->max().toString(Qt::ISODate)));
        QVERIFY(page.timeAxis()->max().toSecsSinceEpoch() >= realNow);
        QVERIFY2(roundTicks(page.countAxis()), qPrintable(QStringLiteral("%1 in %2 ticks").arg(page.countAxis()->max()).arg(page.countAxis()->tickCount())));
        QVERIFY(page.countAxis()->max() >= 7400);
    }

    void countScaleIsRound_data()
    {
        QTest::addColumn<double>("highest");
        QTest::addColumn<double>("top");
        QTest::addColumn<int>("tickCount");
        QTest::newRow("nothing") << 0.0 << 1.0 << 2;
        QTest::newRow("3") << 3.0 << 4.0 << 5;
        QTest::newRow("40") << 40.0 << 50.0 << 6;
        QTest::newRow("1960 (was 514 a tick)") << 1960.0 << 2500.0 << 6;
        QTest::newRow("7400") << 7400.0 << 8000.0 << 5;
        QTest::newRow("a million") << 1e6 << 1.5e6 << 4;
    }
    void countScaleIsRound()
    {
        QFETCH(double, highest);
        QFETCH(double, top);
        QFETCH(int, tickCount);
        const HistoryChart::Scale scale = HistoryChart::countScale(highest);
        QCOMPARE(scale.top, top);
        QCOMPARE(scale.tickCount, tickCount);
    }

    // A forecast soon is shown whole; one years away is cut at as much time
    // ahead as the range looks back; without one the axis ends now.
    void timeAxisEndsWithinTheRange()
    {
        const HistoryChart::Request year = HistoryChart::requestFor(HistoryChart::Range::Year, now);
        HistoryChart::Series series;
        series.maxX = now * 1000;
        QCOMPARE(HistoryChart::timeAxisEnd(year, series), now * 1000);
        series.maxX = (now + 40 * day) * 1000;
        QCOMPARE(HistoryChart::timeAxisEnd(year, series), (now + 40 * day) * 1000);
        series.maxX = (now + 5 * 365 * day) * 1000;
        QVERIFY(HistoryChart::timeAxisEnd(year, series) <= (now + 366 * day) * 1000);
        QVERIFY(HistoryChart::timeAxisEnd(year, series) >= (now + 365 * day) * 1000);
    }

    // A disk's SMART history on its overview (Disk1.GetHistory from the
    // double's store, the helper's): the counts chart with the values an ATA
    // disk reports and nothing of NVMe's, the condition chart with its
    // temperature; an NVMe drive's media errors and available spare; the
    // same ranges as the pair's chart; the dates on the axis in the locale's
    // short format.
    void diskHistoryCharts()
    {
        FakeHelper fake(m_bus.address());
        const qint64 realNow = QDateTime::currentSecsSinceEpoch();
        fake.addDisk(QStringLiteral("sda"), QStringLiteral("/dev/sda"), QStringLiteral("hdd"), 500 * GB,
                     {{QStringLiteral("serial"), QStringLiteral("ATA-1")}});
        fake.addDisk(QStringLiteral("nvme0n1"), QStringLiteral("/dev/nvme0n1"), QStringLiteral("nvme"), 500 * GB,
                     {{QStringLiteral("serial"), QStringLiteral("NVME-1")}});
        for (int d = 365; d >= 1; --d) {
            History::SmartValues ata;
            ata[History::Reallocated] = (365 - d) / 9;   // 0 to 40
            ata[History::Pending] = d < 30 ? 2 : 0;
            ata[History::OfflineUncorrectable] = 0;
            ata[History::CrcErrors] = 1;
            ata[History::Temperature] = 30 + d % 12;
            ata[History::PowerOnHours] = 10000 + (365 - d) * 24;
            fake.recordSmartHistory(QStringLiteral("sda"), realNow - qint64(d) * day + 600, ata);
            History::SmartValues nvme;
            nvme[History::NvmeMediaErrors] = (365 - d) / 73; // 0 to 4
            nvme[History::NvmeAvailableSpare] = 100 - (365 - d) / 10;
            nvme[History::Temperature] = 40 + d % 7;
            fake.recordSmartHistory(QStringLiteral("nvme0n1"), realNow - qint64(d) * day + 600, nvme);
        }
        QVERIFY(fake.registerService());
        QDBusConnection bus = QDBusConnection::connectToBus(m_bus.address(), QStringLiteral("disk-chart-app"));
        HelperClient client(bus);
        DeviceModel devices(&client);
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        Notifier notifier(&client, bus, &settings);
        QTRY_VERIFY(client.hasDisk(fake.diskPath(QStringLiteral("nvme0n1"))));
        OverviewPage page(&client, &devices, &notifier);
        page.resize(900, 1400);
        page.show();
        page.setObject(fake.diskPath(QStringLiteral("sda")));
        DiskHistoryPage *charts = page.diskHistoryPage();
        QVERIFY(charts->isVisible());
        QVERIFY(!page.historyPage()->isVisible());
        using namespace DiskHistoryChart;
        QTRY_VERIFY(charts->series(Reallocated)->count() > 300);
        QCOMPARE(charts->series(Reallocated)->count(), charts->shown().lines[Reallocated].size());
        // (The double's own read of the disk at the start, without these
        // values, is the last point.)
        auto maxOf = [](QLineSeries *series) {
            double m = 0;
            for (const QPointF &p : series->points())
                m = std::max(m, p.y());
            return m;
        };
        QCOMPARE(maxOf(charts->series(Reallocated)), 40.0);
        QCOMPARE(charts->shown().maxCount, 40.0);
        QCOMPARE(charts->countAxis()->max(), 50.0);
        QVERIFY(roundTicks(charts->countAxis()));
        QCOMPARE(maxOf(charts->series(Pending)), 2.0);
        QVERIFY(charts->series(Temperature)->count() > 300 && charts->series(Temperature)->isVisible());
        QCOMPARE(charts->series(NvmeMediaErrors)->count(), 0);
        QVERIFY(!charts->series(NvmeMediaErrors)->isVisible() && !charts->series(AvailableSpare)->isVisible());
        QVERIFY(charts->countsLegend()->text().contains(QStringLiteral("Sectors replaced")));
        QVERIFY(!charts->countsLegend()->text().contains(QStringLiteral("NVMe")));
        QCOMPARE(charts->rangeBox()->currentText(), QStringLiteral("Last year"));

        page.setObject(fake.diskPath(QStringLiteral("nvme0n1")));
        QTRY_VERIFY(charts->series(NvmeMediaErrors)->count() > 300);
        QCOMPARE(maxOf(charts->series(NvmeMediaErrors)), 4.0);
        QVERIFY(charts->series(AvailableSpare)->isVisible());
        QCOMPARE(charts->series(AvailableSpare)->at(charts->series(AvailableSpare)->count() - 2).y(), 64.0);
        QCOMPARE(charts->series(Reallocated)->count(), 0);

        // 30 days: quarter-day buckets, one reading a day.
        charts->setRange(HistoryChart::Range::Month);
        QTRY_VERIFY(charts->series(NvmeMediaErrors)->count() >= 29 && charts->series(NvmeMediaErrors)->count() <= 31);
        auto *axis = qobject_cast<QDateTimeAxis *>(charts->countsChart()->axes(Qt::Horizontal).constFirst());
        QVERIFY(axis);
        QCOMPARE(axis->format(), QLocale().dateFormat(QLocale::ShortFormat));
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        Translations::install(QLocale());
        charts->setRange(HistoryChart::Range::Year);
        QTRY_VERIFY(charts->series(NvmeMediaErrors)->count() > 300);
        QCOMPARE(axis->format(), QLocale(QLocale::German, QLocale::Germany).dateFormat(QLocale::ShortFormat));
    }

private:
    PrivateBus m_bus;
};

QTEST_MAIN(TestForecast)
#include "tst_forecast.moc"
