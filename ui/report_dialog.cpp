#include "ui/report_dialog.h"

#include "ui/labels.h"
#include "ui/report_job.h"

#include "room/picture_manager.h"

#include <QCheckBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QStandardPaths>

namespace vigie::ui {

namespace {

// The edits show the room's time (Marseille); a desk of the room runs in the same zone, so the edit's
// local time is the room's (Qt 6.4's QDateTimeEdit has no time zone of its own).
QDateTime toEdit(Timestamp t)
{
    return roomTime(t.msecs).toLocalTime();
}

Timestamp fromEdit(const QDateTimeEdit *edit)
{
    return Timestamp::fromDateTime(edit->dateTime());
}

QDateTimeEdit *timeEdit(Timestamp t)
{
    auto *edit = new QDateTimeEdit(toEdit(t));
    edit->setDisplayFormat(QStringLiteral("dd/MM/yyyy HH:mm"));
    edit->setCalendarPopup(true);
    return edit;
}

} // namespace

ReportDialog::ReportDialog(reports::ReportKind kind, const QString &roomName, Timestamp latest, bool exercise,
                           QWidget *parent)
    : QDialog(parent), m_kind(kind)
{
    const bool retex = kind == reports::ReportKind::AfterAction;
    setWindowTitle(retex ? tr("Retour d'expérience (RETEX)") : tr("Point de situation"));
    auto *form = new QFormLayout;
    if (exercise) {
        auto *mark = new QLabel(tr("EXERCICE — le rapport portera la mention sur chaque page"));
        mark->setObjectName(QStringLiteral("ExerciseMark"));
        mark->setStyleSheet(QStringLiteral("color: #C05000; font-weight: bold;"));
        form->addRow(mark);
    }
    if (retex) {
        m_whole = new QCheckBox(tr("Toute la salle, du premier au dernier événement"));
        m_whole->setChecked(true);
        m_from = timeEdit(Timestamp{latest.msecs - 6 * 3600 * 1000});
        m_to = timeEdit(latest);
        form->addRow(m_whole);
        form->addRow(tr("Du"), m_from);
        form->addRow(tr("Au"), m_to);
        auto follow = [this](bool whole) {
            m_from->setEnabled(!whole);
            m_to->setEnabled(!whole);
        };
        connect(m_whole, &QCheckBox::toggled, this, follow);
        follow(true);
    } else {
        m_at = timeEdit(latest);
        form->addRow(tr("Situation à"), m_at);
        form->addRow(new QLabel(tr("Par défaut, l'heure du dernier événement de la main courante.")));
    }
    m_file = new QLineEdit;
    const QString name = (retex ? tr("RETEX - %1.pdf") : tr("Point de situation - %1.pdf"))
                             .arg(QString(roomName).replace(QLatin1Char('/'), QLatin1Char('-')));
    m_file->setText(QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)).filePath(name));
    auto *choose = new QPushButton(tr("Choisir…"));
    connect(choose, &QPushButton::clicked, this, &ReportDialog::chooseFile);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(choose);
    form->addRow(tr("Fichier PDF"), fileRow);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Établir le rapport"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

reports::ReportRequest ReportDialog::request() const
{
    reports::ReportRequest r;
    r.kind = m_kind;
    if (m_kind == reports::ReportKind::AfterAction) {
        if (!m_whole->isChecked())
            r.period = {fromEdit(m_from), fromEdit(m_to)};
    } else {
        r.at = fromEdit(m_at);
    }
    r.madeAt = QDateTime::currentDateTime();
    return r;
}

QString ReportDialog::file() const
{
    return m_file->text().trimmed();
}

void ReportDialog::setFile(const QString &file)
{
    m_file->setText(file);
}

void ReportDialog::chooseFile()
{
    const QString chosen =
        QFileDialog::getSaveFileName(this, tr("Enregistrer le rapport"), file(), tr("PDF (*.pdf)"));
    if (!chosen.isEmpty())
        m_file->setText(chosen.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive)
                            ? chosen
                            : chosen + QStringLiteral(".pdf"));
}

void makeReportInteractively(QWidget *parent, const QString &roomFile, const reports::ReportRequest &request,
                             const QString &file)
{
    auto *dialog = new QProgressDialog(reports::stageLabel(reports::ReportStage::Reading),
                                       ReportDialog::tr("Annuler"), 0, ReportJob::progressMaximum, parent);
    dialog->setWindowTitle(request.kind == reports::ReportKind::AfterAction
                               ? ReportDialog::tr("Retour d'expérience (RETEX)")
                               : ReportDialog::tr("Point de situation"));
    dialog->setWindowModality(Qt::WindowModal);
    dialog->setMinimumDuration(0);
    dialog->setAutoClose(false);
    dialog->setAutoReset(false);
    dialog->setValue(0);
    auto *job = new ReportJob(roomFile, request, file, parent);
    QObject::connect(job, &ReportJob::progress, dialog, [dialog](int value, const QString &label) {
        dialog->setLabelText(label);
        dialog->setValue(value);
    });
    QObject::connect(dialog, &QProgressDialog::canceled, job, &ReportJob::cancel);
    QObject::connect(
        job, &ReportJob::finished, dialog,
        [dialog, parent](const QString &written, int pages, const QString &error) {
            dialog->close();
            dialog->deleteLater();
            if (!error.isEmpty()) {
                QMessageBox::warning(parent, ReportDialog::tr("Rapport non établi"),
                                     ReportDialog::tr("Le rapport %1 n'a pas été écrit : %2")
                                         .arg(QDir::toNativeSeparators(written), error));
                return;
            }
            QMessageBox::information(
                parent, ReportDialog::tr("Rapport établi"),
                ReportDialog::tr("%1 (%2 pages)").arg(QDir::toNativeSeparators(written)).arg(pages));
        });
}

QMenu *addReportsMenu(QMainWindow *window, const PictureManager &manager, const QString &basemap)
{
    auto *menu = window->menuBar()->addMenu(QObject::tr("&Rapports"));
    menu->setObjectName(QStringLiteral("ReportsMenu"));
    auto open = [window, &manager, basemap](reports::ReportKind kind) {
        ReportDialog dialog(kind, manager.info().name, manager.picture().maxEventTime,
                            manager.info().mode == RoomMode::Exercise, window);
        if (dialog.exec() != QDialog::Accepted || dialog.file().isEmpty())
            return;
        reports::ReportRequest request = dialog.request();
        request.basemap = basemap;
        makeReportInteractively(window, manager.location(), request, dialog.file());
    };
    menu->addAction(QObject::tr("Retour d'&expérience (RETEX)…"), window,
                    [open] { open(reports::ReportKind::AfterAction); });
    menu->addAction(QObject::tr("&Point de situation…"), window,
                    [open] { open(reports::ReportKind::Situation); });
    return menu;
}

} // namespace vigie::ui
