// dm-remapctl: talks to dm-remap-helper (org.dmremap.Manager1) for people
// and scripts, like udisksctl does for udisks. Exit codes: docs/dm-remapctl.md.
#include "dbustypes.h"
#include "disks.h"
#include "ttyagent.h"
#include "validation.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDateTime>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTextStream>
#include <QTimer>

#include <array>
#include <cstdio>
#include <functional>
#include <optional>
#include <unistd.h>

namespace {

enum ExitCode {
    ExitOk = 0,
    ExitFailed = 1,       // the helper refused or the operation failed
    ExitUsage = 2,        // bad command line
    ExitNotAuthorized = 3,
    ExitNotFound = 4,     // no such disk or pair
    ExitNoHelper = 5,     // the helper cannot be reached
};

const QString kService = QStringLiteral("org.dmremap.Manager1");
const QString kManagerPath = QStringLiteral("/org/dmremap/Manager1");
const QString kManagerInterface = QStringLiteral("org.dmremap.Manager1");
const QString kSmartInterface = QStringLiteral("org.dmremap.Smart1");
const QString kPairInterface = QStringLiteral("org.dmremap.Pair1");
// Long enough for a password dialog and a slow disk.
constexpr int kCallTimeoutMs = 10 * 60 * 1000;

QTextStream out(stdout);
QTextStream err(stderr);

const char kUsage[] =
        "usage: dm-remapctl [--json] [--no-interaction] <command> [arguments]\n"
        "\n"
        "commands:\n"
        "  check                                  what this system lacks for dm-remap, and the next step\n"
        "  disks                                  list whole disks\n"
        "  smart <disk> [--refresh] [--attributes] [--self-tests] [--raw]\n"
        "  self-test <disk> short|extended|abort  start or abort a SMART self-test\n"
        "  device-type <disk> <type>              smartctl -d type for the disk (\"auto\" to reset)\n"
        "  pair create <name> <main-disk> <spare-disk> --erase-spare [--block-size N] [--read-retries N]\n"
        "  pair remove <name> [--force]           write moved blocks back to the main disk, then remove;\n"
        "                                         --force removes even if some cannot go back (their data is lost)\n"
        "  pair replace <name> <new-disk> --erase-new-disk [--no-wait]\n"
        "                                         copy the pair to a new disk while in use, then\n"
        "                                         /dev/mapper/<name> is the new disk alone and the pair ends;\n"
        "                                         everything on the new disk is erased\n"
        "  pair replace <name> --cancel           stop a running or interrupted replacement\n"
        "  pair list\n"
        "  remaps <pair> [--offset N] [--count N] list remaps (main sector -> spare sector)\n"
        "  pending <pair>                         list blocks that failed to read\n"
        "  map <pair> [--buckets N]               remaps and pending blocks per part of the disk\n"
        "  remap <pair> <sector>                  move the block holding sector to the spare now\n"
        "  forecast <pair>                        when the spare will be full, and the main disk's risk\n"
        "  scan start|stop|status <pair>          the background scan that reads the whole pair: start a\n"
        "                                         pass now (or go on with one), stop it, or show it\n"
        "  history <pair|disk> [--from T] [--to T] [--resolution S]\n"
        "                                         blocks moved and pending, or SMART values, over time;\n"
        "                                         T: unix seconds or ISO date (UTC), default the last 30 days;\n"
        "                                         S: seconds per line, default 86400\n"
        "  assemble                               start the pairs recorded on this system\n"
        "  import <spare-disk> [--dry-run]        show, then start and record, the pair on a spare\n"
        "                                         this system has no record of (old pairs, moved disks)\n"
        "  monitor                                print events as they happen\n"
        "\n"
        "<disk> is a device path (/dev/sda, /dev/disk/by-id/...), a disk id or object path.\n"
        "<pair> is a pair name.\n";

struct Options {
    bool json = false;
    bool interactive = true;
    QStringList args;
};

int usage(const QString &why)
{
    if (!why.isEmpty())
        err << "dm-remapctl: " << why << "\n";
    err << kUsage;
    err.flush();
    return ExitUsage;
}

// Maps a D-Bus error to a message and an exit code.
int fail(const QDBusError &error)
{
    const QString name = error.name();
    err << "dm-remapctl: " << Validation::sanitize(error.message(), 1000) << " (" << name << ")\n";
    err.flush();
    if (name == QLatin1String("org.freedesktop.DBus.Error.AccessDenied"))
        return ExitNotAuthorized;
    if (name == QLatin1String(Validation::Errors::NotFound))
        return ExitNotFound;
    if (name == QLatin1String("org.freedesktop.DBus.Error.ServiceUnknown")
        || name == QLatin1String("org.freedesktop.DBus.Error.NoReply")
        || name == QLatin1String("org.freedesktop.DBus.Error.NameHasNoOwner"))
        return ExitNoHelper;
    return ExitFailed;
}

int failText(const QString &text, int code)
{
    err << "dm-remapctl: " << text << "\n";
    err.flush();
    return code;
}

QJsonValue toJson(const QVariant &v)
{
    if (v.canConvert<QDBusObjectPath>() && v.metaType() == QMetaType::fromType<QDBusObjectPath>())
        return v.value<QDBusObjectPath>().path();
    if (v.metaType() == QMetaType::fromType<qulonglong>())
        return double(v.toULongLong()); // exact up to 2^53
    return QJsonValue::fromVariant(v);
}

QJsonObject toJson(const QVariantMap &map)
{
    QJsonObject o;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        o.insert(it.key(), toJson(it.value()));
    return o;
}

// Disks and pairs: each object's dictionary plus its object path.
QJsonArray toJson(const DmRemap::ObjectInfoList &objects)
{
    QJsonArray list;
    for (const DmRemap::ObjectInfo &object : objects) {
        QJsonObject o = toJson(object.info);
        o.insert(QStringLiteral("object"), object.path.path());
        list << o;
    }
    return list;
}

void printJson(const QJsonValue &value)
{
    const QJsonDocument doc = value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    out << doc.toJson(QJsonDocument::Indented);
    out.flush();
}

QString humanSize(qulonglong bytes)
{
    return QLocale::c().formattedDataSize(qint64(bytes), 1, QLocale::DataSizeIecFormat);
}

QString utcDate(qint64 secs)
{
    return QDateTime::fromSecsSinceEpoch(secs, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd"));
}

QString percent(double ratio)
{
    return QString::number(ratio * 100, 'f', 1) + QLatin1Char('%');
}

QString column(const QString &text, int width)
{
    return text.leftJustified(width, QLatin1Char(' '), true) + QLatin1Char(' ');
}

// The copy's progress on stderr: on a terminal one line rewritten in place,
// elsewhere (logs, scripts) one line per whole 10 % step.
class ProgressLine
{
public:
    explicit ProgressLine(const QString &target) : m_target(target), m_tty(::isatty(STDERR_FILENO) == 1) {}
    ~ProgressLine() { end(); }

    void show(qulonglong copied, qulonglong total)
    {
        if (total == 0)
            return;
        copied = qMin(copied, total);
        const QString line = QStringLiteral("copying to %1: %2 % (%3 of %4)")
                                     .arg(m_target)
                                     .arg(100.0 * double(copied) / double(total), 0, 'f', 1)
                                     .arg(humanSize(copied * 512), humanSize(total * 512));
        if (m_tty) {
            err << "\r" << line.leftJustified(m_width);
            m_width = line.size();
        } else {
            const int step = int((unsigned __int128)copied * 10 / total);
            if (step <= m_step)
                return;
            m_step = step;
            err << line << "\n";
        }
        err.flush();
    }

    // Ends the line rewritten in place, before other messages.
    void end()
    {
        if (m_width > 0) {
            err << "\n";
            err.flush();
            m_width = 0;
        }
    }

private:
    QString m_target;
    bool m_tty;
    int m_width = 0;
    int m_step = -1;
};

QString replaceCommand(const QString &name, const QString &disk)
{
    return QStringLiteral("dm-remapctl pair replace %1 %2 --erase-new-disk").arg(name, disk.isEmpty() ? QStringLiteral("<disk>") : disk);
}

// A pair's replacement as GetStatus and GetPairs show it, for pair list.
QString describeReplace(const QVariantMap &status)
{
    const QString state = status.value(QStringLiteral("replace-state")).toString();
    const QString name = status.value(QStringLiteral("name")).toString();
    const QString disk = status.value(QStringLiteral("replace-disk-path")).toString();
    if (state == QLatin1String("copying")) {
        const qulonglong total = status.value(QStringLiteral("replace-total")).toULongLong();
        const qulonglong copied = qMin(status.value(QStringLiteral("replace-copied")).toULongLong(), total);
        return QStringLiteral("replacing main disk with %1: %2 %")
                .arg(disk)
                .arg(total ? int((unsigned __int128)copied * 100 / total) : 0);
    }
    if (state == QLatin1String("interrupted"))
        return QStringLiteral("replacement interrupted by a restart: run `%1` again or `dm-remapctl pair replace %2 --cancel`")
                .arg(replaceCommand(name, disk), name);
    return QStringLiteral("replacing main disk with %1: %2").arg(disk, state);
}

// Hands the helper's signals to a function (QDBusConnection::connect needs a slot).
class SignalReceiver : public QObject
{
    Q_OBJECT
public:
    explicit SignalReceiver(std::function<void(const QDBusMessage &)> handle) : m_handle(std::move(handle)) {}
public Q_SLOTS:
    void onSignal(const QDBusMessage &message) { m_handle(message); }

private:
    std::function<void(const QDBusMessage &)> m_handle;
};

class Client
{
public:
    explicit Client(const Options &options)
        : m_options(options)
        , m_bus(QDBusConnection::systemBus())
    {
    }

    bool connected() const { return m_bus.isConnected(); }

    // Every call may need a password (even reading, for a user outside an
    // active local session): the generated proxies cannot flag a call as
    // allowing interactive authorization, so calls are messages of their own.
    template<typename... T>
    QDBusPendingReply<T...> call(const QString &path, const QString &interface, const QString &method,
                                 const QVariantList &args = {}) const
    {
        QDBusMessage call = QDBusMessage::createMethodCall(kService, path, interface, method);
        call.setArguments(args);
        call.setInteractiveAuthorizationAllowed(m_options.interactive);
        if (m_options.interactive)
            m_ttyAgent.startIfUseful();
        return QDBusPendingReply<T...>(m_bus.call(call, QDBus::Block, kCallTimeoutMs));
    }

    // Calls method on the pair named name. A bad name, an unknown pair or a
    // refused call is printed and gives nullopt with *code set to the exit code.
    template<typename... T>
    std::optional<QDBusPendingReply<T...>> callPair(const QString &name, const QString &method, const QVariantList &args,
                                                    int *code, QDBusObjectPath *pairPath = nullptr)
    {
        const auto path = findPair(name, code);
        if (!path)
            return std::nullopt;
        if (pairPath)
            *pairPath = *path;
        auto reply = call<T...>(path->path(), kPairInterface, method, args);
        if (reply.isError()) {
            *code = fail(reply.error());
            return std::nullopt;
        }
        return reply;
    }

    int check();
    int disks();
    int smart(const QStringList &args);
    int selfTest(const QStringList &args);
    int deviceType(const QStringList &args);
    int pair(const QStringList &args);
    int remaps(const QStringList &args);
    int pending(const QStringList &args);
    int map(const QStringList &args);
    int forecast(const QStringList &args);
    int scan(const QStringList &args);
    int history(const QStringList &args);
    int remap(const QStringList &args);
    int assemble();
    int importPair(const QStringList &args);
    int monitor();

private:
    // Finds a disk's object path from a path, id or object path; its device
    // path (/dev/sdb) in *devicePath.
    std::optional<QDBusObjectPath> findDisk(const QString &spec, int *code, QString *devicePath = nullptr);
    std::optional<QDBusObjectPath> findPair(const QString &name, int *code);
    int pairList();
    int pairRemove(const QString &name, bool force);
    int pairCreate(const QStringList &args);
    int pairReplace(const QStringList &args);
    QString waitForReplace(const QDBusObjectPath &pair, const QString &diskPath, std::function<void(const QDBusMessage &)> &onSignal);
    void printEvent(const QString &what, const QString &path, const QJsonObject &details);

    Options m_options;
    QDBusConnection m_bus;
    mutable TtyAgent m_ttyAgent;
};

std::optional<QDBusObjectPath> Client::findDisk(const QString &spec, int *code, QString *diskPath)
{
    auto reply = call<DmRemap::ObjectInfoList>(kManagerPath, kManagerInterface, QStringLiteral("GetDisks"));
    if (reply.isError()) {
        *code = fail(reply.error());
        return std::nullopt;
    }
    QString devicePath;
    if (spec.startsWith(QLatin1String("/dev/")) || (spec.startsWith(QLatin1Char('/')) && !spec.startsWith(kManagerPath))) {
        Udev udev;
        Validation::Error error;
        const Disks::ResolvedPath resolved = Disks::resolveWholeDiskPath(udev, spec, &error);
        if (error.isError()) {
            *code = failText(error.message, error.name == QLatin1String(Validation::Errors::NotFound) ? ExitNotFound : ExitUsage);
            return std::nullopt;
        }
        devicePath = resolved.devicePath;
    }
    for (const DmRemap::ObjectInfo &disk : reply.value()) {
        if (disk.path.path() == spec || disk.info.value(QStringLiteral("id")).toString() == spec
            || (!devicePath.isEmpty() && disk.info.value(QStringLiteral("path")).toString() == devicePath)) {
            if (diskPath)
                *diskPath = disk.info.value(QStringLiteral("path")).toString();
            return disk.path;
        }
    }
    *code = failText(QStringLiteral("%1 is not one of the helper's disks (see dm-remapctl disks)").arg(Validation::sanitize(spec)),
                     ExitNotFound);
    return std::nullopt;
}

std::optional<QDBusObjectPath> Client::findPair(const QString &name, int *code)
{
    if (!Validation::isValidPairName(name)) {
        *code = failText(QStringLiteral("\"%1\" is not a valid pair name").arg(Validation::sanitize(name)), ExitUsage);
        return std::nullopt;
    }
    auto reply = call<DmRemap::ObjectInfoList>(kManagerPath, kManagerInterface, QStringLiteral("GetPairs"));
    if (reply.isError()) {
        *code = fail(reply.error());
        return std::nullopt;
    }
    for (const DmRemap::ObjectInfo &pair : reply.value())
        if (pair.info.value(QStringLiteral("name")).toString() == name)
            return pair.path;
    *code = failText(QStringLiteral("no pair named %1 (see dm-remapctl pair list)").arg(name), ExitNotFound);
    return std::nullopt;
}

int Client::check()
{
    auto reply = call<QVariantMap>(kManagerPath, kManagerInterface, QStringLiteral("GetSystemStatus"));
    if (reply.isError())
        return fail(reply.error());
    const QVariantMap &s = reply.value();
    const bool deviceMapper = s.value(QStringLiteral("device-mapper")).toBool();
    const bool target = s.value(QStringLiteral("remap-target")).toString() == QLatin1String("loaded");
    const QString smartctl = s.value(QStringLiteral("smartctl")).toString();
    const bool ready = deviceMapper && target && !smartctl.isEmpty();
    if (m_options.json) {
        printJson(toJson(s));
        return ready ? ExitOk : ExitFailed;
    }
    const QString kernel = s.value(QStringLiteral("kernel-release")).toString();
    const QString lockdown = s.value(QStringLiteral("lockdown")).toString();
    out << "kernel: " << kernel << ", Secure Boot " << s.value(QStringLiteral("secure-boot")).toString() << ", lockdown "
        << (lockdown.isEmpty() ? QStringLiteral("not reported") : lockdown) << "\n";
    if (deviceMapper)
        out << "device-mapper: yes\n";
    else
        out << "device-mapper: missing: this kernel was built without it (CONFIG_BLK_DEV_DM); use a distribution kernel\n";
    if (target) {
        out << "dm-remap target: loaded, version " << s.value(QStringLiteral("remap-target-version")).toString() << "\n";
    } else if (deviceMapper) {
        const QString install = QStringLiteral("dm-remap-dkms and linux-headers-%1 (then: dkms autoinstall)").arg(kernel);
        if (lockdown == QLatin1String("integrity") || lockdown == QLatin1String("confidentiality"))
            out << "dm-remap target: cannot be loaded: the kernel is locked down and loads only modules signed by a key it "
                   "trusts: enrol DKMS's key with \"mokutil --import /var/lib/dkms/mok.pub\" and reboot (if the module is "
                   "not installed, first install "
                << install << ")\n";
        else
            out << "dm-remap target: cannot be loaded: install " << install << "\n";
    }
    if (smartctl.isEmpty())
        out << "smartctl: missing: install smartmontools\n";
    else
        out << "smartctl: " << smartctl << "\n";
    out << (ready ? "ready\n" : "not ready\n");
    out.flush();
    return ready ? ExitOk : ExitFailed;
}

int Client::disks()
{
    auto reply = call<DmRemap::ObjectInfoList>(kManagerPath, kManagerInterface, QStringLiteral("GetDisks"));
    if (reply.isError())
        return fail(reply.error());
    if (m_options.json) {
        printJson(toJson(reply.value()));
        return ExitOk;
    }
    out << column(QStringLiteral("DISK"), 14) << column(QStringLiteral("SIZE"), 10) << column(QStringLiteral("MODEL"), 20)
        << column(QStringLiteral("SERIAL"), 20) << column(QStringLiteral("BUS"), 7) << column(QStringLiteral("ROLE"), 6)
        << column(QStringLiteral("SMART"), 8) << "IN USE\n";
    for (const DmRemap::ObjectInfo &d : reply.value()) {
        const QVariantMap &i = d.info;
        out << column(i.value(QStringLiteral("path")).toString(), 14)
            << column(humanSize(i.value(QStringLiteral("size")).toULongLong()), 10)
            << column(i.value(QStringLiteral("model")).toString(), 20)
            << column(i.value(QStringLiteral("serial")).toString(), 20)
            << column(i.value(QStringLiteral("transport")).toString(), 7)
            << column(i.value(QStringLiteral("role")).toString(), 6)
            << column(i.value(QStringLiteral("smart-verdict")).toString(), 8)
            << (i.value(QStringLiteral("in-use")).toBool() ? i.value(QStringLiteral("in-use-reason")).toString() : QStringLiteral("-"))
            << "\n";
    }
    out.flush();
    return ExitOk;
}

int Client::smart(const QStringList &args)
{
    QString disk;
    bool refresh = false, attributes = false, selfTests = false, raw = false;
    for (const QString &a : args) {
        if (a == QLatin1String("--refresh"))
            refresh = true;
        else if (a == QLatin1String("--attributes"))
            attributes = true;
        else if (a == QLatin1String("--self-tests"))
            selfTests = true;
        else if (a == QLatin1String("--raw"))
            raw = true;
        else if (disk.isEmpty() && !a.startsWith(QLatin1String("--")))
            disk = a;
        else
            return usage(QStringLiteral("unexpected argument %1").arg(Validation::sanitize(a)));
    }
    if (disk.isEmpty())
        return usage(QStringLiteral("smart needs a disk"));
    int code = ExitOk;
    const auto path = findDisk(disk, &code);
    if (!path)
        return code;
    const QString smart = path->path();
    if (refresh) {
        auto r = call<>(smart, kSmartInterface, QStringLiteral("Refresh"));
        if (r.isError())
            return fail(r.error());
    }
    if (raw) {
        auto r = call<QString>(smart, kSmartInterface, QStringLiteral("GetRawJson"));
        if (r.isError())
            return fail(r.error());
        out << r.value() << "\n";
        out.flush();
        return ExitOk;
    }
    auto summary = call<QVariantMap>(smart, kSmartInterface, QStringLiteral("GetSmart"));
    auto attrs = call<DmRemap::SmartAttributeList>(smart, kSmartInterface, QStringLiteral("GetAttributes"));
    auto tests = call<DmRemap::SelfTestList>(smart, kSmartInterface, QStringLiteral("GetSelfTests"));
    for (const QDBusError &e : {summary.error(), attrs.error(), tests.error()})
        if (e.isValid())
            return fail(e);
    const QVariantMap s = summary.value();
    if (m_options.json) {
        QJsonObject o = toJson(s);
        QJsonArray a;
        for (const DmRemap::SmartAttribute &x : attrs.value())
            a << QJsonObject{{QStringLiteral("id"), int(x.id)}, {QStringLiteral("name"), x.name},
                             {QStringLiteral("value"), int(x.value)}, {QStringLiteral("worst"), int(x.worst)},
                             {QStringLiteral("threshold"), int(x.threshold)}, {QStringLiteral("raw"), double(x.raw)},
                             {QStringLiteral("raw-string"), x.rawString}, {QStringLiteral("status"), x.status}};
        o.insert(QStringLiteral("attributes"), a);
        QJsonArray t;
        for (const DmRemap::SelfTest &x : tests.value())
            t << QJsonObject{{QStringLiteral("type"), x.type}, {QStringLiteral("status"), x.status},
                             {QStringLiteral("lifetime-hours"), int(x.lifetimeHours)},
                             {QStringLiteral("remaining-percent"), x.remainingPercent},
                             {QStringLiteral("failing-lba"), double(x.failingLba)}};
        o.insert(QStringLiteral("self-tests"), t);
        printJson(o);
        return ExitOk;
    }
    if (!s.value(QStringLiteral("available")).toBool()) {
        out << "SMART: not available: " << s.value(QStringLiteral("unavailable-reason")).toString() << "\n";
        out.flush();
        return ExitOk;
    }
    out << "verdict: " << s.value(QStringLiteral("verdict")).toString() << " (" << s.value(QStringLiteral("verdict-reason")).toString() << ")\n";
    const QList<QPair<QString, QString>> fields = {
            {QStringLiteral("temperature"), QStringLiteral("temperature (C)")},
            {QStringLiteral("power-on-hours"), QStringLiteral("power-on hours")},
            {QStringLiteral("reallocated-sectors"), QStringLiteral("reallocated sectors")},
            {QStringLiteral("pending-sectors"), QStringLiteral("pending sectors")},
            {QStringLiteral("offline-uncorrectable"), QStringLiteral("offline uncorrectable")},
            {QStringLiteral("nvme-critical-warning"), QStringLiteral("NVMe critical warning")},
            {QStringLiteral("nvme-media-errors"), QStringLiteral("NVMe media errors")},
            {QStringLiteral("nvme-percentage-used"), QStringLiteral("NVMe percentage used")},
            {QStringLiteral("nvme-available-spare"), QStringLiteral("NVMe available spare (%)")},
    };
    for (const auto &f : fields)
        if (s.contains(f.first))
            out << f.second << ": " << s.value(f.first).toString() << "\n";
    if (s.value(QStringLiteral("self-test-running")).toBool())
        out << "self-test running, " << s.value(QStringLiteral("self-test-remaining-percent")).toInt() << "% remaining\n";
    if (attributes) {
        out << "\n" << column(QStringLiteral("ID"), 4) << column(QStringLiteral("NAME"), 26) << column(QStringLiteral("VALUE"), 6)
            << column(QStringLiteral("WORST"), 6) << column(QStringLiteral("THRESH"), 6) << column(QStringLiteral("RAW"), 24) << "STATUS\n";
        for (const DmRemap::SmartAttribute &x : attrs.value())
            out << column(QString::number(x.id), 4) << column(x.name, 26) << column(QString::number(x.value), 6)
                << column(QString::number(x.worst), 6) << column(QString::number(x.threshold), 6) << column(x.rawString, 24)
                << x.status << "\n";
    }
    if (selfTests) {
        out << "\n" << column(QStringLiteral("TYPE"), 18) << column(QStringLiteral("STATUS"), 36) << column(QStringLiteral("HOURS"), 7)
            << "FIRST FAILING LBA\n";
        for (const DmRemap::SelfTest &x : tests.value())
            out << column(x.type, 18) << column(x.status, 36) << column(QString::number(x.lifetimeHours), 7)
                << (x.failingLba < 0 ? QStringLiteral("-") : QString::number(x.failingLba)) << "\n";
    }
    out.flush();
    return ExitOk;
}

int Client::selfTest(const QStringList &args)
{
    if (args.size() != 2 || !QStringList{QStringLiteral("short"), QStringLiteral("extended"), QStringLiteral("abort")}.contains(args.at(1)))
        return usage(QStringLiteral("self-test needs a disk and short, extended or abort"));
    int code = ExitOk;
    const auto path = findDisk(args.at(0), &code);
    if (!path)
        return code;
    auto r = args.at(1) == QLatin1String("abort")
            ? call<>(path->path(), kSmartInterface, QStringLiteral("AbortSelfTest"))
            : call<>(path->path(), kSmartInterface, QStringLiteral("StartSelfTest"), {args.at(1)});
    return r.isError() ? fail(r.error()) : ExitOk;
}

int Client::deviceType(const QStringList &args)
{
    if (args.size() != 2)
        return usage(QStringLiteral("device-type needs a disk and a type"));
    int code = ExitOk;
    const auto path = findDisk(args.at(0), &code);
    if (!path)
        return code;
    auto r = call<>(path->path(), kSmartInterface, QStringLiteral("SetDeviceType"), {args.at(1)});
    return r.isError() ? fail(r.error()) : ExitOk;
}

int Client::pair(const QStringList &args)
{
    const QString sub = args.value(0);
    if (sub == QLatin1String("list") && args.size() == 1)
        return pairList();
    if (sub == QLatin1String("remove") && (args.size() == 2 || (args.size() == 3 && args.at(2) == QLatin1String("--force"))))
        return pairRemove(args.at(1), args.size() == 3);
    if (sub == QLatin1String("create"))
        return pairCreate(args);
    if (sub == QLatin1String("replace"))
        return pairReplace(args);
    return usage(QStringLiteral("pair needs create, remove, replace or list"));
}

int Client::pairList()
{
    auto reply = call<DmRemap::ObjectInfoList>(kManagerPath, kManagerInterface, QStringLiteral("GetPairs"));
    if (reply.isError())
        return fail(reply.error());
    if (m_options.json) {
        printJson(toJson(reply.value()));
        return ExitOk;
    }
    out << column(QStringLiteral("NAME"), 16) << column(QStringLiteral("MAIN"), 14) << column(QStringLiteral("SPARE"), 14)
        << column(QStringLiteral("REMAPPED"), 16) << column(QStringLiteral("PENDING"), 8) << "STATE\n";
    for (const DmRemap::ObjectInfo &p : reply.value()) {
        const QVariantMap &i = p.info;
        out << column(i.value(QStringLiteral("name")).toString(), 16)
            << column(i.value(QStringLiteral("main-path")).toString(), 14)
            << column(i.value(QStringLiteral("spare-path")).toString(), 14)
            << column(QStringLiteral("%1/%2").arg(i.value(QStringLiteral("remapped")).toULongLong()).arg(i.value(QStringLiteral("capacity")).toULongLong()), 16)
            << column(QString::number(i.value(QStringLiteral("pending")).toULongLong()), 8)
            << i.value(QStringLiteral("state")).toString() << "\n";
        if (!i.value(QStringLiteral("replace-state")).toString().isEmpty())
            out << "  " << describeReplace(i) << "\n";
        // Only a forecast that exists: "forecast <pair>" says why there is none.
        const auto forecast = call<QVariantMap>(p.path.path(), kPairInterface, QStringLiteral("GetForecast"));
        if (!forecast.isError() && forecast.value().value(QStringLiteral("forecast")).toBool()) {
            const QVariantMap &f = forecast.value();
            out << "  spare full around " << utcDate(f.value(QStringLiteral("likely")).toLongLong()) << " ("
                << QString::number(f.value(QStringLiteral("days-left")).toDouble(), 'f', 0) << " days; 80% from "
                << utcDate(f.value(QStringLiteral("earliest")).toLongLong()) << ")\n";
        }
    }
    out.flush();
    return ExitOk;
}

int Client::pairRemove(const QString &name, bool force)
{
    int code = ExitOk;
    const auto r = callPair<QVariantMap>(name, QStringLiteral("RemoveWithOptions"),
                                         {QVariantMap{{QStringLiteral("force"), force}}}, &code);
    if (!r)
        return code;
    const QVariantMap result = r->value();
    if (m_options.json) {
        printJson(toJson(result));
        return ExitOk;
    }
    const qulonglong written = result.value(QStringLiteral("written-back")).toULongLong();
    const qulonglong lost = result.value(QStringLiteral("lost")).toULongLong();
    const qulonglong unreadable = result.value(QStringLiteral("unreadable")).toULongLong();
    out << "removed " << name << ": " << written << " moved blocks written back to the main disk and verified\n";
    if (lost > 0)
        out << "warning: " << lost << " moved blocks could not be written back: on the main disk they hold old or "
            << "unreadable data; their newest data is only on the spare (dm-remapctl assemble brings the pair back)\n";
    if (unreadable > 0)
        out << "warning: " << unreadable << " blocks that failed to read were never rewritten: they remain unreadable on the main disk\n";
    if (lost == 0 && unreadable == 0)
        out << "the main disk now holds all of the pair's data\n";
    out.flush();
    return ExitOk;
}

int Client::pairCreate(const QStringList &args)
{
    QStringList positional;
    QVariantMap options;
    for (int i = 1; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (a == QLatin1String("--erase-spare")) {
            options.insert(QStringLiteral("erase-spare"), true);
        } else if ((a == QLatin1String("--block-size") || a == QLatin1String("--read-retries")) && i + 1 < args.size()) {
            bool ok = false;
            const uint v = args.at(++i).toUInt(&ok);
            if (!ok)
                return usage(QStringLiteral("%1 needs a number").arg(a));
            options.insert(a.mid(2), v);
        } else if (a.startsWith(QLatin1String("--"))) {
            return usage(QStringLiteral("unknown option %1").arg(Validation::sanitize(a)));
        } else {
            positional << a;
        }
    }
    if (positional.size() != 3)
        return usage(QStringLiteral("pair create needs a name, a main disk and a spare disk"));
    if (!options.contains(QStringLiteral("erase-spare")))
        return usage(QStringLiteral("pair create destroys everything on the spare disk: confirm with --erase-spare"));
    int code = ExitOk;
    const auto main = findDisk(positional.at(1), &code);
    if (!main)
        return code;
    const auto spare = findDisk(positional.at(2), &code);
    if (!spare)
        return code;
    auto r = call<QDBusObjectPath>(kManagerPath, kManagerInterface, QStringLiteral("CreatePair"),
                                   {positional.at(0), QVariant::fromValue(*main), QVariant::fromValue(*spare), options});
    if (r.isError())
        return fail(r.error());
    if (m_options.json)
        printJson(QJsonObject{{QStringLiteral("pair"), r.value().path()},
                              {QStringLiteral("device"), QStringLiteral("/dev/mapper/") + positional.at(0)}});
    else
        out << "created /dev/mapper/" << positional.at(0) << "\n";
    out.flush();
    return ExitOk;
}

int Client::pairReplace(const QStringList &args)
{
    QStringList positional;
    bool erase = false, noWait = false, cancel = false;
    for (int i = 1; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (a == QLatin1String("--erase-new-disk"))
            erase = true;
        else if (a == QLatin1String("--no-wait"))
            noWait = true;
        else if (a == QLatin1String("--cancel"))
            cancel = true;
        else if (a.startsWith(QLatin1String("--")))
            return usage(QStringLiteral("unknown option %1").arg(Validation::sanitize(a)));
        else
            positional << a;
    }
    int code = ExitOk;
    if (cancel) {
        if (positional.size() != 1 || erase || noWait)
            return usage(QStringLiteral("pair replace --cancel takes only the pair's name"));
        const QString &name = positional.at(0);
        if (!callPair<>(name, QStringLiteral("CancelReplace"), {}, &code))
            return code;
        if (m_options.json)
            printJson(QJsonObject{{QStringLiteral("pair"), name}, {QStringLiteral("result"), QStringLiteral("cancelled")}});
        else
            out << "cancelled the replacement of the main disk of " << name << ": the pair goes on on its own disks\n";
        out.flush();
        return ExitOk;
    }
    if (positional.size() != 2)
        return usage(QStringLiteral("pair replace needs the pair's name and the new disk (or --cancel)"));
    if (!erase)
        return usage(QStringLiteral("pair replace destroys everything on the new disk %1: confirm with --erase-new-disk")
                             .arg(Validation::sanitize(positional.at(1))));
    const QString &name = positional.at(0);
    const auto pair = findPair(name, &code);
    if (!pair)
        return code;
    QString diskPath;
    const auto disk = findDisk(positional.at(1), &code, &diskPath);
    if (!disk)
        return code;
    if (diskPath.isEmpty())
        diskPath = disk->path();

    // Listen before the call: the copy of a small disk may end before
    // ReplaceMain's answer arrives.
    std::function<void(const QDBusMessage &)> onSignal;
    SignalReceiver receiver([&onSignal](const QDBusMessage &m) {
        if (onSignal)
            onSignal(m);
    });
    if (!noWait) {
        const QList<std::array<QString, 3>> subscriptions = {
                {pair->path(), kPairInterface, QStringLiteral("ReplaceProgress")},
                {pair->path(), kPairInterface, QStringLiteral("ReplaceFinished")},
                {kManagerPath, kManagerInterface, QStringLiteral("PairRemoved")},
        };
        for (const auto &s : subscriptions)
            if (!m_bus.connect(kService, s[0], s[1], s[2], &receiver, SLOT(onSignal(QDBusMessage))))
                return failText(QStringLiteral("cannot listen for %1: %2").arg(s[2], m_bus.lastError().message()), ExitNoHelper);
    }
    auto r = call<>(pair->path(), kPairInterface, QStringLiteral("ReplaceMain"),
                    {QVariant::fromValue(*disk), QVariantMap{{QStringLiteral("erase-new-disk"), true}}});
    if (r.isError())
        return fail(r.error());
    if (noWait) {
        if (m_options.json)
            printJson(QJsonObject{{QStringLiteral("pair"), name}, {QStringLiteral("result"), QStringLiteral("started")},
                                  {QStringLiteral("new-disk"), diskPath}});
        else
            out << "copying " << name << " to " << diskPath << " (dm-remapctl pair list shows the progress)\n";
        out.flush();
        return ExitOk;
    }
    if (!m_options.json) {
        out << "copying " << name << " to " << diskPath << "; /dev/mapper/" << name << " stays in use "
            << "(Ctrl+C stops only this waiting, dm-remapctl pair replace " << name << " --cancel the copy)\n";
        out.flush();
    }

    QString result = waitForReplace(*pair, diskPath, onSignal);
    if (m_options.json)
        printJson(QJsonObject{{QStringLiteral("pair"), name}, {QStringLiteral("result"), result},
                              {QStringLiteral("new-disk"), diskPath}});
    if (result == QLatin1String("done")) {
        if (!m_options.json) {
            out << "pair " << name << " replaced: /dev/mapper/" << name << " now uses " << diskPath << " alone\n";
            out.flush();
        }
        return ExitOk;
    }
    if (result == QLatin1String("cancelled"))
        return failText(QStringLiteral("the replacement of the main disk of %1 was cancelled: the pair goes on on its own disks").arg(name),
                        ExitFailed);
    if (result == QLatin1String("failed"))
        return failText(QStringLiteral("replacing the main disk of %1 failed (a disk failed during the copy): the pair goes on "
                                       "on its own disks (journalctl -u dm-remap-helper says why)").arg(name),
                        ExitFailed);
    if (result == QLatin1String("interrupted"))
        return failText(QStringLiteral("the replacement of the main disk of %1 was interrupted by a restart of the helper: run `%2` "
                                       "again or `dm-remapctl pair replace %1 --cancel`").arg(name, replaceCommand(name, diskPath)),
                        ExitFailed);
    if (result.startsWith(QLatin1String("error:")))
        return failText(QStringLiteral("cannot follow the replacement of the main disk of %1: %2 (dm-remapctl pair list shows it)")
                                .arg(name, result.mid(6)),
                        ExitNoHelper);
    return failText(QStringLiteral("the replacement of the main disk of %1 stopped but its result was missed: the pair goes on "
                                   "on its own disks (journalctl -u dm-remap-helper says why)").arg(name),
                    ExitFailed);
}

// Waits for the end of a replacement started on pair, from its signals and,
// should one be missed, GetStatus every 2 s. Returns ReplaceFinished's result,
// "done" when the pair went away, "interrupted" when the helper restarted,
// "unknown" when the copy stopped without a result seen, "error:<message>"
// when the helper cannot be asked.
QString Client::waitForReplace(const QDBusObjectPath &pair, const QString &diskPath,
                               std::function<void(const QDBusMessage &)> &onSignal)
{
    QEventLoop loop;
    QString result;
    ProgressLine progress(diskPath);
    auto finish = [&](const QString &r) {
        if (!result.isEmpty())
            return;
        result = r;
        progress.end();
        loop.quit();
    };
    onSignal = [&](const QDBusMessage &m) {
        const QVariantList a = m.arguments();
        if (m.member() == QLatin1String("ReplaceProgress"))
            progress.show(a.value(0).toULongLong(), a.value(1).toULongLong());
        else if (m.member() == QLatin1String("ReplaceFinished"))
            finish(a.value(0).toString());
        else if (m.member() == QLatin1String("PairRemoved") && a.value(0).value<QDBusObjectPath>() == pair)
            finish(QStringLiteral("done"));
    };

    QTimer poll;
    poll.setSingleShot(true);
    poll.setInterval(2000);
    int errors = 0;
    bool idleOnce = false;
    QObject::connect(&poll, &QTimer::timeout, [&] {
        // Never asks for a password every 2 s: if reading needs one, the
        // signals alone tell the end.
        QDBusMessage message = QDBusMessage::createMethodCall(kService, pair.path(), kPairInterface, QStringLiteral("GetStatus"));
        auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(message, 30 * 1000), &loop);
        QObject::connect(watcher, &QDBusPendingCallWatcher::finished, [&, watcher] {
            watcher->deleteLater();
            if (!result.isEmpty())
                return;
            const QDBusPendingReply<QVariantMap> reply = *watcher;
            if (reply.isError()) {
                const QString name = reply.error().name();
                if (name == QLatin1String("org.freedesktop.DBus.Error.UnknownObject")
                    || name == QLatin1String("org.freedesktop.DBus.Error.UnknownMethod")
                    || name == QLatin1String("org.freedesktop.DBus.Error.UnknownInterface")
                    || name == QLatin1String(Validation::Errors::NotFound))
                    return finish(QStringLiteral("done")); // the pair ended, as after PairRemoved
                if (name == QLatin1String(Validation::Errors::AccessDenied))
                    return;
                if (++errors >= 5)
                    return finish(QStringLiteral("error:") + Validation::sanitize(reply.error().message(), 1000));
                return poll.start();
            }
            errors = 0;
            const QVariantMap s = reply.value();
            const QString state = s.value(QStringLiteral("replace-state")).toString();
            if (state == QLatin1String("copying")) {
                idleOnce = false;
                progress.show(s.value(QStringLiteral("replace-copied")).toULongLong(), s.value(QStringLiteral("replace-total")).toULongLong());
            } else if (state == QLatin1String("interrupted")) {
                return finish(QStringLiteral("interrupted"));
            } else if (idleOnce) {
                // No copy twice in a row and no ReplaceFinished in between.
                return finish(QStringLiteral("unknown"));
            } else {
                // A ReplaceFinished sent just before this answer may still
                // be queued: decide at the next look.
                idleOnce = true;
            }
            poll.start();
        });
    });
    poll.start();
    loop.exec();
    onSignal = nullptr;
    return result;
}

int Client::remaps(const QStringList &args)
{
    QString name;
    qulonglong offset = 0;
    uint count = 65536;
    for (int i = 0; i < args.size(); ++i) {
        bool ok = true;
        if (args.at(i) == QLatin1String("--offset") && i + 1 < args.size())
            offset = args.at(++i).toULongLong(&ok);
        else if (args.at(i) == QLatin1String("--count") && i + 1 < args.size())
            count = args.at(++i).toUInt(&ok);
        else if (name.isEmpty() && !args.at(i).startsWith(QLatin1String("--")))
            name = args.at(i);
        else
            ok = false;
        if (!ok)
            return usage(QStringLiteral("bad argument %1").arg(Validation::sanitize(args.at(i))));
    }
    int code = ExitOk;
    const auto r = callPair<DmRemap::RemapList>(name, QStringLiteral("ListRemaps"), {offset, count}, &code);
    if (!r)
        return code;
    const DmRemap::RemapList remaps = r->value();
    if (m_options.json) {
        QJsonArray list;
        for (const DmRemap::Remap &x : remaps)
            list << QJsonObject{{QStringLiteral("main-sector"), double(x.mainSector)}, {QStringLiteral("spare-sector"), double(x.spareSector)}};
        printJson(list);
        return ExitOk;
    }
    out << column(QStringLiteral("MAIN SECTOR"), 20) << "SPARE SECTOR\n";
    for (const DmRemap::Remap &x : remaps)
        out << column(QString::number(x.mainSector), 20) << x.spareSector << "\n";
    out.flush();
    return ExitOk;
}

int Client::pending(const QStringList &args)
{
    if (args.size() != 1)
        return usage(QStringLiteral("pending needs a pair name"));
    int code = ExitOk;
    const auto r = callPair<QList<qulonglong>>(args.at(0), QStringLiteral("ListPending"), {}, &code);
    if (!r)
        return code;
    const QList<qulonglong> pending = r->value();
    if (m_options.json) {
        QJsonArray list;
        for (const qulonglong s : pending)
            list << double(s);
        printJson(list);
        return ExitOk;
    }
    for (const qulonglong s : pending)
        out << s << "\n";
    out.flush();
    return ExitOk;
}

int Client::map(const QStringList &args)
{
    uint buckets = 64;
    QString name;
    for (int i = 0; i < args.size(); ++i) {
        bool ok = true;
        if (args.at(i) == QLatin1String("--buckets") && i + 1 < args.size())
            buckets = args.at(++i).toUInt(&ok);
        else if (name.isEmpty() && !args.at(i).startsWith(QLatin1String("--")))
            name = args.at(i);
        else
            ok = false;
        if (!ok)
            return usage(QStringLiteral("bad argument %1").arg(Validation::sanitize(args.at(i))));
    }
    int code = ExitOk;
    QDBusObjectPath pair;
    const auto status = callPair<QVariantMap>(name, QStringLiteral("GetStatus"), {}, &code, &pair);
    if (!status)
        return code;
    const qulonglong length = status->value().value(QStringLiteral("main-sectors")).toULongLong();
    auto r = call<DmRemap::MapBucketList>(pair.path(), kPairInterface, QStringLiteral("GetMap"), {qulonglong(0), length, buckets});
    if (r.isError())
        return fail(r.error());
    const DmRemap::MapBucketList list = r.value();
    if (m_options.json) {
        QJsonArray a;
        for (const DmRemap::MapBucket &b : list)
            a << QJsonObject{{QStringLiteral("remaps"), int(b.remaps)}, {QStringLiteral("pending"), int(b.pending)}};
        printJson(a);
        return ExitOk;
    }
    out << column(QStringLiteral("FIRST SECTOR"), 20) << column(QStringLiteral("REMAPS"), 8) << "PENDING\n";
    for (int i = 0; i < list.size(); ++i) {
        const qulonglong first = qulonglong((unsigned __int128)length * uint(i) / uint(list.size()));
        out << column(QString::number(first), 20) << column(QString::number(list.at(i).remaps), 8) << list.at(i).pending << "\n";
    }
    out.flush();
    return ExitOk;
}

int Client::remap(const QStringList &args)
{
    bool ok = false;
    const qulonglong sector = args.value(1).toULongLong(&ok);
    if (args.size() != 2 || !ok)
        return usage(QStringLiteral("remap needs a pair name and a sector"));
    int code = ExitOk;
    const auto r = callPair<QVariantMap>(args.at(0), QStringLiteral("Remap"), {sector}, &code);
    if (!r)
        return code;
    const QVariantMap m = r->value();
    if (m_options.json) {
        printJson(toJson(m));
        return ExitOk;
    }
    out << m.value(QStringLiteral("result")).toString() << " " << m.value(QStringLiteral("main-sector")).toULongLong();
    if (m.value(QStringLiteral("result")).toString() != QLatin1String("pending"))
        out << " -> " << m.value(QStringLiteral("spare-sector")).toULongLong();
    out << "\n";
    out.flush();
    return ExitOk;
}

int Client::assemble()
{
    auto r = call<QList<QDBusObjectPath>>(kManagerPath, kManagerInterface, QStringLiteral("Assemble"));
    if (r.isError())
        return fail(r.error());
    if (m_options.json) {
        QJsonArray list;
        for (const QDBusObjectPath &p : r.value())
            list << p.path();
        printJson(list);
        return ExitOk;
    }
    for (const QDBusObjectPath &p : r.value())
        out << "assembled " << Validation::unescapePathElement(p.path().section(QLatin1Char('/'), -1)) << "\n";
    if (r.value().isEmpty())
        out << "no pair to assemble\n";
    out.flush();
    return ExitOk;
}

int Client::importPair(const QStringList &args)
{
    QStringList positional;
    bool dryRunOnly = false;
    for (const QString &a : args) {
        if (a == QLatin1String("--dry-run"))
            dryRunOnly = true;
        else if (a.startsWith(QLatin1String("--")))
            return usage(QStringLiteral("unknown option %1").arg(Validation::sanitize(a)));
        else
            positional << a;
    }
    if (positional.size() != 1)
        return usage(QStringLiteral("import needs one spare disk"));
    int code = ExitOk;
    const auto spare = findDisk(positional.first(), &code);
    if (!spare)
        return code;
    // What would happen is shown before the administrator is asked.
    auto plan = call<QVariantMap>(kManagerPath, kManagerInterface, QStringLiteral("ImportPair"),
                                  {QVariant::fromValue(*spare), QVariantMap{{QStringLiteral("dry-run"), true}}});
    if (plan.isError())
        return fail(plan.error());
    auto describe = [](const QVariantMap &m) {
        return QStringLiteral("pair %1: spare %2, main %3, %4 blocks remapped")
                .arg(m.value(QStringLiteral("name")).toString(), m.value(QStringLiteral("spare-path")).toString(),
                     m.value(QStringLiteral("main-path")).toString())
                .arg(m.value(QStringLiteral("remapped")).toULongLong());
    };
    if (dryRunOnly) {
        if (m_options.json)
            printJson(toJson(plan.value()));
        else
            out << "would import " << describe(plan.value()) << "\n";
        out.flush();
        return ExitOk;
    }
    if (!m_options.json) {
        out << "importing " << describe(plan.value()) << "\n";
        out.flush();
    }
    auto done = call<QVariantMap>(kManagerPath, kManagerInterface, QStringLiteral("ImportPair"),
                                  {QVariant::fromValue(*spare), QVariantMap()});
    if (done.isError())
        return fail(done.error());
    if (m_options.json)
        printJson(toJson(done.value()));
    else
        out << "imported /dev/mapper/" << done.value().value(QStringLiteral("name")).toString() << "\n";
    out.flush();
    return ExitOk;
}

void Client::printEvent(const QString &what, const QString &path, const QJsonObject &details)
{
    const QString time = QDateTime::currentDateTime().toString(Qt::ISODate);
    if (m_options.json) {
        QJsonObject o = details;
        o.insert(QStringLiteral("time"), time);
        o.insert(QStringLiteral("event"), what);
        o.insert(QStringLiteral("object"), path);
        out << QJsonDocument(o).toJson(QJsonDocument::Compact) << "\n";
    } else {
        out << time << " " << what << " " << path;
        for (auto it = details.begin(); it != details.end(); ++it)
            out << " " << it.key() << "=" << it.value().toVariant().toString();
        out << "\n";
    }
    out.flush();
}

int Client::monitor()
{
    SignalReceiver monitor([this](const QDBusMessage &m) {
        const QVariantList a = m.arguments();
        const QString member = m.member();
        QJsonObject details;
        QString path = m.path();
        if (member.startsWith(QLatin1String("Disk")) || member.startsWith(QLatin1String("Pair")))
            path = a.value(0).value<QDBusObjectPath>().path();
        else if (member == QLatin1String("Changed"))
            details = {{QStringLiteral("remapped"), double(a.value(0).toULongLong())}, {QStringLiteral("pending"), double(a.value(1).toULongLong())}};
        else if (member == QLatin1String("ScanProgress"))
            details = {{QStringLiteral("position"), double(a.value(0).toULongLong())}, {QStringLiteral("size"), double(a.value(1).toULongLong())},
                       {QStringLiteral("state"), a.value(2).toString()}};
        else if (member == QLatin1String("StateChanged") || member == QLatin1String("VerdictChanged"))
            details = {{QStringLiteral("old"), a.value(0).toString()}, {QStringLiteral("new"), a.value(1).toString()}};
        printEvent(member, path, details);
    });
    const QList<QPair<QString, QStringList>> signalsByInterface = {
            {kManagerInterface, {QStringLiteral("DiskAdded"), QStringLiteral("DiskRemoved"), QStringLiteral("PairAdded"), QStringLiteral("PairRemoved")}},
            {kPairInterface, {QStringLiteral("Changed"), QStringLiteral("StateChanged"), QStringLiteral("ScanProgress")}},
            {kSmartInterface, {QStringLiteral("VerdictChanged")}},
    };
    for (const auto &entry : signalsByInterface)
        for (const QString &name : entry.second)
            if (!m_bus.connect(kService, QString(), entry.first, name, &monitor, SLOT(onSignal(QDBusMessage))))
                return failText(QStringLiteral("cannot listen for %1: %2").arg(name, m_bus.lastError().message()), ExitNoHelper);
    // Ready: tests and scripts wait for this line before causing events.
    err << "monitoring org.dmremap.Manager1 (Ctrl+C to stop)\n";
    err.flush();
    return QCoreApplication::exec();
}

} // namespace

namespace {
// Unix seconds, or an ISO 8601 date or date and time (UTC unless it says).
std::optional<qint64> parseTime(const QString &text)
{
    bool ok = false;
    const qint64 secs = text.toLongLong(&ok);
    if (ok)
        return secs;
    QDateTime t = QDateTime::fromString(text, Qt::ISODate);
    if (!t.isValid())
        return std::nullopt;
    if (t.timeSpec() == Qt::LocalTime)
        t.setTimeSpec(Qt::UTC);
    return t.toSecsSinceEpoch();
}
} // namespace

int Client::scan(const QStringList &args)
{
    const QString sub = args.value(0);
    if (args.size() != 2 || !QStringList{QStringLiteral("start"), QStringLiteral("stop"), QStringLiteral("status")}.contains(sub))
        return usage(QStringLiteral("scan needs start, stop or status and a pair name"));
    int code = ExitOk;
    if (sub != QLatin1String("status")) {
        const auto r = callPair<>(args.at(1), sub == QLatin1String("start") ? QStringLiteral("StartScan") : QStringLiteral("StopScan"),
                                  {}, &code);
        if (!r)
            return code;
    }
    const auto r = callPair<QVariantMap>(args.at(1), QStringLiteral("GetStatus"), {}, &code);
    if (!r)
        return code;
    const QVariantMap status = r->value();
    QVariantMap scan;
    for (auto it = status.cbegin(); it != status.cend(); ++it)
        if (it.key().startsWith(QLatin1String("scan-")))
            scan.insert(it.key().mid(5), it.value());
    if (m_options.json) {
        printJson(toJson(scan));
        return ExitOk;
    }
    const quint64 position = scan.value(QStringLiteral("position")).toULongLong();
    const quint64 size = scan.value(QStringLiteral("size")).toULongLong();
    out << "scan: " << scan.value(QStringLiteral("state")).toString();
    if (scan.value(QStringLiteral("pass-started")).toLongLong())
        out << ", " << QString::number(size ? 100.0 * double(position) / double(size) : 0.0, 'f', 1) << "% of "
            << size / (1024 * 1024) << " MiB read, " << scan.value(QStringLiteral("read-errors")).toULongLong()
            << " reads failed; pass started " << utcDate(scan.value(QStringLiteral("pass-started")).toLongLong());
    out << "\nrate: at most " << scan.value(QStringLiteral("rate")).toULongLong() / 1024 << " KiB/s\n";
    const qint64 last = scan.value(QStringLiteral("last-finished")).toLongLong();
    out << "last whole pass: " << (last ? utcDate(last) : QStringLiteral("never")) << "\n";
    if (const qint64 next = scan.value(QStringLiteral("next")).toLongLong())
        out << "next pass: " << utcDate(next) << "\n";
    out.flush();
    return ExitOk;
}

int Client::forecast(const QStringList &args)
{
    if (args.size() != 1)
        return usage(QStringLiteral("forecast needs a pair name"));
    int code = ExitOk;
    const auto r = callPair<QVariantMap>(args.at(0), QStringLiteral("GetForecast"), {}, &code);
    if (!r)
        return code;
    const QVariantMap f = r->value();
    if (m_options.json) {
        printJson(toJson(f));
        return ExitOk;
    }
    out << "spare: " << f.value(QStringLiteral("used")).toULongLong() << " of " << f.value(QStringLiteral("capacity")).toULongLong()
        << " slots used\n";
    if (f.value(QStringLiteral("forecast")).toBool()) {
        const QString latest = f.value(QStringLiteral("latest-beyond-horizon")).toBool()
                ? QStringLiteral("later than 10 years")
                : utcDate(f.value(QStringLiteral("latest")).toLongLong());
        out << "forecast: full on " << utcDate(f.value(QStringLiteral("likely")).toLongLong()) << " ("
            << QString::number(f.value(QStringLiteral("days-left")).toDouble(), 'f', 0) << " days), 80% between "
            << utcDate(f.value(QStringLiteral("earliest")).toLongLong()) << " and " << latest << "\n";
        out << "model: " << f.value(QStringLiteral("bursts-in-window")).toInt() << " bursts of remaps in "
            << QString::number(f.value(QStringLiteral("window-days")).toDouble(), 'f', 0) << " days, "
            << QString::number(f.value(QStringLiteral("bursts-per-day")).toDouble(), 'g', 3) << " a day now, "
            << QString::number(f.value(QStringLiteral("blocks-per-burst")).toDouble(), 'g', 3) << " blocks each, rate "
            << (f.value(QStringLiteral("rate-growth-per-month")).toDouble() >= 0 ? "+" : "")
            << percent(f.value(QStringLiteral("rate-growth-per-month")).toDouble()) << " a month\n";
    } else {
        out << "forecast: none. " << f.value(QStringLiteral("reason-text")).toString() << "\n";
    }
    if (!f.value(QStringLiteral("history-available")).toBool())
        out << "history: unavailable: " << f.value(QStringLiteral("history-problem")).toString() << "\n";
    const QString band = f.value(QStringLiteral("risk-band")).toString();
    if (band.isEmpty()) {
        out << "risk: unknown (the main disk reports no reallocated-sector count)\n";
    } else {
        out << "risk: " << band << ", " << f.value(QStringLiteral("risk-reallocated")).toULongLong()
            << " reallocated sectors: annualized failure rate "
            << percent(f.value(QStringLiteral("risk-annual-failure-rate")).toDouble()) << " ("
            << percent(f.value(QStringLiteral("risk-interval-low")).toDouble()) << " to "
            << percent(f.value(QStringLiteral("risk-interval-high")).toDouble()) << ")"
            << (f.value(QStringLiteral("risk-beyond-table")).toBool() ? ", beyond the table's last row" : "") << "\n"
            << "  source: " << f.value(QStringLiteral("risk-source")).toString() << "\n";
        if (f.value(QStringLiteral("first-reallocation-window")).toBool())
            out << "  the first reallocation is under 60 days old (until "
                << utcDate(f.value(QStringLiteral("first-reallocation-window-ends")).toLongLong()) << "): "
                << f.value(QStringLiteral("first-reallocation-source")).toString() << "\n";
    }
    out.flush();
    return ExitOk;
}

int Client::history(const QStringList &args)
{
    QString target;
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    std::optional<qint64> from, to;
    qint64 resolution = 86400;
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        bool ok = true;
        if ((a == QLatin1String("--from") || a == QLatin1String("--to")) && i + 1 < args.size()) {
            const std::optional<qint64> t = parseTime(args.at(++i));
            ok = t.has_value();
            (a == QLatin1String("--from") ? from : to) = t;
        } else if (a == QLatin1String("--resolution") && i + 1 < args.size()) {
            resolution = args.at(++i).toLongLong(&ok);
        } else if (target.isEmpty() && !a.startsWith(QLatin1String("--"))) {
            target = a;
        } else {
            ok = false;
        }
        if (!ok)
            return usage(QStringLiteral("bad argument %1").arg(Validation::sanitize(args.at(i))));
    }
    if (target.isEmpty())
        return usage(QStringLiteral("history needs a pair name or a disk"));
    if (!to)
        to = now + 1;
    if (!from)
        from = *to - 30 * 86400;
    // The helper checks the range and the bucket count (at most 10000).
    const QVariantList range{qlonglong(*from), qlonglong(*to), qlonglong(resolution)};
    int code = ExitOk;
    bool isPair = false;
    QString object;
    if (Validation::isValidPairName(target) && !target.startsWith(QLatin1String("/"))) {
        auto pairs = call<DmRemap::ObjectInfoList>(kManagerPath, kManagerInterface, QStringLiteral("GetPairs"));
        if (pairs.isError())
            return fail(pairs.error());
        for (const DmRemap::ObjectInfo &p : pairs.value())
            if (p.info.value(QStringLiteral("name")).toString() == target) {
                isPair = true;
                object = p.path.path();
            }
    }
    if (!isPair) {
        const auto disk = findDisk(target, &code);
        if (!disk)
            return code;
        object = disk->path();
    }
    auto r = call<QList<QVariantMap>>(object, isPair ? kPairInterface : QStringLiteral("org.dmremap.Disk1"),
                                      QStringLiteral("GetHistory"), range);
    if (r.isError())
        return fail(r.error());
    const QList<QVariantMap> buckets = r.value();
    if (m_options.json) {
        QJsonArray a;
        for (const QVariantMap &b : buckets)
            a << toJson(b);
        printJson(a);
        return ExitOk;
    }
    const QString timeFormat = resolution % 86400 == 0 ? QStringLiteral("yyyy-MM-dd") : QStringLiteral("yyyy-MM-dd HH:mm");
    auto start = [&](const QVariantMap &b) {
        return QDateTime::fromSecsSinceEpoch(b.value(QStringLiteral("start")).toLongLong(), Qt::UTC).toString(timeFormat)
               + (b.value(QStringLiteral("daily")).toBool() && resolution < 86400 ? QStringLiteral("*") : QString());
    };
    if (isPair) {
        out << column(QStringLiteral("START (UTC)"), 18) << column(QStringLiteral("MOVED"), 8) << "PENDING\n";
        for (const QVariantMap &b : buckets)
            out << column(start(b), 18) << column(QString::number(b.value(QStringLiteral("moved")).toULongLong()), 8)
                << b.value(QStringLiteral("pending")).toULongLong() << "\n";
    } else {
        // The last value of each bucket; "-" where the disk reported none.
        const QStringList values{QStringLiteral("reallocated"), QStringLiteral("pending"), QStringLiteral("crc-errors"),
                                 QStringLiteral("nvme-media-errors"), QStringLiteral("temperature")};
        out << column(QStringLiteral("START (UTC)"), 18) << column(QStringLiteral("READINGS"), 9);
        for (const QString &v : values)
            out << column(v.toUpper(), 18);
        out << "\n";
        for (const QVariantMap &b : buckets) {
            out << column(start(b), 18) << column(QString::number(b.value(QStringLiteral("readings")).toULongLong()), 9);
            for (const QString &v : values) {
                const QVariant last = b.value(v + QStringLiteral("-last"));
                out << column(last.isValid() ? QString::number(last.toLongLong()) : QStringLiteral("-"), 18);
            }
            out << "\n";
        }
    }
    if (resolution < 86400 && std::any_of(buckets.cbegin(), buckets.cend(), [](const QVariantMap &b) { return b.value(QStringLiteral("daily")).toBool(); }))
        out << "* older than 90 days: only whole days are kept\n";
    out.flush();
    return ExitOk;
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    DmRemap::registerDBusTypes();
    Options options;
    QStringList args = app.arguments().mid(1);
    while (!args.isEmpty() && args.first().startsWith(QLatin1String("--"))) {
        const QString a = args.takeFirst();
        if (a == QLatin1String("--json"))
            options.json = true;
        else if (a == QLatin1String("--no-interaction"))
            options.interactive = false;
        else if (a == QLatin1String("--help")) {
            out << kUsage;
            return ExitOk;
        } else
            return usage(QStringLiteral("unknown option %1").arg(Validation::sanitize(a)));
    }
    if (args.isEmpty())
        return usage(QString());
    Client client(options);
    if (!client.connected())
        return failText(QStringLiteral("cannot connect to the system bus"), ExitNoHelper);
    const QString command = args.takeFirst();
    if (command == QLatin1String("check") && args.isEmpty())
        return client.check();
    if (command == QLatin1String("disks") && args.isEmpty())
        return client.disks();
    if (command == QLatin1String("smart"))
        return client.smart(args);
    if (command == QLatin1String("self-test"))
        return client.selfTest(args);
    if (command == QLatin1String("device-type"))
        return client.deviceType(args);
    if (command == QLatin1String("pair"))
        return client.pair(args);
    if (command == QLatin1String("remaps"))
        return client.remaps(args);
    if (command == QLatin1String("pending"))
        return client.pending(args);
    if (command == QLatin1String("map"))
        return client.map(args);
    if (command == QLatin1String("scan"))
        return client.scan(args);
    if (command == QLatin1String("forecast"))
        return client.forecast(args);
    if (command == QLatin1String("history"))
        return client.history(args);
    if (command == QLatin1String("remap"))
        return client.remap(args);
    if (command == QLatin1String("assemble") && args.isEmpty())
        return client.assemble();
    if (command == QLatin1String("import"))
        return client.importPair(args);
    if (command == QLatin1String("monitor") && args.isEmpty())
        return client.monitor();
    return usage(QStringLiteral("unknown command or wrong arguments: %1").arg(Validation::sanitize(command)));
}

#include "main.moc"
