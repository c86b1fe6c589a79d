// Saves the whole X screen as a PNG (what a user would see: windows and
// notifications), or describes a PNG for a test: width, height and the
// number of distinct colours. Used by the sandbox (scripts/sandbox).
//   dmremap-screengrab <out.png>        (needs DISPLAY)
//   dmremap-screengrab --describe <in.png>
#include <QGuiApplication>
#include <QImage>
#include <QPixmap>
#include <QScreen>
#include <QSet>

#include <cstdio>
#include <cstring>

static int describe(const char *file)
{
    const QImage image = QImage(QString::fromLocal8Bit(file)).convertToFormat(QImage::Format_RGB32);
    if (image.isNull()) {
        std::fprintf(stderr, "dmremap-screengrab: %s is not a readable image\n", file);
        return 1;
    }
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x)
            colours.insert(line[x]);
    }
    std::printf("%d %d %lld\n", image.width(), image.height(), static_cast<long long>(colours.size()));
    return 0;
}

int main(int argc, char *argv[])
{
    if (argc == 3 && std::strcmp(argv[1], "--describe") == 0)
        return describe(argv[2]);
    if (argc != 2 || argv[1][0] == '-') {
        std::fprintf(stderr, "usage: dmremap-screengrab <out.png> | --describe <in.png>\n");
        return 2;
    }
    QGuiApplication app(argc, argv);
    QScreen *screen = QGuiApplication::primaryScreen();
    const QPixmap shot = screen ? screen->grabWindow(0) : QPixmap();
    if (shot.isNull() || !shot.save(QString::fromLocal8Bit(argv[1]), "PNG")) {
        std::fprintf(stderr, "dmremap-screengrab: cannot grab the screen into %s\n", argv[1]);
        return 1;
    }
    return 0;
}
