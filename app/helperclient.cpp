#include "helperclient.h"

#include "dmremap_proxy.h"
#include "errors.h"

#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusServiceWatcher>
#include <QFileInfo>

namespace {
const QString managerPath = QStringLiteral("/org/dmremap/Manager1");
const QString managerInterface = QStringLiteral("org.dmremap.Manager1");
const QString smartInterface = QStringLiteral("org.dmremap.Smart1");
const QString pairInterface = QStringLiteral("org.dmremap.Pair1");
// Privileged calls wait for the user to type a password in polkit's agent.
constexpr int authorizationTimeoutMs = 10 * 60 * 1000;
// The map can be large: a few seconds for the helper to count.
constexpr int mapTimeoutMs = 60 * 1000;
// How long a burst of Changed signals is gathered before views are told.
constexpr int pairFlushMs = 100;
} // namespace

QString HelperClient::defaultService()
{
    return QStringLiteral("org.dmremap.Manager1");
}

HelperClient::HelperClient(const QDBusConnection &bus, QObject *parent, const QString &service)
    : QObject(parent)
    , m_bus(bus)
    , m_service(service)
    , m_watcher(new QDBusServiceWatcher(service, bus,
                                        QDBusServiceWatcher::WatchForRegistration
                                            | QDBusServiceWatcher::WatchForUnregistration,
                                        this))
{
    connect(m_watcher, &QDBusServiceWatcher::serviceRegistered, this, &HelperClient::reload);
    connect(m_watcher, &QDBusServiceWatcher::serviceUnregistered, this, [this] {
        ++m_generation;
        m_disks.clear();
        m_smart.clear();
        m_pairs.clear();
        m_forecasts.clear();
        Q_EMIT structureChanged();
        setStatus(Status::Unavailable,
                  tr("The disk helper service (dm-remap-helper) stopped, so disks cannot be shown or changed. "
                     "Choose Retry to start it again."));
    });

    // One match per signal for every object (empty path): the message tells
    // which object spoke.
    m_bus.connect(m_service, managerPath, managerInterface, QStringLiteral("DiskAdded"),
                  this, SLOT(onDiskAdded(QDBusObjectPath)));
    m_bus.connect(m_service, managerPath, managerInterface, QStringLiteral("DiskRemoved"),
                  this, SLOT(onDiskRemoved(QDBusObjectPath)));
    m_bus.connect(m_service, managerPath, managerInterface, QStringLiteral("PairAdded"),
                  this, SLOT(onPairAdded(QDBusObjectPath)));
    m_bus.connect(m_service, managerPath, managerInterface, QStringLiteral("PairRemoved"),
                  this, SLOT(onPairRemoved(QDBusObjectPath)));
    m_bus.connect(m_service, QString(), smartInterface, QStringLiteral("Updated"),
                  this, SLOT(onSmartUpdated(QDBusMessage)));
    m_bus.connect(m_service, QString(), smartInterface, QStringLiteral("VerdictChanged"),
                  this, SLOT(onVerdictChanged(QString, QString, QDBusMessage)));
    m_bus.connect(m_service, QString(), pairInterface, QStringLiteral("Changed"),
                  this, SLOT(onPairChanged(qulonglong, qulonglong, QDBusMessage)));
    m_bus.connect(m_service, QString(), pairInterface, QStringLiteral("StateChanged"),
                  this, SLOT(onPairStateChanged(QString, QString, QDBusMessage)));
    m_bus.connect(m_service, QString(), pairInterface, QStringLiteral("ReplaceProgress"),
                  this, SLOT(onReplaceProgress(qulonglong, qulonglong, QDBusMessage)));
    m_bus.connect(m_service, QString(), pairInterface, QStringLiteral("ReplaceFinished"),
                  this, SLOT(onReplaceFinished(QString, QDBusMessage)));
    m_bus.connect(m_service, QString(), pairInterface, QStringLiteral("ScanProgress"),
                  this, SLOT(onScanProgress(qulonglong, qulonglong, QString, QDBusMessage)));

    m_pairFlush.setSingleShot(true);
    m_pairFlush.setInterval(pairFlushMs);
    connect(&m_pairFlush, &QTimer::timeout, this, &HelperClient::flushPairChanges);

    if (!m_bus.isConnected()) {
        setStatus(Status::Unavailable,
                  tr("There is no connection to the system message bus, so the disk helper cannot be reached."));
        return;
    }
    QMetaObject::invokeMethod(this, &HelperClient::reload, Qt::QueuedConnection);
}

QStringList HelperClient::diskPaths() const
{
    QStringList paths = m_disks.keys();
    paths.sort();
    return paths;
}

QStringList HelperClient::pairPaths() const
{
    QStringList paths = m_pairs.keys();
    paths.sort();
    return paths;
}

QString HelperClient::pairOfDisk(const QString &diskPath) const
{
    for (auto it = m_pairs.cbegin(); it != m_pairs.cend(); ++it) {
        const QVariantMap &status = it.value();
        if (status.value(QStringLiteral("main")).value<QDBusObjectPath>().path() == diskPath
            || status.value(QStringLiteral("spare")).value<QDBusObjectPath>().path() == diskPath)
            return it.key();
    }
    return {};
}

QString HelperClient::findObject(const QString &name) const
{
    if (m_disks.contains(name) || m_pairs.contains(name))
        return name;
    // A link and the node it points to name the same device.
    const QString node = name.startsWith(u'/') ? QFileInfo(name).canonicalFilePath() : QString();
    const auto sameDevice = [&name, &node](const QString &device) {
        return !device.isEmpty()
               && (device == name || (!node.isEmpty() && QFileInfo(device).canonicalFilePath() == node));
    };
    for (auto it = m_pairs.cbegin(); it != m_pairs.cend(); ++it) {
        if (it->value(QStringLiteral("name")).toString() == name
            || sameDevice(it->value(QStringLiteral("device")).toString()))
            return it.key();
    }
    for (auto it = m_disks.cbegin(); it != m_disks.cend(); ++it) {
        if (sameDevice(it->value(QStringLiteral("path")).toString()))
            return it.key();
    }
    return {};
}

void HelperClient::setStatus(Status status, const QString &text)
{
    if (m_status == status && m_statusText == text)
        return;
    m_status = status;
    m_statusText = text;
    Q_EMIT statusChanged();
}

void HelperClient::failLoad(const QDBusError &error)
{
    m_disks.clear();
    m_smart.clear();
    m_pairs.clear();
    m_forecasts.clear();
    Q_EMIT structureChanged();
    setStatus(ErrorText::isRefusal(error) ? Status::Refused : Status::Unavailable,
              ErrorText::describe(error));
}

template<typename Reply, typename Handler>
void HelperClient::watch(const Reply &call, const QString &action, Handler onReply,
                         std::function<void(const QString &)> onError)
{
    auto *watcher = new QDBusPendingCallWatcher(call, this);
    const quint64 generation = m_generation;
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this, watcher, action, generation, onReply, onError] {
                watcher->deleteLater();
                if (generation != m_generation)
                    return;
                Reply reply = *watcher;
                if (reply.isError()) {
                    if (ErrorText::isHelperMissing(reply.error()) && m_status == Status::Ready)
                        setStatus(Status::Unavailable, ErrorText::describe(reply.error()));
                    const QString message = ErrorText::describe(reply.error());
                    if (onError)
                        onError(message);
                    Q_EMIT operationFailed(action, message);
                    return;
                }
                onReply(reply);
            });
}

void HelperClient::reload()
{
    ++m_generation;
    m_disks.clear();
    m_smart.clear();
    m_pairs.clear();
    m_forecasts.clear();
    m_changedPairs.clear();
    Q_EMIT structureChanged();
    setStatus(Status::Connecting, tr("Connecting to the disk helper…"));

    OrgDmremapManager1Interface manager(m_service, managerPath, m_bus);
    const quint64 generation = m_generation;
    auto *disksCall = new QDBusPendingCallWatcher(manager.GetDisks(), this);
    auto *pairsCall = new QDBusPendingCallWatcher(manager.GetPairs(), this);
    auto *versionCall = new QDBusPendingCallWatcher(manager.GetVersion(), this);
    // Both lists are needed before the tree makes sense: wait for both.
    auto finish = [this, disksCall, pairsCall, generation] {
        if (generation != m_generation || !disksCall->isFinished() || !pairsCall->isFinished())
            return;
        QDBusPendingReply<DmRemap::ObjectInfoList> disks = *disksCall;
        QDBusPendingReply<DmRemap::ObjectInfoList> pairs = *pairsCall;
        disksCall->deleteLater();
        pairsCall->deleteLater();
        if (disks.isError())
            return failLoad(disks.error());
        if (pairs.isError())
            return failLoad(pairs.error());
        for (const DmRemap::ObjectInfo &disk : disks.value())
            m_disks.insert(disk.path.path(), disk.info);
        for (const DmRemap::ObjectInfo &pair : pairs.value())
            m_pairs.insert(pair.path.path(), pair.info);
        setStatus(Status::Ready);
        Q_EMIT structureChanged();
        for (const QString &disk : diskPaths())
            fetchSmart(disk);
        for (const QString &pair : pairPaths())
            fetchForecast(pair);
    };
    connect(disksCall, &QDBusPendingCallWatcher::finished, this, finish);
    connect(pairsCall, &QDBusPendingCallWatcher::finished, this, finish);
    connect(versionCall, &QDBusPendingCallWatcher::finished, this, [this, versionCall] {
        versionCall->deleteLater();
        QDBusPendingReply<QString> reply = *versionCall;
        if (!reply.isError())
            m_version = reply.value();
    });
    fetchSystemStatus();
}

void HelperClient::fetchSystemStatus()
{
    m_systemStatusAnswered = false;
    if (!m_systemStatus.isEmpty()) {
        m_systemStatus.clear();
        Q_EMIT systemStatusChanged();
    }
    // Answered to everyone, like GetVersion. An older helper does not know
    // it, and a missing helper is said by the status: no banner from here.
    const QDBusMessage call = QDBusMessage::createMethodCall(m_service, managerPath, managerInterface,
                                                             QStringLiteral("GetSystemStatus"));
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call), this);
    const quint64 generation = m_generation;
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        QDBusPendingReply<QVariantMap> reply = *watcher;
        if (generation != m_generation)
            return;
        m_systemStatusAnswered = true;
        if (!reply.isError())
            m_systemStatus = reply.value();
        Q_EMIT systemStatusChanged();
    });
}

void HelperClient::fetchDiskInfo(const QString &disk)
{
    OrgDmremapDisk1Interface proxy(m_service, disk, m_bus);
    watch(QDBusPendingReply<QVariantMap>(proxy.GetInfo()), tr("Reading disk information"),
          [this, disk](const QDBusPendingReply<QVariantMap> &reply) {
              const bool isNew = !m_disks.contains(disk);
              m_disks.insert(disk, reply.value());
              if (isNew) {
                  Q_EMIT structureChanged();
                  fetchSmart(disk);
              } else {
                  Q_EMIT diskUpdated(disk);
              }
          });
}

void HelperClient::fetchSmart(const QString &disk)
{
    OrgDmremapSmart1Interface proxy(m_service, disk, m_bus);
    watch(QDBusPendingReply<QVariantMap>(proxy.GetSmart()), tr("Reading SMART data"),
          [this, disk](const QDBusPendingReply<QVariantMap> &reply) {
              if (!m_disks.contains(disk))
                  return;
              m_smart.insert(disk, reply.value());
              Q_EMIT smartUpdated(disk);
          });
}

void HelperClient::fetchPairStatus(const QString &pair)
{
    OrgDmremapPair1Interface proxy(m_service, pair, m_bus);
    watch(QDBusPendingReply<QVariantMap>(proxy.GetStatus()), tr("Reading the pair's status"),
          [this, pair](const QDBusPendingReply<QVariantMap> &reply) {
              const bool isNew = !m_pairs.contains(pair);
              m_pairs.insert(pair, reply.value());
              if (isNew) {
                  Q_EMIT structureChanged();
                  fetchForecast(pair);
              } else {
                  Q_EMIT pairUpdated(pair);
              }
          });
}

void HelperClient::fetchForecast(const QString &pair)
{
    // Extra information: a refusal, an error or an older helper without the
    // method leaves the last forecast as it was and bothers no one.
    OrgDmremapPair1Interface proxy(m_service, pair, m_bus);
    auto *watcher = new QDBusPendingCallWatcher(proxy.GetForecast(), this);
    const quint64 generation = m_generation;
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, generation, pair] {
        watcher->deleteLater();
        QDBusPendingReply<QVariantMap> reply = *watcher;
        if (generation != m_generation || reply.isError() || !m_pairs.contains(pair))
            return;
        m_forecasts.insert(pair, reply.value());
        Q_EMIT forecastUpdated(pair);
    });
}

void HelperClient::fetchAttributes(const QString &disk)
{
    OrgDmremapSmart1Interface proxy(m_service, disk, m_bus);
    watch(QDBusPendingReply<DmRemap::SmartAttributeList>(proxy.GetAttributes()),
          tr("Reading SMART attributes"),
          [this, disk](const QDBusPendingReply<DmRemap::SmartAttributeList> &reply) {
              Q_EMIT attributesReady(disk, reply.value());
          });
}

void HelperClient::fetchSelfTests(const QString &disk)
{
    OrgDmremapSmart1Interface proxy(m_service, disk, m_bus);
    watch(QDBusPendingReply<DmRemap::SelfTestList>(proxy.GetSelfTests()),
          tr("Reading the self-test log"),
          [this, disk](const QDBusPendingReply<DmRemap::SelfTestList> &reply) {
              Q_EMIT selfTestsReady(disk, reply.value());
          });
}

// QtDBus proxies cannot mark a call as allowing interactive authorization,
// so the privileged calls are built by hand from the proxy's interface name:
// polkit may then ask for the password instead of refusing outright.
static QDBusMessage interactiveCall(const QString &service, const QString &path,
                                    const QString &interface, const QString &method,
                                    const QVariantList &arguments = {})
{
    QDBusMessage message = QDBusMessage::createMethodCall(service, path, interface, method);
    message.setArguments(arguments);
    message.setInteractiveAuthorizationAllowed(true);
    return message;
}

void HelperClient::refreshSmart(const QString &disk)
{
    watch(QDBusPendingReply<>(m_bus.asyncCall(
              interactiveCall(m_service, disk, QLatin1String(OrgDmremapSmart1Interface::staticInterfaceName()),
                              QStringLiteral("Refresh")),
              authorizationTimeoutMs)),
          tr("Reading SMART data again"), [](const QDBusPendingReply<> &) {});
}

void HelperClient::wakeSmart(const QString &disk)
{
    watch(QDBusPendingReply<>(m_bus.asyncCall(
              interactiveCall(m_service, disk, QLatin1String(OrgDmremapSmart1Interface::staticInterfaceName()),
                              QStringLiteral("Wake")),
              authorizationTimeoutMs)),
          tr("Waking the disk to read its SMART data"), [this, disk](const QDBusPendingReply<> &) { fetchSmart(disk); });
}

void HelperClient::setDeviceType(const QString &disk, const QString &type)
{
    watch(QDBusPendingReply<>(m_bus.asyncCall(
              interactiveCall(m_service, disk, QLatin1String(OrgDmremapSmart1Interface::staticInterfaceName()),
                              QStringLiteral("SetDeviceType"), {type}),
              authorizationTimeoutMs)),
          tr("Choosing the disk's USB adapter"), [this, disk](const QDBusPendingReply<> &) {
              // Read again with the new type (the helper's own read after
              // setting it answers this call too).
              refreshSmart(disk);
          });
}

void HelperClient::startSelfTest(const QString &disk, const QString &type)
{
    watch(QDBusPendingReply<>(m_bus.asyncCall(
              interactiveCall(m_service, disk, QLatin1String(OrgDmremapSmart1Interface::staticInterfaceName()),
                              QStringLiteral("StartSelfTest"), {type}),
              authorizationTimeoutMs)),
          tr("Starting a self-test"), [this, disk](const QDBusPendingReply<> &) { fetchSmart(disk); });
}

void HelperClient::abortSelfTest(const QString &disk)
{
    watch(QDBusPendingReply<>(m_bus.asyncCall(
              interactiveCall(m_service, disk, QLatin1String(OrgDmremapSmart1Interface::staticInterfaceName()),
                              QStringLiteral("AbortSelfTest")),
              authorizationTimeoutMs)),
          tr("Stopping the self-test"), [this, disk](const QDBusPendingReply<> &) { fetchSmart(disk); });
}

void HelperClient::fetchPairHistory(const QString &pair, qint64 from, qint64 to, qint64 resolution)
{
    // The chart says why it is empty; no error bar for it.
    QDBusMessage call = QDBusMessage::createMethodCall(m_service, pair, QStringLiteral("org.dmremap.Pair1"),
                                                       QStringLiteral("GetHistory"));
    call << from << to << resolution;
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call), this);
    const quint64 generation = m_generation;
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, generation, pair, from, resolution] {
        watcher->deleteLater();
        QDBusPendingReply<QList<QVariantMap>> reply = *watcher;
        if (generation != m_generation)
            return;
        if (reply.isError())
            Q_EMIT pairHistoryFailed(pair, ErrorText::describe(reply.error()));
        else
            Q_EMIT pairHistoryReady(pair, from, resolution, reply.value());
    });
}

void HelperClient::fetchDiskHistory(const QString &disk, qint64 from, qint64 to, qint64 resolution)
{
    // As the pair's: the chart says why it is empty.
    QDBusMessage call = QDBusMessage::createMethodCall(m_service, disk, QStringLiteral("org.dmremap.Disk1"),
                                                       QStringLiteral("GetHistory"));
    call << from << to << resolution;
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call), this);
    const quint64 generation = m_generation;
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, generation, disk, from, resolution] {
        watcher->deleteLater();
        QDBusPendingReply<QList<QVariantMap>> reply = *watcher;
        if (generation != m_generation)
            return;
        if (reply.isError())
            Q_EMIT diskHistoryFailed(disk, ErrorText::describe(reply.error()));
        else
            Q_EMIT diskHistoryReady(disk, from, resolution, reply.value());
    });
}

void HelperClient::fetchMap(const QString &pair, qulonglong first, qulonglong length, uint buckets)
{
    OrgDmremapPair1Interface proxy(m_service, pair, m_bus);
    proxy.setTimeout(mapTimeoutMs);
    watch(QDBusPendingReply<DmRemap::MapBucketList>(proxy.GetMap(first, length, buckets)),
          tr("Reading the remap map"),
          [this, pair, first, length](const QDBusPendingReply<DmRemap::MapBucketList> &reply) {
              Q_EMIT mapReady(pair, first, length, reply.value());
          });
}

void HelperClient::fetchRemapsInRange(const QString &pair, qulonglong first, qulonglong length,
                                      uint maxRows)
{
    // ListRemaps pages by index: the number of remaps below `first` (one
    // bucket over [0, first)) is the index of the first one in the range.
    auto listFrom = [this, pair, first, length, maxRows](qulonglong offset) {
        OrgDmremapPair1Interface proxy(m_service, pair, m_bus);
        proxy.setTimeout(mapTimeoutMs);
        watch(QDBusPendingReply<DmRemap::RemapList>(proxy.ListRemaps(offset, maxRows)),
              tr("Listing remapped blocks"),
              [this, pair, first, length](const QDBusPendingReply<DmRemap::RemapList> &reply) {
                  DmRemap::RemapList inRange;
                  for (const DmRemap::Remap &remap : reply.value()) {
                      if (remap.mainSector >= first + length)
                          break;
                      if (remap.mainSector >= first)
                          inRange.append(remap);
                  }
                  Q_EMIT remapsInRangeReady(pair, first, length, inRange,
                                            m_pairs.value(pair).value(QStringLiteral("remapped")).toULongLong());
              });
    };
    if (first == 0) {
        listFrom(0);
        return;
    }
    OrgDmremapPair1Interface proxy(m_service, pair, m_bus);
    proxy.setTimeout(mapTimeoutMs);
    watch(QDBusPendingReply<DmRemap::MapBucketList>(proxy.GetMap(0, first, 1)),
          tr("Listing remapped blocks"),
          [listFrom](const QDBusPendingReply<DmRemap::MapBucketList> &reply) {
              const DmRemap::MapBucketList buckets = reply.value();
              listFrom(buckets.isEmpty() ? 0 : buckets.first().remaps);
          });
}

void HelperClient::createPair(const QString &name, const QString &mainDisk,
                              const QString &spareDisk, uint blockSizeSectors)
{
    const QVariantMap options{
        {QStringLiteral("erase-spare"), true},
        {QStringLiteral("block-size"), QVariant::fromValue(blockSizeSectors)},
    };
    const QVariantList arguments{name, QVariant::fromValue(QDBusObjectPath(mainDisk)),
                                 QVariant::fromValue(QDBusObjectPath(spareDisk)),
                                 QVariant::fromValue(options)};
    watch(QDBusPendingReply<QDBusObjectPath>(m_bus.asyncCall(
              interactiveCall(m_service, managerPath, QLatin1String(OrgDmremapManager1Interface::staticInterfaceName()),
                              QStringLiteral("CreatePair"), arguments),
              authorizationTimeoutMs)),
          tr("Creating the pair"), [this](const QDBusPendingReply<QDBusObjectPath> &reply) {
              const QString pair = reply.value().path();
              if (!m_pairs.contains(pair))
                  fetchPairStatus(pair);
              // The disks' roles changed.
              for (const QString &disk : diskPaths())
                  fetchDiskInfo(disk);
              Q_EMIT pairCreated(pair);
          },
          [this](const QString &message) { Q_EMIT pairCreationFailed(message); });
}

void HelperClient::callPair(const QString &pair, const QString &method, const QVariantList &arguments,
                            const QString &what, QString (*describe)(const QDBusError &),
                            std::function<bool(const QDBusMessage &)> onReply)
{
    const QDBusPendingCall call = m_bus.asyncCall(
            interactiveCall(m_service, pair, QLatin1String(OrgDmremapPair1Interface::staticInterfaceName()), method,
                            arguments),
            authorizationTimeoutMs);
    auto *watcher = new QDBusPendingCallWatcher(call, this);
    const quint64 generation = m_generation;
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, generation, what, describe, onReply] {
        watcher->deleteLater();
        if (generation != m_generation)
            return;
        const QDBusMessage reply = watcher->reply();
        if (onReply(reply) || reply.type() != QDBusMessage::ErrorMessage)
            return;
        const QDBusError error(reply);
        if (ErrorText::isHelperMissing(error) && m_status == Status::Ready)
            setStatus(Status::Unavailable, ErrorText::describe(error));
        Q_EMIT operationFailed(what, describe(error));
    });
}

void HelperClient::removePair(const QString &pair, bool force)
{
    callPair(pair, QStringLiteral("RemoveWithOptions"), {QVariantMap{{QStringLiteral("force"), force}}},
             tr("Removing the pair"), &ErrorText::describe, [this, pair](const QDBusMessage &reply) {
                 if (reply.type() == QDBusMessage::ErrorMessage) {
                     if (reply.errorName() != QLatin1String("org.dmremap.Error.DataOnSpare"))
                         return false;
                     Q_EMIT pairRemovalRefused(pair, reply.errorMessage().simplified().left(500));
                     return true;
                 }
                 onPairRemoved(QDBusObjectPath(pair));
                 Q_EMIT pairRemovedByUser(pair);
                 return true;
             });
}

void HelperClient::replaceMain(const QString &pair, const QString &newDisk)
{
    const QVariantMap options{{QStringLiteral("erase-new-disk"), true}};
    callPair(pair, QStringLiteral("ReplaceMain"), {QVariant::fromValue(QDBusObjectPath(newDisk)), QVariant::fromValue(options)},
             tr("Replacing the main disk"), &ErrorText::describeReplace, [this, pair](const QDBusMessage &reply) {
                 if (reply.type() == QDBusMessage::ErrorMessage)
                     return false;
                 fetchPairStatus(pair);
                 // The new disk is now held by the pair's device.
                 for (const QString &disk : diskPaths())
                     fetchDiskInfo(disk);
                 Q_EMIT replaceStarted(pair);
                 return true;
             });
}

std::function<bool(const QDBusMessage &)> HelperClient::statusAfterSuccess(const QString &pair)
{
    return [this, pair](const QDBusMessage &reply) {
        if (reply.type() == QDBusMessage::ErrorMessage)
            return false;
        if (m_pairs.contains(pair))
            fetchPairStatus(pair);
        return true;
    };
}

void HelperClient::cancelReplace(const QString &pair)
{
    callPair(pair, QStringLiteral("CancelReplace"), {}, tr("Cancelling the replacement"), &ErrorText::describeReplace, statusAfterSuccess(pair));
}

void HelperClient::startScan(const QString &pair)
{
    callPair(pair, QStringLiteral("StartScan"), {}, tr("Starting the background scan"), &ErrorText::describeScan, statusAfterSuccess(pair));
}

void HelperClient::stopScan(const QString &pair)
{
    callPair(pair, QStringLiteral("StopScan"), {}, tr("Stopping the background scan"), &ErrorText::describeScan, statusAfterSuccess(pair));
}

// At most every 5 s while a pass runs, and on every change of state: the
// progress is taken as it comes; a new state also changes the pass's dates
// and counts, which only GetStatus gives.
void HelperClient::onScanProgress(qulonglong position, qulonglong size, const QString &state,
                                  const QDBusMessage &message)
{
    const QString pair = message.path();
    auto it = m_pairs.find(pair);
    if (it == m_pairs.end())
        return;
    const bool changed = it->value(QStringLiteral("scan-state")).toString() != state;
    it->insert(QStringLiteral("scan-position"), position);
    it->insert(QStringLiteral("scan-size"), size);
    it->insert(QStringLiteral("scan-state"), state);
    Q_EMIT pairUpdated(pair);
    if (changed)
        fetchPairStatus(pair);
}

void HelperClient::onReplaceProgress(qulonglong copied, qulonglong total, const QDBusMessage &message)
{
    const QString pair = message.path();
    auto it = m_pairs.find(pair);
    if (it == m_pairs.end())
        return;
    it->insert(QStringLiteral("replace-copied"), copied);
    it->insert(QStringLiteral("replace-total"), total);
    // A progress signal before the status was read again: it is copying.
    if (it->value(QStringLiteral("replace-state")).toString().isEmpty())
        it->insert(QStringLiteral("replace-state"), QStringLiteral("copying"));
    Q_EMIT pairUpdated(pair);
}

void HelperClient::onReplaceFinished(const QString &result, const QDBusMessage &message)
{
    const QString pair = message.path();
    QVariantMap last = m_endedPairs.take(pair);
    if (last.isEmpty())
        last = m_pairs.value(pair);
    if (last.isEmpty())
        return;
    if (m_pairs.contains(pair)) {
        // Cancelled or failed: the pair goes on; done: it ends (PairRemoved).
        QVariantMap &status = m_pairs[pair];
        status.insert(QStringLiteral("replace-state"), QString());
        fetchPairStatus(pair);
        Q_EMIT pairUpdated(pair);
    }
    // The new disk, and after "done" the old ones, changed hands.
    for (const QString &disk : diskPaths())
        fetchDiskInfo(disk);
    Q_EMIT replaceFinished(pair, last, result);
}

void HelperClient::onDiskAdded(const QDBusObjectPath &disk)
{
    if (m_status == Status::Ready)
        fetchDiskInfo(disk.path());
}

void HelperClient::onDiskRemoved(const QDBusObjectPath &disk)
{
    if (m_disks.remove(disk.path()) > 0) {
        m_smart.remove(disk.path());
        Q_EMIT structureChanged();
    }
}

void HelperClient::onPairAdded(const QDBusObjectPath &pair)
{
    if (m_status != Status::Ready)
        return;
    fetchPairStatus(pair.path());
    for (const QString &disk : diskPaths())
        fetchDiskInfo(disk);
}

void HelperClient::onPairRemoved(const QDBusObjectPath &pair)
{
    m_changedPairs.remove(pair.path());
    m_forecasts.remove(pair.path());
    const QVariantMap last = m_pairs.take(pair.path());
    if (last.isEmpty())
        return;
    if (!last.value(QStringLiteral("replace-state")).toString().isEmpty())
        m_endedPairs.insert(pair.path(), last);
    Q_EMIT structureChanged();
    for (const QString &disk : diskPaths())
        fetchDiskInfo(disk);
}

void HelperClient::onSmartUpdated(const QDBusMessage &message)
{
    const QString disk = message.path();
    if (!m_disks.contains(disk))
        return;
    fetchSmart(disk);
    fetchDiskInfo(disk);
}

void HelperClient::onVerdictChanged(const QString &oldVerdict, const QString &verdict,
                                    const QDBusMessage &message)
{
    const QString disk = message.path();
    if (!m_disks.contains(disk))
        return;
    m_disks[disk].insert(QStringLiteral("smart-verdict"), verdict);
    m_smart[disk].insert(QStringLiteral("verdict"), verdict);
    Q_EMIT verdictChanged(disk, oldVerdict, verdict);
    Q_EMIT diskUpdated(disk);
    fetchSmart(disk);
}

void HelperClient::onPairChanged(qulonglong remapped, qulonglong pending, const QDBusMessage &message)
{
    const QString pair = message.path();
    auto it = m_pairs.find(pair);
    if (it == m_pairs.end())
        return;
    it->insert(QStringLiteral("remapped"), remapped);
    it->insert(QStringLiteral("pending"), pending);
    m_changedPairs.insert(pair);
    if (!m_pairFlush.isActive())
        m_pairFlush.start();
}

void HelperClient::onPairStateChanged(const QString &oldState, const QString &state,
                                      const QDBusMessage &message)
{
    const QString pair = message.path();
    auto it = m_pairs.find(pair);
    if (it == m_pairs.end())
        return;
    it->insert(QStringLiteral("state"), state);
    Q_EMIT pairStateChanged(pair, oldState, state);
    Q_EMIT pairUpdated(pair);
    fetchPairStatus(pair);
}

void HelperClient::flushPairChanges()
{
    const QSet<QString> changed = std::exchange(m_changedPairs, {});
    for (const QString &pair : changed) {
        Q_EMIT pairUpdated(pair);
        fetchPairStatus(pair); // errors and other counters
        fetchForecast(pair);
    }
}
