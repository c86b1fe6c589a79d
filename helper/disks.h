// Whole disks as the kernel and udev see them: identity (model, serial,
// WWN), geometry, transport and whether something uses them. Reads sysfs
// through libudev; identity comes from sysfs first so it is the same with
// or without a running udev daemon (the on-disk main_id depends on it).
#pragma once

#include "dbustypes.h"
#include "validation.h"

#include <QHash>
#include <QList>
#include <QString>
#include <optional>
#include <sys/types.h>

struct udev;
struct udev_device;

struct DiskInfo {
    QString id;      // stable identifier, also the object path element
    QString name;    // kernel name, e.g. sda
    QString path;    // /dev/<name>
    QString syspath;
    dev_t devnum = 0;
    // The kernel's sequence number of this disk (/sys/block/X/diskseq):
    // never the same for two disks, nor for one disk unplugged and plugged
    // again or whose medium changed, during one boot; 0 on kernels before 5.15.
    quint64 diskseq = 0;
    QString model, vendor, serial, wwn; // sanitized
    quint64 sizeBytes = 0;
    uint logicalBlockSize = 512;
    uint physicalBlockSize = 512;
    bool rotational = false;
    QString kind;      // hdd, ssd, nvme
    QString transport; // ata, nvme, usb, scsi, virtio, mmc, unknown
    bool removable = false; // USB, or the kernel's removable flag
    bool inUse = false;
    QString inUseReason;
    DmRemap::ReasonList inUseReasons; // "mounted" (mount-point), "swap", "held" (holders)
    QList<dev_t> partitions;

    quint64 sectors() const { return sizeBytes / 512; }
    // The identity recorded in a spare's metadata for this disk as main.
    QString mainId() const { return Validation::mainIdFor(wwn, serial); }
    // "/dev/sdb (WDC WD20EARS WD-WMAZA1234567)", for messages and dialogs.
    QString description() const;
    // Both describe the same physical disk: device number, diskseq, serial,
    // WWN and size.
    bool sameDisk(const DiskInfo &other) const;
};

class Udev
{
public:
    Udev();
    ~Udev();
    Udev(const Udev &) = delete;
    Udev &operator=(const Udev &) = delete;
    struct udev *handle() const { return m_udev; }

private:
    struct udev *m_udev;
};

namespace Disks {

// Every whole, non-virtual disk with a non-zero size (no loop, dm, md, ram,
// zram, optical or floppy drives). Ids are made unique.
QList<DiskInfo> enumerate(const Udev &udev);

// One whole disk by device number; nullopt when it is not one.
std::optional<DiskInfo> fromDevnum(const Udev &udev, dev_t devnum);

// A disk's info from its udev device; nullopt when it is not a whole disk
// the helper handles.
std::optional<DiskInfo> fromDevice(udev_device *device);

// The id for a disk: WWN, else serial, else kernel name, escaped for an
// object path.
QString idFor(const DiskInfo &disk);

// A path a user typed: symlinks and ".." are followed, the result must be a
// block device that udev knows as a whole disk. On failure, error is set.
struct ResolvedPath {
    dev_t devnum = 0;
    QString devicePath; // /dev/<kernel name>
};
ResolvedPath resolveWholeDiskPath(const Udev &udev, const QString &path, Validation::Error *error);

// The diskseq of the disk open on fd (BLKGETDISKSEQ); 0 when the kernel
// has none.
quint64 diskseqOf(int fd);

// The diskseq of the disk with that device number now; 0 when it has none,
// nullopt when there is no such disk.
std::optional<quint64> diskseqOf(dev_t devnum);

// Object path elements for disks, one per physical disk for the helper's
// whole life: a disk that is unplugged and plugged again, or another disk
// with the same WWN, serial or kernel name, gets an id of its own, so that a
// path a client (or a polkit dialog) named never leads to another disk.
class Ids
{
public:
    // The id of this disk: disk.id if it never named another disk, else
    // disk.id with a suffix "_<n>".
    QString assign(const DiskInfo &disk);

private:
    QHash<QString, QString> m_owner; // id -> identity of its disk
    QHash<QString, QString> m_ids;   // identity of a disk -> id
};

// The mount point of the first /proc/self/mountinfo line whose device
// (major:minor) is one of devices, else empty.
QString mountedOn(const QByteArray &mountinfo, const QList<dev_t> &devices);

// Fills inUse/inUseReason from mounts, swaps and holders.
void checkInUse(DiskInfo *disk);

} // namespace Disks
