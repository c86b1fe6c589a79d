// A pair's history as a chart: the running totals of moved and unreadable
// blocks from Pair1.GetHistory, and the spare's forecast line with its 80%
// interval from Pair1.GetForecast. HistoryChart holds the arithmetic (no
// widgets); HistoryPage shows it with Qt Charts on the pair's overview.
#pragma once

#include <QColor>
#include <QList>
#include <QPointF>
#include <QVariantMap>
#include <QWidget>

class HelperClient;
class QChart;
class QChartView;
class QComboBox;
class QLabel;
class QAreaSeries;
class QDateTimeAxis;
class QLineSeries;
class QValueAxis;

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

class HistoryPage : public QWidget
{
    Q_OBJECT
public:
    explicit HistoryPage(HelperClient *client, QWidget *parent = nullptr);

    // A pair, or one of its disks (shows the pair); "" for none.
    void setObject(const QString &path);
    QString pair() const { return m_pair; }
    void setRange(HistoryChart::Range range);
    QComboBox *rangeBox() const { return m_rangeBox; }
    QLabel *statusLabel() const { return m_status; }
    QLabel *legendLabel() const { return m_legend; }
    QChart *chart() const { return m_chart; }
    QLineSeries *movedSeries() const { return m_moved; }
    QLineSeries *pendingSeries() const { return m_pending; }
    QLineSeries *forecastSeries() const { return m_forecast; }
    // The data last drawn.
    const HistoryChart::Series &shown() const { return m_shown; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void request();
    void showBuckets(const QList<QVariantMap> &buckets);
    void applyPalette();
    void updateLegend();

    HelperClient *m_client;
    QString m_pair;
    HistoryChart::Request m_request;
    HistoryChart::Series m_shown;
    QComboBox *m_rangeBox;
    QLabel *m_status;
    QLabel *m_legend;
    QChart *m_chart;
    QChartView *m_view;
    QLineSeries *m_moved;
    QLineSeries *m_pending;
    QLineSeries *m_forecast;
    QLineSeries *m_earliest;
    QLineSeries *m_latest;
    QAreaSeries *m_interval;
    QDateTimeAxis *m_x;
    QValueAxis *m_y;
};
