#include "sparemetadata.h"

extern "C" {
#include "remap-metadata.h"
}

extern "C" quint32 crc32c(quint32 seed, const void *buf, size_t len)
{
    static quint32 table[256];
    static const bool ready = [] {
        for (quint32 i = 0; i < 256; ++i) {
            quint32 c = i;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? (c >> 1) ^ 0x82f63b78u : c >> 1;
            table[i] = c;
        }
        return true;
    }();
    Q_UNUSED(ready);
    const auto *p = static_cast<const uchar *>(buf);
    quint32 crc = seed;
    while (len--)
        crc = table[(crc ^ *p++) & 0xff] ^ (crc >> 8);
    return crc;
}

SpareMetadata SpareMetadata::decode(const QByteArray &firstBlocks)
{
    SpareMetadata m;
    if (firstBlocks.size() < kBytesNeeded) {
        m.error = QStringLiteral("the spare is shorter than two metadata blocks");
        return m;
    }
    const char *a = firstBlocks.constData();
    const char *b = a + REMAP_META_BLOCK_BYTES;
    m.hasMagic = memcmp(a, "DMREMAP1", 8) == 0 || memcmp(b, "DMREMAP1", 8) == 0;
    remap_meta_sb sb;
    unsigned int which = 0;
    int errorB = 0;
    const int errorA = remap_meta_sb_pick(a, b, &sb, &which, &errorB);
    if (errorA) {
        m.error = QStringLiteral("copy A: %1; copy B: %2")
                          .arg(QString::fromLatin1(remap_meta_strerror(errorA)),
                               QString::fromLatin1(remap_meta_strerror(errorB)));
        return m;
    }
    m.valid = true;
    m.blockSize = sb.block_size;
    m.mainSectors = sb.main_sectors;
    m.spareSectors = sb.spare_sectors;
    m.capacity = sb.capacity;
    m.used = sb.used;
    // decode() already checked both names against the allowed characters.
    m.mainId = QString::fromLatin1(sb.main_id);
    m.label = QString::fromLatin1(sb.label);
    m.uuid = QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(sb.uuid), REMAP_META_UUID_BYTES).toHex());
    return m;
}

quint64 spareCapacity(quint64 spareSectors, uint blockSize)
{
    u64 capacity = 0, dataOffset = 0;
    if (remap_meta_layout(spareSectors, blockSize, &capacity, &dataOffset))
        return 0;
    return capacity;
}
