#include "replacecandidatemodel.h"

#include "health.h"
#include "helperclient.h"
#include "pairrules.h"

#include <QDBusObjectPath>
#include <QIcon>

ReplaceCandidateModel::ReplaceCandidateModel(HelperClient *client, const QString &pair, QObject *parent)
    : QAbstractTableModel(parent)
    , m_client(client)
    , m_pair(pair)
{
    connect(client, &HelperClient::structureChanged, this, &ReplaceCandidateModel::rebuild);
    connect(client, &HelperClient::diskUpdated, this, &ReplaceCandidateModel::diskChanged);
    connect(client, &HelperClient::smartUpdated, this, &ReplaceCandidateModel::diskChanged);
    connect(client, &HelperClient::pairUpdated, this, [this](const QString &p) {
        if (p == m_pair && !m_disks.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    });
    rebuild();
}

void ReplaceCandidateModel::rebuild()
{
    beginResetModel();
    m_disks = m_client->diskPaths();
    // The ones that can be chosen first, each group in the helper's order.
    std::stable_partition(m_disks.begin(), m_disks.end(), [this](const QString &d) { return problem(d).isEmpty(); });
    endResetModel();
}

void ReplaceCandidateModel::diskChanged(const QString &disk)
{
    const int row = rowOf(disk);
    if (row >= 0)
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

int ReplaceCandidateModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_disks.size());
}

int ReplaceCandidateModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ReplaceCandidateModel::problem(const QString &disk) const
{
    const QString diskPair = m_client->pairOfDisk(disk);
    const QVariantMap pair = m_client->pairStatus(m_pair);
    const QVariantMap mainDisk = m_client->diskInfo(pair.value(QStringLiteral("main")).value<QDBusObjectPath>().path());
    return PairRules::replacementProblem(pair, mainDisk, m_client->diskInfo(disk),
                                         m_client->pairStatus(diskPair).value(QStringLiteral("name")).toString());
}

static Health::Verdict healthOf(HelperClient *client, const QString &disk)
{
    return Health::ofDisk(client->diskInfo(disk), client->smart(disk),
                          client->pairStatus(client->pairOfDisk(disk)));
}

QString ReplaceCandidateModel::warning(const QString &disk) const
{
    return PairRules::replacementWarning(m_client->diskInfo(disk), healthOf(m_client, disk).level);
}

QString ReplaceCandidateModel::diskName(const QString &disk) const
{
    const QVariantMap info = m_client->diskInfo(disk);
    QStringList names{info.value(QStringLiteral("model")).toString(), info.value(QStringLiteral("serial")).toString()};
    names.removeAll(QString());
    const QString where = QStringLiteral("%1, %2").arg(info.value(QStringLiteral("path")).toString(),
                                                       Health::formatBytes(info.value(QStringLiteral("size")).toULongLong()));
    return names.isEmpty() ? where : QStringLiteral("%1 (%2)").arg(names.join(QLatin1Char(' ')), where);
}

Qt::ItemFlags ReplaceCandidateModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    if (!problem(pathAt(index.row())).isEmpty())
        return Qt::ItemNeverHasChildren; // shown, not choosable
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

QVariant ReplaceCandidateModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_disks.size())
        return {};
    const QString disk = pathAt(index.row());
    if (role == PathRole)
        return disk;
    if (role == ProblemRole)
        return problem(disk);
    const QVariantMap info = m_client->diskInfo(disk);
    auto text = [&](int column) -> QString {
        switch (column) {
        case DeviceColumn: return info.value(QStringLiteral("path")).toString();
        case SizeColumn: return Health::formatBytes(info.value(QStringLiteral("size")).toULongLong());
        case ModelColumn: return info.value(QStringLiteral("model")).toString();
        case SerialColumn: return info.value(QStringLiteral("serial")).toString();
        case TransportColumn: return Health::transportText(info.value(QStringLiteral("transport")).toString());
        case HealthColumn: return Health::displayName(healthOf(m_client, disk));
        case NoteColumn: {
            const QString why = problem(disk);
            return why.isEmpty() ? warning(disk) : why;
        }
        }
        return {};
    };
    if (role == Qt::DisplayRole)
        return text(index.column());
    if (role == Qt::ToolTipRole || role == Qt::AccessibleTextRole) {
        // The whole row, where the columns are too narrow for it.
        QStringList parts;
        for (int c = 0; c < ColumnCount; ++c) {
            const QString t = text(c);
            if (!t.isEmpty())
                parts << (c == HealthColumn ? tr("Health: %1").arg(t) : t);
        }
        return parts.join(QStringLiteral(" · "));
    }
    if (role == Qt::DecorationRole && index.column() == HealthColumn)
        return QIcon(Health::iconName(healthOf(m_client, disk).level));
    if (role == Qt::ForegroundRole && index.column() == HealthColumn && problem(disk).isEmpty())
        return Health::color(healthOf(m_client, disk).level);
    return {};
}

QVariant ReplaceCandidateModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case DeviceColumn: return tr("Device");
    case SizeColumn: return tr("Size");
    case ModelColumn: return tr("Model");
    case SerialColumn: return tr("Serial number");
    case TransportColumn: return tr("Connection");
    case HealthColumn: return tr("Health");
    case NoteColumn: return tr("Note");
    }
    return {};
}
