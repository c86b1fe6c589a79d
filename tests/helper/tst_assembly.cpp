// The pair record (parsing, writing, atomic replacement) and the decisions
// of Assemble and ImportPair over made-up disks: only recorded pairs start,
// every ambiguity is refused.
#include "assembly.h"
#include "pairrecord.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <sys/sysmacros.h>

using namespace Assembly;

namespace {

const QString kUuid = QStringLiteral("0123456789abcdef0123456789abcdef");
const QString kOtherUuid = QStringLiteral("fedcba9876543210fedcba9876543210");

PairRecord recordOf(const QString &name = QStringLiteral("data"), const QString &uuid = kUuid)
{
    return PairRecord{name, uuid, QStringLiteral("naa.5000c500a1b2c3d4"), 131072, QStringLiteral("SPARE0001"), 32768};
}

ProbedDisk disk(int minor, const QString &wwn, const QString &serial, quint64 sectors)
{
    ProbedDisk d;
    d.disk.devnum = makedev(8, minor);
    d.disk.name = QStringLiteral("sd%1").arg(QChar(QLatin1Char('a' + minor / 16)));
    d.disk.path = QStringLiteral("/dev/") + d.disk.name;
    d.disk.wwn = wwn;
    d.disk.serial = serial;
    d.disk.sizeBytes = sectors * 512;
    return d;
}

ProbedDisk mainDisk(int minor = 0)
{
    return disk(minor, QStringLiteral("naa.5000c500a1b2c3d4"), QStringLiteral("MAIN"), 131072);
}

ProbedDisk spareDisk(int minor, const QString &serial, const QString &uuid, const QString &label = QStringLiteral("data"))
{
    ProbedDisk d = disk(minor, QString(), serial, 32768);
    d.meta.valid = true;
    d.meta.hasMagic = true;
    d.meta.uuid = uuid;
    d.meta.label = label;
    d.meta.mainId = QStringLiteral("naa.5000c500a1b2c3d4");
    d.meta.mainSectors = 131072;
    d.meta.used = 7;
    return d;
}

QStringList names(const Plan &plan)
{
    QStringList out;
    for (const PlannedPair &p : plan.pairs)
        out << p.record.name;
    return out;
}

} // namespace

class TestAssembly : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void recordRoundTrip()
    {
        const QList<PairRecord> records{recordOf(), recordOf(QStringLiteral("home"), kOtherUuid)};
        const QByteArray text = PairRecords::serialize(records);
        QVERIFY(text.startsWith("# dm-remap pairs"));
        QVERIFY(text.contains("\npair name=data uuid=0123456789abcdef0123456789abcdef main-id=naa.5000c500a1b2c3d4 "
                              "main-sectors=131072 spare-id=SPARE0001 spare-sectors=32768\n"));
        QStringList problems;
        const QList<PairRecord> back = PairRecords::parse(text, &problems);
        QCOMPARE(problems, QStringList());
        QCOMPARE(back.size(), 2);
        QCOMPARE(back.at(1).name, QStringLiteral("home"));
        QCOMPARE(back.at(1).uuid, kOtherUuid);
        QCOMPARE(back.at(0).mainId, QStringLiteral("naa.5000c500a1b2c3d4"));
        QCOMPARE(back.at(0).mainSectors, quint64(131072));
        QCOMPARE(back.at(0).spareId, QStringLiteral("SPARE0001"));
        QCOMPARE(back.at(0).spareSectors, quint64(32768));

        // A spare without WWN or serial: no spare-id key, read back empty.
        PairRecord anonymous = recordOf();
        anonymous.spareId.clear();
        const QByteArray line = PairRecords::serialize({anonymous});
        QVERIFY(!line.contains("spare-id"));
        QCOMPARE(PairRecords::parse(line, &problems).value(0).spareId, QString());
        QCOMPARE(problems, QStringList());

        // The disk a main disk is being replaced with survives a restart.
        PairRecord replacing = recordOf();
        replacing.replaceId = QStringLiteral("NEW0001");
        replacing.replaceSectors = 262144;
        const QByteArray withReplacement = PairRecords::serialize({replacing});
        QVERIFY(withReplacement.contains(" replace-id=NEW0001 replace-sectors=262144\n"));
        const PairRecord replacingBack = PairRecords::parse(withReplacement, &problems).value(0);
        QCOMPARE(problems, QStringList());
        QCOMPARE(replacingBack.replaceId, QStringLiteral("NEW0001"));
        QCOMPARE(replacingBack.replaceSectors, quint64(262144));
        QVERIFY(!line.contains("replace-"));
    }

    void recordUnknownKeysAndComments()
    {
        QStringList problems;
        const QList<PairRecord> r = PairRecords::parse(
                "# comment\n\n   \n\tpair  spare-sectors=32768 future=x:y name=data uuid=0123456789abcdef0123456789abcdef "
                "main-id=naa.5000c500a1b2c3d4 main-sectors=131072 spare-id=SPARE0001 \n",
                &problems);
        QCOMPARE(problems, QStringList());
        QCOMPARE(r.size(), 1);
        QCOMPARE(r.first().name, QStringLiteral("data"));
    }

    void recordMalformedLines_data()
    {
        QTest::addColumn<QByteArray>("line");
        const QByteArray good = "name=data uuid=0123456789abcdef0123456789abcdef main-id=M main-sectors=8 spare-id=S spare-sectors=8";
        QTest::newRow("no pair word") << QByteArray("disk ") + good;
        QTest::newRow("missing uuid") << QByteArray("pair name=data main-id=M main-sectors=8 spare-id=S spare-sectors=8");
        QTest::newRow("short uuid") << QByteArray(good).replace("uuid=0123", "uuid=23");
        QTest::newRow("upper-case uuid") << QByteArray(good).replace("uuid=0123456789abcdef", "uuid=0123456789ABCDEF");
        QTest::newRow("bad name") << QByteArray(good).replace("name=data", "name=-rf");
        QTest::newRow("value with slash") << QByteArray(good).replace("main-id=M", "main-id=/dev/sda");
        QTest::newRow("no equals") << QByteArray(good) + " stray";
        QTest::newRow("empty value") << QByteArray(good).replace("spare-id=S", "spare-id=");
        QTest::newRow("no main-id") << QByteArray(good).replace("main-id=M ", "");
        QTest::newRow("size not a number") << QByteArray(good).replace("main-sectors=8", "main-sectors=8k");
        QTest::newRow("size zero") << QByteArray(good).replace("main-sectors=8", "main-sectors=0");
        QTest::newRow("key twice") << QByteArray(good) + " name=other";
        QTest::newRow("replace-id alone") << QByteArray(good) + " replace-id=N";
        QTest::newRow("replace-sectors alone") << QByteArray(good) + " replace-sectors=8";
        QTest::newRow("replace-sectors zero") << QByteArray(good) + " replace-id=N replace-sectors=0";
    }

    void recordMalformedLines()
    {
        QFETCH(QByteArray, line);
        const QByteArray goodLine = "pair name=ok uuid=fedcba9876543210fedcba9876543210 main-id=M main-sectors=8 spare-id=S spare-sectors=8\n";
        QStringList problems;
        const QList<PairRecord> r = PairRecords::parse(goodLine + (line.startsWith("pair") || line.startsWith("disk") ? line : "pair " + line) + "\n", &problems);
        QCOMPARE(r.size(), 1);
        QCOMPARE(r.first().name, QStringLiteral("ok"));
        QCOMPARE(problems.size(), 1);
        QVERIFY2(problems.first().startsWith(QLatin1String("line 2:")), qPrintable(problems.first()));
    }

    void recordDuplicates()
    {
        QStringList problems;
        QByteArray text = PairRecords::serialize({recordOf()});
        text += PairRecords::serialize({recordOf(QStringLiteral("data"), kOtherUuid)});
        text += PairRecords::serialize({recordOf(QStringLiteral("other"), kUuid)});
        const QList<PairRecord> r = PairRecords::parse(text, &problems);
        QCOMPARE(r.size(), 1);
        QCOMPARE(problems.size(), 2);
    }

    void recordFileReplacedAtomically()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.path() + QStringLiteral("/state");
        QString error;
        QStringList problems;
        QVERIFY(PairRecords::load(dir, &problems, &error).isEmpty()); // no file yet
        QVERIFY(error.isEmpty());
        QVERIFY2(PairRecords::save(dir, {recordOf()}, &error), qPrintable(error));
        struct stat st;
        QCOMPARE(stat(QFile::encodeName(dir).constData(), &st), 0);
        QCOMPARE(st.st_mode & 07777, mode_t(0700));
        const QString file = dir + QStringLiteral("/pairs");
        QCOMPARE(stat(QFile::encodeName(file).constData(), &st), 0);
        QCOMPARE(st.st_mode & 07777, mode_t(0600));
        const ino_t before = st.st_ino;

        // A reader holding the old file keeps the old content: a new file
        // replaces it by rename, never rewritten in place.
        QFile old(file);
        QVERIFY(old.open(QIODevice::ReadOnly));
        QVERIFY(PairRecords::save(dir, {recordOf(), recordOf(QStringLiteral("home"), kOtherUuid)}, &error));
        QCOMPARE(stat(QFile::encodeName(file).constData(), &st), 0);
        QVERIFY(st.st_ino != before);
        QCOMPARE(PairRecords::parse(old.readAll(), nullptr).size(), 1);
        QCOMPARE(PairRecords::load(dir, &problems, &error).size(), 2);
        QVERIFY(!QFile::exists(file + QStringLiteral(".tmp")));

        // A stale pairs.tmp (a crash mid-write) is replaced, not followed.
        QVERIFY(QFile::link(tmp.path() + QStringLiteral("/elsewhere"), file + QStringLiteral(".tmp")));
        QVERIFY(!PairRecords::save(dir, {}, &error));
        QVERIFY(!QFile::exists(tmp.path() + QStringLiteral("/elsewhere")));
        QCOMPARE(PairRecords::load(dir, &problems, &error).size(), 2);
        QFile::remove(file + QStringLiteral(".tmp"));
        QVERIFY(PairRecords::save(dir, {}, &error));
        QCOMPARE(PairRecords::load(dir, &problems, &error).size(), 0);

        // Oversized: refused, not read.
        QFile big(file);
        QVERIFY(big.open(QIODevice::WriteOnly));
        big.write(QByteArray(PairRecords::kMaxFileBytes + 1, '#'));
        big.close();
        QVERIFY(PairRecords::load(dir, &problems, &error).isEmpty());
        QVERIFY(error.contains(QLatin1String("larger")));
    }

    void assemblesOnlyRecordedPairs()
    {
        const QList<ProbedDisk> disks{mainDisk(0), spareDisk(16, QStringLiteral("SPARE0001"), kUuid),
                                      spareDisk(32, QStringLiteral("STRANGER"), kOtherUuid, QStringLiteral("other"))};
        // Nothing recorded: the disks' own claims start nothing.
        Plan plan = planAssembly(disks, {}, {}, 64);
        QVERIFY(plan.pairs.isEmpty());

        plan = planAssembly(disks, {recordOf()}, {}, 64);
        QCOMPARE(names(plan), QStringList{QStringLiteral("data")});
        QCOMPARE(plan.pairs.first().main.devnum, makedev(8, 0));
        QCOMPARE(plan.pairs.first().spare.devnum, makedev(8, 16));
        QCOMPARE(plan.pairs.first().remapped, quint64(7));

        // Running already, or no room left.
        QVERIFY(planAssembly(disks, {recordOf()}, {QStringLiteral("data")}, 64).pairs.isEmpty());
        plan = planAssembly(disks, {recordOf()}, {}, 0);
        QVERIFY(plan.pairs.isEmpty());
        QVERIFY(plan.notes.join(QLatin1Char('\n')).contains(QLatin1String("too many")));
    }

    void forgedSpareWithTheRecordedLabel()
    {
        // A stick names the recorded pair and main disk, with its own uuid.
        ProbedDisk forged = spareDisk(32, QStringLiteral("FORGED"), kOtherUuid);
        forged.disk.removable = true;
        Plan plan = planAssembly({mainDisk(0), forged}, {recordOf()}, {}, 64);
        QVERIFY(plan.pairs.isEmpty());
        QVERIFY(plan.notes.join(QLatin1Char('\n')).contains(QLatin1String("waits for its spare")));
        // Only waiting for a disk: --assemble-recorded does not fail the boot for it.
        QCOMPARE(plan.waiting, QStringList{QStringLiteral("data")});

        // With the real spare present too, only the real one counts.
        plan = planAssembly({mainDisk(0), forged, spareDisk(16, QStringLiteral("SPARE0001"), kUuid)}, {recordOf()}, {}, 64);
        QCOMPARE(plan.pairs.size(), 1);
        QCOMPARE(plan.pairs.first().spare.devnum, makedev(8, 16));

        // A stick that copied even the uuid: two spares, refused.
        ProbedDisk copy = spareDisk(32, QStringLiteral("SPARE0001"), kUuid);
        plan = planAssembly({mainDisk(0), copy, spareDisk(16, QStringLiteral("SPARE0001"), kUuid)}, {recordOf()}, {}, 64);
        QVERIFY(plan.pairs.isEmpty());
        QVERIFY(plan.notes.join(QLatin1Char('\n')).contains(QLatin1String("all carry its spare metadata")));
        QVERIFY(plan.waiting.isEmpty());

        // A removable disk with the recorded uuid but another identity.
        copy.disk.removable = true;
        copy.disk.serial = QStringLiteral("FORGED");
        plan = planAssembly({mainDisk(0), copy}, {recordOf()}, {}, 64);
        QVERIFY(plan.pairs.isEmpty());
        QVERIFY(plan.notes.join(QLatin1Char('\n')).contains(QLatin1String("removable")));
        copy.disk.serial = QStringLiteral("SPARE0001");
        QCOMPARE(planAssembly({mainDisk(0), copy}, {recordOf()}, {}, 64).pairs.size(), 1);
    }

    void ambiguousOrBusyMainsRefused()
    {
        const ProbedDisk spare = spareDisk(16, QStringLiteral("SPARE0001"), kUuid);
        // Two disks with the main's identity and size.
        Plan plan = planAssembly({mainDisk(0), spare, mainDisk(48)}, {recordOf()}, {}, 64);
        QVERIFY(plan.pairs.isEmpty());
        QVERIFY(plan.notes.join(QLatin1Char('\n')).contains(QLatin1String("all claim to be its main disk")));

        // Same identity, other size: not the main.
        ProbedDisk smaller = mainDisk(48);
        smaller.disk.sizeBytes -= 512;
        QCOMPARE(planAssembly({mainDisk(0), spare, smaller}, {recordOf()}, {}, 64).pairs.size(), 1);
        plan = planAssembly({smaller, spare}, {recordOf()}, {}, 64);
        QVERIFY(plan.pairs.isEmpty());
        QCOMPARE(plan.waiting, QStringList{QStringLiteral("data")});

        // The main held by a remap device (or mounted).
        ProbedDisk held = mainDisk(0);
        held.disk.inUse = true;
        held.disk.inUseReason = QStringLiteral("held by dm-0 (data)");
        plan = planAssembly({held, spare}, {recordOf()}, {}, 64);
        QVERIFY(plan.pairs.isEmpty());
        QVERIFY(plan.notes.join(QLatin1Char('\n')).contains(QLatin1String("held by dm-0")));

        // Metadata that disagrees with the record.
        ProbedDisk relabeled = spare;
        relabeled.meta.label = QStringLiteral("other");
        QVERIFY(planAssembly({mainDisk(0), relabeled}, {recordOf()}, {}, 64).pairs.isEmpty());
    }

    void disksUsedOnceInARun()
    {
        // Two records over one main disk (a stale one and a current one):
        // the first starts, the second may not reuse the disk.
        PairRecord second = recordOf(QStringLiteral("again"), kOtherUuid);
        const Plan plan = planAssembly({mainDisk(0), spareDisk(16, QStringLiteral("SPARE0001"), kUuid),
                                        spareDisk(32, QStringLiteral("SPARE0002"), kOtherUuid, QStringLiteral("again"))},
                                       {recordOf(), second}, {}, 64);
        QCOMPARE(names(plan), QStringList{QStringLiteral("data")});
        QVERIFY(plan.notes.join(QLatin1Char('\n')).contains(QLatin1String("started before it")));
    }

    void importDecisions()
    {
        const ProbedDisk unknown = spareDisk(32, QStringLiteral("STICK"), kOtherUuid, QStringLiteral("old"));
        ImportPlan plan = planImport({mainDisk(0), unknown}, {}, {}, unknown.disk.devnum);
        QVERIFY2(!plan.error.isError(), qPrintable(plan.error.message));
        QCOMPARE(plan.pair.record.name, QStringLiteral("old"));
        QCOMPARE(plan.pair.record.uuid, kOtherUuid);
        QCOMPARE(plan.pair.record.spareId, QStringLiteral("STICK"));
        QCOMPARE(plan.pair.main.devnum, makedev(8, 0));
        QCOMPARE(plan.pair.remapped, quint64(7));

        // Its main disk belongs to a recorded pair: an old spare of it.
        plan = planImport({mainDisk(0), unknown}, {recordOf()}, {}, unknown.disk.devnum);
        QCOMPARE(plan.error.name, QLatin1String(Validation::Errors::Exists));
        QVERIFY(plan.error.message.contains(QLatin1String("old spare")));

        // Already recorded, or a recorded/running name.
        const ProbedDisk recorded = spareDisk(16, QStringLiteral("SPARE0001"), kUuid);
        QCOMPARE(planImport({mainDisk(0), recorded}, {recordOf()}, {}, recorded.disk.devnum).error.name,
                 QLatin1String(Validation::Errors::Exists));
        QCOMPARE(planImport({mainDisk(0), unknown}, {}, {QStringLiteral("old")}, unknown.disk.devnum).error.name,
                 QLatin1String(Validation::Errors::Exists));

        // Two spares with one label; two candidate mains; a busy main.
        const ProbedDisk twin = spareDisk(48, QStringLiteral("TWIN"), kUuid, QStringLiteral("old"));
        QVERIFY(planImport({mainDisk(0), unknown, twin}, {}, {}, unknown.disk.devnum).error.message.contains(QLatin1String("also carries")));
        QVERIFY(planImport({mainDisk(0), mainDisk(64), unknown}, {}, {}, unknown.disk.devnum).error.message.contains(QLatin1String("all claim")));
        ProbedDisk held = mainDisk(0);
        held.disk.inUse = true;
        QCOMPARE(planImport({held, unknown}, {}, {}, unknown.disk.devnum).error.name, QLatin1String(Validation::Errors::InUse));

        // No main, no metadata.
        QCOMPARE(planImport({unknown}, {}, {}, unknown.disk.devnum).error.name, QLatin1String(Validation::Errors::NotFound));
        QCOMPARE(planImport({mainDisk(0)}, {}, {}, mainDisk(0).disk.devnum).error.name, QLatin1String(Validation::Errors::NotFound));
    }
};

QTEST_GUILESS_MAIN(TestAssembly)
#include "tst_assembly.moc"
