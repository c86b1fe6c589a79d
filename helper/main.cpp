// dm-remap-helper: the root service behind org.dmremap.Manager1.
#include "dbustypes.h"
#include "manager.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusError>
#include <QDBusObjectPath>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("dm-remap-helper"));
    QCoreApplication::setApplicationVersion(QStringLiteral(DMREMAP_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Root service for dm-remap pairs, disks and SMART data (org.dmremap.Manager1)."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption busOption(QStringLiteral("bus"), QStringLiteral("Bus to serve on: system (default) or session."),
                                       QStringLiteral("bus"), QStringLiteral("system"));
    const QCommandLineOption smartOption(QStringLiteral("smart-interval"), QStringLiteral("Minutes between SMART reads (default 30)."),
                                         QStringLiteral("minutes"), QStringLiteral("30"));
    const QCommandLineOption maxPairsOption(QStringLiteral("max-pairs"), QStringLiteral("Most pairs that may exist (default 64)."),
                                            QStringLiteral("count"), QStringLiteral("64"));
    const QCommandLineOption stateOption(QStringLiteral("state-dir"), QStringLiteral("Where per-disk settings are kept."),
                                         QStringLiteral("directory"), QStringLiteral("/var/lib/dm-remap"));
    parser.addOptions({busOption, smartOption, maxPairsOption, stateOption});
    parser.process(app);

    Manager::Options options;
    bool ok1 = false, ok2 = false;
    options.smartIntervalMinutes = parser.value(smartOption).toInt(&ok1);
    options.maxPairs = parser.value(maxPairsOption).toInt(&ok2);
    options.stateDirectory = parser.value(stateOption);
    const QString busName = parser.value(busOption);
    if (!ok1 || options.smartIntervalMinutes < 1 || !ok2 || options.maxPairs < 1 || options.maxPairs > 1024
        || (busName != QLatin1String("system") && busName != QLatin1String("session"))) {
        fprintf(stderr, "dm-remap-helper: invalid option value (see --help)\n");
        return 2;
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
    Manager manager(bus, options);
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
