#include "remapmapmodel.h"

#include "health.h"

#include <QGuiApplication>

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

// Graphics need 3:1 against their surroundings: every mark at least 3:1
// against a clean cell, moved blocks from 3:1 (one) to 6:1 (the busiest
// cell), unreadable ones the strongest (9:1) so that they differ from moved
// ones in lightness, not only in hue.
RemapMapModel::Colors RemapMapModel::colors(const QPalette &palette)
{
    Colors c;
    c.clean = Health::blend(palette.color(QPalette::Base), QColor(0x2e, 0x7d, 0x32), 0.14);
    c.fewMoved = Health::readableOn(QColor(0xc6, 0x28, 0x28), c.clean, 3.0);
    c.manyMoved = Health::readableOn(QColor(0xc6, 0x28, 0x28), c.clean, 6.0);
    c.unreadable = Health::readableOn(QColor(0xef, 0x8f, 0x00), c.clean, 9.0);
    // 8 bits a channel, as painted.
    for (QColor *colour : {&c.clean, &c.fewMoved, &c.manyMoved, &c.unreadable})
        *colour = QColor::fromRgb(colour->rgb());
    return c;
}

QColor RemapMapModel::cellColor(uint remaps, uint pending, uint maxRemaps, uint maxPending, const Colors &colors)
{
    Q_UNUSED(maxPending);
    if (remaps > 0)
        return Health::blend(colors.fewMoved, colors.manyMoved,
                             (weight(remaps, maxRemaps) - visibleFloor) / (1 - visibleFloor));
    if (pending > 0)
        return colors.unreadable;
    return colors.clean;
}

QColor RemapMapModel::cellColor(uint remaps, uint pending, uint maxRemaps, uint maxPending)
{
    return cellColor(remaps, pending, maxRemaps, maxPending, colors(QGuiApplication::palette()));
}
