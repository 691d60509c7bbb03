// The only translation unit that includes libosmium: it is header-only and heavy to compile.
#include "routing/osm_roads.h"

#include <QFileInfo>

#include <osmium/handler.hpp>
#include <osmium/handler/node_locations_for_ways.hpp>
#include <osmium/index/map/flex_mem.hpp>
#include <osmium/io/pbf_input.hpp>
#include <osmium/osm/way.hpp>
#include <osmium/visitor.hpp>

#include <cstring>
#include <limits>
#include <unordered_map>

namespace vigie::routing {

namespace {

std::optional<RoadClass> classOf(const char *highway)
{
    static const std::pair<const char *, RoadClass> table[] = {
        {"motorway", RoadClass::Motorway},
        {"motorway_link", RoadClass::Motorway},
        {"trunk", RoadClass::Trunk},
        {"trunk_link", RoadClass::Trunk},
        {"primary", RoadClass::Primary},
        {"primary_link", RoadClass::Primary},
        {"secondary", RoadClass::Secondary},
        {"secondary_link", RoadClass::Secondary},
        {"tertiary", RoadClass::Tertiary},
        {"tertiary_link", RoadClass::Tertiary},
        {"unclassified", RoadClass::Unclassified},
        {"residential", RoadClass::Residential},
        {"living_street", RoadClass::LivingStreet},
        {"service", RoadClass::Service},
    };
    for (const auto &[name, c] : table)
        if (std::strcmp(highway, name) == 0)
            return c;
    return std::nullopt;
}

/// Direction of travel: 1 forward only, -1 backward only, 0 both ways.
int onewayOf(const osmium::TagList &tags, RoadClass c)
{
    const char *oneway = tags.get_value_by_key("oneway");
    if (oneway) {
        if (!std::strcmp(oneway, "yes") || !std::strcmp(oneway, "1") || !std::strcmp(oneway, "true"))
            return 1;
        if (!std::strcmp(oneway, "-1") || !std::strcmp(oneway, "reverse"))
            return -1;
        if (!std::strcmp(oneway, "no"))
            return 0;
    }
    const char *junction = tags.get_value_by_key("junction");
    if (junction && (!std::strcmp(junction, "roundabout") || !std::strcmp(junction, "circular")))
        return 1;
    return c == RoadClass::Motorway ? 1 : 0;
}

std::uint8_t maxspeedOf(const osmium::TagList &tags)
{
    const char *v = tags.get_value_by_key("maxspeed");
    if (!v)
        return 0;
    char *end = nullptr;
    const long kmh = std::strtol(v, &end, 10);
    if (end == v || kmh <= 0 || kmh > 250)
        return 0; // "FR:urban", "walk", "none": the class speed is a better guess
    const bool mph = std::strstr(end, "mph") != nullptr;
    return std::uint8_t(mph ? std::lround(kmh * 1.609) : kmh);
}

class RoadCollector : public osmium::handler::Handler
{
public:
    RoadCollector(RoadNetwork &net, RoadImportStats &stats, std::optional<GeoBox> bbox)
        : m_net(net), m_stats(stats), m_bbox(bbox)
    {}

    void way(const osmium::Way &way)
    {
        const char *highway = way.tags().get_value_by_key("highway");
        if (!highway)
            return;
        const auto cls = classOf(highway);
        if (!cls)
            return;
        const char *area = way.tags().get_value_by_key("area");
        if (area && !std::strcmp(area, "yes"))
            return;
        const int dir = onewayOf(way.tags(), *cls);
        const std::uint8_t maxspeed = maxspeedOf(way.tags());
        bool kept = false;
        constexpr std::uint32_t none = std::numeric_limits<std::uint32_t>::max();
        std::uint32_t prev = none;
        GeoPoint prevPoint;
        for (const osmium::NodeRef &ref : way.nodes()) {
            if (!ref.location().valid()) {
                ++m_stats.missingNodes;
                prev = none;
                continue;
            }
            const GeoPoint p{ref.location().lon(), ref.location().lat()};
            if (m_bbox && !m_bbox->contains(p)) {
                prev = none;
                continue;
            }
            const std::uint32_t id = nodeIndex(ref.ref(), p);
            if (prev != none && prev != id) {
                const float metres = float(distanceMeters(prevPoint, p));
                if (dir >= 0)
                    m_net.edges.push_back({prev, id, metres, *cls, maxspeed});
                if (dir <= 0)
                    m_net.edges.push_back({id, prev, metres, *cls, maxspeed});
                m_stats.kilometres += metres / 1000.0 * (dir == 0 ? 2 : 1);
                kept = true;
            }
            prev = id;
            prevPoint = p;
        }
        if (kept) {
            ++m_stats.ways;
            if (dir != 0)
                ++m_stats.oneWay;
        }
    }

private:
    std::uint32_t nodeIndex(osmium::object_id_type osmId, GeoPoint p)
    {
        const auto [it, inserted] = m_index.try_emplace(osmId, std::uint32_t(m_net.nodes.size()));
        if (inserted)
            m_net.nodes.push_back(p);
        return it->second;
    }

    RoadNetwork &m_net;
    RoadImportStats &m_stats;
    std::optional<GeoBox> m_bbox;
    std::unordered_map<osmium::object_id_type, std::uint32_t> m_index;
};

} // namespace

Result<RoadNetwork> readRoadNetwork(const QString &pbf, std::optional<GeoBox> bbox, RoadImportStats *statsOut,
                                    const ImportProgress &progress)
{
    const QFileInfo info(pbf);
    if (!info.isFile())
        return Error{QStringLiteral("%1 does not exist or is not a file; give an .osm.pbf extract").arg(pbf)};
    RoadNetwork net;
    RoadImportStats stats;
    try {
        using Index = osmium::index::map::FlexMem<osmium::unsigned_object_id_type, osmium::Location>;
        Index index;
        osmium::handler::NodeLocationsForWays<Index> locations(index);
        locations.ignore_errors(); // ways cut at the extract's border: counted as missing nodes instead
        RoadCollector collector(net, stats, bbox);
        osmium::io::Reader reader(osmium::io::File(pbf.toStdString(), "pbf"),
                                  osmium::osm_entity_bits::node | osmium::osm_entity_bits::way);
        const double size = double(std::max<qint64>(1, reader.file_size()));
        while (osmium::memory::Buffer buffer = reader.read()) {
            osmium::apply(buffer, locations, collector);
            if (progress)
                progress(std::min(1.0, double(reader.offset()) / size));
        }
        reader.close();
    } catch (const std::exception &e) {
        return Error{
            QStringLiteral("cannot read the OSM extract %1: %2").arg(pbf, QString::fromUtf8(e.what()))};
    }
    if (net.edges.empty())
        return Error{QStringLiteral("%1 has no drivable road%2; check the file and the --bbox")
                         .arg(pbf, bbox ? QStringLiteral(" inside the bounding box") : QString())};
    stats.nodes = qint64(net.nodes.size());
    stats.edges = qint64(net.edges.size());
    if (statsOut)
        *statsOut = stats;
    return net;
}

Result<RoadImportStats> importRoadNetwork(const QString &pbf, std::optional<GeoBox> bbox,
                                          const QString &outDir, const ImportProgress &progress)
{
    RoadImportStats stats;
    auto net = readRoadNetwork(pbf, bbox, &stats, progress);
    if (!net)
        return net.error();
    if (auto saved = saveRoadNetwork(*net, outDir); !saved)
        return saved.error();
    return stats;
}

} // namespace vigie::routing
