// What this machine lacks for dm-remap, from the helper's
// Manager1.GetSystemStatus: the most fundamental missing part first, with
// the exact next step, and whether it keeps disks from being paired.
#pragma once

#include <QString>
#include <QVariantMap>

namespace SystemCheck {

enum class Missing {
    Nothing,
    DeviceMapper,     // the kernel has no device-mapper
    ModuleSigning,    // the module cannot load: Secure Boot or lockdown wants a signed module
    Module,           // the module is not installed for the running kernel
    Smartctl,         // disk health cannot be read
};

struct Problem {
    Missing missing = Missing::Nothing;
    QString text;               // one sentence or two: what is missing and what to do
    bool blocksPairing = false; // no pair can be created until it is solved
};

// status: GetSystemStatus's answer; empty (an older helper, or not asked
// yet) gives Nothing.
Problem firstProblem(const QVariantMap &status);

} // namespace SystemCheck
