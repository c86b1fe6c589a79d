// The exposition writer (helper/metrics.*) and the event hook
// (helper/eventhook.*): format, escaping, labels, atomic replacement, and a
// real hook process with its environment, refusal and timeout.
#include "eventhook.h"
#include "metrics.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <csignal>
#include <sys/stat.h>

namespace {

Metrics::PairSample pair(const QString &name, const QString &mainSerial, const QString &state)
{
    Metrics::PairSample p;
    p.name = name;
    p.mainSerial = mainSerial;
    p.spareSerial = QStringLiteral("SPARE0001");
    p.state = state;
    p.mainPresent = p.sparePresent = p.statusKnown = true;
    p.blockSizeBytes = 4096;
    p.mainSizeBytes = 64 << 20;
    p.moved = 3;
    p.pending = 2;
    p.capacity = 1000;
    p.readErrors = 7;
    p.writeErrors = 1;
    p.unreadableSectors = 16;
    return p;
}

Metrics::DiskSample disk(const QString &serial, bool nvme)
{
    Metrics::DiskSample d{serial, QStringLiteral("QEMU HARDDISK"), SmartReport()};
    d.smart.available = true;
    d.smart.verdict = QStringLiteral("warning");
    d.smart.temperature = 41;
    d.smart.powerOnHours = 10;
    if (nvme) {
        d.smart.isNvme = true;
        d.smart.nvmeAvailableSpare = 95;
        d.smart.nvmeAvailableSpareThreshold = 10;
        d.smart.nvmeMediaErrors = 4;
    } else {
        d.smart.reallocatedSectors = 5;
        d.smart.pendingSectors = 24;
        d.smart.offlineUncorrectable = 0;
        d.smart.crcErrors = 2;
    }
    return d;
}

QString writeScript(const QString &path, const QByteArray &body, mode_t mode = 0755)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write("#!/bin/sh\n" + body);
    f.close();
    ::chmod(QFile::encodeName(path).constData(), mode);
    return path;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool processAlive(const QByteArray &pid)
{
    return !pid.trimmed().isEmpty() && ::kill(pid.trimmed().toInt(), 0) == 0;
}

} // namespace

class TestMetrics : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void escaping()
    {
        QCOMPARE(Metrics::escapeLabelValue(QStringLiteral("plain-1.2_X")), QStringLiteral("plain-1.2_X"));
        QCOMPARE(Metrics::escapeLabelValue(QStringLiteral("a\\b\"c\nd")), QStringLiteral("a\\\\b\\\"c\\nd"));
        QCOMPARE(Metrics::escapeLabelValue(QStringLiteral("Ünï")), QStringLiteral("Ünï"));
    }

    void valuesAndLabels()
    {
        const QByteArray text = Metrics::render({pair(QStringLiteral("data"), QStringLiteral("MAIN0001"), QStringLiteral("spare_low"))},
                                                {disk(QStringLiteral("MAIN0001"), false), disk(QStringLiteral("SPARE0001"), true)},
                                                1700000000);
        const QByteArray labels = "pair=\"data\",main_serial=\"MAIN0001\",spare_serial=\"SPARE0001\"";
        const QList<QByteArray> expected{QByteArray("dmremap_metrics_last_update_timestamp_seconds 1700000000"),
                                       "dmremap_pairs 1",
                                       "dmremap_pair_moved_blocks{" + labels + "} 3",
                                       "dmremap_pair_pending_blocks{" + labels + "} 2",
                                       "dmremap_pair_spare_slots_used{" + labels + "} 3",
                                       "dmremap_pair_spare_slots{" + labels + "} 1000",
                                       "dmremap_pair_read_errors_total{" + labels + "} 7",
                                       "dmremap_pair_write_errors_total{" + labels + "} 1",
                                       "dmremap_pair_unreadable_sectors{" + labels + "} 16",
                                       "dmremap_pair_block_size_bytes{" + labels + "} 4096",
                                       "dmremap_pair_state{" + labels + ",state=\"spare_low\"} 1",
                                       "dmremap_pair_state{" + labels + ",state=\"ok\"} 0",
                                       "dmremap_pair_state{" + labels + ",state=\"spare_error\"} 0",
                                       "dmremap_pair_state{" + labels + ",state=\"metadata_error\"} 0",
                                       "dmremap_disk_reallocated_sectors{serial=\"MAIN0001\",model=\"QEMU HARDDISK\"} 5",
                                       "dmremap_disk_pending_sectors{serial=\"MAIN0001\",model=\"QEMU HARDDISK\"} 24",
                                       "dmremap_disk_offline_uncorrectable_sectors{serial=\"MAIN0001\",model=\"QEMU HARDDISK\"} 0",
                                       "dmremap_disk_crc_errors_total{serial=\"MAIN0001\",model=\"QEMU HARDDISK\"} 2",
                                       "dmremap_disk_temperature_celsius{serial=\"MAIN0001\",model=\"QEMU HARDDISK\"} 41",
                                       "dmremap_disk_power_on_seconds_total{serial=\"MAIN0001\",model=\"QEMU HARDDISK\"} 36000",
                                       "dmremap_disk_smart_verdict{serial=\"MAIN0001\",model=\"QEMU HARDDISK\",verdict=\"warning\"} 1",
                                       "dmremap_disk_nvme_media_errors_total{serial=\"SPARE0001\",model=\"QEMU HARDDISK\"} 4",
                                       "dmremap_disk_nvme_available_spare_ratio{serial=\"SPARE0001\",model=\"QEMU HARDDISK\"} 0.95"};
        for (const QByteArray &line : expected)
            QVERIFY2(text.contains("\n" + line + "\n"), line.constData());
        // The state gauge has one series per state, exactly one of them 1.
        QCOMPARE(text.count("dmremap_pair_state{"), Metrics::pairStates().size());
        int setStates = 0;
        for (const QByteArray &line : text.split('\n'))
            setStates += line.startsWith("dmremap_pair_state{") && line.endsWith("} 1");
        QCOMPARE(setStates, 1);
        QVERIFY(!text.contains("dmremap_disk_nvme_media_errors_total{serial=\"MAIN0001\""));
    }

    // The forecast's gauge exists only with a forecast.
    void spareDaysLeftOnlyWithForecast()
    {
        Metrics::PairSample p = pair(QStringLiteral("data"), QStringLiteral("MAIN0001"), QStringLiteral("ok"));
        QVERIFY(!Metrics::render({p}, {}, 1700000000).contains("dmremap_pair_spare_days_left"));
        p.spareDaysLeft = 12.345;
        const QByteArray text = Metrics::render({p}, {}, 1700000000);
        QVERIFY2(text.contains("\ndmremap_pair_spare_days_left{pair=\"data\",main_serial=\"MAIN0001\",spare_serial=\"SPARE0001\"} 12.35\n"),
                 text.constData());
        QVERIFY(text.contains("# TYPE dmremap_pair_spare_days_left gauge\n"));
    }

    // The background scan: one state series per state, the pass's progress,
    // and the last whole pass only once there was one.
    void scanMetrics()
    {
        Metrics::PairSample p = pair(QStringLiteral("data"), QStringLiteral("MAIN0001"), QStringLiteral("ok"));
        p.scanState = QStringLiteral("paused-busy");
        p.scanPositionBytes = 1 << 20;
        p.scanSizeBytes = 4 << 20;
        QByteArray text = Metrics::render({p}, {}, 1700000000);
        const QByteArray labels = "pair=\"data\",main_serial=\"MAIN0001\",spare_serial=\"SPARE0001\"";
        QVERIFY2(text.contains("\ndmremap_pair_scan_progress_ratio{" + labels + "} 0.25\n"), text.constData());
        QVERIFY(text.contains("\ndmremap_pair_scan_state{" + labels + ",state=\"paused-busy\"} 1\n"));
        QVERIFY(text.contains("\ndmremap_pair_scan_state{" + labels + ",state=\"running\"} 0\n"));
        QCOMPARE(text.count("dmremap_pair_scan_state{"), Metrics::scanStates().size());
        QVERIFY(!text.contains("dmremap_pair_scan_last_completed_timestamp_seconds{"));
        p.scanState = QStringLiteral("idle");
        p.scanPositionBytes = p.scanSizeBytes = 0;
        p.scanLastFinishedSecs = 1699990000;
        text = Metrics::render({p}, {}, 1700000000);
        QVERIFY(text.contains("\ndmremap_pair_scan_progress_ratio{" + labels + "} 0\n"));
        QVERIFY(text.contains("\ndmremap_pair_scan_last_completed_timestamp_seconds{" + labels + "} 1699990000\n"));
    }

    // Label names are a fixed set: never a sector (or any other number's) label.
    void onlyKnownLabels()
    {
        Metrics::PairSample p = pair(QStringLiteral("data"), QStringLiteral("M"), QStringLiteral("ok"));
        const QByteArray text = Metrics::render({p}, {disk(QStringLiteral("M"), false), disk(QStringLiteral("S"), true)}, 1);
        const QSet<QString> allowed{QStringLiteral("pair"), QStringLiteral("main_serial"), QStringLiteral("spare_serial"),
                                    QStringLiteral("state"), QStringLiteral("serial"), QStringLiteral("model"), QStringLiteral("verdict")};
        const QRegularExpression labelName(QStringLiteral("([a-z_]+)=\"(?:[^\"\\\\]|\\\\.)*\""));
        int samples = 0;
        for (const QByteArray &line : text.split('\n')) {
            if (line.isEmpty() || line.startsWith('#'))
                continue;
            ++samples;
            QVERIFY2(line.startsWith("dmremap_"), line.constData());
            const QString labels = QString::fromUtf8(line.mid(line.indexOf('{') + 1, line.lastIndexOf('}') - line.indexOf('{') - 1));
            if (!line.contains('{'))
                continue;
            for (auto it = labelName.globalMatch(labels); it.hasNext();) {
                const QString name = it.next().captured(1);
                QVERIFY2(allowed.contains(name), qPrintable(name));
            }
        }
        QVERIFY(samples > 30);
    }

    // Debian's promtool accepts the file, also with hostile label values.
    void promtoolAccepts()
    {
        const QString promtool = QStandardPaths::findExecutable(QStringLiteral("promtool"));
        QVERIFY2(!promtool.isEmpty(), "promtool (package prometheus) is not installed: scripts/packages/helper.txt");
        const QByteArray text = Metrics::render(
                {pair(QStringLiteral("data"), QStringLiteral("WD-\"quoted\"\\back\nline"), QStringLiteral("ok")),
                 pair(QStringLiteral("data2"), QString(), QStringLiteral("missing"))},
                {disk(QStringLiteral("a\"b"), false), disk(QStringLiteral("c\\d"), true)}, 1700000000);
        QProcess check;
        check.start(promtool, {QStringLiteral("check"), QStringLiteral("metrics")});
        check.write(text);
        check.closeWriteChannel();
        QVERIFY(check.waitForFinished(30000));
        const QByteArray said = check.readAllStandardOutput() + check.readAllStandardError();
        QVERIFY2(check.exitCode() == 0 && said.trimmed().isEmpty(), said.constData());
        // A broken escape is what promtool refuses: the check can fail.
        QByteArray broken = text;
        broken.replace("WD-\\\"quoted", "WD-\"quoted");
        check.start(promtool, {QStringLiteral("check"), QStringLiteral("metrics")});
        check.write(broken);
        check.closeWriteChannel();
        QVERIFY(check.waitForFinished(30000));
        QVERIFY(check.exitCode() != 0);
    }

    void atomicReplacement()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("dm-remap.prom"));
        const mode_t oldMask = ::umask(077); // the helper's unit sets UMask=0077
        QString error;
        QVERIFY2(Metrics::writeAtomically(dir.path(), "first 1\n", &error), qPrintable(error));
        struct stat first = {};
        QCOMPARE(::stat(QFile::encodeName(file).constData(), &first), 0);
        QCOMPARE(first.st_mode & 0777, mode_t(0644)); // node_exporter's user reads it
        QVERIFY2(Metrics::writeAtomically(dir.path(), "second 2\n", &error), qPrintable(error));
        ::umask(oldMask);
        struct stat second = {};
        QCOMPARE(::stat(QFile::encodeName(file).constData(), &second), 0);
        QVERIFY2(first.st_ino != second.st_ino, "the file was rewritten in place, not replaced by a rename");
        QCOMPARE(readAll(file), QByteArray("second 2\n"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("dm-remap.prom")});
        // A write that cannot be done leaves the old file as it was.
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("dm-remap.prom.tmp")));
        QVERIFY(!Metrics::writeAtomically(dir.path(), "third 3\n", &error));
        QVERIFY2(error.contains(QStringLiteral("dm-remap.prom.tmp")), qPrintable(error));
        QCOMPARE(readAll(file), QByteArray("second 2\n"));
        QVERIFY(!Metrics::writeAtomically(dir.filePath(QStringLiteral("gone")), "x 1\n", &error));
    }

    void hookEnvironment()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("env"));
        const QString hook = writeScript(dir.filePath(QStringLiteral("hook")),
                                         "env | sort > " + QFile::encodeName(out) + "\necho hook says hello\nexit 3\n");
        EventHook events({hook, 5000, 32});
        QSignalSpy ran(&events, &EventHook::ran);
        ::setenv("DMREMAP_LEAK_TEST", "1", 1);
        events.notify(QStringLiteral("blocks-moved"), {{QStringLiteral("PAIR"), QStringLiteral("data")},
                                                       {QStringLiteral("MOVED"), QStringLiteral("3")},
                                                       {QStringLiteral("STATE"), QStringLiteral("ok")}});
        QVERIFY(ran.wait(5000));
        QCOMPARE(ran.at(0).at(0).toString(), QStringLiteral("blocks-moved"));
        QCOMPARE(ran.at(0).at(1).toInt(), 3);
        const QByteArray env = readAll(out);
        for (const QByteArray &line : {QByteArray("DMREMAP_EVENT=blocks-moved"), QByteArray("DMREMAP_PAIR=data"),
                                       QByteArray("DMREMAP_MOVED=3"), QByteArray("DMREMAP_STATE=ok")})
            QVERIFY2(env.contains(line + "\n"), env.constData());
        QVERIFY2(!env.contains("DMREMAP_LEAK_TEST"), "the helper's own environment reached the hook");
        ::unsetenv("DMREMAP_LEAK_TEST");
    }

    void unsafeHookRefused()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("ran"));
        const QString hook = writeScript(dir.filePath(QStringLiteral("hook")), "touch " + QFile::encodeName(out) + "\n", 0777);
        bool notFound = false;
        QVERIFY(EventHook::checkExecutable(hook, &notFound).contains(QStringLiteral("writable by group or others")));
        EventHook events({hook, 5000, 32});
        QSignalSpy ran(&events, &EventHook::ran);
        events.notify(QStringLiteral("state-changed"), {});
        QCOMPARE(ran.size(), 1);
        QCOMPARE(ran.at(0).at(1).toInt(), -1);
        QTest::qWait(300);
        QVERIFY(!QFile::exists(out));
        QVERIFY(!EventHook::checkExecutable(dir.filePath(QStringLiteral("none")), &notFound).isEmpty() && notFound);
    }

    // A hook that hangs neither blocks the caller's thread nor outlives its
    // timeout (with what it started), and the next event still runs.
    void hangingHookKilled()
    {
        QTemporaryDir dir;
        const QString pids = dir.filePath(QStringLiteral("pids"));
        const QString hook = writeScript(dir.filePath(QStringLiteral("hook")),
                                         "[ \"$DMREMAP_EVENT\" = second ] && exit 0\n"
                                         "sleep 600 &\necho $! > " + QFile::encodeName(pids) + "\nwait\n");
        EventHook events({hook, 1000, 32});
        QSignalSpy ran(&events, &EventHook::ran);
        QElapsedTimer clock;
        clock.start();
        events.notify(QStringLiteral("first"), {});
        events.notify(QStringLiteral("second"), {});
        QVERIFY2(clock.elapsed() < 200, "notify() waited for the hook");
        int ticks = 0;
        QTimer tick;
        connect(&tick, &QTimer::timeout, this, [&ticks] { ++ticks; });
        tick.start(50);
        QTRY_VERIFY_WITH_TIMEOUT(ran.size() == 2, 10000);
        QVERIFY2(ticks >= 10, qPrintable(QStringLiteral("the event loop ran only %1 times while the hook hung").arg(ticks)));
        QCOMPARE(ran.at(0).at(0).toString(), QStringLiteral("first"));
        QVERIFY(ran.at(0).at(2).toBool()); // timed out
        QVERIFY(clock.elapsed() >= 1000);
        QCOMPARE(ran.at(1).at(0).toString(), QStringLiteral("second"));
        QCOMPARE(ran.at(1).at(1).toInt(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(!processAlive(readAll(pids)), 3000);
    }
};

QTEST_GUILESS_MAIN(TestMetrics)
#include "tst_metrics.moc"
