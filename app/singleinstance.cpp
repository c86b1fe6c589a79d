#include "singleinstance.h"

#include "mainwindow.h"

#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QEventLoop>

namespace {
const QString objectPath = QStringLiteral("/org/dmremap/Manager");
// The other instance answers at once unless it hangs.
constexpr int forwardTimeoutMs = 10 * 1000;
} // namespace

QString SingleInstance::serviceName()
{
    return QStringLiteral("org.dmremap.Manager");
}

SingleInstance::SingleInstance(const QDBusConnection &bus, QObject *parent)
    : QObject(parent)
    , m_bus(bus)
{
}

bool SingleInstance::claim()
{
    if (!m_bus.isConnected())
        return true;
    if (!m_bus.registerService(serviceName()))
        return false;
    m_bus.registerObject(objectPath, this, QDBusConnection::ExportScriptableSlots);
    return true;
}

bool SingleInstance::forward(const QString &object, const QString &page)
{
    return call(QStringLiteral("Show"), {object, page});
}

bool SingleInstance::forwardPairDisks()
{
    return call(QStringLiteral("PairDisks"), {});
}

bool SingleInstance::call(const QString &method, const QVariantList &arguments)
{
    QDBusMessage message = QDBusMessage::createMethodCall(serviceName(), objectPath, serviceName(), method);
    message.setArguments(arguments);
    // A local loop rather than a blocking call: the owner may be this very
    // thread (tests), which must keep serving while it waits.
    QDBusPendingCallWatcher watcher(m_bus.asyncCall(message, forwardTimeoutMs));
    QEventLoop loop;
    connect(&watcher, &QDBusPendingCallWatcher::finished, &loop, &QEventLoop::quit);
    if (!watcher.isFinished())
        loop.exec();
    return !watcher.isError();
}

void SingleInstance::Show(const QString &object, const QString &page)
{
    if (!m_window)
        return;
    if (const std::optional<MainWindow::Page> wanted = MainWindow::pageNamed(page))
        m_window->showPage(*wanted);
    if (object.isEmpty())
        m_window->openObject({});
    else
        m_window->openByName(object);
}

void SingleInstance::PairDisks()
{
    if (m_window)
        m_window->requestNewPair();
}
