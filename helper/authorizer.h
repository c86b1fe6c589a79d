// Asks polkit whether the sender of a D-Bus call may perform an action.
// The subject is the caller's unique bus name (never a PID: see
// CVE-2013-4288). Anything but an explicit "authorized" (an error, a
// timeout, a caller that left the bus, a malformed reply) is a denial
// (CVE-2021-3560). Callers with uid 0 (asked of the bus) need no polkit.
//
// Every check in progress holds its call's message, so they are capped per
// caller, per uid and overall (LimitsExceeded beyond that), which also keeps
// the helper's pending calls to polkit below the bus's per-connection limit.
// A check that times out or whose caller leaves the bus is cancelled in
// polkit (CancelCheckAuthorization), so an agent that never answers holds
// nothing for longer than the timeout.
#pragma once

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusServiceWatcher>
#include <QHash>
#include <QMap>
#include <QObject>
#include <functional>

class QTimer;

namespace Actions {
inline constexpr char Read[] = "org.dmremap.read";
inline constexpr char SelfTest[] = "org.dmremap.self-test";
inline constexpr char Remap[] = "org.dmremap.remap";
inline constexpr char Assemble[] = "org.dmremap.assemble";
inline constexpr char Import[] = "org.dmremap.import";
inline constexpr char CreatePair[] = "org.dmremap.create-pair";
inline constexpr char RemovePair[] = "org.dmremap.remove-pair";
inline constexpr char ReplaceMain[] = "org.dmremap.replace-main";
inline constexpr char Scan[] = "org.dmremap.scan";
} // namespace Actions

// The message of every refusal: clients (the app) read the action from it.
inline QString refusalMessage(const QString &action, const QString &why)
{
    return QStringLiteral("not authorized for %1: %2").arg(action, why);
}

class Authorizer : public QObject
{
    Q_OBJECT
public:
    // Checks in progress (uid lookup or polkit) one caller may have, one uid
    // may have in polkit, and all callers together may have in polkit.
    static constexpr int kMaxPerCaller = 8;
    static constexpr int kMaxPerUser = 16;
    static constexpr int kMaxTotal = 64;
    // uid lookups at the bus in flight (each answered within milliseconds).
    static constexpr int kMaxLookups = 32;
    // How long polkit may take: long enough to type a password when an
    // agent may ask (the default; --auth-timeout), short otherwise.
    static constexpr int kInteractiveTimeoutMs = 5 * 60 * 1000;
    static constexpr int kTimeoutMs = 25 * 1000;

    explicit Authorizer(const QDBusConnection &connection, int interactiveTimeoutMs = kInteractiveTimeoutMs,
                        QObject *parent = nullptr);

    using Details = QMap<QString, QString>;

    // Checks action for the sender of message. On success runs allowed();
    // otherwise answers message with AccessDenied (or LimitsExceeded).
    // polkit may ask the user through an agent only when mayInteract and the
    // message allows interactive authorization. The caller must have called
    // setDelayedReply(true) on message.
    void authorize(const QDBusMessage &message, const QString &action, const Details &details, bool mayInteract,
                   std::function<void()> allowed);

private:
    struct Check {
        QDBusMessage message;
        QString action;
        Details details;
        bool interactive = false;
        std::function<void()> allowed;
        uint uid = 0;
        bool inPolkit = false;     // else the uid is being looked up
        QString cancellationId;
        QTimer *timer = nullptr;
    };

    void uidKnown(quint64 id, const QDBusMessage &reply);
    void askPolkit(quint64 id);
    void polkitAnswered(quint64 id, const QDBusMessage &reply);
    void timedOut(quint64 id);
    void callerLeft(const QString &sender);
    // Forgets the check; cancels it in polkit if asked there.
    Check take(quint64 id, bool cancelInPolkit);
    void deny(const Check &check, const QString &why, const char *errorName);

    QDBusConnection m_connection;
    int m_interactiveTimeoutMs;
    QDBusServiceWatcher m_callers;
    QHash<quint64, Check> m_checks;
    quint64 m_nextId = 1;
};
