#include "systemcheck.h"

#include <QCoreApplication>

namespace SystemCheck {

Problem firstProblem(const QVariantMap &status)
{
    if (status.isEmpty())
        return {};
    auto text = [&](const QString &key) { return status.value(key).toString(); };
    if (status.contains(QStringLiteral("device-mapper")) && !status.value(QStringLiteral("device-mapper")).toBool())
        return {Missing::DeviceMapper,
                QCoreApplication::translate("SystemCheck", "This kernel has no device-mapper; dm-remap cannot pair disks here."),
                true};
    if (text(QStringLiteral("remap-target")) == QLatin1String("not-loadable")) {
        const QString lockdown = text(QStringLiteral("lockdown"));
        // Secure Boot, or a kernel locked down without it, loads signed
        // modules only: DKMS's own key must be enrolled first.
        if (text(QStringLiteral("secure-boot")) == QLatin1String("on")
            || (!lockdown.isEmpty() && lockdown != QLatin1String("none")))
            return {Missing::ModuleSigning,
                    QCoreApplication::translate("SystemCheck",
                                                "Secure Boot refuses the dm-remap module, signed by DKMS's own key, until that key is enrolled: run "
                                                "“mokutil --import /var/lib/dkms/mok.pub”, restart and confirm the key, "
                                                "then choose Retry."),
                    true};
        const QString release = text(QStringLiteral("kernel-release"));
        if (release.isEmpty())
            return {Missing::Module,
                    QCoreApplication::translate("SystemCheck",
                                                "The dm-remap kernel module is not installed for this kernel: install the "
                                                "package dm-remap-dkms (and this kernel's linux-headers package so DKMS "
                                                "can build it), then choose Retry."),
                    true};
        return {Missing::Module,
                QCoreApplication::translate("SystemCheck",
                                            "The dm-remap kernel module is not installed for kernel %1: install the "
                                            "package dm-remap-dkms (and linux-headers-%1 so DKMS can build it), then "
                                            "choose Retry.")
                        .arg(release),
                true};
    }
    if (status.contains(QStringLiteral("smartctl")) && text(QStringLiteral("smartctl")).isEmpty())
        return {Missing::Smartctl,
                QCoreApplication::translate("SystemCheck",
                                            "Install the package smartmontools to read disk health, then choose Retry."),
                false};
    return {};
}

} // namespace SystemCheck
