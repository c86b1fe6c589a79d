// The kernel target's text interface (kernel/README.md): the status line,
// the table parameters, and the answers to the list, pending and remap
// messages. Plain parsing, no I/O.
#pragma once

#include "dbustypes.h"

#include <QString>
#include <optional>

namespace DmTable {

struct Status {
    uint blockSize = 0;
    quint64 remapped = 0;
    quint64 capacity = 0;
    quint64 pending = 0;
    quint64 readErrors = 0;
    quint64 writeErrors = 0;
    QString state; // ok, spare_low, spare_full, spare_error, metadata_error
    // Zero on a kernel that gives only the first six fields.
    quint64 unreadableSectors = 0;
    quint64 weakMoved = 0;
    quint64 metadataRepaired = 0;
    quint64 failedSlots = 0;
};

// "<block_size> <remapped>/<capacity> <pending> <read_errors> <write_errors>
// <state> [<unreadable_sectors> <weak_moved> <metadata_repaired>
// <failed_slots> [later fields]]". nullopt when malformed.
std::optional<Status> parseStatus(const QString &line);

struct Params {
    quint32 mainMajor = 0, mainMinor = 0;
    quint32 spareMajor = 0, spareMinor = 0;
    bool format = false;
    uint blockSize = 0;  // 0 when not in the line
    int readRetries = -1; // -1 when not in the line
    QString mainId;
    QString label;
};

// The target's parameters as TABLE reports them: "<maj:min> <maj:min>
// [<#opt> <opt>...]". nullopt when malformed.
std::optional<Params> parseParams(const QString &params);

// The parameters for a create: devices as major:minor, never as paths.
QString buildParams(const Params &params);

// Answer of "list <from_sector> <count>": "<main_sector> <spare_sector>"
// lines. Lines must be sorted by main sector; ok is false on anything else.
DmRemap::RemapList parseList(const QString &answer, bool *ok);

// Answer of "pending <from_sector> <count>": one main sector per line, sorted.
QList<qulonglong> parsePending(const QString &answer, bool *ok);

struct RemapAnswer {
    QString result; // remapped, already, pending
    quint64 mainSector = 0;
    quint64 spareSector = 0;
};
std::optional<RemapAnswer> parseRemapAnswer(const QString &answer);

// Counts of remaps and pending blocks per bucket over [first, first+length):
// sector s falls in bucket floor((s - first) * buckets / length).
// Both lists hold main sectors, sorted. buckets must be 1..65536, length > 0.
DmRemap::MapBucketList buildMap(const DmRemap::RemapList &remaps, const QList<qulonglong> &pending,
                                quint64 first, quint64 length, uint buckets);

} // namespace DmTable
