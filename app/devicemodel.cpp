#include "devicemodel.h"

#include "helperclient.h"

#include <QCollator>
#include <QDBusObjectPath>
#include <QIcon>

namespace {
// internalId 0 marks a top-level row; a child stores its parent's row + 1.
constexpr quintptr topLevel = 0;

QString diskIcon(const QString &kind)
{
    if (kind == QLatin1String("nvme"))
        return QStringLiteral(":/icons/disk-nvme.svg");
    if (kind == QLatin1String("ssd"))
        return QStringLiteral(":/icons/disk-ssd.svg");
    return QStringLiteral(":/icons/disk-hdd.svg");
}
} // namespace

DeviceModel::DeviceModel(HelperClient *client, QObject *parent)
    : QAbstractItemModel(parent)
    , m_client(client)
{
    connect(client, &HelperClient::structureChanged, this, &DeviceModel::rebuild);
    connect(client, &HelperClient::diskUpdated, this, &DeviceModel::objectChanged);
    connect(client, &HelperClient::smartUpdated, this, &DeviceModel::objectChanged);
    connect(client, &HelperClient::pairUpdated, this, &DeviceModel::objectChanged);
    rebuild();
}

void DeviceModel::rebuild()
{
    beginResetModel();
    m_rows.clear();
    QStringList paired;
    for (const QString &pair : m_client->pairPaths()) {
        const QVariantMap status = m_client->pairStatus(pair);
        Row row{pair, true, {}};
        for (const char *key : {"main", "spare"}) {
            const QString disk = status.value(QLatin1String(key)).value<QDBusObjectPath>().path();
            row.children << disk;
            paired << disk;
        }
        m_rows << row;
    }
    for (const QString &disk : m_client->diskPaths()) {
        if (!paired.contains(disk))
            m_rows << Row{disk, false, {}};
    }
    // Pairs first, each group by name as people read them (sdb before sdaa,
    // nvme0n1 before nvme1n1).
    QCollator collator;
    collator.setNumericMode(true);
    auto sortName = [this](const Row &row) {
        return row.isPair ? m_client->pairStatus(row.path).value(QStringLiteral("name")).toString()
                          : m_client->diskInfo(row.path).value(QStringLiteral("path")).toString();
    };
    std::stable_sort(m_rows.begin(), m_rows.end(), [&](const Row &a, const Row &b) {
        if (a.isPair != b.isPair)
            return a.isPair;
        const QString na = sortName(a), nb = sortName(b);
        if (na.size() != nb.size() && na.startsWith(QLatin1String("/dev/sd")) && nb.startsWith(QLatin1String("/dev/sd")))
            return na.size() < nb.size();
        return collator.compare(na, nb) < 0;
    });
    endResetModel();
    updateWorst();
}

void DeviceModel::objectChanged(const QString &path)
{
    for (int r = 0; r < m_rows.size(); ++r) {
        const Row &row = m_rows.at(r);
        const int child = row.children.indexOf(path);
        if (row.path == path || child >= 0) {
            // A disk's health is part of its pair's health.
            Q_EMIT dataChanged(index(r, 0), index(r, ColumnCount - 1));
            const QModelIndex parentIndex = index(r, 0);
            if (child >= 0)
                Q_EMIT dataChanged(index(child, 0, parentIndex), index(child, ColumnCount - 1, parentIndex));
            // ... and the pair's counts are part of its main disk's health.
            else if (!row.children.isEmpty())
                Q_EMIT dataChanged(index(0, 0, parentIndex), index(int(row.children.size()) - 1, ColumnCount - 1, parentIndex));
        }
    }
    updateWorst();
}

QModelIndex DeviceModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    if (!parent.isValid())
        return row < m_rows.size() ? createIndex(row, column, topLevel) : QModelIndex();
    if (parent.internalId() != topLevel || parent.row() >= m_rows.size())
        return {};
    if (row >= m_rows.at(parent.row()).children.size())
        return {};
    return createIndex(row, column, quintptr(parent.row()) + 1);
}

QModelIndex DeviceModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == topLevel)
        return {};
    return createIndex(int(child.internalId() - 1), 0, topLevel);
}

int DeviceModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return m_rows.size();
    if (parent.internalId() != topLevel || parent.column() != 0)
        return 0;
    return m_rows.at(parent.row()).children.size();
}

int DeviceModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

Health::Verdict DeviceModel::diskHealth(const QString &disk) const
{
    if (!m_client->hasDisk(disk))
        return {Health::Level::Bad, tr("This disk is not present."), tr("This disk is not present.")};
    const QVariantMap info = m_client->diskInfo(disk);
    const QString pair = info.value(QStringLiteral("pair")).value<QDBusObjectPath>().path();
    return Health::ofDisk(info, m_client->smart(disk), m_client->pairStatus(pair));
}

Health::Verdict DeviceModel::pairHealth(const QString &pair) const
{
    const QVariantMap status = m_client->pairStatus(pair);
    const QString main = status.value(QStringLiteral("main")).value<QDBusObjectPath>().path();
    const QString spare = status.value(QStringLiteral("spare")).value<QDBusObjectPath>().path();
    // The disks' SMART health: what the target knows is the pair's own.
    auto smartHealth = [this](const QString &disk) {
        if (!m_client->hasDisk(disk))
            return Health::Verdict{Health::Level::Bad, tr("This disk is not present."), tr("This disk is not present.")};
        return Health::ofDisk(m_client->diskInfo(disk), m_client->smart(disk));
    };
    return Health::ofPair(status, smartHealth(main), smartHealth(spare));
}

QString DeviceModel::describe(const Row &row, const QString &childPath, int childRow) const
{
    if (childPath.isEmpty() && row.isPair) {
        const QVariantMap status = m_client->pairStatus(row.path);
        return tr("Pair “%1”").arg(status.value(QStringLiteral("name")).toString());
    }
    const QString disk = childPath.isEmpty() ? row.path : childPath;
    const QVariantMap info = m_client->diskInfo(disk);
    QString text;
    if (info.isEmpty()) {
        const QVariantMap status = m_client->pairStatus(row.path);
        text = tr("%1 (missing)").arg(status.value(childRow == 0 ? QStringLiteral("main-path")
                                                                 : QStringLiteral("spare-path")).toString());
    } else {
        const QString model = info.value(QStringLiteral("model")).toString();
        text = QStringLiteral("%1 · %2 · %3")
                   .arg(info.value(QStringLiteral("path")).toString(),
                        model.isEmpty() ? Health::kindText(info.value(QStringLiteral("kind")).toString()) : model,
                        Health::formatBytes(info.value(QStringLiteral("size")).toULongLong()));
    }
    if (childPath.isEmpty())
        return text;
    return childRow == 0 ? tr("Main: %1").arg(text) : tr("Spare: %1").arg(text);
}

QVariant DeviceModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const bool isChild = index.internalId() != topLevel;
    const Row &row = m_rows.at(isChild ? int(index.internalId() - 1) : index.row());
    const QString childPath = isChild ? row.children.at(index.row()) : QString();
    const QString path = isChild ? childPath : row.path;
    const bool isPair = row.isPair && !isChild;

    if (role == PathRole)
        return path;
    if (role == IsPairRole)
        return isPair;
    const Health::Verdict health = isPair ? pairHealth(path) : diskHealth(path);
    if (role == HealthLevelRole)
        return int(health.level);
    if (role == HealthReasonRole)
        return health.reason;

    const QString name = describe(row, childPath, index.row());
    if (role == Qt::AccessibleTextRole)
        return tr("%1, health: %2").arg(name, Health::displayName(health));
    // The whole name (the column may elide it), then the health and why.
    if (role == Qt::ToolTipRole)
        return tr("%1\nHealth: %2. %3").arg(name, Health::displayName(health), health.reason);

    if (index.column() == NameColumn) {
        if (role == Qt::DisplayRole)
            return name;
        if (role == Qt::DecorationRole) {
            if (isPair)
                return QIcon(QStringLiteral(":/icons/pair.svg"));
            return QIcon(diskIcon(m_client->diskInfo(path).value(QStringLiteral("kind")).toString()));
        }
    } else if (index.column() == HealthColumn) {
        if (role == Qt::DisplayRole)
            return Health::displayName(health);
        if (role == Qt::DecorationRole)
            return QIcon(Health::iconName(health.level));
        if (role == Qt::ForegroundRole)
            return Health::color(health.level);
    }
    return {};
}

QVariant DeviceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == NameColumn ? tr("Device") : tr("Health");
}

QModelIndex DeviceModel::indexOf(const QString &path) const
{
    for (int r = 0; r < m_rows.size(); ++r) {
        if (m_rows.at(r).path == path)
            return index(r, 0);
        const int child = m_rows.at(r).children.indexOf(path);
        if (child >= 0)
            return index(child, 0, index(r, 0));
    }
    return {};
}

Health::Level DeviceModel::worstLevel() const
{
    return m_worst;
}

void DeviceModel::updateWorst()
{
    Health::Level worst = Health::Level::Unknown;
    for (const Row &row : m_rows)
        worst = std::max(worst, row.isPair ? pairHealth(row.path).level : diskHealth(row.path).level);
    if (worst != m_worst) {
        m_worst = worst;
        Q_EMIT worstLevelChanged(worst);
    }
}
