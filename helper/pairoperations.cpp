#include "pairoperations.h"

#include "devicemapper.h"
#include "disks.h"
#include "pairrecord.h"
#include "signatures.h"
#include "sparemetadata.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QThread>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <memory>
#include <fcntl.h>
#include <libudev.h>
#include <linux/fs.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

using namespace Validation;

namespace PairOperations {

namespace {

class Fd
{
public:
    explicit Fd(int fd = -1) : m_fd(fd) {}
    ~Fd() { if (m_fd >= 0) ::close(m_fd); }
    Fd(const Fd &) = delete;
    Fd &operator=(const Fd &) = delete;
    int get() const { return m_fd; }
    void reset(int fd)
    {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = fd;
    }

private:
    int m_fd;
};

// Opens a disk exclusively (fails while mounted or held by dm/md) and checks
// that the node still is the device that was enumerated.
Error openExclusive(const DiskInfo &disk, int flags, Fd *out)
{
    const int fd = ::open(QFile::encodeName(disk.path).constData(), flags | O_EXCL | O_CLOEXEC);
    if (fd < 0) {
        const int e = errno;
        if (e == EBUSY)
            return {Errors::InUse, QStringLiteral("%1 is in use (mounted, or held by another device)").arg(disk.description())};
        return {Errors::Failed, QStringLiteral("cannot open %1: %2").arg(disk.description(), QString::fromLocal8Bit(strerror(e)))};
    }
    out->reset(fd);
    struct stat st;
    quint64 bytes = 0;
    if (fstat(fd, &st) != 0 || !S_ISBLK(st.st_mode) || st.st_rdev != disk.devnum)
        return {Errors::DeviceChanged, QStringLiteral("%1 is no longer the disk that was listed").arg(disk.path)};
    if (ioctl(fd, BLKGETSIZE64, &bytes) != 0 || bytes != disk.sizeBytes)
        return {Errors::DeviceChanged, QStringLiteral("%1 changed size").arg(disk.path)};
    if (Disks::diskseqOf(fd) != disk.diskseq)
        return {Errors::DeviceChanged, QStringLiteral("%1 is no longer the disk that was listed").arg(disk.path)};
    return {};
}

// Keeps a disk open from its checks until its device-mapper device exists.
// Not exclusively: device-mapper claims the disk exclusively for itself, so
// the exclusive descriptor must be closed right before the create. While
// this one is open, the disk's device number cannot pass to another disk, so
// the table made from that number names the disk that was checked.
Error hold(const DiskInfo &disk, Fd *out)
{
    const int fd = ::open(QFile::encodeName(disk.path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return {Errors::DeviceChanged, QStringLiteral("%1 is no longer the disk that was listed").arg(disk.path)};
    out->reset(fd);
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISBLK(st.st_mode) || st.st_rdev != disk.devnum || Disks::diskseqOf(fd) != disk.diskseq)
        return {Errors::DeviceChanged, QStringLiteral("%1 is no longer the disk that was listed").arg(disk.path)};
    return {};
}

// After the create: the disks behind the device still are the ones checked.
Error checkStillThere(const DiskInfo &disk)
{
    const auto seq = Disks::diskseqOf(disk.devnum);
    if (!seq || *seq != disk.diskseq)
        return {Errors::DeviceChanged, QStringLiteral("%1 was replaced by another disk").arg(disk.path)};
    return {};
}

// The disk behind devnum now, which must be the one the caller saw.
Error recheck(const Udev &udev, const DiskInfo &seen, DiskInfo *now)
{
    const auto live = Disks::fromDevnum(udev, seen.devnum);
    if (!live || !live->sameDisk(seen))
        return {Errors::DeviceChanged, QStringLiteral("%1 is no longer the disk that was listed").arg(seen.path)};
    *now = *live;
    if (now->inUse)
        return {Errors::InUse, QStringLiteral("%1 is in use: %2").arg(now->description(), now->inUseReason)};
    return {};
}

QString uuidFor(const QString &name)
{
    return QStringLiteral("DMREMAP-") + name;
}

// The device came up as a remap target on the right disks with a sane status.
Error verifyCreated(const QString &name, dev_t main, dev_t spare)
{
    QString error;
    const auto table = DeviceMapper::table(name, &error);
    const auto status = DeviceMapper::status(name, &error);
    if (!table || !status)
        return {Errors::Failed, error};
    const auto params = DmTable::parseParams(table->params);
    if (table->targetType != QLatin1String("remap") || !params || makedev(params->mainMajor, params->mainMinor) != main
        || makedev(params->spareMajor, params->spareMinor) != spare || !DmTable::parseStatus(status->params))
        return {Errors::Failed, QStringLiteral("the new device %1 does not report the expected table and status").arg(name)};
    return {};
}

// The first blocks of a disk as they are on the medium: O_DIRECT, because
// the page cache may still hold what was there before the kernel target
// wrote its metadata.
QByteArray readHead(const QString &path)
{
    constexpr size_t bytes = SpareMetadata::kBytesNeeded;
    Fd fd(::open(QFile::encodeName(path).constData(), O_RDONLY | O_DIRECT | O_CLOEXEC));
    void *buffer = nullptr;
    if (fd.get() < 0 || posix_memalign(&buffer, 4096, bytes) != 0)
        return {};
    const ssize_t n = pread(fd.get(), buffer, bytes, 0);
    QByteArray head = n == ssize_t(bytes) ? QByteArray(static_cast<const char *>(buffer), bytes) : QByteArray();
    free(buffer);
    return head;
}

QList<Assembly::ProbedDisk> probe(const Udev &udev)
{
    QList<Assembly::ProbedDisk> out;
    for (const DiskInfo &disk : Disks::enumerate(udev))
        out << Assembly::ProbedDisk{disk, SpareMetadata::decode(readHead(disk.path))};
    return out;
}

// Creates a planned pair's device after checking, live, that both disks are
// still the ones planned and that nothing holds them.
Error start(const Udev &udev, const Assembly::PlannedPair &pair)
{
    Error error;
    DiskInfo main, spare;
    if ((error = recheck(udev, pair.main, &main)).isError() || (error = recheck(udev, pair.spare, &spare)).isError())
        return error;
    Fd mainHeld, spareHeld;
    if ((error = hold(main, &mainHeld)).isError() || (error = hold(spare, &spareHeld)).isError())
        return error;
    {
        Fd mainFd, spareFd;
        if ((error = openExclusive(main, O_RDONLY, &mainFd)).isError()
            || (error = openExclusive(spare, O_RDONLY, &spareFd)).isError())
            return error;
    }
    DmTable::Params params;
    params.mainMajor = ::major(main.devnum);
    params.mainMinor = ::minor(main.devnum);
    params.spareMajor = ::major(spare.devnum);
    params.spareMinor = ::minor(spare.devnum);
    params.mainId = pair.record.mainId;
    params.label = pair.record.name;
    QString text;
    if (!DeviceMapper::create(pair.record.name, uuidFor(pair.record.name), pair.record.mainSectors,
                              DmTable::buildParams(params), &text))
        return {Errors::Failed, text};
    error = checkStillThere(main);
    if (!error.isError())
        error = checkStillThere(spare);
    if (!error.isError())
        error = verifyCreated(pair.record.name, main.devnum, spare.devnum);
    if (error.isError()) {
        DeviceMapper::remove(pair.record.name, &text);
        return error;
    }
    return {};
}

// Adds a pair to the record, replacing any record of the same name, spare
// metadata or main disk: those pairs cannot come back.
Error record(const QString &stateDir, const PairRecord &pair)
{
    QString error;
    QList<PairRecord> records = PairRecords::load(stateDir, nullptr, &error);
    if (error.isEmpty()) {
        records.removeIf([&pair](const PairRecord &r) {
            return r.name == pair.name || r.uuid == pair.uuid || (r.mainId == pair.mainId && r.mainSectors == pair.mainSectors);
        });
        records << pair;
        PairRecords::save(stateDir, records, &error);
    }
    if (!error.isEmpty())
        return {Errors::Failed, QStringLiteral("pair %1 cannot be recorded, so it is not kept: %2").arg(pair.name, error)};
    return {};
}

// Deletes a pair's line from the record, if it has one.
bool forgetRecord(const QString &stateDir, const QString &name, QString *error)
{
    QList<PairRecord> records = PairRecords::load(stateDir, nullptr, error);
    const qsizetype before = records.size();
    records.removeIf([&name](const PairRecord &r) { return r.name == name; });
    if (error->isEmpty() && records.size() != before)
        PairRecords::save(stateDir, records, error);
    return error->isEmpty();
}

} // namespace

// Whether udev's database marks the disk as a pair's (56-dm-remap.rules).
static bool udevSaysMember(const Udev &udev, dev_t devnum)
{
    udev_device *device = udev_device_new_from_devnum(udev.handle(), 'b', devnum);
    if (!device)
        return false;
    const char *member = udev_device_get_property_value(device, "DM_REMAP_MEMBER");
    const bool yes = member && qstrcmp(member, "1") == 0;
    udev_device_unref(device);
    return yes;
}

// udev watches disks opened for writing (60-block.rules' "watch"): closing
// one makes udev read its properties again, and 56-dm-remap.rules then hides
// or shows it as the pair record now says. udev stops watching a disk while
// it processes an event of that disk (the spare's own erase makes one, and
// on a slow machine that takes seconds), so a close then goes unseen and a
// new pair's disk would stay offered to systemd and udisks. So each close
// waits until udev's queue is empty, and is repeated until udev's database
// says what the record says, for at most 30 seconds (when udev runs at all).
static void announceRecordChange(const Udev &udev, const QList<DiskInfo> &disks, bool members)
{
    udev_queue *queue = udev_queue_new(udev.handle());
    const bool udevRuns = queue && udev_queue_get_udev_is_active(queue);
    const QDeadlineTimer deadline(30000);
    const auto udevIdle = [queue, &deadline] {
        while (!udev_queue_get_queue_is_empty(queue) && !deadline.hasExpired())
            QThread::msleep(50);
        return udev_queue_get_queue_is_empty(queue) != 0;
    };
    for (const DiskInfo &disk : disks) {
        bool told = false;
        for (;;) {
            if (udevRuns && udevIdle() && udevSaysMember(udev, disk.devnum) == members) {
                told = true;
                break;
            }
            if (udevRuns && deadline.hasExpired())
                break;
            const int fd = ::open(QFile::encodeName(disk.path).constData(), O_RDWR | O_NONBLOCK | O_CLOEXEC);
            if (fd < 0)
                break;
            ::close(fd);
            if (!udevRuns)
                break;
            QThread::msleep(200); // the close's event is queued within moments
        }
        if (udevRuns && !told)
            qWarning("dm-remap-helper: udev has not seen yet that %s %s a pair's disk", qPrintable(disk.path),
                     members ? "is" : "is no longer");
    }
    udev_queue_unref(queue);
}

Outcome create(const CreateRequest &request)
{
    Outcome out;
    Udev udev;
    DiskInfo main, spare;
    if ((out.error = recheck(udev, request.main, &main)).isError()
        || (out.error = recheck(udev, request.spare, &spare)).isError())
        return out;
    const uint blockBytes = request.options.blockSize * 512;
    if (blockBytes < main.logicalBlockSize || blockBytes < spare.logicalBlockSize) {
        out.error = {Errors::InvalidArgument, QStringLiteral("block-size %1 is smaller than a logical block of the disks")
                                                      .arg(request.options.blockSize)};
        return out;
    }
    const QString mainId = main.mainId();
    if (mainId.isEmpty()) {
        out.error = {Errors::NotSupported, QStringLiteral("%1 has neither a WWN nor a serial number, so the pair "
                                                          "could not be found again at boot").arg(main.description())};
        return out;
    }
    if (spareCapacity(spare.sectors(), request.options.blockSize) == 0) {
        out.error = {Errors::SpareTooSmall, QStringLiteral("%1 (%2 KiB) is too small for the metadata and one block")
                                                    .arg(spare.description()).arg(spare.sizeBytes / 1024)};
        return out;
    }
    Fd mainHeld, spareHeld;
    if ((out.error = hold(main, &mainHeld)).isError() || (out.error = hold(spare, &spareHeld)).isError())
        return out;
    {
        Fd mainFd, spareFd;
        if ((out.error = openExclusive(main, O_RDONLY, &mainFd)).isError()
            || (out.error = openExclusive(spare, O_RDWR, &spareFd)).isError())
            return out;
        // The caller agreed to lose the spare's contents: forget any old
        // dm-remap metadata so the target formats it afresh.
        const QByteArray zeros(SpareMetadata::kBytesNeeded, '\0');
        if (pwrite(spareFd.get(), zeros.constData(), zeros.size(), 0) != zeros.size() || fsync(spareFd.get()) != 0) {
            out.error = {Errors::Failed, QStringLiteral("cannot write to %1: %2").arg(spare.description(), QString::fromLocal8Bit(strerror(errno)))};
            return out;
        }
        // Nothing of what was there may be found again: file systems, RAID
        // and LUKS superblocks, partition tables, wherever they lie.
        QString error;
        const QStringList erased = Signatures::eraseAll(spareFd.get(), &error);
        if (!error.isEmpty()) {
            out.error = {Errors::Failed, QStringLiteral("cannot erase %1: %2").arg(spare.description(), error)};
            return out;
        }
        if (!erased.isEmpty())
            qInfo("dm-remap-helper: erased from %s: %s", qPrintable(spare.description()), qPrintable(erased.join(QStringLiteral(", "))));
        // The held descriptor keeps the disk open past this one, and with it
        // the page cache of what was just written: udev and blkid must read
        // the superblock the target writes next, not these zeros.
        if (ioctl(spareFd.get(), BLKFLSBUF, 0) != 0) {
            out.error = {Errors::Failed, QStringLiteral("cannot drop the cache of %1: %2").arg(spare.description(), QString::fromLocal8Bit(strerror(errno)))};
            return out;
        }
    }
    DmTable::Params params;
    params.mainMajor = ::major(main.devnum);
    params.mainMinor = ::minor(main.devnum);
    params.spareMajor = ::major(spare.devnum);
    params.spareMinor = ::minor(spare.devnum);
    params.format = true;
    params.blockSize = request.options.blockSize;
    params.readRetries = int(request.options.readRetries);
    params.mainId = mainId;
    params.label = request.name;
    QString error;
    if (!DeviceMapper::create(request.name, uuidFor(request.name), main.sectors(), DmTable::buildParams(params), &error)) {
        out.error = {Errors::Failed, error};
        return out;
    }
    out.error = checkStillThere(main);
    if (!out.error.isError())
        out.error = checkStillThere(spare);
    if (!out.error.isError())
        out.error = verifyCreated(request.name, main.devnum, spare.devnum);
    if (!out.error.isError()) {
        const SpareMetadata meta = SpareMetadata::decode(readHead(spare.path));
        if (meta.valid)
            out.error = record(request.stateDir, {request.name, meta.uuid, mainId, main.sectors(), spare.mainId(),
                                                  spare.sectors()});
        else
            out.error = {Errors::Failed, QStringLiteral("the new spare metadata on %1 cannot be read back: %2")
                                                 .arg(spare.description(), meta.error)};
    }
    if (out.error.isError()) {
        QString ignored;
        DeviceMapper::remove(request.name, &ignored);
        return out;
    }
    announceRecordChange(udev, {main, spare}, true);
    out.created << request.name;
    return out;
}

Outcome assemble(const QString &stateDir, const QSet<QString> &running, int room)
{
    Outcome out;
    QString error;
    const QList<PairRecord> records = PairRecords::load(stateDir, &out.notes, &error);
    if (!error.isEmpty()) {
        out.error = {Errors::Failed, error};
        return out;
    }
    Udev udev;
    const Assembly::Plan plan = Assembly::planAssembly(probe(udev), records, running, room);
    out.notes += plan.notes;
    out.waiting = plan.waiting;
    for (const Assembly::PlannedPair &pair : plan.pairs) {
        const Error started = start(udev, pair);
        if (started.isError())
            out.notes << QStringLiteral("pair %1: %2").arg(pair.record.name, started.message);
        else
            out.created << pair.record.name;
    }
    return out;
}

ImportOutcome importPair(const QString &stateDir, const QSet<QString> &running, const DiskInfo &spare, bool dryRun)
{
    ImportOutcome out;
    QString error;
    const QList<PairRecord> records = PairRecords::load(stateDir, nullptr, &error);
    if (!error.isEmpty()) {
        out.error = {Errors::Failed, error};
        return out;
    }
    Udev udev;
    const Assembly::ImportPlan plan = Assembly::planImport(probe(udev), records, running, spare.devnum);
    out.error = plan.error;
    out.pair = plan.pair;
    if (!out.error.isError() && !plan.pair.spare.sameDisk(spare))
        out.error = {Errors::DeviceChanged, QStringLiteral("%1 is no longer the disk that was listed").arg(spare.path)};
    if (out.error.isError() || dryRun)
        return out;
    if ((out.error = start(udev, plan.pair)).isError())
        return out;
    if ((out.error = record(stateDir, plan.pair.record)).isError()) {
        QString ignored;
        DeviceMapper::remove(plan.pair.record.name, &ignored);
        return out;
    }
    announceRecordChange(udev, {plan.pair.main, plan.pair.spare}, true);
    return out;
}

namespace {

struct WriteBack {
    quint64 written = 0;
    quint64 failed = 0;
    QString firstFailure;
};

// Opens the disk behind devnum (held by the pair, so not exclusively).
Error openDisk(const Udev &udev, dev_t devnum, const char *role, int flags, Fd *out, QString *path)
{
    const auto disk = Disks::fromDevnum(udev, devnum);
    if (!disk)
        return {Errors::Failed, QStringLiteral("the %1 disk (%2:%3) is missing").arg(QLatin1String(role)).arg(::major(devnum)).arg(::minor(devnum))};
    *path = disk->path;
    const int fd = ::open(QFile::encodeName(disk->path).constData(), flags | O_DIRECT | O_CLOEXEC);
    if (fd < 0)
        return {Errors::Failed, QStringLiteral("cannot open the %1 disk %2: %3").arg(QLatin1String(role), disk->path,
                                                                                       QString::fromLocal8Bit(strerror(errno)))};
    out->reset(fd);
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISBLK(st.st_mode) || st.st_rdev != devnum)
        return {Errors::DeviceChanged, QStringLiteral("%1 is no longer the %2 disk of the pair").arg(disk->path, QLatin1String(role))};
    return {};
}

// Copies every remapped block from its spare slot to its place on the main
// disk, flushes the main disk's cache, then reads each block back. A drive
// usually reallocates a bad sector when it is written, so this often heals
// the main disk; a block that fails to write, flush or compare stays counted
// as failed.
WriteBack writeBack(dev_t mainDev, dev_t spareDev, uint blockSectors, const DmRemap::RemapList &remaps)
{
    WriteBack out;
    if (remaps.isEmpty())
        return out;
    Udev udev;
    Fd mainFd, spareFd;
    QString mainPath, sparePath;
    Error opened = openDisk(udev, spareDev, "spare", O_RDONLY, &spareFd, &sparePath);
    if (!opened.isError())
        opened = openDisk(udev, mainDev, "main", O_RDWR, &mainFd, &mainPath);
    if (opened.isError()) {
        out.failed = quint64(remaps.size());
        out.firstFailure = opened.message;
        return out;
    }
    const size_t bytes = size_t(blockSectors) * 512;
    void *raw = nullptr, *rawCheck = nullptr;
    if (posix_memalign(&raw, 4096, bytes) != 0 || posix_memalign(&rawCheck, 4096, bytes) != 0) {
        free(raw);
        out.failed = quint64(remaps.size());
        out.firstFailure = QStringLiteral("out of memory");
        return out;
    }
    std::unique_ptr<char, decltype(&free)> data(static_cast<char *>(raw), &free);
    std::unique_ptr<char, decltype(&free)> check(static_cast<char *>(rawCheck), &free);
    auto failure = [&](const QString &what, quint64 sector, int e) {
        ++out.failed;
        if (out.firstFailure.isEmpty())
            out.firstFailure = QStringLiteral("%1 sector %2: %3").arg(what).arg(sector).arg(QString::fromLocal8Bit(strerror(e)));
    };
    QList<qsizetype> written;
    for (qsizetype i = 0; i < remaps.size(); ++i) {
        const DmRemap::Remap &r = remaps.at(i);
        errno = 0;
        if (pread(spareFd.get(), data.get(), bytes, off_t(r.spareSector) * 512) != ssize_t(bytes)) {
            failure(QStringLiteral("reading spare %1").arg(sparePath), r.spareSector, errno ? errno : EIO);
            continue;
        }
        errno = 0;
        if (pwrite(mainFd.get(), data.get(), bytes, off_t(r.mainSector) * 512) != ssize_t(bytes)) {
            failure(QStringLiteral("writing main %1").arg(mainPath), r.mainSector, errno ? errno : EIO);
            continue;
        }
        written << i;
    }
    if (!written.isEmpty() && fdatasync(mainFd.get()) != 0) {
        const int e = errno;
        for (const qsizetype i : std::as_const(written))
            failure(QStringLiteral("flushing main %1 after writing").arg(mainPath), remaps.at(i).mainSector, e);
        return out;
    }
    for (const qsizetype i : std::as_const(written)) {
        const DmRemap::Remap &r = remaps.at(i);
        errno = 0;
        if (pread(spareFd.get(), data.get(), bytes, off_t(r.spareSector) * 512) != ssize_t(bytes)
            || pread(mainFd.get(), check.get(), bytes, off_t(r.mainSector) * 512) != ssize_t(bytes)) {
            failure(QStringLiteral("reading back main %1").arg(mainPath), r.mainSector, errno ? errno : EIO);
            continue;
        }
        if (memcmp(data.get(), check.get(), bytes) != 0) {
            failure(QStringLiteral("comparing main %1").arg(mainPath), r.mainSector, EIO);
            continue;
        }
        ++out.written;
    }
    return out;
}

// Closing a device someone wrote to (an unmount) makes udev probe it once
// more, and its blkid holds the device open for a moment: a removal right
// after an unmount waits that out, as libdevmapper's remove retries do,
// before it calls the device busy.
bool closedSoon(const QString &name)
{
    for (int attempt = 0;; ++attempt) {
        QString error;
        const auto info = DeviceMapper::status(name, &error);
        if (info && info->openCount == 0)
            return true;
        if (!info || attempt == 25)
            return false;
        QThread::msleep(200);
    }
}

// What holds a device open, in the words the user acts on: the mount
// point when it is mounted (the helper's mount namespace receives the
// host's mounts).
Error busyError(const QString &name)
{
    QString error;
    const auto info = DeviceMapper::status(name, &error);
    QFile mountinfo(QStringLiteral("/proc/self/mountinfo"));
    const QString mountPoint = info && mountinfo.open(QIODevice::ReadOnly)
            ? Disks::mountedOn(mountinfo.read(4 << 20), {info->devnum}) : QString();
    if (!mountPoint.isEmpty())
        return {Errors::Busy, QStringLiteral("/dev/mapper/%1 is open: mounted on %2; unmount it first").arg(name, mountPoint)};
    return {Errors::Busy, QStringLiteral("/dev/mapper/%1 is open (in use); close what uses it first").arg(name)};
}

} // namespace

RemoveOutcome remove(const QString &stateDir, const QString &name, bool force)
{
    RemoveOutcome out;
    QString error;
    const auto info = DeviceMapper::status(name, &error);
    const auto table = DeviceMapper::table(name, &error);
    if (info && info->targetType == QLatin1String("mirror")) {
        out.error = {Errors::Busy, QStringLiteral("the main disk of pair %1 is being replaced: cancel that first").arg(name)};
        return out;
    }
    if (!info || !table || info->targetType != QLatin1String("remap")) {
        out.error = {Errors::NotFound, QStringLiteral("no dm-remap device named %1").arg(name)};
        return out;
    }
    const auto params = DmTable::parseParams(table->params);
    const auto status = DmTable::parseStatus(info->params);
    if (!params || !status || status->blockSize == 0 || status->blockSize > 128) {
        out.error = {Errors::Failed, QStringLiteral("%1 reports an unexpected table or status").arg(name)};
        return out;
    }
    auto busy = [&] { out.error = busyError(name); };
    // The partition devices kpartx made (56-dm-remap.rules) hold the pair
    // open: they go first, unless one of them is in use. Udev makes them
    // again when the pair's device is resumed after a refusal.
    const QList<DeviceMapper::Info> partitions = DeviceMapper::partitionsOf(uuidFor(name), &error);
    for (const DeviceMapper::Info &part : partitions) {
        if (!closedSoon(part.name)) {
            out.error = busyError(part.name);
            return out;
        }
    }
    for (const DeviceMapper::Info &part : partitions) {
        if (!DeviceMapper::remove(part.name, &error)) {
            out.error = {Errors::Failed, error};
            return out;
        }
    }
    if (!closedSoon(name)) {
        busy();
        return out;
    }
    // Suspended, the device takes no I/O: the remap list is final and the
    // spare slots hold the newest data of every moved block.
    if (!DeviceMapper::suspend(name, &error)) {
        out.error = {Errors::Failed, error};
        return out;
    }
    auto resumeWith = [&](const Error &why) {
        out.error = why;
        QString resumeError;
        if (!DeviceMapper::resume(name, &resumeError))
            out.error.message += QStringLiteral("; resuming %1 failed too: %2").arg(name, resumeError);
    };
    const auto suspended = DeviceMapper::status(name, &error);
    if (!suspended || suspended->openCount > 0) {
        busy();
        resumeWith(out.error);
        return out;
    }
    const Tables remaps = readRemaps(name, 0, std::numeric_limits<quint64>::max());
    const Tables pending = readPending(name);
    if (remaps.error.isError() || pending.error.isError()) {
        resumeWith(remaps.error.isError() ? remaps.error : pending.error);
        return out;
    }
    // A moved block the kernel also lists as pending holds sectors that could
    // not be read from the main disk: its slot has no data for them, so
    // writing it back would turn them into zeros that read without error.
    // It stays out and counts as not written back.
    const QSet<qulonglong> unreadable(pending.pending.cbegin(), pending.pending.cend());
    DmRemap::RemapList whole;
    QList<qulonglong> partial;
    for (const DmRemap::Remap &r : remaps.remaps) {
        if (unreadable.contains(r.mainSector))
            partial << r.mainSector;
        else
            whole << r;
    }
    WriteBack back = writeBack(makedev(params->mainMajor, params->mainMinor),
                               makedev(params->spareMajor, params->spareMinor), status->blockSize, whole);
    if (!partial.isEmpty()) {
        back.failed += quint64(partial.size());
        if (back.firstFailure.isEmpty())
            back.firstFailure = QStringLiteral("the block at sector %1 holds sectors that could not be read from the main disk")
                                        .arg(partial.first());
    }
    if (back.failed > 0 && !force) {
        resumeWith({Errors::DataOnSpare,
                    QStringLiteral("%1 of %2 moved blocks could not be written back to the main disk (%3): their newest "
                                   "data is only on the spare, so removing the pair would lose %1 blocks. Replace the "
                                   "main disk, or remove with force to accept the loss. Nothing was removed.")
                            .arg(back.failed).arg(remaps.remaps.size()).arg(back.firstFailure)});
        return out;
    }
    if (!DeviceMapper::remove(name, &error)) {
        resumeWith({Errors::Failed, error});
        return out;
    }
    if (!forgetRecord(stateDir, name, &error))
        out.error = {Errors::Failed, QStringLiteral("/dev/mapper/%1 is removed, but its record is not: %2").arg(name, error)};
    Udev udev;
    QList<DiskInfo> disks;
    for (const dev_t devnum : {makedev(params->mainMajor, params->mainMinor), makedev(params->spareMajor, params->spareMinor)})
        if (const auto disk = Disks::fromDevnum(udev, devnum))
            disks << *disk;
    announceRecordChange(udev, disks, false);
    out.writtenBack = back.written;
    out.lost = back.failed;
    out.unreadable = quint64(pending.pending.size());
    return out;
}

RemapOutcome remap(const QString &name, quint64 sector)
{
    RemapOutcome out;
    QString error;
    int code = 0;
    const auto answer = DeviceMapper::message(remapTarget(name), QStringLiteral("remap %1").arg(sector), &error, &code);
    if (!answer) {
        if (code == EBUSY)
            out.error = {Errors::Busy, QStringLiteral("%1 is suspended").arg(name)};
        else if (code == ENOSPC)
            out.error = {Errors::Failed, QStringLiteral("the spare of %1 is full").arg(name)};
        else if (code == EROFS)
            out.error = {Errors::Failed, QStringLiteral("%1 is loaded read-only").arg(name)};
        else if (code == EIO)
            out.error = {Errors::Failed, QStringLiteral("the spare's metadata of %1 cannot be written (state metadata_error)").arg(name)};
        else
            out.error = {Errors::Failed, error};
        return out;
    }
    const auto parsed = DmTable::parseRemapAnswer(*answer);
    if (!parsed) {
        out.error = {Errors::Failed, QStringLiteral("unexpected answer from the kernel: %1").arg(sanitize(*answer, 100))};
        return out;
    }
    out.answer = *parsed;
    return out;
}

// Lines per "list" or "pending" message. The kernel never cuts an answer
// short (libdevmapper grows its buffer until it fits); small pages keep each
// message's walk short.
constexpr quint64 kPage = 256;

// Up to maxPages pages of "list" or "pending" by sector, from read->from,
// until a short page: each page starts after the last sector of the one
// before, so remaps made meanwhile never repeat a line. The first read->skip
// entries are left out.
template<typename Entry, typename Parse, typename SectorOf>
static void readPaged(const QString &name, const QString &what, PagedRead *read, int maxPages, QList<Entry> *out,
                      Parse parse, SectorOf sectorOf)
{
    for (int pages = 0; !read->finished && pages < maxPages; ++pages) {
        if (quint64(out->size()) >= read->count) {
            read->finished = true;
            break;
        }
        const quint64 want = kPage;
        QString text;
        const auto answer = DeviceMapper::message(name, QStringLiteral("%1 %2 %3").arg(what).arg(read->from).arg(want), &text);
        if (!answer) {
            read->tables.error = {Errors::Failed, text};
            read->finished = true;
            return;
        }
        bool ok = false;
        const QList<Entry> page = parse(*answer, &ok);
        if (!ok || quint64(page.size()) > want || (!page.isEmpty() && sectorOf(page.first()) < read->from)) {
            read->tables.error = {Errors::Failed, QStringLiteral("the kernel's %1 list of %2 is malformed").arg(what, name)};
            read->finished = true;
            return;
        }
        for (const Entry &entry : page) {
            if (read->skip)
                --read->skip;
            else if (quint64(out->size()) < read->count)
                out->append(entry);
        }
        if (quint64(page.size()) < want) {
            read->finished = true;
            break;
        }
        read->from = sectorOf(page.last()) + 1;
    }
}

void readPages(const QString &pairName, PagedRead *read, int maxPages)
{
    const QString name = remapTarget(pairName);
    if (read->remaps)
        readPaged(name, QStringLiteral("list"), read, maxPages, &read->tables.remaps, DmTable::parseList,
                  [](const DmRemap::Remap &r) { return r.mainSector; });
    else
        readPaged(name, QStringLiteral("pending"), read, maxPages, &read->tables.pending, DmTable::parsePending,
                  [](qulonglong sector) { return quint64(sector); });
}

Tables readRemaps(const QString &name, quint64 offset, quint64 count)
{
    PagedRead read;
    read.skip = offset;
    read.count = count;
    readPages(name, &read, std::numeric_limits<int>::max());
    return read.tables;
}

Tables readPending(const QString &name)
{
    PagedRead read;
    read.remaps = false;
    read.count = std::numeric_limits<quint64>::max();
    readPages(name, &read, std::numeric_limits<int>::max());
    return read.tables;
}

} // namespace PairOperations

namespace PairOperations {

namespace {

// Regions of the mirror's in-memory log: small enough that a write during
// the copy rarely waits for a region being copied, few enough (at most 2^21)
// that the log's bitmaps stay small on any disk.
quint64 regionSectors(quint64 length)
{
    quint64 region = 1024;
    while (length / region > (quint64(1) << 21))
        region *= 2;
    return region;
}

QString devText(dev_t devnum)
{
    return QStringLiteral("%1:%2").arg(::major(devnum)).arg(::minor(devnum));
}

// The new disk of the mirror table startReplace loads:
// "core 1 <region> 2 <private> 0 <new> 0 1 handle_errors".
std::optional<dev_t> mirrorNewDisk(const QString &params)
{
    const QStringList fields = params.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    const QStringList parts = fields.size() >= 8 ? fields.at(6).split(QLatin1Char(':')) : QStringList();
    bool majorOk = false, minorOk = false;
    const dev_t devnum = parts.size() == 2 ? makedev(parts.at(0).toUInt(&majorOk), parts.at(1).toUInt(&minorOk)) : 0;
    if (!majorOk || !minorOk)
        return std::nullopt;
    return devnum;
}

// Sets (or, with an empty id, clears) the disk a pair's main disk is being
// replaced with in its record.
Error recordReplacement(const QString &stateDir, const QString &name, const QString &id, quint64 sectors)
{
    QString error;
    QList<PairRecord> records = PairRecords::load(stateDir, nullptr, &error);
    bool found = false;
    for (PairRecord &r : records) {
        if (r.name == name) {
            r.replaceId = id;
            r.replaceSectors = id.isEmpty() ? 0 : sectors;
            found = true;
        }
    }
    if (error.isEmpty() && !found)
        return {Errors::NotFound, QStringLiteral("pair %1 has no record on this system: import it first").arg(name)};
    if (error.isEmpty())
        PairRecords::save(stateDir, records, &error);
    if (!error.isEmpty())
        return {Errors::Failed, QStringLiteral("the record of pair %1 cannot be written: %2").arg(name, error)};
    return {};
}

std::optional<PairRecord> recordOf(const QString &stateDir, const QString &name)
{
    QString error;
    for (const PairRecord &r : PairRecords::load(stateDir, nullptr, &error))
        if (r.name == name)
            return r;
    return std::nullopt;
}

// Erases what is found on a disk nothing holds: signatures, and with
// spareMetadata the dm-remap superblocks too. Failures are logged only: the
// disk may be dying, and the data already is elsewhere.
void release(const DiskInfo &disk, bool spareMetadata)
{
    Fd fd(::open(QFile::encodeName(disk.path).constData(), O_RDWR | O_EXCL | O_CLOEXEC));
    struct stat st;
    if (fd.get() < 0 || fstat(fd.get(), &st) != 0 || st.st_rdev != disk.devnum) {
        qWarning("dm-remap-helper: cannot open %s to erase it: %s", qPrintable(disk.description()), strerror(errno));
        return;
    }
    if (spareMetadata) {
        const QByteArray zeros(SpareMetadata::kBytesNeeded, '\0');
        if (pwrite(fd.get(), zeros.constData(), zeros.size(), 0) != zeros.size())
            qWarning("dm-remap-helper: cannot erase the dm-remap metadata of %s: %s", qPrintable(disk.description()),
                     strerror(errno));
    }
    QString error;
    const QStringList erased = Signatures::eraseAll(fd.get(), &error);
    if (!error.isEmpty())
        qWarning("dm-remap-helper: cannot erase %s: %s", qPrintable(disk.description()), qPrintable(error));
    else if (!erased.isEmpty())
        qInfo("dm-remap-helper: erased from %s: %s", qPrintable(disk.description()), qPrintable(erased.join(QStringLiteral(", "))));
    fsync(fd.get());
    ioctl(fd.get(), BLKFLSBUF, 0);
}

} // namespace

// The mirror's status: "2 <dev> <dev> <in-sync>/<regions> 1 <health> ...",
// health one letter per leg: A alive, D write failed, S copy failed, R read
// failed, U unknown.
ReplaceProgress parseMirrorStatus(const QString &params, quint64 length)
{
    ReplaceProgress out;
    const QStringList t = params.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (t.size() < 6 || t.at(0) != QLatin1String("2")) {
        out.failure = QStringLiteral("unexpected mirror status: %1").arg(sanitize(params, 100));
        return out;
    }
    const QStringList counts = t.at(3).split(QLatin1Char('/'));
    bool syncOk = false, totalOk = false;
    const quint64 inSync = counts.size() == 2 ? counts.at(0).toULongLong(&syncOk) : 0;
    const quint64 regions = counts.size() == 2 ? counts.at(1).toULongLong(&totalOk) : 0;
    const QString health = t.at(5);
    if (!syncOk || !totalOk || regions == 0 || inSync > regions || health.size() != 2) {
        out.failure = QStringLiteral("unexpected mirror status: %1").arg(sanitize(params, 100));
        return out;
    }
    out.copying = true;
    out.total = length;
    out.copied = inSync == regions ? length : quint64((long double)(length) * inSync / regions);
    if (health.at(0) != QLatin1Char('A'))
        out.failure = QStringLiteral("the pair's own disks failed a %1 during the copy")
                              .arg(health.at(0) == QLatin1Char('D') ? QStringLiteral("write") : QStringLiteral("read"));
    else if (health.at(1) != QLatin1Char('A'))
        out.failure = QStringLiteral("the new disk failed a write during the copy");
    out.inSync = out.failure.isEmpty() && inSync == regions;
    return out;
}

QString replacingName(const QString &name)
{
    return name + QStringLiteral("+replacing");
}

QString remapTarget(const QString &name)
{
    QString error;
    const auto table = DeviceMapper::table(name, &error);
    return table && table->targetType == QLatin1String("mirror") ? replacingName(name) : name;
}

Error startReplace(const ReplaceRequest &request)
{
    const QString &name = request.name;
    QString error;
    const auto table = DeviceMapper::table(name, &error);
    const auto info = DeviceMapper::status(name, &error);
    if (table && table->targetType == QLatin1String("mirror"))
        return {Errors::Busy, QStringLiteral("the main disk of pair %1 is already being replaced").arg(name)};
    if (!table || !info || table->targetType != QLatin1String("remap"))
        return {Errors::NotFound, QStringLiteral("no dm-remap device named %1").arg(name)};
    auto params = DmTable::parseParams(table->params);
    const auto status = DmTable::parseStatus(info->params);
    if (!params || !status)
        return {Errors::Failed, QStringLiteral("%1 reports an unexpected table or status").arg(name)};
    if (status->pending > 0)
        return {Errors::UnreadableBlocks,
                QStringLiteral("%1 blocks of pair %2 could not be read from the main disk, so there is nothing to copy for "
                               "them: write them again (restore those files from a backup), then replace the main disk")
                        .arg(status->pending).arg(name)};
    const auto record = recordOf(request.stateDir, name);
    if (!record)
        return {Errors::NotFound, QStringLiteral("pair %1 has no record on this system: import it first").arg(name)};
    const dev_t mainDev = makedev(params->mainMajor, params->mainMinor);
    const dev_t spareDev = makedev(params->spareMajor, params->spareMinor);
    if (request.newDisk.devnum == mainDev || request.newDisk.devnum == spareDev)
        return {Errors::SameDisk, QStringLiteral("%1 is a disk of pair %2 already").arg(request.newDisk.description(), name)};
    Udev udev;
    DiskInfo disk;
    Error checked = recheck(udev, request.newDisk, &disk);
    if (checked.isError())
        return checked;
    if (disk.sectors() < table->length)
        return {Errors::DiskTooSmall, QStringLiteral("%1 has %2 sectors; pair %3 needs %4")
                                              .arg(disk.description()).arg(disk.sectors()).arg(name).arg(table->length)};
    const auto main = Disks::fromDevnum(udev, mainDev);
    if (main && disk.logicalBlockSize > main->logicalBlockSize)
        return {Errors::InvalidArgument, QStringLiteral("%1 has %2-byte logical blocks, larger than the main disk's %3")
                                                 .arg(disk.description()).arg(disk.logicalBlockSize).arg(main->logicalBlockSize)};
    const QString id = disk.mainId();
    if (id.isEmpty())
        return {Errors::NotSupported, QStringLiteral("%1 has neither a WWN nor a serial number, so it could not be told "
                                                     "apart from other disks after a restart").arg(disk.description())};
    Fd held;
    if ((checked = hold(disk, &held)).isError())
        return checked;
    {
        Fd fd;
        if ((checked = openExclusive(disk, O_RDWR, &fd)).isError())
            return checked;
        const QStringList erased = Signatures::eraseAll(fd.get(), &error);
        if (!error.isEmpty())
            return {Errors::Failed, QStringLiteral("cannot erase %1: %2").arg(disk.description(), error)};
        if (!erased.isEmpty())
            qInfo("dm-remap-helper: erased from %s: %s", qPrintable(disk.description()), qPrintable(erased.join(QStringLiteral(", "))));
        ioctl(fd.get(), BLKFLSBUF, 0);
    }
    // From here the new disk holds (part of) the pair's data: hidden like
    // the pair's own disks before the first byte is copied.
    if ((checked = recordReplacement(request.stateDir, name, id, disk.sectors())).isError())
        return checked;
    announceRecordChange(udev, {disk}, true);
    auto undo = [&](const QString &why) {
        QString ignored;
        DeviceMapper::remove(replacingName(name), &ignored);
        DeviceMapper::resume(name, &ignored);
        recordReplacement(request.stateDir, name, QString(), 0);
        announceRecordChange(udev, {disk}, false);
        return Error{Errors::Failed, why};
    };
    // Suspended, the pair's remap target has committed every remap: the
    // private device reads the same metadata, and the suspended one writes
    // nothing more before it is destroyed at the resume.
    if (!DeviceMapper::suspend(name, &error))
        return undo(error);
    params->format = false;
    if (!DeviceMapper::createPrivate(replacingName(name), QLatin1String(DeviceMapper::kReplacingUuidPrefix) + name,
                                     table->length, DmTable::buildParams(*params), &error))
        return undo(error);
    const auto inner = DeviceMapper::status(replacingName(name), &error);
    if (!inner)
        return undo(error);
    // handle_errors: without it a region the copy could not read counts as
    // copied. With it, a failed leg shows in the status and a write the new
    // disk failed waits until the helper (polling every second) loads the
    // remap target again, which then takes it (noflush suspend).
    const QString mirror = QStringLiteral("core 1 %1 2 %2 0 %3 0 1 handle_errors")
                                   .arg(regionSectors(table->length))
                                   .arg(devText(inner->devnum), devText(disk.devnum));
    if (!DeviceMapper::reload(name, QStringLiteral("mirror"), table->length, mirror, &error))
        return undo(error);
    if (!DeviceMapper::resume(name, &error))
        return undo(error);
    if ((checked = checkStillThere(disk)).isError()) {
        cancelReplace(request.stateDir, name);
        return checked;
    }
    qInfo("dm-remap-helper: pair %s: copying to %s", qPrintable(name), qPrintable(disk.description()));
    return {};
}

ReplaceProgress replaceProgress(const QString &name)
{
    QString error;
    const auto status = DeviceMapper::status(name, &error);
    if (!status || status->targetType != QLatin1String("mirror"))
        return {};
    return parseMirrorStatus(status->params, status->length);
}

Error finishReplace(const QString &stateDir, const QString &name)
{
    QString error;
    const auto table = DeviceMapper::table(name, &error);
    const auto innerTable = DeviceMapper::table(replacingName(name), &error);
    if (!table || table->targetType != QLatin1String("mirror") || !innerTable)
        return {Errors::NotFound, QStringLiteral("the main disk of pair %1 is not being replaced").arg(name)};
    const auto params = DmTable::parseParams(innerTable->params);
    const auto newDisk = mirrorNewDisk(table->params);
    if (!newDisk || !params)
        return {Errors::Failed, QStringLiteral("%1 has an unexpected table").arg(name)};
    const QString newDev = devText(*newDisk);
    if (!DeviceMapper::suspend(name, &error, true))
        return {Errors::Failed, error};
    // Suspending waited for the writes in flight: one the new disk failed
    // just now leaves its region to copy again.
    const auto inner = DeviceMapper::status(replacingName(name), &error);
    const auto innerStatus = inner ? DmTable::parseStatus(inner->params) : std::nullopt;
    if (!replaceProgress(name).inSync || !innerStatus || innerStatus->pending > 0) {
        DeviceMapper::resume(name, &error);
        return {Errors::Busy, QStringLiteral("pair %1 is not completely copied yet").arg(name)};
    }
    if (!DeviceMapper::reload(name, QStringLiteral("linear"), table->length, newDev + QStringLiteral(" 0"), &error)) {
        QString ignored;
        DeviceMapper::resume(name, &ignored);
        return {Errors::Failed, error};
    }
    if (!DeviceMapper::resume(name, &error))
        return {Errors::Failed, error};
    qInfo("dm-remap-helper: pair %s: /dev/mapper/%s is now %s alone", qPrintable(name), qPrintable(name), qPrintable(newDev));
    if (!DeviceMapper::remove(replacingName(name), &error))
        qWarning("dm-remap-helper: cannot remove %s: %s", qPrintable(replacingName(name)), qPrintable(error));
    if (!forgetRecord(stateDir, name, &error))
        qWarning("dm-remap-helper: the record of pair %s cannot be removed: %s", qPrintable(name), qPrintable(error));
    Udev udev;
    QList<DiskInfo> released;
    for (const dev_t devnum : {makedev(params->mainMajor, params->mainMinor), makedev(params->spareMajor, params->spareMinor)}) {
        if (const auto disk = Disks::fromDevnum(udev, devnum)) {
            release(*disk, devnum == makedev(params->spareMajor, params->spareMinor));
            released << *disk;
        }
    }
    // The new disk stays hidden until the next start: its partitions are
    // the pair's, in use under /dev/mapper/<name>.
    announceRecordChange(udev, released, false);
    return {};
}

Error cancelReplace(const QString &stateDir, const QString &name)
{
    QString error;
    const auto table = DeviceMapper::table(name, &error);
    const auto record = recordOf(stateDir, name);
    if (!table)
        return {Errors::NotFound, QStringLiteral("no dm-remap device named %1").arg(name)};
    const bool copying = table->targetType == QLatin1String("mirror");
    if (!copying && (!record || record->replaceId.isEmpty()))
        return {Errors::NotFound, QStringLiteral("the main disk of pair %1 is not being replaced").arg(name)};
    dev_t newDev = 0;
    if (copying) {
        const auto inner = DeviceMapper::table(replacingName(name), &error);
        auto params = inner ? DmTable::parseParams(inner->params) : std::nullopt;
        const auto newDisk = mirrorNewDisk(table->params);
        if (!params || !newDisk)
            return {Errors::Failed, QStringLiteral("%1 has an unexpected table").arg(name)};
        newDev = *newDisk;
        // The private device commits its remaps when suspended; the pair's
        // device then loads the remap target again, which reads them and
        // takes the writes the mirror held back.
        if (!DeviceMapper::suspend(name, &error, true))
            return {Errors::Failed, error};
        params->format = false;
        if (!DeviceMapper::suspend(replacingName(name), &error)
            || !DeviceMapper::reload(name, QStringLiteral("remap"), table->length, DmTable::buildParams(*params), &error)) {
            QString ignored;
            DeviceMapper::resume(replacingName(name), &ignored);
            DeviceMapper::resume(name, &ignored);
            return {Errors::Failed, error};
        }
        if (!DeviceMapper::resume(name, &error))
            return {Errors::Failed, error};
        if (!DeviceMapper::remove(replacingName(name), &error))
            qWarning("dm-remap-helper: cannot remove %s: %s", qPrintable(replacingName(name)), qPrintable(error));
    }
    Udev udev;
    std::optional<DiskInfo> disk;
    if (newDev)
        disk = Disks::fromDevnum(udev, newDev);
    else
        for (const DiskInfo &d : Disks::enumerate(udev))
            if (d.mainId() == record->replaceId && d.sectors() == record->replaceSectors)
                disk = d;
    if (disk)
        release(*disk, false);
    const Error recorded = recordReplacement(stateDir, name, QString(), 0);
    if (disk)
        announceRecordChange(udev, {*disk}, false);
    return recorded;
}

} // namespace PairOperations
