// The forecast of issue 13 (helper/forecast.*): the spare-full date checked
// by replaying synthetic remap traces whose true full date is known, the
// reasons for no forecast, and the failure-risk table against its source.
#include "forecast.h"

#include <QElapsedTimer>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <random>

using namespace Forecast;

namespace {

constexpr qint64 kDay = 86400;
constexpr qint64 kTraceStart = 1700000000; // 2023-11-14, any UTC time would do
constexpr double kHorizonDaysAtCut = 30;

enum class Kind { Steady, Bursty, Accelerating };

const char *kindName(Kind kind)
{
    switch (kind) {
    case Kind::Steady:
        return "steady";
    case Kind::Bursty:
        return "bursty";
    case Kind::Accelerating:
        return "accelerating";
    }
    return "";
}

// One synthetic pair: remaps from kTraceStart, cut after historyDays, a
// spare sized to be full about 30 days after the cut (the expected 30 days'
// blocks at the generator's own rate), and the date it really fills.
struct Trace {
    QList<RemapEvent> history;
    quint64 used = 0;
    quint64 capacity = 0;
    qint64 cutSecs = 0;
    qint64 trueFullSecs = 0;
};

// Bursts of a Poisson process with rate (per day) rate0 * exp(growth * t),
// t in days from the trace start; each burst's blocks come as 1 to
// maxEventsPerBurst remaps a few minutes apart. The cut is a fixed time, never
// chosen from the future, so the true date stays random as a real one is.
Trace makeTrace(Kind kind, int seed)
{
    std::mt19937_64 rng(std::uint64_t(seed) * 7919 + std::uint64_t(kind));
    std::uniform_real_distribution<double> unit(0, 1);
    const auto between = [&](double lo, double hi) { return lo + (hi - lo) * unit(rng); };

    const double historyDays = between(60, 200);
    double rateAtCut = 0, growth = 0, sizeMean = 1, sizeSigma = 0;
    int maxEventsPerBurst = 1;
    switch (kind) {
    case Kind::Steady: // single blocks, a constant rate
        rateAtCut = between(2, 20);
        break;
    case Kind::Bursty: // clusters of very unequal size (lognormal, CV 1.3)
        rateAtCut = between(1, 4);
        sizeMean = between(4, 30);
        sizeSigma = 1.0;
        maxEventsPerBurst = 4;
        break;
    case Kind::Accelerating: // the burst rate doubles every 30 to 90 days
        rateAtCut = between(1, 6);
        growth = std::log(2.0) / between(30, 90);
        sizeMean = between(2, 8);
        sizeSigma = 0.7;
        maxEventsPerBurst = 3;
        break;
    }
    const double rate0 = rateAtCut * std::exp(-growth * historyDays);
    // Cumulative intensity from 0 to t and its inverse.
    const auto cumulative = [&](double t) { return growth == 0 ? rate0 * t : rate0 * std::expm1(growth * t) / growth; };
    const auto inverse = [&](double c) { return growth == 0 ? c / rate0 : std::log1p(growth * c / rate0) / growth; };
    std::lognormal_distribution<double> logSize(std::log(sizeMean) - sizeSigma * sizeSigma / 2, sizeSigma);
    const auto burstBlocks = [&]() {
        return sizeSigma == 0 ? quint64(1) : quint64(std::max(1.0, std::round(logSize(rng))));
    };
    std::exponential_distribution<double> gap(1.0);
    std::uniform_int_distribution<int> eventsInBurst(1, maxEventsPerBurst);
    std::uniform_int_distribution<int> minutesApart(1, 4);

    Trace trace;
    trace.cutSecs = kTraceStart + qint64(historyDays * kDay);
    const double expectedIn30Days = sizeMean * (cumulative(historyDays + kHorizonDaysAtCut) - cumulative(historyDays));
    quint64 total = 0;
    double intensity = 0;
    bool capacitySet = false;
    for (;;) {
        intensity += gap(rng);
        qint64 when = kTraceStart + qint64(inverse(intensity) * kDay);
        if (!capacitySet && when > trace.cutSecs) {
            trace.used = total;
            trace.capacity = total + quint64(std::llround(expectedIn30Days));
            capacitySet = true;
        }
        quint64 blocks = burstBlocks();
        const int parts = eventsInBurst(rng);
        for (int p = 0; p < parts && blocks > 0; ++p) {
            const quint64 part = p == parts - 1 ? blocks : std::max<quint64>(1, blocks / quint64(parts));
            blocks -= part;
            total += part;
            if (when <= trace.cutSecs)
                trace.history.append({when, part});
            if (capacitySet && total >= trace.capacity) {
                trace.trueFullSecs = when;
                return trace;
            }
            when += minutesApart(rng) * 60;
        }
    }
}

struct KindFigures {
    int traces = 0;
    int covered = 0;
    int noForecast = 0;
    QList<double> relativeErrors;
    QList<double> relativeWidths; // of the 80% interval
    QList<double> growthPerMonth; // of the burst rate, as fitted
};

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? HUGE_VAL : values[values.size() / 2];
}

} // namespace

class TestForecast : public QObject
{
    Q_OBJECT
private slots:
    void replayOfSyntheticTraces();
    void noForecastReasons();
    void unorderedEventsAreSorted();
    void millionEvents();
    void riskTableReproducesScrutiny();
    void riskLookup_data();
    void riskLookup();
    void firstReallocationWindow();
};

void TestForecast::replayOfSyntheticTraces()
{
    constexpr int kTracesPerKind = 600; // coverage known to about +-1.6 points
    QElapsedTimer timer;
    timer.start();
    KindFigures all;
    QList<KindFigures> perKind;
    for (Kind kind : {Kind::Steady, Kind::Bursty, Kind::Accelerating}) {
        KindFigures figures;
        for (int seed = 0; seed < kTracesPerKind; ++seed) {
            const Trace trace = makeTrace(kind, seed);
            SpareInput input;
            input.events = trace.history;
            input.observedSinceSecs = kTraceStart;
            input.capacitySlots = trace.capacity;
            input.usedSlots = trace.used;
            input.nowSecs = trace.cutSecs;
            const SpareForecast f = forecastSpareFull(input);
            ++figures.traces;
            if (!f.hasForecast()) {
                ++figures.noForecast;
                continue;
            }
            const bool covered = f.earliestSecs <= trace.trueFullSecs
                && (f.latestBeyondHorizon || trace.trueFullSecs <= f.latestSecs);
            figures.covered += covered ? 1 : 0;
            const double daysAhead = double(trace.trueFullSecs - trace.cutSecs);
            figures.relativeErrors.append(double(std::abs(f.likelySecs - trace.trueFullSecs)) / daysAhead);
            figures.relativeWidths.append(double(f.latestSecs - f.earliestSecs) / daysAhead);
            figures.growthPerMonth.append(f.rateGrowthPerMonth);
        }
        qInfo("%-12s %d traces: 80%% interval holds the true date in %.1f%%, median error %.1f%%, "
              "median interval width %.0f%%, median fitted growth %+.0f%% a month, no forecast %d",
              kindName(kind), figures.traces, 100.0 * figures.covered / figures.traces,
              100 * median(figures.relativeErrors), 100 * median(figures.relativeWidths),
              100 * median(figures.growthPerMonth), figures.noForecast);
        all.traces += figures.traces;
        all.covered += figures.covered;
        all.noForecast += figures.noForecast;
        all.relativeErrors += figures.relativeErrors;
        all.relativeWidths += figures.relativeWidths;
        perKind.append(figures);
    }
    const double coverage = double(all.covered) / all.traces;
    const double medianError = median(all.relativeErrors);
    qInfo("all %d traces: coverage %.1f%%, median error at a 30-day horizon %.1f%%, median interval width %.0f%%, %lld ms",
          all.traces, 100 * coverage, 100 * medianError, 100 * median(all.relativeWidths), timer.elapsed());
    QCOMPARE(all.noForecast, 0);
    QVERIFY2(coverage >= 0.75 && coverage <= 0.85, qPrintable(QString::number(coverage)));
    QVERIFY2(medianError <= 0.20, qPrintable(QString::number(medianError)));
    for (const KindFigures &k : perKind) {
        const double c = double(k.covered) / k.traces;
        QVERIFY2(c >= 0.75 && c <= 0.85, qPrintable(QString::number(c)));
        QVERIFY2(median(k.relativeErrors) <= 0.20, qPrintable(QString::number(median(k.relativeErrors))));
    }
}

void TestForecast::noForecastReasons()
{
    const qint64 now = kTraceStart + 100 * kDay;
    SpareInput input;
    input.nowSecs = now;
    input.capacitySlots = 1000;
    input.observedSinceSecs = kTraceStart;

    input.usedSlots = 1000;
    QCOMPARE(forecastSpareFull(input).reason, NoForecastReason::AlreadyFull);
    input.capacitySlots = input.usedSlots = 0;
    QCOMPARE(forecastSpareFull(input).reason, NoForecastReason::AlreadyFull);
    input.capacitySlots = 1000;
    input.usedSlots = 10;

    QCOMPARE(forecastSpareFull(input).reason, NoForecastReason::NoRemapsInWindow);
    input.events = {{now - 95 * kDay, 10}}; // before the 90-day window
    QCOMPARE(forecastSpareFull(input).reason, NoForecastReason::NoRemapsInWindow);

    input.events = {{now - 20 * kDay, 4}, {now - 10 * kDay, 6}};
    QCOMPARE(forecastSpareFull(input).reason, NoForecastReason::TooLittleHistory); // two bursts
    input.observedSinceSecs = now - 3 * kDay;
    input.events = {{now - 2 * kDay, 4}, {now - kDay, 3}, {now - 3600, 3}};
    QCOMPARE(forecastSpareFull(input).reason, NoForecastReason::TooLittleHistory); // three days
    // Without a start the first remap is taken as one.
    input.observedSinceSecs = 0;
    QCOMPARE(forecastSpareFull(input).reason, NoForecastReason::TooLittleHistory);

    // Three single blocks in 90 days and a million free slots.
    input.observedSinceSecs = kTraceStart;
    input.capacitySlots = 1000010;
    input.events = {{now - 80 * kDay, 1}, {now - 50 * kDay, 1}, {now - 10 * kDay, 1}};
    const SpareForecast far = forecastSpareFull(input);
    QCOMPARE(far.reason, NoForecastReason::BeyondHorizon);
    QVERIFY(!describe(far.reason).isEmpty());

    // Ten blocks a day at noon for 60 days, 300 slots free: about 30 days.
    input.capacitySlots = 1000;
    input.usedSlots = 700;
    input.events.clear();
    input.observedSinceSecs = now - 60 * kDay;
    for (int d = 60; d >= 1; --d)
        input.events.append({now - d * kDay + kDay / 2, 10});
    const SpareForecast steady = forecastSpareFull(input);
    QVERIFY(steady.hasForecast());
    QCOMPARE(steady.burstsInWindow, 60);
    QCOMPARE(steady.blocksPerBurst, 10.0);
    QVERIFY2(qAbs(steady.burstsPerDayNow - 1) < 0.02, qPrintable(QString::number(steady.burstsPerDayNow)));
    QVERIFY2(qAbs(steady.rateGrowthPerMonth) < 0.01, qPrintable(QString::number(steady.rateGrowthPerMonth)));
    const double likelyDays = double(steady.likelySecs - now) / kDay;
    QVERIFY2(likelyDays > 26 && likelyDays < 34, qPrintable(QString::number(likelyDays)));
    QVERIFY(steady.earliestSecs < steady.likelySecs && steady.likelySecs < steady.latestSecs);
    QVERIFY(!steady.latestBeyondHorizon);
    // Deterministic: a fixed seed.
    const SpareForecast again = forecastSpareFull(input);
    QCOMPARE(again.earliestSecs, steady.earliestSecs);
    QCOMPARE(again.latestSecs, steady.latestSecs);
}

void TestForecast::unorderedEventsAreSorted()
{
    const Trace trace = makeTrace(Kind::Bursty, 7);
    SpareInput input;
    input.events = trace.history;
    input.observedSinceSecs = kTraceStart;
    input.capacitySlots = trace.capacity;
    input.usedSlots = trace.used;
    input.nowSecs = trace.cutSecs;
    const SpareForecast ordered = forecastSpareFull(input);
    std::reverse(input.events.begin(), input.events.end());
    const SpareForecast reversed = forecastSpareFull(input);
    QVERIFY(ordered.hasForecast());
    QCOMPARE(reversed.likelySecs, ordered.likelySecs);
    QCOMPARE(reversed.burstsInWindow, ordered.burstsInWindow);
}

void TestForecast::millionEvents()
{
    // A million remaps over about five years: bursts of ten remaps a minute
    // apart, 15 to 20 minutes between bursts.
    std::mt19937_64 rng(13);
    std::exponential_distribution<double> burstGap(1.0 / 96); // seconds
    SpareInput input;
    input.events.reserve(1000000);
    qint64 t = kTraceStart;
    while (input.events.size() < 1000000) {
        t += 9 * 60 + 15 * 60 + qint64(burstGap(rng));
        for (int i = 0; i < 10; ++i)
            input.events.append({t + i * 60, 1});
    }
    input.observedSinceSecs = kTraceStart;
    input.nowSecs = input.events.last().timeSecs + 60;
    input.usedSlots = quint64(input.events.size());
    input.capacitySlots = input.usedSlots * 2;
    QElapsedTimer timer;
    timer.start();
    const SpareForecast f = forecastSpareFull(input);
    const qint64 ms = timer.elapsed();
    qInfo("1,000,000 events over %.0f days: forecast in %lld ms (%d bursts in the window) %s",
          double(input.nowSecs - kTraceStart) / kDay, ms, f.burstsInWindow, qPrintable(describe(f.reason)));
    QVERIFY(f.hasForecast());
}

void TestForecast::riskTableReproducesScrutiny()
{
    // Typed in again from Scrutiny's ata_attribute_metadata.go (commit
    // 89588a4f21a431e125564a5560023168d7eee965), attribute 5.
    const ReallocatedAfrRow expected[] = {
        {0, 0, 0.025169175350572493, 0.022768612038746357, 0.027753988579272894},
        {1, 4, 0.027432608477803388, 0.010067283827589948, 0.05970923963096652},
        {4, 16, 0.07501976284584981, 0.039944864177334186, 0.12828607921150972},
        {16, 70, 0.23589260654405794, 0.1643078435800227, 0.32806951196017664},
        {70, 260, 0.36193219378600433, 0.2608488901774093, 0.4892271827875412},
        {260, 1100, 0.5676621428968173, 0.4527895568499355, 0.702804359408436},
        {1100, 4500, 1.5028253400346423, 1.2681757596263297, 1.768305221795894},
        {4500, 17000, 2.0659987547404763, 1.6809790460512237, 2.512808045182302},
        {17000, 70000, 1.7755385684503124, 1.2796520259849835, 2.400012341226441},
    };
    const QList<ReallocatedAfrRow> table = scrutinyReallocatedAfrTable();
    QCOMPARE(table.size(), qsizetype(std::size(expected)));
    for (qsizetype i = 0; i < table.size(); ++i) {
        QCOMPARE(table[i].low, expected[i].low);
        QCOMPARE(table[i].high, expected[i].high);
        // Exact: the same decimal literal gives the same double.
        QVERIFY(table[i].annualFailureRate == expected[i].annualFailureRate);
        QVERIFY(table[i].errorIntervalLow == expected[i].errorIntervalLow);
        QVERIFY(table[i].errorIntervalHigh == expected[i].errorIntervalHigh);
    }
}

void TestForecast::riskLookup_data()
{
    QTest::addColumn<quint64>("count");
    QTest::addColumn<int>("row");
    QTest::addColumn<double>("afr");
    QTest::addColumn<QString>("band");
    QTest::addColumn<bool>("beyondTable");
    QTest::newRow("none") << quint64(0) << 0 << 0.025169175350572493 << "low" << false;
    // Scrutiny's own rule (low < count <= high) matches no row for 1.
    QTest::newRow("one") << quint64(1) << 1 << 0.027432608477803388 << "low" << false;
    QTest::newRow("four") << quint64(4) << 1 << 0.027432608477803388 << "low" << false;
    QTest::newRow("five") << quint64(5) << 2 << 0.07501976284584981 << "elevated" << false;
    QTest::newRow("sixteen") << quint64(16) << 2 << 0.07501976284584981 << "elevated" << false;
    QTest::newRow("seventeen") << quint64(17) << 3 << 0.23589260654405794 << "high" << false;
    QTest::newRow("seventy") << quint64(70) << 3 << 0.23589260654405794 << "high" << false;
    QTest::newRow("71") << quint64(71) << 4 << 0.36193219378600433 << "high" << false;
    QTest::newRow("1100") << quint64(1100) << 5 << 0.5676621428968173 << "high" << false;
    QTest::newRow("1101") << quint64(1101) << 6 << 1.5028253400346423 << "severe" << false;
    QTest::newRow("17000") << quint64(17000) << 7 << 2.0659987547404763 << "severe" << false;
    QTest::newRow("70000") << quint64(70000) << 8 << 1.7755385684503124 << "severe" << false;
    QTest::newRow("70001") << quint64(70001) << 8 << 1.7755385684503124 << "severe" << true;
    QTest::newRow("huge") << ~quint64(0) << 8 << 1.7755385684503124 << "severe" << true;
}

void TestForecast::riskLookup()
{
    QFETCH(quint64, count);
    QFETCH(int, row);
    QFETCH(double, afr);
    QFETCH(QString, band);
    QFETCH(bool, beyondTable);
    const FailureRisk risk = assessFailureRisk(count, 0, kTraceStart);
    QCOMPARE(risk.tableRow, row);
    QVERIFY(risk.annualFailureRate == afr);
    QCOMPARE(risk.errorIntervalLow, scrutinyReallocatedAfrTable()[row].errorIntervalLow);
    QCOMPARE(risk.errorIntervalHigh, scrutinyReallocatedAfrTable()[row].errorIntervalHigh);
    QCOMPARE(bandName(risk.band), band);
    QCOMPARE(risk.beyondTable, beyondTable);
    QVERIFY(risk.afrSource.contains(QLatin1String("ata_attribute_metadata.go")));
    QVERIFY(risk.afrSource.contains(QLatin1String("Backblaze")));
    QVERIFY(!risk.firstReallocationWindow);
    QVERIFY(risk.windowSource.isEmpty());
}

void TestForecast::firstReallocationWindow()
{
    const qint64 now = kTraceStart + 365 * kDay;
    const FailureRisk recent = assessFailureRisk(2, now - 10 * kDay, now);
    QVERIFY(recent.firstReallocationWindow);
    QCOMPARE(recent.windowEndsSecs, now + 50 * kDay);
    QVERIFY(recent.windowSource.contains(QLatin1String("FAST 2007")));
    QVERIFY(recent.windowSource.contains(QLatin1String("14 times")));
    QCOMPARE(recent.band, RiskBand::Elevated); // low by the table, raised by the window
    QVERIFY(recent.annualFailureRate == 0.027432608477803388);

    QCOMPARE(assessFailureRisk(2000, now - 10 * kDay, now).band, RiskBand::Severe); // never lowered
    QVERIFY(assessFailureRisk(2, now - 59 * kDay, now).firstReallocationWindow);
    const FailureRisk old = assessFailureRisk(2, now - 60 * kDay, now);
    QVERIFY(!old.firstReallocationWindow);
    QCOMPARE(old.band, RiskBand::Low);
    QVERIFY(!assessFailureRisk(2, now + kDay, now).firstReallocationWindow); // a clock gone back
}

QTEST_GUILESS_MAIN(TestForecast)
#include "tst_forecast.moc"
