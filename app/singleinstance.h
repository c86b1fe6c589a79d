// One dm-remap-manager per desktop session. The first one owns
// org.dmremap.Manager on the session bus; a later start (the menu entry while
// the tray icon runs, or `dm-remap-manager --show sdb`) hands what it was
// asked to show to that one and exits, so there is never a second tray icon
// or a second notification about the same disk. `--pair-disks` (the menu
// entry's action) hands over the same way.
#pragma once

#include <QDBusConnection>
#include <QObject>

class MainWindow;

class SingleInstance : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.dmremap.Manager")
public:
    static QString serviceName();

    explicit SingleInstance(const QDBusConnection &bus, QObject *parent = nullptr);

    // Owns the name; false when another instance has it. Without a session
    // bus there is no one to share with: true.
    bool claim();
    // Show calls open this window from now on.
    void setWindow(MainWindow *window) { m_window = window; }
    // Asks the instance that owns the name to show `object` (a disk or pair
    // as MainWindow::openByName takes it, or empty) on `page` (a page name or
    // empty); false when it does not answer.
    bool forward(const QString &object, const QString &page);
    // Asks it to open the pairing wizard (--pair-disks).
    bool forwardPairDisks();

public Q_SLOTS:
    Q_SCRIPTABLE void Show(const QString &object, const QString &page);
    Q_SCRIPTABLE void PairDisks();

private:
    bool call(const QString &method, const QVariantList &arguments);

    QDBusConnection m_bus;
    MainWindow *m_window = nullptr;
};
