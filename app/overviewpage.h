// The Overview tab: the selected disk's or pair's health in plain words and
// its key figures; for a pair the spare's fill level as a gauge.
#pragma once

#include <QWidget>

class DeviceModel;
class HelperClient;
class Notifier;
class QCheckBox;
class QFormLayout;
class QLabel;
class QProgressBar;
class QPushButton;
class QStackedWidget;

class OverviewPage : public QWidget
{
    Q_OBJECT
public:
    OverviewPage(HelperClient *client, DeviceModel *devices, Notifier *notifier, QWidget *parent = nullptr);

    void setObject(const QString &path);
    QString object() const { return m_path; }
    QProgressBar *spareGauge() const { return m_gauge; }
    QString valueText(const QString &field) const;

Q_SIGNALS:
    void removePairRequested(const QString &pair);

private:
    void refresh();
    QLabel *addRow(QFormLayout *form, const QString &field, const QString &label);
    void set(const QString &field, const QString &text);

    HelperClient *m_client;
    DeviceModel *m_devices;
    Notifier *m_notifier;
    QString m_path;
    QLabel *m_title;
    QLabel *m_badge;
    QLabel *m_reason;
    QStackedWidget *m_forms;
    QWidget *m_diskForm;
    QWidget *m_pairForm;
    QProgressBar *m_gauge;
    QCheckBox *m_ignore;
    QPushButton *m_remove;
    QHash<QString, QLabel *> m_values;
};
