// The disk-touching work behind CreatePair, Assemble, Remove and Remap.
// Each function is self-contained (its own udev context, plain data in and
// out) so that it can run on the helper's I/O thread.
#pragma once

#include "assembly.h"
#include "disks.h"
#include "dmtable.h"
#include "validation.h"

#include <QSet>
#include <QStringList>

namespace PairOperations {

struct Outcome {
    Validation::Error error;
    QStringList created;  // pair names
    QStringList notes;    // what was skipped and why (Assemble)
    QStringList waiting;  // recorded pairs skipped only because a disk is absent (Assemble)
};

struct CreateRequest {
    QString stateDir; // where the pair record is kept
    QString name;
    DiskInfo main;   // as enumerated when the call arrived
    DiskInfo spare;
    Validation::CreateOptions options;
};

// Checks everything again on the live devices (the disks must still be the
// ones seen when the call arrived: device number, diskseq, serial, size),
// erases every signature on the spare and creates the device with "format",
// then records the pair. The disks stay open from the checks until the
// device exists, and are checked once more then. Removes the device again if
// it does not come up as expected or cannot be recorded.
Outcome create(const CreateRequest &request);

// Starts the recorded pairs (Assembly::planAssembly) whose names are not in
// running; at most room new pairs. Each disk is checked again, live, right
// before its device is created.
Outcome assemble(const QString &stateDir, const QSet<QString> &running, int room);

// Starts and records the pair whose unrecorded spare is spare
// (Assembly::planImport), which must still be the disk it was (diskseq,
// serial, size); with dryRun only answers what it would do.
struct ImportOutcome {
    Validation::Error error;
    Assembly::PlannedPair pair;
};
ImportOutcome importPair(const QString &stateDir, const QSet<QString> &running, const DiskInfo &spare, bool dryRun);

// Removes a remap device that nothing holds open. The device is suspended
// first (its remap list is then final), every moved block is copied from its
// spare slot back to the main disk and read again to verify it; only if all
// went back (or force) is the device removed, else it is resumed and the
// answer is DataOnSpare with the count. A removed pair's record goes too.
struct RemoveOutcome {
    Validation::Error error;
    quint64 writtenBack = 0;  // moved blocks now on the main disk, verified
    quint64 lost = 0;         // moved blocks whose newest data is only on the spare (force)
    quint64 unreadable = 0;   // pending blocks: unreadable on main, never rewritten
};
RemoveOutcome remove(const QString &stateDir, const QString &name, bool force);

struct RemapOutcome {
    Validation::Error error;
    DmTable::RemapAnswer answer;
};
RemapOutcome remap(const QString &name, quint64 sector);

// Reads every remap of a pair (paged "list" messages) and its pending blocks.
struct Tables {
    Validation::Error error;
    DmRemap::RemapList remaps;
    QList<qulonglong> pending;
};
Tables readRemaps(const QString &name, quint64 offset, quint64 count);
Tables readPending(const QString &name);

// The same reads in slices: each readPages() sends at most maxPages
// messages, so a caller can run a long list as several short jobs with other
// work between them. Pages go by sector, so entries made meanwhile never
// repeat or shift one.
struct PagedRead {
    bool remaps = true;    // "list", else "pending"
    quint64 from = 0;      // main sector the next page starts at
    quint64 skip = 0;      // entries still to leave out
    quint64 count = 0;     // entries wanted
    bool finished = false; // all read, or an error
    Tables tables;
};
constexpr int kPagesPerSlice = 16;
void readPages(const QString &name, PagedRead *read, int maxPages);

// Online replacement of a pair's main disk (Pair1.ReplaceMain), as LVM's
// pvmove moves data under a mounted volume: the pair's remap target moves to
// a private device, <name>+replacing ('+' is in no pair name), and the
// pair's device becomes a dm-mirror of that device (first leg: every read
// goes there) and the new disk, which the mirror's recovery fills in the
// background. Writes go to both. Once every region is in sync the pair's
// device becomes a linear map of the new disk alone: same name, same device
// number, nothing unmounted.
QString replacingName(const QString &name);
// The device that takes the pair's target messages: the private one while
// the main disk is replaced, else the pair's own.
QString remapTarget(const QString &name);

struct ReplaceRequest {
    QString stateDir;
    QString name;
    DiskInfo newDisk; // as enumerated when the call arrived
};
// Checks the new disk again, live, erases it, records it (56-dm-remap.rules
// hides it from then on) and starts the copy.
Validation::Error startReplace(const ReplaceRequest &request);

struct ReplaceProgress {
    bool copying = false;   // the pair's device is a mirror
    quint64 copied = 0;     // sectors
    quint64 total = 0;
    bool inSync = false;    // every region copied, both legs healthy
    QString failure;        // a leg failed: the copy cannot finish
};
ReplaceProgress replaceProgress(const QString &name);
// The mirror's status line as the kernel reports it, for a device of length
// sectors.
ReplaceProgress parseMirrorStatus(const QString &params, quint64 length);

// The copy is complete: the pair's device becomes the new disk alone, the
// private device goes, the old main disk's signatures and the spare's
// metadata are erased (neither the stale copy nor the old pair can be found
// again) and the record goes.
Validation::Error finishReplace(const QString &stateDir, const QString &name);

// Stops a running copy (the pair's device becomes the remap target again,
// reading the metadata the private device committed) or forgets an
// interrupted one; the new disk's partial copy is erased and released.
Validation::Error cancelReplace(const QString &stateDir, const QString &name);

} // namespace PairOperations
