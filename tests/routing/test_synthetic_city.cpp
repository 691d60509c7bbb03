// The synthetic city: a network of a city's size and shape, the same for the same seed, with no road in the
// sea, one-way streets downtown, a motorway ring, and every node reachable from every other one.
#include "routing/road_graph.h"
#include "routing/synthetic_city.h"

#include "cli_run.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <set>

using namespace vigie;
using namespace vigie::routing;

namespace {

const RoadNetwork &city()
{
    static const RoadNetwork net = syntheticCity();
    return net;
}

} // namespace

TEST(SyntheticCity, IsCitySizedWithEveryKindOfRoad)
{
    SyntheticCityStats stats;
    const RoadNetwork net = syntheticCity({}, &stats);
    EXPECT_GE(net.nodes.size(), 150'000u);
    std::printf("%zu nodes, %zu edges; %lld intersections, %lld one-way segments, %lld motorway edges, %lld "
                "nodes dropped\n",
                net.nodes.size(), net.edges.size(), stats.intersections, stats.oneWay, stats.motorwayEdges,
                stats.dropped);
    EXPECT_GT(net.edges.size(), net.nodes.size()); // streets both ways, most of them
    EXPECT_GT(stats.oneWay, 1000);
    EXPECT_GT(stats.motorwayEdges, 200);
    std::set<RoadClass> classes;
    for (const RoadEdge &e : net.edges) {
        classes.insert(e.roadClass);
        ASSERT_GT(e.meters, 0.5f);
        ASSERT_LT(e.meters, 700.0f);
    }
    EXPECT_EQ(classes, (std::set<RoadClass>{RoadClass::Motorway, RoadClass::Trunk, RoadClass::Primary,
                                            RoadClass::Secondary, RoadClass::Residential}));
    // Dense downtown, sparse outside: within 3 km of the centre (a third of it sea), half as many nodes again
    // as in the disc of the same size 9 km east (all land, its streets one in two or one in three).
    const SyntheticCityOptions o;
    auto within = [&](GeoPoint c, double r) {
        return std::count_if(net.nodes.begin(), net.nodes.end(),
                             [&](GeoPoint p) { return distanceMeters(p, c) < r; });
    };
    const GeoPoint east{o.centre.lon + 9000.0 / (111'320.0 * std::cos(o.centre.lat * M_PI / 180.0)),
                        o.centre.lat};
    EXPECT_GT(2 * within(o.centre, 3000), 3 * within(east, 3000));
}

TEST(SyntheticCity, TheSameSeedDrawsTheSameCityAndAnotherSeedAnother)
{
    const RoadNetwork again = syntheticCity();
    ASSERT_EQ(again.nodes.size(), city().nodes.size());
    ASSERT_EQ(again.edges.size(), city().edges.size());
    for (std::size_t i = 0; i < again.nodes.size(); i += 997)
        ASSERT_EQ(again.nodes[i], city().nodes[i]);
    SyntheticCityOptions other;
    other.seed = 2;
    const RoadNetwork second = syntheticCity(other);
    EXPECT_NE(second.nodes.size() == city().nodes.size() && second.nodes[1000] == city().nodes[1000], true);
}

TEST(SyntheticCity, NoRoadInTheSea)
{
    const SyntheticCityOptions o;
    std::size_t westOfCentre = 0;
    for (const GeoPoint &p : city().nodes) {
        ASSERT_FALSE(inSyntheticSea(o, p)) << p.lon << "," << p.lat;
        if (p.lon < o.centre.lon)
            ++westOfCentre;
    }
    // The coast lies 3 km west of the centre: the land west of it is a strip, not half the city.
    EXPECT_LT(westOfCentre, city().nodes.size() / 3);
    // And the sea is there: a point 8 km west of the centre is in it.
    EXPECT_TRUE(inSyntheticSea(o, {o.centre.lon - 0.1, o.centre.lat}));
}

TEST(SyntheticCity, EveryPlaceReachesEveryOtherByRoad)
{
    auto graph = RoadGraph::build(city());
    ASSERT_TRUE(graph) << graph.error().message.toStdString();
    std::vector<double> seconds;
    (*graph)->timesFromNode(0, seconds);
    std::size_t reached = 0;
    double slowest = 0;
    for (double s : seconds)
        if (std::isfinite(s)) {
            ++reached;
            slowest = std::max(slowest, s);
        }
    EXPECT_EQ(reached, (*graph)->nodeCount());
    // Across a city of 26 km with a ring and arterials, in emergency, well under an hour.
    EXPECT_LT(slowest, 3600.0);
    // A route from the centre to the east end is longer than the straight line, but not absurdly so.
    const SyntheticCityOptions o;
    const GeoPoint east{o.centre.lon + 11000.0 / (111'320.0 * std::cos(o.centre.lat * M_PI / 180.0)),
                        o.centre.lat + 0.01};
    auto a = (*graph)->snap(o.centre), b = (*graph)->snap(east);
    ASSERT_TRUE(a && b);
    const Route r = (*graph)->route(*a, *b);
    const double straight = distanceMeters(o.centre, east);
    EXPECT_GT(r.meters, straight);
    EXPECT_LT(r.meters, 1.6 * straight);
}

TEST(SyntheticCity, TheCommandWritesANetworkTheRoutingLoads)
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("ville"));
    auto run =
        test::runCli({QStringLiteral("synth-roads"), QStringLiteral("--out"), out, QStringLiteral("--seed"),
                      QStringLiteral("3"), QStringLiteral("--half-size"), QStringLiteral("4")});
    ASSERT_EQ(run.code, 0) << run.err.toStdString();
    EXPECT_TRUE(run.out.contains("seed 3")) << run.out.toStdString();
    auto loaded = loadRoadNetwork(out);
    ASSERT_TRUE(loaded) << loaded.error().message.toStdString();
    SyntheticCityOptions o;
    o.seed = 3;
    o.halfSizeM = 4000;
    const RoadNetwork drawn = syntheticCity(o);
    EXPECT_EQ(loaded->nodes.size(), drawn.nodes.size());
    EXPECT_EQ(loaded->edges.size(), drawn.edges.size());
    // A seed or a size that is not one is refused, naming it.
    auto bad = test::runCli({QStringLiteral("synth-roads"), QStringLiteral("--out"), out,
                             QStringLiteral("--seed"), QStringLiteral("abc")});
    EXPECT_EQ(bad.code, 1);
    EXPECT_TRUE(bad.err.contains("--seed")) << bad.err.toStdString();
    bad = test::runCli({QStringLiteral("synth-roads"), QStringLiteral("--out"), out,
                        QStringLiteral("--half-size"), QStringLiteral("500")});
    EXPECT_EQ(bad.code, 1);
    EXPECT_TRUE(bad.err.contains("--half-size")) << bad.err.toStdString();
}
