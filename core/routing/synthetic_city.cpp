#include "routing/synthetic_city.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/strong_components.hpp>

#include <cmath>
#include <random>
#include <unordered_map>

namespace vigie::routing {

namespace {

constexpr double metresPerDegree = 111'320.0;

/// The drawing's local frame: metres east and north of the centre.
struct Frame
{
    GeoPoint centre;
    double metresPerDegreeLon;
    explicit Frame(GeoPoint c)
        : centre(c), metresPerDegreeLon(metresPerDegree * std::cos(c.lat * M_PI / 180.0))
    {}
    [[nodiscard]] GeoPoint toGeo(double x, double y) const
    {
        return {centre.lon + x / metresPerDegreeLon, centre.lat + y / metresPerDegree};
    }
    [[nodiscard]] std::pair<double, double> toLocal(GeoPoint p) const
    {
        return {(p.lon - centre.lon) * metresPerDegreeLon, (p.lat - centre.lat) * metresPerDegree};
    }
};

/// The coast's phases, drawn first from the seed so that inSyntheticSea needs only the options.
struct Coast
{
    double phase1, phase2;
    explicit Coast(unsigned seed)
    {
        std::mt19937 rng(seed ^ 0x5eaU);
        std::uniform_real_distribution<double> phase(0.0, 2 * M_PI);
        phase1 = phase(rng);
        phase2 = phase(rng);
    }
    /// The shore's x at y: the sea is west of it.
    [[nodiscard]] double shoreX(const SyntheticCityOptions &o, double y) const
    {
        return -o.coastOffsetM + 900.0 * std::sin(y / 2600.0 + phase1) + 350.0 * std::sin(y / 900.0 + phase2);
    }
    [[nodiscard]] bool sea(const SyntheticCityOptions &o, double x, double y) const
    {
        return x < shoreX(o, y);
    }
};

} // namespace

bool inSyntheticSea(const SyntheticCityOptions &options, GeoPoint p)
{
    const auto [x, y] = Frame(options.centre).toLocal(p);
    return Coast(options.seed).sea(options, x, y);
}

RoadNetwork syntheticCity(const SyntheticCityOptions &o, SyntheticCityStats *stats)
{
    const Frame frame(o.centre);
    const Coast coast(o.seed);
    std::mt19937 rng(o.seed);
    std::uniform_real_distribution<double> unit(-1.0, 1.0);
    std::uniform_real_distribution<double> phase(0.0, 2 * M_PI);
    const double warpPhaseX = phase(rng), warpPhaseY = phase(rng);
    const int n = std::max(1, int(o.halfSizeM / o.blockM));
    const int side = 2 * n + 1;
    SyntheticCityStats counted;

    // Intersections: the base grid, bent by a smooth warp (streets curve over a kilometre or two) and
    // moved by a jitter of an eighth of a block (no street is quite straight).
    std::vector<std::pair<double, double>> at(std::size_t(side) * std::size_t(side));
    for (int i = -n; i <= n; ++i)
        for (int j = -n; j <= n; ++j) {
            const double x = i * o.blockM, y = j * o.blockM;
            const double wx = 140.0 * std::sin(y / 1700.0 + warpPhaseX) + 0.12 * o.blockM * unit(rng);
            const double wy = 140.0 * std::sin(x / 1900.0 + warpPhaseY) + 0.12 * o.blockM * unit(rng);
            at[std::size_t(i + n) * std::size_t(side) + std::size_t(j + n)] = {x + wx, y + wy};
        }
    auto point = [&](int i, int j) {
        return at[std::size_t(i + n) * std::size_t(side) + std::size_t(j + n)];
    };
    // Which streets are drawn near a point: all of them downtown, one in two, then one in three outside.
    auto stride = [&](double x, double y) {
        const double r = std::hypot(x, y);
        return r < o.denseRadiusM ? 1 : r < o.outerRadiusM ? 2 : 3;
    };
    auto lineClass = [&](int line) {
        if (line == 0)
            return RoadClass::Trunk;
        if (line % o.primaryEvery == 0)
            return RoadClass::Primary;
        if (line % o.arterialEvery == 0)
            return RoadClass::Secondary;
        return RoadClass::Residential;
    };

    RoadNetwork net;
    std::unordered_map<qint64, std::uint32_t> intersection;
    auto node = [&](int i, int j) {
        const qint64 key = qint64(i + n) * side + (j + n);
        auto it = intersection.find(key);
        if (it != intersection.end())
            return it->second;
        const auto [x, y] = point(i, j);
        net.nodes.push_back(frame.toGeo(x, y));
        ++counted.intersections;
        return intersection.emplace(key, std::uint32_t(net.nodes.size() - 1)).first->second;
    };
    auto addEdge = [&](std::uint32_t a, std::uint32_t b, RoadClass c) {
        const auto meters = float(distanceMeters(net.nodes[a], net.nodes[b]));
        net.edges.push_back({a, b, meters, c, 0});
    };
    // One street segment between two intersections, drawn with its shape points: a way of 1 + shapePoints
    // pieces, one-way (a to b) or both ways.
    auto segment = [&](int i0, int j0, int i1, int j1, RoadClass c, int line, bool horizontal) {
        const auto [x0, y0] = point(i0, j0);
        const auto [x1, y1] = point(i1, j1);
        const int pieces = 1 + o.shapePoints;
        // Nothing in the sea: the ends, the shape points and the middle of each piece on land.
        for (int k = 0; k <= 2 * pieces; ++k) {
            const double f = double(k) / double(2 * pieces);
            if (coast.sea(o, x0 + (x1 - x0) * f, y0 + (y1 - y0) * f))
                return;
        }
        const double mx = (x0 + x1) / 2, my = (y0 + y1) / 2;
        const bool residential = c == RoadClass::Residential;
        const bool oneWay = residential && std::hypot(mx, my) < o.oneWayRadiusM;
        // Downtown one-way streets alternate their direction from one street to the next.
        const bool reversed = oneWay && (line % 2 != 0);
        std::vector<std::uint32_t> way{node(i0, j0)};
        const double bend = 0.04 * o.blockM * unit(rng); // a slight bow across the segment
        for (int k = 1; k < pieces; ++k) {
            const double f = double(k) / pieces;
            const double bow = bend * std::sin(f * M_PI);
            const double x = x0 + (x1 - x0) * f + (horizontal ? 0.0 : bow);
            const double y = y0 + (y1 - y0) * f + (horizontal ? bow : 0.0);
            net.nodes.push_back(frame.toGeo(x, y));
            way.push_back(std::uint32_t(net.nodes.size() - 1));
        }
        way.push_back(node(i1, j1));
        for (std::size_t k = 0; k + 1 < way.size(); ++k) {
            if (!oneWay || !reversed)
                addEdge(way[k], way[k + 1], c);
            if (!oneWay || reversed)
                addEdge(way[k + 1], way[k], c);
        }
        if (oneWay)
            ++counted.oneWay;
    };
    for (int j = -n; j <= n; ++j) // streets running east–west, along row j
        for (int i = -n; i < n; ++i) {
            const auto [x, y] = point(i, j);
            const RoadClass c = lineClass(std::abs(j));
            if (c == RoadClass::Residential && std::abs(j) % stride(x, y) != 0)
                continue;
            segment(i, j, i + 1, j, c, j, true);
        }
    for (int i = -n; i <= n; ++i) // streets running north–south, along column i
        for (int j = -n; j < n; ++j) {
            const auto [x, y] = point(i, j);
            const RoadClass c = lineClass(std::abs(i));
            if (c == RoadClass::Residential && std::abs(i) % stride(x, y) != 0)
                continue;
            segment(i, j, i, j + 1, c, i, false);
        }

    // The motorway ring, both carriageways, up to the shore; joined to the primary arterials it crosses.
    const int ringNodes = std::max(16, int(2 * M_PI * o.ringRadiusM / 200.0));
    std::vector<std::int64_t> ring(std::size_t(ringNodes), -1);
    for (int k = 0; k < ringNodes; ++k) {
        const double a = 2 * M_PI * k / ringNodes;
        const double x = o.ringRadiusM * std::cos(a), y = o.ringRadiusM * std::sin(a);
        if (coast.sea(o, x, y))
            continue;
        net.nodes.push_back(frame.toGeo(x, y));
        ring[std::size_t(k)] = std::int64_t(net.nodes.size() - 1);
    }
    const std::size_t edgesBeforeRing = net.edges.size();
    for (int k = 0; k < ringNodes; ++k) {
        const std::int64_t a = ring[std::size_t(k)], b = ring[std::size_t((k + 1) % ringNodes)];
        if (a < 0 || b < 0)
            continue;
        addEdge(std::uint32_t(a), std::uint32_t(b), RoadClass::Motorway);
        addEdge(std::uint32_t(b), std::uint32_t(a), RoadClass::Motorway);
    }
    auto junction = [&](int i, int j) {
        if (i < -n || i > n || j < -n || j > n)
            return;
        const qint64 key = qint64(i + n) * side + (j + n);
        const auto grid = intersection.find(key);
        if (grid == intersection.end())
            return; // in the sea
        const auto [x, y] = point(i, j);
        double a = std::atan2(y, x);
        if (a < 0)
            a += 2 * M_PI;
        const int k = int(std::lround(a / (2 * M_PI) * ringNodes)) % ringNodes;
        if (ring[std::size_t(k)] < 0)
            return;
        const auto r = std::uint32_t(ring[std::size_t(k)]);
        if (distanceMeters(net.nodes[grid->second], net.nodes[r]) > 600.0)
            return;
        addEdge(grid->second, r, RoadClass::Motorway); // links take their motorway's class
        addEdge(r, grid->second, RoadClass::Motorway);
    };
    for (int line = -n; line <= n; ++line) {
        if (line % o.primaryEvery != 0)
            continue;
        const double c = line * o.blockM;
        if (std::abs(c) >= o.ringRadiusM)
            continue;
        const double h = std::sqrt(o.ringRadiusM * o.ringRadiusM - c * c);
        for (const double s : {-h, h}) {
            junction(line, int(std::lround(s / o.blockM))); // a north–south arterial crossing the ring
            junction(int(std::lround(s / o.blockM)), line); // an east–west one
        }
    }
    counted.motorwayEdges = qint64(net.edges.size() - edgesBeforeRing);

    // Keep the largest strongly connected part: every node reaches every other one.
    using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
    Graph g(net.nodes.size());
    for (const RoadEdge &e : net.edges)
        boost::add_edge(e.from, e.to, g);
    std::vector<int> component(net.nodes.size());
    const int components = boost::strong_components(g, component.data());
    std::vector<std::size_t> size(std::size_t(std::max(components, 1)), 0);
    for (int c : component)
        ++size[std::size_t(c)];
    const int largest = int(std::max_element(size.begin(), size.end()) - size.begin());
    std::vector<std::uint32_t> remap(net.nodes.size(), std::numeric_limits<std::uint32_t>::max());
    RoadNetwork kept;
    for (std::size_t v = 0; v < net.nodes.size(); ++v)
        if (component[v] == largest) {
            remap[v] = std::uint32_t(kept.nodes.size());
            kept.nodes.push_back(net.nodes[v]);
        }
    for (RoadEdge e : net.edges) {
        if (component[e.from] != largest || component[e.to] != largest)
            continue;
        e.from = remap[e.from];
        e.to = remap[e.to];
        kept.edges.push_back(e);
    }
    counted.dropped = qint64(net.nodes.size() - kept.nodes.size());
    if (stats)
        *stats = counted;
    return kept;
}

} // namespace vigie::routing
