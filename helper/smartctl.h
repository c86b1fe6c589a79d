// Runs smartctl as a child process: absolute path, fixed argument list, no
// shell, stdin from /dev/null, a timeout, output size capped.
#pragma once

#include <QByteArray>
#include <QObject>
#include <QStringList>
#include <functional>

namespace Smartctl {

// /usr/sbin/smartctl, or empty when it is not installed.
QString program();

struct Result {
    bool ran = false;     // the process started and exited normally
    int exitStatus = 0;   // smartctl's bit mask
    QByteArray output;    // stdout (JSON)
    QString error;        // why it did not run or was killed
};

enum class Wake { No, Yes };
// Reads everything (-x) as compact JSON; Wake::No leaves a sleeping disk
// asleep (-n standby) and reads nothing from it.
QStringList readArguments(const QString &devicePath, const QString &deviceType, Wake wake = Wake::No);
// Starts ("short", "extended") or aborts ("abort") a self-test.
QStringList selfTestArguments(const QString &devicePath, const QString &deviceType, const QString &what);

// Runs smartctl with args; done is called on the caller's thread, through
// context's event loop (not called if context is destroyed first).
void run(const QStringList &args, QObject *context, std::function<void(const Result &)> done, int timeoutMs = 60000);

} // namespace Smartctl
