#include "smartreport.h"

#include "validation.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using Validation::sanitize;

namespace {

// JSON numbers arrive as doubles: accept only non-negative integral values.
std::optional<quint64> unsignedValue(const QJsonValue &v)
{
    if (!v.isDouble())
        return std::nullopt;
    const double d = v.toDouble();
    if (d < 0 || d > 18446744073709549568.0 || d != double(quint64(d)))
        return std::nullopt;
    return quint64(d);
}

std::optional<int> intValue(const QJsonValue &v)
{
    if (!v.isDouble())
        return std::nullopt;
    const double d = v.toDouble();
    if (d < -1000000 || d > 1000000 || d != double(int(d)))
        return std::nullopt;
    return int(d);
}

uint uintOr(const QJsonValue &v, uint fallback)
{
    const auto u = unsignedValue(v);
    return u && *u <= 0xffffffffULL ? uint(*u) : fallback;
}

// ATA attributes that count failing media (and the cable/command ones that
// often come with it).
constexpr uchar kReallocated = 5, kReportedUncorrect = 187, kCommandTimeout = 188,
                 kPending = 197, kOfflineUncorrectable = 198, kCrcErrors = 199;

bool isMediaAttribute(uchar id)
{
    return id == kReallocated || id == kReportedUncorrect || id == kCommandTimeout || id == kPending
            || id == kOfflineUncorrectable || id == kCrcErrors;
}

QStringList messagesOf(const QJsonObject &root)
{
    QStringList out;
    const QJsonArray messages = root.value(QLatin1String("smartctl")).toObject().value(QLatin1String("messages")).toArray();
    for (const QJsonValue &m : messages) {
        const QString text = sanitize(m.toObject().value(QLatin1String("string")).toString(), 200);
        if (!text.isEmpty())
            out << text;
    }
    return out;
}

void parseAtaSelfTests(const QJsonObject &root, DmRemap::SelfTestList *out)
{
    const QJsonObject log = root.value(QLatin1String("ata_smart_self_test_log")).toObject();
    // -x prefers the extended (GP) log when the disk has one.
    QJsonObject table = log.value(QLatin1String("extended")).toObject();
    if (!table.value(QLatin1String("table")).isArray())
        table = log.value(QLatin1String("standard")).toObject();
    for (const QJsonValue &v : table.value(QLatin1String("table")).toArray()) {
        const QJsonObject e = v.toObject();
        DmRemap::SelfTest t;
        t.type = sanitize(e.value(QLatin1String("type")).toObject().value(QLatin1String("string")).toString(), 64);
        const QJsonObject status = e.value(QLatin1String("status")).toObject();
        t.status = sanitize(status.value(QLatin1String("string")).toString(), 128);
        t.lifetimeHours = uintOr(e.value(QLatin1String("lifetime_hours")), 0);
        t.remainingPercent = intValue(status.value(QLatin1String("remaining_percent"))).value_or(0);
        const auto lba = unsignedValue(e.value(QLatin1String("lba")));
        t.failingLba = lba && *lba <= quint64(std::numeric_limits<qint64>::max()) ? qint64(*lba) : -1;
        out->append(t);
    }
}

// smartctl 7.4's nvme_error_information_log: the media errors' LBAs of the
// one namespace the report is about (status code type 2, codes 0x80 write
// fault to 0x84 reference tag check; not access denied or unwritten blocks).
QList<quint64> parseNvmeErrorLog(const QJsonObject &root)
{
    QList<quint64> out;
    const QJsonArray namespaces = root.value(QLatin1String("nvme_namespaces")).toArray();
    const std::optional<quint64> nsid = namespaces.size() == 1
            ? unsignedValue(namespaces.at(0).toObject().value(QLatin1String("id"))) : std::nullopt;
    const QJsonArray table = root.value(QLatin1String("nvme_error_information_log")).toObject()
                                     .value(QLatin1String("table")).toArray();
    constexpr int kMaxEntries = 256; // NVMe allows 256 entries; a forged log gets no further
    for (int i = 0; i < table.size() && i < kMaxEntries && out.size() < SmartReport::kMaxFailingSectors; ++i) {
        const QJsonObject entry = table.at(i).toObject();
        const QJsonObject status = entry.value(QLatin1String("status_field")).toObject();
        const uint type = uintOr(status.value(QLatin1String("status_code_type")), 0);
        const uint code = uintOr(status.value(QLatin1String("status_code")), 0);
        const std::optional<quint64> lba = unsignedValue(entry.value(QLatin1String("lba")).toObject().value(QLatin1String("value")));
        const std::optional<quint64> entryNsid = unsignedValue(entry.value(QLatin1String("nsid")));
        if (type != 2 || code < 0x80 || code > 0x84 || !lba || (entryNsid && nsid && *entryNsid != *nsid) || (entryNsid && !nsid))
            continue;
        if (!out.contains(*lba))
            out << *lba;
    }
    return out;
}

void parseNvmeSelfTests(const QJsonObject &log, DmRemap::SelfTestList *out)
{
    for (const QJsonValue &v : log.value(QLatin1String("table")).toArray()) {
        const QJsonObject e = v.toObject();
        DmRemap::SelfTest t;
        t.type = sanitize(e.value(QLatin1String("self_test_code")).toObject().value(QLatin1String("string")).toString(), 64);
        t.status = sanitize(e.value(QLatin1String("self_test_result")).toObject().value(QLatin1String("string")).toString(), 128);
        t.lifetimeHours = uintOr(e.value(QLatin1String("power_on_hours")), 0);
        const auto lba = unsignedValue(e.value(QLatin1String("lba")));
        t.failingLba = lba && *lba <= quint64(std::numeric_limits<qint64>::max()) ? qint64(*lba) : -1;
        out->append(t);
    }
}

} // namespace

QList<quint64> SmartReport::failingSectors(const DmRemap::SelfTestList &log, uint logicalBlockSize, quint64 diskSectors)
{
    QList<quint64> lbas;
    for (const DmRemap::SelfTest &test : log)
        if (test.failingLba >= 0)
            lbas << quint64(test.failingLba);
    return sectorsOfLbas(lbas, logicalBlockSize, diskSectors);
}

QList<quint64> SmartReport::sectorsOfLbas(const QList<quint64> &lbas, uint logicalBlockSize, quint64 diskSectors)
{
    QList<quint64> out;
    if (logicalBlockSize < 512 || logicalBlockSize % 512 != 0)
        return out;
    const quint64 perBlock = logicalBlockSize / 512;
    for (const quint64 lba : lbas) {
        if (lba >= diskSectors / perBlock)
            continue;
        const quint64 sector = lba * perBlock;
        if (!out.contains(sector))
            out << sector;
        if (out.size() == kMaxFailingSectors)
            break;
    }
    return out;
}

QStringList SmartReport::decodeExitStatus(int status)
{
    static const char *const bits[8] = {
        "command line did not parse",
        "device open failed, or the device is in a low-power mode",
        "a SMART or other ATA command to the disk failed, or a checksum was wrong",
        "SMART status check returned \"DISK FAILING\"",
        "prefail attributes are at or below their thresholds",
        "some attributes were at or below their thresholds in the past",
        "the device error log contains records of errors",
        "the device self-test log contains records of errors",
    };
    QStringList out;
    for (int i = 0; i < 8; ++i)
        if (status & (1 << i))
            out << QString::fromLatin1(bits[i]);
    return out;
}

SmartReport SmartReport::unavailable(const QString &code, const QString &reason)
{
    SmartReport r;
    r.unavailableReason = reason;
    r.unavailableReasons = {{{QStringLiteral("code"), code}, {QStringLiteral("message"), reason}}};
    r.verdictReason = reason;
    return r;
}

SmartReport SmartReport::afterRead(const SmartReport &previous, const SmartReport &read)
{
    if (!read.standby || !previous.available)
        return read;
    SmartReport kept = previous;
    kept.standby = true;
    return kept;
}

SmartReport SmartReport::parse(const QByteArray &json, int exitStatus)
{
    SmartReport r;
    r.exitStatus = exitStatus;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        r = unavailable(QStringLiteral("invalid-output"), QStringLiteral("smartctl's output is not valid JSON (%1), exit status %2")
                                                                  .arg(error.errorString()).arg(exitStatus));
        r.exitStatus = exitStatus;
        return r;
    }
    const QJsonObject root = doc.object();
    const QStringList messages = messagesOf(root);
    r.protocol = sanitize(root.value(QLatin1String("device")).toObject().value(QLatin1String("protocol")).toString(), 16);
    r.model = sanitize(root.value(QLatin1String("model_name")).toString(), 64);
    r.serial = sanitize(root.value(QLatin1String("serial_number")).toString(), 64);

    // With -n standby a sleeping disk is left alone: exit bit 1 and a message.
    for (const QString &m : messages)
        if (m.contains(QLatin1String("STANDBY"), Qt::CaseInsensitive) || m.contains(QLatin1String("SLEEP mode"), Qt::CaseInsensitive))
            r.standby = true;
    if (r.standby) {
        r.unavailableReason = QStringLiteral("the disk is in standby; it was not woken to read SMART data");
        r.unavailableReasons = {{{QStringLiteral("code"), QStringLiteral("standby")},
                                 {QStringLiteral("message"), r.unavailableReason}}};
        r.verdictReason = r.unavailableReason;
        return r;
    }
    const QJsonObject support = root.value(QLatin1String("smart_support")).toObject();
    if ((exitStatus & 0x3) || !root.contains(QLatin1String("smart_status"))
        || support.value(QLatin1String("available")) == QJsonValue(false)) {
        QString why, code;
        if (support.value(QLatin1String("available")) == QJsonValue(false)) {
            why = QStringLiteral("the disk does not support SMART");
            code = QStringLiteral("not-supported");
        } else if (support.value(QLatin1String("enabled")) == QJsonValue(false)) {
            why = QStringLiteral("SMART is disabled on the disk");
            code = QStringLiteral("disabled");
        } else if (!messages.isEmpty()) {
            why = messages.join(QStringLiteral("; "));
            // Bit 0: smartctl could not tell how to talk to the device (a USB
            // bridge without -d); bit 1: it could not open it.
            code = (exitStatus & 0x1) ? QStringLiteral("device-type-unknown")
                    : (exitStatus & 0x2) ? QStringLiteral("open-failed") : QStringLiteral("no-status");
        } else {
            why = QStringLiteral("smartctl reported no SMART status (%1)")
                          .arg(decodeExitStatus(exitStatus).join(QStringLiteral("; ")));
            code = QStringLiteral("no-status");
        }
        r.unavailableReason = why;
        r.unavailableReasons = {{{QStringLiteral("code"), code}, {QStringLiteral("message"), why},
                                 {QStringLiteral("exit-status"), uint(exitStatus)}}};
        r.verdictReason = why;
        return r;
    }
    r.available = true;

    if (const auto t = intValue(root.value(QLatin1String("temperature")).toObject().value(QLatin1String("current"))))
        r.temperature = *t;
    if (const auto h = unsignedValue(root.value(QLatin1String("power_on_time")).toObject().value(QLatin1String("hours"))))
        r.powerOnHours = *h;

    for (const QJsonValue &v : root.value(QLatin1String("ata_smart_attributes")).toObject().value(QLatin1String("table")).toArray()) {
        const QJsonObject a = v.toObject();
        const auto id = unsignedValue(a.value(QLatin1String("id")));
        if (!id || *id == 0 || *id > 255)
            continue;
        DmRemap::SmartAttribute attr;
        attr.id = uchar(*id);
        attr.name = sanitize(a.value(QLatin1String("name")).toString(), 64);
        attr.value = uintOr(a.value(QLatin1String("value")), 0);
        attr.worst = uintOr(a.value(QLatin1String("worst")), 0);
        attr.threshold = uintOr(a.value(QLatin1String("thresh")), 0);
        const QJsonObject raw = a.value(QLatin1String("raw")).toObject();
        const auto rawValue = unsignedValue(raw.value(QLatin1String("value")));
        attr.raw = rawValue.value_or(0);
        attr.rawString = sanitize(raw.value(QLatin1String("string")).toString(), 64);
        const QString whenFailed = a.value(QLatin1String("when_failed")).toString();
        if (whenFailed == QLatin1String("now"))
            attr.status = QStringLiteral("failing");
        else if (whenFailed == QLatin1String("past") || (isMediaAttribute(attr.id) && attr.raw > 0))
            attr.status = QStringLiteral("warning");
        else
            attr.status = QStringLiteral("ok");
        if (rawValue) {
            switch (attr.id) {
            case kReallocated: r.reallocatedSectors = attr.raw; break;
            case kReportedUncorrect: r.reportedUncorrect = attr.raw; break;
            case kCommandTimeout: r.commandTimeouts = attr.raw; break;
            case kPending: r.pendingSectors = attr.raw; break;
            case kOfflineUncorrectable: r.offlineUncorrectable = attr.raw; break;
            case kCrcErrors: r.crcErrors = attr.raw; break;
            default: break;
            }
        }
        r.attributes.append(attr);
    }

    const QJsonObject selfTest = root.value(QLatin1String("ata_smart_data")).toObject()
                                         .value(QLatin1String("self_test")).toObject()
                                         .value(QLatin1String("status")).toObject();
    // Self-test execution status 0xF_ means "in progress", low nibble = tenths left.
    const uint selfTestValue = uintOr(selfTest.value(QLatin1String("value")), 0);
    if ((selfTestValue >> 4) == 0xF) {
        r.selfTestRunning = true;
        r.selfTestRemainingPercent = intValue(selfTest.value(QLatin1String("remaining_percent"))).value_or(int(selfTestValue & 0xF) * 10);
    }
    parseAtaSelfTests(root, &r.selfTests);

    const QJsonObject nvme = root.value(QLatin1String("nvme_smart_health_information_log")).toObject();
    if (!nvme.isEmpty() || r.protocol == QLatin1String("NVMe")) {
        r.isNvme = true;
        r.nvmeCriticalWarning = uintOr(nvme.value(QLatin1String("critical_warning")), 0);
        r.nvmeMediaErrors = unsignedValue(nvme.value(QLatin1String("media_errors"))).value_or(0);
        r.nvmePercentageUsed = uintOr(nvme.value(QLatin1String("percentage_used")), 0);
        r.nvmeAvailableSpare = uintOr(nvme.value(QLatin1String("available_spare")), 0);
        r.nvmeAvailableSpareThreshold = uintOr(nvme.value(QLatin1String("available_spare_threshold")), 0);
        if (!r.powerOnHours)
            if (const auto h = unsignedValue(nvme.value(QLatin1String("power_on_hours"))))
                r.powerOnHours = *h;
        const QJsonObject log = root.value(QLatin1String("nvme_self_test_log")).toObject();
        if (uintOr(log.value(QLatin1String("current_self_test_operation")).toObject().value(QLatin1String("value")), 0) != 0) {
            r.selfTestRunning = true;
            const int done = intValue(log.value(QLatin1String("current_self_test_completion_percent"))).value_or(0);
            r.selfTestRemainingPercent = qBound(0, 100 - done, 100);
        }
        parseNvmeSelfTests(log, &r.selfTests);
        r.nvmeErrorLbas = parseNvmeErrorLog(root);
    }

    // The verdict: failing beats warning beats passed. Each reason is kept
    // as a code with its numbers (for clients to word) and in English (the
    // worst level's, for the command-line client).
    QStringList failing, warning;
    DmRemap::ReasonList failingReasons, warningReasons;
    auto add = [&](bool isFailing, const QString &code, const QVariantMap &values, const QString &english) {
        QVariantMap reason = values;
        reason.insert(QStringLiteral("code"), code);
        reason.insert(QStringLiteral("severity"), isFailing ? QStringLiteral("failing") : QStringLiteral("warning"));
        (isFailing ? failingReasons : warningReasons) << reason;
        (isFailing ? failing : warning) << english;
    };
    auto count = [](quint64 n) { return QVariantMap{{QStringLiteral("count"), qulonglong(n)}}; };
    if (root.value(QLatin1String("smart_status")).toObject().value(QLatin1String("passed")) == QJsonValue(false))
        add(true, QStringLiteral("health-check-failed"), {}, QStringLiteral("the disk's own health check says it is failing"));
    if (exitStatus & 0x10)
        add(true, QStringLiteral("prefail-at-threshold"), {}, QStringLiteral("prefail attributes are at or below their thresholds"));
    for (const DmRemap::SmartAttribute &a : std::as_const(r.attributes))
        if (a.status == QLatin1String("failing"))
            add(true, QStringLiteral("attribute-failing"), {{QStringLiteral("id"), uint(a.id)}, {QStringLiteral("name"), a.name}},
                QStringLiteral("attribute %1 %2 is failing now").arg(a.id).arg(a.name));
    if (r.isNvme) {
        // Critical warning bits: 0 spare below threshold, 1 temperature,
        // 2 reliability degraded, 3 read-only, 4 volatile backup failed.
        if (r.nvmeCriticalWarning)
            add(r.nvmeCriticalWarning & 0x0d, QStringLiteral("nvme-critical-warning"), {{QStringLiteral("bits"), r.nvmeCriticalWarning}},
                QStringLiteral("NVMe critical warning 0x%1").arg(r.nvmeCriticalWarning, 2, 16, QLatin1Char('0')));
        if (r.nvmeAvailableSpare < r.nvmeAvailableSpareThreshold)
            add(true, QStringLiteral("nvme-spare-below-threshold"),
                {{QStringLiteral("percent"), r.nvmeAvailableSpare}, {QStringLiteral("threshold"), r.nvmeAvailableSpareThreshold}},
                QStringLiteral("available spare %1% is below the threshold %2%").arg(r.nvmeAvailableSpare).arg(r.nvmeAvailableSpareThreshold));
        if (r.nvmeMediaErrors)
            add(false, QStringLiteral("nvme-media-errors"), count(r.nvmeMediaErrors),
                QStringLiteral("%1 media errors").arg(r.nvmeMediaErrors));
        if (r.nvmePercentageUsed >= 100)
            add(false, QStringLiteral("nvme-endurance-used"), {{QStringLiteral("percent"), r.nvmePercentageUsed}},
                QStringLiteral("rated endurance used up (%1%)").arg(r.nvmePercentageUsed));
    }
    if (r.reallocatedSectors.value_or(0))
        add(false, QStringLiteral("reallocated-sectors"), count(*r.reallocatedSectors),
            QStringLiteral("%1 reallocated sectors").arg(*r.reallocatedSectors));
    if (r.pendingSectors.value_or(0))
        add(false, QStringLiteral("pending-sectors"), count(*r.pendingSectors),
            QStringLiteral("%1 pending sectors").arg(*r.pendingSectors));
    if (r.offlineUncorrectable.value_or(0))
        add(false, QStringLiteral("offline-uncorrectable"), count(*r.offlineUncorrectable),
            QStringLiteral("%1 offline uncorrectable sectors").arg(*r.offlineUncorrectable));
    if (r.reportedUncorrect.value_or(0))
        add(false, QStringLiteral("reported-uncorrectable"), count(*r.reportedUncorrect),
            QStringLiteral("%1 reported uncorrectable errors").arg(*r.reportedUncorrect));
    if (exitStatus & 0x20)
        add(false, QStringLiteral("attributes-failed-in-past"), {}, QStringLiteral("some attributes were below their thresholds in the past"));
    if (exitStatus & 0x80)
        add(false, QStringLiteral("self-test-failed"), {}, QStringLiteral("the self-test log records a failed test"));
    r.verdictReasons = failingReasons + warningReasons;
    if (!failing.isEmpty()) {
        r.verdict = QStringLiteral("failing");
        r.verdictReason = failing.join(QStringLiteral("; "));
    } else if (!warning.isEmpty()) {
        r.verdict = QStringLiteral("warning");
        r.verdictReason = warning.join(QStringLiteral("; "));
    } else {
        r.verdict = QStringLiteral("passed");
        r.verdictReason = QStringLiteral("no sign of failing media");
    }
    return r;
}

QVariantMap SmartReport::toMap() const
{
    QVariantMap m;
    m.insert(QStringLiteral("available"), available);
    m.insert(QStringLiteral("asleep"), standby);
    m.insert(QStringLiteral("unavailable-reason"), unavailableReason);
    m.insert(QStringLiteral("verdict"), verdict);
    m.insert(QStringLiteral("verdict-reason"), verdictReason);
    m.insert(QStringLiteral("unavailable-reasons"), QVariant::fromValue(unavailableReasons));
    m.insert(QStringLiteral("verdict-reasons"), QVariant::fromValue(verdictReasons));
    m.insert(QStringLiteral("self-test-running"), selfTestRunning);
    m.insert(QStringLiteral("self-test-remaining-percent"), selfTestRemainingPercent);
    if (temperature)
        m.insert(QStringLiteral("temperature"), *temperature);
    if (powerOnHours)
        m.insert(QStringLiteral("power-on-hours"), qulonglong(*powerOnHours));
    if (reallocatedSectors)
        m.insert(QStringLiteral("reallocated-sectors"), qulonglong(*reallocatedSectors));
    if (pendingSectors)
        m.insert(QStringLiteral("pending-sectors"), qulonglong(*pendingSectors));
    if (offlineUncorrectable)
        m.insert(QStringLiteral("offline-uncorrectable"), qulonglong(*offlineUncorrectable));
    if (isNvme && available) {
        m.insert(QStringLiteral("nvme-critical-warning"), nvmeCriticalWarning);
        m.insert(QStringLiteral("nvme-media-errors"), qulonglong(nvmeMediaErrors));
        m.insert(QStringLiteral("nvme-percentage-used"), nvmePercentageUsed);
        m.insert(QStringLiteral("nvme-available-spare"), nvmeAvailableSpare);
        m.insert(QStringLiteral("nvme-available-spare-threshold"), nvmeAvailableSpareThreshold);
    }
    return m;
}
