// Where a GeoJSON export keeps our fields. Exports from other systems name their properties their own way
// ("horodatage", "infos": {"date"}); the mapping says where each of ours is, and a feature it does not fit is
// refused naming the property, so that only that feature goes to the quarantine.
#include "feeds/feed_adapters.h"

#include <QJsonArray>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace vigie::feeds {

namespace {

constexpr std::array<const char *, geoJsonFieldCount> fieldNames{
    "id", "time", "type", "title", "severity", "agency", "incident", "sensor", "status"};
constexpr std::array<GeoJsonField, 3> requiredFields{GeoJsonField::Id, GeoJsonField::Time,
                                                     GeoJsonField::Type};

/// A JSON number as an id or a text: integers without exponent (12345678, not 1.23457e+07, which would give
/// two features one key).
QString numberText(double d)
{
    if (d == std::floor(d) && std::fabs(d) < 9007199254740992.0)
        return QString::number(qint64(d));
    return QString::number(d, 'g', QLocale::FloatingPointShortest);
}

QString describe(const QJsonValue &v)
{
    if (v.isString())
        return QStringLiteral("\"%1\"").arg(v.toString().left(40));
    if (v.isDouble())
        return numberText(v.toDouble());
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isArray())
        return QStringLiteral("an array of %1").arg(v.toArray().size());
    if (v.isObject())
        return QStringLiteral("an object");
    return QStringLiteral("null");
}

/// "properties.infos.date" for "infos/date", "id" for "/id": the place in the feature, as it is written
/// there.
QString display(const GeoJsonMapping::Path &path)
{
    return (path.fromFeature ? QString() : QStringLiteral("properties.")) + path.steps.join(u'.');
}

QString display(const GeoJsonMapping::Field &field, GeoJsonField which)
{
    QStringList places;
    for (const auto &p : field.paths)
        places << display(p);
    return QStringLiteral("%1 (our %2)").arg(places.join(QStringLiteral(" or ")), geoJsonFieldName(which));
}

/// The value as text: a string (trimmed) or a number; empty when empty. nullopt when it is neither.
std::optional<QString> asText(const QJsonValue &v)
{
    if (v.isString())
        return v.toString().trimmed();
    if (v.isDouble())
        return numberText(v.toDouble());
    return std::nullopt;
}

/// A severity of 1 to 5, as a number or as the text of one.
std::optional<int> asSeverity(const QJsonValue &v)
{
    double d = 0;
    if (v.isDouble())
        d = v.toDouble();
    else if (bool ok = false; v.isString() && (d = v.toString().trimmed().toDouble(&ok), ok)) {
    } else
        return std::nullopt;
    if (d != std::floor(d) || d < 1 || d > 5)
        return std::nullopt;
    return int(d);
}

/// What `value` is not, for `field`: empty when it fits.
QString misfit(GeoJsonField field, const QJsonValue &value)
{
    if (field == GeoJsonField::Severity)
        return asSeverity(value) ? QString() : QStringLiteral("a number from 1 to 5");
    const auto text = asText(value);
    if (!text)
        return QStringLiteral("a text");
    if (field == GeoJsonField::Time && !Timestamp::parseIso(*text))
        return QStringLiteral("ISO 8601 with an offset (e.g. 2026-07-14T21:05:00+02:00)");
    return {};
}

/// The value at `path`: undefined when absent (a missing key, null, an index past the end); an error when a
/// step meets something that has no members.
Result<QJsonValue> at(const QJsonObject &feature, const GeoJsonMapping::Path &path)
{
    QJsonValue v = path.fromFeature ? QJsonValue(feature) : feature.value(u"properties");
    for (qsizetype k = 0; k < path.steps.size(); ++k) {
        const QString &step = path.steps[k];
        if (v.isUndefined() || v.isNull())
            return QJsonValue(QJsonValue::Undefined);
        if (v.isObject()) {
            v = v.toObject().value(step);
            continue;
        }
        bool isIndex = false;
        const uint i = step.toUInt(&isIndex);
        if (v.isArray() && isIndex) {
            v = i < uint(v.toArray().size()) ? v.toArray().at(i) : QJsonValue(QJsonValue::Undefined);
            continue;
        }
        // Named as the feature has it, and, for an array, the path that would reach into it.
        const QStringList before = path.steps.first(k);
        const QStringList here =
            (path.fromFeature ? QStringList() : QStringList{QStringLiteral("properties")}) + before;
        QString problem =
            QStringLiteral("%1 is %2, not an object with \"%3\"").arg(here.join(u'.'), describe(v), step);
        if (v.isArray())
            problem += QStringLiteral(" (an array takes an index: \"%1%2/0/%3\")")
                           .arg(path.fromFeature ? QStringLiteral("/") : QString(), before.join(u'/'), step);
        return Error{problem};
    }
    if (v.isNull())
        return QJsonValue(QJsonValue::Undefined);
    return v;
}

/// Reads "infos/date", "/id", or "tags/0" as a path; an error when a step is empty.
std::optional<GeoJsonMapping::Path> parsePath(QString text)
{
    GeoJsonMapping::Path p;
    p.fromFeature = text.startsWith(u'/');
    if (p.fromFeature)
        text.remove(0, 1);
    p.steps = text.split(u'/');
    for (const QString &step : p.steps)
        if (step.isEmpty())
            return std::nullopt;
    return p;
}

Result<GeoJsonMapping::Field> parseField(GeoJsonField which, const QJsonValue &spec)
{
    const QString key = QStringLiteral("GeoJSON mapping: properties.") + geoJsonFieldName(which);
    GeoJsonMapping::Field field;
    QJsonValue paths = spec;
    if (spec.isObject()) {
        const QJsonObject o = spec.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            if (it.key() != u"path" && it.key() != u"default" && it.key() != u"value")
                return Error{
                    QStringLiteral("%1.%2 is not one of path, default, value").arg(key, it.key().left(40))};
        if (o.contains(u"value") && (o.contains(u"path") || o.contains(u"default")))
            return Error{
                QStringLiteral("%1: \"value\" is a constant, for every feature; it goes without \"path\" "
                               "and \"default\"")
                    .arg(key)};
        if (o.contains(u"default") && !o.contains(u"path"))
            return Error{
                QStringLiteral("%1: \"default\" needs a \"path\" (a constant is {\"value\": …})").arg(key)};
        if (!o.contains(u"path") && !o.contains(u"value"))
            return Error{QStringLiteral("%1: give a \"path\" or a \"value\"").arg(key)};
        paths = o.value(u"path");
        field.fallback = o.contains(u"value") ? o.value(u"value") : o.value(u"default");
        if (field.fallback.isNull())
            return Error{QStringLiteral("%1: %2 must not be null")
                             .arg(key, o.contains(u"value") ? u"value" : u"default")};
        if (!field.fallback.isUndefined())
            if (const QString problem = misfit(which, field.fallback); !problem.isEmpty())
                return Error{QStringLiteral("%1.%2 is %3, not %4")
                                 .arg(key, o.contains(u"value") ? u"value" : u"default",
                                      describe(field.fallback), problem)};
    }
    if (spec.isString() || spec.isArray() || (spec.isObject() && !paths.isUndefined())) {
        const QJsonArray list = paths.isArray() ? paths.toArray() : QJsonArray{paths};
        if (list.isEmpty())
            return Error{QStringLiteral("%1: an empty list of paths").arg(key)};
        for (const QJsonValue &p : list) {
            const auto path = p.isString() ? parsePath(p.toString()) : std::nullopt;
            if (!path)
                return Error{
                    QStringLiteral("%1: %2 is not a path such as \"infos/date\" (steps separated by \"/\", "
                                   "none empty; \"/id\" for the feature's own id)")
                        .arg(key, describe(p))};
            field.paths.push_back(*path);
        }
    } else if (!spec.isObject()) {
        return Error{
            QStringLiteral("%1 is %2: give a path (\"infos/date\"), a list of paths, or {\"path\": …, "
                           "\"default\": …} or {\"value\": …}")
                .arg(key, describe(spec))};
    }
    return field;
}

} // namespace

QString geoJsonFieldName(GeoJsonField field)
{
    return QLatin1String(fieldNames[std::size_t(field)]);
}

Result<GeoJsonMapping> GeoJsonMapping::fromJson(const QJsonValue &section)
{
    if (!section.isObject())
        return Error{QStringLiteral("GeoJSON mapping: \"properties\" is %1, not an object {our field: path}")
                         .arg(describe(section))};
    const QJsonObject o = section.toObject();
    GeoJsonMapping m;
    std::array<bool, geoJsonFieldCount> given{};
    for (auto it = o.begin(); it != o.end(); ++it) {
        const auto named = std::find_if(fieldNames.begin(), fieldNames.end(),
                                        [&](const char *f) { return it.key() == QLatin1String(f); });
        const auto i = std::size_t(std::distance(fieldNames.begin(), named));
        if (i == fieldNames.size())
            return Error{
                QStringLiteral("GeoJSON mapping: properties.%1 is not one of our fields (%2)")
                    .arg(it.key().left(40), QStringLiteral("id, time, type, title, severity, agency, "
                                                           "incident, sensor, status"))};
        auto field = parseField(GeoJsonField(i), it.value());
        if (!field)
            return field.error();
        m.fields[i] = std::move(field.value());
        given[i] = true;
    }
    for (const GeoJsonField f : requiredFields)
        if (!given[std::size_t(f)])
            return Error{
                QStringLiteral("GeoJSON mapping: properties.%1 is required (a path such as \"infos/%1\", "
                               "or {\"value\": …} for every feature)")
                    .arg(geoJsonFieldName(f))};
    return m;
}

GeoJsonMapping GeoJsonMapping::defaults()
{
    GeoJsonMapping m;
    for (int i = 0; i < geoJsonFieldCount; ++i)
        m.fields[std::size_t(i)].paths.push_back({false, {QLatin1String(fieldNames[std::size_t(i)])}});
    // Sensors put their id on the feature as often as in its properties, and some say category for type.
    m.fields[std::size_t(GeoJsonField::Id)].paths.push_back({true, {QStringLiteral("id")}});
    m.fields[std::size_t(GeoJsonField::Type)].paths.push_back({false, {QStringLiteral("category")}});
    return m;
}

Result<GeoJsonMapping::Properties> GeoJsonMapping::read(const QJsonObject &feature) const
{
    std::array<QJsonValue, geoJsonFieldCount> values;
    values.fill(QJsonValue(QJsonValue::Undefined));
    for (int i = 0; i < geoJsonFieldCount; ++i) {
        const Field &f = fields[std::size_t(i)];
        QJsonValue v(QJsonValue::Undefined);
        for (const Path &p : f.paths) {
            auto found = at(feature, p);
            if (!found)
                return Error{QStringLiteral("%1 (our %2): %3")
                                 .arg(display(p), geoJsonFieldName(GeoJsonField(i)), found.error().message)};
            // An empty text is no value: the next path, or the default, is taken.
            if (!found->isUndefined() && !(found->isString() && found->toString().trimmed().isEmpty())) {
                v = *found;
                break;
            }
        }
        if (v.isUndefined())
            v = f.fallback;
        if (v.isUndefined()) {
            if (std::find(requiredFields.begin(), requiredFields.end(), GeoJsonField(i)) !=
                requiredFields.end())
                return Error{QStringLiteral("%1 is missing or empty").arg(display(f, GeoJsonField(i)))};
            continue;
        }
        if (const QString problem = misfit(GeoJsonField(i), v); !problem.isEmpty())
            return Error{
                QStringLiteral("%1 is %2, not %3").arg(display(f, GeoJsonField(i)), describe(v), problem)};
        values[std::size_t(i)] = v;
    }
    auto text = [&](GeoJsonField f) {
        return asText(values[std::size_t(f)]).value_or(QString());
    };
    Properties p;
    p.id = text(GeoJsonField::Id);
    p.time = *Timestamp::parseIso(text(GeoJsonField::Time));
    p.type = text(GeoJsonField::Type);
    p.title = values[std::size_t(GeoJsonField::Title)].isUndefined() ? p.type : text(GeoJsonField::Title);
    p.agency = text(GeoJsonField::Agency);
    p.incident = text(GeoJsonField::Incident);
    p.sensor = text(GeoJsonField::Sensor);
    if (!values[std::size_t(GeoJsonField::Severity)].isUndefined())
        p.severity = asSeverity(values[std::size_t(GeoJsonField::Severity)]);
    if (!values[std::size_t(GeoJsonField::Status)].isUndefined())
        p.status = text(GeoJsonField::Status);
    return p;
}

} // namespace vigie::feeds
