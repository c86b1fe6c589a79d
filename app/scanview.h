// The background scan (patrol read) of a pair as the overview shows it: the
// "scan-*" keys of Pair1.GetStatus (docs/dbus-api.md) turned into words, a
// progress figure and the one action that fits the state. No widgets here:
// OverviewPage shows a View, the tests read it.
#pragma once

#include <QString>
#include <QVariantMap>

namespace ScanView {

enum class Action { None, Start, GoOn, Stop };

struct View {
    bool known = false;   // the helper reports a scan (an older one does not)
    QString state;        // the state in words
    bool underWay = false; // a pass has started and not finished
    int permille = 0;     // of the pass under way
    QString progress;     // "42.5% read"
    qulonglong readErrors = 0; // of this pass (or the last one, when none is under way)
    QString readErrorsText; // empty when there are none
    QString lastPass;     // a date, or "never"
    QString nextPass;     // a date; empty when none is planned
    Action action = Action::None;
    QString actionText;   // the button's text, with its mnemonic
    QString actionTip;
};

// The state code ("idle", "running", "paused-busy", "paused-asleep",
// "stopped") in words; an unknown code says so.
QString stateText(const QString &state, bool underWay);
View of(const QVariantMap &pairStatus);

} // namespace ScanView
