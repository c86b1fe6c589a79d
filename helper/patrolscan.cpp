#include "patrolscan.h"

#include "diskobject.h"
#include "manager.h"
#include "pairobject.h"

#include <QDateTime>
#include <QFile>
#include <QPointer>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <mutex>
#include <pthread.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <thread>
#include <unistd.h>

namespace PatrolScan {

namespace {
using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

constexpr int kAnnounceEveryMs = 5000;
// A reboot or a crash costs at most this much of a pass read again.
constexpr int kSaveEveryMs = 10000;
constexpr quint64 kMinChunk = 64 * 1024;
constexpr quint64 kMaxChunk = 1024 * 1024;
constexpr auto kBusyWindow = 1s;

qint64 nowSecs()
{
    return QDateTime::currentSecsSinceEpoch();
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

// The calling thread's I/O at idle priority: served only when the disk has
// nothing else to do (with an I/O scheduler that honours priorities).
bool setIdleIoPriority()
{
    constexpr int kWhoProcess = 1, kClassIdle = 3, kClassShift = 13;
    return syscall(SYS_ioprio_set, kWhoProcess, 0, kClassIdle << kClassShift) == 0;
}

struct IoCounters {
    quint64 readSectors = 0;
    quint64 writeSectors = 0;
};

// From /sys/dev/block/M:m/stat (Documentation/block/stat.rst).
bool readCounters(const QByteArray &statPath, IoCounters *counters)
{
    QFile file(QString::fromLocal8Bit(statPath));
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QList<QByteArray> fields = file.readAll().simplified().split(' ');
    if (fields.size() < 7)
        return false;
    counters->readSectors = fields[2].toULongLong();
    counters->writeSectors = fields[6].toULongLong();
    return true;
}

// Errors with which the target reports blocks it could not read (and made
// pending); any other error means the device itself is not there to read.
bool isUnreadableBlock(int error)
{
    return error == EIO || error == ENODATA || error == EREMOTEIO || error == EILSEQ || error == ETIMEDOUT;
}
} // namespace

// One pass's reading of one pair, from a position on, on a thread of its own.
class Reader
{
public:
    struct Params {
        QString device;
        quint64 start = 0;
        quint64 size = 0;
        quint64 rate = 0;
        quint64 readErrors = 0;
    };

    Reader(const Params &params, QObject *context,
           std::function<void(const QString &state)> stateChanged,
           std::function<void(bool finished, const QString &error)> ended)
        : m_shared(std::make_shared<Shared>())
    {
        m_shared->position = params.start;
        m_shared->readErrors = params.readErrors;
        m_thread = std::thread([shared = m_shared, params, context = QPointer<QObject>(context), stateChanged, ended] {
            QString error;
            const bool finished = run(*shared, params, context, stateChanged, &error);
            {
                std::lock_guard lock(shared->mutex);
                shared->done = true;
            }
            shared->wake.notify_all();
            if (context)
                QMetaObject::invokeMethod(context, [ended, finished, error] { ended(finished, error); }, Qt::QueuedConnection);
        });
    }

    ~Reader()
    {
        requestStop();
        // A read of a failing disk may take minutes: the thread is left to
        // end on its own rather than holding up the helper.
        if (waitDone(2000))
            m_thread.join();
        else
            m_thread.detach();
    }

    void requestStop()
    {
        {
            std::lock_guard lock(m_shared->mutex);
            m_shared->stop = true;
        }
        m_shared->wake.notify_all();
    }

    bool waitDone(int timeoutMs)
    {
        std::unique_lock lock(m_shared->mutex);
        return m_shared->wake.wait_for(lock, std::chrono::milliseconds(timeoutMs), [this] { return m_shared->done; });
    }

    quint64 position() const { return m_shared->position; }
    quint64 readErrors() const { return m_shared->readErrors; }

private:
    struct Shared {
        std::mutex mutex;
        std::condition_variable wake;
        bool stop = false;
        bool done = false;
        std::atomic<quint64> position{0};
        std::atomic<quint64> readErrors{0};
    };

    // Waits until deadline or a stop; true when stopped.
    static bool sleepUntil(Shared &shared, Clock::time_point deadline)
    {
        std::unique_lock lock(shared.mutex);
        return shared.wake.wait_until(lock, deadline, [&] { return shared.stop; });
    }

    static bool run(Shared &shared, const Params &params, const QPointer<QObject> &context,
                    const std::function<void(const QString &)> &stateChanged, QString *error)
    {
        pthread_setname_np(pthread_self(), "dm-remap-scan");
        if (!setIdleIoPriority())
            qWarning("dm-remap-helper: the background scan of %s reads at normal I/O priority: ioprio_set: %s",
                     qPrintable(params.device), strerror(errno));
        const auto tell = [&](const QString &state) {
            if (context)
                QMetaObject::invokeMethod(context, [stateChanged, state] { stateChanged(state); }, Qt::QueuedConnection);
        };
        const QByteArray device = QFile::encodeName(params.device);
        struct stat st {};
        if (stat(device.constData(), &st) != 0 || !S_ISBLK(st.st_mode)) {
            *error = QStringLiteral("%1: %2").arg(params.device, QString::fromLocal8Bit(strerror(errno)));
            return false;
        }
        const QByteArray statPath = QStringLiteral("/sys/dev/block/%1:%2/stat").arg(major(st.st_rdev)).arg(minor(st.st_rdev)).toLocal8Bit();
        const quint64 chunk = qBound(kMinChunk, params.rate / 4 / kMinChunk * kMinChunk, kMaxChunk);
        std::unique_ptr<void, decltype(&free)> buffer(aligned_alloc(4096, chunk), &free);
        if (!buffer) {
            *error = QStringLiteral("no memory for the read buffer");
            return false;
        }

        IoCounters windowCounters;
        const bool haveCounters = readCounters(statPath, &windowCounters);
        auto windowStart = Clock::now();
        quint64 ownSectors = 0;
        bool busy = false;
        auto bucketStart = Clock::now();
        quint64 bucketBytes = 0;
        tell(QStringLiteral("running"));

        quint64 position = params.start;
        while (position < params.size) {
            {
                std::lock_guard lock(shared.mutex);
                if (shared.stop)
                    return false;
            }
            // Others' I/O on the pair: the device's counters less our own reads.
            const auto now = Clock::now();
            IoCounters counters;
            if (haveCounters && now - windowStart >= kBusyWindow && readCounters(statPath, &counters)) {
                const double seconds = std::chrono::duration<double>(now - windowStart).count();
                const qint64 others = qint64(counters.readSectors - windowCounters.readSectors) - qint64(ownSectors)
                                      + qint64(counters.writeSectors - windowCounters.writeSectors);
                const bool nowBusy = others > 0 && double(others) * 512 > double(kBusyBytesPerSec) * seconds;
                if (nowBusy != busy)
                    tell(nowBusy ? QStringLiteral("paused-busy") : QStringLiteral("running"));
                busy = nowBusy;
                windowCounters = counters;
                windowStart = now;
                ownSectors = 0;
            }
            if (busy) {
                // No burst to catch up once the pair is quiet again.
                bucketStart = Clock::now();
                bucketBytes = 0;
                if (sleepUntil(shared, windowStart + kBusyWindow))
                    return false;
                continue;
            }
            const auto due = bucketStart + std::chrono::duration_cast<Clock::duration>(
                                     std::chrono::duration<double>(double(bucketBytes) / double(params.rate)));
            if (due > Clock::now() && sleepUntil(shared, due))
                return false;

            const quint64 length = std::min(chunk, params.size - position);
            const int fd = open(device.constData(), O_RDONLY | O_DIRECT | O_CLOEXEC);
            if (fd < 0) {
                *error = QStringLiteral("%1: %2").arg(params.device, QString::fromLocal8Bit(strerror(errno)));
                return false;
            }
            const ssize_t got = pread(fd, buffer.get(), length, off_t(position));
            const int readError = errno;
            close(fd);
            if (got < 0 && !isUnreadableBlock(readError)) {
                *error = QStringLiteral("reading %1 at byte %2: %3")
                             .arg(params.device).arg(position).arg(QString::fromLocal8Bit(strerror(readError)));
                return false;
            }
            if (got == 0)
                break; // the device is shorter than when the pass began
            if (got < 0)
                ++shared.readErrors;
            const quint64 advanced = got < 0 ? length : quint64(got);
            position += advanced;
            ownSectors += advanced / 512;
            bucketBytes += advanced;
            shared.position = position;
            tell(QStringLiteral("running"));
        }
        return true;
    }

    std::shared_ptr<Shared> m_shared;
    std::thread m_thread;
};

Scheduler::Scheduler(Manager *manager, const Options &options, QObject *parent)
    : QObject(parent)
    , m_manager(manager)
    , m_options(options)
{
    connect(manager, &Manager::PairAdded, this, [this](const QDBusObjectPath &path) {
        if (PairObject *pair = m_manager->pairByPath(path))
            follow(pair);
    });
    // A pair gone from device-mapper: its reading ends, its position stays
    // for when it comes back.
    connect(manager, &Manager::PairRemoved, this, [this] { reconsider(); });
    // A main disk found asleep (or awake again) by a SMART read.
    connect(manager, &Manager::DiskAdded, this, [this](const QDBusObjectPath &path) {
        const QPointer<DiskObject> disk(m_manager->diskByPath(path));
        if (!disk)
            return;
        connect(disk, &DiskObject::Updated, this, [this, disk] {
            PairObject *pair = nullptr;
            if (disk && m_manager->roleOf(disk->info().devnum, &pair) == QLatin1String("main") && pair)
                reconsider(pair);
        });
    });
    m_schedule.setInterval(60 * 1000);
    connect(&m_schedule, &QTimer::timeout, this, qOverload<>(&Scheduler::reconsider));
    m_schedule.start();
    manager->history()->scanPositions().then(this, [this](const History::ScanPositions &positions) { loaded(positions); });
}

Scheduler::~Scheduler()
{
    for (Scan &scan : m_scans) {
        if (!scan.reader)
            continue;
        scan.reader->requestStop();
        scan.reader->waitDone(2000);
        scan.saved.position = scan.reader->position();
        scan.saved.readErrors = scan.reader->readErrors();
        save(scan);
        scan.reader.reset();
    }
}

void Scheduler::loaded(const History::ScanPositions &positions)
{
    if (!positions.error.isEmpty())
        qWarning("dm-remap-helper: the background scan starts every pass afresh: %s", qPrintable(positions.error));
    for (const History::ScanPosition &position : positions.positions)
        m_scans[position.pairId].saved = position;
    m_loaded = true;
    for (PairObject *pair : m_manager->pairs())
        follow(pair);
}

void Scheduler::follow(PairObject *pair)
{
    if (!m_loaded)
        return;
    const QString id = pair->historyId();
    if (!m_scans.contains(id)) {
        Scan &scan = m_scans[id];
        scan.saved.pairId = id;
        scan.saved.firstSeen = nowSecs();
        save(scan);
    }
    reconsider(pair);
}

PairObject *Scheduler::pairOf(const QString &pairId) const
{
    for (PairObject *pair : m_manager->pairs())
        if (pair->historyId() == pairId)
            return pair;
    return nullptr;
}

void Scheduler::reconsider()
{
    for (auto it = m_scans.begin(); it != m_scans.end(); ++it) {
        if (pairOf(it.key()))
            continue;
        // Removed (or gone at power-off): when it comes back, it is scanned again.
        it->held = false;
        if (it->reader && !it->stopping) {
            it->stopping = true;
            it->reader->requestStop();
        }
    }
    for (PairObject *pair : m_manager->pairs())
        reconsider(pair);
}

void Scheduler::reconsider(PairObject *pair)
{
    if (!m_loaded)
        return;
    auto it = m_scans.find(pair->historyId());
    if (it == m_scans.end())
        return;
    Scan &scan = *it;
    const DiskObject *main = m_manager->diskByDevnum(pair->mainDevnum());
    // Reading would wake a sleeping disk: the pass waits for it to be woken,
    // or for the window in which it may wake it.
    const int minuteOfDay = QTime::currentTime().msecsSinceStartOfDay() / 60000;
    const bool asleep = main && main->smart().standby && !inWindow(m_options, minuteOfDay);
    const qint64 now = nowSecs();
    const qint64 next = nextPass(m_options, scan.saved);
    const bool due = !scan.saved.stopped && (scan.saved.passStarted || (next && now >= next));
    const bool wanted = due && !scan.held && main && !pair->replacing() && !asleep && now >= scan.retryAfterSecs;
    const QString oldState = scan.state;
    if (wanted && !scan.reader) {
        startReader(pair, scan);
    } else if (!wanted && scan.reader && !scan.stopping) {
        scan.stopping = true;
        scan.reader->requestStop();
    }
    if (!wanted)
        scan.state = scan.saved.stopped ? QStringLiteral("stopped")
                     : due && asleep    ? QStringLiteral("paused-asleep")
                                        : QStringLiteral("idle");
    if (scan.state != oldState)
        announce(it.key(), scan);
}

void Scheduler::startReader(PairObject *pair, Scan &scan)
{
    const quint64 size = pair->sectors() * 512;
    if (!scan.saved.passStarted || scan.saved.size != size || scan.saved.position > size) {
        scan.saved.passStarted = nowSecs();
        scan.saved.position = 0;
        scan.saved.size = size;
        scan.saved.readErrors = 0;
    }
    if (scan.saved.position == 0) {
        qInfo("dm-remap-helper: pair %s: background scan started (%llu bytes at %llu bytes/s)", qPrintable(pair->name()),
              size, rateFor(m_options, size));
    } else {
        qInfo("dm-remap-helper: pair %s: background scan goes on at byte %llu of %llu", qPrintable(pair->name()),
              scan.saved.position, size);
    }
    save(scan);
    const QString id = pair->historyId();
    const quint64 generation = ++scan.generation;
    const Reader::Params params{QStringLiteral("/dev/mapper/") + pair->name(), scan.saved.position, size,
                                rateFor(m_options, size), scan.saved.readErrors};
    scan.reader = std::make_shared<Reader>(
            params, this, [this, id, generation](const QString &state) { readerProgress(id, generation, state); },
            [this, id, generation](bool finished, const QString &error) { readerEnded(id, generation, finished, error); });
    scan.state = QStringLiteral("running");
}

void Scheduler::readerProgress(const QString &pairId, quint64 generation, const QString &state)
{
    auto it = m_scans.find(pairId);
    if (it == m_scans.end() || !it->reader || it->generation != generation || it->stopping)
        return;
    Scan &scan = *it;
    scan.saved.position = scan.reader->position();
    scan.saved.readErrors = scan.reader->readErrors();
    const qint64 now = nowMs();
    const bool changed = state != scan.state;
    scan.state = state;
    if (changed || now - scan.lastAnnouncedMs >= kAnnounceEveryMs)
        announce(pairId, scan);
    if (changed || now - scan.lastSavedMs >= kSaveEveryMs)
        save(scan);
}

void Scheduler::readerEnded(const QString &pairId, quint64 generation, bool finished, const QString &error)
{
    auto it = m_scans.find(pairId);
    if (it == m_scans.end() || !it->reader || it->generation != generation)
        return;
    Scan &scan = *it;
    scan.saved.position = scan.reader->position();
    scan.saved.readErrors = scan.reader->readErrors();
    scan.reader.reset();
    scan.stopping = false;
    PairObject *pair = pairOf(pairId);
    const QString name = pair ? pair->name() : pairId;
    if (finished) {
        qInfo("dm-remap-helper: pair %s: background scan finished; %llu reads failed", qPrintable(name),
              scan.saved.readErrors);
        scan.saved.lastFinished = nowSecs();
        scan.saved.passStarted = 0;
        scan.saved.position = 0;
    } else if (!error.isEmpty()) {
        qWarning("dm-remap-helper: pair %s: background scan interrupted, tried again in a minute: %s",
                 qPrintable(name), qPrintable(error));
        scan.retryAfterSecs = nowSecs() + 60;
    }
    save(scan);
    for (const auto &then : std::exchange(scan.afterReader, {}))
        then();
    // A StartScan that came while this reader was stopping.
    if (PairObject *again = pairOf(pairId))
        reconsider(again);
    else if (m_scans.contains(pairId))
        announce(pairId, m_scans[pairId]);
}

void Scheduler::save(Scan &scan)
{
    scan.lastSavedMs = nowMs();
    QString error;
    if (!m_manager->history()->record(scan.saved, &error))
        qWarning("dm-remap-helper: %s", qPrintable(error));
}

void Scheduler::announce(const QString &pairId, Scan &scan)
{
    scan.lastAnnouncedMs = nowMs();
    if (PairObject *pair = pairOf(pairId))
        pair->announceScan(scan.saved.passStarted ? scan.saved.position : 0, scan.saved.size, scan.state);
}

QVariantMap Scheduler::statusOf(const PairObject *pair) const
{
    const auto it = m_scans.constFind(pair->historyId());
    History::ScanPosition position = it == m_scans.cend() ? History::ScanPosition{} : it->saved;
    if (it != m_scans.cend() && it->reader) {
        position.position = it->reader->position();
        position.readErrors = it->reader->readErrors();
    }
    const quint64 size = position.passStarted ? position.size : pair->sectors() * 512;
    const QString state = it == m_scans.cend() ? QStringLiteral("idle") : it->state;
    return statusKeys(position, state, rateFor(m_options, size), nextPass(m_options, position));
}

Validation::Error Scheduler::start(PairObject *pair)
{
    auto it = m_scans.find(pair->historyId());
    if (!m_loaded || it == m_scans.end())
        return {Validation::Errors::Busy, QStringLiteral("the scan positions are still being read: try again")};
    if (pair->replacing())
        return {Validation::Errors::Busy, QStringLiteral("pair %1's main disk is being replaced").arg(pair->name())};
    if (!m_manager->diskByDevnum(pair->mainDevnum()))
        return {Validation::Errors::NotFound, QStringLiteral("pair %1's main disk is missing").arg(pair->name())};
    if (it->held)
        return {Validation::Errors::Busy, QStringLiteral("pair %1 is being removed").arg(pair->name())};
    it->saved.stopped = false;
    if (!it->saved.passStarted) {
        it->saved.passStarted = nowSecs();
        it->saved.position = 0;
        it->saved.size = pair->sectors() * 512;
        it->saved.readErrors = 0;
    }
    save(*it);
    reconsider(pair);
    return {};
}

Validation::Error Scheduler::stop(PairObject *pair)
{
    auto it = m_scans.find(pair->historyId());
    if (!m_loaded || it == m_scans.end())
        return {Validation::Errors::Busy, QStringLiteral("the scan positions are still being read: try again")};
    it->saved.stopped = true;
    if (it->reader) {
        it->saved.position = it->reader->position();
        it->saved.readErrors = it->reader->readErrors();
    }
    save(*it);
    reconsider(pair);
    return {};
}

void Scheduler::holdThen(PairObject *pair, std::function<void()> then)
{
    auto it = m_scans.find(pair->historyId());
    if (it == m_scans.end()) {
        then();
        return;
    }
    it->held = true;
    if (!it->reader) {
        then();
        return;
    }
    it->afterReader << std::move(then);
    reconsider(pair);
}

void Scheduler::release(PairObject *pair)
{
    auto it = m_scans.find(pair->historyId());
    if (it == m_scans.end())
        return;
    it->held = false;
    reconsider(pair);
}

} // namespace PatrolScan
