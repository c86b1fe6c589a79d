#include "overviewpage.h"

#include "devicemodel.h"
#include "diskhistorychart.h"
#include "health.h"
#include "helperclient.h"
#include "historychart.h"
#include "notifier.h"
#include "scanview.h"

#include <QCheckBox>
#include <QDBusObjectPath>
#include <QFormLayout>
#include <QFrame>
#include <QGroupBox>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

OverviewPage::OverviewPage(HelperClient *client, DeviceModel *devices, Notifier *notifier, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_devices(devices)
    , m_notifier(notifier)
    , m_title(new QLabel(this))
    , m_badge(new QLabel(this))
    , m_reason(new QLabel(this))
    , m_forms(new QStackedWidget(this))
    , m_diskForm(new QWidget(this))
    , m_pairForm(new QWidget(this))
    , m_history(new HistoryPage(client, this))
    , m_diskHistory(new DiskHistoryPage(client, this))
    , m_gauge(new QProgressBar(this))
    , m_ignore(new QCheckBox(tr("Don't show &notifications about this device"), this))
    , m_remove(new QPushButton(QIcon(QStringLiteral(":/icons/remove.svg")), tr("&Remove pair…"), this))
    , m_replace(new QPushButton(QIcon(QStringLiteral(":/icons/disk-hdd.svg")), tr("Replace ma&in disk…"), this))
    , m_wake(new QPushButton(QIcon(QStringLiteral(":/icons/refresh.svg")), tr("&Wake and read"), this))
    , m_replaceBox(new QFrame(this))
    , m_replaceText(new QLabel(this))
    , m_replaceProgress(new QProgressBar(this))
    , m_restartReplace(new QPushButton(tr("Start &again"), this))
    , m_cancelReplace(new QPushButton(tr("Cancel replacemen&t"), this))
    , m_scanBox(new QGroupBox(tr("Background scan"), this))
    , m_scanForm(new QFormLayout)
    , m_scanProgress(new QProgressBar(this))
    , m_scanErrors(new QLabel(this))
    , m_scanButton(new QPushButton(this))
{
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont badgeFont = m_badge->font();
    badgeFont.setBold(true);
    m_badge->setFont(badgeFont);
    m_badge->setAccessibleName(tr("Health"));
    m_reason->setWordWrap(true);
    m_reason->setAccessibleName(tr("Why"));
    m_reason->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *diskForm = new QFormLayout(m_diskForm);
    addRow(diskForm, QStringLiteral("model"), tr("Model:"));
    addRow(diskForm, QStringLiteral("serial"), tr("Serial number:"));
    addRow(diskForm, QStringLiteral("size"), tr("Size:"));
    addRow(diskForm, QStringLiteral("kind"), tr("Type:"));
    addRow(diskForm, QStringLiteral("role"), tr("Used as:"));
    addRow(diskForm, QStringLiteral("verdict"), tr("SMART verdict:"));
    addRow(diskForm, QStringLiteral("temperature"), tr("Temperature:"));
    addRow(diskForm, QStringLiteral("hours"), tr("Powered on:"));
    addRow(diskForm, QStringLiteral("reallocated"), tr("Sectors replaced by the disk:"));
    addRow(diskForm, QStringLiteral("pending-sectors"), tr("Unreadable sectors:"));

    auto *pairForm = new QFormLayout(m_pairForm);
    m_gauge->setAccessibleName(tr("Spare space used"));
    m_gauge->setTextVisible(true);
    pairForm->addRow(tr("Spare used:"), m_gauge);
    addRow(pairForm, QStringLiteral("state"), tr("State:"));
    addRow(pairForm, QStringLiteral("remapped"), tr("Blocks moved to the spare:"));
    addRow(pairForm, QStringLiteral("pending"), tr("Unreadable blocks waiting:"));
    addRow(pairForm, QStringLiteral("forecast"), tr("Spare forecast:"))->setWordWrap(true);
    addRow(pairForm, QStringLiteral("read-errors"), tr("Read errors:"));
    addRow(pairForm, QStringLiteral("write-errors"), tr("Write errors:"));
    addRow(pairForm, QStringLiteral("device"), tr("Use this device:"));
    addRow(pairForm, QStringLiteral("main"), tr("Main disk:"));
    addRow(pairForm, QStringLiteral("spare"), tr("Spare disk:"));
    addRow(pairForm, QStringLiteral("block-size"), tr("Block size:"));

    auto *replaceFrame = static_cast<QFrame *>(m_replaceBox);
    replaceFrame->setFrameShape(QFrame::StyledPanel);
    m_replaceText->setWordWrap(true);
    m_replaceText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_replaceText->setAccessibleName(tr("Replacement of the main disk"));
    m_replaceProgress->setAccessibleName(tr("Copy progress"));
    m_replaceProgress->setRange(0, 1000);
    m_replaceProgress->setTextVisible(true);
    m_restartReplace->setToolTip(tr("Copy the pair to the same new disk again, from the start"));
    m_cancelReplace->setToolTip(tr("Stop copying; the pair goes on on its own disks"));
    auto *replaceButtons = new QHBoxLayout;
    replaceButtons->addStretch();
    replaceButtons->addWidget(m_restartReplace);
    replaceButtons->addWidget(m_cancelReplace);
    auto *replaceLayout = new QVBoxLayout(m_replaceBox);
    replaceLayout->addWidget(m_replaceText);
    replaceLayout->addWidget(m_replaceProgress);
    replaceLayout->addLayout(replaceButtons);

    // The background scan: rows hidden when they have nothing to say.
    m_scanProgress->setAccessibleName(tr("Scan progress"));
    m_scanProgress->setRange(0, 1000);
    m_scanProgress->setTextVisible(true);
    m_scanErrors->setWordWrap(true);
    m_scanErrors->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_scanErrors->setAccessibleName(tr("Read failures"));
    addRow(m_scanForm, QStringLiteral("scan-state"), tr("State:"))->setWordWrap(true);
    m_scanForm->addRow(tr("Progress:"), m_scanProgress);
    m_scanForm->addRow(tr("Read failures:"), m_scanErrors);
    addRow(m_scanForm, QStringLiteral("scan-last"), tr("Last whole pass:"));
    addRow(m_scanForm, QStringLiteral("scan-next"), tr("Next pass:"));
    auto *scanButtons = new QHBoxLayout;
    scanButtons->addStretch();
    scanButtons->addWidget(m_scanButton);
    auto *scanLayout = new QVBoxLayout(m_scanBox);
    scanLayout->addLayout(m_scanForm);
    scanLayout->addLayout(scanButtons);

    m_forms->addWidget(m_diskForm);
    m_forms->addWidget(m_pairForm);

    auto *header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(m_badge);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_ignore);
    buttons->addStretch();
    buttons->addWidget(m_wake);
    buttons->addWidget(m_replace);
    buttons->addWidget(m_remove);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_reason);
    layout->addSpacing(8);
    layout->addWidget(m_replaceBox);
    layout->addWidget(m_forms);
    layout->addWidget(m_scanBox);
    layout->addWidget(m_history, 1);
    layout->addWidget(m_diskHistory, 1);
    layout->addStretch();
    layout->addLayout(buttons);

    connect(m_ignore, &QCheckBox::toggled, this, [this](bool on) {
        if (!m_path.isEmpty())
            m_notifier->setIgnored(m_path, on);
    });
    connect(m_remove, &QPushButton::clicked, this, [this] { Q_EMIT removePairRequested(m_path); });
    connect(m_replace, &QPushButton::clicked, this, [this] { Q_EMIT replaceMainRequested(m_path); });
    m_wake->setToolTip(tr("Wake the disk up and read its SMART data; it spins up and stays awake for a while"));
    connect(m_wake, &QPushButton::clicked, this, [this] { m_client->wakeSmart(m_path); });
    connect(m_restartReplace, &QPushButton::clicked, this, [this] { Q_EMIT restartReplaceRequested(m_path); });
    connect(m_cancelReplace, &QPushButton::clicked, this, [this] { Q_EMIT cancelReplaceRequested(m_path); });
    connect(m_scanButton, &QPushButton::clicked, this, [this] {
        if (ScanView::Action(m_scanAction) == ScanView::Action::Stop)
            m_client->stopScan(m_path);
        else if (ScanView::Action(m_scanAction) != ScanView::Action::None)
            m_client->startScan(m_path);
    });
    connect(client, &HelperClient::diskUpdated, this, [this](const QString &p) { if (p == m_path || m_client->hasPair(m_path)) refresh(); });
    connect(client, &HelperClient::smartUpdated, this, [this](const QString &p) { if (p == m_path || m_client->hasPair(m_path)) refresh(); });
    connect(client, &HelperClient::pairUpdated, this, [this](const QString &p) { if (p == m_path) refresh(); });
    connect(client, &HelperClient::forecastUpdated, this, [this](const QString &p) { if (p == m_path) refresh(); });
    connect(client, &HelperClient::structureChanged, this, &OverviewPage::refresh);
    refresh();
}

QLabel *OverviewPage::addRow(QFormLayout *form, const QString &field, const QString &label)
{
    auto *value = new QLabel(this);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    value->setAccessibleName(QString(label).remove(QLatin1Char(':')));
    form->addRow(label, value);
    m_values.insert(field, value);
    return value;
}

void OverviewPage::set(const QString &field, const QString &text)
{
    m_values.value(field)->setText(text);
}

QString OverviewPage::valueText(const QString &field) const
{
    if (QLabel *label = m_values.value(field))
        return label->text();
    return {};
}

void OverviewPage::setObject(const QString &path)
{
    m_path = path;
    refresh();
}

static QString diskName(const QVariantMap &info, const QString &fallback)
{
    if (info.isEmpty())
        return OverviewPage::tr("%1 (missing)").arg(fallback);
    const QString model = info.value(QStringLiteral("model")).toString();
    const QString path = info.value(QStringLiteral("path")).toString();
    return model.isEmpty() ? path : QStringLiteral("%1 (%2)").arg(path, model);
}

void OverviewPage::refresh()
{
    const QLocale locale;
    const bool isPair = m_client->hasPair(m_path);
    const bool isDisk = m_client->hasDisk(m_path);
    m_forms->setVisible(isPair || isDisk);
    m_ignore->setVisible(isPair || isDisk);
    m_remove->setVisible(isPair);
    m_replace->setVisible(isPair);
    m_history->setVisible(isPair);
    m_history->setObject(isPair ? m_path : QString());
    m_diskHistory->setVisible(isDisk);
    m_diskHistory->setObject(isDisk ? m_path : QString());
    // A helper that says "asleep" can wake the disk (Smart1.Wake).
    m_wake->setVisible(isDisk && m_client->smart(m_path).value(QStringLiteral("asleep")).toBool());
    m_replaceBox->setVisible(false);
    m_scanBox->setVisible(false);
    m_badge->setVisible(isPair || isDisk);
    if (!isPair && !isDisk) {
        m_title->setText(tr("No device selected"));
        m_reason->setText(m_client->status() == HelperClient::Status::Ready
                              ? tr("Choose a disk or a pair on the left to see its health.")
                              : m_client->statusText());
        return;
    }
    const Health::Verdict health = isPair ? m_devices->pairHealth(m_path) : m_devices->diskHealth(m_path);
    m_badge->setText(Health::displayName(health));
    const Health::BadgeColors badge = Health::badgeColors(health.level, palette());
    m_badge->setStyleSheet(QStringLiteral("color: %1; background: %2; border-radius: 4px; padding: 3px 10px;")
                               .arg(badge.text.name(), badge.background.name()));
    m_reason->setText(health.reason);
    {
        const QSignalBlocker blocker(m_ignore);
        m_ignore->setChecked(m_notifier->isIgnored(m_path));
    }

    if (isPair) {
        const QVariantMap s = m_client->pairStatus(m_path);
        m_forms->setCurrentWidget(m_pairForm);
        m_title->setText(tr("Pair “%1”").arg(s.value(QStringLiteral("name")).toString()));
        const qulonglong used = s.value(QStringLiteral("remapped")).toULongLong();
        const qulonglong capacity = s.value(QStringLiteral("capacity")).toULongLong();
        // QProgressBar holds ints: show permille of the capacity.
        m_gauge->setRange(0, 1000);
        m_gauge->setValue(capacity ? int(std::min<qulonglong>(1000, used * 1000 / capacity)) : 0);
        m_gauge->setFormat(tr("%1 of %2 spare blocks used").arg(locale.toString(used), locale.toString(capacity)));
        const QString state = s.value(QStringLiteral("state")).toString();
        set(QStringLiteral("state"), Health::pairStateText(state));
        set(QStringLiteral("remapped"), locale.toString(used));
        set(QStringLiteral("pending"), locale.toString(s.value(QStringLiteral("pending")).toULongLong()));
        set(QStringLiteral("forecast"), Health::forecastText(m_client->forecast(m_path)));
        set(QStringLiteral("read-errors"), locale.toString(s.value(QStringLiteral("read-errors")).toULongLong()));
        set(QStringLiteral("write-errors"), locale.toString(s.value(QStringLiteral("write-errors")).toULongLong()));
        set(QStringLiteral("device"), s.value(QStringLiteral("device")).toString());
        set(QStringLiteral("main"), diskName(m_client->diskInfo(s.value(QStringLiteral("main")).value<QDBusObjectPath>().path()),
                                             s.value(QStringLiteral("main-path")).toString()));
        set(QStringLiteral("spare"), diskName(m_client->diskInfo(s.value(QStringLiteral("spare")).value<QDBusObjectPath>().path()),
                                              s.value(QStringLiteral("spare-path")).toString()));
        set(QStringLiteral("block-size"),
            Health::formatBlockSize(qulonglong(s.value(QStringLiteral("block-size")).toUInt()) * 512));
        refreshReplacement(s);
        refreshScan(s);
        return;
    }

    const QVariantMap info = m_client->diskInfo(m_path);
    const QVariantMap smart = m_client->smart(m_path);
    m_forms->setCurrentWidget(m_diskForm);
    m_title->setText(QStringLiteral("%1 · %2").arg(info.value(QStringLiteral("path")).toString(),
                                                  Health::kindText(info.value(QStringLiteral("kind")).toString())));
    set(QStringLiteral("model"), info.value(QStringLiteral("model")).toString());
    set(QStringLiteral("serial"), info.value(QStringLiteral("serial")).toString());
    set(QStringLiteral("size"), Health::formatBytes(info.value(QStringLiteral("size")).toULongLong()));
    set(QStringLiteral("kind"), tr("%1, connected by %2").arg(Health::kindText(info.value(QStringLiteral("kind")).toString()),
                                                              Health::transportText(info.value(QStringLiteral("transport")).toString())));
    const QString role = info.value(QStringLiteral("role")).toString();
    const QString pairName = m_client->pairStatus(m_client->pairOfDisk(m_path)).value(QStringLiteral("name")).toString();
    QString roleText = role == QLatin1String("main") ? tr("Main disk of pair “%1”").arg(pairName)
        : role == QLatin1String("spare")             ? tr("Spare disk of pair “%1”").arg(pairName)
                                                     : tr("Not paired");
    // A pair's disks are in use by the pair itself (the kernel's holder
    // name, dm-0, would say nothing more).
    if (role != QLatin1String("main") && role != QLatin1String("spare") && info.value(QStringLiteral("in-use")).toBool())
        roleText += QStringLiteral(" · ") + tr("in use: %1").arg(Health::inUseText(info));
    set(QStringLiteral("role"), roleText);
    const bool available = smart.value(QStringLiteral("available")).toBool();
    const QString unknown = available ? tr("not reported")
                            : Health::isAsleep(smart) ? tr("not read: the disk is asleep")
                                                      : tr("no SMART data");
    set(QStringLiteral("verdict"), available ? Health::verdictText(smart.value(QStringLiteral("verdict")).toString()) : unknown);
    set(QStringLiteral("temperature"), smart.contains(QStringLiteral("temperature"))
            ? tr("%1 °C").arg(smart.value(QStringLiteral("temperature")).toInt()) : unknown);
    set(QStringLiteral("hours"), smart.contains(QStringLiteral("power-on-hours"))
            ? tr("%Ln hour(s)", nullptr, int(smart.value(QStringLiteral("power-on-hours")).toULongLong())) : unknown);
    set(QStringLiteral("reallocated"), smart.contains(QStringLiteral("reallocated-sectors"))
            ? locale.toString(smart.value(QStringLiteral("reallocated-sectors")).toULongLong()) : unknown);
    set(QStringLiteral("pending-sectors"), smart.contains(QStringLiteral("pending-sectors"))
            ? locale.toString(smart.value(QStringLiteral("pending-sectors")).toULongLong()) : unknown);
}

void OverviewPage::refreshReplacement(const QVariantMap &status)
{
    const QString state = status.value(QStringLiteral("replace-state")).toString();
    const bool copying = state == QLatin1String("copying");
    const bool interrupted = !state.isEmpty() && !copying;
    // One replacement at a time: the button comes back when it ends.
    m_replace->setVisible(state.isEmpty());
    m_replaceBox->setVisible(!state.isEmpty());
    if (state.isEmpty())
        return;
    const QString disk = diskName(m_client->diskInfo(status.value(QStringLiteral("replace-disk")).value<QDBusObjectPath>().path()),
                                  status.value(QStringLiteral("replace-disk-path")).toString());
    const QString device = status.value(QStringLiteral("device")).toString();
    const qulonglong copied = status.value(QStringLiteral("replace-copied")).toULongLong();
    const qulonglong total = status.value(QStringLiteral("replace-total")).toULongLong();
    const int permille = total ? int(std::min<qulonglong>(1000, copied * 1000 / total)) : 0;
    m_replaceProgress->setValue(permille);
    // Only %p, %v and %m are placeholders: "50 %" is shown as it is.
    m_replaceProgress->setFormat(tr("%1% copied").arg(QLocale().toString(permille / 10)));
    m_replaceProgress->setVisible(copying);
    m_restartReplace->setVisible(interrupted);
    if (copying)
        m_replaceText->setText(tr("The main disk is being replaced by %1. The pair stays usable meanwhile; when the "
                                  "copy is done, %2 uses the new disk alone and the pair ends.").arg(disk, device));
    else
        m_replaceText->setText(tr("Copying the pair to %1 was stopped by a restart. Start it again, or cancel it: the "
                                  "pair then goes on on its own disks.").arg(disk));
}

void OverviewPage::refreshScan(const QVariantMap &status)
{
    const ScanView::View view = ScanView::of(status);
    // An older helper has no background scan.
    m_scanBox->setVisible(view.known);
    if (!view.known)
        return;
    set(QStringLiteral("scan-state"), view.state);
    m_scanProgress->setValue(view.permille);
    m_scanProgress->setFormat(view.progress);
    m_scanForm->setRowVisible(m_scanProgress, view.underWay);
    m_scanErrors->setText(view.readErrorsText);
    m_scanForm->setRowVisible(m_scanErrors, !view.readErrorsText.isEmpty());
    set(QStringLiteral("scan-last"), view.lastPass);
    set(QStringLiteral("scan-next"), view.nextPass);
    m_scanForm->setRowVisible(m_values.value(QStringLiteral("scan-next")), !view.nextPass.isEmpty());
    m_scanAction = int(view.action);
    m_scanButton->setText(view.actionText);
    m_scanButton->setToolTip(view.actionTip);
    m_scanButton->setVisible(view.action != ScanView::Action::None);
}
