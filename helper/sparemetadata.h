// What a spare's first two 4 KiB blocks say about the pair it belongs to,
// decoded by the kernel target's own reference code (kernel/remap-metadata.c)
// so the helper and the kernel can never disagree about the format.
#pragma once

#include <QByteArray>
#include <QString>

struct SpareMetadata {
    // Reads the newest valid superblock copy from the first 8 KiB of a spare.
    static SpareMetadata decode(const QByteArray &firstBlocks);
    // The bytes a spare must start with to be examined by decode().
    static constexpr int kBytesNeeded = 8192;

    bool valid = false;
    bool hasMagic = false; // some copy carries "DMREMAP1", valid or not
    QString error;         // why it is not valid
    uint blockSize = 0;
    quint64 mainSectors = 0;
    quint64 spareSectors = 0;
    quint64 capacity = 0;
    quint64 used = 0;
    QString mainId;
    QString label;
    QString uuid; // 32 lowercase hex digits
};

// Slots the kernel would lay out on a spare of that size, 0 when it is too
// small for even one.
quint64 spareCapacity(quint64 spareSectors, uint blockSize);

// Standard CRC-32C register update without final inversion, like the
// kernel's crc32c() (kernel/remap-metadata-user.h).
extern "C" quint32 crc32c(quint32 seed, const void *buf, size_t len);
