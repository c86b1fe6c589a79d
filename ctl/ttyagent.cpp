#include "ttyagent.h"

#include <QByteArray>

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {
constexpr int kNotifyFd = 3;
constexpr char kAgent[] = "/usr/bin/pkttyagent";
}

TtyAgent::~TtyAgent()
{
    if (m_pid <= 0)
        return;
    ::kill(m_pid, SIGTERM);
    while (::waitpid(m_pid, nullptr, 0) < 0 && errno == EINTR) {
    }
}

void TtyAgent::startIfUseful()
{
    if (m_tried)
        return;
    m_tried = true;
    // Root is always authorized, and without a terminal nobody can answer.
    if (::geteuid() == 0 || !::isatty(STDIN_FILENO))
        return;

    int notify[2];
    if (::pipe2(notify, O_CLOEXEC) < 0)
        return;
    const QByteArray pid = QByteArray::number(::getpid());
    // In a login session the session's own agent (a desktop's dialog) keeps
    // precedence; polkit ignores a fallback agent for callers outside any
    // session, so there the terminal agent must be the primary one.
    const bool inSession = !qEnvironmentVariableIsEmpty("XDG_SESSION_ID");
    const pid_t child = ::fork();
    if (child == 0) {
        // dup2 clears close-on-exec on the copy the agent keeps.
        if (::dup2(notify[1], kNotifyFd) < 0)
            ::_exit(127);
        ::execl(kAgent, kAgent, "--notify-fd", "3", "--process", pid.constData(),
                inSession ? "--fallback" : static_cast<char *>(nullptr), static_cast<char *>(nullptr));
        ::_exit(127);
    }
    ::close(notify[1]);
    if (child < 0) {
        ::close(notify[0]);
        return;
    }
    m_pid = child;
    // The agent closes its end once registered with polkit; if it cannot
    // start, the end closes as it exits.
    char byte;
    while (::read(notify[0], &byte, 1) < 0 && errno == EINTR) {
    }
    ::close(notify[0]);
}
