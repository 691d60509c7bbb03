#include "anticipation/event_history.h"

#include <QCoreApplication>
#include <QHash>

#include <cmath>
#include <numbers>

namespace vigie::anticipation {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("vigie::anticipation", text);
}

/// Metres east and north of `origin` (equirectangular: exact enough within a few kilometres).
std::pair<double, double> localMetres(GeoPoint origin, GeoPoint p)
{
    constexpr double r = 6371008.8;
    const double k = std::numbers::pi / 180.0;
    return {(p.lon - origin.lon) * k * r * std::cos(origin.lat * k), (p.lat - origin.lat) * k * r};
}

double segmentDistance(GeoPoint p, GeoPoint a, GeoPoint b)
{
    const auto [ax, ay] = localMetres(p, a);
    const auto [bx, by] = localMetres(p, b);
    const double dx = bx - ax, dy = by - ay;
    const double len2 = dx * dx + dy * dy;
    double t = len2 > 0 ? -(ax * dx + ay * dy) / len2 : 0.0;
    t = std::clamp(t, 0.0, 1.0);
    return std::hypot(ax + t * dx, ay + t * dy);
}

bool insideRing(GeoPoint p, const std::vector<GeoPoint> &ring)
{
    bool in = false;
    for (size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
        const GeoPoint &a = ring[i], &b = ring[j];
        if ((a.lat > p.lat) != (b.lat > p.lat) &&
            p.lon < (b.lon - a.lon) * (p.lat - a.lat) / (b.lat - a.lat) + a.lon)
            in = !in;
    }
    return in;
}

} // namespace

const QStringList &eventTypes()
{
    static const QStringList types{
        QStringLiteral("match"),         QStringLiteral("concert"),   QStringLiteral("market"),
        QStringLiteral("demonstration"), QStringLiteral("roadworks"), QStringLiteral("closure"),
        QStringLiteral("festival"),      QStringLiteral("ceremony"),  QStringLiteral("other")};
    return types;
}

Result<PlannedEvent> parseEventPlan(const Entry &entry)
{
    const auto where = [&](const QString &what) {
        return Error{tr("event.plan (seq %1): %2").arg(entry.seq).arg(what)};
    };
    const QJsonObject &d = entry.data;
    PlannedEvent e;
    e.id = d.value(QLatin1String("event")).toString();
    if (e.id.isEmpty())
        return where(tr("data.event is missing or not a string"));
    e.title = d.value(QLatin1String("title")).toString();
    e.type = d.value(QLatin1String("type")).toString();
    if (!eventTypes().contains(e.type))
        return where(
            tr("data.type \"%1\" is not one of %2").arg(e.type, eventTypes().join(QLatin1String(", "))));
    const auto start = Timestamp::parseIso(d.value(QLatin1String("start")).toString());
    const auto end = Timestamp::parseIso(d.value(QLatin1String("end")).toString());
    if (!start || !end)
        return where(tr("data.start and data.end must be ISO-8601 times with an offset"));
    if (*end < *start)
        return where(tr("data.end is before data.start"));
    e.start = *start;
    e.end = *end;
    if (const QJsonValue a = d.value(QLatin1String("attendance")); !a.isUndefined() && !a.isNull()) {
        if (!a.isDouble() || a.toDouble() < 0 || a.toDouble() != std::floor(a.toDouble()))
            return where(tr("data.attendance must be an integer ≥ 0"));
        e.attendance = qint64(a.toDouble());
    }
    if (const QJsonValue r = d.value(QLatin1String("risk")); r.isDouble())
        e.risk = r.toInt();
    e.venue = d.value(QLatin1String("venue")).toString();
    e.geo = entry.geo;
    if (e.geo.isNull())
        return where(tr("no geometry (a venue point or an area is needed to count its incidents)"));
    return e;
}

Result<EventHistory> readEventHistory(const LogStore &store)
{
    EventHistory h;
    QHash<QString, PlannedEvent> byId;
    QStringList order;
    EntryQuery q;
    q.kinds = {QStringLiteral("event.plan"), QStringLiteral("event.cancel"), QStringLiteral("incident.open")};
    auto read = store.read(q, [&](const Entry &entry) {
        if (entry.kind == QLatin1String("incident.open")) {
            if (const auto at = entry.geo.anchor())
                h.incidents.push_back({entry.eventTime, *at});
        } else if (entry.kind == QLatin1String("event.cancel")) {
            byId.remove(entry.data.value(QLatin1String("event")).toString());
        } else if (auto e = parseEventPlan(entry)) {
            if (!byId.contains(e->id))
                order.append(e->id);
            byId.insert(e->id, *e);
        } else {
            h.problems.append(e.error().message);
        }
        return true;
    });
    if (!read)
        return read.error();
    for (const QString &id : order)
        if (const auto it = byId.constFind(id); it != byId.cend())
            h.events.push_back(*it);
    return h;
}

double distanceToGeometry(GeoPoint p, const Geometry &geo)
{
    if (geo.points.empty())
        return std::numeric_limits<double>::infinity();
    if (geo.type == Geometry::Type::Point)
        return distanceMeters(p, geo.points.front());
    // A polygon: 0 inside, else the distance to its boundary. The same segment distance serves a route
    // (LineString) once the log's geometry carries one.
    if (geo.points.size() >= 3 && insideRing(p, geo.points))
        return 0.0;
    double best = std::numeric_limits<double>::infinity();
    for (size_t i = 0; i + 1 < geo.points.size(); ++i)
        best = std::min(best, segmentDistance(p, geo.points[i], geo.points[i + 1]));
    if (geo.points.size() >= 3)
        best = std::min(best, segmentDistance(p, geo.points.back(), geo.points.front()));
    return best;
}

int countIncidents(const PlannedEvent &event, const std::vector<IncidentPoint> &incidents,
                   const AttributionRule &rule)
{
    const qint64 margin = qint64(rule.marginMinutes) * 60'000;
    const Timestamp from{event.start.msecs - margin}, to{event.end.msecs + margin};
    int n = 0;
    for (const IncidentPoint &i : incidents)
        if (i.time >= from && i.time <= to && distanceToGeometry(i.at, event.geo) <= rule.radiusMeters)
            ++n;
    return n;
}

} // namespace vigie::anticipation
