// Feeds the manager's history store (docs/history.md) from what the helper
// already sees: a pair's Changed signal (remap events), a disk's Updated
// signal (a SMART reading and new self-test results). Like Monitoring it
// reads nothing itself. Runs the store's retention at start and once a day.
#pragma once

#include "dbustypes.h"

#include <QDBusObjectPath>
#include <QHash>
#include <QObject>
#include <QTimer>

class Manager;
namespace History {
class Store;
}

class HistoryRecorder : public QObject
{
    Q_OBJECT
public:
    // Connect before Manager::start, so that the first pairs and disks count.
    HistoryRecorder(Manager *manager, History::Store *store, QObject *parent = nullptr);

private:
    void watchPair(const QDBusObjectPath &path);
    void watchDisk(const QDBusObjectPath &path);
    void applyRetention();

    Manager *m_manager;
    History::Store *m_store;
    QTimer m_retentionTimer;
    struct Counts {
        quint64 moved = 0, pending = 0;
    };
    QHash<QString, Counts> m_pairCounts; // by pair name: the counts last recorded
    // By disk object path: the self-test log of the last available read.
    QHash<QString, DmRemap::SelfTestList> m_selfTests;
};
