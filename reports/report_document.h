#pragma once
// What the room's reports share: an HTML text laid out on A4 pages (QTextDocument paginates it), each page
// framed with the report's title, the room, "page n / N" and, in an exercise room, "EXERCICE" in the
// header and across the page. The same pages go to a PDF file (QPdfWriter) or to images.
#include "util/result.h"

#include <QDateTime>
#include <QImage>
#include <QString>

#include <functional>
#include <vector>

class QPainter;

namespace vigie::reports {

/// A report's text and the images it shows (<img src="NAME">), before pagination.
struct ReportText
{
    QString html;                                   ///< the body, without <html> (reportCss() is added)
    std::vector<std::pair<QString, QImage>> images; ///< by the name the HTML gives them
};

/// What every page repeats.
struct PageFrame
{
    QString title; ///< "Retour d'expérience (RETEX)"
    QString room;  ///< the room's name
    bool exercise = false;
    QDateTime madeAt; ///< "établi le …"
};

/// Pages written so far and in all (the total is known once the text is laid out).
using PageProgress = std::function<void(int page, int pages)>;

/// Writes the report as an A4 PDF; returns its number of pages. An error names the file and what failed.
[[nodiscard]] Result<int> writeReportPdf(const QString &file, const ReportText &text, const PageFrame &frame,
                                         const PageProgress &progress = {});
/// The same pages as images at `dpi` (to look at, and for the guide).
[[nodiscard]] std::vector<QImage> renderReportPages(const ReportText &text, const PageFrame &frame, int dpi);

/// The style sheet of the reports' HTML (QTextDocument's subset of CSS).
[[nodiscard]] QString reportCss();
/// "&lt;…&gt;"-escaped text.
[[nodiscard]] QString esc(const QString &text);
/// A paragraph saying that a part has nothing to show, and why, rather than leaving it blank.
[[nodiscard]] QString noData(const QString &text);
/// The device width an image takes in the text, as a fraction of the text's width (see <img width>).
[[nodiscard]] QString imageTag(const QString &name, double widthFraction);
/// The opening tag of a table the width of the text (cell padding set for the device).
[[nodiscard]] QString tableTag();
/// A duration for a reader: "45 s", "7 min 30 s", "1 h 05 min".
[[nodiscard]] QString durationText(qint64 ms);

} // namespace vigie::reports
