// Plain-words health of a disk or a pair, from the helper's dictionaries.
#pragma once

#include <QColor>
#include <QString>
#include <QVariantMap>

namespace Health {

// Ordered so that the maximum of several is the one to show: a problem
// outweighs good news, good news outweighs not knowing.
enum class Level { Unknown, Good, Caution, Bad };

struct Verdict {
    Level level = Level::Unknown;
    QString reason; // one or more sentences, why this level
};

Verdict ofDisk(const QVariantMap &info, const QVariantMap &smart);
Verdict ofPair(const QVariantMap &status, const Verdict &mainDisk, const Verdict &spareDisk);

QString name(Level level);      // "Good", "Caution", ...
QColor color(Level level);      // badge colour
QString iconName(Level level);  // resource path of the badge icon

// Words for the helper's codes.
QString verdictText(const QString &verdict);
QString pairStateText(const QString &state);
QString kindText(const QString &kind);
// Rank of a SMART verdict or pair state, higher is worse (for notifications).
int verdictRank(const QString &verdict);
int pairStateRank(const QString &state);

QString formatBytes(qulonglong bytes);       // disk sizes, as makers state them (GB)
QString formatBlockSize(qulonglong bytes);   // block sizes, powers of two (KiB)

} // namespace Health
