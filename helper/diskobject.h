// org.dmremap.Disk1 and org.dmremap.Smart1 for one whole disk, at
// /org/dmremap/Manager1/disks/<id>. SMART data is cached and refreshed on
// the manager's schedule, on request, and while a self-test runs.
#pragma once

#include "dbustypes.h"
#include "disks.h"
#include "serviceobject.h"
#include "smartctl.h"
#include "smartreport.h"

#include <QDBusObjectPath>
#include <QDateTime>
#include <QTimer>
#include <functional>

class DiskObject : public ServiceObject
{
    Q_OBJECT
public:
    DiskObject(Manager *manager, const DiskInfo &info, QObject *parent = nullptr);
    ~DiskObject() override;

    QDBusObjectPath path() const { return m_path; }
    const DiskInfo &info() const { return m_info; }
    void setInfo(const DiskInfo &info) { m_info = info; }
    // "/dev/sda (model serial)" for polkit dialogs and messages.
    QString description() const;
    QVariantMap infoMap() const;
    const SmartReport &smart() const { return m_smart; }

    // Runs smartctl now unless a run is in progress; then(error) afterwards.
    // A sleeping disk is left asleep (and keeps its last data) unless woken.
    void refreshSmart(std::function<void(const QString &error)> then = {}, Smartctl::Wake wake = Smartctl::Wake::No);

public Q_SLOTS:
    QVariantMap GetInfo();
    QList<QVariantMap> GetHistory(qlonglong from, qlonglong to, qlonglong resolution);
    QVariantMap GetSmart();
    DmRemap::SmartAttributeList GetAttributes();
    DmRemap::SelfTestList GetSelfTests();
    QString GetRawJson();
    void Refresh();
    void Wake();
    void StartSelfTest(const QString &type);
    void AbortSelfTest();
    void SetDeviceType(const QString &type);

Q_SIGNALS:
    void Updated();
    void VerdictChanged(const QString &old, const QString &verdict);

private:
    void runSelfTestCommand(const QDBusMessage &call, const QString &what);
    void refreshAndReply(const QDBusMessage &call, Smartctl::Wake wake);

    DiskInfo m_info;
    QDBusObjectPath m_path;
    SmartReport m_smart;
    QByteArray m_rawJson;
    QDateTime m_updated;
    bool m_smartRunning = false;
    QList<std::function<void(const QString &)>> m_waiting;
    QList<std::function<void(const QString &)>> m_waitingForWake; // until the run after this one
    bool m_wakeQueued = false;
    QTimer m_selfTestPoll;
};
