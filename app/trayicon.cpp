#include "trayicon.h"

#include "devicemodel.h"
#include "helperclient.h"

#include <QLocale>
#include <QMenu>

#include <utility>

TrayIcon::TrayIcon(HelperClient *client, DeviceModel *devices, QObject *parent)
    : QSystemTrayIcon(parent)
    , m_client(client)
    , m_devices(devices)
    , m_menu(new QMenu)
{
    setContextMenu(m_menu);
    connect(devices, &DeviceModel::worstLevelChanged, this, &TrayIcon::updateIcon);
    connect(devices, &QAbstractItemModel::dataChanged, this, &TrayIcon::updateIcon);
    connect(devices, &QAbstractItemModel::modelReset, this, &TrayIcon::rebuildMenu);
    connect(devices, &QAbstractItemModel::dataChanged, this, &TrayIcon::rebuildMenu);
    connect(client, &HelperClient::statusChanged, this, &TrayIcon::updateIcon);
    connect(this, &QSystemTrayIcon::activated, this, [this](ActivationReason reason) {
        if (reason == Trigger || reason == DoubleClick)
            Q_EMIT openRequested(QString());
    });
    updateIcon();
    rebuildMenu();
}

TrayIcon::~TrayIcon()
{
    delete m_menu;
}

QString TrayIcon::iconFor(Health::Level level)
{
    switch (level) {
    case Health::Level::Good: return QStringLiteral(":/icons/tray-good.svg");
    case Health::Level::Caution: return QStringLiteral(":/icons/tray-caution.svg");
    case Health::Level::Bad: return QStringLiteral(":/icons/tray-bad.svg");
    case Health::Level::Unknown: break;
    }
    return QStringLiteral(":/icons/tray-unknown.svg");
}

void TrayIcon::updateIcon()
{
    const Health::Level level = m_client->status() == HelperClient::Status::Ready ? m_devices->worstLevel()
                                                                                   : Health::Level::Unknown;
    setIcon(QIcon(iconFor(level)));
    if (m_client->status() != HelperClient::Status::Ready) {
        setToolTip(m_client->statusText());
        return;
    }
    // Name the devices in trouble, not only the level.
    const QStringList trouble = troubled();
    setToolTip(trouble.isEmpty() ? tr("Disk health: %1").arg(Health::name(level))
                                 : tr("Disk health: %1 (%2)").arg(Health::name(level), QLocale().createSeparatedList(trouble)));
}

QStringList TrayIcon::troubled() const
{
    QStringList names;
    for (int row = 0; row < m_devices->rowCount(); ++row) {
        const QModelIndex index = m_devices->index(row, 0);
        const auto level = Health::Level(index.data(DeviceModel::HealthLevelRole).toInt());
        if (level == Health::Level::Caution || level == Health::Level::Bad)
            names << index.data().toString();
    }
    return names;
}

void TrayIcon::rebuildMenu()
{
    m_menu->clear();
    m_menu->addAction(QIcon(QStringLiteral(":/icons/dm-remap-manager.svg")), tr("&Open Disk Remap Manager"),
                      this, [this] { Q_EMIT openRequested(QString()); });
    const QStringList pairs = m_client->pairPaths();
    if (!pairs.isEmpty())
        m_menu->addSection(tr("Pairs"));
    for (const QString &pair : pairs) {
        const Health::Verdict health = m_devices->pairHealth(pair);
        const QString name = m_client->pairStatus(pair).value(QStringLiteral("name")).toString();
        m_menu->addAction(QIcon(Health::iconName(health.level)),
                          tr("%1 — %2").arg(name, Health::name(health.level)),
                          this, [this, pair] { Q_EMIT openRequested(pair); });
    }
    // Unpaired disks in trouble too: a failing disk needs a spare most.
    bool sectionAdded = false;
    for (int row = 0; row < m_devices->rowCount(); ++row) {
        const QModelIndex index = m_devices->index(row, 0);
        const auto level = Health::Level(index.data(DeviceModel::HealthLevelRole).toInt());
        if (index.data(DeviceModel::IsPairRole).toBool() || (level != Health::Level::Caution && level != Health::Level::Bad))
            continue;
        if (!std::exchange(sectionAdded, true))
            m_menu->addSection(tr("Disks needing attention"));
        const QString path = index.data(DeviceModel::PathRole).toString();
        m_menu->addAction(QIcon(Health::iconName(level)), tr("%1 — %2").arg(index.data().toString(), Health::name(level)),
                          this, [this, path] { Q_EMIT openRequested(path); });
    }
    m_menu->addSeparator();
    m_menu->addAction(tr("&Quit"), this, &TrayIcon::quitRequested);
}
