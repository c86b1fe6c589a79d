#include "pairoperations.h"

#include "devicemapper.h"
#include "sparemetadata.h"

#include <QFile>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <memory>
#include <fcntl.h>
#include <linux/fs.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

using namespace Validation;

namespace PairOperations {

namespace {

// Lines per "list" message: 256 lines of at most 42 bytes stay well inside
// libdevmapper's smallest ioctl buffer, so a short page really means the end.
constexpr quint64 kListPage = 256;

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

QString describe(const DiskInfo &d)
{
    QString text = d.path;
    const QString who = QStringList{d.model, d.serial}.join(QLatin1Char(' ')).trimmed();
    if (!who.isEmpty())
        text += QStringLiteral(" (%1)").arg(who);
    return text;
}

// Opens a disk exclusively (fails while mounted or held by dm/md) and checks
// that the node still is the device that was enumerated.
Error openExclusive(const DiskInfo &disk, int flags, Fd *out)
{
    const int fd = ::open(QFile::encodeName(disk.path).constData(), flags | O_EXCL | O_CLOEXEC);
    if (fd < 0) {
        const int e = errno;
        if (e == EBUSY)
            return {Errors::InUse, QStringLiteral("%1 is in use (mounted, or held by another device)").arg(describe(disk))};
        return {Errors::Failed, QStringLiteral("cannot open %1: %2").arg(describe(disk), QString::fromLocal8Bit(strerror(e)))};
    }
    out->reset(fd);
    struct stat st;
    quint64 bytes = 0;
    if (fstat(fd, &st) != 0 || !S_ISBLK(st.st_mode) || st.st_rdev != disk.devnum)
        return {Errors::DeviceChanged, QStringLiteral("%1 is no longer the disk that was listed").arg(disk.path)};
    if (ioctl(fd, BLKGETSIZE64, &bytes) != 0 || bytes != disk.sizeBytes)
        return {Errors::DeviceChanged, QStringLiteral("%1 changed size").arg(disk.path)};
    return {};
}

// The disk behind devnum now, which must be the one the caller saw.
Error recheck(const Udev &udev, const DiskInfo &seen, DiskInfo *now)
{
    const auto live = Disks::fromDevnum(udev, seen.devnum);
    if (!live || live->id != seen.id || live->serial != seen.serial || live->wwn != seen.wwn
        || live->sizeBytes != seen.sizeBytes)
        return {Errors::DeviceChanged, QStringLiteral("%1 is no longer the disk that was listed").arg(seen.path)};
    *now = *live;
    if (now->inUse)
        return {Errors::InUse, QStringLiteral("%1 is in use: %2").arg(describe(*now), now->inUseReason)};
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

} // namespace

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
                                                          "could not be found again at boot").arg(describe(main))};
        return out;
    }
    if (spareCapacity(spare.sectors(), request.options.blockSize) == 0) {
        out.error = {Errors::SpareTooSmall, QStringLiteral("%1 (%2 KiB) is too small for the metadata and one block")
                                                    .arg(describe(spare)).arg(spare.sizeBytes / 1024)};
        return out;
    }
    {
        Fd mainFd, spareFd;
        if ((out.error = openExclusive(main, O_RDONLY, &mainFd)).isError()
            || (out.error = openExclusive(spare, O_RDWR, &spareFd)).isError())
            return out;
        // The caller agreed to lose the spare's contents: forget any old
        // dm-remap metadata so the target formats it afresh.
        const QByteArray zeros(SpareMetadata::kBytesNeeded, '\0');
        if (pwrite(spareFd.get(), zeros.constData(), zeros.size(), 0) != zeros.size() || fsync(spareFd.get()) != 0) {
            out.error = {Errors::Failed, QStringLiteral("cannot write to %1: %2").arg(describe(spare), QString::fromLocal8Bit(strerror(errno)))};
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
    out.error = verifyCreated(request.name, main.devnum, spare.devnum);
    if (out.error.isError()) {
        QString ignored;
        DeviceMapper::remove(request.name, &ignored);
        return out;
    }
    out.created << request.name;
    return out;
}

Outcome assemble(const QSet<QString> &existing, int room)
{
    Outcome out;
    Udev udev;
    const QList<DiskInfo> disks = Disks::enumerate(udev);
    for (const DiskInfo &spare : disks) {
        if (spare.inUse)
            continue;
        QByteArray head(SpareMetadata::kBytesNeeded, '\0');
        {
            Fd fd(::open(QFile::encodeName(spare.path).constData(), O_RDONLY | O_CLOEXEC));
            if (fd.get() < 0 || pread(fd.get(), head.data(), head.size(), 0) != head.size())
                continue;
        }
        const SpareMetadata meta = SpareMetadata::decode(head);
        if (!meta.valid) {
            if (meta.hasMagic)
                out.notes << QStringLiteral("%1: damaged dm-remap metadata (%2)").arg(describe(spare), meta.error);
            continue;
        }
        if (!isValidPairName(meta.label) || meta.mainId.isEmpty()) {
            out.notes << QStringLiteral("%1: the metadata records no usable pair name or main disk identity").arg(describe(spare));
            continue;
        }
        if (existing.contains(meta.label) || out.created.contains(meta.label)) {
            out.notes << QStringLiteral("%1: a device named %2 exists already").arg(describe(spare), meta.label);
            continue;
        }
        const DiskInfo *main = nullptr;
        for (const DiskInfo &candidate : disks)
            if (candidate.devnum != spare.devnum && candidate.mainId() == meta.mainId
                && candidate.sectors() == meta.mainSectors)
                main = &candidate;
        if (!main) {
            out.notes << QStringLiteral("%1: pair %2 waits for its main disk %3").arg(describe(spare), meta.label, meta.mainId);
            continue;
        }
        if (main->inUse) {
            out.notes << QStringLiteral("%1: main disk %2 of pair %3 is in use: %4")
                                 .arg(describe(spare), main->path, meta.label, main->inUseReason);
            continue;
        }
        if (room <= 0) {
            out.notes << QStringLiteral("pair %1 not assembled: too many pairs").arg(meta.label);
            continue;
        }
        DmTable::Params params;
        params.mainMajor = ::major(main->devnum);
        params.mainMinor = ::minor(main->devnum);
        params.spareMajor = ::major(spare.devnum);
        params.spareMinor = ::minor(spare.devnum);
        params.mainId = meta.mainId;
        params.label = meta.label;
        QString error;
        if (!DeviceMapper::create(meta.label, uuidFor(meta.label), meta.mainSectors, DmTable::buildParams(params), &error)) {
            out.notes << QStringLiteral("pair %1: %2").arg(meta.label, error);
            continue;
        }
        const Error verified = verifyCreated(meta.label, main->devnum, spare.devnum);
        if (verified.isError()) {
            QString ignored;
            DeviceMapper::remove(meta.label, &ignored);
            out.notes << QStringLiteral("pair %1: %2").arg(meta.label, verified.message);
            continue;
        }
        out.created << meta.label;
        --room;
    }
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

} // namespace

RemoveOutcome remove(const QString &name, bool force)
{
    RemoveOutcome out;
    QString error;
    const auto info = DeviceMapper::status(name, &error);
    const auto table = DeviceMapper::table(name, &error);
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
    auto busy = [&] {
        out.error = {Errors::Busy, QStringLiteral("/dev/mapper/%1 is open (mounted or in use); unmount it first").arg(name)};
    };
    if (info->openCount > 0) {
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
    const WriteBack back = writeBack(makedev(params->mainMajor, params->mainMinor),
                                     makedev(params->spareMajor, params->spareMinor), status->blockSize, remaps.remaps);
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
    const auto answer = DeviceMapper::message(name, QStringLiteral("remap %1").arg(sector), &error, &code);
    if (!answer) {
        if (code == EBUSY)
            out.error = {Errors::Busy, QStringLiteral("%1 is suspended").arg(name)};
        else if (code == ENOSPC)
            out.error = {Errors::Failed, QStringLiteral("the spare of %1 is full").arg(name)};
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

Tables readRemaps(const QString &name, quint64 offset, quint64 count)
{
    Tables out;
    while (quint64(out.remaps.size()) < count) {
        const quint64 want = qMin(kListPage, count - quint64(out.remaps.size()));
        QString error;
        const auto answer = DeviceMapper::message(
                name, QStringLiteral("list %1 %2").arg(offset + quint64(out.remaps.size())).arg(want), &error);
        if (!answer) {
            out.error = {Errors::Failed, error};
            return out;
        }
        bool ok = false;
        const DmRemap::RemapList page = DmTable::parseList(*answer, &ok);
        if (!ok || quint64(page.size()) > want
            || (!out.remaps.isEmpty() && !page.isEmpty() && page.first().mainSector <= out.remaps.last().mainSector)) {
            out.error = {Errors::Failed, QStringLiteral("the kernel's remap list of %1 is malformed").arg(name)};
            return out;
        }
        out.remaps += page;
        if (quint64(page.size()) < want)
            break;
    }
    return out;
}

Tables readPending(const QString &name)
{
    Tables out;
    QString error;
    const auto answer = DeviceMapper::message(name, QStringLiteral("pending"), &error);
    if (!answer) {
        out.error = {Errors::Failed, error};
        return out;
    }
    bool ok = false;
    out.pending = DmTable::parsePending(*answer, &ok);
    if (!ok)
        out.error = {Errors::Failed, QStringLiteral("the kernel's pending list of %1 is malformed").arg(name)};
    return out;
}

} // namespace PairOperations
