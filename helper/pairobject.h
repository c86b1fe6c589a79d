// org.dmremap.Pair1 for one dm-remap device, at
// /org/dmremap/Manager1/pairs/<escaped name>. Everything it reports comes
// from the kernel (table, status, messages): the helper stores nothing.
#pragma once

#include "dbustypes.h"
#include "devicemapper.h"
#include "dmtable.h"
#include "pairoperations.h"
#include "serviceobject.h"

#include <QDBusObjectPath>
#include <QTimer>
#include <functional>
#include <memory>
#include <optional>
#include <sys/types.h>

class DiskObject;
namespace PatrolScan {
class Scheduler;
}

class PairObject : public ServiceObject
{
    Q_OBJECT
public:
    PairObject(Manager *manager, const QString &name, const QDBusObjectPath &path, QObject *parent = nullptr);

    QDBusObjectPath path() const { return m_path; }
    QString name() const { return m_name; }
    // The pair's key in the history: its spare metadata uuid from the pair
    // record, or "name:<name>" for a pair made outside the helper.
    QString historyId() const;
    dev_t mainDevnum() const { return m_main; }
    quint64 sectors() const { return m_length; }
    // The main disk is being copied to a new disk, or such a copy was interrupted.
    bool replacing() const { return m_replace.copying || !m_replaceId.isEmpty(); }
    dev_t spareDevnum() const { return m_spare; }
    QVariantMap statusMap() const;
    // The disk the main disk is being replaced with, if it is present.
    DiskObject *replacementDisk() const;

    // Table and status of a pair as read on the device-mapper worker.
    struct Snapshot {
        QString name;
        std::optional<DeviceMapper::Info> table;   // of the remap target
        std::optional<DeviceMapper::Info> status;
        PairOperations::ReplaceProgress replace;  // while the main disk is replaced
        QString replaceId;                         // the record's replacement disk
        QString uuid;                              // the record's spare metadata uuid
        quint64 replaceSectors = 0;
    };
    static Snapshot read(const QString &name, const QString &stateDir); // on the worker

    // Takes a snapshot in; emits Changed and StateChanged.
    void apply(const Snapshot &snapshot);
    // Reads table and status again on the worker, then applies them.
    void refresh();
    // Moves the block holding sector to the spare, as Remap does, for a
    // failing sector another source reports (source names it in the log).
    void remapReportedSector(quint64 sector, const QString &source);

    // Reads the history on its thread and works out GetForecast's dictionary
    // (docs/dbus-api.md), then done(answer, "") on this thread, or
    // done({}, error) when the history cannot be read or this object went
    // away meanwhile.
    void forecast(std::function<void(const QVariantMap &answer, const QString &error)> done);
    // The background scan's news, as ScanProgress.
    void announceScan(quint64 position, quint64 size, const QString &state) { Q_EMIT ScanProgress(position, size, state); }

public Q_SLOTS:
    QVariantMap GetStatus();
    DmRemap::RemapList ListRemaps(qulonglong offset, uint count);
    QList<qulonglong> ListPending();
    DmRemap::MapBucketList GetMap(qulonglong first, qulonglong length, uint buckets);
    QVariantMap Remap(qulonglong sector);
    void Remove();
    QVariantMap RemoveWithOptions(const QVariantMap &options);
    void ReplaceMain(const QDBusObjectPath &newDisk, const QVariantMap &options);
    void CancelReplace();
    QList<QVariantMap> GetHistory(qlonglong from, qlonglong to, qlonglong resolution);
    QVariantMap GetForecast();
    void StartScan();
    void StopScan();

Q_SIGNALS:
    void Changed(qulonglong remapped, qulonglong pending);
    void StateChanged(const QString &old, const QString &state);
    void ReplaceProgress(qulonglong copied, qulonglong total);
    void ReplaceFinished(const QString &result);
    void ScanProgress(qulonglong position, qulonglong size, const QString &state);

private:
    QString state() const;
    // While copying: a finished copy is switched over, a failed one cancelled.
    void followReplacement();
    void endReplacement(bool finish, const QString &failure);
    // Both Remove methods; withResult: answer the a{sv} of RemoveWithOptions.
    void remove(const QVariantMap &options, bool withResult);
    // StartScan and StopScan: control once polkit allows it.
    void controlScan(Validation::Error (PatrolScan::Scheduler::*control)(PairObject *));
    // The removal itself, once the background scan has let go of the device.
    void removeHeld(const QDBusMessage &call, bool force, bool withResult);
    // refresh(), then then(); if this object is gone by then, call is
    // answered NotFound instead.
    void refreshThen(const QDBusMessage &call, std::function<void()> then);
    // Moves the block holding sector on the worker, then done(outcome) and
    // a refresh (if this object is still there).
    void remapThen(quint64 sector, std::function<void(const PairOperations::RemapOutcome &)> done);
    // Runs read on the worker a slice at a time (other work may run between
    // slices), then done(tables); NotFound to call if this object goes away.
    void readThen(const QDBusMessage &call, std::shared_ptr<PairOperations::PagedRead> read,
                  std::function<void(const PairOperations::Tables &)> done);

    QString m_name;
    QDBusObjectPath m_path;
    dev_t m_main = 0;
    dev_t m_spare = 0;
    quint64 m_length = 0;
    std::optional<DmTable::Status> m_status;
    QString m_state;
    PairOperations::ReplaceProgress m_replace;
    QString m_replaceId;
    QString m_uuid;
    quint64 m_replaceSectors = 0;
    dev_t m_replaceDevnum = 0;
    bool m_replaceEnding = false;
    QTimer m_replacePoll;
    // Remaps and pending blocks for GetMap, valid while the status counters
    // and event number they were read at stay the same.
    quint32 m_eventNr = 0;
    bool m_cacheValid = false;
    quint32 m_cacheEventNr = 0;
    DmRemap::RemapList m_remapCache;
    QList<qulonglong> m_pendingCache;
};
