// The few device-mapper operations the helper needs, through libdevmapper:
// list remap devices, read table and status, send target messages, create
// and remove. Devices are always given to the kernel as major:minor.
// libdevmapper is not thread-safe: every function here runs on the thread
// that called setUp(), the helper's DmWorker; a call from any other thread is
// a bug and logged as one.
#pragma once

#include <QList>
#include <QString>
#include <QThread>
#include <optional>
#include <sys/types.h>

namespace DeviceMapper {

// Call once, on the thread that makes every later call, before any other
// function: without a udev daemon (the VM, an initramfs) libdevmapper must
// create /dev/mapper nodes itself.
void setUp();
// The thread that called setUp(), or nullptr before.
QThread *thread();

struct Info {
    QString name;
    QString uuid;
    dev_t devnum = 0;
    quint32 eventNr = 0;
    int openCount = 0;
    bool suspended = false;
    quint64 length = 0;   // sectors of the single target
    QString targetType;
    QString params;       // TABLE or STATUS parameters
};

// The dm uuid of a pair's private remap device while its main disk is
// replaced: <prefix><name>. Not DMREMAP-<name>, which 56-dm-remap.rules
// gives partition devices.
inline constexpr char kReplacingUuidPrefix[] = "DMREMAP_REPLACING-";

// Names of the pairs: dm devices whose (single) target is "remap", and pair
// devices (dm uuid DMREMAP-<name>) that are a "mirror" while their main disk
// is replaced; a pair's private remap device (kReplacingUuidPrefix) is not
// one.
QList<QString> remapDevices(QString *error);

// Partition devices kpartx made on the device whose dm uuid is pairUuid
// (dm uuid part<N>-<pairUuid>), with their open counts.
QList<Info> partitionsOf(const QString &pairUuid, QString *error);

// TABLE of a device: target type and parameters. nullopt if it is gone.
std::optional<Info> table(const QString &name, QString *error);
// STATUS of a device: the target's status line in params.
std::optional<Info> status(const QString &name, QString *error);

// The version ("1.0.0") of a target type. Asking makes the kernel load its
// module (request_module "dm-<type>") if it is not loaded: nullopt when that
// fails (no such module for this kernel, or a refused one), with error set.
std::optional<QString> targetVersion(const QString &type, QString *error);

// Target message to sector 0; the answer text, or nullopt with error set.
// errnoOut gets the ioctl's errno (EINVAL, EBUSY, ENOSPC) on failure.
std::optional<QString> message(const QString &name, const QString &text, QString *error, int *errnoOut = nullptr);

// Creates and resumes a device with one remap target of length sectors.
bool create(const QString &name, const QString &uuid, quint64 length, const QString &params, QString *error);

// Creates and resumes a device that udev leaves alone (no blkid probe, no
// symlinks by file system UUID, no other rules), as LVM's private devices.
bool createPrivate(const QString &name, const QString &uuid, quint64 length, const QString &params, QString *error);

// Loads a new single-target table into a device's inactive slot; resume()
// makes it live.
bool reload(const QString &name, const QString &type, quint64 length, const QString &params, QString *error);

// Removes a device; fails with EBUSY-style error while it is open.
bool remove(const QString &name, QString *error);

// Suspends a device (waiting for its I/O, which is flushed) or resumes it.
// With noFlush, I/O a target holds back (a mirror with a failed leg) is
// queued again for the next table instead of failed.
bool suspend(const QString &name, QString *error, bool noFlush = false);
bool resume(const QString &name, QString *error);

} // namespace DeviceMapper
