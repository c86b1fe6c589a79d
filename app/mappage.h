// The Remap map tab: the pair's main disk as a grid, a legend, zoom
// controls and the list of remaps in the chosen cell.
#pragma once

#include "dbustypes.h"

#include <QWidget>

class HelperClient;
class QLabel;
class QPushButton;
class QTreeWidget;
class RemapMapModel;
class RemapMapWidget;

class MapPage : public QWidget
{
    Q_OBJECT
public:
    // Remaps listed for one cell at most (the rest is counted).
    static constexpr uint maxListedRemaps = 1000;

    explicit MapPage(HelperClient *client, QWidget *parent = nullptr);

    // A pair, or one of its disks (shows the pair).
    void setObject(const QString &path);
    QString pair() const { return m_pair; }
    RemapMapModel *model() const { return m_model; }
    RemapMapWidget *mapWidget() const { return m_map; }
    QTreeWidget *remapList() const { return m_list; }

private:
    void loadPair();
    void updateLabels();
    void listCell(int cell);

    HelperClient *m_client;
    QString m_pair;
    RemapMapModel *m_model;
    RemapMapWidget *m_map;
    QLabel *m_range;
    QLabel *m_empty;
    QPushButton *m_zoomIn;
    QPushButton *m_zoomOut;
    QPushButton *m_whole;
    QLabel *m_listTitle;
    QTreeWidget *m_list;
};
