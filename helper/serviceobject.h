// Base of the helper's exported objects: every method except GetVersion
// checks the syntax and size of its arguments (refusing at once, before
// polkit is asked, so a bad call is answered and freed at once), then delays
// its reply, asks polkit, and only then does its work.
#pragma once

#include "authorizer.h"
#include "validation.h"

#include <QDBusContext>
#include <QDBusMessage>
#include <QObject>
#include <functional>

class Manager;

class ServiceObject : public QObject, protected QDBusContext
{
    Q_OBJECT
public:
    explicit ServiceObject(Manager *manager, QObject *parent = nullptr);

protected:
    // Delays the reply to the call being handled; runs work(message) once
    // polkit allows action for its sender, else answers AccessDenied. If this
    // object is gone by then, answers NotFound.
    void authorizeThen(const char *action, const Authorizer::Details &details,
                       std::function<void(const QDBusMessage &)> work);

    // Answers the call being handled with error, if it is one; true then.
    bool refuse(const Validation::Error &error);

    void sendReply(const QDBusMessage &call, const QVariant &value = QVariant()) const;
    void sendError(const QDBusMessage &call, const Validation::Error &error) const;
    void sendError(const QDBusMessage &call, const char *name, const QString &text) const;

    Manager *m_manager;
};
