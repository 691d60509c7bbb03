// Rule 2 of the clash check on a real network (Monaco, from the shared OSM extracts; skipped when absent): a
// closure across the only street out of a place cuts a station there off; one on a street with a detour does
// not.
#include "anticipation/clash.h"
#include "routing/osm_roads.h"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <set>

using namespace vigie;
using namespace vigie::anticipation;
using namespace vigie::routing;

namespace {

const RoadNetwork &monaco()
{
    static const RoadNetwork net = [] {
        auto r =
            readRoadNetwork(QStringLiteral(VIGIE_SHARED_DATA "/osm/monaco/monaco.osm.pbf"), std::nullopt);
        return r ? std::move(*r) : RoadNetwork{};
    }();
    return net;
}

/// Undirected neighbours of every node, and the two-way edges' lengths.
struct Topology
{
    std::map<std::uint32_t, std::set<std::uint32_t>> neighbours;
    std::map<std::pair<std::uint32_t, std::uint32_t>, double> twoWay; ///< (min, max) → metres
};

Topology topology(const RoadNetwork &n)
{
    Topology t;
    std::set<std::pair<std::uint32_t, std::uint32_t>> directed;
    for (const RoadEdge &e : n.edges) {
        t.neighbours[e.from].insert(e.to);
        t.neighbours[e.to].insert(e.from);
        directed.insert({e.from, e.to});
    }
    for (const RoadEdge &e : n.edges)
        if (e.from < e.to && directed.contains({e.to, e.from}))
            t.twoWay[{e.from, e.to}] = e.meters;
    return t;
}

/// A 20 m line across the middle of the segment a–b.
Geometry across(GeoPoint a, GeoPoint b)
{
    const GeoPoint mid{(a.lon + b.lon) / 2, (a.lat + b.lat) / 2};
    const double kx = std::cos(mid.lat * 3.14159265358979323846 / 180.0);
    double dx = (b.lon - a.lon) * kx, dy = b.lat - a.lat;
    const double len = std::hypot(dx, dy);
    dx /= len;
    dy /= len;
    const double half = 10.0 / 111195.0; // 10 m each side
    return Geometry::lineString(
        {{mid.lon - dy * half / kx, mid.lat + dx * half}, {mid.lon + dy * half / kx, mid.lat - dx * half}});
}

PlannedEvent closure(const QString &id, Geometry geo)
{
    PlannedEvent e;
    e.id = id;
    e.title = id;
    e.type = QStringLiteral("closure");
    e.start = *Timestamp::parseIso(QStringLiteral("2026-11-08T08:00:00+01:00"));
    e.end = *Timestamp::parseIso(QStringLiteral("2026-11-08T14:00:00+01:00"));
    e.geo = std::move(geo);
    return e;
}

ClashRules monacoRules()
{
    ClashRules r = ClashRules::defaults();
    r.probeRadiusMeters = 500.0; // Monaco is 3 km long
    r.siteRadiusMeters = 600.0;
    return r;
}

} // namespace

TEST(Access, ClosureAcrossTheOnlyStreetOutCutsTheStationOff)
{
    if (monaco().empty())
        GTEST_SKIP() << "Monaco extract not found under ../shared/data/osm/monaco";
    const RoadNetwork &n = monaco();
    const Topology t = topology(n);
    // A dead end at the end of a two-way street of 60 m or more, off a junction: the only way out.
    int tried = 0, cut = 0;
    for (const auto &[node, next] : t.neighbours) {
        if (next.size() != 1 || tried >= 5)
            continue;
        const std::uint32_t other = *next.begin();
        const auto edge = t.twoWay.find({std::min(node, other), std::max(node, other)});
        if (edge == t.twoWay.end() || edge->second < 60.0 || t.neighbours.at(other).size() < 3)
            continue;
        ++tried;
        const Site station{QStringLiteral("caserne-test"), QStringLiteral("Caserne d'essai"),
                           QStringLiteral("fire_station"), n.nodes[node]};
        const auto clashes =
            findAccessBlocks({closure(QStringLiteral("impasse"), across(n.nodes[node], n.nodes[other]))},
                             {station}, n, monacoRules());
        ASSERT_LE(clashes.size(), 1u);
        if (clashes.size() == 1 && clashes.front().kind == Clash::Kind::AccessCut) {
            ++cut;
            EXPECT_EQ(clashes.front().other, QStringLiteral("caserne-test"));
            EXPECT_TRUE(clashes.front().reason.contains(QStringLiteral("cuts")))
                << clashes.front().reason.toStdString();
        }
    }
    ASSERT_GT(tried, 0) << "no dead end found in the Monaco network";
    EXPECT_EQ(cut, tried);
}

TEST(Access, ClosureOnAStreetWithADetourDoesNotCutTheStationOff)
{
    if (monaco().empty())
        GTEST_SKIP() << "Monaco extract not found under ../shared/data/osm/monaco";
    const RoadNetwork &n = monaco();
    const Topology t = topology(n);
    // A two-way street of 40 m or more between two junctions, with another way from one end to the other
    // (a breadth-first search over the directed edges, without this one).
    std::map<std::uint32_t, std::vector<std::uint32_t>> out;
    for (const RoadEdge &e : n.edges)
        out[e.from].push_back(e.to);
    auto detour = [&out](std::uint32_t a, std::uint32_t b) {
        std::set<std::uint32_t> seen{a};
        std::vector<std::uint32_t> queue{a};
        for (std::size_t i = 0; i < queue.size(); ++i)
            for (const std::uint32_t next : out[queue[i]])
                if (!(queue[i] == a && next == b) && seen.insert(next).second)
                    queue.push_back(next);
        return seen.contains(b);
    };
    int tried = 0;
    for (const auto &[ends, metres] : t.twoWay) {
        if (tried >= 5)
            break;
        const auto [a, b] = ends;
        if (metres < 40.0 || t.neighbours.at(a).size() < 3 || t.neighbours.at(b).size() < 3 || !detour(a, b))
            continue;
        ++tried;
        const Site station{QStringLiteral("caserne-test"), QStringLiteral("Caserne d'essai"),
                           QStringLiteral("fire_station"), n.nodes[a]};
        const auto clashes = findAccessBlocks(
            {closure(QStringLiteral("rue"), across(n.nodes[a], n.nodes[b]))}, {station}, n, monacoRules());
        for (const Clash &c : clashes)
            EXPECT_NE(c.kind, Clash::Kind::AccessCut) << c.reason.toStdString();
    }
    ASSERT_GT(tried, 0);
}

TEST(Access, EventsOfOtherTypesOrFarAwayAreNotChecked)
{
    if (monaco().empty())
        GTEST_SKIP() << "Monaco extract not found under ../shared/data/osm/monaco";
    const RoadNetwork &n = monaco();
    const Site station{QStringLiteral("s"), QStringLiteral("S"), QStringLiteral("hospital"),
                       n.nodes[n.edges[0].from]};
    PlannedEvent concert = closure(QStringLiteral("c"), Geometry::point(n.nodes[n.edges[0].from]));
    concert.type = QStringLiteral("concert");
    EXPECT_TRUE(findAccessBlocks({concert}, {station}, n, monacoRules()).empty());
    const Site marseille{
        QStringLiteral("m"), QStringLiteral("M"), QStringLiteral("hospital"), {5.40206, 43.29197}};
    EXPECT_TRUE(findAccessBlocks({closure(QStringLiteral("x"), Geometry::point(n.nodes[n.edges[0].from]))},
                                 {marseille}, n, monacoRules())
                    .empty());
}

// A closure drawn off the streets (here 2 km out at sea off Monaco) covers no road: the check says so instead
// of finding nothing.
TEST(Access, AClosureThatTouchesNoRoadIsSaidNotIgnored)
{
    if (monaco().empty())
        GTEST_SKIP() << "Monaco extract not found under ../shared/data/osm/monaco";
    const RoadNetwork &n = monaco();
    const Site station{QStringLiteral("s"), QStringLiteral("S"), QStringLiteral("fire_station"),
                       n.nodes[n.edges[0].from]};
    const auto clashes = findAccessBlocks({closure(QStringLiteral("mer"), Geometry::point({7.43, 43.71}))},
                                          {station}, n, monacoRules());
    ASSERT_EQ(clashes.size(), 1u);
    EXPECT_EQ(clashes[0].kind, Clash::Kind::OffNetwork);
    EXPECT_EQ(clashes[0].event, QStringLiteral("mer"));
    EXPECT_TRUE(clashes[0].reason.contains(QStringLiteral("covers no road")))
        << clashes[0].reason.toStdString();
}
