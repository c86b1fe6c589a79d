// dm-remap-helper on a private system bus with a real dbus-daemon and a real
// polkitd (in a mount namespace of its own, so the test's polkit action and
// rule files never touch the machine's /etc and /usr). Callers are root (always
// authorized) and the user nobody (denied unless a test rule allows it).
#include "dbustypes.h"
#include "disks.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QDBusVariant>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QDBusPendingReply>
#include <QFileInfo>
#include <QTest>
#include <QXmlStreamReader>

#include <unistd.h>

namespace {

const QString kService = QStringLiteral("org.dmremap.Manager1");
const QString kManager = QStringLiteral("/org/dmremap/Manager1");

// Every method of the API and gdbus arguments that are valid for it.
// A method missing here fails the test: new methods need a denial check.
QMap<QString, QStringList> validArguments(const QString &disk, const QString &pair)
{
    return {
            {QStringLiteral("org.dmremap.Manager1.GetVersion"), {kManager}},
            {QStringLiteral("org.dmremap.Manager1.GetSystemStatus"), {kManager}},
            {QStringLiteral("org.dmremap.Manager1.GetDisks"), {kManager}},
            {QStringLiteral("org.dmremap.Manager1.GetPairs"), {kManager}},
            {QStringLiteral("org.dmremap.Manager1.CreatePair"),
             {kManager, QStringLiteral("testpair"), disk, disk + QStringLiteral("x"), QStringLiteral("{'erase-spare': <true>}")}},
            {QStringLiteral("org.dmremap.Manager1.Assemble"), {kManager}},
            {QStringLiteral("org.dmremap.Manager1.ImportPair"), {kManager, disk, QStringLiteral("{}")}},
            {QStringLiteral("org.dmremap.Disk1.GetInfo"), {disk}},
            {QStringLiteral("org.dmremap.Disk1.GetHistory"), {disk, QStringLiteral("0"), QStringLiteral("86400"), QStringLiteral("3600")}},
            {QStringLiteral("org.dmremap.Smart1.GetSmart"), {disk}},
            {QStringLiteral("org.dmremap.Smart1.GetAttributes"), {disk}},
            {QStringLiteral("org.dmremap.Smart1.GetSelfTests"), {disk}},
            {QStringLiteral("org.dmremap.Smart1.GetRawJson"), {disk}},
            {QStringLiteral("org.dmremap.Smart1.Refresh"), {disk}},
            {QStringLiteral("org.dmremap.Smart1.Wake"), {disk}},
            {QStringLiteral("org.dmremap.Smart1.StartSelfTest"), {disk, QStringLiteral("short")}},
            {QStringLiteral("org.dmremap.Smart1.AbortSelfTest"), {disk}},
            {QStringLiteral("org.dmremap.Smart1.SetDeviceType"), {disk, QStringLiteral("sat")}},
            {QStringLiteral("org.dmremap.Pair1.GetStatus"), {pair}},
            {QStringLiteral("org.dmremap.Pair1.ListRemaps"), {pair, QStringLiteral("0"), QStringLiteral("10")}},
            {QStringLiteral("org.dmremap.Pair1.ListPending"), {pair}},
            {QStringLiteral("org.dmremap.Pair1.GetMap"), {pair, QStringLiteral("0"), QStringLiteral("8"), QStringLiteral("1")}},
            {QStringLiteral("org.dmremap.Pair1.Remap"), {pair, QStringLiteral("0")}},
            {QStringLiteral("org.dmremap.Pair1.Remove"), {pair}},
            {QStringLiteral("org.dmremap.Pair1.RemoveWithOptions"), {pair, QStringLiteral("{'force': <true>}")}},
            {QStringLiteral("org.dmremap.Pair1.ReplaceMain"), {pair, disk, QStringLiteral("{'erase-new-disk': <true>}")}},
            {QStringLiteral("org.dmremap.Pair1.CancelReplace"), {pair}},
            {QStringLiteral("org.dmremap.Pair1.GetHistory"), {pair, QStringLiteral("0"), QStringLiteral("86400"), QStringLiteral("3600")}},
            {QStringLiteral("org.dmremap.Pair1.GetForecast"), {pair}},
            {QStringLiteral("org.dmremap.Pair1.StartScan"), {pair}},
            {QStringLiteral("org.dmremap.Pair1.StopScan"), {pair}},
    };
}

QStringList methodsOfApi()
{
    QFile f(QStringLiteral(API_XML));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", API_XML);
    QXmlStreamReader xml(&f);
    QStringList methods;
    QString interface;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == QLatin1String("interface"))
            interface = xml.attributes().value(QLatin1String("name")).toString();
        else if (xml.name() == QLatin1String("method"))
            methods << interface + QLatin1Char('.') + xml.attributes().value(QLatin1String("name")).toString();
    }
    return methods;
}

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TestService : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_address;
    QProcess m_bus, m_polkit, m_helper;
    QByteArray m_helperLog;
    QString m_disk; // a disk object path

    void startHelper(const QStringList &extraArguments = {})
    {
        m_helper.setProcessEnvironment(environment());
        m_helper.setProcessChannelMode(QProcess::MergedChannels);
        // Never this machine's node_exporter directory or event hook.
        m_helper.start(QStringLiteral(HELPER_BIN), QStringList{QStringLiteral("--state-dir"), path(QStringLiteral("state")),
                                                               QStringLiteral("--metrics-dir"), QString(),
                                                               QStringLiteral("--event-hook"), QString()}
                                                           + extraArguments);
    }

    bool stopHelper()
    {
        helperLog();
        m_helper.terminate();
        if (!m_helper.waitForFinished(10000))
            return false;
        helperLog();
        return waitForName(kService, false);
    }

    // Everything the helper printed so far.
    const QByteArray &helperLog()
    {
        m_helperLog += m_helper.readAll();
        return m_helperLog;
    }
    DiskInfo m_diskInfo;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DBUS_SYSTEM_BUS_ADDRESS"), m_address);
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        return env;
    }

    Run run(const QString &program, const QStringList &args, bool asNobody, int timeoutMs = 30000) const
    {
        QProcess p;
        p.setProcessEnvironment(environment());
        p.setWorkingDirectory(m_dir.path());
        if (asNobody) {
            p.setProgram(QStringLiteral("setpriv"));
            p.setArguments(QStringList{QStringLiteral("--reuid=nobody"), QStringLiteral("--regid=nogroup"),
                                       QStringLiteral("--clear-groups"), QStringLiteral("--")} + QStringList{program} + args);
        } else {
            p.setProgram(program);
            p.setArguments(args);
        }
        p.start();
        Run r;
        if (!p.waitForFinished(timeoutMs)) {
            p.kill();
            p.waitForFinished();
            r.err = QStringLiteral("timed out");
            return r;
        }
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }

    // gdbus call <method> on <object> with args; the D-Bus error name or "".
    QString gdbusError(const QString &method, const QStringList &objectAndArgs, bool asNobody, QString *output = nullptr) const
    {
        const QString object = objectAndArgs.first();
        const QStringList args = QStringList{QStringLiteral("call"), QStringLiteral("--system"), QStringLiteral("--dest"), kService,
                                             QStringLiteral("--object-path"), object, QStringLiteral("--method"), method}
                + objectAndArgs.mid(1);
        const Run r = run(QStringLiteral("/usr/bin/gdbus"), args, asNobody);
        if (output)
            *output = r.out + r.err;
        if (r.exitCode == 0)
            return QString();
        const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("GDBus\\.Error:([A-Za-z0-9_.]+):")).match(r.err);
        return m.hasMatch() ? m.captured(1) : QStringLiteral("(no error name) ") + r.err;
    }

    // Starts program as nobody; the caller reads and ends it.
    void startAsNobody(QProcess *p, const QString &program, const QStringList &args) const
    {
        p->setProcessEnvironment(environment());
        p->setWorkingDirectory(m_dir.path());
        p->start(QStringLiteral("setpriv"), QStringList{QStringLiteral("--reuid=nobody"), QStringLiteral("--regid=nogroup"),
                                                       QStringLiteral("--clear-groups"), QStringLiteral("--"), program}
                         + args);
    }

    // The helper's resident memory in KiB now and at its peak.
    QPair<qlonglong, qlonglong> helperMemory() const
    {
        QFile status(QStringLiteral("/proc/%1/status").arg(m_helper.processId()));
        qlonglong rss = -1, peak = -1;
        if (status.open(QIODevice::ReadOnly)) {
            for (const QByteArray &line : status.readAll().split('\n')) {
                if (line.startsWith("VmRSS:"))
                    rss = line.mid(6).trimmed().split(' ').first().toLongLong();
                else if (line.startsWith("VmHWM:"))
                    peak = line.mid(6).trimmed().split(' ').first().toLongLong();
            }
        }
        return {rss, peak};
    }

    // Root's GetVersion and GetDisks must answer within a second each.
    void rootIsServed(const char *after)
    {
        QDBusConnection bus(QStringLiteral("test"));
        for (const char *method : {"GetVersion", "GetDisks"}) {
            QElapsedTimer clock;
            clock.start();
            const QDBusMessage reply = bus.call(QDBusMessage::createMethodCall(kService, kManager, QStringLiteral("org.dmremap.Manager1"),
                                                                               QLatin1String(method)),
                                                QDBus::Block, 1000);
            QVERIFY2(reply.type() == QDBusMessage::ReplyMessage,
                     qPrintable(QStringLiteral("root's %1 after %2: %3").arg(QLatin1String(method), QLatin1String(after),
                                                                            reply.errorMessage())));
            QVERIFY2(clock.elapsed() < 1000, qPrintable(QStringLiteral("%1 took %2 ms").arg(QLatin1String(method)).arg(clock.elapsed())));
        }
        const auto memory = helperMemory();
        qInfo("helper memory after %s: %lld KiB resident, %lld KiB peak", after, memory.first, memory.second);
    }

    QDBusMessage callAsRoot(const QString &object, const QString &interface, const QString &method,
                            const QVariantList &args = {}) const
    {
        QDBusMessage m = QDBusMessage::createMethodCall(kService, object, interface, method);
        m.setArguments(args);
        return QDBusConnection(QStringLiteral("test")).call(m, QDBus::Block, 60000);
    }

    // Until name is owned on the bus (or, with owned false, no longer is).
    bool waitForName(const QString &name, bool owned = true, int ms = 20000) const
    {
        QDBusConnection bus(QStringLiteral("test"));
        for (int waited = 0; waited < ms; waited += 100) {
            if (bus.interface()->isServiceRegistered(name) == owned)
                return true;
            QTest::qWait(100);
        }
        return false;
    }

    // Allows nobody the actions whose id starts with actionPrefix.
    void setNobodyRule(bool allowed, const QByteArray &actionPrefix = "org.dmremap.")
    {
        const QString rule = path(QStringLiteral("rules/50-dmremap-test.rules"));
        if (allowed) {
            QFile f(rule);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("polkit.addRule(function(action, subject) {\n"
                    "    if (action.id.indexOf(\"" + actionPrefix + "\") == 0 && subject.user == \"nobody\")\n"
                    "        return polkit.Result.YES;\n"
                    "});\n");
        } else {
            QFile::remove(rule);
        }
        // polkitd reloads its rules on change: wait until it shows.
        const QStringList args{m_disk};
        for (int i = 0; i < 100; ++i) {
            const bool denied = gdbusError(QStringLiteral("org.dmremap.Disk1.GetInfo"), args, true)
                    == QLatin1String("org.freedesktop.DBus.Error.AccessDenied");
            if (denied != allowed)
                return;
            QTest::qWait(100);
        }
        QFAIL("polkitd did not pick up the rule change");
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (geteuid() != 0)
            QFAIL("the service tests run as root: they start polkitd in a mount namespace and call as the user nobody");
        DmRemap::registerDBusTypes();
        QVERIFY(m_dir.isValid());
        // nobody must reach the bus socket in here.
        QVERIFY(QFile::setPermissions(m_dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                                                            | QFileDevice::ReadOther | QFileDevice::ExeOther
                                                            | QFileDevice::ReadGroup | QFileDevice::ExeGroup));
        QVERIFY(QDir().mkpath(path(QStringLiteral("rules"))));
        QVERIFY(QDir().mkpath(path(QStringLiteral("actions"))));
        QVERIFY(QFile::copy(QStringLiteral(POLICY_FILE), path(QStringLiteral("actions/org.dmremap.Manager1.policy"))));

        QFile templ(QStringLiteral(BUS_CONF_TEMPLATE));
        QVERIFY(templ.open(QIODevice::ReadOnly));
        QByteArray conf = templ.readAll();
        conf.replace("@SOCKET@", QFile::encodeName(path(QStringLiteral("bus"))));
        conf.replace("@DMREMAP_CONF@", BUS_POLICY_FILE);
        QFile out(path(QStringLiteral("bus.conf")));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(conf);
        out.close();

        m_bus.start(QStringLiteral("dbus-daemon"), {QStringLiteral("--nofork"), QStringLiteral("--print-address"),
                                                    QStringLiteral("--config-file=") + path(QStringLiteral("bus.conf"))});
        QVERIFY(m_bus.waitForReadyRead(10000));
        m_address = QString::fromUtf8(m_bus.readLine()).trimmed();
        QVERIFY2(m_address.startsWith(QLatin1String("unix:path=")), qPrintable(m_address));
        QVERIFY(QDBusConnection::connectToBus(m_address, QStringLiteral("test")).isConnected());

        // polkitd sees only the test's actions and rules directories.
        m_polkit.setProcessEnvironment(environment());
        m_polkit.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_polkit.start(QStringLiteral("unshare"),
                       {QStringLiteral("--mount"), QStringLiteral("--propagation"), QStringLiteral("private"), QStringLiteral("--"),
                        QStringLiteral("sh"), QStringLiteral("-c"),
                        QStringLiteral("mount --bind \"$1\" /etc/polkit-1/rules.d && mount --bind \"$2\" /usr/share/polkit-1/actions "
                                       "&& exec /usr/lib/polkit-1/polkitd --no-debug"),
                        QStringLiteral("sh"), path(QStringLiteral("rules")), path(QStringLiteral("actions"))});
        QVERIFY2(waitForName(QStringLiteral("org.freedesktop.PolicyKit1")), "polkitd did not start");

        startHelper();
        QVERIFY2(waitForName(kService), "dm-remap-helper did not take its name");

        Udev udev;
        const QList<DiskInfo> disks = Disks::enumerate(udev);
        QVERIFY2(!disks.isEmpty(), "the service tests need at least one whole disk on the machine");
        m_diskInfo = disks.first();
        m_disk = kManager + QStringLiteral("/disks/") + m_diskInfo.id;
    }

    void cleanupTestCase()
    {
        for (QProcess *p : {&m_helper, &m_polkit, &m_bus}) {
            if (p->state() != QProcess::NotRunning) {
                p->terminate();
                if (!p->waitForFinished(5000))
                    p->kill();
                p->waitForFinished();
            }
        }
        QDBusConnection::disconnectFromBus(QStringLiteral("test"));
    }

    void rootReadsDisks()
    {
        QDBusMessage reply = callAsRoot(kManager, QStringLiteral("org.dmremap.Manager1"), QStringLiteral("GetVersion"));
        QCOMPARE(reply.type(), QDBusMessage::ReplyMessage);
        QVERIFY(reply.arguments().at(0).toString().startsWith(QLatin1String(PROJECT_VERSION)));

        reply = callAsRoot(kManager, QStringLiteral("org.dmremap.Manager1"), QStringLiteral("GetDisks"));
        QCOMPARE(reply.type(), QDBusMessage::ReplyMessage);
        const auto disks = qdbus_cast<DmRemap::ObjectInfoList>(reply.arguments().at(0));
        Udev udev;
        QCOMPARE(disks.size(), Disks::enumerate(udev).size());
        bool found = false;
        for (const DmRemap::ObjectInfo &d : disks) {
            for (const char *key : {"id", "path", "model", "serial", "wwn", "size", "logical-block-size", "physical-block-size",
                                    "rotational", "kind", "transport", "in-use", "in-use-reason", "in-use-reasons", "role",
                                    "pair", "smart-verdict"})
                QVERIFY2(d.info.contains(QLatin1String(key)), key);
            // The reasons arrive as aa{sv}, one per English fragment.
            const DmRemap::ReasonList inUse = DmRemap::reasonsFrom(d.info.value(QStringLiteral("in-use-reasons")));
            QCOMPARE(inUse.isEmpty(), !d.info.value(QStringLiteral("in-use")).toBool());
            for (const QVariantMap &reason : inUse)
                QVERIFY(!reason.value(QStringLiteral("code")).toString().isEmpty());
            if (d.path.path() == m_disk) {
                found = true;
                QCOMPARE(d.info.value(QStringLiteral("path")).toString(), m_diskInfo.path);
                QCOMPARE(d.info.value(QStringLiteral("size")).toULongLong(), m_diskInfo.sizeBytes);
                QCOMPARE(d.info.value(QStringLiteral("role")).toString(), QStringLiteral("free"));
            }
        }
        QVERIFY(found);

        reply = callAsRoot(m_disk, QStringLiteral("org.dmremap.Smart1"), QStringLiteral("Refresh"));
        QCOMPARE(reply.type(), QDBusMessage::ReplyMessage);
        reply = callAsRoot(m_disk, QStringLiteral("org.dmremap.Smart1"), QStringLiteral("GetSmart"));
        QCOMPARE(reply.type(), QDBusMessage::ReplyMessage);
        const QVariantMap smart = qdbus_cast<QVariantMap>(reply.arguments().at(0));
        QVERIFY(smart.value(QStringLiteral("updated")).toLongLong() > 0);
        QVERIFY(QStringList({QStringLiteral("passed"), QStringLiteral("warning"), QStringLiteral("failing"), QStringLiteral("unknown")})
                        .contains(smart.value(QStringLiteral("verdict")).toString()));
        // A disk without SMART (virtio here) says so plainly.
        if (!smart.value(QStringLiteral("available")).toBool()) {
            QVERIFY(!smart.value(QStringLiteral("unavailable-reason")).toString().isEmpty());
            const DmRemap::ReasonList why = DmRemap::reasonsFrom(smart.value(QStringLiteral("unavailable-reasons")));
            QCOMPARE(why.size(), 1);
            QVERIFY(!why.first().value(QStringLiteral("code")).toString().isEmpty());
        } else {
            QVERIFY(smart.contains(QStringLiteral("verdict-reasons")));
        }
    }

    void everyMethodRefusesUnauthorizedCaller()
    {
        // Pair1 objects exist only where device-mapper does: the VM test
        // repeats this with a real pair; here their calls must fail too.
        const QString pair = kManager + QStringLiteral("/pairs/nopair");
        const auto arguments = validArguments(m_disk, pair);
        const QStringList methods = methodsOfApi();
        QCOMPARE(methods.size(), 31);
        for (const QString &method : methods) {
            QVERIFY2(arguments.contains(method), qPrintable(QStringLiteral("no denial check for %1").arg(method)));
            QString output;
            const QString error = gdbusError(method, arguments.value(method), true, &output);
            if (method == QLatin1String("org.dmremap.Manager1.GetVersion")
                || method == QLatin1String("org.dmremap.Manager1.GetSystemStatus"))
                QVERIFY2(error.isEmpty(), qPrintable(output));
            else if (method.startsWith(QLatin1String("org.dmremap.Pair1")))
                QVERIFY2(!error.isEmpty(), qPrintable(method));
            else
                QVERIFY2(error == QLatin1String("org.freedesktop.DBus.Error.AccessDenied"),
                         qPrintable(QStringLiteral("%1: %2").arg(method, output)));
        }
        // Refusals are logged for the administrator.
        QTRY_VERIFY(helperLog().contains("refused org.dmremap.Manager1.CreatePair"));
    }

    void systemStatusIsToldToEveryone()
    {
        // What this machine has, told to a caller that may read nothing
        // else, with the facts the app names.
        QString output;
        QCOMPARE(gdbusError(QStringLiteral("org.dmremap.Manager1.GetSystemStatus"), {kManager}, true, &output), QString());
        // The node may exist where the kernel has no device-mapper: only
        // opening it tells, as the helper finds out.
        QFile control(QStringLiteral("/dev/mapper/control"));
        const bool dm = control.open(QIODevice::ReadWrite);
        QVERIFY2(output.contains(QStringLiteral("'device-mapper': <%1>").arg(dm ? "true" : "false")), qPrintable(output));
        if (!dm)
            QVERIFY2(output.contains(QStringLiteral("'remap-target': <'not-loadable'>")), qPrintable(output));
        QFile release(QStringLiteral("/proc/sys/kernel/osrelease"));
        QVERIFY(release.open(QIODevice::ReadOnly));
        QVERIFY2(output.contains(QStringLiteral("'kernel-release': <'%1'>").arg(QString::fromLatin1(release.readAll().trimmed()))),
                 qPrintable(output));
        const QString smartctl = QFileInfo(QStringLiteral("/usr/sbin/smartctl")).isExecutable() ? QStringLiteral("/usr/sbin/smartctl") : QString();
        QVERIFY2(output.contains(QStringLiteral("'smartctl': <'%1'>").arg(smartctl)), qPrintable(output));
        for (const char *key : {"remap-target-version", "secure-boot", "lockdown"})
            QVERIFY2(output.contains(QStringLiteral("'%1': ").arg(QLatin1String(key))), qPrintable(output));

        // Calls that overlap a probe are all answered.
        QDBusConnection bus(QStringLiteral("test"));
        QList<QDBusPendingCall> calls;
        for (int i = 0; i < 40; ++i)
            calls << bus.asyncCall(QDBusMessage::createMethodCall(kService, kManager, kService, QStringLiteral("GetSystemStatus")));
        for (QDBusPendingCall &call : calls) {
            call.waitForFinished();
            QVERIFY2(!call.isError(), qPrintable(call.error().message()));
            QCOMPARE(QDBusPendingReply<QVariantMap>(call).value().value(QStringLiteral("device-mapper")).toBool(), dm);
        }
    }

    void testRuleAllowsCaller()
    {
        setNobodyRule(true);
        QString output;
        QCOMPARE(gdbusError(QStringLiteral("org.dmremap.Manager1.GetDisks"), {kManager}, true, &output), QString());
        QVERIFY(output.contains(m_disk));
        // Destructive calls get past polkit and fail on their merits.
        const QString createError = gdbusError(QStringLiteral("org.dmremap.Manager1.CreatePair"),
                                               {kManager, QStringLiteral("testpair"), m_disk, m_disk, QStringLiteral("{'erase-spare': <true>}")},
                                               true, &output);
        QCOMPARE(createError, QStringLiteral("org.dmremap.Error.SameDisk"));
        const QString typeError = gdbusError(QStringLiteral("org.dmremap.Smart1.SetDeviceType"), {m_disk, QStringLiteral("sat")}, true, &output);
        QCOMPARE(typeError, QString());
        QDBusMessage reply = callAsRoot(m_disk, QStringLiteral("org.dmremap.Smart1"), QStringLiteral("GetSmart"));
        QCOMPARE(qdbus_cast<QVariantMap>(reply.arguments().at(0)).value(QStringLiteral("device-type")).toString(), QStringLiteral("sat"));
        QCOMPARE(gdbusError(QStringLiteral("org.dmremap.Smart1.SetDeviceType"), {m_disk, QStringLiteral("auto")}, true), QString());
        reply = callAsRoot(m_disk, QStringLiteral("org.dmremap.Smart1"), QStringLiteral("GetSmart"));
        QCOMPARE(qdbus_cast<QVariantMap>(reply.arguments().at(0)).value(QStringLiteral("device-type")).toString(), QString());
        setNobodyRule(false);
        QCOMPARE(gdbusError(QStringLiteral("org.dmremap.Manager1.GetDisks"), {kManager}, true),
                 QStringLiteral("org.freedesktop.DBus.Error.AccessDenied"));
    }

    void importNeedsTheAdminAction()
    {
        // A reader may ask what an import would do; doing it is another
        // action, which the read rule does not grant.
        setNobodyRule(true, "org.dmremap.read");
        auto restore = qScopeGuard([this] { setNobodyRule(false); });
        QString output;
        const QStringList dryRun{kManager, m_disk, QStringLiteral("{'dry-run': <true>}")};
        const QString dryError = gdbusError(QStringLiteral("org.dmremap.Manager1.ImportPair"), dryRun, true, &output);
        QVERIFY2(dryError == QLatin1String("org.dmremap.Error.NotFound") && output.contains(QLatin1String("no dm-remap metadata")),
                 qPrintable(output));
        QCOMPARE(gdbusError(QStringLiteral("org.dmremap.Manager1.ImportPair"), {kManager, m_disk, QStringLiteral("{}")}, true, &output),
                 QStringLiteral("org.freedesktop.DBus.Error.AccessDenied"));
        QTRY_VERIFY(helperLog().contains("refused org.dmremap.Manager1.ImportPair"));
        restore.dismiss();
        setNobodyRule(false);

        QDBusMessage reply = callAsRoot(kManager, QStringLiteral("org.dmremap.Manager1"), QStringLiteral("ImportPair"),
                                        {QVariant::fromValue(QDBusObjectPath(m_disk)), QVariantMap{{QStringLiteral("force"), true}}});
        QCOMPARE(reply.errorName(), QStringLiteral("org.dmremap.Error.UnknownOption"));
        reply = callAsRoot(kManager, QStringLiteral("org.dmremap.Manager1"), QStringLiteral("ImportPair"),
                           {QVariant::fromValue(QDBusObjectPath(m_disk)), QVariantMap{{QStringLiteral("dry-run"), QStringLiteral("yes")}}});
        QCOMPARE(reply.errorName(), QStringLiteral("org.dmremap.Error.InvalidArgument"));
        reply = callAsRoot(kManager, QStringLiteral("org.dmremap.Manager1"), QStringLiteral("ImportPair"),
                           {QVariant::fromValue(QDBusObjectPath(kManager + QStringLiteral("/disks/nothing"))), QVariantMap{}});
        QCOMPARE(reply.errorName(), QStringLiteral("org.dmremap.Error.NotFound"));
    }

    void malformedArguments_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("main");
        QTest::addColumn<QString>("spare");
        QTest::addColumn<QVariantMap>("options");
        QTest::addColumn<QString>("error");
        const QString disk = kManager + QStringLiteral("/disks/");
        const QVariantMap erase{{QStringLiteral("erase-spare"), true}};
        QTest::newRow("dotdot name") << QStringLiteral("..") << QString() << QString() << erase << "org.dmremap.Error.InvalidArgument";
        QTest::newRow("slash name") << QStringLiteral("a/b") << QString() << QString() << erase << "org.dmremap.Error.InvalidArgument";
        QTest::newRow("empty name") << QString() << QString() << QString() << erase << "org.dmremap.Error.InvalidArgument";
        QTest::newRow("long name") << QString(64, QLatin1Char('n')) << QString() << QString() << erase << "org.dmremap.Error.InvalidArgument";
        QTest::newRow("format name") << QStringLiteral("%s%n") << QString() << QString() << erase << "org.dmremap.Error.InvalidArgument";
        QTest::newRow("unknown disk") << QStringLiteral("ok") << disk + QStringLiteral("nothing") << QString() << erase << "org.dmremap.Error.NotFound";
        QTest::newRow("path as disk") << QStringLiteral("ok") << QStringLiteral("/dev/vda") << QString() << erase << "org.dmremap.Error.NotFound";
        QTest::newRow("same disk") << QStringLiteral("ok") << QString() << QString() << erase << "org.dmremap.Error.SameDisk";
        QTest::newRow("no erase flag") << QStringLiteral("ok") << QString() << QString() << QVariantMap() << "org.dmremap.Error.EraseNotAcknowledged";
        QTest::newRow("erase false") << QStringLiteral("ok") << QString() << QString()
                                     << QVariantMap{{QStringLiteral("erase-spare"), false}} << "org.dmremap.Error.EraseNotAcknowledged";
        QTest::newRow("unknown option") << QStringLiteral("ok") << QString() << QString()
                                        << QVariantMap{{QStringLiteral("erase-spare"), true}, {QStringLiteral("force"), true}}
                                        << "org.dmremap.Error.UnknownOption";
        QTest::newRow("bad block size") << QStringLiteral("ok") << QString() << QString()
                                        << QVariantMap{{QStringLiteral("erase-spare"), true}, {QStringLiteral("block-size"), 12u}}
                                        << "org.dmremap.Error.InvalidArgument";
        QTest::newRow("string block size") << QStringLiteral("ok") << QString() << QString()
                                           << QVariantMap{{QStringLiteral("erase-spare"), true}, {QStringLiteral("block-size"), QStringLiteral("8")}}
                                           << "org.dmremap.Error.InvalidArgument";
    }
    void malformedArguments()
    {
        QFETCH(QString, name);
        QFETCH(QString, main);
        QFETCH(QString, spare);
        QFETCH(QVariantMap, options);
        QFETCH(QString, error);
        const QDBusObjectPath mainPath(main.isEmpty() ? m_disk : main);
        const QDBusObjectPath sparePath(spare.isEmpty() ? m_disk : spare);
        const QDBusMessage reply = callAsRoot(kManager, QStringLiteral("org.dmremap.Manager1"), QStringLiteral("CreatePair"),
                                              {name, QVariant::fromValue(mainPath), QVariant::fromValue(sparePath), options});
        QCOMPARE(reply.type(), QDBusMessage::ErrorMessage);
        QCOMPARE(reply.errorName(), error);
        QVERIFY(!reply.errorMessage().isEmpty());
    }

    void otherBadCalls()
    {
        QDBusMessage reply = callAsRoot(m_disk, QStringLiteral("org.dmremap.Smart1"), QStringLiteral("StartSelfTest"), {QStringLiteral("long")});
        QCOMPARE(reply.errorName(), QStringLiteral("org.dmremap.Error.InvalidArgument"));
        reply = callAsRoot(m_disk, QStringLiteral("org.dmremap.Smart1"), QStringLiteral("SetDeviceType"), {QStringLiteral("sat; reboot")});
        QCOMPARE(reply.errorName(), QStringLiteral("org.dmremap.Error.InvalidArgument"));
        // Wrong signature: QtDBus finds no such method.
        reply = callAsRoot(kManager, QStringLiteral("org.dmremap.Manager1"), QStringLiteral("CreatePair"), {42});
        QCOMPARE(reply.type(), QDBusMessage::ErrorMessage);
        QCOMPARE(reply.errorName(), QStringLiteral("org.freedesktop.DBus.Error.UnknownMethod"));
        reply = callAsRoot(kManager + QStringLiteral("/pairs/nopair"), QStringLiteral("org.dmremap.Pair1"), QStringLiteral("GetStatus"));
        QCOMPARE(reply.type(), QDBusMessage::ErrorMessage);
        // The helper is still alive and well.
        reply = callAsRoot(kManager, QStringLiteral("org.dmremap.Manager1"), QStringLiteral("GetVersion"));
        QCOMPARE(reply.type(), QDBusMessage::ReplyMessage);
    }

    // A disk's history answers its buckets at once (the store is on its own
    // thread): today at an hour's resolution is 24 buckets (older days than
    // 90 are daily aggregates only).
    void diskHistoryAnswersBuckets()
    {
        const qint64 today = QDateTime::currentSecsSinceEpoch() / 86400 * 86400;
        const QDBusMessage reply = callAsRoot(m_disk, QStringLiteral("org.dmremap.Disk1"), QStringLiteral("GetHistory"),
                                              {qlonglong(today), qlonglong(today + 86400), qlonglong(3600)});
        if (m_diskInfo.mainId().isEmpty()) {
            QCOMPARE(reply.errorName(), QStringLiteral("org.dmremap.Error.NotSupported"));
            return;
        }
        QVERIFY2(reply.type() == QDBusMessage::ReplyMessage, qPrintable(reply.errorMessage()));
        const QList<QVariantMap> buckets = qdbus_cast<QList<QVariantMap>>(reply.arguments().at(0));
        QCOMPARE(buckets.size(), 24);
        QCOMPARE(buckets.first().value(QStringLiteral("end")).toLongLong() - buckets.first().value(QStringLiteral("start")).toLongLong(), 3600);
        QVERIFY(QFileInfo::exists(path(QStringLiteral("state/history.db"))));
    }

    void callerThatLeftIsRefused()
    {
        // dbus-send without --print-reply exits right after sending: by the
        // time the helper looks the caller up it is gone, so its call must be
        // refused and change nothing, although a rule would allow it.
        setNobodyRule(true);
        const Run r = run(QStringLiteral("dbus-send"),
                          {QStringLiteral("--system"), QStringLiteral("--dest=") + kService, QStringLiteral("--type=method_call"), m_disk,
                           QStringLiteral("org.dmremap.Smart1.SetDeviceType"), QStringLiteral("string:usbjmicron")},
                          true);
        QCOMPARE(r.exitCode, 0);
        QTRY_VERIFY2_WITH_TIMEOUT(helperLog().contains("refused org.dmremap.Smart1.SetDeviceType"), helperLog().constData(), 10000);
        setNobodyRule(false);
        const QDBusMessage reply = callAsRoot(m_disk, QStringLiteral("org.dmremap.Smart1"), QStringLiteral("GetSmart"));
        QCOMPARE(qdbus_cast<QVariantMap>(reply.arguments().at(0)).value(QStringLiteral("device-type")).toString(), QString());
    }

    // The attacker suite: the user nobody tries to make the helper deaf or
    // to lock everyone else out. After each attack root is served at once.

    // Calls with 24 MiB and 8 MiB names, sent at once (issue 10, must fix 1:
    // they used to push libdbus past its received-size limit, after which
    // the helper never read its socket again).
    void attackOversizedBurst()
    {
        for (const QStringList &burst : {QStringList{QStringLiteral("3"), QStringLiteral("24")},
                                         QStringList{QStringLiteral("10"), QStringLiteral("8")}}) {
            QProcess attacker;
            startAsNobody(&attacker, QStringLiteral(ATTACKER_BIN), QStringList{QStringLiteral("burst")} + burst);
            QVERIFY(attacker.waitForFinished(60000));
            const QString out = QString::fromUtf8(attacker.readAllStandardOutput());
            // Refused before polkit is asked: the options lack erase-spare.
            QCOMPARE(out.count(QLatin1String("answer org.dmremap.Error.EraseNotAcknowledged")), burst.first().toInt());
            rootIsServed(qPrintable(QStringLiteral("a burst of %1 calls of %2 MiB").arg(burst.first(), burst.last())));
        }
    }

    // 200 self-test calls allowing interaction, with the caller's own agent
    // that never answers (must fix 3), then the caller leaves mid-check.
    void attackSilentAgent()
    {
        const qlonglong before = helperMemory().first;
        QProcess attacker;
        startAsNobody(&attacker, QStringLiteral(ATTACKER_BIN), {QStringLiteral("interactive"), QStringLiteral("200"), m_disk});
        QVERIFY(attacker.waitForStarted());
        // All but kMaxPerUser (16) are refused at once.
        QByteArray out;
        QTRY_VERIFY2_WITH_TIMEOUT((out += attacker.readAllStandardOutput()).count("answer org.freedesktop.DBus.Error.LimitsExceeded") == 184,
                                  out.constData(), 20000);
        QVERIFY2(!out.contains("answer org.freedesktop.DBus.Error.AccessDenied"), out.constData());
        rootIsServed("200 calls waiting on a silent agent");
        // Another user is served by polkit meanwhile.
        QFile rule(path(QStringLiteral("rules/40-daemon-reads.rules")));
        QVERIFY(rule.open(QIODevice::WriteOnly));
        rule.write("polkit.addRule(function(action, subject) {\n"
                   "    if (action.id == \"org.dmremap.read\" && subject.user == \"daemon\")\n"
                   "        return polkit.Result.YES;\n"
                   "});\n");
        rule.close();
        Run other;
        for (int i = 0; i < 50; ++i) {
            other = run(QStringLiteral("setpriv"), {QStringLiteral("--reuid=daemon"), QStringLiteral("--regid=daemon"), QStringLiteral("--clear-groups"),
                                                   QStringLiteral("--"), QStringLiteral("gdbus"), QStringLiteral("call"), QStringLiteral("--system"),
                                                   QStringLiteral("--dest"), kService, QStringLiteral("--object-path"), kManager,
                                                   QStringLiteral("--method"), QStringLiteral("org.dmremap.Manager1.GetDisks")},
                        false, 5000);
            if (other.exitCode == 0)
                break;
            QTest::qWait(100); // polkitd reloads rules on change
        }
        QFile::remove(rule.fileName());
        QVERIFY2(other.exitCode == 0 && other.out.contains(m_disk), qPrintable(other.out + other.err));
        const qlonglong during = helperMemory().first;
        qInfo("helper memory: %lld KiB before the silent agent, %lld KiB with its 16 checks pending", before, during);
        QVERIFY(during - before < 20 * 1024);

        // The caller leaves: its checks are cancelled in polkit.
        const int cancelledBefore = helperLog().count("the caller left the bus; check cancelled");
        attacker.kill();
        attacker.waitForFinished();
        QTRY_COMPARE_WITH_TIMEOUT(helperLog().count("the caller left the bus; check cancelled") - cancelledBefore, 16, 10000);
        rootIsServed("the silent agent's caller left");
    }

    // An agent that never answers, with its caller staying: after the
    // interactive timeout (--auth-timeout) each call is refused and its
    // check cancelled in polkit, which tells the agent so (must fix 3).
    void attackSilentAgentTimesOut()
    {
        QVERIFY(stopHelper());
        startHelper({QStringLiteral("--auth-timeout"), QStringLiteral("3")});
        QVERIFY2(waitForName(kService), "dm-remap-helper did not take its name again");
        QProcess attacker;
        QElapsedTimer timer;
        timer.start();
        startAsNobody(&attacker, QStringLiteral(ATTACKER_BIN), {QStringLiteral("interactive"), QStringLiteral("16"), m_disk});
        QVERIFY(attacker.waitForFinished(60000));
        const qint64 ms = timer.elapsed();
        const QString out = QString::fromUtf8(attacker.readAllStandardOutput());
        qInfo("16 checks on a silent agent, refused after %lld ms: %s", ms,
              qPrintable(out.section(QLatin1Char('\n'), -3).simplified()));
        QCOMPARE(out.count(QLatin1String("answer org.freedesktop.DBus.Error.AccessDenied")), 16);
        QVERIFY2(ms >= 3000, "refused before the timeout");
        QTRY_COMPARE(helperLog().count("polkit did not answer in time"), 16);
        const QRegularExpression counts(QStringLiteral("agent requests (\\d+), cancelled (\\d+)"));
        const QRegularExpressionMatch m = counts.match(out);
        QVERIFY2(m.hasMatch(), qPrintable(out));
        QVERIFY2(m.captured(1).toInt() > 0, "polkit never asked the agent");
        QCOMPARE(m.captured(2).toInt(), m.captured(1).toInt());

        QVERIFY(stopHelper());
        startHelper();
        QVERIFY2(waitForName(kService), "dm-remap-helper did not take its name again");
        rootIsServed("the helper restarted with the default timeout");
    }

    // Reads never wait on an agent: interaction is not passed to polkit.
    void attackInteractiveReads()
    {
        QProcess attacker;
        startAsNobody(&attacker, QStringLiteral(ATTACKER_BIN), {QStringLiteral("read"), QStringLiteral("200")});
        QVERIFY(attacker.waitForFinished(30000));
        const QByteArray out = attacker.readAllStandardOutput();
        QVERIFY2(out.contains("agent requests 0"), out.constData());
        QCOMPARE(out.count("answer org.freedesktop.DBus.Error.AccessDenied") + out.count("answer org.freedesktop.DBus.Error.LimitsExceeded"), 200);
        rootIsServed("200 interactive reads");
    }

    // Bad and oversized arguments for every method that takes any, from a
    // caller polkit would refuse: the answer is the argument's error, so the
    // call never reached polkit.
    void attackMalformedArguments_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("error");
        const QString big(100000, QLatin1Char('x'));
        const QString disks = kManager + QStringLiteral("/disks/");
        const QString erase = QStringLiteral("{'erase-spare': <true>}");
        auto create = [&](const QString &name, const QString &main, const QString &spare, const QString &options) {
            return QStringList{kManager, name, main, spare, options};
        };
        QTest::newRow("CreatePair big name") << "org.dmremap.Manager1.CreatePair" << create(big, m_disk, disks + QStringLiteral("x"), erase)
                                             << "org.dmremap.Error.InvalidArgument";
        QTest::newRow("CreatePair big path") << "org.dmremap.Manager1.CreatePair" << create(QStringLiteral("p"), disks + big, m_disk, erase)
                                             << "org.dmremap.Error.NotFound";
        QTest::newRow("CreatePair foreign path") << "org.dmremap.Manager1.CreatePair" << create(QStringLiteral("p"), QStringLiteral("/org/freedesktop/DBus"), m_disk, erase)
                                                 << "org.dmremap.Error.NotFound";
        QTest::newRow("CreatePair same disk") << "org.dmremap.Manager1.CreatePair" << create(QStringLiteral("p"), m_disk, m_disk, erase)
                                              << "org.dmremap.Error.SameDisk";
        QTest::newRow("CreatePair big option") << "org.dmremap.Manager1.CreatePair"
                                               << create(QStringLiteral("p"), m_disk, disks + QStringLiteral("x"), QStringLiteral("{'%1': <true>}").arg(big))
                                               << "org.dmremap.Error.UnknownOption";
        QTest::newRow("CreatePair big option value") << "org.dmremap.Manager1.CreatePair"
                                                     << create(QStringLiteral("p"), m_disk, disks + QStringLiteral("x"), QStringLiteral("{'erase-spare': <'%1'>}").arg(big))
                                                     << "org.dmremap.Error.InvalidArgument";
        QTest::newRow("CreatePair no erase") << "org.dmremap.Manager1.CreatePair" << create(QStringLiteral("p"), m_disk, disks + QStringLiteral("x"), QStringLiteral("@a{sv} {}"))
                                             << "org.dmremap.Error.EraseNotAcknowledged";
        QTest::newRow("StartSelfTest big") << "org.dmremap.Smart1.StartSelfTest" << QStringList{m_disk, big} << "org.dmremap.Error.InvalidArgument";
        QTest::newRow("StartSelfTest long") << "org.dmremap.Smart1.StartSelfTest" << QStringList{m_disk, QStringLiteral("long")}
                                            << "org.dmremap.Error.InvalidArgument";
        QTest::newRow("SetDeviceType big") << "org.dmremap.Smart1.SetDeviceType" << QStringList{m_disk, big} << "org.dmremap.Error.InvalidArgument";
        QTest::newRow("SetDeviceType injection") << "org.dmremap.Smart1.SetDeviceType" << QStringList{m_disk, QStringLiteral("sat -d nvme")}
                                                 << "org.dmremap.Error.InvalidArgument";
        auto history = [&](const char *from, const char *to, const char *resolution) {
            return QStringList{m_disk, QLatin1String(from), QLatin1String(to), QLatin1String(resolution)};
        };
        QTest::newRow("GetHistory from after to") << "org.dmremap.Disk1.GetHistory" << history("86400", "0", "3600")
                                                  << "org.dmremap.Error.InvalidArgument";
        QTest::newRow("GetHistory empty range") << "org.dmremap.Disk1.GetHistory" << history("100", "100", "1")
                                                << "org.dmremap.Error.InvalidArgument";
        QTest::newRow("GetHistory before 1970") << "org.dmremap.Disk1.GetHistory" << history("@x -86400", "0", "3600")
                                                << "org.dmremap.Error.InvalidArgument";
        QTest::newRow("GetHistory resolution 0") << "org.dmremap.Disk1.GetHistory" << history("0", "86400", "0")
                                                 << "org.dmremap.Error.InvalidArgument";
        QTest::newRow("GetHistory negative resolution") << "org.dmremap.Disk1.GetHistory" << history("0", "86400", "@x -60")
                                                        << "org.dmremap.Error.InvalidArgument";
        QTest::newRow("GetHistory too many buckets") << "org.dmremap.Disk1.GetHistory" << history("0", "1700000000", "60")
                                                     << "org.dmremap.Error.InvalidArgument";
        QTest::newRow("GetHistory after 9999") << "org.dmremap.Disk1.GetHistory" << history("0", "9223372036854775807", "9223372036854775807")
                                               << "org.dmremap.Error.InvalidArgument";
    }
    void attackMalformedArguments()
    {
        QFETCH(QString, method);
        QFETCH(QStringList, arguments);
        QFETCH(QString, error);
        QString output;
        QCOMPARE(gdbusError(method, arguments, true, &output), error);
        rootIsServed(qPrintable(method));
    }

    void ctlPathTricks()
    {
        const QString ctl = QStringLiteral(CTL_BIN);
        Run r = run(ctl, {QStringLiteral("--json"), QStringLiteral("smart"), QStringLiteral("/dev/../dev/") + m_diskInfo.name}, false);
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QLatin1String("\"verdict\"")));

        QVERIFY(QFile::link(m_diskInfo.path, path(QStringLiteral("disk-link"))));
        r = run(ctl, {QStringLiteral("smart"), path(QStringLiteral("disk-link"))}, false);
        QCOMPARE(r.exitCode, 0);

        QVERIFY(QFile::link(QStringLiteral("/dev/null"), path(QStringLiteral("null-link"))));
        r = run(ctl, {QStringLiteral("smart"), path(QStringLiteral("null-link"))}, false);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("not a block device")), qPrintable(r.err));

        r = run(ctl, {QStringLiteral("smart"), QStringLiteral("/etc/passwd")}, false);
        QCOMPARE(r.exitCode, 2);

        r = run(ctl, {QStringLiteral("smart"), QStringLiteral("/dev/nonexistent")}, false);
        QCOMPARE(r.exitCode, 4);

        // A whole disk the helper does not offer (a loop device is virtual).
        if (QFile::exists(QStringLiteral("/dev/loop0"))) {
            r = run(ctl, {QStringLiteral("smart"), QStringLiteral("/dev/loop0")}, false);
            QCOMPARE(r.exitCode, 4);
            QVERIFY(r.err.contains(QLatin1String("not one of the helper's disks")));
        }
    }

    void ctlCommands()
    {
        const QString ctl = QStringLiteral(CTL_BIN);
        Run r = run(ctl, {QStringLiteral("disks")}, false);
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith(QLatin1String("DISK")));
        QVERIFY(r.out.contains(m_diskInfo.path));

        r = run(ctl, {QStringLiteral("--json"), QStringLiteral("disks")}, false);
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("\"object\": \"%1\"").arg(m_disk)));

        r = run(ctl, {QStringLiteral("pair"), QStringLiteral("create"), QStringLiteral("x"), m_diskInfo.path, m_diskInfo.path}, false);
        QCOMPARE(r.exitCode, 2); // --erase-spare missing
        QVERIFY(r.err.contains(QLatin1String("--erase-spare")));

        r = run(ctl, {QStringLiteral("frobnicate")}, false);
        QCOMPARE(r.exitCode, 2);

        r = run(ctl, {QStringLiteral("--no-interaction"), QStringLiteral("disks")}, true);
        QCOMPARE(r.exitCode, 3); // not authorized
        QVERIFY(r.err.contains(QLatin1String("AccessDenied")));

        r = run(ctl, {QStringLiteral("remaps"), QStringLiteral("nopair")}, false);
        QCOMPARE(r.exitCode, 4);
    }

    // On a terminal, dm-remapctl starts polkit's text agent, which asks for
    // the password there. Nobody answers: the call is cut off after 10 s and
    // the self-test must not have started.
    void ctlAsksOnTerminal()
    {
        setNobodyRule(true, "org.dmremap.read");
        const QString command = QStringLiteral("%1 self-test %2 short").arg(QStringLiteral(CTL_BIN), m_diskInfo.path);
        const Run r = run(QStringLiteral("timeout"), {QStringLiteral("10"), QStringLiteral("script"), QStringLiteral("-qec"), command,
                                                      QStringLiteral("/dev/null")},
                          true);
        setNobodyRule(false);
        QVERIFY2(r.out.contains(QLatin1String("AUTHENTICATING FOR org.dmremap.self-test")), qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(QLatin1String("Password:")), qPrintable(r.out));
        QCOMPARE(r.exitCode, 124);
        QTRY_VERIFY2_WITH_TIMEOUT(helperLog().contains("refused org.dmremap.Smart1.StartSelfTest"), helperLog().constData(), 10000);
    }

    // As root, a session bus would let whoever owns polkit's name there
    // answer every check.
    void sessionBusRefusedAsRoot()
    {
        QProcess helper;
        QProcessEnvironment env = environment();
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), m_address);
        helper.setProcessEnvironment(env);
        helper.start(QStringLiteral(HELPER_BIN), {QStringLiteral("--bus"), QStringLiteral("session"), QStringLiteral("--state-dir"),
                                                 path(QStringLiteral("state"))});
        const bool finished = helper.waitForFinished(5000);
        if (!finished) {
            helper.kill();
            helper.waitForFinished();
        }
        QVERIFY2(finished, "the helper served a session bus as root");
        QCOMPARE(helper.exitCode(), 2);
        QVERIFY(helper.readAllStandardError().contains("--bus session is refused as root"));
    }

    // Only self-tests keep an administrator's authentication for a while;
    // every other change asks each time. Reads are for the active session.
    void polkitDefaults()
    {
        QFile f(QStringLiteral(POLICY_FILE));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&f);
        QMap<QString, QStringList> defaults;
        QString action;
        while (!xml.atEnd()) {
            if (xml.readNext() != QXmlStreamReader::StartElement)
                continue;
            if (xml.name() == QLatin1String("action"))
                action = xml.attributes().value(QLatin1String("id")).toString();
            else if (xml.name() == QLatin1String("allow_any") || xml.name() == QLatin1String("allow_inactive")
                     || xml.name() == QLatin1String("allow_active"))
                defaults[action] << xml.readElementText();
        }
        const QStringList admin{QStringLiteral("auth_admin"), QStringLiteral("auth_admin"), QStringLiteral("auth_admin")};
        const QStringList kept{QStringLiteral("auth_admin_keep"), QStringLiteral("auth_admin_keep"), QStringLiteral("auth_admin_keep")};
        QCOMPARE(defaults.size(), 9);
        QCOMPARE(defaults.value(QStringLiteral("org.dmremap.read")),
                 QStringList({QStringLiteral("auth_admin_keep"), QStringLiteral("auth_admin_keep"), QStringLiteral("yes")}));
        QCOMPARE(defaults.value(QStringLiteral("org.dmremap.self-test")), kept);
        QCOMPARE(defaults.value(QStringLiteral("org.dmremap.scan")), kept);
        for (const char *id : {"org.dmremap.remap", "org.dmremap.assemble", "org.dmremap.import", "org.dmremap.create-pair",
                               "org.dmremap.remove-pair", "org.dmremap.replace-main"})
            QCOMPARE(defaults.value(QLatin1String(id)), admin);
    }

    void ctlWithoutHelper()
    {
        QProcessEnvironment env = environment();
        QProcess p;
        env.insert(QStringLiteral("DBUS_SYSTEM_BUS_ADDRESS"), QStringLiteral("unix:path=") + path(QStringLiteral("no-bus")));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(CTL_BIN), {QStringLiteral("disks")});
        QVERIFY(p.waitForFinished(20000));
        QCOMPARE(p.exitCode(), 5);
    }
};

QTEST_GUILESS_MAIN(TestService)
#include "tst_service.moc"
