#include "reports/report_document.h"
#include "reports/exercise_mark.h"

#include <QAbstractTextDocumentLayout>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QFont>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextTable>
#include <QUrl>
#include <QtMath>

#include <cmath>

namespace vigie::reports {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("vigie::reports::Report", text);
}

constexpr double a4WidthMm = 210.0;
constexpr double a4HeightMm = 297.0;
constexpr double sideMm = 16.0;
constexpr double topMm = 22.0;    // the header band above the text
constexpr double bottomMm = 18.0; // the footer band below it

/// One report laid out for one device: the text paginated to the body's size.
class Layout
{
public:
    Layout(const ReportText &text, QPaintDevice *device, double pageWidth, double pageHeight)
        : m_pageWidth(pageWidth), m_pageHeight(pageHeight)
    {
        const double mm = pageWidth / a4WidthMm;
        m_body = QRectF(sideMm * mm, topMm * mm, pageWidth - 2 * sideMm * mm,
                        pageHeight - (topMm + bottomMm) * mm);
        // Lay out with the device's resolution, so that point sizes are the same on paper and on images.
        m_doc.documentLayout()->setPaintDevice(device);
        m_doc.setDocumentMargin(0);
        // No ligatures: "ﬁ" as one glyph reads the same on paper, but a search of the PDF for "fil" or
        // "fixés" would not find it, nor would a copy of the text.
        QFont font(QStringLiteral("DejaVu Sans"), 9);
        font.setStyleStrategy(QFont::PreferNoShaping);
        m_doc.setDefaultFont(font);
        for (const auto &[name, image] : text.images)
            m_doc.addResource(QTextDocument::ImageResource, QUrl(name), image);
        // Image widths are written as fractions of the text's width (imageTag); QTextDocument reads sizes as
        // 96-dpi pixels and scales them to the device. Both width and height are given: with the width alone
        // the height came out wrong when the text was laid out on a worker thread.
        QString html = text.html;
        static const QRegularExpression tags(QStringLiteral("<img src=\"([^\"]+)\" width=\"@W([0-9.]+)@\">"));
        const double toCss = 96.0 / device->logicalDpiX();
        for (auto m = tags.match(html); m.hasMatch(); m = tags.match(html, m.capturedStart() + 1)) {
            QSize size(1, 1);
            for (const auto &[name, image] : text.images)
                if (name == m.captured(1))
                    size = image.size();
            const double width = m.captured(2).toDouble() * m_body.width() * toCss;
            const double height = width * size.height() / std::max(1, size.width());
            html.replace(m.capturedStart(), m.capturedLength(),
                         QStringLiteral("<img src=\"%1\" width=\"%2\" height=\"%3\">")
                             .arg(m.captured(1))
                             .arg(qRound(width))
                             .arg(qRound(height)));
        }
        // Table cell padding is taken in device pixels from the attribute, not from CSS: 2 points.
        html.replace(QStringLiteral("@P@"), QString::number(qRound(device->logicalDpiX() * 2.0 / 72.0)));
        m_doc.setHtml(QStringLiteral("<html><head><style>") + reportCss() +
                      QStringLiteral("</style></head><body>") + html + QStringLiteral("</body></html>"));
        m_doc.setPageSize(m_body.size());
        keepHeadingsWithText();
    }

    [[nodiscard]] int pages() const { return std::max(1, m_doc.pageCount()); }

    void paintPage(QPainter &p, int page, const PageFrame &frame)
    {
        const double mm = m_pageWidth / a4WidthMm;
        p.save();
        p.translate(m_body.topLeft());
        p.translate(0, -page * m_body.height());
        m_doc.drawContents(&p, QRectF(0, page * m_body.height(), m_body.width(), m_body.height()));
        p.restore();

        // Header: what the document is, the room; "EXERCICE" at the right of an exercise room's pages.
        QFont small(QStringLiteral("DejaVu Sans"));
        small.setPixelSize(qRound(3.0 * mm));
        p.setFont(small);
        p.setPen(QColor(0x44, 0x44, 0x44));
        const QRectF head(m_body.left(), 8 * mm, m_body.width(), 6 * mm);
        p.drawText(head, Qt::AlignLeft | Qt::AlignVCenter,
                   QStringLiteral("Vigie — %1 — %2").arg(frame.title, frame.room));
        if (frame.exercise) {
            QFont bold = small;
            bold.setBold(true);
            bold.setPixelSize(qRound(4.2 * mm));
            p.setFont(bold);
            p.setPen(QColor(0xC0, 0x50, 0x00));
            p.drawText(head, Qt::AlignRight | Qt::AlignVCenter, tr("EXERCICE"));
            p.setFont(small);
            p.setPen(QColor(0x44, 0x44, 0x44));
        }
        p.setPen(QPen(QColor(0x1F, 0x3A, 0x60), 0.3 * mm));
        p.drawLine(QPointF(m_body.left(), 15 * mm), QPointF(m_body.right(), 15 * mm));
        // Footer: when it was made, and the page among all.
        const QRectF foot(m_body.left(), m_pageHeight - 12 * mm, m_body.width(), 6 * mm);
        p.setPen(QColor(0x44, 0x44, 0x44));
        static const QLocale french(QLocale::French, QLocale::France);
        p.drawText(foot, Qt::AlignLeft | Qt::AlignVCenter,
                   tr("Établi avec Vigie le %1")
                       .arg(french.toString(frame.madeAt, QStringLiteral("d MMMM yyyy 'à' HH:mm"))));
        p.drawText(foot, Qt::AlignRight | Qt::AlignVCenter, tr("page %1 / %2").arg(page + 1).arg(pages()));

        if (frame.exercise)
            drawExerciseMark(p, m_pageWidth, m_pageHeight, tr("EXERCICE"), 60);
    }

private:
    /// QTextDocument has no "keep with next": a heading that falls in the last lines of a page would be left
    /// there, its table on the next page. Such a heading starts the next page instead; headings are visited
    /// in order, each move laying out again what follows it.
    void keepHeadingsWithText()
    {
        const double page = m_body.height();
        const double room = page * 0.12; // under a heading, at least this much of its text on the same page
        for (QTextBlock b = m_doc.begin(); b.isValid(); b = b.next()) {
            if (b.blockFormat().headingLevel() == 0 ||
                b.blockFormat().pageBreakPolicy() & QTextFormat::PageBreak_AlwaysBefore)
                continue;
            const QRectF r = m_doc.documentLayout()->blockBoundingRect(b);
            const double top = std::fmod(r.top(), page);
            // The block after it (a map, a paragraph, a table's first cell) that would start on the next
            // page, or be cut, leaves the heading alone at the bottom too, unless it is too tall for any
            // page. (Blocks inside a table are measured from the table, not the page: a table is left to the
            // first rule.)
            const QTextBlock next = b.next();
            const bool nextInTable = next.isValid() && QTextCursor(next).currentTable() != nullptr;
            const QRectF n =
                next.isValid() && !nextInTable ? m_doc.documentLayout()->blockBoundingRect(next) : QRectF();
            const bool nextCut = !n.isNull() && n.height() < page * 0.6 &&
                                 std::floor(r.top() / page) != std::floor((n.bottom() - 1) / page);
            // A heading in the page's last few points does not fit and goes to the next page by itself: a
            // break on it would leave a blank page.
            if (top > page * 0.05 && page - top > page * 0.03 && (page - top < room || nextCut)) {
                QTextBlockFormat f = b.blockFormat();
                f.setPageBreakPolicy(f.pageBreakPolicy() | QTextFormat::PageBreak_AlwaysBefore);
                QTextCursor(b).setBlockFormat(f);
                // Laid out again from the moved heading on, before the next heading is measured: the layout
                // that Qt updates by itself left blocks undrawn (a part's headings missing between two
                // tables) and later headings measured where they no longer were (a blank page).
                m_doc.markContentsDirty(b.position(), m_doc.characterCount() - b.position());
            }
        }
    }

    double m_pageWidth;
    double m_pageHeight;
    QRectF m_body;
    QTextDocument m_doc;
};

} // namespace

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString noData(const QString &text)
{
    return QStringLiteral("<p class=none>%1</p>").arg(esc(text));
}

QString imageTag(const QString &name, double widthFraction)
{
    return QStringLiteral("<img src=\"%1\" width=\"@W%2@\">").arg(name).arg(widthFraction, 0, 'f', 3);
}

QString tableTag()
{
    return QStringLiteral("<table width=\"100%\" border=\"1\" cellspacing=\"0\" cellpadding=\"@P@\">");
}

QString durationText(qint64 ms)
{
    const qint64 s = (ms + 500) / 1000;
    // No-break spaces between a number and its unit: a narrow table cell must not part them.
    if (s < 60)
        return tr("%1 s").arg(s);
    if (s < 3600)
        return s % 60 == 0 ? tr("%1 min").arg(s / 60) : tr("%1 min %2 s").arg(s / 60).arg(s % 60);
    const qint64 m = (s + 30) / 60;
    return tr("%1 h %2 min").arg(m / 60).arg(m % 60, 2, 10, QLatin1Char('0'));
}

QString reportCss()
{
    return QStringLiteral("body { font-family: 'DejaVu Sans'; font-size: 9pt; color: #111; }"
                          "h1 { font-size: 20pt; margin: 0 0 4pt 0; color: #1F3A60; }"
                          "h2 { font-size: 13pt; margin: 14pt 0 4pt 0; color: #1F3A60; }"
                          "h3 { font-size: 10.5pt; margin: 8pt 0 3pt 0; color: #1F3A60; }"
                          "p { margin: 2pt 0 4pt 0; }"
                          "p.lead { font-size: 11pt; margin: 2pt 0 8pt 0; }"
                          "p.none { color: #6A4A00; font-style: italic; }"
                          "p.note { font-size: 8pt; color: #444; }"
                          "p.caption { font-size: 8pt; color: #333; margin: 2pt 0 10pt 0; }"
                          "p.mark { font-size: 14pt; font-weight: bold; color: #C05000; }"
                          "table { border-collapse: collapse; }"
                          "th { background: #DDE4EE; font-weight: bold; text-align: left; font-size: 8pt; }"
                          "td { font-size: 8.5pt; }"
                          "td.n { font-weight: bold; background: #EEF1F5; }"
                          "td.r { text-align: right; }"
                          "td.done { color: #1B6E20; font-weight: bold; }"
                          "td.late { color: #A05A00; font-weight: bold; }"
                          "td.missed { color: #B00020; font-weight: bold; }"
                          "td.open { color: #555; }"
                          "span.big { font-size: 16pt; font-weight: bold; }");
}

Result<int> writeReportPdf(const QString &file, const ReportText &text, const PageFrame &frame,
                           const PageProgress &progress)
{
    QPdfWriter writer(file);
    writer.setResolution(300);
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(0, 0, 0, 0),
                                     QPageLayout::Millimeter));
    writer.setTitle(QStringLiteral("%1 — %2").arg(frame.title, frame.room));
    writer.setCreator(QStringLiteral("Vigie"));
    QPainter painter;
    if (!painter.begin(&writer))
        return Error{
            QCoreApplication::translate("vigie::reports", "cannot write the PDF %1: %2")
                .arg(file, QFileInfo(file).absoluteDir().exists()
                               ? QCoreApplication::translate("vigie::reports", "the file cannot be opened")
                               : QCoreApplication::translate("vigie::reports", "its folder does not exist"))};
    Layout layout(text, &writer, writer.width(), writer.height());
    const int pages = layout.pages();
    for (int page = 0; page < pages; ++page) {
        if (page > 0)
            writer.newPage();
        layout.paintPage(painter, page, frame);
        if (progress)
            progress(page + 1, pages);
    }
    if (!painter.end())
        return Error{QCoreApplication::translate("vigie::reports", "cannot finish the PDF %1").arg(file)};
    return pages;
}

std::vector<QImage> renderReportPages(const ReportText &text, const PageFrame &frame, int dpi)
{
    const int width = int(a4WidthMm / 25.4 * dpi + 0.5);
    const int height = int(a4HeightMm / 25.4 * dpi + 0.5);
    QImage probe(width, height, QImage::Format_RGB32);
    probe.setDotsPerMeterX(int(dpi / 0.0254 + 0.5));
    probe.setDotsPerMeterY(int(dpi / 0.0254 + 0.5));
    Layout layout(text, &probe, width, height);
    std::vector<QImage> pages;
    for (int page = 0; page < layout.pages(); ++page) {
        QImage image = probe.copy();
        image.fill(Qt::white);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::TextAntialiasing);
        layout.paintPage(painter, page, frame);
        painter.end();
        pages.push_back(std::move(image));
    }
    return pages;
}

} // namespace vigie::reports
