#include "maps/osm_features.h"

#include "maps/web_mercator.h"

#include <osmium/area/assembler.hpp>
#include <osmium/area/multipolygon_manager.hpp>
#include <osmium/handler.hpp>
#include <osmium/handler/node_locations_for_ways.hpp>
#include <osmium/index/map/flex_mem.hpp>
#include <osmium/io/any_input.hpp>
#include <osmium/relations/manager_util.hpp>
#include <osmium/visitor.hpp>

#include <QFileInfo>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>

namespace vigie::maps {

namespace {

QPointF world(const osmium::Location &l)
{
    return project({l.lon(), l.lat()}, 0);
}

int roadRank(const char *h)
{
    static const std::pair<const char *, int> ranks[] = {
        {"motorway", 0},      {"trunk", 0},         {"motorway_link", 0}, {"trunk_link", 0},
        {"primary", 1},       {"primary_link", 1},  {"secondary", 2},     {"secondary_link", 2},
        {"tertiary", 3},      {"tertiary_link", 3}, {"residential", 4},   {"unclassified", 4},
        {"living_street", 4}, {"pedestrian", 5},    {"service", 5},       {"footway", 6},
        {"path", 6},          {"steps", 6},         {"cycleway", 6},      {"track", 6},
    };
    for (const auto &[name, rank] : ranks)
        if (std::strcmp(h, name) == 0)
            return rank;
    return -1;
}

std::optional<AreaKind> areaKind(const osmium::TagList &tags)
{
    const char *natural = tags["natural"];
    const char *landuse = tags["landuse"];
    const char *leisure = tags["leisure"];
    auto is = [](const char *v, std::initializer_list<const char *> any) {
        if (!v)
            return false;
        for (const char *a : any)
            if (std::strcmp(v, a) == 0)
                return true;
        return false;
    };
    if (is(natural, {"water", "bay"}) || is(tags["waterway"], {"riverbank"}) ||
        is(landuse, {"reservoir", "basin"}))
        return AreaKind::Water;
    if (is(landuse, {"forest"}) || is(natural, {"wood", "scrub"}))
        return AreaKind::Forest;
    if (is(leisure, {"park", "garden", "pitch", "golf_course"}) ||
        is(landuse, {"grass", "meadow", "recreation_ground", "cemetery", "village_green"}))
        return AreaKind::Park;
    if (tags["building"])
        return AreaKind::Building;
    return std::nullopt;
}

struct Chain
{
    std::vector<osmium::object_id_type> ids;
    QPolygonF points;
};

class Collector : public osmium::handler::Handler
{
public:
    OsmFeatures *out;
    std::vector<Chain> coast;

    void node(const osmium::Node &n)
    {
        const char *place = n.tags()["place"];
        const char *name = n.tags()["name"];
        if (!place || !name || !n.location().valid())
            return;
        int rank = -1;
        if (!std::strcmp(place, "city") || !std::strcmp(place, "town"))
            rank = 0;
        else if (!std::strcmp(place, "suburb") || !std::strcmp(place, "village"))
            rank = 1;
        else if (!std::strcmp(place, "quarter") || !std::strcmp(place, "neighbourhood"))
            rank = 2;
        if (rank >= 0)
            out->places.push_back({world(n.location()), QString::fromUtf8(name), rank});
    }

    void way(const osmium::Way &w)
    {
        const auto &tags = w.tags();
        const char *natural = tags["natural"];
        const char *highway = tags["highway"];
        const bool coastline = natural && !std::strcmp(natural, "coastline");
        const int rank = highway ? roadRank(highway) : -1;
        if (!coastline && rank < 0)
            return;
        Chain c;
        for (const auto &nr : w.nodes())
            if (nr.location().valid()) {
                c.ids.push_back(nr.ref());
                c.points << world(nr.location());
            }
        if (c.points.size() < 2)
            return;
        if (coastline) {
            coast.push_back(std::move(c));
            return;
        }
        const char *name = tags["name"];
        out->roads.push_back(
            {rank, c.points, c.points.boundingRect(), name ? QString::fromUtf8(name) : QString()});
    }

    void area(const osmium::Area &a)
    {
        const auto kind = areaKind(a.tags());
        if (!kind)
            return;
        OsmArea area{*kind, {}, {}};
        for (const auto &outer : a.outer_rings()) {
            QPolygonF ring;
            for (const auto &nr : outer)
                ring << world(nr.location());
            area.rings.push_back(ring);
            for (const auto &inner : a.inner_rings(outer)) {
                QPolygonF hole;
                for (const auto &nr : inner)
                    hole << world(nr.location());
                area.rings.push_back(hole);
            }
        }
        if (area.rings.empty())
            return;
        for (const auto &r : area.rings)
            area.bounds |= r.boundingRect();
        out->areas.push_back(std::move(area));
    }
};

/// Joins coastline ways that share end nodes: OSM splits one coast into many ways, all with land on the left.
std::vector<Chain> mergeChains(std::vector<Chain> chains)
{
    bool merged = true;
    while (merged) {
        merged = false;
        std::map<osmium::object_id_type, std::size_t> byFirst;
        for (std::size_t i = 0; i < chains.size(); ++i)
            if (chains[i].ids.front() != chains[i].ids.back())
                byFirst[chains[i].ids.front()] = i;
        for (std::size_t i = 0; i < chains.size(); ++i) {
            auto &c = chains[i];
            if (c.ids.empty() || c.ids.front() == c.ids.back())
                continue;
            auto it = byFirst.find(c.ids.back());
            if (it == byFirst.end() || it->second == i || chains[it->second].ids.empty())
                continue;
            auto &next = chains[it->second];
            c.ids.insert(c.ids.end(), next.ids.begin() + 1, next.ids.end());
            c.points += next.points.mid(1);
            next.ids.clear();
            merged = true;
            break;
        }
        std::erase_if(chains, [](const Chain &c) { return c.ids.empty(); });
    }
    return chains;
}

/// Closes an open coastline along the box on its right-hand (sea) side: walking the box's edge clockwise
/// from the chain's end back to its start encloses the water. Written here because libosmium assembles
/// areas but not land/sea polygons (osmcoastline is a separate tool that is not packaged for Debian 12).
QPolygonF closeAlongBox(const QPolygonF &chain, const QRectF &box)
{
    const double w = box.width(), h = box.height();
    auto param = [&](QPointF p) {
        p.setX(std::clamp(p.x(), box.left(), box.right()));
        p.setY(std::clamp(p.y(), box.top(), box.bottom()));
        const double dTop = p.y() - box.top(), dRight = box.right() - p.x(), dBottom = box.bottom() - p.y(),
                     dLeft = p.x() - box.left();
        const double m = std::min({dTop, dRight, dBottom, dLeft});
        if (m == dTop)
            return p.x() - box.left();
        if (m == dRight)
            return w + p.y() - box.top();
        if (m == dBottom)
            return w + h + box.right() - p.x();
        return 2 * w + h + box.bottom() - p.y();
    };
    auto at = [&](double t) {
        t = std::fmod(t, 2 * (w + h));
        if (t <= w)
            return QPointF(box.left() + t, box.top());
        if (t <= w + h)
            return QPointF(box.right(), box.top() + t - w);
        if (t <= 2 * w + h)
            return QPointF(box.right() - (t - w - h), box.bottom());
        return QPointF(box.left(), box.bottom() - (t - 2 * w - h));
    };
    QPolygonF poly = chain;
    const double te = param(chain.back());
    double ts = param(chain.front());
    if (ts < te)
        ts += 2 * (w + h);
    poly << at(te);
    const double corners[] = {
        w, w + h, 2 * w + h, 2 * w + 2 * h, 3 * w + 2 * h, 3 * w + 3 * h, 4 * w + 3 * h};
    for (double c : corners)
        if (c > te && c < ts)
            poly << at(c);
    poly << at(ts);
    return poly;
}

} // namespace

Result<OsmFeatures> readOsmFeatures(const QString &path, std::optional<GeoBox> bbox)
{
    if (!QFileInfo::exists(path))
        return Error{QStringLiteral("%1: no such file. Give an OpenStreetMap extract (.osm.pbf).").arg(path)};
    OsmFeatures features;
    try {
        const osmium::io::File file{path.toStdString()};
        osmium::area::Assembler::config_type config;
        osmium::area::MultipolygonManager<osmium::area::Assembler> manager{config};
        osmium::relations::read_relations(file, manager);

        using Index = osmium::index::map::FlexMem<osmium::unsigned_object_id_type, osmium::Location>;
        Index index;
        osmium::handler::NodeLocationsForWays<Index> locations{index};
        locations.ignore_errors(); // extracts cut ways at their border: missing nodes are expected
        Collector collector;
        collector.out = &features;
        osmium::io::Reader reader{file, osmium::osm_entity_bits::node | osmium::osm_entity_bits::way};
        const osmium::Box header = reader.header().box();
        osmium::apply(reader, locations, collector,
                      manager.handler([&collector](osmium::memory::Buffer &&buffer) {
                          osmium::apply(buffer, collector);
                      }));
        reader.close();

        if (bbox)
            features.box = *bbox;
        else if (header.valid())
            features.box = {header.bottom_left().lon(), header.bottom_left().lat(), header.top_right().lon(),
                            header.top_right().lat()};
        else {
            QRectF all;
            for (const auto &r : features.roads)
                all |= r.bounds;
            const GeoPoint nw = unproject(all.topLeft(), 0), se = unproject(all.bottomRight(), 0);
            features.box = {nw.lon, se.lat, se.lon, nw.lat};
        }
        const QRectF box(project({features.box.minLon, features.box.maxLat}, 0),
                         project({features.box.maxLon, features.box.minLat}, 0));
        for (auto &c : mergeChains(std::move(collector.coast))) {
            if (c.ids.front() == c.ids.back())
                features.islands.push_back(c.points);
            else
                features.sea.push_back(closeAlongBox(c.points, box));
        }
        std::erase_if(features.roads, [&](const OsmRoad &r) { return !r.bounds.intersects(box); });
        std::erase_if(features.areas, [&](const OsmArea &a) { return !a.bounds.intersects(box); });
    } catch (const std::exception &e) {
        return Error{
            QStringLiteral("%1: cannot read OpenStreetMap data (%2). Check that it is a complete .osm.pbf "
                           "file, e.g. with `osmium fileinfo`.")
                .arg(path, QString::fromUtf8(e.what()))};
    }
    return features;
}

} // namespace vigie::maps
