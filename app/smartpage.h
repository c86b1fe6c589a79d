// The SMART tab: the disk's verdict, attributes (sortable, explained),
// NVMe health fields, self-tests with progress and their log.
#pragma once

#include <QWidget>

class HelperClient;
class QGroupBox;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class SelfTestModel;
class SmartAttributeModel;

class SmartPage : public QWidget
{
    Q_OBJECT
public:
    explicit SmartPage(HelperClient *client, QWidget *parent = nullptr);

    // A disk, or a pair (shows its main disk).
    void setObject(const QString &path);
    QString disk() const { return m_disk; }
    SmartAttributeModel *attributes() const { return m_attributes; }
    SelfTestModel *selfTests() const { return m_selfTests; }
    QTableView *attributeView() const { return m_attributeView; }
    // Shown for a disk found asleep: reads SMART data, waking it.
    QPushButton *wakeButton() const { return m_wake; }
    // The USB bridge's smartctl -d type, for a disk on USB (or one whose
    // connection smartctl could not tell).
    QComboBox *deviceTypeBox() const { return m_deviceType; }

private:
    void refresh();
    void fetchDetails();

    HelperClient *m_client;
    QString m_disk;
    SmartAttributeModel *m_attributes;
    SelfTestModel *m_selfTests;
    QSortFilterProxyModel *m_sorted;
    QLabel *m_summary;
    QPushButton *m_refresh;
    QPushButton *m_wake;
    QLabel *m_deviceTypeLabel;
    QComboBox *m_deviceType;
    QPushButton *m_shortTest;
    QPushButton *m_extendedTest;
    QPushButton *m_abortTest;
    QProgressBar *m_testProgress;
    QTableView *m_attributeView;
    QGroupBox *m_nvme;
    QLabel *m_nvmeFields;
    QTableView *m_testView;
    QGroupBox *m_attributeBox;
};
