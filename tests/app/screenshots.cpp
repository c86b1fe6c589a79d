// Renders the screenshots in docs/screenshots/: the main window, a pair's
// background scan and history chart, a disk's SMART history, the SMART tab,
// the remap map and the pairing wizard, with the helper test double
// serving a plausible machine (an ageing 2 TB disk paired with an SSD).
// Run by scripts/app-screenshots.sh under Xvfb.
#include "devicemodel.h"
#include "diskhistorychart.h"
#include "fakehelper.h"
#include "historychart.h"
#include "helperclient.h"
#include "mainwindow.h"
#include "mappage.h"
#include "notifier.h"
#include "overviewpage.h"
#include "pairwizard.h"
#include "privatebus.h"
#include "remapmapmodel.h"
#include "remapmapwidget.h"
#include "smartpage.h"
#include "translations.h"

#include <QApplication>
#include <QDir>
#include <QGroupBox>
#include <QLineSeries>
#include <QListWidget>
#include <QRandomGenerator>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>

#include <cmath>

static bool save(QWidget *widget, const QString &dir, const QString &name)
{
    QTest::qWait(300);
    const QString path = QDir(dir).filePath(name);
    const bool ok = widget->grab().save(path);
    qInfo().noquote() << (ok ? "wrote" : "FAILED to write") << path;
    return ok;
}

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    if (argc != 2) {
        qCritical("usage: %s <output directory>", argv[0]);
        return 2;
    }
    const QString out = QString::fromLocal8Bit(argv[1]);
    QApplication::setFont(QFont(QStringLiteral("DejaVu Sans"), 9));
    DmRemap::registerDBusTypes();
    Translations::install(QLocale());

    PrivateBus bus;
    if (!bus.start()) {
        qCritical("%s", qPrintable(bus.errorString()));
        return 1;
    }
    FakeHelper fake(bus.address());
    constexpr qulonglong GB = 1000ull * 1000 * 1000;
    FakeObject *sda = fake.addDisk(QStringLiteral("wwn-0x50014ee2b5c3d1a7"), QStringLiteral("/dev/sda"), QStringLiteral("hdd"), 2000 * GB,
                                   {{QStringLiteral("model"), QStringLiteral("WDC WD20EZRX-00D8PB0")},
                                    {QStringLiteral("serial"), QStringLiteral("WD-WCC4M1KXT9Z2")}});
    // SMART data as the helper parses it from its test fixtures.
    fake.setSmartFixture(sda->info.value(QStringLiteral("id")).toString(), QStringLiteral("ide-damaged-failing.json"));
    fake.addDisk(QStringLiteral("wwn-0x5002538e40a1b2c3"), QStringLiteral("/dev/sdb"), QStringLiteral("ssd"), 250 * GB,
                 {{QStringLiteral("model"), QStringLiteral("Samsung SSD 860 EVO 250GB")},
                  {QStringLiteral("serial"), QStringLiteral("S3YHNX0K812345A")}});
    FakeObject *nvme = fake.addDisk(QStringLiteral("eui.0025385b71b0a1c2"), QStringLiteral("/dev/nvme0n1"), QStringLiteral("nvme"), 500 * GB,
                                    {{QStringLiteral("model"), QStringLiteral("Samsung SSD 970 EVO Plus 500GB")},
                                     {QStringLiteral("in-use"), true},
                                     {QStringLiteral("in-use-reasons"), QVariant::fromValue(DmRemap::ReasonList{{{QStringLiteral("code"), QStringLiteral("mounted")}, {QStringLiteral("mount-point"), QStringLiteral("/")}}})}});
    FakeObject *usb = fake.addDisk(QStringLiteral("usb-JMicron_Generic_0123456789AB"), QStringLiteral("/dev/sdc"), QStringLiteral("hdd"), 4000 * GB,
                                   {{QStringLiteral("model"), QStringLiteral("Generic USB disk")},
                                    {QStringLiteral("transport"), QStringLiteral("usb")}});
    fake.setSmartFixture(usb->info.value(QStringLiteral("id")).toString(), QStringLiteral("virtio-no-smart.json"));
    fake.addDisk(QStringLiteral("wwn-0x5000c500a1b2c3d4"), QStringLiteral("/dev/sdd"), QStringLiteral("hdd"), 1000 * GB,
                 {{QStringLiteral("model"), QStringLiteral("ST1000DM010-2EP102")}});
    fake.addPair(QStringLiteral("safe-sda"), sda->info.value(QStringLiteral("id")).toString(),
                 QStringLiteral("wwn-0x5002538e40a1b2c3"));
    // Wear: two scratches and a sprinkle of single bad blocks.
    QRandomGenerator random(7);
    QList<qulonglong> sectors;
    const qulonglong blocks = 2000 * GB / 4096;
    for (qulonglong b = blocks / 3; b < blocks / 3 + 1400; b += 1 + random.bounded(3))
        sectors << b * 8;
    for (qulonglong b = blocks * 7 / 10; b < blocks * 7 / 10 + 600; b += 1 + random.bounded(4))
        sectors << b * 8;
    for (int i = 0; i < 180; ++i)
        sectors << random.bounded(quint64(blocks)) * 8;
    std::sort(sectors.begin(), sectors.end());
    sectors.erase(std::unique(sectors.begin(), sectors.end()), sectors.end());
    fake.setRemaps(QStringLiteral("safe-sda"), sectors);
    fake.setPending(QStringLiteral("safe-sda"), {blocks / 2 * 8, (blocks / 2 + 3) * 8, blocks / 5 * 8});
    fake.pair(QStringLiteral("safe-sda"))->info.insert(QStringLiteral("read-errors"), qulonglong(23));
    fake.pair(QStringLiteral("safe-sda"))->info.insert(QStringLiteral("write-errors"), qulonglong(1311));
    // Two months of history: the chart's lines and the forecast.
    fake.pair(QStringLiteral("safe-sda"))->info.insert(QStringLiteral("capacity"), qulonglong(4000));
    for (int day = 60; day >= 1; --day)
        fake.recordRemapHistory(QStringLiteral("safe-sda"), fake.now() - day * 86400, 20 + day % 9, day % 20 == 0 ? 1 : 0);
    // SMART readings of the ageing disk over the last year, rising to what
    // the fixture reports now (its sectors replaced in the last two months).
    {
        const History::SmartValues nowValues =
            History::SmartReading::fromReport(QString(), 0, FakeHelper::fixtureReport(QStringLiteral("ide-damaged-failing.json"))).values;
        const double reallocatedNow = double(nowValues[History::Reallocated].value_or(0));
        for (int day = 365; day >= 1; --day) {
            History::SmartValues v;
            v[History::Reallocated] = day > 60 ? 0 : qint64(reallocatedNow * (60 - day) * (60 - day) / 3600);
            v[History::Pending] = day < 20 ? 3 : 0;
            v[History::OfflineUncorrectable] = day < 10 ? 1 : 0;
            v[History::CrcErrors] = day < 200 ? 2 : 0;
            v[History::Temperature] = qint64(std::lround(37 + 5 * std::sin(day * 2 * M_PI / 365) + (day % 3)));
            fake.recordSmartHistory(sda->info.value(QStringLiteral("id")).toString(), fake.now() - day * 86400, v);
        }
    }
    // A background scan under way that found the unreadable blocks.
    {
        FakeObject *pair = fake.pair(QStringLiteral("safe-sda"));
        pair->scan.passStarted = fake.now() - 3 * 86400;
        pair->scan.position = pair->scan.size / 1000 * 387;
        pair->scan.readErrors = 3;
        pair->scan.lastFinished = fake.now() - 33 * 86400;
        pair->scanState = QStringLiteral("running");
    }
    fake.registerService();

    HelperClient client(QDBusConnection::connectToBus(bus.address(), QStringLiteral("app")));
    DeviceModel devices(&client);
    QTemporaryDir settingsDir;
    QSettings settings(settingsDir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    Notifier notifier(&client, QDBusConnection::connectToBus(bus.address(), QStringLiteral("session")), &settings);
    MainWindow window(&client, &devices, &notifier);
    window.resize(1240, 760);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return 1;
    if (!QTest::qWaitFor([&] { return client.status() == HelperClient::Status::Ready; }, 10000))
        return 1;
    const QString pair = fake.pairPath(QStringLiteral("safe-sda"));
    QTest::qWait(500);
    window.openObject(pair);
    window.tabs()->setCurrentIndex(0);
    bool ok = save(&window, out, QStringLiteral("main-window.png"));

    // Below the fold: the background scan and the history chart.
    auto scrollTo = [&](QWidget *widget) {
        auto *area = qobject_cast<QScrollArea *>(window.tabs()->currentWidget());
        QTest::qWait(300);
        area->verticalScrollBar()->setValue(widget->mapTo(area->widget(), QPoint(0, 0)).y() - 8);
        QTest::qWait(300);
    };
    // A screenshot without its chart is a wrong screenshot: fail.
    ok &= QTest::qWaitFor([&] { return window.overviewPage()->historyPage()->movedSeries()->count() > 0; }, 10000);
    scrollTo(window.overviewPage()->scanBox());
    ok &= save(&window, out, QStringLiteral("pair-scan-history.png"));

    window.openObject(fake.diskPath(sda->info.value(QStringLiteral("id")).toString()));
    window.tabs()->setCurrentIndex(0);
    ok &= QTest::qWaitFor([&] { return window.overviewPage()->diskHistoryPage()->series(DiskHistoryChart::Temperature)->count() > 300; }, 10000);
    scrollTo(window.overviewPage()->diskHistoryPage());
    ok &= save(&window, out, QStringLiteral("disk-history.png"));

    window.tabs()->setCurrentIndex(1);
    QTest::qWait(500);
    ok &= save(&window, out, QStringLiteral("smart.png"));

    window.openObject(pair);
    window.tabs()->setCurrentIndex(2);
    MapPage *map = window.mapPage();
    if (!QTest::qWaitFor([&] { return map->model()->hasCounts(); }, 10000))
        return 1;
    const int cell = map->model()->cellOfSector(blocks / 3 * 8);
    map->mapWidget()->setFocus();
    map->mapWidget()->setCurrentCell(cell);
    Q_EMIT map->mapWidget()->cellActivated(cell);
    if (!QTest::qWaitFor([&] { return map->remapList()->topLevelItemCount() > 0; }, 10000))
        return 1;
    ok &= save(&window, out, QStringLiteral("remap-map.png"));

    PairWizard wizard(&client, &window);
    wizard.show();
    QListWidget *mains = wizard.mainList();
    for (int i = 0; i < mains->count(); ++i)
        if (mains->item(i)->text().startsWith(QStringLiteral("/dev/sdd ")))
            mains->setCurrentItem(mains->item(i));
    wizard.next();
    QListWidget *spares = wizard.spareList();
    for (int i = 0; i < spares->count(); ++i)
        if (spares->item(i)->text().startsWith(QStringLiteral("/dev/sdc ")))
            spares->setCurrentItem(spares->item(i));
    if (!QTest::qWaitForWindowExposed(&wizard))
        return 1;
    ok &= save(&wizard, out, QStringLiteral("wizard-spare.png"));
    wizard.next();
    wizard.next();
    ok &= save(&wizard, out, QStringLiteral("wizard-summary.png"));
    return ok ? 0 : 1;
}
