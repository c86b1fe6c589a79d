// The helper's Prometheus metrics: every pair and disk in the text exposition
// format, written atomically for node_exporter's textfile collector
// (docs/monitoring.md). No sector number is ever part of a metric.
#pragma once

#include "smartreport.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace Metrics {

// The file's name inside the collector's directory.
inline constexpr const char *kFileName = "dm-remap.prom";

struct PairSample {
    QString name;
    QString mainSerial;
    QString spareSerial;
    QString state; // ok, spare_low, spare_full, spare_error, metadata_error, missing
    bool mainPresent = false;
    bool sparePresent = false;
    bool statusKnown = false; // the kernel's status line was read
    quint64 blockSizeBytes = 0;
    quint64 mainSizeBytes = 0;
    quint64 moved = 0;
    quint64 pending = 0;
    quint64 capacity = 0;
    quint64 failedSlots = 0;
    quint64 readErrors = 0;
    quint64 writeErrors = 0;
    quint64 unreadableSectors = 0;
    quint64 weakMoved = 0;
    quint64 metadataRepaired = 0;
    // Days to the forecast's likely spare-full date (docs/forecast.md),
    // only when there is a forecast.
    std::optional<double> spareDaysLeft;
    // The background scan (docs/scan.md).
    QString scanState;            // idle, running, paused-busy, paused-asleep, stopped
    quint64 scanPositionBytes = 0; // of the pass under way
    quint64 scanSizeBytes = 0;
    qint64 scanLastFinishedSecs = 0; // 0: never
};

struct DiskSample {
    QString serial;
    QString model;
    SmartReport smart;
};

// Every pair state the gauge dmremap_pair_state has a series for.
QStringList pairStates();
// Every scan state the gauge dmremap_pair_scan_state has a series for.
QStringList scanStates();

// A label value escaped as the exposition format wants it (\\, \", \n).
QString escapeLabelValue(const QString &value);

// The whole file: HELP and TYPE for every family, then its samples.
QByteArray render(const QList<PairSample> &pairs, const QList<DiskSample> &disks, qint64 nowSecs);

// Writes dir/dm-remap.prom through dir/dm-remap.prom.tmp (fsync, mode 0644
// for node_exporter's user, rename, fsync of dir): readers see the old file
// or the new one, never a part. False with a message on any failure; the
// old file is then left as it was.
bool writeAtomically(const QString &dir, const QByteArray &text, QString *error);

} // namespace Metrics
