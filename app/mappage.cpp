#include "mappage.h"

#include "health.h"

#include "helperclient.h"
#include "remapmapmodel.h"
#include "remapmapwidget.h"

#include <QDBusObjectPath>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPixmap>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

static QWidget *legendEntry(const QColor &color, const QString &text, QWidget *parent)
{
    QPixmap swatch(14, 14);
    swatch.fill(color);
    auto *holder = new QWidget(parent);
    auto *box = new QLabel(holder);
    box->setPixmap(swatch);
    auto *row = new QHBoxLayout(holder);
    row->setContentsMargins(0, 0, 12, 0);
    row->setSpacing(4);
    row->addWidget(box);
    row->addWidget(new QLabel(text, holder));
    holder->setAccessibleName(text);
    return holder;
}

MapPage::MapPage(HelperClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_model(new RemapMapModel(this))
    , m_map(new RemapMapWidget(m_model, this))
    , m_range(new QLabel(this))
    , m_empty(new QLabel(tr("Choose a pair to see where its bad blocks are."), this))
    , m_zoomIn(new QPushButton(QIcon(QStringLiteral(":/icons/zoom-in.svg")), tr("Zoom &in"), this))
    , m_zoomOut(new QPushButton(QIcon(QStringLiteral(":/icons/zoom-out.svg")), tr("Zoom o&ut"), this))
    , m_whole(new QPushButton(tr("&Whole disk"), this))
    , m_listTitle(new QLabel(this))
    , m_list(new QTreeWidget(this))
{
    m_range->setAccessibleName(tr("Shown range"));
    m_zoomIn->setToolTip(tr("Show the selected cell in more detail (also: double-click, mouse wheel, +)"));
    m_zoomOut->setToolTip(tr("Show a larger part of the disk (also: mouse wheel, -)"));
    m_list->setColumnCount(2);
    m_list->setHeaderLabels({tr("Sector on the main disk"), tr("Moved to spare sector")});
    m_list->setRootIsDecorated(false);
    m_list->setAccessibleName(tr("Remapped blocks in the chosen cell"));
    m_list->header()->setSectionResizeMode(QHeaderView::Stretch);
    m_listTitle->setWordWrap(true);
    m_listTitle->setText(tr("Click a cell to list the blocks moved from it."));

    auto *legend = new QHBoxLayout;
    const uint strong = 100;
    legend->addWidget(legendEntry(RemapMapModel::cellColor(0, 0, 0, 0), tr("No problem"), this));
    legend->addWidget(legendEntry(RemapMapModel::cellColor(1, 0, strong, 0), tr("Few blocks moved"), this));
    legend->addWidget(legendEntry(RemapMapModel::cellColor(strong, 0, strong, 0), tr("Many blocks moved"), this));
    legend->addWidget(legendEntry(RemapMapModel::cellColor(0, 1, 0, 1), tr("Unreadable, waiting"), this));
    legend->addStretch();

    auto *controls = new QHBoxLayout;
    controls->addWidget(m_range, 1);
    controls->addWidget(m_zoomIn);
    controls->addWidget(m_zoomOut);
    controls->addWidget(m_whole);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_empty);
    layout->addLayout(controls);
    layout->addWidget(m_map, 3);
    layout->addLayout(legend);
    layout->addWidget(m_listTitle);
    layout->addWidget(m_list, 1);

    connect(m_zoomIn, &QPushButton::clicked, this, [this] { m_model->zoomIn(uint(m_map->currentCell())); });
    connect(m_zoomOut, &QPushButton::clicked, m_model, &RemapMapModel::zoomOut);
    connect(m_whole, &QPushButton::clicked, m_model, &RemapMapModel::showWholeDisk);
    connect(m_model, &RemapMapModel::viewChanged, this, &MapPage::updateLabels);
    connect(m_model, &RemapMapModel::countsNeeded, this, [this](qulonglong first, qulonglong length, uint buckets) {
        if (!m_pair.isEmpty())
            m_client->fetchMap(m_pair, first, length, buckets);
    });
    connect(client, &HelperClient::mapReady, this,
            [this](const QString &pair, qulonglong first, qulonglong length, const DmRemap::MapBucketList &buckets) {
                if (pair == m_pair)
                    m_model->setCounts(first, length, buckets);
            });
    connect(client, &HelperClient::pairUpdated, this, [this](const QString &pair) {
        if (pair == m_pair)
            m_model->refresh();
    });
    connect(client, &HelperClient::structureChanged, this, [this] {
        if (!m_pair.isEmpty() && !m_client->hasPair(m_pair))
            setObject(QString());
    });
    connect(m_map, &RemapMapWidget::cellActivated, this, &MapPage::listCell);
    connect(client, &HelperClient::remapsInRangeReady, this,
            [this](const QString &pair, qulonglong first, qulonglong length, const DmRemap::RemapList &remaps, qulonglong) {
                if (pair != m_pair)
                    return;
                const QLocale locale;
                m_list->clear();
                QList<QTreeWidgetItem *> items;
                for (const DmRemap::Remap &r : remaps)
                    items << new QTreeWidgetItem({locale.toString(r.mainSector), locale.toString(r.spareSector)});
                m_list->addTopLevelItems(items);
                m_listTitle->setText(
                    tr("%Ln block(s) moved from sectors %1 to %2.", nullptr, int(remaps.size()))
                        .arg(locale.toString(first), locale.toString(first + length - 1)));
            });
    setObject(QString());
}

void MapPage::setObject(const QString &path)
{
    QString pair = m_client->hasPair(path) ? path : m_client->pairOfDisk(path);
    const bool same = pair == m_pair;
    m_pair = pair;
    const bool show = !m_pair.isEmpty();
    m_empty->setVisible(!show);
    m_map->setVisible(show);
    for (QWidget *w : {static_cast<QWidget *>(m_zoomIn), static_cast<QWidget *>(m_zoomOut),
                       static_cast<QWidget *>(m_whole), static_cast<QWidget *>(m_range),
                       static_cast<QWidget *>(m_list), static_cast<QWidget *>(m_listTitle)})
        w->setVisible(show);
    if (!same)
        loadPair();
}

void MapPage::loadPair()
{
    m_list->clear();
    m_listTitle->setText(tr("Click a cell to list the blocks moved from it."));
    const QVariantMap status = m_client->pairStatus(m_pair);
    m_model->setDisk(status.value(QStringLiteral("main-sectors")).toULongLong(),
                     status.value(QStringLiteral("block-size"), 8u).toUInt());
}

void MapPage::updateLabels()
{
    const QLocale locale;
    const qulonglong first = m_model->viewFirst();
    const qulonglong length = m_model->viewLength();
    if (length == 0) {
        m_range->clear();
    } else {
        const qulonglong perCell = m_model->cellCount() ? length / m_model->cellCount() : 0;
        m_range->setText(tr("Sectors %1 to %2 · %3 per cell")
                             .arg(locale.toString(first), locale.toString(first + length - 1),
                                  Health::formatBytes(perCell * 512)));
    }
    m_zoomIn->setEnabled(m_model->canZoomIn());
    m_zoomOut->setEnabled(m_model->canZoomOut());
    m_whole->setEnabled(m_model->canZoomOut());
}

void MapPage::listCell(int cell)
{
    if (m_pair.isEmpty() || cell < 0)
        return;
    m_listTitle->setText(tr("Listing…"));
    m_client->fetchRemapsInRange(m_pair, m_model->cellFirst(uint(cell)), m_model->cellLength(uint(cell)),
                                 maxListedRemaps);
}
