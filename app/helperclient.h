// The app's only way to the disks: a thin client of dm-remap-helper over
// D-Bus. Every call is asynchronous (a polkit dialog may be open for a long
// time), replies and signals become cached state plus change signals the
// models listen to, and failures become sentences (ErrorText).
#pragma once

#include "dbustypes.h"

#include <QDBusConnection>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <functional>

class QDBusMessage;
class QDBusPendingCallWatcher;
class QDBusServiceWatcher;

class HelperClient : public QObject
{
    Q_OBJECT
public:
    enum class Status { Connecting, Ready, Unavailable, Refused };
    Q_ENUM(Status)

    static QString defaultService();

    explicit HelperClient(const QDBusConnection &bus, QObject *parent = nullptr,
                          const QString &service = defaultService());

    Status status() const { return m_status; }
    // Why the helper cannot be used, in words; empty when Ready.
    QString statusText() const { return m_statusText; }
    QString helperVersion() const { return m_version; }
    // Manager1.GetSystemStatus's answer: what this machine lacks to pair
    // disks or read their health (SystemCheck). Empty while unknown or from
    // a helper without the method.
    QVariantMap systemStatus() const { return m_systemStatus; }
    // The helper has answered GetSystemStatus since it was last asked (with
    // an error when it is older than the method).
    bool systemStatusAnswered() const { return m_systemStatusAnswered; }

    QStringList diskPaths() const;
    QStringList pairPaths() const;
    bool hasDisk(const QString &path) const { return m_disks.contains(path); }
    bool hasPair(const QString &path) const { return m_pairs.contains(path); }
    QVariantMap diskInfo(const QString &path) const { return m_disks.value(path); }
    QVariantMap smart(const QString &path) const { return m_smart.value(path); }
    QVariantMap pairStatus(const QString &path) const { return m_pairs.value(path); }
    // Pair1.GetForecast's last answer (empty until one came): asked at the
    // start and whenever the pair's counts change.
    QVariantMap forecast(const QString &pair) const { return m_forecasts.value(pair); }
    // The pair a disk belongs to, or an empty string.
    QString pairOfDisk(const QString &diskPath) const;
    // The disk or pair a user names: a pair's name or device
    // (/dev/mapper/<name>), a disk's device node or a link to either
    // (/dev/disk/by-id/...), or an object path. Empty when none matches.
    QString findObject(const QString &name) const;

public Q_SLOTS:
    // Forget everything and ask the helper again (the window's Retry).
    void reload();

public:
    void fetchAttributes(const QString &disk);
    void fetchSelfTests(const QString &disk);
    void refreshSmart(const QString &disk);
    // Reads SMART data even if the disk is asleep: it spins up.
    void wakeSmart(const QString &disk);
    // The smartctl -d type for a disk behind a USB bridge ("" automatic);
    // SMART is read again with it.
    void setDeviceType(const QString &disk, const QString &type);
    void startSelfTest(const QString &disk, const QString &type);
    void abortSelfTest(const QString &disk);
    // Pair1.GetHistory: moved and newly pending blocks per bucket.
    void fetchPairHistory(const QString &pair, qint64 from, qint64 to, qint64 resolution);
    // Disk1.GetHistory: the disk's SMART values per bucket.
    void fetchDiskHistory(const QString &disk, qint64 from, qint64 to, qint64 resolution);
    // Remap map buckets for [first, first + length) of the pair's main disk.
    void fetchMap(const QString &pair, qulonglong first, qulonglong length, uint buckets);
    // The remaps whose main sector lies in [first, first + length), at most
    // maxRows of them (the count before `first` gives the list offset).
    void fetchRemapsInRange(const QString &pair, qulonglong first, qulonglong length, uint maxRows);
    void createPair(const QString &name, const QString &mainDisk, const QString &spareDisk,
                    uint blockSizeSectors);
    // Writes the moved blocks back to the main disk, then removes the pair;
    // force removes it even if some cannot go back (pairRemovalRefused else).
    void removePair(const QString &pair, bool force = false);
    // Copies the pair's device to newDisk (erased) while the pair stays in
    // use; at the end the device is newDisk alone and the pair ends. Also
    // starts an interrupted copy again (newDisk: its "replace-disk").
    void replaceMain(const QString &pair, const QString &newDisk);
    // Stops a running or interrupted copy: the pair goes on on its disks.
    void cancelReplace(const QString &pair);
    // The background scan: go on with the pass under way or start one now
    // (Pair1.StartScan), or stop it where it is (Pair1.StopScan).
    void startScan(const QString &pair);
    void stopScan(const QString &pair);

Q_SIGNALS:
    void statusChanged();
    void systemStatusChanged();
    // Disks or pairs appeared or went away.
    void structureChanged();
    void diskUpdated(const QString &disk);
    void smartUpdated(const QString &disk);
    void pairUpdated(const QString &pair);
    void forecastUpdated(const QString &pair);
    void verdictChanged(const QString &disk, const QString &oldVerdict, const QString &verdict);
    void pairStateChanged(const QString &pair, const QString &oldState, const QString &state);
    void attributesReady(const QString &disk, const DmRemap::SmartAttributeList &attributes);
    void selfTestsReady(const QString &disk, const DmRemap::SelfTestList &tests);
    void mapReady(const QString &pair, qulonglong first, qulonglong length,
                  const DmRemap::MapBucketList &buckets);
    void remapsInRangeReady(const QString &pair, qulonglong first, qulonglong length,
                            const DmRemap::RemapList &remaps, qulonglong total);
    void pairHistoryReady(const QString &pair, qint64 from, qint64 resolution, const QList<QVariantMap> &buckets);
    void pairHistoryFailed(const QString &pair, const QString &message);
    void diskHistoryReady(const QString &disk, qint64 from, qint64 resolution, const QList<QVariantMap> &buckets);
    void diskHistoryFailed(const QString &disk, const QString &message);
    void pairCreated(const QString &pair);
    void pairCreationFailed(const QString &message);
    void pairRemovedByUser(const QString &pair);
    // Moved blocks could not be written back to the main disk: nothing was removed.
    void pairRemovalRefused(const QString &pair, const QString &details);
    // ReplaceMain was accepted: the copy runs ("replace-*" status keys).
    void replaceStarted(const QString &pair);
    // A replacement ended: result is "done", "cancelled" or "failed".
    // lastStatus: the pair's status as last seen (the pair may be gone).
    void replaceFinished(const QString &pair, const QVariantMap &lastStatus, const QString &result);
    // A request failed; `action` says what was being done, `message` why.
    void operationFailed(const QString &action, const QString &message);

private Q_SLOTS:
    void onDiskAdded(const QDBusObjectPath &disk);
    void onDiskRemoved(const QDBusObjectPath &disk);
    void onPairAdded(const QDBusObjectPath &pair);
    void onPairRemoved(const QDBusObjectPath &pair);
    void onSmartUpdated(const QDBusMessage &message);
    void onVerdictChanged(const QString &oldVerdict, const QString &verdict, const QDBusMessage &message);
    void onPairChanged(qulonglong remapped, qulonglong pending, const QDBusMessage &message);
    void onPairStateChanged(const QString &oldState, const QString &state, const QDBusMessage &message);
    void flushPairChanges();
    void onReplaceProgress(qulonglong copied, qulonglong total, const QDBusMessage &message);
    void onReplaceFinished(const QString &result, const QDBusMessage &message);
    void onScanProgress(qulonglong position, qulonglong size, const QString &state, const QDBusMessage &message);

private:
    // An interactive call of a Pair1 method; onReply gets its answer unless
    // the client reloaded meanwhile. A failure onReply leaves alone (it
    // returns false) is reported as operationFailed(what, describe(error)).
    void callPair(const QString &pair, const QString &method, const QVariantList &arguments, const QString &what,
                  QString (*describe)(const QDBusError &), std::function<bool(const QDBusMessage &)> onReply);
    // A callPair answer handler: on success, the pair's status is read again.
    std::function<bool(const QDBusMessage &)> statusAfterSuccess(const QString &pair);
    void setStatus(Status status, const QString &text = {});
    void failLoad(const QDBusError &error);
    void fetchDiskInfo(const QString &disk);
    void fetchSmart(const QString &disk);
    void fetchPairStatus(const QString &pair);
    void fetchForecast(const QString &pair);
    void fetchSystemStatus();
    // Runs onReply when the call succeeds, reports `action` when it fails.
    template<typename Reply, typename Handler>
    void watch(const Reply &call, const QString &action, Handler onReply,
               std::function<void(const QString &)> onError = {});

    QDBusConnection m_bus;
    QString m_service;
    QDBusServiceWatcher *m_watcher;
    Status m_status = Status::Connecting;
    QString m_statusText;
    QString m_version;
    QVariantMap m_systemStatus;
    bool m_systemStatusAnswered = false;
    quint64 m_generation = 0; // replies from before a reload are dropped
    QHash<QString, QVariantMap> m_disks;
    QHash<QString, QVariantMap> m_smart;
    QHash<QString, QVariantMap> m_pairs;
    QHash<QString, QVariantMap> m_forecasts;
    // The last status of pairs that went away during a replacement, until
    // its ReplaceFinished names them (PairRemoved may come first).
    QHash<QString, QVariantMap> m_endedPairs;
    // Pair signals arrive in bursts: counts are applied at once, views and a
    // status re-read are told once per burst.
    QSet<QString> m_changedPairs;
    QTimer m_pairFlush;
};
