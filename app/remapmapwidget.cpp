#include "remapmapwidget.h"

#include "remapmapmodel.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QPainter>
#include <QToolTip>

RemapMapWidget::RemapMapWidget(RemapMapModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
{
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setAccessibleName(tr("Remap map"));
    setAccessibleDescription(tr("The main disk from start to end. Red cells hold blocks moved to the spare, "
                                "darker red the more there are; dark orange cells hold blocks that could not be read. Arrow keys move, Enter lists "
                                "the blocks of a cell, plus and minus zoom."));
    connect(model, &RemapMapModel::viewChanged, this, [this] {
        m_current = std::clamp(m_current, 0, std::max(0, int(m_model->cellCount()) - 1));
        update();
    });
    connect(model, &RemapMapModel::countsChanged, this, qOverload<>(&QWidget::update));
}

QSize RemapMapWidget::sizeHint() const
{
    return {64 * cellPixels, 24 * cellPixels};
}

QSize RemapMapWidget::minimumSizeHint() const
{
    return {16 * cellPixels, 8 * cellPixels};
}

int RemapMapWidget::columns() const
{
    return std::max(1, width() / cellPixels);
}

void RemapMapWidget::updateCapacity()
{
    m_model->setCapacity(uint(columns() * std::max(1, height() / cellPixels)));
}

void RemapMapWidget::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    updateCapacity();
}

QRect RemapMapWidget::cellRect(int cell) const
{
    const int cols = columns();
    return {(cell % cols) * cellPixels, (cell / cols) * cellPixels, cellPixels - 1, cellPixels - 1};
}

int RemapMapWidget::cellAt(const QPoint &point) const
{
    if (point.x() < 0 || point.y() < 0 || point.x() >= columns() * cellPixels)
        return -1;
    const int cell = (point.y() / cellPixels) * columns() + point.x() / cellPixels;
    return cell < int(m_model->cellCount()) ? cell : -1;
}

void RemapMapWidget::setCurrentCell(int cell)
{
    if (cell < 0 || cell >= int(m_model->cellCount()) || cell == m_current)
        return;
    update(cellRect(m_current).adjusted(-2, -2, 2, 2));
    m_current = cell;
    update(cellRect(m_current).adjusted(-2, -2, 2, 2));
}

QString RemapMapWidget::cellDescription(int cell) const
{
    if (cell < 0 || cell >= int(m_model->cellCount()))
        return {};
    const QLocale locale;
    const qulonglong first = m_model->cellFirst(uint(cell));
    const qulonglong length = m_model->cellLength(uint(cell));
    QString text = tr("Sectors %1 to %2").arg(locale.toString(first), locale.toString(first + length - 1));
    if (!m_model->hasCounts())
        return text + QLatin1Char('\n') + tr("Counting…");
    const DmRemap::MapBucket counts = m_model->counts(uint(cell));
    text += QLatin1Char('\n') + tr("%Ln block(s) moved to the spare", nullptr, int(counts.remaps));
    text += QLatin1Char('\n') + tr("%Ln unreadable block(s) waiting", nullptr, int(counts.pending));
    return text;
}

void RemapMapWidget::paintEvent(QPaintEvent *event)
{
    QPainter painter(this);
    painter.fillRect(event->rect(), palette().base());
    const uint cells = m_model->cellCount();
    const bool haveCounts = m_model->hasCounts();
    const uint maxRemaps = m_model->maxRemaps();
    const uint maxPending = m_model->maxPending();
    const QColor waiting = palette().color(QPalette::Mid);
    const RemapMapModel::Colors colors = RemapMapModel::colors(palette());
    // Only the cells that intersect the exposed area: cost follows the
    // widget's size, never the number of remaps.
    const int cols = columns();
    const int firstRow = std::max(0, event->rect().top() / cellPixels);
    const int lastRow = event->rect().bottom() / cellPixels;
    for (int row = firstRow; row <= lastRow; ++row) {
        for (int col = 0; col < cols; ++col) {
            const uint cell = uint(row * cols + col);
            if (cell >= cells)
                break;
            const QRect rect = cellRect(int(cell));
            if (!haveCounts) {
                painter.fillRect(rect, waiting);
                continue;
            }
            const DmRemap::MapBucket counts = m_model->counts(cell);
            painter.fillRect(rect, RemapMapModel::cellColor(counts.remaps, counts.pending, maxRemaps, maxPending, colors));
            // Unreadable blocks among moved ones: a mark ringed in the clean
            // colour, which stands out from both.
            if (counts.remaps > 0 && counts.pending > 0) {
                painter.fillRect(rect.adjusted(2, 2, -2, -2), colors.clean);
                painter.fillRect(rect.adjusted(3, 3, -3, -3), colors.unreadable);
            }
        }
    }
    if (hasFocus() && m_current < int(cells)) {
        painter.setPen(QPen(palette().color(QPalette::Highlight), 2));
        painter.drawRect(cellRect(m_current).adjusted(-1, -1, 1, 1));
    }
}

void RemapMapWidget::mousePressEvent(QMouseEvent *event)
{
    const int cell = cellAt(event->position().toPoint());
    if (cell < 0 || event->button() != Qt::LeftButton)
        return;
    setCurrentCell(cell);
    Q_EMIT cellActivated(cell);
}

void RemapMapWidget::mouseDoubleClickEvent(QMouseEvent *event)
{
    const int cell = cellAt(event->position().toPoint());
    if (cell >= 0)
        m_model->zoomIn(uint(cell));
}

void RemapMapWidget::wheelEvent(QWheelEvent *event)
{
    const int cell = cellAt(event->position().toPoint());
    if (event->angleDelta().y() > 0 && cell >= 0)
        m_model->zoomIn(uint(cell));
    else if (event->angleDelta().y() < 0)
        m_model->zoomOut();
    event->accept();
}

void RemapMapWidget::keyPressEvent(QKeyEvent *event)
{
    const int cols = columns();
    switch (event->key()) {
    case Qt::Key_Left: setCurrentCell(m_current - 1); break;
    case Qt::Key_Right: setCurrentCell(m_current + 1); break;
    case Qt::Key_Up: setCurrentCell(m_current - cols); break;
    case Qt::Key_Down: setCurrentCell(m_current + cols); break;
    case Qt::Key_Home: setCurrentCell(0); break;
    case Qt::Key_End: setCurrentCell(int(m_model->cellCount()) - 1); break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Space: Q_EMIT cellActivated(m_current); break;
    case Qt::Key_Plus:
    case Qt::Key_Equal: m_model->zoomIn(uint(m_current)); break;
    case Qt::Key_Minus: m_model->zoomOut(); break;
    default: QWidget::keyPressEvent(event); return;
    }
    event->accept();
}

bool RemapMapWidget::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int cell = cellAt(help->pos());
        if (cell >= 0)
            QToolTip::showText(help->globalPos(), cellDescription(cell), this, cellRect(cell));
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}
