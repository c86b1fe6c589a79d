// What the helper records in its history (docs/history.md) and reads back
// for the forecast, decided from what it already sees: a pair's counts
// before and after a status read, a disk's self-test log before and after a
// SMART read. Plain logic; the caller supplies the time.
#pragma once

#include "dbustypes.h"
#include "forecast.h"
#include "history.h"

#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace HistoryFeed {

// The most remap events one status change records; a larger jump (a pair
// that grew while the helper was not watching it) is recorded this far and
// the rest counted in notRecorded.
inline constexpr quint64 kMaxEventsPerChange = 65536;

struct Counts {
    quint64 moved = 0;
    quint64 pending = 0;
};

// One event per block that the status shows newly moved or newly pending
// (the counts' growth; a pending block that is moved later counts once more,
// as moved). The kernel's status has counts, not sectors: mainSector is 0.
QList<History::RemapEvent> remapEvents(const QString &pairId, qint64 nowSecs, Counts before, Counts after,
                                       quint64 *notRecorded);

// The finished entries of a self-test log (newest first) that the previous
// read did not have, oldest first, stamped nowSecs. An entry is its type,
// result and lifetime hours; one still running (remaining percent above 0)
// is left for the read that sees it finished.
QList<History::SelfTestResult> newSelfTests(const QString &diskId, qint64 nowSecs, const DmRemap::SelfTestList &before,
                                            const DmRemap::SelfTestList &after);

// When the reallocated-sector count was first seen above 0 after a reading of
// 0, from daily buckets in time order: the start of that bucket. 0 when it
// never rose or was above 0 already at the first reading (unknown).
qint64 firstReallocation(const QList<History::DiskBucket> &buckets);

// Pair1.GetForecast's dictionary (docs/dbus-api.md) without the risk keys.
QVariantMap forecastMap(const Forecast::SpareForecast &forecast, quint64 capacitySlots, quint64 usedSlots, qint64 nowSecs);
// The reason's code in that dictionary: "" for None, "too-little-history" ...
QString reasonCode(Forecast::NoForecastReason reason);
// Adds the "risk-*" and "first-reallocation-*" keys; a risk band of "" when
// risk is empty (the main disk reports no reallocated-sector count).
void addRisk(QVariantMap *map, const std::optional<Forecast::FailureRisk> &risk, quint64 reallocated);

// Pair1.GetForecast's whole answer from the store: input (capacity, use,
// now) with the pair's moved blocks of the forecast window, worked out on
// the store's thread; with the main disk's reallocated-sector count, the
// risk band and whether the first reallocation is under 60 days old (its
// readings of the last 61 days). Then done(answer, "") or done({}, error)
// on context's thread; not at all once context is gone. The helper and the
// app's test double both answer with this.
void answerForecast(History::Store *store, QObject *context, const QString &pairId, Forecast::SpareInput input,
                    const QString &mainId, std::optional<quint64> reallocated,
                    std::function<void(const QVariantMap &answer, const QString &error)> done);

// Pair1.GetHistory's and Disk1.GetHistory's answers (docs/dbus-api.md), one
// dictionary per bucket; shared with the app's test double.
QList<QVariantMap> pairBucketMaps(const QList<History::PairBucket> &buckets);
QList<QVariantMap> diskBucketMaps(const QList<History::DiskBucket> &buckets);

} // namespace HistoryFeed
