#include "notifier.h"

#include "health.h"
#include "helperclient.h"

#include <QCoreApplication>
#include <QDBusObjectPath>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QLocale>
#include <QSettings>
#include <QSystemTrayIcon>

#include <limits>

namespace {
const QString notificationsService = QStringLiteral("org.freedesktop.Notifications");
const QString notificationsPath = QStringLiteral("/org/freedesktop/Notifications");
const QString openAction = QStringLiteral("default");
// On a new account, SMART data that has not come by then is not waited for.
constexpr qint64 firstRunMs = 2 * 60 * 1000;
// Reminders: 1, 2, 4 ... days after the previous notice, at most monthly.
constexpr int maxReminderDays = 32;
// A spare forecast to be full within this many days is told.
constexpr int spareFullSoonDays = 30;
} // namespace

Notifier::Notifier(HelperClient *client, const QDBusConnection &sessionBus, QSettings *settings,
                   QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_session(sessionBus)
    , m_settings(settings)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
    , m_firstRun(!settings->contains(QStringLiteral("notifier/started")))
{
    m_settle.setSingleShot(true);
    m_settle.setInterval(settleMs);
    connect(&m_settle, &QTimer::timeout, this, &Notifier::check);
    m_later.setSingleShot(true);
    connect(&m_later, &QTimer::timeout, this, &Notifier::check);
    m_reminders.setInterval(60 * 60 * 1000);
    connect(&m_reminders, &QTimer::timeout, this, &Notifier::check);
    m_reminders.start();
    connect(client, &HelperClient::structureChanged, this, &Notifier::scheduleCheck);
    connect(client, &HelperClient::pairUpdated, this, &Notifier::scheduleCheck);
    connect(client, &HelperClient::forecastUpdated, this, &Notifier::scheduleCheck);
    connect(client, &HelperClient::smartUpdated, this, &Notifier::scheduleCheck);
    connect(client, &HelperClient::diskUpdated, this, &Notifier::scheduleCheck);
    connect(client, &HelperClient::replaceFinished, this, &Notifier::replaceFinished);
    m_session.connect(notificationsService, notificationsPath, notificationsService,
                      QStringLiteral("ActionInvoked"), this, SLOT(onActionInvoked(uint, QString)));
    m_session.connect(notificationsService, notificationsPath, notificationsService,
                      QStringLiteral("NotificationClosed"), this, SLOT(onNotificationClosed(uint, uint)));
}

QString Notifier::keyOf(const QString &objectPath) const
{
    if (m_client->hasPair(objectPath))
        return QStringLiteral("pair-") + m_client->pairStatus(objectPath).value(QStringLiteral("name")).toString();
    const QString id = m_client->diskInfo(objectPath).value(QStringLiteral("id")).toString();
    return id.isEmpty() ? QString() : QStringLiteral("disk-") + id;
}

bool Notifier::isIgnored(const QString &objectPath) const
{
    const QString key = keyOf(objectPath);
    return !key.isEmpty() && m_settings->value(key + QStringLiteral("/ignore"), false).toBool();
}

void Notifier::setIgnored(const QString &objectPath, bool ignored)
{
    const QString key = keyOf(objectPath);
    if (key.isEmpty())
        return;
    m_settings->setValue(key + QStringLiteral("/ignore"), ignored);
    m_settings->sync();
}

void Notifier::scheduleCheck()
{
    if (m_client->status() == HelperClient::Status::Ready && !m_settle.isActive())
        m_settle.start();
}

QString Notifier::iconFor(bool critical)
{
    // Installed by the project in the hicolor theme (app/CMakeLists.txt).
    return critical ? QStringLiteral("dm-remap-manager-bad") : QStringLiteral("dm-remap-manager-caution");
}

Notifier::Speak Notifier::schedule(const QString &problem, bool worse, bool active)
{
    const QDateTime now = m_clock();
    const QString reportedKey = problem + QStringLiteral("-reported");
    const QString daysKey = problem + QStringLiteral("-reminder-days");
    const QDateTime last = m_settings->value(reportedKey).toDateTime();
    if (worse) {
        const qint64 since = last.isValid() ? last.msecsTo(now) : m_coalesceMs;
        if (since >= 0 && since < m_coalesceMs) {
            const int wait = int(std::min<qint64>(m_coalesceMs - since, std::numeric_limits<int>::max()));
            if (!m_later.isActive() || m_later.remainingTime() > wait)
                m_later.start(wait);
            return Speak::Later;
        }
        m_settings->setValue(reportedKey, now);
        m_settings->setValue(daysKey, 1);
        return Speak::News;
    }
    if (!active) {
        m_settings->remove(reportedKey);
        m_settings->remove(daysKey);
        return Speak::No;
    }
    const int days = m_settings->value(daysKey, 1).toInt();
    if (!last.isValid() || last.addDays(days) > now)
        return Speak::No;
    m_settings->setValue(reportedKey, now);
    m_settings->setValue(daysKey, std::min(days * 2, maxReminderDays));
    return Speak::Reminder;
}

void Notifier::tell(const QString &problem, const QString &objectPath, const QString &summary, const QString &body,
                    Urgency urgency, const QString &item)
{
    if (!m_firstRun) {
        notify(problem, objectPath, summary, body, urgency);
        return;
    }
    if (!m_firstRunItems.contains(item))
        m_firstRunItems << item;
    m_firstRunCritical |= urgency == Urgency::Critical;
}

void Notifier::check()
{
    if (m_client->status() != HelperClient::Status::Ready)
        return;
    if (m_firstRun && !m_firstRunStart.isValid())
        m_firstRunStart = m_clock();
    for (const QString &pair : m_client->pairPaths())
        checkPair(pair);
    for (const QString &disk : m_client->diskPaths())
        checkDisk(disk);
    if (m_firstRun) {
        bool allRead = true;
        for (const QString &disk : m_client->diskPaths())
            allRead &= !m_client->smart(disk).isEmpty();
        if (allRead || m_firstRunStart.msecsTo(m_clock()) >= firstRunMs) {
            m_firstRun = false;
            m_settings->setValue(QStringLiteral("notifier/started"), true);
            if (!m_firstRunItems.isEmpty())
                notify(QStringLiteral("first-run"), QString(), tr("Disks that need attention"),
                       tr("Found at the first start: problems on %1. Open Disk Remap Manager to see them.")
                           .arg(QLocale().createSeparatedList(m_firstRunItems)),
                       m_firstRunCritical ? Urgency::Critical : Urgency::Normal);
            m_firstRunItems.clear();
        } else if (!m_later.isActive()) {
            m_later.start(int(firstRunMs));
        }
    }
    m_settings->sync();
}

void Notifier::checkPair(const QString &path)
{
    const QVariantMap status = m_client->pairStatus(path);
    const QString key = keyOf(path);
    const QString name = status.value(QStringLiteral("name")).toString();
    const QString device = status.value(QStringLiteral("device")).toString();
    const QString item = tr("pair “%1”").arg(name);
    const bool ignored = isIgnored(path);

    const qulonglong remapped = status.value(QStringLiteral("remapped")).toULongLong();
    const qulonglong pending = status.value(QStringLiteral("pending")).toULongLong();
    const qulonglong seenRemapped = m_settings->value(key + QStringLiteral("/remapped"), 0).toULongLong();
    const qulonglong seenPending = m_settings->value(key + QStringLiteral("/pending"), 0).toULongLong();
    const Speak blocks = ignored ? Speak::No
                                 : schedule(key + QStringLiteral("/blocks"), remapped > seenRemapped || pending > seenPending,
                                            remapped > 0 || pending > 0);
    if (blocks == Speak::News || blocks == Speak::Reminder) {
        QStringList news;
        if (blocks == Speak::News && remapped > seenRemapped)
            news << tr("%Ln new bad block(s) on the main disk were moved to the spare.", nullptr,
                       int(std::min<qulonglong>(remapped - seenRemapped, std::numeric_limits<int>::max())));
        // Unreadable blocks are lost data: never "safe" beside them.
        if (pending > 0)
            news << tr("%Ln block(s) of pair “%1” could not be read; files stored there may be unreadable now. "
                       "Copy what you still can from %2 to another disk.", nullptr,
                       int(std::min<qulonglong>(pending, std::numeric_limits<int>::max())))
                        .arg(name, device);
        else
            news << tr("In total %Ln block(s) have been moved. Your data is safe, but the main disk is wearing out.",
                       nullptr, int(std::min<qulonglong>(remapped, std::numeric_limits<int>::max())));
        QString body = news.join(QLatin1Char(' '));
        if (blocks == Speak::Reminder)
            body = tr("Reminder: %1").arg(body);
        tell(key + QStringLiteral("/blocks"), path, tr("Bad blocks on pair “%1”").arg(name), body,
             pending > 0 ? Urgency::Critical : Urgency::Normal, item);
    }
    // Lower counts mean a new pair under an old name: start again from them.
    // Within a coalescing window the increase waits, so it is not taken in.
    if (blocks != Speak::Later) {
        m_settings->setValue(key + QStringLiteral("/remapped"), remapped);
        m_settings->setValue(key + QStringLiteral("/pending"), pending);
    }

    checkForecast(path, key, name, item, ignored);
    checkScan(path, key, name, item, ignored);

    // A disk that is gone has no path any more: name it as last seen.
    for (const QString &role : {QStringLiteral("main-path"), QStringLiteral("spare-path")}) {
        const QString diskPath = status.value(role).toString();
        if (!diskPath.isEmpty())
            m_settings->setValue(key + QLatin1Char('/') + role, diskPath);
    }

    const QString state = status.value(QStringLiteral("state")).toString();
    const QString seenState = m_settings->value(key + QStringLiteral("/state"), QStringLiteral("ok")).toString();
    const Speak stateSpeak = ignored ? Speak::No
                                     : schedule(key + QStringLiteral("/state"),
                                                Health::pairStateRank(state) > Health::pairStateRank(seenState),
                                                Health::pairStateRank(state) > 0);
    if (stateSpeak == Speak::News || stateSpeak == Speak::Reminder) {
        QString body;
        if (state == QLatin1String("spare_low"))
            body = tr("The spare disk of pair “%1” is almost full (%2 of %3 blocks used). Replace the main disk soon "
                      "(Replace main disk… on the pair's overview).")
                       .arg(name, QString::number(remapped),
                            QString::number(status.value(QStringLiteral("capacity")).toULongLong()));
        else if (state == QLatin1String("spare_full"))
            body = tr("The spare disk of pair “%1” is full. New bad blocks can no longer be replaced: replace the main "
                      "disk now (Replace main disk… on the pair's overview) and keep your backup up to date.").arg(name);
        else if (state == QLatin1String("missing"))
            body = missingDiskText(key, name, status);
        else
            body = tr("Pair “%1”: %2.").arg(name, Health::pairStateText(state));
        if (stateSpeak == Speak::Reminder)
            body = tr("Reminder: %1").arg(body);
        tell(key + QStringLiteral("/state"), path, tr("Pair “%1”: %2").arg(name, Health::pairStateText(state)),
             body, Urgency::Critical, item);
    }
    if (!state.isEmpty() && stateSpeak != Speak::Later)
        m_settings->setValue(key + QStringLiteral("/state"), state);
}

// Told once when the pair's spare enters the 30-day window, not reminded: the
// bad blocks and the spare's state have their own reminders.
void Notifier::checkForecast(const QString &path, const QString &key, const QString &name, const QString &item,
                             bool ignored)
{
    const QVariantMap forecast = m_client->forecast(path);
    if (forecast.isEmpty())
        return; // not asked yet: what was seen stays
    const bool soon = Health::spareFullWithin(forecast, m_clock().toSecsSinceEpoch(), spareFullSoonDays);
    const bool seen = m_settings->value(key + QStringLiteral("/spare-full-soon"), false).toBool();
    const Speak speak = ignored ? Speak::No : schedule(key + QStringLiteral("/forecast"), soon && !seen, false);
    if (speak == Speak::News) {
        const QString latest = forecast.value(QStringLiteral("latest-beyond-horizon")).toBool()
            ? tr("more than 10 years from now")
            : Health::forecastDate(forecast.value(QStringLiteral("latest")).toLongLong());
        tell(key + QStringLiteral("/forecast"), path,
             tr("Spare of pair “%1” full around %2")
                 .arg(name, Health::forecastDate(forecast.value(QStringLiteral("likely")).toLongLong())),
             tr("At the current rate the spare disk of pair “%1” will be full around %2 (80% likely between %3 and "
                "%4). Replace the main disk before then (Replace main disk… on the pair's overview).")
                 .arg(name, Health::forecastDate(forecast.value(QStringLiteral("likely")).toLongLong()),
                      Health::forecastDate(forecast.value(QStringLiteral("earliest")).toLongLong()), latest),
             Urgency::Normal, item);
    }
    if (speak != Speak::Later)
        m_settings->setValue(key + QStringLiteral("/spare-full-soon"), soon);
}

// A pass is known by the time it finished ("scan-last-finished"): a later
// time is a new pass, told when its reads found unreadable places and never
// again, nor reminded (the unreadable blocks have their own reminders).
void Notifier::checkScan(const QString &path, const QString &key, const QString &name, const QString &item,
                         bool ignored)
{
    const QVariantMap status = m_client->pairStatus(path);
    if (!status.contains(QStringLiteral("scan-state")))
        return; // a helper without the scan
    const qint64 started = status.value(QStringLiteral("scan-pass-started")).toLongLong();
    const qint64 finished = status.value(QStringLiteral("scan-last-finished")).toLongLong();
    qulonglong errors = status.value(QStringLiteral("scan-read-errors")).toULongLong();
    const QString passKey = key + QStringLiteral("/scan-pass");
    const QString passErrorsKey = key + QStringLiteral("/scan-pass-errors");
    if (started > 0) {
        // The failures of the pass under way, in case the helper no longer
        // gives them once it has finished.
        m_settings->setValue(passKey, started);
        m_settings->setValue(passErrorsKey, errors);
    } else if (errors == 0) {
        const qint64 seenPass = m_settings->value(passKey, 0).toLongLong();
        if (seenPass > 0 && seenPass <= finished)
            errors = m_settings->value(passErrorsKey, 0).toULongLong();
    }
    const QString finishedKey = key + QStringLiteral("/scan-finished");
    const qint64 seen = m_settings->value(finishedKey, 0).toLongLong();
    const bool news = started == 0 && finished > seen && errors > 0;
    const Speak speak = ignored ? Speak::No : schedule(key + QStringLiteral("/scan"), news, false);
    if (speak == Speak::News) {
        const int n = int(std::min<qulonglong>(errors, std::numeric_limits<int>::max()));
        tell(key + QStringLiteral("/scan"), path, tr("Background scan of pair “%1”: unreadable places found").arg(name),
             tr("The background scan of pair “%1”, finished on %2, found %Ln unreadable place(s) on the main disk. "
                "What was stored there cannot be read now; each of these blocks is moved to the spare disk when "
                "it is next written.", nullptr, n)
                 .arg(name, Health::shortDate(finished)),
             Urgency::Critical, item);
    }
    if (speak != Speak::Later && started == 0 && finished > seen) {
        m_settings->setValue(finishedKey, finished);
        m_settings->remove(passKey);
        m_settings->remove(passErrorsKey);
    }
}

QString Notifier::missingDiskText(const QString &key, const QString &name, const QVariantMap &status) const
{
    const bool mainGone = !status.value(QStringLiteral("main-present"), true).toBool();
    const bool spareGone = !status.value(QStringLiteral("spare-present"), true).toBool();
    // " (/dev/sdb)", or nothing for a disk never seen by this user.
    auto lastSeen = [this, &key](const char *role) {
        const QString path = m_settings->value(key + QLatin1Char('/') + QLatin1String(role)).toString();
        return path.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(path);
    };
    if (mainGone && spareGone)
        return tr("Both disks of pair “%1” are gone. Reconnect them; until then its data cannot be used.").arg(name);
    if (mainGone)
        return tr("The main disk of pair “%1”%2 is gone. Reconnect it; until then the pair's data cannot be used.")
                .arg(name, lastSeen("main-path"));
    if (spareGone)
        return tr("The spare disk of pair “%1”%2 is gone. Blocks moved to it cannot be read until it is reconnected.")
                .arg(name, lastSeen("spare-path"));
    return tr("Pair “%1”: %2.").arg(name, Health::pairStateText(QStringLiteral("missing")));
}

void Notifier::checkDisk(const QString &path)
{
    const QString key = keyOf(path);
    const QVariantMap smart = m_client->smart(path);
    if (key.isEmpty() || !smart.value(QStringLiteral("available")).toBool())
        return;
    const QString verdict = smart.value(QStringLiteral("verdict")).toString();
    const QString seen = m_settings->value(key + QStringLiteral("/verdict"), QStringLiteral("passed")).toString();
    const Speak speak = isIgnored(path) ? Speak::No
                                        : schedule(key + QStringLiteral("/verdict"),
                                                   Health::verdictRank(verdict) > Health::verdictRank(seen),
                                                   Health::verdictRank(verdict) > 0);
    if (speak == Speak::News || speak == Speak::Reminder) {
        const QVariantMap info = m_client->diskInfo(path);
        const QString diskPath = info.value(QStringLiteral("path")).toString();
        const QString disk = QStringLiteral("%1 (%2)").arg(diskPath, info.value(QStringLiteral("model")).toString());
        // What the disk says, then what to do (the words of the health text).
        QStringList sentences = Health::smartReasonSentences(
            DmRemap::reasonsFrom(smart.value(QStringLiteral("verdict-reasons"))));
        sentences << (verdict == QLatin1String("failing")
                          ? QCoreApplication::translate("Health", "Copy your data to another disk now and replace this disk.")
                          : QCoreApplication::translate("Health", "Keep your backup up to date and plan to replace this disk."));
        QString body = tr("Disk %1: %2").arg(disk, sentences.join(QLatin1Char(' ')));
        if (speak == Speak::Reminder)
            body = tr("Reminder: %1").arg(body);
        tell(key + QStringLiteral("/verdict"), path, tr("Disk health: %1").arg(Health::verdictText(verdict)), body,
             verdict == QLatin1String("failing") ? Urgency::Critical : Urgency::Normal, diskPath);
    }
    if (!verdict.isEmpty() && verdict != QLatin1String("unknown") && speak != Speak::Later)
        m_settings->setValue(key + QStringLiteral("/verdict"), verdict);
}

void Notifier::replaceFinished(const QString &pair, const QVariantMap &lastStatus, const QString &result)
{
    const QString name = lastStatus.value(QStringLiteral("name")).toString();
    const QString device = lastStatus.value(QStringLiteral("device")).toString();
    const QString newDisk = lastStatus.value(QStringLiteral("replace-disk")).value<QDBusObjectPath>().path();
    const QVariantMap info = m_client->diskInfo(newDisk);
    const QString diskPath = lastStatus.value(QStringLiteral("replace-disk-path")).toString();
    const QString model = info.value(QStringLiteral("model")).toString();
    const QString disk = model.isEmpty() ? diskPath : QStringLiteral("%1 (%2)").arg(diskPath, model);
    const QString problem = QStringLiteral("replace:") + name;
    if (result == QLatin1String("done"))
        notify(problem, newDisk, tr("Main disk of pair “%1” replaced").arg(name),
               tr("The main disk of pair “%1” was replaced by %2; %3 now uses it alone. The old main disk and the "
                  "spare are free again.").arg(name, disk, device),
               Urgency::Normal);
    else if (result == QLatin1String("cancelled"))
        notify(problem, pair, tr("Replacement of pair “%1” cancelled").arg(name),
               tr("Copying pair “%1” to %2 was cancelled. The pair goes on on its old disks.").arg(name, disk),
               Urgency::Normal);
    else
        notify(problem, pair, tr("Main disk of pair “%1” not replaced").arg(name),
               tr("Copying pair “%1” to %2 failed: one of the disks failed during the copy. The pair goes on on its "
                  "old disks; look at the health of %2 and of the main disk before trying again.").arg(name, disk),
               Urgency::Critical);
}

void Notifier::noticeOnce(const QString &key, const QString &summary, const QString &body)
{
    const QString settingsKey = QStringLiteral("notices/") + key;
    if (m_settings->value(settingsKey).toBool())
        return;
    m_settings->setValue(settingsKey, true);
    notify(QStringLiteral("notice:") + key, QString(), summary, body, Urgency::Normal);
}

void Notifier::notify(const QString &problem, const QString &objectPath, const QString &summary,
                      const QString &body, Urgency urgency)
{
    QDBusMessage message = QDBusMessage::createMethodCall(notificationsService, notificationsPath,
                                                          notificationsService, QStringLiteral("Notify"));
    const QVariantMap hints{
        {QStringLiteral("urgency"), QVariant::fromValue(uchar(urgency))},
        {QStringLiteral("resident"), true},
        {QStringLiteral("desktop-entry"), QStringLiteral("dm-remap-manager")},
        {QStringLiteral("category"), QStringLiteral("device.error")},
    };
    const QString icon = iconFor(urgency == Urgency::Critical);
    message << QStringLiteral("dm-remap-manager") << m_ids.value(problem, 0u)
            << icon << summary << body
            << QStringList{openAction, tr("Open")} << hints
            << 0; // persistent: the problem stays until the user dismisses it
    Q_EMIT notified(summary, body, icon, urgency == Urgency::Critical);
    auto *watcher = new QDBusPendingCallWatcher(m_session.asyncCall(message), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this, watcher, problem, objectPath, summary, body] {
                watcher->deleteLater();
                QDBusPendingReply<uint> reply = *watcher;
                if (reply.isError()) {
                    if (m_tray)
                        m_tray->showMessage(summary, body, QSystemTrayIcon::Warning);
                } else {
                    m_objectOfId.remove(m_ids.value(problem));
                    m_ids.insert(problem, reply.value());
                    m_objectOfId.insert(reply.value(), objectPath);
                }
            });
}

void Notifier::onActionInvoked(uint id, const QString &action)
{
    if (action == openAction && m_objectOfId.contains(id))
        Q_EMIT openRequested(m_objectOfId.value(id));
}

void Notifier::onNotificationClosed(uint id, uint)
{
    const QString object = m_objectOfId.take(id);
    if (object.isEmpty())
        return;
    for (auto it = m_ids.begin(); it != m_ids.end();) {
        if (it.value() == id)
            it = m_ids.erase(it);
        else
            ++it;
    }
}

