#include "remapmapmodel.h"

#include <QTimer>

#include <algorithm>
#include <cmath>

RemapMapModel::RemapMapModel(QObject *parent)
    : QObject(parent)
{
}

qulonglong RemapMapModel::totalBlocks() const
{
    return (m_sectors + m_blockSize - 1) / m_blockSize;
}

void RemapMapModel::setDisk(qulonglong sectors, uint blockSize)
{
    m_sectors = sectors;
    m_blockSize = std::max(1u, blockSize);
    showWholeDisk();
}

void RemapMapModel::setCapacity(uint cells)
{
    cells = std::clamp(cells, 1u, maxBuckets);
    if (cells == m_capacity)
        return;
    m_capacity = cells;
    setView(m_first / m_blockSize, (m_length + m_blockSize - 1) / m_blockSize);
}

void RemapMapModel::setView(qulonglong firstBlock, qulonglong blocks)
{
    const qulonglong total = totalBlocks();
    blocks = std::clamp<qulonglong>(blocks, std::min<qulonglong>(total, m_capacity), total);
    firstBlock = std::min(firstBlock, total - blocks);
    m_first = firstBlock * m_blockSize;
    m_length = std::min(blocks * m_blockSize, m_sectors - m_first);
    m_cells = uint(std::min<qulonglong>(m_capacity, blocks));
    m_haveCounts = false;
    m_counts.clear();
    m_maxRemaps = m_maxPending = 0;
    Q_EMIT viewChanged();
    scheduleRequest();
}

qulonglong RemapMapModel::cellFirst(uint cell) const
{
    if (m_cells == 0)
        return m_first;
    // The helper puts sector s in bucket floor((s - first) * cells / length),
    // so bucket i starts at the first sector that reaches i: a ceiling.
    return m_first + qulonglong(((unsigned __int128)m_length * cell + m_cells - 1) / m_cells);
}

qulonglong RemapMapModel::cellLength(uint cell) const
{
    return cellFirst(cell + 1) - cellFirst(cell);
}

int RemapMapModel::cellOfSector(qulonglong sector) const
{
    if (m_cells == 0 || sector < m_first || sector >= m_first + m_length)
        return -1;
    return int((unsigned __int128)(sector - m_first) * m_cells / m_length);
}

DmRemap::MapBucket RemapMapModel::counts(uint cell) const
{
    return cell < uint(m_counts.size()) ? m_counts.at(cell) : DmRemap::MapBucket{};
}

bool RemapMapModel::canZoomIn() const
{
    return m_length > qulonglong(m_cells) * m_blockSize;
}

void RemapMapModel::zoomIn(uint aroundCell)
{
    if (!canZoomIn())
        return;
    const qulonglong blocks = std::max<qulonglong>((m_length / m_blockSize) / zoomFactor, m_capacity);
    const qulonglong centre = (cellFirst(aroundCell) + cellLength(aroundCell) / 2) / m_blockSize;
    setView(centre > blocks / 2 ? centre - blocks / 2 : 0, blocks);
}

void RemapMapModel::zoomOut()
{
    if (!canZoomOut())
        return;
    const qulonglong viewBlocks = (m_length + m_blockSize - 1) / m_blockSize;
    const qulonglong blocks = viewBlocks * zoomFactor;
    const qulonglong centre = m_first / m_blockSize + viewBlocks / 2;
    setView(centre > blocks / 2 ? centre - blocks / 2 : 0, blocks);
}

void RemapMapModel::showWholeDisk()
{
    setView(0, totalBlocks());
}

void RemapMapModel::scheduleRequest()
{
    if (m_requestPending || m_sectors == 0)
        return;
    // A resize or a zoom comes with several changes: ask once, for the last.
    m_requestPending = true;
    QTimer::singleShot(0, this, [this] {
        m_requestPending = false;
        if (m_cells > 0)
            Q_EMIT countsNeeded(m_first, m_length, m_cells);
    });
}

void RemapMapModel::refresh()
{
    scheduleRequest();
}

void RemapMapModel::setCounts(qulonglong first, qulonglong length, const DmRemap::MapBucketList &buckets)
{
    if (first != m_first || length != m_length || uint(buckets.size()) != m_cells)
        return;
    m_counts = buckets;
    m_maxRemaps = m_maxPending = 0;
    for (const DmRemap::MapBucket &b : buckets) {
        m_maxRemaps = std::max(m_maxRemaps, b.remaps);
        m_maxPending = std::max(m_maxPending, b.pending);
    }
    m_haveCounts = true;
    Q_EMIT countsChanged();
}

static QColor blend(const QColor &from, const QColor &to, double t)
{
    return QColor::fromRgbF(float(from.redF() + (to.redF() - from.redF()) * t),
                            float(from.greenF() + (to.greenF() - from.greenF()) * t),
                            float(from.blueF() + (to.blueF() - from.blueF()) * t));
}

// Share of the full colour a single count already gets.
constexpr double visibleFloor = 0.5;

static double weight(uint count, uint max)
{
    if (count == 0)
        return 0;
    if (max <= 1)
        return 1;
    return visibleFloor + (1 - visibleFloor) * std::log1p(count) / std::log1p(max);
}

QColor RemapMapModel::cellColor(uint remaps, uint pending, uint maxRemaps, uint maxPending)
{
    static const QColor clean(0xdc, 0xea, 0xdc);
    static const QColor remapped(0xb7, 0x1c, 0x1c);
    static const QColor unreadable(0xef, 0x8f, 0x00);
    if (remaps > 0)
        return blend(clean, remapped, weight(remaps, maxRemaps));
    if (pending > 0)
        return blend(clean, unreadable, weight(pending, maxPending));
    return clean;
}
