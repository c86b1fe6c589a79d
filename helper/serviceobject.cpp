#include "serviceobject.h"

#include "manager.h"

#include <QPointer>

ServiceObject::ServiceObject(Manager *manager, QObject *parent)
    : QObject(parent)
    , m_manager(manager)
{
}

void ServiceObject::authorizeThen(const char *action, const Authorizer::Details &details,
                                  std::function<void(const QDBusMessage &)> work)
{
    setDelayedReply(true);
    const QDBusMessage call = message();
    QPointer<ServiceObject> self(this);
    const QDBusConnection bus = m_manager->bus();
    // Reads never wait on an agent: only privileged calls may prompt.
    const bool mayInteract = qstrcmp(action, Actions::Read) != 0;
    m_manager->authorizer()->authorize(call, QString::fromLatin1(action), details, mayInteract, [self, call, bus, work] {
        if (!self) {
            bus.send(call.createErrorReply(QLatin1String(Validation::Errors::NotFound),
                                           QStringLiteral("the object went away while authorizing")));
            return;
        }
        work(call);
    });
}

bool ServiceObject::refuse(const Validation::Error &error)
{
    if (!error.isError())
        return false;
    sendErrorReply(error.name, error.message);
    return true;
}

void ServiceObject::sendReply(const QDBusMessage &call, const QVariant &value) const
{
    m_manager->bus().send(value.isValid() ? call.createReply(value) : call.createReply());
}

void ServiceObject::sendError(const QDBusMessage &call, const Validation::Error &error) const
{
    m_manager->bus().send(call.createErrorReply(error.name, error.message));
}

void ServiceObject::sendError(const QDBusMessage &call, const char *name, const QString &text) const
{
    m_manager->bus().send(call.createErrorReply(QLatin1String(name), text));
}
