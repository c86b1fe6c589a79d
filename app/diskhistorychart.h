// A disk's SMART history as charts (Disk1.GetHistory): the counts that tell
// a disk wears out (sectors reallocated, pending, offline-uncorrectable, CRC
// errors, NVMe media errors) in one chart, its temperature and an NVMe
// drive's available spare in another, with the pair chart's time ranges.
// DiskHistoryChart holds the arithmetic (no widgets); DiskHistoryPage shows
// it with Qt Charts on the disk's overview.
#pragma once

#include "historychart.h"

#include <QList>
#include <QPointF>
#include <QVariantMap>
#include <QWidget>

class HelperClient;
class QChart;
class QChartView;
class QLabel;
class QDateTimeAxis;
class QLineSeries;
class QValueAxis;

namespace DiskHistoryChart {

// The values drawn, in the order of Series::lines.
enum Value { Reallocated, Pending, OfflineUncorrectable, CrcErrors, NvmeMediaErrors, Temperature, AvailableSpare, ValueCount };
// The helper's key ("reallocated", "nvme-available-spare", ...).
QString key(Value value);
// Which of a bucket's figures is drawn: the worst of the bucket (the
// highest count or temperature, the lowest spare).
QString bucketKey(Value value);
bool isCount(Value value);

// Points have x in ms since the epoch and y in the value's unit; a value
// the disk never reported in the range has no points.
struct Series {
    QList<QPointF> lines[ValueCount];
    double maxCount = 0;
    double maxTemperature = 0;
};
Series build(const QList<QVariantMap> &buckets, qint64 nowSecs);

} // namespace DiskHistoryChart

class DiskHistoryPage : public HistoryView
{
    Q_OBJECT
public:
    explicit DiskHistoryPage(HelperClient *client, QWidget *parent = nullptr);

    // A disk, or "" for none.
    void setObject(const QString &disk);
    QString disk() const { return m_disk; }
    QLabel *countsLegend() const { return m_countsLegend; }
    QLabel *conditionLegend() const { return m_conditionLegend; }
    QChart *countsChart() const { return m_counts; }
    QChart *conditionChart() const { return m_condition; }
    QLineSeries *series(DiskHistoryChart::Value value) const { return m_lines[value]; }
    QValueAxis *countAxis() const { return m_countsY; }
    const DiskHistoryChart::Series &shown() const { return m_shown; }

private:
    void request() override;
    void applyPalette() override;
    void showBuckets(const QList<QVariantMap> &buckets);
    void updateLegends();

    QString m_disk;
    DiskHistoryChart::Series m_shown;
    QChart *m_counts;
    QChart *m_condition;
    QChartView *m_countsView;
    QLabel *m_countsLegend;
    QChartView *m_conditionView;
    QLabel *m_conditionLegend;
    QLineSeries *m_lines[DiskHistoryChart::ValueCount];
    QDateTimeAxis *m_countsX;
    QValueAxis *m_countsY;
    QDateTimeAxis *m_conditionX;
    QValueAxis *m_temperatureY;
    QValueAxis *m_spareY;
};
