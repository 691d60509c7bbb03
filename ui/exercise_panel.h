#pragma once
// The trainer's panel ("Animation de l'exercice"), only in an exercise room played from a scenario: the
// exercise clock (start, pause, speed ×1 to ×60, jump to T+), the stimuli to come and played with the actions
// each expects — done (by which entry), late or missed — and a stimulus typed by hand. It drives an
// ExerciseRunner, which plays on the room writer's thread: nothing here writes or reads the room.
#include "exercise/exercise_runner.h"

#include <QDialog>
#include <QHash>
#include <QWidget>

class QBoxLayout;
class QComboBox;
class QToolBar;
class QLabel;
class QPushButton;
class QTimeEdit;
class QTreeWidget;
class QTreeWidgetItem;
class QTimer;
class QLineEdit;
class QPlainTextEdit;

namespace vigie::ui {

class ExercisePanel : public QWidget
{
    Q_OBJECT
public:
    /// `runner` must outlive the panel.
    explicit ExercisePanel(exercise::ExerciseRunner &runner, QWidget *parent = nullptr);

    [[nodiscard]] QTreeWidget *tree() const { return m_tree; }
    [[nodiscard]] QString clockText() const;
    [[nodiscard]] QString countsText() const;
    /// Opens the dialog of a stimulus typed by hand; returns it (tests fill and accept it).
    class AdHocDialog *askAdHoc();

Q_SIGNALS:
    /// The trainer asked for an action the runner reports on; `message` is already in words (status bar).
    void said(const QString &message);

protected:
    /// The clock and the controls side by side when both fit, the controls under the clock when not.
    void resizeEvent(QResizeEvent *event) override;

private:
    void refresh();
    void updateClock();
    void fillInject(QTreeWidgetItem *item, const exercise::InjectStatus &inject);

    exercise::ExerciseRunner &m_runner;
    QBoxLayout *m_controls = nullptr;
    QToolBar *m_bar = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_clock = nullptr;
    QLabel *m_counts = nullptr;
    QPushButton *m_play = nullptr;
    QComboBox *m_speed = nullptr;
    QTimeEdit *m_jump = nullptr;
    QPushButton *m_jumpButton = nullptr;
    QPushButton *m_adHoc = nullptr;
    QPushButton *m_finish = nullptr;
    QTreeWidget *m_tree = nullptr;
    QHash<QString, QTreeWidgetItem *> m_items; ///< by inject id
    QTimer *m_clockTimer = nullptr;
};

/// A stimulus typed by the trainer: who sends it, to whom, by what channel, and its text.
class AdHocDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AdHocDialog(QWidget *parent = nullptr);
    [[nodiscard]] exercise::AdHocInject inject() const;
    void setText(const QString &from, const QString &to, const QString &text);

private:
    QLineEdit *m_from = nullptr;
    QComboBox *m_to = nullptr;
    QComboBox *m_channel = nullptr;
    QPlainTextEdit *m_text = nullptr;
};

} // namespace vigie::ui
