// Walks every page and dialog of the app in English, German and French, in a
// light and a dark palette, with a normal and a large font (and, run a second
// time by ctest with QT_SCALE_FACTOR=2, at 200%) against FakeHelper serving a
// machine built from the helper's own SMART fixtures. On every screen:
// - no truncated text: each label, button, group title, tab, header section
//   and table cell fits its widget (an elided cell must carry its full text
//   in its tooltip), and the window fits the screen;
// - no English word in German or French text the app builds;
// - every text reaches 4.5:1 against the background actually painted under
//   it (the grabbed pixels), the map's and badges' colours 3:1;
// - no mnemonic twice in one window.
#include "devicemodel.h"
#include "diskhistorychart.h"
#include "fakehelper.h"
#include "health.h"
#include "helperclient.h"
#include "historychart.h"
#include "mainwindow.h"
#include "mappage.h"
#include "notifier.h"
#include "overviewpage.h"
#include "pairwizard.h"
#include "privatebus.h"
#include "replacedialog.h"
#include "scanview.h"
#include "remapmapmodel.h"
#include "remapmapwidget.h"
#include "smartmodels.h"
#include "smartpage.h"
#include "translations.h"

#include <QAbstractButton>
#include <QApplication>
#include <QChartView>
#include <QCheckBox>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsTextItem>
#include <QTextDocument>
#include <QDomDocument>
#include <QFile>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>
#include <QTreeWidget>

#include <functional>

namespace {

constexpr qulonglong GB = 1000ull * 1000 * 1000;
// 4 KiB blocks of the paired 2 TB disk.
constexpr qulonglong machineBlocks = 2000 * GB / 4096;

QPalette darkPalette()
{
    // Breeze Dark's colours, as a KDE or GNOME dark scheme gives them.
    QPalette p;
    const QColor window(0x20, 0x23, 0x26), base(0x14, 0x16, 0x18), text(0xfc, 0xfc, 0xfc), button(0x29, 0x2c, 0x30);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x1d, 0x1f, 0x22));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, button);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Highlight, QColor(0x3d, 0xae, 0xe9));
    p.setColor(QPalette::HighlightedText, text);
    p.setColor(QPalette::ToolTipBase, window);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0xa1, 0xa9, 0xb1));
    p.setColor(QPalette::Light, QColor(0x40, 0x45, 0x4d));
    p.setColor(QPalette::Midlight, QColor(0x33, 0x37, 0x3c));
    p.setColor(QPalette::Mid, QColor(0x1f, 0x22, 0x25));
    p.setColor(QPalette::Dark, QColor(0x14, 0x16, 0x18));
    p.setColor(QPalette::Shadow, QColor(0x0b, 0x0c, 0x0d));
    p.setColor(QPalette::Link, QColor(0x1d, 0x99, 0xf3));
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x6e, 0x72, 0x76));
    return p;
}

// The text a widget shows with its mnemonic marks removed.
QString shown(QString text)
{
    text.replace(QRegularExpression(QStringLiteral("&(.)")), QStringLiteral("\\1"));
    return text;
}

QString plainOf(const QString &text)
{
    if (!Qt::mightBeRichText(text))
        return text;
    QTextDocument doc;
    doc.setHtml(text);
    return doc.toRawText(); // keeps non-breaking spaces
}

QChar mnemonicOf(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('&'))
            continue;
        if (text.at(i + 1) == QLatin1Char('&')) {
            ++i;
            continue;
        }
        return text.at(i + 1).toLower();
    }
    return {};
}

// Words of a text, for the English check: lower case, three letters or more,
// leaving out product names and units written with capitals inside (SMART,
// NVMe, GiB).
QSet<QString> wordsOf(const QString &text)
{
    QSet<QString> out;
    for (const QString &w : text.split(QRegularExpression(QStringLiteral("[^\\p{L}']+")), Qt::SkipEmptyParts)) {
        if (w.size() < 3 || w.mid(1) != w.mid(1).toLower())
            continue;
        out << w.toLower();
    }
    return out;
}

// Every word of the translations in one catalogue: those are of that
// language even where they look English ("Name", "Test").
QSet<QString> translatedWords(const QString &language)
{
    QSet<QString> out;
    QFile file(QStringLiteral(TRANSLATIONS_DIR "/dm-remap-manager_%1.ts").arg(language));
    if (!file.open(QIODevice::ReadOnly))
        return out;
    QDomDocument doc;
    doc.setContent(&file);
    const QDomNodeList translations = doc.elementsByTagName(QStringLiteral("translation"));
    for (int i = 0; i < translations.size(); ++i)
        out.unite(wordsOf(plainOf(translations.at(i).toElement().text())));
    return out;
}

// The colour most of a rectangle of the image has: the background there.
QColor dominantColor(const QImage &image, const QRect &rect)
{
    QHash<QRgb, int> counts;
    const QRect r = rect.intersected(image.rect());
    for (int y = r.top(); y <= r.bottom(); ++y)
        for (int x = r.left(); x <= r.right(); ++x)
            ++counts[image.pixel(x, y) | 0xff000000u];
    QRgb best = 0;
    int most = -1;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        if (it.value() > most) {
            most = it.value();
            best = it.key();
        }
    return QColor::fromRgb(best);
}

} // namespace

class TestWalkthrough : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void walkthrough_data();
    void walkthrough();

private:
    struct Setting {
        QString language;
        bool dark = false;
        bool largeFont = false;
    };
    void apply(const Setting &setting);
    void buildMachine();
    void walk(const Setting &setting);
    // The checks, on a window as it is now.
    void checkWindow(QWidget *window, const QString &where);
    void checkText(QWidget *window, const QImage &image, QWidget *widget, const QRect &rect, const QString &text,
                   const QColor &foreground, const QString &where);
    void checkContrast(QWidget *widget, const QString &text, const QColor &foreground, const QColor &background,
                       const QString &where);
    void checkView(QWidget *window, const QImage &image, QAbstractItemView *view, const QString &where);
    void checkMnemonics(QWidget *window, const QString &where);
    // A chart's axis labels and titles and its legend: words, not cut
    // (Qt Charts elides with "..."), 4.5:1 against what is painted under them.
    void checkChart(QWidget *window, const QImage &image, QChartView *view, const QString &where);
    void checkWords(const QString &text, const QString &where);
    void checkMapColours(const QString &where);
    // Scrolls the current tab's page so that widget is in view (as much of
    // it as fits, from its top).
    void scrollTo(MainWindow *window, QWidget *widget);
    void fail(const QString &where, const QString &what);
    // Runs check on each modal dialog that opens while action runs; answer
    // closes it (or moves it on).
    void withDialogs(const std::function<void()> &action,
                     const std::function<void(QDialog *)> &answer);

    PrivateBus m_bus;
    QTemporaryDir m_settingsDir;
    FakeHelper *m_fake = nullptr;
    QStringList m_failures;
    QSet<QString> m_english;    // words the English walk showed
    QSet<QString> m_translated; // words of the current language's catalogue
    QStringList m_data;         // disk models, serials, paths: not the app's words
    bool m_collecting = false;
    QString m_language;
    int m_connections = 0;
};

void TestWalkthrough::fail(const QString &where, const QString &what)
{
    const QString line = where + QStringLiteral(": ") + what;
    if (!m_failures.contains(line))
        m_failures << line;
}

void TestWalkthrough::initTestCase()
{
    DmRemap::registerDBusTypes();
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QVERIFY2(m_bus.start(), qPrintable(m_bus.errorString()));
    // What English looks like, for the German and French walks.
    m_collecting = true;
    walk({QStringLiteral("en"), false, false});
    m_collecting = false;
    QVERIFY(m_english.size() > 200);
    m_failures.clear();
}

void TestWalkthrough::cleanupTestCase()
{
    Translations::install(QLocale(QLocale::English));
}

void TestWalkthrough::walkthrough_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<bool>("dark");
    QTest::addColumn<bool>("largeFont");
    for (const char *language : {"en", "de", "fr"})
        for (bool dark : {false, true})
            for (bool large : {false, true})
                QTest::addRow("%s-%s-%s", language, dark ? "dark" : "light", large ? "14pt" : "10pt")
                    << QString::fromLatin1(language) << dark << large;
}

void TestWalkthrough::walkthrough()
{
    QFETCH(QString, language);
    QFETCH(bool, dark);
    QFETCH(bool, largeFont);
    m_failures.clear();
    walk({language, dark, largeFont});
    for (const QString &failure : std::as_const(m_failures))
        qWarning().noquote() << failure;
    QVERIFY2(m_failures.isEmpty(), qPrintable(QStringLiteral("%1 finding(s), listed above").arg(m_failures.size())));
}

void TestWalkthrough::apply(const Setting &setting)
{
    const QLocale locale(setting.language);
    QLocale::setDefault(locale);
    Translations::install(locale);
    m_language = setting.language;
    m_translated = translatedWords(setting.language);
    QApplication::setPalette(setting.dark ? darkPalette() : QApplication::style()->standardPalette());
    QApplication::setFont(QFont(QStringLiteral("DejaVu Sans"), setting.largeFont ? 14 : 10));
}

// A machine as a user has it: an ageing disk paired with an SSD (moved and
// unreadable blocks), a healthy disk, an NVMe system disk in use, a USB disk
// without SMART. SMART data from the helper's own fixtures.
void TestWalkthrough::buildMachine()
{
    m_fake = new FakeHelper(m_bus.address());
    const QVariantMap wd{{QStringLiteral("model"), QStringLiteral("WDC WD20EZRX-00D8PB0")},
                         {QStringLiteral("serial"), QStringLiteral("WD-WCC4M1KXT9Z2")}};
    m_fake->addDisk(QStringLiteral("sda"), QStringLiteral("/dev/sda"), QStringLiteral("hdd"), 2000 * GB, wd);
    m_fake->setSmartFixture(QStringLiteral("sda"), QStringLiteral("ide-damaged-failing.json"));
    m_fake->addDisk(QStringLiteral("sdb"), QStringLiteral("/dev/sdb"), QStringLiteral("ssd"), 250 * GB,
                    {{QStringLiteral("model"), QStringLiteral("Samsung SSD 860 EVO 250GB")},
                     {QStringLiteral("serial"), QStringLiteral("S3YHNX0K812345A")}});
    m_fake->addDisk(QStringLiteral("nvme0n1"), QStringLiteral("/dev/nvme0n1"), QStringLiteral("nvme"), 500 * GB,
                    {{QStringLiteral("model"), QStringLiteral("Samsung SSD 970 EVO Plus 500GB")},
                     {QStringLiteral("in-use"), true},
                     {QStringLiteral("in-use-reasons"),
                      QVariant::fromValue(DmRemap::ReasonList{{{QStringLiteral("code"), QStringLiteral("mounted")},
                                                               {QStringLiteral("mount-point"), QStringLiteral("/")}}})}});
    m_fake->setSmartFixture(QStringLiteral("nvme0n1"), QStringLiteral("nvme-damaged-critical.json"));
    m_fake->addDisk(QStringLiteral("sdc"), QStringLiteral("/dev/sdc"), QStringLiteral("hdd"), 4000 * GB,
                    {{QStringLiteral("model"), QStringLiteral("JMicron 0123456789AB")},
                     {QStringLiteral("transport"), QStringLiteral("usb")}});
    m_fake->setSmartFixture(QStringLiteral("sdc"), QStringLiteral("virtio-no-smart.json"));
    m_fake->addDisk(QStringLiteral("sdd"), QStringLiteral("/dev/sdd"), QStringLiteral("hdd"), 1000 * GB,
                    {{QStringLiteral("model"), QStringLiteral("ST1000DM010-2EP102")}});
    m_fake->setSmartFixture(QStringLiteral("sdd"), QStringLiteral("ide-qemu.json"));
    // A disk asleep since the helper started: Asleep, with Wake and read.
    m_fake->addDisk(QStringLiteral("sde"), QStringLiteral("/dev/sde"), QStringLiteral("hdd"), 4000 * GB,
                    {{QStringLiteral("model"), QStringLiteral("ST4000VN008-2DR166")}});
    m_fake->setAsleep(QStringLiteral("sde"), true, true);
    m_fake->addPair(QStringLiteral("safe-sda"), QStringLiteral("sda"), QStringLiteral("sdb"));
    QList<qulonglong> sectors;
    for (qulonglong b = machineBlocks / 3; b < machineBlocks / 3 + 400; b += 2)
        sectors << b * 8;
    sectors << machineBlocks * 7 / 10 * 8;
    m_fake->setRemaps(QStringLiteral("safe-sda"), sectors);
    // Two months of history on a small spare: the overview's forecast line
    // has dates and the main disk's risk band.
    m_fake->pair(QStringLiteral("safe-sda"))->info.insert(QStringLiteral("capacity"), qulonglong(2000));
    for (int day = 60; day >= 1; --day)
        m_fake->recordRemapHistory(QStringLiteral("safe-sda"), m_fake->now() - day * 86400, 3 + day % 4);
    m_fake->setPending(QStringLiteral("safe-sda"), {machineBlocks / 2 * 8, machineBlocks / 5 * 8});
    // Two months of SMART readings of the ageing disk and the NVMe drive:
    // their overviews' charts have lines, legends and axes.
    for (int day = 60; day >= 1; --day) {
        History::SmartValues ata;
        ata[History::Reallocated] = 60 - day;
        ata[History::Pending] = day < 10 ? 2 : 0;
        ata[History::OfflineUncorrectable] = day < 5 ? 1 : 0;
        ata[History::CrcErrors] = 3;
        ata[History::Temperature] = 35 + day % 9;
        m_fake->recordSmartHistory(QStringLiteral("sda"), m_fake->now() - day * 86400, ata);
        History::SmartValues nvme;
        nvme[History::NvmeMediaErrors] = (60 - day) / 6;
        nvme[History::NvmeAvailableSpare] = 100 - (60 - day) / 2;
        nvme[History::Temperature] = 45 + day % 5;
        m_fake->recordSmartHistory(QStringLiteral("nvme0n1"), m_fake->now() - day * 86400, nvme);
    }
    // A background scan under way that found those two; its last whole pass
    // a month ago.
    {
        FakeObject *pair = m_fake->pair(QStringLiteral("safe-sda"));
        pair->scan.passStarted = m_fake->now() - 2 * 86400;
        pair->scan.position = pair->scan.size / 1000 * 423;
        pair->scan.readErrors = 2;
        pair->scan.lastFinished = m_fake->now() - 32 * 86400;
        pair->scanState = QStringLiteral("running");
    }
    m_data = QStringList{QStringLiteral("WDC WD20EZRX-00D8PB0"), QStringLiteral("WD-WCC4M1KXT9Z2"),
                         QStringLiteral("Samsung SSD 860 EVO 250GB"), QStringLiteral("S3YHNX0K812345A"),
                         QStringLiteral("Samsung SSD 970 EVO Plus 500GB"), QStringLiteral("JMicron 0123456789AB"),
                         QStringLiteral("ST1000DM010-2EP102"), QStringLiteral("ST4000VN008-2DR166"),
                         QStringLiteral("fake-1"), m_fake->system.kernelRelease};
    // SMART attribute names and raw values are the disk's own (smartctl's
    // table): longest first, so that no shorter one cuts into them.
    for (const QString &fixture : {QStringLiteral("ide-damaged-failing.json"), QStringLiteral("ide-qemu.json"),
                                   QStringLiteral("nvme-damaged-critical.json")})
        for (const DmRemap::SmartAttribute &a : FakeHelper::fixtureReport(fixture).attributes)
            m_data << a.name << a.rawString;
    m_data.removeAll(QString());
    std::sort(m_data.begin(), m_data.end(), [](const QString &a, const QString &b) { return a.size() > b.size(); });
}

void TestWalkthrough::walk(const Setting &setting)
{
    apply(setting);
    buildMachine();
    QVERIFY(m_fake->registerService());
    const QString tag = QStringLiteral("%1/%2/%3pt").arg(setting.language, setting.dark ? QStringLiteral("dark") : QStringLiteral("light"),
                                                        QString::number(QApplication::font().pointSize()));
    {
        QSettings settings(m_settingsDir.filePath(QStringLiteral("s-%1.ini").arg(++m_connections)), QSettings::IniFormat);
        HelperClient client(QDBusConnection::connectToBus(m_bus.address(), QStringLiteral("app-%1").arg(m_connections)));
        DeviceModel devices(&client);
        Notifier notifier(&client, QDBusConnection::connectToBus(m_bus.address(), QStringLiteral("session-%1").arg(m_connections)),
                          &settings);
        MainWindow window(&client, &devices, &notifier);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_COMPARE(client.status(), HelperClient::Status::Ready);
        QTRY_VERIFY(!client.smart(m_fake->diskPath(QStringLiteral("sdc"))).isEmpty());
        QTRY_VERIFY(client.forecast(m_fake->pairPath(QStringLiteral("safe-sda"))).value(QStringLiteral("forecast")).toBool());
        const QRect screen = window.screen()->availableGeometry();
        if (window.frameGeometry().width() > screen.width() || window.frameGeometry().height() > screen.height())
            fail(tag, QStringLiteral("the window (%1×%2) is larger than the screen (%3×%4)")
                          .arg(window.frameGeometry().width()).arg(window.frameGeometry().height())
                          .arg(screen.width()).arg(screen.height()));

        // Every row of the tree, every tab it enables.
        QList<QModelIndex> rows;
        for (int r = 0; r < devices.rowCount(); ++r) {
            rows << devices.index(r, 0);
            for (int c = 0; c < devices.rowCount(devices.index(r, 0)); ++c)
                rows << devices.index(c, 0, devices.index(r, 0));
        }
        for (const QModelIndex &row : rows) {
            window.deviceView()->setCurrentIndex(row);
            for (int tab = 0; tab < window.tabs()->count(); ++tab) {
                if (!window.tabs()->isTabEnabled(tab))
                    continue;
                window.tabs()->setCurrentIndex(tab);
                if (tab == 1)
                    QTRY_VERIFY(window.smartPage()->findChild<QTableView *>() != nullptr);
                if (tab == 2)
                    QTRY_VERIFY(window.mapPage()->model()->hasCounts());
                if (tab == 0 && client.hasPair(row.data(DeviceModel::PathRole).toString())) { // the history chart with the forecast line
                    QTRY_VERIFY(window.overviewPage()->historyPage()->movedSeries()->count() > 0
                                && window.overviewPage()->historyPage()->forecastSeries()->count() == 2);
                    // The background scan under way, with its read failures.
                    QTRY_VERIFY(window.overviewPage()->scanProgress()->isVisible()
                                && window.overviewPage()->scanErrorsLabel()->isVisible());
                }
                QTest::qWait(50);
                const QString where = QStringLiteral("%1 %2, tab %3").arg(tag, row.data().toString(), shown(window.tabs()->tabText(tab)));
                if (tab == 2) {
                    MapPage *map = window.mapPage();
                    const int cell = map->model()->cellOfSector(machineBlocks / 3 * 8);
                    map->mapWidget()->setCurrentCell(cell);
                    Q_EMIT map->mapWidget()->cellActivated(cell);
                    QTRY_VERIFY(map->remapList()->topLevelItemCount() > 0);
                    checkMapColours(where);
                }
                checkWindow(&window, where);
                // Below the fold of a disk's overview: its SMART history.
                const QString rowPath = row.data(DeviceModel::PathRole).toString();
                if (tab == 0 && client.hasDisk(rowPath)) {
                    DiskHistoryPage *charts = window.overviewPage()->diskHistoryPage();
                    if (rowPath == m_fake->diskPath(QStringLiteral("sda")) || rowPath == m_fake->diskPath(QStringLiteral("nvme0n1")))
                        QTRY_VERIFY(charts->series(DiskHistoryChart::Temperature)->count() > 50);
                    scrollTo(&window, charts);
                    checkWindow(&window, where + QStringLiteral(" (SMART history)"));
                }
                // Below the fold of a pair's overview: the background scan,
                // then the history chart, each scrolled into view.
                if (tab == 0 && client.hasPair(rowPath)) {
                    scrollTo(&window, window.overviewPage()->scanBox());
                    checkWindow(&window, where + QStringLiteral(" (background scan)"));
                    scrollTo(&window, window.overviewPage()->historyPage());
                    checkWindow(&window, where + QStringLiteral(" (history chart)"));
                    scrollTo(&window, window.overviewPage()->scanBox());
                }
            }
        }

        // The message bars: a refusal, then the helper gone.
        m_fake->refuseWith = QStringLiteral("org.freedesktop.DBus.Error.AccessDenied");
        client.refreshSmart(m_fake->diskPath(QStringLiteral("sda")));
        QTRY_VERIFY(window.errorBar()->isVisible());
        m_fake->refuseWith.clear();
        window.deviceView()->setCurrentIndex(rows.first());
        window.tabs()->setCurrentIndex(0);
        checkWindow(&window, tag + QStringLiteral(" error bar"));

        // Dialogs: remove, refused removal and its confirmation, about.
        const QString pair = m_fake->pairPath(QStringLiteral("safe-sda"));
        withDialogs([&] { window.removePair(pair); }, [&](QDialog *d) {
            checkWindow(d, tag + QStringLiteral(" remove dialog"));
            d->reject();
        });
        int step = 0;
        withDialogs([&] { window.removalRefused(pair, QStringLiteral("sector 1234: write failed")); }, [&](QDialog *d) {
            auto *box = qobject_cast<QMessageBox *>(d);
            checkWindow(d, tag + (step == 0 ? QStringLiteral(" removal refused") : QStringLiteral(" removal confirmation")));
            if (step++ == 0 && box) {
                // "Remove anyway…": the destructive button leads to the confirmation.
                for (QAbstractButton *b : box->buttons())
                    if (box->buttonRole(b) == QMessageBox::DestructiveRole) {
                        b->click();
                        return;
                    }
            }
            d->reject();
        });
        QAction *about = window.menuBar()->actions().constLast()->menu()->actions().constFirst();
        withDialogs([&] { about->trigger(); },
                    [&](QDialog *d) {
                        checkWindow(d, tag + QStringLiteral(" about"));
                        d->reject();
                    });

        // Replace main disk…: refused while blocks are unreadable, the list,
        // the confirmation; then the copy and its interruption as the
        // overview shows them.
        {
            FakeObject *fakePair = m_fake->pair(QStringLiteral("safe-sda"));
            const QList<qulonglong> pending = fakePair->pending;
            ReplaceDialog replace(&client, pair, &window);
            replace.show();
            QVERIFY(QTest::qWaitForWindowExposed(&replace));
            if (replace.frameGeometry().width() > screen.width() || replace.frameGeometry().height() > screen.height())
                fail(tag, QStringLiteral("the replace dialog (%1×%2) is larger than the screen").arg(replace.width()).arg(replace.height()));
            checkWindow(&replace, tag + QStringLiteral(" replace: unreadable blocks"));
            m_fake->setPending(QStringLiteral("safe-sda"), {});
            QTRY_VERIFY(!replace.pairProblemLabel()->isVisibleTo(&replace));
            replace.choose(m_fake->diskPath(QStringLiteral("sdc")));
            checkWindow(&replace, tag + QStringLiteral(" replace: new disk"));
            replace.next();
            replace.eraseConfirmation()->setChecked(true);
            checkWindow(&replace, tag + QStringLiteral(" replace: confirmation"));
            replace.close();
            m_fake->setPending(QStringLiteral("safe-sda"), pending);

            fakePair->info.insert(QStringLiteral("replace-state"), QStringLiteral("copying"));
            fakePair->info.insert(QStringLiteral("replace-disk"), QVariant::fromValue(QDBusObjectPath(m_fake->diskPath(QStringLiteral("sdc")))));
            fakePair->info.insert(QStringLiteral("replace-disk-path"), QStringLiteral("/dev/sdc"));
            fakePair->info.insert(QStringLiteral("replace-copied"), qulonglong(1234));
            fakePair->info.insert(QStringLiteral("replace-total"), qulonglong(5000));
            for (const QString &state : {QStringLiteral("copying"), QStringLiteral("interrupted")}) {
                fakePair->info.insert(QStringLiteral("replace-state"), state);
                client.reload();
                QTRY_COMPARE(client.status(), HelperClient::Status::Ready);
                window.openObject(pair);
                window.tabs()->setCurrentIndex(0);
                QTRY_VERIFY(window.overviewPage()->replaceBox()->isVisible());
                QTest::qWait(50);
                checkWindow(&window, tag + QStringLiteral(" replacement ") + state);
            }
            fakePair->clearReplacement();
            client.reload();
            QTRY_COMPARE(client.status(), HelperClient::Status::Ready);
            QTRY_VERIFY(!client.smart(m_fake->diskPath(QStringLiteral("sdc"))).isEmpty());
        }

        // The background scan's other faces: paused with its pass (Stop
        // scan), stopped (Go on), the pass done with the next one planned
        // (Scan now).
        {
            FakeObject *fakePair = m_fake->pair(QStringLiteral("safe-sda"));
            window.openObject(pair);
            window.tabs()->setCurrentIndex(0);
            for (const QString &state : {QStringLiteral("paused-asleep"), QStringLiteral("stopped")}) {
                fakePair->setScan(fakePair->scan.position, state);
                QTRY_COMPARE(window.overviewPage()->valueText(QStringLiteral("scan-state")),
                             ScanView::stateText(state, true));
                QTest::qWait(50);
                scrollTo(&window, window.overviewPage()->scanBox());
                checkWindow(&window, tag + QStringLiteral(" scan ") + state);
            }
            fakePair->setScan(fakePair->scan.size, QStringLiteral("running"));
            QTRY_VERIFY(window.overviewPage()->valueText(QStringLiteral("scan-last")) == Health::shortDate(m_fake->now())
                        && !window.overviewPage()->valueText(QStringLiteral("scan-next")).isEmpty());
            QTest::qWait(50);
            scrollTo(&window, window.overviewPage()->scanBox());
            checkWindow(&window, tag + QStringLiteral(" scan done"));
        }

        // The pairing wizard, page by page, up to the pair created.
        PairWizard wizard(&client, &window);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        if (wizard.frameGeometry().width() > screen.width() || wizard.frameGeometry().height() > screen.height())
            fail(tag, QStringLiteral("the wizard (%1×%2) is larger than the screen").arg(wizard.width()).arg(wizard.height()));
        checkWindow(&wizard, tag + QStringLiteral(" wizard main disk"));
        for (int i = 0; i < wizard.mainList()->count(); ++i)
            if (wizard.mainList()->item(i)->text().startsWith(QStringLiteral("/dev/sdd")))
                wizard.mainList()->setCurrentRow(i);
        wizard.next();
        for (int i = 0; i < wizard.spareList()->count(); ++i)
            if (wizard.spareList()->item(i)->text().startsWith(QStringLiteral("/dev/sdc")))
                wizard.spareList()->setCurrentRow(i);
        checkWindow(&wizard, tag + QStringLiteral(" wizard spare disk"));
        wizard.next();
        checkWindow(&wizard, tag + QStringLiteral(" wizard options"));
        wizard.next();
        wizard.eraseConfirmation()->setChecked(true);
        checkWindow(&wizard, tag + QStringLiteral(" wizard summary"));
        wizard.next();
        QTRY_VERIFY(wizard.isCreated());
        QTest::qWait(50);
        checkWindow(&wizard, tag + QStringLiteral(" wizard result"));
        wizard.close();

        // What the machine lacks (GetSystemStatus), one banner at a time.
        {
            const FakeHelper::System fine = m_fake->system;
            window.deviceView()->setCurrentIndex(rows.first());
            window.tabs()->setCurrentIndex(0);
            const std::pair<const char *, std::function<void(FakeHelper::System &)>> cases[] = {
                {"no device-mapper", [](FakeHelper::System &s) { s.deviceMapper = false; }},
                {"Secure Boot", [](FakeHelper::System &s) { s.targetVersion.clear(); s.secureBootVariable = QByteArray("\x06\x00\x00\x00\x01", 5); }},
                {"module missing", [](FakeHelper::System &s) { s.targetVersion.clear(); }},
                {"smartctl missing", [](FakeHelper::System &s) { s.smartctl.clear(); }},
            };
            for (const auto &[name, change] : cases) {
                m_fake->system = fine;
                change(m_fake->system);
                client.reload();
                QTRY_COMPARE(client.status(), HelperClient::Status::Ready);
                QTRY_VERIFY(window.helperBar()->isVisible());
                QTest::qWait(50);
                checkWindow(&window, tag + QStringLiteral(" banner: ") + QLatin1String(name));
            }
            m_fake->system = fine;
            client.reload();
            QTRY_COMPARE(client.status(), HelperClient::Status::Ready);
            QTRY_VERIFY(!window.helperBar()->isVisible());
        }

        // The helper gone: the bar that says so, with Retry.
        m_fake->unregisterService();
        client.reload();
        QTRY_VERIFY(window.helperBar()->isVisible());
        QTest::qWait(50);
        checkWindow(&window, tag + QStringLiteral(" helper bar"));
    }
    delete m_fake;
    m_fake = nullptr;
}

void TestWalkthrough::withDialogs(const std::function<void()> &action, const std::function<void(QDialog *)> &answer)
{
    QTimer poll;
    poll.setInterval(20);
    QDialog *handled = nullptr;
    connect(&poll, &QTimer::timeout, this, [&] {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        if (!dialog || dialog == handled || !dialog->isVisible())
            return;
        handled = dialog;
        QTest::qWait(30);
        answer(dialog);
    });
    poll.start();
    action();
    poll.stop();
    if (!handled)
        fail(m_language, QStringLiteral("a dialog did not open"));
}

void TestWalkthrough::scrollTo(MainWindow *window, QWidget *widget)
{
    auto *area = qobject_cast<QScrollArea *>(window->tabs()->currentWidget());
    if (!area) {
        fail(m_language, QStringLiteral("the page is not in a scroll area"));
        return;
    }
    for (int pass = 0; pass < 8; ++pass) {
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        QApplication::processEvents();
    }
    const QPoint at = widget->mapTo(area->widget(), QPoint(0, 0));
    area->verticalScrollBar()->setValue(at.y());
    QApplication::processEvents();
    if (widget->visibleRegion().isEmpty())
        fail(m_language, QStringLiteral("%1 could not be scrolled into view").arg(QString::fromLatin1(widget->metaObject()->className())));
}

void TestWalkthrough::checkWindow(QWidget *window, const QString &where)
{
    // What the user sees once the event loop ran: a layout request climbs one
    // parent per pass (a label, its form, the page, the scroll area).
    for (int pass = 0; pass < 8; ++pass) {
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        QApplication::processEvents();
    }
    const QImage image = window->grab().toImage().scaled(window->size());
    checkMnemonics(window, where);
    if (!window->windowTitle().isEmpty())
        checkWords(window->windowTitle(), where);

    for (QWidget *w : window->findChildren<QWidget *>()) {
        if (!w->isVisibleTo(window) || w->window() != window)
            continue;
        const QRect rect(w->mapTo(window, QPoint(0, 0)), w->size());
        if (!image.rect().intersects(rect))
            continue;
        const QString name = QString::fromLatin1(w->metaObject()->className());
        if (!w->toolTip().isEmpty())
            checkWords(w->toolTip(), where);
        if (auto *label = qobject_cast<QLabel *>(w)) {
            if (label->text().isEmpty())
                continue;
            const QString text = plainOf(label->text());
            checkWords(text, where);
            const bool cut = label->wordWrap() ? label->heightForWidth(label->width()) > label->height()
                                               : label->minimumSizeHint().width() > label->width();
            if (cut)
                fail(where, QStringLiteral("label cut (%1×%2): “%3”").arg(label->width()).arg(label->height()).arg(text.left(80)));
            checkText(window, image, label, rect, text, label->palette().color(label->foregroundRole()), where);
        } else if (auto *button = qobject_cast<QAbstractButton *>(w)) {
            if (button->text().isEmpty() || qobject_cast<QToolBar *>(button->parentWidget()))
                continue;
            const QString text = shown(button->text());
            checkWords(text, where);
            if (button->sizeHint().width() > button->width() + 1)
                fail(where, QStringLiteral("%1 cut (%2 < %3): “%4”").arg(name).arg(button->width()).arg(button->sizeHint().width()).arg(text));
            const QColor foreground = button->palette().color(button->foregroundRole());
            // A push button's face is a gradient of the palette's Button
            // colour behind a bevel, a focus frame and the text itself: no
            // spot of the image is reliably its background, the palette is.
            if (qobject_cast<QPushButton *>(button)) {
                checkContrast(button, text, foreground, button->palette().color(QPalette::Button), where);
                continue;
            }
            // A check box's background is around its label.
            QRect inner = rect.adjusted(3, 3, -3, -3);
            if (qobject_cast<QCheckBox *>(button))
                inner.setLeft(rect.left() + button->style()->pixelMetric(QStyle::PM_IndicatorWidth, nullptr, button)
                              + button->style()->pixelMetric(QStyle::PM_CheckBoxLabelSpacing, nullptr, button));
            checkText(window, image, button, inner, text, foreground, where);
        } else if (auto *box = qobject_cast<QGroupBox *>(w)) {
            checkWords(box->title(), where);
            if (box->fontMetrics().horizontalAdvance(shown(box->title())) > box->width())
                fail(where, QStringLiteral("group title cut: “%1”").arg(box->title()));
        } else if (auto *tabs = qobject_cast<QTabBar *>(w)) {
            for (int i = 0; i < tabs->count(); ++i) {
                const QString text = shown(tabs->tabText(i));
                checkWords(text, where);
                const int needed = tabs->fontMetrics().horizontalAdvance(text) + tabs->iconSize().width();
                if (tabs->tabRect(i).right() > tabs->width() || tabs->tabRect(i).width() < needed)
                    fail(where, QStringLiteral("tab cut: “%1”").arg(text));
            }
        } else if (auto *view = qobject_cast<QAbstractItemView *>(w)) {
            checkView(window, image, view, where);
        } else if (auto *chart = qobject_cast<QChartView *>(w)) {
            checkChart(window, image, chart, where);
        } else if (auto *menuBar = qobject_cast<QMenuBar *>(w)) {
            for (QAction *a : menuBar->actions()) {
                checkWords(shown(a->text()), where);
                for (QAction *item : a->menu()->actions())
                    checkWords(shown(item->text()), where);
            }
        }
    }
}

void TestWalkthrough::checkText(QWidget *window, const QImage &image, QWidget *widget, const QRect &rect,
                                const QString &text, const QColor &foreground, const QString &where)
{
    // Only what is on screen: a page in a scroll area shows part of a view.
    const QRect shown = rect.intersected(widget->visibleRegion().boundingRect().translated(widget->mapTo(window, QPoint())));
    if (!widget->isEnabled() || text.trimmed().isEmpty() || shown.width() < 3 || shown.height() < 3)
        return;
    checkContrast(widget, text, foreground, dominantColor(image, shown), where);
}

void TestWalkthrough::checkContrast(QWidget *widget, const QString &text, const QColor &foreground,
                                    const QColor &background, const QString &where)
{
    if (!widget->isEnabled() || text.trimmed().isEmpty())
        return;
    const double ratio = Health::contrastRatio(foreground, background);
    if (ratio < 4.5)
        fail(where, QStringLiteral("contrast %1:1 (%2 on %3): “%4”")
                        .arg(ratio, 0, 'f', 1).arg(foreground.name(), background.name(), text.left(60)));
}

void TestWalkthrough::checkView(QWidget *window, const QImage &image, QAbstractItemView *view, const QString &where)
{
    QAbstractItemModel *model = view->model();
    if (!model)
        return;
    QHeaderView *header = nullptr;
    if (auto *tree = qobject_cast<QTreeView *>(view))
        header = tree->header();
    else if (auto *table = qobject_cast<QTableView *>(view))
        header = table->horizontalHeader();
    const QPoint viewportAt = view->viewport()->mapTo(window, QPoint(0, 0));
    const int viewportWidth = view->viewport()->width();
    const int em = view->fontMetrics().horizontalAdvance(QLatin1Char('M'));
    // Columns that must be in view, whole: a tree's name and health, the
    // SMART table's status and (at the default window size) its meaning.
    QSet<int> mustShow;
    if (qobject_cast<DeviceModel *>(model))
        mustShow = {DeviceModel::NameColumn, DeviceModel::HealthColumn};
    if (qobject_cast<QSortFilterProxyModel *>(model)
        && qobject_cast<SmartAttributeModel *>(static_cast<QSortFilterProxyModel *>(model)->sourceModel()))
        mustShow = {SmartAttributeModel::Status, SmartAttributeModel::Meaning};
    if (header && !header->isHidden()) {
        for (int c = 0; c < model->columnCount(); ++c) {
            if (header->isSectionHidden(c))
                continue;
            const QString title = model->headerData(c, Qt::Horizontal).toString();
            checkWords(title, where);
            const int x = header->sectionViewportPosition(c);
            const int size = header->sectionSize(c);
            const int needed = header->fontMetrics().horizontalAdvance(title) + 4;
            if (size < needed)
                fail(where, QStringLiteral("column “%1” cut to %2 px").arg(title).arg(size));
            // The meaning may be elided (its tooltip holds it), down to 8 em.
            const int shownWidth = c == SmartAttributeModel::Meaning && mustShow.contains(SmartAttributeModel::Meaning)
                                       ? 8 * em : needed;
            if (mustShow.contains(c) && (x < 0 || x + shownWidth > viewportWidth))
                fail(where, QStringLiteral("column “%1” not in view (%2 px at %3 of %4)").arg(title).arg(size).arg(x).arg(viewportWidth));
        }
    }
    // Every row shown (a tree's children too): text fits or its tooltip
    // holds it; contrast against what is painted under it.
    std::function<void(const QModelIndex &)> rowsOf = [&](const QModelIndex &parent) {
        for (int r = 0; r < model->rowCount(parent); ++r) {
            for (int c = 0; c < model->columnCount(parent); ++c) {
                const QModelIndex index = model->index(r, c, parent);
                const QRect cell = view->visualRect(index);
                const QString text = index.data().toString();
                if (text.isEmpty())
                    continue;
                checkWords(text, where);
                const QString tip = index.data(Qt::ToolTipRole).toString();
                if (!tip.isEmpty())
                    checkWords(tip, where);
                if (cell.isEmpty() || cell.right() < 0 || cell.left() >= viewportWidth || cell.bottom() < 0
                    || cell.top() >= view->viewport()->height())
                    continue;
                int room = std::min(cell.right(), viewportWidth) - cell.left();
                if (!index.data(Qt::DecorationRole).isNull())
                    room -= view->iconSize().isValid() ? view->iconSize().width() + 4 : 20;
                const int needed = view->fontMetrics().horizontalAdvance(text) + em / 2;
                if (needed > room && !tip.contains(text))
                    fail(where, QStringLiteral("cell cut and its tooltip does not hold it: “%1”").arg(text));
                QColor foreground = view->palette().color(QPalette::Text);
                const QVariant brush = index.data(Qt::ForegroundRole);
                if (brush.canConvert<QColor>())
                    foreground = brush.value<QColor>();
                else if (brush.canConvert<QBrush>())
                    foreground = brush.value<QBrush>().color();
                // Selected rows take the desktop's own highlight colours.
                if (view->selectionModel() && view->selectionModel()->isSelected(index))
                    continue;
                checkText(window, image, view, cell.translated(viewportAt).intersected(QRect(viewportAt, view->viewport()->size())),
                          text, foreground, where);
            }
            if (auto *tree = qobject_cast<QTreeView *>(view); tree && tree->isExpanded(model->index(r, 0, parent)))
                rowsOf(model->index(r, 0, parent));
        }
    };
    rowsOf({});
}

void TestWalkthrough::checkChart(QWidget *window, const QImage &image, QChartView *view, const QString &where)
{
    const QPoint viewportAt = view->viewport()->mapTo(window, QPoint(0, 0));
    const QRect shownPart = view->viewport()->visibleRegion().boundingRect().translated(viewportAt);
    int texts = 0;
    for (QGraphicsItem *item : view->scene()->items()) {
        if (!item->isVisible())
            continue;
        QString text;
        QColor colour;
        if (auto *t = dynamic_cast<QGraphicsTextItem *>(item)) {
            text = t->document()->toRawText(); // keeps non-breaking spaces
            colour = t->defaultTextColor();
        } else if (auto *t = dynamic_cast<QGraphicsSimpleTextItem *>(item)) {
            text = t->text();
            colour = t->brush().color();
        } else {
            continue;
        }
        if (text.trimmed().isEmpty())
            continue;
        const QRect rect = view->mapFromScene(item->sceneBoundingRect()).boundingRect().translated(viewportAt);
        if (!shownPart.intersects(rect))
            continue;
        ++texts;
        checkWords(text, where);
        if (text.endsWith(QLatin1String("...")) || text.contains(QChar(0x2026)))
            fail(where, QStringLiteral("chart text cut: “%1”").arg(text));
        // (The viewport covers the view: its region is the one painted.)
        checkText(window, image, view->viewport(), rect.intersected(shownPart), text, colour, where);
    }
    // (A sliver of a chart at the edge of the view may hold none.)
    if (texts == 0 && shownPart.height() > view->height() / 2)
        fail(where, QStringLiteral("a chart in view shows no text"));
}

void TestWalkthrough::checkMnemonics(QWidget *window, const QString &where)
{
    QHash<QChar, QString> seen;
    auto add = [&](const QString &text) {
        const QChar key = mnemonicOf(text);
        if (key.isNull())
            return;
        if (seen.contains(key))
            fail(where, QStringLiteral("Alt+%1 twice: “%2” and “%3”").arg(key.toUpper(), seen.value(key), shown(text)));
        else
            seen.insert(key, shown(text));
    };
    for (QWidget *w : window->findChildren<QWidget *>()) {
        if (!w->isVisibleTo(window) || !w->isEnabled() || w->window() != window)
            continue;
        if (auto *button = qobject_cast<QAbstractButton *>(w); button && !qobject_cast<QToolBar *>(w->parentWidget()))
            add(button->text());
        else if (auto *label = qobject_cast<QLabel *>(w); label && label->buddy())
            add(label->text());
        else if (auto *box = qobject_cast<QGroupBox *>(w))
            add(box->title());
        else if (auto *tabs = qobject_cast<QTabBar *>(w))
            for (int i = 0; i < tabs->count(); ++i)
                if (tabs->isTabEnabled(i))
                    add(tabs->tabText(i));
        else if (auto *menuBar = qobject_cast<QMenuBar *>(w))
            for (QAction *a : menuBar->actions())
                add(a->text());
    }
}

void TestWalkthrough::checkWords(const QString &text, const QString &where)
{
    QString own = plainOf(text);
    for (const QString &data : std::as_const(m_data))
        own.remove(data);
    // Device paths and pair names are names, not words.
    own.remove(QRegularExpression(QStringLiteral("\\S*/\\S*|\\bsafe-\\w+")));
    if (m_collecting) {
        m_english.unite(wordsOf(own));
        return;
    }
    // One unit system: IEC (KiB, MiB, GiB), never SI (kB, MB, GB).
    static const QRegularExpression siUnit(QStringLiteral("\\d[\\s\\x{00a0}\\x{202f}]?(kB|KB|MB|GB|TB|ko|Mo|Go|To)\\b"));
    if (own.contains(siUnit))
        fail(where, QStringLiteral("SI unit (not IEC) in: %1").arg(own.left(120)));
    if (m_language == QLatin1String("en"))
        return;
    // French typography: a non-breaking space before : ; ! ? and one
    // apostrophe, the typographic one.
    if (m_language == QLatin1String("fr")
        && own.contains(QRegularExpression(QStringLiteral("[^\\x{00a0}\\x{202f}][:;!?](\\s|$)|'"))))
        fail(QStringLiteral("fr"), QStringLiteral("French typography: %1").arg(own.left(120)));
    // Words that are German and French too, found in Qt's own catalogues.
    static const QSet<QString> shared{QStringLiteral("details")};
    for (const QString &word : wordsOf(own))
        if (m_english.contains(word) && !m_translated.contains(word) && !shared.contains(word))
            fail(where, QStringLiteral("English “%1” in: %2").arg(word, own.left(120)));
}

// The map's colours are graphics: 3:1 against a clean cell and the page,
// and "unreadable" apart from "few moved" in lightness, not only hue.
void TestWalkthrough::checkMapColours(const QString &where)
{
    const QColor clean = RemapMapModel::cellColor(0, 0, 0, 0);
    const QColor few = RemapMapModel::cellColor(1, 0, 100, 0);
    const QColor many = RemapMapModel::cellColor(100, 0, 100, 0);
    const QColor unreadable = RemapMapModel::cellColor(0, 1, 0, 1);
    for (const auto &[name, colour] : {std::pair{"few moved", few}, {"many moved", many}, {"unreadable", unreadable}}) {
        if (Health::contrastRatio(colour, clean) < 3)
            fail(where, QStringLiteral("map: “%1” %2 against a clean cell %3: %4:1").arg(QLatin1String(name), colour.name(), clean.name())
                            .arg(Health::contrastRatio(colour, clean), 0, 'f', 1));
    }
    if (Health::contrastRatio(few, unreadable) < 1.5)
        fail(where, QStringLiteral("map: “unreadable” %1 and “few moved” %2 differ in hue only (%3:1)")
                        .arg(unreadable.name(), few.name()).arg(Health::contrastRatio(few, unreadable), 0, 'f', 2));
}

QTEST_MAIN(TestWalkthrough)
#include "tst_walkthrough.moc"
