#include "feeds/feed_adapters.h"
#include "feeds/taxonomy.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace vigie::feeds {

namespace {

bool isDelimiter(char c)
{
    return c == ',' || c == ':' || c == '[' || c == ']' || c == '{' || c == '}' || c == ' ' || c == '\t' ||
           c == '\r' || c == '\n';
}

/// JSON has no NaN nor Infinity, yet exporters write them bare (Python's json module does by default). One
/// such value makes the whole document malformed and would lose every valid feature with it: outside strings
/// they are read as strings ("NaN"), so that only the feature holding one is refused, by the geometry check
/// below.
QByteArray quoteNonFiniteNumbers(const QByteArray &bytes)
{
    static const QByteArray tokens[] = {"-Infinity", "+Infinity", "Infinity", "-NaN", "NaN"};
    QByteArray out;
    out.reserve(bytes.size() + 64);
    bool inString = false;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const char c = bytes[i];
        if (inString) {
            out += c;
            if (c == '\\' && i + 1 < bytes.size())
                out += bytes[++i];
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
            out += c;
            continue;
        }
        bool quoted = false;
        if (i == 0 || isDelimiter(bytes[i - 1]))
            for (const QByteArray &token : tokens)
                if (QByteArrayView(bytes).sliced(i).startsWith(token) &&
                    (i + token.size() == bytes.size() || isDelimiter(bytes[i + token.size()]))) {
                    out += '"' + token + '"';
                    i += token.size() - 1;
                    quoted = true;
                    break;
                }
        if (!quoted)
            out += c;
    }
    return out;
}

QString describe(const QJsonValue &v)
{
    if (v.isString())
        return QStringLiteral("\"%1\"").arg(v.toString().left(32));
    if (v.isNull())
        return QStringLiteral("null");
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isArray())
        return QStringLiteral("an array of %1").arg(v.toArray().size());
    if (v.isObject())
        return QStringLiteral("an object");
    return QStringLiteral("nothing");
}

/// Why a position [lon, lat] is not one; empty when it is.
QString positionProblem(const QJsonValue &value, const QString &where)
{
    if (!value.isArray() || value.toArray().size() < 2)
        return QStringLiteral("%1: expected a position [lon, lat], got %2").arg(where, describe(value));
    const QJsonArray p = value.toArray();
    for (int k = 0; k < 2; ++k)
        if (!p.at(k).isDouble())
            return QStringLiteral("%1[%2]: %3 is not a number (%4 expected)")
                .arg(where)
                .arg(k)
                .arg(describe(p.at(k)), k == 0 ? QStringLiteral("longitude") : QStringLiteral("latitude"));
    const double lon = p.at(0).toDouble(), lat = p.at(1).toDouble();
    if (!(lon >= -180.0 && lon <= 180.0))
        return QStringLiteral("%1: longitude %2 out of range [-180, 180]").arg(where).arg(lon);
    if (!(lat >= -90.0 && lat <= 90.0))
        return QStringLiteral("%1: latitude %2 out of range [-90, 90]").arg(where).arg(lat);
    return {};
}

/// What RFC 7946 asks of a Point's position and a Polygon's rings that the room relies on; empty when fine.
/// Other geometry types are left to geometryFromGeoJson, which names what it accepts.
QString geometryProblem(const QJsonObject &geometry)
{
    const QString type = geometry.value(u"type").toString();
    const QJsonValue coordinates = geometry.value(u"coordinates");
    if (type == u"Point")
        return positionProblem(coordinates, QStringLiteral("geometry.coordinates"));
    if (type != u"Polygon")
        return {};
    if (!coordinates.isArray() || coordinates.toArray().isEmpty())
        return QStringLiteral("geometry.coordinates: a Polygon needs at least one ring");
    const QJsonArray rings = coordinates.toArray();
    for (qsizetype r = 0; r < rings.size(); ++r) {
        const QString where = QStringLiteral("geometry.coordinates[%1]").arg(r);
        const QJsonArray ring = rings.at(r).toArray();
        for (qsizetype i = 0; i < ring.size(); ++i)
            if (QString problem = positionProblem(ring.at(i), QStringLiteral("%1[%2]").arg(where).arg(i));
                !problem.isEmpty())
                return problem;
        if (ring.size() < 4)
            return QStringLiteral(
                       "%1: a polygon ring needs at least 4 positions, the last equal to the first "
                       "(RFC 7946 §3.1.6); got %2")
                .arg(where)
                .arg(ring.size());
        if (ring.first().toArray().at(0) != ring.last().toArray().at(0) ||
            ring.first().toArray().at(1) != ring.last().toArray().at(1))
            return QStringLiteral(
                       "%1: the polygon ring is not closed: its last position [%2, %3] must equal its "
                       "first [%4, %5] (RFC 7946 §3.1.6)")
                .arg(where)
                .arg(ring.last().toArray().at(0).toDouble())
                .arg(ring.last().toArray().at(1).toDouble())
                .arg(ring.first().toArray().at(0).toDouble())
                .arg(ring.first().toArray().at(1).toDouble());
    }
    return {};
}

} // namespace

int GeoJsonAdapter::sniff(const QByteArray &bytes) const
{
    const QByteArray h = bytes.left(1024);
    return h.contains("\"FeatureCollection\"") || h.contains("\"Feature\"") ? 85 : 0;
}

FeedBatch GeoJsonAdapter::parse(const QByteArray &bytes, const FeedContext &context) const
{
    FeedBatch out;
    if (const QString problem = inputProblem(bytes); !problem.isEmpty()) {
        out.reject(QStringLiteral("document"), QStringLiteral("GeoJSON: ") + problem, bytes.left(64 * 1024));
        return out;
    }
    QJsonParseError error{};
    QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError) {
        // Bare NaN or Infinity somewhere: read them as strings, refuse the features that hold one, keep the
        // others. Any other fault still refuses the document, at the place the first parse found.
        QJsonParseError again{};
        QJsonDocument quoted = QJsonDocument::fromJson(quoteNonFiniteNumbers(bytes), &again);
        if (again.error == QJsonParseError::NoError) {
            doc = std::move(quoted);
            error = again;
        }
    }
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        out.reject(QStringLiteral("byte %1").arg(error.offset),
                   QStringLiteral("GeoJSON: malformed JSON: %1")
                       .arg(error.error == QJsonParseError::NoError ? QStringLiteral("not an object")
                                                                    : error.errorString()),
                   bytes);
        return out;
    }
    const QJsonObject root = doc.object();
    QJsonArray features;
    if (root.value(u"type").toString() == u"FeatureCollection")
        features = root.value(u"features").toArray();
    else if (root.value(u"type").toString() == u"Feature")
        features.append(root);
    else {
        out.reject(QStringLiteral("document"),
                   QStringLiteral("GeoJSON: type must be FeatureCollection or Feature"), bytes.left(4096));
        return out;
    }
    for (int i = 0; i < features.size(); ++i) {
        const QString where = QStringLiteral("features[%1]").arg(i);
        const QJsonObject f = features[i].toObject();
        const QByteArray raw = QJsonDocument(f).toJson(QJsonDocument::Compact);
        if (const QString problem = geometryProblem(f.value(u"geometry").toObject()); !problem.isEmpty()) {
            out.reject(where, QStringLiteral("GeoJSON: ") + problem, raw);
            continue;
        }
        auto geo = geometryFromGeoJson(f.value(u"geometry").toObject());
        if (!geo || geo->isNull()) {
            out.reject(where,
                       QStringLiteral("GeoJSON: geometry missing or invalid%1")
                           .arg(geo ? QString() : QStringLiteral(": ") + geo.error().message),
                       raw);
            continue;
        }
        auto mapped = m_mapping.read(f);
        if (!mapped) {
            out.reject(where, QStringLiteral("GeoJSON: ") + mapped.error().message, raw);
            continue;
        }
        const GeoJsonMapping::Properties &p = *mapped;
        if (p.status)
            if (auto refusal = modeRefusal(*p.status, context.mode)) {
                out.reject(where, QStringLiteral("GeoJSON status: ") + *refusal, raw);
                continue;
            }
        const QString agency = p.agency.isEmpty() ? context.agency : p.agency;
        const Typing typing = typeIncident({QStringLiteral("geojson"), {p.type}, p.type, {p.type}, agency});
        Entry e;
        e.kind = QStringLiteral("incident.open");
        e.eventTime = p.time;
        e.author = p.sensor.isEmpty() ? context.source : p.sensor;
        e.role = QStringLiteral("feed");
        e.agency = agency;
        e.geo = std::move(geo.value());
        e.data = {{QStringLiteral("incident"),
                   p.incident.isEmpty() ? QString(QStringLiteral("geojson:") + p.id) : p.incident},
                  {QStringLiteral("type"), typing.type},
                  {QStringLiteral("type_reason"), typing.reason},
                  {QStringLiteral("title"), p.title},
                  {QStringLiteral("status"), QStringLiteral("open")},
                  {QStringLiteral("source_id"), p.id},
                  {QStringLiteral("feed"), QStringLiteral("geojson")}};
        if (p.severity)
            e.data.insert(QStringLiteral("severity"), *p.severity);
        out.messages.push_back({QString(QStringLiteral("geojson:") + p.id), where, {std::move(e)}});
    }
    return out;
}

} // namespace vigie::feeds
