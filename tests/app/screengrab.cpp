// Saves the whole X screen as a PNG, as a user sees it (windows and
// notifications), or describes a PNG for a test. Used by the sandbox
// (scripts/sandbox).
//   dmremap-screengrab <out.png> [<timeout s>]
//       waits until the screen has not changed for four seconds and shows
//       more than a blank screen, then saves it; fails after the timeout
//       (default 120 s) and saves the last picture anyway
//   dmremap-screengrab --describe <in.png>
//       prints "<width> <height> <distinct colours> <mean lightness 0-255>"
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QImage>
#include <QPixmap>
#include <QScreen>
#include <QSet>
#include <QThread>

#include <cstdio>
#include <cstdlib>
#include <cstring>

static qsizetype colourCount(const QImage &picture)
{
    const QImage image = picture.convertToFormat(QImage::Format_RGB32);
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x)
            colours.insert(line[x]);
    }
    return colours.size();
}

static int meanLightness(const QImage &picture)
{
    const QImage image = picture.convertToFormat(QImage::Format_RGB32);
    qint64 sum = 0;
    for (int y = 0; y < image.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x)
            sum += qGray(line[x]);
    }
    const qint64 pixels = qint64(image.width()) * image.height();
    return pixels ? int(sum / pixels) : 0;
}

static int describe(const char *file)
{
    const QImage image(QString::fromLocal8Bit(file));
    if (image.isNull()) {
        std::fprintf(stderr, "dmremap-screengrab: %s is not a readable image\n", file);
        return 1;
    }
    std::printf("%d %d %lld %d\n", image.width(), image.height(), static_cast<long long>(colourCount(image)),
                meanLightness(image));
    return 0;
}

int main(int argc, char *argv[])
{
    if (argc == 3 && std::strcmp(argv[1], "--describe") == 0)
        return describe(argv[2]);
    if (argc < 2 || argc > 3 || argv[1][0] == '-') {
        std::fprintf(stderr, "usage: dmremap-screengrab <out.png> [<timeout s>] | --describe <in.png>\n");
        return 2;
    }
    const QString file = QString::fromLocal8Bit(argv[1]);
    const int timeoutMs = (argc == 3 ? std::atoi(argv[2]) : 120) * 1000;
    QGuiApplication app(argc, argv);
    QScreen *screen = QGuiApplication::primaryScreen();
    if (!screen) {
        std::fprintf(stderr, "dmremap-screengrab: no screen\n");
        return 1;
    }
    // An empty X screen is one colour; a window with text has hundreds.
    constexpr int minColours = 16;
    constexpr int intervalMs = 500;
    constexpr int settledMs = 4000;
    QElapsedTimer clock;
    clock.start();
    QImage last;
    qint64 sameSince = 0;
    for (;;) {
        const QImage now = screen->grabWindow(0).toImage();
        if (now.isNull()) {
            std::fprintf(stderr, "dmremap-screengrab: cannot grab the screen\n");
            return 1;
        }
        if (now != last) {
            last = now;
            sameSince = clock.elapsed();
        } else if (clock.elapsed() - sameSince >= settledMs && colourCount(now) > minColours) {
            break;
        }
        if (clock.elapsed() > timeoutMs) {
            last.save(file, "PNG");
            std::fprintf(stderr, "dmremap-screengrab: the screen did not settle in %d s (last picture: %s)\n",
                         timeoutMs / 1000, argv[1]);
            return 1;
        }
        QThread::msleep(intervalMs);
    }
    if (!last.save(file, "PNG")) {
        std::fprintf(stderr, "dmremap-screengrab: cannot write %s\n", argv[1]);
        return 1;
    }
    return 0;
}
