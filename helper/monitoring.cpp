#include "monitoring.h"

#include "diskobject.h"
#include "manager.h"
#include "metrics.h"
#include "pairobject.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QPointer>
#include <QSet>

Monitoring::Monitoring(Manager *manager, const Options &options, QObject *parent)
    : QObject(parent)
    , m_manager(manager)
    , m_options(options)
    , m_hook(options.hook)
{
    m_writeTimer.setSingleShot(true);
    m_writeTimer.setInterval(200);
    connect(&m_writeTimer, &QTimer::timeout, this, &Monitoring::writeMetrics);
    m_forecastTimer.setInterval(60 * 60 * 1000);
    connect(&m_forecastTimer, &QTimer::timeout, this, [this] {
        for (PairObject *pair : m_manager->pairs())
            updateForecast(pair);
    });
    m_forecastTimer.start();
    connect(manager, &Manager::PairAdded, this, &Monitoring::watchPair);
    connect(manager, &Manager::DiskAdded, this, &Monitoring::watchDisk);
    connect(manager, &Manager::PairRemoved, this, &Monitoring::scheduleWrite);
    connect(manager, &Manager::DiskRemoved, this, &Monitoring::scheduleWrite);
    if (m_options.metricsDirectory.isEmpty())
        qInfo("dm-remap-helper: metrics are not written (no directory set)");
    else if (!QFileInfo(m_options.metricsDirectory).isDir())
        qInfo("dm-remap-helper: metrics are not written: %s does not exist (install prometheus-node-exporter)",
              qPrintable(m_options.metricsDirectory));
}

Monitoring::Known &Monitoring::knownFor(PairObject *pair)
{
    Known &known = m_known[pair->name()];
    if (const DiskObject *main = m_manager->diskByDevnum(pair->mainDevnum()))
        known.mainSerial = main->info().serial;
    if (const DiskObject *spare = m_manager->diskByDevnum(pair->spareDevnum()))
        known.spareSerial = spare->info().serial;
    return known;
}

EventHook::Variables Monitoring::pairVariables(PairObject *pair)
{
    const QVariantMap status = pair->statusMap();
    const Known &known = knownFor(pair);
    return {
            {QStringLiteral("PAIR"), pair->name()},
            {QStringLiteral("DEVICE"), status.value(QStringLiteral("device")).toString()},
            {QStringLiteral("STATE"), status.value(QStringLiteral("state")).toString()},
            {QStringLiteral("MOVED"), QString::number(status.value(QStringLiteral("remapped")).toULongLong())},
            {QStringLiteral("PENDING"), QString::number(status.value(QStringLiteral("pending")).toULongLong())},
            {QStringLiteral("SPARE_SLOTS"), QString::number(status.value(QStringLiteral("capacity")).toULongLong())},
            {QStringLiteral("UNREADABLE_SECTORS"), QString::number(status.value(QStringLiteral("unreadable-sectors")).toULongLong())},
            {QStringLiteral("READ_ERRORS"), QString::number(status.value(QStringLiteral("read-errors")).toULongLong())},
            {QStringLiteral("WRITE_ERRORS"), QString::number(status.value(QStringLiteral("write-errors")).toULongLong())},
            {QStringLiteral("MAIN_SERIAL"), known.mainSerial},
            {QStringLiteral("SPARE_SERIAL"), known.spareSerial},
            {QStringLiteral("HOST"), QSysInfo::machineHostName()},
    };
}

void Monitoring::updateForecast(PairObject *pair)
{
    const QPointer<PairObject> guard(pair);
    // A pair without a status or history has no forecast: the store's
    // problems are logged where they arise.
    pair->forecast([this, guard](const QVariantMap &answer, const QString &) {
        if (!guard)
            return;
        Known &known = m_known[guard->name()];
        const std::optional<qint64> before = known.spareFullSecs;
        known.spareFullSecs = answer.value(QStringLiteral("forecast")).toBool()
                ? std::optional<qint64>(answer.value(QStringLiteral("likely")).toLongLong())
                : std::nullopt;
        if (known.spareFullSecs != before)
            scheduleWrite();
    });
}

void Monitoring::watchPair(const QDBusObjectPath &path)
{
    PairObject *pair = m_manager->pairByPath(path);
    if (!pair)
        return;
    const QVariantMap status = pair->statusMap();
    Known &known = knownFor(pair);
    known.moved = status.value(QStringLiteral("remapped")).toULongLong();
    known.pending = status.value(QStringLiteral("pending")).toULongLong();
    const QPointer<PairObject> guard(pair);
    connect(pair, &PairObject::ScanProgress, this, &Monitoring::scheduleWrite);
    connect(pair, &PairObject::Changed, this, [this, guard](qulonglong moved, qulonglong pending) {
        scheduleWrite();
        if (!guard)
            return;
        Known &known = m_known[guard->name()];
        const bool moreMoved = moved > known.moved, morePending = pending > known.pending;
        known.moved = moved;
        known.pending = pending;
        if (moreMoved)
            updateForecast(guard);
        EventHook::Variables variables = pairVariables(guard);
        if (moreMoved)
            m_hook.notify(QStringLiteral("blocks-moved"), variables);
        if (morePending)
            m_hook.notify(QStringLiteral("blocks-pending"), variables);
    });
    connect(pair, &PairObject::StateChanged, this, [this, guard](const QString &old, const QString &) {
        scheduleWrite();
        if (!guard)
            return;
        EventHook::Variables variables = pairVariables(guard);
        variables.insert(QStringLiteral("OLD_STATE"), old);
        m_hook.notify(QStringLiteral("state-changed"), variables);
    });
    updateForecast(pair);
    scheduleWrite();
    // A pair found in trouble (at the helper's start, or assembled so) is news.
    const QString state = status.value(QStringLiteral("state")).toString();
    if (state != QLatin1String("ok")) {
        EventHook::Variables variables = pairVariables(pair);
        variables.insert(QStringLiteral("OLD_STATE"), QString());
        m_hook.notify(QStringLiteral("state-changed"), variables);
    }
}

void Monitoring::watchDisk(const QDBusObjectPath &path)
{
    DiskObject *disk = m_manager->diskByPath(path);
    if (!disk)
        return;
    const QPointer<DiskObject> guard(disk);
    connect(disk, &DiskObject::Updated, this, &Monitoring::scheduleWrite);
    connect(disk, &DiskObject::VerdictChanged, this, [this, guard](const QString &old, const QString &verdict) {
        const auto serious = [](const QString &v) { return v == QLatin1String("warning") || v == QLatin1String("failing"); };
        if (!guard || !(serious(old) || serious(verdict)))
            return;
        const DiskInfo &info = guard->info();
        m_hook.notify(QStringLiteral("smart-verdict-changed"),
                      {{QStringLiteral("DISK"), info.path},
                       {QStringLiteral("SERIAL"), info.serial},
                       {QStringLiteral("MODEL"), info.model},
                       {QStringLiteral("VERDICT"), verdict},
                       {QStringLiteral("OLD_VERDICT"), old},
                       {QStringLiteral("VERDICT_REASON"), guard->smart().verdictReason},
                       {QStringLiteral("HOST"), QSysInfo::machineHostName()}});
    });
    scheduleWrite();
}

void Monitoring::scheduleWrite()
{
    if (!m_writeTimer.isActive())
        m_writeTimer.start();
}

void Monitoring::writeMetrics()
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QList<Metrics::PairSample> pairs;
    for (PairObject *pair : m_manager->pairs()) {
        const QVariantMap s = pair->statusMap();
        const Known &known = knownFor(pair);
        Metrics::PairSample p;
        p.name = pair->name();
        p.mainSerial = known.mainSerial;
        p.spareSerial = known.spareSerial;
        p.state = s.value(QStringLiteral("state")).toString();
        p.mainPresent = s.value(QStringLiteral("main-present")).toBool();
        p.sparePresent = s.value(QStringLiteral("spare-present")).toBool();
        p.statusKnown = s.value(QStringLiteral("block-size")).toUInt() > 0;
        p.blockSizeBytes = quint64(s.value(QStringLiteral("block-size")).toUInt()) * 512;
        p.mainSizeBytes = s.value(QStringLiteral("main-sectors")).toULongLong() * 512;
        p.moved = s.value(QStringLiteral("remapped")).toULongLong();
        p.pending = s.value(QStringLiteral("pending")).toULongLong();
        p.capacity = s.value(QStringLiteral("capacity")).toULongLong();
        p.failedSlots = s.value(QStringLiteral("failed-slots")).toULongLong();
        p.readErrors = s.value(QStringLiteral("read-errors")).toULongLong();
        p.writeErrors = s.value(QStringLiteral("write-errors")).toULongLong();
        p.unreadableSectors = s.value(QStringLiteral("unreadable-sectors")).toULongLong();
        p.weakMoved = s.value(QStringLiteral("weak-moved")).toULongLong();
        p.metadataRepaired = s.value(QStringLiteral("metadata-repaired")).toULongLong();
        if (known.spareFullSecs)
            p.spareDaysLeft = double(*known.spareFullSecs - now) / 86400;
        p.scanState = s.value(QStringLiteral("scan-state")).toString();
        p.scanPositionBytes = s.value(QStringLiteral("scan-position")).toULongLong();
        p.scanSizeBytes = s.value(QStringLiteral("scan-pass-started")).toLongLong() ? s.value(QStringLiteral("scan-size")).toULongLong() : 0;
        p.scanLastFinishedSecs = s.value(QStringLiteral("scan-last-finished")).toLongLong();
        pairs << p;
    }
    QList<Metrics::DiskSample> disks;
    QSet<QString> serials;
    for (const DiskObject *disk : m_manager->disks()) {
        // Series must be unique: a disk without a serial, or a second one
        // with the same, goes by the helper's unique disk id instead.
        QString serial = disk->info().serial;
        if (serial.isEmpty() || serials.contains(serial))
            serial = disk->info().id;
        serials.insert(serial);
        disks << Metrics::DiskSample{serial, disk->info().model, disk->smart()};
    }
    if (m_options.metricsDirectory.isEmpty() || !QFileInfo(m_options.metricsDirectory).isDir())
        return;
    QString error;
    const QByteArray text = Metrics::render(pairs, disks, now);
    if (!Metrics::writeAtomically(m_options.metricsDirectory, text, &error)) {
        if (!m_writeFailed)
            qWarning("dm-remap-helper: metrics: %s", qPrintable(error));
        m_writeFailed = true;
        return;
    }
    if (m_writeFailed)
        qInfo("dm-remap-helper: metrics are written again to %s", qPrintable(m_options.metricsDirectory));
    m_writeFailed = false;
}
