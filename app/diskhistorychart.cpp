#include "diskhistorychart.h"

#include "health.h"
#include "helperclient.h"

#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QLabel>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>

namespace DiskHistoryChart {

QString key(Value value)
{
    switch (value) {
    case Reallocated: return QStringLiteral("reallocated");
    case Pending: return QStringLiteral("pending");
    case OfflineUncorrectable: return QStringLiteral("offline-uncorrectable");
    case CrcErrors: return QStringLiteral("crc-errors");
    case NvmeMediaErrors: return QStringLiteral("nvme-media-errors");
    case Temperature: return QStringLiteral("temperature");
    case AvailableSpare: return QStringLiteral("nvme-available-spare");
    case ValueCount: break;
    }
    return {};
}

QString bucketKey(Value value)
{
    return key(value) + (value == AvailableSpare ? QStringLiteral("-min") : QStringLiteral("-max"));
}

bool isCount(Value value)
{
    return value != Temperature && value != AvailableSpare;
}

Series build(const QList<QVariantMap> &buckets, qint64 nowSecs)
{
    Series s;
    for (auto &line : s.lines)
        line.reserve(buckets.size());
    for (const QVariantMap &b : buckets) {
        // A value at the bucket's end: the state the disk was in by then.
        const double x = double(std::min(b.value(QStringLiteral("end")).toLongLong(), nowSecs)) * 1000;
        for (int v = 0; v < ValueCount; ++v) {
            const auto it = b.constFind(bucketKey(Value(v)));
            if (it == b.cend())
                continue;
            const double y = double(it->toLongLong());
            s.lines[v] << QPointF(x, y);
            if (isCount(Value(v)))
                s.maxCount = std::max(s.maxCount, y);
            else if (v == Temperature)
                s.maxTemperature = std::max(s.maxTemperature, y);
        }
    }
    return s;
}

} // namespace DiskHistoryChart

using namespace DiskHistoryChart;

DiskHistoryPage::DiskHistoryPage(HelperClient *client, QWidget *parent)
    : HistoryView(client, parent)
    , m_counts(new QChart)
    , m_condition(new QChart)
    , m_countsView(addChart(m_counts, tr("Chart of the disk's error counts")))
    , m_countsLegend(addLegend())
    , m_conditionView(addChart(m_condition, tr("Chart of the disk's temperature and spare")))
    , m_conditionLegend(addLegend())
    , m_countsX(new QDateTimeAxis(this))
    , m_countsY(new QValueAxis(this))
    , m_conditionX(new QDateTimeAxis(this))
    , m_temperatureY(new QValueAxis(this))
    , m_spareY(new QValueAxis(this))
{
    const QString names[ValueCount] = {
        tr("Sectors replaced"), tr("Unreadable sectors"), tr("Found by the disk's own scan"),
        tr("Cable errors (CRC)"), tr("Uncorrected errors (NVMe)"), tr("Temperature (°C)"),
        tr("Spare left (%)"),
    };
    for (int v = 0; v < ValueCount; ++v) {
        m_lines[v] = new QLineSeries(this);
        m_lines[v]->setName(names[v]);
        (isCount(Value(v)) ? m_counts : m_condition)->addSeries(m_lines[v]);
    }
    m_counts->addAxis(m_countsX, Qt::AlignBottom);
    m_counts->addAxis(m_countsY, Qt::AlignLeft);
    m_condition->addAxis(m_conditionX, Qt::AlignBottom);
    m_condition->addAxis(m_temperatureY, Qt::AlignLeft);
    m_condition->addAxis(m_spareY, Qt::AlignRight);
    for (int v = 0; v < ValueCount; ++v) {
        if (isCount(Value(v))) {
            m_lines[v]->attachAxis(m_countsX);
            m_lines[v]->attachAxis(m_countsY);
        } else {
            m_lines[v]->attachAxis(m_conditionX);
            m_lines[v]->attachAxis(v == Temperature ? m_temperatureY : m_spareY);
        }
    }
    m_countsY->setLabelFormat(QStringLiteral("%d"));
    m_countsY->setTitleText(tr("Count"));
    m_temperatureY->setLabelFormat(QStringLiteral("%d"));
    m_temperatureY->setTitleText(tr("°C"));
    m_spareY->setLabelFormat(QStringLiteral("%d"));
    m_spareY->setRange(0, 100);
    m_spareY->setTickCount(6);
    m_spareY->setTitleText(tr("Spare (%)"));
    applyPalette();

    connect(client, &HelperClient::diskHistoryReady, this,
            [this](const QString &disk, qint64 from, qint64 resolution, const QList<QVariantMap> &buckets) {
                if (disk == m_disk && from == m_request.from && resolution == m_request.resolution)
                    showBuckets(buckets);
            });
    connect(client, &HelperClient::diskHistoryFailed, this, [this](const QString &disk, const QString &message) {
        if (disk == m_disk)
            showStatus(tr("The history could not be read: %1").arg(message));
    });
    // A new reading is a new point.
    connect(client, &HelperClient::smartUpdated, this, [this](const QString &disk) {
        if (disk == m_disk)
            request();
    });
}

void DiskHistoryPage::setObject(const QString &disk)
{
    const QString path = m_client->hasDisk(disk) ? disk : QString();
    if (path == m_disk)
        return;
    m_disk = path;
    request();
}

void DiskHistoryPage::request()
{
    if (m_disk.isEmpty()) {
        showBuckets({});
        return;
    }
    const HistoryChart::Request &r = newRequest();
    if (m_shown.lines[Temperature].isEmpty() && m_shown.maxCount == 0)
        showStatus(tr("Reading the history…"));
    m_client->fetchDiskHistory(m_disk, r.from, r.to, r.resolution);
}

void DiskHistoryPage::showBuckets(const QList<QVariantMap> &buckets)
{
    const qint64 now = std::max<qint64>(m_request.to - 1, 0);
    m_shown = build(buckets, now);
    bool any = false;
    bool anyCondition = false;
    // One replace() per series: ten years of days stay smooth.
    for (int v = 0; v < ValueCount; ++v) {
        m_lines[v]->replace(m_shown.lines[v]);
        const bool reported = !m_shown.lines[v].isEmpty();
        m_lines[v]->setVisible(reported);
        any |= reported;
        anyCondition |= reported && !isCount(Value(v));
    }
    m_conditionView->setVisible(anyCondition);
    m_conditionLegend->setVisible(anyCondition);
    m_countsLegend->setVisible(any);
    m_countsView->setVisible(any);
    updateLegends();
    m_spareY->setVisible(!m_shown.lines[AvailableSpare].isEmpty());
    if (any)
        showStatus({});
    else
        showStatus(m_disk.isEmpty() || buckets.isEmpty()
                       ? tr("No SMART readings were kept in this time.")
                       : tr("The disk reported none of the values charted here in this time."));
    for (QDateTimeAxis *x : {m_countsX, m_conditionX})
        setTimeRange(x, now * 1000);
    setCountRange(m_countsY, m_shown.maxCount);
    setCountRange(m_temperatureY, std::max(60.0, m_shown.maxTemperature + 5));
}

// The lines 3:1 against the chart's Base, text 4.5:1 (the palette's Text).
void DiskHistoryPage::applyPalette()
{
    const QPalette p = palette();
    const QColor base = p.color(QPalette::Base);
    colourChart(m_counts, {m_countsX, m_countsY});
    colourChart(m_condition, {m_conditionX, m_temperatureY, m_spareY});
    auto line = [&](const QColor &c) { return Health::readableOn(c, base, 3.0); };
    const QColor colours[ValueCount] = {
        line(p.color(QPalette::Highlight)),              // reallocated: as the pair's moved blocks
        Health::badgeColors(Health::Level::Bad, p).background, // pending: as the pair's unreadable blocks
        line(Health::color(Health::Level::Caution, p)),
        line(p.color(QPalette::Text)),
        line(p.color(QPalette::Link)),
        line(Health::color(Health::Level::Caution, p)),  // temperature
        line(p.color(QPalette::Highlight)),              // spare left
    };
    for (int v = 0; v < ValueCount; ++v) {
        QPen pen(colours[v], 2);
        if (v == CrcErrors || v == AvailableSpare)
            pen.setStyle(Qt::DashLine);
        if (v == OfflineUncorrectable)
            pen.setStyle(Qt::DotLine);
        m_lines[v]->setPen(pen);
    }
    updateLegends();
}

// A value the disk does not report has no place in the legend.
void DiskHistoryPage::updateLegends()
{
    QList<HistoryChart::LegendEntry> counts, condition;
    for (int v = 0; v < ValueCount; ++v) {
        if (m_shown.lines[v].isEmpty())
            continue;
        (isCount(Value(v)) ? counts : condition)
            .append({m_lines[v]->pen().color(), m_lines[v]->pen().style(), m_lines[v]->name()});
    }
    m_countsLegend->setText(HistoryChart::legendHtml(counts));
    m_conditionLegend->setText(HistoryChart::legendHtml(condition));
}
