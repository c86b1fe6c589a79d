// dm-remap-helper: the root service behind org.dmremap.Manager1.
#include "dbustypes.h"
#include "devicemapper.h"
#include "manager.h"
#include "pairoperations.h"
#include "pairrecord.h"
#include "monitoring.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusError>
#include <QDBusObjectPath>
#include <QDir>
#include <QProcess>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <dbus/dbus.h>
#include <fcntl.h>
#include <unistd.h>

namespace {
// libdbus stops reading a connection once the messages it has read and not
// yet freed exceed this size, and resumes from the thread that frees one:
// QtDBus frees call messages on the main thread but can re-enable its socket
// notifier only on its own thread, so once paused the helper would never read
// again. The pause must therefore never happen: every call with an argument
// of the wrong size is answered and freed at once, authorizations in flight
// are capped (Authorizer), and the bus daemon forwards no message above its
// max_message_size (32 MiB by default). 4 GiB is far beyond what these let
// pile up, yet still a bound.
constexpr long kMaxReceivedBytes = 4L * 1024 * 1024 * 1024;

// The partitions on a pair as /dev/mapper/<name>-part<N>, as
// 56-dm-remap.rules makes them: done here too, so that they exist when
// --assemble-recorded returns even where udev did not run the rule.
bool addPartitions(const QString &name)
{
    QProcess kpartx;
    kpartx.setProcessChannelMode(QProcess::MergedChannels);
    kpartx.start(QStringLiteral("/sbin/kpartx"),
                 {QStringLiteral("-un"), QStringLiteral("-p"), QStringLiteral("-part"), QStringLiteral("/dev/mapper/") + name});
    const bool finished = kpartx.waitForFinished(60000);
    const QString output = QString::fromLocal8Bit(kpartx.readAll()).trimmed();
    if (finished && kpartx.exitStatus() == QProcess::NormalExit && kpartx.exitCode() == 0)
        return true;
    fprintf(stderr, "dm-remap-helper: pair %s: kpartx failed: %s\n", qPrintable(name),
            qPrintable(output.isEmpty() ? kpartx.errorString() : output));
    if (!finished)
        kpartx.kill();
    return false;
}

// Boot-time assembly without the bus (dm-remap-assemble.service, before
// local-fs-pre.target): starts the recorded pairs as Manager1.Assemble does.
// Succeeds when every recorded pair is up or waits for an absent disk.
int assembleRecorded(const QString &stateDir, int maxPairs)
{
    DeviceMapper::setUp();
    QString error;
    QStringList problems;
    const QList<PairRecord> records = PairRecords::load(stateDir, &problems, &error);
    if (!error.isEmpty()) {
        fprintf(stderr, "dm-remap-helper: %s\n", qPrintable(error));
        return 1;
    }
    QSet<QString> running;
    for (const QString &name : DeviceMapper::remapDevices(&error))
        running.insert(name);
    if (!error.isEmpty()) {
        fprintf(stderr, "dm-remap-helper: device-mapper is not available: %s\n", qPrintable(error));
        return 1;
    }
    const PairOperations::Outcome outcome = PairOperations::assemble(stateDir, running, maxPairs - int(running.size()));
    bool ok = !outcome.error.isError();
    if (!ok)
        fprintf(stderr, "dm-remap-helper: %s\n", qPrintable(outcome.error.message));
    for (const QString &note : outcome.notes)
        fprintf(stderr, "dm-remap-helper: %s\n", qPrintable(note));
    for (const QString &name : outcome.created) {
        fprintf(stderr, "dm-remap-helper: pair %s started as /dev/mapper/%s\n", qPrintable(name), qPrintable(name));
        ok = addPartitions(name) && ok;
    }
    for (const PairRecord &record : records) {
        if (running.contains(record.name))
            fprintf(stderr, "dm-remap-helper: pair %s is up already\n", qPrintable(record.name));
        else if (!outcome.created.contains(record.name) && !outcome.waiting.contains(record.name))
            ok = false;
    }
    if (!problems.isEmpty())
        ok = false;
    if (!ok)
        fprintf(stderr, "dm-remap-helper: not every recorded pair whose disks are present could be started\n");
    return ok ? 0 : 1;
}
// SIGTERM (systemd stopping the unit, shutdown) and SIGINT end the event
// loop, so that the history's queued records and the background scans'
// positions are written before the helper exits.
int quitPipe[2] = {-1, -1};

void quitOnSignal(int)
{
    const char byte = 0;
    [[maybe_unused]] const ssize_t written = write(quitPipe[1], &byte, 1);
}

bool quitOnTermination(QCoreApplication *app)
{
    if (pipe2(quitPipe, O_CLOEXEC | O_NONBLOCK) != 0)
        return false;
    auto *notifier = new QSocketNotifier(quitPipe[0], QSocketNotifier::Read, app);
    QObject::connect(notifier, &QSocketNotifier::activated, app, &QCoreApplication::quit);
    struct sigaction action {};
    action.sa_handler = quitOnSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    return sigaction(SIGTERM, &action, nullptr) == 0 && sigaction(SIGINT, &action, nullptr) == 0;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("dm-remap-helper"));
    QCoreApplication::setApplicationVersion(QStringLiteral(DMREMAP_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Root service for dm-remap pairs, disks and SMART data (org.dmremap.Manager1)."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption busOption(QStringLiteral("bus"), QStringLiteral("Bus to serve on: system (default) or session (not as root)."),
                                       QStringLiteral("bus"), QStringLiteral("system"));
    const QCommandLineOption smartOption(QStringLiteral("smart-interval"), QStringLiteral("Minutes between SMART reads (default 30)."),
                                         QStringLiteral("minutes"), QStringLiteral("30"));
    const QCommandLineOption maxPairsOption(QStringLiteral("max-pairs"), QStringLiteral("Most pairs that may exist (default 64)."),
                                            QStringLiteral("count"), QStringLiteral("64"));
    const QCommandLineOption stateOption(QStringLiteral("state-dir"), QStringLiteral("Where per-disk settings are kept."),
                                         QStringLiteral("directory"), QStringLiteral("/var/lib/dm-remap"));
    const QCommandLineOption assembleOption(QStringLiteral("assemble-recorded"),
                                            QStringLiteral("Start the recorded pairs whose disks are present, without the bus, and exit."));
    const QCommandLineOption metricsOption(QStringLiteral("metrics-dir"),
                                           QStringLiteral("node_exporter's textfile directory for dm-remap.prom; \"\" for none "
                                                          "(default /var/lib/prometheus/node-exporter, used if it exists)."),
                                           QStringLiteral("directory"), QStringLiteral("/var/lib/prometheus/node-exporter"));
    const QCommandLineOption hookOption(QStringLiteral("event-hook"),
                                        QStringLiteral("Executable run on every new event (default /etc/dm-remap/event-hook, if it exists)."),
                                        QStringLiteral("path"), QStringLiteral("/etc/dm-remap/event-hook"));
    const QCommandLineOption hookTimeoutOption(QStringLiteral("event-hook-timeout"),
                                               QStringLiteral("Seconds before a running event hook is killed (default 60)."),
                                               QStringLiteral("seconds"), QStringLiteral("60"));
    const QCommandLineOption authTimeoutOption(QStringLiteral("auth-timeout"),
                                               QStringLiteral("Seconds a call may wait for its user to authenticate (default 300)."),
                                               QStringLiteral("seconds"), QStringLiteral("300"));
    const QCommandLineOption historyOption(QStringLiteral("history"),
                                           QStringLiteral("The history database (default history.db in the state directory)."),
                                           QStringLiteral("file"));
    const QCommandLineOption scanIntervalOption(QStringLiteral("scan-interval"),
                                                QStringLiteral("Days between background scans of each pair (default 30; 0: only "
                                                               "when started with dm-remapctl scan start)."),
                                                QStringLiteral("days"), QStringLiteral("30"));
    const QCommandLineOption scanRateOption(QStringLiteral("scan-rate"),
                                            QStringLiteral("KiB per second a background scan reads at most (default: the pair's "
                                                           "size over half the interval, 256 KiB/s to 4 MiB/s)."),
                                            QStringLiteral("KiB/s"), QStringLiteral("0"));
    const QCommandLineOption scanWindowOption(QStringLiteral("scan-window"),
                                              QStringLiteral("Daily hours (local time) in which a background scan may wake a "
                                                             "main disk in standby, e.g. 01:00-05:00 (default: it never wakes one)."),
                                              QStringLiteral("HH:MM-HH:MM"));
    parser.addOptions({busOption, smartOption, maxPairsOption, stateOption, metricsOption, hookOption, hookTimeoutOption,
                       authTimeoutOption, historyOption, scanIntervalOption, scanRateOption, scanWindowOption,
                       assembleOption});
    parser.process(app);

    Manager::Options options;
    bool ok1 = false, ok2 = false;
    options.smartIntervalMinutes = parser.value(smartOption).toInt(&ok1);
    options.maxPairs = parser.value(maxPairsOption).toInt(&ok2);
    options.stateDirectory = parser.value(stateOption);
    options.historyPath = parser.isSet(historyOption) ? parser.value(historyOption)
                                                      : QDir(options.stateDirectory).filePath(QStringLiteral("history.db"));
    const QString busName = parser.value(busOption);
    Monitoring::Options monitoring;
    monitoring.metricsDirectory = parser.value(metricsOption);
    monitoring.hook.path = parser.value(hookOption);
    bool ok3 = false, ok4 = false;
    const int hookTimeout = parser.value(hookTimeoutOption).toInt(&ok3);
    monitoring.hook.timeoutMs = hookTimeout * 1000;
    const int authTimeout = parser.value(authTimeoutOption).toInt(&ok4);
    options.interactiveAuthTimeoutMs = authTimeout * 1000;
    bool ok5 = false, ok6 = false;
    options.scan.intervalDays = parser.value(scanIntervalOption).toInt(&ok5);
    const qulonglong scanRate = parser.value(scanRateOption).toULongLong(&ok6);
    options.scan.rateBytesPerSec = scanRate * 1024;
    const bool windowOk = !parser.isSet(scanWindowOption)
                          || PatrolScan::parseWindow(parser.value(scanWindowOption), &options.scan);
    if (!ok5 || options.scan.intervalDays < 0 || options.scan.intervalDays > 3650 || !ok6 || scanRate > 1024 * 1024 || !windowOk
        || !ok3 || hookTimeout < 1 || hookTimeout > 3600 || !ok4 || authTimeout < 1 || authTimeout > 3600 || !ok1 || options.smartIntervalMinutes < 1 || !ok2 || options.maxPairs < 1 || options.maxPairs > 1024
        || (busName != QLatin1String("system") && busName != QLatin1String("session")) || options.historyPath.isEmpty()) {
        fprintf(stderr, "dm-remap-helper: invalid option value (see --help)\n");
        return 2;
    }
    if (parser.isSet(assembleOption))
        return assembleRecorded(options.stateDirectory, options.maxPairs);

    // As root the session bus's polkit name is whoever claims it there.
    if (busName == QLatin1String("session") && geteuid() == 0) {
        fprintf(stderr, "dm-remap-helper: --bus session is refused as root: anyone on that bus could answer for polkit\n");
        return 2;
    }

    if (!quitOnTermination(&app)) {
        perror("dm-remap-helper: signal handling");
        return 1;
    }
    DmRemap::registerDBusTypes();
    // The adaptors relay signals carrying object paths by type name.
    qRegisterMetaType<QDBusObjectPath>();
    QDBusConnection bus = busName == QLatin1String("system") ? QDBusConnection::systemBus() : QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        fprintf(stderr, "dm-remap-helper: cannot connect to the %s bus: %s\n", qPrintable(busName),
                qPrintable(bus.lastError().message()));
        return 1;
    }
    dbus_connection_set_max_received_size(static_cast<DBusConnection *>(bus.internalPointer()), kMaxReceivedBytes);
    Manager manager(bus, options);
    const Monitoring monitor(&manager, monitoring);
    QString error;
    if (!manager.start(&error)) {
        fprintf(stderr, "dm-remap-helper: %s\n", qPrintable(error));
        return 1;
    }
    // The name is taken last, so a client activated by it finds every object.
    if (!bus.registerService(QStringLiteral("org.dmremap.Manager1"))) {
        fprintf(stderr, "dm-remap-helper: cannot own org.dmremap.Manager1: %s\n", qPrintable(bus.lastError().message()));
        return 1;
    }
    return app.exec();
}
