// The kernel target's status line, table parameters and message answers
// (kernel/README.md), and the remap map's bucketing.
#include "dmtable.h"
#include "pairoperations.h"

#include <QTest>

class TestDmTable : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // dm-mirror's status while a main disk is replaced (Pair1.ReplaceMain).
    void mirrorStatus()
    {
        using PairOperations::parseMirrorStatus;
        auto p = parseMirrorStatus(QStringLiteral("2 253:3 8:32 12/64 1 AA 1 core"), 65536);
        QVERIFY(p.copying);
        QCOMPARE(p.copied, quint64(12288));
        QCOMPARE(p.total, quint64(65536));
        QVERIFY(!p.inSync);
        QVERIFY(p.failure.isEmpty());
        p = parseMirrorStatus(QStringLiteral("2 253:3 8:32 64/64 1 AA 1 core"), 65000);
        QVERIFY(p.inSync);
        QCOMPARE(p.copied, quint64(65000));
        p = parseMirrorStatus(QStringLiteral("2 253:3 8:32 64/64 1 AD 1 core"), 65536);
        QVERIFY(!p.inSync);
        QCOMPARE(p.failure, QStringLiteral("the new disk failed a write during the copy"));
        p = parseMirrorStatus(QStringLiteral("2 253:3 8:32 10/64 1 SA 1 core"), 65536);
        QVERIFY(p.failure.startsWith(QLatin1String("the pair's own disks failed a read")));
        for (const char *bad : {"", "2 253:3 8:32 65/64 1 AA 1 core", "2 253:3 8:32 1/0 1 AA 1 core",
                                "3 253:3 8:32 8:48 1/4 1 AAA 1 core", "2 253:3 8:32 x/64 1 AA 1 core"}) {
            p = parseMirrorStatus(QLatin1String(bad), 65536);
            QVERIFY2(!p.inSync && !p.failure.isEmpty(), bad);
        }
    }

    void status()
    {
        const auto s = DmTable::parseStatus(QStringLiteral("8 3/1000 1 7 2 ok"));
        QVERIFY(s);
        QCOMPARE(s->blockSize, 8u);
        QCOMPARE(s->remapped, quint64(3));
        QCOMPARE(s->capacity, quint64(1000));
        QCOMPARE(s->pending, quint64(1));
        QCOMPARE(s->readErrors, quint64(7));
        QCOMPARE(s->writeErrors, quint64(2));
        QCOMPARE(s->state, QStringLiteral("ok"));
        // Later fields are ignored, as the contract says.
        QCOMPARE(DmTable::parseStatus(QStringLiteral("128 900/1000 0 0 0 spare_low future 1"))->state, QStringLiteral("spare_low"));
        QVERIFY(DmTable::parseStatus(QStringLiteral("8 0/0 0 0 0 metadata_error")));
        // The old six-field line gives zeros for the later counters.
        QCOMPARE(s->unreadableSectors, quint64(0));
        QCOMPARE(s->failedSlots, quint64(0));
    }

    void statusWithCounters()
    {
        const auto s = DmTable::parseStatus(QStringLiteral("8 3/1000 1 7 2 spare_error 12 4 2 3"));
        QVERIFY(s);
        QCOMPARE(s->state, QStringLiteral("spare_error"));
        QCOMPARE(s->pending, quint64(1));
        QCOMPARE(s->unreadableSectors, quint64(12));
        QCOMPARE(s->weakMoved, quint64(4));
        QCOMPARE(s->metadataRepaired, quint64(2));
        QCOMPARE(s->failedSlots, quint64(3));
        // Fields after these are ignored.
        const auto later = DmTable::parseStatus(QStringLiteral("8 3/1000 1 7 2 ok 0 0 0 5 future 1"));
        QVERIFY(later);
        QCOMPARE(later->failedSlots, quint64(5));
    }

    void badStatus_data()
    {
        QTest::addColumn<QString>("line");
        QTest::newRow("empty") << QString();
        QTest::newRow("short") << QStringLiteral("8 3/1000 1 7 2");
        QTest::newRow("no slash") << QStringLiteral("8 3 1 7 2 ok");
        QTest::newRow("unknown state") << QStringLiteral("8 3/1000 1 7 2 broken");
        QTest::newRow("negative") << QStringLiteral("8 -3/1000 1 7 2 ok");
        QTest::newRow("plus") << QStringLiteral("8 +3/1000 1 7 2 ok");
        QTest::newRow("more used than slots") << QStringLiteral("8 30/10 0 0 0 ok");
        QTest::newRow("zero block") << QStringLiteral("0 3/1000 1 7 2 ok");
        QTest::newRow("overflow") << QStringLiteral("8 3/1000 99999999999999999999999 7 2 ok");
        QTest::newRow("counter not a number") << QStringLiteral("8 3/1000 1 7 2 ok 12 x 2 3");
        QTest::newRow("negative counter") << QStringLiteral("8 3/1000 1 7 2 ok 12 4 -2 3");
    }
    void badStatus()
    {
        QFETCH(QString, line);
        QVERIFY(!DmTable::parseStatus(line));
    }

    void params()
    {
        const auto p = DmTable::parseParams(QStringLiteral("8:0 259:1 9 format block_size 16 read_retries 3 main_id MAIN0001 label safe"));
        QVERIFY(p);
        QCOMPARE(p->mainMajor, 8u);
        QCOMPARE(p->mainMinor, 0u);
        QCOMPARE(p->spareMajor, 259u);
        QCOMPARE(p->spareMinor, 1u);
        QVERIFY(p->format);
        QCOMPARE(p->blockSize, 16u);
        QCOMPARE(p->readRetries, 3);
        QCOMPARE(p->mainId, QStringLiteral("MAIN0001"));
        QCOMPARE(p->label, QStringLiteral("safe"));
        QCOMPARE(DmTable::buildParams(*p), QStringLiteral("8:0 259:1 9 format block_size 16 read_retries 3 main_id MAIN0001 label safe"));
        const auto bare = DmTable::parseParams(QStringLiteral("8:16 8:32"));
        QVERIFY(bare);
        QCOMPARE(bare->blockSize, 0u);
        QCOMPARE(bare->readRetries, -1);
        QCOMPARE(DmTable::buildParams(*bare), QStringLiteral("8:16 8:32"));
    }

    void badParams_data()
    {
        QTest::addColumn<QString>("params");
        QTest::newRow("one device") << QStringLiteral("8:0");
        QTest::newRow("path") << QStringLiteral("/dev/sda 8:16");
        QTest::newRow("count too small") << QStringLiteral("8:0 8:16 2 format read_retries 3");
        QTest::newRow("count too big") << QStringLiteral("8:0 8:16 4 format read_retries 3");
        QTest::newRow("unknown word") << QStringLiteral("8:0 8:16 1 discard");
        QTest::newRow("missing value") << QStringLiteral("8:0 8:16 1 block_size");
        QTest::newRow("bad minor") << QStringLiteral("8:x 8:16");
    }
    void badParams()
    {
        QFETCH(QString, params);
        QVERIFY(!DmTable::parseParams(params));
    }

    void list()
    {
        bool ok = false;
        const auto remaps = DmTable::parseList(QStringLiteral("0 2048\n4096 2056\n123456 2064\n"), &ok);
        QVERIFY(ok);
        QCOMPARE(remaps.size(), 3);
        QCOMPARE(remaps.at(2).mainSector, 123456ull);
        QCOMPARE(remaps.at(2).spareSector, 2064ull);
        QVERIFY(DmTable::parseList(QString(), &ok).isEmpty());
        QVERIFY(ok);
        DmTable::parseList(QStringLiteral("8 2048\n0 2056\n"), &ok);
        QVERIFY(!ok); // unsorted
        DmTable::parseList(QStringLiteral("8 2048 1\n"), &ok);
        QVERIFY(!ok);
        DmTable::parseList(QStringLiteral("8\n"), &ok);
        QVERIFY(!ok);
    }

    void pending()
    {
        bool ok = false;
        QCOMPARE(DmTable::parsePending(QStringLiteral("8\n16\n"), &ok), (QList<qulonglong>{8, 16}));
        QVERIFY(ok);
        DmTable::parsePending(QStringLiteral("16\n8\n"), &ok);
        QVERIFY(!ok);
        DmTable::parsePending(QStringLiteral("x\n"), &ok);
        QVERIFY(!ok);
    }

    void remapAnswer()
    {
        auto a = DmTable::parseRemapAnswer(QStringLiteral("remapped 4096 2048\n"));
        QVERIFY(a);
        QCOMPARE(a->result, QStringLiteral("remapped"));
        QCOMPARE(a->mainSector, 4096ull);
        QCOMPARE(a->spareSector, 2048ull);
        QCOMPARE(DmTable::parseRemapAnswer(QStringLiteral("already 8 16"))->result, QStringLiteral("already"));
        a = DmTable::parseRemapAnswer(QStringLiteral("pending 8"));
        QVERIFY(a);
        QCOMPARE(a->mainSector, 8ull);
        QVERIFY(!DmTable::parseRemapAnswer(QStringLiteral("pending 8 9")));
        QVERIFY(!DmTable::parseRemapAnswer(QStringLiteral("moved 8 9")));
        QVERIFY(!DmTable::parseRemapAnswer(QString()));
    }

    void map()
    {
        DmRemap::RemapList remaps;
        for (quint64 s : {0ull, 8ull, 496ull, 504ull, 999ull})
            remaps << DmRemap::Remap{s, 0};
        const QList<qulonglong> pending{16, 750};
        const auto m = DmTable::buildMap(remaps, pending, 0, 1000, 4);
        QCOMPARE(m.size(), 4);
        QCOMPARE(m.at(0).remaps, 2u); // 0, 8 in [0,250)
        QCOMPARE(m.at(0).pending, 1u);
        QCOMPARE(m.at(1).remaps, 1u); // 496
        QCOMPARE(m.at(2).remaps, 1u); // 504
        QCOMPARE(m.at(3).remaps, 1u); // 999
        QCOMPARE(m.at(3).pending, 1u); // 750
        // A sub-range: only what lies inside counts.
        const auto sub = DmTable::buildMap(remaps, pending, 500, 100, 1);
        QCOMPARE(sub.at(0).remaps, 1u);
        QCOMPARE(sub.at(0).pending, 0u);
        // Huge disks with many buckets must not overflow 64 bits.
        const quint64 huge = 1ull << 60;
        const auto big = DmTable::buildMap({DmRemap::Remap{huge - 1, 0}}, {}, 0, huge, 65536);
        QCOMPARE(big.size(), 65536);
        QCOMPARE(big.last().remaps, 1u);
    }
};

QTEST_GUILESS_MAIN(TestDmTable)
#include "tst_dmtable.moc"
