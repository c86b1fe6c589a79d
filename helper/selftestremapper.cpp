#include "selftestremapper.h"

#include "diskobject.h"
#include "manager.h"
#include "pairobject.h"
#include "smartreport.h"

#include <QPointer>

SelfTestRemapper::SelfTestRemapper(Manager *manager, QObject *parent)
    : QObject(parent)
    , m_manager(manager)
{
    connect(manager, &Manager::DiskAdded, this, &SelfTestRemapper::watchDisk);
    // A new pair's main disk may have been read before it was paired.
    connect(manager, &Manager::PairAdded, this, [this](const QDBusObjectPath &path) {
        PairObject *pair = m_manager->pairByPath(path);
        if (DiskObject *main = pair ? m_manager->diskByDevnum(pair->mainDevnum()) : nullptr)
            remapFailingSectors(main);
    });
    connect(manager, &Manager::PairRemoved, this, [this](const QDBusObjectPath &path) {
        m_asked.remove(path.path());
    });
}

void SelfTestRemapper::watchDisk(const QDBusObjectPath &path)
{
    DiskObject *disk = m_manager->diskByPath(path);
    if (!disk)
        return;
    const QPointer<DiskObject> guard(disk);
    connect(disk, &DiskObject::Updated, this, [this, guard] {
        if (guard)
            remapFailingSectors(guard);
    });
}

void SelfTestRemapper::remapFailingSectors(DiskObject *disk)
{
    const SmartReport &smart = disk->smart();
    PairObject *pair = nullptr;
    if (!smart.available || m_manager->roleOf(disk->info().devnum, &pair) != QLatin1String("main") || !pair)
        return;
    QSet<quint64> &asked = m_asked[pair->path().path()];
    const auto ask = [&](const QList<quint64> &sectors, const QString &source) {
        for (quint64 sector : sectors) {
            if (asked.contains(sector))
                continue;
            asked.insert(sector);
            pair->remapReportedSector(sector, source);
        }
    };
    const uint blockSize = disk->info().logicalBlockSize;
    ask(SmartReport::failingSectors(smart.selfTests, blockSize, disk->info().sectors()),
        QStringLiteral("the self-test log of %1").arg(disk->info().path));
    ask(SmartReport::sectorsOfLbas(smart.nvmeErrorLbas, blockSize, disk->info().sectors()),
        QStringLiteral("the NVMe error log of %1").arg(disk->info().path));
}
