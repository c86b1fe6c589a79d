#include "historyfeed.h"

#include <QVariantMap>

#include <algorithm>

namespace HistoryFeed {

QList<History::RemapEvent> remapEvents(const QString &pairId, qint64 nowSecs, Counts before, Counts after,
                                       quint64 *notRecorded)
{
    const quint64 moved = after.moved > before.moved ? after.moved - before.moved : 0;
    const quint64 pending = after.pending > before.pending ? after.pending - before.pending : 0;
    const quint64 recordedMoved = std::min(moved, kMaxEventsPerChange);
    const quint64 recordedPending = std::min(pending, kMaxEventsPerChange - recordedMoved);
    *notRecorded = moved + pending - recordedMoved - recordedPending;
    QList<History::RemapEvent> events;
    events.reserve(qsizetype(recordedMoved + recordedPending));
    for (quint64 i = 0; i < recordedPending; ++i)
        events << History::RemapEvent{nowSecs, pairId, 0, History::RemapKind::Pending};
    for (quint64 i = 0; i < recordedMoved; ++i)
        events << History::RemapEvent{nowSecs, pairId, 0, History::RemapKind::Moved};
    return events;
}

QList<History::SelfTestResult> newSelfTests(const QString &diskId, qint64 nowSecs, const DmRemap::SelfTestList &before,
                                            const DmRemap::SelfTestList &after)
{
    auto same = [](const DmRemap::SelfTest &a, const DmRemap::SelfTest &b) {
        return a.type == b.type && a.status == b.status && a.lifetimeHours == b.lifetimeHours;
    };
    DmRemap::SelfTestList unmatched = before;
    QList<History::SelfTestResult> results;
    for (const DmRemap::SelfTest &test : after) {
        const auto seen = std::find_if(unmatched.begin(), unmatched.end(), [&](const DmRemap::SelfTest &t) { return same(t, test); });
        if (seen != unmatched.end()) {
            unmatched.erase(seen);
            continue;
        }
        if (test.remainingPercent > 0 || test.type.isEmpty() || test.status.isEmpty())
            continue;
        History::SelfTestResult result{nowSecs, diskId, test.type, test.status, std::nullopt};
        if (test.failingLba >= 0)
            result.firstErrorLba = quint64(test.failingLba);
        results.prepend(result);
    }
    return results;
}

qint64 firstReallocation(const QList<History::DiskBucket> &buckets)
{
    bool sawZero = false;
    for (const History::DiskBucket &bucket : buckets) {
        const History::SmartRange &range = bucket.values[History::Reallocated];
        if (!range.max)
            continue;
        if (*range.min == 0)
            sawZero = true;
        if (*range.max > 0)
            return sawZero ? bucket.startSecs : 0;
    }
    return 0;
}

QString reasonCode(Forecast::NoForecastReason reason)
{
    switch (reason) {
    case Forecast::NoForecastReason::None:
        return QString();
    case Forecast::NoForecastReason::TooLittleHistory:
        return QStringLiteral("too-little-history");
    case Forecast::NoForecastReason::NoRemapsInWindow:
        return QStringLiteral("no-remaps-in-window");
    case Forecast::NoForecastReason::AlreadyFull:
        return QStringLiteral("already-full");
    case Forecast::NoForecastReason::BeyondHorizon:
        return QStringLiteral("beyond-horizon");
    }
    return QString();
}

QVariantMap forecastMap(const Forecast::SpareForecast &forecast, quint64 capacitySlots, quint64 usedSlots, qint64 nowSecs)
{
    QVariantMap map{
            {QStringLiteral("forecast"), forecast.hasForecast()},
            {QStringLiteral("reason"), reasonCode(forecast.reason)},
            {QStringLiteral("reason-text"), Forecast::describe(forecast.reason)},
            {QStringLiteral("capacity"), qulonglong(capacitySlots)},
            {QStringLiteral("used"), qulonglong(usedSlots)},
            {QStringLiteral("bursts-in-window"), forecast.burstsInWindow},
            {QStringLiteral("window-days"), forecast.windowDays},
            {QStringLiteral("bursts-per-day"), forecast.burstsPerDayNow},
            {QStringLiteral("blocks-per-burst"), forecast.blocksPerBurst},
            {QStringLiteral("rate-growth-per-month"), forecast.rateGrowthPerMonth},
    };
    if (forecast.hasForecast()) {
        map.insert(QStringLiteral("earliest"), qlonglong(forecast.earliestSecs));
        map.insert(QStringLiteral("likely"), qlonglong(forecast.likelySecs));
        map.insert(QStringLiteral("latest"), qlonglong(forecast.latestSecs));
        map.insert(QStringLiteral("latest-beyond-horizon"), forecast.latestBeyondHorizon);
        map.insert(QStringLiteral("days-left"), double(forecast.likelySecs - nowSecs) / History::kSecondsPerDay);
    }
    return map;
}

void addRisk(QVariantMap *map, const std::optional<Forecast::FailureRisk> &risk, quint64 reallocated)
{
    map->insert(QStringLiteral("risk-band"), risk ? Forecast::bandName(risk->band) : QString());
    if (!risk)
        return;
    map->insert(QStringLiteral("risk-reallocated"), qulonglong(reallocated));
    map->insert(QStringLiteral("risk-annual-failure-rate"), risk->annualFailureRate);
    map->insert(QStringLiteral("risk-interval-low"), risk->errorIntervalLow);
    map->insert(QStringLiteral("risk-interval-high"), risk->errorIntervalHigh);
    map->insert(QStringLiteral("risk-beyond-table"), risk->beyondTable);
    map->insert(QStringLiteral("risk-source"), risk->afrSource);
    map->insert(QStringLiteral("first-reallocation-window"), risk->firstReallocationWindow);
    if (risk->firstReallocationWindow)
        map->insert(QStringLiteral("first-reallocation-window-ends"), qlonglong(risk->windowEndsSecs));
    map->insert(QStringLiteral("first-reallocation-source"), risk->windowSource);
}

QList<QVariantMap> pairBucketMaps(const QList<History::PairBucket> &buckets)
{
    QList<QVariantMap> maps;
    maps.reserve(buckets.size());
    for (const History::PairBucket &bucket : buckets)
        maps << QVariantMap{{QStringLiteral("start"), qlonglong(bucket.startSecs)},
                            {QStringLiteral("end"), qlonglong(bucket.endSecs)},
                            {QStringLiteral("moved"), qulonglong(bucket.moved)},
                            {QStringLiteral("pending"), qulonglong(bucket.pending)},
                            {QStringLiteral("daily"), bucket.fromDailyAggregates}};
    return maps;
}

QList<QVariantMap> diskBucketMaps(const QList<History::DiskBucket> &buckets)
{
    QList<QVariantMap> maps;
    maps.reserve(buckets.size());
    for (const History::DiskBucket &bucket : buckets) {
        QVariantMap m{{QStringLiteral("start"), qlonglong(bucket.startSecs)},
                      {QStringLiteral("end"), qlonglong(bucket.endSecs)},
                      {QStringLiteral("readings"), qulonglong(bucket.readings)},
                      {QStringLiteral("daily"), bucket.fromDailyAggregates}};
        for (int field = 0; field < History::SmartFieldCount; ++field) {
            const History::SmartRange &range = bucket.values[field];
            const QString name = History::smartFieldName(History::SmartField(field)).replace(QLatin1Char('_'), QLatin1Char('-'));
            if (range.min)
                m.insert(name + QStringLiteral("-min"), qlonglong(*range.min));
            if (range.max)
                m.insert(name + QStringLiteral("-max"), qlonglong(*range.max));
            if (range.last)
                m.insert(name + QStringLiteral("-last"), qlonglong(*range.last));
        }
        maps << m;
    }
    return maps;
}

void answerForecast(History::Store *store, QObject *context, const QString &pairId, Forecast::SpareInput input,
                    const QString &mainId, std::optional<quint64> reallocated,
                    std::function<void(const QVariantMap &, const QString &)> done)
{
    const qint64 now = input.nowSecs;
    const History::StoreStatus storeStatus = store->status();
    const qint64 windowStart = std::max<qint64>(0, now - qint64(Forecast::kWindowDays) * History::kSecondsPerDay);
    store->remapEvents(pairId, windowStart, now + 1)
            .then([input](const History::RemapEvents &events) mutable {
                // On the store's thread: a long history takes tens of ms.
                if (!events.error.isEmpty())
                    return std::make_pair(events.error, Forecast::SpareForecast());
                input.events.reserve(events.moved.size());
                for (const History::MovedBlocks &moved : events.moved)
                    input.events << Forecast::RemapEvent{moved.timeSecs, moved.blocks};
                return std::make_pair(QString(), Forecast::forecastSpareFull(input));
            })
            .then(context, [store, context, done, input, mainId, reallocated, storeStatus, now](
                                   const std::pair<QString, Forecast::SpareForecast> &result) {
                if (!result.first.isEmpty()) {
                    done({}, result.first);
                    return;
                }
                QVariantMap map = forecastMap(result.second, input.capacitySlots, input.usedSlots, now);
                map.insert(QStringLiteral("history-available"), storeStatus.available);
                map.insert(QStringLiteral("history-problem"), storeStatus.lastProblem);
                if (!reallocated || mainId.isEmpty()) {
                    addRisk(&map, reallocated ? std::optional(Forecast::assessFailureRisk(*reallocated, 0, now)) : std::nullopt,
                            reallocated.value_or(0));
                    done(map, QString());
                    return;
                }
                const qint64 from = (now - Forecast::kFirstReallocationWindowSecs) / History::kSecondsPerDay * History::kSecondsPerDay
                                    - History::kSecondsPerDay;
                store->diskHistory(mainId, std::max<qint64>(0, from), now + 1, History::kSecondsPerDay)
                        .then(context, [done, map, reallocated, now](const History::DiskHistory &history) mutable {
                            const qint64 first = history.error.isEmpty() ? firstReallocation(history.buckets) : 0;
                            addRisk(&map, Forecast::assessFailureRisk(*reallocated, first, now), *reallocated);
                            done(map, QString());
                        });
            });
}

} // namespace HistoryFeed
