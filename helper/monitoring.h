// Fleet monitoring: keeps node_exporter's textfile (Metrics) and the event
// hook (EventHook) in step with the manager's pairs and disks. It reads
// nothing itself: it follows the signals that pair status and SMART reads
// already raise, so it costs no polling of its own.
#pragma once

#include "eventhook.h"

#include <QDBusObjectPath>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <optional>

class Manager;
class PairObject;

class Monitoring : public QObject
{
    Q_OBJECT
public:
    struct Options {
        QString metricsDirectory = QStringLiteral("/var/lib/prometheus/node-exporter");
        EventHook::Options hook;
    };

    // Connect before Manager::start, so that the first pairs and disks count.
    Monitoring(Manager *manager, const Options &options, QObject *parent = nullptr);

private:
    void watchPair(const QDBusObjectPath &path);
    void watchDisk(const QDBusObjectPath &path);
    void scheduleWrite();
    void writeMetrics();
    EventHook::Variables pairVariables(PairObject *pair);
    // Asks the pair's forecast again; the metric follows when it arrives.
    void updateForecast(PairObject *pair);

    Manager *m_manager;
    Options m_options;
    EventHook m_hook;
    QTimer m_writeTimer; // coalesces the changes of one burst into one write
    QTimer m_forecastTimer; // the forecast moves with time too, not only with remaps
    bool m_writeFailed = false;
    // Per pair name: its disks' serials (kept while a disk is gone, so that
    // its series keep their labels) and the counts of the last event.
    struct Known {
        QString mainSerial, spareSerial;
        quint64 moved = 0, pending = 0;
        std::optional<qint64> spareFullSecs; // the forecast's likely date, if there is one
    };
    QHash<QString, Known> m_known;
    Known &knownFor(PairObject *pair);
};
