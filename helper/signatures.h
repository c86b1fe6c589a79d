// Erasing what other tools would recognize on a disk that becomes a spare.
#pragma once

#include <QString>

namespace Signatures {

// Erases, on the disk open for writing on fd, every signature libblkid finds
// (file systems, RAID and LUKS superblocks wherever they lie, partition
// tables with their backups), as `wipefs --all` does, and flushes the disk.
// Returns the types erased (for the log); on failure error is set.
QStringList eraseAll(int fd, QString *error);

} // namespace Signatures
