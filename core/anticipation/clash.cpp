#include "anticipation/clash.h"

#include "routing/road_graph.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

// Boost 1.74's Geometry still includes a header Boost itself marks deprecated (a #pragma message).
#define BOOST_ALLOW_DEPRECATED_HEADERS
#include <boost/geometry.hpp>
#include <boost/geometry/geometries/point_xy.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <unordered_set>

namespace vigie::anticipation {

namespace bg = boost::geometry;

namespace {

using XY = bg::model::d2::point_xy<double>;
using Line = bg::model::linestring<XY>;
using Poly = bg::model::polygon<XY>;

QString tr(const char *text)
{
    return QCoreApplication::translate("vigie::anticipation", text);
}

/// Local plane in metres around an origin (equirectangular): enough across a city, and what lets
/// Boost.Geometry's cartesian distances stand for distances on the ground.
struct Plane
{
    GeoPoint origin;
    double kx = 0, ky = 0;
    explicit Plane(GeoPoint o) : origin(o)
    {
        constexpr double earthRadius = 6371008.8;
        ky = earthRadius * std::numbers::pi / 180.0;
        kx = ky * std::cos(o.lat * std::numbers::pi / 180.0);
    }
    [[nodiscard]] XY xy(GeoPoint p) const { return {(p.lon - origin.lon) * kx, (p.lat - origin.lat) * ky}; }
};

template <typename Visit> auto withShape(const Plane &plane, const Geometry &g, Visit visit)
{
    switch (g.type) {
    case Geometry::Type::Point:
        return visit(plane.xy(g.points.front()));
    case Geometry::Type::LineString: {
        Line line;
        for (const GeoPoint &p : g.points)
            line.push_back(plane.xy(p));
        return visit(line);
    }
    case Geometry::Type::Polygon: {
        Poly poly;
        for (const GeoPoint &p : g.points)
            poly.outer().push_back(plane.xy(p));
        bg::correct(poly); // closes the ring and orients it as Boost.Geometry expects
        return visit(poly);
    }
    case Geometry::Type::None:
        break;
    }
    return visit(XY{0, 0});
}

double distanceIn(const Plane &plane, const Geometry &a, const Geometry &b)
{
    return withShape(plane, a, [&](const auto &sa) {
        return withShape(plane, b, [&](const auto &sb) { return double(bg::distance(sa, sb)); });
    });
}

QString localTime(Timestamp t)
{
    return QLocale().toString(t.toDateTime().toLocalTime(), QStringLiteral("dd/MM HH:mm"));
}

TypeRule ruleFrom(const QJsonObject &o, TypeRule base)
{
    base.bufferMeters = o.value(QLatin1String("buffer_m")).toDouble(base.bufferMeters);
    base.marginBeforeMinutes =
        o.value(QLatin1String("margin_before_min")).toInteger(base.marginBeforeMinutes);
    base.marginAfterMinutes = o.value(QLatin1String("margin_after_min")).toInteger(base.marginAfterMinutes);
    return base;
}

std::pair<Timestamp, Timestamp> window(const PlannedEvent &e, const ClashRules &rules)
{
    const TypeRule r = rules.rule(e.type);
    return {Timestamp{e.start.msecs - r.marginBeforeMinutes * 60'000},
            Timestamp{e.end.msecs + r.marginAfterMinutes * 60'000}};
}

} // namespace

TypeRule ClashRules::rule(const QString &type) const
{
    if (auto it = types.find(type); it != types.end())
        return it->second;
    if (auto it = types.find(QStringLiteral("other")); it != types.end())
        return it->second;
    return {};
}

Result<ClashRules> ClashRules::fromJson(const QByteArray &json, const QString &source)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (!doc.isObject())
        return Error{QCoreApplication::translate("vigie::anticipation", "%1: not a JSON object (%2)")
                         .arg(source, error.errorString())};
    ClashRules rules;
    const QJsonObject types = doc.object().value(QLatin1String("types")).toObject();
    for (auto it = types.begin(); it != types.end(); ++it) {
        const TypeRule r = ruleFrom(it.value().toObject(), {});
        if (!(r.bufferMeters >= 0) || r.marginBeforeMinutes < 0 || r.marginAfterMinutes < 0)
            return Error{QCoreApplication::translate("vigie::anticipation",
                                                     "%1: types.%2: buffer_m and the margins must be >= 0")
                             .arg(source, it.key())};
        rules.types[it.key()] = r;
    }
    const QJsonObject access = doc.object().value(QLatin1String("access")).toObject();
    if (access.contains(QLatin1String("blocking_types"))) {
        rules.blockingTypes.clear();
        for (const QJsonValue &v : access.value(QLatin1String("blocking_types")).toArray())
            rules.blockingTypes.append(v.toString());
    }
    rules.coverMeters = access.value(QLatin1String("cover_m")).toDouble(rules.coverMeters);
    rules.siteRadiusMeters = access.value(QLatin1String("site_radius_m")).toDouble(rules.siteRadiusMeters);
    rules.probeRadiusMeters = access.value(QLatin1String("probe_radius_m")).toDouble(rules.probeRadiusMeters);
    rules.probeCount = access.value(QLatin1String("probe_count")).toInt(rules.probeCount);
    rules.slowdownRatio = access.value(QLatin1String("slowdown_ratio")).toDouble(rules.slowdownRatio);
    rules.slowdownMinSeconds =
        access.value(QLatin1String("slowdown_min_s")).toDouble(rules.slowdownMinSeconds);
    if (rules.probeCount < 1 || rules.probeCount > 360 || !(rules.probeRadiusMeters > 0) ||
        !(rules.coverMeters >= 0))
        return Error{QCoreApplication::translate(
                         "vigie::anticipation",
                         "%1: access: probe_count must be 1 to 360, probe_radius_m > 0, cover_m >= 0")
                         .arg(source)};
    return rules;
}

ClashRules ClashRules::defaults()
{
    QFile file(QStringLiteral(":/vigie/anticipation/clash_rules.json"));
    if (file.open(QIODevice::ReadOnly))
        if (auto r = fromJson(file.readAll(), file.fileName()))
            return *r;
    return {};
}

Result<ClashRules> ClashRules::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{QCoreApplication::translate("vigie::anticipation", "%1: cannot be read (%2)")
                         .arg(path, file.errorString())};
    return fromJson(file.readAll(), path);
}

double geometryDistanceMeters(const Geometry &a, const Geometry &b)
{
    const auto pa = a.anchor(), pb = b.anchor();
    if (!pa || !pb)
        return std::numeric_limits<double>::infinity();
    const Plane plane({(pa->lon + pb->lon) / 2, (pa->lat + pb->lat) / 2});
    return distanceIn(plane, a, b);
}

std::vector<Clash> findOverlaps(const std::vector<PlannedEvent> &events, const ClashRules &rules)
{
    std::vector<Clash> out;
    for (std::size_t i = 0; i < events.size(); ++i)
        for (std::size_t k = i + 1; k < events.size(); ++k) {
            const PlannedEvent &a = events[i], &b = events[k];
            const auto [aFrom, aTo] = window(a, rules);
            const auto [bFrom, bTo] = window(b, rules);
            if (aFrom > bTo || bFrom > aTo)
                continue;
            const double reach = rules.rule(a.type).bufferMeters + rules.rule(b.type).bufferMeters;
            const double d = geometryDistanceMeters(a.geo, b.geo);
            if (!(d <= reach))
                continue;
            Clash c;
            c.event = a.id;
            c.other = b.id;
            c.otherTitle = b.title;
            c.overlapStart = std::max(aFrom, bFrom);
            c.overlapEnd = std::min(aTo, bTo);
            c.distanceMeters = d;
            c.reason =
                tr("\"%1\" and \"%2\" at the same time (from %3 to %4, set-up and dispersal included) %5 m "
                   "apart, less than the %6 m they need between them")
                    .arg(a.title, b.title, localTime(c.overlapStart), localTime(c.overlapEnd))
                    .arg(qRound(d))
                    .arg(qRound(reach));
            out.push_back(std::move(c));
        }
    return out;
}

namespace {

/// The road network within `radius` of `centre`, nodes renumbered; `blocked` edges (original indices) left
/// out of `withoutBlocked` only. Both share the node list, so node numbers mean the same in either.
struct Clip
{
    routing::RoadNetwork all, withoutBlocked;
    std::size_t removed = 0;
};

Clip clip(const routing::RoadNetwork &network, GeoPoint centre, double radius,
          const std::unordered_set<std::size_t> &blocked)
{
    Clip c;
    std::vector<std::int64_t> index(network.nodes.size(), -1);
    const double dLat = radius / 111'000.0;
    const double dLon = dLat / std::cos(centre.lat * std::numbers::pi / 180.0);
    const GeoBox box{centre.lon - dLon, centre.lat - dLat, centre.lon + dLon, centre.lat + dLat};
    for (std::size_t n = 0; n < network.nodes.size(); ++n)
        if (box.contains(network.nodes[n])) {
            index[n] = std::int64_t(c.all.nodes.size());
            c.all.nodes.push_back(network.nodes[n]);
        }
    c.withoutBlocked.nodes = c.all.nodes;
    for (std::size_t e = 0; e < network.edges.size(); ++e) {
        routing::RoadEdge edge = network.edges[e];
        if (index[edge.from] < 0 || index[edge.to] < 0)
            continue;
        edge.from = std::uint32_t(index[edge.from]);
        edge.to = std::uint32_t(index[edge.to]);
        c.all.edges.push_back(edge);
        if (blocked.contains(e))
            ++c.removed;
        else
            c.withoutBlocked.edges.push_back(edge);
    }
    return c;
}

/// Seconds from the site to every node: from either end of its road segment, or, when the event closes that
/// segment, only from its nearer end (the closure is taken to lie beyond the site, the side it cannot pass).
std::vector<double> timesFromSite(const routing::RoadGraph &graph, const routing::Snap &site,
                                  bool ownRoadClosed)
{
    std::vector<double> best, other;
    if (ownRoadClosed) {
        graph.timesFromNode(site.fraction < 0.5 ? site.a : site.b, best);
        return best;
    }
    graph.timesFromNode(site.a, best);
    graph.timesFromNode(site.b, other);
    for (std::size_t i = 0; i < best.size(); ++i)
        best[i] = std::min(best[i], other[i]);
    return best;
}

bool segmentClosed(const Clip &c, const routing::Snap &site)
{
    auto has = [&](const routing::RoadNetwork &n) {
        return std::any_of(n.edges.begin(), n.edges.end(), [&](const routing::RoadEdge &e) {
            return (e.from == site.a && e.to == site.b) || (e.from == site.b && e.to == site.a);
        });
    };
    return has(c.all) && !has(c.withoutBlocked);
}

} // namespace

std::vector<Clash> findAccessBlocks(const std::vector<PlannedEvent> &events, const std::vector<Site> &sites,
                                    const routing::RoadNetwork &network, const ClashRules &rules)
{
    std::vector<Clash> out;
    if (network.empty())
        return out;
    for (const PlannedEvent &event : events) {
        if (!rules.blockingTypes.contains(event.type) || event.geo.isNull())
            continue;
        const auto anchor = event.geo.anchor();
        const auto bounds = event.geo.bounds();
        if (!anchor || !bounds)
            continue;
        const Plane plane(*anchor);
        // The edges the event covers: a bounding-box test first, then the distance to its geometry.
        const double pad = (rules.coverMeters + 50.0) / 111'000.0;
        const double padLon = pad / std::cos(anchor->lat * std::numbers::pi / 180.0);
        const GeoBox box{bounds->minLon - padLon, bounds->minLat - pad, bounds->maxLon + padLon,
                         bounds->maxLat + pad};
        std::unordered_set<std::size_t> blocked;
        withShape(plane, event.geo, [&](const auto &shape) {
            for (std::size_t e = 0; e < network.edges.size(); ++e) {
                const GeoPoint a = network.nodes[network.edges[e].from],
                               b = network.nodes[network.edges[e].to];
                if (!box.contains(a) && !box.contains(b))
                    continue;
                const Line segment{plane.xy(a), plane.xy(b)};
                if (bg::distance(segment, shape) <= rules.coverMeters)
                    blocked.insert(e);
            }
            return 0;
        });
        const auto [from, to] = window(event, rules);
        if (blocked.empty()) {
            // A closure or a route that covers no road is drawn off the streets (a wrong coordinate, a
            // route through the sea): said, since nothing about access can be concluded from it.
            Clash clash;
            clash.kind = Clash::Kind::OffNetwork;
            clash.event = event.id;
            clash.overlapStart = from;
            clash.overlapEnd = to;
            clash.reason =
                tr("\"%1\" covers no road of the network within %2 m: its place is not on a street, "
                   "so its effect on the access of fire stations and hospitals is not checked")
                    .arg(event.title)
                    .arg(qRound(rules.coverMeters));
            out.push_back(std::move(clash));
            continue;
        }
        for (const Site &site : sites) {
            if (geometryDistanceMeters(Geometry::point(site.position), event.geo) > rules.siteRadiusMeters)
                continue;
            const Clip c = clip(network, site.position, rules.probeRadiusMeters * 2.5, blocked);
            if (c.removed == 0)
                continue;
            auto before = routing::RoadGraph::build(c.all);
            auto after = routing::RoadGraph::build(c.withoutBlocked);
            if (!before || !after)
                continue;
            const auto siteSnap = (*before)->snap(site.position);
            if (!siteSnap)
                continue;
            const std::vector<double> t0 = timesFromSite(**before, *siteSnap, false);
            const std::vector<double> t1 = timesFromSite(**after, *siteSnap, segmentClosed(c, *siteSnap));
            int reachable = 0, lost = 0;
            double worstExtra = 0.0, worstRatio = 0.0;
            std::unordered_set<std::uint32_t> probed;
            for (int p = 0; p < rules.probeCount; ++p) {
                const double bearing = 2 * std::numbers::pi * p / rules.probeCount;
                const GeoPoint probe{
                    site.position.lon + rules.probeRadiusMeters * std::sin(bearing) / plane.kx,
                    site.position.lat + rules.probeRadiusMeters * std::cos(bearing) / plane.ky};
                const auto snap = (*before)->snap(probe);
                if (!snap || snap->snapMeters > 300.0 || !probed.insert(snap->a).second)
                    continue; // at sea, or a point already probed
                const double a = t0[snap->a], b = t1[snap->a];
                if (!std::isfinite(a))
                    continue;
                ++reachable;
                if (!std::isfinite(b)) {
                    ++lost;
                    continue;
                }
                if (b - a > worstExtra) {
                    worstExtra = b - a;
                    worstRatio = a > 0 ? (b - a) / a : 0.0;
                }
            }
            if (reachable == 0)
                continue;
            Clash clash;
            clash.event = event.id;
            clash.other = site.id;
            clash.otherTitle = site.name;
            clash.overlapStart = from;
            clash.overlapEnd = to;
            clash.distanceMeters = geometryDistanceMeters(Geometry::point(site.position), event.geo);
            const QString what =
                site.kind == QLatin1String("hospital") ? tr("the hospital") : tr("the fire station");
            if (lost == reachable) {
                clash.kind = Clash::Kind::AccessCut;
                clash.reason =
                    tr("\"%1\" cuts %2 \"%3\" off the road network from %4 to %5: none of the %6 points "
                       "%7 m around can be reached any more")
                        .arg(event.title, what, site.name, localTime(from), localTime(to))
                        .arg(reachable)
                        .arg(qRound(rules.probeRadiusMeters));
            } else if (lost > 0) {
                clash.kind = Clash::Kind::AccessCut;
                clash.reason = tr("\"%1\" cuts %2 \"%3\" off %4 of the %5 points %6 m around from %7 to %8")
                                   .arg(event.title, what, site.name)
                                   .arg(lost)
                                   .arg(reachable)
                                   .arg(qRound(rules.probeRadiusMeters))
                                   .arg(localTime(from), localTime(to));
            } else if (worstExtra >= rules.slowdownMinSeconds && worstRatio > rules.slowdownRatio) {
                clash.kind = Clash::Kind::AccessSlowed;
                clash.extraSeconds = worstExtra;
                clash.extraRatio = worstRatio;
                clash.reason = tr("\"%1\" lengthens the trips out of %2 \"%3\" by %4 s (+%5 %) from %6 to %7")
                                   .arg(event.title, what, site.name)
                                   .arg(qRound(worstExtra))
                                   .arg(qRound(100 * worstRatio))
                                   .arg(localTime(from), localTime(to));
            } else
                continue;
            out.push_back(std::move(clash));
        }
    }
    return out;
}

std::vector<Clash> findClashes(const std::map<QString, PlannedEvent> &calendar, const ClashRules &rules,
                               const std::vector<Site> &sites, const routing::RoadNetwork *network)
{
    std::vector<PlannedEvent> events;
    events.reserve(calendar.size());
    for (const auto &[id, e] : calendar)
        events.push_back(e);
    std::stable_sort(events.begin(), events.end(),
                     [](const PlannedEvent &a, const PlannedEvent &b) { return a.start < b.start; });
    std::vector<Clash> out = findOverlaps(events, rules);
    if (network && !sites.empty()) {
        std::vector<Clash> access = findAccessBlocks(events, sites, *network, rules);
        out.insert(out.end(), std::make_move_iterator(access.begin()), std::make_move_iterator(access.end()));
    }
    return out;
}

Result<std::vector<Site>> sitesFromGeoJson(const QByteArray &json, const QString &source,
                                           const QString &defaultKind)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (!doc.isObject())
        return Error{QCoreApplication::translate("vigie::anticipation", "%1: not a GeoJSON object (%2)")
                         .arg(source, error.errorString())};
    std::vector<Site> sites;
    const QJsonArray features = doc.object().value(QLatin1String("features")).toArray();
    for (qsizetype i = 0; i < features.size(); ++i) {
        const QJsonObject f = features.at(i).toObject();
        auto geo = geometryFromGeoJson(f.value(QLatin1String("geometry")).toObject());
        const auto at = geo ? geo->anchor() : std::nullopt;
        if (!at)
            return Error{QCoreApplication::translate("vigie::anticipation", "%1: features[%2]: %3")
                             .arg(source)
                             .arg(i)
                             .arg(geo ? QStringLiteral("no geometry") : geo.error().message)};
        const QJsonObject props = f.value(QLatin1String("properties")).toObject();
        Site s;
        s.id = props.value(QLatin1String("id")).toString();
        s.name = props.value(QLatin1String("name")).toString(s.id);
        s.kind = props.value(QLatin1String("kind")).toString(defaultKind);
        s.position = *at;
        // Two features at one place (a headquarters and its station) are one site for access.
        if (std::none_of(sites.begin(), sites.end(), [&](const Site &o) { return o.position == s.position; }))
            sites.push_back(std::move(s));
    }
    return sites;
}

std::vector<Site> marseilleSites()
{
    std::vector<Site> all;
    for (const auto &[name, kind] :
         {std::pair{"fire_stations", "fire_station"}, std::pair{"hospitals", "hospital"}}) {
        QFile file(QStringLiteral(":/vigie/marseille/%1.geojson").arg(QLatin1String(name)));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        if (auto sites = sitesFromGeoJson(file.readAll(), file.fileName(), QLatin1String(kind)))
            all.insert(all.end(), sites->begin(), sites->end());
    }
    return all;
}

} // namespace vigie::anticipation
