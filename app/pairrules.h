// Which disks may become the main or the spare of a new pair, and why not.
// The helper checks the same again; the wizard uses these to show the
// choices with reasons instead of letting the user run into a refusal.
#pragma once

#include "health.h"

#include <QString>
#include <QVariantMap>

namespace PairRules {

// Empty when the disk can be a main disk, else why not, in words; pairName
// is the name of the pair the disk belongs to, if any.
QString mainProblem(const QVariantMap &disk, const QString &pairName = {});
// Empty when `spare` can serve as spare for `main` with that block size.
QString spareProblem(const QVariantMap &main, const QVariantMap &spare, uint blockSizeSectors,
                     const QString &sparePairName = {});
// Why a disk that may be a spare is a poor one (bad or unknown health,
// USB), in words; empty when there is nothing to warn of.
QString spareWarning(const QVariantMap &spare, Health::Level health);
// Empty when `disk` can take the place of `mainDisk` in the pair whose
// Pair1.GetStatus is `pair` (a free disk not in use, at least as large as
// the pair's device, sectors no larger than the main disk's, with a WWN or
// serial to be found by after a restart), else why not; diskPairName: the
// pair `disk` is in.
QString replacementProblem(const QVariantMap &pair, const QVariantMap &mainDisk, const QVariantMap &disk,
                           const QString &diskPairName = {});
// Empty when the pair's main disk can be replaced now, else why not (its
// unreadable blocks cannot be copied).
QString replacementPairProblem(const QVariantMap &pair);
// Why a disk that may replace the main disk is a poor choice, in words.
QString replacementWarning(const QVariantMap &disk, Health::Level health);
// Bytes the new disk needs: the pair's whole device.
qulonglong replacementBytes(const QVariantMap &pair);
// Bytes a spare needs to hold the remap table and at least one block.
qulonglong minimumSpareBytes(uint blockSizeSectors);
// How many blocks of that size the spare can take (approximate: the table
// grows with it).
qulonglong spareSlots(qulonglong spareBytes, uint blockSizeSectors);
// Pair names become /dev/mapper/<name>: 1..63 of [A-Za-z0-9._-], starting
// with a letter or digit.
bool isValidName(const QString &name);

} // namespace PairRules
