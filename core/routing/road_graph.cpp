// One of the few translation units that instantiate Boost.Graph (slow to compile): keep searches here.
#include "routing/road_graph.h"

#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/graph/two_bit_color_map.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <unordered_map>

namespace vigie::routing {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;

namespace {

struct EdgeProp
{
    float seconds = 0.0f;
    float meters = 0.0f;
};
using Csr = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, EdgeProp,
                                               boost::no_property, std::uint32_t, std::uint32_t>;
using Vertex = boost::graph_traits<Csr>::vertex_descriptor;
using CsrEdge = boost::graph_traits<Csr>::edge_descriptor;

// Snapping works in a local plane (metres, equirectangular around the network's centre): exact enough for
// a city and lets the R-tree use cartesian distances.
using Point = bg::model::point<double, 2, bg::cs::cartesian>;
using Segment = bg::model::segment<Point>;
using IndexValue = std::pair<Segment, std::uint32_t>;

struct StopSearch
{
};

struct Visitor : boost::default_dijkstra_visitor
{
    const double *dist = nullptr;
    double *meters = nullptr;
    std::uint32_t *pred = nullptr;
    double limit = unreachable;
    std::int64_t stopAt = -1;

    void examine_vertex(Vertex u, const Csr &) const
    {
        if (dist[u] > limit || std::int64_t(u) == stopAt)
            throw StopSearch{};
    }
    void edge_relaxed(CsrEdge e, const Csr &g) const
    {
        const Vertex s = boost::source(e, g), t = boost::target(e, g);
        if (meters)
            meters[t] = meters[s] + g[e].meters;
        if (pred)
            pred[t] = std::uint32_t(s);
    }
};

/// Dijkstra from several seeds whose start distances are already in `dist` (others infinite).
void runDijkstra(const Csr &g, const std::vector<Vertex> &seeds, std::vector<double> &dist, Visitor vis)
{
    vis.dist = dist.data();
    const auto index = boost::get(boost::vertex_index, g);
    boost::two_bit_color_map<decltype(index)> color(boost::num_vertices(g), index);
    try {
        boost::dijkstra_shortest_paths_no_init(g, seeds.begin(), seeds.end(), boost::dummy_property_map(),
                                               boost::make_iterator_property_map(dist.data(), index),
                                               boost::get(&EdgeProp::seconds, g), index, std::less<double>(),
                                               boost::closed_plus<double>(unreachable), 0.0, vis, color);
    } catch (const StopSearch &) {
        // bounded search: everything within the limit is settled
    }
}

} // namespace

double vehicleSpeedFactor(const QString &unitType)
{
    static const QStringList heavy{QStringLiteral("FPT"), QStringLiteral("EPA"), QStringLiteral("CCF"),
                                   QStringLiteral("PCM")};
    return heavy.contains(unitType) ? 0.8 : 1.0;
}

struct RoadGraph::Impl
{
    RoadNetwork net;
    Csr forward; ///< for route() and timesFromNode()
    std::vector<double> edgeSeconds;
    // timesTo searches a contracted reverse graph (see build()): only "core" nodes (intersections, dead
    // ends, changes of direction rules) are searched; the nodes along a road between two core nodes (its
    // shape points, 3-4 of every 5 OSM nodes) are lined up on directed chains and get their time from the
    // chain's end afterwards.
    struct Arc
    {
        double seconds; ///< whole chain, summed in double as a search would
        float meters;
        std::uint32_t to;
    };
    // Core nodes are numbered 0..coreCount-1 apart from the network's node ids, so that a search's arrays
    // hold only them (a tenth to a third of the nodes, side by side in memory).
    std::vector<std::uint32_t> coreId;    ///< per node: its core number, or none
    std::vector<std::uint32_t> coreNodes; ///< per core number: the node
    std::vector<std::uint32_t> revStart;  ///< arcs into core c: revArcs[revStart[c] .. revStart[c + 1])
    std::vector<Arc> revArcs;             ///< Arc::to is a core number
    // Directed chains core → interior… → core, stored back to back: per position, its node, its chain, and
    // the time and metres from there to the chain's last node.
    struct ChainPos
    {
        std::uint32_t node, chain;
        double toEnd;
        double metersToEnd;
    };
    std::vector<ChainPos> chainPos;
    std::vector<std::uint32_t> chainLast; ///< per chain: position of its last (core) node
    std::vector<std::uint32_t> chainEnd;  ///< per chain: core number of its last node
    static constexpr std::uint32_t none = 0xffffffffu;
    std::vector<std::array<std::uint32_t, 2>> slots; ///< per node: its positions on chains (none: core)
    std::vector<std::uint32_t> interior;             ///< nodes that are on chains
    std::vector<std::uint32_t> everyNode;            ///< core nodes, then interior ones (publish all)
    std::size_t coreCount = 0;

    ContractionHierarchy hierarchy; ///< of the reverse core graph; core numbers follow its order
    void contract();
    void buildHierarchy();
    // Resets the buffers for a new search towards `target` and lists its seeds (out.seeds, in core
    // numbers, and out.chainSeeds); for a Dijkstra, also resets the core labels and marks the core nodes
    // `wanted` depends on.
    void prepare(const Snap &target, SearchBuffers &out, std::span<const std::uint32_t> wanted,
                 bool forDijkstra) const;
    void linkWanted(SearchBuffers &out, std::span<const std::uint32_t> wanted) const;
    // Writes out.seconds / out.meters for `wanted` (every node when empty) from the core labels.
    void publish(SearchBuffers &out, std::span<const std::uint32_t> wanted) const;
    [[nodiscard]] bool onChain(std::uint32_t v) const { return slots[v][0] != none; }
    double lon0 = 0, lat0 = 0, kx = 0, ky = 0;
    std::vector<std::array<std::int64_t, 2>> segmentEdges; ///< per segment: edge a→b, edge b→a
    std::vector<std::array<std::uint32_t, 2>> segmentNodes;
    bgi::rtree<IndexValue, bgi::rstar<16>> index;

    [[nodiscard]] Point project(GeoPoint p) const { return Point((p.lon - lon0) * kx, (p.lat - lat0) * ky); }
    [[nodiscard]] GeoPoint unproject(double x, double y) const { return {x / kx + lon0, y / ky + lat0}; }
    [[nodiscard]] double secondsOf(std::int64_t e) const
    {
        return e < 0 ? unreachable : edgeSeconds[std::size_t(e)];
    }
    [[nodiscard]] double metersOf(std::int64_t e) const
    {
        return e < 0 ? unreachable : double(net.edges[std::size_t(e)].meters);
    }
};

// Degree-2 contraction (done here rather than at import so that roads.bin keeps every node for snapping and
// drawing). A node is interior when it only passes traffic through: two neighbours reached both ways by one
// edge each (a two-way road), or one edge in from a neighbour and one out to the other (a one-way road).
// Every other node is core. A shortest path entering an interior node can only continue to its other
// neighbour (turning back costs time), so searching core nodes over whole-chain arcs finds the same times;
// RoadGraph.TimesToEqualsBellmanFordOnMonaco checks it on every kind of node.
void RoadGraph::Impl::contract()
{
    const auto &edges = net.edges;
    const std::size_t n = net.nodes.size(), m = edges.size();
    std::vector<std::uint32_t> outStart(n + 1, 0), inStart(n + 1, 0), outIds(m), inIds(m);
    for (const RoadEdge &e : edges) {
        ++outStart[e.from + 1];
        ++inStart[e.to + 1];
    }
    for (std::size_t v = 0; v < n; ++v) {
        outStart[v + 1] += outStart[v];
        inStart[v + 1] += inStart[v];
    }
    {
        std::vector<std::uint32_t> fo(outStart.begin(), outStart.end() - 1),
            fi(inStart.begin(), inStart.end() - 1);
        for (std::uint32_t i = 0; i < m; ++i) {
            outIds[fo[edges[i].from]++] = i;
            inIds[fi[edges[i].to]++] = i;
        }
    }
    std::vector<char> core(n, 1);
    for (std::uint32_t v = 0; v < n; ++v) {
        const std::uint32_t nOut = outStart[v + 1] - outStart[v], nIn = inStart[v + 1] - inStart[v];
        if (nOut == 2 && nIn == 2) {
            const std::uint32_t o0 = edges[outIds[outStart[v]]].to, o1 = edges[outIds[outStart[v] + 1]].to;
            const std::uint32_t i0 = edges[inIds[inStart[v]]].from, i1 = edges[inIds[inStart[v] + 1]].from;
            core[v] = !(o0 != o1 && o0 != v && o1 != v && ((i0 == o0 && i1 == o1) || (i0 == o1 && i1 == o0)));
        } else if (nOut == 1 && nIn == 1) {
            const std::uint32_t o = edges[outIds[outStart[v]]].to, i = edges[inIds[inStart[v]]].from;
            core[v] = !(o != i && o != v && i != v);
        }
    }
    slots.assign(n, {none, none});
    struct Shortcut
    {
        std::uint32_t from, to; // core nodes, forward direction
        double seconds;
        float meters;
    };
    std::vector<Shortcut> shortcuts;
    std::vector<std::uint32_t> path;
    std::vector<std::uint32_t> pathEdges;
    // Walks from core node `a` along edge `e0` through interior nodes to the next core node.
    const auto walk = [&](std::uint32_t a, std::uint32_t e0) {
        path.assign(1, a);
        pathEdges.assign(1, e0);
        std::uint32_t prev = a, cur = edges[e0].to;
        while (!core[cur]) {
            std::uint32_t next = outIds[outStart[cur]];
            if (edges[next].to == prev && outStart[cur + 1] - outStart[cur] == 2)
                next = outIds[outStart[cur] + 1];
            path.push_back(cur);
            pathEdges.push_back(next);
            prev = cur;
            cur = edges[next].to;
        }
        path.push_back(cur);
        const auto chain = std::uint32_t(chainLast.size());
        const auto begin = std::uint32_t(chainPos.size());
        chainPos.resize(begin + path.size());
        double s = 0, mm = 0;
        chainPos[begin + path.size() - 1] = {cur, chain, 0.0, 0.0};
        for (std::size_t k = path.size() - 1; k-- > 0;) {
            s += edgeSeconds[pathEdges[k]];
            mm += double(edges[pathEdges[k]].meters);
            chainPos[begin + k] = {path[k], chain, s, mm};
            if (k > 0) {
                auto &slot = slots[path[k]];
                slot[slot[0] == none ? 0 : 1] = begin + std::uint32_t(k);
            }
        }
        chainLast.push_back(begin + std::uint32_t(path.size()) - 1);
        shortcuts.push_back({a, cur, s, float(mm)});
    };
    const auto walkFrom = [&](std::uint32_t v) {
        for (std::uint32_t k = outStart[v]; k < outStart[v + 1]; ++k)
            walk(v, outIds[k]);
    };
    for (std::uint32_t v = 0; v < n; ++v)
        if (core[v])
            walkFrom(v);
    // Rings of interior nodes only (a roundabout cut off at the extract's border): one node becomes core.
    for (std::uint32_t v = 0; v < n; ++v)
        if (!core[v] && slots[v][0] == none) {
            core[v] = 1;
            walkFrom(v);
        }
    coreId.assign(n, none);
    for (std::uint32_t v = 0; v < n; ++v) {
        if (!core[v])
            interior.push_back(v);
        else {
            slots[v] = {none, none};
            coreId[v] = std::uint32_t(coreNodes.size());
            coreNodes.push_back(v);
        }
    }
    coreCount = coreNodes.size();
    chainEnd.resize(chainLast.size());
    for (std::size_t c = 0; c < chainLast.size(); ++c)
        chainEnd[c] = coreId[chainPos[chainLast[c]].node];
    revStart.assign(coreCount + 1, 0);
    for (const Shortcut &c : shortcuts)
        ++revStart[coreId[c.to] + 1];
    for (std::size_t v = 0; v < coreCount; ++v)
        revStart[v + 1] += revStart[v];
    revArcs.resize(shortcuts.size());
    std::vector<std::uint32_t> fill(revStart.begin(), revStart.end() - 1);
    for (const Shortcut &c : shortcuts)
        revArcs[fill[coreId[c.to]]++] = {c.seconds, c.meters, coreId[c.from]};
}

// The contraction hierarchy of the reverse core graph, then core nodes renumbered in its order (most
// important first) so that Dijkstra searches, hierarchy sweeps and SearchBuffers share one numbering.
void RoadGraph::Impl::buildHierarchy()
{
    ArcList reverse;
    reverse.start = revStart;
    reverse.arcs.reserve(revArcs.size());
    for (const Arc &a : revArcs)
        reverse.arcs.push_back({a.seconds, double(a.meters), a.to});
    hierarchy = ContractionHierarchy::build(reverse);
    const auto &order = hierarchy.order();
    std::vector<std::uint32_t> renumber(coreCount);
    for (std::uint32_t k = 0; k < coreCount; ++k)
        renumber[order[k]] = k;
    std::vector<std::uint32_t> nodes(coreCount), start(coreCount + 1, 0);
    std::vector<Arc> arcs;
    arcs.reserve(revArcs.size());
    for (std::uint32_t k = 0; k < coreCount; ++k) {
        const std::uint32_t old = order[k];
        nodes[k] = coreNodes[old];
        coreId[nodes[k]] = k;
        for (std::uint32_t a = revStart[old]; a < revStart[old + 1]; ++a)
            arcs.push_back({revArcs[a].seconds, revArcs[a].meters, renumber[revArcs[a].to]});
        start[k + 1] = std::uint32_t(arcs.size());
    }
    coreNodes = std::move(nodes);
    everyNode = coreNodes;
    everyNode.insert(everyNode.end(), interior.begin(), interior.end());
    revStart = std::move(start);
    revArcs = std::move(arcs);
    for (std::uint32_t &c : chainEnd)
        c = renumber[c];
}

RoadGraph::RoadGraph() : d(std::make_unique<Impl>()) {}
RoadGraph::~RoadGraph() = default;

Result<std::unique_ptr<RoadGraph>> RoadGraph::build(RoadNetwork network)
{
    if (network.edges.empty())
        return Error{QStringLiteral("the road network is empty; import roads first")};
    for (std::size_t i = 0; i < network.edges.size(); ++i)
        if (network.edges[i].from >= network.nodes.size() || network.edges[i].to >= network.nodes.size())
            return Error{
                QStringLiteral("road network edge %1 refers to a node out of range (%2 nodes); re-import "
                               "the roads")
                    .arg(i)
                    .arg(network.nodes.size())};
    std::unique_ptr<RoadGraph> graph(new RoadGraph);
    Impl &d = *graph->d;
    d.net = std::move(network);
    const auto &edges = d.net.edges;
    d.edgeSeconds.resize(edges.size());
    std::vector<std::pair<std::uint32_t, std::uint32_t>> fwd;
    std::vector<EdgeProp> props;
    fwd.reserve(edges.size());
    props.reserve(edges.size());
    for (std::size_t i = 0; i < edges.size(); ++i) {
        const RoadEdge &e = edges[i];
        const double kmh = e.maxspeedKmh ? double(e.maxspeedKmh) : classSpeedKmh(e.roadClass);
        d.edgeSeconds[i] = double(e.meters) / (kmh / 3.6 * emergencyFactor);
        fwd.emplace_back(e.from, e.to);
        props.push_back({float(d.edgeSeconds[i]), e.meters});
        // Stored as float in the graph: use exactly that value everywhere so all searches agree.
        d.edgeSeconds[i] = double(props.back().seconds);
    }
    const auto n = d.net.nodes.size();
    d.forward = Csr(boost::edges_are_unsorted_multi_pass, fwd.begin(), fwd.end(), props.begin(), n);
    d.contract();
    d.buildHierarchy();

    const GeoBox box = *d.net.bounds();
    d.lon0 = (box.minLon + box.maxLon) / 2;
    d.lat0 = (box.minLat + box.maxLat) / 2;
    d.ky = 6371008.8 * M_PI / 180.0;
    d.kx = d.ky * std::cos(d.lat0 * M_PI / 180.0);
    std::unordered_map<std::uint64_t, std::uint32_t> segmentOf;
    std::vector<IndexValue> values;
    for (std::size_t i = 0; i < edges.size(); ++i) {
        const RoadEdge &e = edges[i];
        const std::uint32_t a = std::min(e.from, e.to), b = std::max(e.from, e.to);
        const auto key = (std::uint64_t(a) << 32) | b;
        auto [it, inserted] = segmentOf.try_emplace(key, std::uint32_t(d.segmentNodes.size()));
        if (inserted) {
            d.segmentNodes.push_back({a, b});
            d.segmentEdges.push_back({-1, -1});
            values.emplace_back(Segment(d.project(d.net.nodes[a]), d.project(d.net.nodes[b])), it->second);
        }
        auto &slot = d.segmentEdges[it->second][e.from == a ? 0 : 1];
        // Parallel ways between the same nodes: keep the faster.
        if (slot < 0 || d.edgeSeconds[i] < d.edgeSeconds[std::size_t(slot)])
            slot = std::int64_t(i);
    }
    d.index = bgi::rtree<IndexValue, bgi::rstar<16>>(values.begin(), values.end());
    return graph;
}

const RoadNetwork &RoadGraph::network() const
{
    return d->net;
}
std::size_t RoadGraph::nodeCount() const
{
    return d->net.nodes.size();
}
std::size_t RoadGraph::edgeCount() const
{
    return d->net.edges.size();
}
std::size_t RoadGraph::coreNodeCount() const
{
    return d->coreCount;
}
double RoadGraph::edgeSeconds(std::size_t edge) const
{
    return d->edgeSeconds.at(edge);
}

std::optional<Snap> RoadGraph::snap(GeoPoint p) const
{
    const Point q = d->project(p);
    std::vector<IndexValue> found;
    d->index.query(bgi::nearest(q, 1), std::back_inserter(found));
    if (found.empty())
        return std::nullopt;
    const auto seg = found.front().second;
    const Point &pa = found.front().first.first, &pb = found.front().first.second;
    const double dx = bg::get<0>(pb) - bg::get<0>(pa), dy = bg::get<1>(pb) - bg::get<1>(pa);
    const double len2 = dx * dx + dy * dy;
    double t = len2 > 0
                   ? ((bg::get<0>(q) - bg::get<0>(pa)) * dx + (bg::get<1>(q) - bg::get<1>(pa)) * dy) / len2
                   : 0.0;
    t = std::clamp(t, 0.0, 1.0);
    Snap s;
    s.a = d->segmentNodes[seg][0];
    s.b = d->segmentNodes[seg][1];
    s.forward = d->segmentEdges[seg][0];
    s.backward = d->segmentEdges[seg][1];
    s.fraction = t;
    s.point = d->unproject(bg::get<0>(pa) + t * dx, bg::get<1>(pa) + t * dy);
    s.snapMeters = distanceMeters(p, s.point);
    return s;
}

namespace {

// A function object (not a function pointer) so that std::push_heap / pop_heap inline the comparison.
struct Later
{
    bool operator()(const HeapEntry &x, const HeapEntry &y) const { return x.seconds > y.seconds; }
};

} // namespace

void RoadGraph::Impl::prepare(const Snap &target, SearchBuffers &out, std::span<const std::uint32_t> wanted,
                              bool forDijkstra) const
{
    const std::size_t n = net.nodes.size();
    if (out.seconds.size() != n || out.core.size() != coreCount) {
        out.seconds.assign(n, unreachable);
        out.meters.assign(n, unreachable);
        out.touched.clear();
        out.core.assign(coreCount, {unreachable, unreachable});
        out.coreTouched.clear();
        out.coreDirty = false;
        out.wantedStamp.assign(coreCount, 0);
        out.generation = 0;
    }
    for (const std::uint32_t v : out.touched) {
        out.seconds[v] = unreachable;
        out.meters[v] = unreachable;
    }
    out.touched.clear();
    out.heap.clear();
    out.radius = 0.0;
    // To reach a point at fraction t of a→b, arrive at a and drive t of the edge a→b (or at b and b→a).
    // A seed on a chain reaches the chain's first node, and the chain's nodes up to it, through the chain.
    out.seedCount = 0;
    out.chainSeedCount = 0;
    const auto seed = [&](std::uint32_t v, double s, double m) {
        if (!onChain(v)) {
            out.seeds[out.seedCount++] = {coreId[v], s, m};
            return;
        }
        for (const std::uint32_t pos : slots[v]) {
            if (pos == none)
                continue;
            out.chainSeeds[out.chainSeedCount++] = {pos, s, m};
            const std::uint32_t chain = chainPos[pos].chain;
            const auto &first = chainPos[chain == 0 ? 0 : chainLast[chain - 1] + 1];
            const auto &here = chainPos[pos];
            out.seeds[out.seedCount++] = {coreId[first.node], first.toEnd - here.toEnd + s,
                                          first.metersToEnd - here.metersToEnd + m};
        }
    };
    if (target.forward >= 0)
        seed(target.a, target.fraction * secondsOf(target.forward),
             target.fraction * metersOf(target.forward));
    if (target.backward >= 0)
        seed(target.b, (1 - target.fraction) * secondsOf(target.backward),
             (1 - target.fraction) * metersOf(target.backward));
    if (!forDijkstra)
        return; // the hierarchy's sweep writes every core label and needs no stop condition
    if (out.coreDirty)
        std::fill(out.core.begin(), out.core.end(), PathLabel{unreachable, unreachable});
    else
        for (const std::uint32_t c : out.coreTouched)
            out.core[c] = {unreachable, unreachable};
    out.coreDirty = false;
    out.coreTouched.clear();
    if (++out.generation == 0) {
        std::fill(out.wantedStamp.begin(), out.wantedStamp.end(), 0);
        out.generation = 1;
    }
    const std::uint32_t gen = out.generation;
    // A node on a chain is known once the chain's end is settled (or through the target, on its own chain).
    out.awaited = 0;
    const auto await = [&](std::uint32_t c) {
        if (out.wantedStamp[c] != gen) {
            out.wantedStamp[c] = gen;
            ++out.awaited;
        }
    };
    for (const std::uint32_t v : wanted) {
        if (v >= n)
            continue;
        if (!onChain(v))
            await(coreId[v]);
        else
            for (const std::uint32_t pos : slots[v])
                if (pos != none)
                    await(chainEnd[chainPos[pos].chain]);
    }
}

// Links of each wanted node to the core labels it is read from, and the hierarchy sweep that makes those
// labels final; worked out again only when the wanted list changes.
void RoadGraph::Impl::linkWanted(SearchBuffers &out, std::span<const std::uint32_t> wanted) const
{
    if (std::equal(wanted.begin(), wanted.end(), out.linkedWanted.begin(), out.linkedWanted.end()))
        return;
    const std::size_t n = net.nodes.size();
    out.linkedWanted.assign(wanted.begin(), wanted.end());
    out.linkStart.assign(1, 0);
    out.links.clear();
    for (const std::uint32_t v : wanted) {
        if (v < n && !onChain(v))
            out.links.push_back({coreId[v], none, none, 0.0, 0.0});
        for (const std::uint32_t pos : v < n ? slots[v] : std::array<std::uint32_t, 2>{none, none})
            if (pos != none) {
                const auto &here = chainPos[pos];
                out.links.push_back({chainEnd[here.chain], here.chain, pos, here.toEnd, here.metersToEnd});
            }
        out.linkStart.push_back(std::uint32_t(out.links.size()));
    }
    std::vector<std::uint32_t> cores;
    cores.reserve(out.links.size());
    for (const SearchBuffers::Link &l : out.links)
        cores.push_back(l.core);
    out.sweep = hierarchy.sweepFor(cores);
}

// A core node's label; a node on chains through each chain's end, or straight to the target on the
// target's own chain.
void RoadGraph::Impl::publish(SearchBuffers &out, std::span<const std::uint32_t> wanted) const
{
    const PathLabel *labels = out.core.data();
    const std::size_t n = net.nodes.size();
    if (wanted.empty())
        wanted = everyNode;
    // Read from links worked out once per wanted list, so that a column reads labels and links in
    // order instead of the chain tables at random.
    linkWanted(out, wanted);
    // The target's own chains, read once per column instead of once per link.
    struct SeedOnChain
    {
        std::uint32_t chain, pos;
        double toEnd, metersToEnd, s, m;
    };
    std::array<SeedOnChain, 4> seeds{};
    for (std::size_t c = 0; c < out.chainSeedCount; ++c) {
        const auto &seed = out.chainSeeds[c];
        const auto &at = chainPos[seed.pos];
        seeds[c] = {at.chain, seed.pos, at.toEnd, at.metersToEnd, seed.s, seed.m};
    }
    for (std::size_t k = 0; k < wanted.size(); ++k) {
        const std::uint32_t v = wanted[k];
        if (v >= n)
            continue;
        double best = unreachable, bestMeters = unreachable;
        for (std::uint32_t l = out.linkStart[k]; l < out.linkStart[k + 1]; ++l) {
            const SearchBuffers::Link &link = out.links[l];
            const PathLabel &end = labels[link.core];
            if (link.seconds + end.seconds < best) {
                best = link.seconds + end.seconds;
                bestMeters = link.meters + end.meters;
            }
            for (std::size_t c = 0; c < out.chainSeedCount; ++c) {
                const SeedOnChain &seed = seeds[c];
                if (seed.chain == link.chain && link.pos <= seed.pos) {
                    const double s = link.seconds - seed.toEnd + seed.s;
                    if (s < best) {
                        best = s;
                        bestMeters = link.meters - seed.metersToEnd + seed.m;
                    }
                }
            }
        }
        if (best == out.seconds[v])
            continue;
        if (out.seconds[v] == unreachable)
            out.touched.push_back(v);
        out.seconds[v] = best;
        out.meters[v] = bestMeters;
    }
}

// Written over flat arrays instead of Boost's dijkstra_shortest_paths: a suggestion runs one search per
// incident, and Boost's version re-creates its colour map and heap index (n-sized) per call, visits through
// property maps, can only stop early by throwing from the visitor, and cannot search a contracted graph
// while answering for every node. Here the buffers live in SearchBuffers, a search resets only what the
// previous one touched, it runs over core nodes only, numbered densely (see contract()), and stops as soon
// as the core nodes the caller's nodes depend on are settled, or at a time limit from which
// extendTimesTo() resumes it (a suggestion widens a search only when the allocation needs it). Binary heap
// with lazy deletion (std::push_heap): on road graphs the frontier is small (about a hundred entries on
// Liechtenstein) and this beats decrease-key heaps.
// RoadGraph.TimesToEqualsBellmanFordOnMonaco checks it against Boost's Bellman-Ford on the whole,
// uncontracted graph.
void RoadGraph::timesTo(const Snap &target, SearchBuffers &out, double limitSeconds,
                        std::span<const std::uint32_t> wanted) const
{
    d->prepare(target, out, wanted, true);
    for (std::size_t k = 0; k < out.seedCount; ++k) {
        const PathSeed &s = out.seeds[k];
        auto &label = out.core[s.node];
        if (!(s.seconds < label.seconds))
            continue;
        if (label.seconds == unreachable)
            out.coreTouched.push_back(s.node);
        label = {s.seconds, s.meters};
        out.heap.push_back({s.seconds, s.node});
        std::push_heap(out.heap.begin(), out.heap.end(), Later{});
    }
    extendTimesTo(out, limitSeconds, wanted);
}

void RoadGraph::extendTimesTo(SearchBuffers &out, double limitSeconds,
                              std::span<const std::uint32_t> wanted) const
{
    const Impl &g = *d;
    const std::uint32_t gen = out.generation;
    const bool stopWhenWanted = !wanted.empty();
    auto &heap = out.heap;
    PathLabel *labels = out.core.data();
    const std::uint32_t *start = g.revStart.data();
    const Impl::Arc *arcs = g.revArcs.data();
    bool done = stopWhenWanted && out.awaited == 0;
    while (!done && !heap.empty()) {
        const auto [s, u] = heap.front();
        if (s > labels[u].seconds) { // stale entry: u was reached faster since
            std::pop_heap(heap.begin(), heap.end(), Later{});
            heap.pop_back();
            continue;
        }
        if (s > limitSeconds)
            break; // stays in the heap for a later extension
        std::pop_heap(heap.begin(), heap.end(), Later{});
        heap.pop_back();
        if (stopWhenWanted && out.wantedStamp[u] == gen) {
            out.wantedStamp[u] = 0;
            if (--out.awaited == 0)
                break; // u's arcs are not needed: every wanted node is settled
        }
        const double m = labels[u].meters;
        for (std::uint32_t k = start[u]; k < start[u + 1]; ++k) {
            const Impl::Arc &a = arcs[k];
            const double t = s + a.seconds;
            PathLabel &label = labels[a.to];
            if (!(t < label.seconds))
                continue;
            if (label.seconds == unreachable)
                out.coreTouched.push_back(a.to);
            label = {t, m + double(a.meters)};
            heap.push_back({t, a.to});
            std::push_heap(heap.begin(), heap.end(), Later{});
        }
    }
    if (stopWhenWanted && out.awaited == 0)
        done = true;
    // The smallest time left in the heap bounds every node not settled (Dijkstra's invariant).
    out.radius = done || heap.empty() ? unreachable : heap.front().seconds;
    g.publish(out, wanted);
}

void RoadGraph::timesToAll(const Snap &target, SearchBuffers &out,
                           std::span<const std::uint32_t> wanted) const
{
    d->prepare(target, out, wanted, false);
    const std::span<const PathSeed> seeds(out.seeds.data(), out.seedCount);
    if (wanted.empty()) {
        d->hierarchy.oneToAll(seeds, out.core, out.heap);
    } else { // only the labels the wanted nodes are read from
        d->linkWanted(out, wanted);
        d->hierarchy.oneToSome(seeds, out.sweep, out.core, out.heap);
    }
    out.coreDirty = true;
    out.heap.clear();
    out.awaited = 0;
    out.radius = unreachable;
    d->publish(out, wanted);
}

std::size_t RoadGraph::hierarchyShortcuts() const
{
    return d->hierarchy.shortcutCount();
}

void RoadGraph::exitNodes(const Snap &start, std::vector<std::uint32_t> &nodes)
{
    if (start.forward >= 0)
        nodes.push_back(start.b);
    if (start.backward >= 0)
        nodes.push_back(start.a);
}

RoadGraph::Exits RoadGraph::exitsOf(const Snap &start) const
{
    Exits e;
    // Leave the start segment forwards (to b) or backwards (to a).
    if (start.forward >= 0) {
        e.node[e.count] = start.b;
        e.seconds[e.count] = (1 - start.fraction) * d->secondsOf(start.forward);
        e.meters[e.count++] = (1 - start.fraction) * d->metersOf(start.forward);
    }
    if (start.backward >= 0) {
        e.node[e.count] = start.a;
        e.seconds[e.count] = start.fraction * d->secondsOf(start.backward);
        e.meters[e.count++] = start.fraction * d->metersOf(start.backward);
    }
    return e;
}

std::pair<double, double> RoadGraph::fromSnap(const Snap &start, const Snap &target,
                                              const SearchBuffers &to) const
{
    return fromSnap(start, exitsOf(start), target, to);
}

std::pair<double, double> RoadGraph::fromSnap(const Snap &start, const Exits &exits, const Snap &target,
                                              const SearchBuffers &to) const
{
    double best = unreachable, bestMeters = unreachable;
    auto consider = [&](double s, double m) {
        if (s < best) {
            best = s;
            bestMeters = m;
        }
    };
    for (std::size_t k = 0; k < exits.count; ++k)
        consider(exits.seconds[k] + to.seconds[exits.node[k]], exits.meters[k] + to.meters[exits.node[k]]);
    if (start.a == target.a && start.b == target.b) {
        const double delta = target.fraction - start.fraction;
        if (delta >= 0 && start.forward >= 0)
            consider(delta * d->secondsOf(start.forward), delta * d->metersOf(start.forward));
        if (delta <= 0 && start.backward >= 0)
            consider(-delta * d->secondsOf(start.backward), -delta * d->metersOf(start.backward));
    }
    return {best, bestMeters};
}

void RoadGraph::timesFromNode(std::uint32_t source, std::vector<double> &seconds) const
{
    seconds.assign(d->net.nodes.size(), unreachable);
    seconds[source] = 0.0;
    runDijkstra(d->forward, {source}, seconds, Visitor{});
}

Route RoadGraph::route(const Snap &start, const Snap &target) const
{
    const auto n = d->net.nodes.size();
    std::vector<double> dist(n, unreachable);
    std::vector<std::uint32_t> pred(n);
    for (std::size_t i = 0; i < n; ++i)
        pred[i] = std::uint32_t(i);
    std::vector<Vertex> seeds;
    if (start.forward >= 0) {
        dist[start.b] = (1 - start.fraction) * d->secondsOf(start.forward);
        seeds.push_back(start.b);
    }
    if (start.backward >= 0 && start.fraction * d->secondsOf(start.backward) < dist[start.a]) {
        dist[start.a] = start.fraction * d->secondsOf(start.backward);
        seeds.push_back(start.a);
    }
    Visitor vis;
    vis.pred = pred.data();
    runDijkstra(d->forward, seeds, dist, vis);

    Route r;
    std::int64_t last = -1;
    auto consider = [&](double s, std::int64_t node) {
        if (s < r.seconds) {
            r.seconds = s;
            last = node;
        }
    };
    if (target.forward >= 0)
        consider(dist[target.a] + target.fraction * d->secondsOf(target.forward), target.a);
    if (target.backward >= 0)
        consider(dist[target.b] + (1 - target.fraction) * d->secondsOf(target.backward), target.b);
    if (start.a == target.a && start.b == target.b) {
        const double delta = target.fraction - start.fraction;
        if (delta >= 0 && start.forward >= 0)
            consider(delta * d->secondsOf(start.forward), -2);
        if (delta <= 0 && start.backward >= 0)
            consider(-delta * d->secondsOf(start.backward), -2);
    }
    if (last == -1)
        return r;
    std::vector<GeoPoint> middle;
    if (last >= 0) {
        for (auto v = std::uint32_t(last);; v = pred[v]) {
            middle.push_back(d->net.nodes[v]);
            if (pred[v] == v)
                break;
        }
    }
    r.polyline.push_back(start.point);
    r.polyline.insert(r.polyline.end(), middle.rbegin(), middle.rend());
    r.polyline.push_back(target.point);
    r.meters = 0;
    for (std::size_t i = 1; i < r.polyline.size(); ++i)
        r.meters += distanceMeters(r.polyline[i - 1], r.polyline[i]);
    return r;
}

} // namespace vigie::routing
