#include "forecast.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <vector>

namespace Forecast {

namespace {

constexpr double kSecsPerDay = 86400;
// A trend needs enough bursts over enough days, or noise reads as a trend.
constexpr int kMinBurstsForTrend = 10;
constexpr double kMinDaysForTrend = 21;
// The fitted trend is kept within a factor of e^30 over the window.
constexpr double kMaxTrendOverWindow = 30;
constexpr int kSimulations = 2000;
constexpr std::uint64_t kSeed = 0x646d2d72656d6170; // "dm-remap": same input, same forecast
// Above this many bursts still to come, a simulation takes half of them in
// one step (sums by the central limit theorem): bounded work for any spare.
constexpr double kBurstsSimulatedOneByOne = 64;

// Our own draws from mt19937_64 (whose output the standard fixes), so the
// forecast is the same with any standard library.
class Random
{
public:
    double uniform() { return double(m_engine() >> 11) * 0x1.0p-53; }
    double exponential() { return -std::log1p(-uniform()); }
    double normal()
    {
        const double u = 1 - uniform(); // (0, 1]
        return std::sqrt(-2 * std::log(u)) * std::cos(2 * M_PI * uniform());
    }
    std::size_t index(std::size_t size) { return std::min(size - 1, std::size_t(uniform() * double(size))); }

private:
    std::mt19937_64 m_engine{kSeed};
};

struct Burst {
    double daysBeforeNow;
    double blocks;
};

// Remaps closer than kBurstGapSecs to the one before are one burst, dated by
// its first remap; only bursts starting in [windowStart, now] are kept.
std::vector<Burst> burstsInWindow(const QList<RemapEvent> &events, qint64 windowStartSecs, qint64 nowSecs)
{
    std::vector<Burst> bursts;
    qint64 lastTime = std::numeric_limits<qint64>::min();
    bool inKeptBurst = false;
    for (const RemapEvent &e : events) {
        if (e.blocks == 0 || e.timeSecs > nowSecs)
            continue;
        const bool continues = lastTime != std::numeric_limits<qint64>::min() && e.timeSecs - lastTime <= kBurstGapSecs;
        lastTime = e.timeSecs;
        if (continues) {
            if (inKeptBurst)
                bursts.back().blocks += double(e.blocks);
            continue;
        }
        inKeptBurst = e.timeSecs >= windowStartSecs;
        if (inKeptBurst)
            bursts.push_back({double(nowSecs - e.timeSecs) / kSecsPerDay, double(e.blocks)});
    }
    return bursts;
}

// Mean of s on [0, 1] under a density proportional to exp(-x s).
double meanOfTruncatedExponential(double x)
{
    if (std::abs(x) < 1e-6)
        return 0.5 - x / 12;
    return 1 / x - 1 / std::expm1(x);
}

// The burst rate is exp(alpha - b s), s days before now: the rate now and its
// growth per day b. Maximum likelihood for a Poisson process: N and the mean
// of s are sufficient, the growth solves E[s] = mean s by bisection.
struct RateFit {
    double logRateNow = 0;
    double growthPerDay = 0;
    // Covariance of (logRateNow, growthPerDay), from the Fisher information.
    double varLogRate = 0;
    double varGrowth = 0;
    double covariance = 0;
};

// A trend is believed as far as the data show it: the growth has a normal
// prior around 0 whose spread is a doubling every kPriorDoublingDays, so a
// few noisy weeks do not read as a disk failing faster and faster.
constexpr double kPriorDoublingDays = 30;

RateFit fitRate(const std::vector<Burst> &bursts, double windowDays)
{
    const double n = double(bursts.size());
    double sumS = 0, sumS2 = 0;
    for (const Burst &b : bursts) {
        sumS += b.daysBeforeNow;
        sumS2 += b.daysBeforeNow * b.daysBeforeNow;
    }
    RateFit fit;
    const double spread = n * sumS2 - sumS * sumS;
    if (n < kMinBurstsForTrend || windowDays < kMinDaysForTrend || spread <= 0) {
        fit.logRateNow = std::log(n / windowDays);
        fit.varLogRate = 1 / n;
        return fit;
    }
    // meanOfTruncatedExponential falls from 1 to 0 as x = b * window rises.
    const double target = sumS / n / windowDays;
    double lo = -kMaxTrendOverWindow, hi = kMaxTrendOverWindow;
    for (int i = 0; i < 60; ++i) {
        const double mid = (lo + hi) / 2;
        (meanOfTruncatedExponential(mid) > target ? lo : hi) = mid;
    }
    const double x = (lo + hi) / 2;
    // Expected count over the window: rateNow * window * (1 - e^-x) / x.
    const double windowIntegral = std::abs(x) < 1e-9 ? 1 : -std::expm1(-x) / x;
    const double growth = x / windowDays;
    const double logRate = std::log(n / (windowDays * windowIntegral));
    // Information of (alpha, -b) is [[N, sum s], [sum s, sum s^2]].
    const double varGrowth = n / spread;
    const double covariance = sumS / spread; // sign flipped with b = -beta
    const double slope = covariance / varGrowth; // of logRate on growth
    const double residualVarLogRate = sumS2 / spread - slope * covariance;
    // Posterior of the growth with the prior, and the rate following it.
    const double priorVar = std::pow(std::log(2.0) / kPriorDoublingDays, 2);
    fit.varGrowth = 1 / (1 / varGrowth + 1 / priorVar);
    fit.growthPerDay = growth * fit.varGrowth / varGrowth;
    fit.logRateNow = logRate + slope * (fit.growthPerDay - growth);
    fit.covariance = slope * fit.varGrowth;
    fit.varLogRate = residualVarLogRate + slope * slope * fit.varGrowth;
    return fit;
}

// The burst rate of one simulated future: rateNow * exp(growth * t) for the
// first trendDays (as long as the history that showed the trend), then held.
// An exponential extrapolated for years would say "never" or "tomorrow".
struct FutureRate {
    double rateNow;
    double growth;
    double trendDays;

    // Expected bursts from now to t days.
    double cumulative(double t) const
    {
        const double inTrend = std::min(t, trendDays);
        const double trendPart = rateNow * (std::abs(growth * inTrend) < 1e-12 ? inTrend : std::expm1(growth * inTrend) / growth);
        return t <= trendDays ? trendPart : trendPart + rateNow * std::exp(growth * trendDays) * (t - trendDays);
    }
    // The t at which cumulative(t) == expected.
    double inverse(double expected) const
    {
        const double trendTotal = cumulative(trendDays);
        if (expected > trendTotal)
            return trendDays + (expected - trendTotal) / (rateNow * std::exp(growth * trendDays));
        return std::abs(growth) < 1e-12 ? expected / rateNow : std::log1p(growth * expected / rateNow) / growth;
    }
};

// Days until `remaining` blocks have arrived in one simulated future, or
// infinity beyond the horizon. Parameters are drawn from their uncertainty
// first, so a short history gives a wide interval.
double simulateDaysToFull(const RateFit &fit, double trendDays, const std::vector<double> &sizes,
                          double sizeMean, double sizeStdDev, double remaining, Random &random)
{
    const double growth = fit.growthPerDay + std::sqrt(fit.varGrowth) * random.normal();
    double logRate = fit.logRateNow;
    if (fit.varGrowth > 0) {
        const double slope = fit.covariance / fit.varGrowth;
        const double residualVar = std::max(0.0, fit.varLogRate - slope * fit.covariance);
        logRate += slope * (growth - fit.growthPerDay) + std::sqrt(residualVar) * random.normal();
    } else {
        logRate += std::sqrt(fit.varLogRate) * random.normal();
    }
    const FutureRate rate{std::exp(logRate), growth, trendDays};
    const double expectedToHorizon = rate.cumulative(kHorizonDays);

    double expected = 0; // unit-rate time: each burst adds an Exp(1) gap
    while (remaining > 0) {
        const double burstsLeft = remaining / sizeMean;
        if (burstsLeft > kBurstsSimulatedOneByOne) {
            const double k = std::floor(burstsLeft / 2);
            expected += std::max(0.0, k + std::sqrt(k) * random.normal()); // Gamma(k, 1)
            remaining -= std::max(0.0, k * sizeMean + std::sqrt(k) * sizeStdDev * random.normal());
        } else {
            expected += random.exponential();
            remaining -= sizes[random.index(sizes.size())];
        }
        if (expected > expectedToHorizon)
            return HUGE_VAL;
    }
    return rate.inverse(expected);
}

} // namespace

SpareForecast forecastSpareFull(const SpareInput &input)
{
    SpareForecast result;
    if (input.usedSlots >= input.capacitySlots) { // also a spare of no slots
        result.reason = NoForecastReason::AlreadyFull;
        return result;
    }
    const QList<RemapEvent> *events = &input.events;
    QList<RemapEvent> sorted;
    const auto byTime = [](const RemapEvent &a, const RemapEvent &b) { return a.timeSecs < b.timeSecs; };
    if (!std::is_sorted(events->cbegin(), events->cend(), byTime)) {
        sorted = input.events;
        std::stable_sort(sorted.begin(), sorted.end(), byTime);
        events = &sorted;
    }
    qint64 observedSince = input.observedSinceSecs;
    if (observedSince == 0) {
        const auto first = std::find_if(events->cbegin(), events->cend(),
                                        [](const RemapEvent &e) { return e.blocks > 0; });
        if (first == events->cend()) {
            result.reason = NoForecastReason::NoRemapsInWindow;
            return result;
        }
        observedSince = first->timeSecs;
    }
    const double observedDays = double(input.nowSecs - observedSince) / kSecsPerDay;
    if (observedDays < kMinHistoryDays) {
        result.reason = NoForecastReason::TooLittleHistory;
        return result;
    }
    result.windowDays = std::min(kWindowDays, observedDays);
    const qint64 windowStart = input.nowSecs - qint64(result.windowDays * kSecsPerDay);
    const std::vector<Burst> bursts = burstsInWindow(*events, windowStart, input.nowSecs);
    result.burstsInWindow = int(bursts.size());
    if (bursts.empty()) {
        result.reason = NoForecastReason::NoRemapsInWindow;
        return result;
    }
    if (result.burstsInWindow < kMinBursts) {
        result.reason = NoForecastReason::TooLittleHistory;
        return result;
    }

    std::vector<double> sizes;
    sizes.reserve(bursts.size());
    double sum = 0, sumSquares = 0;
    for (const Burst &b : bursts) {
        sizes.push_back(b.blocks);
        sum += b.blocks;
        sumSquares += b.blocks * b.blocks;
    }
    const double n = double(sizes.size());
    const double sizeMean = sum / n;
    const double sizeStdDev = std::sqrt(std::max(0.0, sumSquares / n - sizeMean * sizeMean));
    const RateFit fit = fitRate(bursts, result.windowDays);
    result.burstsPerDayNow = std::exp(fit.logRateNow);
    result.blocksPerBurst = sizeMean;
    result.rateGrowthPerMonth = std::expm1(30 * fit.growthPerDay);

    const double remaining = double(input.capacitySlots - input.usedSlots);
    Random random;
    std::vector<double> days(kSimulations);
    for (double &d : days)
        d = simulateDaysToFull(fit, result.windowDays, sizes, sizeMean, sizeStdDev, remaining, random);
    std::sort(days.begin(), days.end());
    const auto percentile = [&days](double q) { return days[std::size_t(std::lround(q * double(days.size() - 1)))]; };
    const double likely = percentile(0.5);
    if (std::isinf(likely)) {
        result.reason = NoForecastReason::BeyondHorizon;
        return result;
    }
    const auto toSecs = [&input](double d) { return input.nowSecs + qint64(std::llround(d * kSecsPerDay)); };
    const double latest = percentile(0.9);
    result.latestBeyondHorizon = std::isinf(latest);
    result.earliestSecs = toSecs(percentile(0.1));
    result.likelySecs = toSecs(likely);
    result.latestSecs = toSecs(result.latestBeyondHorizon ? kHorizonDays : latest);
    return result;
}

QString describe(NoForecastReason reason)
{
    switch (reason) {
    case NoForecastReason::None:
        return {};
    case NoForecastReason::TooLittleHistory:
        return QStringLiteral("Too little history for a forecast (at least %1 days and %2 bursts of remaps).")
            .arg(kMinHistoryDays).arg(kMinBursts);
    case NoForecastReason::NoRemapsInWindow:
        return QStringLiteral("No blocks were moved in the last %1 days.").arg(kWindowDays);
    case NoForecastReason::AlreadyFull:
        return QStringLiteral("The spare is full.");
    case NoForecastReason::BeyondHorizon:
        return QStringLiteral("At this rate the spare lasts more than %1 years.").arg(qRound(kHorizonDays / 365.25));
    }
    return {};
}

// ---- Failure risk ----

namespace {

// Copied exactly from Scrutiny (github.com/AnalogJ/scrutiny),
// webapp/backend/pkg/thresholds/ata_attribute_metadata.go at commit
// 89588a4f21a431e125564a5560023168d7eee965 (file last changed in 550cd590),
// AtaMetadata[5] "Reallocated Sectors Count", ObservedThresholds:
// Low, High, AnnualFailureRate, ErrorInterval. Scrutiny derives them from
// Backblaze's drive stats. tst_forecast checks every number.
const ReallocatedAfrRow kScrutinyReallocatedAfr[] = {
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
constexpr int kRows = int(std::size(kScrutinyReallocatedAfr));

const char *const kAfrSource =
    "Scrutiny's observed failure rates for ATA attribute 5, derived from Backblaze drive stats "
    "(github.com/AnalogJ/scrutiny, webapp/backend/pkg/thresholds/ata_attribute_metadata.go, commit 89588a4f)";
const char *const kWindowSource =
    "Pinheiro, Weber, Barroso: Failure Trends in a Large Disk Drive Population, FAST 2007: "
    "after their first reallocation, drives are over 14 times more likely to fail within 60 days";

// Scrutiny's rule (smart_ata_attribute.go, ValidateThreshold): a row holds
// low < count <= high, or count == low when low == high.
int scrutinyRow(quint64 count)
{
    for (int i = 0; i < kRows; ++i) {
        const ReallocatedAfrRow &row = kScrutinyReallocatedAfr[i];
        const qint64 c = qint64(std::min<quint64>(count, quint64(std::numeric_limits<qint64>::max())));
        if ((row.low == row.high && c == row.low) || (row.low < c && c <= row.high))
            return i;
    }
    return -1;
}

RiskBand bandOf(double annualFailureRate)
{
    if (annualFailureRate < 0.05) // as drives with no reallocation (2.5%)
        return RiskBand::Low;
    if (annualFailureRate < 0.10) // Scrutiny fails a critical attribute from 10%
        return RiskBand::Elevated;
    if (annualFailureRate < 1.0)
        return RiskBand::High;
    return RiskBand::Severe; // more than one failure per drive-year
}

} // namespace

QList<ReallocatedAfrRow> scrutinyReallocatedAfrTable()
{
    return QList<ReallocatedAfrRow>(std::begin(kScrutinyReallocatedAfr), std::end(kScrutinyReallocatedAfr));
}

FailureRisk assessFailureRisk(quint64 reallocatedCount, qint64 firstReallocationSecs, qint64 nowSecs)
{
    FailureRisk risk;
    int row = scrutinyRow(reallocatedCount);
    if (row < 0 && reallocatedCount == 1)
        row = 1; // Scrutiny's rule matches no row for 1, plainly meant for its 1-4 row
    if (row < 0) {
        row = kRows - 1;
        risk.beyondTable = true;
    }
    const ReallocatedAfrRow &r = kScrutinyReallocatedAfr[row];
    risk.tableRow = row;
    risk.annualFailureRate = r.annualFailureRate;
    risk.errorIntervalLow = r.errorIntervalLow;
    risk.errorIntervalHigh = r.errorIntervalHigh;
    risk.afrSource = QString::fromLatin1(kAfrSource);
    risk.band = bandOf(r.annualFailureRate);
    if (firstReallocationSecs > 0 && nowSecs >= firstReallocationSecs
        && nowSecs - firstReallocationSecs < kFirstReallocationWindowSecs) {
        risk.firstReallocationWindow = true;
        risk.windowEndsSecs = firstReallocationSecs + kFirstReallocationWindowSecs;
        risk.windowSource = QString::fromLatin1(kWindowSource);
        // A drive 14 times likelier to fail soon is never shown as low.
        risk.band = std::max(risk.band, RiskBand::Elevated);
    }
    return risk;
}

QString bandName(RiskBand band)
{
    switch (band) {
    case RiskBand::Low:
        return QStringLiteral("low");
    case RiskBand::Elevated:
        return QStringLiteral("elevated");
    case RiskBand::High:
        return QStringLiteral("high");
    case RiskBand::Severe:
        return QStringLiteral("severe");
    }
    return {};
}

} // namespace Forecast
