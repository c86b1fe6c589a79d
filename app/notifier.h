// Desktop notifications about the disks: new remaps (grouped), unreadable
// blocks, a spare running low or full, a SMART verdict getting worse. Speaks
// when a count rises or a state worsens compared with the last values seen,
// which are kept in QSettings so a restart never repeats old news; increases
// soon after a report wait for the end of a short window and are told
// together. A problem that stays is recalled on a diminishing schedule (as
// smartd -M diminishing): 1, 2, 4, 8 ... days after the previous notice. The
// first start on an account tells what it finds in one summary. A spare
// forecast to be full within 30 days is told once, when it first is; so is
// a background-scan pass that found unreadable places, once per pass. One
// persistent notification per problem, replaced when the problem grows, with
// an action that opens the window on that device. Sent over
// org.freedesktop.Notifications; QSystemTrayIcon's balloon is the fallback.
#pragma once

#include <QDBusConnection>
#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSystemTrayIcon>
#include <QTimer>
#include <functional>

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
    // Increases within this time after a report are told together at its end.
    void setCoalesceInterval(qint64 ms) { m_coalesceMs = ms; }
    static constexpr qint64 defaultCoalesceMs = 20 * 1000;
    // The time used for the schedule (tests simulate days with it).
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }
    // Looks at every device now (the schedule's timers call this too).
    void check();
    // Standard icon names (freedesktop Icon Naming Specification) for the
    // notification's urgency.
    static QString iconFor(bool critical);

    // The settings key of a device: disks by their stable id, pairs by name.
    QString keyOf(const QString &objectPath) const;
    bool isIgnored(const QString &objectPath) const;
    // A notice given once per account (remembered in the settings under key).
    void noticeOnce(const QString &key, const QString &summary, const QString &body);
    void setIgnored(const QString &objectPath, bool ignored);

Q_SIGNALS:
    // The user clicked a notification's action.
    void openRequested(const QString &objectPath);
    // A notification was handed to the desktop (or the tray fallback).
    void notified(const QString &summary, const QString &body, const QString &icon, bool critical);

private Q_SLOTS:
    void onActionInvoked(uint id, const QString &action);
    void onNotificationClosed(uint id, uint reason);

private:
    enum class Urgency { Normal = 1, Critical = 2 };
    // What to do about a problem now: it got worse (News), it stays and a
    // reminder is due (Reminder), worse but inside the window (Later).
    enum class Speak { No, News, Reminder, Later };
    Speak schedule(const QString &problem, bool worse, bool active);
    void scheduleCheck();
    // notify(), or on the first start a line of the summary (item names the device).
    void tell(const QString &problem, const QString &objectPath, const QString &summary, const QString &body,
              Urgency urgency, const QString &item);
    void checkPair(const QString &path);
    void checkDisk(const QString &path);
    void checkForecast(const QString &path, const QString &key, const QString &name, const QString &item, bool ignored);
    // A background-scan pass that finished with read failures: told once per pass.
    void checkScan(const QString &path, const QString &key, const QString &name, const QString &item, bool ignored);
    // A replacement of a pair's main disk ended: always told.
    void replaceFinished(const QString &pair, const QVariantMap &lastStatus, const QString &result);
    QString missingDiskText(const QString &key, const QString &name, const QVariantMap &status) const;
    void notify(const QString &problem, const QString &objectPath, const QString &summary,
                const QString &body, Urgency urgency);

    HelperClient *m_client;
    QDBusConnection m_session;
    QSettings *m_settings;
    QPointer<QSystemTrayIcon> m_tray;
    QTimer m_settle;
    QTimer m_later;     // the end of a coalescing window
    QTimer m_reminders; // reminders are due on whole days: look hourly
    qint64 m_coalesceMs = defaultCoalesceMs;
    std::function<QDateTime()> m_clock;
    // First start on this account: what is found is told in one summary.
    bool m_firstRun = false;
    QDateTime m_firstRunStart;
    QStringList m_firstRunItems;
    bool m_firstRunCritical = false;
    // Problem key -> id of its notification on screen, and back to the device.
    QHash<QString, uint> m_ids;
    QHash<uint, QString> m_objectOfId;
};
