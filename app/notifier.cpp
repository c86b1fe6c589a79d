#include "notifier.h"

#include "health.h"
#include "helperclient.h"

#include <QDBusObjectPath>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QSettings>
#include <QSystemTrayIcon>

namespace {
const QString notificationsService = QStringLiteral("org.freedesktop.Notifications");
const QString notificationsPath = QStringLiteral("/org/freedesktop/Notifications");
const QString openAction = QStringLiteral("default");
} // namespace

Notifier::Notifier(HelperClient *client, const QDBusConnection &sessionBus, QSettings *settings,
                   QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_session(sessionBus)
    , m_settings(settings)
{
    m_settle.setSingleShot(true);
    m_settle.setInterval(settleMs);
    connect(&m_settle, &QTimer::timeout, this, &Notifier::check);
    connect(client, &HelperClient::structureChanged, this, &Notifier::scheduleCheck);
    connect(client, &HelperClient::pairUpdated, this, &Notifier::scheduleCheck);
    connect(client, &HelperClient::smartUpdated, this, &Notifier::scheduleCheck);
    connect(client, &HelperClient::diskUpdated, this, &Notifier::scheduleCheck);
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

void Notifier::check()
{
    if (m_client->status() != HelperClient::Status::Ready)
        return;
    for (const QString &pair : m_client->pairPaths())
        checkPair(pair);
    for (const QString &disk : m_client->diskPaths())
        checkDisk(disk);
    m_settings->sync();
}

void Notifier::checkPair(const QString &path)
{
    const QVariantMap status = m_client->pairStatus(path);
    const QString key = keyOf(path);
    const QString name = status.value(QStringLiteral("name")).toString();
    const bool ignored = isIgnored(path);

    const qulonglong remapped = status.value(QStringLiteral("remapped")).toULongLong();
    const qulonglong pending = status.value(QStringLiteral("pending")).toULongLong();
    const qulonglong seenRemapped = m_settings->value(key + QStringLiteral("/remapped"), 0).toULongLong();
    const qulonglong seenPending = m_settings->value(key + QStringLiteral("/pending"), 0).toULongLong();
    if ((remapped > seenRemapped || pending > seenPending) && !ignored) {
        QStringList news;
        if (remapped > seenRemapped)
            news << tr("%Ln new bad block(s) on the main disk were moved to the spare.", nullptr,
                       int(remapped - seenRemapped));
        if (pending > seenPending)
            news << tr("%Ln block(s) could not be read; they will be moved when written again.", nullptr,
                       int(pending - seenPending));
        if (remapped > 0)
            news << tr("In total %Ln block(s) have been moved. Your data is safe, but the main disk is wearing out.",
                       nullptr, int(remapped));
        else
            news << tr("The main disk is wearing out.");
        notify(key + QStringLiteral("/blocks"), path, tr("Bad blocks on pair “%1”").arg(name),
               news.join(QLatin1Char(' ')), Urgency::Normal);
    }
    // Lower counts mean a new pair under an old name: start again from them.
    m_settings->setValue(key + QStringLiteral("/remapped"), remapped);
    m_settings->setValue(key + QStringLiteral("/pending"), pending);

    // A disk that is gone has no path any more: name it as last seen.
    for (const QString &role : {QStringLiteral("main-path"), QStringLiteral("spare-path")}) {
        const QString diskPath = status.value(role).toString();
        if (!diskPath.isEmpty())
            m_settings->setValue(key + QLatin1Char('/') + role, diskPath);
    }

    const QString state = status.value(QStringLiteral("state")).toString();
    const QString seenState = m_settings->value(key + QStringLiteral("/state"), QStringLiteral("ok")).toString();
    if (Health::pairStateRank(state) > Health::pairStateRank(seenState) && !ignored) {
        QString body;
        if (state == QLatin1String("spare_low"))
            body = tr("The spare disk of pair “%1” is almost full (%2 of %3 blocks used). Replace the main disk soon.")
                       .arg(name, QString::number(remapped),
                            QString::number(status.value(QStringLiteral("capacity")).toULongLong()));
        else if (state == QLatin1String("spare_full"))
            body = tr("The spare disk of pair “%1” is full. New bad blocks can no longer be replaced: copy your data "
                      "and replace the main disk now.").arg(name);
        else if (state == QLatin1String("missing"))
            body = missingDiskText(key, name, status);
        else
            body = tr("Pair “%1”: %2.").arg(name, Health::pairStateText(state));
        notify(key + QStringLiteral("/state"), path, tr("Pair “%1”: %2").arg(name, Health::pairStateText(state)),
               body, Urgency::Critical);
    }
    if (!state.isEmpty())
        m_settings->setValue(key + QStringLiteral("/state"), state);
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
    if (Health::verdictRank(verdict) > Health::verdictRank(seen) && !isIgnored(path)) {
        const QVariantMap info = m_client->diskInfo(path);
        const QString disk = QStringLiteral("%1 (%2)").arg(info.value(QStringLiteral("path")).toString(),
                                                           info.value(QStringLiteral("model")).toString());
        const QString reason = smart.value(QStringLiteral("verdict-reason")).toString();
        QString body = verdict == QLatin1String("failing")
            ? tr("Disk %1 reports that it is failing. Copy your data to another disk now.").arg(disk)
            : tr("Disk %1 reports a problem with its health.").arg(disk);
        if (!reason.isEmpty())
            body += QLatin1Char(' ') + reason;
        notify(key + QStringLiteral("/verdict"), path,
               tr("Disk health: %1").arg(Health::verdictText(verdict)), body,
               verdict == QLatin1String("failing") ? Urgency::Critical : Urgency::Normal);
    }
    if (!verdict.isEmpty() && verdict != QLatin1String("unknown"))
        m_settings->setValue(key + QStringLiteral("/verdict"), verdict);
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
    message << QStringLiteral("dm-remap-manager") << m_ids.value(problem, 0u)
            << QStringLiteral("dm-remap-manager") << summary << body
            << QStringList{openAction, tr("Open")} << hints
            << 0; // persistent: the problem stays until the user dismisses it
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
                Q_EMIT notified(summary, body);
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

