#include "signatures.h"

#include "validation.h"

#include <blkid/blkid.h>

#include <cerrno>
#include <cstring>
#include <memory>
#include <unistd.h>

namespace Signatures {

namespace {
// A disk carries a handful of signatures; a wipe that does not stick (the
// same one found again and again) must not loop for ever.
constexpr int kMaxSignatures = 64;
} // namespace

QStringList eraseAll(int fd, QString *error)
{
    QStringList erased;
    error->clear();
    std::unique_ptr<std::remove_pointer_t<blkid_probe>, decltype(&blkid_free_probe)> probe(blkid_new_probe(),
                                                                                          &blkid_free_probe);
    if (!probe || blkid_probe_set_device(probe.get(), fd, 0, 0) != 0) {
        *error = QStringLiteral("libblkid cannot probe the disk");
        return erased;
    }
    blkid_probe_enable_superblocks(probe.get(), 1);
    blkid_probe_set_superblocks_flags(probe.get(), BLKID_SUBLKS_MAGIC | BLKID_SUBLKS_TYPE | BLKID_SUBLKS_BADCSUM);
    blkid_probe_enable_partitions(probe.get(), 1);
    blkid_probe_set_partitions_flags(probe.get(), BLKID_PARTS_MAGIC | BLKID_PARTS_FORCE_GPT);
    int rc;
    while ((rc = blkid_do_probe(probe.get())) == 0) {
        if (erased.size() >= kMaxSignatures) {
            *error = QStringLiteral("more than %1 signatures found; the disk does not keep what is written")
                             .arg(kMaxSignatures);
            return erased;
        }
        const char *type = nullptr;
        if (blkid_probe_lookup_value(probe.get(), "TYPE", &type, nullptr) != 0
            && blkid_probe_lookup_value(probe.get(), "PTTYPE", &type, nullptr) != 0)
            type = "unknown";
        errno = 0;
        if (blkid_do_wipe(probe.get(), 0) != 0) {
            *error = QStringLiteral("cannot erase the %1 signature: %2")
                             .arg(Validation::sanitize(QByteArray(type), 40),
                                  QString::fromLocal8Bit(strerror(errno ? errno : EIO)));
            return erased;
        }
        erased << Validation::sanitize(QByteArray(type), 40);
    }
    if (rc < 0) {
        *error = QStringLiteral("libblkid failed to read the disk");
        return erased;
    }
    if (fsync(fd) != 0)
        *error = QStringLiteral("cannot flush the disk: %1").arg(QString::fromLocal8Bit(strerror(errno)));
    return erased;
}

} // namespace Signatures
