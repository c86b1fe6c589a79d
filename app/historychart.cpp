#include "historychart.h"

#include "health.h"
#include "helperclient.h"

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace HistoryChart {

Request requestFor(Range range, qint64 nowSecs)
{
    constexpr qint64 day = 86400;
    Request r;
    switch (range) {
    case Range::Month:
        r.resolution = day / 4;
        r.from = nowSecs - 30 * day;
        break;
    case Range::Year:
        r.resolution = day;
        r.from = nowSecs - 365 * day;
        break;
    case Range::All:
        // The helper keeps days for ever: ten years of them.
        r.resolution = day;
        r.from = nowSecs - 3653 * day;
        break;
    }
    r.from = std::max<qint64>(0, r.from / r.resolution * r.resolution);
    r.to = nowSecs + 1;
    return r;
}

Scale countScale(double highest)
{
    // Some room above the highest point, so that a line at the top shows.
    const double wanted = std::max(1.0, highest * 1.05);
    double step = 1;
    for (double power = 1; step * 5 < wanted; power *= 10) {
        for (const double m : {1.0, 2.0, 5.0}) {
            step = m * power;
            if (step * 5 >= wanted)
                break;
        }
    }
    Scale scale;
    const double steps = std::ceil(wanted / step);
    scale.top = steps * step;
    scale.tickCount = int(steps) + 1;
    return scale;
}

qint64 timeAxisEnd(const Request &request, const Series &series)
{
    const qint64 now = std::max<qint64>(request.to - 1, 0) * 1000;
    const qint64 from = request.from * 1000;
    const qint64 ahead = now + (now - from);
    return std::max({now, std::min(series.maxX, ahead), from + 1000});
}

Series build(const QList<QVariantMap> &buckets, qulonglong movedNow, const QVariantMap &forecast, qint64 nowSecs)
{
    Series s;
    qulonglong movedInRange = 0;
    for (const QVariantMap &b : buckets)
        movedInRange += b.value(QStringLiteral("moved")).toULongLong();
    double moved = double(movedNow >= movedInRange ? movedNow - movedInRange : 0);
    double pending = 0;
    s.moved.reserve(buckets.size() + 1);
    s.pending.reserve(buckets.size() + 1);
    if (!buckets.isEmpty()) {
        const double start = double(buckets.first().value(QStringLiteral("start")).toLongLong()) * 1000;
        s.moved << QPointF(start, moved);
        s.pending << QPointF(start, 0);
    }
    for (const QVariantMap &b : buckets) {
        moved += double(b.value(QStringLiteral("moved")).toULongLong());
        pending += double(b.value(QStringLiteral("pending")).toULongLong());
        const double end = double(std::min(b.value(QStringLiteral("end")).toLongLong(), nowSecs)) * 1000;
        s.moved << QPointF(end, moved);
        s.pending << QPointF(end, pending);
    }
    s.maxY = std::max(moved, pending);
    s.maxX = nowSecs * 1000;
    if (forecast.value(QStringLiteral("forecast")).toBool()) {
        const double used = double(forecast.value(QStringLiteral("used")).toULongLong());
        const double capacity = double(forecast.value(QStringLiteral("capacity")).toULongLong());
        const QPointF start(double(nowSecs) * 1000, used);
        auto full = [&](const char *key) {
            return QPointF(double(forecast.value(QLatin1String(key)).toLongLong()) * 1000, capacity);
        };
        s.forecast = {start, full("likely")};
        s.earliest = {start, full("earliest")};
        s.latest = {start, full("latest")};
        s.maxY = std::max(s.maxY, capacity);
        s.maxX = qint64(s.latest.last().x());
    }
    return s;
}

QString legendHtml(const QList<LegendEntry> &entries)
{
    QStringList items;
    for (const LegendEntry &e : entries) {
        const QString mark = e.style == Qt::DashLine ? QStringLiteral("&#x254D;&#x254D;")  // ╍╍
                           : e.style == Qt::DotLine  ? QStringLiteral("&#x2505;&#x2505;")  // ┅┅
                           : e.style == Qt::NoPen    ? QStringLiteral("&#x2588;&#x2588;")  // ██ (an area)
                                                     : QStringLiteral("&#x2501;&#x2501;"); // ━━
        items << QStringLiteral("<span style=\"color:%1\"><b>%2</b></span>&nbsp;%3")
                     .arg(e.colour.name(), mark, e.name.toHtmlEscaped());
    }
    return items.join(QStringLiteral(" &nbsp; "));
}

} // namespace HistoryChart

HistoryView::HistoryView(HelperClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_rangeBox(new QComboBox(this))
    , m_status(new QLabel(this))
    , m_layout(new QVBoxLayout(this))
{
    m_rangeBox->addItem(tr("Last 30 days"), int(HistoryChart::Range::Month));
    m_rangeBox->addItem(tr("Last year"), int(HistoryChart::Range::Year));
    m_rangeBox->addItem(tr("All"), int(HistoryChart::Range::All));
    m_rangeBox->setCurrentIndex(1);
    m_rangeBox->setAccessibleName(tr("Time range"));
    m_status->setWordWrap(true);
    auto *top = new QHBoxLayout;
    auto *rangeLabel = new QLabel(tr("Show:"), this);
    rangeLabel->setBuddy(m_rangeBox);
    top->addWidget(rangeLabel);
    top->addWidget(m_rangeBox);
    top->addStretch();
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->addLayout(top);
    m_layout->addWidget(m_status);
    connect(m_rangeBox, &QComboBox::currentIndexChanged, this, [this] { request(); });
}

void HistoryView::setRange(HistoryChart::Range range)
{
    m_rangeBox->setCurrentIndex(m_rangeBox->findData(int(range)));
}

const HistoryChart::Request &HistoryView::newRequest()
{
    m_request = HistoryChart::requestFor(HistoryChart::Range(m_rangeBox->currentData().toInt()),
                                         QDateTime::currentSecsSinceEpoch());
    return m_request;
}

void HistoryView::showStatus(const QString &text)
{
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
}

QChartView *HistoryView::addChart(QChart *chart, const QString &accessibleName)
{
    auto *view = new QChartView(chart, this);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(240);
    view->setAccessibleName(accessibleName);
    // Each chart's legend is a label below it, which wraps.
    chart->legend()->hide();
    m_layout->addWidget(view, 1);
    return view;
}

QLabel *HistoryView::addLegend()
{
    auto *legend = new QLabel(this);
    legend->setWordWrap(true);
    legend->setTextFormat(Qt::RichText);
    legend->setAccessibleName(tr("Legend"));
    m_layout->addWidget(legend);
    return legend;
}

// Colours from the palette, so that a dark desktop gets a dark chart.
void HistoryView::colourChart(QChart *chart, std::initializer_list<QAbstractAxis *> axes) const
{
    const QPalette p = palette();
    chart->setBackgroundBrush(p.color(QPalette::Base));
    chart->setTitleBrush(p.color(QPalette::Text));
    for (QAbstractAxis *axis : axes) {
        axis->setLabelsColor(p.color(QPalette::Text));
        axis->setTitleBrush(p.color(QPalette::Text));
        axis->setGridLineColor(p.color(QPalette::Mid));
        axis->setLinePenColor(p.color(QPalette::Mid));
    }
}

void HistoryView::setTimeRange(QDateTimeAxis *axis, qint64 toMs) const
{
    axis->setRange(QDateTime::fromMSecsSinceEpoch(m_request.from * 1000),
                   QDateTime::fromMSecsSinceEpoch(std::max(toMs, m_request.from * 1000 + 1000)));
    axis->setFormat(QLocale().dateFormat(QLocale::ShortFormat));
}

void HistoryView::setCountRange(QValueAxis *axis, double highest)
{
    const HistoryChart::Scale scale = HistoryChart::countScale(highest);
    axis->setRange(0, scale.top);
    axis->setTickCount(scale.tickCount);
}

void HistoryView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
    QWidget::changeEvent(event);
}

HistoryPage::HistoryPage(HelperClient *client, QWidget *parent)
    : HistoryView(client, parent)
    , m_chart(new QChart)
    , m_moved(new QLineSeries(this))
    , m_pending(new QLineSeries(this))
    , m_forecast(new QLineSeries(this))
    , m_earliest(new QLineSeries(this))
    , m_latest(new QLineSeries(this))
    , m_interval(new QAreaSeries(m_earliest, m_latest))
    , m_x(new QDateTimeAxis(this))
    , m_y(new QValueAxis(this))
{
    m_moved->setName(tr("Blocks moved to the spare"));
    m_pending->setName(tr("Blocks found unreadable"));
    m_forecast->setName(tr("Forecast: spare full"));
    m_interval->setName(tr("80% interval"));
    for (QAbstractSeries *series : std::initializer_list<QAbstractSeries *>{m_interval, m_moved, m_pending, m_forecast})
        m_chart->addSeries(series);
    m_chart->addAxis(m_x, Qt::AlignBottom);
    m_chart->addAxis(m_y, Qt::AlignLeft);
    for (QAbstractSeries *series : m_chart->series()) {
        series->attachAxis(m_x);
        series->attachAxis(m_y);
    }
    m_y->setLabelFormat(QStringLiteral("%d"));
    m_y->setTitleText(tr("Blocks"));
    addChart(m_chart, tr("History chart"));
    m_legend = addLegend();
    applyPalette();

    connect(client, &HelperClient::pairHistoryReady, this,
            [this](const QString &pair, qint64 from, qint64 resolution, const QList<QVariantMap> &buckets) {
                if (pair == m_pair && from == m_request.from && resolution == m_request.resolution)
                    showBuckets(buckets);
            });
    connect(client, &HelperClient::pairHistoryFailed, this, [this](const QString &pair, const QString &message) {
        if (pair == m_pair)
            showStatus(tr("The history could not be read: %1").arg(message));
    });
    // A new forecast comes with new counts: read the history again.
    connect(client, &HelperClient::forecastUpdated, this, [this](const QString &pair) {
        if (pair == m_pair)
            request();
    });
}

void HistoryPage::setObject(const QString &path)
{
    const QString pair = m_client->hasPair(path) ? path : m_client->pairOfDisk(path);
    if (pair == m_pair)
        return;
    m_pair = pair;
    request();
}

void HistoryPage::request()
{
    showBuckets({});
    if (m_pair.isEmpty())
        return;
    showStatus(tr("Reading the history…"));
    const HistoryChart::Request &r = newRequest();
    m_client->fetchPairHistory(m_pair, r.from, r.to, r.resolution);
}

void HistoryPage::showBuckets(const QList<QVariantMap> &buckets)
{
    const qint64 now = std::max<qint64>(m_request.to - 1, 0);
    const QVariantMap status = m_client->pairStatus(m_pair);
    m_shown = HistoryChart::build(buckets, status.value(QStringLiteral("remapped")).toULongLong(),
                                  m_client->forecast(m_pair), now);
    // One replace() per series: a chart of ten years of days stays smooth.
    m_moved->replace(m_shown.moved);
    m_pending->replace(m_shown.pending);
    m_forecast->replace(m_shown.forecast);
    m_earliest->replace(m_shown.earliest);
    m_latest->replace(m_shown.latest);
    m_interval->setVisible(!m_shown.forecast.isEmpty());
    m_forecast->setVisible(!m_shown.forecast.isEmpty());
    updateLegend();
    if (!buckets.isEmpty())
        showStatus(m_shown.maxY == 0 ? tr("No blocks were moved or found unreadable in this time.") : QString());
    setTimeRange(m_x, HistoryChart::timeAxisEnd(m_request, m_shown));
    setCountRange(m_y, m_shown.maxY);
}

void HistoryPage::applyPalette()
{
    const QPalette p = palette();
    colourChart(m_chart, {m_x, m_y});
    m_moved->setPen(QPen(p.color(QPalette::Highlight), 2));
    m_pending->setPen(QPen(Health::badgeColors(Health::Level::Bad, p).background, 2));
    m_forecast->setPen(QPen(p.color(QPalette::Text), 2, Qt::DashLine));
    QColor band = p.color(QPalette::Highlight);
    band.setAlpha(60);
    m_interval->setBrush(band);
    m_interval->setPen(Qt::NoPen);
    updateLegend();
}

void HistoryPage::updateLegend()
{
    const QPalette p = palette();
    QList<HistoryChart::LegendEntry> entries{{m_moved->pen().color(), Qt::SolidLine, m_moved->name()},
                                             {m_pending->pen().color(), Qt::SolidLine, m_pending->name()}};
    if (m_forecast->isVisible()) {
        entries.append({m_forecast->pen().color(), Qt::DashLine, m_forecast->name()});
        // The band as painted over the chart's background.
        entries.append({Health::blend(p.color(QPalette::Base), p.color(QPalette::Highlight), 60.0 / 255), Qt::NoPen,
                        m_interval->name()});
    }
    m_legend->setText(HistoryChart::legendHtml(entries));
}
