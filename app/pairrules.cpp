#include "pairrules.h"

#include "health.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>

#include <algorithm>
#include <climits>

namespace PairRules {

namespace {
constexpr qulonglong metadataBlockBytes = 4096;
// Superblock copies A and B, one table block in two copies.
constexpr qulonglong minimumMetadataBytes = 4 * metadataBlockBytes;
constexpr qulonglong entriesPerTableBlock = 504;
constexpr qulonglong sectorBytes = 512;
} // namespace

QString mainProblem(const QVariantMap &disk, const QString &pairName)
{
    // A pair's disk is in use by the pair: say which, not the kernel's holder.
    const QString role = disk.value(QStringLiteral("role")).toString();
    if (role == QLatin1String("main"))
        return pairName.isEmpty() ? QCoreApplication::translate("PairRules", "Already the main disk of a pair")
                                  : QCoreApplication::translate("PairRules", "Already the main disk of pair “%1”").arg(pairName);
    if (role == QLatin1String("spare"))
        return pairName.isEmpty() ? QCoreApplication::translate("PairRules", "Already the spare of a pair")
                                  : QCoreApplication::translate("PairRules", "Already the spare of pair “%1”").arg(pairName);
    if (disk.value(QStringLiteral("in-use")).toBool()) {
        const QString why = Health::inUseText(disk);
        return why.isEmpty() ? QCoreApplication::translate("PairRules", "In use")
                             : QCoreApplication::translate("PairRules", "In use: %1").arg(why);
    }
    return {};
}

QString spareWarning(const QVariantMap &spare, Health::Level health)
{
    QStringList warnings;
    if (health == Health::Level::Bad)
        warnings << QCoreApplication::translate("PairRules", "Its health is Bad: blocks moved to a failing spare can be lost.");
    else if (health == Health::Level::Unknown)
        warnings << QCoreApplication::translate("PairRules", "Its health is unknown: choose a spare whose health can be read if you can.");
    if (spare.value(QStringLiteral("transport")).toString() == QLatin1String("usb"))
        warnings << QCoreApplication::translate("PairRules", "It is a USB disk: while it is unplugged, the moved blocks cannot be read.");
    return warnings.join(QLatin1Char(' '));
}

qulonglong minimumSpareBytes(uint blockSizeSectors)
{
    return minimumMetadataBytes + qulonglong(blockSizeSectors) * sectorBytes;
}

qulonglong spareSlots(qulonglong spareBytes, uint blockSizeSectors)
{
    const qulonglong blockBytes = qulonglong(blockSizeSectors) * sectorBytes;
    if (spareBytes < minimumSpareBytes(blockSizeSectors))
        return 0;
    // Each slot costs its block plus two table entries of 8 bytes (two copies).
    const qulonglong usable = spareBytes - 2 * metadataBlockBytes;
    const qulonglong perSlot = blockBytes + 2 * metadataBlockBytes / entriesPerTableBlock;
    return usable / perSlot;
}

QString spareProblem(const QVariantMap &main, const QVariantMap &spare, uint blockSizeSectors,
                     const QString &sparePairName)
{
    if (spare.value(QStringLiteral("id")) == main.value(QStringLiteral("id")))
        return QCoreApplication::translate("PairRules", "This is the main disk");
    const QString problem = mainProblem(spare, sparePairName);
    if (!problem.isEmpty())
        return problem;
    const qulonglong size = spare.value(QStringLiteral("size")).toULongLong();
    if (size < minimumSpareBytes(blockSizeSectors))
        return QCoreApplication::translate("PairRules", "Too small: %1 cannot hold the remap table")
            .arg(Health::formatBytes(size));
    const uint blockBytes = blockSizeSectors * uint(sectorBytes);
    for (const QVariantMap *disk : {&main, &spare}) {
        if (disk->value(QStringLiteral("logical-block-size"), 512u).toUInt() > blockBytes)
            return QCoreApplication::translate("PairRules", "Its sectors are larger than the chosen block size");
    }
    return {};
}

qulonglong replacementBytes(const QVariantMap &pair)
{
    return pair.value(QStringLiteral("main-sectors")).toULongLong() * sectorBytes;
}

QString replacementProblem(const QVariantMap &pair, const QVariantMap &mainDisk, const QVariantMap &disk,
                           const QString &diskPairName)
{
    const QString path = disk.value(QStringLiteral("path")).toString();
    if (!path.isEmpty() && (path == pair.value(QStringLiteral("main-path")).toString()))
        return QCoreApplication::translate("PairRules", "This is the pair's main disk");
    if (!path.isEmpty() && (path == pair.value(QStringLiteral("spare-path")).toString()))
        return QCoreApplication::translate("PairRules", "This is the pair's spare");
    const QString problem = mainProblem(disk, diskPairName);
    if (!problem.isEmpty())
        return problem;
    const qulonglong size = disk.value(QStringLiteral("size")).toULongLong();
    const qulonglong needed = replacementBytes(pair);
    if (size < needed) {
        // Two sizes that round alike are shown with more digits.
        QString have = Health::formatBytes(size), want = Health::formatBytes(needed);
        for (int precision = 2; have == want && precision <= 4; ++precision) {
            have = QLocale().formattedDataSize(qint64(size), precision, QLocale::DataSizeIecFormat);
            want = QLocale().formattedDataSize(qint64(needed), precision, QLocale::DataSizeIecFormat);
        }
        return QCoreApplication::translate("PairRules", "Too small: %1, the pair needs at least %2").arg(have, want);
    }
    if (disk.value(QStringLiteral("logical-block-size"), 512u).toUInt()
        > mainDisk.value(QStringLiteral("logical-block-size"), 512u).toUInt())
        return QCoreApplication::translate("PairRules", "Its sectors are larger than the main disk's");
    if (disk.value(QStringLiteral("wwn")).toString().isEmpty() && disk.value(QStringLiteral("serial")).toString().isEmpty())
        return QCoreApplication::translate("PairRules", "It has no serial number, so it could not be found again after a restart");
    return {};
}

QString replacementPairProblem(const QVariantMap &pair)
{
    const qulonglong pending = pair.value(QStringLiteral("pending")).toULongLong();
    if (pending == 0)
        return {};
    // Worked out apart: a template argument among translate()'s makes lupdate hang.
    const int count = int(std::min<qulonglong>(pending, INT_MAX));
    return QCoreApplication::translate("PairRules", "The pair has %Ln unreadable block(s) whose data cannot be copied. "
                                                    "Restore or delete the files stored in them first (writing to these "
                                                    "blocks moves them to the spare).", nullptr, count);
}

QString replacementWarning(const QVariantMap &disk, Health::Level health)
{
    QStringList warnings;
    if (health == Health::Level::Bad)
        warnings << QCoreApplication::translate("PairRules", "Its health is Bad: your data would move to a failing disk.");
    else if (health == Health::Level::Caution)
        warnings << QCoreApplication::translate("PairRules", "Its health is Caution: choose a healthy disk if you can.");
    if (disk.value(QStringLiteral("transport")).toString() == QLatin1String("usb"))
        warnings << QCoreApplication::translate("PairRules", "It is a USB disk: while it is unplugged, your data cannot be read.");
    return warnings.join(QLatin1Char(' '));
}

bool isValidName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$"));
    return pattern.match(name).hasMatch();
}

} // namespace PairRules
