// The history store (helper/history.*) on real SQLite files: schema
// creation, records read back per bucket, retention into daily aggregates,
// damaged and unwritable files, writes that never wait for the database, and
// three simulated years of a busy pair with the file size they leave.
#include "history.h"
#include "historyfeed.h"
#include "smartreport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <ctime>

using namespace History;

namespace {

const QString kPair = QStringLiteral("0123456789abcdef0123456789abcdef");
const QString kDisk = QStringLiteral("naa.5000c500a1b2c3d4");
constexpr qint64 kDay = kSecondsPerDay;
constexpr qint64 kStart = 19676 * kDay; // 2023-11-15 00:00 UTC
constexpr qint64 kHour = 3600;

template<typename T>
T wait(QFuture<T> future)
{
    future.waitForFinished();
    if constexpr (!std::is_void_v<T>)
        return future.result();
}

// A connection of the test's own to look into (or prepare) a database file.
class Peek
{
public:
    explicit Peek(const QString &path)
        : m_name(QStringLiteral("peek-%1").arg(++s_count))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        if (!db.open())
            qFatal("cannot open %s: %s", qPrintable(path), qPrintable(db.lastError().text()));
    }
    ~Peek()
    {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }
    QVariant scalar(const QString &sql) const
    {
        QSqlQuery query(db());
        if (!query.exec(sql) || !query.next())
            qFatal("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
        return query.value(0);
    }
    void exec(const QString &sql) const
    {
        QSqlQuery query(db());
        if (!query.exec(sql))
            qFatal("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
    }

private:
    static inline int s_count = 0;
    QString m_name;
};

RemapEvent remap(qint64 time, quint64 sector, RemapKind kind)
{
    return {time, kPair, sector, kind};
}

SmartReading smart(qint64 time, std::optional<qint64> reallocated, std::optional<qint64> temperature)
{
    SmartReading reading;
    reading.timeSecs = time;
    reading.diskId = kDisk;
    reading.values[Reallocated] = reallocated;
    reading.values[Temperature] = temperature;
    return reading;
}

QByteArray contents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

qint64 fileSize(const QString &path)
{
    return QFileInfo(path).size();
}

} // namespace

class TestHistory : public QObject
{
    Q_OBJECT

private slots:
    void createsVersionedSchemaOnFirstStart();
    void readsBackPerBucket();
    void convertsSmartReports();
    void keepsRecordsAcrossRestart();
    void keepsScanPositionsAcrossRestart();
    void migratesVersion1KeepingRows();
    void retentionFoldsOldRowsIntoDays();
    void refusesBadInput();
    void movesDamagedFileAside_data();
    void movesDamagedFileAside();
    void reportsUnwritableLocation();
    void writesDoNotWaitForTheDatabase();
    void replaysThreeBusyYears();
    void feedsCountGrowthAsEvents();
    void feedsOnlyNewSelfTests();
    void findsFirstReallocation();
    void forecastDictionary();
};

void TestHistory::createsVersionedSchemaOnFirstStart()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("history.db"));
    {
        Store store(path);
        wait(store.flush());
        QVERIFY(store.status().available);
        QVERIFY(store.status().lastProblem.isEmpty());
        QVERIFY(store.status().movedAside.isEmpty());
    }
    Peek peek(path);
    QCOMPARE(peek.scalar(QStringLiteral("PRAGMA user_version")).toInt(), kSchemaVersion);
    QCOMPARE(peek.scalar(QStringLiteral("SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_master "
                                        "WHERE type = 'table' ORDER BY name)")).toString(),
             QStringLiteral("disks meta pairs remap_days remap_events scan_positions self_tests smart_days smart_readings"));
    QCOMPARE(peek.scalar(QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
}

void TestHistory::readsBackPerBucket()
{
    QTemporaryDir dir;
    Store store(dir.filePath(QStringLiteral("history.db")));
    for (const RemapEvent &event : {remap(kStart + 10, 100, RemapKind::Pending), remap(kStart + 20, 100, RemapKind::Moved),
                                    remap(kStart + kHour + 5, 200, RemapKind::Moved),
                                    remap(kStart + kHour + 5, 208, RemapKind::Moved),
                                    remap(kStart + 2 * kHour, 300, RemapKind::Pending)})
        QVERIFY(store.record(event));
    QVERIFY(store.record(smart(kStart + 100, 5, 40)));
    QVERIFY(store.record(smart(kStart + 200, 7, 38)));
    QVERIFY(store.record(smart(kStart + 4000, 7, std::nullopt)));
    QVERIFY(store.record(SelfTestResult{kStart + 500, kDisk, "Extended offline", "Completed: read failure", 123456}));
    QVERIFY(store.record(SelfTestResult{kStart + 50, kDisk, "Short offline", "Completed without error", std::nullopt}));

    const PairHistory pair = wait(store.pairHistory(kPair, kStart, kStart + 3 * kHour, kHour));
    QVERIFY2(pair.error.isEmpty(), qPrintable(pair.error));
    QCOMPARE(pair.buckets.size(), 3);
    const QList<std::pair<quint64, quint64>> expected = {{1, 1}, {0, 2}, {1, 0}};
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(pair.buckets[i].startSecs, kStart + i * kHour);
        QCOMPARE(pair.buckets[i].endSecs, kStart + (i + 1) * kHour);
        QCOMPARE(std::make_pair(pair.buckets[i].pending, pair.buckets[i].moved), expected[i]);
        QVERIFY(!pair.buckets[i].fromDailyAggregates);
    }

    // Unaligned range: the buckets are clipped to it.
    const PairHistory clipped = wait(store.pairHistory(kPair, kStart + 15, kStart + kHour + 6, kHour));
    QCOMPARE(clipped.buckets.size(), 2);
    QCOMPARE(clipped.buckets[0].startSecs, kStart + 15);
    QCOMPARE(clipped.buckets[0].moved, 1u);
    QCOMPARE(clipped.buckets[0].pending, 0u);
    QCOMPARE(clipped.buckets[1].endSecs, kStart + kHour + 6);
    QCOMPARE(clipped.buckets[1].moved, 2u);

    const RemapEvents events = wait(store.remapEvents(kPair, kStart, kStart + kDay));
    QVERIFY(events.error.isEmpty());
    QCOMPARE(events.moved.size(), 2);
    QCOMPARE(events.moved[0].timeSecs, kStart + 20);
    QCOMPARE(events.moved[0].blocks, 1u);
    QCOMPARE(events.moved[1].timeSecs, kStart + kHour + 5);
    QCOMPARE(events.moved[1].blocks, 2u);

    const DiskHistory disk = wait(store.diskHistory(kDisk, kStart, kStart + 2 * kHour, kHour));
    QVERIFY2(disk.error.isEmpty(), qPrintable(disk.error));
    QCOMPARE(disk.buckets.size(), 2);
    const DiskBucket &first = disk.buckets[0];
    QCOMPARE(first.readings, 2u);
    QCOMPARE(first.values[Reallocated].min, 5);
    QCOMPARE(first.values[Reallocated].max, 7);
    QCOMPARE(first.values[Reallocated].last, 7);
    QCOMPARE(first.values[Temperature].min, 38);
    QCOMPARE(first.values[Temperature].max, 40);
    QCOMPARE(first.values[Temperature].last, 38);
    QVERIFY(!first.values[NvmeMediaErrors].min && !first.values[NvmeMediaErrors].last);
    QCOMPARE(disk.buckets[1].readings, 1u);
    QVERIFY(!disk.buckets[1].values[Temperature].last);

    const SelfTestResults tests = wait(store.selfTestResults(kDisk, kStart, kStart + kDay));
    QVERIFY(tests.error.isEmpty());
    QCOMPARE(tests.results.size(), 2);
    QCOMPARE(tests.results[0].type, QStringLiteral("Short offline"));
    QVERIFY(!tests.results[0].firstErrorLba);
    QCOMPARE(tests.results[1].result, QStringLiteral("Completed: read failure"));
    QCOMPARE(tests.results[1].firstErrorLba, 123456u);

    // A pair or disk with no record: empty buckets, no error.
    const PairHistory unknown = wait(store.pairHistory(QStringLiteral("other"), kStart, kStart + kDay, kDay));
    QVERIFY(unknown.error.isEmpty());
    QCOMPARE(unknown.buckets.size(), 1);
    QCOMPARE(unknown.buckets[0].moved, 0u);
}

void TestHistory::convertsSmartReports()
{
    SmartReport ata;
    ata.available = true;
    ata.reallocatedSectors = 8;
    ata.pendingSectors = 2;
    ata.crcErrors = 0;
    ata.temperature = 41;
    ata.powerOnHours = 12000;
    const SmartReading fromAta = SmartReading::fromReport(kDisk, kStart, ata);
    QCOMPARE(fromAta.values[Reallocated], 8);
    QCOMPARE(fromAta.values[Pending], 2);
    QCOMPARE(fromAta.values[CrcErrors], 0);
    QVERIFY(!fromAta.values[OfflineUncorrectable]);
    QVERIFY(!fromAta.values[NvmeMediaErrors]);
    QVERIFY(!fromAta.values[NvmeAvailableSpare]);
    QCOMPARE(fromAta.values[PowerOnHours], 12000);

    SmartReport nvme;
    nvme.available = true;
    nvme.isNvme = true;
    nvme.nvmeMediaErrors = 3;
    nvme.nvmeAvailableSpare = 97;
    const SmartReading fromNvme = SmartReading::fromReport(kDisk, kStart, nvme);
    QCOMPARE(fromNvme.values[NvmeMediaErrors], 3);
    QCOMPARE(fromNvme.values[NvmeAvailableSpare], 97);
    QVERIFY(!fromNvme.values[Reallocated]);

    const SmartReading asleep = SmartReading::fromReport(kDisk, kStart, SmartReport::unavailable("standby", "asleep"));
    QVERIFY(std::none_of(asleep.values.cbegin(), asleep.values.cend(), [](const auto &v) { return v.has_value(); }));
    QTemporaryDir dir;
    Store store(dir.filePath(QStringLiteral("history.db")));
    QString error;
    QVERIFY(!store.record(asleep, &error));
    QCOMPARE(error, QStringLiteral("SMART reading refused: no value (a disk without SMART data, or asleep)"));
    QVERIFY(store.record(fromNvme));
}

void TestHistory::keepsRecordsAcrossRestart()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("history.db"));
    {
        Store store(path);
        for (int i = 0; i < 50; ++i)
            QVERIFY(store.record(remap(kStart + i, i, RemapKind::Moved)));
        // No flush: closing commits what is queued.
    }
    Store store(path);
    const PairHistory history = wait(store.pairHistory(kPair, kStart, kStart + kDay, kDay));
    QCOMPARE(history.buckets.size(), 1);
    QCOMPARE(history.buckets[0].moved, 50u);
    QVERIFY(store.status().movedAside.isEmpty());
}

void TestHistory::keepsScanPositionsAcrossRestart()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("history.db"));
    {
        Store store(path);
        ScanPosition position{kPair, 0, 1 << 30, kStart, 0, kStart - kDay, false, 0};
        // Only the latest of a pair's positions counts, also within one commit.
        for (quint64 at = 0; at <= 512 << 20; at += 1 << 20) {
            position.position = at;
            QVERIFY(store.record(position));
        }
        position.readErrors = 3;
        QVERIFY(store.record(position));
        QVERIFY(store.record(ScanPosition{QStringLiteral("other"), 0, 4096, 0, kStart, kStart - kDay, true, 0}));
        QString error;
        QVERIFY(!store.record(ScanPosition{kPair, 8192, 4096, kStart, 0, 0, false, 0}, &error));
        QVERIFY2(error.contains(QLatin1String("scan position refused")), qPrintable(error));
        QVERIFY(!store.record(ScanPosition{QString(), 0, 4096, 0, 0, 0, false, 0}));
        // No flush: closing commits what is queued (as the helper does at SIGTERM).
    }
    Store store(path);
    ScanPositions read = wait(store.scanPositions());
    QVERIFY2(read.error.isEmpty(), qPrintable(read.error));
    std::sort(read.positions.begin(), read.positions.end(),
              [](const ScanPosition &a, const ScanPosition &b) { return a.pairId < b.pairId; });
    QCOMPARE(read.positions.size(), 2);
    const ScanPosition &mine = read.positions.at(0);
    QCOMPARE(mine.pairId, kPair);
    QCOMPARE(mine.position, quint64(512) << 20);
    QCOMPARE(mine.size, quint64(1) << 30);
    QCOMPARE(mine.passStarted, kStart);
    QCOMPARE(mine.firstSeen, kStart - kDay);
    QCOMPARE(mine.readErrors, 3u);
    QVERIFY(!mine.stopped);
    QCOMPARE(read.positions.at(1).pairId, QStringLiteral("other"));
    QVERIFY(read.positions.at(1).stopped);
    QCOMPARE(read.positions.at(1).lastFinished, kStart);
}

void TestHistory::migratesVersion1KeepingRows()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("history.db"));
    {
        Store store(path);
        QVERIFY(store.record(remap(kStart, 8, RemapKind::Moved)));
        wait(store.flush());
    }
    {
        // What version 1 left: no scan table.
        Peek peek(path);
        peek.exec(QStringLiteral("DROP TABLE scan_positions"));
        peek.exec(QStringLiteral("PRAGMA user_version = 1"));
    }
    Store store(path);
    QVERIFY(store.record(ScanPosition{kPair, 4096, 8192, kStart, 0, kStart, false, 0}));
    const ScanPositions read = wait(store.scanPositions());
    QVERIFY2(read.error.isEmpty(), qPrintable(read.error));
    QCOMPARE(read.positions.size(), 1);
    QCOMPARE(read.positions.at(0).position, 4096u);
    QVERIFY(store.status().movedAside.isEmpty());
    QCOMPARE(wait(store.pairHistory(kPair, kStart, kStart + kDay, kDay)).buckets.value(0).moved, 1u);
    Peek peek(path);
    QCOMPARE(peek.scalar(QStringLiteral("PRAGMA user_version")).toInt(), 2);
}

void TestHistory::retentionFoldsOldRowsIntoDays()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("history.db"));
    Store store(path);
    constexpr int days = 120;
    for (int d = 0; d < days; ++d) {
        const qint64 day = kStart + d * kDay;
        for (int h = 1; h <= 3; ++h)
            QVERIFY(store.record(remap(day + h * kHour, d * 8 + h, RemapKind::Moved)));
        QVERIFY(store.record(remap(day + 4 * kHour, d * 8, RemapKind::Pending)));
        QVERIFY(store.record(smart(day + 6 * kHour, d, 30 + d % 5)));
        QVERIFY(store.record(smart(day + 18 * kHour, d + 1, std::nullopt)));
    }
    const qint64 end = kStart + days * kDay;
    const PairHistory before = wait(store.pairHistory(kPair, kStart, end, kDay));
    const DiskHistory diskBefore = wait(store.diskHistory(kDisk, kStart, end, kDay));
    QVERIFY(before.error.isEmpty() && diskBefore.error.isEmpty());

    store.applyRetention(end + 5 * kHour);
    const PairHistory after = wait(store.pairHistory(kPair, kStart, end, kDay));
    QVERIFY2(after.error.isEmpty(), qPrintable(after.error));
    const qint64 horizon = end - kRawRetentionDays * kDay;
    {
        Peek peek(path);
        QCOMPARE(peek.scalar(QStringLiteral("SELECT count(*) FROM remap_events WHERE time < %1").arg(horizon)).toInt(), 0);
        QCOMPARE(peek.scalar(QStringLiteral("SELECT count(*) FROM smart_readings WHERE time < %1").arg(horizon)).toInt(), 0);
        QCOMPARE(peek.scalar(QStringLiteral("SELECT count(*) FROM remap_days")).toInt(), days - kRawRetentionDays);
        QCOMPARE(peek.scalar(QStringLiteral("SELECT count(*) FROM remap_events")).toInt(), 4 * kRawRetentionDays);
        QCOMPARE(peek.scalar(QStringLiteral("SELECT value FROM meta WHERE key = 'raw_horizon'")).toLongLong(), horizon);
    }
    QCOMPARE(after.buckets.size(), days);
    for (int d = 0; d < days; ++d) {
        QCOMPARE(after.buckets[d].moved, 3u);
        QCOMPARE(after.buckets[d].pending, 1u);
        QCOMPARE(after.buckets[d].fromDailyAggregates, d < days - kRawRetentionDays);
    }

    const DiskHistory diskAfter = wait(store.diskHistory(kDisk, kStart, end, kDay));
    QCOMPARE(diskAfter.buckets.size(), days);
    for (int d = 0; d < days; ++d) {
        const DiskBucket &b = diskAfter.buckets[d];
        QCOMPARE(b.readings, 2u);
        QCOMPARE(b.values[Reallocated].min, d);
        QCOMPARE(b.values[Reallocated].max, d + 1);
        QCOMPARE(b.values[Reallocated].last, d + 1);
        // The day's last reading had no temperature: last is the last one known.
        QCOMPARE(b.values[Temperature].last, 30 + d % 5);
        QCOMPARE(b.values[Temperature].min, diskBefore.buckets[d].values[Temperature].min);
    }

    // Weekly buckets over aggregated and raw days alike.
    const PairHistory weekly = wait(store.pairHistory(kPair, kStart, end, 7 * kDay));
    quint64 movedInWeeks = 0;
    for (const PairBucket &b : weekly.buckets)
        movedInWeeks += b.moved;
    QCOMPARE(movedInWeeks, quint64(3 * days));

    // Hours asked across the horizon: whole days before it, hours after.
    const PairHistory hourly = wait(store.pairHistory(kPair, horizon - 2 * kDay, horizon + 2 * kDay, kHour));
    QCOMPARE(hourly.buckets.size(), 2 + 48);
    QVERIFY(hourly.buckets[1].fromDailyAggregates && !hourly.buckets[2].fromDailyAggregates);
    QCOMPARE(hourly.buckets[1].endSecs - hourly.buckets[1].startSecs, kDay);
    QCOMPARE(hourly.buckets[1].moved, 3u);
    QCOMPARE(hourly.buckets[2 + 1].moved, 1u); // 01:00 on the horizon's day

    // The forecast's list: aggregated days at noon, then raw seconds.
    const RemapEvents events = wait(store.remapEvents(kPair, 0, end));
    QCOMPARE(events.moved.size(), (days - kRawRetentionDays) + 3 * kRawRetentionDays);
    QCOMPARE(events.moved[0].timeSecs, kStart + kDay / 2);
    QCOMPARE(events.moved[0].blocks, 3u);
    QCOMPARE(events.moved[days - kRawRetentionDays].timeSecs, horizon + kHour);
    QVERIFY(std::is_sorted(events.moved.cbegin(), events.moved.cend(),
                           [](const MovedBlocks &a, const MovedBlocks &b) { return a.timeSecs < b.timeSecs; }));

    // A late record of an aggregated day counts at once and is folded in on
    // the next run, which changes nothing else.
    QVERIFY(store.record(remap(kStart + 5 * kDay + 7, 99, RemapKind::Moved)));
    QCOMPARE(wait(store.pairHistory(kPair, kStart + 5 * kDay, kStart + 6 * kDay, kDay)).buckets[0].moved, 4u);
    store.applyRetention(end + 6 * kHour);
    QCOMPARE(wait(store.pairHistory(kPair, kStart + 5 * kDay, kStart + 6 * kDay, kDay)).buckets[0].moved, 4u);
    const PairHistory again = wait(store.pairHistory(kPair, kStart, end, kDay));
    QCOMPARE(again.buckets[29].moved, 3u);
    QCOMPARE(again.buckets[30].moved, 3u);
    Peek peek(path);
    QCOMPARE(peek.scalar(QStringLiteral("SELECT moved FROM remap_days WHERE day = %1").arg(kStart / kDay + 5)).toInt(), 4);
}

void TestHistory::refusesBadInput()
{
    QTemporaryDir dir;
    Store store(dir.filePath(QStringLiteral("history.db")));
    QString error;
    QVERIFY(!store.record(RemapEvent{kStart, QString(), 1, RemapKind::Moved}, &error));
    QCOMPARE(error, QStringLiteral("remap event refused: empty pair id"));
    QVERIFY(!store.record(remap(-5, 1, RemapKind::Moved), &error));
    QCOMPARE(error, QStringLiteral("remap event refused: time -5 is before 1970"));
    QVERIFY(!store.record(remap(kStart, quint64(1) << 63, RemapKind::Moved), &error));
    QVERIFY(error.contains(QLatin1String("out of range")));
    QVERIFY(store.record(smart(kStart, 1, 1), &error));
    QVERIFY(!store.record(SmartReading{kStart, QString(kMaxIdLength + 1, QLatin1Char('x')), {1}}, &error));
    QCOMPARE(error, QStringLiteral("SMART reading refused: disk id longer than 256 characters"));
    QVERIFY(!store.record(SelfTestResult{kStart, kDisk, QString(), "Completed without error", std::nullopt}, &error));
    QCOMPARE(error, QStringLiteral("self-test result refused: no type or no result"));

    QCOMPARE(wait(store.pairHistory(kPair, kStart, kStart, kHour)).error,
             QStringLiteral("empty range: from %1 is not before to %1").arg(kStart));
    QCOMPARE(wait(store.pairHistory(kPair, kStart, kStart + kDay, 0)).error,
             QStringLiteral("resolution 0 s: at least 1 s"));
    QCOMPARE(wait(store.diskHistory(kDisk, -1, kStart, kDay)).error, QStringLiteral("range starts before 1970 (-1)"));
    QCOMPARE(wait(store.remapEvents(QString(), kStart, kStart + 1)).error, QStringLiteral("empty pair id"));
    QCOMPARE(wait(store.pairHistory(kPair, 0, std::numeric_limits<qint64>::max(), kDay * 365 * 1000)).error,
             QStringLiteral("range ends after the year 9999 (%1)").arg(std::numeric_limits<qint64>::max()));

    // The bucket bound: 10,000 is answered, 10,001 is refused.
    const PairHistory most = wait(store.pairHistory(kPair, kStart, kStart + kMaxBuckets * kHour, kHour));
    QVERIFY(most.error.isEmpty());
    QCOMPARE(most.buckets.size(), kMaxBuckets);
    const PairHistory tooMany = wait(store.pairHistory(kPair, kStart, kStart + kMaxBuckets * kHour + 1, kHour));
    QCOMPARE(tooMany.error, QStringLiteral("10001 buckets asked for, at most 10000: widen the resolution or narrow the range"));
    QVERIFY(tooMany.buckets.isEmpty());
    QVERIFY(!wait(store.diskHistory(kDisk, 0, kStart, 60)).error.isEmpty());
}

void TestHistory::movesDamagedFileAside_data()
{
    QTest::addColumn<QString>("damage");
    QTest::addColumn<QString>("reason");
    QTest::newRow("garbage") << "garbage" << "cannot be read";
    QTest::newRow("truncated") << "truncated" << "malformed";
    QTest::newRow("foreign schema") << "foreign" << "not dm-remap's history (accounts)";
    QTest::newRow("newer version") << "newer" << "schema version 7, newer than this helper's 2";
}

void TestHistory::movesDamagedFileAside()
{
    QFETCH(QString, damage);
    QFETCH(QString, reason);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("history.db"));
    if (damage == QLatin1String("garbage")) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QByteArray noise(64 * 1024, Qt::Uninitialized);
        QRandomGenerator(7).fillRange(reinterpret_cast<quint32 *>(noise.data()), noise.size() / 4);
        file.write(noise);
    } else if (damage == QLatin1String("truncated")) {
        {
            Store store(path);
            for (int i = 0; i < 20000; ++i)
                store.record(remap(kStart + i, i, RemapKind::Moved));
        }
        QVERIFY(fileSize(path) > 100 * 1024);
        QVERIFY(QFile::resize(path, fileSize(path) / 2));
    } else if (damage == QLatin1String("foreign")) {
        Peek peek(path);
        peek.exec(QStringLiteral("CREATE TABLE accounts (name TEXT, balance INTEGER)"));
        peek.exec(QStringLiteral("INSERT INTO accounts VALUES ('alice', 10)"));
    } else {
        Peek peek(path);
        peek.exec(QStringLiteral("PRAGMA user_version = 7"));
    }
    const QByteArray original = contents(path);
    QVERIFY(!original.isEmpty());

    Store store(path);
    QSignalSpy problems(&store, &Store::problemReported);
    wait(store.flush());
    const StoreStatus status = store.status();
    QVERIFY2(status.available, qPrintable(status.lastProblem));
    QCOMPARE(status.movedAside.size(), 1);
    const QString aside = status.movedAside.constFirst();
    QVERIFY2(QFileInfo(aside).fileName().startsWith(QLatin1String("history.db.broken-20")), qPrintable(aside));
    QCOMPARE(contents(aside), original);
    QVERIFY2(status.lastProblem.contains(reason), qPrintable(status.lastProblem));
    QVERIFY(status.lastProblem.contains(QStringLiteral("moved aside to ") + aside));
    QVERIFY(problems.wait(2000));
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.constFirst().constFirst().toString(), status.lastProblem);

    // Afresh and working.
    QVERIFY(store.record(remap(kStart, 1, RemapKind::Moved)));
    const PairHistory history = wait(store.pairHistory(kPair, kStart, kStart + kDay, kDay));
    QVERIFY(history.error.isEmpty());
    QCOMPARE(history.buckets[0].moved, 1u);
}

void TestHistory::reportsUnwritableLocation()
{
    // Root writes anywhere, but not under a regular file.
    QTemporaryDir dir;
    const QString notADirectory = dir.filePath(QStringLiteral("plain-file"));
    QFile file(notADirectory);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    const QString path = notADirectory + QStringLiteral("/history.db");

    Store store(path);
    QSignalSpy problems(&store, &Store::problemReported);
    wait(store.flush());
    StoreStatus status = store.status();
    QVERIFY(!status.available);
    QVERIFY(problems.wait(2000));
    QCOMPARE(problems.constFirst().constFirst().toString(), status.lastProblem);
    QVERIFY2(status.lastProblem.startsWith(QStringLiteral("history database %1 unavailable: ").arg(path)),
             qPrintable(status.lastProblem));
    QVERIFY(status.movedAside.isEmpty());

    QVERIFY(store.record(remap(kStart, 1, RemapKind::Moved)));
    QVERIFY(store.record(smart(kStart, 1, 30)));
    wait(store.flush());
    QCOMPARE(store.status().droppedRecords, 2u);
    const PairHistory history = wait(store.pairHistory(kPair, kStart, kStart + kDay, kDay));
    QVERIFY(history.error.startsWith(QLatin1String("history unavailable: history database")));
    QVERIFY(history.buckets.isEmpty());
    store.applyRetention(kStart + 200 * kDay);
    QVERIFY(wait(store.remapEvents(kPair, 0, kStart)).error.startsWith(QLatin1String("history unavailable")));
    QCOMPARE(contents(notADirectory), QByteArray());
}

void TestHistory::writesDoNotWaitForTheDatabase()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("history.db"));
    Store store(path);
    wait(store.flush());

    // Another connection holds the write lock: the store's commit waits on
    // its thread (SQLite's busy timeout), the callers never do.
    Peek lock(path);
    lock.exec(QStringLiteral("BEGIN IMMEDIATE"));
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < 1000; ++i)
        QVERIFY(store.record(remap(kStart + i, i, RemapKind::Moved)));
    QFuture<void> committed = store.flush();
    QVERIFY(store.status().available);
    const qint64 callerMs = timer.elapsed();
    QTest::qWait(300);
    QVERIFY2(!committed.isFinished(), qPrintable(store.status().lastProblem));
    lock.exec(QStringLiteral("COMMIT"));
    committed.waitForFinished();
    qInfo("1000 records queued in %lld ms while the database was locked; committed %lld ms later",
          callerMs, timer.elapsed() - callerMs);
    QVERIFY(callerMs < 200);
    QCOMPARE(wait(store.pairHistory(kPair, kStart, kStart + kDay, kDay)).buckets[0].moved, 1000u);
    QCOMPARE(store.status().droppedRecords, 0u);
}

void TestHistory::replaysThreeBusyYears()
{
    // 200 remaps a day (190 moved, 10 pending) and a SMART reading an hour for
    // three years, the retention running every day as the helper runs it.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("history.db"));
    constexpr int days = 3 * 365;
    QElapsedTimer timer;
    timer.start();
    const std::clock_t cpuStart = std::clock(); // all threads: the wall time depends on the machine's load
    QRandomGenerator random(13);
    quint64 moved = 0;
    {
        Store store(path);
        for (int d = 0; d < days; ++d) {
            const qint64 day = kStart + d * kDay;
            for (int i = 0; i < 200; ++i) {
                const RemapKind kind = i < 190 ? RemapKind::Moved : RemapKind::Pending;
                store.record(remap(day + random.bounded(kDay), random.bounded(quint64(1) << 40), kind));
            }
            moved += 190;
            for (int h = 0; h < 24; ++h) {
                SmartReading reading = smart(day + h * kHour, d / 4, 35 + random.bounded(10));
                reading.values[Pending] = random.bounded(20);
                reading.values[OfflineUncorrectable] = d / 40;
                reading.values[CrcErrors] = 2;
                reading.values[PowerOnHours] = 20000 + d * 24 + h;
                store.record(reading);
            }
            store.applyRetention(day + kDay + 60);
            // A month's lead at most: the database thread keeps up as it would
            // with real days, without a thread round trip per simulated day.
            if (d % 30 == 29)
                wait(store.flush());
        }
        const qint64 end = kStart + days * kDay;
        const PairHistory history = wait(store.pairHistory(kPair, kStart, end, kDay));
        QVERIFY(history.error.isEmpty());
        QCOMPARE(history.buckets.size(), days);
        quint64 movedInHistory = 0;
        for (const PairBucket &b : history.buckets)
            movedInHistory += b.moved;
        QCOMPARE(movedInHistory, moved);
        const RemapEvents events = wait(store.remapEvents(kPair, kStart, end + kDay));
        quint64 movedInEvents = 0;
        for (const MovedBlocks &m : events.moved)
            movedInEvents += m.blocks;
        QCOMPARE(movedInEvents, moved);
        const DiskHistory disk = wait(store.diskHistory(kDisk, kStart, end, 30 * kDay));
        QVERIFY(disk.error.isEmpty());
        QCOMPARE(disk.buckets.constLast().values[PowerOnHours].last, 20000 + (days - 1) * 24 + 23);
    }
    const double wallSecs = timer.elapsed() / 1000.0;
    const double cpuSecs = double(std::clock() - cpuStart) / CLOCKS_PER_SEC;
    const qint64 size = fileSize(path) + fileSize(path + QStringLiteral("-wal"));
    qInfo("3 years of a busy pair (%llu blocks moved, %d SMART readings): %lld bytes (%.2f MiB) on disk, "
          "%.1f s (%.1f s of CPU)", moved, days * 24, size, size / 1048576.0, wallSecs, cpuSecs);
    QVERIFY2(size < 4 * 1024 * 1024, qPrintable(QString::number(size)));
}

// What the helper records when a pair's counts change (HistoryFeed).
void TestHistory::feedsCountGrowthAsEvents()
{
    quint64 notRecorded = 1;
    const auto events = HistoryFeed::remapEvents(QStringLiteral("p"), 1000, {5, 2}, {8, 3}, &notRecorded);
    QCOMPARE(notRecorded, 0u);
    QCOMPARE(events.size(), 4);
    QCOMPARE(std::count_if(events.cbegin(), events.cend(), [](const auto &e) { return e.kind == History::RemapKind::Moved; }), 3);
    for (const auto &e : events) {
        QCOMPARE(e.timeSecs, 1000);
        QCOMPARE(e.pairId, QStringLiteral("p"));
    }
    // Pending blocks written (fewer pending, more moved): only the moved.
    QCOMPARE(HistoryFeed::remapEvents(QStringLiteral("p"), 1000, {5, 2}, {7, 0}, &notRecorded).size(), 2);
    // Nothing grew (a table reloaded with lower counts): nothing.
    QVERIFY(HistoryFeed::remapEvents(QStringLiteral("p"), 1000, {5, 2}, {0, 0}, &notRecorded).isEmpty());
    // A huge jump is bounded.
    const auto many = HistoryFeed::remapEvents(QStringLiteral("p"), 1000, {0, 0}, {HistoryFeed::kMaxEventsPerChange + 10, 5}, &notRecorded);
    QCOMPARE(quint64(many.size()), HistoryFeed::kMaxEventsPerChange);
    QCOMPARE(notRecorded, 15u);
}

void TestHistory::feedsOnlyNewSelfTests()
{
    auto test = [](const QString &type, const QString &status, uint hours, int remaining = 0, qlonglong lba = -1) {
        DmRemap::SelfTest t;
        t.type = type;
        t.status = status;
        t.lifetimeHours = hours;
        t.remainingPercent = remaining;
        t.failingLba = lba;
        return t;
    };
    const DmRemap::SelfTestList before{test(QStringLiteral("Short offline"), QStringLiteral("Completed without error"), 100),
                                       test(QStringLiteral("Short offline"), QStringLiteral("Completed without error"), 100)};
    // Newest first: one running, one failed, one more of the same hour.
    const DmRemap::SelfTestList after{test(QStringLiteral("Extended offline"), QStringLiteral("Self-test routine in progress"), 130, 60),
                                      test(QStringLiteral("Short offline"), QStringLiteral("Completed: read failure"), 120, 0, 4242),
                                      test(QStringLiteral("Short offline"), QStringLiteral("Completed without error"), 100),
                                      test(QStringLiteral("Short offline"), QStringLiteral("Completed without error"), 100),
                                      test(QStringLiteral("Short offline"), QStringLiteral("Completed without error"), 100)};
    const auto results = HistoryFeed::newSelfTests(QStringLiteral("d"), 5000, before, after);
    QCOMPARE(results.size(), 2);
    QCOMPARE(results.at(0).result, QStringLiteral("Completed without error")); // oldest first
    QCOMPARE(results.at(1).result, QStringLiteral("Completed: read failure"));
    QCOMPARE(results.at(1).firstErrorLba, std::optional<quint64>(4242));
    QCOMPARE(results.at(0).firstErrorLba, std::nullopt);
    QCOMPARE(results.at(1).timeSecs, 5000);
    QVERIFY(HistoryFeed::newSelfTests(QStringLiteral("d"), 5000, after, after).isEmpty());
}

void TestHistory::findsFirstReallocation()
{
    auto bucket = [](qint64 start, std::optional<qint64> min, std::optional<qint64> max) {
        History::DiskBucket b;
        b.startSecs = start;
        b.endSecs = start + 86400;
        b.values[History::Reallocated].min = min;
        b.values[History::Reallocated].max = max;
        return b;
    };
    // No readings in the first day, 0 the next, 3 the day after.
    QCOMPARE(HistoryFeed::firstReallocation({bucket(0, {}, {}), bucket(86400, 0, 0), bucket(172800, 3, 3)}), 172800);
    // Rose within a day.
    QCOMPARE(HistoryFeed::firstReallocation({bucket(0, 0, 2), bucket(86400, 2, 2)}), 0);
    QCOMPARE(HistoryFeed::firstReallocation({bucket(86400, 0, 2)}), 86400);
    // Above 0 from the first reading: unknown.
    QCOMPARE(HistoryFeed::firstReallocation({bucket(0, 4, 4), bucket(86400, 0, 5)}), 0);
    // Never above 0.
    QCOMPARE(HistoryFeed::firstReallocation({bucket(0, 0, 0)}), 0);
}

void TestHistory::forecastDictionary()
{
    Forecast::SpareForecast none;
    none.reason = Forecast::NoForecastReason::TooLittleHistory;
    QVariantMap map = HistoryFeed::forecastMap(none, 1000, 10, 100000);
    QCOMPARE(map.value(QStringLiteral("forecast")).toBool(), false);
    QCOMPARE(map.value(QStringLiteral("reason")).toString(), QStringLiteral("too-little-history"));
    QVERIFY(!map.value(QStringLiteral("reason-text")).toString().isEmpty());
    QVERIFY(!map.contains(QStringLiteral("likely")));
    QCOMPARE(map.value(QStringLiteral("used")).toULongLong(), 10u);

    Forecast::SpareForecast some;
    some.earliestSecs = 100000 + 5 * 86400;
    some.likelySecs = 100000 + 10 * 86400;
    some.latestSecs = 100000 + 20 * 86400;
    map = HistoryFeed::forecastMap(some, 1000, 10, 100000);
    QCOMPARE(map.value(QStringLiteral("reason")).toString(), QString());
    QCOMPARE(map.value(QStringLiteral("likely")).toLongLong(), some.likelySecs);
    QCOMPARE(map.value(QStringLiteral("days-left")).toDouble(), 10.0);

    HistoryFeed::addRisk(&map, std::nullopt, 0);
    QCOMPARE(map.value(QStringLiteral("risk-band")).toString(), QString());
    HistoryFeed::addRisk(&map, Forecast::assessFailureRisk(5, 100000 - 86400, 100000), 5);
    QVERIFY(!map.value(QStringLiteral("risk-band")).toString().isEmpty());
    QCOMPARE(map.value(QStringLiteral("first-reallocation-window")).toBool(), true);
    QCOMPARE(map.value(QStringLiteral("first-reallocation-window-ends")).toLongLong(), 100000 - 86400 + 60 * 86400);
    QVERIFY(!map.value(QStringLiteral("risk-source")).toString().isEmpty());
}

QTEST_GUILESS_MAIN(TestHistory)
#include "tst_history.moc"
