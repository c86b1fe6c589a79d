#include "pairobject.h"

#include "devicemapper.h"
#include "diskobject.h"
#include "forecast.h"
#include "history.h"
#include "historyfeed.h"
#include "manager.h"
#include "pair1adaptor.h"
#include "pairoperations.h"
#include "pairrecord.h"

#include <QDateTime>
#include <QPointer>

#include <limits>
#include <sys/sysmacros.h>

using namespace Validation;

namespace {
constexpr uint kMaxListCount = 65536;
constexpr uint kMaxBuckets = 65536;

// A pair's name for a polkit dialog: device-mapper names are free text (any
// root process may make a remap device), so one that is no valid pair name
// is shown escaped as in object paths, never as text of its own choosing.
QString dialogName(const QString &name)
{
    return isValidPairName(name) ? name : escapePathElement(name);
}

std::shared_ptr<PairOperations::PagedRead> pendingRead()
{
    auto read = std::make_shared<PairOperations::PagedRead>();
    read->remaps = false;
    read->count = std::numeric_limits<quint64>::max();
    return read;
}
} // namespace

PairObject::PairObject(Manager *manager, const QString &name, const QDBusObjectPath &path, QObject *parent)
    : ServiceObject(manager, parent)
    , m_name(name)
    , m_path(path)
{
    new Pair1Adaptor(this);
    m_replacePoll.setInterval(1000);
    connect(&m_replacePoll, &QTimer::timeout, this, &PairObject::refresh);
}

QString PairObject::state() const
{
    if (!m_manager->diskByDevnum(m_main) || !m_manager->diskByDevnum(m_spare))
        return QStringLiteral("missing");
    return m_status ? m_status->state : QStringLiteral("missing");
}

PairObject::Snapshot PairObject::read(const QString &name, const QString &stateDir)
{
    QString error;
    Snapshot snapshot;
    snapshot.name = name;
    const QString target = PairOperations::remapTarget(name);
    if (target != name)
        snapshot.replace = PairOperations::replaceProgress(name);
    snapshot.table = DeviceMapper::table(target, &error);
    snapshot.status = DeviceMapper::status(target, &error);
    for (const PairRecord &r : PairRecords::load(stateDir, nullptr, &error)) {
        if (r.name == name) {
            snapshot.replaceId = r.replaceId;
            snapshot.replaceSectors = r.replaceSectors;
            snapshot.uuid = r.uuid;
        }
    }
    return snapshot;
}

void PairObject::refresh()
{
    QPointer<PairObject> self(this);
    m_manager->runIo<Snapshot>([name = m_name, dir = m_manager->options().stateDirectory] { return read(name, dir); },
                               [self](const Snapshot &snapshot) {
                                   if (self)
                                       self->apply(snapshot);
                               });
}

void PairObject::refreshThen(const QDBusMessage &call, std::function<void()> then)
{
    QPointer<PairObject> self(this);
    m_manager->runIo<Snapshot>([name = m_name, dir = m_manager->options().stateDirectory] { return read(name, dir); },
                               [self, call, then, bus = m_manager->bus()](const Snapshot &snapshot) {
                                   if (!self) {
                                       bus.send(call.createErrorReply(QLatin1String(Errors::NotFound),
                                                                      QStringLiteral("the pair went away")));
                                       return;
                                   }
                                   self->apply(snapshot);
                                   then();
                               });
}

void PairObject::readThen(const QDBusMessage &call, std::shared_ptr<PairOperations::PagedRead> read,
                          std::function<void(const PairOperations::Tables &)> done)
{
    QPointer<PairObject> self(this);
    m_manager->runIo<bool>(
            [name = m_name, read] {
                PairOperations::readPages(name, read.get(), PairOperations::kPagesPerSlice);
                return read->finished;
            },
            [self, call, read, done, bus = m_manager->bus()](const bool &finished) {
                if (!self) {
                    bus.send(call.createErrorReply(QLatin1String(Errors::NotFound), QStringLiteral("the pair went away")));
                    return;
                }
                if (finished)
                    done(read->tables);
                else
                    self->readThen(call, read, done);
            });
}

void PairObject::apply(const Snapshot &snapshot)
{
    const auto &table = snapshot.table;
    const auto &status = snapshot.status;
    if (table) {
        if (const auto params = DmTable::parseParams(table->params)) {
            m_main = makedev(params->mainMajor, params->mainMinor);
            m_spare = makedev(params->spareMajor, params->spareMinor);
        }
        m_length = table->length;
    }
    const auto old = m_status;
    m_status = status ? DmTable::parseStatus(status->params) : std::nullopt;
    if (status)
        m_eventNr = status->eventNr;
    // A finished replacement leaves a linear map under the pair's name until
    // the next scan drops the object.
    if (status && !m_status && status->targetType == QLatin1String("remap"))
        qWarning("dm-remap-helper: unexpected status of %s: %s", qPrintable(m_name), qPrintable(sanitize(status->params)));
    const QString oldState = m_state;
    m_state = state();
    if (m_status && (!old || old->remapped != m_status->remapped || old->pending != m_status->pending
                     || old->readErrors != m_status->readErrors || old->writeErrors != m_status->writeErrors
                     || old->unreadableSectors != m_status->unreadableSectors
                     || old->weakMoved != m_status->weakMoved || old->metadataRepaired != m_status->metadataRepaired
                     || old->failedSlots != m_status->failedSlots))
        Q_EMIT Changed(m_status->remapped, m_status->pending);
    if (!oldState.isEmpty() && oldState != m_state)
        Q_EMIT StateChanged(oldState, m_state);

    const PairOperations::ReplaceProgress oldReplace = m_replace;
    m_replace = snapshot.replace;
    m_replaceId = snapshot.replaceId;
    m_replaceSectors = snapshot.replaceSectors;
    if (!snapshot.uuid.isEmpty())
        m_uuid = snapshot.uuid;
    if (m_replace.copying) {
        if (!m_replacePoll.isActive())
            m_replacePoll.start();
        if (!oldReplace.copying || oldReplace.copied != m_replace.copied)
            Q_EMIT ReplaceProgress(m_replace.copied, m_replace.total);
        followReplacement();
    } else {
        m_replacePoll.stop();
    }
}

DiskObject *PairObject::replacementDisk() const
{
    if (m_replaceId.isEmpty())
        return nullptr;
    for (DiskObject *disk : m_manager->disks())
        if (disk->info().mainId() == m_replaceId && disk->info().sectors() == m_replaceSectors)
            return disk;
    return nullptr;
}

void PairObject::followReplacement()
{
    if (m_replaceEnding)
        return;
    // A block the copy could not read is pending in the remap target: its
    // data cannot reach the new disk.
    if (m_replace.failure.isEmpty() && m_status && m_status->pending > 0)
        m_replace.failure = QStringLiteral("%1 blocks could not be read from the main disk").arg(m_status->pending);
    if (!m_replace.failure.isEmpty())
        endReplacement(false, m_replace.failure);
    else if (m_replace.inSync)
        endReplacement(true, QString());
}

void PairObject::endReplacement(bool finish, const QString &failure)
{
    m_replaceEnding = true;
    const QString name = m_name;
    const QString stateDir = m_manager->options().stateDirectory;
    QPointer<PairObject> self(this);
    QPointer<Manager> manager(m_manager);
    m_manager->runIo<Error>(
            [stateDir, name, finish] {
                return finish ? PairOperations::finishReplace(stateDir, name) : PairOperations::cancelReplace(stateDir, name);
            },
            [self, manager, name, finish, failure](const Error &error) {
                if (self)
                    self->m_replaceEnding = false;
                if (error.isError()) {
                    // Not copied completely after all (a write the new disk
                    // failed meanwhile): the next poll looks again.
                    if (error.name != QLatin1String(Errors::Busy))
                        qWarning("dm-remap-helper: pair %s: %s", qPrintable(name), qPrintable(error.message));
                    return;
                }
                if (!finish)
                    qWarning("dm-remap-helper: pair %s: replacing the main disk failed and was stopped: %s",
                             qPrintable(name), qPrintable(failure));
                if (self)
                    Q_EMIT self->ReplaceFinished(finish ? QStringLiteral("done") : QStringLiteral("failed"));
                if (manager) {
                    manager->syncPairs();
                    manager->syncDisks();
                }
            });
}

QVariantMap PairObject::statusMap() const
{
    DiskObject *main = m_manager->diskByDevnum(m_main);
    DiskObject *spare = m_manager->diskByDevnum(m_spare);
    auto pathOf = [](DiskObject *d) { return d ? d->path() : QDBusObjectPath(QStringLiteral("/")); };
    const DmTable::Status s = m_status.value_or(DmTable::Status{});
    QVariantMap m;
    m.insert(QStringLiteral("name"), m_name);
    m.insert(QStringLiteral("device"), QStringLiteral("/dev/mapper/") + m_name);
    m.insert(QStringLiteral("main"), QVariant::fromValue(pathOf(main)));
    m.insert(QStringLiteral("spare"), QVariant::fromValue(pathOf(spare)));
    m.insert(QStringLiteral("main-path"), main ? main->info().path : QString());
    m.insert(QStringLiteral("spare-path"), spare ? spare->info().path : QString());
    m.insert(QStringLiteral("main-present"), main != nullptr);
    m.insert(QStringLiteral("spare-present"), spare != nullptr);
    m.insert(QStringLiteral("block-size"), s.blockSize);
    m.insert(QStringLiteral("main-sectors"), qulonglong(m_length));
    m.insert(QStringLiteral("remapped"), qulonglong(s.remapped));
    m.insert(QStringLiteral("capacity"), qulonglong(s.capacity));
    m.insert(QStringLiteral("pending"), qulonglong(s.pending));
    m.insert(QStringLiteral("read-errors"), qulonglong(s.readErrors));
    m.insert(QStringLiteral("write-errors"), qulonglong(s.writeErrors));
    m.insert(QStringLiteral("unreadable-sectors"), qulonglong(s.unreadableSectors));
    m.insert(QStringLiteral("weak-moved"), qulonglong(s.weakMoved));
    m.insert(QStringLiteral("metadata-repaired"), qulonglong(s.metadataRepaired));
    m.insert(QStringLiteral("failed-slots"), qulonglong(s.failedSlots));
    m.insert(QStringLiteral("state"), m_state.isEmpty() ? state() : m_state);
    DiskObject *replacement = replacementDisk();
    m.insert(QStringLiteral("replace-state"), m_replace.copying ? QStringLiteral("copying")
                                              : m_replaceId.isEmpty() ? QString() : QStringLiteral("interrupted"));
    m.insert(QStringLiteral("replace-disk"), QVariant::fromValue(pathOf(replacement)));
    m.insert(QStringLiteral("replace-disk-path"), replacement ? replacement->info().path : QString());
    m.insert(QStringLiteral("replace-copied"), qulonglong(m_replace.copied));
    m.insert(QStringLiteral("replace-total"), qulonglong(m_replace.copying ? m_replace.total : m_length));
    m.insert(m_manager->patrolScans()->statusOf(this));
    return m;
}

QVariantMap PairObject::GetStatus()
{
    authorizeThen(Actions::Read, {}, [this](const QDBusMessage &call) {
        refreshThen(call, [this, call] { sendReply(call, statusMap()); });
    });
    return {};
}

DmRemap::RemapList PairObject::ListRemaps(qulonglong offset, uint count)
{
    authorizeThen(Actions::Read, {}, [this, offset, count](const QDBusMessage &call) {
        auto read = std::make_shared<PairOperations::PagedRead>();
        read->skip = offset;
        read->count = qMin(count, kMaxListCount);
        readThen(call, read, [this, call](const PairOperations::Tables &tables) {
            if (tables.error.isError())
                sendError(call, tables.error);
            else
                sendReply(call, QVariant::fromValue(tables.remaps));
        });
    });
    return {};
}

QList<qulonglong> PairObject::ListPending()
{
    authorizeThen(Actions::Read, {}, [this](const QDBusMessage &call) {
        readThen(call, pendingRead(), [this, call](const PairOperations::Tables &tables) {
            if (tables.error.isError())
                sendError(call, tables.error);
            else
                sendReply(call, QVariant::fromValue(tables.pending));
        });
    });
    return {};
}

DmRemap::MapBucketList PairObject::GetMap(qulonglong first, qulonglong length, uint buckets)
{
    if (refuse(buckets < 1 || buckets > kMaxBuckets || length == 0
                       ? Error{Errors::InvalidArgument, QStringLiteral("a map has 1 to %1 buckets and a length").arg(kMaxBuckets)}
                       : Error{}))
        return {};
    authorizeThen(Actions::Read, {}, [this, first, length, buckets](const QDBusMessage &call) {
        refreshThen(call, [this, call, first, length, buckets] {
            if (buckets < 1 || buckets > kMaxBuckets || length == 0 || first >= m_length || length > m_length - first) {
                sendError(call, Errors::InvalidArgument,
                          QStringLiteral("the range must lie within the main disk's %1 sectors, with 1 to %2 buckets")
                                  .arg(m_length).arg(kMaxBuckets));
                return;
            }
            // Pending blocks appear without a dm event (a failed read), so
            // they are read every time; the counting runs on the worker too.
            auto withPending = [this, call, first, length, buckets] {
                readThen(call, pendingRead(), [this, call, first, length, buckets](const PairOperations::Tables &pending) {
                    if (pending.error.isError()) {
                        sendError(call, pending.error);
                        return;
                    }
                    m_pendingCache = pending.pending;
                    m_manager->runIo<DmRemap::MapBucketList>(
                            [remaps = m_remapCache, pending = m_pendingCache, first, length, buckets] {
                                return DmTable::buildMap(remaps, pending, first, length, buckets);
                            },
                            [call, bus = m_manager->bus()](const DmRemap::MapBucketList &map) {
                                bus.send(call.createReply(QVariant::fromValue(map)));
                            });
                });
            };
            // Every new remap raises a dm event, so the remap list is re-read
            // only when the event number moved.
            if (m_cacheValid && m_cacheEventNr == m_eventNr) {
                withPending();
                return;
            }
            auto read = std::make_shared<PairOperations::PagedRead>();
            read->count = std::numeric_limits<quint64>::max();
            readThen(call, read, [this, call, eventNr = m_eventNr, withPending](const PairOperations::Tables &remaps) {
                if (remaps.error.isError()) {
                    sendError(call, remaps.error);
                    return;
                }
                m_remapCache = remaps.remaps;
                m_cacheEventNr = eventNr;
                m_cacheValid = true;
                withPending();
            });
        });
    });
    return {};
}

QVariantMap PairObject::Remap(qulonglong sector)
{
    authorizeThen(Actions::Remap, {{QStringLiteral("name"), dialogName(m_name)}, {QStringLiteral("sector"), QString::number(sector)}},
                  [this, sector](const QDBusMessage &call) {
                      refreshThen(call, [this, call, sector] {
                          if (sector >= m_length) {
                              sendError(call, Errors::InvalidArgument,
                                        QStringLiteral("sector %1 is beyond the main disk's %2 sectors").arg(sector).arg(m_length));
                              return;
                          }
                          remapThen(sector, [call, bus = m_manager->bus()](const PairOperations::RemapOutcome &outcome) {
                              if (outcome.error.isError()) {
                                  bus.send(call.createErrorReply(outcome.error.name, outcome.error.message));
                                  return;
                              }
                              QVariantMap m;
                              m.insert(QStringLiteral("result"), outcome.answer.result);
                              m.insert(QStringLiteral("main-sector"), qulonglong(outcome.answer.mainSector));
                              m.insert(QStringLiteral("spare-sector"), qulonglong(outcome.answer.spareSector));
                              bus.send(call.createReply(m));
                          });
                      });
                  });
    return {};
}

void PairObject::remapThen(quint64 sector, std::function<void(const PairOperations::RemapOutcome &)> done)
{
    QPointer<PairObject> self(this);
    m_manager->runIo<PairOperations::RemapOutcome>([name = m_name, sector] { return PairOperations::remap(name, sector); },
                                                   [self, done](const PairOperations::RemapOutcome &outcome) {
                                                       done(outcome);
                                                       if (self)
                                                           self->refresh();
                                                   });
}

void PairObject::remapReportedSector(quint64 sector, const QString &source)
{
    if (sector >= m_length)
        return;
    remapThen(sector, [name = m_name, sector, source](const PairOperations::RemapOutcome &outcome) {
        if (outcome.error.isError())
            qWarning("dm-remap-helper: pair %s: %s reports sector %llu failing; moving its block failed: %s", qPrintable(name),
                     qPrintable(source), sector, qPrintable(outcome.error.message));
        else
            qInfo("dm-remap-helper: pair %s: %s reports sector %llu failing; its block: %s", qPrintable(name),
                  qPrintable(source), sector, qPrintable(outcome.answer.result));
    });
}

void PairObject::Remove()
{
    remove({}, false);
}

QVariantMap PairObject::RemoveWithOptions(const QVariantMap &options)
{
    remove(options, true);
    return {};
}

void PairObject::remove(const QVariantMap &options, bool withResult)
{
    Error error;
    const RemoveOptions parsed = parseRemoveOptions(options, &error);
    if (refuse(error))
        return;
    DiskObject *main = m_manager->diskByDevnum(m_main);
    DiskObject *spare = m_manager->diskByDevnum(m_spare);
    const Authorizer::Details details{
            {QStringLiteral("name"), dialogName(m_name)},
            {QStringLiteral("main"), main ? main->description() : QStringLiteral("(missing)")},
            {QStringLiteral("spare"), spare ? spare->description() : QStringLiteral("(missing)")},
    };
    authorizeThen(Actions::RemovePair, details, [this, parsed, withResult](const QDBusMessage &call) {
        // The background scan's reads keep the device open: they end first.
        QPointer<PairObject> self(this);
        m_manager->patrolScans()->holdThen(this, [self, call, parsed, withResult, bus = m_manager->bus()] {
            if (self)
                self->removeHeld(call, parsed.force, withResult);
            else
                bus.send(call.createErrorReply(QString::fromLatin1(Errors::NotFound), QStringLiteral("the pair is gone")));
        });
    });
}

void PairObject::removeHeld(const QDBusMessage &call, bool force, bool withResult)
{
    const QString name = m_name;
    Manager *manager = m_manager;
    const QString stateDir = manager->options().stateDirectory;
    QPointer<Manager> guard(manager);
    QPointer<PairObject> self(this);
    manager->runIo<PairOperations::RemoveOutcome>(
            [stateDir, name, force] { return PairOperations::remove(stateDir, name, force); },
            [guard, self, call, name, withResult](const PairOperations::RemoveOutcome &outcome) {
                if (!guard)
                    return;
                if (outcome.error.isError()) {
                    if (self)
                        guard->patrolScans()->release(self);
                    // The device was suspended for a moment: its object may
                    // have missed events.
                    guard->syncPairs();
                    guard->bus().send(call.createErrorReply(outcome.error.name, outcome.error.message));
                    return;
                }
                if (outcome.lost > 0)
                    qWarning("dm-remap-helper: pair %s removed by force: the newest data of %llu blocks is only on "
                             "its spare", qPrintable(name), outcome.lost);
                QVariantMap m;
                m.insert(QStringLiteral("written-back"), qulonglong(outcome.writtenBack));
                m.insert(QStringLiteral("lost"), qulonglong(outcome.lost));
                m.insert(QStringLiteral("unreadable"), qulonglong(outcome.unreadable));
                guard->syncPairs([bus = guard->bus(), call, m, withResult] {
                    bus.send(withResult ? call.createReply(m) : call.createReply());
                });
            });
}

void PairObject::ReplaceMain(const QDBusObjectPath &newDisk, const QVariantMap &options)
{
    if (refuse(checkReplaceOptions(options)))
        return;
    // As CreatePair: the dialog names the disk from the helper's own
    // records; its identity is checked again, live, before it is erased.
    const std::optional<DiskInfo> seen = m_manager->diskInfoByPath(newDisk);
    const Authorizer::Details details{
            {QStringLiteral("name"), dialogName(m_name)},
            {QStringLiteral("disk"), seen ? seen->description() : QStringLiteral("(no such disk)")},
    };
    authorizeThen(Actions::ReplaceMain, details, [this, seen, newDisk](const QDBusMessage &call) {
        if (!seen) {
            sendError(call, Errors::NotFound, QStringLiteral("no such disk: %1").arg(newDisk.path()));
            return;
        }
        const PairOperations::ReplaceRequest request{m_manager->options().stateDirectory, m_name, *seen};
        QPointer<PairObject> self(this);
        // The copy reads every block: the background scan waits until it ends.
        m_manager->patrolScans()->holdThen(this, [self, call, request, bus = m_manager->bus(), manager = QPointer<Manager>(m_manager)] {
            if (!self || !manager) {
                bus.send(call.createErrorReply(QString::fromLatin1(Errors::NotFound), QStringLiteral("the pair is gone")));
                return;
            }
            manager->runIo<Error>([request] { return PairOperations::startReplace(request); },
                                  [self, call, bus, manager](const Error &error) {
                                      if (error.isError())
                                          bus.send(call.createErrorReply(error.name, error.message));
                                      else
                                          bus.send(call.createReply());
                                      if (manager)
                                          manager->syncDisks();
                                      if (self) {
                                          self->refresh();
                                          manager->patrolScans()->release(self);
                                      }
                                  });
        });
    });
}

void PairObject::CancelReplace()
{
    DiskObject *replacement = replacementDisk();
    const Authorizer::Details details{
            {QStringLiteral("name"), dialogName(m_name)},
            {QStringLiteral("disk"), replacement ? replacement->description() : QStringLiteral("(missing)")},
    };
    authorizeThen(Actions::ReplaceMain, details, [this](const QDBusMessage &call) {
        m_replaceEnding = true;
        const QString name = m_name;
        const QString stateDir = m_manager->options().stateDirectory;
        QPointer<PairObject> self(this);
        m_manager->runIo<Error>([stateDir, name] { return PairOperations::cancelReplace(stateDir, name); },
                                [self, call, bus = m_manager->bus(), manager = QPointer<Manager>(m_manager)](const Error &error) {
                                    if (self)
                                        self->m_replaceEnding = false;
                                    if (error.isError()) {
                                        bus.send(call.createErrorReply(error.name, error.message));
                                        return;
                                    }
                                    bus.send(call.createReply());
                                    if (self)
                                        Q_EMIT self->ReplaceFinished(QStringLiteral("cancelled"));
                                    if (manager) {
                                        manager->syncPairs();
                                        manager->syncDisks();
                                    }
                                });
    });
}

void PairObject::StartScan()
{
    controlScan(&PatrolScan::Scheduler::start);
}

void PairObject::StopScan()
{
    controlScan(&PatrolScan::Scheduler::stop);
}

void PairObject::controlScan(Error (PatrolScan::Scheduler::*control)(PairObject *))
{
    authorizeThen(Actions::Scan, {{QStringLiteral("name"), dialogName(m_name)}}, [this, control](const QDBusMessage &call) {
        const Error error = (m_manager->patrolScans()->*control)(this);
        if (error.isError())
            sendError(call, error);
        else
            sendReply(call);
    });
}

QString PairObject::historyId() const
{
    return m_uuid.isEmpty() ? QStringLiteral("name:") + m_name : m_uuid;
}

QList<QVariantMap> PairObject::GetHistory(qlonglong from, qlonglong to, qlonglong resolution)
{
    if (refuse(checkHistoryRange(from, to, resolution)))
        return {};
    authorizeThen(Actions::Read, {}, [this, from, to, resolution](const QDBusMessage &call) {
        QPointer<PairObject> self(this);
        m_manager->history()->pairHistory(historyId(), from, to, resolution)
                .then(m_manager, [self, call, bus = m_manager->bus()](const History::PairHistory &history) {
                    if (!self) {
                        bus.send(call.createErrorReply(QLatin1String(Errors::NotFound), QStringLiteral("the pair went away")));
                        return;
                    }
                    if (!history.error.isEmpty()) {
                        self->sendError(call, Errors::Failed, history.error);
                        return;
                    }
                    self->sendReply(call, QVariant::fromValue(HistoryFeed::pairBucketMaps(history.buckets)));
                });
    });
    return {};
}

void PairObject::forecast(std::function<void(const QVariantMap &, const QString &)> done)
{
    if (!m_status) {
        done({}, QStringLiteral("the status of pair %1 is not known").arg(m_name));
        return;
    }
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    Forecast::SpareInput input;
    input.capacitySlots = m_status->capacity;
    input.usedSlots = std::min(m_status->capacity, m_status->remapped + m_status->failedSlots);
    input.nowSecs = now;
    // The main disk's reallocated-sector count for the risk band: ATA only.
    const DiskObject *main = m_manager->diskByDevnum(m_main);
    const std::optional<quint64> reallocated = main && main->smart().available ? main->smart().reallocatedSectors : std::nullopt;
    const QString mainId = main ? main->info().mainId() : QString();
    QPointer<PairObject> self(this);
    HistoryFeed::answerForecast(m_manager->history(), m_manager, historyId(), input, mainId, reallocated,
                                [self, done](const QVariantMap &answer, const QString &error) {
                                    if (!self)
                                        done({}, QStringLiteral("the pair went away"));
                                    else
                                        done(answer, error);
                                });
}

QVariantMap PairObject::GetForecast()
{
    authorizeThen(Actions::Read, {}, [this](const QDBusMessage &call) {
        // Answered through the bus: the pair may be gone by then.
        forecast([call, bus = m_manager->bus()](const QVariantMap &answer, const QString &error) {
            bus.send(error.isEmpty() ? call.createReply(answer) : call.createErrorReply(QLatin1String(Errors::Failed), error));
        });
    });
    return {};
}
