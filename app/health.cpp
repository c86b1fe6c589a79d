#include "health.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <QStringList>

#include <algorithm>
#include <cmath>
#include <limits>

namespace Health {

// Disks above this run hot enough to age faster.
constexpr int hotCelsius = 60;

namespace {

// %Ln wants an int; counts beyond it are shown as the largest int.
int plural(const QVariant &count)
{
    return int(std::min<qulonglong>(count.toULongLong(), qulonglong(std::numeric_limits<int>::max())));
}

QString joined(const QStringList &sentences)
{
    return sentences.join(QLatin1Char(' '));
}

} // namespace

QStringList smartReasonSentences(const DmRemap::ReasonList &reasons)
{
    bool spareGiven = false; // with its numbers: critical warning bit 0 says no more
    for (const QVariantMap &reason : reasons)
        spareGiven |= reason.value(QStringLiteral("code")) == QLatin1String("nvme-spare-below-threshold");
    QStringList out;
    for (QVariantMap reason : reasons) {
        if (spareGiven && reason.value(QStringLiteral("code")) == QLatin1String("nvme-critical-warning")) {
            reason.insert(QStringLiteral("bits"), reason.value(QStringLiteral("bits")).toUInt() & ~0x01u);
            if (reason.value(QStringLiteral("bits")).toUInt() == 0)
                continue;
        }
        out << smartReasonSentence(reason);
    }
    return out;
}

QString smartReasonSentence(const QVariantMap &reason)
{
    const QString code = reason.value(QStringLiteral("code")).toString();
    const QVariant count = reason.value(QStringLiteral("count"));
    if (code == QLatin1String("health-check-failed"))
        return QCoreApplication::translate("Health", "The disk's own health check says that it is failing.");
    if (code == QLatin1String("prefail-at-threshold"))
        return QCoreApplication::translate("Health", "Values that predict a failure have reached the limit the maker set.");
    if (code == QLatin1String("attribute-failing"))
        return QCoreApplication::translate("Health", "SMART attribute %1 is at its failure limit now.").arg(reason.value(QStringLiteral("id")).toUInt());
    if (code == QLatin1String("nvme-critical-warning")) {
        const uint bits = reason.value(QStringLiteral("bits")).toUInt();
        QStringList out;
        if (bits & 0x01)
            out << QCoreApplication::translate("Health", "The drive's spare area has fallen below its limit.");
        if (bits & 0x02)
            out << QCoreApplication::translate("Health", "The drive reports a temperature outside its limits.");
        if (bits & 0x04)
            out << QCoreApplication::translate("Health", "The drive reports that its reliability is degraded.");
        if (bits & 0x08)
            out << QCoreApplication::translate("Health", "The drive has switched itself to read-only.");
        if (bits & 0x10)
            out << QCoreApplication::translate("Health", "The drive's backup of its volatile memory failed.");
        if (out.isEmpty())
            out << QCoreApplication::translate("Health", "The drive raised a critical warning.");
        return joined(out);
    }
    if (code == QLatin1String("nvme-spare-below-threshold"))
        return QCoreApplication::translate("Health", "The drive's own spare area is down to %1%, below its limit of %2%.")
            .arg(reason.value(QStringLiteral("percent")).toUInt())
            .arg(reason.value(QStringLiteral("threshold")).toUInt());
    if (code == QLatin1String("nvme-media-errors"))
        return QCoreApplication::translate("Health", "The drive has recorded %Ln error(s) it could not correct.", nullptr, plural(count));
    if (code == QLatin1String("nvme-endurance-used"))
        return QCoreApplication::translate("Health", "The drive has used %1% of its rated life.").arg(reason.value(QStringLiteral("percent")).toUInt());
    if (code == QLatin1String("reallocated-sectors"))
        return QCoreApplication::translate("Health", "%Ln sector(s) have already been replaced by the disk.", nullptr, plural(count));
    if (code == QLatin1String("pending-sectors"))
        return QCoreApplication::translate("Health", "%Ln sector(s) could not be read and wait to be replaced.", nullptr, plural(count));
    if (code == QLatin1String("offline-uncorrectable"))
        return QCoreApplication::translate("Health", "The disk's own scan found %Ln sector(s) it could not read.", nullptr, plural(count));
    if (code == QLatin1String("reported-uncorrectable"))
        return QCoreApplication::translate("Health", "The disk could not correct %Ln read error(s).", nullptr, plural(count));
    if (code == QLatin1String("attributes-failed-in-past"))
        return QCoreApplication::translate("Health", "Some values have reached their failure limit in the past.");
    if (code == QLatin1String("self-test-failed"))
        return QCoreApplication::translate("Health", "A self-test of the disk has failed.");
    return QCoreApplication::translate("Health", "The disk reports a problem that this version does not know.");
}

QString unavailableSentence(const QVariantMap &reason)
{
    const QString code = reason.value(QStringLiteral("code")).toString();
    if (code == QLatin1String("not-read-yet"))
        return QCoreApplication::translate("Health", "SMART data has not been read yet.");
    if (code == QLatin1String("standby"))
        return QCoreApplication::translate("Health", "The disk is asleep; it was not woken to read its health.");
    if (code == QLatin1String("not-supported"))
        return QCoreApplication::translate("Health", "This disk does not report its health (it has no SMART).");
    if (code == QLatin1String("disabled"))
        return QCoreApplication::translate("Health", "SMART is switched off on this disk.");
    if (code == QLatin1String("device-type-unknown"))
        return QCoreApplication::translate("Health", "The disk's health cannot be read through its connection; a USB disk may need its bridge type chosen.");
    if (code == QLatin1String("open-failed"))
        return QCoreApplication::translate("Health", "The disk could not be opened to read its health.");
    if (code == QLatin1String("smartctl-failed"))
        return QCoreApplication::translate("Health", "The health of disks cannot be read: smartctl could not be run.");
    if (code == QLatin1String("invalid-output"))
        return QCoreApplication::translate("Health", "The disk's health could not be read: smartctl gave an answer that could not be understood.");
    return QCoreApplication::translate("Health", "The disk's health could not be read.");
}

QString inUseText(const QVariantMap &info)
{
    QStringList parts;
    const DmRemap::ReasonList reasons = DmRemap::reasonsFrom(info.value(QStringLiteral("in-use-reasons")));
    for (const QVariantMap &reason : reasons) {
        const QString code = reason.value(QStringLiteral("code")).toString();
        if (code == QLatin1String("mounted"))
            parts << QCoreApplication::translate("Health", "mounted on %1").arg(reason.value(QStringLiteral("mount-point")).toString());
        else if (code == QLatin1String("swap"))
            parts << QCoreApplication::translate("Health", "used as swap");
        else if (code == QLatin1String("held"))
            parts << QCoreApplication::translate("Health", "used by %1").arg(QLocale().createSeparatedList(reason.value(QStringLiteral("holders")).toStringList()));
        else
            parts << QCoreApplication::translate("Health", "in use");
    }
    return parts.join(QStringLiteral(", "));
}

bool isAsleep(const QVariantMap &smart)
{
    if (smart.value(QStringLiteral("asleep")).toBool())
        return true;
    if (smart.value(QStringLiteral("available")).toBool())
        return false;
    const DmRemap::ReasonList why = DmRemap::reasonsFrom(smart.value(QStringLiteral("unavailable-reasons")));
    return !why.isEmpty() && why.first().value(QStringLiteral("code")) == QLatin1String("standby");
}

QString displayName(const Verdict &verdict)
{
    if (verdict.level == Level::Unknown && verdict.asleep)
        return QCoreApplication::translate("Health", "Asleep");
    return name(verdict.level);
}

Verdict ofDisk(const QVariantMap &info, const QVariantMap &smart, const QVariantMap &pairStatus)
{
    Verdict result;
    result.asleep = isAsleep(smart);
    QStringList facts;
    Level level = Level::Unknown;
    bool hotOnly = false; // the only problem is heat
    if (smart.isEmpty()) {
        facts << QCoreApplication::translate("Health", "SMART data has not been read yet.");
    } else if (!smart.value(QStringLiteral("available")).toBool()) {
        const DmRemap::ReasonList why = DmRemap::reasonsFrom(smart.value(QStringLiteral("unavailable-reasons")));
        facts << (why.isEmpty() ? QCoreApplication::translate("Health", "This disk does not report its health (it has no SMART).") : unavailableSentence(why.first()));
    } else {
        const QString verdict = smart.value(QStringLiteral("verdict"), info.value(QStringLiteral("smart-verdict"))).toString();
        if (verdict == QLatin1String("failing")) {
            level = Level::Bad;
        } else if (verdict == QLatin1String("warning")) {
            level = Level::Caution;
        } else if (verdict == QLatin1String("passed")) {
            level = Level::Good;
        } else {
            facts << QCoreApplication::translate("Health", "The disk's own health check gave no clear answer.");
        }
        bool enduranceReported = false;
        const DmRemap::ReasonList reasons = DmRemap::reasonsFrom(smart.value(QStringLiteral("verdict-reasons")));
        facts << smartReasonSentences(reasons);
        for (const QVariantMap &reason : reasons)
            enduranceReported |= reason.value(QStringLiteral("code")) == QLatin1String("nvme-endurance-used");
        // Earlier than the helper (which warns at 100%): a drive near its rated life.
        const uint used = smart.value(QStringLiteral("nvme-percentage-used")).toUInt();
        if (!enduranceReported && smart.contains(QStringLiteral("nvme-percentage-used")) && used >= 90) {
            level = std::max(level, Level::Caution);
            facts << QCoreApplication::translate("Health", "The drive has used %1% of its rated life.").arg(used);
        }
        if (smart.contains(QStringLiteral("temperature"))
            && smart.value(QStringLiteral("temperature")).toInt() >= hotCelsius) {
            hotOnly = level != Level::Caution && level != Level::Bad;
            level = std::max(level, Level::Caution);
            facts << QCoreApplication::translate("Health", "The disk is hot (%1 °C).").arg(smart.value(QStringLiteral("temperature")).toInt());
        }
    }

    // What the target knows: blocks of the main disk that failed.
    const bool mainOfPair = info.value(QStringLiteral("role")).toString() == QLatin1String("main") && !pairStatus.isEmpty();
    const QString pairName = pairStatus.value(QStringLiteral("name")).toString();
    const QString device = pairStatus.value(QStringLiteral("device")).toString();
    bool moved = false;
    if (mainOfPair) {
        const qulonglong remapped = pairStatus.value(QStringLiteral("remapped")).toULongLong();
        const qulonglong pending = pairStatus.value(QStringLiteral("pending")).toULongLong();
        if (remapped > 0) {
            hotOnly = false;
            moved = true;
            level = std::max(level, Level::Caution);
            facts << QCoreApplication::translate("Health", "%Ln block(s) of this disk failed and were moved to the spare disk of pair “%1”.", nullptr, plural(remapped))
                         .arg(pairName);
        }
        if (pending > 0) {
            hotOnly = false;
            level = Level::Bad;
            facts << QCoreApplication::translate("Health", "%Ln block(s) of this disk could not be read; files stored there may be unreadable now.", nullptr, plural(pending));
        }
    }
    if (facts.isEmpty())
        facts << QCoreApplication::translate("Health", "The disk reports no problems.");
    // Asleep at the last read: the data above is from before it fell asleep.
    if (result.asleep && smart.value(QStringLiteral("available")).toBool())
        facts << QCoreApplication::translate("Health", "The disk is asleep; this is what it reported when it was last awake.");

    QString advice;
    if (mainOfPair && level == Level::Bad)
        advice = QCoreApplication::translate("Health", "Copy your files from %1 to another disk now and replace this disk.").arg(device);
    else if (moved && level == Level::Caution)
        advice = QCoreApplication::translate("Health", "The spare disk stands in for the failed blocks; keep your backup up to date and plan to replace this disk.");
    else if (level == Level::Bad)
        advice = QCoreApplication::translate("Health", "Copy your data to another disk now and replace this disk.");
    else if (level == Level::Caution && hotOnly)
        advice = QCoreApplication::translate("Health", "Give it more air or a cooler place.");
    else if (level == Level::Caution)
        advice = QCoreApplication::translate("Health", "Keep your backup up to date and plan to replace this disk.");

    result.level = level;
    result.facts = joined(facts);
    result.reason = advice.isEmpty() ? result.facts : joined({result.facts, advice});
    return result;
}

Verdict ofPair(const QVariantMap &status, const Verdict &mainDisk, const Verdict &spareDisk)
{
    QStringList facts;
    Level level = Level::Good;
    const QString state = status.value(QStringLiteral("state")).toString();
    const QString device = status.value(QStringLiteral("device")).toString();
    if (state == QLatin1String("spare_full")) {
        level = Level::Bad;
        facts << QCoreApplication::translate("Health", "The spare disk is full: new bad blocks can no longer be replaced.");
    } else if (state == QLatin1String("spare_error")) {
        level = Level::Bad;
        facts << QCoreApplication::translate("Health", "Writes to the spare disk keep failing: new bad blocks are not replaced until it works again.");
    } else if (state == QLatin1String("metadata_error")) {
        level = Level::Bad;
        facts << QCoreApplication::translate("Health", "The list of replaced blocks could not be saved on the spare disk.");
    } else if (state == QLatin1String("missing")) {
        level = Level::Bad;
        facts << QCoreApplication::translate("Health", "One of the two disks is missing.");
    } else if (state == QLatin1String("spare_low")) {
        level = Level::Caution;
        facts << QCoreApplication::translate("Health", "The spare disk is almost full.");
    } else if (state != QLatin1String("ok")) {
        level = Level::Unknown;
        facts << QCoreApplication::translate("Health", "The pair's state is not known.");
    }
    const qulonglong remapped = status.value(QStringLiteral("remapped")).toULongLong();
    const qulonglong pending = status.value(QStringLiteral("pending")).toULongLong();
    if (remapped > 0) {
        level = std::max(level, Level::Caution);
        facts << QCoreApplication::translate("Health", "%Ln bad block(s) on the main disk have been moved to the spare.", nullptr, plural(remapped));
    }
    if (pending > 0) {
        level = Level::Bad;
        facts << QCoreApplication::translate("Health", "%Ln block(s) could not be read; files stored there may be unreadable now.", nullptr, plural(pending));
    }
    if (mainDisk.level == Level::Bad || mainDisk.level == Level::Caution) {
        level = std::max(level, mainDisk.level);
        facts << QCoreApplication::translate("Health", "Main disk: %1").arg(mainDisk.facts);
    }
    if (spareDisk.level == Level::Bad || spareDisk.level == Level::Caution) {
        level = std::max(level, spareDisk.level);
        facts << QCoreApplication::translate("Health", "Spare disk: %1").arg(spareDisk.facts);
    }
    if (facts.isEmpty())
        facts << QCoreApplication::translate("Health", "Both disks are working and no block has needed replacing.");

    QString advice;
    if (state == QLatin1String("missing"))
        advice = QCoreApplication::translate("Health", "Connect the missing disk again.");
    else if (level == Level::Bad)
        advice = QCoreApplication::translate("Health", "Copy your files from %1 to another disk now.").arg(device);
    else if (level == Level::Caution)
        advice = QCoreApplication::translate("Health", "Your data is still readable; keep your backup up to date and plan to replace the failing disk.");
    const QString text = joined(facts);
    return {level, advice.isEmpty() ? text : joined({text, advice}), text};
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

namespace {

// The hue of each level; its lightness is fitted to the background.
QColor hueOf(Level level)
{
    switch (level) {
    case Level::Good: return QColor(0x2e, 0x7d, 0x32);
    case Level::Caution: return QColor(0xe6, 0x8a, 0x00);
    case Level::Bad: return QColor(0xc6, 0x28, 0x28);
    case Level::Unknown: break;
    }
    return QColor(0x75, 0x75, 0x75);
}

double luminance(const QColor &c)
{
    auto channel = [](double v) { return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

} // namespace

double contrastRatio(const QColor &a, const QColor &b)
{
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

// The colour made darker (on a light background) or lighter (on a dark
// one), keeping its hue, until it reaches ratio against background.
QColor readableOn(const QColor &color, const QColor &background, double ratio)
{
    const bool darken = luminance(background) > 0.18;
    QColor c = color.toHsl();
    for (int step = 0; step < 100 && contrastRatio(c, background) < ratio; ++step) {
        const double l = std::clamp(c.lightnessF() + (darken ? -0.01 : 0.01), 0.0, 1.0);
        c.setHslF(c.hslHueF(), c.hslSaturationF(), l);
    }
    return c.toRgb();
}


QColor color(Level level, const QPalette &palette)
{
    // Views alternate Base and AlternateBase rows: readable on both.
    const QColor onBase = readableOn(hueOf(level), palette.color(QPalette::Base), 4.5);
    return readableOn(onBase, palette.color(QPalette::AlternateBase), 4.5);
}

BadgeColors badgeColors(Level level, const QPalette &palette)
{
    // The badge's text is the Base colour (white in light palettes, dark in
    // dark ones); the badge is the level's colour readable under it, which
    // also sets it apart from the Window.
    const QColor text = palette.color(QPalette::Base);
    return {text, readableOn(hueOf(level), text, 4.5)};
}

QColor blend(const QColor &from, const QColor &to, double share)
{
    // 8 bits a channel, as painted.
    auto mix = [share](int a, int b) { return int(std::lround(a + (b - a) * share)); };
    return QColor(mix(from.red(), to.red()), mix(from.green(), to.green()), mix(from.blue(), to.blue()));
}

MessageColors messageColors(Level level, const QPalette &palette)
{
    // A tint of the level over the window, its text the palette's own (made
    // readable on the tint) and a border that stands out 3:1.
    const QColor window = palette.color(QPalette::Window);
    const QColor background = blend(window, hueOf(level), 0.14);
    return {readableOn(palette.color(QPalette::WindowText), background, 7.0), background,
            readableOn(hueOf(level), background, 3.0)};
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

QString transportText(const QString &transport)
{
    if (transport == QLatin1String("ata") || transport == QLatin1String("sata"))
        return QCoreApplication::translate("Health", "SATA");
    if (transport == QLatin1String("usb"))
        return QCoreApplication::translate("Health", "USB");
    if (transport == QLatin1String("nvme"))
        return QCoreApplication::translate("Health", "NVMe");
    if (transport == QLatin1String("scsi") || transport == QLatin1String("sas"))
        return QCoreApplication::translate("Health", "SCSI or SAS");
    if (transport == QLatin1String("virtio"))
        return QCoreApplication::translate("Health", "a virtual machine's disk bus");
    if (transport == QLatin1String("mmc"))
        return QCoreApplication::translate("Health", "a memory card slot (SD or eMMC)");
    if (transport == QLatin1String("ieee1394"))
        return QCoreApplication::translate("Health", "FireWire");
    if (transport.isEmpty() || transport == QLatin1String("unknown"))
        return QCoreApplication::translate("Health", "an unknown connection");
    // A name this version does not know: the helper's code, as a name.
    return QCoreApplication::translate("Health", "a connection of type “%1”").arg(transport);
}

QStringList usbDeviceTypes()
{
    return {QString(), QStringLiteral("sat"), QStringLiteral("usbjmicron"), QStringLiteral("usbprolific"),
            QStringLiteral("usbsunplus"), QStringLiteral("usbcypress"), QStringLiteral("sntasmedia"),
            QStringLiteral("sntjmicron"), QStringLiteral("sntrealtek")};
}

bool offersDeviceType(const QVariantMap &info, const QVariantMap &smart)
{
    if (info.value(QStringLiteral("transport")).toString() == QLatin1String("usb")
        || !smart.value(QStringLiteral("device-type")).toString().isEmpty())
        return true;
    if (smart.value(QStringLiteral("available")).toBool())
        return false;
    const DmRemap::ReasonList why = DmRemap::reasonsFrom(smart.value(QStringLiteral("unavailable-reasons")));
    return !why.isEmpty() && why.first().value(QStringLiteral("code")) == QLatin1String("device-type-unknown");
}

QString deviceTypeText(const QString &type)
{
    if (type.isEmpty() || type == QLatin1String("auto"))
        return QCoreApplication::translate("Health", "Automatic");
    if (type == QLatin1String("sat"))
        return QCoreApplication::translate("Health", "Most USB adapters (standard)");
    if (type == QLatin1String("usbjmicron"))
        return QCoreApplication::translate("Health", "JMicron USB adapter");
    if (type == QLatin1String("usbprolific"))
        return QCoreApplication::translate("Health", "Prolific USB adapter");
    if (type == QLatin1String("usbsunplus"))
        return QCoreApplication::translate("Health", "Sunplus USB adapter");
    if (type == QLatin1String("usbcypress"))
        return QCoreApplication::translate("Health", "Cypress USB adapter");
    if (type == QLatin1String("sntasmedia"))
        return QCoreApplication::translate("Health", "ASMedia USB adapter for NVMe drives");
    if (type == QLatin1String("sntjmicron"))
        return QCoreApplication::translate("Health", "JMicron USB adapter for NVMe drives");
    if (type == QLatin1String("sntrealtek"))
        return QCoreApplication::translate("Health", "Realtek USB adapter for NVMe drives");
    return QCoreApplication::translate("Health", "Type “%1”").arg(type);
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
    // One unit system in the whole app: IEC (1 GiB = 1024 MiB).
    return QLocale().formattedDataSize(qint64(bytes), 1, QLocale::DataSizeIecFormat);
}

QString formatBlockSize(qulonglong bytes)
{
    return QLocale().formattedDataSize(qint64(bytes), 0, QLocale::DataSizeIecFormat);
}

QString shortDate(qint64 secs)
{
    return QLocale().toString(QDateTime::fromSecsSinceEpoch(secs).date(), QLocale::ShortFormat);
}

QString forecastDate(qint64 secs)
{
    return shortDate(secs);
}

QString riskBandText(const QString &band)
{
    if (band == QLatin1String("low"))
        return QCoreApplication::translate("Health", "low");
    if (band == QLatin1String("elevated"))
        return QCoreApplication::translate("Health", "elevated");
    if (band == QLatin1String("high"))
        return QCoreApplication::translate("Health", "high");
    if (band == QLatin1String("severe"))
        return QCoreApplication::translate("Health", "severe");
    return QCoreApplication::translate("Health", "unknown");
}

QString forecastText(const QVariantMap &forecast)
{
    if (forecast.isEmpty())
        return QCoreApplication::translate("Health", "Not known yet.");
    const QString reason = forecast.value(QStringLiteral("reason")).toString();
    QString text;
    if (forecast.value(QStringLiteral("forecast")).toBool()) {
        const QString earliest = forecastDate(forecast.value(QStringLiteral("earliest")).toLongLong());
        const QString likely = forecastDate(forecast.value(QStringLiteral("likely")).toLongLong());
        text = forecast.value(QStringLiteral("latest-beyond-horizon")).toBool()
            ? QCoreApplication::translate("Health", "Full around %1 at the current rate (80% likely between %2 and "
                                                    "more than 10 years from now).").arg(likely, earliest)
            : QCoreApplication::translate("Health", "Full around %1 at the current rate (80% likely between %2 and %3).")
                      .arg(likely, earliest, forecastDate(forecast.value(QStringLiteral("latest")).toLongLong()));
    } else if (!forecast.value(QStringLiteral("history-available"), true).toBool()) {
        text = QCoreApplication::translate("Health", "No forecast: the disk helper cannot keep a history on this computer.");
    } else if (reason == QLatin1String("too-little-history")) {
        text = QCoreApplication::translate("Health", "No forecast yet: it needs at least a week of history and three "
                                                     "bursts of moved blocks in the last 90 days.");
    } else if (reason == QLatin1String("no-remaps-in-window")) {
        text = QCoreApplication::translate("Health", "No forecast: no blocks were moved in the last 90 days.");
    } else if (reason == QLatin1String("already-full")) {
        text = QCoreApplication::translate("Health", "No forecast: the spare is full.");
    } else if (reason == QLatin1String("beyond-horizon")) {
        text = QCoreApplication::translate("Health", "Not within 10 years at the current rate.");
    } else {
        text = QCoreApplication::translate("Health", "No forecast.");
    }
    const QString band = forecast.value(QStringLiteral("risk-band")).toString();
    if (band.isEmpty())
        return text;
    const QLocale locale;
    // An annualized failure rate counts failures per disk-year and passes
    // 100% for the worst rows; what a user can read is the chance that the
    // disk fails within a year at that constant rate: 1 - e^-rate.
    auto percent = [&locale, &forecast](const char *key) {
        const double chance = (1 - std::exp(-std::max(0.0, forecast.value(QLatin1String(key)).toDouble()))) * 100;
        return locale.toString(chance, 'f', chance < 10 ? 1 : 0);
    };
    // The helper's source is an English citation: the app names it itself.
    const QString risk = forecast.value(QStringLiteral("risk-source")).toString().isEmpty()
        ? QCoreApplication::translate("Health", "Failure risk of the main disk: %1 (about %2% likely to fail within a "
                                                "year, %3–%4%).")
              .arg(riskBandText(band), percent("risk-annual-failure-rate"), percent("risk-interval-low"),
                   percent("risk-interval-high"))
        : QCoreApplication::translate("Health", "Failure risk of the main disk: %1 (about %2% likely to fail within a "
                                                "year, %3–%4%, by Backblaze's drive statistics as Scrutiny publishes them).")
              .arg(riskBandText(band), percent("risk-annual-failure-rate"), percent("risk-interval-low"),
                   percent("risk-interval-high"));
    text += QLatin1Char(' ') + risk;
    const QString window = firstReallocationText(forecast);
    return window.isEmpty() ? text : text + QLatin1Char(' ') + window;
}

QString firstReallocationText(const QVariantMap &forecast)
{
    if (!forecast.value(QStringLiteral("first-reallocation-window")).toBool())
        return {};
    const qint64 ends = forecast.value(QStringLiteral("first-reallocation-window-ends")).toLongLong();
    // The helper's source is an English citation: the app names it itself.
    if (forecast.value(QStringLiteral("first-reallocation-source")).toString().isEmpty())
        return QCoreApplication::translate("Health", "The main disk replaced its first sector less than 60 days ago: "
                                                     "until %1 it is much more likely to fail than before.")
            .arg(shortDate(ends));
    return QCoreApplication::translate("Health", "The main disk replaced its first sector less than 60 days ago: "
                                                 "until %1 it is much more likely to fail than before (disks were "
                                                 "over 14 times as likely to fail within 60 days of their first "
                                                 "reallocation in Google's study by Pinheiro, Weber and Barroso, "
                                                 "FAST 2007).")
        .arg(shortDate(ends));
}

bool spareFullWithin(const QVariantMap &forecast, qint64 nowSecs, int days)
{
    return forecast.value(QStringLiteral("forecast")).toBool()
        && forecast.value(QStringLiteral("likely")).toLongLong() - nowSecs <= qint64(days) * 86400;
}

} // namespace Health
