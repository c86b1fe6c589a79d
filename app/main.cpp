// dm-remap-manager: the desktop face of dm-remap.
#include "devicemodel.h"
#include "helperclient.h"
#include "mainwindow.h"
#include "notifier.h"
#include "translations.h"
#include "trayicon.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDBusConnection>
#include <QSettings>

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
                                        QApplication::translate("main", "Start minimized to the system tray."));
    parser.addOption(trayOption);
    parser.process(app);

    HelperClient client(QDBusConnection::systemBus());
    DeviceModel devices(&client);
    QSettings settings;
    Notifier notifier(&client, QDBusConnection::sessionBus(), &settings);
    MainWindow window(&client, &devices, &notifier);
    TrayIcon tray(&client, &devices);
    notifier.setFallbackTray(&tray);

    QObject::connect(&notifier, &Notifier::openRequested, &window, &MainWindow::openObject);
    QObject::connect(&tray, &TrayIcon::openRequested, &window, &MainWindow::openObject);
    QObject::connect(&tray, &TrayIcon::quitRequested, &app, &QApplication::quit);

    const bool haveTray = QSystemTrayIcon::isSystemTrayAvailable();
    if (haveTray) {
        tray.show();
        // With a tray the app keeps watching the disks when the window closes.
        window.setHideOnClose(true);
        QApplication::setQuitOnLastWindowClosed(false);
    }
    if (!parser.isSet(trayOption) || !haveTray)
        window.show();
    return app.exec();
}
