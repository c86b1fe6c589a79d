// The background scan (patrol read, docs/scan.md): every pair's whole device
// is read through the target, so that blocks nobody reads are found while
// their data can still be had. A read the target cannot serve makes its
// block pending (moved by the next write); a block that reads only on a
// retry is moved at once. The reading runs on a thread of its own per pair,
// at idle I/O priority, held to a rate, and paused while others use the
// pair; where it stands is kept in the history database, so a pass goes on
// after a restart or a reboot from where it was.
#pragma once

#include "history.h"
#include "scanstatus.h"
#include "validation.h"

#include <QHash>
#include <QObject>
#include <QTimer>
#include <QVariantMap>
#include <functional>
#include <memory>

class Manager;
class PairObject;

namespace PatrolScan {

class Reader;

class Scheduler : public QObject
{
    Q_OBJECT
public:
    // Follows Manager's pairs; reads the saved positions from its history.
    Scheduler(Manager *manager, const Options &options, QObject *parent = nullptr);
    // Ends the readings and writes where each stood.
    ~Scheduler() override;

    QVariantMap statusOf(const PairObject *pair) const;
    // StartScan: goes on with the pass under way, else starts one now.
    Validation::Error start(PairObject *pair);
    // StopScan: ends the reading; the pass waits for start().
    Validation::Error stop(PairObject *pair);
    // Ends pair's reading, then then() once its device is closed. No reading
    // starts for the pair until release() (Remove and ReplaceMain use this).
    void holdThen(PairObject *pair, std::function<void()> then);
    void release(PairObject *pair);

private:
    struct Scan {
        History::ScanPosition saved;
        std::shared_ptr<Reader> reader;
        quint64 generation = 0; // of the latest reader: older readers' reports are dropped
        bool stopping = false;  // the reader was asked to end
        qint64 retryAfterSecs = 0; // after a reader's error
        QString state = QStringLiteral("idle");
        qint64 lastSavedMs = 0;
        qint64 lastAnnouncedMs = 0;
        bool held = false;
        QList<std::function<void()>> afterReader;
    };
    void loaded(const History::ScanPositions &positions);
    void follow(PairObject *pair);
    void reconsider();
    void reconsider(PairObject *pair);
    void startReader(PairObject *pair, Scan &scan);
    void readerProgress(const QString &pairId, quint64 generation, const QString &state);
    void readerEnded(const QString &pairId, quint64 generation, bool finished, const QString &error);
    void save(Scan &scan);
    void announce(const QString &pairId, Scan &scan);
    PairObject *pairOf(const QString &pairId) const;

    Manager *m_manager;
    Options m_options;
    bool m_loaded = false;
    QHash<QString, Scan> m_scans; // by the pair's history id
    QTimer m_schedule;
};

} // namespace PatrolScan
