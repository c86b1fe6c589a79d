// A pair's history as a chart: the running totals of moved and unreadable
// blocks from Pair1.GetHistory, and the spare's forecast line with its 80%
// interval from Pair1.GetForecast. HistoryChart holds the arithmetic (no
// widgets); HistoryPage shows it with Qt Charts on the pair's overview.
// HistoryView is what it shares with a disk's charts (DiskHistoryPage).
#pragma once

#include <QColor>
#include <QList>
#include <QPointF>
#include <QVariantMap>
#include <QWidget>

#include <initializer_list>

class HelperClient;
class QAbstractAxis;
class QChart;
class QChartView;
class QComboBox;
class QLabel;
class QAreaSeries;
class QDateTimeAxis;
class QLineSeries;
class QValueAxis;
class QVBoxLayout;

namespace HistoryChart {

enum class Range { Month, Year, All };

// The GetHistory arguments for a range ending at nowSecs: about 120 to
// 3,700 buckets, under the helper's limit of 10,000.
struct Request {
    qint64 from = 0;
    qint64 to = 0;
    qint64 resolution = 0;
};
Request requestFor(Range range, qint64 nowSecs);

// A count axis from 0 with whole ticks 1, 2 or 5 times a power of ten apart
// (never 514), a little above the highest value.
struct Scale {
    double top = 1;
    int tickCount = 2;
};
Scale countScale(double highest);

// Points have x in ms since the epoch (QDateTimeAxis) and y in blocks.
struct Series {
    QList<QPointF> moved;    // blocks moved in total, at each bucket's end
    QList<QPointF> pending;  // blocks found unreadable since the range began
    QList<QPointF> forecast; // (now, used) to (likely, capacity); empty without a forecast
    QList<QPointF> earliest, latest; // the 80% interval's edges, as forecast
    double maxY = 0;
    qint64 maxX = 0; // ms
};
// movedNow: the pair's moved blocks now, which the last point reaches (the
// history holds only what the helper saw).
Series build(const QList<QVariantMap> &buckets, qulonglong movedNow, const QVariantMap &forecast, qint64 nowSecs);
// Where the time axis of a request's chart ends (ms): now, or later to show
// the forecast, but never further ahead than the range looks back. A spare
// full in five years would otherwise squeeze "Last 30 days" to a sliver; the
// forecast's lines leave the chart at its edge.
qint64 timeAxisEnd(const Request &request, const Series &series);

// A chart's legend as rich text for a word-wrapped label (Qt Charts' own
// legend cuts long names to "..." in one row): a short line in each
// series' colour and pen style, then its name.
struct LegendEntry {
    QColor colour;
    Qt::PenStyle style = Qt::SolidLine;
    QString name;
};
QString legendHtml(const QList<LegendEntry> &entries);

} // namespace HistoryChart

// The time range selector ("Show: Last year"), a status line, then the
// charts, coloured from the palette; the chart is asked for again when the
// range changes.
class HistoryView : public QWidget
{
    Q_OBJECT
public:
    void setRange(HistoryChart::Range range);
    QComboBox *rangeBox() const { return m_rangeBox; }
    QLabel *statusLabel() const { return m_status; }

protected:
    HistoryView(HelperClient *client, QWidget *parent);

    // Ask the helper for the history of the chosen range, ending now.
    virtual void request() = 0;
    virtual void applyPalette() = 0;
    // The request for the chosen range, ending now (kept in m_request).
    const HistoryChart::Request &newRequest();
    void showStatus(const QString &text);
    // Where the charts and legends go, below the status line.
    QVBoxLayout *contents() const { return m_layout; }
    QChartView *addChart(QChart *chart, const QString &accessibleName);
    QLabel *addLegend();
    // The chart's background, its axes' text and lines from the palette.
    void colourChart(QChart *chart, std::initializer_list<QAbstractAxis *> axes) const;
    // From the request's start to `toMs`, the dates as the locale writes them.
    void setTimeRange(QDateTimeAxis *axis, qint64 toMs) const;
    static void setCountRange(QValueAxis *axis, double highest);
    void changeEvent(QEvent *event) override;

    HelperClient *m_client;
    HistoryChart::Request m_request;

private:
    QComboBox *m_rangeBox;
    QLabel *m_status;
    QVBoxLayout *m_layout;
};

class HistoryPage : public HistoryView
{
    Q_OBJECT
public:
    explicit HistoryPage(HelperClient *client, QWidget *parent = nullptr);

    // A pair, or one of its disks (shows the pair); "" for none.
    void setObject(const QString &path);
    QString pair() const { return m_pair; }
    QLabel *legendLabel() const { return m_legend; }
    QChart *chart() const { return m_chart; }
    QLineSeries *movedSeries() const { return m_moved; }
    QLineSeries *pendingSeries() const { return m_pending; }
    QLineSeries *forecastSeries() const { return m_forecast; }
    QValueAxis *countAxis() const { return m_y; }
    QDateTimeAxis *timeAxis() const { return m_x; }
    // The data last drawn.
    const HistoryChart::Series &shown() const { return m_shown; }

private:
    void request() override;
    void applyPalette() override;
    void showBuckets(const QList<QVariantMap> &buckets);
    void updateLegend();

    QString m_pair;
    HistoryChart::Series m_shown;
    QChart *m_chart;
    QLabel *m_legend;
    QLineSeries *m_moved;
    QLineSeries *m_pending;
    QLineSeries *m_forecast;
    QLineSeries *m_earliest;
    QLineSeries *m_latest;
    QAreaSeries *m_interval;
    QDateTimeAxis *m_x;
    QValueAxis *m_y;
};
