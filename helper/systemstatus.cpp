#include "systemstatus.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

#include <sys/utsname.h>

namespace SystemStatus {

namespace {
// The EFI global variable GUID, under which firmware publishes SecureBoot.
constexpr char kSecureBootVariable[] = "/sys/firmware/efi/efivars/SecureBoot-8be4df61-93ca-11d2-aa0d-e98c1d4f1da0";
constexpr char kLockdown[] = "/sys/kernel/security/lockdown";

QByteArray readSmallFile(const char *path)
{
    QFile file(QString::fromLatin1(path));
    return file.open(QIODevice::ReadOnly) ? file.read(256) : QByteArray();
}
} // namespace

QString secureBootFromVariable(const QByteArray &variable)
{
    if (variable.size() != 5)
        return QStringLiteral("unknown");
    return variable.at(4) == 1 ? QStringLiteral("on") : QStringLiteral("off");
}

QString secureBoot()
{
    if (!QDir(QStringLiteral("/sys/firmware/efi")).exists())
        return QStringLiteral("off");
    return secureBootFromVariable(readSmallFile(kSecureBootVariable));
}

QString lockdownFromText(const QByteArray &text)
{
    static const QRegularExpression selected(QStringLiteral("\\[(none|integrity|confidentiality)\\]"));
    return selected.match(QString::fromLatin1(text)).captured(1);
}

QString lockdown()
{
    return lockdownFromText(readSmallFile(kLockdown));
}

QString kernelRelease()
{
    utsname name = {};
    return uname(&name) == 0 ? QString::fromLatin1(name.release) : QString();
}

} // namespace SystemStatus
