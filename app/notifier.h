// Desktop notifications about the disks: new remaps (grouped), a spare
// running low or full, a SMART verdict getting worse. Speaks only when a
// count rises or a state worsens compared with the last values seen, which
// are kept in QSettings so a restart never repeats old news. One persistent
// notification per problem, replaced when the problem grows, with an action
// that opens the window on that device. Sent over
// org.freedesktop.Notifications; QSystemTrayIcon's balloon is the fallback.
#pragma once

#include <QDBusConnection>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSystemTrayIcon>
#include <QTimer>

class HelperClient;
class QSettings;

class Notifier : public QObject
{
    Q_OBJECT
public:
    // How long changes are gathered into one notification.
    static constexpr int settleMs = 1500;

    Notifier(HelperClient *client, const QDBusConnection &sessionBus, QSettings *settings,
             QObject *parent = nullptr);

    void setFallbackTray(QSystemTrayIcon *tray) { m_tray = tray; }
    void setSettleInterval(int ms) { m_settle.setInterval(ms); }

    // The settings key of a device: disks by their stable id, pairs by name.
    QString keyOf(const QString &objectPath) const;
    bool isIgnored(const QString &objectPath) const;
    void setIgnored(const QString &objectPath, bool ignored);

Q_SIGNALS:
    // The user clicked a notification's action.
    void openRequested(const QString &objectPath);
    // A notification was handed to the desktop (or the tray fallback).
    void notified(const QString &summary, const QString &body);

private Q_SLOTS:
    void onActionInvoked(uint id, const QString &action);
    void onNotificationClosed(uint id, uint reason);

private:
    enum class Urgency { Normal = 1, Critical = 2 };
    void scheduleCheck();
    void check();
    void checkPair(const QString &path);
    void checkDisk(const QString &path);
    QString missingDiskText(const QString &key, const QString &name, const QVariantMap &status) const;
    void notify(const QString &problem, const QString &objectPath, const QString &summary,
                const QString &body, Urgency urgency);

    HelperClient *m_client;
    QDBusConnection m_session;
    QSettings *m_settings;
    QPointer<QSystemTrayIcon> m_tray;
    QTimer m_settle;
    // Problem key -> id of its notification on screen, and back to the device.
    QHash<QString, uint> m_ids;
    QHash<uint, QString> m_objectOfId;
};
