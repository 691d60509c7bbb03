#include "routing/contraction_hierarchy.h"
#include "routing/osm_roads.h"
#include "routing/travel_times.h"

#include <QFileInfo>
#include <QTemporaryDir>

// Boost 1.74's Bellman-Ford trips GCC 12's -Wmaybe-uninitialized inside Boost's own edge iterators.
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/bellman_ford_shortest_paths.hpp>

#include <gtest/gtest.h>

#include <random>

using namespace vigie;
using namespace vigie::routing;

namespace {

QString osm(const char *rel)
{
    return QStringLiteral(VIGIE_SHARED_DATA "/osm/") + QLatin1String(rel);
}

/// A 3-node street: 0 ↔ 1 two-way, 1 → 2 one-way, 100 m apart along a meridian-free east line.
RoadNetwork tinyNetwork()
{
    RoadNetwork n;
    n.nodes = {{5.0, 43.0}, {5.001, 43.0}, {5.002, 43.0}};
    const float d = float(distanceMeters(n.nodes[0], n.nodes[1]));
    n.edges = {{0, 1, d, RoadClass::Residential, 0},
               {1, 0, d, RoadClass::Residential, 0},
               {1, 2, d, RoadClass::Residential, 0}};
    return n;
}

const RoadNetwork &monaco()
{
    static const RoadNetwork net = [] {
        auto r = readRoadNetwork(osm("monaco/monaco.osm.pbf"), std::nullopt);
        return r ? std::move(*r) : RoadNetwork{};
    }();
    return net;
}

} // namespace

TEST(RoadNetwork, SaveLoadRoundTripAndDamage)
{
    QTemporaryDir dir;
    const RoadNetwork n = tinyNetwork();
    ASSERT_TRUE(saveRoadNetwork(n, dir.path()).ok());
    auto back = loadRoadNetwork(dir.path());
    ASSERT_TRUE(back.ok()) << back.error().message.toStdString();
    ASSERT_EQ(back->edges.size(), 3u);
    EXPECT_NEAR(back->nodes[2].lon, 5.002, 1e-7);
    EXPECT_EQ(back->edges[2].from, 1u);
    EXPECT_FLOAT_EQ(back->edges[2].meters, n.edges[2].meters);

    QFile f(roadFilePath(dir.path()));
    ASSERT_TRUE(f.resize(f.size() - 3));
    auto damaged = loadRoadNetwork(dir.path());
    ASSERT_FALSE(damaged.ok());
    EXPECT_TRUE(damaged.error().message.contains(QStringLiteral("truncated")));
    auto missing = loadRoadNetwork(dir.path() + QStringLiteral("/nowhere"));
    ASSERT_FALSE(missing.ok());
    EXPECT_TRUE(missing.error().message.contains(QStringLiteral("import-roads")));
}

TEST(RoadGraph, OneWayIsRespected)
{
    auto g = RoadGraph::build(tinyNetwork());
    ASSERT_TRUE(g.ok());
    std::vector<double> t;
    (*g)->timesFromNode(0, t);
    EXPECT_TRUE(std::isfinite(t[2]));
    (*g)->timesFromNode(2, t);
    EXPECT_FALSE(std::isfinite(t[0])) << "2 → 1 is against the one-way";
    // Residential 30 km/h × 1.2 emergency factor = 10 m/s.
    (*g)->timesFromNode(0, t);
    EXPECT_NEAR(t[1], tinyNetwork().edges[0].meters / 10.0, 1e-3);
}

TEST(RoadGraph, SnapReportsDistanceAndMatrixMatchesRoute)
{
    auto g = RoadGraph::build(tinyNetwork());
    ASSERT_TRUE(g.ok());
    auto s = (*g)->snap({5.0005, 43.0009}); // ~100 m north of the middle of the first segment
    ASSERT_TRUE(s.has_value());
    EXPECT_NEAR(s->fraction, 0.5, 1e-6);
    EXPECT_NEAR(s->snapMeters, 100.0, 1.0);
    const std::vector<GeoPoint> from{{5.0005, 43.0}}, to{{5.0015, 43.0}, {5.0005, 43.0}};
    const TravelMatrix m = travelMatrix(g->get(), from, to);
    EXPECT_FALSE(m.anyApproximate());
    const double d = tinyNetwork().edges[0].meters;
    EXPECT_NEAR(m.at(0, 0).seconds, d / 10.0, 1e-3);
    EXPECT_NEAR(m.at(0, 0).meters, d, 1e-3);
    EXPECT_NEAR(m.at(0, 1).seconds, 0.0, 1e-9);
    // Back from the one-way part is impossible.
    const TravelMatrix back = travelMatrix(g->get(), std::vector<GeoPoint>{{5.0015, 43.0}}, from);
    EXPECT_FALSE(std::isfinite(back.at(0, 0).seconds));
    const Route r = (*g)->route(*(*g)->snap(from[0]), *(*g)->snap(to[0]));
    EXPECT_NEAR(r.seconds, m.at(0, 0).seconds, 1e-6);
    EXPECT_EQ(r.polyline.size(), 3u);
}

TEST(TravelTimes, FallbackWithoutRoadsIsStated)
{
    const std::vector<GeoPoint> from{{5.37, 43.29}}, to{{5.40, 43.30}};
    const TravelMatrix m = travelMatrix(nullptr, from, to);
    ASSERT_TRUE(m.at(0, 0).approximate);
    EXPECT_TRUE(m.notes.contains(QString::fromUtf8(approximateNote)));
    const double straight = distanceMeters(from[0], to[0]);
    EXPECT_NEAR(m.at(0, 0).meters, straight * 1.4, 1e-6);
}

TEST(TravelTimes, OffNetworkPositionFallsBackAndSaysWhy)
{
    if (monaco().empty())
        GTEST_SKIP() << "Monaco extract absent";
    auto g = RoadGraph::build(monaco());
    ASSERT_TRUE(g.ok());
    const std::vector<GeoPoint> marseille{{5.3698, 43.2965}}, monacoPort{{7.4246, 43.7350}};
    const TravelMatrix m = travelMatrix(g->get(), marseille, monacoPort);
    EXPECT_TRUE(m.at(0, 0).approximate);
    ASSERT_FALSE(m.notes.isEmpty());
    EXPECT_TRUE(m.notes.join(QLatin1Char('\n')).contains(QStringLiteral("from the nearest road")));
}

TEST(OsmRoads, ImportMonacoAndLiechtenstein)
{
    for (const char *file : {"monaco/monaco.osm.pbf", "liechtenstein/liechtenstein-latest.osm.pbf"}) {
        if (!QFileInfo::exists(osm(file)))
            GTEST_SKIP() << file << " absent";
        QTemporaryDir dir;
        auto stats = importRoadNetwork(osm(file), std::nullopt, dir.path());
        ASSERT_TRUE(stats.ok()) << stats.error().message.toStdString();
        EXPECT_GT(stats->edges, 1000);
        EXPECT_GT(stats->oneWay, 10);
        auto net = loadRoadNetwork(dir.path());
        ASSERT_TRUE(net.ok());
        EXPECT_EQ(qint64(net->edges.size()), stats->edges);
    }
    auto bad =
        importRoadNetwork(QStringLiteral("/nonexistent.osm.pbf"), std::nullopt, QStringLiteral("/tmp/x"));
    ASSERT_FALSE(bad.ok());
    EXPECT_TRUE(bad.error().message.contains(QStringLiteral("/nonexistent.osm.pbf")));
}

// Independent reference: Boost's Bellman-Ford on an adjacency_list built straight from the network's edges.
TEST(RoadGraph, DijkstraEqualsBellmanFordOnMonaco)
{
    if (monaco().empty())
        GTEST_SKIP() << "Monaco extract absent";
    auto g = RoadGraph::build(monaco());
    ASSERT_TRUE(g.ok());
    using List = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, boost::no_property,
                                       boost::property<boost::edge_weight_t, double>>;
    const auto &net = monaco();
    List list(net.nodes.size());
    for (std::size_t i = 0; i < net.edges.size(); ++i)
        boost::add_edge(net.edges[i].from, net.edges[i].to, (*g)->edgeSeconds(i), list);
    std::mt19937 rng(42);
    std::uniform_int_distribution<std::uint32_t> pick(0, std::uint32_t(net.nodes.size() - 1));
    int compared = 0;
    for (int run = 0; run < 3; ++run) {
        const std::uint32_t source = pick(rng);
        std::vector<double> dijkstra;
        (*g)->timesFromNode(source, dijkstra);
        std::vector<double> bf(net.nodes.size(), std::numeric_limits<double>::max());
        bf[source] = 0;
        ASSERT_TRUE(boost::bellman_ford_shortest_paths(
            list, net.nodes.size(),
            boost::weight_map(boost::get(boost::edge_weight, list)).distance_map(bf.data())));
        for (int k = 0; k < 200; ++k) {
            const auto t = pick(rng);
            if (!std::isfinite(dijkstra[t])) {
                EXPECT_EQ(bf[t], std::numeric_limits<double>::max());
                continue;
            }
            EXPECT_NEAR(dijkstra[t], bf[t], 1e-6 * std::max(1.0, bf[t])) << source << " → " << t;
            ++compared;
        }
    }
    EXPECT_GT(compared, 300);
}

// timesTo is hand-written over flat arrays with reused buffers and early stops: check it against Boost's
// Bellman-Ford on the reversed edges, reusing one SearchBuffers across searches, with and without `wanted`.
TEST(RoadGraph, TimesToEqualsBellmanFordOnMonaco)
{
    if (monaco().empty())
        GTEST_SKIP() << "Monaco extract absent";
    auto g = RoadGraph::build(monaco());
    ASSERT_TRUE(g.ok());
    using List = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, boost::no_property,
                                       boost::property<boost::edge_weight_t, double>>;
    const auto &net = monaco();
    List reversed(net.nodes.size());
    for (std::size_t i = 0; i < net.edges.size(); ++i)
        boost::add_edge(net.edges[i].to, net.edges[i].from, (*g)->edgeSeconds(i), reversed);
    // The search runs over the contracted graph; the answers below are for every node.
    EXPECT_LT((*g)->coreNodeCount(), net.nodes.size() / 2);
    std::mt19937 rng(43);
    std::uniform_int_distribution<std::size_t> pickEdge(0, net.edges.size() - 1);
    std::uniform_int_distribution<std::uint32_t> pick(0, std::uint32_t(net.nodes.size() - 1));
    SearchBuffers buffers, swept;
    int compared = 0;
    for (int run = 0; run < 8; ++run) {
        // A target exactly at the start node of an edge (seeds that node at time 0), or inside the edge,
        // reached from both of its ends when the road is two-way.
        const std::size_t e = pickEdge(rng);
        Snap target;
        target.a = net.edges[e].from;
        target.b = net.edges[e].to;
        target.forward = std::int64_t(e);
        target.fraction = run < 2 ? 0.0 : 0.37;
        for (std::size_t r = 0; r < net.edges.size() && run >= 2; ++r)
            if (net.edges[r].from == target.b && net.edges[r].to == target.a)
                target.backward = std::int64_t(r);
        std::vector<std::uint32_t> wanted;
        for (int k = 0; k < 5; ++k)
            wanted.push_back(pick(rng));
        const auto asked =
            run % 2 ? std::span<const std::uint32_t>(wanted) : std::span<const std::uint32_t>();
        (*g)->timesTo(target, buffers, unreachable, asked);
        (*g)->timesToAll(target, swept, asked);
        EXPECT_FALSE(std::isfinite(swept.radius));
        std::vector<double> bf(net.nodes.size(), std::numeric_limits<double>::max());
        bf[target.a] = target.fraction * (*g)->edgeSeconds(e);
        if (target.backward >= 0)
            bf[target.b] = std::min(bf[target.b],
                                    (1 - target.fraction) * (*g)->edgeSeconds(std::size_t(target.backward)));
        ASSERT_TRUE(boost::bellman_ford_shortest_paths(
            reversed, net.nodes.size(),
            boost::weight_map(boost::get(boost::edge_weight, reversed)).distance_map(bf.data())));
        std::vector<std::uint32_t> checked = wanted;
        if (run % 2 == 0)
            for (int k = 0; k < 200; ++k)
                checked.push_back(pick(rng));
        for (const std::uint32_t v : checked) {
            if (bf[v] == std::numeric_limits<double>::max()) {
                EXPECT_FALSE(std::isfinite(buffers.seconds[v])) << v;
                EXPECT_FALSE(std::isfinite(swept.seconds[v])) << v;
                continue;
            }
            EXPECT_NEAR(buffers.seconds[v], bf[v], 1e-6 * std::max(1.0, bf[v])) << target.a << " ← " << v;
            EXPECT_NEAR(swept.seconds[v], bf[v], 1e-6 * std::max(1.0, bf[v])) << "hierarchy " << v;
            // Metres along a fastest path: equal unless two paths tie on time.
            EXPECT_NEAR(swept.meters[v], buffers.meters[v], 1e-3 * std::max(1.0, buffers.meters[v])) << v;
            ++compared;
        }
    }
    EXPECT_GT(compared, 300);
}

// A search stopped at a limit and extended later gives the same values as one search to the larger limit;
// below its radius a value is exact, above it the true time is at least the radius.
TEST(RoadGraph, ExtendedSearchEqualsOneSearchOnMonaco)
{
    if (monaco().empty())
        GTEST_SKIP() << "Monaco extract absent";
    auto g = RoadGraph::build(monaco());
    ASSERT_TRUE(g.ok());
    const auto &net = monaco();
    std::mt19937 rng(44);
    std::uniform_int_distribution<std::uint32_t> pick(0, std::uint32_t(net.nodes.size() - 1));
    SearchBuffers stepwise, once, full;
    int exact = 0, beyond = 0;
    for (int run = 0; run < 6; ++run) {
        const auto target = (*g)->snap(net.nodes[pick(rng)]);
        ASSERT_TRUE(target.has_value());
        std::vector<std::uint32_t> wanted;
        for (int k = 0; k < 300; ++k)
            wanted.push_back(pick(rng));
        (*g)->timesTo(*target, full, unreachable, wanted);
        (*g)->timesTo(*target, stepwise, 60.0, wanted);
        for (const double limit : {120.0, 240.0}) {
            const double radius = stepwise.radius;
            EXPECT_GT(radius, limit / 2);
            for (const std::uint32_t v : wanted) {
                if (stepwise.seconds[v] <= radius) {
                    EXPECT_EQ(stepwise.seconds[v], full.seconds[v]) << v;
                    ++exact;
                } else {
                    EXPECT_GE(full.seconds[v], radius) << v;
                    ++beyond;
                }
            }
            (*g)->extendTimesTo(stepwise, limit, wanted);
            (*g)->timesTo(*target, once, limit, wanted);
            EXPECT_EQ(stepwise.radius, once.radius);
            for (const std::uint32_t v : wanted)
                EXPECT_EQ(stepwise.seconds[v], once.seconds[v]) << v;
        }
    }
    EXPECT_GT(exact, 50);
    EXPECT_GT(beyond, 100);
}

// The hierarchy on its own, on random directed graphs with parallel arcs, self-loops, one-way pairs and
// parts that cannot be reached: every node's time and metres equal Bellman-Ford's, from several seeds; a
// sweep restricted to a few targets gives them the very same labels.
TEST(ContractionHierarchy, OneToAllEqualsBellmanFordOnRandomGraphs)
{
    std::mt19937 rng(45);
    int compared = 0, unreachableSeen = 0, restricted = 0;
    std::size_t shortcuts = 0, sweptNodes = 0, allNodes = 0;
    for (int run = 0; run < 30; ++run) {
        const std::uint32_t n = 20 + run * 7;
        std::uniform_int_distribution<std::uint32_t> pick(0, n - 1);
        std::uniform_real_distribution<double> cost(1.0, 100.0);
        std::vector<std::vector<WeightedArc>> perNode(n);
        using List = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, boost::no_property,
                                           boost::property<boost::edge_weight_t, double>>;
        List list(n);
        // The last tenth of the nodes only has arcs out: nothing reaches it.
        const std::uint32_t closed = n - n / 10;
        for (std::uint32_t k = 0; k < 3 * n; ++k) {
            const std::uint32_t from = pick(rng), to = pick(rng) % closed;
            const double s = cost(rng);
            perNode[from].push_back({s, 10 * s, to}); // metres proportional: same path, same metres
            boost::add_edge(from, to, s, list);
        }
        ArcList graph;
        graph.start.assign(n + 1, 0);
        for (std::uint32_t v = 0; v < n; ++v) {
            graph.start[v + 1] = graph.start[v] + std::uint32_t(perNode[v].size());
            graph.arcs.insert(graph.arcs.end(), perNode[v].begin(), perNode[v].end());
        }
        const auto h = ContractionHierarchy::build(graph);
        ASSERT_EQ(h.nodeCount(), n);
        shortcuts += h.shortcutCount();
        std::vector<std::uint32_t> id(n);
        for (std::uint32_t k = 0; k < n; ++k)
            id[h.order()[k]] = k;
        const std::array<PathSeed, 2> seeds{PathSeed{pick(rng) % closed, 0.0, 0.0},
                                            PathSeed{pick(rng) % closed, 25.0, 250.0}};
        std::array<PathSeed, 2> renamed = seeds;
        for (auto &s : renamed)
            s.node = id[s.node];
        std::vector<PathLabel> labels;
        std::vector<HeapEntry> heap;
        h.oneToAll(renamed, labels, heap);
        std::vector<double> bf(n, std::numeric_limits<double>::max());
        for (const auto &s : seeds)
            bf[s.node] = std::min(bf[s.node], s.seconds);
        ASSERT_TRUE(boost::bellman_ford_shortest_paths(
            list, n, boost::weight_map(boost::get(boost::edge_weight, list)).distance_map(bf.data())));
        // The restricted sweep (RPHAST): final labels at a few targets, from the nodes they depend on only.
        std::vector<std::uint32_t> targets;
        for (int k = 0; k < 4; ++k)
            targets.push_back(id[pick(rng)]);
        const auto sweep = h.sweepFor(targets);
        EXPECT_LE(sweep.size(), n);
        std::vector<PathLabel> some;
        h.oneToSome(renamed, sweep, some, heap);
        for (const std::uint32_t t : targets) {
            EXPECT_EQ(some[t].seconds, labels[t].seconds) << run << ": " << h.order()[t];
            EXPECT_EQ(some[t].meters, labels[t].meters) << run << ": " << h.order()[t];
            ++restricted;
        }
        sweptNodes += sweep.size();
        allNodes += n;
        for (std::uint32_t v = 0; v < n; ++v) {
            const PathLabel &l = labels[id[v]];
            if (bf[v] == std::numeric_limits<double>::max()) {
                EXPECT_FALSE(std::isfinite(l.seconds)) << run << ": " << v;
                ++unreachableSeen;
                continue;
            }
            EXPECT_NEAR(l.seconds, bf[v], 1e-9 * std::max(1.0, bf[v])) << run << ": " << v;
            // Seeds carry 10 m per second too, so metres must be ten times the time.
            EXPECT_NEAR(l.meters, 10 * bf[v], 1e-8 * std::max(1.0, bf[v])) << run << ": " << v;
            ++compared;
        }
    }
    EXPECT_GT(compared, 2000);
    EXPECT_GT(unreachableSeen, 100);
    EXPECT_GT(shortcuts, 0u);
    EXPECT_EQ(restricted, 120);
    EXPECT_LT(sweptNodes, allNodes); // the restricted sweeps skipped nodes
}
