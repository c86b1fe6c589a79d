#include "pairrecord.h"

#include "validation.h"

#include <QFile>
#include <QRegularExpression>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace PairRecords {

namespace {

const char kHeader[] = "# dm-remap pairs, written by dm-remap-helper: boot-time assembly starts only these.\n";

bool isValidValue(const QByteArray &value)
{
    if (value.isEmpty() || value.size() > 128)
        return false;
    for (const char c : value)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_'
              || c == ':' || c == '-'))
            return false;
    return true;
}

bool isUuid(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^[0-9a-f]{32}$"));
    return re.match(text).hasMatch();
}

QString errnoText()
{
    return QString::fromLocal8Bit(strerror(errno));
}

} // namespace

QList<PairRecord> parse(const QByteArray &text, QStringList *problems)
{
    QList<PairRecord> out;
    const QList<QByteArray> lines = text.split('\n');
    for (int i = 0; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const QList<QByteArray> tokens = line.simplified().split(' ');
        auto problem = [&](const QString &what) {
            if (problems)
                *problems << QStringLiteral("line %1: %2").arg(i + 1).arg(what);
        };
        if (tokens.first() != "pair") {
            problem(QStringLiteral("does not start with \"pair\""));
            continue;
        }
        QMap<QByteArray, QByteArray> values;
        bool bad = false;
        for (int t = 1; t < tokens.size() && !bad; ++t) {
            const int eq = tokens.at(t).indexOf('=');
            const QByteArray key = tokens.at(t).left(eq);
            const QByteArray value = tokens.at(t).mid(eq + 1);
            if (eq <= 0 || !isValidValue(value) || values.contains(key)) {
                problem(QStringLiteral("malformed token %1").arg(Validation::sanitize(tokens.at(t), 80)));
                bad = true;
            }
            values.insert(key, value);
        }
        if (bad)
            continue;
        PairRecord r;
        bool mainOk = false, spareOk = false;
        r.name = QString::fromLatin1(values.value("name"));
        r.uuid = QString::fromLatin1(values.value("uuid"));
        r.mainId = QString::fromLatin1(values.value("main-id"));
        r.spareId = QString::fromLatin1(values.value("spare-id"));
        r.mainSectors = values.value("main-sectors").toULongLong(&mainOk);
        r.spareSectors = values.value("spare-sectors").toULongLong(&spareOk);
        r.replaceId = QString::fromLatin1(values.value("replace-id"));
        bool replaceOk = !values.contains("replace-sectors");
        if (!replaceOk)
            r.replaceSectors = values.value("replace-sectors").toULongLong(&replaceOk);
        if (!Validation::isValidPairName(r.name) || !isUuid(r.uuid) || r.mainId.isEmpty() || !mainOk || !spareOk
            || r.mainSectors == 0 || r.spareSectors == 0 || !replaceOk || r.replaceId.isEmpty() != (r.replaceSectors == 0)) {
            problem(QStringLiteral("a key is missing or invalid (name, uuid, main-id, main-sectors, spare-sectors)"));
            continue;
        }
        bool duplicate = false;
        for (const PairRecord &seen : std::as_const(out))
            duplicate = duplicate || seen.name == r.name || seen.uuid == r.uuid;
        if (duplicate) {
            problem(QStringLiteral("pair %1 or its uuid is recorded twice").arg(r.name));
            continue;
        }
        out << r;
    }
    return out;
}

QByteArray serialize(const QList<PairRecord> &records)
{
    QByteArray out(kHeader);
    // A spare without WWN or serial has no spare-id: the key is left out.
    for (const PairRecord &r : records)
        out += QStringLiteral("pair name=%1 uuid=%2 main-id=%3 main-sectors=%4%5 spare-sectors=%6%7\n")
                       .arg(r.name, r.uuid, r.mainId)
                       .arg(r.mainSectors)
                       .arg(r.spareId.isEmpty() ? QString() : QStringLiteral(" spare-id=") + r.spareId)
                       .arg(r.spareSectors)
                       .arg(r.replaceId.isEmpty() ? QString()
                                                  : QStringLiteral(" replace-id=%1 replace-sectors=%2").arg(r.replaceId).arg(r.replaceSectors))
                       .toLatin1();
    return out;
}

QList<PairRecord> load(const QString &stateDir, QStringList *problems, QString *error)
{
    error->clear();
    QFile file(stateDir + QLatin1Char('/') + QLatin1String(kFileName));
    if (!file.exists())
        return {};
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(file.fileName(), file.errorString());
        return {};
    }
    const QByteArray text = file.read(kMaxFileBytes + 1);
    if (text.size() > kMaxFileBytes) {
        *error = QStringLiteral("%1 is larger than %2 bytes").arg(file.fileName()).arg(kMaxFileBytes);
        return {};
    }
    return parse(text, problems);
}

bool save(const QString &stateDir, const QList<PairRecord> &records, QString *error)
{
    const QByteArray dir = QFile::encodeName(stateDir);
    if (mkdir(dir.constData(), 0700) != 0 && errno != EEXIST) {
        *error = QStringLiteral("cannot create %1: %2").arg(stateDir, errnoText());
        return false;
    }
    const QByteArray path = dir + '/' + kFileName;
    const QByteArray tmp = path + ".tmp";
    const QByteArray data = serialize(records);
    const int fd = ::open(tmp.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0) {
        *error = QStringLiteral("cannot write %1: %2").arg(QFile::decodeName(tmp), errnoText());
        return false;
    }
    bool ok = fchmod(fd, 0600) == 0;
    for (qsizetype done = 0; ok && done < data.size();) {
        const ssize_t n = ::write(fd, data.constData() + done, size_t(data.size() - done));
        ok = n > 0;
        done += n;
    }
    ok = ok && fsync(fd) == 0;
    const QString writeError = errnoText();
    ::close(fd);
    if (!ok || rename(tmp.constData(), path.constData()) != 0) {
        *error = QStringLiteral("cannot write %1: %2").arg(QFile::decodeName(path), ok ? errnoText() : writeError);
        unlink(tmp.constData());
        return false;
    }
    const int dirFd = ::open(dir.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dirFd < 0 || fsync(dirFd) != 0) {
        *error = QStringLiteral("cannot sync %1: %2").arg(stateDir, errnoText());
        if (dirFd >= 0)
            ::close(dirFd);
        return false;
    }
    ::close(dirFd);
    return true;
}

QString uuidText(const QByteArray &uuid)
{
    return QString::fromLatin1(uuid.toHex());
}

} // namespace PairRecords
