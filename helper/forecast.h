// The forecast of issue 13: when a pair's spare will be full at the current
// rate, with an 80% interval that allows for bursts of remaps, and the main
// disk's failure-risk band from published field data (docs/forecast.md).
// Plain logic: the caller supplies the history and the time.
#pragma once

#include <QList>
#include <QString>
#include <QtGlobal>

namespace Forecast {

// Blocks moved to the spare at one time (UTC seconds).
struct RemapEvent {
    qint64 timeSecs = 0;
    quint64 blocks = 0;
};

struct SpareInput {
    QList<RemapEvent> events; // time-ordered; an unordered list is sorted first
    qint64 observedSinceSecs = 0; // when recording began (0: the first event)
    quint64 capacitySlots = 0;
    quint64 usedSlots = 0;
    qint64 nowSecs = 0;
};

enum class NoForecastReason {
    None,
    TooLittleHistory, // under kMinHistoryDays observed, or too few bursts
    NoRemapsInWindow, // nothing moved in the last kWindowDays
    AlreadyFull,
    BeyondHorizon, // at this rate the spare lasts more than kHorizonDays
};

inline constexpr double kWindowDays = 90;
inline constexpr double kMinHistoryDays = 7;
inline constexpr int kMinBursts = 3;
inline constexpr double kHorizonDays = 10 * 365.25;
// Remaps closer together than this are one burst (one scratch found by one
// pass). Longer would merge independent remaps and widen the interval.
inline constexpr qint64 kBurstGapSecs = 5 * 60;

struct SpareForecast {
    NoForecastReason reason = NoForecastReason::None;
    // UTC seconds; the 10th, 50th and 90th percentiles of the full date.
    qint64 earliestSecs = 0;
    qint64 likelySecs = 0;
    qint64 latestSecs = 0;
    bool latestBeyondHorizon = false; // latestSecs is then now + kHorizonDays
    // The fitted model, for display and the note.
    int burstsInWindow = 0;
    double windowDays = 0;
    double burstsPerDayNow = 0;
    double blocksPerBurst = 0;
    double rateGrowthPerMonth = 0; // 0.5: the burst rate grows by half in 30 days
    bool hasForecast() const { return reason == NoForecastReason::None; }
};

SpareForecast forecastSpareFull(const SpareInput &input);

// A user-readable sentence for a reason (None: empty).
QString describe(NoForecastReason reason);

// ---- Failure risk from published field data ----

// One row of Scrutiny's observed thresholds for ATA attribute 5 (raw value).
struct ReallocatedAfrRow {
    qint64 low;
    qint64 high;
    double annualFailureRate; // 0.25 is 25% a year
    double errorIntervalLow;
    double errorIntervalHigh;
};

// The table exactly as Scrutiny ships it (forecast.cpp names file and commit).
QList<ReallocatedAfrRow> scrutinyReallocatedAfrTable();

enum class RiskBand { Low, Elevated, High, Severe };

struct FailureRisk {
    RiskBand band = RiskBand::Low;
    int tableRow = 0; // index into scrutinyReallocatedAfrTable()
    bool beyondTable = false; // count above the last row's high: its row is used
    double annualFailureRate = 0;
    double errorIntervalLow = 0;
    double errorIntervalHigh = 0;
    QString afrSource;
    // Within 60 days of the first reallocation (Pinheiro et al., FAST 2007).
    bool firstReallocationWindow = false;
    qint64 windowEndsSecs = 0; // when firstReallocationWindow ends
    QString windowSource;
};

inline constexpr qint64 kFirstReallocationWindowSecs = 60 * 86400;

// reallocatedCount is SMART attribute 5's raw value; firstReallocationSecs
// is when a reallocation was first seen (0: never or unknown).
FailureRisk assessFailureRisk(quint64 reallocatedCount, qint64 firstReallocationSecs, qint64 nowSecs);

QString bandName(RiskBand band); // low, elevated, high, severe

} // namespace Forecast
