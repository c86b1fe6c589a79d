// Argument validation, name patterns, sanitizing, object path escaping,
// disk path resolution on this machine's real devices, and the spare
// metadata reader against superblocks made by the kernel's own encoder.
#include "disks.h"
#include "sparemetadata.h"
#include "validation.h"

extern "C" {
#include "remap-metadata.h"
}

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/sysmacros.h>
#include <unistd.h>

using namespace Validation;

class TestValidation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void pairNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        QTest::newRow("plain") << QStringLiteral("safe") << true;
        QTest::newRow("dots dashes") << QStringLiteral("home-disk_2.old") << true;
        QTest::newRow("63") << QString(63, QLatin1Char('a')) << true;
        QTest::newRow("64") << QString(64, QLatin1Char('a')) << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("dot") << QStringLiteral(".") << false;
        QTest::newRow("dotdot") << QStringLiteral("..") << false;
        QTest::newRow("leading dash") << QStringLiteral("-rf") << false;
        QTest::newRow("slash") << QStringLiteral("a/b") << false;
        QTest::newRow("space") << QStringLiteral("a b") << false;
        QTest::newRow("newline") << QStringLiteral("a\nb") << false;
        QTest::newRow("percent") << QStringLiteral("a%n") << false;
        QTest::newRow("unicode") << QStringLiteral("d\u00e9j\u00e0") << false;
    }
    void pairNames()
    {
        QFETCH(QString, name);
        QFETCH(bool, valid);
        QCOMPARE(isValidPairName(name), valid);
        // Every valid name is also a valid kernel label.
        if (valid)
            QCOMPARE(remap_meta_check_name(name.toLatin1().constData(), false), 0);
    }

    void mainIds()
    {
        QCOMPARE(mainIdFor(QStringLiteral("naa.5000c500a1b2c3d4"), QStringLiteral("Z1")), QStringLiteral("naa.5000c500a1b2c3d4"));
        QCOMPARE(mainIdFor(QString(), QStringLiteral("  WD-WX11A  ")), QStringLiteral("WD-WX11A"));
        QCOMPARE(mainIdFor(QString(), QStringLiteral("AB CD/EF\x01")), QStringLiteral("AB_CDEF"));
        QCOMPARE(mainIdFor(QString(), QString(100, QLatin1Char('x'))).size(), 63);
        QCOMPARE(mainIdFor(QString(), QString()), QString());
        // Whatever comes in, the kernel accepts what goes out.
        for (const QString &raw : {QStringLiteral("eui.0025385b71b07e2f"), QStringLiteral("S/N: 12 34"), QStringLiteral("a:b")}) {
            const QString id = mainIdFor(QString(), raw);
            QCOMPARE(remap_meta_check_name(id.toLatin1().constData(), true), 0);
        }
    }

    void deviceTypes()
    {
        QVERIFY(isValidDeviceType(QString()));
        QVERIFY(isValidDeviceType(QStringLiteral("sat")));
        QVERIFY(isValidDeviceType(QStringLiteral("usbjmicron")));
        QVERIFY(!isValidDeviceType(QStringLiteral("sat;reboot")));
        QVERIFY(!isValidDeviceType(QStringLiteral("-d")));
        QVERIFY(!isValidDeviceType(QStringLiteral("megaraid,0")));
    }

    void sanitizing()
    {
        QCOMPARE(sanitize(QStringLiteral("  Model\x1b[2J\x07 X  ")), QStringLiteral("Model?[2J? X"));
        QCOMPARE(sanitize(QStringLiteral("a\tb\nc")), QStringLiteral("a b c"));
        QCOMPARE(sanitize(QString(1000, QLatin1Char('a')), 10).size(), 10);
        QCOMPARE(sanitize(QByteArray("\xff\xfe" "ok")), QStringLiteral("\ufffd\ufffdok"));
        QCOMPARE(sanitize(QStringLiteral("a\u202eb")), QStringLiteral("a?b")); // bidi override
    }

    void pathEscaping()
    {
        for (const QString &s : {QStringLiteral("safe"), QStringLiteral("a_b"), QStringLiteral("x.y-z"), QStringLiteral("naa.5000"), QString()}) {
            const QString e = escapePathElement(s);
            QVERIFY2(QRegularExpression(QStringLiteral("^[A-Za-z0-9_]+$")).match(e).hasMatch(), qPrintable(e));
            QCOMPARE(unescapePathElement(e), s);
        }
        QCOMPARE(escapePathElement(QStringLiteral("a.b_c")), QStringLiteral("a_2eb_5fc"));
        QCOMPARE(unescapePathElement(QStringLiteral("a_zz")), QString());
        QCOMPARE(unescapePathElement(QStringLiteral("a_2")), QString());
    }

    // What the helper refuses before polkit is asked.
    void argumentChecks()
    {
        const QString disk = QLatin1String(DiskPathPrefix);
        const QVariantMap erase{{QStringLiteral("erase-spare"), true}};
        const QString a = disk + QStringLiteral("a"), b = disk + QStringLiteral("b");
        QVERIFY(!checkCreatePairArguments(QStringLiteral("data"), a, b, erase).isError());
        QCOMPARE(checkCreatePairArguments(QString(24 << 20, QLatin1Char('n')), a, b, erase).name, QLatin1String(Errors::InvalidArgument));
        QCOMPARE(checkCreatePairArguments(QStringLiteral("data"), a, b, {}).name, QLatin1String(Errors::NotAcknowledged));
        QCOMPARE(checkCreatePairArguments(QStringLiteral("data"), a, a, erase).name, QLatin1String(Errors::SameDisk));
        for (const QString &path : {disk, disk + QString(256, QLatin1Char('x')), disk + QStringLiteral("a/b"),
                                    QStringLiteral("/org/dmremap/Manager1"), QStringLiteral("/")})
            QCOMPARE(checkCreatePairArguments(QStringLiteral("data"), path, b, erase).name, QLatin1String(Errors::NotFound));
        // The refusal quotes at most 64 characters of what the caller sent.
        QVERIFY(checkCreatePairArguments(QStringLiteral("data"), QString(1 << 20, QLatin1Char('/')), b, erase).message.size() < 100);
        QVERIFY(!checkSelfTestType(QStringLiteral("short")).isError());
        QVERIFY(!checkSelfTestType(QStringLiteral("extended")).isError());
        QCOMPARE(checkSelfTestType(QStringLiteral("long")).name, QLatin1String(Errors::InvalidArgument));
        QVERIFY(!checkDeviceType(QStringLiteral("sat")).isError());
        QCOMPARE(checkDeviceType(QString(1 << 20, QLatin1Char('s'))).name, QLatin1String(Errors::InvalidArgument));
    }

    void createOptions()
    {
        Error e;
        CreateOptions o = parseCreateOptions({{QStringLiteral("erase-spare"), true}}, &e);
        QVERIFY(!e.isError());
        QCOMPARE(o.blockSize, 8u);
        QCOMPARE(o.readRetries, 2u);
        o = parseCreateOptions({{QStringLiteral("erase-spare"), true}, {QStringLiteral("block-size"), 64u},
                                {QStringLiteral("read-retries"), 0u}}, &e);
        QVERIFY(!e.isError());
        QCOMPARE(o.blockSize, 64u);
        QCOMPARE(o.readRetries, 0u);

        parseCreateOptions({}, &e);
        QCOMPARE(e.name, QLatin1String(Errors::NotAcknowledged));
        parseCreateOptions({{QStringLiteral("erase-spare"), false}}, &e);
        QCOMPARE(e.name, QLatin1String(Errors::NotAcknowledged));
        parseCreateOptions({{QStringLiteral("erase-spare"), QStringLiteral("yes")}}, &e);
        QCOMPARE(e.name, QLatin1String(Errors::InvalidArgument));
        parseCreateOptions({{QStringLiteral("erase-spare"), true}, {QStringLiteral("discard"), true}}, &e);
        QCOMPARE(e.name, QLatin1String(Errors::UnknownOption));
        QVERIFY(e.message.contains(QLatin1String("discard")));
        for (const QVariant &bad : {QVariant(4u), QVariant(12u), QVariant(256u), QVariant(0u), QVariant(-8), QVariant(QStringLiteral("8"))}) {
            parseCreateOptions({{QStringLiteral("erase-spare"), true}, {QStringLiteral("block-size"), bad}}, &e);
            QCOMPARE(e.name, QLatin1String(Errors::InvalidArgument));
        }
        parseCreateOptions({{QStringLiteral("erase-spare"), true}, {QStringLiteral("read-retries"), 17u}}, &e);
        QCOMPARE(e.name, QLatin1String(Errors::InvalidArgument));
    }

    void removeOptions()
    {
        Error e;
        QCOMPARE(parseRemoveOptions({}, &e).force, false);
        QVERIFY(!e.isError());
        QCOMPARE(parseRemoveOptions({{QStringLiteral("force"), true}}, &e).force, true);
        QVERIFY(!e.isError());
        parseRemoveOptions({{QStringLiteral("force"), 1u}}, &e);
        QCOMPARE(e.name, QLatin1String(Errors::InvalidArgument));
        parseRemoveOptions({{QStringLiteral("forse"), true}}, &e);
        QCOMPARE(e.name, QLatin1String(Errors::UnknownOption));
        QVERIFY(e.message.contains(QLatin1String("forse")));
    }

    // Real block devices of this machine, read only.
    void enumerateDisks()
    {
        Udev udev;
        const QList<DiskInfo> disks = Disks::enumerate(udev);
        for (const DiskInfo &d : disks) {
            QVERIFY(d.sizeBytes > 0);
            QVERIFY(!d.syspath.contains(QLatin1String("/virtual/")));
            QVERIFY(d.path.startsWith(QLatin1String("/dev/")));
            QVERIFY(QRegularExpression(QStringLiteral("^[A-Za-z0-9_]+$")).match(d.id).hasMatch());
            QVERIFY(d.logicalBlockSize >= 512);
            const auto again = Disks::fromDevnum(udev, d.devnum);
            QVERIFY(again);
            QCOMPARE(again->id, d.id);
            QVERIFY(again->sameDisk(d));
            // The kernel's diskseq, as sysfs and the device's own ioctl give it.
            QCOMPARE(Disks::diskseqOf(d.devnum), std::optional<quint64>(d.diskseq));
            const int fd = ::open(QFile::encodeName(d.path).constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
            if (fd >= 0) {
                QCOMPARE(Disks::diskseqOf(fd), d.diskseq);
                ::close(fd);
            }
        }
        if (disks.isEmpty())
            QSKIP("this machine has no whole disk outside /sys/devices/virtual");
    }

    // An object path element names one physical disk for the helper's life.
    void diskIdsNeverReused()
    {
        Disks::Ids ids;
        DiskInfo disk;
        disk.id = QStringLiteral("NEW0001");
        disk.serial = QStringLiteral("NEW0001");
        disk.devnum = makedev(252, 16);
        disk.diskseq = 11;
        QCOMPARE(ids.assign(disk), QStringLiteral("NEW0001"));
        QCOMPARE(ids.assign(disk), QStringLiteral("NEW0001"));
        DiskInfo again = disk; // unplugged and plugged again: a new diskseq
        again.diskseq = 12;
        QCOMPARE(ids.assign(again), QStringLiteral("NEW0001_2"));
        DiskInfo other = disk; // another disk, same serial, same kernel name
        other.diskseq = 13;
        QCOMPARE(ids.assign(other), QStringLiteral("NEW0001_3"));
        QCOMPARE(ids.assign(disk), QStringLiteral("NEW0001"));
        QCOMPARE(ids.assign(again), QStringLiteral("NEW0001_2"));
        DiskInfo clash; // a disk whose own id is one given out already
        clash.id = QStringLiteral("NEW0001_2");
        clash.diskseq = 14;
        QCOMPARE(ids.assign(clash), QStringLiteral("NEW0001_2_2"));
        // Without a diskseq (kernels before 5.15): by device number and identity.
        DiskInfo old;
        old.id = QStringLiteral("sda");
        old.devnum = makedev(8, 0);
        QCOMPARE(ids.assign(old), QStringLiteral("sda"));
        DiskInfo replaced = old;
        replaced.serial = QStringLiteral("OTHER");
        QCOMPARE(ids.assign(replaced), QStringLiteral("sda_2"));
        QCOMPARE(ids.assign(old), QStringLiteral("sda"));
    }

    void resolvePaths()
    {
        Udev udev;
        const QList<DiskInfo> disks = Disks::enumerate(udev);
        if (disks.isEmpty())
            QSKIP("this machine has no whole disk to resolve");
        const DiskInfo &disk = disks.first();
        QTemporaryDir dir;
        Error e;

        auto r = Disks::resolveWholeDiskPath(udev, QStringLiteral("/dev/../dev/./") + disk.name, &e);
        QVERIFY2(!e.isError(), qPrintable(e.message));
        QCOMPARE(r.devicePath, disk.path);
        QCOMPARE(r.devnum, disk.devnum);

        const QString link = dir.filePath(QStringLiteral("link"));
        QVERIFY(QFile::link(disk.path, link));
        const QString chain = dir.filePath(QStringLiteral("chain"));
        QVERIFY(QFile::link(link, chain));
        r = Disks::resolveWholeDiskPath(udev, chain, &e);
        QVERIFY(!e.isError());
        QCOMPARE(r.devicePath, disk.path);

        Disks::resolveWholeDiskPath(udev, QStringLiteral("/dev/null"), &e);
        QCOMPARE(e.name, QLatin1String(Errors::InvalidArgument));
        QVERIFY(e.message.contains(QLatin1String("not a block device")));

        const QString file = dir.filePath(QStringLiteral("file"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        Disks::resolveWholeDiskPath(udev, file, &e);
        QCOMPARE(e.name, QLatin1String(Errors::InvalidArgument));

        Disks::resolveWholeDiskPath(udev, dir.path(), &e);
        QCOMPARE(e.name, QLatin1String(Errors::InvalidArgument));

        Disks::resolveWholeDiskPath(udev, QStringLiteral("dev/") + disk.name, &e);
        QCOMPARE(e.name, QLatin1String(Errors::InvalidArgument));

        Disks::resolveWholeDiskPath(udev, QStringLiteral("/dev/does-not-exist"), &e);
        QCOMPARE(e.name, QLatin1String(Errors::NotFound));

        const QString dangling = dir.filePath(QStringLiteral("dangling"));
        QVERIFY(QFile::link(dir.filePath(QStringLiteral("nothing")), dangling));
        Disks::resolveWholeDiskPath(udev, dangling, &e);
        QCOMPARE(e.name, QLatin1String(Errors::NotFound));

        // A partition, where this machine has one (the VM test makes one).
        for (const QString &entry : QDir(QStringLiteral("/sys/class/block")).entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::System)) {
            if (!QFile::exists(QStringLiteral("/sys/class/block/%1/partition").arg(entry)) || !QFile::exists(QStringLiteral("/dev/") + entry))
                continue;
            const QString partLink = dir.filePath(QStringLiteral("part"));
            QVERIFY(QFile::link(QStringLiteral("/dev/") + entry, partLink));
            Disks::resolveWholeDiskPath(udev, partLink, &e);
            QCOMPARE(e.name, QLatin1String(Errors::InvalidArgument));
            QVERIFY(e.message.contains(QLatin1String("partition")));
            return;
        }
        qInfo("no partition on this machine: the partition case runs in the VM test");
    }

    void mountsByDeviceNumberOnly()
    {
        // A FUSE mount names its source freely: sshfs -o fsname=/dev/vda.
        // Only the major:minor field says which device is mounted.
        const QList<dev_t> disk{makedev(8, 0), makedev(8, 1)};
        const QByteArray fuse = "36 25 0:45 / /home/u/mnt rw,nosuid,nodev - fuse.sshfs /dev/sda rw,user_id=1000\n";
        QCOMPARE(Disks::mountedOn(fuse, disk), QString());
        QByteArray lines = fuse + "22 1 8:1 / /srv rw,relatime shared:1 - ext4 /dev/sda1 rw\n";
        QCOMPARE(Disks::mountedOn(lines, disk), QStringLiteral("/srv"));
        QCOMPARE(Disks::mountedOn(lines, {makedev(8, 16)}), QString());
        // Garbage and short lines are skipped.
        QCOMPARE(Disks::mountedOn("x\n1 2 a:b / /m - ext4 /dev/sda1 rw\n\n8:0\n", disk), QString());

        // The same with a source that really is one of this machine's
        // block devices: still not mounted.
        Udev udev;
        const QList<DiskInfo> disks = Disks::enumerate(udev);
        if (disks.isEmpty())
            return;
        const QByteArray real = "36 25 0:45 / /home/u/mnt rw - fuse.sshfs " + disks.first().path.toLatin1() + " rw\n";
        QCOMPARE(Disks::mountedOn(real, {disks.first().devnum}), QString());
    }

    void spareMetadata()
    {
        // Two superblocks and two table block copies take 32 sectors.
        QCOMPARE(spareCapacity(32, 8), quint64(0));
        QCOMPARE(spareCapacity(40, 8), quint64(1));
        const quint64 capacity = spareCapacity(2048 * 64, 8); // 64 MiB
        QVERIFY(capacity > 16000 && capacity < 16384);

        remap_meta_sb sb;
        const u8 uuid[16] = {1, 2, 3};
        QCOMPARE(remap_meta_sb_init(&sb, uuid, 8, 131072, 131072, "MAIN0001", "safe"), 0);
        QByteArray head(8192, '\0');
        remap_meta_sb_encode(&sb, head.data());
        sb.seq = 5;
        sb.used = 3;
        remap_meta_sb_encode(&sb, head.data() + 4096);
        SpareMetadata m = SpareMetadata::decode(head);
        QVERIFY2(m.valid, qPrintable(m.error));
        QCOMPARE(m.label, QStringLiteral("safe"));
        QCOMPARE(m.mainId, QStringLiteral("MAIN0001"));
        QCOMPARE(m.mainSectors, quint64(131072));
        QCOMPARE(m.used, quint64(3)); // copy B is newer
        QCOMPARE(m.blockSize, 8u);
        QCOMPARE(m.uuid, QStringLiteral("01020300000000000000000000000000"));

        // A torn copy B: copy A still counts.
        head[4096 + 200] = char(head[4096 + 200] ^ 0x40);
        m = SpareMetadata::decode(head);
        QVERIFY(m.valid);
        QCOMPARE(m.used, quint64(0));

        // Both damaged: not valid, but recognizably dm-remap.
        head[200] = char(head[200] ^ 0x40);
        m = SpareMetadata::decode(head);
        QVERIFY(!m.valid);
        QVERIFY(m.hasMagic);
        QVERIFY(m.error.contains(QLatin1String("copy A")));

        m = SpareMetadata::decode(QByteArray(8192, '\0'));
        QVERIFY(!m.valid);
        QVERIFY(!m.hasMagic);
        QVERIFY(!SpareMetadata::decode(QByteArray(100, '\0')).valid);
    }

    void crc32cMatchesTheStandard()
    {
        QCOMPARE(~crc32c(~0u, "123456789", 9), 0xe3069283u);
    }
};

QTEST_GUILESS_MAIN(TestValidation)
#include "tst_validation.moc"
