// What the machine lacks for dm-remap, for Manager1.GetSystemStatus: the
// kernel's Secure Boot and lockdown state (a locked-down kernel refuses a
// module signed by a key it does not know, such as DKMS's own) and the
// kernel release a module must be built for.
#pragma once

#include <QByteArray>
#include <QString>

namespace SystemStatus {

// "on", "off" or "unknown", from the EFI variable SecureBoot: "off" without
// EFI, where there is no Secure Boot.
QString secureBoot();
// The value of the EFI variable SecureBoot (4 bytes of attributes, then the
// state byte) as secureBoot() answers it.
QString secureBootFromVariable(const QByteArray &variable);

// "none", "integrity" or "confidentiality" from securityfs, "" when the
// kernel does not say.
QString lockdown();
// /sys/kernel/security/lockdown's text ("none [integrity] confidentiality"):
// the mode in brackets.
QString lockdownFromText(const QByteArray &text);

// uname -r.
QString kernelRelease();

} // namespace SystemStatus
