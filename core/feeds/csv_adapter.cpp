// CSV by hand (RFC 4180 quoting): Qt has no CSV reader, and each bad row must be refused with its line.
#include "feeds/feed_adapters.h"
#include "feeds/taxonomy.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace vigie::feeds {

bool readCsvRecord(const QString &text, qsizetype &pos, QChar delimiter, QStringList &fields)
{
    fields.clear();
    QString field;
    bool quoted = false;
    while (pos < text.size()) {
        const QChar c = text[pos++];
        if (quoted) {
            if (c == u'"') {
                if (pos < text.size() && text[pos] == u'"') {
                    field += u'"';
                    ++pos;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
        } else if (c == u'"' && field.isEmpty()) {
            quoted = true;
        } else if (c == delimiter) {
            fields << field;
            field.clear();
        } else if (c == u'\n') {
            break;
        } else if (c != u'\r') {
            field += c;
        }
    }
    fields << field;
    return !quoted;
}

Result<CsvMapping> CsvMapping::fromJson(const QByteArray &json)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return Error{QStringLiteral("CSV mapping: not a JSON object (%1 at byte %2)")
                         .arg(error.errorString())
                         .arg(error.offset)};
    return fromObject(doc.object());
}

Result<CsvMapping> CsvMapping::fromObject(const QJsonObject &mapping)
{
    CsvMapping m;
    const QString d = mapping.value(u"delimiter").toString(QStringLiteral(";"));
    if (d.size() != 1)
        return Error{QStringLiteral("CSV mapping: \"delimiter\" must be one character")};
    m.delimiter = d[0];
    const QJsonObject columns = mapping.value(u"columns").toObject();
    // A misspelt field ("autor") would otherwise be dropped without a word, and its column with it.
    const CsvMapping ours = defaults();
    for (auto it = columns.begin(); it != columns.end(); ++it) {
        if (!ours.columns.contains(it.key()))
            return Error{QStringLiteral("CSV mapping: columns.%1 is not one of our fields (%2)")
                             .arg(it.key().left(40), QStringLiteral("time, text, author, agency, incident, "
                                                                    "type, lat, lon, id"))};
        if (!it.value().isString())
            return Error{
                QStringLiteral("CSV mapping: columns.%1 must be a column header (a string)").arg(it.key())};
        m.columns.insert(it.key(), it.value().toString());
    }
    for (const char *required : {"time", "text"})
        if (m.columns.value(QLatin1String(required)).isEmpty())
            return Error{QStringLiteral("CSV mapping: columns.%1 is required").arg(QLatin1String(required))};
    return m;
}

CsvMapping CsvMapping::defaults()
{
    CsvMapping m;
    for (const char *f : {"time", "text", "author", "agency", "incident", "type", "lat", "lon", "id"})
        m.columns.insert(QLatin1String(f), QLatin1String(f));
    return m;
}

int CsvAdapter::sniff(const QByteArray &bytes) const
{
    const QByteArray firstLine = bytes.left(bytes.indexOf('\n'));
    const QString header = QString::fromUtf8(firstLine);
    return header.contains(m_mapping.delimiter) &&
                   header.contains(m_mapping.columns.value(QStringLiteral("time")))
               ? 60
               : 0;
}

FeedBatch CsvAdapter::parse(const QByteArray &bytes, const FeedContext &context) const
{
    FeedBatch out;
    if (const QString problem = inputProblem(bytes); !problem.isEmpty()) {
        out.reject(QStringLiteral("file"), QStringLiteral("CSV: ") + problem, bytes.left(64 * 1024));
        return out;
    }
    const QString text = QString::fromUtf8(bytes);
    qsizetype pos = text.startsWith(QChar(0xFEFF)) ? 1 : 0;
    QStringList header;
    // An empty file leaves the header empty: the required columns below are then missing, and said so.
    (void)readCsvRecord(text, pos, m_mapping.delimiter, header);
    QHash<QString, int> index;
    for (auto it = m_mapping.columns.begin(); it != m_mapping.columns.end(); ++it)
        if (const int i = int(header.indexOf(it.value().trimmed())); i >= 0)
            index.insert(it.key(), i);
    for (const char *required : {"time", "text"})
        if (!index.contains(QLatin1String(required))) {
            out.reject(
                QStringLiteral("line 1"),
                QStringLiteral("CSV: header has no column \"%1\" (mapped to our %2); check the mapping file")
                    .arg(m_mapping.columns.value(QLatin1String(required)), QLatin1String(required)),
                bytes.left(bytes.indexOf('\n')));
            return out;
        }
    int line = 1;
    QStringList row;
    while (pos < text.size()) {
        const qsizetype start = pos;
        ++line;
        const bool closed = readCsvRecord(text, pos, m_mapping.delimiter, row);
        const QString where = QStringLiteral("line %1").arg(line);
        const QByteArray raw = text.mid(start, pos - start).toUtf8();
        line += int(raw.count('\n')) - (raw.endsWith('\n') ? 1 : 0);
        if (row.size() == 1 && row[0].trimmed().isEmpty())
            continue;
        if (!closed) {
            out.reject(where, QStringLiteral("CSV: unterminated quoted field (truncated export?)"), raw);
            break;
        }
        if (row.size() != header.size()) {
            out.reject(where,
                       QStringLiteral("CSV: %1 fields, the header has %2").arg(row.size()).arg(header.size()),
                       raw);
            continue;
        }
        auto field = [&](const char *name) {
            const int i = int(index.value(QLatin1String(name), -1));
            return i >= 0 ? row[i].trimmed() : QString();
        };
        const auto t = Timestamp::parseIso(field("time"));
        if (!t) {
            out.reject(
                where,
                QStringLiteral("CSV: time \"%1\" is not ISO 8601 with an offset").arg(field("time").left(40)),
                raw);
            continue;
        }
        Entry e;
        e.eventTime = *t;
        e.author = field("author").isEmpty() ? context.source : field("author");
        e.role = QStringLiteral("feed");
        e.agency = field("agency").isEmpty() ? context.agency : field("agency");
        bool okLat = false, okLon = false;
        const double lat = field("lat").toDouble(&okLat);
        const double lon = field("lon").toDouble(&okLon);
        if (okLat && okLon && isValidCoordinate({lon, lat}))
            e.geo = Geometry::point({lon, lat});
        else if (!field("lat").isEmpty() || !field("lon").isEmpty()) {
            out.reject(where,
                       QStringLiteral("CSV: lat/lon \"%1\"/\"%2\" are not WGS84 coordinates")
                           .arg(field("lat").left(20), field("lon").left(20)),
                       raw);
            continue;
        }
        const QString id = field("id").isEmpty() ? contentKey(QStringLiteral("csv"), raw)
                                                 : QString(QStringLiteral("csv:") + field("id"));
        if (!field("type").isEmpty() && !e.geo.isNull()) {
            // The type column is a label, a code and a category at once (an export's own nomenclature).
            const Typing typing = typeIncident(
                {QStringLiteral("csv"), {field("type")}, field("type"), {field("type")}, e.agency});
            e.kind = QStringLiteral("incident.open");
            e.data = {{QStringLiteral("incident"),
                       field("incident").isEmpty()
                           ? QString(QStringLiteral("csv:") + QString(id).remove(0, 4).left(24))
                           : field("incident")},
                      {QStringLiteral("type"), typing.type},
                      {QStringLiteral("type_reason"), typing.reason},
                      {QStringLiteral("title"), field("text")},
                      {QStringLiteral("status"), QStringLiteral("open")}};
        } else {
            e.kind = QStringLiteral("note");
            e.data = {{QStringLiteral("text"), field("text")}};
            if (!field("incident").isEmpty())
                e.data.insert(QStringLiteral("incident"), field("incident"));
        }
        e.data.insert(QStringLiteral("feed"), QStringLiteral("csv"));
        if (!field("id").isEmpty())
            e.data.insert(QStringLiteral("source_id"), field("id"));
        out.messages.push_back({id, where, {std::move(e)}});
    }
    return out;
}

} // namespace vigie::feeds
