// The app's classes against the installed, bus-activated helper inside the
// VM (tests/e2e/boot1.sh and boot2.sh run one test function at a time, by
// name). MAIN and SPARE are the disks' device paths; PAIR is the pair's
// name; REMAPS the number of bad blocks the pair must show; BAD_SECTOR the
// first of them.
#include "devicemodel.h"
#include "helperclient.h"
#include "mappage.h"
#include "pairwizard.h"
#include "remapmapmodel.h"
#include "translations.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QTest>

class TestEndToEnd : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void createPairWithTheWizard();
    void showsTheRemaps();
    void showsTheMissingSpare();
    void removeThePair();

private:
    QString diskWithPath(const QString &device) const;
    QString pairNamed(const QString &name) const;

    const QString m_main = qEnvironmentVariable("MAIN");
    const QString m_spare = qEnvironmentVariable("SPARE");
    const QString m_name = qEnvironmentVariable("PAIR");
    HelperClient *m_client = nullptr;
    DeviceModel *m_devices = nullptr;
};

QString TestEndToEnd::diskWithPath(const QString &device) const
{
    for (const QString &disk : m_client->diskPaths())
        if (m_client->diskInfo(disk).value(QStringLiteral("path")).toString() == device)
            return disk;
    return {};
}

QString TestEndToEnd::pairNamed(const QString &name) const
{
    for (const QString &pair : m_client->pairPaths())
        if (m_client->pairStatus(pair).value(QStringLiteral("name")).toString() == name)
            return pair;
    return {};
}

void TestEndToEnd::initTestCase()
{
    if (m_main.isEmpty() || m_spare.isEmpty() || m_name.isEmpty())
        QSKIP("runs in the VM only (tests/e2e/boot1.sh sets MAIN, SPARE and PAIR)");
    DmRemap::registerDBusTypes();
    Translations::install(QLocale());
    m_client = new HelperClient(QDBusConnection::systemBus());
    m_devices = new DeviceModel(m_client);
    QTRY_COMPARE_WITH_TIMEOUT(m_client->status(), HelperClient::Status::Ready, 60000);
    QTRY_VERIFY_WITH_TIMEOUT(!diskWithPath(m_main).isEmpty(), 30000);
}

void TestEndToEnd::cleanupTestCase()
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

// The user's path through the wizard: main disk, spare, name, the erase
// confirmation, then the result page.
void TestEndToEnd::createPairWithTheWizard()
{
    QTRY_VERIFY_WITH_TIMEOUT(!diskWithPath(m_spare).isEmpty(), 30000);
    PairWizard wizard(m_client);
    wizard.show();
    QListWidgetItem *main = itemFor(wizard.mainList(), m_main);
    QVERIFY2(main && (main->flags() & Qt::ItemIsEnabled), main ? qPrintable(main->text()) : "main disk not offered");
    wizard.mainList()->setCurrentItem(main);
    wizard.next();
    QCOMPARE(wizard.currentId(), int(PairWizard::SparePage));
    QListWidgetItem *spare = itemFor(wizard.spareList(), m_spare);
    QVERIFY2(spare && (spare->flags() & Qt::ItemIsEnabled), spare ? qPrintable(spare->text()) : "spare not offered");
    wizard.spareList()->setCurrentItem(spare);
    wizard.next();
    QCOMPARE(wizard.currentId(), int(PairWizard::OptionsPage));
    wizard.nameEdit()->setText(m_name);
    wizard.next();
    QCOMPARE(wizard.currentId(), int(PairWizard::SummaryPage));
    wizard.eraseConfirmation()->setChecked(true);
    wizard.next();
    QTRY_VERIFY_WITH_TIMEOUT(!wizard.isWorking(), 120000);
    QVERIFY2(wizard.isCreated(), qPrintable(wizard.resultLabel()->text()));
    qInfo().noquote() << "wizard result:" << wizard.resultLabel()->text();

    // The tree shows the pair with its two disks, healthy.
    const QString pair = wizard.createdPair();
    QTRY_VERIFY_WITH_TIMEOUT(m_devices->indexOf(pair).isValid(), 30000);
    const QModelIndex row = m_devices->indexOf(pair);
    QCOMPARE(row.data().toString(), QStringLiteral("Pair “%1”").arg(m_name));
    QTRY_COMPARE_WITH_TIMEOUT(m_devices->rowCount(row), 2, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(m_devices->pairHealth(pair).level, Health::Level::Good, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(m_client->diskInfo(diskWithPath(m_main)).value(QStringLiteral("role")).toString(),
                              QStringLiteral("main"), 30000);
    QTRY_COMPARE_WITH_TIMEOUT(m_client->diskInfo(diskWithPath(m_spare)).value(QStringLiteral("role")).toString(),
                              QStringLiteral("spare"), 30000);
}

// The health column says how many blocks moved; the map puts them where
// they are on the main disk.
void TestEndToEnd::showsTheRemaps()
{
    const qulonglong remaps = qEnvironmentVariableIntValue("REMAPS");
    const qulonglong badSector = qEnvironmentVariable("BAD_SECTOR").toULongLong();
    QVERIFY(remaps > 1);
    QTRY_VERIFY_WITH_TIMEOUT(!pairNamed(m_name).isEmpty(), 30000);
    const QString pair = pairNamed(m_name);
    const QString moved = QStringLiteral("%1 bad blocks on the main disk have been moved to the spare.").arg(remaps);
    QTRY_VERIFY_WITH_TIMEOUT(m_devices->pairHealth(pair).reason.contains(moved), 30000);
    QCOMPARE(m_devices->pairHealth(pair).level, Health::Level::Caution);
    const QModelIndex row = m_devices->indexOf(pair);
    QCOMPARE(row.siblingAtColumn(DeviceModel::HealthColumn).data(DeviceModel::HealthReasonRole).toString(),
             m_devices->pairHealth(pair).reason);
    qInfo().noquote() << "pair health:" << m_devices->pairHealth(pair).reason;

    MapPage map(m_client);
    map.resize(800, 600);
    map.show();
    map.setObject(pair);
    QTRY_VERIFY_WITH_TIMEOUT(map.model()->hasCounts(), 30000);
    uint total = 0;
    for (uint c = 0; c < map.model()->cellCount(); ++c)
        total += map.model()->counts(c).remaps;
    QCOMPARE(qulonglong(total), remaps);
    const int cell = map.model()->cellOfSector(badSector);
    QVERIFY(cell >= 0);
    QVERIFY(map.model()->counts(uint(cell)).remaps > 0);
}

// The spare was unplugged: the pair stays listed, marked bad, with the
// reason in words.
void TestEndToEnd::showsTheMissingSpare()
{
    QTRY_VERIFY_WITH_TIMEOUT(!pairNamed(m_name).isEmpty(), 30000);
    const QString pair = pairNamed(m_name);
    QTRY_COMPARE_WITH_TIMEOUT(m_devices->pairHealth(pair).level, Health::Level::Bad, 30000);
    QVERIFY2(m_devices->pairHealth(pair).reason.contains(QStringLiteral("One of the two disks is missing.")),
             qPrintable(m_devices->pairHealth(pair).reason));
    QVERIFY(m_devices->indexOf(pair).isValid());
    QCOMPARE(m_client->pairStatus(pair).value(QStringLiteral("spare-present")).toBool(), false);
    QCOMPARE(m_client->pairStatus(pair).value(QStringLiteral("main-present")).toBool(), true);
    QVERIFY(diskWithPath(m_spare).isEmpty());
    QCOMPARE(m_devices->worstLevel(), Health::Level::Bad);
    qInfo().noquote() << "pair health:" << m_devices->pairHealth(pair).reason;
}

void TestEndToEnd::removeThePair()
{
    QTRY_VERIFY_WITH_TIMEOUT(!pairNamed(m_name).isEmpty(), 30000);
    const QString pair = pairNamed(m_name);
    m_client->removePair(pair);
    QTRY_VERIFY_WITH_TIMEOUT(!m_devices->indexOf(pair).isValid(), 60000);
    QTRY_COMPARE_WITH_TIMEOUT(m_client->diskInfo(diskWithPath(m_main)).value(QStringLiteral("role")).toString(),
                              QStringLiteral("free"), 30000);
    if (!diskWithPath(m_spare).isEmpty())
        QTRY_COMPARE_WITH_TIMEOUT(m_client->diskInfo(diskWithPath(m_spare)).value(QStringLiteral("role")).toString(),
                                  QStringLiteral("free"), 30000);
}

QTEST_MAIN(TestEndToEnd)
#include "tst_e2e.moc"
