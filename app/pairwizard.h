// The pairing wizard: main disk, spare (only suitable ones selectable, the
// others shown with the reason), name and block size, a summary with a plain
// warning that the spare is erased, then the creation itself (polkit's agent
// asks for the password) and its result in words.
#pragma once

#include "health.h"

#include <QWizard>

class HelperClient;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;

class PairWizard : public QWizard
{
    Q_OBJECT
public:
    enum Page { MainPage, SparePage, OptionsPage, SummaryPage, ResultPage };

    explicit PairWizard(HelperClient *client, QWidget *parent = nullptr);

    HelperClient *client() const { return m_client; }
    QString mainDisk() const;
    QString spareDisk() const;
    QString pairName() const;
    uint blockSize() const; // sectors

    QListWidget *mainList() const { return m_mainList; }
    QListWidget *spareList() const { return m_spareList; }
    QLineEdit *nameEdit() const { return m_name; }
    QComboBox *blockSizeBox() const { return m_blockSize; }
    QCheckBox *eraseConfirmation() const { return m_confirm; }
    QLabel *resultLabel() const { return m_result; }
    QString createdPair() const { return m_created; }

    // Called by the pages as they are shown.
    void fillMainList();
    void fillSpareList();
    void fillBlockSizes();
    void fillSummary();
    void startCreation();
    bool isCreated() const { return !m_created.isEmpty(); }
    bool isWorking() const { return m_working; }

Q_SIGNALS:
    void creationFinished();

private:
    QString diskLabel(const QString &path) const;
    // The disk's label and its health, for the lists of candidates.
    QString candidateLabel(const QString &path) const;
    Health::Level diskHealth(const QString &path) const;
    QString pairNameOf(const QString &disk) const;

    HelperClient *m_client;
    QListWidget *m_mainList;
    QListWidget *m_spareList;
    QLabel *m_spareHint;
    QLineEdit *m_name;
    QLabel *m_nameHint;
    QComboBox *m_blockSize;
    QLabel *m_summary;
    QLabel *m_warning;
    QCheckBox *m_confirm;
    QLabel *m_result;
    QProgressBar *m_busy;
    QString m_created;
    bool m_working = false;
};
