// What the remap map shows: a window onto the main disk's sectors cut into
// as many cells as the widget has room for, each cell one bucket of the
// helper's GetMap counts. Zooming narrows the window, down to one block per
// cell. The widget draws and hit-tests; this class does the arithmetic.
#pragma once

#include "dbustypes.h"

#include <QColor>
#include <QObject>
#include <QPalette>

class RemapMapModel : public QObject
{
    Q_OBJECT
public:
    static constexpr uint maxBuckets = 65536; // the helper's limit
    static constexpr qulonglong zoomFactor = 8;

    explicit RemapMapModel(QObject *parent = nullptr);

    // The main disk: its size and the remap block size, both in sectors.
    // Shows the whole disk again.
    void setDisk(qulonglong sectors, uint blockSize);
    // How many cells fit in the widget.
    void setCapacity(uint cells);

    qulonglong diskSectors() const { return m_sectors; }
    uint blockSize() const { return m_blockSize; }
    qulonglong viewFirst() const { return m_first; }
    qulonglong viewLength() const { return m_length; }
    uint cellCount() const { return m_cells; }
    // Sector range [first, first + length) of cell i, as the helper cuts it.
    qulonglong cellFirst(uint cell) const;
    qulonglong cellLength(uint cell) const;
    // The cell holding a sector of the view, or -1.
    int cellOfSector(qulonglong sector) const;
    bool hasCounts() const { return m_haveCounts; }
    DmRemap::MapBucket counts(uint cell) const;
    uint maxRemaps() const { return m_maxRemaps; }
    uint maxPending() const { return m_maxPending; }

    bool canZoomIn() const;
    bool canZoomOut() const { return m_length < m_sectors; }
    void zoomIn(uint aroundCell);
    void zoomOut();
    void showWholeDisk();

    // Counts answered by the helper; ignored unless they are for the
    // current view (an older request answered late).
    void setCounts(qulonglong first, qulonglong length, const DmRemap::MapBucketList &buckets);
    // Ask for the counts of the current view again (the pair changed).
    void refresh();

    // The map's colours, fitted to a palette (see colors()).
    struct Colors {
        QColor clean, fewMoved, manyMoved, unreadable;
    };
    static Colors colors(const QPalette &palette);
    // The colour of a cell: one remap in a cell of a million sectors still
    // shows clearly, more remaps strengthen it (log scale against the
    // busiest). Without colors: those of the application's palette.
    static QColor cellColor(uint remaps, uint pending, uint maxRemaps, uint maxPending, const Colors &colors);
    static QColor cellColor(uint remaps, uint pending, uint maxRemaps, uint maxPending);

Q_SIGNALS:
    // The widget's owner fetches these from the helper.
    void countsNeeded(qulonglong first, qulonglong length, uint buckets);
    void viewChanged();
    void countsChanged();

private:
    void setView(qulonglong firstBlock, qulonglong blocks);
    void scheduleRequest();
    qulonglong totalBlocks() const;

    qulonglong m_sectors = 0;
    uint m_blockSize = 8;
    uint m_capacity = 1;
    qulonglong m_first = 0;
    qulonglong m_length = 0;
    uint m_cells = 0;
    bool m_haveCounts = false;
    bool m_requestPending = false;
    DmRemap::MapBucketList m_counts;
    uint m_maxRemaps = 0;
    uint m_maxPending = 0;
};
