// A test double of dm-remap-helper for the app's tests: the same D-Bus API
// (adaptors generated from helper/org.dmremap.Manager1.xml) over in-memory
// disks and pairs that a test changes at will, on a private bus. It is not
// the product: the real helper is tested in tests/helper and tests/vm.
#pragma once

#include "authorizer.h"
#include "dbustypes.h"
#include "history.h"
#include "smartreport.h"

#include <QDBusConnection>
#include <QDBusContext>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QTemporaryDir>

#include <memory>

class FakeHelper;

// One exported object; it carries the slots of every interface and gets
// only the adaptors of the interfaces it implements.
class FakeObject : public QObject, protected QDBusContext
{
    Q_OBJECT
public:
    FakeObject(FakeHelper *helper, const QString &path);

    QString path;
    QVariantMap info;   // Disk1.GetInfo or Pair1.GetStatus
    QVariantMap smart;
    DmRemap::SmartAttributeList attributes;
    DmRemap::SelfTestList selfTests;
    QList<qulonglong> remaps;  // main sectors, sorted
    QList<qulonglong> pending;
    QStringList startedSelfTests;
    // SMART as the helper last read it, the fixture the disk answers with
    // when awake, whether it sleeps, and its smartctl -d type ("" auto).
    SmartReport report;
    QString fixture;
    bool sleeping = false;
    QString deviceType;
    // Moved blocks that cannot be written back: RemoveWithOptions refuses
    // with DataOnSpare unless forced.
    qulonglong stuckBlocks = 0;
    // The background scan as the helper's scheduler keeps it (scanstatus.h).
    History::ScanPosition scan;
    QString scanState = QStringLiteral("idle");
    quint64 scanRate = 0;
    // Moves the scan on as the helper's reader would, with ScanProgress.
    void setScan(quint64 position, const QString &state);
    QVariantMap lastRemoveOptions;
    QVariantMap lastReplaceOptions;
    // Pair1.GetStatus's answer, for use inside the fake.
    QVariantMap status() const;
    // No replacement: the "replace-*" keys as the helper gives them then.
    void clearReplacement();
    // ReplaceProgress and ReplaceFinished, sent at once in order: the
    // adaptors' relay is queued and would drop the last of them once the
    // pair's object is unregistered.
    void sendReplaceProgress(qulonglong copied, qulonglong total);
    void sendReplaceFinished(const QString &result);

public Q_SLOTS:
    // org.dmremap.Manager1
    QString GetVersion();
    QVariantMap GetSystemStatus();
    DmRemap::ObjectInfoList GetDisks();
    DmRemap::ObjectInfoList GetPairs();
    QDBusObjectPath CreatePair(const QString &name, const QDBusObjectPath &main, const QDBusObjectPath &spare,
                               const QVariantMap &options);
    QList<QDBusObjectPath> Assemble();
    QVariantMap ImportPair(const QDBusObjectPath &spare, const QVariantMap &options);
    // org.dmremap.Disk1 and Smart1
    QVariantMap GetInfo();
    // Disk1 and Pair1: from the double's history store, as the helper.
    QList<QVariantMap> GetHistory(qlonglong from, qlonglong to, qlonglong resolution);
    QVariantMap GetSmart();
    DmRemap::SmartAttributeList GetAttributes();
    DmRemap::SelfTestList GetSelfTests();
    QString GetRawJson();
    void Refresh();
    void Wake();
    void StartSelfTest(const QString &type);
    void AbortSelfTest();
    void SetDeviceType(const QString &type);
    // org.dmremap.Pair1
    QVariantMap GetStatus();
    DmRemap::RemapList ListRemaps(qulonglong offset, uint count);
    QList<qulonglong> ListPending();
    DmRemap::MapBucketList GetMap(qulonglong first, qulonglong length, uint buckets);
    QVariantMap Remap(qulonglong sector);
    void Remove();
    QVariantMap RemoveWithOptions(const QVariantMap &options);
    void ReplaceMain(const QDBusObjectPath &newDisk, const QVariantMap &options);
    void CancelReplace();
    // Worked out from the double's history as the helper does.
    QVariantMap GetForecast();
    void StartScan();
    void StopScan();

Q_SIGNALS:
    void DiskAdded(const QDBusObjectPath &disk);
    void DiskRemoved(const QDBusObjectPath &disk);
    void PairAdded(const QDBusObjectPath &pair);
    void PairRemoved(const QDBusObjectPath &pair);
    void Updated();
    void VerdictChanged(const QString &old, const QString &verdict);
    void Changed(qulonglong remapped, qulonglong pending);
    void StateChanged(const QString &old, const QString &state);

private:
    friend class FakeHelper;
    bool refused(const char *action = Actions::Read);
    void answerForecast(const QDBusMessage &call);
    void removePair();
    FakeHelper *m_helper;
};

class FakeHelper : public QObject
{
    Q_OBJECT
public:
    static constexpr qulonglong GiB = 1024ull * 1024 * 1024;

    // Connects to the bus; register() then claims the name.
    explicit FakeHelper(const QString &busAddress, QObject *parent = nullptr);
    ~FakeHelper() override;

    bool registerService();
    void unregisterService();
    QDBusConnection connection() const { return m_bus; }

    // What the machine lacks, as the helper probes it: its GetSystemStatus
    // answer is built from these as Manager::startStatusProbe builds it,
    // with the helper's own parsers (helper/systemstatus.h).
    struct System {
        bool deviceMapper = true;
        QString targetVersion = QStringLiteral("1.0.0"); // "" when the kernel could not load it
        QString kernelRelease = QStringLiteral("6.1.0-28-amd64");
        QByteArray secureBootVariable; // the EFI variable's bytes; empty without EFI
        QByteArray lockdownText = "[none] integrity confidentiality";
        QString smartctl = QStringLiteral("/usr/sbin/smartctl");
    } system;
    // An older helper without GetSystemStatus: UnknownMethod.
    bool withoutSystemStatus = false;
    QVariantMap systemStatus() const { return systemStatusOf(system); }
    static QVariantMap systemStatusOf(const System &system);

    // Every call is answered with this D-Bus error name when set.
    QString refuseWith;
    // CreatePair answers with this error when set.
    QString createPairError;
    // Calls to a method name, to check what the app asked.
    QHash<QString, int> calls;
    // Interactive-authorization flag of the last privileged call.
    bool lastCallInteractive = false;

    FakeObject *addDisk(const QString &id, const QString &device, const QString &kind, qulonglong bytes,
                        const QVariantMap &overrides = {});
    void removeDisk(const QString &id);
    FakeObject *disk(const QString &id) const;
    FakeObject *addPair(const QString &name, const QString &mainId, const QString &spareId, uint blockSize = 8);
    FakeObject *pair(const QString &name) const;
    // Adds remaps at these main sectors (block-aligned by the caller),
    // emitting one Changed signal per remap, as a kernel burst would.
    void addRemaps(const QString &pair, const QList<qulonglong> &sectors);
    // Replaces the remaps by these sorted sectors with a single Changed signal
    // (a pair found again with a long history).
    void setRemaps(const QString &pair, const QList<qulonglong> &sortedSectors);
    void setPending(const QString &pair, const QList<qulonglong> &sectors);
    void setPairState(const QString &pair, const QString &state);
    // The background scan's reads of a pair fail at these main sectors, as
    // the helper's reader meets them: the target lists their blocks as
    // pending (Changed) and the pass counts one read error each.
    void scanFindsUnreadable(const QString &pair, const QList<qulonglong> &sectors);
    // The copy of a replacement (Pair1.ReplaceMain), driven by the test:
    // progress as the helper reports it (ReplaceProgress, "replace-copied"),
    // then its end as the helper ends it: "done" sends ReplaceFinished and
    // PairRemoved, the old disks are free and the new one is held by the
    // device, which keeps its name; "failed" and "cancelled" leave the pair
    // on its disks and release the new one.
    void advanceReplace(const QString &pair, qulonglong copied);
    void finishReplace(const QString &pair, const QString &result);
    // A helper restart during the copy: "interrupted" until ReplaceMain
    // (same disk) starts it again or CancelReplace stops it.
    void interruptReplace(const QString &pair);
    // When > 0, a started copy advances on its own, a quarter every
    // interval, and ends "done".
    int replaceStepMs = 0;
    // The helper's own parse of a smartctl output in tests/helper/fixtures
    // (exit status as recorded in it), so the fake answers as the real one.
    static SmartReport fixtureReport(const QString &fixture);
    // Gives a disk that fixture's SMART data, as the helper would after
    // reading it (VerdictChanged when the verdict changes, Updated).
    void setSmartFixture(const QString &diskId, const QString &fixture);
    // The disk falls asleep (or wakes by itself) and the helper reads it:
    // asleep, it keeps its last data marked "asleep", as SmartReport::afterRead;
    // neverRead: asleep since the helper started, so it has no data.
    void setAsleep(const QString &diskId, bool asleep, bool neverRead = false);
    // As the helper reads SMART: a sleeping disk is left asleep unless woken.
    void readSmart(FakeObject *disk, bool wake);

    // The helper's history (helper/history.h) in a temporary file: remap
    // events are recorded as the helper records them (HistoryFeed) when a
    // pair's counts grow, SMART readings when a disk is read; GetHistory and
    // GetForecast answer from it with the helper's code.
    History::Store *history() const { return m_history.get(); }
    // The time those records and the forecast use (UTC seconds; 0: now).
    qint64 nowSecs = 0;
    qint64 now() const;
    // Synthetic history: `moved` (and `pending`) new blocks of a pair at
    // timeSecs, without changing its counts (blocks moved long ago).
    void recordRemapHistory(const QString &pair, qint64 timeSecs, quint64 moved, quint64 pending = 0);
    // Synthetic SMART history: a reading of a disk at timeSecs with these
    // values (History::SmartField order; empty: not reported), as the
    // helper records a read.
    void recordSmartHistory(const QString &diskId, qint64 timeSecs, const History::SmartValues &values);
    // The id the helper keeps a pair's history by.
    static QString historyId(const QString &pair) { return QStringLiteral("name:") + pair; }

    FakeObject *manager() const { return m_manager; }
    QList<FakeObject *> disks() const;
    QList<FakeObject *> pairs() const;
    QString diskPath(const QString &id) const;
    QString pairPath(const QString &name) const;

private:
    friend class FakeObject;
    void exportObject(FakeObject *object, const QStringList &interfaces);
    void updateRoles();
    void applyReport(FakeObject *disk, const SmartReport &report);
    void scheduleReplaceStep(const QString &pair);
    void recordGrowth(FakeObject *pair, quint64 movedBefore, quint64 pendingBefore);

    QDBusConnection m_bus;
    QTemporaryDir m_historyDir;
    std::unique_ptr<History::Store> m_history;
    FakeObject *m_manager;
    QHash<QString, FakeObject *> m_disks; // by id
    QHash<QString, FakeObject *> m_pairs; // by name
    QSet<QString> m_heldByPair;           // disk paths in use by a pair
    // Devices left by finished replacements: the new disk under the pair's
    // old name (disk path -> device-mapper name).
    QHash<QString, QString> m_replacedDevices;
};
