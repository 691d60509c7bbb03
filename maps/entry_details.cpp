#include "maps/entry_details.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QLocale>
#include <QTimeZone>

#include <algorithm>

namespace vigie::maps {

namespace {

QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("vigie::maps::EntryDetails", text, nullptr, n);
}

/// The human words of an entry: its free text when it has one, else its data in compact JSON.
QString summary(const Entry &e)
{
    for (const char *key : {"text", "title", "label", "status", "ed_status"}) {
        const QJsonValue v = e.data.value(QLatin1String(key));
        if (v.isString())
            return v.toString();
    }
    QString json = QString::fromUtf8(QJsonDocument(e.data).toJson(QJsonDocument::Compact));
    if (json.size() > 160)
        json = json.left(157) + QStringLiteral("…");
    return json;
}

} // namespace

QString entriesHtml(const LogStore &store, const std::vector<qint64> &seqs, int limit)
{
    std::vector<qint64> sorted = seqs;
    std::sort(sorted.begin(), sorted.end(), std::greater<>());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    const int shown = std::min(int(sorted.size()), limit);
    QString html = QStringLiteral("<p><b>%1</b></p><table cellspacing='2'>")
                       .arg(tr("Main courante : %n entrée(s)", int(sorted.size())));
    for (int i = 0; i < shown; ++i) {
        EntryQuery q;
        q.afterSeq = sorted[std::size_t(i)] - 1;
        q.limit = 1;
        auto read = store.read(q);
        if (!read || read->empty() || read->front().seq != sorted[std::size_t(i)]) {
            html +=
                QStringLiteral("<tr><td colspan='3'>%1</td></tr>")
                    .arg(tr("entrée n° %1 illisible : %2")
                             .arg(sorted[std::size_t(i)])
                             .arg(read ? tr("absente du journal") : read.error().message.toHtmlEscaped()));
            continue;
        }
        const Entry &e = read->front();
        const QString time =
            QLocale().toString(e.eventTime.toDateTime().toLocalTime(), QStringLiteral("HH:mm"));
        html += QStringLiteral("<tr><td valign='top'>%1</td><td valign='top'><i>%2</i><br>%3</td>"
                               "<td valign='top'>%4</td></tr>")
                    .arg(time, e.kind.toHtmlEscaped(), e.author.toHtmlEscaped(), summary(e).toHtmlEscaped());
    }
    html += QStringLiteral("</table>");
    if (int(sorted.size()) > shown)
        html += QStringLiteral("<p>%1</p>")
                    .arg(tr("… et %n entrée(s) plus ancienne(s)", int(sorted.size()) - shown));
    return html;
}

} // namespace vigie::maps
