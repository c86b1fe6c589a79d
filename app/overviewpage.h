// The Overview tab: the selected disk's or pair's health in plain words and
// its key figures; for a pair the spare's fill level as a gauge.
#pragma once

#include <QWidget>

class DeviceModel;
class DiskHistoryPage;
class HistoryPage;
class HelperClient;
class Notifier;
class QCheckBox;
class QFormLayout;
class QGroupBox;
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
    // The replacement of the main disk: a progress bar while it copies, a
    // message with Start again and Cancel when a restart stopped it.
    QWidget *replaceBox() const { return m_replaceBox; }
    QLabel *replaceText() const { return m_replaceText; }
    QProgressBar *replaceProgress() const { return m_replaceProgress; }
    QPushButton *replaceButton() const { return m_replace; }
    QPushButton *restartReplaceButton() const { return m_restartReplace; }
    QPushButton *cancelReplaceButton() const { return m_cancelReplace; }
    // For a disk found asleep: read its SMART data, waking it.
    QPushButton *wakeButton() const { return m_wake; }
    // A pair's background scan: its state, the pass's progress and read
    // failures, the last and next pass, Scan now / Go on / Stop scan.
    QGroupBox *scanBox() const { return m_scanBox; }
    QProgressBar *scanProgress() const { return m_scanProgress; }
    QPushButton *scanButton() const { return m_scanButton; }
    QLabel *scanErrorsLabel() const { return m_scanErrors; }
    // A pair's history chart with the spare's forecast, below its figures.
    HistoryPage *historyPage() const { return m_history; }
    // A disk's SMART history charts, below its figures.
    DiskHistoryPage *diskHistoryPage() const { return m_diskHistory; }

Q_SIGNALS:
    void removePairRequested(const QString &pair);
    void replaceMainRequested(const QString &pair);
    void restartReplaceRequested(const QString &pair);
    void cancelReplaceRequested(const QString &pair);

private:
    void refresh();
    QLabel *addRow(QFormLayout *form, const QString &field, const QString &label);
    void set(const QString &field, const QString &text);
    void refreshReplacement(const QVariantMap &status);
    void refreshScan(const QVariantMap &status);

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
    HistoryPage *m_history;
    DiskHistoryPage *m_diskHistory;
    QProgressBar *m_gauge;
    QCheckBox *m_ignore;
    QPushButton *m_remove;
    QPushButton *m_replace;
    QPushButton *m_wake;
    QWidget *m_replaceBox;
    QLabel *m_replaceText;
    QProgressBar *m_replaceProgress;
    QPushButton *m_restartReplace;
    QPushButton *m_cancelReplace;
    QGroupBox *m_scanBox;
    QFormLayout *m_scanForm;
    QProgressBar *m_scanProgress;
    QLabel *m_scanErrors;
    QPushButton *m_scanButton;
    int m_scanAction = 0; // ScanView::Action of the button
    QHash<QString, QLabel *> m_values;
};
