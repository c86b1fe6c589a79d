#include "eventhook.h"

#include "validation.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTimer>

#include <csignal>
#include <sys/stat.h>
#include <unistd.h>

namespace {
constexpr qint64 kMaxLoggedBytes = 16 * 1024; // per run

QString checkOwnerAndMode(const QString &path, bool directory)
{
    struct stat st = {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return QStringLiteral("%1 cannot be read").arg(path);
    if (directory ? !S_ISDIR(st.st_mode) : !S_ISREG(st.st_mode))
        return QStringLiteral("%1 is not a %2").arg(path, directory ? QStringLiteral("directory") : QStringLiteral("regular file"));
    if (st.st_uid != 0)
        return QStringLiteral("%1 is not owned by root").arg(path);
    if (st.st_mode & (S_IWGRP | S_IWOTH))
        return QStringLiteral("%1 is writable by group or others").arg(path);
    if (!directory && !(st.st_mode & S_IXUSR))
        return QStringLiteral("%1 is not executable").arg(path);
    return {};
}
} // namespace

EventHook::EventHook(const Options &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
{
}

EventHook::~EventHook()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        ::kill(-pid_t(m_process->processId()), SIGKILL);
        m_process->waitForFinished(1000);
    }
}

QString EventHook::checkExecutable(const QString &path, bool *notFound)
{
    *notFound = false;
    const QFileInfo info(path);
    if (path.isEmpty() || !info.exists()) {
        *notFound = true;
        return QStringLiteral("no event hook at %1").arg(path);
    }
    // The file itself (symbolic links followed) and where it lives.
    const QString target = info.canonicalFilePath();
    QString why = checkOwnerAndMode(target, false);
    if (why.isEmpty())
        why = checkOwnerAndMode(QFileInfo(target).absolutePath(), true);
    return why;
}

void EventHook::notify(const QString &event, const Variables &variables)
{
    if (m_options.path.isEmpty() || !QFileInfo::exists(m_options.path))
        return;
    if (m_queue.size() >= m_options.maxQueued) {
        qWarning("dm-remap-helper: event hook: %d events wait already; %s dropped", int(m_queue.size()), qPrintable(event));
        return;
    }
    m_queue.enqueue({event, variables});
    if (!m_process)
        startNext();
}

void EventHook::startNext()
{
    while (!m_queue.isEmpty()) {
        const auto [event, variables] = m_queue.dequeue();
        bool notFound = false;
        const QString why = checkExecutable(m_options.path, &notFound);
        if (notFound)
            continue;
        if (!why.isEmpty()) {
            qWarning("dm-remap-helper: event hook not run for %s: %s", qPrintable(event), qPrintable(why));
            Q_EMIT ran(event, -1, false);
            continue;
        }
        QProcessEnvironment env;
        env.insert(QStringLiteral("PATH"), QStringLiteral("/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"));
        env.insert(QStringLiteral("DMREMAP_EVENT"), event);
        for (auto it = variables.cbegin(); it != variables.cend(); ++it)
            env.insert(QStringLiteral("DMREMAP_") + it.key(), it.value());
        m_event = event;
        m_timedOut = false;
        m_logged = 0;
        m_process = new QProcess(this);
        m_process->setProgram(m_options.path);
        m_process->setProcessEnvironment(env);
        m_process->setStandardInputFile(QProcess::nullDevice());
        m_process->setProcessChannelMode(QProcess::MergedChannels);
        // A group of its own, so that a timeout kills what it started too.
        m_process->setChildProcessModifier([] { ::setsid(); });
        m_timer = new QTimer(m_process);
        m_timer->setSingleShot(true);
        connect(m_timer, &QTimer::timeout, this, [this] {
            m_timedOut = true;
            qWarning("dm-remap-helper: event hook for %s still runs after %d s: killed", qPrintable(m_event),
                     m_options.timeoutMs / 1000);
            ::kill(-pid_t(m_process->processId()), SIGKILL);
        });
        connect(m_process, &QProcess::readyReadStandardOutput, this, [this] {
            const QByteArray output = m_process->readAllStandardOutput();
            if (m_logged >= kMaxLoggedBytes)
                return;
            const QByteArray shown = output.left(kMaxLoggedBytes - m_logged);
            m_logged += output.size();
            for (const QByteArray &line : shown.split('\n'))
                if (!line.trimmed().isEmpty())
                    qInfo("dm-remap-helper: event hook %s: %s", qPrintable(m_event), qPrintable(Validation::sanitize(line, 1000)));
            if (m_logged >= kMaxLoggedBytes)
                qInfo("dm-remap-helper: event hook %s: (more output not logged)", qPrintable(m_event));
        });
        auto done = [this](int exitCode, bool crashed) {
            QProcess *process = std::exchange(m_process, nullptr);
            process->disconnect(this);
            process->deleteLater();
            if (m_timedOut || crashed || exitCode != 0)
                qWarning("dm-remap-helper: event hook for %s failed (%s)", qPrintable(m_event),
                         m_timedOut ? "timeout" : crashed ? "crashed or could not start" : qPrintable(QStringLiteral("exit status %1").arg(exitCode)));
            Q_EMIT ran(m_event, crashed ? -1 : exitCode, m_timedOut);
            QTimer::singleShot(0, this, &EventHook::startNext);
        };
        connect(m_process, &QProcess::finished, this,
                [done](int exitCode, QProcess::ExitStatus status) { done(exitCode, status != QProcess::NormalExit); });
        connect(m_process, &QProcess::errorOccurred, this, [this, done](QProcess::ProcessError error) {
            if (error == QProcess::FailedToStart)
                done(-1, true);
        });
        m_timer->start(m_options.timeoutMs);
        m_process->start();
        return;
    }
}
