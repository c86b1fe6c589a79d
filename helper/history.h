// The helper's history (docs/history.md): every remap event of every pair,
// every SMART reading and every self-test result in an embedded SQLite
// database, raw for 90 days and as daily aggregates after that.
//
// The database lives on a thread of its own so that no write ever holds up a
// D-Bus answer: records are queued and committed in groups, reads answer
// through a QFuture. A damaged database is moved aside and started afresh; an
// unusable one is reported through status() and problemReported().
#pragma once

#include <QFuture>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QThread>

#include <array>
#include <memory>
#include <optional>

class SmartReport;

namespace History {

inline constexpr int kSchemaVersion = 2;
inline constexpr qint64 kSecondsPerDay = 86400;
// Raw rows older than this many whole days are folded into daily aggregates.
inline constexpr int kRawRetentionDays = 90;
// The most buckets one history answer may hold.
inline constexpr qint64 kMaxBuckets = 10000;
// The most self-test results one answer may hold.
inline constexpr int kMaxSelfTestResults = 10000;
// The longest pair or disk id accepted.
inline constexpr int kMaxIdLength = 256;

QString defaultPath(); // /var/lib/dm-remap/history.db (the unit's StateDirectory)

enum class RemapKind { Pending = 0, Moved = 1 };

struct RemapEvent {
    qint64 timeSecs = 0;   // UTC
    QString pairId;        // the spare metadata uuid
    quint64 mainSector = 0;
    RemapKind kind = RemapKind::Pending;
};

// The SMART values kept, in the order of SmartReading::values.
enum SmartField {
    Reallocated, Pending, OfflineUncorrectable, CrcErrors,
    NvmeMediaErrors, NvmeAvailableSpare, Temperature, PowerOnHours,
    SmartFieldCount
};
QString smartFieldName(SmartField field); // the column name: "crc_errors"

using SmartValues = std::array<std::optional<qint64>, SmartFieldCount>;

struct SmartReading {
    qint64 timeSecs = 0;
    QString diskId;        // Validation::mainIdFor() of the disk
    SmartValues values;    // empty where the disk has no such value
    static SmartReading fromReport(const QString &diskId, qint64 timeSecs, const SmartReport &report);
};

struct SelfTestResult {
    qint64 timeSecs = 0;
    QString diskId;
    QString type;          // smartctl's words: "Short offline"
    QString result;        // smartctl's words: "Completed: read failure"
    std::optional<quint64> firstErrorLba;
};

// A bucket is [startSecs, endSecs). fromDailyAggregates: the bucket lies
// before the raw rows' horizon, so it holds whole days, each counted in the
// bucket that holds its 00:00 UTC.
struct PairBucket {
    qint64 startSecs = 0;
    qint64 endSecs = 0;
    quint64 pending = 0;
    quint64 moved = 0;
    bool fromDailyAggregates = false;
};
struct PairHistory {
    QString error; // empty on success
    QList<PairBucket> buckets;
};

struct SmartRange {
    std::optional<qint64> min, max, last;
};
struct DiskBucket {
    qint64 startSecs = 0;
    qint64 endSecs = 0;
    quint64 readings = 0;
    std::array<SmartRange, SmartFieldCount> values;
    bool fromDailyAggregates = false;
};
struct DiskHistory {
    QString error;
    QList<DiskBucket> buckets;
};

// Blocks moved at one time; not a running total. A daily aggregate is one
// point at the day's noon UTC, raw events of the same second are one point.
struct MovedBlocks {
    qint64 timeSecs = 0;
    quint64 blocks = 0;
};
struct RemapEvents {
    QString error;
    QList<MovedBlocks> moved; // time-ordered
};

struct SelfTestResults {
    QString error;
    QList<SelfTestResult> results; // time-ordered
};

// Where a pair's background scan (docs/scan.md) stands; one row per pair,
// the latest written wins.
struct ScanPosition {
    QString pairId;
    quint64 position = 0;   // bytes of the pass read so far
    quint64 size = 0;       // the pair's size in bytes when the pass started
    qint64 passStarted = 0; // unix seconds; 0 when no pass is under way
    qint64 lastFinished = 0; // the last whole pass's end; 0 for never
    qint64 firstSeen = 0;   // when the helper first saw the pair
    bool stopped = false;   // stopped by Pair1.StopScan until StartScan
    quint64 readErrors = 0; // this pass's reads that failed
};
struct ScanPositions {
    QString error;
    QList<ScanPosition> positions;
};

struct StoreStatus {
    bool available = false;    // the database is open and takes writes (false until the thread opened it)
    QString lastProblem;       // the latest problem in words; empty when none
    QStringList movedAside;    // damaged files renamed since the store started
    quint64 droppedRecords = 0; // records lost because nothing could be written
};

class Database;

class Store : public QObject
{
    Q_OBJECT
public:
    // Opens (or creates) the database at path on the store's own thread.
    explicit Store(const QString &path, QObject *parent = nullptr);
    // Commits what is queued, then closes the database.
    ~Store() override;

    // Queue a record; false with a message when it is not valid.
    bool record(const RemapEvent &event, QString *error = nullptr);
    bool record(const SmartReading &reading, QString *error = nullptr);
    bool record(const SelfTestResult &result, QString *error = nullptr);
    bool record(const ScanPosition &position, QString *error = nullptr);

    // Folds raw rows of the days older than kRawRetentionDays before nowSecs'
    // day into daily aggregates. Meant to run once a day.
    void applyRetention(qint64 nowSecs);

    // Finishes once everything queued before it is committed (or dropped).
    QFuture<void> flush();

    // Remap counts of a pair per bucket of resolutionSecs, aligned to
    // multiples of resolutionSecs since the epoch and clipped to [from, to).
    QFuture<PairHistory> pairHistory(const QString &pairId, qint64 fromSecs, qint64 toSecs,
                                     qint64 resolutionSecs);
    // SMART values of a disk per bucket, as pairHistory.
    QFuture<DiskHistory> diskHistory(const QString &diskId, qint64 fromSecs, qint64 toSecs,
                                     qint64 resolutionSecs);
    // The moved blocks of a pair in [from, to), for the forecast.
    QFuture<RemapEvents> remapEvents(const QString &pairId, qint64 fromSecs, qint64 toSecs);
    QFuture<SelfTestResults> selfTestResults(const QString &diskId, qint64 fromSecs, qint64 toSecs);
    // Every pair's scan position.
    QFuture<ScanPositions> scanPositions();

    StoreStatus status() const;

signals:
    // A problem with the database, in words; emitted from the event loop of
    // the store's thread, also for problems found while opening.
    void problemReported(const QString &message);

private:
    void queueCommit();
    template<typename Result, typename Work>
    QFuture<Result> answerOnDatabaseThread(Work work);

    QThread m_thread;
    QObject *m_threadContext = nullptr; // lives on m_thread: the target of queued work
    std::unique_ptr<Database> m_database; // used on m_thread only
};

} // namespace History
