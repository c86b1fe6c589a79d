#include "scanview.h"

#include "health.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>
#include <limits>

namespace ScanView {

QString stateText(const QString &state, bool underWay)
{
    if (state == QLatin1String("idle"))
        return underWay ? QCoreApplication::translate("ScanView", "Waiting to go on")
                        : QCoreApplication::translate("ScanView", "Not scanning now");
    if (state == QLatin1String("running"))
        return QCoreApplication::translate("ScanView", "Reading the main disk");
    if (state == QLatin1String("paused-busy"))
        return QCoreApplication::translate("ScanView", "Paused while the pair is in use");
    if (state == QLatin1String("paused-asleep"))
        return QCoreApplication::translate("ScanView", "Paused while the main disk sleeps");
    if (state == QLatin1String("stopped"))
        return QCoreApplication::translate("ScanView", "Stopped until you start it again");
    return QCoreApplication::translate("ScanView", "Unknown (“%1”)").arg(state);
}

View of(const QVariantMap &status)
{
    View v;
    const QString state = status.value(QStringLiteral("scan-state")).toString();
    v.known = !state.isEmpty();
    if (!v.known)
        return v;
    const QLocale locale;
    const qulonglong position = status.value(QStringLiteral("scan-position")).toULongLong();
    const qulonglong size = status.value(QStringLiteral("scan-size")).toULongLong();
    const qint64 started = status.value(QStringLiteral("scan-pass-started")).toLongLong();
    const bool reading = state == QLatin1String("running") || state.startsWith(QLatin1String("paused-"));
    v.underWay = started > 0 || position > 0 || reading;
    v.state = stateText(state, v.underWay);
    if (v.underWay) {
        v.permille = size ? int(std::min<qulonglong>(1000, position * 1000 / size)) : 0;
        // Only %p, %v and %m are placeholders of a progress bar: "42.5 %" is shown as it is.
        v.progress = QCoreApplication::translate("ScanView", "%1% read").arg(locale.toString(v.permille / 10.0, 'f', 1));
    }
    v.readErrors = status.value(QStringLiteral("scan-read-errors")).toULongLong();
    if (v.readErrors > 0) {
        const int n = int(std::min<qulonglong>(v.readErrors, qulonglong(std::numeric_limits<int>::max())));
        v.readErrorsText = v.underWay
            ? QCoreApplication::translate("ScanView", "%Ln read(s) of this pass found unreadable blocks. They are listed "
                                                      "as unreadable now and are moved to the spare when next written.",
                                          nullptr, n)
            : QCoreApplication::translate("ScanView", "%Ln read(s) of the last pass found unreadable blocks. They were "
                                                      "listed as unreadable and are moved to the spare when next written.",
                                          nullptr, n);
    }
    const qint64 last = status.value(QStringLiteral("scan-last-finished")).toLongLong();
    v.lastPass = last > 0 ? Health::shortDate(last) : QCoreApplication::translate("ScanView", "never");
    const qint64 next = status.value(QStringLiteral("scan-next")).toLongLong();
    if (next > 0)
        v.nextPass = Health::shortDate(next);
    if (reading) {
        v.action = Action::Stop;
        v.actionText = QCoreApplication::translate("ScanView", "Sto&p scan");
        v.actionTip = QCoreApplication::translate("ScanView", "Stop the background scan where it is; it waits until you "
                                                              "start it again, also across restarts");
    } else if (v.underWay) {
        v.action = Action::GoOn;
        v.actionText = QCoreApplication::translate("ScanView", "&Go on");
        v.actionTip = QCoreApplication::translate("ScanView", "Go on with the scan from where it stopped");
    } else {
        v.action = Action::Start;
        v.actionText = QCoreApplication::translate("ScanView", "Scan no&w");
        v.actionTip = QCoreApplication::translate("ScanView", "Read the whole main disk now, slowly and in the "
                                                              "background, to find unreadable places before your "
                                                              "files do");
    }
    return v;
}

} // namespace ScanView
