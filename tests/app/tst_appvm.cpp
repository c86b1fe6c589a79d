// Runs inside the VM (tests/app/vm/app-vm.sh): the app's wizard, models and
// map against the real helper and the real dm-remap target. MAIN is a
// scsi_debug disk whose reads fail on demand, SPARE an emulated NVMe disk.
#include "devicemodel.h"
#include "helperclient.h"
#include "mappage.h"
#include "overviewpage.h"
#include "pairwizard.h"
#include "remapmapmodel.h"
#include "remapmapwidget.h"
#include "translations.h"

#include <QCheckBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProcess>
#include <QProgressBar>
#include <QTest>
#include <QTreeWidget>

class TestAppVm : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void createPairWithTheWizard();
    void badBlocksShowUp();
    void removeThePair();

private:
    static bool run(const QString &program, const QStringList &arguments);
    static void setScsiDebug(const char *parameter, const QByteArray &value);
    QString diskWithPath(const QString &device) const;

    QString m_main = qEnvironmentVariable("MAIN");
    QString m_spare = qEnvironmentVariable("SPARE");
    HelperClient *m_client = nullptr;
    DeviceModel *m_devices = nullptr;
    QString m_pair;
};

bool TestAppVm::run(const QString &program, const QStringList &arguments)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    p.start(program, arguments);
    return p.waitForFinished(60000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

void TestAppVm::setScsiDebug(const char *parameter, const QByteArray &value)
{
    QFile file(QStringLiteral("/sys/module/scsi_debug/parameters/") + QLatin1String(parameter));
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(value), value.size());
}

QString TestAppVm::diskWithPath(const QString &device) const
{
    for (const QString &disk : m_client->diskPaths())
        if (m_client->diskInfo(disk).value(QStringLiteral("path")).toString() == device)
            return disk;
    return {};
}

void TestAppVm::initTestCase()
{
    if (m_main.isEmpty() || m_spare.isEmpty())
        QSKIP("runs in the VM only (tests/app/vm/app-vm.sh sets MAIN and SPARE)");
    DmRemap::registerDBusTypes();
    Translations::install(QLocale());
    m_client = new HelperClient(QDBusConnection::systemBus());
    m_devices = new DeviceModel(m_client);
    QTRY_COMPARE_WITH_TIMEOUT(m_client->status(), HelperClient::Status::Ready, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(!diskWithPath(m_main).isEmpty() && !diskWithPath(m_spare).isEmpty(), 30000);
}

void TestAppVm::cleanupTestCase()
{
    delete m_devices;
    delete m_client;
}

static QListWidgetItem *itemFor(QListWidget *list, const QString &device)
{
    for (int i = 0; i < list->count(); ++i)
        if (list->item(i)->text().startsWith(device + QLatin1Char(' ')))
            return list->item(i);
    return nullptr;
}

void TestAppVm::createPairWithTheWizard()
{
    PairWizard wizard(m_client);
    wizard.show();
    QListWidgetItem *main = itemFor(wizard.mainList(), m_main);
    QVERIFY(main && (main->flags() & Qt::ItemIsEnabled));
    wizard.mainList()->setCurrentItem(main);
    wizard.next();
    QCOMPARE(wizard.currentId(), int(PairWizard::SparePage));
    QListWidgetItem *self = itemFor(wizard.spareList(), m_main);
    QVERIFY(self && !(self->flags() & Qt::ItemIsEnabled));
    QListWidgetItem *spare = itemFor(wizard.spareList(), m_spare);
    QVERIFY2(spare && (spare->flags() & Qt::ItemIsEnabled), spare ? qPrintable(spare->text()) : "no spare item");
    wizard.spareList()->setCurrentItem(spare);
    wizard.next();
    wizard.nameEdit()->setText(QStringLiteral("appsafe"));
    wizard.next();
    wizard.eraseConfirmation()->setChecked(true);
    wizard.next();
    QTRY_VERIFY_WITH_TIMEOUT(!wizard.isWorking(), 60000);
    QVERIFY2(wizard.isCreated(), qPrintable(wizard.resultLabel()->text()));
    m_pair = wizard.createdPair();

    // The tree shows the pair with its two disks, healthy, spare empty.
    QTRY_VERIFY_WITH_TIMEOUT(m_devices->indexOf(m_pair).isValid(), 30000);
    const QModelIndex pair = m_devices->indexOf(m_pair);
    QCOMPARE(pair.data().toString(), QStringLiteral("Pair “appsafe”"));
    QTRY_COMPARE_WITH_TIMEOUT(m_devices->rowCount(pair), 2, 30000);
    QCOMPARE(m_client->pairStatus(m_pair).value(QStringLiteral("state")).toString(), QStringLiteral("ok"));
    QVERIFY(m_client->pairStatus(m_pair).value(QStringLiteral("capacity")).toULongLong() > 1000);
    QTRY_COMPARE_WITH_TIMEOUT(m_client->diskInfo(diskWithPath(m_main)).value(QStringLiteral("role")).toString(),
                              QStringLiteral("main"), 30000);
}

void TestAppVm::badBlocksShowUp()
{
    QVERIFY(!m_pair.isEmpty());
    // Reads of sectors 20000..20015 fail: reading block 2500 makes it pending.
    setScsiDebug("medium_error_start", "20000");
    setScsiDebug("medium_error_count", "16");
    setScsiDebug("opts", "2");
    QVERIFY(!run(QStringLiteral("dd"), {QStringLiteral("if=/dev/mapper/appsafe"), QStringLiteral("of=/dev/null"),
                                        QStringLiteral("bs=4096"), QStringLiteral("skip=2500"), QStringLiteral("count=1"),
                                        QStringLiteral("iflag=direct")}));
    QTRY_COMPARE_WITH_TIMEOUT(m_client->pairStatus(m_pair).value(QStringLiteral("pending")).toULongLong(), 1ull, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(m_devices->pairHealth(m_pair).reason.contains(QStringLiteral("1 block could not be read")),
                             10000);
    QCOMPARE(m_devices->pairHealth(m_pair).level, Health::Level::Bad); // unreadable data
    qInfo().noquote() << "pair health:" << Health::name(m_devices->pairHealth(m_pair).level) << "-"
                      << m_devices->pairHealth(m_pair).reason;

    // Writing it moves it to the spare.
    QVERIFY(run(QStringLiteral("dd"), {QStringLiteral("if=/dev/urandom"), QStringLiteral("of=/dev/mapper/appsafe"),
                                       QStringLiteral("bs=4096"), QStringLiteral("seek=2500"), QStringLiteral("count=1"),
                                       QStringLiteral("oflag=direct"), QStringLiteral("conv=fsync")}));
    QTRY_COMPARE_WITH_TIMEOUT(m_client->pairStatus(m_pair).value(QStringLiteral("remapped")).toULongLong(), 1ull, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(m_devices->pairHealth(m_pair).reason.contains(QStringLiteral("1 bad block on the main disk")),
                             10000);
    setScsiDebug("opts", "0");

    // The map puts it in the right cell and lists it.
    MapPage map(m_client);
    map.resize(800, 600);
    map.show();
    map.setObject(m_pair);
    QTRY_VERIFY_WITH_TIMEOUT(map.model()->hasCounts(), 30000);
    const int cell = map.model()->cellOfSector(20000);
    QVERIFY(cell >= 0);
    QCOMPARE(map.model()->counts(uint(cell)).remaps, 1u);
    uint total = 0;
    for (uint c = 0; c < map.model()->cellCount(); ++c)
        total += map.model()->counts(c).remaps;
    QCOMPARE(total, 1u);
    Q_EMIT map.mapWidget()->cellActivated(cell);
    QTRY_COMPARE_WITH_TIMEOUT(map.remapList()->topLevelItemCount(), 1, 30000);
    QCOMPARE(map.remapList()->topLevelItem(0)->text(0), QLocale().toString(20000));
    // Deepest zoom: the block is one cell of its own.
    while (map.model()->canZoomIn())
        map.model()->zoomIn(uint(std::max(0, map.model()->cellOfSector(20000))));
    QTRY_VERIFY_WITH_TIMEOUT(map.model()->hasCounts(), 30000);
    QCOMPARE(map.model()->cellLength(uint(map.model()->cellOfSector(20000))), 8ull);
    QCOMPARE(map.model()->counts(uint(map.model()->cellOfSector(20000))).remaps, 1u);
}

void TestAppVm::removeThePair()
{
    QVERIFY(!m_pair.isEmpty());
    m_client->removePair(m_pair);
    QTRY_VERIFY_WITH_TIMEOUT(!m_devices->indexOf(m_pair).isValid(), 30000);
    QVERIFY(!run(QStringLiteral("dmsetup"), {QStringLiteral("info"), QStringLiteral("appsafe")}));
    QTRY_COMPARE_WITH_TIMEOUT(m_client->diskInfo(diskWithPath(m_main)).value(QStringLiteral("role")).toString(),
                              QStringLiteral("free"), 30000);
}

QTEST_MAIN(TestAppVm)
#include "tst_appvm.moc"
