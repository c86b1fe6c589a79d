#include "smartpage.h"

#include "health.h"
#include "helperclient.h"
#include "smartmodels.h"

#include <QComboBox>
#include <QDBusObjectPath>
#include <QDateTime>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

SmartPage::SmartPage(HelperClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_attributes(new SmartAttributeModel(this))
    , m_selfTests(new SelfTestModel(this))
    , m_sorted(new QSortFilterProxyModel(this))
    , m_summary(new QLabel(this))
    , m_refresh(new QPushButton(QIcon(QStringLiteral(":/icons/refresh.svg")), tr("Read &again"), this))
    , m_wake(new QPushButton(tr("&Wake and read"), this))
    , m_deviceTypeLabel(new QLabel(tr("&USB adapter:"), this))
    , m_deviceType(new QComboBox(this))
    , m_shortTest(new QPushButton(tr("Run short &test"), this))
    , m_extendedTest(new QPushButton(tr("Run &extended test"), this))
    , m_abortTest(new QPushButton(tr("Sto&p test"), this))
    , m_testProgress(new QProgressBar(this))
    , m_attributeView(new QTableView(this))
    , m_nvme(new QGroupBox(tr("NVMe health"), this))
    , m_nvmeFields(new QLabel(m_nvme))
    , m_testView(new QTableView(this))
    , m_attributeBox(new QGroupBox(tr("Attributes"), this))
{
    m_summary->setWordWrap(true);
    m_summary->setAccessibleName(tr("SMART summary"));
    m_refresh->setToolTip(tr("Ask the disk for its SMART data now; a sleeping disk is left asleep"));
    m_wake->setToolTip(tr("Wake the disk up and read its SMART data; it spins up and stays awake for a while"));
    m_deviceTypeLabel->setBuddy(m_deviceType);
    m_deviceType->setToolTip(tr("The adapter between the disk and USB. Choose another one if the disk's health "
                                "cannot be read; the data is read again at once."));
    for (const QString &type : Health::usbDeviceTypes())
        m_deviceType->addItem(Health::deviceTypeText(type), type);
    m_deviceType->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_shortTest->setToolTip(tr("A quick check of the disk's electronics and a sample of its surface (about 2 minutes)"));
    m_extendedTest->setToolTip(tr("Reads the whole surface; can take hours. The disk stays usable meanwhile."));
    m_testProgress->setAccessibleName(tr("Self-test progress"));
    m_testProgress->setRange(0, 100);
    m_testProgress->setFormat(tr("Self-test running: %p%"));

    m_sorted->setSourceModel(m_attributes);
    m_sorted->setSortRole(SmartAttributeModel::SortRole);
    m_attributeView->setModel(m_sorted);
    m_attributeView->setSortingEnabled(true);
    m_attributeView->sortByColumn(SmartAttributeModel::Id, Qt::AscendingOrder);
    m_attributeView->verticalHeader()->hide();
    m_attributeView->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_attributeView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    // Raw values can be long ("31 (Min/Max 22/45)"): elided, whole in the tooltip.
    m_attributeView->horizontalHeader()->setSectionResizeMode(SmartAttributeModel::Raw, QHeaderView::Interactive);
    const int em = fontMetrics().horizontalAdvance(QLatin1Char('M'));
    const QString rawTitle = m_attributes->headerData(SmartAttributeModel::Raw, Qt::Horizontal, Qt::DisplayRole).toString();
    m_attributeView->horizontalHeader()->resizeSection(SmartAttributeModel::Raw,
                                                       qMax(7 * em, fontMetrics().horizontalAdvance(rawTitle) + 2 * em));
    // So are long names ("Hardware_ECC_Recovered"): with a large font the
    // status and the meaning stay in view.
    m_attributeView->horizontalHeader()->setSectionResizeMode(SmartAttributeModel::Name, QHeaderView::Interactive);
    m_attributeView->horizontalHeader()->resizeSection(SmartAttributeModel::Name, 7 * em);
    // The status and what it means next to the name, where a narrow window
    // or a large font still shows them; the meaning is elided (its tooltip
    // holds it) and the raw value, last, takes the rest of the width.
    QHeaderView *header = m_attributeView->horizontalHeader();
    header->moveSection(header->visualIndex(SmartAttributeModel::Status), header->visualIndex(SmartAttributeModel::Name) + 1);
    header->moveSection(header->visualIndex(SmartAttributeModel::Meaning), header->visualIndex(SmartAttributeModel::Status) + 1);
    header->moveSection(header->visualIndex(SmartAttributeModel::Raw), SmartAttributeModel::ColumnCount - 1);
    const QString meaningTitle = m_attributes->headerData(SmartAttributeModel::Meaning, Qt::Horizontal, Qt::DisplayRole).toString();
    header->setSectionResizeMode(SmartAttributeModel::Meaning, QHeaderView::Interactive);
    header->resizeSection(SmartAttributeModel::Meaning, qMax(24 * em, fontMetrics().horizontalAdvance(meaningTitle) + 2 * em));
    header->setStretchLastSection(true);
    m_attributeView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_attributeView->setAlternatingRowColors(true);
    m_attributeView->setAccessibleName(tr("SMART attributes"));
    m_attributeView->setWordWrap(false);

    m_testView->setModel(m_selfTests);
    m_testView->verticalHeader()->hide();
    m_testView->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_testView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    // Every column as wide as its title and cells (scrolled when narrow).
    m_testView->horizontalHeader()->setStretchLastSection(false);
    m_testView->setWordWrap(false);
    m_testView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_testView->setAccessibleName(tr("Self-test log"));
    m_testView->setMaximumHeight(140);

    m_nvmeFields->setTextInteractionFlags(Qt::TextSelectableByMouse);
    (new QVBoxLayout(m_nvme))->addWidget(m_nvmeFields);
    (new QVBoxLayout(m_attributeBox))->addWidget(m_attributeView);

    auto *top = new QHBoxLayout;
    top->addWidget(m_summary, 1);
    auto *readButtons = new QVBoxLayout;
    readButtons->addWidget(m_refresh);
    readButtons->addWidget(m_wake);
    top->addLayout(readButtons);
    top->setAlignment(readButtons, Qt::AlignTop);
    auto *bridge = new QHBoxLayout;
    bridge->addWidget(m_deviceTypeLabel);
    bridge->addWidget(m_deviceType);
    bridge->addStretch();
    auto *tests = new QGroupBox(tr("Self-tests"), this);
    auto *testButtons = new QHBoxLayout;
    testButtons->addWidget(m_shortTest);
    testButtons->addWidget(m_extendedTest);
    testButtons->addWidget(m_abortTest);
    testButtons->addWidget(m_testProgress, 1);
    auto *testLayout = new QVBoxLayout(tests);
    testLayout->addLayout(testButtons);
    testLayout->addWidget(m_testView);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(bridge);
    layout->addWidget(m_attributeBox, 1);
    layout->addWidget(m_nvme);
    layout->addWidget(tests);
    // An NVMe disk has no attribute table: its spare height goes below.
    layout->addStretch();

    connect(m_refresh, &QPushButton::clicked, this, [this] { m_client->refreshSmart(m_disk); });
    connect(m_wake, &QPushButton::clicked, this, [this] { m_client->wakeSmart(m_disk); });
    connect(m_deviceType, &QComboBox::activated, this, [this](int index) {
        m_client->setDeviceType(m_disk, m_deviceType->itemData(index).toString());
    });
    connect(m_shortTest, &QPushButton::clicked, this,
            [this] { m_client->startSelfTest(m_disk, QStringLiteral("short")); });
    connect(m_extendedTest, &QPushButton::clicked, this,
            [this] { m_client->startSelfTest(m_disk, QStringLiteral("extended")); });
    connect(m_abortTest, &QPushButton::clicked, this, [this] { m_client->abortSelfTest(m_disk); });
    connect(client, &HelperClient::smartUpdated, this, [this](const QString &disk) {
        if (disk != m_disk)
            return;
        refresh();
        fetchDetails();
    });
    connect(client, &HelperClient::structureChanged, this, [this] {
        if (!m_client->hasDisk(m_disk))
            setObject(QString());
    });
    connect(client, &HelperClient::attributesReady, this,
            [this](const QString &disk, const DmRemap::SmartAttributeList &list) {
                if (disk == m_disk)
                    m_attributes->setAttributes(list);
            });
    connect(client, &HelperClient::selfTestsReady, this,
            [this](const QString &disk, const DmRemap::SelfTestList &list) {
                if (disk == m_disk)
                    m_selfTests->setTests(list);
            });
    refresh();
}

void SmartPage::setObject(const QString &path)
{
    QString disk = path;
    if (m_client->hasPair(path))
        disk = m_client->pairStatus(path).value(QStringLiteral("main")).value<QDBusObjectPath>().path();
    if (disk == m_disk)
        return;
    m_disk = disk;
    m_attributes->setAttributes({});
    m_selfTests->setTests({});
    refresh();
    fetchDetails();
}

void SmartPage::fetchDetails()
{
    if (!m_client->hasDisk(m_disk))
        return;
    m_client->fetchAttributes(m_disk);
    m_client->fetchSelfTests(m_disk);
}

void SmartPage::refresh()
{
    const QVariantMap info = m_client->diskInfo(m_disk);
    const QVariantMap smart = m_client->smart(m_disk);
    const bool known = m_client->hasDisk(m_disk);
    const bool available = smart.value(QStringLiteral("available")).toBool();
    for (QWidget *w : {static_cast<QWidget *>(m_shortTest), static_cast<QWidget *>(m_extendedTest),
                       static_cast<QWidget *>(m_refresh)})
        w->setEnabled(known);
    const bool asleep = Health::isAsleep(smart);
    // A helper that answers "asleep" can wake the disk (Wake).
    m_wake->setVisible(known && smart.value(QStringLiteral("asleep")).toBool());
    const QString deviceType = smart.value(QStringLiteral("device-type")).toString();
    const bool showBridge = known && Health::offersDeviceType(info, smart);
    m_deviceTypeLabel->setVisible(showBridge);
    m_deviceType->setVisible(showBridge);
    if (showBridge) {
        int index = m_deviceType->findData(deviceType);
        if (index < 0) { // a type set another way (dm-remapctl): shown as it is
            m_deviceType->addItem(Health::deviceTypeText(deviceType), deviceType);
            index = m_deviceType->count() - 1;
        }
        m_deviceType->setCurrentIndex(index);
    }
    if (!known) {
        m_summary->setText(tr("Choose a disk to see its SMART data."));
        m_nvme->hide();
        m_abortTest->setEnabled(false);
        m_testProgress->hide();
        return;
    }
    const QString model = info.value(QStringLiteral("model")).toString();
    const QString name = model.isEmpty() ? info.value(QStringLiteral("path")).toString()
                                         : QStringLiteral("%1 (%2)").arg(info.value(QStringLiteral("path")).toString(), model);
    if (!available && asleep) {
        m_summary->setText(tr("%1 is asleep, so its SMART data was not read: reading it would wake the disk. Choose "
                              "Wake and read to read it now.").arg(name));
    } else if (!available) {
        m_summary->setText(smart.isEmpty() ? tr("Reading SMART data of %1…").arg(name)
                                           : tr("%1 gives no SMART data. %2").arg(name, Health::ofDisk(info, smart).facts));
    } else {
        QString text = tr("<b>%1</b>: the disk's own verdict is <b>%2</b>.")
                           .arg(name.toHtmlEscaped(),
                                Health::verdictText(smart.value(QStringLiteral("verdict")).toString()));
        const DmRemap::ReasonList reasons = DmRemap::reasonsFrom(smart.value(QStringLiteral("verdict-reasons")));
        for (const QString &sentence : Health::smartReasonSentences(reasons))
            text += QLatin1Char(' ') + sentence.toHtmlEscaped();
        const qint64 updated = smart.value(QStringLiteral("updated")).toLongLong();
        if (asleep)
            text += QStringLiteral("<br>") + tr("The disk is asleep now; this is what it reported when it was last awake.").toHtmlEscaped();
        else if (updated > 0)
            text += QStringLiteral("<br>") + tr("Read at %1.").arg(
                        QLocale().toString(QDateTime::fromSecsSinceEpoch(updated), QLocale::ShortFormat));
        m_summary->setText(text);
    }
    const bool running = smart.value(QStringLiteral("self-test-running")).toBool();
    m_shortTest->setEnabled(available && !running);
    m_extendedTest->setEnabled(available && !running);
    m_abortTest->setEnabled(available && running);
    m_testProgress->setVisible(running);
    m_testProgress->setValue(100 - smart.value(QStringLiteral("self-test-remaining-percent")).toInt());

    const bool nvme = smart.contains(QStringLiteral("nvme-critical-warning"));
    m_nvme->setVisible(nvme);
    m_attributeBox->setVisible(!nvme);
    if (nvme) {
        const QLocale locale;
        const uint warning = smart.value(QStringLiteral("nvme-critical-warning")).toUInt();
        m_nvmeFields->setText(
            tr("Critical warning: %1\nMedia errors: %2\nLife used: %3%\nSpare area left: %4% (warning below %5%)")
                .arg(warning ? tr("yes (code 0x%1)").arg(warning, 2, 16, QLatin1Char('0')) : tr("none"),
                     locale.toString(smart.value(QStringLiteral("nvme-media-errors")).toULongLong()),
                     QString::number(smart.value(QStringLiteral("nvme-percentage-used")).toUInt()),
                     QString::number(smart.value(QStringLiteral("nvme-available-spare")).toUInt()),
                     QString::number(smart.value(QStringLiteral("nvme-available-spare-threshold")).toUInt())));
    }
}
