#include "manager.h"

#include "devicemapper.h"
#include "diskobject.h"
#include "history.h"
#include "historyrecorder.h"
#include "selftestremapper.h"
#include "manager1adaptor.h"
#include "pairobject.h"
#include "pairoperations.h"
#include "smartctl.h"
#include "systemstatus.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QSocketNotifier>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <libudev.h>
#include <linux/dm-ioctl.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Validation;

namespace {
const QString kManagerPath = QStringLiteral("/org/dmremap/Manager1");
} // namespace

Manager::Manager(const QDBusConnection &bus, const Options &options, QObject *parent)
    : ServiceObject(this, parent)
    , m_bus(bus)
    , m_options(options)
    , m_authorizer(bus, options.interactiveAuthTimeoutMs)
{
    new Manager1Adaptor(this);
    m_diskSync.setSingleShot(true);
    m_diskSync.setInterval(300);
    connect(&m_diskSync, &QTimer::timeout, this, &Manager::syncDisks);
    m_pairPoll.setInterval(15000);
    connect(&m_pairPoll, &QTimer::timeout, this, [this] { syncPairs(); });
    m_smartTimer.setInterval(qMax(1, m_options.smartIntervalMinutes) * 60 * 1000);
    connect(&m_smartTimer, &QTimer::timeout, this, &Manager::refreshAllSmart);
    // The unit's StateDirectory= makes /var/lib/dm-remap; elsewhere (tests,
    // --state-dir) the history's directory is made here, private as the unit's.
    const QByteArray historyDir = QFile::encodeName(QFileInfo(m_options.historyPath).absolutePath());
    if (::mkdir(historyDir.constData(), 0700) != 0 && errno != EEXIST)
        qWarning("dm-remap-helper: history: cannot create %s: %s", historyDir.constData(), strerror(errno));
    m_history = std::make_unique<History::Store>(m_options.historyPath);
    m_historyRecorder = std::make_unique<HistoryRecorder>(this, m_history.get());
    m_selfTestRemapper = std::make_unique<SelfTestRemapper>(this);
    m_patrolScans = std::make_unique<PatrolScan::Scheduler>(this, m_options.scan);
}

Manager::~Manager()
{
    if (m_monitor)
        udev_monitor_unref(m_monitor);
    if (m_dmControl >= 0)
        ::close(m_dmControl);
}

bool Manager::start(QString *error)
{
    if (!m_bus.registerObject(kManagerPath, this, QDBusConnection::ExportAdaptors)) {
        *error = QStringLiteral("cannot register %1: %2").arg(kManagerPath, m_bus.lastError().message());
        return false;
    }
    syncDisks();
    startDmEvents();
    // Every pair is an object before the bus name is taken (main.cpp).
    if (m_dmAvailable)
        applyPairs(m_worker.runAndWait<PairScan>([dir = m_options.stateDirectory] { return scanPairs(dir); }));
    startUdevMonitor();
    m_pairPoll.start();
    m_smartTimer.start();
    refreshAllSmart();
    return true;
}

void Manager::startUdevMonitor()
{
    // Without a udev daemon (VM, initramfs) only the kernel's events exist.
    const char *source = QFile::exists(QStringLiteral("/run/udev/control")) ? "udev" : "kernel";
    m_monitor = udev_monitor_new_from_netlink(m_udev.handle(), source);
    if (!m_monitor || udev_monitor_filter_add_match_subsystem_devtype(m_monitor, "block", "disk") < 0
        || udev_monitor_enable_receiving(m_monitor) < 0) {
        qWarning("dm-remap-helper: no udev monitor; disks are re-read every %d s", int(m_pairPoll.interval() / 1000));
        connect(&m_pairPoll, &QTimer::timeout, this, &Manager::syncDisks);
        return;
    }
    m_udevNotifier = new QSocketNotifier(udev_monitor_get_fd(m_monitor), QSocketNotifier::Read, this);
    connect(m_udevNotifier, &QSocketNotifier::activated, this, [this] {
        while (udev_device *device = udev_monitor_receive_device(m_monitor))
            udev_device_unref(device);
        m_diskSync.start();
    });
}

void Manager::startDmEvents()
{
    // device-mapper wakes pollers of its control node on any device's event
    // once armed (DM_DEV_ARM_POLL): no thread per device is needed.
    m_dmControl = ::open("/dev/mapper/control", O_RDWR | O_CLOEXEC);
    if (m_dmControl < 0) {
        qWarning("dm-remap-helper: /dev/mapper/control is not available; no pairs can be managed");
        return;
    }
    auto arm = [this] {
        struct dm_ioctl dmi = {};
        dmi.version[0] = DM_VERSION_MAJOR;
        dmi.version[1] = 0;
        dmi.version[2] = 0;
        dmi.data_size = sizeof(dmi);
        dmi.data_start = sizeof(dmi);
        return ioctl(m_dmControl, DM_DEV_ARM_POLL, &dmi) == 0;
    };
    if (!arm()) {
        qWarning("dm-remap-helper: device-mapper event polling is not supported; pairs are polled");
        m_pairPoll.setInterval(2000);
        m_dmAvailable = true;
        return;
    }
    m_dmAvailable = true;
    // Events are the way changes arrive; the poll only catches what a
    // missed wake-up would hide.
    m_pairPoll.setInterval(60000);
    m_dmNotifier = new QSocketNotifier(m_dmControl, QSocketNotifier::Read, this);
    connect(m_dmNotifier, &QSocketNotifier::activated, this, [this, arm] {
        arm();
        syncPairs();
    });
}

void Manager::refreshAllSmart()
{
    for (DiskObject *disk : std::as_const(m_disks))
        disk->refreshSmart();
}

QDBusObjectPath Manager::pairPath(const QString &name) const
{
    return QDBusObjectPath(kManagerPath + QStringLiteral("/pairs/") + escapePathElement(name));
}

void Manager::syncDisks()
{
    const QList<DiskInfo> disks = Disks::enumerate(m_udev);
    QSet<QString> seen;
    for (DiskInfo info : disks) {
        info.id = m_diskIds.assign(info);
        seen.insert(info.id);
        if (DiskObject *existing = m_disks.value(info.id)) {
            existing->setInfo(info);
            continue;
        }
        auto *disk = new DiskObject(this, info, this);
        const QString path = disk->path().path();
        if (!m_bus.registerObject(path, disk, QDBusConnection::ExportAdaptors)) {
            qWarning("dm-remap-helper: cannot register %s", qPrintable(path));
            delete disk;
            continue;
        }
        m_disks.insert(info.id, disk);
        Q_EMIT DiskAdded(disk->path());
        disk->refreshSmart();
    }
    for (auto it = m_disks.begin(); it != m_disks.end();) {
        if (seen.contains(it.key())) {
            ++it;
            continue;
        }
        DiskObject *disk = it.value();
        const QDBusObjectPath path = disk->path();
        m_bus.unregisterObject(path.path());
        it = m_disks.erase(it);
        disk->deleteLater();
        Q_EMIT DiskRemoved(path);
    }
    // A disk that went away leaves its pair "missing".
    for (PairObject *pair : std::as_const(m_pairs))
        pair->refresh();
}

void Manager::syncPairs(std::function<void()> then)
{
    if (then)
        m_afterPairScan << then;
    if (!m_dmAvailable) {
        for (const auto &callback : std::exchange(m_afterPairScan, {}))
            callback();
        return;
    }
    // Events come in bursts: one scan at a time, and one more after it for
    // whatever arrived meanwhile.
    if (m_pairScanRunning) {
        m_pairScanAgain = true;
        return;
    }
    startPairScan();
}

Manager::PairScan Manager::scanPairs(const QString &stateDir)
{
    PairScan scan;
    for (const QString &name : DeviceMapper::remapDevices(&scan.error))
        scan.pairs << PairObject::read(name, stateDir);
    return scan;
}

void Manager::startPairScan()
{
    m_pairScanRunning = true;
    m_pairScanAgain = false;
    const auto waiting = std::exchange(m_afterPairScan, {});
    runIo<PairScan>([dir = m_options.stateDirectory] { return scanPairs(dir); }, [this, waiting](const PairScan &scan) {
        m_pairScanRunning = false;
        applyPairs(scan);
        for (const auto &callback : waiting)
            callback();
        if (m_pairScanAgain || !m_afterPairScan.isEmpty())
            startPairScan();
    });
}

void Manager::applyPairs(const PairScan &scan)
{
    if (!scan.error.isEmpty()) {
        qWarning("dm-remap-helper: %s", qPrintable(scan.error));
        return;
    }
    QSet<QString> names;
    for (const PairObject::Snapshot &snapshot : scan.pairs) {
        const QString &name = snapshot.name;
        names.insert(name);
        if (PairObject *pair = m_pairs.value(name)) {
            pair->apply(snapshot);
            continue;
        }
        auto *pair = new PairObject(this, name, pairPath(name), this);
        if (!m_bus.registerObject(pair->path().path(), pair, QDBusConnection::ExportAdaptors)) {
            qWarning("dm-remap-helper: cannot register %s", qPrintable(pair->path().path()));
            delete pair;
            continue;
        }
        m_pairs.insert(name, pair);
        pair->apply(snapshot);
        Q_EMIT PairAdded(pair->path());
    }
    for (auto it = m_pairs.begin(); it != m_pairs.end();) {
        if (names.contains(it.key())) {
            ++it;
            continue;
        }
        PairObject *pair = it.value();
        const QDBusObjectPath path = pair->path();
        m_bus.unregisterObject(path.path());
        it = m_pairs.erase(it);
        pair->deleteLater();
        Q_EMIT PairRemoved(path);
    }
}

DiskObject *Manager::diskByPath(const QDBusObjectPath &path) const
{
    for (DiskObject *disk : m_disks)
        if (disk->path() == path)
            return disk;
    return nullptr;
}

PairObject *Manager::pairByPath(const QDBusObjectPath &path) const
{
    for (PairObject *pair : m_pairs)
        if (pair->path() == path)
            return pair;
    return nullptr;
}

std::optional<DiskInfo> Manager::diskInfoByPath(const QDBusObjectPath &path) const
{
    const DiskObject *disk = diskByPath(path);
    return disk ? std::optional<DiskInfo>(disk->info()) : std::nullopt;
}

DiskObject *Manager::diskByDevnum(dev_t devnum) const
{
    for (DiskObject *disk : m_disks)
        if (disk->info().devnum == devnum)
            return disk;
    return nullptr;
}

QString Manager::roleOf(dev_t devnum, PairObject **pairOut) const
{
    for (PairObject *pair : m_pairs) {
        if (pair->mainDevnum() == devnum || pair->spareDevnum() == devnum) {
            if (pairOut)
                *pairOut = pair;
            return pair->mainDevnum() == devnum ? QStringLiteral("main") : QStringLiteral("spare");
        }
        if (DiskObject *replacement = pair->replacementDisk(); replacement && replacement->info().devnum == devnum) {
            if (pairOut)
                *pairOut = pair;
            return QStringLiteral("replacement");
        }
    }
    if (pairOut)
        *pairOut = nullptr;
    return QStringLiteral("free");
}

QString Manager::deviceTypeFor(const QString &diskId) const
{
    if (diskId.isEmpty())
        return {};
    const QSettings settings(m_options.stateDirectory + QStringLiteral("/device-types.ini"), QSettings::IniFormat);
    const QString type = settings.value(QStringLiteral("device-types/") + diskId).toString();
    return isValidDeviceType(type) ? type : QString();
}

bool Manager::storeDeviceType(const QString &diskId, const QString &type, QString *error)
{
    if (!QDir().mkpath(m_options.stateDirectory)) {
        *error = QStringLiteral("cannot create %1").arg(m_options.stateDirectory);
        return false;
    }
    QSettings settings(m_options.stateDirectory + QStringLiteral("/device-types.ini"), QSettings::IniFormat);
    if (type.isEmpty())
        settings.remove(QStringLiteral("device-types/") + diskId);
    else
        settings.setValue(QStringLiteral("device-types/") + diskId, type);
    settings.sync();
    if (settings.status() != QSettings::NoError) {
        *error = QStringLiteral("cannot write %1").arg(settings.fileName());
        return false;
    }
    return true;
}

QString Manager::GetVersion()
{
    const QString smartctl = Smartctl::program();
    return QStringLiteral("%1 (smartctl %2, device-mapper %3)")
            .arg(QCoreApplication::applicationVersion(),
                 smartctl.isEmpty() ? QStringLiteral("not found") : smartctl,
                 m_dmAvailable ? QStringLiteral("available") : QStringLiteral("not available"));
}

QVariantMap Manager::GetSystemStatus()
{
    // Not privileged, like GetVersion: what is missing is told to everyone.
    // One probe at a time; a call that comes during one waits for the next,
    // so that a module installed just before the call is seen.
    constexpr int kMaxWaiting = 256;
    if (m_statusCallers.size() + m_statusCallersNext.size() >= kMaxWaiting) {
        sendErrorReply(QLatin1String(Errors::LimitsExceeded), QStringLiteral("too many system status calls are waiting"));
        return {};
    }
    setDelayedReply(true);
    (m_statusProbeRunning ? m_statusCallersNext : m_statusCallers) << message();
    if (!m_statusProbeRunning)
        startStatusProbe();
    return {};
}

void Manager::startStatusProbe()
{
    m_statusProbeRunning = true;
    const bool dmAvailable = m_dmAvailable;
    // Asking device-mapper for the target loads the module as a first pair would.
    runIo<QString>([dmAvailable] {
                       QString error;
                       return dmAvailable ? DeviceMapper::targetVersion(QStringLiteral("remap"), &error).value_or(QString())
                                          : QString();
                   },
                   [this](const QString &targetVersion) {
                       const QVariantMap status{
                               {QStringLiteral("device-mapper"), m_dmAvailable},
                               {QStringLiteral("remap-target"),
                                targetVersion.isEmpty() ? QStringLiteral("not-loadable") : QStringLiteral("loaded")},
                               {QStringLiteral("remap-target-version"), targetVersion},
                               {QStringLiteral("kernel-release"), SystemStatus::kernelRelease()},
                               {QStringLiteral("secure-boot"), SystemStatus::secureBoot()},
                               {QStringLiteral("lockdown"), SystemStatus::lockdown()},
                               {QStringLiteral("smartctl"), Smartctl::program()},
                       };
                       for (const QDBusMessage &call : std::exchange(m_statusCallers, {}))
                           sendReply(call, status);
                       m_statusProbeRunning = false;
                       if (!m_statusCallersNext.isEmpty()) {
                           m_statusCallers = std::exchange(m_statusCallersNext, {});
                           startStatusProbe();
                       }
                   });
}

DmRemap::ObjectInfoList Manager::GetDisks()
{
    authorizeThen(Actions::Read, {}, [this](const QDBusMessage &call) {
        DmRemap::ObjectInfoList list;
        for (DiskObject *disk : std::as_const(m_disks))
            list << DmRemap::ObjectInfo{disk->path(), disk->infoMap()};
        sendReply(call, QVariant::fromValue(list));
    });
    return {};
}

DmRemap::ObjectInfoList Manager::GetPairs()
{
    authorizeThen(Actions::Read, {}, [this](const QDBusMessage &call) {
        DmRemap::ObjectInfoList list;
        for (PairObject *pair : std::as_const(m_pairs))
            list << DmRemap::ObjectInfo{pair->path(), pair->statusMap()};
        sendReply(call, QVariant::fromValue(list));
    });
    return {};
}

QDBusObjectPath Manager::CreatePair(const QString &name, const QDBusObjectPath &mainPath,
                                    const QDBusObjectPath &sparePath, const QVariantMap &options)
{
    // Syntax and size first: a bad call is answered before polkit is asked.
    if (refuse(checkCreatePairArguments(name, mainPath.path(), sparePath.path(), options)))
        return {};
    // The dialog names the disks from the helper's own records; whether a
    // path is a disk is told only to an authorized caller. The disks named
    // now are the ones the pair is made of, or none: their identity (with
    // the kernel's diskseq) is checked again before anything is written.
    const std::optional<DiskInfo> mainSeen = diskInfoByPath(mainPath);
    const std::optional<DiskInfo> spareSeen = diskInfoByPath(sparePath);
    auto describe = [](const std::optional<DiskInfo> &disk) {
        return disk ? disk->description() : QStringLiteral("(no such disk)");
    };
    const Authorizer::Details details{
            {QStringLiteral("name"), name},
            {QStringLiteral("main"), describe(mainSeen)},
            {QStringLiteral("spare"), describe(spareSeen)},
    };
    authorizeThen(Actions::CreatePair, details, [this, name, mainPath, sparePath, options, mainSeen, spareSeen](const QDBusMessage &call) {
        Error error;
        const CreateOptions parsed = parseCreateOptions(options, &error);
        if (!mainSeen || !spareSeen) {
            error = {Errors::NotFound, QStringLiteral("no such disk: %1").arg((mainSeen ? sparePath : mainPath).path())};
        } else if (!diskByPath(mainPath) || !diskByPath(sparePath)) {
            error = {Errors::DeviceChanged, QStringLiteral("%1 went away while authorization was asked")
                                                    .arg((diskByPath(mainPath) ? spareSeen : mainSeen)->description())};
        } else if (!m_dmAvailable) {
            error = {Errors::NotSupported, QStringLiteral("device-mapper is not available on this system")};
        } else if (m_pairs.contains(name) || QFile::exists(QStringLiteral("/dev/mapper/") + name)) {
            error = {Errors::Exists, QStringLiteral("a device named %1 exists already").arg(name)};
        } else if (m_pairs.size() >= m_options.maxPairs) {
            error = {Errors::TooMany, QStringLiteral("at most %1 pairs can exist").arg(m_options.maxPairs)};
        }
        if (error.isError()) {
            sendError(call, error);
            return;
        }
        const PairOperations::CreateRequest request{m_options.stateDirectory, name, *mainSeen, *spareSeen, parsed};
        QPointer<Manager> self(this);
        runIo<PairOperations::Outcome>([request] { return PairOperations::create(request); },
                                       [self, call, name](const PairOperations::Outcome &outcome) {
                                           if (!self)
                                               return;
                                           if (outcome.error.isError()) {
                                               self->sendError(call, outcome.error);
                                               return;
                                           }
                                           // The client may use the new object at once.
                                           self->syncPairs([self, call, name] {
                                               self->syncDisks();
                                               self->sendReply(call, QVariant::fromValue(self->pairPath(name)));
                                           });
                                       });
    });
    return {};
}

QList<QDBusObjectPath> Manager::Assemble()
{
    authorizeThen(Actions::Assemble, {}, [this](const QDBusMessage &call) {
        if (!m_dmAvailable) {
            sendError(call, Errors::NotSupported, QStringLiteral("device-mapper is not available on this system"));
            return;
        }
        const int maxPairs = m_options.maxPairs;
        const QString stateDir = m_options.stateDirectory;
        QPointer<Manager> self(this);
        runIo<PairOperations::Outcome>([stateDir, maxPairs] {
                                           QString error;
                                           QSet<QString> existing;
                                           for (const QString &name : DeviceMapper::remapDevices(&error))
                                               existing.insert(name);
                                           return PairOperations::assemble(stateDir, existing, maxPairs - int(existing.size()));
                                       },
                                       [self, call](const PairOperations::Outcome &outcome) {
                                           if (!self)
                                               return;
                                           for (const QString &note : outcome.notes)
                                               qInfo("dm-remap-helper: assemble: %s", qPrintable(note));
                                           if (outcome.error.isError()) {
                                               self->sendError(call, outcome.error);
                                               return;
                                           }
                                           self->syncPairs([self, call, created = outcome.created] {
                                               self->syncDisks();
                                               QList<QDBusObjectPath> paths;
                                               for (const QString &name : created)
                                                   paths << self->pairPath(name);
                                               self->sendReply(call, QVariant::fromValue(paths));
                                           });
                                       });
    });
    return {};
}

QVariantMap Manager::ImportPair(const QDBusObjectPath &sparePath, const QVariantMap &options)
{
    bool dryRun = false;
    if (refuse(checkImportArguments(sparePath.path(), options, &dryRun)))
        return {};
    // A dry run changes nothing and answers what a reader may know; the
    // import itself is an administrator's decision every time.
    const std::optional<DiskInfo> spareSeen = diskInfoByPath(sparePath);
    const Authorizer::Details details{{QStringLiteral("spare"), spareSeen ? spareSeen->description() : QStringLiteral("(no such disk)")}};
    authorizeThen(dryRun ? Actions::Read : Actions::Import, details, [this, sparePath, dryRun, spareSeen](const QDBusMessage &call) {
        if (!spareSeen) {
            sendError(call, Errors::NotFound, QStringLiteral("no such disk: %1").arg(sanitize(sparePath.path(), 200)));
            return;
        }
        if (!diskByPath(sparePath)) {
            sendError(call, Errors::DeviceChanged, QStringLiteral("%1 went away while authorization was asked").arg(spareSeen->description()));
            return;
        }
        if (!dryRun && !m_dmAvailable) {
            sendError(call, Errors::NotSupported, QStringLiteral("device-mapper is not available on this system"));
            return;
        }
        if (!dryRun && m_pairs.size() >= m_options.maxPairs) {
            sendError(call, Errors::TooMany, QStringLiteral("at most %1 pairs can exist").arg(m_options.maxPairs));
            return;
        }
        const bool dmAvailable = m_dmAvailable;
        const QString stateDir = m_options.stateDirectory;
        const DiskInfo seen = *spareSeen;
        QPointer<Manager> self(this);
        runIo<PairOperations::ImportOutcome>(
                [dmAvailable, stateDir, seen, dryRun] {
                    QString error;
                    QSet<QString> running;
                    if (dmAvailable)
                        for (const QString &name : DeviceMapper::remapDevices(&error))
                            running.insert(name);
                    return PairOperations::importPair(stateDir, running, seen, dryRun);
                },
                [self, call, dryRun](const PairOperations::ImportOutcome &outcome) {
                    if (!self)
                        return;
                    if (outcome.error.isError()) {
                        self->sendError(call, outcome.error);
                        return;
                    }
                    auto answer = [self, call, dryRun, pair = outcome.pair] {
                        if (!dryRun)
                            self->syncDisks();
                        const DiskObject *main = self->diskByDevnum(pair.main.devnum);
                        const DiskObject *spareDisk = self->diskByDevnum(pair.spare.devnum);
                        const QVariantMap map{
                                {QStringLiteral("name"), pair.record.name},
                                {QStringLiteral("main"), QVariant::fromValue(main ? main->path() : QDBusObjectPath(QStringLiteral("/")))},
                                {QStringLiteral("spare"), QVariant::fromValue(spareDisk ? spareDisk->path() : QDBusObjectPath(QStringLiteral("/")))},
                                {QStringLiteral("main-path"), pair.main.path},
                                {QStringLiteral("spare-path"), pair.spare.path},
                                {QStringLiteral("remapped"), QVariant::fromValue(qulonglong(pair.remapped))},
                                {QStringLiteral("pair"), QVariant::fromValue(dryRun ? QDBusObjectPath(QStringLiteral("/")) : self->pairPath(pair.record.name))},
                        };
                        self->sendReply(call, map);
                    };
                    if (dryRun)
                        answer();
                    else
                        self->syncPairs(answer);
                });
    });
    return {};
}
