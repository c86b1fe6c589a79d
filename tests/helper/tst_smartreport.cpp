// SMART JSON parsing against smartctl 7.3 outputs captured from QEMU disks
// and hand-damaged variants of them (fixtures/README.md).
#include "smartctl.h"
#include "smartreport.h"

#include <QFile>
#include <QTest>

class TestSmartReport : public QObject
{
    Q_OBJECT

    static QByteArray fixture(const QString &name)
    {
        QFile f(QStringLiteral(FIXTURES_DIR "/") + name);
        if (!f.open(QIODevice::ReadOnly))
            qFatal("missing fixture %s", qPrintable(name));
        return f.readAll();
    }
    static SmartReport parseFixture(const QString &name)
    {
        const QByteArray json = fixture(name);
        // smartctl's own exit status is recorded in its JSON output.
        const int exitStatus = json.contains("\"exit_status\":")
                ? json.mid(json.indexOf("\"exit_status\":") + 14).split(',').first().split('}').first().toInt()
                : 0;
        return SmartReport::parse(json, exitStatus);
    }

private Q_SLOTS:
    void qemuIdeDisk()
    {
        const SmartReport r = parseFixture(QStringLiteral("ide-qemu.json"));
        QVERIFY(r.available);
        QCOMPARE(r.exitStatus, 4); // QEMU does not implement every log -x reads
        QCOMPARE(r.verdict, QStringLiteral("passed"));
        QCOMPARE(r.protocol, QStringLiteral("ATA"));
        QCOMPARE(r.model, QStringLiteral("TestHDD"));
        QCOMPARE(r.serial, QStringLiteral("MAIN0001"));
        QCOMPARE(r.temperature.value_or(-1), 31);
        QCOMPARE(r.powerOnHours.value_or(99), quint64(1));
        QCOMPARE(r.reallocatedSectors.value_or(99), quint64(0));
        QVERIFY(!r.pendingSectors.has_value()); // QEMU has no attribute 197
        QCOMPARE(r.attributes.size(), 7);
        QCOMPARE(int(r.attributes.at(3).id), 5);
        QCOMPARE(r.attributes.at(3).name, QStringLiteral("Reallocated_Sector_Ct"));
        QCOMPARE(r.attributes.at(3).threshold, 36u);
        QCOMPARE(r.attributes.at(6).rawString, QStringLiteral("31 (Min/Max 31/31)"));
        for (const auto &a : r.attributes)
            QCOMPARE(a.status, QStringLiteral("ok"));
        QVERIFY(!r.isNvme);
        QVERIFY(!r.selfTestRunning);
        QVERIFY(r.selfTests.isEmpty());
        const QVariantMap m = r.toMap();
        QCOMPARE(m.value(QStringLiteral("verdict")).toString(), QStringLiteral("passed"));
        QCOMPARE(m.value(QStringLiteral("temperature")).toInt(), 31);
        QVERIFY(!m.contains(QStringLiteral("nvme-media-errors")));
    }

    void qemuIdeSelfTestLog()
    {
        const SmartReport r = parseFixture(QStringLiteral("ide-qemu-selftest-log.json"));
        QCOMPARE(r.verdict, QStringLiteral("passed"));
        QCOMPARE(r.selfTests.size(), 1);
        QCOMPARE(r.selfTests.at(0).type, QStringLiteral("Short offline"));
        QCOMPARE(r.selfTests.at(0).status, QStringLiteral("Completed without error"));
        QCOMPARE(r.selfTests.at(0).lifetimeHours, 4660u);
        QCOMPARE(r.selfTests.at(0).failingLba, qlonglong(-1));
    }

    void qemuNvmeDisk()
    {
        const SmartReport r = parseFixture(QStringLiteral("nvme-qemu.json"));
        QVERIFY(r.available);
        QVERIFY(r.isNvme);
        QCOMPARE(r.verdict, QStringLiteral("passed"));
        QCOMPARE(r.serial, QStringLiteral("SPARE0001"));
        QCOMPARE(r.temperature.value_or(-1), 50);
        QCOMPARE(r.nvmeCriticalWarning, 0u);
        QCOMPARE(r.nvmeMediaErrors, quint64(0));
        QVERIFY(r.attributes.isEmpty());
        const QVariantMap m = r.toMap();
        QCOMPARE(m.value(QStringLiteral("nvme-available-spare-threshold")).toUInt(), 0u);
        QVERIFY(m.contains(QStringLiteral("nvme-percentage-used")));
    }

    void virtioDiskHasNoSmart()
    {
        const SmartReport r = parseFixture(QStringLiteral("virtio-no-smart.json"));
        QVERIFY(!r.available);
        QCOMPARE(r.verdict, QStringLiteral("unknown"));
        QCOMPARE(r.unavailableReason, QStringLiteral("/dev/vda: Unable to detect device type"));
    }

    void openFailed()
    {
        const SmartReport r = parseFixture(QStringLiteral("open-failed.json"));
        QVERIFY(!r.available);
        QVERIFY2(r.unavailableReason.contains(QLatin1String("No such device")), qPrintable(r.unavailableReason));
    }

    void failingDisk()
    {
        const SmartReport r = parseFixture(QStringLiteral("ide-damaged-failing.json"));
        QVERIFY(r.available);
        QCOMPARE(r.verdict, QStringLiteral("failing"));
        QVERIFY(r.verdictReason.contains(QLatin1String("failing")));
        QCOMPARE(r.reallocatedSectors.value_or(0), quint64(1872));
        QCOMPARE(r.pendingSectors.value_or(0), quint64(24));
        QCOMPARE(r.offlineUncorrectable.value_or(0), quint64(24));
        QCOMPARE(r.reportedUncorrect.value_or(0), quint64(3));
        QCOMPARE(r.commandTimeouts.value_or(99), quint64(0));
        QCOMPARE(r.crcErrors.value_or(99), quint64(0));
        QString status5, status197, status199;
        for (const auto &a : r.attributes) {
            if (a.id == 5) status5 = a.status;
            if (a.id == 197) status197 = a.status;
            if (a.id == 199) status199 = a.status;
        }
        QCOMPARE(status5, QStringLiteral("failing"));
        QCOMPARE(status197, QStringLiteral("warning"));
        QCOMPARE(status199, QStringLiteral("ok"));
        QCOMPARE(r.selfTests.size(), 2);
        QCOMPARE(r.selfTests.at(0).status, QStringLiteral("Completed: read failure"));
        QCOMPARE(r.selfTests.at(0).failingLba, qlonglong(1234567));
    }

    void pendingSectorsWarn()
    {
        const SmartReport r = parseFixture(QStringLiteral("ide-damaged-pending.json"));
        QCOMPARE(r.verdict, QStringLiteral("warning"));
        QCOMPARE(r.verdictReason, QStringLiteral("2 pending sectors"));
        QCOMPARE(r.toMap().value(QStringLiteral("pending-sectors")).toULongLong(), 2ull);
    }

    void selfTestRunning()
    {
        const SmartReport r = parseFixture(QStringLiteral("ide-damaged-selftest-running.json"));
        QVERIFY(r.selfTestRunning);
        QCOMPARE(r.selfTestRemainingPercent, 70);
        const SmartReport n = parseFixture(QStringLiteral("nvme-damaged-selftest.json"));
        QVERIFY(n.selfTestRunning);
        QCOMPARE(n.selfTestRemainingPercent, 60);
        QCOMPARE(n.selfTests.size(), 1);
        QCOMPARE(n.selfTests.at(0).type, QStringLiteral("Extended"));
        QCOMPARE(n.selfTests.at(0).failingLba, qlonglong(777));
        QCOMPARE(n.selfTests.at(0).lifetimeHours, 12u);
    }

    void standbyIsNotWoken()
    {
        const SmartReport r = parseFixture(QStringLiteral("ide-damaged-standby.json"));
        QVERIFY(r.standby);
        QVERIFY(!r.available);
        QCOMPARE(r.verdict, QStringLiteral("unknown"));
        QVERIFY(r.unavailableReason.contains(QLatin1String("standby")));
        QCOMPARE(r.toMap().value(QStringLiteral("asleep")), QVariant(true));
    }

    void asleepDiskKeepsItsLastData()
    {
        const SmartReport awake = parseFixture(QStringLiteral("ide-qemu.json"));
        const SmartReport asleep = parseFixture(QStringLiteral("ide-damaged-standby.json"));
        QCOMPARE(awake.toMap().value(QStringLiteral("asleep")), QVariant(false));

        const SmartReport kept = SmartReport::afterRead(awake, asleep);
        QVERIFY(kept.available);
        QVERIFY(kept.standby);
        QCOMPARE(kept.verdict, awake.verdict);
        QCOMPARE(kept.serial, awake.serial);
        QCOMPARE(kept.toMap().value(QStringLiteral("asleep")), QVariant(true));

        // Nothing read before: the disk is asleep and says so.
        const SmartReport first = SmartReport::afterRead(SmartReport(), asleep);
        QVERIFY(!first.available);
        QVERIFY(first.standby);

        // Awake again: the new read replaces the kept one.
        const SmartReport woken = SmartReport::afterRead(kept, awake);
        QVERIFY(!woken.standby);
        QCOMPARE(woken.toMap().value(QStringLiteral("asleep")), QVariant(false));
    }

    void wakeReadsWithoutThePowerCheck()
    {
        const QStringList asleepOk = Smartctl::readArguments(QStringLiteral("/dev/sda"), QString());
        QVERIFY(asleepOk.contains(QStringLiteral("standby")));
        const QStringList wake = Smartctl::readArguments(QStringLiteral("/dev/sda"), QStringLiteral("sat"), Smartctl::Wake::Yes);
        QCOMPARE(wake, (QStringList{QStringLiteral("--json=c"), QStringLiteral("-x"), QStringLiteral("-d"), QStringLiteral("sat"),
                                    QStringLiteral("--"), QStringLiteral("/dev/sda")}));
    }

    void nvmeCriticalWarning()
    {
        const SmartReport r = parseFixture(QStringLiteral("nvme-damaged-critical.json"));
        QCOMPARE(r.verdict, QStringLiteral("failing"));
        QCOMPARE(r.nvmeCriticalWarning, 1u);
        QCOMPARE(r.nvmeMediaErrors, quint64(17));
        QCOMPARE(r.nvmePercentageUsed, 103u);
        QVERIFY(r.verdictReason.contains(QLatin1String("below the threshold")));
    }

    void hostileStringsAreSanitized()
    {
        const SmartReport r = parseFixture(QStringLiteral("ide-damaged-hostile-strings.json"));
        QVERIFY(!r.model.contains(QChar(0x1b)));
        QVERIFY(!r.model.contains(QChar(0x07)));
        QCOMPARE(r.model, QStringLiteral("Evil?[31m%s%n?Disk"));
        QCOMPARE(r.serial.size(), 64);
        QCOMPARE(r.attributes.at(0).name, QStringLiteral("%n%n"));
    }

    void wrongTypesAreIgnored()
    {
        const SmartReport r = parseFixture(QStringLiteral("ide-damaged-wrong-types.json"));
        QVERIFY(r.available);
        QVERIFY(!r.temperature.has_value());
        QVERIFY(!r.powerOnHours.has_value());
        QVERIFY(r.attributes.isEmpty());
        QCOMPARE(r.verdict, QStringLiteral("passed"));
    }

    void truncatedAndGarbage()
    {
        for (const char *name : {"ide-damaged-truncated.json", "garbage.txt"}) {
            const SmartReport r = SmartReport::parse(fixture(QString::fromLatin1(name)), 0);
            QVERIFY(!r.available);
            QCOMPARE(r.verdict, QStringLiteral("unknown"));
            QVERIFY2(r.unavailableReason.contains(QLatin1String("not valid JSON")), qPrintable(r.unavailableReason));
        }
        QVERIFY(!SmartReport::parse(QByteArray(), 0).available);
        QVERIFY(!SmartReport::parse("[1,2]", 0).available);
    }

    // Reasons as codes with their numbers (docs/dbus-api.md), every one of
    // them, worst first, for clients to word in their own language.
    void structuredReasons()
    {
        auto codes = [](const DmRemap::ReasonList &reasons) {
            QStringList out;
            for (const QVariantMap &r : reasons)
                out << r.value(QStringLiteral("code")).toString() + QLatin1Char('/') + r.value(QStringLiteral("severity")).toString();
            return out;
        };
        SmartReport r = parseFixture(QStringLiteral("ide-damaged-failing.json"));
        QCOMPARE(codes(r.verdictReasons),
                 QStringList({"health-check-failed/failing", "prefail-at-threshold/failing", "attribute-failing/failing",
                              "reallocated-sectors/warning", "pending-sectors/warning", "offline-uncorrectable/warning",
                              "reported-uncorrectable/warning", "self-test-failed/warning"}));
        QCOMPARE(r.verdictReasons.at(2).value(QStringLiteral("id")).toUInt(), 5u);
        QCOMPARE(r.verdictReasons.at(3).value(QStringLiteral("count")).toULongLong(), 1872ull);
        QCOMPARE(r.verdictReasons.at(4).value(QStringLiteral("count")).toULongLong(), 24ull);
        const QVariantMap m = r.toMap();
        QCOMPARE(m.value(QStringLiteral("verdict-reasons")).value<DmRemap::ReasonList>(), r.verdictReasons);
        QVERIFY(m.value(QStringLiteral("unavailable-reasons")).value<DmRemap::ReasonList>().isEmpty());

        r = parseFixture(QStringLiteral("nvme-damaged-critical.json"));
        QCOMPARE(codes(r.verdictReasons), QStringList({"health-check-failed/failing", "nvme-critical-warning/failing",
                                                       "nvme-spare-below-threshold/failing", "nvme-media-errors/warning",
                                                       "nvme-endurance-used/warning"}));
        QCOMPARE(r.verdictReasons.at(1).value(QStringLiteral("bits")).toUInt(), 1u);
        QVERIFY(parseFixture(QStringLiteral("ide-qemu.json")).verdictReasons.isEmpty());

        auto unavailableCode = [](const SmartReport &r) {
            return r.unavailableReasons.value(0).value(QStringLiteral("code")).toString();
        };
        QCOMPARE(unavailableCode(parseFixture(QStringLiteral("ide-damaged-standby.json"))), QStringLiteral("standby"));
        QCOMPARE(unavailableCode(parseFixture(QStringLiteral("virtio-no-smart.json"))), QStringLiteral("device-type-unknown"));
        QCOMPARE(unavailableCode(parseFixture(QStringLiteral("open-failed.json"))), QStringLiteral("open-failed"));
        QCOMPARE(unavailableCode(parseFixture(QStringLiteral("garbage.txt"))), QStringLiteral("invalid-output"));
        QCOMPARE(unavailableCode(SmartReport::unavailable(QStringLiteral("smartctl-failed"), QStringLiteral("not found"))),
                 QStringLiteral("smartctl-failed"));
        QCOMPARE(parseFixture(QStringLiteral("ide-qemu.json")).unavailableReasons.size(), 0);
    }

    // A failed self-test's LBA becomes the sector the helper moves
    // (issue 14): ATA and NVMe logs as smartctl writes them, logical blocks
    // of 4096 bytes, an LBA outside the disk and a log a forged disk fills.
    void failingSectorsFromTheSelfTestLog()
    {
        const SmartReport ata = parseFixture(QStringLiteral("ide-damaged-failing.json"));
        QCOMPARE(SmartReport::failingSectors(ata.selfTests, 512, 131072), QList<quint64>());
        QCOMPARE(SmartReport::failingSectors(ata.selfTests, 512, 2000000), QList<quint64>{1234567});
        QCOMPARE(SmartReport::failingSectors(ata.selfTests, 4096, 2000000 * 8), QList<quint64>{1234567ULL * 8});
        const SmartReport nvme = parseFixture(QStringLiteral("nvme-damaged-selftest.json"));
        QCOMPARE(SmartReport::failingSectors(nvme.selfTests, 512, 131072), QList<quint64>{777});
        QCOMPARE(SmartReport::failingSectors(parseFixture(QStringLiteral("ide-qemu-selftest-log.json")).selfTests, 512, 131072),
                 QList<quint64>());
        QCOMPARE(SmartReport::failingSectors(nvme.selfTests, 1000, 131072), QList<quint64>());
        DmRemap::SelfTestList forged;
        for (int i = 0; i < 100; ++i)
            forged << DmRemap::SelfTest{QStringLiteral("Extended"), QStringLiteral("Completed: read failure"), 1, 0, i % 50};
        const QList<quint64> sectors = SmartReport::failingSectors(forged, 512, 131072);
        QCOMPARE(sectors.size(), SmartReport::kMaxFailingSectors);
        QCOMPARE(sectors.first(), 0ULL);
        QCOMPARE(sectors.last(), quint64(SmartReport::kMaxFailingSectors - 1));
    }

    // smartctl 7.4's NVMe error log (Debian 12 has 7.3, which leaves it out
    // of the JSON: the fixture follows 7.4's nvmeprint.cpp): only media
    // errors of this namespace, each LBA once, inside the disk.
    void mediaErrorsFromTheNvmeErrorLog()
    {
        const SmartReport nvme = parseFixture(QStringLiteral("nvme-error-log-7.4.json"));
        QCOMPARE(nvme.nvmeErrorLbas, (QList<quint64>{4242, 100, 131072}));
        QCOMPARE(SmartReport::sectorsOfLbas(nvme.nvmeErrorLbas, 512, 131072), (QList<quint64>{4242, 100}));
        QCOMPARE(SmartReport::sectorsOfLbas(nvme.nvmeErrorLbas, 4096, 131072 * 8), (QList<quint64>{4242 * 8, 800}));
        QVERIFY(parseFixture(QStringLiteral("nvme-qemu.json")).nvmeErrorLbas.isEmpty());
        QVERIFY(parseFixture(QStringLiteral("nvme-damaged-selftest.json")).nvmeErrorLbas.isEmpty());
    }

    void exitStatusBits()
    {
        QCOMPARE(SmartReport::decodeExitStatus(0), QStringList());
        const QStringList bits = SmartReport::decodeExitStatus(0x88);
        QCOMPARE(bits.size(), 2);
        QVERIFY(bits.at(0).contains(QLatin1String("DISK FAILING")));
        QVERIFY(bits.at(1).contains(QLatin1String("self-test log")));
        // Bit 1 alone: open failed / low-power mode makes the data unavailable.
        QVERIFY(!SmartReport::parse(fixture(QStringLiteral("ide-qemu.json")), 2).available);
        // Bit 4: prefail attributes at threshold make the verdict failing.
        QCOMPARE(SmartReport::parse(fixture(QStringLiteral("ide-qemu.json")), 0x10).verdict, QStringLiteral("failing"));
        // Bit 7: a failed self-test in the log is a warning.
        QCOMPARE(SmartReport::parse(fixture(QStringLiteral("ide-qemu.json")), 0x80).verdict, QStringLiteral("warning"));
    }
};

QTEST_GUILESS_MAIN(TestSmartReport)
#include "tst_smartreport.moc"
