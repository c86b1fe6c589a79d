// A real dbus-daemon on a unix socket in a temporary directory, for one
// test process. Its address is what DBUS_SYSTEM_BUS_ADDRESS or
// DBUS_SESSION_BUS_ADDRESS would point at.
#pragma once

#include <QProcess>
#include <QString>
#include <QTemporaryDir>

class PrivateBus
{
public:
    PrivateBus();
    ~PrivateBus();
    // serviceDirectory: where the bus finds .service files to start
    // services on demand (none when empty).
    bool start(const QString &serviceDirectory = {});
    QString address() const { return m_address; }
    QString errorString() const { return m_error; }

private:
    QTemporaryDir m_dir;
    QProcess m_daemon;
    QString m_address;
    QString m_error;
};
