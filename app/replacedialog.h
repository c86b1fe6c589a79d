// "Replace main disk…": the disks that may take the place of a pair's main
// disk (ReplaceCandidateModel: unsuitable ones disabled, with the reason),
// then a confirmation that names the chosen disk, says it is erased and
// what happens next. Accepted, newDisk() is what to pass to
// HelperClient::replaceMain; the dialog itself changes nothing.
#pragma once

#include <QDialog>

class HelperClient;
class QCheckBox;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTreeView;
class ReplaceCandidateModel;

class ReplaceDialog : public QDialog
{
    Q_OBJECT
public:
    enum Page { ChoosePage, ConfirmPage };

    ReplaceDialog(HelperClient *client, const QString &pair, QWidget *parent = nullptr);

    QString pair() const { return m_pair; }
    // The chosen disk's object path; empty while none (or an unsuitable one) is.
    QString newDisk() const;
    Page page() const;
    // Selects that disk in the list (when it can be chosen).
    bool choose(const QString &disk);
    // To the confirmation, when a disk is chosen.
    void next();
    void back();

    ReplaceCandidateModel *candidates() const { return m_model; }
    QTreeView *candidateView() const { return m_view; }
    QLabel *introLabel() const { return m_intro; }
    // Why the pair cannot be copied now; hidden when it can.
    QLabel *pairProblemLabel() const { return m_pairProblem; }
    QLabel *summaryLabel() const { return m_summary; }
    QLabel *warningLabel() const { return m_warning; }
    QCheckBox *eraseConfirmation() const { return m_confirm; }
    QPushButton *nextButton() const { return m_next; }
    QPushButton *backButton() const { return m_back; }
    QPushButton *replaceButton() const { return m_replace; }

private:
    void updateButtons();
    void fillConfirmation();

    HelperClient *m_client;
    QString m_pair;
    ReplaceCandidateModel *m_model;
    QStackedWidget *m_pages;
    QLabel *m_intro;
    QLabel *m_pairProblem;
    QTreeView *m_view;
    QLabel *m_summary;
    QLabel *m_warning;
    QCheckBox *m_confirm;
    QPushButton *m_back;
    QPushButton *m_next;
    QPushButton *m_replace;
    QPushButton *m_cancel;
};
