// Table models of the SMART tab: ATA attributes and the self-test log.
#pragma once

#include "dbustypes.h"

#include <QAbstractTableModel>

class SmartAttributeModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Id, Name, Value, Worst, Threshold, Raw, Status, Meaning, ColumnCount };
    // Numbers sort as numbers, status by severity.
    static constexpr int SortRole = Qt::UserRole + 1;

    using QAbstractTableModel::QAbstractTableModel;

    void setAttributes(const DmRemap::SmartAttributeList &attributes);
    // A short explanation of an ATA attribute, empty when unknown.
    static QString explanation(uchar id);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    DmRemap::SmartAttributeList m_attributes;
};

class SelfTestModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Type, Status, LifetimeHours, Remaining, FailingLba, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    void setTests(const DmRemap::SelfTestList &tests);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // smartctl's names of a test and its result, in words of the app's language.
    static QString typeText(const QString &type);
    static QString resultText(const QString &status);

private:
    DmRemap::SelfTestList m_tests;
};
