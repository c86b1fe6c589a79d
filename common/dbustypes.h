// Types of the org.dmremap D-Bus API shared by the helper, the command-line
// client and the desktop app (marshalled by QtDBus).
#pragma once

#include <QDBusArgument>
#include <QDBusObjectPath>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QVariantMap>

namespace DmRemap {

// (o a{sv}): an object and its information dictionary.
struct ObjectInfo {
    QDBusObjectPath path;
    QVariantMap info;
};
using ObjectInfoList = QList<ObjectInfo>;

// (ysuuutss): one ATA SMART attribute.
struct SmartAttribute {
    uchar id = 0;
    QString name;
    uint value = 0;
    uint worst = 0;
    uint threshold = 0;
    qulonglong raw = 0;
    QString rawString;
    QString status; // ok, warning, failing
};
using SmartAttributeList = QList<SmartAttribute>;

// (ssuix): one self-test log entry.
struct SelfTest {
    QString type;
    QString status;
    uint lifetimeHours = 0;
    int remainingPercent = 0;
    qlonglong failingLba = -1;
};
using SelfTestList = QList<SelfTest>;

// (tt): one remap, main sector to spare sector.
struct Remap {
    qulonglong mainSector = 0;
    qulonglong spareSector = 0;
};
using RemapList = QList<Remap>;

// (uu): one bucket of the remap map.
struct MapBucket {
    uint remaps = 0;
    uint pending = 0;
};
using MapBucketList = QList<MapBucket>;

// aa{sv}: structured reasons ("code" s plus the numbers and names it
// needs), which clients turn into sentences in their own language.
using ReasonList = QList<QVariantMap>;
// Reads a ReasonList from a dictionary value as QtDBus delivers it (a
// QDBusArgument) or as built in-process.
ReasonList reasonsFrom(const QVariant &value);

// Registers the types above with the meta-type and D-Bus type systems.
void registerDBusTypes();

} // namespace DmRemap

QDBusArgument &operator<<(QDBusArgument &arg, const DmRemap::ObjectInfo &v);
const QDBusArgument &operator>>(const QDBusArgument &arg, DmRemap::ObjectInfo &v);
QDBusArgument &operator<<(QDBusArgument &arg, const DmRemap::SmartAttribute &v);
const QDBusArgument &operator>>(const QDBusArgument &arg, DmRemap::SmartAttribute &v);
QDBusArgument &operator<<(QDBusArgument &arg, const DmRemap::SelfTest &v);
const QDBusArgument &operator>>(const QDBusArgument &arg, DmRemap::SelfTest &v);
QDBusArgument &operator<<(QDBusArgument &arg, const DmRemap::Remap &v);
const QDBusArgument &operator>>(const QDBusArgument &arg, DmRemap::Remap &v);
QDBusArgument &operator<<(QDBusArgument &arg, const DmRemap::MapBucket &v);
const QDBusArgument &operator>>(const QDBusArgument &arg, DmRemap::MapBucket &v);

Q_DECLARE_METATYPE(DmRemap::ObjectInfo)
Q_DECLARE_METATYPE(DmRemap::SmartAttribute)
Q_DECLARE_METATYPE(DmRemap::SelfTest)
Q_DECLARE_METATYPE(DmRemap::Remap)
Q_DECLARE_METATYPE(DmRemap::MapBucket)
