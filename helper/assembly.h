// Which pairs to start, decided from the disks present and the pair record
// alone (no I/O here, so every decision is unit-tested). A disk's own
// metadata never makes a pair: only a record (written when an administrator
// created or imported the pair) does, and every ambiguity is refused.
#pragma once

#include "disks.h"
#include "pairrecord.h"
#include "sparemetadata.h"
#include "validation.h"

#include <QSet>

namespace Assembly {

// A disk and what its first 8 KiB say.
struct ProbedDisk {
    DiskInfo disk;
    SpareMetadata meta;
};

struct PlannedPair {
    PairRecord record;
    DiskInfo main;
    DiskInfo spare;
    quint64 remapped = 0;
};

struct Plan {
    QList<PlannedPair> pairs;
    QStringList notes; // what was left out and why
    QStringList waiting; // recorded pairs left out only because a disk is absent
};

// The recorded pairs that can start: spare found by its metadata uuid, main
// by identity and size, each exactly once, neither in use nor used by an
// earlier pair of the plan; a removable spare must also have the recorded
// identity. Names in running are skipped; at most room pairs.
Plan planAssembly(const QList<ProbedDisk> &disks, const QList<PairRecord> &records, const QSet<QString> &running,
                  int room);

struct ImportPlan {
    Validation::Error error;
    PlannedPair pair;
};

// Importing the unrecorded spare spareDevnum: its metadata names the pair
// and the main disk, which must be present exactly once, free, and not the
// main of a recorded pair; no other disk may carry its uuid or label.
ImportPlan planImport(const QList<ProbedDisk> &disks, const QList<PairRecord> &records, const QSet<QString> &running,
                      dev_t spareDevnum);

} // namespace Assembly
