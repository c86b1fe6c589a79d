// The main window: devices on the left, Overview / SMART / Remap map tabs on
// the right, a bar that says when the helper cannot be reached (with Retry)
// and one that shows why a request failed.
#pragma once

#include <QMainWindow>

#include <optional>

class DeviceModel;
class HelperClient;
class MapPage;
class Notifier;
class OverviewPage;
class QAction;
class QFrame;
class QLabel;
class QPushButton;
class QTabWidget;
class QTreeView;
class SmartPage;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    enum class Page { Overview, Smart, Map };
    // A page by its command-line name: overview, smart or map.
    static std::optional<Page> pageNamed(const QString &name);

    MainWindow(HelperClient *client, DeviceModel *devices, Notifier *notifier, QWidget *parent = nullptr);

    // Shows the window with that disk or pair selected (empty: as it was).
    void openObject(const QString &path);
    // Shows the window on the disk or pair a user named (see
    // HelperClient::findObject) once the helper has listed them; the error
    // bar says so when there is no such disk or pair.
    void openByName(const QString &name);
    // Shows that tab (once a disk or pair is selected, if none is yet).
    void showPage(Page page);
    // Closing hides the window instead of quitting: monitoring goes on (with
    // or without a tray); without a tray the user is told so once.
    void setHideOnClose(bool hide) { m_hideOnClose = hide; }
    void setHaveTray(bool haveTray) { m_haveTray = haveTray; }

    // How the app starts: the autostart entry (--tray) never opens the
    // window, with or without a tray (GNOME has none): monitoring runs in
    // the background and speaks through notifications.
    struct StartPlan {
        bool showWindow;
    };
    static StartPlan startPlan(bool trayOption, bool objectOrPageNamed);

    QString selectedObject() const;
    QTreeView *deviceView() const { return m_view; }
    QTabWidget *tabs() const { return m_tabs; }
    // The page the current tab shows (each tab scrolls its page).
    QWidget *currentPage() const;
    OverviewPage *overviewPage() const { return m_overview; }
    SmartPage *smartPage() const { return m_smart; }
    MapPage *mapPage() const { return m_map; }
    QFrame *helperBar() const { return m_helperBar; }
    QLabel *helperBarText() const { return m_helperText; }
    QPushButton *retryButton() const { return m_retry; }
    QFrame *errorBar() const { return m_errorBar; }
    QLabel *errorBarText() const { return m_errorText; }
    QAction *newPairAction() const { return m_newPair; }
    QAction *replaceMainAction() const { return m_replaceMain; }
    QAction *cancelReplaceAction() const { return m_cancelReplace; }

public Q_SLOTS:
    void newPair();
    // Shows the window and opens the pairing wizard once the helper has said
    // what this machine has (--pair-disks); when pairing is not possible the
    // banner says why instead.
    void requestNewPair();
    void removePair(const QString &pair);
    // The helper could not write every moved block back: offer a forced
    // removal, confirmed twice.
    void removalRefused(const QString &pair, const QString &details);
    // Opens the dialog that chooses the new main disk (ReplaceDialog); its
    // confirmation starts the copy.
    void replaceMain(const QString &pair);
    // Starts a copy stopped by a restart again, to the same disk.
    void restartReplace(const QString &pair);
    // Asks, then stops the running or interrupted copy.
    void cancelReplace(const QString &pair);

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void updateHelperBar();
    void openWantedWizard();
    void colourMessageBars();
    void fitMessageTexts();
    void openNamedObject();
    void applyWantedPage();
    void selectionChanged();
    void updatePairActions();
    void showError(const QString &action, const QString &message);

    HelperClient *m_client;
    DeviceModel *m_devices;
    Notifier *m_notifier;
    QTreeView *m_view;
    QTabWidget *m_tabs;
    OverviewPage *m_overview;
    SmartPage *m_smart;
    MapPage *m_map;
    QFrame *m_helperBar;
    QLabel *m_helperText;
    QPushButton *m_retry;
    QFrame *m_errorBar;
    QLabel *m_errorText;
    QAction *m_newPair;
    QAction *m_removePair;
    QAction *m_replaceMain;
    QAction *m_cancelReplace;
    QAction *m_refresh;
    QString m_wantedSelection; // restored after the tree is rebuilt
    QString m_wantedName; // given by the user, opened when the helper is ready
    int m_wantedPage = -1; // a Page, shown once something is selected
    bool m_newPairWanted = false; // opened when the helper is ready
    bool m_hideOnClose = false;
    bool m_haveTray = true;
};
