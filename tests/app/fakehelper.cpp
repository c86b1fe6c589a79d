#include "fakehelper.h"

#include "scanstatus.h"

#include "fake_adaptors.h"
#include "forecast.h"
#include "historyfeed.h"
#include "scanstatus.h"
#include "systemstatus.h"
#include "validation.h"

#include <QDBusError>
#include <QDateTime>
#include <QDBusMessage>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTimer>

#include <algorithm>

static const QString service = QStringLiteral("org.dmremap.Manager1");

FakeObject::FakeObject(FakeHelper *helper, const QString &objectPath)
    : QObject(helper), path(objectPath), m_helper(helper)
{
}

// As the real helper refuses: its message, with the method's polkit action.
bool FakeObject::refused(const char *action)
{
    m_helper->calls[message().member()]++;
    if (m_helper->refuseWith.isEmpty())
        return false;
    sendErrorReply(m_helper->refuseWith, refusalMessage(QLatin1String(action), QStringLiteral("denied by polkit")));
    return true;
}

// The real helper answers it to everyone, without polkit.
QString FakeObject::GetVersion()
{
    m_helper->calls[message().member()]++;
    return QStringLiteral("fake-1");
}

// Not privileged either, like GetVersion.
QVariantMap FakeObject::GetSystemStatus()
{
    m_helper->calls[message().member()]++;
    if (m_helper->withoutSystemStatus) {
        sendErrorReply(QDBusError::UnknownMethod, QStringLiteral("No such method 'GetSystemStatus'"));
        return {};
    }
    return m_helper->systemStatus();
}

QVariantMap FakeHelper::systemStatusOf(const System &system)
{
    // Without EFI there is no Secure Boot: "off", as SystemStatus::secureBoot().
    return {
        {QStringLiteral("device-mapper"), system.deviceMapper},
        {QStringLiteral("remap-target"), system.targetVersion.isEmpty() || !system.deviceMapper
                                                 ? QStringLiteral("not-loadable") : QStringLiteral("loaded")},
        {QStringLiteral("remap-target-version"), system.deviceMapper ? system.targetVersion : QString()},
        {QStringLiteral("kernel-release"), system.kernelRelease},
        {QStringLiteral("secure-boot"), system.secureBootVariable.isEmpty()
                                                ? QStringLiteral("off")
                                                : SystemStatus::secureBootFromVariable(system.secureBootVariable)},
        {QStringLiteral("lockdown"), SystemStatus::lockdownFromText(system.lockdownText)},
        {QStringLiteral("smartctl"), system.smartctl},
    };
}

static QString diskHistoryId(const QVariantMap &info)
{
    return Validation::mainIdFor(info.value(QStringLiteral("wwn")).toString(), info.value(QStringLiteral("serial")).toString());
}

// As DiskObject::GetHistory and PairObject::GetHistory: the range checked
// first, then polkit, then the store's answer.
QList<QVariantMap> FakeObject::GetHistory(qlonglong from, qlonglong to, qlonglong resolution)
{
    const Validation::Error error = Validation::checkHistoryRange(from, to, resolution);
    if (error.isError()) {
        m_helper->calls[message().member()]++;
        sendErrorReply(error.name, error.message);
        return {};
    }
    if (refused())
        return {};
    setDelayedReply(true);
    const QDBusMessage call = message();
    const QDBusConnection bus = connection();
    auto answer = [call, bus](const QString &error, const QList<QVariantMap> &buckets) {
        bus.send(error.isEmpty() ? call.createReply(QVariant::fromValue(buckets))
                                 : call.createErrorReply(QStringLiteral("org.dmremap.Error.Failed"), error));
    };
    const bool isPair = m_helper->m_pairs.value(info.value(QStringLiteral("name")).toString()) == this;
    if (isPair) {
        m_helper->history()
                ->pairHistory(FakeHelper::historyId(info.value(QStringLiteral("name")).toString()), from, to, resolution)
                .then(this, [answer](const History::PairHistory &history) {
                    answer(history.error, HistoryFeed::pairBucketMaps(history.buckets));
                });
    } else {
        m_helper->history()
                ->diskHistory(diskHistoryId(info), from, to, resolution)
                .then(this, [answer](const History::DiskHistory &history) {
                    answer(history.error, HistoryFeed::diskBucketMaps(history.buckets));
                });
    }
    return {};
}

QVariantMap FakeObject::GetForecast()
{
    if (refused())
        return {};
    setDelayedReply(true);
    answerForecast(message());
    return {};
}

// The helper's forecast (HistoryFeed::answerForecast) of the double's pair and main disk.
void FakeObject::answerForecast(const QDBusMessage &call)
{
    const qint64 now = m_helper->now();
    Forecast::SpareInput input;
    input.capacitySlots = info.value(QStringLiteral("capacity")).toULongLong();
    input.usedSlots = std::min<quint64>(input.capacitySlots, remaps.size());
    input.nowSecs = now;
    const FakeObject *main = nullptr;
    for (FakeObject *d : m_helper->disks())
        if (d->path == info.value(QStringLiteral("main")).value<QDBusObjectPath>().path())
            main = d;
    const std::optional<quint64> reallocated = main && main->report.available ? main->report.reallocatedSectors : std::nullopt;
    const QString mainId = main ? diskHistoryId(main->info) : QString();
    const QDBusConnection bus = connection();
    HistoryFeed::answerForecast(m_helper->history(), this, FakeHelper::historyId(info.value(QStringLiteral("name")).toString()),
                                input, mainId, reallocated, [bus, call](const QVariantMap &answer, const QString &error) {
                                    bus.send(error.isEmpty() ? call.createReply(answer)
                                                             : call.createErrorReply(QStringLiteral("org.dmremap.Error.Failed"), error));
                                });
}

DmRemap::ObjectInfoList FakeObject::GetDisks()
{
    DmRemap::ObjectInfoList list;
    if (refused())
        return list;
    for (FakeObject *d : m_helper->disks())
        list.append({QDBusObjectPath(d->path), d->info});
    return list;
}

DmRemap::ObjectInfoList FakeObject::GetPairs()
{
    DmRemap::ObjectInfoList list;
    if (refused())
        return list;
    for (FakeObject *p : m_helper->pairs())
        list.append({QDBusObjectPath(p->path), p->status()});
    return list;
}

QDBusObjectPath FakeObject::CreatePair(const QString &name, const QDBusObjectPath &main,
                                       const QDBusObjectPath &spare, const QVariantMap &options)
{
    m_helper->lastCallInteractive = message().isInteractiveAuthorizationAllowed();
    if (refused(Actions::CreatePair))
        return {};
    if (!m_helper->createPairError.isEmpty()) {
        sendErrorReply(m_helper->createPairError, m_helper->createPairError == QLatin1String("org.freedesktop.DBus.Error.AccessDenied")
                                                      ? refusalMessage(QLatin1String(Actions::CreatePair), QStringLiteral("denied by polkit"))
                                                      : QStringLiteral("refused by the test"));
        return {};
    }
    if (!options.value(QStringLiteral("erase-spare")).toBool()) {
        sendErrorReply(QStringLiteral("org.dmremap.Error.EraseNotAcknowledged"), QStringLiteral("erase-spare"));
        return {};
    }
    QString mainId, spareId;
    for (FakeObject *d : m_helper->disks()) {
        if (d->path == main.path())
            mainId = d->info.value(QStringLiteral("id")).toString();
        if (d->path == spare.path())
            spareId = d->info.value(QStringLiteral("id")).toString();
    }
    if (mainId.isEmpty() || spareId.isEmpty()) {
        sendErrorReply(QStringLiteral("org.dmremap.Error.NotFound"), QStringLiteral("no such disk"));
        return {};
    }
    FakeObject *pair = m_helper->addPair(name, mainId, spareId, options.value(QStringLiteral("block-size"), 8u).toUInt());
    return QDBusObjectPath(pair->path);
}

QList<QDBusObjectPath> FakeObject::Assemble() { refused(Actions::Assemble); return {}; }
QVariantMap FakeObject::ImportPair(const QDBusObjectPath &, const QVariantMap &) { refused(Actions::Import); return {}; }
QVariantMap FakeObject::GetInfo() { return refused() ? QVariantMap() : info; }
QVariantMap FakeObject::GetSmart() { return refused() ? QVariantMap() : smart; }
DmRemap::SmartAttributeList FakeObject::GetAttributes() { return refused() ? DmRemap::SmartAttributeList() : attributes; }
DmRemap::SelfTestList FakeObject::GetSelfTests() { return refused() ? DmRemap::SelfTestList() : selfTests; }
QString FakeObject::GetRawJson() { return refused() ? QString() : QStringLiteral("{}"); }
// As the helper: a sleeping disk is not woken, it keeps its last data
// (marked asleep) and the call succeeds.
void FakeObject::Refresh()
{
    if (refused())
        return;
    if (sleeping)
        m_helper->readSmart(this, false);
    else
        Q_EMIT Updated();
}

// Reads SMART without -n standby: the disk spins up.
void FakeObject::Wake()
{
    m_helper->lastCallInteractive = message().isInteractiveAuthorizationAllowed();
    if (!refused())
        m_helper->readSmart(this, true);
}

void FakeObject::StartSelfTest(const QString &type)
{
    m_helper->lastCallInteractive = message().isInteractiveAuthorizationAllowed();
    if (refused(Actions::SelfTest))
        return;
    startedSelfTests << type;
    smart.insert(QStringLiteral("self-test-running"), true);
    smart.insert(QStringLiteral("self-test-remaining-percent"), 90);
    Q_EMIT Updated();
}

void FakeObject::AbortSelfTest()
{
    if (refused(Actions::SelfTest))
        return;
    smart.insert(QStringLiteral("self-test-running"), false);
    Q_EMIT Updated();
}

// As the helper: kept ("auto" is stored as ""), then SMART read again.
void FakeObject::SetDeviceType(const QString &type)
{
    m_helper->lastCallInteractive = message().isInteractiveAuthorizationAllowed();
    if (refused(Actions::SelfTest))
        return;
    deviceType = type == QLatin1String("auto") ? QString() : type;
    m_helper->readSmart(this, false);
}

QVariantMap FakeObject::GetStatus()
{
    return refused() ? QVariantMap() : status();
}

QVariantMap FakeObject::status() const
{
    QVariantMap status = info;
    status.insert(QStringLiteral("remapped"), qulonglong(remaps.size()));
    status.insert(QStringLiteral("pending"), qulonglong(pending.size()));
    if (path.contains(QLatin1String("/pairs/"))) {
        PatrolScan::Options options;
        options.rateBytesPerSec = scanRate;
        History::ScanPosition position = scan;
        if (!position.passStarted)
            position.size = info.value(QStringLiteral("main-sectors")).toULongLong() * 512;
        status.insert(PatrolScan::statusKeys(position, scanState, PatrolScan::rateFor(options, position.size),
                                             PatrolScan::nextPass(options, position)));
    }
    return status;
}

void FakeObject::setScan(quint64 position, const QString &state)
{
    scan.position = position;
    scanState = state;
    if (position >= scan.size && scan.passStarted) {
        scan.lastFinished = m_helper->now();
        scan.passStarted = 0;
        scan.position = 0;
        scanState = QStringLiteral("idle");
    }
    QDBusMessage signal = QDBusMessage::createSignal(path, QStringLiteral("org.dmremap.Pair1"), QStringLiteral("ScanProgress"));
    signal << qulonglong(scan.position) << qulonglong(scan.size) << scanState;
    m_helper->m_bus.send(signal);
}

// As PatrolScan::Scheduler::start and stop.
void FakeObject::StartScan()
{
    if (refused(Actions::Scan))
        return;
    scan.stopped = false;
    if (!scan.passStarted) {
        scan.passStarted = m_helper->now();
        scan.position = 0;
        scan.size = info.value(QStringLiteral("main-sectors")).toULongLong() * 512;
        scan.readErrors = 0;
    }
    setScan(scan.position, QStringLiteral("running"));
}

void FakeObject::StopScan()
{
    if (refused(Actions::Scan))
        return;
    scan.stopped = true;
    setScan(scan.position, QStringLiteral("stopped"));
}

DmRemap::RemapList FakeObject::ListRemaps(qulonglong offset, uint count)
{
    DmRemap::RemapList list;
    if (refused())
        return list;
    count = std::min(count, 65536u);
    const qulonglong block = info.value(QStringLiteral("block-size")).toUInt();
    for (qulonglong i = offset; i < qulonglong(remaps.size()) && list.size() < int(count); ++i)
        list.append({remaps.at(i), 1024 + i * block});
    return list;
}

QList<qulonglong> FakeObject::ListPending() { return refused() ? QList<qulonglong>() : pending; }

DmRemap::MapBucketList FakeObject::GetMap(qulonglong first, qulonglong length, uint buckets)
{
    DmRemap::MapBucketList counts;
    if (refused())
        return counts;
    if (buckets < 1 || buckets > 65536 || length == 0) {
        sendErrorReply(QDBusError::InvalidArgs, QStringLiteral("bad range"));
        return counts;
    }
    counts.resize(buckets);
    // Same cut as the helper: sector s in bucket floor((s - first) * buckets / length).
    auto bucketOf = [&](qulonglong s) {
        return qsizetype((unsigned __int128)(s - first) * buckets / length);
    };
    for (auto it = std::lower_bound(remaps.cbegin(), remaps.cend(), first);
         it != remaps.cend() && *it < first + length; ++it)
        counts[bucketOf(*it)].remaps++;
    for (qulonglong s : pending)
        if (s >= first && s < first + length)
            counts[bucketOf(s)].pending++;
    return counts;
}

QVariantMap FakeObject::Remap(qulonglong) { refused(Actions::Remap); return {}; }

void FakeObject::Remove()
{
    m_helper->lastCallInteractive = message().isInteractiveAuthorizationAllowed();
    if (!refused(Actions::RemovePair))
        removePair();
}

QVariantMap FakeObject::RemoveWithOptions(const QVariantMap &options)
{
    m_helper->lastCallInteractive = message().isInteractiveAuthorizationAllowed();
    lastRemoveOptions = options;
    if (refused(Actions::RemovePair))
        return {};
    if (stuckBlocks > 0 && !options.value(QStringLiteral("force")).toBool()) {
        sendErrorReply(QStringLiteral("org.dmremap.Error.DataOnSpare"),
                       QStringLiteral("%1 of %2 moved blocks could not be written back to the main disk")
                               .arg(stuckBlocks).arg(remaps.size()));
        return {};
    }
    const QVariantMap result{{QStringLiteral("written-back"), qulonglong(remaps.size()) - stuckBlocks},
                             {QStringLiteral("lost"), stuckBlocks},
                             {QStringLiteral("unreadable"), qulonglong(pending.size())}};
    removePair();
    return result;
}

// As the real helper checks a replacement, in its order; an interrupted
// copy starts again from the beginning.
void FakeObject::ReplaceMain(const QDBusObjectPath &newDisk, const QVariantMap &options)
{
    m_helper->lastCallInteractive = message().isInteractiveAuthorizationAllowed();
    lastReplaceOptions = options;
    if (refused(Actions::ReplaceMain))
        return;
    const QString name = info.value(QStringLiteral("name")).toString();
    for (auto it = options.cbegin(); it != options.cend(); ++it) {
        if (it.key() != QLatin1String("erase-new-disk"))
            return sendErrorReply(QStringLiteral("org.dmremap.Error.UnknownOption"),
                                  QStringLiteral("unknown option \"%1\" (known: erase-new-disk)").arg(it.key()));
        if (it.value().metaType().id() != QMetaType::Bool)
            return sendErrorReply(QStringLiteral("org.dmremap.Error.InvalidArgument"),
                                  QStringLiteral("option erase-new-disk must be a boolean"));
    }
    if (!options.value(QStringLiteral("erase-new-disk")).toBool())
        return sendErrorReply(QStringLiteral("org.dmremap.Error.EraseNotAcknowledged"),
                              QStringLiteral("everything on the new disk is erased: pass erase-new-disk=true"));
    FakeObject *disk = nullptr;
    for (FakeObject *d : m_helper->disks())
        if (d->path == newDisk.path())
            disk = d;
    if (!disk)
        return sendErrorReply(QStringLiteral("org.dmremap.Error.NotFound"), QStringLiteral("no such disk"));
    const QString state = info.value(QStringLiteral("replace-state")).toString();
    const qulonglong total = info.value(QStringLiteral("main-sectors")).toULongLong();
    // An interrupted copy is no mirror any more: it starts again from the
    // beginning, to the same disk or another.
    if (state == QLatin1String("copying"))
        return sendErrorReply(QStringLiteral("org.dmremap.Error.Busy"),
                              QStringLiteral("the main disk of pair %1 is already being replaced").arg(name));
    if (!pending.isEmpty())
        return sendErrorReply(QStringLiteral("org.dmremap.Error.UnreadableBlocks"),
                              QStringLiteral("%1 blocks of pair %2 cannot be read").arg(pending.size()).arg(name));
    if (disk->path == info.value(QStringLiteral("main")).value<QDBusObjectPath>().path()
        || disk->path == info.value(QStringLiteral("spare")).value<QDBusObjectPath>().path())
        return sendErrorReply(QStringLiteral("org.dmremap.Error.SameDisk"),
                              QStringLiteral("the new disk is a disk of pair %1").arg(name));
    const QString diskNode = disk->info.value(QStringLiteral("path")).toString();
    if (disk->info.value(QStringLiteral("in-use")).toBool())
        return sendErrorReply(QStringLiteral("org.dmremap.Error.InUse"),
                              QStringLiteral("%1 is in use: %2").arg(diskNode, disk->info.value(QStringLiteral("in-use-reason")).toString()));
    const qulonglong sectors = disk->info.value(QStringLiteral("size")).toULongLong() / 512;
    if (sectors < total)
        return sendErrorReply(QStringLiteral("org.dmremap.Error.DiskTooSmall"),
                              QStringLiteral("%1 has %2 sectors, the pair needs %3").arg(diskNode).arg(sectors).arg(total));
    uint mainBlock = 512;
    for (FakeObject *d : m_helper->disks())
        if (d->path == info.value(QStringLiteral("main")).value<QDBusObjectPath>().path())
            mainBlock = d->info.value(QStringLiteral("logical-block-size"), 512u).toUInt();
    if (disk->info.value(QStringLiteral("logical-block-size"), 512u).toUInt() > mainBlock)
        return sendErrorReply(QStringLiteral("org.dmremap.Error.InvalidArgument"),
                              QStringLiteral("%1 has larger logical blocks than the main disk").arg(diskNode));
    if (disk->info.value(QStringLiteral("wwn")).toString().isEmpty() && disk->info.value(QStringLiteral("serial")).toString().isEmpty())
        return sendErrorReply(QStringLiteral("org.dmremap.Error.NotSupported"),
                              QStringLiteral("%1 has neither a WWN nor a serial number").arg(diskNode));
    info.insert(QStringLiteral("replace-state"), QStringLiteral("copying"));
    info.insert(QStringLiteral("replace-disk"), QVariant::fromValue(QDBusObjectPath(disk->path)));
    info.insert(QStringLiteral("replace-disk-path"), diskNode);
    info.insert(QStringLiteral("replace-copied"), qulonglong(0));
    info.insert(QStringLiteral("replace-total"), total);
    m_helper->updateRoles();
    sendReplaceProgress(0, total);
    m_helper->scheduleReplaceStep(name);
}

void FakeObject::CancelReplace()
{
    m_helper->lastCallInteractive = message().isInteractiveAuthorizationAllowed();
    if (refused(Actions::ReplaceMain))
        return;
    if (info.value(QStringLiteral("replace-state")).toString().isEmpty())
        return sendErrorReply(QStringLiteral("org.dmremap.Error.NotFound"), QStringLiteral("no replacement runs"));
    clearReplacement();
    m_helper->updateRoles();
    sendReplaceFinished(QStringLiteral("cancelled"));
}

void FakeObject::sendReplaceProgress(qulonglong copied, qulonglong total)
{
    QDBusMessage signal = QDBusMessage::createSignal(path, QStringLiteral("org.dmremap.Pair1"), QStringLiteral("ReplaceProgress"));
    signal << copied << total;
    m_helper->m_bus.send(signal);
}

void FakeObject::sendReplaceFinished(const QString &result)
{
    QDBusMessage signal = QDBusMessage::createSignal(path, QStringLiteral("org.dmremap.Pair1"), QStringLiteral("ReplaceFinished"));
    signal << result;
    m_helper->m_bus.send(signal);
}

void FakeObject::clearReplacement()
{
    info.insert(QStringLiteral("replace-state"), QString());
    info.insert(QStringLiteral("replace-disk"), QVariant::fromValue(QDBusObjectPath(QStringLiteral("/"))));
    info.insert(QStringLiteral("replace-disk-path"), QString());
    info.insert(QStringLiteral("replace-copied"), qulonglong(0));
    // As the helper: the pair's length when nothing is copied.
    info.insert(QStringLiteral("replace-total"), info.value(QStringLiteral("main-sectors")).toULongLong());
}

void FakeObject::removePair()
{
    const QString name = info.value(QStringLiteral("name")).toString();
    m_helper->m_bus.unregisterObject(path);
    m_helper->m_pairs.remove(name);
    m_helper->updateRoles();
    Q_EMIT m_helper->m_manager->PairRemoved(QDBusObjectPath(path));
    deleteLater();
}

FakeHelper::FakeHelper(const QString &busAddress, QObject *parent)
    : QObject(parent)
    , m_bus(QDBusConnection::connectToBus(busAddress, QStringLiteral("fake-helper-%1").arg(quintptr(this))))
    , m_history(std::make_unique<History::Store>(m_historyDir.filePath(QStringLiteral("history.db"))))
    , m_manager(new FakeObject(this, QStringLiteral("/org/dmremap/Manager1")))
{
    exportObject(m_manager, {QStringLiteral("Manager1")});
    // The store says it is available once its thread opened the file; the
    // real helper has long done so when a client asks.
    m_history->flush().waitForFinished();
}

FakeHelper::~FakeHelper()
{
    const QString name = m_bus.name();
    m_bus.unregisterService(service);
    QDBusConnection::disconnectFromBus(name);
}

bool FakeHelper::registerService()
{
    return m_bus.registerService(service);
}

void FakeHelper::unregisterService()
{
    m_bus.unregisterService(service);
}

void FakeHelper::exportObject(FakeObject *object, const QStringList &interfaces)
{
    for (const QString &name : interfaces) {
        if (name == QLatin1String("Manager1"))
            new Manager1Adaptor(object);
        else if (name == QLatin1String("Disk1"))
            new Disk1Adaptor(object);
        else if (name == QLatin1String("Smart1"))
            new Smart1Adaptor(object);
        else if (name == QLatin1String("Pair1"))
            new Pair1Adaptor(object);
    }
    m_bus.registerObject(object->path, object);
}

// Object path elements allow [A-Za-z0-9_] only.
static QString pathElement(QString text)
{
    for (QChar &c : text)
        if (!(c.isLetterOrNumber() && c.unicode() < 128))
            c = QLatin1Char('_');
    return text;
}

QString FakeHelper::diskPath(const QString &id) const
{
    return QStringLiteral("/org/dmremap/Manager1/disks/") + pathElement(id);
}

QString FakeHelper::pairPath(const QString &name) const
{
    return QStringLiteral("/org/dmremap/Manager1/pairs/") + pathElement(name);
}

QList<FakeObject *> FakeHelper::disks() const
{
    QList<FakeObject *> list = m_disks.values();
    std::sort(list.begin(), list.end(), [](FakeObject *a, FakeObject *b) { return a->path < b->path; });
    return list;
}

QList<FakeObject *> FakeHelper::pairs() const
{
    QList<FakeObject *> list = m_pairs.values();
    std::sort(list.begin(), list.end(), [](FakeObject *a, FakeObject *b) { return a->path < b->path; });
    return list;
}

SmartReport FakeHelper::fixtureReport(const QString &fixture)
{
    QFile file(QStringLiteral(FIXTURES_DIR "/") + fixture);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing SMART fixture %s", qPrintable(fixture));
    const QByteArray json = file.readAll();
    const int exitStatus = QJsonDocument::fromJson(json).object().value(QLatin1String("smartctl")).toObject()
                                   .value(QLatin1String("exit_status")).toInt();
    return SmartReport::parse(json, exitStatus);
}

void FakeHelper::setSmartFixture(const QString &diskId, const QString &fixture)
{
    FakeObject *disk = m_disks.value(diskId);
    disk->fixture = fixture;
    disk->sleeping = false;
    applyReport(disk, fixtureReport(fixture));
}

void FakeHelper::setAsleep(const QString &diskId, bool asleep, bool neverRead)
{
    FakeObject *disk = m_disks.value(diskId);
    disk->sleeping = asleep;
    if (neverRead)
        disk->report = SmartReport::unavailable(QStringLiteral("not-read-yet"), QStringLiteral("SMART data has not been read yet"));
    readSmart(disk, false);
}

void FakeHelper::readSmart(FakeObject *disk, bool wake)
{
    if (wake)
        disk->sleeping = false;
    // smartctl -n standby's answer for a sleeping disk, from the fixtures.
    const SmartReport read = fixtureReport(disk->sleeping ? QStringLiteral("ide-damaged-standby.json") : disk->fixture);
    applyReport(disk, SmartReport::afterRead(disk->report, read));
}

qint64 FakeHelper::now() const
{
    return nowSecs ? nowSecs : QDateTime::currentSecsSinceEpoch();
}

void FakeHelper::recordRemapHistory(const QString &pair, qint64 timeSecs, quint64 moved, quint64 pending)
{
    quint64 notRecorded = 0;
    for (const History::RemapEvent &event : HistoryFeed::remapEvents(historyId(pair), timeSecs, {}, {moved, pending}, &notRecorded))
        m_history->record(event);
}

void FakeHelper::recordSmartHistory(const QString &diskId, qint64 timeSecs, const History::SmartValues &values)
{
    History::SmartReading reading;
    reading.timeSecs = timeSecs;
    reading.diskId = diskHistoryId(m_disks.value(diskId)->info);
    reading.values = values;
    m_history->record(reading);
}

// As the helper records a status whose counts grew.
void FakeHelper::recordGrowth(FakeObject *pair, quint64 movedBefore, quint64 pendingBefore)
{
    quint64 notRecorded = 0;
    const QString id = historyId(pair->info.value(QStringLiteral("name")).toString());
    for (const History::RemapEvent &event : HistoryFeed::remapEvents(id, now(), {movedBefore, pendingBefore},
                                                                     {quint64(pair->remaps.size()), quint64(pair->pending.size())},
                                                                     &notRecorded))
        m_history->record(event);
}

void FakeHelper::applyReport(FakeObject *disk, const SmartReport &report)
{
    disk->report = report;
    // After a read that returned data, as the helper's recorder.
    const QString historyDiskId = diskHistoryId(disk->info);
    if (report.available && !historyDiskId.isEmpty())
        m_history->record(History::SmartReading::fromReport(historyDiskId, now(), report));
    const QString old = disk->smart.value(QStringLiteral("verdict")).toString();
    disk->smart = report.toMap();
    disk->smart.insert(QStringLiteral("updated"), qlonglong(1764062400));
    disk->smart.insert(QStringLiteral("device-type"), disk->deviceType);
    disk->attributes = report.attributes;
    disk->selfTests = report.selfTests;
    disk->info.insert(QStringLiteral("smart-verdict"), report.verdict);
    if (!old.isEmpty() && old != report.verdict)
        Q_EMIT disk->VerdictChanged(old, report.verdict);
    Q_EMIT disk->Updated();
}

FakeObject *FakeHelper::addDisk(const QString &id, const QString &device, const QString &kind, qulonglong bytes,
                                const QVariantMap &overrides)
{
    auto *disk = new FakeObject(this, diskPath(id));
    disk->info = {
        {QStringLiteral("id"), id},
        {QStringLiteral("path"), device},
        {QStringLiteral("model"), kind == QLatin1String("nvme") ? QStringLiteral("QEMU NVMe Ctrl") : QStringLiteral("TestHDD")},
        {QStringLiteral("serial"), id.toUpper()},
        {QStringLiteral("wwn"), QString()},
        {QStringLiteral("size"), bytes},
        {QStringLiteral("logical-block-size"), 512u},
        {QStringLiteral("physical-block-size"), 4096u},
        {QStringLiteral("rotational"), kind == QLatin1String("hdd")},
        {QStringLiteral("kind"), kind},
        {QStringLiteral("transport"), kind == QLatin1String("nvme") ? QStringLiteral("nvme") : QStringLiteral("ata")},
        {QStringLiteral("in-use"), false},
        {QStringLiteral("in-use-reason"), QString()},
        {QStringLiteral("in-use-reasons"), QVariant::fromValue(DmRemap::ReasonList())},
        {QStringLiteral("role"), QStringLiteral("free")},
        {QStringLiteral("pair"), QVariant::fromValue(QDBusObjectPath(QStringLiteral("/")))},
        {QStringLiteral("smart-verdict"), QStringLiteral("passed")},
    };
    for (auto it = overrides.cbegin(); it != overrides.cend(); ++it)
        disk->info.insert(it.key(), it.value());
    m_disks.insert(id, disk);
    setSmartFixture(id, kind == QLatin1String("nvme") ? QStringLiteral("nvme-qemu.json") : QStringLiteral("ide-qemu.json"));
    exportObject(disk, {QStringLiteral("Disk1"), QStringLiteral("Smart1")});
    Q_EMIT m_manager->DiskAdded(QDBusObjectPath(disk->path));
    return disk;
}

void FakeHelper::removeDisk(const QString &id)
{
    FakeObject *disk = m_disks.take(id);
    if (!disk)
        return;
    m_bus.unregisterObject(disk->path);
    Q_EMIT m_manager->DiskRemoved(QDBusObjectPath(disk->path));
    disk->deleteLater();
}

FakeObject *FakeHelper::disk(const QString &id) const { return m_disks.value(id); }
FakeObject *FakeHelper::pair(const QString &name) const { return m_pairs.value(name); }

FakeObject *FakeHelper::addPair(const QString &name, const QString &mainId, const QString &spareId, uint blockSize)
{
    FakeObject *main = m_disks.value(mainId);
    FakeObject *spare = m_disks.value(spareId);
    auto *pair = new FakeObject(this, pairPath(name));
    const qulonglong mainSectors = main->info.value(QStringLiteral("size")).toULongLong() / 512;
    const qulonglong spareBytes = spare->info.value(QStringLiteral("size")).toULongLong();
    pair->info = {
        {QStringLiteral("name"), name},
        {QStringLiteral("device"), QStringLiteral("/dev/mapper/") + name},
        {QStringLiteral("main"), QVariant::fromValue(QDBusObjectPath(main->path))},
        {QStringLiteral("spare"), QVariant::fromValue(QDBusObjectPath(spare->path))},
        {QStringLiteral("main-path"), main->info.value(QStringLiteral("path"))},
        {QStringLiteral("spare-path"), spare->info.value(QStringLiteral("path"))},
        {QStringLiteral("main-present"), true},
        {QStringLiteral("spare-present"), true},
        {QStringLiteral("block-size"), blockSize},
        {QStringLiteral("main-sectors"), mainSectors},
        {QStringLiteral("capacity"), qulonglong((spareBytes - 1024 * 1024) / (blockSize * 512ull))},
        {QStringLiteral("read-errors"), qulonglong(0)},
        {QStringLiteral("write-errors"), qulonglong(0)},
        {QStringLiteral("state"), QStringLiteral("ok")},
        {QStringLiteral("replace-state"), QString()},
        {QStringLiteral("replace-disk"), QVariant::fromValue(QDBusObjectPath(QStringLiteral("/")))},
        {QStringLiteral("replace-disk-path"), QString()},
        {QStringLiteral("replace-copied"), qulonglong(0)},
        {QStringLiteral("replace-total"), mainSectors},
    };
    // As the scheduler takes in a pair it has not seen: its first pass a day on.
    pair->scan.pairId = historyId(name);
    pair->scan.firstSeen = now();
    pair->scan.size = mainSectors * 512;
    m_pairs.insert(name, pair);
    exportObject(pair, {QStringLiteral("Pair1")});
    updateRoles();
    Q_EMIT m_manager->PairAdded(QDBusObjectPath(pair->path));
    return pair;
}

// As the real helper sees a pair's disks: role and pair, and in use, held
// by the pair's device-mapper device.
void FakeHelper::updateRoles()
{
    for (FakeObject *d : std::as_const(m_disks)) {
        d->info.insert(QStringLiteral("role"), QStringLiteral("free"));
        d->info.insert(QStringLiteral("pair"), QVariant::fromValue(QDBusObjectPath(QStringLiteral("/"))));
        if (m_heldByPair.remove(d->path)) {
            d->info.insert(QStringLiteral("in-use"), false);
            d->info.insert(QStringLiteral("in-use-reason"), QString());
            d->info.insert(QStringLiteral("in-use-reasons"), QVariant::fromValue(DmRemap::ReasonList()));
        }
    }
    auto hold = [this](FakeObject *d, const QString &holder) {
        d->info.insert(QStringLiteral("in-use"), true);
        d->info.insert(QStringLiteral("in-use-reason"), QStringLiteral("held by %1").arg(holder));
        d->info.insert(QStringLiteral("in-use-reasons"),
                       QVariant::fromValue(DmRemap::ReasonList{{{QStringLiteral("code"), QStringLiteral("held")},
                                                                {QStringLiteral("holders"), QStringList{holder}}}}));
        m_heldByPair.insert(d->path);
    };
    int minor = 0;
    for (FakeObject *p : std::as_const(m_pairs)) {
        const QString holder = QStringLiteral("dm-%1").arg(minor++);
        for (const char *role : {"main", "spare"}) {
            const QString path = p->info.value(QLatin1String(role)).value<QDBusObjectPath>().path();
            for (FakeObject *d : std::as_const(m_disks)) {
                if (d->path == path) {
                    d->info.insert(QStringLiteral("role"), QLatin1String(role));
                    d->info.insert(QStringLiteral("pair"), QVariant::fromValue(QDBusObjectPath(p->path)));
                    hold(d, holder);
                }
            }
        }
        // The new disk of a running copy is a leg of the pair's mirror,
        // free by role (it belongs to no pair); an interrupted one is not.
        if (p->info.value(QStringLiteral("replace-state")).toString() == QLatin1String("copying")) {
            const QString path = p->info.value(QStringLiteral("replace-disk")).value<QDBusObjectPath>().path();
            for (FakeObject *d : std::as_const(m_disks))
                if (d->path == path)
                    hold(d, holder);
        }
    }
    // A replaced pair's device is the new disk alone, under the old name.
    for (auto it = m_replacedDevices.cbegin(); it != m_replacedDevices.cend(); ++it)
        for (FakeObject *d : std::as_const(m_disks))
            if (d->path == it.key())
                hold(d, QStringLiteral("dm-%1").arg(minor++));
}

void FakeHelper::scheduleReplaceStep(const QString &name)
{
    if (replaceStepMs <= 0)
        return;
    QTimer::singleShot(replaceStepMs, this, [this, name] {
        FakeObject *pair = m_pairs.value(name);
        if (!pair || pair->info.value(QStringLiteral("replace-state")).toString() != QLatin1String("copying"))
            return;
        const qulonglong total = pair->info.value(QStringLiteral("replace-total")).toULongLong();
        const qulonglong copied = std::min(total, pair->info.value(QStringLiteral("replace-copied")).toULongLong()
                                                      + std::max<qulonglong>(1, total / 4));
        advanceReplace(name, copied);
        if (copied >= total)
            finishReplace(name, QStringLiteral("done"));
        else
            scheduleReplaceStep(name);
    });
}

void FakeHelper::advanceReplace(const QString &name, qulonglong copied)
{
    FakeObject *pair = m_pairs.value(name);
    const qulonglong total = pair->info.value(QStringLiteral("replace-total")).toULongLong();
    pair->info.insert(QStringLiteral("replace-copied"), copied);
    pair->sendReplaceProgress(copied, total);
}

void FakeHelper::finishReplace(const QString &name, const QString &result)
{
    FakeObject *pair = m_pairs.value(name);
    if (result == QLatin1String("done")) {
        const QString newDisk = pair->info.value(QStringLiteral("replace-disk")).value<QDBusObjectPath>().path();
        m_replacedDevices.insert(newDisk, name);
        // Sent while the pair's object is still there; then it ends. The
        // old disks' signatures are erased: they come back free.
        pair->sendReplaceFinished(result);
        pair->removePair();
        return;
    }
    pair->clearReplacement();
    updateRoles();
    pair->sendReplaceFinished(result);
}

void FakeHelper::interruptReplace(const QString &name)
{
    FakeObject *pair = m_pairs.value(name);
    // After a restart the helper sees no mirror: nothing copied yet.
    pair->info.insert(QStringLiteral("replace-state"), QStringLiteral("interrupted"));
    pair->info.insert(QStringLiteral("replace-copied"), qulonglong(0));
    updateRoles();
}

void FakeHelper::addRemaps(const QString &name, const QList<qulonglong> &sectors)
{
    FakeObject *pair = m_pairs.value(name);
    const quint64 movedBefore = pair->remaps.size();
    pair->remaps.reserve(pair->remaps.size() + sectors.size());
    for (qulonglong s : sectors) {
        pair->remaps.insert(std::lower_bound(pair->remaps.begin(), pair->remaps.end(), s), s);
        Q_EMIT pair->Changed(qulonglong(pair->remaps.size()), qulonglong(pair->pending.size()));
    }
    recordGrowth(pair, movedBefore, pair->pending.size());
}

void FakeHelper::setRemaps(const QString &name, const QList<qulonglong> &sortedSectors)
{
    FakeObject *pair = m_pairs.value(name);
    pair->remaps = sortedSectors;
    Q_EMIT pair->Changed(qulonglong(pair->remaps.size()), qulonglong(pair->pending.size()));
}

void FakeHelper::setPending(const QString &name, const QList<qulonglong> &sectors)
{
    FakeObject *pair = m_pairs.value(name);
    const quint64 pendingBefore = pair->pending.size();
    pair->pending = sectors;
    std::sort(pair->pending.begin(), pair->pending.end());
    recordGrowth(pair, pair->remaps.size(), pendingBefore);
    Q_EMIT pair->Changed(qulonglong(pair->remaps.size()), qulonglong(pair->pending.size()));
}

void FakeHelper::scanFindsUnreadable(const QString &name, const QList<qulonglong> &sectors)
{
    FakeObject *pair = m_pairs.value(name);
    QList<qulonglong> pending = pair->pending;
    for (qulonglong sector : sectors)
        if (!pending.contains(sector))
            pending << sector;
    pair->scan.readErrors += quint64(sectors.size());
    setPending(name, pending);
}

void FakeHelper::setPairState(const QString &name, const QString &state)
{
    FakeObject *pair = m_pairs.value(name);
    const QString old = pair->info.value(QStringLiteral("state")).toString();
    pair->info.insert(QStringLiteral("state"), state);
    Q_EMIT pair->StateChanged(old, state);
}
