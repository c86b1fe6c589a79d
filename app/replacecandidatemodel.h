// The disks that may take the place of a pair's main disk, one row each:
// device, size, model, serial, connection, health and a note. Disks that
// cannot be chosen are disabled rows whose note says why (PairRules);
// suitable ones may carry a warning (poor health, USB).
#pragma once

#include <QAbstractTableModel>
#include <QStringList>

class HelperClient;

class ReplaceCandidateModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { DeviceColumn, SizeColumn, ModelColumn, SerialColumn, TransportColumn, HealthColumn, NoteColumn,
                  ColumnCount };
    enum Role {
        PathRole = Qt::UserRole + 1, // the disk's object path
        ProblemRole,                 // why it cannot be chosen; empty when it can
    };

    ReplaceCandidateModel(HelperClient *client, const QString &pair, QObject *parent = nullptr);

    QString pair() const { return m_pair; }
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    QString pathAt(int row) const { return m_disks.value(row); }
    int rowOf(const QString &disk) const { return int(m_disks.indexOf(disk)); }
    // Empty when the disk can be chosen.
    QString problem(const QString &disk) const;
    QString warning(const QString &disk) const;
    // "<model> <serial> (<path>, <size>)": how the confirmation names it.
    QString diskName(const QString &disk) const;

private:
    void rebuild();
    void diskChanged(const QString &disk);

    HelperClient *m_client;
    QString m_pair;
    QStringList m_disks;
};
