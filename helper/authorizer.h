// Asks polkit whether the sender of a D-Bus call may perform an action.
// The subject is the caller's unique bus name (never a PID: see
// CVE-2013-4288); interaction is allowed only when the caller's message
// allows it. Anything but an explicit "authorized" (an error, a timeout, a
// caller that left the bus, a malformed reply) is a denial (CVE-2021-3560).
#pragma once

#include <QDBusConnection>
#include <QDBusMessage>
#include <QMap>
#include <QObject>
#include <functional>

namespace Actions {
inline constexpr char Read[] = "org.dmremap.read";
inline constexpr char SelfTest[] = "org.dmremap.self-test";
inline constexpr char Remap[] = "org.dmremap.remap";
inline constexpr char Assemble[] = "org.dmremap.assemble";
inline constexpr char Import[] = "org.dmremap.import";
inline constexpr char CreatePair[] = "org.dmremap.create-pair";
inline constexpr char RemovePair[] = "org.dmremap.remove-pair";
} // namespace Actions

class Authorizer : public QObject
{
    Q_OBJECT
public:
    explicit Authorizer(const QDBusConnection &connection, QObject *parent = nullptr);

    using Details = QMap<QString, QString>;

    // Checks action for the sender of message. On success runs allowed();
    // on denial answers message with org.freedesktop.DBus.Error.AccessDenied.
    // The caller must have called setDelayedReply(true) on message.
    void authorize(const QDBusMessage &message, const QString &action, const Details &details,
                   std::function<void()> allowed);

private:
    QDBusConnection m_connection;
};
