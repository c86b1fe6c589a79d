// Turns D-Bus errors from the helper into sentences a user understands.
#pragma once

#include <QString>

class QDBusError;

namespace ErrorText {

// What went wrong, in plain words, with the helper's own message when it
// carries information the user can act on.
QString describe(const QDBusError &error);

// The same for a failed Pair1.ReplaceMain or CancelReplace: the errors
// that mean something else there (Busy: a replacement already runs,
// SameDisk: the new disk is one of the pair's own) and those only it sends.
QString describeReplace(const QDBusError &error);

// The same for a failed Pair1.StartScan or StopScan: Busy and NotFound
// mean something else there.
QString describeScan(const QDBusError &error);

// True when the error means the helper is not there at all (not running, not
// installed, crashed), as opposed to refusing or failing one request.
bool isHelperMissing(const QDBusError &error);

// True when polkit or the helper refused the caller.
bool isRefusal(const QDBusError &error);

} // namespace ErrorText
