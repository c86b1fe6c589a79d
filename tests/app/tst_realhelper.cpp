// The app against the real dm-remap-helper: a private system bus (real
// dbus-daemon with the project's bus policy), a real polkitd that sees only
// the project's actions (mount namespace, as in tests/helper), and the
// helper enumerating this machine's disks through udev. Needs root (polkitd,
// the helper). Creating pairs needs the kernel target: that is the VM's job
// (tests/helper/vm); here the helper refuses bad requests before any I/O.
#include "devicemodel.h"
#include "helperclient.h"
#include "pairwizard.h"
#include "translations.h"

#include <QDBusConnectionInterface>
#include <QDir>
#include <QFile>
#include <QListWidget>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

class TestRealHelper : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void showsThisMachinesDisks();
    void wizardExplainsTheDiskInUse();
    void helperRefusalsInWords();
    void followsHelperRestart();

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }
    bool waitForName(const QString &name);
    bool startHelper();
    void stopHelper();
    QStringList wholeDisks() const;

    QTemporaryDir m_dir;
    QProcess m_bus, m_polkit, m_helper;
    QString m_address;
    HelperClient *m_client = nullptr;
    DeviceModel *m_devices = nullptr;
};

bool TestRealHelper::waitForName(const QString &name)
{
    QDBusConnection probe = QDBusConnection::connectToBus(m_address, QStringLiteral("probe"));
    return QTest::qWaitFor([&] { return probe.interface()->isServiceRegistered(name).value(); }, 15000);
}

bool TestRealHelper::startHelper()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DBUS_SYSTEM_BUS_ADDRESS"), m_address);
    m_helper.setProcessEnvironment(env);
    m_helper.setProcessChannelMode(QProcess::ForwardedChannels);
    // Never this machine's node_exporter directory or event hook.
    m_helper.start(QStringLiteral(HELPER_BIN), {QStringLiteral("--state-dir"), path(QStringLiteral("state")), QStringLiteral("--metrics-dir"),
                                               QString(), QStringLiteral("--event-hook"), QString()});
    return waitForName(QStringLiteral("org.dmremap.Manager1"));
}

void TestRealHelper::stopHelper()
{
    if (m_helper.state() == QProcess::NotRunning)
        return;
    m_helper.terminate();
    if (!m_helper.waitForFinished(5000))
        m_helper.kill();
    m_helper.waitForFinished();
}

void TestRealHelper::initTestCase()
{
    if (geteuid() != 0)
        QSKIP("needs root: runs polkitd in a mount namespace and the helper");
    DmRemap::registerDBusTypes();
    Translations::install(QLocale());
    // polkitd drops to its own user and must reach the bus socket in here.
    QVERIFY(QFile::setPermissions(m_dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                                                        | QFileDevice::ReadOther | QFileDevice::ExeOther
                                                        | QFileDevice::ReadGroup | QFileDevice::ExeGroup));
    QVERIFY(QDir().mkpath(path(QStringLiteral("rules"))));
    QVERIFY(QDir().mkpath(path(QStringLiteral("actions"))));
    QVERIFY(QFile::copy(QStringLiteral(POLICY_FILE), path(QStringLiteral("actions/org.dmremap.Manager1.policy"))));
    QFile templ(QStringLiteral(BUS_CONF_TEMPLATE));
    QVERIFY(templ.open(QIODevice::ReadOnly));
    QByteArray conf = templ.readAll();
    conf.replace("@SOCKET@", QFile::encodeName(path(QStringLiteral("bus"))));
    conf.replace("@DMREMAP_CONF@", BUS_POLICY_FILE);
    QFile out(path(QStringLiteral("bus.conf")));
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(conf);
    out.close();

    m_bus.start(QStringLiteral("dbus-daemon"), {QStringLiteral("--nofork"), QStringLiteral("--print-address"),
                                                QStringLiteral("--config-file=") + path(QStringLiteral("bus.conf"))});
    QVERIFY(m_bus.waitForReadyRead(10000));
    m_address = QString::fromUtf8(m_bus.readLine()).trimmed();

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DBUS_SYSTEM_BUS_ADDRESS"), m_address);
    m_polkit.setProcessEnvironment(env);
    m_polkit.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_polkit.start(QStringLiteral("unshare"),
                   {QStringLiteral("--mount"), QStringLiteral("--propagation"), QStringLiteral("private"), QStringLiteral("--"),
                    QStringLiteral("sh"), QStringLiteral("-c"),
                    QStringLiteral("mount --bind \"$1\" /etc/polkit-1/rules.d && mount --bind \"$2\" /usr/share/polkit-1/actions "
                                   "&& exec /usr/lib/polkit-1/polkitd --no-debug"),
                    QStringLiteral("sh"), path(QStringLiteral("rules")), path(QStringLiteral("actions"))});
    QVERIFY2(waitForName(QStringLiteral("org.freedesktop.PolicyKit1")), "polkitd did not start");
    QVERIFY2(startHelper(), "dm-remap-helper did not take its name");

    m_client = new HelperClient(QDBusConnection::connectToBus(m_address, QStringLiteral("app")));
    m_devices = new DeviceModel(m_client);
    QTRY_COMPARE_WITH_TIMEOUT(m_client->status(), HelperClient::Status::Ready, 15000);
}

void TestRealHelper::cleanupTestCase()
{
    delete m_devices;
    delete m_client;
    stopHelper();
    for (QProcess *p : {&m_polkit, &m_bus}) {
        if (p->state() != QProcess::NotRunning) {
            p->terminate();
            if (!p->waitForFinished(5000))
                p->kill();
            p->waitForFinished();
        }
    }
}

// Whole disks with a size, from sysfs: what the helper should list.
QStringList TestRealHelper::wholeDisks() const
{
    QStringList disks;
    for (const QString &name : QDir(QStringLiteral("/sys/block")).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        if (name.startsWith(QLatin1String("loop")) || name.startsWith(QLatin1String("ram"))
            || name.startsWith(QLatin1String("zram")) || name.startsWith(QLatin1String("dm-")))
            continue;
        QFile size(QStringLiteral("/sys/block/%1/size").arg(name));
        if (size.open(QIODevice::ReadOnly) && size.readAll().trimmed().toULongLong() > 0)
            disks << QStringLiteral("/dev/") + name;
    }
    return disks;
}

void TestRealHelper::showsThisMachinesDisks()
{
    const QStringList expected = wholeDisks();
    QVERIFY2(!expected.isEmpty(), "no whole disk on this machine");
    QStringList shown;
    for (int r = 0; r < m_devices->rowCount(); ++r) {
        const QModelIndex index = m_devices->index(r, 0);
        shown << m_client->diskInfo(index.data(DeviceModel::PathRole).toString()).value(QStringLiteral("path")).toString();
        // Every row has a name and a health in words.
        QVERIFY(!index.data().toString().isEmpty());
        QVERIFY(!index.siblingAtColumn(DeviceModel::HealthColumn).data().toString().isEmpty());
    }
    for (const QString &disk : expected)
        QVERIFY2(shown.contains(disk), qPrintable(disk + QStringLiteral(" missing from ") + shown.join(QLatin1Char(' '))));

    // SMART is read for each disk (smartctl or its absence, in words).
    const QString first = m_devices->index(0, 0).data(DeviceModel::PathRole).toString();
    // Until the first read the helper says so ("not-read-yet"), in words the
    // app's English shares: wait for the read itself.
    const auto read = [this, &first] {
        const QVariantMap smart = m_client->smart(first);
        const DmRemap::ReasonList reasons = DmRemap::reasonsFrom(smart.value(QStringLiteral("unavailable-reasons")));
        return !smart.isEmpty()
            && (reasons.isEmpty() || reasons.first().value(QStringLiteral("code")).toString() != QLatin1String("not-read-yet"));
    };
    QTRY_VERIFY_WITH_TIMEOUT(read(), 60000);
    const Health::Verdict health = m_devices->diskHealth(first);
    QVERIFY(!health.reason.isEmpty());
    const QVariantMap smart = m_client->smart(first);
    if (!smart.value(QStringLiteral("available")).toBool()) {
        QCOMPARE(health.level, Health::Level::Unknown);
        // Worded by the app from the helper's code, not its English text.
        QVERIFY(!DmRemap::reasonsFrom(smart.value(QStringLiteral("unavailable-reasons"))).isEmpty());
        QVERIFY2(!health.reason.contains(smart.value(QStringLiteral("unavailable-reason")).toString()), qPrintable(health.reason));
    }
    qInfo().noquote() << "disks:" << shown.join(QLatin1Char(' ')) << "| first:" << Health::name(health.level) << "-"
                      << health.reason;
}

void TestRealHelper::wizardExplainsTheDiskInUse()
{
    // The disk holding / is in use: offered to nobody, with the reason.
    QString rootDisk;
    for (const QString &disk : m_client->diskPaths())
        if (m_client->diskInfo(disk).value(QStringLiteral("in-use")).toBool())
            rootDisk = disk;
    if (rootDisk.isEmpty())
        QSKIP("no disk in use on this machine");
    PairWizard wizard(m_client);
    wizard.show();
    const QString device = m_client->diskInfo(rootDisk).value(QStringLiteral("path")).toString();
    bool found = false;
    for (int i = 0; i < wizard.mainList()->count(); ++i) {
        QListWidgetItem *item = wizard.mainList()->item(i);
        if (!item->text().startsWith(device + QLatin1Char(' ')))
            continue;
        found = true;
        QVERIFY(!(item->flags() & Qt::ItemIsEnabled));
        QVERIFY2(item->text().contains(QStringLiteral("In use: ")), qPrintable(item->text()));
        // The reason as the helper's codes, worded by the app.
        QVERIFY(!DmRemap::reasonsFrom(m_client->diskInfo(rootDisk).value(QStringLiteral("in-use-reasons"))).isEmpty());
        QVERIFY2(item->text().contains(Health::inUseText(m_client->diskInfo(rootDisk))), qPrintable(item->text()));
    }
    QVERIFY(found);
}

void TestRealHelper::helperRefusalsInWords()
{
    // Requests the helper refuses before touching a disk, told in words.
    const QString disk = m_client->diskPaths().first();
    QSignalSpy failed(m_client, &HelperClient::pairCreationFailed);
    m_client->createPair(QStringLiteral("same"), disk, disk, 8);
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 30000);
    qInfo().noquote() << "same disk twice:" << failed.last().first().toString();
    QVERIFY2(failed.last().first().toString().contains(QStringLiteral("two different disks"))
                 || failed.last().first().toString().contains(QStringLiteral("in use")),
             qPrintable(failed.last().first().toString()));
    m_client->createPair(QStringLiteral("../bad name"), disk, disk, 8);
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 2, 30000);
    qInfo().noquote() << "bad name:" << failed.last().first().toString();
    QVERIFY(failed.last().first().toString().contains(QStringLiteral("did not accept")));
    QVERIFY(m_client->pairPaths().isEmpty());
}

void TestRealHelper::followsHelperRestart()
{
    const int disks = m_client->diskPaths().size();
    stopHelper();
    QTRY_COMPARE_WITH_TIMEOUT(m_client->status(), HelperClient::Status::Unavailable, 15000);
    QVERIFY2(m_client->statusText().contains(QStringLiteral("(dm-remap-helper) stopped")),
             qPrintable(m_client->statusText()));
    QCOMPARE(m_devices->rowCount(), 0);
    QVERIFY(startHelper());
    QTRY_COMPARE_WITH_TIMEOUT(m_client->status(), HelperClient::Status::Ready, 15000);
    QCOMPARE(m_client->diskPaths().size(), disks);
}

QTEST_MAIN(TestRealHelper)
#include "tst_realhelper.moc"
