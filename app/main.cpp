// dm-remap-manager: the desktop face of dm-remap.
#include "devicemodel.h"
#include "helperclient.h"
#include "mainwindow.h"
#include "notifier.h"
#include "singleinstance.h"
#include "translations.h"
#include "trayicon.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDBusConnection>
#include <QSettings>

#include <cstdio>
#include <cstdlib>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("dm-remap-manager"));
    QApplication::setOrganizationName(QStringLiteral("dm-remap"));
    QApplication::setApplicationVersion(QStringLiteral(DMREMAP_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("dm-remap-manager"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/dm-remap-manager.svg")));
    Translations::install(QLocale());
    DmRemap::registerDBusTypes();

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Shows the health of your disks and manages dm-remap pairs."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption trayOption(QStringLiteral("tray"),
                                        QApplication::translate("main", "Start in the background, without the window: watch the disks (in the system tray where there is one) and notify."));
    parser.addOption(trayOption);
    const QCommandLineOption showOption(
        QStringLiteral("show"),
        QApplication::translate("main", "Open the window on this disk or pair: a pair's name, a device such as "
                                        "/dev/sda or /dev/mapper/<pair>, or a link to one."),
        QApplication::translate("main", "disk-or-pair"));
    parser.addOption(showOption);
    const QCommandLineOption pageOption(
        QStringLiteral("page"),
        QApplication::translate("main", "Open the window on this page: overview, smart or map."),
        QApplication::translate("main", "page"));
    parser.addOption(pageOption);
    const QCommandLineOption pairDisksOption(
        QStringLiteral("pair-disks"),
        QApplication::translate("main", "Open the window on the wizard that protects a disk with a spare disk."));
    parser.addOption(pairDisksOption);
    parser.process(app);

    const QString page = parser.value(pageOption);
    if (parser.isSet(pageOption) && !MainWindow::pageNamed(page)) {
        std::fprintf(stderr, "%s\n",
                     qPrintable(QApplication::translate("main", "Unknown page “%1”: use overview, smart or map.")
                                    .arg(page)));
        return EXIT_FAILURE;
    }

    SingleInstance instance(QDBusConnection::sessionBus());
    if (!instance.claim()) {
        // Already running: a tray start has nothing to add, anything else
        // shows that instance's window.
        if (parser.isSet(trayOption))
            return EXIT_SUCCESS;
        if (parser.isSet(pairDisksOption) ? instance.forwardPairDisks()
                                          : instance.forward(parser.value(showOption), page))
            return EXIT_SUCCESS;
        std::fprintf(stderr, "%s\n",
                     qPrintable(QApplication::translate("main", "Another dm-remap-manager is running but does not "
                                                                "answer; starting anyway.")));
    }

    HelperClient client(QDBusConnection::systemBus());
    DeviceModel devices(&client);
    QSettings settings;
    Notifier notifier(&client, QDBusConnection::sessionBus(), &settings);
    MainWindow window(&client, &devices, &notifier);
    instance.setWindow(&window);
    TrayIcon tray(&client, &devices);
    notifier.setFallbackTray(&tray);

    QObject::connect(&notifier, &Notifier::openRequested, &window, &MainWindow::openObject);
    QObject::connect(&tray, &TrayIcon::openRequested, &window, &MainWindow::openObject);
    QObject::connect(&tray, &TrayIcon::quitRequested, &app, &QApplication::quit);

    const bool haveTray = QSystemTrayIcon::isSystemTrayAvailable();
    if (haveTray)
        tray.show();
    // The app keeps watching the disks when the window closes, tray or not
    // (GNOME has none): Quit in the menu ends it.
    window.setHaveTray(haveTray);
    window.setHideOnClose(true);
    QApplication::setQuitOnLastWindowClosed(false);
    if (parser.isSet(pageOption))
        window.showPage(*MainWindow::pageNamed(page));
    if (parser.isSet(showOption))
        window.openByName(parser.value(showOption));
    if (parser.isSet(pairDisksOption))
        window.requestNewPair();
    else if (MainWindow::startPlan(parser.isSet(trayOption), parser.isSet(showOption) || parser.isSet(pageOption)).showWindow)
        window.show();
    return app.exec();
}
