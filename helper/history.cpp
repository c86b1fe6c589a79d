#include "history.h"

#include "smartreport.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QPromise>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <limits>
#include <map>

namespace History {

namespace {

constexpr const char *kSmartColumns[SmartFieldCount] = {
    "reallocated", "pending", "offline_uncorrectable", "crc_errors",
    "nvme_media_errors", "nvme_available_spare", "temperature", "power_on_hours",
};

// SQLite's primary result codes that mean the file is not a sound database.
constexpr int kSqliteCorrupt = 11;
constexpr int kSqliteNotADatabase = 26;

bool meansDamaged(const QSqlError &error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok) & 0xff;
    return ok && (code == kSqliteCorrupt || code == kSqliteNotADatabase);
}

QVariant nullableInteger(const std::optional<qint64> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType::fromType<qint64>());
}

std::optional<qint64> optionalInteger(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    return value.toLongLong();
}

qint64 dayStart(qint64 secs)
{
    return secs - secs % kSecondsPerDay;
}

// 10000-01-01 UTC: a bound that keeps bucket arithmetic far from overflow.
constexpr qint64 kLatestSecs = 253402300800;

QString checkTime(qint64 secs)
{
    if (secs < 0)
        return QStringLiteral("time %1 is before 1970").arg(secs);
    if (secs >= kLatestSecs)
        return QStringLiteral("time %1 is after the year 9999").arg(secs);
    return QString();
}

QString checkId(const QString &what, const QString &id)
{
    if (id.isEmpty())
        return QStringLiteral("empty %1").arg(what);
    if (id.size() > kMaxIdLength)
        return QStringLiteral("%1 longer than %2 characters").arg(what).arg(kMaxIdLength);
    return QString();
}

QString checkRange(qint64 fromSecs, qint64 toSecs)
{
    if (fromSecs < 0)
        return QStringLiteral("range starts before 1970 (%1)").arg(fromSecs);
    if (toSecs <= fromSecs)
        return QStringLiteral("empty range: from %1 is not before to %2").arg(fromSecs).arg(toSecs);
    if (toSecs > kLatestSecs)
        return QStringLiteral("range ends after the year 9999 (%1)").arg(toSecs);
    return QString();
}

bool failWith(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

struct Span {
    qint64 start;
    qint64 end;
    bool daily;
};

// Number of epoch-aligned steps of stepSecs that meet [start, end).
qint64 stepsIn(qint64 start, qint64 end, qint64 stepSecs)
{
    return start >= end ? 0 : (end - 1) / stepSecs - start / stepSecs + 1;
}

void appendSpans(QList<Span> *spans, qint64 start, qint64 end, qint64 stepSecs, bool daily)
{
    for (qint64 s = start; s < end; s = (s / stepSecs + 1) * stepSecs)
        spans->append({s, std::min(end, (s / stepSecs + 1) * stepSecs), daily});
}

// The buckets of [from, to): before the raw horizon whole days at least,
// after it resolutionSecs. Empty with a message past kMaxBuckets.
QList<Span> planBuckets(qint64 fromSecs, qint64 toSecs, qint64 resolutionSecs, qint64 rawHorizonSecs,
                        QString *error)
{
    const qint64 dailyStep = std::max(resolutionSecs, kSecondsPerDay);
    const qint64 dailyEnd = std::clamp(rawHorizonSecs, fromSecs, toSecs);
    const qint64 count = stepsIn(fromSecs, dailyEnd, dailyStep) + stepsIn(dailyEnd, toSecs, resolutionSecs);
    if (count > kMaxBuckets) {
        *error = QStringLiteral("%1 buckets asked for, at most %2: widen the resolution or narrow the range")
                     .arg(count).arg(kMaxBuckets);
        return {};
    }
    QList<Span> spans;
    spans.reserve(count);
    appendSpans(&spans, fromSecs, dailyEnd, dailyStep, true);
    appendSpans(&spans, dailyEnd, toSecs, resolutionSecs, false);
    return spans;
}

// The bucket holding secs, or -1.
template<typename Bucket>
qsizetype bucketIndex(const QList<Bucket> &buckets, qint64 secs)
{
    auto it = std::upper_bound(buckets.cbegin(), buckets.cend(), secs,
                               [](qint64 t, const Bucket &b) { return t < b.startSecs; });
    if (it == buckets.cbegin())
        return -1;
    --it;
    return secs < it->endSecs ? it - buckets.cbegin() : -1;
}

// SMART readings folded together: a day's aggregate or a bucket's values.
struct SmartFold {
    quint64 readings = 0;
    qint64 lastTime = -1;
    std::array<SmartRange, SmartFieldCount> values;

    void add(qint64 time, const std::array<SmartRange, SmartFieldCount> &ranges, quint64 count)
    {
        const bool newer = time >= lastTime;
        for (int f = 0; f < SmartFieldCount; ++f) {
            SmartRange &into = values[f];
            const SmartRange &from = ranges[f];
            if (from.min)
                into.min = into.min ? std::min(*into.min, *from.min) : *from.min;
            if (from.max)
                into.max = into.max ? std::max(*into.max, *from.max) : *from.max;
            if (from.last && (newer || !into.last))
                into.last = from.last;
        }
        readings += count;
        lastTime = std::max(lastTime, time);
    }
    void add(qint64 time, const SmartValues &reading)
    {
        std::array<SmartRange, SmartFieldCount> ranges;
        for (int f = 0; f < SmartFieldCount; ++f)
            ranges[f] = {reading[f], reading[f], reading[f]};
        add(time, ranges, 1);
    }
};

// The min, max and last columns of every SMART value from column first on.
std::array<SmartRange, SmartFieldCount> rangesAt(const QSqlQuery &query, int first)
{
    std::array<SmartRange, SmartFieldCount> ranges;
    for (int f = 0; f < SmartFieldCount; ++f)
        ranges[f] = {optionalInteger(query.value(first + 3 * f)), optionalInteger(query.value(first + 3 * f + 1)),
                     optionalInteger(query.value(first + 3 * f + 2))};
    return ranges;
}

QString smartColumnList(const QString &suffix)
{
    QStringList columns;
    for (const char *column : kSmartColumns)
        columns << QLatin1String(column) + suffix;
    return columns.join(QStringLiteral(", "));
}

QString smartDayColumns()
{
    QStringList columns;
    for (const char *column : kSmartColumns)
        for (const char *part : {"_min", "_max", "_last"})
            columns << QLatin1String(column) + QLatin1String(part);
    return columns.join(QStringLiteral(", "));
}

} // namespace

QString defaultPath()
{
    return QStringLiteral("/var/lib/dm-remap/history.db");
}

QString smartFieldName(SmartField field)
{
    return QLatin1String(kSmartColumns[field]);
}

SmartReading SmartReading::fromReport(const QString &diskId, qint64 timeSecs, const SmartReport &report)
{
    SmartReading reading;
    reading.diskId = diskId;
    reading.timeSecs = timeSecs;
    if (!report.available)
        return reading;
    auto set = [&](SmartField field, const auto &value) {
        if (value)
            reading.values[field] = qint64(*value);
    };
    set(Reallocated, report.reallocatedSectors);
    set(Pending, report.pendingSectors);
    set(OfflineUncorrectable, report.offlineUncorrectable);
    set(CrcErrors, report.crcErrors);
    set(Temperature, report.temperature);
    set(PowerOnHours, report.powerOnHours);
    if (report.isNvme) {
        reading.values[NvmeMediaErrors] = qint64(report.nvmeMediaErrors);
        reading.values[NvmeAvailableSpare] = qint64(report.nvmeAvailableSpare);
    }
    return reading;
}

// The database side: used on the database thread only, except enqueue()
// and status(), which lock.
class Database
{
public:
    Database(const QString &path, Store *store);

    void open();
    void close();

    // Returns true when this record made the queue non-empty (a commit must be posted).
    template<typename Record>
    bool enqueue(const Record &record);
    void commitQueued();
    void applyRetention(qint64 nowSecs);

    PairHistory pairHistory(const QString &pairId, qint64 fromSecs, qint64 toSecs, qint64 resolutionSecs);
    DiskHistory diskHistory(const QString &diskId, qint64 fromSecs, qint64 toSecs, qint64 resolutionSecs);
    RemapEvents remapEvents(const QString &pairId, qint64 fromSecs, qint64 toSecs);
    SelfTestResults selfTestResults(const QString &diskId, qint64 fromSecs, qint64 toSecs);
    ScanPositions scanPositions();

    StoreStatus status() const;

private:
    struct Queue {
        QList<RemapEvent> remaps;
        QList<SmartReading> readings;
        QList<SelfTestResult> selfTests;
        QHash<QString, ScanPosition> scans; // by pair id: only the latest counts
        qsizetype size() const { return remaps.size() + readings.size() + selfTests.size() + scans.size(); }
    };
    enum class Opened { Ready, Damaged, Failed };

    QSqlDatabase connection() const { return QSqlDatabase::database(m_connectionName, false); }
    Opened tryOpen(QString *reason);
    bool migrateFrom(int version, QString *error);
    bool createVersion1(QString *error);
    bool createVersion2(QString *error);
    bool exec(const QString &sql, QString *error, bool *damaged = nullptr);
    bool beginWrite(QSqlError *error);
    bool commitWrite(QSqlError *error);
    void rollbackWrite();
    bool moveAside(QString *error);
    void report(const QString &message);
    // A statement failed: damaged files are moved aside and started afresh.
    void handleFailure(const QString &what, const QSqlError &error);

    // Runs a read after the queued writes; a failed one yields an error answer.
    template<typename Answer, typename Read>
    Answer read(Read readRows);
    bool writeQueue(const Queue &queue, QSqlError *error);
    std::optional<qint64> keyOf(const QString &table, const QString &id, bool create, QSqlError *error);
    qint64 rawHorizon(QSqlError *error);
    bool aggregateOlderThan(qint64 cutoffSecs, QSqlError *error);

    const QString m_path;
    const QString m_connectionName;
    Store *const m_store;
    bool m_open = false;
    QHash<QString, qint64> m_keys; // "pairs/<id>" and "disks/<id>" to their row keys

    mutable QMutex m_mutex; // guards m_queue, m_commitPosted and m_status
    Queue m_queue;
    bool m_commitPosted = false;
    StoreStatus m_status;
};

Database::Database(const QString &path, Store *store)
    : m_path(path)
    , m_connectionName(QStringLiteral("dm-remap-history-%1").arg(quintptr(this)))
    , m_store(store)
{
}

StoreStatus Database::status() const
{
    QMutexLocker lock(&m_mutex);
    return m_status;
}

void Database::report(const QString &message)
{
    {
        QMutexLocker lock(&m_mutex);
        m_status.lastProblem = message;
    }
    // Emitted on the store's own thread, so a receiver connected right after
    // the store was made hears about the opening too.
    QMetaObject::invokeMethod(m_store, [store = m_store, message] { emit store->problemReported(message); },
                              Qt::QueuedConnection);
}

void Database::open()
{
    QString reason;
    Opened opened = tryOpen(&reason);
    if (opened == Opened::Damaged) {
        QString moveError;
        if (moveAside(&moveError)) {
            report(QStringLiteral("history database %1 %2: moved aside to %3, starting afresh")
                       .arg(m_path, reason, status().movedAside.constLast()));
            opened = tryOpen(&reason);
        } else {
            reason += QStringLiteral(", and it could not be moved aside: ") + moveError;
            opened = Opened::Failed;
        }
    }
    m_open = opened == Opened::Ready;
    if (opened != Opened::Ready) {
        close();
        report(QStringLiteral("history database %1 unavailable: %2").arg(m_path, reason));
    }
    QMutexLocker lock(&m_mutex);
    m_status.available = m_open;
}

void Database::close()
{
    m_open = false;
    m_keys.clear();
    if (QSqlDatabase::contains(m_connectionName)) {
        connection().close();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

// IMMEDIATE: the write lock is taken at the start, waiting out another
// writer (busy timeout), rather than failing when a read turns into a write.
bool Database::beginWrite(QSqlError *error)
{
    QSqlQuery query(connection());
    if (query.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return true;
    *error = query.lastError();
    return false;
}

bool Database::commitWrite(QSqlError *error)
{
    QSqlQuery query(connection());
    if (query.exec(QStringLiteral("COMMIT")))
        return true;
    *error = query.lastError();
    return false;
}

void Database::rollbackWrite()
{
    QSqlQuery(connection()).exec(QStringLiteral("ROLLBACK"));
}

bool Database::exec(const QString &sql, QString *error, bool *damaged)
{
    QSqlQuery query(connection());
    if (query.exec(sql))
        return true;
    if (damaged)
        *damaged = meansDamaged(query.lastError());
    return failWith(error, QStringLiteral("%1: %2").arg(sql.section(QLatin1Char(' '), 0, 2), query.lastError().text()));
}

Database::Opened Database::tryOpen(QString *reason)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    if (!db.isValid()) {
        *reason = QStringLiteral("Qt's SQLite driver is missing (package libqt6sql6-sqlite)");
        return Opened::Failed;
    }
    db.setDatabaseName(m_path);
    // Another writer (an administrator's sqlite3) is waited for on this thread.
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open()) {
        *reason = db.lastError().text();
        return Opened::Failed;
    }
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next()) {
        *reason = QStringLiteral("cannot be read (%1)").arg(query.lastError().text());
        return meansDamaged(query.lastError()) ? Opened::Damaged : Opened::Failed;
    }
    const int version = query.value(0).toInt();
    if (version > kSchemaVersion) {
        *reason = QStringLiteral("has schema version %1, newer than this helper's %2").arg(version).arg(kSchemaVersion);
        return Opened::Damaged;
    }
    if (!query.exec(QStringLiteral("PRAGMA quick_check")) || !query.next()) {
        *reason = QStringLiteral("cannot be checked (%1)").arg(query.lastError().text());
        return meansDamaged(query.lastError()) ? Opened::Damaged : Opened::Failed;
    }
    if (query.value(0).toString() != QLatin1String("ok")) {
        *reason = QStringLiteral("is damaged (%1)").arg(query.value(0).toString());
        return Opened::Damaged;
    }
    if (!query.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table'"))) {
        *reason = query.lastError().text();
        return Opened::Failed;
    }
    QStringList tables;
    while (query.next())
        tables << query.value(0).toString();
    const QStringList ours = {"pairs", "disks", "remap_events", "remap_days", "smart_readings",
                              "smart_days", "self_tests", "meta"};
    const bool foreign = version == 0 ? !tables.isEmpty()
                                      : !std::all_of(ours.cbegin(), ours.cend(),
                                                     [&](const QString &t) { return tables.contains(t); });
    if (foreign) {
        *reason = QStringLiteral("holds tables that are not dm-remap's history (%1)").arg(tables.join(QStringLiteral(", ")));
        return Opened::Damaged;
    }
    query.finish();
    // WAL: a commit costs no fsync with synchronous=NORMAL; a power cut may
    // lose the last commits, never the file. The WAL file is cut back to 1 MiB.
    bool damaged = false;
    if (!exec(QStringLiteral("PRAGMA journal_mode = WAL"), reason, &damaged)
        || !exec(QStringLiteral("PRAGMA synchronous = NORMAL"), reason, &damaged)
        || !exec(QStringLiteral("PRAGMA journal_size_limit = 1048576"), reason, &damaged)
        || !migrateFrom(version, reason))
        return damaged ? Opened::Damaged : Opened::Failed;
    return Opened::Ready;
}

// One function per schema version, each taking the database from the
// version before it; migrations run in one transaction with user_version.
bool Database::migrateFrom(int version, QString *error)
{
    using Migration = bool (Database::*)(QString *);
    static const Migration migrations[kSchemaVersion] = {&Database::createVersion1, &Database::createVersion2};
    if (version == kSchemaVersion)
        return true;
    QSqlError failure;
    if (!beginWrite(&failure))
        return failWith(error, failure.text());
    for (int next = version + 1; next <= kSchemaVersion; ++next) {
        if (!(this->*migrations[next - 1])(error)
            || !exec(QStringLiteral("PRAGMA user_version = %1").arg(next), error)) {
            rollbackWrite();
            return false;
        }
    }
    return commitWrite(&failure) || failWith(error, failure.text());
}

bool Database::createVersion1(QString *error)
{
    const QStringList statements = {
        "CREATE TABLE pairs (pair INTEGER PRIMARY KEY, pair_id TEXT NOT NULL UNIQUE)",
        "CREATE TABLE disks (disk INTEGER PRIMARY KEY, disk_id TEXT NOT NULL UNIQUE)",
        "CREATE TABLE remap_events (time INTEGER NOT NULL, pair INTEGER NOT NULL, "
        "main_sector INTEGER NOT NULL, kind INTEGER NOT NULL CHECK (kind IN (0, 1)))",
        "CREATE INDEX remap_events_by_pair ON remap_events (pair, time)",
        "CREATE TABLE remap_days (pair INTEGER NOT NULL, day INTEGER NOT NULL, "
        "pending INTEGER NOT NULL, moved INTEGER NOT NULL, PRIMARY KEY (pair, day)) WITHOUT ROWID",
        QStringLiteral("CREATE TABLE smart_readings (time INTEGER NOT NULL, disk INTEGER NOT NULL, %1)")
            .arg(smartColumnList(QStringLiteral(" INTEGER"))),
        "CREATE INDEX smart_readings_by_disk ON smart_readings (disk, time)",
        QStringLiteral("CREATE TABLE smart_days (disk INTEGER NOT NULL, day INTEGER NOT NULL, "
                       "readings INTEGER NOT NULL, last_time INTEGER NOT NULL, %1, "
                       "PRIMARY KEY (disk, day)) WITHOUT ROWID")
            .arg(smartDayColumns().replace(QStringLiteral(","), QStringLiteral(" INTEGER,")) + QStringLiteral(" INTEGER")),
        "CREATE TABLE self_tests (time INTEGER NOT NULL, disk INTEGER NOT NULL, type TEXT NOT NULL, "
        "result TEXT NOT NULL, first_error_lba INTEGER)",
        "CREATE INDEX self_tests_by_disk ON self_tests (disk, time)",
        // raw_horizon: every row before it is in the daily aggregates.
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID",
        "INSERT INTO meta (key, value) VALUES ('raw_horizon', 0)",
    };
    for (const QString &statement : statements)
        if (!exec(statement, error))
            return false;
    return true;
}

// Version 2: the background scan's position per pair.
bool Database::createVersion2(QString *error)
{
    return exec(QStringLiteral("CREATE TABLE scan_positions (pair INTEGER PRIMARY KEY, position INTEGER NOT NULL, "
                               "size INTEGER NOT NULL, pass_started INTEGER NOT NULL, last_finished INTEGER NOT NULL, "
                               "first_seen INTEGER NOT NULL, stopped INTEGER NOT NULL, read_errors INTEGER NOT NULL)"),
                error);
}

bool Database::moveAside(QString *error)
{
    close();
    const QString suffix = QStringLiteral(".broken-")
                           + QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddTHHmmssZ"));
    QString aside = m_path + suffix;
    for (int n = 2; QFileInfo::exists(aside); ++n)
        aside = m_path + suffix + QLatin1Char('-') + QString::number(n);
    if (!QFile::rename(m_path, aside))
        return failWith(error, QStringLiteral("renaming to %1 failed").arg(aside));
    // A journal left beside the damaged file belongs to it, never to the new one.
    for (const char *companion : {"-wal", "-shm", "-journal"}) {
        const QString file = m_path + QLatin1String(companion);
        if (QFileInfo::exists(file) && !QFile::rename(file, aside + QLatin1String(companion)))
            QFile::remove(file);
    }
    QMutexLocker lock(&m_mutex);
    m_status.movedAside << aside;
    return true;
}

void Database::handleFailure(const QString &what, const QSqlError &error)
{
    if (!meansDamaged(error)) {
        report(QStringLiteral("history database %1: %2 failed: %3").arg(m_path, what, error.text()));
        return;
    }
    report(QStringLiteral("history database %1 found damaged while %2 (%3)").arg(m_path, what, error.text()));
    QString moveError;
    if (moveAside(&moveError))
        open();
    else
        report(QStringLiteral("history database %1 unavailable: could not be moved aside: %2").arg(m_path, moveError));
    QMutexLocker lock(&m_mutex);
    m_status.available = m_open;
}

template<typename Record>
bool Database::enqueue(const Record &record)
{
    QMutexLocker lock(&m_mutex);
    if constexpr (std::is_same_v<Record, RemapEvent>)
        m_queue.remaps << record;
    else if constexpr (std::is_same_v<Record, SmartReading>)
        m_queue.readings << record;
    else if constexpr (std::is_same_v<Record, ScanPosition>)
        m_queue.scans.insert(record.pairId, record);
    else
        m_queue.selfTests << record;
    if (m_commitPosted)
        return false;
    m_commitPosted = true;
    return true;
}

void Database::commitQueued()
{
    Queue queue;
    {
        QMutexLocker lock(&m_mutex);
        std::swap(queue, m_queue);
        m_commitPosted = false;
    }
    if (queue.size() == 0)
        return;
    QSqlError error;
    if (m_open && writeQueue(queue, &error))
        return;
    if (m_open) {
        handleFailure(QStringLiteral("writing"), error);
        // Afresh after damage: the records go into the new file.
        if (m_open && writeQueue(queue, &error))
            return;
    }
    QMutexLocker lock(&m_mutex);
    m_status.droppedRecords += queue.size();
}

std::optional<qint64> Database::keyOf(const QString &table, const QString &id, bool create, QSqlError *error)
{
    const QString cacheKey = table + QLatin1Char('/') + id;
    if (auto it = m_keys.constFind(cacheKey); it != m_keys.cend())
        return *it;
    const QString idColumn = table == QLatin1String("pairs") ? QStringLiteral("pair_id") : QStringLiteral("disk_id");
    QSqlQuery query(connection());
    query.prepare(QStringLiteral("SELECT rowid FROM %1 WHERE %2 = ?").arg(table, idColumn));
    query.addBindValue(id);
    if (!query.exec()) {
        *error = query.lastError();
        return std::nullopt;
    }
    if (query.next())
        return m_keys[cacheKey] = query.value(0).toLongLong();
    if (!create)
        return std::nullopt;
    query.prepare(QStringLiteral("INSERT INTO %1 (%2) VALUES (?)").arg(table, idColumn));
    query.addBindValue(id);
    if (!query.exec()) {
        *error = query.lastError();
        return std::nullopt;
    }
    return m_keys[cacheKey] = query.lastInsertId().toLongLong();
}

bool Database::writeQueue(const Queue &queue, QSqlError *error)
{
    if (!beginWrite(error))
        return false;
    const auto fail = [&](const QSqlError &e) {
        *error = e;
        m_keys.clear(); // the rolled-back rows' keys are gone
        rollbackWrite();
        return false;
    };
    QSqlDatabase db = connection();
    QSqlQuery remap(db);
    remap.prepare(QStringLiteral("INSERT INTO remap_events (time, pair, main_sector, kind) VALUES (?, ?, ?, ?)"));
    for (const RemapEvent &event : queue.remaps) {
        const auto pair = keyOf(QStringLiteral("pairs"), event.pairId, true, error);
        if (!pair)
            return fail(*error);
        remap.addBindValue(event.timeSecs);
        remap.addBindValue(*pair);
        remap.addBindValue(qint64(event.mainSector));
        remap.addBindValue(int(event.kind));
        if (!remap.exec())
            return fail(remap.lastError());
    }
    QSqlQuery smart(db);
    smart.prepare(QStringLiteral("INSERT INTO smart_readings (time, disk, %1) VALUES (?, ?%2)")
                      .arg(smartColumnList(QString()), QStringLiteral(", ?").repeated(SmartFieldCount)));
    for (const SmartReading &reading : queue.readings) {
        const auto disk = keyOf(QStringLiteral("disks"), reading.diskId, true, error);
        if (!disk)
            return fail(*error);
        smart.addBindValue(reading.timeSecs);
        smart.addBindValue(*disk);
        for (const auto &value : reading.values)
            smart.addBindValue(nullableInteger(value));
        if (!smart.exec())
            return fail(smart.lastError());
    }
    QSqlQuery selfTest(db);
    selfTest.prepare(QStringLiteral(
        "INSERT INTO self_tests (time, disk, type, result, first_error_lba) VALUES (?, ?, ?, ?, ?)"));
    for (const SelfTestResult &result : queue.selfTests) {
        const auto disk = keyOf(QStringLiteral("disks"), result.diskId, true, error);
        if (!disk)
            return fail(*error);
        selfTest.addBindValue(result.timeSecs);
        selfTest.addBindValue(*disk);
        selfTest.addBindValue(result.type);
        selfTest.addBindValue(result.result);
        selfTest.addBindValue(result.firstErrorLba ? QVariant(qint64(*result.firstErrorLba))
                                                   : QVariant(QMetaType::fromType<qint64>()));
        if (!selfTest.exec())
            return fail(selfTest.lastError());
    }
    QSqlQuery scan(db);
    scan.prepare(QStringLiteral("INSERT OR REPLACE INTO scan_positions (pair, position, size, pass_started, last_finished, "
                                "first_seen, stopped, read_errors) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const ScanPosition &position : queue.scans) {
        const auto pair = keyOf(QStringLiteral("pairs"), position.pairId, true, error);
        if (!pair)
            return fail(*error);
        for (const QVariant &value : {QVariant(*pair), QVariant(qint64(position.position)), QVariant(qint64(position.size)),
                                      QVariant(position.passStarted), QVariant(position.lastFinished),
                                      QVariant(position.firstSeen), QVariant(int(position.stopped)),
                                      QVariant(qint64(position.readErrors))})
            scan.addBindValue(value);
        if (!scan.exec())
            return fail(scan.lastError());
    }
    QSqlError commitError;
    return commitWrite(&commitError) || fail(commitError);
}

qint64 Database::rawHorizon(QSqlError *error)
{
    QSqlQuery query(connection());
    if (!query.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'raw_horizon'")) || !query.next()) {
        *error = query.lastError();
        return -1;
    }
    return query.value(0).toLongLong();
}

void Database::applyRetention(qint64 nowSecs)
{
    commitQueued();
    if (!m_open)
        return;
    const qint64 cutoff = dayStart(nowSecs) - kRawRetentionDays * kSecondsPerDay;
    if (cutoff <= 0)
        return;
    QSqlError error;
    if (!aggregateOlderThan(cutoff, &error))
        handleFailure(QStringLiteral("folding old rows into daily aggregates"), error);
}

bool Database::aggregateOlderThan(qint64 cutoffSecs, QSqlError *error)
{
    if (!beginWrite(error))
        return false;
    QSqlDatabase db = connection();
    QSqlQuery query(db);
    const auto fail = [&](const QSqlQuery &failed) {
        *error = failed.lastError();
        rollbackWrite();
        return false;
    };
    // Per pair and per disk, so that the (pair, time) and (disk, time)
    // indexes find the old rows.
    const auto keysOf = [&](const QString &sql, QList<qint64> *keys) {
        if (!query.exec(sql))
            return false;
        while (query.next())
            keys->append(query.value(0).toLongLong());
        return true;
    };
    const auto run = [&](const QString &sql, qint64 key) {
        query.prepare(sql);
        query.addBindValue(key);
        query.addBindValue(cutoffSecs);
        return query.exec();
    };
    QList<qint64> pairs, disks;
    if (!keysOf(QStringLiteral("SELECT pair FROM pairs"), &pairs)
        || !keysOf(QStringLiteral("SELECT disk FROM disks"), &disks))
        return fail(query);

    // Remaps: counts per day, added to any aggregate of that day.
    for (qint64 pair : pairs) {
        if (!run(QStringLiteral(
                "INSERT INTO remap_days (pair, day, pending, moved) "
                "SELECT pair, time / 86400, sum(kind = 0), sum(kind = 1) FROM remap_events "
                "WHERE pair = ? AND time < ? GROUP BY time / 86400 "
                "ON CONFLICT (pair, day) DO UPDATE SET pending = pending + excluded.pending, "
                "moved = moved + excluded.moved"), pair)
            || !run(QStringLiteral("DELETE FROM remap_events WHERE pair = ? AND time < ?"), pair))
            return fail(query);
    }

    // SMART: min, max and last per value, folded in C++ (SQL has no "last non-null").
    const QString dayColumns = smartDayColumns();
    QSqlQuery existing(db);
    existing.prepare(QStringLiteral("SELECT readings, last_time, %1 FROM smart_days WHERE disk = ? AND day = ?")
                         .arg(dayColumns));
    QSqlQuery store(db);
    store.prepare(QStringLiteral("INSERT OR REPLACE INTO smart_days (disk, day, readings, last_time, %1) "
                                 "VALUES (?, ?, ?, ?%2)")
                      .arg(dayColumns, QStringLiteral(", ?").repeated(3 * SmartFieldCount)));
    for (qint64 disk : disks) {
        std::map<qint64, SmartFold> days;
        if (!run(QStringLiteral("SELECT time, %1 FROM smart_readings WHERE disk = ? AND time < ? ORDER BY time")
                     .arg(smartColumnList(QString())), disk))
            return fail(query);
        while (query.next()) {
            SmartValues values;
            for (int f = 0; f < SmartFieldCount; ++f)
                values[f] = optionalInteger(query.value(1 + f));
            const qint64 time = query.value(0).toLongLong();
            days[time / kSecondsPerDay].add(time, values);
        }
        for (auto &[day, fold] : days) {
            existing.addBindValue(disk);
            existing.addBindValue(day);
            if (!existing.exec())
                return fail(existing);
            if (existing.next())
                fold.add(existing.value(1).toLongLong(), rangesAt(existing, 2), existing.value(0).toULongLong());
            existing.finish();
            store.addBindValue(disk);
            store.addBindValue(day);
            store.addBindValue(qint64(fold.readings));
            store.addBindValue(fold.lastTime);
            for (const SmartRange &range : fold.values) {
                store.addBindValue(nullableInteger(range.min));
                store.addBindValue(nullableInteger(range.max));
                store.addBindValue(nullableInteger(range.last));
            }
            if (!store.exec())
                return fail(store);
        }
        if (!run(QStringLiteral("DELETE FROM smart_readings WHERE disk = ? AND time < ?"), disk))
            return fail(query);
    }
    query.prepare(QStringLiteral("UPDATE meta SET value = max(value, ?) WHERE key = 'raw_horizon'"));
    query.addBindValue(cutoffSecs);
    if (!query.exec())
        return fail(query);
    QSqlError commitError;
    if (commitWrite(&commitError))
        return true;
    *error = commitError;
    rollbackWrite();
    return false;
}

template<typename Answer, typename Read>
Answer Database::read(Read readRows)
{
    commitQueued();
    if (!m_open)
        return Answer{QStringLiteral("history unavailable: ") + status().lastProblem, {}};
    QSqlError failure;
    Answer answer = readRows(&failure); // its queries are gone when it returns
    if (!failure.isValid())
        return answer;
    handleFailure(QStringLiteral("reading"), failure);
    return Answer{QStringLiteral("history unreadable: ") + failure.text(), {}};
}

PairHistory Database::pairHistory(const QString &pairId, qint64 fromSecs, qint64 toSecs, qint64 resolutionSecs)
{
    return read<PairHistory>([&](QSqlError *failure) {
        PairHistory answer;
        const qint64 horizon = rawHorizon(failure);
        if (horizon < 0)
            return answer;
        const QList<Span> spans = planBuckets(fromSecs, toSecs, resolutionSecs, horizon, &answer.error);
        for (const Span &span : spans)
            answer.buckets.append({span.start, span.end, 0, 0, span.daily});
        const auto pair = keyOf(QStringLiteral("pairs"), pairId, false, failure);
        if (!pair || spans.isEmpty())
            return answer;
        const auto add = [&](qint64 secs, quint64 pending, quint64 moved) {
            // Before the horizon only days exist: a row counts at its day's start.
            const qsizetype i = bucketIndex(answer.buckets, secs < horizon ? dayStart(secs) : secs);
            if (i >= 0) {
                answer.buckets[i].pending += pending;
                answer.buckets[i].moved += moved;
            }
        };
        QSqlQuery query(connection());
        query.setForwardOnly(true);
        query.prepare(QStringLiteral("SELECT time, sum(kind = 0), sum(kind = 1) FROM remap_events "
                                     "WHERE pair = ? AND time >= ? AND time < ? GROUP BY time"));
        query.addBindValue(*pair);
        query.addBindValue(fromSecs - kSecondsPerDay); // a late raw row of a day that starts before from
        query.addBindValue(toSecs);
        bool ok = query.exec();
        while (ok && query.next())
            add(query.value(0).toLongLong(), query.value(1).toULongLong(), query.value(2).toULongLong());
        if (ok) {
            query.prepare(QStringLiteral(
                "SELECT day, pending, moved FROM remap_days WHERE pair = ? AND day >= ? AND day < ?"));
            query.addBindValue(*pair);
            query.addBindValue(fromSecs / kSecondsPerDay);
            query.addBindValue(toSecs / kSecondsPerDay + 1);
            ok = query.exec();
            while (ok && query.next())
                add(query.value(0).toLongLong() * kSecondsPerDay, query.value(1).toULongLong(),
                    query.value(2).toULongLong());
        }
        if (!ok)
            *failure = query.lastError();
        return answer;
    });
}

DiskHistory Database::diskHistory(const QString &diskId, qint64 fromSecs, qint64 toSecs, qint64 resolutionSecs)
{
    return read<DiskHistory>([&](QSqlError *failure) {
        DiskHistory answer;
        const qint64 horizon = rawHorizon(failure);
        if (horizon < 0)
            return answer;
        const QList<Span> spans = planBuckets(fromSecs, toSecs, resolutionSecs, horizon, &answer.error);
        for (const Span &span : spans) {
            DiskBucket bucket;
            bucket.startSecs = span.start;
            bucket.endSecs = span.end;
            bucket.fromDailyAggregates = span.daily;
            answer.buckets.append(bucket);
        }
        const auto disk = keyOf(QStringLiteral("disks"), diskId, false, failure);
        if (!disk || spans.isEmpty())
            return answer;
        QList<SmartFold> folds(spans.size());
        QSqlQuery query(connection());
        query.setForwardOnly(true);
        query.prepare(QStringLiteral("SELECT time, %1 FROM smart_readings WHERE disk = ? AND time >= ? AND time < ?")
                          .arg(smartColumnList(QString())));
        query.addBindValue(*disk);
        query.addBindValue(fromSecs - kSecondsPerDay);
        query.addBindValue(toSecs);
        bool ok = query.exec();
        while (ok && query.next()) {
            const qint64 time = query.value(0).toLongLong();
            const qsizetype i = bucketIndex(answer.buckets, time < horizon ? dayStart(time) : time);
            if (i < 0)
                continue;
            SmartValues values;
            for (int f = 0; f < SmartFieldCount; ++f)
                values[f] = optionalInteger(query.value(1 + f));
            folds[i].add(time, values);
        }
        if (ok) {
            query.prepare(QStringLiteral("SELECT day, readings, last_time, %1 FROM smart_days "
                                         "WHERE disk = ? AND day >= ? AND day < ?").arg(smartDayColumns()));
            query.addBindValue(*disk);
            query.addBindValue(fromSecs / kSecondsPerDay);
            query.addBindValue(toSecs / kSecondsPerDay + 1);
            ok = query.exec();
            while (ok && query.next()) {
                const qsizetype i = bucketIndex(answer.buckets, query.value(0).toLongLong() * kSecondsPerDay);
                if (i >= 0)
                    folds[i].add(query.value(2).toLongLong(), rangesAt(query, 3), query.value(1).toULongLong());
            }
        }
        if (!ok)
            *failure = query.lastError();
        for (qsizetype i = 0; i < folds.size(); ++i) {
            answer.buckets[i].readings = folds[i].readings;
            answer.buckets[i].values = folds[i].values;
        }
        return answer;
    });
}

RemapEvents Database::remapEvents(const QString &pairId, qint64 fromSecs, qint64 toSecs)
{
    return read<RemapEvents>([&](QSqlError *failure) {
        RemapEvents answer;
        const auto pair = keyOf(QStringLiteral("pairs"), pairId, false, failure);
        if (!pair)
            return answer;
        // Days at their noon and raw seconds, merged in time order by SQL.
        QSqlQuery query(connection());
        query.setForwardOnly(true);
        query.prepare(QStringLiteral(
            "SELECT t, sum(n) FROM ("
            " SELECT day * 86400 + 43200 AS t, moved AS n FROM remap_days WHERE pair = ? AND moved > 0"
            " UNION ALL"
            " SELECT time AS t, count(*) AS n FROM remap_events WHERE pair = ? AND kind = 1 GROUP BY time"
            ") WHERE t >= ? AND t < ? GROUP BY t ORDER BY t"));
        query.addBindValue(*pair);
        query.addBindValue(*pair);
        query.addBindValue(fromSecs);
        query.addBindValue(toSecs);
        bool ok = query.exec();
        while (ok && query.next())
            answer.moved.append({query.value(0).toLongLong(), query.value(1).toULongLong()});
        if (!ok)
            *failure = query.lastError();
        return answer;
    });
}

SelfTestResults Database::selfTestResults(const QString &diskId, qint64 fromSecs, qint64 toSecs)
{
    return read<SelfTestResults>([&](QSqlError *failure) {
        SelfTestResults answer;
        const auto disk = keyOf(QStringLiteral("disks"), diskId, false, failure);
        if (!disk)
            return answer;
        QSqlQuery query(connection());
        query.setForwardOnly(true);
        query.prepare(QStringLiteral("SELECT time, type, result, first_error_lba FROM self_tests "
                                     "WHERE disk = ? AND time >= ? AND time < ? ORDER BY time LIMIT ?"));
        query.addBindValue(*disk);
        query.addBindValue(fromSecs);
        query.addBindValue(toSecs);
        query.addBindValue(kMaxSelfTestResults + 1);
        bool ok = query.exec();
        while (ok && query.next()) {
            const auto lba = optionalInteger(query.value(3));
            answer.results.append({query.value(0).toLongLong(), diskId, query.value(1).toString(),
                                   query.value(2).toString(), lba ? std::optional<quint64>(*lba) : std::nullopt});
        }
        if (!ok)
            *failure = query.lastError();
        if (answer.results.size() > kMaxSelfTestResults)
            return SelfTestResults{
                QStringLiteral("more than %1 self-test results in the range: narrow it").arg(kMaxSelfTestResults), {}};
        return answer;
    });
}

ScanPositions Database::scanPositions()
{
    return read<ScanPositions>([&](QSqlError *failure) {
        ScanPositions answer;
        QSqlQuery query(connection());
        query.setForwardOnly(true);
        bool ok = query.exec(QStringLiteral("SELECT pair_id, position, size, pass_started, last_finished, first_seen, stopped, "
                                            "read_errors FROM scan_positions JOIN pairs USING (pair)"));
        while (ok && query.next())
            answer.positions.append({query.value(0).toString(), query.value(1).toULongLong(), query.value(2).toULongLong(),
                                     query.value(3).toLongLong(), query.value(4).toLongLong(), query.value(5).toLongLong(),
                                     query.value(6).toBool(), query.value(7).toULongLong()});
        if (!ok)
            *failure = query.lastError();
        return answer;
    });
}

Store::Store(const QString &path, QObject *parent)
    : QObject(parent)
    , m_threadContext(new QObject)
    , m_database(std::make_unique<Database>(path, this))
{
    m_thread.setObjectName(QStringLiteral("history"));
    m_threadContext->moveToThread(&m_thread);
    m_thread.start();
    QMetaObject::invokeMethod(m_threadContext, [db = m_database.get()] { db->open(); }, Qt::QueuedConnection);
}

Store::~Store()
{
    // Queued after every pending job: they all finish before the thread ends.
    QMetaObject::invokeMethod(m_threadContext, [db = m_database.get()] {
        db->commitQueued();
        db->close();
        QThread::currentThread()->quit();
    }, Qt::QueuedConnection);
    m_thread.wait();
    delete m_threadContext;
}

void Store::queueCommit()
{
    QMetaObject::invokeMethod(m_threadContext, [db = m_database.get()] { db->commitQueued(); }, Qt::QueuedConnection);
}

bool Store::record(const RemapEvent &event, QString *error)
{
    QString problem = checkTime(event.timeSecs);
    if (problem.isEmpty())
        problem = checkId(QStringLiteral("pair id"), event.pairId);
    if (problem.isEmpty() && event.mainSector > quint64(std::numeric_limits<qint64>::max()))
        problem = QStringLiteral("main sector %1 out of range").arg(event.mainSector);
    if (!problem.isEmpty())
        return failWith(error, QStringLiteral("remap event refused: ") + problem);
    if (m_database->enqueue(event))
        queueCommit();
    return true;
}

bool Store::record(const SmartReading &reading, QString *error)
{
    QString problem = checkTime(reading.timeSecs);
    if (problem.isEmpty())
        problem = checkId(QStringLiteral("disk id"), reading.diskId);
    if (problem.isEmpty()
        && std::none_of(reading.values.cbegin(), reading.values.cend(), [](const auto &v) { return v.has_value(); }))
        problem = QStringLiteral("no value (a disk without SMART data, or asleep)");
    if (!problem.isEmpty())
        return failWith(error, QStringLiteral("SMART reading refused: ") + problem);
    if (m_database->enqueue(reading))
        queueCommit();
    return true;
}

bool Store::record(const SelfTestResult &result, QString *error)
{
    QString problem = checkTime(result.timeSecs);
    if (problem.isEmpty())
        problem = checkId(QStringLiteral("disk id"), result.diskId);
    if (problem.isEmpty() && (result.type.isEmpty() || result.result.isEmpty()))
        problem = QStringLiteral("no type or no result");
    if (problem.isEmpty() && result.firstErrorLba && *result.firstErrorLba > quint64(std::numeric_limits<qint64>::max()))
        problem = QStringLiteral("LBA %1 out of range").arg(*result.firstErrorLba);
    if (!problem.isEmpty())
        return failWith(error, QStringLiteral("self-test result refused: ") + problem);
    if (m_database->enqueue(result))
        queueCommit();
    return true;
}

bool Store::record(const ScanPosition &position, QString *error)
{
    QString problem = checkId(QStringLiteral("pair id"), position.pairId);
    const qint64 max = std::numeric_limits<qint64>::max();
    if (problem.isEmpty() && (position.position > position.size || position.size > quint64(max)
                              || position.readErrors > quint64(max) || position.passStarted < 0
                              || position.lastFinished < 0 || position.firstSeen < 0))
        problem = QStringLiteral("values out of range");
    if (!problem.isEmpty())
        return failWith(error, QStringLiteral("scan position refused: ") + problem);
    if (m_database->enqueue(position))
        queueCommit();
    return true;
}

void Store::applyRetention(qint64 nowSecs)
{
    QMetaObject::invokeMethod(m_threadContext, [db = m_database.get(), nowSecs] { db->applyRetention(nowSecs); },
                              Qt::QueuedConnection);
}

template<typename Result, typename Work>
QFuture<Result> Store::answerOnDatabaseThread(Work work)
{
    auto promise = std::make_shared<QPromise<Result>>();
    QFuture<Result> future = promise->future();
    promise->start();
    QMetaObject::invokeMethod(m_threadContext, [promise, work, db = m_database.get()] {
        if constexpr (std::is_void_v<Result>) {
            work(*db);
        } else {
            promise->addResult(work(*db));
        }
        promise->finish();
    }, Qt::QueuedConnection);
    return future;
}

QFuture<void> Store::flush()
{
    return answerOnDatabaseThread<void>([](Database &db) { db.commitQueued(); });
}

QFuture<PairHistory> Store::pairHistory(const QString &pairId, qint64 fromSecs, qint64 toSecs, qint64 resolutionSecs)
{
    QString problem = checkId(QStringLiteral("pair id"), pairId);
    if (problem.isEmpty())
        problem = checkRange(fromSecs, toSecs);
    if (problem.isEmpty() && resolutionSecs < 1)
        problem = QStringLiteral("resolution %1 s: at least 1 s").arg(resolutionSecs);
    if (!problem.isEmpty())
        return QtFuture::makeReadyFuture(PairHistory{problem, {}});
    return answerOnDatabaseThread<PairHistory>([=](Database &db) {
        return db.pairHistory(pairId, fromSecs, toSecs, resolutionSecs);
    });
}

QFuture<DiskHistory> Store::diskHistory(const QString &diskId, qint64 fromSecs, qint64 toSecs, qint64 resolutionSecs)
{
    QString problem = checkId(QStringLiteral("disk id"), diskId);
    if (problem.isEmpty())
        problem = checkRange(fromSecs, toSecs);
    if (problem.isEmpty() && resolutionSecs < 1)
        problem = QStringLiteral("resolution %1 s: at least 1 s").arg(resolutionSecs);
    if (!problem.isEmpty())
        return QtFuture::makeReadyFuture(DiskHistory{problem, {}});
    return answerOnDatabaseThread<DiskHistory>([=](Database &db) {
        return db.diskHistory(diskId, fromSecs, toSecs, resolutionSecs);
    });
}

QFuture<RemapEvents> Store::remapEvents(const QString &pairId, qint64 fromSecs, qint64 toSecs)
{
    QString problem = checkId(QStringLiteral("pair id"), pairId);
    if (problem.isEmpty())
        problem = checkRange(fromSecs, toSecs);
    if (!problem.isEmpty())
        return QtFuture::makeReadyFuture(RemapEvents{problem, {}});
    return answerOnDatabaseThread<RemapEvents>([=](Database &db) { return db.remapEvents(pairId, fromSecs, toSecs); });
}

QFuture<SelfTestResults> Store::selfTestResults(const QString &diskId, qint64 fromSecs, qint64 toSecs)
{
    QString problem = checkId(QStringLiteral("disk id"), diskId);
    if (problem.isEmpty())
        problem = checkRange(fromSecs, toSecs);
    if (!problem.isEmpty())
        return QtFuture::makeReadyFuture(SelfTestResults{problem, {}});
    return answerOnDatabaseThread<SelfTestResults>([=](Database &db) {
        return db.selfTestResults(diskId, fromSecs, toSecs);
    });
}

QFuture<ScanPositions> Store::scanPositions()
{
    return answerOnDatabaseThread<ScanPositions>([](Database &db) { return db.scanPositions(); });
}

StoreStatus Store::status() const
{
    return m_database->status();
}

} // namespace History
