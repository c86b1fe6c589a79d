#include "smartctl.h"

#include <QFileInfo>
#include <QPointer>
#include <QProcess>
#include <QTimer>

namespace Smartctl {

namespace {
constexpr qint64 kMaxOutput = 8 << 20;

QStringList deviceTypeArguments(const QString &deviceType)
{
    if (deviceType.isEmpty())
        return {};
    return {QStringLiteral("-d"), deviceType};
}
} // namespace

QString program()
{
    const QString path = QStringLiteral("/usr/sbin/smartctl");
    const QFileInfo info(path);
    return info.isFile() && info.isExecutable() ? path : QString();
}

QStringList readArguments(const QString &devicePath, const QString &deviceType, Wake wake)
{
    QStringList args{QStringLiteral("--json=c"), QStringLiteral("-x")};
    if (wake == Wake::No)
        args << QStringLiteral("-n") << QStringLiteral("standby");
    return args + deviceTypeArguments(deviceType) + QStringList{QStringLiteral("--"), devicePath};
}

QStringList selfTestArguments(const QString &devicePath, const QString &deviceType, const QString &what)
{
    QStringList args{QStringLiteral("--json=c")};
    if (what == QLatin1String("abort"))
        args << QStringLiteral("-X");
    else
        args << QStringLiteral("-t") << (what == QLatin1String("extended") ? QStringLiteral("long") : QStringLiteral("short"));
    return args + deviceTypeArguments(deviceType) + QStringList{QStringLiteral("--"), devicePath};
}

void run(const QStringList &args, QObject *context, std::function<void(const Result &)> done, int timeoutMs)
{
    const QString path = program();
    if (path.isEmpty()) {
        Result r;
        r.error = QStringLiteral("smartctl is not installed (package smartmontools)");
        QTimer::singleShot(0, context, [done, r] { done(r); });
        return;
    }
    auto *process = new QProcess(context);
    process->setProgram(path);
    process->setArguments(args);
    process->setStandardInputFile(QProcess::nullDevice());
    process->setProcessChannelMode(QProcess::SeparateChannels);
    auto *timer = new QTimer(process);
    timer->setSingleShot(true);
    auto output = std::make_shared<QByteArray>();
    auto timedOut = std::make_shared<bool>(false);
    QObject::connect(timer, &QTimer::timeout, process, [process, timedOut] {
        *timedOut = true;
        process->kill();
    });
    QObject::connect(process, &QProcess::readyReadStandardOutput, process, [process, output] {
        const QByteArray chunk = process->readAllStandardOutput();
        if (output->size() < kMaxOutput)
            output->append(chunk.left(kMaxOutput - output->size()));
    });
    QObject::connect(process, &QProcess::readyReadStandardError, process, [process] { process->readAllStandardError(); });
    QObject::connect(process, &QProcess::errorOccurred, process, [process, done](QProcess::ProcessError e) {
        if (e != QProcess::FailedToStart)
            return;
        Result r;
        r.error = QStringLiteral("smartctl could not be started: %1").arg(process->errorString());
        process->deleteLater();
        done(r);
    });
    QObject::connect(process, &QProcess::finished, process,
                     [process, done, output, timedOut](int exitCode, QProcess::ExitStatus status) {
                         output->append(process->readAllStandardOutput().left(qMax<qint64>(0, kMaxOutput - output->size())));
                         Result r;
                         if (*timedOut)
                             r.error = QStringLiteral("smartctl did not finish in time and was stopped");
                         else if (status != QProcess::NormalExit)
                             r.error = QStringLiteral("smartctl crashed");
                         else {
                             r.ran = true;
                             r.exitStatus = exitCode;
                             r.output = *output;
                         }
                         process->deleteLater();
                         done(r);
                     });
    timer->start(timeoutMs);
    process->start();
}

} // namespace Smartctl
