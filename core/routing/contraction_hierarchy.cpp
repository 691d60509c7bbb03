#include "routing/contraction_hierarchy.h"

#include <algorithm>
#include <functional>
#include <limits>
#include <queue>

namespace vigie::routing {

namespace {

constexpr double infinity = std::numeric_limits<double>::infinity();

struct Later
{
    bool operator()(const HeapEntry &x, const HeapEntry &y) const { return x.seconds > y.seconds; }
};

// The graph while it is being contracted: arcs in both directions per node, contracted nodes skipped.
struct Builder
{
    struct Arc
    {
        std::uint32_t other;
        double seconds, meters;
    };
    std::vector<std::vector<Arc>> out, in;
    std::vector<char> contracted;
    std::vector<std::uint32_t> deletedNeighbours;
    // Witness searches: one local Dijkstra at a time.
    std::vector<double> dist;
    std::vector<std::uint32_t> touched;
    std::vector<HeapEntry> heap;

    // A witness search gives up after this many settled nodes: a shortcut is then added that a longer
    // search might have shown useless. That costs a few arcs, never a wrong time.
    static constexpr int settleLimit = 400;

    explicit Builder(const ArcList &g)
        : out(g.nodeCount()), in(g.nodeCount()), contracted(g.nodeCount(), 0),
          deletedNeighbours(g.nodeCount(), 0), dist(g.nodeCount(), infinity)
    {
        for (std::uint32_t v = 0; v < g.nodeCount(); ++v)
            for (const WeightedArc &a : g.of(v))
                if (a.to != v)
                    addArc(v, a.to, a.seconds, a.meters);
    }

    // Adds u→w, or lowers an existing u→w (parallel roads: the faster one counts).
    void addArc(std::uint32_t u, std::uint32_t w, double seconds, double meters)
    {
        for (Arc &a : out[u])
            if (a.other == w) {
                if (seconds < a.seconds) {
                    a.seconds = seconds;
                    a.meters = meters;
                    for (Arc &b : in[w])
                        if (b.other == u)
                            b = {u, seconds, meters};
                }
                return;
            }
        out[u].push_back({w, seconds, meters});
        in[w].push_back({u, seconds, meters});
    }

    // Distances from u without passing through `skip`, up to `maxSeconds`. A value left in `dist` is the
    // length of a real path (perhaps not the shortest): enough to prove a shortcut unnecessary.
    void witness(std::uint32_t u, std::uint32_t skip, double maxSeconds)
    {
        for (const std::uint32_t x : touched)
            dist[x] = infinity;
        touched.clear();
        heap.clear();
        dist[u] = 0;
        touched.push_back(u);
        heap.push_back({0.0, u});
        int settled = 0;
        while (!heap.empty()) {
            const HeapEntry top = heap.front();
            std::pop_heap(heap.begin(), heap.end(), Later{});
            heap.pop_back();
            if (top.seconds > dist[top.node])
                continue;
            if (top.seconds > maxSeconds || ++settled > settleLimit)
                break;
            for (const Arc &a : out[top.node]) {
                if (contracted[a.other] || a.other == skip)
                    continue;
                const double t = top.seconds + a.seconds;
                if (t < dist[a.other]) {
                    if (dist[a.other] == infinity)
                        touched.push_back(a.other);
                    dist[a.other] = t;
                    heap.push_back({t, a.other});
                    std::push_heap(heap.begin(), heap.end(), Later{});
                }
            }
        }
    }

    // The shortcuts contracting v needs (added when `apply`); returns their number.
    int contract(std::uint32_t v, bool apply)
    {
        int shortcuts = 0;
        for (const Arc &in1 : in[v]) {
            if (contracted[in1.other])
                continue;
            double farthest = -1;
            for (const Arc &out2 : out[v])
                if (!contracted[out2.other] && out2.other != in1.other)
                    farthest = std::max(farthest, out2.seconds);
            if (farthest < 0)
                continue;
            witness(in1.other, v, in1.seconds + farthest);
            for (const Arc &out2 : out[v]) {
                if (contracted[out2.other] || out2.other == in1.other)
                    continue;
                const double via = in1.seconds + out2.seconds;
                if (dist[out2.other] <= via)
                    continue; // a path as fast avoids v
                ++shortcuts;
                if (apply)
                    addArc(in1.other, out2.other, via, in1.meters + out2.meters);
            }
        }
        return shortcuts;
    }

    [[nodiscard]] int liveDegree(std::uint32_t v) const
    {
        int degree = 0;
        for (const Arc &a : out[v])
            degree += !contracted[a.other];
        for (const Arc &a : in[v])
            degree += !contracted[a.other];
        return degree;
    }

    // Edge difference plus contracted neighbours (spreads the contraction evenly over the graph).
    int priority(std::uint32_t v) { return contract(v, false) - liveDegree(v) + int(deletedNeighbours[v]); }
};

ArcList toArcList(const std::vector<std::vector<WeightedArc>> &perNode)
{
    ArcList list;
    list.start.assign(perNode.size() + 1, 0);
    for (std::size_t v = 0; v < perNode.size(); ++v)
        list.start[v + 1] = list.start[v] + std::uint32_t(perNode[v].size());
    list.arcs.reserve(list.start.back());
    for (const auto &arcs : perNode)
        list.arcs.insert(list.arcs.end(), arcs.begin(), arcs.end());
    return list;
}

} // namespace

ContractionHierarchy ContractionHierarchy::build(const ArcList &graph)
{
    const auto n = std::uint32_t(graph.nodeCount());
    const std::size_t originalArcs = graph.arcs.size();
    Builder b(graph);
    using Entry = std::pair<int, std::uint32_t>;
    std::priority_queue<Entry, std::vector<Entry>, std::greater<>> queue;
    for (std::uint32_t v = 0; v < n; ++v)
        queue.emplace(b.priority(v), v);
    std::vector<std::uint32_t> rank(n);
    std::vector<std::vector<Builder::Arc>> up(n), downInto(n);
    std::uint32_t next = 0;
    while (!queue.empty()) {
        const std::uint32_t v = queue.top().second;
        queue.pop();
        // Lazy update: priorities change as neighbours are contracted; contract v only if it is still
        // the least important.
        const int now = b.priority(v);
        if (!queue.empty() && now > queue.top().first) {
            queue.emplace(now, v);
            continue;
        }
        b.contract(v, true);
        for (const Builder::Arc &a : b.out[v])
            if (!b.contracted[a.other]) {
                up[v].push_back(a);
                ++b.deletedNeighbours[a.other];
            }
        for (const Builder::Arc &a : b.in[v])
            if (!b.contracted[a.other]) {
                downInto[v].push_back(a);
                ++b.deletedNeighbours[a.other];
            }
        b.contracted[v] = 1;
        rank[v] = next++;
    }
    ContractionHierarchy h;
    // Most important first: the sweep then reads nodes and arcs front to back.
    h.m_order.resize(n);
    std::vector<std::uint32_t> id(n);
    for (std::uint32_t v = 0; v < n; ++v) {
        id[v] = n - 1 - rank[v];
        h.m_order[id[v]] = v;
    }
    std::vector<std::vector<WeightedArc>> upById(n), downById(n);
    std::size_t total = 0;
    for (std::uint32_t v = 0; v < n; ++v) {
        for (const Builder::Arc &a : up[v])
            upById[id[v]].push_back({a.seconds, a.meters, id[a.other]});
        for (const Builder::Arc &a : downInto[v])
            downById[id[v]].push_back({a.seconds, a.meters, id[a.other]});
        total += up[v].size() + downInto[v].size();
    }
    h.m_up = toArcList(upById);
    h.m_downInto = toArcList(downById);
    h.m_shortcuts = total > originalArcs ? total - originalArcs : 0;
    return h;
}

void ContractionHierarchy::upward(std::span<const PathSeed> seeds, std::vector<PathLabel> &labels,
                                  std::vector<HeapEntry> &heap) const
{
    const std::size_t n = m_order.size();
    labels.assign(n, {infinity, infinity});
    heap.clear();
    for (const PathSeed &s : seeds)
        if (s.node < n && s.seconds < labels[s.node].seconds) {
            labels[s.node] = {s.seconds, s.meters};
            heap.push_back({s.seconds, s.node});
            std::push_heap(heap.begin(), heap.end(), Later{});
        }
    // A Dijkstra over arcs to more important nodes only (a few hundred nodes at most).
    while (!heap.empty()) {
        const HeapEntry top = heap.front();
        std::pop_heap(heap.begin(), heap.end(), Later{});
        heap.pop_back();
        const PathLabel here = labels[top.node];
        if (top.seconds > here.seconds)
            continue;
        for (const WeightedArc &a : m_up.of(top.node)) {
            const double t = here.seconds + a.seconds;
            if (t < labels[a.to].seconds) {
                labels[a.to] = {t, here.meters + a.meters};
                heap.push_back({t, a.to});
                std::push_heap(heap.begin(), heap.end(), Later{});
            }
        }
    }
}

namespace {

// Every arc into v comes from a node already final when v's turn comes (nodes are numbered most important
// first, and arcs into v come from more important nodes).
inline void settle(std::uint32_t v, const std::uint32_t *start, const WeightedArc *arcs, PathLabel *label)
{
    PathLabel best = label[v];
    for (std::uint32_t k = start[v]; k < start[v + 1]; ++k) {
        const PathLabel &from = label[arcs[k].to];
        const double t = from.seconds + arcs[k].seconds;
        if (t < best.seconds)
            best = {t, from.meters + arcs[k].meters};
    }
    label[v] = best;
}

} // namespace

void ContractionHierarchy::oneToAll(std::span<const PathSeed> seeds, std::vector<PathLabel> &labels,
                                    std::vector<HeapEntry> &heap) const
{
    upward(seeds, labels, heap);
    const auto n = std::uint32_t(m_order.size());
    for (std::uint32_t v = 0; v < n; ++v)
        settle(v, m_downInto.start.data(), m_downInto.arcs.data(), labels.data());
}

std::vector<std::uint32_t> ContractionHierarchy::sweepFor(std::span<const std::uint32_t> targets) const
{
    const std::size_t n = m_order.size();
    std::vector<char> needed(n, 0);
    for (const std::uint32_t t : targets)
        if (t < n)
            needed[t] = 1;
    // Sources of arcs into v are more important, i.e. numbered lower: one pass from the back closes the set.
    for (std::size_t v = n; v-- > 0;)
        if (needed[v])
            for (const WeightedArc &a : m_downInto.of(std::uint32_t(v)))
                needed[a.to] = 1;
    std::vector<std::uint32_t> sweep;
    for (std::uint32_t v = 0; v < n; ++v)
        if (needed[v])
            sweep.push_back(v);
    return sweep;
}

void ContractionHierarchy::oneToSome(std::span<const PathSeed> seeds, std::span<const std::uint32_t> sweep,
                                     std::vector<PathLabel> &labels, std::vector<HeapEntry> &heap) const
{
    upward(seeds, labels, heap);
    for (const std::uint32_t v : sweep)
        settle(v, m_downInto.start.data(), m_downInto.arcs.data(), labels.data());
}

} // namespace vigie::routing
