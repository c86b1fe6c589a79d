// The pairs an administrator made: root-owned state that boot-time assembly
// trusts instead of what a disk says about itself. The format is shared with
// the udev rule (see the "Pair record" section of docs/dbus-api.md): one
// "pair key=value ..." line per pair, unknown keys ignored.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

struct PairRecord {
    QString name;     // device-mapper name = label in the spare's superblock
    QString uuid;     // spare metadata uuid, 32 lowercase hex digits
    QString mainId;   // Validation::mainIdFor() of the main disk
    quint64 mainSectors = 0;
    QString spareId;  // Validation::mainIdFor() of the spare disk; empty when it has none
    quint64 spareSectors = 0;
    // The disk the main disk is being replaced with (ReplaceMain), as mainId
    // and its size: hidden like the pair's disks until the copy ends.
    QString replaceId;
    quint64 replaceSectors = 0;
};

namespace PairRecords {

inline constexpr char kFileName[] = "pairs";
// A record file larger than this is refused rather than read.
inline constexpr qint64 kMaxFileBytes = 1 << 20;

// Parses the file's text. Malformed lines (a missing or invalid key, a value
// outside [A-Za-z0-9._:-]) are skipped and described in problems; later
// lines naming a pair already seen are skipped too.
QList<PairRecord> parse(const QByteArray &text, QStringList *problems);
QByteArray serialize(const QList<PairRecord> &records);

// Reads <stateDir>/pairs; a missing file is an empty list. On a read error
// error is set and the list is empty.
QList<PairRecord> load(const QString &stateDir, QStringList *problems, QString *error);

// Replaces <stateDir>/pairs atomically (pairs.tmp, fsync, rename, fsync of
// the directory), mode 0600, creating the directory with mode 0700.
bool save(const QString &stateDir, const QList<PairRecord> &records, QString *error);

// 16 bytes as 32 lowercase hex digits.
QString uuidText(const QByteArray &uuid);

} // namespace PairRecords
