// An unprivileged client that attacks dm-remap-helper for tst_service and the
// VM test (run as nobody through setpriv). Modes:
//   burst <count> <MiB>          CreatePair calls with a name of MiB mebibytes,
//                                all sent before any answer is read
//   interactive <count> <disk>   StartSelfTest calls on the disk object that
//                                allow interactive authorization, from 25
//                                connections, with a polkit agent of this
//                                process that takes every request and never
//                                answers
//   read <count>                 GetDisks calls that allow interaction, with
//                                the same silent agent
//   hold <dir> <name> <main> <spare>
//                                (vm/identity.sh) one CreatePair call with
//                                erase-spare on the disk objects main and
//                                spare that allows interaction, with an agent
//                                that writes the request's cookie and dialog
//                                text to <dir>/request and answers polkit only
//                                once <dir>/answer exists (root has then called
//                                AuthenticationAgentResponse2 with that cookie,
//                                or not); prints "answer <error name>:
//                                <message>" or "answer reply <object path>"
// The other modes print "answer <error name or reply>" for each answer as it
// arrives, and after the last one "agent requests <number of
// BeginAuthentication>, cancelled <number of CancelAuthentication>", once
// polkit has cancelled every request it made (or after five seconds).
#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusVariant>
#include <QDBusVirtualObject>
#include <QFile>
#include <QTimer>

#include <cstdio>
#include <unistd.h>

namespace {

const QString kService = QStringLiteral("org.dmremap.Manager1");
const QString kManager = QStringLiteral("/org/dmremap/Manager1");

// A polkit authentication agent that takes every request and never answers.
class SilentAgent : public QDBusVirtualObject
{
public:
    QString introspect(const QString &) const override { return {}; }
    bool handleMessage(const QDBusMessage &message, const QDBusConnection &connection) override
    {
        if (message.member() == QLatin1String("BeginAuthentication"))
            ++begun;
        if (message.member() == QLatin1String("CancelAuthentication")) {
            ++cancelled;
            connection.send(message.createReply());
        }
        return true; // no reply to a request, ever
    }
    int begun = 0;
    int cancelled = 0;
};

// A polkit authentication agent that holds each request until the test
// says so: the test stands in for the user typing a password.
class HoldingAgent : public QDBusVirtualObject
{
public:
    explicit HoldingAgent(const QString &dir) : m_dir(dir)
    {
        m_poll.setInterval(100);
        QObject::connect(&m_poll, &QTimer::timeout, [this] {
            if (!QFile::exists(m_dir + QStringLiteral("/answer")))
                return;
            m_poll.stop();
            for (const QDBusMessage &request : std::as_const(m_held))
                m_connection.send(request.createReply());
            m_held.clear();
        });
    }
    QString introspect(const QString &) const override { return {}; }
    bool handleMessage(const QDBusMessage &message, const QDBusConnection &connection) override
    {
        if (message.member() == QLatin1String("BeginAuthentication") && message.arguments().size() == 6) {
            // action id, message, icon, details, cookie, identities
            QFile file(m_dir + QStringLiteral("/request.tmp"));
            if (file.open(QIODevice::WriteOnly)) {
                file.write(message.arguments().at(4).toString().toUtf8() + '\n'
                           + message.arguments().at(1).toString().toUtf8() + '\n');
                file.close();
                file.rename(m_dir + QStringLiteral("/request"));
            }
            m_connection = connection;
            m_held << message;
            m_poll.start();
        } else if (message.member() == QLatin1String("CancelAuthentication")) {
            connection.send(message.createReply());
        }
        return true;
    }

private:
    QString m_dir;
    QDBusConnection m_connection{QString()};
    QList<QDBusMessage> m_held;
    QTimer m_poll;
};

quint64 processStartTime()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray line = stat.readAll();
    // Field 22, counted after the command name in parentheses.
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    return fields.size() > 19 ? fields.at(19).toULongLong() : 0;
}

bool registerAgent(QDBusConnection bus, QDBusVirtualObject *agent)
{
    const QString path = QStringLiteral("/org/dmremap/test/agent");
    if (!bus.registerVirtualObject(path, agent))
        return false;
    QDBusArgument subject;
    subject.beginStructure();
    subject << QStringLiteral("unix-process");
    subject.beginMap(QMetaType::fromType<QString>(), QMetaType::fromType<QDBusVariant>());
    subject.beginMapEntry();
    subject << QStringLiteral("pid") << QDBusVariant(uint(getpid()));
    subject.endMapEntry();
    subject.beginMapEntry();
    subject << QStringLiteral("start-time") << QDBusVariant(processStartTime());
    subject.endMapEntry();
    subject.endMap();
    subject.endStructure();
    QDBusMessage m = QDBusMessage::createMethodCall(
            QStringLiteral("org.freedesktop.PolicyKit1"), QStringLiteral("/org/freedesktop/PolicyKit1/Authority"),
            QStringLiteral("org.freedesktop.PolicyKit1.Authority"), QStringLiteral("RegisterAuthenticationAgent"));
    m.setArguments({QVariant::fromValue(subject), QStringLiteral("C"), path});
    const QDBusMessage reply = bus.call(m);
    if (reply.type() != QDBusMessage::ReplyMessage) {
        fprintf(stderr, "attacker: cannot register the agent: %s\n", qPrintable(reply.errorMessage()));
        return false;
    }
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 3) {
        fprintf(stderr, "usage: %s burst|interactive|read <count> [MiB|disk] | hold <dir> <name> <main> <spare>\n", argv[0]);
        return 2;
    }
    const QString mode = args.at(1);
    const int count = args.at(2).toInt();
    QDBusConnection bus = QDBusConnection::systemBus();
    if (!bus.isConnected())
        return 1;

    if (mode == QLatin1String("hold")) {
        if (args.size() != 6) {
            fprintf(stderr, "usage: %s hold <dir> <name> <main object> <spare object>\n", argv[0]);
            return 2;
        }
        HoldingAgent holding(args.at(2));
        if (!registerAgent(bus, &holding))
            return 1;
        QDBusMessage m = QDBusMessage::createMethodCall(kService, kManager, kService, QStringLiteral("CreatePair"));
        m.setArguments({args.at(3), QVariant::fromValue(QDBusObjectPath(args.at(4))),
                        QVariant::fromValue(QDBusObjectPath(args.at(5))),
                        QVariantMap{{QStringLiteral("erase-spare"), true}}});
        m.setInteractiveAuthorizationAllowed(true);
        auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(m, 600 * 1000), &app);
        QObject::connect(watcher, &QDBusPendingCallWatcher::finished, &app, [&app](QDBusPendingCallWatcher *w) {
            const QDBusMessage reply = w->reply();
            if (reply.type() == QDBusMessage::ErrorMessage)
                printf("answer %s: %s\n", qPrintable(reply.errorName()), qPrintable(reply.errorMessage()));
            else
                printf("answer reply %s\n", qPrintable(reply.arguments().value(0).value<QDBusObjectPath>().path()));
            fflush(stdout);
            app.quit();
        });
        return app.exec();
    }
    SilentAgent agent;
    const bool burst = mode == QLatin1String("burst") && args.size() == 4;
    const bool interactive = mode == QLatin1String("interactive") && args.size() == 4;
    const bool read = mode == QLatin1String("read");
    if (!burst && !interactive && !read) {
        fprintf(stderr, "attacker: unknown mode or missing argument\n");
        return 2;
    }
    if (!burst && !registerAgent(bus, &agent))
        return 1;
    // One connection may have only a few calls authorized at once.
    QList<QDBusConnection> connections{bus};
    const QString address = qEnvironmentVariable("DBUS_SYSTEM_BUS_ADDRESS");
    for (int i = 1; interactive && i < 25; ++i)
        connections << QDBusConnection::connectToBus(address, QStringLiteral("attacker%1").arg(i));

    int answered = 0;
    QTimer cancels;
    int cancelWaits = 0;
    QObject::connect(&cancels, &QTimer::timeout, &app, [&] {
        if (agent.cancelled < agent.begun && ++cancelWaits < 50)
            return;
        printf("agent requests %d, cancelled %d\n", agent.begun, agent.cancelled);
        app.quit();
    });
    auto answer = [&](const QDBusMessage &reply) {
        printf("answer %s\n", qPrintable(reply.type() == QDBusMessage::ErrorMessage ? reply.errorName() : QStringLiteral("reply")));
        if (++answered == count)
            cancels.start(100);
        fflush(stdout);
    };
    const QString name(burst ? args.at(3).toInt() * 1024 * 1024 : 0, QLatin1Char('n'));
    const QDBusObjectPath disk(kManager + QStringLiteral("/disks/none"));
    for (int i = 0; i < count; ++i) {
        QDBusMessage m;
        if (burst) {
            m = QDBusMessage::createMethodCall(kService, kManager, kService, QStringLiteral("CreatePair"));
            m.setArguments({name, QVariant::fromValue(disk), QVariant::fromValue(disk), QVariantMap()});
        } else if (interactive) {
            m = QDBusMessage::createMethodCall(kService, args.at(3), QStringLiteral("org.dmremap.Smart1"), QStringLiteral("StartSelfTest"));
            m.setArguments({QStringLiteral("short")});
        } else {
            m = QDBusMessage::createMethodCall(kService, kManager, kService, QStringLiteral("GetDisks"));
        }
        m.setInteractiveAuthorizationAllowed(!burst);
        const QDBusConnection &connection = connections.at(i % connections.size());
        auto *watcher = new QDBusPendingCallWatcher(connection.asyncCall(m, 600 * 1000), &app);
        QObject::connect(watcher, &QDBusPendingCallWatcher::finished, &app, [&answer](QDBusPendingCallWatcher *w) {
            w->deleteLater();
            answer(w->reply());
        });
    }
    return app.exec();
}
