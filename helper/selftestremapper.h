// Moves the blocks that a main disk's SMART self-test log names as failing
// (a failed test's first failing LBA), and those of the media errors in an
// NVMe disk's error log, to the pair's spare, as Pair1.Remap
// would, when a SMART read shows them. Each sector is asked for once per run;
// after a restart the log is read again and the target answers "already"
// for a block it moved before. Like HistoryRecorder it reads nothing itself.
#pragma once

#include <QDBusObjectPath>
#include <QHash>
#include <QObject>
#include <QSet>

class DiskObject;
class Manager;

class SelfTestRemapper : public QObject
{
    Q_OBJECT
public:
    // Connect before Manager::start, so that the first disks count.
    explicit SelfTestRemapper(Manager *manager, QObject *parent = nullptr);

private:
    void watchDisk(const QDBusObjectPath &path);
    void remapFailingSectors(DiskObject *disk);

    Manager *m_manager;
    // By pair object path: the sectors already asked for in this run.
    QHash<QString, QSet<quint64>> m_asked;
};
