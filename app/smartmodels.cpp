#include "smartmodels.h"

#include "health.h"

#include <QColor>
#include <QLocale>

void SmartAttributeModel::setAttributes(const DmRemap::SmartAttributeList &attributes)
{
    beginResetModel();
    m_attributes = attributes;
    endResetModel();
}

QString SmartAttributeModel::explanation(uchar id)
{
    switch (id) {
    case 1: return tr("Rate of errors while reading. Its meaning differs between makers.");
    case 3: return tr("Time the platters need to spin up.");
    case 4: return tr("How often the disk has been started.");
    case 5: return tr("Sectors the disk has replaced with its own spares. Any rise means the surface is wearing.");
    case 7: return tr("Errors while positioning the heads.");
    case 9: return tr("Hours the disk has been switched on.");
    case 10: return tr("Retries needed to spin up. A rise points to a mechanical problem.");
    case 12: return tr("How often the disk has been switched on and off.");
    case 177: return tr("Wear of the flash cells (SSD).");
    case 183: return tr("Transfers that fell back to a slower speed.");
    case 184: return tr("Data corrupted between the disk's cache and the host.");
    case 187: return tr("Errors the disk could not correct. Any value above zero is a bad sign.");
    case 188: return tr("Commands that timed out inside the disk.");
    case 190:
    case 194: return tr("Temperature of the disk.");
    case 192: return tr("Emergency head retracts after a power loss.");
    case 193: return tr("Head load and unload cycles.");
    case 196: return tr("How often the disk has tried to replace a sector.");
    case 197: return tr("Sectors that could not be read and wait to be replaced.");
    case 198: return tr("Sectors found unreadable by the disk's own scan.");
    case 199: return tr("Transfer errors on the cable. Usually a loose or bad cable, not the disk.");
    case 231: return tr("Remaining life of an SSD.");
    case 233: return tr("Wear indicator of the flash cells.");
    case 241: return tr("Total data written.");
    case 242: return tr("Total data read.");
    default: return {};
    }
}

static int statusRank(const QString &status)
{
    if (status == QLatin1String("failing"))
        return 2;
    if (status == QLatin1String("warning"))
        return 1;
    return 0;
}

static QString statusText(const QString &status)
{
    if (status == QLatin1String("failing"))
        return SmartAttributeModel::tr("Failing");
    if (status == QLatin1String("warning"))
        return SmartAttributeModel::tr("Warning");
    return SmartAttributeModel::tr("OK");
}

static Health::Level statusLevel(const QString &status)
{
    switch (statusRank(status)) {
    case 2: return Health::Level::Bad;
    case 1: return Health::Level::Caution;
    default: return Health::Level::Good;
    }
}

int SmartAttributeModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_attributes.size();
}

int SmartAttributeModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SmartAttributeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_attributes.size())
        return {};
    const DmRemap::SmartAttribute &a = m_attributes.at(index.row());
    if (role == SortRole) {
        switch (index.column()) {
        case Id: return int(a.id);
        case Value: return a.value;
        case Worst: return a.worst;
        case Threshold: return a.threshold;
        case Raw: return a.raw;
        case Status: return statusRank(a.status);
        default: break;
        }
        role = Qt::DisplayRole;
    }
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Id: return int(a.id);
        case Name: return a.name;
        case Value: return a.value;
        case Worst: return a.worst;
        case Threshold: return a.threshold;
        case Raw: return a.rawString.isEmpty() ? QLocale().toString(a.raw) : a.rawString;
        case Status: return statusText(a.status);
        case Meaning: return explanation(a.id);
        default: return {};
        }
    }
    // The cell's own text (a narrow column elides it) and what the attribute means.
    if (role == Qt::ToolTipRole) {
        const QString text = data(index, Qt::DisplayRole).toString();
        const QString meaning = explanation(a.id);
        return index.column() == Meaning || meaning.isEmpty() ? (meaning.isEmpty() ? text : meaning)
                                                              : text + QLatin1Char('\n') + meaning;
    }
    if (role == Qt::ForegroundRole && index.column() == Status)
        return Health::color(statusLevel(a.status));
    if (role == Qt::TextAlignmentRole && index.column() != Name && index.column() != Meaning
        && index.column() != Status)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant SmartAttributeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Id: return tr("ID");
    case Name: return tr("Attribute");
    case Value: return tr("Value");
    case Worst: return tr("Worst");
    case Threshold: return tr("Threshold");
    case Raw: return tr("Raw value");
    case Status: return tr("Status");
    case Meaning: return tr("What it means");
    default: return {};
    }
}

void SelfTestModel::setTests(const DmRemap::SelfTestList &tests)
{
    beginResetModel();
    m_tests = tests;
    endResetModel();
}

int SelfTestModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_tests.size();
}

int SelfTestModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

// smartctl's words for a self-test's kind and result, translated; others
// (a newer smartctl's) are shown as smartctl gives them.
QString SelfTestModel::typeText(const QString &type)
{
    const QString kind = type.section(QLatin1Char(' '), 0, 0).toLower();
    if (kind == QLatin1String("short"))
        return tr("Short test");
    if (kind == QLatin1String("extended"))
        return tr("Extended test");
    if (kind == QLatin1String("conveyance"))
        return tr("Transport test");
    if (kind == QLatin1String("selective"))
        return tr("Selective test");
    if (kind == QLatin1String("offline"))
        return tr("Offline scan");
    return type;
}

QString SelfTestModel::resultText(const QString &status)
{
    const QString s = status.toLower();
    if (s.startsWith(QLatin1String("completed without error")))
        return tr("Passed");
    if (s.startsWith(QLatin1String("completed: read failure")))
        return tr("Failed: a sector could not be read");
    if (s.startsWith(QLatin1String("completed: electrical failure")))
        return tr("Failed: electrical fault");
    if (s.startsWith(QLatin1String("completed: servo/seek failure")))
        return tr("Failed: the heads could not be positioned");
    if (s.startsWith(QLatin1String("completed:")))
        return tr("Failed");
    if (s.startsWith(QLatin1String("aborted")) || s.startsWith(QLatin1String("interrupted")))
        return tr("Stopped before the end");
    if (s.contains(QLatin1String("in progress")))
        return tr("Running");
    return status;
}

QVariant SelfTestModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_tests.size())
        return {};
    const DmRemap::SelfTest &t = m_tests.at(index.row());
    // The whole text, where a narrow column elides it.
    if (role == Qt::ToolTipRole)
        role = Qt::DisplayRole;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Type: return typeText(t.type);
    case Status: return resultText(t.status);
    case LifetimeHours: return QLocale().toString(t.lifetimeHours);
    case Remaining: return t.remainingPercent > 0 ? QStringLiteral("%1%").arg(t.remainingPercent) : QString();
    case FailingLba: return t.failingLba >= 0 ? QLocale().toString(t.failingLba) : tr("none");
    default: return {};
    }
}

QVariant SelfTestModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Type: return tr("Test");
    case Status: return tr("Result");
    case LifetimeHours: return tr("At power-on hour");
    case Remaining: return tr("Remaining");
    case FailingLba: return tr("First bad sector");
    default: return {};
    }
}
