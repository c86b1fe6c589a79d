// The disks and pairs as a tree: each pair with its main and spare disk
// below it, then the disks that are in no pair. Column 0 names the device,
// column 1 is its health badge with the reason as tooltip.
#pragma once

#include "health.h"

#include <QAbstractItemModel>

class HelperClient;

class DeviceModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, HealthColumn, ColumnCount };
    enum Role {
        PathRole = Qt::UserRole + 1, // D-Bus object path
        IsPairRole,
        HealthLevelRole,  // int(Health::Level)
        HealthReasonRole,
    };

    explicit DeviceModel(HelperClient *client, QObject *parent = nullptr);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // First index showing this object (a disk shows once, in its pair or alone).
    QModelIndex indexOf(const QString &path) const;
    Health::Verdict diskHealth(const QString &disk) const;
    Health::Verdict pairHealth(const QString &pair) const;
    // The worst health of everything shown (drives the tray icon).
    Health::Level worstLevel() const;

Q_SIGNALS:
    void worstLevelChanged(Health::Level level);

private:
    struct Row {
        QString path;
        bool isPair = false;
        QStringList children; // a pair's main and spare disk paths
    };
    void rebuild();
    void objectChanged(const QString &path);
    QString describe(const Row &row, const QString &childPath, int childRow) const;
    void updateWorst();

    HelperClient *m_client;
    QList<Row> m_rows;
    Health::Level m_worst = Health::Level::Unknown;
};
