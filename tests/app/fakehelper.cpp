#include "fakehelper.h"

#include "fake_adaptors.h"

#include <QDBusError>
#include <QDBusMessage>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

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
void FakeObject::Refresh() { if (!refused()) Q_EMIT Updated(); }

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

void FakeObject::SetDeviceType(const QString &) { refused(Actions::SelfTest); }

QVariantMap FakeObject::GetStatus()
{
    return refused() ? QVariantMap() : status();
}

QVariantMap FakeObject::status() const
{
    QVariantMap status = info;
    status.insert(QStringLiteral("remapped"), qulonglong(remaps.size()));
    status.insert(QStringLiteral("pending"), qulonglong(pending.size()));
    return status;
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
    , m_manager(new FakeObject(this, QStringLiteral("/org/dmremap/Manager1")))
{
    exportObject(m_manager, {QStringLiteral("Manager1")});
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
    const SmartReport report = fixtureReport(fixture);
    const QString old = disk->smart.value(QStringLiteral("verdict")).toString();
    disk->smart = report.toMap();
    disk->smart.insert(QStringLiteral("updated"), qlonglong(1764062400));
    disk->smart.insert(QStringLiteral("device-type"), QString());
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
    };
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
    int minor = 0;
    for (FakeObject *p : std::as_const(m_pairs)) {
        const QString holder = QStringLiteral("dm-%1").arg(minor++);
        for (const char *role : {"main", "spare"}) {
            const QString path = p->info.value(QLatin1String(role)).value<QDBusObjectPath>().path();
            for (FakeObject *d : std::as_const(m_disks)) {
                if (d->path == path) {
                    d->info.insert(QStringLiteral("role"), QLatin1String(role));
                    d->info.insert(QStringLiteral("pair"), QVariant::fromValue(QDBusObjectPath(p->path)));
                    d->info.insert(QStringLiteral("in-use"), true);
                    d->info.insert(QStringLiteral("in-use-reason"), QStringLiteral("held by %1").arg(holder));
                    d->info.insert(QStringLiteral("in-use-reasons"),
                                   QVariant::fromValue(DmRemap::ReasonList{{{QStringLiteral("code"), QStringLiteral("held")},
                                                                            {QStringLiteral("holders"), QStringList{holder}}}}));
                    m_heldByPair.insert(d->path);
                }
            }
        }
    }
}

void FakeHelper::addRemaps(const QString &name, const QList<qulonglong> &sectors)
{
    FakeObject *pair = m_pairs.value(name);
    pair->remaps.reserve(pair->remaps.size() + sectors.size());
    for (qulonglong s : sectors) {
        pair->remaps.insert(std::lower_bound(pair->remaps.begin(), pair->remaps.end(), s), s);
        Q_EMIT pair->Changed(qulonglong(pair->remaps.size()), qulonglong(pair->pending.size()));
    }
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
    pair->pending = sectors;
    std::sort(pair->pending.begin(), pair->pending.end());
    Q_EMIT pair->Changed(qulonglong(pair->remaps.size()), qulonglong(pair->pending.size()));
}

void FakeHelper::setPairState(const QString &name, const QString &state)
{
    FakeObject *pair = m_pairs.value(name);
    const QString old = pair->info.value(QStringLiteral("state")).toString();
    pair->info.insert(QStringLiteral("state"), state);
    Q_EMIT pair->StateChanged(old, state);
}
