#include "authorizer.h"

#include "validation.h"

#include <QDBusArgument>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusVariant>
#include <QPointer>
#include <QTimer>

#include <unistd.h>

namespace {
// CheckAuthorization flag: let polkit ask the user through an agent.
constexpr uint kAllowUserInteraction = 1;
// The D-Bus call to polkit outlives the helper's own timer, which cancels.
constexpr int kCallSlackMs = 5000;
constexpr int kLookupTimeoutMs = 5000;
const QString kPolkit = QStringLiteral("org.freedesktop.PolicyKit1");
const QString kAuthorityPath = QStringLiteral("/org/freedesktop/PolicyKit1/Authority");
const QString kAuthority = QStringLiteral("org.freedesktop.PolicyKit1.Authority");
} // namespace

Authorizer::Authorizer(const QDBusConnection &connection, int interactiveTimeoutMs, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_interactiveTimeoutMs(interactiveTimeoutMs)
{
    m_callers.setConnection(connection);
    m_callers.setWatchMode(QDBusServiceWatcher::WatchForUnregistration);
    connect(&m_callers, &QDBusServiceWatcher::serviceUnregistered, this, &Authorizer::callerLeft);
}

void Authorizer::deny(const Check &check, const QString &why, const char *errorName)
{
    const QDBusMessage &message = check.message;
    // Administrators see refusals in the journal; the texts are sanitized.
    qInfo("dm-remap-helper: refused %s.%s for %s (%s): %s", qPrintable(message.interface()),
          qPrintable(message.member()), qPrintable(Validation::sanitize(message.service(), 64)),
          qPrintable(check.action), qPrintable(why));
    m_connection.send(message.createErrorReply(QLatin1String(errorName), refusalMessage(check.action, why)));
}

void Authorizer::authorize(const QDBusMessage &message, const QString &action, const Details &details, bool mayInteract,
                           std::function<void()> allowed)
{
    Check check;
    check.message = message;
    check.action = action;
    check.details = details;
    check.interactive = mayInteract && message.isInteractiveAuthorizationAllowed();
    check.allowed = std::move(allowed);
    const QString sender = message.service();
    if (sender.isEmpty() || !sender.startsWith(QLatin1Char(':'))) {
        deny(check, QStringLiteral("the caller has no unique bus name"), Validation::Errors::AccessDenied);
        return;
    }
    int ofCaller = 0, lookups = 0;
    for (const Check &c : std::as_const(m_checks)) {
        ofCaller += c.message.service() == sender;
        lookups += !c.inPolkit;
    }
    if (ofCaller >= kMaxPerCaller || lookups >= kMaxLookups) {
        deny(check, QStringLiteral("too many calls of this caller are being authorized"), Validation::Errors::LimitsExceeded);
        return;
    }

    const quint64 id = m_nextId++;
    if (ofCaller == 0)
        m_callers.addWatchedService(sender);
    m_checks.insert(id, std::move(check));
    // The bus knows the caller's uid for certain; root needs no polkit.
    QDBusMessage lookup = QDBusMessage::createMethodCall(QStringLiteral("org.freedesktop.DBus"), QStringLiteral("/org/freedesktop/DBus"),
                                                         QStringLiteral("org.freedesktop.DBus"), QStringLiteral("GetConnectionUnixUser"));
    lookup.setArguments({sender});
    auto *watcher = new QDBusPendingCallWatcher(m_connection.asyncCall(lookup, kLookupTimeoutMs), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, id](QDBusPendingCallWatcher *w) {
        w->deleteLater();
        uidKnown(id, w->reply());
    });
}

void Authorizer::uidKnown(quint64 id, const QDBusMessage &reply)
{
    if (!m_checks.contains(id))
        return; // the caller left meanwhile
    if (reply.type() != QDBusMessage::ReplyMessage || reply.signature() != QLatin1String("u")) {
        const Check check = take(id, false);
        deny(check, QStringLiteral("the caller's uid is unknown: %1").arg(Validation::sanitize(reply.errorMessage())),
             Validation::Errors::AccessDenied);
        return;
    }
    const uint uid = reply.arguments().at(0).toUInt();
    if (uid == 0) {
        const Check check = take(id, false);
        check.allowed();
        return;
    }
    int ofUser = 0, total = 0;
    for (const Check &c : std::as_const(m_checks)) {
        ofUser += c.inPolkit && c.uid == uid;
        total += c.inPolkit;
    }
    if (ofUser >= kMaxPerUser || total >= kMaxTotal) {
        const Check check = take(id, false);
        deny(check,
             ofUser >= kMaxPerUser ? QStringLiteral("too many calls of uid %1 are waiting for polkit").arg(uid)
                                   : QStringLiteral("too many calls are waiting for polkit"),
             Validation::Errors::LimitsExceeded);
        return;
    }
    Check &check = m_checks[id];
    check.uid = uid;
    askPolkit(id);
}

void Authorizer::askPolkit(quint64 id)
{
    Check &check = m_checks[id];
    check.inPolkit = true;
    check.cancellationId = QStringLiteral("dm-remap-%1-%2").arg(getpid()).arg(id);

    QDBusArgument subject;
    subject.beginStructure();
    subject << QStringLiteral("system-bus-name");
    subject.beginMap(QMetaType::fromType<QString>(), QMetaType::fromType<QDBusVariant>());
    subject.beginMapEntry();
    subject << QStringLiteral("name") << QDBusVariant(check.message.service());
    subject.endMapEntry();
    subject.endMap();
    subject.endStructure();

    QDBusArgument detailsArg;
    detailsArg.beginMap(QMetaType::fromType<QString>(), QMetaType::fromType<QString>());
    for (auto it = check.details.cbegin(); it != check.details.cend(); ++it) {
        detailsArg.beginMapEntry();
        detailsArg << it.key() << it.value();
        detailsArg.endMapEntry();
    }
    detailsArg.endMap();

    QDBusMessage call = QDBusMessage::createMethodCall(kPolkit, kAuthorityPath, kAuthority, QStringLiteral("CheckAuthorization"));
    call.setArguments({QVariant::fromValue(subject), check.action, QVariant::fromValue(detailsArg),
                       check.interactive ? kAllowUserInteraction : 0u, check.cancellationId});
    const int timeout = check.interactive ? m_interactiveTimeoutMs : kTimeoutMs;
    check.timer = new QTimer(this);
    check.timer->setSingleShot(true);
    connect(check.timer, &QTimer::timeout, this, [this, id] { timedOut(id); });
    check.timer->start(timeout);
    auto *watcher = new QDBusPendingCallWatcher(m_connection.asyncCall(call, timeout + kCallSlackMs), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, id](QDBusPendingCallWatcher *w) {
        w->deleteLater();
        polkitAnswered(id, w->reply());
    });
}

void Authorizer::polkitAnswered(quint64 id, const QDBusMessage &reply)
{
    if (!m_checks.contains(id))
        return; // timed out or the caller left: cancelled already
    const Check check = take(id, false);
    auto deny = [this, &check](const QString &why) { this->deny(check, why, Validation::Errors::AccessDenied); };
    if (reply.type() != QDBusMessage::ReplyMessage) {
        deny(QStringLiteral("polkit failed: %1").arg(Validation::sanitize(reply.errorMessage())));
        return;
    }
    if (reply.signature() != QLatin1String("(bba{ss})") || reply.arguments().size() != 1) {
        deny(QStringLiteral("polkit answered with an unexpected signature"));
        return;
    }
    const QDBusArgument result = reply.arguments().at(0).value<QDBusArgument>();
    bool isAuthorized = false, isChallenge = false;
    QMap<QString, QString> resultDetails;
    result.beginStructure();
    result >> isAuthorized >> isChallenge >> resultDetails;
    result.endStructure();
    if (!isAuthorized) {
        deny(isChallenge ? QStringLiteral("authentication is required and was not obtained")
                         : QStringLiteral("denied by polkit"));
        return;
    }
    check.allowed();
}

void Authorizer::timedOut(quint64 id)
{
    if (!m_checks.contains(id))
        return;
    const Check check = take(id, true);
    deny(check, QStringLiteral("polkit did not answer in time"), Validation::Errors::AccessDenied);
}

void Authorizer::callerLeft(const QString &sender)
{
    QList<quint64> gone;
    for (auto it = m_checks.cbegin(); it != m_checks.cend(); ++it)
        if (it->message.service() == sender)
            gone << it.key();
    for (const quint64 id : std::as_const(gone)) {
        const Check check = take(id, true);
        qInfo("dm-remap-helper: refused %s.%s for %s (%s): the caller left the bus; check cancelled",
              qPrintable(check.message.interface()), qPrintable(check.message.member()),
              qPrintable(Validation::sanitize(sender, 64)), qPrintable(check.action));
    }
}

Authorizer::Check Authorizer::take(quint64 id, bool cancelInPolkit)
{
    Check check = m_checks.take(id);
    if (check.timer)
        check.timer->deleteLater();
    if (cancelInPolkit && check.inPolkit) {
        // Sent without waiting for a reply: nothing stays pending.
        QDBusMessage cancel = QDBusMessage::createMethodCall(kPolkit, kAuthorityPath, kAuthority,
                                                             QStringLiteral("CancelCheckAuthorization"));
        cancel.setArguments({check.cancellationId});
        m_connection.send(cancel);
    }
    const QString sender = check.message.service();
    bool stillWatched = false;
    for (const Check &c : std::as_const(m_checks))
        stillWatched |= c.message.service() == sender;
    if (!stillWatched)
        m_callers.removeWatchedService(sender);
    return check;
}
