#include "reports/dps_form.h"
#include "reports/exercise_mark.h"

#include <QAbstractTextDocumentLayout>
#include <QColor>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QFont>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPaintDevice>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>
#include <QtMath>

#include <cmath>

namespace vigie::reports {

namespace {

using namespace anticipation;

QString tr(const char *text)
{
    return QCoreApplication::translate("vigie::reports::DpsForm", text);
}

const QLocale &french()
{
    static const QLocale locale(QLocale::French, QLocale::France);
    return locale;
}

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

QString levelLabel(DpsFactor factor, double value)
{
    for (const DpsLevel &level : dpsLevels(factor))
        if (qAbs(level.value - value) < 1e-6)
            return level.label;
    return QString::number(value);
}

QString row(const QString &name, const QString &value)
{
    return QStringLiteral("<tr><td class=n width=\"36%\">%1</td><td>%2</td></tr>").arg(esc(name), value);
}

QString orDash(const QString &s)
{
    return s.trimmed().isEmpty() ? QStringLiteral("—") : esc(s);
}

constexpr double a4WidthMm = 210.0;
constexpr double a4HeightMm = 297.0;
constexpr double marginMm = 16.0;

} // namespace

QString dpsFormHtml(const DpsForm &form, int cellPadding)
{
    const DpsAssessment &a = form.assessment;
    const QString date = form.event.date.isValid()
                             ? french().toString(form.event.date, QStringLiteral("dddd d MMMM yyyy"))
                             : QString();
    QString organisation;
    if (a.dpsClass == DpsClass::None) {
        organisation = tr("aucune");
    } else if (a.dpsClass == DpsClass::Paps) {
        organisation = tr("un binôme, sans poste de secours");
    } else {
        organisation = tr("%1 poste(s) de secours ; %2 équipe(s) de 4 et %3 binôme(s)")
                           .arg(a.postes)
                           .arg(a.equipes)
                           .arg(a.binomes);
    }
    QStringList staff;
    if (a.chefsDePoste > 0)
        staff << tr("%1 chef(s) de poste, pris parmi les intervenants").arg(a.chefsDePoste);
    if (a.chefsDeSecteur > 0)
        staff << tr("%1 chef(s) de secteur (%2 secteur(s))").arg(a.chefsDeSecteur).arg(a.secteurs);
    if (a.chefsDeDispositif > 0)
        staff << tr("%1 chef de dispositif").arg(a.chefsDeDispositif);
    if (a.posteDeCommandement)
        staff << tr("un poste de commandement (PC)");
    QString steps;
    for (const QString &s : a.steps)
        steps += QStringLiteral("<li>%1</li>").arg(esc(s));
    QString ris = french().toString(a.ris, 'f', 5); // exact to 5 decimals (RIS × 200,000 is whole)
    while (ris.endsWith(QLatin1Char('0')))
        ris.chop(1);
    if (ris.endsWith(french().decimalPoint()))
        ris.chop(1);

    // QTextDocument takes a table's padding and borders from its attributes, not from CSS.
    // QTextDocument takes a table's padding and borders from its attributes, not from CSS.
    const QString table =
        QStringLiteral("<table width=\"100%\" border=\"1\" cellspacing=\"0\" cellpadding=\"%1\">")
            .arg(cellPadding);
    QString html = QStringLiteral("<html><head><style>"
                                  "body { font-family: 'DejaVu Sans'; font-size: 10pt; color: #111; }"
                                  "h1 { font-size: 16pt; margin: 0 0 2pt 0; }"
                                  "h2 { font-size: 12pt; margin: 12pt 0 4pt 0; color: #1F3A60; }"
                                  "p.ref { font-size: 9pt; color: #444; margin: 0 0 6pt 0; }"
                                  "table { border-collapse: collapse; }"
                                  "td { padding: 3pt 6pt; border: 1px solid #999; vertical-align: top; }"
                                  "td.n { font-weight: bold; background: #EEF1F5; }"
                                  "td.big { font-size: 13pt; font-weight: bold; }"
                                  "p.foot { font-size: 8.5pt; color: #444; margin-top: 14pt; }"
                                  "</style></head><body>");
    html +=
        QStringLiteral("<h1>%1</h1>").arg(esc(tr("Dimensionnement d'un dispositif prévisionnel de secours")));
    html +=
        QStringLiteral("<p class=ref>%1</p>")
            .arg(esc(tr("Grille d'évaluation des risques du référentiel national des missions de sécurité "
                        "civile « dispositifs prévisionnels de secours » (RNMSC-DPS, arrêté du 7 novembre "
                        "2006)")));
    html += QStringLiteral("<h2>%1</h2>").arg(esc(tr("Manifestation"))) + table;
    html += row(tr("Manifestation"), orDash(form.event.name));
    html += row(tr("Organisateur"), orDash(form.event.organiser));
    html += row(tr("Date"), orDash(date));
    html += row(tr("Lieu"), orDash(form.event.place));
    html += QStringLiteral("</table>");
    html += QStringLiteral("<h2>%1</h2>").arg(esc(tr("Données de la grille"))) + table;
    html += row(tr("Public attendu (P1)"),
                esc(tr("%1 personnes présentes en même temps").arg(french().toString(a.p1))));
    html += row(dpsFactorTitle(DpsFactor::P2), esc(levelLabel(DpsFactor::P2, form.inputs.p2)));
    html += row(dpsFactorTitle(DpsFactor::E1), esc(levelLabel(DpsFactor::E1, form.inputs.e1)));
    html += row(dpsFactorTitle(DpsFactor::E2), esc(levelLabel(DpsFactor::E2, form.inputs.e2)));
    html += QStringLiteral("</table>");
    html += QStringLiteral("<h2>%1</h2>").arg(esc(tr("Dispositif"))) + table;
    html += row(tr("Ratio d'intervenants secouristes (RIS)"),
                QStringLiteral("<span style=\"font-size:14pt; font-weight:bold\">%1</span>").arg(ris));
    html += row(
        tr("Dispositif"),
        QStringLiteral("<b>%1</b> — %2").arg(esc(dpsClassCode(a.dpsClass)), esc(dpsClassName(a.dpsClass))));
    html += row(tr("Intervenants secouristes"), QStringLiteral("<b>%1</b>").arg(a.intervenants));
    html += row(tr("Organisation"), esc(organisation));
    html += row(tr("Encadrement"), staff.isEmpty() ? esc(tr("aucun en plus des intervenants"))
                                                   : esc(staff.join(QStringLiteral(" ; "))));
    html += row(tr("Effectif total"), esc(tr("%1 personnes").arg(a.total)));
    html += QStringLiteral("</table>");
    html += QStringLiteral("<h2>%1</h2><ol>%2</ol>").arg(esc(tr("Calcul")), steps);
    html += QStringLiteral("<p class=foot>%1</p>")
                .arg(esc(tr("Document établi avec Vigie le %1. Le dimensionnement ne remplace pas l'avis de "
                            "l'autorité de police, qui peut imposer davantage.")
                             .arg(french().toString(form.madeAt, QStringLiteral("d MMMM yyyy 'à' HH:mm")))));
    html += QStringLiteral("</body></html>");
    return html;
}

void paintDpsForm(QPainter &painter, const DpsForm &form, double pageWidth, double pageHeight)
{
    const double margin = pageWidth * marginMm / a4WidthMm;
    QTextDocument doc;
    // Lay out with the device's resolution, so that point sizes are the same on paper and on an image.
    doc.documentLayout()->setPaintDevice(painter.device());
    doc.setDocumentMargin(0);
    // Cell padding is in device pixels: 4 points whatever the resolution.
    doc.setHtml(dpsFormHtml(form, qRound(painter.device()->logicalDpiX() * 4.0 / 72.0)));
    doc.setTextWidth(pageWidth - 2 * margin);
    painter.save();
    painter.translate(margin, margin);
    doc.drawContents(&painter, QRectF(0, 0, pageWidth - 2 * margin, pageHeight - 2 * margin));
    painter.restore();
    if (form.exercise)
        drawExerciseMark(painter, pageWidth, pageHeight, tr("EXERCICE"), 75);
}

Result<void> writeDpsPdf(const QString &file, const DpsForm &form)
{
    QPdfWriter writer(file);
    writer.setResolution(300);
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(0, 0, 0, 0),
                                     QPageLayout::Millimeter));
    writer.setTitle(tr("Dimensionnement DPS — %1").arg(form.event.name));
    writer.setCreator(QStringLiteral("Vigie"));
    QPainter painter;
    if (!painter.begin(&writer))
        return Error{
            QCoreApplication::translate("vigie::reports", "cannot write the PDF %1: %2")
                .arg(file, QFileInfo(file).absoluteDir().exists()
                               ? QCoreApplication::translate("vigie::reports", "the file cannot be opened")
                               : QCoreApplication::translate("vigie::reports", "its folder does not exist"))};
    const double width = writer.width();
    const double height = writer.height();
    paintDpsForm(painter, form, width, height);
    if (!painter.end())
        return Error{QCoreApplication::translate("vigie::reports", "cannot finish the PDF %1").arg(file)};
    return {};
}

QImage renderDpsForm(const DpsForm &form, int dpi)
{
    const int width = int(a4WidthMm / 25.4 * dpi + 0.5);
    const int height = int(a4HeightMm / 25.4 * dpi + 0.5);
    QImage image(width, height, QImage::Format_RGB32);
    image.setDotsPerMeterX(int(dpi / 0.0254 + 0.5));
    image.setDotsPerMeterY(int(dpi / 0.0254 + 0.5));
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    paintDpsForm(painter, form, width, height);
    return image;
}

} // namespace vigie::reports
