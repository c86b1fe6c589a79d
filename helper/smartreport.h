// smartctl's JSON output (--json=c -x) reduced to what matters for failing
// media: an overall verdict with its reason, the key counters, the ATA
// attribute table, the self-test log and a running self-test's progress.
#pragma once

#include "dbustypes.h"

#include <QByteArray>
#include <QStringList>
#include <QVariantMap>
#include <optional>

class SmartReport
{
public:
    // Parses smartctl's stdout; exitStatus is the process's exit code.
    static SmartReport parse(const QByteArray &json, int exitStatus);
    // A report without SMART data: code names why (docs/dbus-api.md,
    // "unavailable-reasons"), reason says it in English.
    static SmartReport unavailable(const QString &code, const QString &reason);
    // What a disk shows after a read: one found asleep keeps the data of its
    // last read, marked standby, since it was not woken to read it again.
    static SmartReport afterRead(const SmartReport &previous, const SmartReport &read);

    // smartctl's exit status bits in words (its man page, "RETURN VALUES").
    static QStringList decodeExitStatus(int status);

    // A log that a forged disk fills is read this far (ATA keeps 21 entries,
    // NVMe 20).
    static constexpr int kMaxFailingSectors = 32;
    // The first 512-byte sector of each block that the self-test log names
    // as a failed test's first failing LBA (ATA and NVMe logs count in the
    // disk's logical blocks), in log order, each once, only those inside
    // the disk, at most kMaxFailingSectors.
    static QList<quint64> failingSectors(const DmRemap::SelfTestList &log, uint logicalBlockSize, quint64 diskSectors);
    // The same for LBAs in the disk's logical blocks (nvmeErrorLbas).
    static QList<quint64> sectorsOfLbas(const QList<quint64> &lbas, uint logicalBlockSize, quint64 diskSectors);

    bool available = false;       // SMART data was read
    QString unavailableReason;    // why not, in words
    DmRemap::ReasonList unavailableReasons; // why not, as codes
    bool standby = false;         // the disk was asleep and was not woken
    QString verdict = QStringLiteral("unknown"); // passed, warning, failing, unknown
    QString verdictReason;        // the worst level's reasons, in words
    // Every reason for the verdict, worst first: "code" s, "severity" s
    // (failing, warning) and the numbers the code needs.
    DmRemap::ReasonList verdictReasons;
    QString protocol;             // ATA, NVMe, SCSI
    QString model, serial;        // sanitized
    int exitStatus = 0;

    std::optional<int> temperature;
    std::optional<quint64> powerOnHours;
    std::optional<quint64> reallocatedSectors;   // ATA 5
    std::optional<quint64> reportedUncorrect;    // ATA 187
    std::optional<quint64> commandTimeouts;      // ATA 188
    std::optional<quint64> pendingSectors;       // ATA 197
    std::optional<quint64> offlineUncorrectable; // ATA 198
    std::optional<quint64> crcErrors;            // ATA 199

    bool isNvme = false;
    uint nvmeCriticalWarning = 0;
    quint64 nvmeMediaErrors = 0;
    uint nvmePercentageUsed = 0;
    uint nvmeAvailableSpare = 0;
    uint nvmeAvailableSpareThreshold = 0;
    // LBAs of media errors (unrecovered read, write fault, integrity checks)
    // in the NVMe error information log of this namespace, newest first,
    // each once, at most kMaxFailingSectors. smartctl reports the log in its
    // JSON from version 7.4 on; Debian 12's 7.3 does not.
    QList<quint64> nvmeErrorLbas;

    bool selfTestRunning = false;
    int selfTestRemainingPercent = 0;

    DmRemap::SmartAttributeList attributes;
    DmRemap::SelfTestList selfTests; // newest first

    // The Smart1.GetSmart dictionary (without "updated" and "device-type",
    // which the caller adds).
    QVariantMap toMap() const;
};
