// A smartd-style hook for headless machines: an administrator's executable,
// run with DMREMAP_* environment variables on every new event (blocks moved
// or pending, a pair's state, a disk's SMART verdict; docs/monitoring.md).
// Runs one at a time, never waited for on the main thread, killed with its
// process group after a timeout; its output goes to the helper's log.
#pragma once

#include <QMap>
#include <QObject>
#include <QQueue>
#include <QString>

class QProcess;
class QTimer;

class EventHook : public QObject
{
    Q_OBJECT
public:
    struct Options {
        QString path = QStringLiteral("/etc/dm-remap/event-hook");
        int timeoutMs = 60 * 1000;
        int maxQueued = 32;
    };
    using Variables = QMap<QString, QString>; // without the DMREMAP_ prefix

    explicit EventHook(const Options &options, QObject *parent = nullptr);
    ~EventHook() override;

    // Queues a run for this event; without a hook file it does nothing, an
    // unsafe one is refused with a warning when its turn comes.
    void notify(const QString &event, const Variables &variables);

    // Why the file may not run as root: empty when it may (a regular,
    // executable file owned by root, neither it nor its directory writable
    // by group or others). notFound is set when there is no file at all.
    static QString checkExecutable(const QString &path, bool *notFound);

Q_SIGNALS:
    // After each run (also a refused or killed one), for tests and the log.
    void ran(const QString &event, int exitCode, bool timedOut);

private:
    void startNext();

    Options m_options;
    QQueue<QPair<QString, Variables>> m_queue;
    QProcess *m_process = nullptr;
    QTimer *m_timer = nullptr;
    bool m_timedOut = false;
    QString m_event;
    qint64 m_logged = 0;
};
