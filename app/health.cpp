#include "health.h"

#include <QCoreApplication>
#include <QLocale>
#include <QStringList>

namespace Health {

// Disks above this run hot enough to age faster.
constexpr int hotCelsius = 60;

Verdict ofDisk(const QVariantMap &info, const QVariantMap &smart)
{
    Verdict result;
    if (smart.isEmpty()) {
        result.reason = QCoreApplication::translate("Health", "SMART data has not been read yet.");
        return result;
    }
    if (!smart.value(QStringLiteral("available")).toBool()) {
        const QString why = smart.value(QStringLiteral("unavailable-reason")).toString();
        result.reason = why.isEmpty() ? QCoreApplication::translate("Health", "This disk does not report its health (no SMART data).")
                                      : QCoreApplication::translate("Health", "This disk does not report its health: %1").arg(why);
        return result;
    }
    QStringList reasons;
    Level level = Level::Good;
    const QString verdict = smart.value(QStringLiteral("verdict"),
                                        info.value(QStringLiteral("smart-verdict"))).toString();
    const QString verdictReason = smart.value(QStringLiteral("verdict-reason")).toString();
    if (verdict == QLatin1String("failing")) {
        level = Level::Bad;
        reasons << QCoreApplication::translate("Health", "The disk itself reports that it is failing. Copy your data to another disk now.");
    } else if (verdict == QLatin1String("warning")) {
        level = Level::Caution;
        reasons << QCoreApplication::translate("Health", "The disk reports a problem.");
    } else if (verdict != QLatin1String("passed")) {
        level = Level::Unknown;
        reasons << QCoreApplication::translate("Health", "The disk's own health check gave no clear answer.");
    }
    if (!verdictReason.isEmpty() && verdict != QLatin1String("passed"))
        reasons << verdictReason;

    const qulonglong reallocated = smart.value(QStringLiteral("reallocated-sectors")).toULongLong();
    const qulonglong pending = smart.value(QStringLiteral("pending-sectors")).toULongLong();
    const qulonglong uncorrectable = smart.value(QStringLiteral("offline-uncorrectable")).toULongLong();
    if (reallocated > 0) {
        level = std::max(level, Level::Caution);
        reasons << QCoreApplication::translate("Health", "%Ln sector(s) have already been replaced by the disk.", nullptr, int(reallocated));
    }
    const qulonglong unreadable = std::max(pending, uncorrectable);
    if (unreadable > 0) {
        level = std::max(level, Level::Caution);
        reasons << QCoreApplication::translate("Health", "%Ln sector(s) could not be read.", nullptr, int(unreadable));
    }
    if (smart.contains(QStringLiteral("nvme-critical-warning"))
        && smart.value(QStringLiteral("nvme-critical-warning")).toUInt() != 0) {
        level = Level::Bad;
        reasons << QCoreApplication::translate("Health", "The NVMe drive raised a critical warning.");
    }
    if (smart.contains(QStringLiteral("nvme-percentage-used"))
        && smart.value(QStringLiteral("nvme-percentage-used")).toUInt() >= 90) {
        level = std::max(level, Level::Caution);
        reasons << QCoreApplication::translate("Health", "The drive has used %1% of its rated life.")
                       .arg(smart.value(QStringLiteral("nvme-percentage-used")).toUInt());
    }
    if (smart.contains(QStringLiteral("nvme-available-spare"))
        && smart.contains(QStringLiteral("nvme-available-spare-threshold"))
        // Below the threshold, as the spec's critical warning bit 0 says: QEMU
        // reports 0 of 0, which is no alarm.
        && smart.value(QStringLiteral("nvme-available-spare")).toUInt()
               < smart.value(QStringLiteral("nvme-available-spare-threshold")).toUInt()) {
        level = Level::Bad;
        reasons << QCoreApplication::translate("Health", "The drive's own spare area is used up.");
    }
    if (smart.contains(QStringLiteral("temperature"))
        && smart.value(QStringLiteral("temperature")).toInt() >= hotCelsius) {
        level = std::max(level, Level::Caution);
        reasons << QCoreApplication::translate("Health", "The disk is hot (%1 °C).").arg(smart.value(QStringLiteral("temperature")).toInt());
    }
    if (reasons.isEmpty())
        reasons << QCoreApplication::translate("Health", "The disk reports no problems.");
    result.level = level;
    result.reason = reasons.join(QLatin1Char(' '));
    return result;
}

Verdict ofPair(const QVariantMap &status, const Verdict &mainDisk, const Verdict &spareDisk)
{
    QStringList reasons;
    Level level = Level::Good;
    const QString state = status.value(QStringLiteral("state")).toString();
    if (state == QLatin1String("spare_full")) {
        level = Level::Bad;
        reasons << QCoreApplication::translate("Health", "The spare disk is full: new bad blocks can no longer be replaced.");
    } else if (state == QLatin1String("spare_error")) {
        level = Level::Bad;
        reasons << QCoreApplication::translate("Health", "Writes to the spare disk keep failing: new bad blocks are not replaced until it works again.");
    } else if (state == QLatin1String("metadata_error")) {
        level = Level::Bad;
        reasons << QCoreApplication::translate("Health", "The list of replaced blocks could not be saved on the spare disk.");
    } else if (state == QLatin1String("missing")) {
        level = Level::Bad;
        reasons << QCoreApplication::translate("Health", "One of the two disks is missing.");
    } else if (state == QLatin1String("spare_low")) {
        level = Level::Caution;
        reasons << QCoreApplication::translate("Health", "The spare disk is almost full.");
    } else if (state != QLatin1String("ok")) {
        level = Level::Unknown;
        reasons << QCoreApplication::translate("Health", "The pair's state is not known.");
    }
    const qulonglong remapped = status.value(QStringLiteral("remapped")).toULongLong();
    const qulonglong pending = status.value(QStringLiteral("pending")).toULongLong();
    if (remapped > 0) {
        level = std::max(level, Level::Caution);
        reasons << QCoreApplication::translate("Health", "%Ln bad block(s) on the main disk have been moved to the spare.", nullptr, int(remapped));
    }
    if (pending > 0) {
        level = std::max(level, Level::Caution);
        reasons << QCoreApplication::translate("Health", "%Ln block(s) could not be read and will be moved when next written.", nullptr, int(pending));
    }
    if (mainDisk.level == Level::Bad || mainDisk.level == Level::Caution) {
        level = std::max(level, mainDisk.level);
        reasons << QCoreApplication::translate("Health", "Main disk: %1").arg(mainDisk.reason);
    }
    if (spareDisk.level == Level::Bad || spareDisk.level == Level::Caution) {
        level = std::max(level, spareDisk.level);
        reasons << QCoreApplication::translate("Health", "Spare disk: %1").arg(spareDisk.reason);
    }
    if (reasons.isEmpty())
        reasons << QCoreApplication::translate("Health", "Both disks are working and no block has needed replacing.");
    return {level, reasons.join(QLatin1Char(' '))};
}

QString name(Level level)
{
    switch (level) {
    case Level::Good: return QCoreApplication::translate("Health", "Good");
    case Level::Caution: return QCoreApplication::translate("Health", "Caution");
    case Level::Bad: return QCoreApplication::translate("Health", "Bad");
    case Level::Unknown: break;
    }
    return QCoreApplication::translate("Health", "Unknown");
}

QColor color(Level level)
{
    switch (level) {
    case Level::Good: return QColor(0x2e, 0x7d, 0x32);
    case Level::Caution: return QColor(0xe6, 0x8a, 0x00);
    case Level::Bad: return QColor(0xc6, 0x28, 0x28);
    case Level::Unknown: break;
    }
    return QColor(0x75, 0x75, 0x75);
}

QString iconName(Level level)
{
    switch (level) {
    case Level::Good: return QStringLiteral(":/icons/health-good.svg");
    case Level::Caution: return QStringLiteral(":/icons/health-caution.svg");
    case Level::Bad: return QStringLiteral(":/icons/health-bad.svg");
    case Level::Unknown: break;
    }
    return QStringLiteral(":/icons/health-unknown.svg");
}

QString verdictText(const QString &verdict)
{
    if (verdict == QLatin1String("passed"))
        return QCoreApplication::translate("Health", "Passed");
    if (verdict == QLatin1String("warning"))
        return QCoreApplication::translate("Health", "Warning");
    if (verdict == QLatin1String("failing"))
        return QCoreApplication::translate("Health", "Failing");
    return QCoreApplication::translate("Health", "Unknown");
}

QString pairStateText(const QString &state)
{
    if (state == QLatin1String("ok"))
        return QCoreApplication::translate("Health", "Working normally");
    if (state == QLatin1String("spare_low"))
        return QCoreApplication::translate("Health", "Spare almost full");
    if (state == QLatin1String("spare_full"))
        return QCoreApplication::translate("Health", "Spare full");
    if (state == QLatin1String("spare_error"))
        return QCoreApplication::translate("Health", "Spare disk failing");
    if (state == QLatin1String("metadata_error"))
        return QCoreApplication::translate("Health", "Cannot save the remap table");
    if (state == QLatin1String("missing"))
        return QCoreApplication::translate("Health", "A disk is missing");
    return QCoreApplication::translate("Health", "Unknown");
}

QString kindText(const QString &kind)
{
    if (kind == QLatin1String("hdd"))
        return QCoreApplication::translate("Health", "Hard disk");
    if (kind == QLatin1String("ssd"))
        return QCoreApplication::translate("Health", "SSD");
    if (kind == QLatin1String("nvme"))
        return QCoreApplication::translate("Health", "NVMe SSD");
    return QCoreApplication::translate("Health", "Disk");
}

int verdictRank(const QString &verdict)
{
    if (verdict == QLatin1String("failing"))
        return 2;
    if (verdict == QLatin1String("warning"))
        return 1;
    return 0; // passed and unknown: nothing to warn about
}

int pairStateRank(const QString &state)
{
    if (state == QLatin1String("spare_full") || state == QLatin1String("spare_error")
        || state == QLatin1String("metadata_error") || state == QLatin1String("missing"))
        return 2;
    if (state == QLatin1String("spare_low"))
        return 1;
    return 0;
}

QString formatBytes(qulonglong bytes)
{
    return QLocale().formattedDataSize(qint64(bytes), 1, QLocale::DataSizeSIFormat);
}

QString formatBlockSize(qulonglong bytes)
{
    return QLocale().formattedDataSize(qint64(bytes), 0, QLocale::DataSizeIecFormat);
}

} // namespace Health
