// The health text a user reads, end to end: every SMART fixture of the
// helper's tests through the helper's own parser and the app's sentence
// builder, in English, German and French with the real catalogues.
#include "fakehelper.h"
#include "health.h"
#include "translations.h"

#include <QDir>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

class TestHealthText : public QObject
{
    Q_OBJECT

    static QVariantMap smartOf(const QString &fixture) { return FakeHelper::fixtureReport(fixture).toMap(); }

    static QString textIn(const QString &language, const QString &fixture)
    {
        const QLocale locale(language);
        QLocale::setDefault(locale);
        Translations::install(locale);
        return Health::ofDisk({{QStringLiteral("role"), QStringLiteral("free")}}, smartOf(fixture)).reason;
    }

    static QStringList fixtures()
    {
        QStringList out = QDir(QStringLiteral(FIXTURES_DIR)).entryList({QStringLiteral("*.json"), QStringLiteral("*.txt")},
                                                                     QDir::Files, QDir::Name);
        return out;
    }

    // Words of the English text that a translation must not keep; names
    // of things are the same in every language.
    static QSet<QString> englishWords(const QString &text)
    {
        static const QSet<QString> names = {QStringLiteral("SMART"), QStringLiteral("smartctl"), QStringLiteral("USB")};
        QSet<QString> out;
        for (const QString &w : text.split(QRegularExpression(QStringLiteral("[^\\p{L}']+")), Qt::SkipEmptyParts))
            if (w.size() >= 3 && !names.contains(w))
                out << w.toLower();
        return out;
    }

private Q_SLOTS:
    void cleanupTestCase()
    {
        QLocale::setDefault(QLocale::c());
        Translations::install(QLocale(QLocale::English));
    }

    void englishSentences_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<int>("level");
        QTest::addColumn<QString>("text");
        QTest::newRow("healthy") << "ide-qemu.json" << int(Health::Level::Good) << "The disk reports no problems.";
        QTest::newRow("pending") << "ide-damaged-pending.json" << int(Health::Level::Caution)
                                 << "2 sectors could not be read and wait to be replaced. "
                                    "Keep your backup up to date and plan to replace this disk.";
        QTest::newRow("failing") << "ide-damaged-failing.json" << int(Health::Level::Bad)
                                 << "The disk's own health check says that it is failing. "
                                    "Values that predict a failure have reached the limit the maker set. "
                                    "SMART attribute 5 is at its failure limit now. "
                                    "1,872 sectors have already been replaced by the disk. "
                                    "24 sectors could not be read and wait to be replaced. "
                                    "The disk's own scan found 24 sectors it could not read. "
                                    "The disk could not correct 3 read errors. "
                                    "A self-test of the disk has failed. "
                                    "Copy your data to another disk now and replace this disk.";
        QTest::newRow("nvme critical") << "nvme-damaged-critical.json" << int(Health::Level::Bad)
                                       << "The disk's own health check says that it is failing. "
                                          "The drive's own spare area is down to 5%, below its limit of 10%. "
                                          "The drive has recorded 17 errors it could not correct. "
                                          "The drive has used 103% of its rated life. "
                                          "Copy your data to another disk now and replace this disk.";
        QTest::newRow("standby") << "ide-damaged-standby.json" << int(Health::Level::Unknown)
                                 << "The disk is asleep; it was not woken to read its health.";
        QTest::newRow("usb bridge") << "virtio-no-smart.json" << int(Health::Level::Unknown)
                                    << "The disk's health cannot be read through its connection; "
                                       "a USB disk may need its bridge type chosen.";
        QTest::newRow("not json") << "garbage.txt" << int(Health::Level::Unknown)
                                  << "The disk's health could not be read: smartctl gave an answer that could not be understood.";
    }

    void englishSentences()
    {
        QFETCH(QString, fixture);
        QFETCH(int, level);
        QFETCH(QString, text);
        const QLocale locale(QLocale::English, QLocale::UnitedStates);
        QLocale::setDefault(locale);
        Translations::install(locale);
        const Health::Verdict v = Health::ofDisk({{QStringLiteral("role"), QStringLiteral("free")}}, smartOf(fixture));
        QCOMPARE(int(v.level), level);
        QCOMPARE(v.reason, text);
    }

    // German and French: whole sentences for two fixtures, and for every
    // fixture no word of the English text and one full stop per sentence.
    void translatedSentences()
    {
        QCOMPARE(textIn(QStringLiteral("de"), QStringLiteral("ide-damaged-pending.json")),
                 QStringLiteral("2 Sektoren konnten nicht gelesen werden und warten darauf, ersetzt zu werden. "
                                "Halten Sie Ihre Sicherung aktuell und planen Sie, diese Festplatte zu ersetzen."));
        QCOMPARE(textIn(QStringLiteral("fr"), QStringLiteral("ide-damaged-pending.json")),
                 QStringLiteral("2 secteurs n’ont pas pu être lus et attendent d’être remplacés. "
                                "Gardez votre sauvegarde à jour et prévoyez de remplacer ce disque."));
        QCOMPARE(textIn(QStringLiteral("de"), QStringLiteral("virtio-no-smart.json")),
                 QStringLiteral("Der Zustand der Festplatte kann über ihren Anschluss nicht gelesen werden; "
                                "bei einer USB-Festplatte muss eventuell der Typ der Brücke gewählt werden."));
        for (const QString &fixture : fixtures()) {
            const QSet<QString> english = englishWords(textIn(QStringLiteral("en"), fixture));
            for (const QString &language : {QStringLiteral("de"), QStringLiteral("fr")}) {
                const QString text = textIn(language, fixture);
                QVERIFY2(!text.isEmpty(), qPrintable(fixture));
                for (const QString &w : englishWords(text))
                    QVERIFY2(!english.contains(w), qPrintable(QStringLiteral("%1 in %2: English \"%3\" in: %4")
                                                                  .arg(fixture, language, w, text)));
                QVERIFY2(text.endsWith(QLatin1Char('.')), qPrintable(text));
                QVERIFY2(!text.contains(QStringLiteral("  ")) && !text.contains(QStringLiteral(". .")), qPrintable(text));
                if (language == QLatin1String("fr"))
                    QVERIFY2(!text.contains(QRegularExpression(QStringLiteral("[^\\x{00a0}\\x{202f}][:;!?]"))),
                             qPrintable(QStringLiteral("French punctuation: ") + text));
            }
        }
    }

    // Each count is said once: no sentence twice, and none of the helper's
    // English fragments ("pending sectors") in any language.
    void noRepeatsNoFragments()
    {
        for (const QString &fixture : fixtures()) {
            for (const QString &language : {QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("fr")}) {
                const QString text = textIn(language, fixture);
                const QStringList sentences = text.split(QRegularExpression(QStringLiteral("(?<=\\.) ")));
                QCOMPARE(QSet<QString>(sentences.begin(), sentences.end()).size(), sentences.size());
                const QString fragment = FakeHelper::fixtureReport(fixture).verdictReason;
                if (fixture != QLatin1String("ide-qemu.json") && !fragment.isEmpty())
                    QVERIFY2(!text.contains(fragment, Qt::CaseInsensitive), qPrintable(text));
            }
        }
    }
};

QTEST_MAIN(TestHealthText)
#include "tst_healthtext.moc"
