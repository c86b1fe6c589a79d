#include "assembly.h"

using namespace Validation;

namespace Assembly {

namespace {

QStringList paths(const QList<const ProbedDisk *> &disks)
{
    QStringList out;
    for (const ProbedDisk *d : disks)
        out << d->disk.path;
    return out;
}

QList<const ProbedDisk *> mainsFor(const QList<ProbedDisk> &disks, const QString &mainId, quint64 sectors,
                                   dev_t spare)
{
    QList<const ProbedDisk *> out;
    for (const ProbedDisk &d : disks)
        if (d.disk.devnum != spare && d.disk.mainId() == mainId && d.disk.sectors() == sectors)
            out << &d;
    return out;
}

} // namespace

Plan planAssembly(const QList<ProbedDisk> &disks, const QList<PairRecord> &records, const QSet<QString> &running,
                  int room)
{
    Plan plan;
    QSet<dev_t> used;
    for (const PairRecord &record : records) {
        if (running.contains(record.name))
            continue;
        auto note = [&](const QString &why) { plan.notes << QStringLiteral("pair %1: %2").arg(record.name, why); };
        QList<const ProbedDisk *> spares;
        for (const ProbedDisk &d : disks)
            if (d.meta.valid && d.meta.uuid == record.uuid)
                spares << &d;
        if (spares.isEmpty()) {
            note(QStringLiteral("waits for its spare disk %1").arg(record.spareId));
            plan.waiting << record.name;
            continue;
        }
        if (spares.size() > 1) {
            note(QStringLiteral("not started: %1 all carry its spare metadata").arg(paths(spares).join(QStringLiteral(", "))));
            continue;
        }
        const ProbedDisk &spare = *spares.first();
        if (spare.meta.label != record.name || spare.meta.mainId != record.mainId
            || spare.meta.mainSectors != record.mainSectors) {
            note(QStringLiteral("not started: the metadata on %1 names pair %2 of main disk %3, not what was recorded")
                         .arg(spare.disk.description(), spare.meta.label, spare.meta.mainId));
            continue;
        }
        if (spare.disk.removable && (record.spareId.isEmpty() || spare.disk.mainId() != record.spareId)) {
            note(QStringLiteral("not started: removable disk %1 is not the recorded spare %2 (import it if it is)")
                         .arg(spare.disk.description(), record.spareId));
            continue;
        }
        const QList<const ProbedDisk *> mains = mainsFor(disks, record.mainId, record.mainSectors, spare.disk.devnum);
        if (mains.isEmpty()) {
            note(QStringLiteral("waits for its main disk %1").arg(record.mainId));
            plan.waiting << record.name;
            continue;
        }
        if (mains.size() > 1) {
            note(QStringLiteral("not started: %1 all claim to be its main disk %2")
                         .arg(paths(mains).join(QStringLiteral(", ")), record.mainId));
            continue;
        }
        const DiskInfo &main = mains.first()->disk;
        if (used.contains(main.devnum) || used.contains(spare.disk.devnum)) {
            note(QStringLiteral("not started: its disks belong to a pair started before it"));
            continue;
        }
        if (main.inUse || spare.disk.inUse) {
            const DiskInfo &busy = main.inUse ? main : spare.disk;
            note(QStringLiteral("not started: %1 is in use: %2").arg(busy.description(), busy.inUseReason));
            continue;
        }
        if (room <= 0) {
            note(QStringLiteral("not started: too many pairs"));
            continue;
        }
        used << main.devnum << spare.disk.devnum;
        plan.pairs << PlannedPair{record, main, spare.disk, spare.meta.used};
        --room;
    }
    return plan;
}

ImportPlan planImport(const QList<ProbedDisk> &disks, const QList<PairRecord> &records, const QSet<QString> &running,
                      dev_t spareDevnum)
{
    ImportPlan out;
    const ProbedDisk *spare = nullptr;
    for (const ProbedDisk &d : disks)
        if (d.disk.devnum == spareDevnum)
            spare = &d;
    if (!spare) {
        out.error = {Errors::NotFound, QStringLiteral("the disk is gone")};
        return out;
    }
    const SpareMetadata &meta = spare->meta;
    const QString spareText = spare->disk.description();
    if (!meta.valid) {
        out.error = {Errors::NotFound, meta.hasMagic ? QStringLiteral("%1 carries damaged dm-remap metadata (%2)").arg(spareText, meta.error)
                                                     : QStringLiteral("%1 carries no dm-remap metadata").arg(spareText)};
        return out;
    }
    if (!isValidPairName(meta.label) || meta.mainId.isEmpty()) {
        out.error = {Errors::NotSupported, QStringLiteral("the metadata on %1 records no usable pair name or main disk identity").arg(spareText)};
        return out;
    }
    for (const PairRecord &r : records) {
        if (r.uuid == meta.uuid) {
            out.error = {Errors::Exists, QStringLiteral("%1 is the spare of recorded pair %2: assemble starts it").arg(spareText, r.name)};
            return out;
        }
        if (r.name == meta.label) {
            out.error = {Errors::Exists, QStringLiteral("another pair named %1 is recorded (remove it first)").arg(r.name)};
            return out;
        }
        if (r.mainId == meta.mainId && r.mainSectors == meta.mainSectors) {
            out.error = {Errors::Exists, QStringLiteral("main disk %1 belongs to recorded pair %2; %3 is an old spare of it")
                                                 .arg(meta.mainId, r.name, spareText)};
            return out;
        }
    }
    if (running.contains(meta.label)) {
        out.error = {Errors::Exists, QStringLiteral("a device named %1 exists already").arg(meta.label)};
        return out;
    }
    QList<const ProbedDisk *> twins;
    for (const ProbedDisk &d : disks)
        if (&d != spare && d.meta.valid && (d.meta.uuid == meta.uuid || d.meta.label == meta.label))
            twins << &d;
    if (!twins.isEmpty()) {
        out.error = {Errors::InvalidArgument, QStringLiteral("refused: %1 also carries dm-remap metadata of pair %2")
                                                      .arg(paths(twins).join(QStringLiteral(", ")), meta.label)};
        return out;
    }
    const QList<const ProbedDisk *> mains = mainsFor(disks, meta.mainId, meta.mainSectors, spareDevnum);
    if (mains.isEmpty()) {
        out.error = {Errors::NotFound, QStringLiteral("the main disk of pair %1 (%2, %3 sectors) is not present")
                                               .arg(meta.label, meta.mainId).arg(meta.mainSectors)};
        return out;
    }
    if (mains.size() > 1) {
        out.error = {Errors::InvalidArgument, QStringLiteral("refused: %1 all claim to be main disk %2")
                                                      .arg(paths(mains).join(QStringLiteral(", ")), meta.mainId)};
        return out;
    }
    const DiskInfo &main = mains.first()->disk;
    for (const DiskInfo *d : {&main, &spare->disk}) {
        if (d->inUse) {
            out.error = {Errors::InUse, QStringLiteral("%1 is in use: %2").arg(d->description(), d->inUseReason)};
            return out;
        }
    }
    const QString spareId = spare->disk.mainId();
    if (spareId.isEmpty() && spare->disk.removable) {
        out.error = {Errors::NotSupported, QStringLiteral("removable disk %1 has neither a WWN nor a serial number, so it "
                                                          "could not be recognized at boot").arg(spareText)};
        return out;
    }
    const PairRecord record{meta.label, meta.uuid, meta.mainId, meta.mainSectors, spareId, spare->disk.sectors()};
    out.pair = PlannedPair{record, main, spare->disk, meta.used};
    return out;
}

} // namespace Assembly
