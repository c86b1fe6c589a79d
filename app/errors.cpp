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
        // The bus found no service file (ServiceUnknown, ServiceNotFound):
        // the package is missing. Found but failed (other Spawn errors): it
        // is installed and its log says why.
        if (error.name().startsWith(QLatin1String("org.freedesktop.DBus.Error.Spawn."))
            && error.name() != QLatin1String("org.freedesktop.DBus.Error.Spawn.ServiceNotFound"))
            return QCoreApplication::translate("ErrorText", "The disk helper service (dm-remap-helper) is installed but could not be started, so disks cannot be shown or changed. An administrator can see why with “journalctl -u dm-remap-helper”.");
        if (error.type() == QDBusError::ServiceUnknown
            || error.name() == QLatin1String("org.freedesktop.DBus.Error.Spawn.ServiceNotFound"))
            return QCoreApplication::translate("ErrorText", "The disk helper service (dm-remap-helper) is not installed, so disks cannot be shown or changed. Install the package dm-remap-helper, then choose Retry.");
        return QCoreApplication::translate("ErrorText", "The disk helper service (dm-remap-helper) is not running, so disks cannot be shown or changed.");
    }
    if (isRefusal(error)) {
        // The helper names the polkit action it refused; reading never asks
        // for a password (docs/dbus-api.md), so none is to be typed.
        if (error.message().contains(QLatin1String("not authorized for org.dmremap.read:")))
            return QCoreApplication::translate("ErrorText", "This session may not read the state of the disks. Without a password that is allowed only in the active session at this computer, and reading never asks for a password. An administrator can allow your account (polkit action org.dmremap.read).");
        return QCoreApplication::translate("ErrorText", "Permission was refused. You need to enter an administrator password when asked to do this.");
    }
    if (error.type() == QDBusError::InvalidArgs
        || error.name() == QLatin1String("org.dmremap.Error.InvalidArgument")
        || error.name() == QLatin1String("org.dmremap.Error.UnknownOption"))
        return QCoreApplication::translate("ErrorText", "The helper did not accept the request: %1").arg(helperMessage(error));
    if (error.type() == QDBusError::UnknownMethod || error.type() == QDBusError::UnknownInterface)
        return QCoreApplication::translate("ErrorText", "The installed disk helper is a different version and does not understand this request.");
    if (error.type() == QDBusError::Timeout || error.type() == QDBusError::TimedOut)
        return QCoreApplication::translate("ErrorText", "The request took too long and was given up.");
    const QString message = helperMessage(error);
    // The helper's own errors in plain words; withDetails: its message adds
    // something the user needs (which disk, why).
    struct Known {
        const char *name;
        const char *text;
        bool withDetails;
    };
    static const Known known[] = {
        {"org.dmremap.Error.InUse", QT_TRANSLATE_NOOP("ErrorText", "The disk is in use (mounted, swap, or part of another device). Stop using it first."), true},
        {"org.dmremap.Error.SameDisk", QT_TRANSLATE_NOOP("ErrorText", "The main disk and the spare must be two different disks."), false},
        {"org.dmremap.Error.SpareTooSmall", QT_TRANSLATE_NOOP("ErrorText", "The spare disk is too small."), true},
        {"org.dmremap.Error.Exists", QT_TRANSLATE_NOOP("ErrorText", "A pair with this name already exists. Choose another name."), false},
        {"org.dmremap.Error.TooMany", QT_TRANSLATE_NOOP("ErrorText", "No more pairs can be created on this computer."), false},
        {"org.dmremap.Error.DeviceChanged", QT_TRANSLATE_NOOP("ErrorText", "The disk changed while the request was running. Nothing was done; please try again."), false},
        {"org.dmremap.Error.NotFound", QT_TRANSLATE_NOOP("ErrorText", "The disk or pair is no longer there."), false},
        {"org.dmremap.Error.Busy", QT_TRANSLATE_NOOP("ErrorText", "The device is busy, for example still mounted. Unmount it and try again."), true},
        {"org.dmremap.Error.NotSupported", QT_TRANSLATE_NOOP("ErrorText", "This disk does not support that."), true},
    };
    for (const Known &k : known) {
        if (error.name() != QLatin1String(k.name))
            continue;
        const QString plain = QCoreApplication::translate("ErrorText", k.text);
        if (message.isEmpty() || !k.withDetails)
            return plain;
        return plain + QLatin1Char(' ') + QCoreApplication::translate("ErrorText", "(Details: %1)").arg(message);
    }
    if (message.isEmpty())
        return QCoreApplication::translate("ErrorText", "The disk helper reported an error (%1).").arg(error.name());
    return QCoreApplication::translate("ErrorText", "The disk helper reported an error: %1").arg(message);
}

QString describeReplace(const QDBusError &error)
{
    struct Known {
        const char *name;
        const char *text;
        bool withDetails;
    };
    static const Known known[] = {
        {"org.dmremap.Error.InUse", QT_TRANSLATE_NOOP("ErrorText", "The new disk is in use (mounted, swap, or part of another device). Stop using it, or choose another disk."), true},
        {"org.dmremap.Error.DiskTooSmall", QT_TRANSLATE_NOOP("ErrorText", "The new disk is smaller than the pair's main disk. Choose a disk at least as large."), true},
        {"org.dmremap.Error.UnreadableBlocks", QT_TRANSLATE_NOOP("ErrorText", "Some blocks of the pair could not be read, so their data cannot be copied. Restore or delete the files stored in them (writing to these blocks moves them to the spare), then try again."), true},
        {"org.dmremap.Error.Busy", QT_TRANSLATE_NOOP("ErrorText", "The main disk of this pair is already being replaced. Wait until the copy ends, or cancel it first."), false},
        {"org.dmremap.Error.EraseNotAcknowledged", QT_TRANSLATE_NOOP("ErrorText", "The helper was not told that the new disk may be erased, so nothing was done."), false},
        {"org.dmremap.Error.SameDisk", QT_TRANSLATE_NOOP("ErrorText", "The new disk is one of the pair's own disks. Choose a disk that is not in a pair."), false},
    };
    for (const Known &k : known) {
        if (error.name() != QLatin1String(k.name))
            continue;
        const QString plain = QCoreApplication::translate("ErrorText", k.text);
        const QString message = helperMessage(error);
        if (message.isEmpty() || !k.withDetails)
            return plain;
        return plain + QLatin1Char(' ') + QCoreApplication::translate("ErrorText", "(Details: %1)").arg(message);
    }
    return describe(error);
}

QString describeScan(const QDBusError &error)
{
    // The helper's messages say which of these it is, in English: the
    // sentence names them all.
    if (error.name() == QLatin1String("org.dmremap.Error.Busy"))
        return QCoreApplication::translate("ErrorText", "The scan cannot start now: the pair's main disk is being replaced, the pair is being removed, or the disk helper is still starting. Try again later.");
    if (error.name() == QLatin1String("org.dmremap.Error.NotFound"))
        return QCoreApplication::translate("ErrorText", "The pair's main disk is missing, so it cannot be scanned.");
    return describe(error);
}

} // namespace ErrorText
