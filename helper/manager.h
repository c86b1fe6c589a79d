// org.dmremap.Manager1 at /org/dmremap/Manager1: owns the disk and pair
// objects, keeps them in step with udev and device-mapper, and runs all
// device-mapper and disk-touching work on one worker thread (DmWorker) so no
// call blocks another client.
#pragma once

#include "authorizer.h"
#include "dbustypes.h"
#include "disks.h"
#include "dmworker.h"
#include "pairobject.h"
#include "patrolscan.h"
#include "serviceobject.h"

#include <QDBusConnection>
#include <QDBusObjectPath>
#include <QMap>
#include <QPointer>
#include <QTimer>
#include <functional>
#include <memory>
#include <optional>

class DiskObject;
class HistoryRecorder;
class PairObject;
class QSocketNotifier;
class SelfTestRemapper;
struct udev_monitor;
namespace History {
class Store;
}

class Manager : public ServiceObject
{
    Q_OBJECT
public:
    struct Options {
        int smartIntervalMinutes = 30;
        int maxPairs = 64;
        QString stateDirectory = QStringLiteral("/var/lib/dm-remap");
        int interactiveAuthTimeoutMs = Authorizer::kInteractiveTimeoutMs;
        QString historyPath = QStringLiteral("/var/lib/dm-remap/history.db");
        PatrolScan::Options scan;
    };

    Manager(const QDBusConnection &bus, const Options &options, QObject *parent = nullptr);
    ~Manager() override;

    // Registers the objects; false (with a message) if the bus refused.
    bool start(QString *error);

    QDBusConnection bus() const { return m_bus; }
    Authorizer *authorizer() { return &m_authorizer; }
    const Options &options() const { return m_options; }
    // The history database (docs/history.md): written and read on its own thread.
    History::Store *history() { return m_history.get(); }
    PatrolScan::Scheduler *patrolScans() const { return m_patrolScans.get(); }

    QList<DiskObject *> disks() const { return m_disks.values(); }
    QList<PairObject *> pairs() const { return m_pairs.values(); }
    DiskObject *diskByPath(const QDBusObjectPath &path) const;
    PairObject *pairByPath(const QDBusObjectPath &path) const;
    DiskObject *diskByDevnum(dev_t devnum) const;
    // A copy of what is known of the disk at path now (its identity when a
    // call arrives), or nullopt.
    std::optional<DiskInfo> diskInfoByPath(const QDBusObjectPath &path) const;
    // "main" or "spare" and the pair holding that disk, or "free".
    QString roleOf(dev_t devnum, PairObject **pair) const;

    // Runs work on the device-mapper worker thread after the work queued
    // before, then done(result) on this thread. All device-mapper calls go
    // through here.
    template<typename T>
    void runIo(std::function<T()> work, std::function<void(const T &)> done)
    {
        m_worker.run<T>(this, std::move(work), std::move(done));
    }

    // Re-reads device-mapper's remap devices on the worker; emits
    // PairAdded/PairRemoved, then runs then() (after a read that started
    // after this call, so it sees all work queued before).
    void syncPairs(std::function<void()> then = {});
    // Re-enumerates disks; emits DiskAdded/DiskRemoved.
    void syncDisks();

    // Persistent per-disk smartctl -d override, by the disk's mainId()
    // (WWN, else serial; never a kernel name).
    QString deviceTypeFor(const QString &diskId) const;
    bool storeDeviceType(const QString &diskId, const QString &type, QString *error);

public Q_SLOTS:
    QString GetVersion();
    QVariantMap GetSystemStatus();
    DmRemap::ObjectInfoList GetDisks();
    DmRemap::ObjectInfoList GetPairs();
    QDBusObjectPath CreatePair(const QString &name, const QDBusObjectPath &main, const QDBusObjectPath &spare,
                               const QVariantMap &options);
    QList<QDBusObjectPath> Assemble();
    QVariantMap ImportPair(const QDBusObjectPath &spare, const QVariantMap &options);

Q_SIGNALS:
    void DiskAdded(const QDBusObjectPath &disk);
    void DiskRemoved(const QDBusObjectPath &disk);
    void PairAdded(const QDBusObjectPath &pair);
    void PairRemoved(const QDBusObjectPath &pair);

private:
    void startUdevMonitor();
    void startDmEvents();
    void refreshAllSmart();
    QDBusObjectPath pairPath(const QString &name) const;
    struct PairScan {
        QString error;
        QList<PairObject::Snapshot> pairs;
    };
    static PairScan scanPairs(const QString &stateDir); // on the worker
    void startPairScan();
    void applyPairs(const PairScan &scan);

    QDBusConnection m_bus;
    Options m_options;
    Authorizer m_authorizer;
    Udev m_udev;
    udev_monitor *m_monitor = nullptr;
    QSocketNotifier *m_udevNotifier = nullptr;
    int m_dmControl = -1;
    QSocketNotifier *m_dmNotifier = nullptr;
    bool m_dmAvailable = false;
    Disks::Ids m_diskIds; // an id per physical disk, never reused
    QMap<QString, DiskObject *> m_disks;  // by id
    QMap<QString, PairObject *> m_pairs;  // by name
    DmWorker m_worker;
    bool m_pairScanRunning = false;
    bool m_pairScanAgain = false;
    void startStatusProbe();
    bool m_statusProbeRunning = false;
    QList<QDBusMessage> m_statusCallers;     // answered by the running probe
    QList<QDBusMessage> m_statusCallersNext; // came during it: answered by the next
    QList<std::function<void()>> m_afterPairScan; // waiting for the next scan
    QTimer m_diskSync;   // coalesces udev events
    QTimer m_pairPoll;   // catches changes made behind our back
    QTimer m_smartTimer;
    std::unique_ptr<History::Store> m_history;
    std::unique_ptr<HistoryRecorder> m_historyRecorder;
    std::unique_ptr<SelfTestRemapper> m_selfTestRemapper;
    // After m_history: it writes the scans' positions there when it ends.
    std::unique_ptr<PatrolScan::Scheduler> m_patrolScans;
};
