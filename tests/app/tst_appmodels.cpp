// The app's logic without a bus: the remap map's arithmetic and drawing
// geometry, health in words, the pairing rules, attribute sorting and the
// translations.
#include "fakehelper.h"
#include "health.h"
#include "pairrules.h"
#include "remapmapmodel.h"
#include "remapmapwidget.h"
#include "smartmodels.h"
#include "systemcheck.h"
#include "translations.h"

#include <QApplication>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QRegularExpression>
#include <QTest>

class TestAppModels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { Translations::install(QLocale()); }
    void mapCutsLikeTheHelper();
    void mapZoomsDownToSingleBlocks();
    void mapIgnoresStaleCounts();
    void mapColoursKeepSingleRemapsVisible();
    void mapWidgetHitTesting();
    void healthInWords();
    void pairHealth();
    void healthColoursReadable();
    void spareRules();
    void attributeSorting();
    void germanAndFrench();
    void sizesInIecUnits();
    void transportsInWords();
    void asleepIsNotUnknown();
    void systemProblemsInOrder();
};

void TestAppModels::mapCutsLikeTheHelper()
{
    RemapMapModel model;
    QSignalSpy needed(&model, &RemapMapModel::countsNeeded);
    model.setCapacity(7);
    model.setDisk(1000, 8); // 125 blocks, last one full
    QTRY_COMPARE(needed.count(), 1);
    QCOMPARE(needed.first().at(0).toULongLong(), 0ull);
    QCOMPARE(needed.first().at(1).toULongLong(), 1000ull);
    QCOMPARE(needed.first().at(2).toUInt(), 7u);
    // Every sector lands in the cell whose range holds it, and the helper's
    // formula floor((s - first) * n / length) agrees for every sector.
    for (qulonglong s = 0; s < 1000; ++s) {
        const int cell = model.cellOfSector(s);
        QCOMPARE(cell, int(s * 7 / 1000));
        QVERIFY(model.cellFirst(uint(cell)) <= s);
        QVERIFY(s < model.cellFirst(uint(cell)) + model.cellLength(uint(cell)));
    }
    QCOMPARE(model.cellFirst(7), 1000ull);
    QCOMPARE(model.cellOfSector(1000), -1);
}

void TestAppModels::mapZoomsDownToSingleBlocks()
{
    RemapMapModel model;
    const qulonglong sectors = 2'000'000'000ull; // about 1 TB
    model.setCapacity(1000);
    model.setDisk(sectors, 8);
    QCOMPARE(model.viewLength(), sectors);
    QVERIFY(model.canZoomIn());
    QVERIFY(!model.canZoomOut());
    int steps = 0;
    while (model.canZoomIn()) {
        const qulonglong before = model.viewLength();
        model.zoomIn(500);
        QVERIFY(model.viewLength() < before);
        QCOMPARE(model.viewFirst() % 8, 0ull);
        QVERIFY(model.viewFirst() + model.viewLength() <= sectors);
        QVERIFY(++steps < 20);
    }
    // Deepest zoom: one block per cell.
    QCOMPARE(model.cellCount(), 1000u);
    QCOMPARE(model.viewLength(), 8000ull);
    for (uint c = 0; c < model.cellCount(); ++c)
        QCOMPARE(model.cellLength(c), 8ull);
    // Zooming in stayed around the middle of the disk.
    QVERIFY(model.viewFirst() > sectors / 4 && model.viewFirst() < sectors * 3 / 4);
    model.zoomOut();
    QCOMPARE(model.viewLength(), 8000ull * RemapMapModel::zoomFactor);
    model.showWholeDisk();
    QCOMPARE(model.viewFirst(), 0ull);
    QCOMPARE(model.viewLength(), sectors);

    // A disk smaller than the grid: one cell per block, no zoom.
    model.setDisk(64, 8);
    QCOMPARE(model.cellCount(), 8u);
    QVERIFY(!model.canZoomIn());
}

void TestAppModels::mapIgnoresStaleCounts()
{
    RemapMapModel model;
    model.setCapacity(4);
    model.setDisk(4096, 8);
    DmRemap::MapBucketList counts{{0, 0}, {3, 1}, {0, 0}, {1, 0}};
    model.setCounts(0, 2048, counts); // another range: an old answer
    QVERIFY(!model.hasCounts());
    model.setCounts(0, 4096, counts.mid(0, 3)); // wrong bucket count
    QVERIFY(!model.hasCounts());
    QSignalSpy changed(&model, &RemapMapModel::countsChanged);
    model.setCounts(0, 4096, counts);
    QVERIFY(model.hasCounts());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.counts(1).remaps, 3u);
    QCOMPARE(model.counts(1).pending, 1u);
    QCOMPARE(model.maxRemaps(), 3u);
    model.zoomIn(1);
    QVERIFY(!model.hasCounts()); // a new view waits for its own counts
}

void TestAppModels::mapColoursKeepSingleRemapsVisible()
{
    const QColor clean = RemapMapModel::cellColor(0, 0, 1'000'000, 0);
    const QColor one = RemapMapModel::cellColor(1, 0, 1'000'000, 0);
    const QColor many = RemapMapModel::cellColor(1'000'000, 0, 1'000'000, 0);
    const QColor pending = RemapMapModel::cellColor(0, 1, 0, 1);
    // One remap next to a cell with a million: still clearly red, not clean.
    QVERIFY(one.red() - one.green() > 60);
    QVERIFY(clean.green() > clean.red());
    QVERIFY(many.lightness() < one.lightness());
    QVERIFY(pending != one && pending != clean);
    const int hue = pending.toHsl().hslHue();
    QVERIFY2(hue >= 20 && hue <= 45, qPrintable(QString::number(hue))); // orange
    // Graphics: 3:1 against a clean cell; unreadable apart from moved blocks
    // in lightness, not only in hue.
    QVERIFY(Health::contrastRatio(one, clean) >= 3);
    QVERIFY(Health::contrastRatio(pending, clean) >= 3);
    QVERIFY(Health::contrastRatio(pending, one) >= 1.5);
}

void TestAppModels::mapWidgetHitTesting()
{
    RemapMapModel model;
    RemapMapWidget widget(&model);
    const int px = RemapMapWidget::cellPixels;
    widget.resize(10 * px, 5 * px);
    widget.show();
    model.setDisk(1'000'000, 8);
    QTRY_COMPARE(model.cellCount(), 50u);
    QCOMPARE(widget.cellAt(QPoint(0, 0)), 0);
    QCOMPARE(widget.cellAt(QPoint(px * 3 + 2, px * 2 + 2)), 23);
    QCOMPARE(widget.cellAt(QPoint(10 * px + 1, 0)), -1);
    QCOMPARE(widget.cellAt(QPoint(0, 5 * px + 1)), -1);
    QCOMPARE(widget.cellRect(23).topLeft(), QPoint(3 * px, 2 * px));

    QSignalSpy activated(&widget, &RemapMapWidget::cellActivated);
    QTest::mouseClick(&widget, Qt::LeftButton, {}, QPoint(px * 4 + 3, px + 3));
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.first().first().toInt(), 14);
    QCOMPARE(widget.currentCell(), 14);
    QTest::keyClick(&widget, Qt::Key_Down);
    QCOMPARE(widget.currentCell(), 24);
    QTest::keyClick(&widget, Qt::Key_Return);
    QCOMPARE(activated.last().first().toInt(), 24);

    DmRemap::MapBucketList counts(50);
    counts[24] = {2, 1};
    model.setCounts(model.viewFirst(), model.viewLength(), counts);
    QString tip = widget.cellDescription(24);
    QVERIFY2(tip.contains(QStringLiteral("2 blocks moved")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("1 unreadable block waiting")), qPrintable(tip));
    QVERIFY2(tip.contains(QLocale().toString(model.cellFirst(24))), qPrintable(tip));

    // The painted pixel of a cell has the cell's colour.
    const QImage image = widget.grab().toImage();
    // (Its corner: the centre carries the orange mark of its pending block.)
    QCOMPARE(image.pixelColor(widget.cellRect(24).topLeft() + QPoint(1, 1)), RemapMapModel::cellColor(2, 0, 2, 1));
    QCOMPARE(image.pixelColor(widget.cellRect(24).center()), RemapMapModel::cellColor(0, 1, 0, 1));
    QCOMPARE(image.pixelColor(widget.cellRect(0).center()), RemapMapModel::cellColor(0, 0, 2, 1));

    // Wheel and +/- zoom around the cell.
    QTest::keyClick(&widget, Qt::Key_Plus);
    QVERIFY(model.viewLength() < 1'000'000);
    QTest::keyClick(&widget, Qt::Key_Minus);
    QCOMPARE(model.viewLength(), 1'000'000ull);
}

void TestAppModels::healthInWords()
{
    // SMART dictionaries as the helper makes them from its test fixtures.
    auto smart = [](const char *fixture) { return FakeHelper::fixtureReport(QString::fromLatin1(fixture)).toMap(); };
    const QVariantMap info{{QStringLiteral("smart-verdict"), QStringLiteral("passed")}};
    Health::Verdict v = Health::ofDisk(info, smart("ide-qemu.json"));
    QCOMPARE(v.level, Health::Level::Good);
    QCOMPARE(v.reason, QStringLiteral("The disk reports no problems."));

    v = Health::ofDisk(info, smart("ide-damaged-pending.json"));
    QCOMPARE(v.level, Health::Level::Caution);
    QVERIFY2(v.reason.startsWith(QStringLiteral("2 sectors could not be read and wait to be replaced. ")), qPrintable(v.reason));

    v = Health::ofDisk(info, smart("ide-damaged-failing.json"));
    QCOMPARE(v.level, Health::Level::Bad);
    QVERIFY2(v.reason.endsWith(QStringLiteral("Copy your data to another disk now and replace this disk.")), qPrintable(v.reason));

    v = Health::ofDisk(info, smart("virtio-no-smart.json"));
    QCOMPARE(v.level, Health::Level::Unknown);
    QVERIFY2(v.reason.contains(QStringLiteral("bridge type")), qPrintable(v.reason));

    QCOMPARE(Health::ofDisk(info, smart("nvme-damaged-critical.json")).level, Health::Level::Bad);
    // QEMU's NVMe disk reports a spare of 0 with a threshold of 0: no alarm.
    QCOMPARE(Health::ofDisk(info, smart("nvme-qemu.json")).level, Health::Level::Good);
    QVariantMap hot = smart("ide-qemu.json");
    hot.insert(QStringLiteral("temperature"), 61);
    v = Health::ofDisk(info, hot);
    QCOMPARE(v.level, Health::Level::Caution);
    QCOMPARE(v.reason, QStringLiteral("The disk is hot (61 °C). Give it more air or a cooler place."));
}

// Health colours against the palette they are drawn on, light and dark:
// 4.5:1 for text, 3:1 for the badge against the window.
void TestAppModels::healthColoursReadable()
{
    QPalette light(QColor(0xef, 0xef, 0xef)); // Fusion's light window
    light.setColor(QPalette::Base, Qt::white);
    QPalette dark(QColor(0x35, 0x35, 0x35));
    dark.setColor(QPalette::Base, QColor(0x2a, 0x2a, 0x2a));
    dark.setColor(QPalette::Text, Qt::white);
    const QPalette saved = QApplication::palette();
    for (const QPalette &palette : {light, dark}) {
        QApplication::setPalette(palette);
        for (Health::Level level : {Health::Level::Unknown, Health::Level::Good, Health::Level::Caution, Health::Level::Bad}) {
            const QColor text = Health::color(level); // as the views ask for it
            const double onBase = Health::contrastRatio(text, QApplication::palette().color(QPalette::Base));
            QVERIFY2(onBase >= 4.5, qPrintable(QStringLiteral("%1 on %2: %3").arg(text.name(), palette.color(QPalette::Base).name()).arg(onBase)));
            const Health::BadgeColors badge = Health::badgeColors(level);
            QVERIFY2(Health::contrastRatio(badge.text, badge.background) >= 4.5, qPrintable(badge.background.name()));
            QVERIFY2(Health::contrastRatio(badge.background, palette.color(QPalette::Window)) >= 3.0,
                     qPrintable(badge.background.name()));
        }
    }
    QApplication::setPalette(saved);
    // The hue stays: Caution is still orange, not brown-grey.
    const QColor caution = Health::color(Health::Level::Caution, light).toHsl();
    QVERIFY(caution.hslHue() >= 25 && caution.hslHue() <= 45);
}

void TestAppModels::pairHealth()
{
    const Health::Verdict good{Health::Level::Good, QStringLiteral("fine")};
    QVariantMap status{{QStringLiteral("state"), QStringLiteral("ok")}, {QStringLiteral("remapped"), qulonglong(0)}};
    QCOMPARE(Health::ofPair(status, good, good).level, Health::Level::Good);
    status.insert(QStringLiteral("remapped"), qulonglong(12));
    Health::Verdict v = Health::ofPair(status, good, good);
    QCOMPARE(v.level, Health::Level::Caution);
    QVERIFY2(v.reason.contains(QStringLiteral("12 bad blocks")), qPrintable(v.reason));
    status.insert(QStringLiteral("state"), QStringLiteral("spare_full"));
    QCOMPARE(Health::ofPair(status, good, good).level, Health::Level::Bad);
    status.insert(QStringLiteral("state"), QStringLiteral("ok"));
    status.insert(QStringLiteral("remapped"), qulonglong(0));
    v = Health::ofPair(status, {Health::Level::Bad, QStringLiteral("dying. Copy your data."), QStringLiteral("dying.")}, good);
    QCOMPARE(v.level, Health::Level::Bad);
    // The disk's facts, and the pair's own advice once.
    QVERIFY2(v.reason.contains(QStringLiteral("Main disk: dying.")), qPrintable(v.reason));
    QVERIFY2(!v.reason.contains(QStringLiteral("Copy your data.")), qPrintable(v.reason));
    QVERIFY(Health::pairStateRank(QStringLiteral("spare_full")) > Health::pairStateRank(QStringLiteral("spare_low")));
    QVERIFY(Health::verdictRank(QStringLiteral("failing")) > Health::verdictRank(QStringLiteral("warning")));
}

void TestAppModels::spareRules()
{
    auto disk = [](const QString &id, qulonglong size, const QString &role = QStringLiteral("free"),
                   bool inUse = false, uint logical = 512) {
        return QVariantMap{{QStringLiteral("id"), id}, {QStringLiteral("size"), size},
                           {QStringLiteral("role"), role}, {QStringLiteral("in-use"), inUse},
                           {QStringLiteral("in-use-reasons"), QVariant::fromValue(inUse ? DmRemap::ReasonList{{{QStringLiteral("code"), QStringLiteral("mounted")}, {QStringLiteral("mount-point"), QStringLiteral("/home")}}} : DmRemap::ReasonList())},
                           {QStringLiteral("logical-block-size"), logical}};
    };
    const QVariantMap main = disk(QStringLiteral("a"), 500'000'000'000ull);
    QVERIFY(PairRules::mainProblem(main).isEmpty());
    QVERIFY(PairRules::mainProblem(disk(QStringLiteral("b"), 1, QStringLiteral("free"), true)).contains(QStringLiteral("mounted on /home")));
    QVERIFY(!PairRules::mainProblem(disk(QStringLiteral("b"), 1, QStringLiteral("spare"))).isEmpty());
    QVERIFY(PairRules::spareProblem(main, disk(QStringLiteral("s"), 8'000'000'000ull), 8).isEmpty());
    QCOMPARE(PairRules::spareProblem(main, main, 8), QStringLiteral("This is the main disk"));
    QVERIFY(PairRules::spareProblem(main, disk(QStringLiteral("s"), 8192), 8).startsWith(QStringLiteral("Too small")));
    QVERIFY(!PairRules::spareProblem(main, disk(QStringLiteral("s"), 8'000'000'000ull, QStringLiteral("free"), false, 4096), 1).isEmpty());
    QVERIFY(PairRules::spareProblem(main, disk(QStringLiteral("s"), 8'000'000'000ull, QStringLiteral("free"), false, 4096), 8).isEmpty());
    // 1 GB of spare holds roughly 240,000 blocks of 4 KiB.
    const qulonglong slotCount = PairRules::spareSlots(1'000'000'000ull, 8);
    QVERIFY(slotCount > 240'000 && slotCount < 245'000);
    QVERIFY(PairRules::isValidName(QStringLiteral("safe-sda")));
    QVERIFY(!PairRules::isValidName(QStringLiteral("-x")));
    QVERIFY(!PairRules::isValidName(QStringLiteral("a/b")));
    QVERIFY(!PairRules::isValidName(QString(64, QLatin1Char('a'))));
}

void TestAppModels::attributeSorting()
{
    SmartAttributeModel model;
    model.setAttributes({{5, QStringLiteral("Reallocated_Sector_Ct"), 100, 100, 10, 412, QStringLiteral("412"), QStringLiteral("warning")},
                         {9, QStringLiteral("Power_On_Hours"), 90, 90, 0, 18342, QStringLiteral("18342"), QStringLiteral("ok")},
                         {197, QStringLiteral("Current_Pending_Sector"), 100, 100, 0, 7, QStringLiteral("7"), QStringLiteral("failing")}});
    QSortFilterProxyModel sorted;
    sorted.setSourceModel(&model);
    sorted.setSortRole(SmartAttributeModel::SortRole);
    sorted.sort(SmartAttributeModel::Raw, Qt::DescendingOrder);
    QCOMPARE(sorted.index(0, SmartAttributeModel::Id).data().toInt(), 9); // 18342 > 412 > 7, numerically
    QCOMPARE(sorted.index(2, SmartAttributeModel::Id).data().toInt(), 197);
    sorted.sort(SmartAttributeModel::Status, Qt::DescendingOrder);
    QCOMPARE(sorted.index(0, SmartAttributeModel::Status).data().toString(), QStringLiteral("Failing"));
    QCOMPARE(sorted.index(0, SmartAttributeModel::Status).data(Qt::ForegroundRole).value<QColor>(),
             Health::color(Health::Level::Bad));
    QVERIFY(sorted.index(0, SmartAttributeModel::Meaning).data().toString().contains(QStringLiteral("replaced")));
}

void TestAppModels::germanAndFrench()
{
    QVERIFY(Translations::install(QLocale(QLocale::German, QLocale::Germany)));
    QCOMPARE(Health::name(Health::Level::Good), QStringLiteral("Gut"));
    QVERIFY(Translations::install(QLocale(QLocale::French, QLocale::France)));
    QCOMPARE(Health::name(Health::Level::Bad), QStringLiteral("Mauvais"));
    QVERIFY(!Translations::install(QLocale(QLocale::C)));
    QCOMPARE(Health::name(Health::Level::Good), QStringLiteral("Good"));
}

// One unit system, IEC, wherever the app shows a size (issue 12, item 11).
void TestAppModels::sizesInIecUnits()
{
    QCOMPARE(Health::formatBytes(500'000'000'000ull), QStringLiteral("465.7 GiB"));
    QCOMPARE(Health::formatBytes(2'000'000'000'000ull), QStringLiteral("1.8 TiB"));
    QCOMPARE(Health::formatBytes(8ull * 1024 * 1024 * 1024), QStringLiteral("8.0 GiB"));
    QCOMPARE(Health::formatBlockSize(4096), QStringLiteral("4 KiB"));
    // The spare rules' sizes too; two that round alike show more digits.
    const QVariantMap pair{{QStringLiteral("main-sectors"), 976'562'500ull}, {QStringLiteral("main-path"), QStringLiteral("/dev/sda")}};
    const QVariantMap disk{{QStringLiteral("id"), QStringLiteral("n")}, {QStringLiteral("path"), QStringLiteral("/dev/sdn")},
                           {QStringLiteral("size"), 499'999'000'000ull}, {QStringLiteral("role"), QStringLiteral("free")},
                           {QStringLiteral("serial"), QStringLiteral("N1")}};
    const QString tooSmall = PairRules::replacementProblem(pair, {}, disk);
    QVERIFY2(tooSmall.contains(QStringLiteral("GiB")) && !tooSmall.contains(QStringLiteral(" GB")), qPrintable(tooSmall));
    QVERIFY2(tooSmall.count(QStringLiteral("GiB")) == 2, qPrintable(tooSmall));
    QVERIFY2(!tooSmall.contains(QStringLiteral("465.7 GiB, the pair needs at least 465.7 GiB")), qPrintable(tooSmall));
    QVERIFY(PairRules::spareProblem({{QStringLiteral("id"), QStringLiteral("a")}},
                                    {{QStringLiteral("id"), QStringLiteral("b")}, {QStringLiteral("size"), 8192ull},
                                     {QStringLiteral("role"), QStringLiteral("free")}}, 8)
                .contains(QStringLiteral("8.0 KiB")));
    QVERIFY(Translations::install(QLocale(QLocale::German, QLocale::Germany)));
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    QCOMPARE(Health::formatBytes(500'000'000'000ull), QStringLiteral("465,7 GiB"));
    QLocale::setDefault(QLocale::c());
    Translations::install(QLocale(QLocale::C));
}

// Every transport the helper names (helper/disks.cpp transportOf) in
// words, in German and French too: none left as the helper's code.
void TestAppModels::transportsInWords()
{
    const QStringList codes{QStringLiteral("ata"), QStringLiteral("usb"), QStringLiteral("nvme"), QStringLiteral("scsi"),
                            QStringLiteral("virtio"), QStringLiteral("mmc"), QStringLiteral("unknown")};
    QHash<QString, QString> english;
    for (const QString &code : codes) {
        english.insert(code, Health::transportText(code));
        QVERIFY2(english.value(code) != code, qPrintable(code));
    }
    for (const QLocale &locale : {QLocale(QLocale::German, QLocale::Germany), QLocale(QLocale::French, QLocale::France)}) {
        QVERIFY(Translations::install(locale));
        for (const QString &code : codes) {
            const QString text = Health::transportText(code);
            QVERIFY2(text != code, qPrintable(locale.name() + QLatin1Char(' ') + code));
            // Words (not only names such as SATA or NVMe) are translated.
            if (english.value(code).contains(QRegularExpression(QStringLiteral("\\b[a-z]{2,}\\b"))))
                QVERIFY2(text != english.value(code), qPrintable(locale.name() + QLatin1Char(' ') + text));
        }
        // The USB bridges' names too.
        QVERIFY(Health::deviceTypeText(QString()) != QLatin1String("Automatic"));
    }
    Translations::install(QLocale(QLocale::C));
    QCOMPARE(Health::transportText(QStringLiteral("mmc")), QStringLiteral("a memory card slot (SD or eMMC)"));

    // The bridge choice: for a disk on USB, one smartctl cannot talk to
    // without a type, or one with a type set; not for a SATA disk that answers.
    const QVariantMap sata{{QStringLiteral("transport"), QStringLiteral("ata")}};
    const QVariantMap usb{{QStringLiteral("transport"), QStringLiteral("usb")}};
    const QVariantMap answers = FakeHelper::fixtureReport(QStringLiteral("ide-qemu.json")).toMap();
    const QVariantMap noType = FakeHelper::fixtureReport(QStringLiteral("virtio-no-smart.json")).toMap();
    QVERIFY(!Health::offersDeviceType(sata, answers));
    QVERIFY(Health::offersDeviceType(usb, answers));
    QVERIFY(Health::offersDeviceType(sata, noType));
    QVariantMap typed = answers;
    typed.insert(QStringLiteral("device-type"), QStringLiteral("sat"));
    QVERIFY(Health::offersDeviceType(sata, typed));
}

// A disk in standby: Asleep, not Unknown; data kept from before it fell
// asleep still counts, and says that it is from before.
void TestAppModels::asleepIsNotUnknown()
{
    const QVariantMap info{{QStringLiteral("smart-verdict"), QStringLiteral("unknown")}};
    const SmartReport standby = FakeHelper::fixtureReport(QStringLiteral("ide-damaged-standby.json"));
    const SmartReport never = SmartReport::unavailable(QStringLiteral("not-read-yet"), QStringLiteral("not read"));
    Health::Verdict v = Health::ofDisk(info, SmartReport::afterRead(never, standby).toMap());
    QCOMPARE(v.level, Health::Level::Unknown);
    QVERIFY(v.asleep);
    QCOMPARE(Health::displayName(v), QStringLiteral("Asleep"));
    QVERIFY2(v.reason.contains(QStringLiteral("asleep")), qPrintable(v.reason));

    const SmartReport awake = FakeHelper::fixtureReport(QStringLiteral("ide-qemu.json"));
    v = Health::ofDisk(info, SmartReport::afterRead(awake, standby).toMap());
    QCOMPARE(v.level, Health::Level::Good);
    QCOMPARE(Health::displayName(v), QStringLiteral("Good"));
    QVERIFY2(v.reason.contains(QStringLiteral("last awake")), qPrintable(v.reason));

    v = Health::ofDisk(info, awake.toMap());
    QVERIFY(!v.asleep);
    QVERIFY(!v.reason.contains(QStringLiteral("asleep")));
    QCOMPARE(Health::displayName({}), QStringLiteral("Unknown"));
    QVERIFY(Translations::install(QLocale(QLocale::German, QLocale::Germany)));
    QVERIFY(Health::displayName({Health::Level::Unknown, {}, {}, true}) != QLatin1String("Asleep"));
    Translations::install(QLocale(QLocale::C));
}

// GetSystemStatus's answers (as the helper builds them, FakeHelper): the
// most fundamental missing part first, with its next step.
void TestAppModels::systemProblemsInOrder()
{
    FakeHelper::System system;
    auto problem = [&] { return SystemCheck::firstProblem(FakeHelper::systemStatusOf(system)); };
    QCOMPARE(int(problem().missing), int(SystemCheck::Missing::Nothing));
    QCOMPARE(int(SystemCheck::firstProblem({}).missing), int(SystemCheck::Missing::Nothing));
    system.smartctl.clear();
    QCOMPARE(problem().text, QStringLiteral("Install the package smartmontools to read disk health, then choose Retry."));
    QVERIFY(!problem().blocksPairing);
    system.targetVersion.clear();
    QCOMPARE(int(problem().missing), int(SystemCheck::Missing::Module));
    QVERIFY(problem().text.contains(QStringLiteral("dm-remap-dkms")));
    QVERIFY(problem().text.contains(QStringLiteral("linux-headers-6.1.0-28-amd64")));
    QVERIFY(problem().blocksPairing);
    system.lockdownText = "none [integrity] confidentiality";
    QCOMPARE(int(problem().missing), int(SystemCheck::Missing::ModuleSigning));
    system.lockdownText = "[none] integrity confidentiality";
    system.secureBootVariable = QByteArray("\x06\x00\x00\x00\x01", 5);
    QCOMPARE(int(problem().missing), int(SystemCheck::Missing::ModuleSigning));
    QVERIFY(problem().text.contains(QStringLiteral("mokutil --import /var/lib/dkms/mok.pub")));
    system.deviceMapper = false;
    QCOMPARE(problem().text, QStringLiteral("This kernel has no device-mapper; dm-remap cannot pair disks here."));
    QVERIFY(problem().blocksPairing);
}

QTEST_MAIN(TestAppModels)
#include "tst_appmodels.moc"
