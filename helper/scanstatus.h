// The background scan's schedule and how a pair's scan is reported
// (docs/scan.md), apart from the reading itself (patrolscan.h): the helper
// and the app's test double both answer with statusKeys().
#pragma once

#include "history.h"

#include <QString>
#include <QVariantMap>

namespace PatrolScan {

// A pair's scan as Pair1.GetStatus reports it (the "scan-*" keys of
// docs/dbus-api.md). The app's test double builds its answers with it too.
QVariantMap statusKeys(const History::ScanPosition &position, const QString &state, quint64 rateBytesPerSec,
                       qint64 nextPassSecs);

struct Options {
    int intervalDays = 30;      // between passes; 0: passes start only on StartScan
    quint64 rateBytesPerSec = 0; // 0: the pair's size spread over half the interval, within the bounds below
    // The daily window (local time, minutes since midnight; the end may be
    // earlier than the start, over midnight) in which a pass may wake a main
    // disk in standby; outside it, and without one, the pass waits for the
    // disk to wake. -1: no window.
    int windowStartMinute = -1;
    int windowEndMinute = -1;
};
inline constexpr quint64 kMinAutomaticRate = 256 * 1024;
inline constexpr quint64 kMaxAutomaticRate = 4 * 1024 * 1024; // a few percent of a disk's bandwidth
// A pair never scanned gets its first pass this long after it is first seen.
inline constexpr qint64 kFirstPassDelaySecs = 86400;
// Others' I/O on the pair above this pauses the scan.
inline constexpr quint64 kBusyBytesPerSec = 64 * 1024;

// The bytes per second a pass of a pair of sizeBytes reads at.
quint64 rateFor(const Options &options, quint64 sizeBytes);
// When the next automatic pass starts (unix seconds); 0 for never.
qint64 nextPass(const Options &options, const History::ScanPosition &position);
// "HH:MM-HH:MM" (--scan-window) into the options; false for anything else
// (a window of no time, or a malformed one).
bool parseWindow(const QString &text, Options *options);
// Whether a minute of the day (0-1439) lies in the window.
bool inWindow(const Options &options, int minuteOfDay);

} // namespace PatrolScan
