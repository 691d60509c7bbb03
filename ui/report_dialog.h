#pragma once
// "Rapports": the after-action report (RETEX) of a period of the room and the point de situation at a
// time, each from a small dialog (period or time, file), made by a ReportJob behind a progress dialog.
#include "reports/report_builder.h"

#include <QDialog>

class QCheckBox;
class QDateTimeEdit;
class QLineEdit;
class QMainWindow;
class QMenu;

namespace vigie {
class PictureManager;
}

namespace vigie::ui {

class ReportDialog : public QDialog
{
    Q_OBJECT
public:
    /// `latest`: the time of the latest event in the room (the default end, or time of a situation);
    /// `exercise`: the room is an exercise room (the dialog says EXERCICE, as every screen of such a room).
    ReportDialog(reports::ReportKind kind, const QString &roomName, Timestamp latest, bool exercise = false,
                 QWidget *parent = nullptr);
    /// The request as the dialog stands (period or time; the basemap is the caller's).
    [[nodiscard]] reports::ReportRequest request() const;
    [[nodiscard]] QString file() const;
    void setFile(const QString &file);

private:
    void chooseFile();

    reports::ReportKind m_kind;
    QCheckBox *m_whole = nullptr;
    QDateTimeEdit *m_from = nullptr;
    QDateTimeEdit *m_to = nullptr;
    QDateTimeEdit *m_at = nullptr;
    QLineEdit *m_file = nullptr;
};

/// Makes the report in the background behind a QProgressDialog (progress by stage, Annuler) and says where
/// the file went, or why it could not be written. `roomFile`: the room's SQLite file (or its replica).
void makeReportInteractively(QWidget *parent, const QString &roomFile, const reports::ReportRequest &request,
                             const QString &file);

/// Adds the menu "Rapports" to `window` (call it before the help menu, which stays last): "Retour
/// d'expérience (RETEX)…" and "Point de situation…". `basemap`: the MBTiles file the console shows, or empty.
QMenu *addReportsMenu(QMainWindow *window, const PictureManager &manager, const QString &basemap);

} // namespace vigie::ui
