#include "disks.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <fcntl.h>
#include <libudev.h>
#include <linux/fs.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>

using Validation::sanitize;

Udev::Udev()
    : m_udev(udev_new())
{
}

Udev::~Udev()
{
    if (m_udev)
        udev_unref(m_udev);
}

QString DiskInfo::description() const
{
    const QString who = QStringList{model, serial}.join(QLatin1Char(' ')).trimmed();
    return who.isEmpty() ? path : QStringLiteral("%1 (%2)").arg(path, who);
}

bool DiskInfo::sameDisk(const DiskInfo &other) const
{
    return devnum == other.devnum && diskseq == other.diskseq && serial == other.serial && wwn == other.wwn
            && sizeBytes == other.sizeBytes;
}

namespace Disks {

namespace {

QByteArray readSysfs(const QString &path, qint64 limit = 4096)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.read(limit);
}

QString sysfsText(const QString &path)
{
    return sanitize(readSysfs(path), 128);
}

quint64 sysfsNumber(const QString &path, quint64 fallback)
{
    bool ok = false;
    const quint64 v = readSysfs(path, 64).trimmed().toULongLong(&ok);
    return ok ? v : fallback;
}

QString property(udev_device *device, const char *key)
{
    return sanitize(QByteArray(udev_device_get_property_value(device, key)), 128);
}

// SCSI VPD page 0x80 (unit serial number): 4-byte header, then the serial.
QString vpdSerial(const QString &syspath)
{
    const QByteArray page = readSysfs(syspath + QLatin1String("/device/vpd_pg80"));
    if (page.size() < 4 || uchar(page.at(1)) != 0x80)
        return {};
    const int length = (uchar(page.at(2)) << 8) | uchar(page.at(3));
    return sanitize(page.mid(4, length), 128);
}

bool isWwnString(const QString &wwid)
{
    return wwid.startsWith(QLatin1String("naa.")) || wwid.startsWith(QLatin1String("eui."))
            || wwid.startsWith(QLatin1String("uuid."));
}

QString transportOf(const QString &name, const QString &syspath)
{
    if (syspath.contains(QLatin1String("/usb")))
        return QStringLiteral("usb");
    if (name.startsWith(QLatin1String("nvme")))
        return QStringLiteral("nvme");
    if (syspath.contains(QLatin1String("/virtio")))
        return QStringLiteral("virtio");
    if (name.startsWith(QLatin1String("mmcblk")))
        return QStringLiteral("mmc");
    if (syspath.contains(QLatin1String("/ata")))
        return QStringLiteral("ata");
    if (syspath.contains(QLatin1String("/host")))
        return QStringLiteral("scsi");
    return QStringLiteral("unknown");
}

dev_t devnumOfPath(const QByteArray &path)
{
    struct stat st;
    if (stat(path.constData(), &st) != 0 || !S_ISBLK(st.st_mode))
        return 0;
    return st.st_rdev;
}

} // namespace

QString idFor(const DiskInfo &disk)
{
    if (!disk.wwn.isEmpty())
        return Validation::escapePathElement(disk.wwn);
    if (!disk.serial.isEmpty())
        return Validation::escapePathElement(disk.serial);
    return Validation::escapePathElement(disk.name);
}

std::optional<DiskInfo> fromDevice(udev_device *device)
{
    if (!device || qstrcmp(udev_device_get_subsystem(device), "block") != 0
        || qstrcmp(udev_device_get_devtype(device), "disk") != 0)
        return std::nullopt;
    DiskInfo d;
    d.syspath = QString::fromUtf8(udev_device_get_syspath(device));
    d.name = QString::fromUtf8(udev_device_get_sysname(device));
    d.devnum = udev_device_get_devnum(device);
    const unsigned int major = ::major(d.devnum);
    // Virtual devices (loop, dm, md, ram, zram, nbd) and optical/floppy drives.
    if (d.syspath.contains(QLatin1String("/devices/virtual/")) || major == 11 || major == 2)
        return std::nullopt;
    d.path = QStringLiteral("/dev/") + d.name;
    const QString block = d.syspath;
    d.diskseq = sysfsNumber(block + QLatin1String("/diskseq"), 0);
    d.sizeBytes = sysfsNumber(block + QLatin1String("/size"), 0) * 512;
    if (d.sizeBytes == 0)
        return std::nullopt;
    d.logicalBlockSize = uint(sysfsNumber(block + QLatin1String("/queue/logical_block_size"), 512));
    d.physicalBlockSize = uint(sysfsNumber(block + QLatin1String("/queue/physical_block_size"), d.logicalBlockSize));
    d.rotational = sysfsNumber(block + QLatin1String("/queue/rotational"), 0) == 1;
    d.transport = transportOf(d.name, d.syspath);
    d.removable = d.transport == QLatin1String("usb") || sysfsNumber(block + QLatin1String("/removable"), 0) == 1;
    d.kind = d.transport == QLatin1String("nvme") ? QStringLiteral("nvme")
                                                   : (d.rotational ? QStringLiteral("hdd") : QStringLiteral("ssd"));

    d.model = sysfsText(block + QLatin1String("/device/model"));
    if (d.model.isEmpty())
        d.model = property(device, "ID_MODEL");
    d.vendor = sysfsText(block + QLatin1String("/device/vendor"));

    if (d.transport == QLatin1String("nvme"))
        d.serial = sysfsText(block + QLatin1String("/device/serial"));
    else if (d.transport == QLatin1String("virtio"))
        d.serial = sysfsText(block + QLatin1String("/serial"));
    else
        d.serial = vpdSerial(block);
    if (d.serial.isEmpty())
        d.serial = property(device, "ID_SERIAL_SHORT");
    if (d.serial.isEmpty() && d.transport == QLatin1String("usb")) {
        // A USB disk's serial is the USB device's (udev's ID_SERIAL_SHORT).
        udev_device *usb = udev_device_get_parent_with_subsystem_devtype(device, "usb", "usb_device");
        if (usb)
            d.serial = sanitize(QByteArray(udev_device_get_sysattr_value(usb, "serial")), 128);
    }

    QString wwid = sysfsText(block + QLatin1String("/wwid"));
    if (wwid.isEmpty())
        wwid = sysfsText(block + QLatin1String("/device/wwid"));
    if (isWwnString(wwid))
        d.wwn = wwid;
    else
        d.wwn = property(device, "ID_WWN_WITH_EXTENSION");

    const QDir dir(block);
    for (const QString &entry : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        if (!QFile::exists(block + QLatin1Char('/') + entry + QLatin1String("/partition")))
            continue;
        const QList<QByteArray> mm = readSysfs(block + QLatin1Char('/') + entry + QLatin1String("/dev")).trimmed().split(':');
        if (mm.size() == 2)
            d.partitions << makedev(mm.at(0).toUInt(), mm.at(1).toUInt());
    }
    d.id = idFor(d);
    checkInUse(&d);
    return d;
}

std::optional<DiskInfo> fromDevnum(const Udev &udev, dev_t devnum)
{
    udev_device *device = udev_device_new_from_devnum(udev.handle(), 'b', devnum);
    if (!device)
        return std::nullopt;
    auto info = fromDevice(device);
    udev_device_unref(device);
    return info;
}

QList<DiskInfo> enumerate(const Udev &udev)
{
    QList<DiskInfo> out;
    udev_enumerate *e = udev_enumerate_new(udev.handle());
    if (!e)
        return out;
    udev_enumerate_add_match_subsystem(e, "block");
    udev_enumerate_add_match_property(e, "DEVTYPE", "disk");
    udev_enumerate_scan_devices(e);
    udev_list_entry *entry;
    udev_list_entry_foreach(entry, udev_enumerate_get_list_entry(e))
    {
        udev_device *device = udev_device_new_from_syspath(udev.handle(), udev_list_entry_get_name(entry));
        if (auto info = fromDevice(device))
            out << *info;
        if (device)
            udev_device_unref(device);
    }
    udev_enumerate_unref(e);
    // Two disks may share a serial (cheap bridges, clones): keep ids unique.
    for (int i = 0; i < out.size(); ++i)
        for (int j = i + 1; j < out.size(); ++j)
            if (out[j].id == out[i].id)
                out[j].id += QLatin1Char('_') + Validation::escapePathElement(out[j].name);
    return out;
}

ResolvedPath resolveWholeDiskPath(const Udev &udev, const QString &path, Validation::Error *error)
{
    ResolvedPath out;
    *error = {};
    if (path.isEmpty() || !path.startsWith(QLatin1Char('/'))) {
        *error = {Validation::Errors::InvalidArgument, QStringLiteral("a disk path must be absolute, like /dev/sda")};
        return out;
    }
    const QString canonical = QFileInfo(path).canonicalFilePath();
    if (canonical.isEmpty()) {
        *error = {Validation::Errors::NotFound, QStringLiteral("%1 does not exist").arg(sanitize(path))};
        return out;
    }
    struct stat st;
    if (stat(QFile::encodeName(canonical).constData(), &st) != 0 || !S_ISBLK(st.st_mode)) {
        *error = {Validation::Errors::InvalidArgument,
                  QStringLiteral("%1 is not a block device").arg(sanitize(canonical))};
        return out;
    }
    udev_device *device = udev_device_new_from_devnum(udev.handle(), 'b', st.st_rdev);
    if (!device) {
        *error = {Validation::Errors::NotFound, QStringLiteral("udev does not know %1").arg(sanitize(canonical))};
        return out;
    }
    const bool partition = qstrcmp(udev_device_get_devtype(device), "partition") == 0;
    const bool disk = qstrcmp(udev_device_get_devtype(device), "disk") == 0;
    out.devicePath = QStringLiteral("/dev/") + QString::fromUtf8(udev_device_get_sysname(device));
    udev_device_unref(device);
    if (!disk) {
        *error = {Validation::Errors::InvalidArgument,
                  partition ? QStringLiteral("%1 is a partition, not a whole disk").arg(sanitize(canonical))
                            : QStringLiteral("%1 is not a whole disk").arg(sanitize(canonical))};
        return out;
    }
    out.devnum = st.st_rdev;
    return out;
}

quint64 diskseqOf(int fd)
{
    quint64 seq = 0;
    return ioctl(fd, BLKGETDISKSEQ, &seq) == 0 ? seq : 0;
}

std::optional<quint64> diskseqOf(dev_t devnum)
{
    const QString dir = QStringLiteral("/sys/dev/block/%1:%2").arg(::major(devnum)).arg(::minor(devnum));
    if (!QFileInfo::exists(dir))
        return std::nullopt;
    return sysfsNumber(dir + QLatin1String("/diskseq"), 0);
}

QString Ids::assign(const DiskInfo &disk)
{
    // Without a diskseq (kernels before 5.15) the device number and the
    // disk's own identity are all there is.
    const QString identity = disk.diskseq
            ? QStringLiteral("seq %1").arg(disk.diskseq)
            : QStringLiteral("dev %1:%2 %3 %4").arg(::major(disk.devnum)).arg(::minor(disk.devnum)).arg(disk.wwn, disk.serial);
    if (const auto known = m_ids.constFind(identity); known != m_ids.constEnd())
        return *known;
    QString id = disk.id;
    for (int n = 2; m_owner.contains(id); ++n)
        id = disk.id + QStringLiteral("_%1").arg(n);
    m_owner.insert(id, identity);
    m_ids.insert(identity, id);
    return id;
}

QString mountedOn(const QByteArray &mountinfo, const QList<dev_t> &devices)
{
    // Field 3 is the mounted device's major:minor. The source after " - " is
    // free text (a FUSE mount may call itself /dev/sda), so it is not used.
    for (const QByteArray &line : mountinfo.split('\n')) {
        const QList<QByteArray> f = line.split(' ');
        if (f.size() < 5)
            continue;
        const QList<QByteArray> mm = f.at(2).split(':');
        bool okMajor = false, okMinor = false;
        const dev_t n = mm.size() == 2 ? makedev(mm.at(0).toUInt(&okMajor), mm.at(1).toUInt(&okMinor)) : 0;
        if (okMajor && okMinor && n != 0 && devices.contains(n))
            return sanitize(f.at(4), 200);
    }
    return {};
}

void checkInUse(DiskInfo *disk)
{
    QList<dev_t> devices = disk->partitions;
    devices.prepend(disk->devnum);
    auto isOurs = [&](dev_t n) { return n != 0 && devices.contains(n); };
    QStringList reasons;
    DmRemap::ReasonList codes;

    const QString mountPoint = mountedOn(readSysfs(QStringLiteral("/proc/self/mountinfo"), 4 << 20), devices);
    if (!mountPoint.isEmpty()) {
        reasons << QStringLiteral("mounted on %1").arg(mountPoint);
        codes << QVariantMap{{QStringLiteral("code"), QStringLiteral("mounted")}, {QStringLiteral("mount-point"), mountPoint}};
    }
    const QList<QByteArray> swaps = readSysfs(QStringLiteral("/proc/swaps"), 1 << 20).split('\n');
    for (int i = 1; i < swaps.size(); ++i) {
        const QByteArray file = swaps.at(i).split(' ').value(0).split('\t').value(0);
        if (!file.isEmpty() && isOurs(devnumOfPath(file))) {
            reasons << QStringLiteral("used as swap");
            codes << QVariantMap{{QStringLiteral("code"), QStringLiteral("swap")}};
        }
    }
    QStringList holders;
    QStringList dirs = {disk->syspath};
    for (const QString &entry : QDir(disk->syspath).entryList(QDir::Dirs | QDir::NoDotAndDotDot))
        if (QFile::exists(disk->syspath + QLatin1Char('/') + entry + QLatin1String("/partition")))
            dirs << disk->syspath + QLatin1Char('/') + entry;
    for (const QString &dir : std::as_const(dirs))
        holders << QDir(dir + QLatin1String("/holders")).entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::System);
    if (!holders.isEmpty()) {
        QStringList names;
        for (const QString &h : std::as_const(holders)) {
            const QString dmName = sysfsText(QStringLiteral("/sys/class/block/%1/dm/name").arg(h));
            names << (dmName.isEmpty() ? sanitize(h) : QStringLiteral("%1 (%2)").arg(sanitize(h), dmName));
        }
        reasons << QStringLiteral("held by %1").arg(names.join(QStringLiteral(", ")));
        codes << QVariantMap{{QStringLiteral("code"), QStringLiteral("held")}, {QStringLiteral("holders"), names}};
    }
    disk->inUse = !reasons.isEmpty();
    disk->inUseReason = reasons.join(QStringLiteral("; "));
    disk->inUseReasons = codes;
}

} // namespace Disks
