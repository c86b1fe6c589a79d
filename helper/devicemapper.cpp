#include "devicemapper.h"

#include "validation.h"

#include <QFile>
#include <QRegularExpression>

#include <atomic>
#include <cerrno>
#include <cstdarg>
#include <libdevmapper.h>
#include <sys/sysmacros.h>

namespace DeviceMapper {

namespace {

// libdevmapper's log lines tell why an ioctl failed (the kernel's ti->error
// also goes to the kernel log); keep the last error line for the reply.
thread_local QString lastLogLine;

void logFunction(int level, const char *file, int line, int dm_errno_or_class, const char *format, ...)
{
    Q_UNUSED(file);
    Q_UNUSED(line);
    Q_UNUSED(dm_errno_or_class);
    // libdevmapper's levels follow syslog's (3 = error); bit 7 means stderr.
    constexpr int kLevelMask = 0x7f, kLevelError = 3;
    if ((level & kLevelMask) > kLevelError)
        return;
    char buffer[512];
    va_list ap;
    va_start(ap, format);
    vsnprintf(buffer, sizeof(buffer), format, ap);
    va_end(ap);
    lastLogLine = Validation::sanitize(QByteArray(buffer), 300);
}

std::atomic<QThread *> boundThread{nullptr};

// Every task goes through here: the one place that sees a call from a thread
// other than the worker's.
struct Task {
    explicit Task(int type) : dmt(dm_task_create(type))
    {
        QThread *bound = boundThread.load();
        if (bound && bound != QThread::currentThread())
            qCritical("dm-remap-helper: bug: a device-mapper task (type %d) runs outside the device-mapper worker thread", type);
    }
    ~Task() { if (dmt) dm_task_destroy(dmt); }
    Task(const Task &) = delete;
    Task &operator=(const Task &) = delete;
    dm_task *dmt;
};

QString failure(const char *what, const QString &name)
{
    QString text = QStringLiteral("%1 of %2 failed").arg(QLatin1String(what), name);
    if (!lastLogLine.isEmpty())
        text += QStringLiteral(": ") + lastLogLine;
    return text;
}

bool fillInfo(dm_task *dmt, Info *info)
{
    dm_info di;
    if (!dm_task_get_info(dmt, &di) || !di.exists)
        return false;
    info->devnum = makedev(di.major, di.minor);
    if (const char *uuid = dm_task_get_uuid(dmt))
        info->uuid = QString::fromLatin1(uuid);
    info->eventNr = di.event_nr;
    info->openCount = di.open_count;
    info->suspended = di.suspended;
    uint64_t start = 0, length = 0;
    char *type = nullptr, *params = nullptr;
    void *next = dm_get_next_target(dmt, nullptr, &start, &length, &type, &params);
    if (type) {
        info->targetType = QString::fromLatin1(type);
        info->params = QString::fromLatin1(params ? params : "");
        info->length = length;
    }
    // A remap device has exactly one target.
    if (next)
        info->targetType.clear();
    return true;
}

std::optional<Info> query(int type, const char *what, const QString &name, QString *error)
{
    lastLogLine.clear();
    Task task(type);
    if (!task.dmt || !dm_task_set_name(task.dmt, name.toLatin1().constData())) {
        *error = failure(what, name);
        return std::nullopt;
    }
    if (!dm_task_run(task.dmt)) {
        *error = failure(what, name);
        return std::nullopt;
    }
    Info info;
    info.name = name;
    if (!fillInfo(task.dmt, &info)) {
        *error = QStringLiteral("%1 does not exist").arg(name);
        return std::nullopt;
    }
    return info;
}

} // namespace

void setUp()
{
    boundThread = QThread::currentThread();
    dm_log_with_errno_init(logFunction);
    if (!QFile::exists(QStringLiteral("/run/udev/control"))) {
        qputenv("DM_DISABLE_UDEV", "1");
        dm_udev_set_sync_support(0);
    }
}

QThread *thread()
{
    return boundThread.load();
}

// The TABLE of every dm device, in the kernel's order.
static QList<Info> allDevices(QString *error)
{
    QList<Info> out;
    lastLogLine.clear();
    Task task(DM_DEVICE_LIST);
    if (!task.dmt || !dm_task_run(task.dmt)) {
        *error = failure("listing", QStringLiteral("device-mapper devices"));
        return out;
    }
    dm_names *names = dm_task_get_names(task.dmt);
    if (!names || !names->dev)
        return out;
    unsigned next = 0;
    do {
        names = reinterpret_cast<dm_names *>(reinterpret_cast<char *>(names) + next);
        QString ignored;
        if (auto info = table(QString::fromLatin1(names->name), &ignored))
            out << *info;
        next = names->next;
    } while (next);
    return out;
}

QList<QString> remapDevices(QString *error)
{
    QList<QString> out;
    for (const Info &info : allDevices(error)) {
        const bool privateRemap = info.uuid.startsWith(QLatin1String(kReplacingUuidPrefix));
        const bool replacing = info.targetType == QLatin1String("mirror") && info.uuid == QStringLiteral("DMREMAP-") + info.name;
        if ((info.targetType == QLatin1String("remap") && !privateRemap) || replacing)
            out << info.name;
    }
    return out;
}

QList<Info> partitionsOf(const QString &pairUuid, QString *error)
{
    static const QRegularExpression kpartxUuid(QStringLiteral("^part[0-9]+-(.+)$"));
    QList<Info> out;
    for (const Info &info : allDevices(error)) {
        const QRegularExpressionMatch m = kpartxUuid.match(info.uuid);
        if (m.hasMatch() && m.captured(1) == pairUuid)
            out << info;
    }
    return out;
}

std::optional<Info> table(const QString &name, QString *error)
{
    return query(DM_DEVICE_TABLE, "reading the table", name, error);
}

std::optional<Info> status(const QString &name, QString *error)
{
    return query(DM_DEVICE_STATUS, "reading the status", name, error);
}

std::optional<QString> targetVersion(const QString &type, QString *error)
{
    lastLogLine.clear();
    Task task(DM_DEVICE_GET_TARGET_VERSION);
    if (!task.dmt || !dm_task_set_name(task.dmt, type.toLatin1().constData()) || !dm_task_run(task.dmt)) {
        *error = failure("asking for the target version", type);
        return std::nullopt;
    }
    const dm_versions *target = dm_task_get_versions(task.dmt);
    if (!target || type != QLatin1String(target->name)) {
        *error = QStringLiteral("the kernel has no %1 target").arg(type);
        return std::nullopt;
    }
    return QStringLiteral("%1.%2.%3").arg(target->version[0]).arg(target->version[1]).arg(target->version[2]);
}

std::optional<QString> message(const QString &name, const QString &text, QString *error, int *errnoOut)
{
    lastLogLine.clear();
    Task task(DM_DEVICE_TARGET_MSG);
    if (!task.dmt || !dm_task_set_name(task.dmt, name.toLatin1().constData()) || !dm_task_set_sector(task.dmt, 0)
        || !dm_task_set_message(task.dmt, text.toLatin1().constData())) {
        *error = failure("sending a message", name);
        return std::nullopt;
    }
    if (!dm_task_run(task.dmt)) {
        if (errnoOut)
            *errnoOut = dm_task_get_errno(task.dmt);
        *error = failure("the message", name);
        return std::nullopt;
    }
    const char *response = dm_task_get_message_response(task.dmt);
    return QString::fromLatin1(response ? response : "");
}

namespace {

bool createWithFlags(const QString &name, const QString &uuid, quint64 length, const QString &params, uint16_t udevFlags,
                     QString *error)
{
    lastLogLine.clear();
    Task task(DM_DEVICE_CREATE);
    uint32_t cookie = 0;
    if (!task.dmt || !dm_task_set_name(task.dmt, name.toLatin1().constData())
        || !dm_task_set_uuid(task.dmt, uuid.toLatin1().constData())
        || !dm_task_add_target(task.dmt, 0, length, "remap", params.toLatin1().constData())
        || !dm_task_set_cookie(task.dmt, &cookie, udevFlags)) {
        *error = failure("creating", name);
        return false;
    }
    const bool ok = dm_task_run(task.dmt);
    if (!ok)
        *error = failure("creating", name);
    dm_udev_wait(cookie);
    return ok;
}

} // namespace

bool create(const QString &name, const QString &uuid, quint64 length, const QString &params, QString *error)
{
    return createWithFlags(name, uuid, length, params, 0, error);
}

bool createPrivate(const QString &name, const QString &uuid, quint64 length, const QString &params, QString *error)
{
    return createWithFlags(name, uuid, length, params,
                           DM_UDEV_DISABLE_SUBSYSTEM_RULES_FLAG | DM_UDEV_DISABLE_DISK_RULES_FLAG
                                   | DM_UDEV_DISABLE_OTHER_RULES_FLAG,
                           error);
}

bool reload(const QString &name, const QString &type, quint64 length, const QString &params, QString *error)
{
    lastLogLine.clear();
    Task task(DM_DEVICE_RELOAD);
    if (!task.dmt || !dm_task_set_name(task.dmt, name.toLatin1().constData())
        || !dm_task_add_target(task.dmt, 0, length, type.toLatin1().constData(), params.toLatin1().constData())
        || !dm_task_run(task.dmt)) {
        *error = failure("loading a new table into", name);
        return false;
    }
    return true;
}

namespace {

// A task on one device that udev hears about (remove, resume).
bool runWithCookie(int type, const char *what, const QString &name, QString *error)
{
    lastLogLine.clear();
    Task task(type);
    uint32_t cookie = 0;
    if (!task.dmt || !dm_task_set_name(task.dmt, name.toLatin1().constData())
        || !dm_task_set_cookie(task.dmt, &cookie, 0)) {
        *error = failure(what, name);
        return false;
    }
    const bool ok = dm_task_run(task.dmt);
    if (!ok)
        *error = failure(what, name);
    dm_udev_wait(cookie);
    return ok;
}

} // namespace

bool remove(const QString &name, QString *error)
{
    return runWithCookie(DM_DEVICE_REMOVE, "removing", name, error);
}

bool suspend(const QString &name, QString *error, bool noFlush)
{
    lastLogLine.clear();
    Task task(DM_DEVICE_SUSPEND);
    if (!task.dmt || !dm_task_set_name(task.dmt, name.toLatin1().constData()) || (noFlush && !dm_task_no_flush(task.dmt))
        || !dm_task_run(task.dmt)) {
        *error = failure("suspending", name);
        return false;
    }
    return true;
}

bool resume(const QString &name, QString *error)
{
    return runWithCookie(DM_DEVICE_RESUME, "resuming", name, error);
}

} // namespace DeviceMapper
