// Loads the app's and Qt's own translations for a locale.
#pragma once

#include <QLocale>

namespace Translations {
// Installs the translators on the application; returns whether the app's own
// catalogue for that locale was found (else English is used).
bool install(const QLocale &locale);
} // namespace Translations
