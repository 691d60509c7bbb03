#pragma once
// "Dimensionner un dispositif de secours (DPS)": the event (name, date, place, organiser), the public and
// the three factors of the RNMSC-DPS grid in the reference's words; the RIS, the class, the intervenants,
// their organisation, the command staff and the computation follow every change. "Exporter en PDF…"
// (Ctrl+Entrée) writes the form a préfecture receives, on a worker thread. A calendar of planned events
// opens it with the event's values (the second constructor).
#include "anticipation/dps.h"
#include "reports/dps_form.h"

#include <QDialog>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace vigie::ui {

class DpsDialog : public QDialog
{
    Q_OBJECT
public:
    /// `exercise`: the room is an exercise room (the form says EXERCICE).
    explicit DpsDialog(bool exercise, QWidget *parent = nullptr);
    /// Opened for a known event: its name, date, place and organiser, and the public expected (P1).
    DpsDialog(const reports::DpsEvent &event, qint64 attendance, bool exercise, QWidget *parent = nullptr);

    void setAttendance(qint64 p1);
    /// Chooses a level of each factor (0.25, 0.30, 0.35 or 0.40); a value off the grid leaves it as it is.
    void setFactors(double p2, double e1, double e2);
    /// The form as it stands (event, inputs, assessment, made now).
    [[nodiscard]] reports::DpsForm form() const;
    /// The assessment shown, or the error shown instead.
    [[nodiscard]] const Result<anticipation::DpsAssessment> &assessment() const { return m_assessment; }
    /// Writes the form to `file` on a worker thread; `finished` says how it went.
    void exportPdf(const QString &file);

Q_SIGNALS:
    void exported(const QString &file, const QString &error);

private:
    void build();
    void recompute();
    void chooseFileAndExport();

    bool m_exercise = false;
    QLineEdit *m_name = nullptr;
    QDateEdit *m_date = nullptr;
    QLineEdit *m_place = nullptr;
    QLineEdit *m_organiser = nullptr;
    QSpinBox *m_p1 = nullptr;
    QComboBox *m_p2 = nullptr;
    QComboBox *m_e1 = nullptr;
    QComboBox *m_e2 = nullptr;
    QLabel *m_p2Text = nullptr;
    QLabel *m_e1Text = nullptr;
    QLabel *m_e2Text = nullptr;
    QLabel *m_headline = nullptr;
    QLabel *m_details = nullptr;
    QLabel *m_steps = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_export = nullptr;
    Result<anticipation::DpsAssessment> m_assessment = Error{};
};

} // namespace vigie::ui
