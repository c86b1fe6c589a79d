// Benchmark of the remap map: time to fetch and paint the map of a pair with
// 1,000,000 remaps, and to take in a burst of 10,000 remap signals. Prints
// the figures; fails only if the work is not done or not coalesced.
#include "fakehelper.h"
#include "helperclient.h"
#include "mappage.h"
#include "privatebus.h"
#include "remapmapmodel.h"
#include "remapmapwidget.h"
#include "translations.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

class BenchMap : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void millionRemaps();
};

static uint total(const RemapMapModel *model)
{
    uint sum = 0;
    for (uint c = 0; c < model->cellCount(); ++c)
        sum += model->counts(c).remaps;
    return sum;
}

void BenchMap::millionRemaps()
{
    DmRemap::registerDBusTypes();
    Translations::install(QLocale());
    PrivateBus bus;
    QVERIFY2(bus.start(), qPrintable(bus.errorString()));
    FakeHelper fake(bus.address());
    const qulonglong mainBytes = 2'000'000'000'000ull; // 2 TB
    fake.addDisk(QStringLiteral("sda"), QStringLiteral("/dev/sda"), QStringLiteral("hdd"), mainBytes);
    fake.addDisk(QStringLiteral("sdb"), QStringLiteral("/dev/sdb"), QStringLiteral("ssd"), 16'000'000'000ull);
    fake.addPair(QStringLiteral("big"), QStringLiteral("sda"), QStringLiteral("sdb"));
    // A million remaps: half in dense scratches, half scattered.
    const qulonglong blocks = mainBytes / 4096;
    QRandomGenerator random(42);
    QList<qulonglong> sectors;
    sectors.reserve(1'000'000);
    while (sectors.size() < 500'000) {
        const qulonglong start = random.bounded(quint64(blocks - 10'000));
        for (int i = 0; i < 5000; ++i)
            sectors << (start + i) * 8;
    }
    while (sectors.size() < 1'000'000)
        sectors << random.bounded(quint64(blocks)) * 8;
    std::sort(sectors.begin(), sectors.end());
    sectors.erase(std::unique(sectors.begin(), sectors.end()), sectors.end());
    const qulonglong remapCount = qulonglong(sectors.size());
    fake.setRemaps(QStringLiteral("big"), sectors);
    QVERIFY(fake.registerService());

    HelperClient client(QDBusConnection::connectToBus(bus.address(), QStringLiteral("bench")));
    QTRY_COMPARE(client.status(), HelperClient::Status::Ready);
    const QString pair = fake.pairPath(QStringLiteral("big"));
    QTRY_COMPARE(client.pairStatus(pair).value(QStringLiteral("remapped")).toULongLong(), remapCount);

    MapPage page(&client);
    page.resize(1280, 900);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QElapsedTimer timer;
    timer.start();
    page.setObject(pair);
    QTRY_VERIFY_WITH_TIMEOUT(page.model()->hasCounts(), 30000);
    const qint64 fetchMs = timer.elapsed();
    QCOMPARE(total(page.model()), uint(remapCount));

    RemapMapWidget *map = page.mapWidget();
    constexpr int paints = 20;
    timer.restart();
    for (int i = 0; i < paints; ++i)
        map->repaint();
    const double paintMs = double(timer.nsecsElapsed()) / 1e6 / paints;

    // 10,000 remaps, each with its own Changed signal.
    fake.calls.clear();
    QList<qulonglong> burst;
    for (qulonglong i = 0; i < 10'000; ++i)
        burst << (blocks - 20'000 + i) * 8;
    timer.restart();
    fake.addRemaps(QStringLiteral("big"), burst);
    const qint64 emitMs = timer.elapsed();
    QTRY_COMPARE_WITH_TIMEOUT(client.pairStatus(pair).value(QStringLiteral("remapped")).toULongLong(),
                              remapCount + 10'000, 30000);
    const qint64 countsMs = timer.elapsed();
    QTRY_COMPARE_WITH_TIMEOUT(total(page.model()), uint(remapCount + 10'000), 30000);
    const qint64 mapMs = timer.elapsed();
    const int mapRequests = fake.calls.value(QStringLiteral("GetMap"));

    qInfo().noquote() << QStringLiteral(
        "map: %1 remaps over %2 cells (%3 x %4 px): first map %5 ms (helper counting + D-Bus), "
        "paint %6 ms per frame")
        .arg(remapCount).arg(page.model()->cellCount()).arg(map->width()).arg(map->height())
        .arg(fetchMs).arg(paintMs, 0, 'f', 2);
    qInfo().noquote() << QStringLiteral(
        "burst: 10000 Changed signals (sent in %1 ms): counts current after %2 ms, map redrawn after %3 ms, "
        "%4 GetMap and %5 GetStatus requests")
        .arg(emitMs).arg(countsMs).arg(mapMs).arg(mapRequests).arg(fake.calls.value(QStringLiteral("GetStatus")));
    // Coalesced: a burst costs a handful of requests, not thousands.
    QVERIFY2(mapRequests <= 20, qPrintable(QString::number(mapRequests)));
    QVERIFY2(fake.calls.value(QStringLiteral("GetStatus")) <= 20,
             qPrintable(QString::number(fake.calls.value(QStringLiteral("GetStatus")))));
}

QTEST_MAIN(BenchMap)
#include "bench_map.moc"
