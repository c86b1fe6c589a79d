#include "dmtable.h"

#include <QRegularExpression>
#include <QStringList>

namespace DmTable {

static bool toU64(const QString &text, quint64 *out)
{
    // Digits only: QString::toULongLong would accept "+1" and " 1".
    if (text.isEmpty() || text.size() > 20)
        return false;
    for (const QChar c : text)
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    bool ok = false;
    *out = text.toULongLong(&ok, 10);
    return ok;
}

std::optional<Status> parseStatus(const QString &line)
{
    const QStringList f = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (f.size() < 6)
        return std::nullopt;
    Status s;
    quint64 blockSize = 0;
    const QStringList used = f.at(1).split(QLatin1Char('/'));
    if (!toU64(f.at(0), &blockSize) || blockSize == 0 || blockSize > 128 || used.size() != 2
        || !toU64(used.at(0), &s.remapped) || !toU64(used.at(1), &s.capacity) || !toU64(f.at(2), &s.pending)
        || !toU64(f.at(3), &s.readErrors) || !toU64(f.at(4), &s.writeErrors))
        return std::nullopt;
    static const QStringList states = {QStringLiteral("ok"), QStringLiteral("spare_low"),
                                       QStringLiteral("spare_full"), QStringLiteral("spare_error"),
                                       QStringLiteral("metadata_error")};
    if (!states.contains(f.at(5)) || s.remapped > s.capacity)
        return std::nullopt;
    if (f.size() >= 10
        && (!toU64(f.at(6), &s.unreadableSectors) || !toU64(f.at(7), &s.weakMoved)
            || !toU64(f.at(8), &s.metadataRepaired) || !toU64(f.at(9), &s.failedSlots)))
        return std::nullopt;
    s.blockSize = uint(blockSize);
    s.state = f.at(5);
    return s;
}

static bool parseDevice(const QString &text, quint32 *major, quint32 *minor)
{
    const QStringList parts = text.split(QLatin1Char(':'));
    quint64 a = 0, b = 0;
    if (parts.size() != 2 || !toU64(parts.at(0), &a) || !toU64(parts.at(1), &b) || a > 0xfff || b > 0xfffff)
        return false;
    *major = quint32(a);
    *minor = quint32(b);
    return true;
}

std::optional<Params> parseParams(const QString &params)
{
    const QStringList f = params.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    Params p;
    if (f.size() < 2 || !parseDevice(f.at(0), &p.mainMajor, &p.mainMinor)
        || !parseDevice(f.at(1), &p.spareMajor, &p.spareMinor))
        return std::nullopt;
    if (f.size() == 2)
        return p;
    quint64 count = 0;
    if (!toU64(f.at(2), &count) || count != quint64(f.size() - 3))
        return std::nullopt;
    for (int i = 3; i < f.size(); ++i) {
        const QString &word = f.at(i);
        const bool hasValue = i + 1 < f.size();
        quint64 value = 0;
        if (word == QLatin1String("format")) {
            p.format = true;
        } else if (word == QLatin1String("block_size") && hasValue && toU64(f.at(i + 1), &value) && value <= 128) {
            p.blockSize = uint(value);
            ++i;
        } else if (word == QLatin1String("read_retries") && hasValue && toU64(f.at(i + 1), &value) && value <= 16) {
            p.readRetries = int(value);
            ++i;
        } else if (word == QLatin1String("main_id") && hasValue) {
            p.mainId = f.at(++i);
        } else if (word == QLatin1String("label") && hasValue) {
            p.label = f.at(++i);
        } else {
            return std::nullopt;
        }
    }
    return p;
}

QString buildParams(const Params &p)
{
    QStringList opts;
    if (p.format)
        opts << QStringLiteral("format");
    if (p.blockSize)
        opts << QStringLiteral("block_size") << QString::number(p.blockSize);
    if (p.readRetries >= 0)
        opts << QStringLiteral("read_retries") << QString::number(p.readRetries);
    if (!p.mainId.isEmpty())
        opts << QStringLiteral("main_id") << p.mainId;
    if (!p.label.isEmpty())
        opts << QStringLiteral("label") << p.label;
    QString line = QStringLiteral("%1:%2 %3:%4").arg(p.mainMajor).arg(p.mainMinor).arg(p.spareMajor).arg(p.spareMinor);
    if (!opts.isEmpty())
        line += QStringLiteral(" %1 %2").arg(opts.size()).arg(opts.join(QLatin1Char(' ')));
    return line;
}

DmRemap::RemapList parseList(const QString &answer, bool *ok)
{
    DmRemap::RemapList out;
    *ok = true;
    const QStringList lines = answer.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        const QStringList f = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        DmRemap::Remap r;
        if (f.size() != 2 || !toU64(f.at(0), &r.mainSector) || !toU64(f.at(1), &r.spareSector)
            || (!out.isEmpty() && out.last().mainSector >= r.mainSector)) {
            *ok = false;
            return {};
        }
        out.append(r);
    }
    return out;
}

QList<qulonglong> parsePending(const QString &answer, bool *ok)
{
    QList<qulonglong> out;
    *ok = true;
    const QStringList lines = answer.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        quint64 sector = 0;
        if (!toU64(line.trimmed(), &sector) || (!out.isEmpty() && out.last() >= sector)) {
            *ok = false;
            return {};
        }
        out.append(sector);
    }
    return out;
}

std::optional<RemapAnswer> parseRemapAnswer(const QString &answer)
{
    const QStringList f = answer.trimmed().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    RemapAnswer a;
    if (f.size() == 3 && (f.at(0) == QLatin1String("remapped") || f.at(0) == QLatin1String("already"))
        && toU64(f.at(1), &a.mainSector) && toU64(f.at(2), &a.spareSector)) {
        a.result = f.at(0);
        return a;
    }
    if (f.size() == 2 && f.at(0) == QLatin1String("pending") && toU64(f.at(1), &a.mainSector)) {
        a.result = f.at(0);
        return a;
    }
    return std::nullopt;
}

static qint64 bucketOf(quint64 sector, quint64 first, quint64 length, uint buckets)
{
    if (sector < first || sector - first >= length)
        return -1;
    // (offset * buckets) can exceed 64 bits for huge disks with many buckets.
    const unsigned __int128 scaled = (unsigned __int128)(sector - first) * buckets / length;
    return qint64(scaled);
}

DmRemap::MapBucketList buildMap(const DmRemap::RemapList &remaps, const QList<qulonglong> &pending,
                                quint64 first, quint64 length, uint buckets)
{
    DmRemap::MapBucketList out(buckets);
    if (buckets == 0 || length == 0)
        return out;
    for (const DmRemap::Remap &r : remaps) {
        const qint64 b = bucketOf(r.mainSector, first, length, buckets);
        if (b >= 0)
            ++out[b].remaps;
    }
    for (const qulonglong sector : pending) {
        const qint64 b = bucketOf(sector, first, length, buckets);
        if (b >= 0)
            ++out[b].pending;
    }
    return out;
}

} // namespace DmTable
