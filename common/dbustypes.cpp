#include "dbustypes.h"

#include <QDBusMetaType>

namespace DmRemap {

void registerDBusTypes()
{
    qDBusRegisterMetaType<ObjectInfo>();
    qDBusRegisterMetaType<ObjectInfoList>();
    qDBusRegisterMetaType<SmartAttribute>();
    qDBusRegisterMetaType<SmartAttributeList>();
    qDBusRegisterMetaType<SelfTest>();
    qDBusRegisterMetaType<SelfTestList>();
    qDBusRegisterMetaType<Remap>();
    qDBusRegisterMetaType<RemapList>();
    qDBusRegisterMetaType<MapBucket>();
    qDBusRegisterMetaType<MapBucketList>();
    qDBusRegisterMetaType<QList<qulonglong>>();
    qDBusRegisterMetaType<ReasonList>();
}

ReasonList reasonsFrom(const QVariant &value)
{
    if (value.canConvert<QDBusArgument>()) {
        const QDBusArgument arg = value.value<QDBusArgument>();
        if (arg.currentSignature() == QLatin1String("aa{sv}"))
            return qdbus_cast<ReasonList>(arg);
        return {};
    }
    return value.value<ReasonList>();
}

} // namespace DmRemap

QDBusArgument &operator<<(QDBusArgument &arg, const DmRemap::ObjectInfo &v)
{
    arg.beginStructure();
    arg << v.path << v.info;
    arg.endStructure();
    return arg;
}

const QDBusArgument &operator>>(const QDBusArgument &arg, DmRemap::ObjectInfo &v)
{
    arg.beginStructure();
    arg >> v.path >> v.info;
    arg.endStructure();
    return arg;
}

QDBusArgument &operator<<(QDBusArgument &arg, const DmRemap::SmartAttribute &v)
{
    arg.beginStructure();
    arg << v.id << v.name << v.value << v.worst << v.threshold << v.raw << v.rawString << v.status;
    arg.endStructure();
    return arg;
}

const QDBusArgument &operator>>(const QDBusArgument &arg, DmRemap::SmartAttribute &v)
{
    arg.beginStructure();
    arg >> v.id >> v.name >> v.value >> v.worst >> v.threshold >> v.raw >> v.rawString >> v.status;
    arg.endStructure();
    return arg;
}

QDBusArgument &operator<<(QDBusArgument &arg, const DmRemap::SelfTest &v)
{
    arg.beginStructure();
    arg << v.type << v.status << v.lifetimeHours << v.remainingPercent << v.failingLba;
    arg.endStructure();
    return arg;
}

const QDBusArgument &operator>>(const QDBusArgument &arg, DmRemap::SelfTest &v)
{
    arg.beginStructure();
    arg >> v.type >> v.status >> v.lifetimeHours >> v.remainingPercent >> v.failingLba;
    arg.endStructure();
    return arg;
}

QDBusArgument &operator<<(QDBusArgument &arg, const DmRemap::Remap &v)
{
    arg.beginStructure();
    arg << v.mainSector << v.spareSector;
    arg.endStructure();
    return arg;
}

const QDBusArgument &operator>>(const QDBusArgument &arg, DmRemap::Remap &v)
{
    arg.beginStructure();
    arg >> v.mainSector >> v.spareSector;
    arg.endStructure();
    return arg;
}

QDBusArgument &operator<<(QDBusArgument &arg, const DmRemap::MapBucket &v)
{
    arg.beginStructure();
    arg << v.remaps << v.pending;
    arg.endStructure();
    return arg;
}

const QDBusArgument &operator>>(const QDBusArgument &arg, DmRemap::MapBucket &v)
{
    arg.beginStructure();
    arg >> v.remaps >> v.pending;
    arg.endStructure();
    return arg;
}
