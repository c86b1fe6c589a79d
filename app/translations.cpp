#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace Translations {

bool install(const QLocale &locale)
{
    static QTranslator *qt = nullptr;
    static QTranslator *own = nullptr;
    for (QTranslator **t : {&qt, &own}) {
        if (*t) {
            QCoreApplication::removeTranslator(*t);
            delete *t;
        }
        *t = new QTranslator;
    }
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    // The catalogues are compiled into the binary (resource :/i18n). Without
    // one for the locale the English catalogue still gives the plural forms.
    const bool found = own->load(locale, QStringLiteral("dm-remap-manager"), QStringLiteral("_"),
                                 QStringLiteral(":/i18n"));
    if (found || own->load(QStringLiteral("dm-remap-manager_en"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(own);
    return found;
}

} // namespace Translations
