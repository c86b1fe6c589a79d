#include "authorizer.h"

#include "validation.h"

#include <QDBusArgument>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusVariant>

namespace {
// CheckAuthorization flag: let polkit ask the user through an agent.
constexpr uint kAllowUserInteraction = 1;
// Long enough to type a password; short when no dialog can appear.
constexpr int kInteractiveTimeoutMs = 5 * 60 * 1000;
constexpr int kTimeoutMs = 25 * 1000;
} // namespace

Authorizer::Authorizer(const QDBusConnection &connection, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
{
}

void Authorizer::authorize(const QDBusMessage &message, const QString &action, const Details &details,
                           std::function<void()> allowed)
{
    const QString sender = message.service();
    const bool interactive = message.isInteractiveAuthorizationAllowed();
    auto deny = [connection = m_connection, message, action, sender](const QString &why) {
        // Administrators see refusals in the journal; the texts are sanitized.
        qInfo("dm-remap-helper: refused %s.%s for %s (%s): %s", qPrintable(message.interface()),
              qPrintable(message.member()), qPrintable(Validation::sanitize(sender, 64)), qPrintable(action),
              qPrintable(why));
        connection.send(message.createErrorReply(
                QLatin1String(Validation::Errors::AccessDenied),
                QStringLiteral("not authorized for %1: %2").arg(action, why)));
    };
    if (sender.isEmpty() || !sender.startsWith(QLatin1Char(':'))) {
        deny(QStringLiteral("the caller has no unique bus name"));
        return;
    }

    QDBusArgument subject;
    subject.beginStructure();
    subject << QStringLiteral("system-bus-name");
    subject.beginMap(QMetaType::fromType<QString>(), QMetaType::fromType<QDBusVariant>());
    subject.beginMapEntry();
    subject << QStringLiteral("name") << QDBusVariant(sender);
    subject.endMapEntry();
    subject.endMap();
    subject.endStructure();

    QDBusArgument detailsArg;
    detailsArg.beginMap(QMetaType::fromType<QString>(), QMetaType::fromType<QString>());
    for (auto it = details.cbegin(); it != details.cend(); ++it) {
        detailsArg.beginMapEntry();
        detailsArg << it.key() << it.value();
        detailsArg.endMapEntry();
    }
    detailsArg.endMap();

    QDBusMessage check = QDBusMessage::createMethodCall(
            QStringLiteral("org.freedesktop.PolicyKit1"), QStringLiteral("/org/freedesktop/PolicyKit1/Authority"),
            QStringLiteral("org.freedesktop.PolicyKit1.Authority"), QStringLiteral("CheckAuthorization"));
    check.setArguments({QVariant::fromValue(subject), action, QVariant::fromValue(detailsArg),
                        interactive ? kAllowUserInteraction : 0u, QString()});
    const QDBusPendingCall pending = m_connection.asyncCall(check, interactive ? kInteractiveTimeoutMs : kTimeoutMs);
    auto *watcher = new QDBusPendingCallWatcher(pending, this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [deny, allowed = std::move(allowed)](QDBusPendingCallWatcher *w) {
                w->deleteLater();
                const QDBusMessage reply = w->reply();
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
                allowed();
            });
}
