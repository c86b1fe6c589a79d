// The tray icon: its picture follows the worst health of all devices, its
// menu opens the window and lists the pairs.
#pragma once

#include "health.h"

#include <QSystemTrayIcon>

class DeviceModel;
class HelperClient;
class QMenu;

class TrayIcon : public QSystemTrayIcon
{
    Q_OBJECT
public:
    TrayIcon(HelperClient *client, DeviceModel *devices, QObject *parent = nullptr);
    ~TrayIcon() override;

    QMenu *menu() const { return m_menu; }
    static QString iconFor(Health::Level level);

Q_SIGNALS:
    void openRequested(const QString &objectPath);
    void quitRequested();

private:
    void updateIcon();
    void rebuildMenu();
    // The names of the top-level devices at Caution or Bad.
    QStringList troubled() const;

    HelperClient *m_client;
    DeviceModel *m_devices;
    QMenu *m_menu;
};
