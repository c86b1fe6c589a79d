// Measures how dm-remap-helper answers GetVersion while a long Pair1 call
// runs, for the VM test (vm/remove.sh): GetVersion from one connection every
// 10 ms, first alone for a while, then while the long call (sent on a second
// connection) is being answered. Usage:
//   tst_helper_latency <pair object> ListRemaps <offset> <count>
//   tst_helper_latency <pair object> GetMap <first> <length> <buckets>
// Prints "idle: <n> GetVersion, longest <ms> ms" and "during <method>: <ms>
// ms, answer <reply|error name>, <remaps> remaps; <n> GetVersion, longest
// <ms> ms" (remaps: those answered, or counted in all buckets).
#include "dbustypes.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QElapsedTimer>
#include <QThread>

#include <cstdio>
#include <functional>

namespace {

const QString kService = QStringLiteral("org.dmremap.Manager1");

struct Probe {
    int calls = 0;
    qint64 longestMs = 0;
};

// GetVersion every 10 ms until stop() is true; each must answer in 5 s.
Probe probe(QCoreApplication &app, const QDBusConnection &bus, const std::function<bool()> &stop)
{
    Probe p;
    const QDBusMessage call = QDBusMessage::createMethodCall(kService, QStringLiteral("/org/dmremap/Manager1"), kService,
                                                             QStringLiteral("GetVersion"));
    while (!stop()) {
        QElapsedTimer clock;
        clock.start();
        // Waiting without spinning: in a VM of one or two CPUs a busy loop
        // here would take the time the helper needs.
        QDBusPendingCall pending = bus.asyncCall(call, 5000);
        pending.waitForFinished();
        if (pending.isError()) {
            fprintf(stderr, "GetVersion failed: %s\n", qPrintable(pending.error().message()));
            exit(1);
        }
        p.longestMs = qMax(p.longestMs, clock.elapsed());
        ++p.calls;
        app.processEvents();
        QThread::msleep(10);
    }
    return p;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    DmRemap::registerDBusTypes();
    const QStringList args = app.arguments();
    if (args.size() != 5 && args.size() != 6) {
        fprintf(stderr, "usage: %s <pair object> ListRemaps <offset> <count> | GetMap <first> <length> <buckets>\n", argv[0]);
        return 2;
    }
    const QString address = qEnvironmentVariable("DBUS_SYSTEM_BUS_ADDRESS");
    const QDBusConnection versionBus = QDBusConnection::connectToBus(address, QStringLiteral("version"));
    const QDBusConnection longBus = QDBusConnection::connectToBus(address, QStringLiteral("long"));
    if (!versionBus.isConnected() || !longBus.isConnected())
        return 1;

    QElapsedTimer idle;
    idle.start();
    const Probe before = probe(app, versionBus, [&idle] { return idle.elapsed() > 1000; });
    printf("idle: %d GetVersion, longest %lld ms\n", before.calls, before.longestMs);

    const QString method = args.at(2);
    QDBusMessage call = QDBusMessage::createMethodCall(kService, args.at(1), QStringLiteral("org.dmremap.Pair1"), method);
    if (method == QLatin1String("ListRemaps") && args.size() == 5)
        call.setArguments({args.at(3).toULongLong(), args.at(4).toUInt()});
    else if (method == QLatin1String("GetMap") && args.size() == 6)
        call.setArguments({args.at(3).toULongLong(), args.at(4).toULongLong(), args.at(5).toUInt()});
    else
        return 2;
    QElapsedTimer clock;
    clock.start();
    QDBusPendingCall pending = longBus.asyncCall(call, 600 * 1000);
    const Probe during = probe(app, versionBus, [&pending] { return pending.isFinished(); });
    const qint64 took = clock.elapsed();
    const QDBusMessage reply = pending.reply();
    // ListRemaps: the remaps answered; GetMap: the remaps counted in all buckets.
    qulonglong remaps = 0;
    if (reply.type() == QDBusMessage::ReplyMessage && method == QLatin1String("ListRemaps"))
        remaps = qdbus_cast<DmRemap::RemapList>(reply.arguments().at(0)).size();
    else if (reply.type() == QDBusMessage::ReplyMessage)
        for (const DmRemap::MapBucket &bucket : qdbus_cast<DmRemap::MapBucketList>(reply.arguments().at(0)))
            remaps += bucket.remaps;
    printf("during %s: %lld ms, answer %s, %llu remaps; %d GetVersion, longest %lld ms\n", qPrintable(method), took,
           qPrintable(reply.type() == QDBusMessage::ReplyMessage ? QStringLiteral("reply") : reply.errorName()), remaps,
           during.calls, during.longestMs);
    return 0;
}
