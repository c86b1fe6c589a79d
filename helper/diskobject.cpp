#include "diskobject.h"

#include "disk1adaptor.h"
#include "history.h"
#include "historyfeed.h"
#include "manager.h"
#include "pairobject.h"
#include "smart1adaptor.h"
#include "smartctl.h"

#include <QJsonDocument>
#include <QPointer>
#include <QJsonObject>

using namespace Validation;

DiskObject::DiskObject(Manager *manager, const DiskInfo &info, QObject *parent)
    : ServiceObject(manager, parent)
    , m_info(info)
    , m_path(QStringLiteral("/org/dmremap/Manager1/disks/") + info.id)
    , m_smart(SmartReport::unavailable(QStringLiteral("not-read-yet"), QStringLiteral("SMART data has not been read yet")))
{
    new Disk1Adaptor(this);
    new Smart1Adaptor(this);
    // While a self-test runs its progress is read once a minute.
    m_selfTestPoll.setInterval(60 * 1000);
    connect(&m_selfTestPoll, &QTimer::timeout, this, [this] { refreshSmart(); });
}

DiskObject::~DiskObject()
{
    // Refresh calls waiting for a smartctl run that dies with this object.
    const auto waiting = std::exchange(m_waiting, {});
    for (const auto &callback : waiting)
        callback(QStringLiteral("the disk went away"));
}

QString DiskObject::description() const
{
    return m_info.description();
}

QVariantMap DiskObject::infoMap() const
{
    DiskInfo now = m_info;
    Disks::checkInUse(&now); // mounts and holders change without udev events
    PairObject *pair = nullptr;
    const QString role = m_manager->roleOf(now.devnum, &pair);
    QVariantMap m;
    m.insert(QStringLiteral("id"), now.id);
    m.insert(QStringLiteral("path"), now.path);
    m.insert(QStringLiteral("model"), now.model);
    m.insert(QStringLiteral("serial"), now.serial);
    m.insert(QStringLiteral("wwn"), now.wwn);
    m.insert(QStringLiteral("size"), qulonglong(now.sizeBytes));
    m.insert(QStringLiteral("logical-block-size"), now.logicalBlockSize);
    m.insert(QStringLiteral("physical-block-size"), now.physicalBlockSize);
    m.insert(QStringLiteral("rotational"), now.rotational);
    m.insert(QStringLiteral("kind"), now.kind);
    m.insert(QStringLiteral("transport"), now.transport);
    m.insert(QStringLiteral("in-use"), now.inUse);
    m.insert(QStringLiteral("in-use-reason"), now.inUseReason);
    m.insert(QStringLiteral("in-use-reasons"), QVariant::fromValue(now.inUseReasons));
    m.insert(QStringLiteral("role"), role);
    m.insert(QStringLiteral("pair"), QVariant::fromValue(pair ? pair->path() : QDBusObjectPath(QStringLiteral("/"))));
    m.insert(QStringLiteral("smart-verdict"), m_smart.verdict);
    return m;
}

void DiskObject::refreshSmart(std::function<void(const QString &)> then, Smartctl::Wake wake)
{
    if (m_smartRunning) {
        // A read that leaves a sleeping disk alone cannot answer a wake.
        if (wake == Smartctl::Wake::Yes) {
            if (then)
                m_waitingForWake << then;
            m_wakeQueued = true;
        } else if (then) {
            m_waiting << then;
        }
        return;
    }
    if (then)
        m_waiting << then;
    m_smartRunning = true;
    const QString deviceType = m_manager->deviceTypeFor(m_info.mainId());
    Smartctl::run(Smartctl::readArguments(m_info.path, deviceType, wake), this, [this](const Smartctl::Result &result) {
        m_smartRunning = false;
        const QString oldVerdict = m_smart.verdict;
        QString error;
        if (!result.ran) {
            error = result.error;
            m_smart = SmartReport::unavailable(QStringLiteral("smartctl-failed"), result.error);
            m_rawJson.clear();
        } else {
            const SmartReport read = SmartReport::parse(result.output, result.exitStatus);
            // The raw output goes with the data shown: a sleeping disk keeps both.
            if (!read.standby || !m_smart.available)
                m_rawJson = result.output;
            m_smart = SmartReport::afterRead(m_smart, read);
        }
        m_updated = QDateTime::currentDateTimeUtc();
        if (m_smart.selfTestRunning && !m_selfTestPoll.isActive())
            m_selfTestPoll.start();
        else if (!m_smart.selfTestRunning)
            m_selfTestPoll.stop();
        const auto waiting = std::exchange(m_waiting, {});
        for (const auto &callback : waiting)
            callback(error);
        Q_EMIT Updated();
        if (oldVerdict != m_smart.verdict)
            Q_EMIT VerdictChanged(oldVerdict, m_smart.verdict);
        if (std::exchange(m_wakeQueued, false)) {
            m_waiting = std::exchange(m_waitingForWake, {});
            refreshSmart({}, Smartctl::Wake::Yes);
        }
    });
}

QVariantMap DiskObject::GetInfo()
{
    authorizeThen(Actions::Read, {}, [this](const QDBusMessage &call) { sendReply(call, infoMap()); });
    return {};
}

QVariantMap DiskObject::GetSmart()
{
    authorizeThen(Actions::Read, {}, [this](const QDBusMessage &call) {
        QVariantMap m = m_smart.toMap();
        m.insert(QStringLiteral("updated"), m_updated.isValid() ? qlonglong(m_updated.toSecsSinceEpoch()) : qlonglong(0));
        m.insert(QStringLiteral("device-type"), m_manager->deviceTypeFor(m_info.mainId()));
        sendReply(call, m);
    });
    return {};
}

DmRemap::SmartAttributeList DiskObject::GetAttributes()
{
    authorizeThen(Actions::Read, {}, [this](const QDBusMessage &call) {
        sendReply(call, QVariant::fromValue(m_smart.attributes));
    });
    return {};
}

DmRemap::SelfTestList DiskObject::GetSelfTests()
{
    authorizeThen(Actions::Read, {}, [this](const QDBusMessage &call) {
        sendReply(call, QVariant::fromValue(m_smart.selfTests));
    });
    return {};
}

QString DiskObject::GetRawJson()
{
    authorizeThen(Actions::Read, {}, [this](const QDBusMessage &call) {
        // Re-serialized so the reply is valid UTF-8 JSON whatever the disk said.
        const QJsonDocument doc = QJsonDocument::fromJson(m_rawJson);
        sendReply(call, doc.isObject() ? QString::fromUtf8(doc.toJson(QJsonDocument::Compact)) : QString());
    });
    return {};
}

void DiskObject::Refresh()
{
    authorizeThen(Actions::Read, {}, [this](const QDBusMessage &call) { refreshAndReply(call, Smartctl::Wake::No); });
}

void DiskObject::Wake()
{
    authorizeThen(Actions::Read, {}, [this](const QDBusMessage &call) { refreshAndReply(call, Smartctl::Wake::Yes); });
}

void DiskObject::refreshAndReply(const QDBusMessage &call, Smartctl::Wake wake)
{
    refreshSmart([this, call](const QString &error) {
        if (error.isEmpty())
            sendReply(call);
        else
            sendError(call, Errors::NotSupported, error);
    }, wake);
}

void DiskObject::runSelfTestCommand(const QDBusMessage &call, const QString &what)
{
    const QString deviceType = m_manager->deviceTypeFor(m_info.mainId());
    Smartctl::run(Smartctl::selfTestArguments(m_info.path, deviceType, what), this,
                  [this, call, what](const Smartctl::Result &result) {
                      // Bits 0-2: the command did not reach the disk or was refused.
                      if (!result.ran || (result.exitStatus & 0x7)) {
                          QString why = result.ran ? SmartReport::decodeExitStatus(result.exitStatus & 0x7).join(QStringLiteral("; "))
                                                   : result.error;
                          sendError(call, Errors::Failed, QStringLiteral("smartctl could not %1 on %2: %3")
                                                                  .arg(what == QLatin1String("abort") ? QStringLiteral("abort the self-test")
                                                                                                       : QStringLiteral("start a %1 self-test").arg(what),
                                                                       m_info.path, why));
                          return;
                      }
                      sendReply(call);
                      QTimer::singleShot(5000, this, [this] { refreshSmart(); });
                  });
}

void DiskObject::StartSelfTest(const QString &type)
{
    if (refuse(checkSelfTestType(type)))
        return;
    authorizeThen(Actions::SelfTest, {{QStringLiteral("disk"), description()}, {QStringLiteral("test"), type}},
                  [this, type](const QDBusMessage &call) { runSelfTestCommand(call, type); });
}

void DiskObject::AbortSelfTest()
{
    authorizeThen(Actions::SelfTest, {{QStringLiteral("disk"), description()}, {QStringLiteral("test"), QStringLiteral("abort")}},
                  [this](const QDBusMessage &call) { runSelfTestCommand(call, QStringLiteral("abort")); });
}

void DiskObject::SetDeviceType(const QString &type)
{
    if (refuse(checkDeviceType(type)))
        return;
    authorizeThen(Actions::SelfTest, {{QStringLiteral("disk"), description()}, {QStringLiteral("test"), QStringLiteral("device type")}},
                  [this, type](const QDBusMessage &call) {
                      // Kept by WWN or serial: a kernel name may be another disk after a reboot.
                      if (m_info.mainId().isEmpty()) {
                          sendError(call, Errors::NotSupported,
                                    QStringLiteral("%1 has neither a WWN nor a serial number to keep a device type by").arg(m_info.path));
                          return;
                      }
                      QString error;
                      if (!m_manager->storeDeviceType(m_info.mainId(), type == QLatin1String("auto") ? QString() : type, &error)) {
                          sendError(call, Errors::Failed, error);
                          return;
                      }
                      sendReply(call);
                      refreshSmart();
                  });
}

QList<QVariantMap> DiskObject::GetHistory(qlonglong from, qlonglong to, qlonglong resolution)
{
    if (refuse(checkHistoryRange(from, to, resolution)))
        return {};
    authorizeThen(Actions::Read, {}, [this, from, to, resolution](const QDBusMessage &call) {
        // Kept by WWN or serial, as the device type.
        if (m_info.mainId().isEmpty()) {
            sendError(call, Errors::NotSupported,
                      QStringLiteral("%1 has neither a WWN nor a serial number to keep a history by").arg(m_info.path));
            return;
        }
        QPointer<DiskObject> self(this);
        m_manager->history()->diskHistory(m_info.mainId(), from, to, resolution)
                .then(m_manager, [self, call, bus = m_manager->bus()](const History::DiskHistory &history) {
                    if (!self) {
                        bus.send(call.createErrorReply(QLatin1String(Errors::NotFound), QStringLiteral("the disk went away")));
                        return;
                    }
                    if (!history.error.isEmpty()) {
                        self->sendError(call, Errors::Failed, history.error);
                        return;
                    }
                    self->sendReply(call, QVariant::fromValue(HistoryFeed::diskBucketMaps(history.buckets)));
                });
    });
    return {};
}
