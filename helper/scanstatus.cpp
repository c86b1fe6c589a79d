#include "scanstatus.h"

#include <QRegularExpression>
#include <QtGlobal>
#include <algorithm>

namespace PatrolScan {

QVariantMap statusKeys(const History::ScanPosition &position, const QString &state, quint64 rateBytesPerSec,
                       qint64 nextPassSecs)
{
    QVariantMap m;
    m.insert(QStringLiteral("scan-state"), state);
    m.insert(QStringLiteral("scan-position"), qulonglong(position.passStarted ? position.position : 0));
    m.insert(QStringLiteral("scan-size"), qulonglong(position.size));
    m.insert(QStringLiteral("scan-rate"), qulonglong(rateBytesPerSec));
    m.insert(QStringLiteral("scan-pass-started"), qlonglong(position.passStarted));
    m.insert(QStringLiteral("scan-last-finished"), qlonglong(position.lastFinished));
    m.insert(QStringLiteral("scan-next"), qlonglong(nextPassSecs));
    m.insert(QStringLiteral("scan-read-errors"), qulonglong(position.readErrors));
    return m;
}

quint64 rateFor(const Options &options, quint64 sizeBytes)
{
    if (options.rateBytesPerSec)
        return options.rateBytesPerSec;
    const quint64 seconds = quint64(std::max(options.intervalDays, 1)) * 86400 / 2;
    return qBound(kMinAutomaticRate, sizeBytes / seconds, kMaxAutomaticRate);
}

qint64 nextPass(const Options &options, const History::ScanPosition &position)
{
    if (options.intervalDays <= 0 || position.stopped || position.passStarted)
        return 0;
    if (position.lastFinished)
        return position.lastFinished + qint64(options.intervalDays) * 86400;
    return position.firstSeen + kFirstPassDelaySecs;
}

bool parseWindow(const QString &text, Options *options)
{
    static const QRegularExpression form(QRegularExpression::anchoredPattern(
            QStringLiteral("([01][0-9]|2[0-3]):([0-5][0-9])-([01][0-9]|2[0-3]):([0-5][0-9])")));
    const QRegularExpressionMatch m = form.match(text);
    if (!m.hasMatch())
        return false;
    const int start = m.captured(1).toInt() * 60 + m.captured(2).toInt();
    const int end = m.captured(3).toInt() * 60 + m.captured(4).toInt();
    if (start == end)
        return false;
    options->windowStartMinute = start;
    options->windowEndMinute = end;
    return true;
}

bool inWindow(const Options &options, int minuteOfDay)
{
    const int start = options.windowStartMinute, end = options.windowEndMinute;
    if (start < 0 || end < 0)
        return false;
    return start < end ? minuteOfDay >= start && minuteOfDay < end : minuteOfDay >= start || minuteOfDay < end;
}

} // namespace PatrolScan
