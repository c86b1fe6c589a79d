#include "metrics.h"

#include <QDir>
#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Metrics {

namespace {

struct Family {
    const char *name;
    const char *type;
    const char *help;
    QByteArray samples;
};

class Writer
{
public:
    // Families keep the order of their first use; each is printed whole.
    Family &family(const char *name, const char *type, const char *help)
    {
        for (Family &f : m_families)
            if (qstrcmp(f.name, name) == 0)
                return f;
        m_families.append(Family{name, type, help, {}});
        return m_families.last();
    }

    void add(const char *name, const char *type, const char *help, const QByteArray &labels, const QByteArray &value)
    {
        Family &f = family(name, type, help);
        f.samples += name;
        if (!labels.isEmpty())
            f.samples += '{' + labels + '}';
        f.samples += ' ' + value + '\n';
    }

    QByteArray text() const
    {
        QByteArray out;
        for (const Family &f : m_families) {
            out += QByteArray("# HELP ") + f.name + ' ' + f.help + '\n';
            out += QByteArray("# TYPE ") + f.name + ' ' + f.type + '\n';
            out += f.samples;
        }
        return out;
    }

private:
    QList<Family> m_families;
};

QByteArray label(const char *name, const QString &value)
{
    return QByteArray(name) + "=\"" + escapeLabelValue(value).toUtf8() + '"';
}

QByteArray number(quint64 value)
{
    return QByteArray::number(value);
}

QByteArray ratio(uint percent)
{
    return QByteArray::number(percent / 100.0, 'g', 6);
}

void addPair(Writer &w, const PairSample &p)
{
    const QByteArray labels = label("pair", p.name) + ',' + label("main_serial", p.mainSerial) + ','
                              + label("spare_serial", p.spareSerial);
    for (const QString &state : pairStates())
        w.add("dmremap_pair_state", "gauge",
              "1 for the pair's current state (ok, spare_low, spare_full, spare_error, metadata_error, missing: a disk is gone), else 0.",
              labels + ',' + label("state", state), state == p.state ? "1" : "0");
    w.add("dmremap_pair_main_present", "gauge", "1 while the pair's main disk is present.", labels, p.mainPresent ? "1" : "0");
    w.add("dmremap_pair_spare_present", "gauge", "1 while the pair's spare disk is present.", labels, p.sparePresent ? "1" : "0");
    for (const QString &state : scanStates())
        w.add("dmremap_pair_scan_state", "gauge",
              "1 for the background scan's state (idle, running, paused-busy, paused-asleep, stopped), else 0.",
              labels + ',' + label("state", state), state == p.scanState ? "1" : "0");
    w.add("dmremap_pair_scan_progress_ratio", "gauge", "Part of the pair read by the background scan's pass under way (0 to 1).",
          labels, p.scanSizeBytes ? QByteArray::number(double(p.scanPositionBytes) / double(p.scanSizeBytes), 'g', 6) : "0");
    if (p.scanLastFinishedSecs)
        w.add("dmremap_pair_scan_last_completed_timestamp_seconds", "gauge",
              "When the background scan last read the whole pair; absent before the first pass ends.", labels,
              QByteArray::number(p.scanLastFinishedSecs));
    if (!p.statusKnown)
        return;
    w.add("dmremap_pair_moved_blocks", "gauge", "Blocks of the main disk moved to the spare.", labels, number(p.moved));
    w.add("dmremap_pair_pending_blocks", "gauge",
          "Blocks that failed to read and wait for a write to be moved.", labels, number(p.pending));
    w.add("dmremap_pair_spare_slots_used", "gauge", "Spare slots holding a moved block.", labels, number(p.moved));
    w.add("dmremap_pair_spare_slots", "gauge", "Spare slots in all.", labels, number(p.capacity));
    w.add("dmremap_pair_spare_failed_slots", "gauge", "Spare slots whose write failed and that are not used.", labels,
          number(p.failedSlots));
    w.add("dmremap_pair_block_size_bytes", "gauge", "Size of one remapped block.", labels, number(p.blockSizeBytes));
    w.add("dmremap_pair_main_size_bytes", "gauge", "Size of the main disk's part the pair maps.", labels, number(p.mainSizeBytes));
    w.add("dmremap_pair_unreadable_sectors", "gauge", "512-byte sectors currently known unreadable.", labels,
          number(p.unreadableSectors));
    w.add("dmremap_pair_read_errors_total", "counter", "Reads of the main disk that failed, since the table was loaded.", labels,
          number(p.readErrors));
    w.add("dmremap_pair_write_errors_total", "counter", "Writes of the main disk that failed, since the table was loaded.", labels,
          number(p.writeErrors));
    w.add("dmremap_pair_weak_moved_blocks_total", "counter",
          "Blocks moved after a read that succeeded only on a retry, since the table was loaded.", labels, number(p.weakMoved));
    w.add("dmremap_pair_metadata_repaired_total", "counter",
          "Metadata blocks rewritten from their good copy at load, since the table was loaded.", labels, number(p.metadataRepaired));
    if (p.spareDaysLeft)
        w.add("dmremap_pair_spare_days_left", "gauge",
              "Days until the spare is full at the current rate (the forecast's likely date); absent without a forecast.", labels,
              QByteArray::number(*p.spareDaysLeft, 'f', 2));
}

void addDisk(Writer &w, const DiskSample &d)
{
    const QByteArray labels = label("serial", d.serial) + ',' + label("model", d.model);
    const SmartReport &s = d.smart;
    w.add("dmremap_disk_smart_available", "gauge", "1 when the disk's SMART data was read.", labels, s.available ? "1" : "0");
    for (const char *verdict : {"passed", "warning", "failing", "unknown"})
        w.add("dmremap_disk_smart_verdict", "gauge", "1 for the disk's SMART verdict (passed, warning, failing, unknown), else 0.",
              labels + ',' + label("verdict", QString::fromLatin1(verdict)), s.verdict == QLatin1String(verdict) ? "1" : "0");
    if (!s.available)
        return;
    if (s.reallocatedSectors)
        w.add("dmremap_disk_reallocated_sectors", "gauge", "Sectors the disk reallocated (ATA attribute 5).", labels,
              number(*s.reallocatedSectors));
    if (s.pendingSectors)
        w.add("dmremap_disk_pending_sectors", "gauge", "Sectors waiting to be reallocated (ATA attribute 197).", labels,
              number(*s.pendingSectors));
    if (s.offlineUncorrectable)
        w.add("dmremap_disk_offline_uncorrectable_sectors", "gauge",
              "Sectors the offline scan found uncorrectable (ATA attribute 198).", labels, number(*s.offlineUncorrectable));
    if (s.reportedUncorrect)
        w.add("dmremap_disk_reported_uncorrectable_errors", "gauge", "Errors the disk could not correct (ATA attribute 187).",
              labels, number(*s.reportedUncorrect));
    if (s.crcErrors)
        w.add("dmremap_disk_crc_errors_total", "counter", "Interface CRC errors (ATA attribute 199).", labels, number(*s.crcErrors));
    if (s.temperature)
        w.add("dmremap_disk_temperature_celsius", "gauge", "The disk's temperature.", labels, QByteArray::number(*s.temperature));
    if (s.powerOnHours)
        w.add("dmremap_disk_power_on_seconds_total", "counter", "Time the disk has been powered on.", labels,
              number(*s.powerOnHours * 3600));
    if (s.isNvme) {
        w.add("dmremap_disk_nvme_media_errors_total", "counter", "NVMe media and data integrity errors.", labels,
              number(s.nvmeMediaErrors));
        w.add("dmremap_disk_nvme_available_spare_ratio", "gauge", "NVMe available spare (0 to 1).", labels,
              ratio(s.nvmeAvailableSpare));
        w.add("dmremap_disk_nvme_available_spare_threshold_ratio", "gauge",
              "NVMe available spare below which the disk warns (0 to 1).", labels, ratio(s.nvmeAvailableSpareThreshold));
        w.add("dmremap_disk_nvme_endurance_used_ratio", "gauge", "NVMe percentage used, as a ratio (may exceed 1).", labels,
              ratio(s.nvmePercentageUsed));
        w.add("dmremap_disk_nvme_critical_warning", "gauge", "NVMe critical warning bits.", labels, number(s.nvmeCriticalWarning));
    }
}

bool fail(QString *error, const QString &what)
{
    *error = QStringLiteral("%1: %2").arg(what, QString::fromLocal8Bit(strerror(errno)));
    return false;
}

} // namespace

QStringList scanStates()
{
    return {QStringLiteral("idle"), QStringLiteral("running"), QStringLiteral("paused-busy"), QStringLiteral("paused-asleep"),
            QStringLiteral("stopped")};
}

QStringList pairStates()
{
    return {QStringLiteral("ok"), QStringLiteral("spare_low"), QStringLiteral("spare_full"), QStringLiteral("spare_error"),
            QStringLiteral("metadata_error"), QStringLiteral("missing")};
}

QString escapeLabelValue(const QString &value)
{
    QString out;
    out.reserve(value.size());
    for (const QChar c : value) {
        if (c == u'\\')
            out += QStringLiteral("\\\\");
        else if (c == u'"')
            out += QStringLiteral("\\\"");
        else if (c == u'\n')
            out += QStringLiteral("\\n");
        else
            out += c;
    }
    return out;
}

QByteArray render(const QList<PairSample> &pairs, const QList<DiskSample> &disks, qint64 nowSecs)
{
    Writer w;
    w.add("dmremap_metrics_last_update_timestamp_seconds", "gauge",
          "When dm-remap-helper last wrote this file (on every change and every SMART read).", {}, QByteArray::number(nowSecs));
    w.add("dmremap_pairs", "gauge", "dm-remap pairs on this machine.", {}, QByteArray::number(pairs.size()));
    for (const PairSample &p : pairs)
        addPair(w, p);
    for (const DiskSample &d : disks)
        addDisk(w, d);
    return w.text();
}

bool writeAtomically(const QString &dir, const QByteArray &text, QString *error)
{
    const QByteArray target = QFile::encodeName(dir + QLatin1Char('/') + QLatin1String(kFileName));
    const QByteArray temp = target + ".tmp"; // not *.prom: node_exporter skips it
    const int fd = ::open(temp.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (fd < 0)
        return fail(error, QStringLiteral("cannot create %1").arg(QFile::decodeName(temp)));
    qsizetype done = 0;
    bool ok = true;
    while (ok && done < text.size()) {
        const ssize_t n = ::write(fd, text.constData() + done, size_t(text.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        ok = n > 0;
        done += ok ? n : 0;
    }
    // The helper's umask is 0077; node_exporter reads as its own user.
    ok = ok && ::fchmod(fd, 0644) == 0 && ::fsync(fd) == 0;
    if (!ok) {
        fail(error, QStringLiteral("cannot write %1").arg(QFile::decodeName(temp)));
        ::close(fd);
        ::unlink(temp.constData());
        return false;
    }
    if (::close(fd) != 0 || ::rename(temp.constData(), target.constData()) != 0) {
        fail(error, QStringLiteral("cannot replace %1").arg(QFile::decodeName(target)));
        ::unlink(temp.constData());
        return false;
    }
    const int dirFd = ::open(QFile::encodeName(dir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dirFd >= 0) {
        ::fsync(dirFd);
        ::close(dirFd);
    }
    return true;
}

} // namespace Metrics
