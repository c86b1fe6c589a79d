#include "historyrecorder.h"

#include "diskobject.h"
#include "history.h"
#include "historyfeed.h"
#include "manager.h"
#include "pairobject.h"

#include <QDateTime>
#include <QPointer>

#include <algorithm>

HistoryRecorder::HistoryRecorder(Manager *manager, History::Store *store, QObject *parent)
    : QObject(parent)
    , m_manager(manager)
    , m_store(store)
{
    connect(manager, &Manager::PairAdded, this, &HistoryRecorder::watchPair);
    connect(manager, &Manager::DiskAdded, this, &HistoryRecorder::watchDisk);
    connect(manager, &Manager::DiskRemoved, this, [this](const QDBusObjectPath &path) { m_selfTests.remove(path.path()); });
    connect(store, &History::Store::problemReported, this,
            [](const QString &message) { qWarning("dm-remap-helper: history: %s", qPrintable(message)); });
    m_retentionTimer.setInterval(24 * 60 * 60 * 1000);
    connect(&m_retentionTimer, &QTimer::timeout, this, &HistoryRecorder::applyRetention);
    m_retentionTimer.start();
    applyRetention();
}

void HistoryRecorder::applyRetention()
{
    m_store->applyRetention(QDateTime::currentSecsSinceEpoch());
}

void HistoryRecorder::watchPair(const QDBusObjectPath &path)
{
    PairObject *pair = m_manager->pairByPath(path);
    if (!pair)
        return;
    // What the pair holds when it is first seen happened before (recorded by
    // an earlier run, or while no helper ran): only growth from here is new.
    const QVariantMap status = pair->statusMap();
    m_pairCounts.insert(pair->name(), {status.value(QStringLiteral("remapped")).toULongLong(),
                                       status.value(QStringLiteral("pending")).toULongLong()});
    const QPointer<PairObject> guard(pair);
    connect(pair, &PairObject::Changed, this, [this, guard](qulonglong moved, qulonglong pending) {
        if (!guard)
            return;
        Counts &counts = m_pairCounts[guard->name()];
        quint64 notRecorded = 0;
        const QList<History::RemapEvent> events =
                HistoryFeed::remapEvents(guard->historyId(), QDateTime::currentSecsSinceEpoch(),
                                         {counts.moved, counts.pending}, {moved, pending}, &notRecorded);
        counts = {moved, pending};
        QString error;
        for (const History::RemapEvent &event : events) {
            if (!m_store->record(event, &error)) {
                qWarning("dm-remap-helper: history of pair %s: %s", qPrintable(guard->name()), qPrintable(error));
                break;
            }
        }
        if (notRecorded > 0)
            qWarning("dm-remap-helper: history of pair %s: %llu more events at once than are recorded (%llu)",
                     qPrintable(guard->name()), notRecorded, HistoryFeed::kMaxEventsPerChange);
    });
}

void HistoryRecorder::watchDisk(const QDBusObjectPath &path)
{
    DiskObject *disk = m_manager->diskByPath(path);
    if (!disk)
        return;
    const QPointer<DiskObject> guard(disk);
    connect(disk, &DiskObject::Updated, this, [this, guard] {
        if (!guard)
            return;
        const SmartReport &smart = guard->smart();
        // A disk known by neither WWN nor serial has no history: its kernel
        // name may be another disk after a reboot. A read that found the
        // disk asleep keeps the data of the read before.
        const QString diskId = guard->info().mainId();
        if (diskId.isEmpty() || !smart.available || smart.standby)
            return;
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        QString error;
        const History::SmartReading reading = History::SmartReading::fromReport(diskId, now, smart);
        if (std::any_of(reading.values.cbegin(), reading.values.cend(), [](const auto &v) { return v.has_value(); })
            && !m_store->record(reading, &error))
            qWarning("dm-remap-helper: history of %s: %s", qPrintable(guard->info().path), qPrintable(error));
        // The log as first seen is old news; what appears in it later is new.
        const QString key = guard->path().path();
        if (m_selfTests.contains(key)) {
            for (const History::SelfTestResult &result : HistoryFeed::newSelfTests(diskId, now, m_selfTests.value(key), smart.selfTests))
                if (!m_store->record(result, &error))
                    qWarning("dm-remap-helper: history of %s: %s", qPrintable(guard->info().path), qPrintable(error));
        }
        m_selfTests.insert(key, smart.selfTests);
    });
}
