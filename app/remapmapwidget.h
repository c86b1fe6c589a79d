// Draws a RemapMapModel as a grid of cells with a keyboard-movable current
// cell. Clicking or Enter activates a cell (its remaps are listed), the
// wheel or +/- zooms, double-click zooms into a cell.
#pragma once

#include <QWidget>

class RemapMapModel;

class RemapMapWidget : public QWidget
{
    Q_OBJECT
public:
    static constexpr int cellPixels = 12; // cell plus a 1 px gap

    explicit RemapMapWidget(RemapMapModel *model, QWidget *parent = nullptr);

    // The cell under a point of the widget, or -1.
    int cellAt(const QPoint &point) const;
    QRect cellRect(int cell) const;
    int currentCell() const { return m_current; }
    void setCurrentCell(int cell);
    // Tooltip text of a cell: its sector range and counts.
    QString cellDescription(int cell) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void cellActivated(int cell);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool event(QEvent *event) override;

private:
    int columns() const;
    void updateCapacity();

    RemapMapModel *m_model;
    int m_current = 0;
};
