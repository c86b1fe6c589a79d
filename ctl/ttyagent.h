// polkit's text agent (pkttyagent) for this process, so that a privileged
// call made from a terminal can ask for the password there, as systemctl
// does. Without it polkit has no agent to ask outside a desktop session and
// refuses.
#pragma once

#include <sys/types.h>

class TtyAgent
{
public:
    TtyAgent() = default;
    TtyAgent(const TtyAgent &) = delete;
    TtyAgent &operator=(const TtyAgent &) = delete;
    ~TtyAgent();

    // Starts the agent once, only for a non-root caller on a terminal; returns
    // when the agent has registered (or has failed to start).
    void startIfUseful();

private:
    pid_t m_pid = -1;
    bool m_tried = false;
};
