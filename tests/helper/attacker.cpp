// An unprivileged client that attacks dm-remap-helper for tst_service (run
// as nobody through setpriv). Modes:
//   burst <count> <MiB>          CreatePair calls with a name of MiB mebibytes,
//                                all sent before any answer is read
//   interactive <count> <disk>   StartSelfTest calls on the disk object that
//                                allow interactive authorization, from 25
//                                connections, with a polkit agent of this
//                                process that takes every request and never
//                                answers
//   read <count>                 GetDisks calls that allow interaction, with
//                                the same silent agent
// Prints "answer <error name or reply>" for each answer as it arrives, and
// after the last one "agent requests <number of BeginAuthentication>,
// cancelled <number of CancelAuthentication>", once polkit has cancelled
// every request it made (or after five seconds).
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

bool registerSilentAgent(QDBusConnection bus, SilentAgent *agent)
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
        fprintf(stderr, "usage: %s burst|interactive|leave <count> [MiB]\n", argv[0]);
        return 2;
    }
    const QString mode = args.at(1);
    const int count = args.at(2).toInt();
    QDBusConnection bus = QDBusConnection::systemBus();
    if (!bus.isConnected())
        return 1;

    SilentAgent agent;
    const bool burst = mode == QLatin1String("burst") && args.size() == 4;
    const bool interactive = mode == QLatin1String("interactive") && args.size() == 4;
    const bool read = mode == QLatin1String("read");
    if (!burst && !interactive && !read) {
        fprintf(stderr, "attacker: unknown mode or missing argument\n");
        return 2;
    }
    if (!burst && !registerSilentAgent(bus, &agent))
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
