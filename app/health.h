// Plain-words health of a disk or a pair, from the helper's dictionaries.
#pragma once

#include "dbustypes.h"

#include <QColor>
#include <QGuiApplication>
#include <QPalette>
#include <QString>
#include <QVariantMap>

namespace Health {

// Ordered so that the maximum of several is the one to show: a problem
// outweighs good news, good news outweighs not knowing.
enum class Level { Unknown, Good, Caution, Bad };

struct Verdict {
    Level level = Level::Unknown;
    QString reason; // one or more sentences: why this level, and for Caution and Bad what to do next
    QString facts;  // the same without what to do next
    // The disk was asleep at the last read (it was not woken): Unknown is
    // then shown as Asleep, and older data may stand for its health.
    bool asleep = false;
};

// The word for a verdict: its level's name, or Asleep for a sleeping disk
// whose health is not known.
QString displayName(const Verdict &verdict);
// True when the latest SMART read found the disk asleep ("asleep", or an
// older helper's "standby" reason).
bool isAsleep(const QVariantMap &smart);

// A disk's health from its SMART data and, for a pair's main disk, from
// what the target knows about it (pairStatus: its pair's Pair1.GetStatus).
Verdict ofDisk(const QVariantMap &info, const QVariantMap &smart, const QVariantMap &pairStatus = {});
// mainDisk and spareDisk: their SMART-only health (ofDisk without pairStatus).
Verdict ofPair(const QVariantMap &status, const Verdict &mainDisk, const Verdict &spareDisk);

// Sentences for the helper's structured reasons (docs/dbus-api.md), each
// fact once.
QStringList smartReasonSentences(const DmRemap::ReasonList &reasons);
QString smartReasonSentence(const QVariantMap &reason);
QString unavailableSentence(const QVariantMap &reason);
// Why a disk is in use ("in-use-reasons" of Disk1.GetInfo), as a phrase.
QString inUseText(const QVariantMap &info);

QString name(Level level);      // "Good", "Caution", ...
// The level's colour for text and marks on the palette's Base, made dark or
// light enough for 4.5:1 (WCAG) in light and dark palettes alike.
QColor color(Level level, const QPalette &palette = QGuiApplication::palette());
// A badge: text on a coloured background, 4.5:1 between them and 3:1
// between the badge and the palette's Window.
struct BadgeColors {
    QColor text, background;
};
BadgeColors badgeColors(Level level, const QPalette &palette = QGuiApplication::palette());
// A message bar of that level: text, background and border, 4.5:1 for the
// text and 3:1 for the border against the background, in any palette.
struct MessageColors {
    QColor text, background, border;
};
MessageColors messageColors(Level level, const QPalette &palette = QGuiApplication::palette());
// WCAG 2 contrast ratio of two colours (1 to 21).
double contrastRatio(const QColor &a, const QColor &b);
// The colour made darker (on a light background) or lighter (on a dark
// one), keeping its hue, until it reaches ratio against background.
QColor readableOn(const QColor &color, const QColor &background, double ratio);
// share 0 gives from, 1 gives to.
QColor blend(const QColor &from, const QColor &to, double share);
QString iconName(Level level);  // resource path of the badge icon

// Words for the helper's codes.
QString verdictText(const QString &verdict);
QString pairStateText(const QString &state);
QString kindText(const QString &kind);
QString transportText(const QString &transport); // "ata", "usb", ... as the helper names them
// smartctl's -d types for USB bridges (Smart1.SetDeviceType), "" for
// automatic, and their names in plain words.
QStringList usbDeviceTypes();
QString deviceTypeText(const QString &type);
// Whether a disk's bridge type is worth offering: a disk on USB, one whose
// connection smartctl could not tell, or one that has a type set already.
bool offersDeviceType(const QVariantMap &info, const QVariantMap &smart);
// Rank of a SMART verdict or pair state, higher is worse (for notifications).
int verdictRank(const QString &verdict);
int pairStateRank(const QString &state);

// Pair1.GetForecast's answer as one line: the date the spare is forecast to
// be full with its 80% interval, or why there is no forecast (the reason
// code in the app's words); then the main disk's failure-risk band and its
// source when the helper gives one. An empty answer: not known yet.
QString forecastText(const QVariantMap &forecast);
QString riskBandText(const QString &band);
// The warning of the 60 days after the main disk's first reallocation
// ("first-reallocation-window" of GetForecast) with its date and source;
// empty outside them. forecastText ends with it.
QString firstReallocationText(const QVariantMap &forecast); // "low", "elevated", "high", "severe"
// Whether the spare is forecast to be full (the likely date) within `days`
// of nowSecs.
bool spareFullWithin(const QVariantMap &forecast, qint64 nowSecs, int days);
// A date (unix seconds) as the locale writes a short date; every date the
// app shows is written so.
QString shortDate(qint64 secs);
// A forecast date (UTC seconds) as the locale writes a short date.
QString forecastDate(qint64 secs);

QString formatBytes(qulonglong bytes);       // disk sizes, in IEC units (GiB, TiB) as everywhere in the app
QString formatBlockSize(qulonglong bytes);   // block sizes, powers of two (KiB)

} // namespace Health
