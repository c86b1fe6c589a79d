// Input checks and string hygiene for the helper: pair names, the main disk's
// identity, CreatePair options, object path elements, and text that comes
// from disks (model, serial, smartctl output) before it reaches logs or
// D-Bus replies.
#pragma once

#include <QString>
#include <QVariantMap>

namespace Validation {

// D-Bus error names answered by the helper (documented in docs/dbus-api.md).
namespace Errors {
inline constexpr char InvalidArgument[] = "org.dmremap.Error.InvalidArgument";
inline constexpr char UnknownOption[] = "org.dmremap.Error.UnknownOption";
inline constexpr char NotFound[] = "org.dmremap.Error.NotFound";
inline constexpr char InUse[] = "org.dmremap.Error.InUse";
inline constexpr char SameDisk[] = "org.dmremap.Error.SameDisk";
inline constexpr char SpareTooSmall[] = "org.dmremap.Error.SpareTooSmall";
inline constexpr char Exists[] = "org.dmremap.Error.Exists";
inline constexpr char TooMany[] = "org.dmremap.Error.TooMany";
inline constexpr char NotAcknowledged[] = "org.dmremap.Error.EraseNotAcknowledged";
inline constexpr char DeviceChanged[] = "org.dmremap.Error.DeviceChanged";
inline constexpr char NotSupported[] = "org.dmremap.Error.NotSupported";
inline constexpr char Busy[] = "org.dmremap.Error.Busy";
inline constexpr char Failed[] = "org.dmremap.Error.Failed";
inline constexpr char DataOnSpare[] = "org.dmremap.Error.DataOnSpare";
inline constexpr char DiskTooSmall[] = "org.dmremap.Error.DiskTooSmall";
inline constexpr char UnreadableBlocks[] = "org.dmremap.Error.UnreadableBlocks";
inline constexpr char AccessDenied[] = "org.freedesktop.DBus.Error.AccessDenied";
inline constexpr char LimitsExceeded[] = "org.freedesktop.DBus.Error.LimitsExceeded";
} // namespace Errors

// An error to answer a D-Bus call with: name (one of Errors) and message.
struct Error {
    QString name;
    QString message;
    bool isError() const { return !name.isEmpty(); }
};

// Pair names become /dev/mapper/<name> and the on-disk label: 1..63 of
// [A-Za-z0-9._-], starting with a letter or digit (no ".", "..", "-x").
bool isValidPairName(const QString &name);

// The identity recorded as main_id: the WWN when known, else the serial,
// reduced to [A-Za-z0-9._:-] and 63 characters. Empty when neither exists.
QString mainIdFor(const QString &wwn, const QString &serial);

// smartctl -d values a caller may set: a fixed list, "" for automatic.
bool isValidDeviceType(const QString &type);

// Text from a disk made safe to show: control and non-printable characters
// replaced by '?', surrounding blanks trimmed, at most maxLength characters.
QString sanitize(const QString &text, int maxLength = 256);
QString sanitize(const QByteArray &bytes, int maxLength = 256);

// Object path elements allow [A-Za-z0-9_] only: everything else, and '_'
// itself, becomes _xx (hex), so the mapping is reversible.
QString escapePathElement(const QString &text);
QString unescapePathElement(const QString &element);

struct CreateOptions {
    bool eraseSpare = false;
    uint blockSize = 8;    // sectors
    uint readRetries = 2;
};

// Parses CreatePair's a{sv}: unknown keys, wrong types and out-of-range
// values are refused (error set). erase-spare must be present and true.
CreateOptions parseCreateOptions(const QVariantMap &options, Error *error);

// Object paths of disks are /org/dmremap/Manager1/disks/<escaped id>.
inline constexpr char DiskPathPrefix[] = "/org/dmremap/Manager1/disks/";
inline constexpr int MaxDiskPathLength = 255;

// CreatePair's arguments as far as they can be judged without looking at
// any disk: options, name, the two paths' form and that they differ. Checked
// before polkit is asked.
Error checkCreatePairArguments(const QString &name, const QString &mainPath, const QString &sparePath,
                               const QVariantMap &options);

// StartSelfTest's type: "short" or "extended".
Error checkSelfTestType(const QString &type);

// SetDeviceType's type: one of isValidDeviceType.
Error checkDeviceType(const QString &type);

// ImportPair's arguments: the spare's path form and the options ("dry-run"
// b, false by default). Checked before polkit is asked.
Error checkImportArguments(const QString &sparePath, const QVariantMap &options, bool *dryRun);

struct RemoveOptions {
    bool force = false;  // remove even if moved blocks cannot go back to main
};

// Parses Pair1.RemoveWithOptions' a{sv}: only "force" b is known.
RemoveOptions parseRemoveOptions(const QVariantMap &options, Error *error);

// Checks Pair1.ReplaceMain's a{sv}: only "erase-new-disk" b, which must be
// true (the new disk's contents are destroyed).
Error checkReplaceOptions(const QVariantMap &options);

// GetHistory's range [from, to) in UTC seconds and its resolution in
// seconds: from at least 0, to after from and before the year 10000,
// resolution at least 1 s and at most History::kMaxBuckets buckets.
Error checkHistoryRange(qint64 fromSecs, qint64 toSecs, qint64 resolutionSecs);

} // namespace Validation
