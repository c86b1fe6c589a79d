#include "validation.h"

#include "history.h"

#include <QRegularExpression>

namespace Validation {

bool isValidPairName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$"));
    return pattern.match(name).hasMatch();
}

static QString reduceToIdCharacters(const QString &text)
{
    QString out;
    for (const QChar c : text.trimmed()) {
        const ushort u = c.unicode();
        const bool allowed = (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9')
                || u == '.' || u == '_' || u == ':' || u == '-';
        if (allowed)
            out += c;
        else if (u == ' ' && !out.endsWith(QLatin1Char('_')))
            out += QLatin1Char('_');
    }
    while (out.endsWith(QLatin1Char('_')))
        out.chop(1);
    return out.left(63);
}

QString mainIdFor(const QString &wwn, const QString &serial)
{
    const QString fromWwn = reduceToIdCharacters(wwn);
    if (!fromWwn.isEmpty())
        return fromWwn;
    return reduceToIdCharacters(serial);
}

bool isValidDeviceType(const QString &type)
{
    static const QStringList allowed = {
        QString(), QStringLiteral("auto"), QStringLiteral("ata"), QStringLiteral("scsi"),
        QStringLiteral("nvme"), QStringLiteral("sat"), QStringLiteral("sat,12"),
        QStringLiteral("sat,16"), QStringLiteral("usbcypress"), QStringLiteral("usbjmicron"),
        QStringLiteral("usbjmicron,p"), QStringLiteral("usbprolific"), QStringLiteral("usbsunplus"),
        QStringLiteral("sntasmedia"), QStringLiteral("sntjmicron"), QStringLiteral("sntrealtek"),
    };
    return allowed.contains(type);
}

QString sanitize(const QString &text, int maxLength)
{
    QString out;
    out.reserve(qMin(text.size(), maxLength));
    for (const QChar c : text) {
        if (c == QLatin1Char('\t') || c == QLatin1Char('\n'))
            out += QLatin1Char(' ');
        else if (!c.isPrint() || c.isSurrogate() || c.category() == QChar::Other_Format)
            out += QLatin1Char('?');
        else
            out += c;
    }
    out = out.trimmed();
    if (out.size() > maxLength)
        out.truncate(maxLength);
    return out;
}

QString sanitize(const QByteArray &bytes, int maxLength)
{
    // Invalid UTF-8 decodes to U+FFFD, which sanitize keeps as a visible mark.
    return sanitize(QString::fromUtf8(bytes), maxLength);
}

QString escapePathElement(const QString &text)
{
    if (text.isEmpty())
        return QStringLiteral("_");
    QString out;
    for (const char c : text.toUtf8()) {
        const bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (plain)
            out += QLatin1Char(c);
        else
            out += QStringLiteral("_%1").arg(uchar(c), 2, 16, QLatin1Char('0'));
    }
    return out;
}

QString unescapePathElement(const QString &element)
{
    if (element == QLatin1String("_"))
        return QString();
    QByteArray out;
    for (int i = 0; i < element.size(); ++i) {
        if (element.at(i) == QLatin1Char('_') && i + 2 < element.size()) {
            bool ok = false;
            const int value = element.mid(i + 1, 2).toInt(&ok, 16);
            if (!ok || element.at(i + 1) == QLatin1Char('-') || element.at(i + 1) == QLatin1Char('+'))
                return QString();
            out += char(value);
            i += 2;
        } else if (element.at(i) == QLatin1Char('_')) {
            return QString();
        } else {
            out += element.at(i).toLatin1();
        }
    }
    return QString::fromUtf8(out);
}

static bool readUInt(const QVariant &value, uint *out)
{
    switch (value.metaType().id()) {
    case QMetaType::UInt:
    case QMetaType::UShort:
    case QMetaType::UChar:
    case QMetaType::Int:
    case QMetaType::Short:
    case QMetaType::ULongLong:
    case QMetaType::LongLong: {
        bool ok = false;
        const qlonglong v = value.toLongLong(&ok);
        if (!ok || v < 0 || v > 0xffffffffLL)
            return false;
        *out = uint(v);
        return true;
    }
    default:
        return false;
    }
}

CreateOptions parseCreateOptions(const QVariantMap &options, Error *error)
{
    CreateOptions result;
    *error = {};
    for (auto it = options.cbegin(); it != options.cend(); ++it) {
        const QString &key = it.key();
        const QVariant &value = it.value();
        if (key == QLatin1String("erase-spare")) {
            if (value.metaType().id() != QMetaType::Bool) {
                *error = {Errors::InvalidArgument, QStringLiteral("option erase-spare must be a boolean")};
                return result;
            }
            result.eraseSpare = value.toBool();
        } else if (key == QLatin1String("block-size")) {
            uint v = 0;
            if (!readUInt(value, &v) || v < 8 || v > 128 || (v & (v - 1)) != 0) {
                *error = {Errors::InvalidArgument,
                          QStringLiteral("option block-size must be a power of two from 8 to 128 sectors (4 to 64 KiB)")};
                return result;
            }
            result.blockSize = v;
        } else if (key == QLatin1String("read-retries")) {
            uint v = 0;
            if (!readUInt(value, &v) || v > 16) {
                *error = {Errors::InvalidArgument, QStringLiteral("option read-retries must be from 0 to 16")};
                return result;
            }
            result.readRetries = v;
        } else {
            *error = {Errors::UnknownOption,
                      QStringLiteral("unknown option \"%1\" (known: erase-spare, block-size, read-retries)")
                              .arg(sanitize(key, 64))};
            return result;
        }
    }
    if (!result.eraseSpare)
        *error = {Errors::NotAcknowledged,
                  QStringLiteral("the spare's contents are destroyed: pass the option erase-spare=true")};
    return result;
}

// A disk object path's form: /org/dmremap/Manager1/disks/<one element>.
static Error checkDiskPath(const QString &path)
{
    if (!path.startsWith(QLatin1String(DiskPathPrefix)) || path.size() > MaxDiskPathLength
        || path.size() == int(qstrlen(DiskPathPrefix)) || path.indexOf(QLatin1Char('/'), int(qstrlen(DiskPathPrefix))) >= 0)
        return {Errors::NotFound, QStringLiteral("no such disk: %1").arg(sanitize(path, 64))};
    return {};
}

Error checkCreatePairArguments(const QString &name, const QString &mainPath, const QString &sparePath,
                               const QVariantMap &options)
{
    Error error;
    parseCreateOptions(options, &error);
    if (error.isError())
        return error;
    if (!isValidPairName(name))
        return {Errors::InvalidArgument,
                QStringLiteral("a pair name is 1 to 63 letters, digits, '.', '_' or '-', starting with a letter or digit")};
    for (const QString &path : {mainPath, sparePath}) {
        if ((error = checkDiskPath(path)).isError())
            return error;
    }
    if (mainPath == sparePath)
        return {Errors::SameDisk, QStringLiteral("the main and the spare disk must be two different disks")};
    return {};
}

Error checkSelfTestType(const QString &type)
{
    if (type == QLatin1String("short") || type == QLatin1String("extended"))
        return {};
    return {Errors::InvalidArgument, QStringLiteral("a self-test is \"short\" or \"extended\"")};
}

Error checkDeviceType(const QString &type)
{
    if (isValidDeviceType(type))
        return {};
    return {Errors::InvalidArgument,
            QStringLiteral("unknown smartctl device type; use \"\" or \"auto\" for automatic, or sat, usbjmicron, ...")};
}

Error checkImportArguments(const QString &sparePath, const QVariantMap &options, bool *dryRun)
{
    *dryRun = false;
    for (auto it = options.cbegin(); it != options.cend(); ++it) {
        if (it.key() != QLatin1String("dry-run"))
            return {Errors::UnknownOption, QStringLiteral("unknown option %1").arg(sanitize(it.key(), 64))};
        if (it.value().metaType() != QMetaType::fromType<bool>())
            return {Errors::InvalidArgument, QStringLiteral("dry-run must be a boolean")};
        *dryRun = it.value().toBool();
    }
    return checkDiskPath(sparePath);
}

RemoveOptions parseRemoveOptions(const QVariantMap &options, Error *error)
{
    RemoveOptions result;
    *error = {};
    for (auto it = options.cbegin(); it != options.cend(); ++it) {
        if (it.key() != QLatin1String("force")) {
            *error = {Errors::UnknownOption, QStringLiteral("unknown option \"%1\" (known: force)").arg(sanitize(it.key(), 64))};
            return result;
        }
        if (it.value().metaType().id() != QMetaType::Bool) {
            *error = {Errors::InvalidArgument, QStringLiteral("option force must be a boolean")};
            return result;
        }
        result.force = it.value().toBool();
    }
    return result;
}

Error checkReplaceOptions(const QVariantMap &options)
{
    for (auto it = options.cbegin(); it != options.cend(); ++it) {
        if (it.key() != QLatin1String("erase-new-disk"))
            return {Errors::UnknownOption, QStringLiteral("unknown option \"%1\" (known: erase-new-disk)").arg(sanitize(it.key(), 64))};
        if (it.value().metaType().id() != QMetaType::Bool)
            return {Errors::InvalidArgument, QStringLiteral("option erase-new-disk must be a boolean")};
    }
    if (!options.value(QStringLiteral("erase-new-disk")).toBool())
        return {Errors::NotAcknowledged, QStringLiteral("everything on the new disk is erased: pass erase-new-disk=true")};
    return {};
}


Error checkHistoryRange(qint64 fromSecs, qint64 toSecs, qint64 resolutionSecs)
{
    // 10000-01-01 00:00 UTC: History's latest time.
    constexpr qint64 kLatestSecs = 253402300800;
    if (fromSecs < 0)
        return {Errors::InvalidArgument, QStringLiteral("from %1 is before 1970").arg(fromSecs)};
    if (toSecs <= fromSecs)
        return {Errors::InvalidArgument, QStringLiteral("from %1 is not before to %2").arg(fromSecs).arg(toSecs)};
    if (toSecs > kLatestSecs)
        return {Errors::InvalidArgument, QStringLiteral("to %1 is after the year 9999").arg(toSecs)};
    if (resolutionSecs < 1)
        return {Errors::InvalidArgument, QStringLiteral("resolution %1 s: at least 1 s").arg(resolutionSecs)};
    // Buckets are aligned to multiples of the resolution (History::Store).
    const qint64 buckets = (toSecs - 1) / resolutionSecs - fromSecs / resolutionSecs + 1;
    if (buckets > History::kMaxBuckets)
        return {Errors::InvalidArgument, QStringLiteral("%1 buckets asked for, at most %2: widen the resolution or narrow the range")
                                                 .arg(buckets).arg(History::kMaxBuckets)};
    return {};
}

} // namespace Validation
