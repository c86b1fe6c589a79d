#include "errors.h"

#include <QCoreApplication>
#include <QDBusError>

namespace ErrorText {

bool isHelperMissing(const QDBusError &error)
{
    switch (error.type()) {
    case QDBusError::ServiceUnknown:
    case QDBusError::NoReply:
    case QDBusError::Disconnected:
    case QDBusError::UnknownObject:
    case QDBusError::NoServer:
        return true;
    default:
        return error.name() == QLatin1String("org.freedesktop.DBus.Error.NameHasNoOwner")
            || error.name() == QLatin1String("org.freedesktop.DBus.Error.Spawn.ServiceNotFound")
            || error.name() == QLatin1String("org.freedesktop.DBus.Error.Spawn.ChildExited");
    }
}

bool isRefusal(const QDBusError &error)
{
    return error.type() == QDBusError::AccessDenied
        || error.name().startsWith(QLatin1String("org.freedesktop.PolicyKit1.Error"))
        || error.name() == QLatin1String("org.freedesktop.DBus.Error.InteractiveAuthorizationRequired")
        || error.name() == QLatin1String("org.freedesktop.DBus.Error.AuthFailed");
}

// Messages from the helper may quote disk models or serials: keep them on one
// line and short so a hostile string cannot flood the window.
static QString helperMessage(const QDBusError &error)
{
    QString text = error.message().simplified();
    if (text.size() > 300)
        text = text.left(300) + QChar(0x2026);
    return text;
}

QString describe(const QDBusError &error)
{
    if (isHelperMissing(error)) {
        if (error.type() == QDBusError::NoReply)
            return QCoreApplication::translate("ErrorText", "The disk helper service did not answer in time. It may be busy or may have stopped.");
        return QCoreApplication::translate("ErrorText", "The disk helper service (dm-remap-helper) is not running, so disks cannot be shown or changed.");
    }
    if (isRefusal(error))
        return QCoreApplication::translate("ErrorText", "Permission was refused. You need to enter an administrator password when asked to do this.");
    if (error.type() == QDBusError::InvalidArgs)
        return QCoreApplication::translate("ErrorText", "The helper did not accept the request: %1").arg(helperMessage(error));
    if (error.type() == QDBusError::UnknownMethod || error.type() == QDBusError::UnknownInterface)
        return QCoreApplication::translate("ErrorText", "The installed disk helper is a different version and does not understand this request.");
    if (error.type() == QDBusError::Timeout || error.type() == QDBusError::TimedOut)
        return QCoreApplication::translate("ErrorText", "The request took too long and was given up.");
    const QString message = helperMessage(error);
    const QString name = error.name();
    QString plain;
    if (name == QLatin1String("org.dmremap.Error.InUse"))
        plain = QCoreApplication::translate("ErrorText", "The disk is in use (mounted, swap, or part of another device). Stop using it first.");
    else if (name == QLatin1String("org.dmremap.Error.SameDisk"))
        plain = QCoreApplication::translate("ErrorText", "The main disk and the spare must be two different disks.");
    else if (name == QLatin1String("org.dmremap.Error.SpareTooSmall"))
        plain = QCoreApplication::translate("ErrorText", "The spare disk is too small.");
    else if (name == QLatin1String("org.dmremap.Error.Exists"))
        plain = QCoreApplication::translate("ErrorText", "A pair with this name already exists. Choose another name.");
    else if (name == QLatin1String("org.dmremap.Error.TooMany"))
        plain = QCoreApplication::translate("ErrorText", "No more pairs can be created on this computer.");
    else if (name == QLatin1String("org.dmremap.Error.DeviceChanged"))
        plain = QCoreApplication::translate("ErrorText", "The disk changed while the request was running. Nothing was done; please try again.");
    else if (name == QLatin1String("org.dmremap.Error.NotFound"))
        plain = QCoreApplication::translate("ErrorText", "The disk or pair is no longer there.");
    else if (name == QLatin1String("org.dmremap.Error.Busy"))
        plain = QCoreApplication::translate("ErrorText", "The device is busy, for example still mounted. Unmount it and try again.");
    else if (name == QLatin1String("org.dmremap.Error.NotSupported"))
        plain = QCoreApplication::translate("ErrorText", "This disk does not support that.");
    if (!plain.isEmpty())
        return message.isEmpty() ? plain : plain + QLatin1Char(' ') + QCoreApplication::translate("ErrorText", "(Details: %1)").arg(message);
    if (message.isEmpty())
        return QCoreApplication::translate("ErrorText", "The disk helper reported an error (%1).").arg(error.name());
    return QCoreApplication::translate("ErrorText", "The disk helper reported an error: %1").arg(message);
}

} // namespace ErrorText
