#pragma once
// The DPS form a préfecture receives: the event, the grid's inputs in the reference's words, the RIS, the
// class, the intervenants and their organisation, how each figure was reached, and who made it when. One
// A4 page, painted by one function on any device: the PDF file, and an image to look at or test.
#include "anticipation/dps.h"

#include <QDate>
#include <QDateTime>
#include <QImage>
#include <QString>

class QPainter;

namespace vigie::reports {

struct DpsEvent
{
    QString name;      ///< "OM – PSG"
    QString place;     ///< "Orange Vélodrome, Marseille"
    QString organiser; ///< "Olympique de Marseille"
    QDate date;
};

struct DpsForm
{
    DpsEvent event;
    anticipation::DpsInputs inputs;
    anticipation::DpsAssessment assessment;
    bool exercise = false; ///< the room is an exercise room: "EXERCICE" across the page
    QDateTime madeAt;      ///< "Document établi avec Vigie le …"
};

/// The form's text as HTML (what the page shows, without the exercise mark).
/// `cellPadding`: the tables' cell padding in device pixels.
[[nodiscard]] QString dpsFormHtml(const DpsForm &form, int cellPadding = 4);
/// Paints the form on `painter`, whose device is an A4 page `pageWidth` device pixels wide.
void paintDpsForm(QPainter &painter, const DpsForm &form, double pageWidth, double pageHeight);
/// Writes the form as a one-page A4 PDF; an error names the file and what failed.
[[nodiscard]] Result<void> writeDpsPdf(const QString &file, const DpsForm &form);
/// The same page as an image at `dpi` dots per inch (A4: 8.27 × 11.69 in).
[[nodiscard]] QImage renderDpsForm(const DpsForm &form, int dpi);

} // namespace vigie::reports
