// The only translation unit that instantiates Boost.Graph's min-cost flow (slow to compile).
#include "allocation/allocator.h"

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/iteration_macros.hpp>
#include <boost/graph/successive_shortest_path_nonnegative_weights.hpp>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <thread>
#include <tuple>

namespace vigie::allocation {

namespace {

constexpr double costScale = 1000.0;

// The flow network as a compressed sparse row graph: one allocation for all arcs, out-arcs side by side.
// Each augmentation of successive_shortest_path runs a Dijkstra over every arc, so how fast arcs are
// walked is what the solve costs (an adjacency_list with per-vertex vectors was about twice as slow here).
// Arc properties live in vectors indexed by the CSR edge index (Boost's residual-graph filter needs
// default-constructible property maps, which bundled CSR properties are not).
using FlowGraph = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, boost::no_property,
                                                     boost::no_property, std::uint32_t, std::uint32_t>;
using FlowEdge = boost::graph_traits<FlowGraph>::edge_descriptor;

/// Arcs of a flow network, each added with its opposite (capacity 0, cost negated).
struct FlowBuilder
{
    struct Pending
    {
        std::uint32_t from, to;
        long capacity, weight;
    };
    std::vector<Pending> arcs;
    /// Adds from→to and its reverse; returns the index of from→to among pending arcs.
    std::size_t add(std::size_t from, std::size_t to, long capacity, long weight)
    {
        arcs.push_back({std::uint32_t(from), std::uint32_t(to), capacity, weight});
        arcs.push_back({std::uint32_t(to), std::uint32_t(from), 0, -weight});
        return arcs.size() - 2;
    }
};

/// Min-cost max-flow from `source` to `sink` (Boost's successive_shortest_path_nonnegative_weights);
/// returns per pending arc the flow on it.
std::vector<long> minCostMaxFlow(const FlowBuilder &b, std::size_t vertices, std::size_t source,
                                 std::size_t sink)
{
    // Counting sort by source: CSR wants arcs grouped by source, and each arc's final index links it with
    // its reverse.
    const std::size_t m = b.arcs.size();
    std::vector<std::uint32_t> start(vertices + 1, 0), indexOf(m);
    for (const auto &a : b.arcs)
        ++start[a.from + 1];
    for (std::size_t v = 0; v < vertices; ++v)
        start[v + 1] += start[v];
    std::vector<std::pair<std::uint32_t, std::uint32_t>> ends(m);
    std::vector<long> capacity(m), residual(m);
    // Costs and distances in double, holding integers (thousandths, far below 2^53: exact, so reduced
    // costs never round below zero). Not long: for a vertex the source cannot reach, Boost adds its
    // "infinite" distance to its potential after every augmentation, which overflows a signed integer
    // (undefined behaviour, caught by UBSan); in double it is +inf, and such a vertex's arcs are never
    // examined again (it stays unreachable: augmentations only reverse arcs between reached vertices).
    std::vector<double> weight(m);
    for (std::size_t k = 0; k < m; ++k) {
        const std::uint32_t at = start[b.arcs[k].from]++;
        indexOf[k] = at;
        ends[at] = {b.arcs[k].from, b.arcs[k].to};
        capacity[at] = b.arcs[k].capacity;
        weight[at] = double(b.arcs[k].weight);
    }
    const FlowGraph g(boost::edges_are_sorted, ends.begin(), ends.end(), vertices);
    const auto edgeIndex = boost::get(boost::edge_index, g);
    std::vector<FlowEdge> byIndex(m);
    BGL_FORALL_EDGES(e, g, FlowGraph)
    {
        byIndex[e.idx] = e;
    }
    std::vector<FlowEdge> reverse(m);
    for (std::size_t k = 0; k < m; ++k)
        reverse[indexOf[k]] = byIndex[indexOf[k ^ 1]];
    const auto vertexIndex = boost::get(boost::vertex_index, g);
    std::vector<FlowEdge> pred(vertices);
    std::vector<double> distance(vertices), potential(vertices);
    boost::successive_shortest_path_nonnegative_weights(
        g, boost::vertex(source, g), boost::vertex(sink, g),
        boost::make_iterator_property_map(capacity.begin(), edgeIndex),
        boost::make_iterator_property_map(residual.begin(), edgeIndex),
        boost::make_iterator_property_map(weight.begin(), edgeIndex),
        boost::make_iterator_property_map(reverse.begin(), edgeIndex), vertexIndex,
        boost::make_iterator_property_map(pred.begin(), vertexIndex),
        boost::make_iterator_property_map(distance.begin(), vertexIndex),
        boost::make_iterator_property_map(potential.begin(), vertexIndex));
    std::vector<long> flow(m, 0);
    for (std::size_t k = 0; k < m; k += 2)
        flow[k] = capacity[indexOf[k]] - residual[indexOf[k]];
    return flow;
}

} // namespace

bool matches(const Candidate &unit, const Need &need)
{
    if (!need.agency.isEmpty() && need.agency != unit.agency)
        return false;
    return unit.type == need.name || unit.capabilities.contains(need.name);
}

namespace {

double costWithEta(const Problem &p, std::size_t unit, std::size_t incident, std::size_t need, double eta)
{
    const Need &n = p.needs[incident][need];
    if (!std::isfinite(eta))
        return std::numeric_limits<double>::infinity();
    const int priority = std::clamp(n.priority, 1, 5);
    const double coverage = p.coverageLoss.empty() ? 0.0 : p.coverageLoss[unit];
    const int levelsBelow = 5 - priority + (n.followUp ? std::max(0, p.weights.followUpLevels) : 0);
    const double cost = p.weights.eta * priority * (eta / 60.0) + p.weights.coverage * coverage +
                        levelsBelow * p.weights.priorityStep;
    // Quantised to 1/1000: the flow runs on integer costs, since with doubles the reduced costs of
    // successive_shortest_path can round below zero and Boost's Dijkstra refuses them.
    return std::round(cost * costScale) / costScale;
}

double costIfMatching(const Problem &p, std::size_t unit, std::size_t incident, std::size_t need)
{
    return costWithEta(p, unit, incident, need, p.eta(unit, incident));
}

} // namespace

double assignmentCost(const Problem &p, std::size_t unit, std::size_t incident, std::size_t need)
{
    if (!matches(p.units[unit], p.needs[incident][need]))
        return std::numeric_limits<double>::infinity();
    return costIfMatching(p, unit, incident, need);
}

namespace {

using Slot = std::pair<std::size_t, std::size_t>; // (incident, need)

/// One connected component of the "unit can fill slot" graph, with local indices: arc costs in
/// thousandths (-1: the unit cannot fill the slot), row-major per slot.
struct Component
{
    std::vector<std::size_t> units, slots; ///< global indices
    std::vector<long> cost;                ///< slots.size() × units.size()
    std::vector<long> capacity;            ///< per slot: the need's count
    /// Lower bound of the cost of arcs whose ETA is not known yet (-1: known or impossible); such arcs are
    /// never in a flow, only in the optimality check (see Problem::etaFloor).
    std::vector<long> bound;
    [[nodiscard]] std::size_t nu() const { return units.size(); }
    [[nodiscard]] std::size_t ns() const { return slots.size(); }
    [[nodiscard]] long at(std::size_t s, std::size_t u) const { return cost[s * units.size() + u]; }
    [[nodiscard]] long atLeast(std::size_t s, std::size_t u) const { return bound[s * units.size() + u]; }
};

/// Min-cost max-flow over the arcs marked in `kept`: per local unit, the local slot it fills or -1.
std::vector<int> flowOn(const Component &c, const std::vector<char> &kept)
{
    const std::size_t nu = c.nu(), ns = c.ns();
    // Vertices: 0 source, 1 sink, units, then one per (incident, need).
    const std::size_t source = 0, sink = 1, firstSlot = 2 + nu;
    FlowBuilder b;
    struct Arc
    {
        std::size_t pending;
        std::size_t unit, slot;
    };
    std::vector<Arc> arcs;
    for (std::size_t u = 0; u < nu; ++u)
        b.add(source, 2 + u, 1, 0);
    for (std::size_t s = 0; s < ns; ++s) {
        for (std::size_t u = 0; u < nu; ++u)
            if (kept[s * nu + u])
                arcs.push_back({b.add(2 + u, firstSlot + s, 1, c.at(s, u)), u, s});
        b.add(firstSlot + s, sink, c.capacity[s], 0);
    }
    const std::vector<long> flow = minCostMaxFlow(b, 2 + nu + ns, source, sink);
    std::vector<int> slotOf(nu, -1);
    for (const Arc &a : arcs)
        if (flow[a.pending] > 0)
            slotOf[a.unit] = int(a.slot);
    return slotOf;
}

/// The optimality check of a flow found on the kept arcs only, against every feasible arc. Standard
/// min-cost flow theory: a flow is a maximum flow of least cost iff its residual graph has no path from
/// source to sink (nothing more can be filled) and no cycle of negative cost, i.e. iff there are node
/// potentials π with c(v,w) + π(v) − π(w) ≥ 0 on every residual arc. π comes from Bellman-Ford over the
/// residual graph of the kept arcs (no negative cycle there: that flow is optimal on them); the arcs left
/// out are unused, so each adds one residual arc u→s of its own cost. If an augmenting path or an arc of
/// negative reduced cost exists, its arcs are kept and the flow is solved again; otherwise the flow is
/// optimal over all arcs. Returns whether arcs were added.
/// Arcs whose cost is not known yet (Component::bound) take part with their lower bound: if one lies on the
/// augmenting path, or has a negative reduced cost with that bound, its slot is marked in `widen` (the
/// incident's search must go farther) and the check stops there, since the flow will be solved again.
bool keepImprovingArcs(const Component &c, const std::vector<int> &slotOf, std::vector<char> &kept,
                       std::vector<char> &widen)
{
    const std::size_t nu = c.nu(), ns = c.ns(), n = 2 + nu + ns;
    const std::size_t source = 0, sink = 1;
    const auto unitNode = [](std::size_t u) {
        return 2 + u;
    };
    const auto slotNode = [nu](std::size_t s) {
        return 2 + nu + s;
    };
    std::vector<long> used(ns, 0);
    for (std::size_t u = 0; u < nu; ++u)
        if (slotOf[u] >= 0)
            ++used[std::size_t(slotOf[u])];
    // 1. An augmenting path over all feasible arcs (breadth-first from the source).
    bool pathUnknown = false;
    {
        std::vector<std::size_t> pred(n, n);
        std::vector<std::size_t> queue{source};
        pred[source] = source;
        for (std::size_t k = 0; k < queue.size() && pred[sink] == n; ++k) {
            const std::size_t v = queue[k];
            const auto visit = [&](std::size_t w) {
                if (pred[w] == n) {
                    pred[w] = v;
                    queue.push_back(w);
                }
            };
            if (v == source) {
                for (std::size_t u = 0; u < nu; ++u)
                    if (slotOf[u] < 0)
                        visit(unitNode(u));
            } else if (v < 2 + nu) {
                const std::size_t u = v - 2;
                for (std::size_t s = 0; s < ns; ++s)
                    if ((c.at(s, u) >= 0 || c.atLeast(s, u) >= 0) && slotOf[u] != int(s))
                        visit(slotNode(s));
            } else if (v != sink) {
                const std::size_t s = v - 2 - nu;
                if (used[s] < c.capacity[s])
                    visit(sink);
                for (std::size_t u = 0; u < nu; ++u)
                    if (slotOf[u] == int(s))
                        visit(unitNode(u));
            }
        }
        if (pred[sink] != n) {
            bool unknown = false;
            for (std::size_t w = pred[sink]; w != source; w = pred[w]) {
                const std::size_t v = pred[w];
                if (v >= 2 && v < 2 + nu && w >= 2 + nu && c.at(w - 2 - nu, v - 2) < 0) {
                    widen[w - 2 - nu] = 1;
                    unknown = true;
                }
            }
            // Arcs of unknown cost on the path: their incidents must be searched farther. Go on to the
            // reduced costs below anyway, so that one round lists every incident that needs it.
            if (!unknown) {
                // The path found, and every arc from a free unit to a slot with room: one round then fills
                // what direct moves can, instead of one path per round.
                bool added = false;
                for (std::size_t s = 0; s < ns; ++s)
                    if (used[s] < c.capacity[s])
                        for (std::size_t u = 0; u < nu; ++u)
                            if (slotOf[u] < 0 && c.at(s, u) >= 0 && !kept[s * nu + u])
                                kept[s * nu + u] = added = true;
                for (std::size_t w = pred[sink]; w != source; w = pred[w]) {
                    const std::size_t v = pred[w];
                    if (v >= 2 && v < 2 + nu && w >= 2 + nu) { // forward unit → slot step
                        char &k = kept[(w - 2 - nu) * nu + (v - 2)];
                        added = added || !k;
                        k = 1;
                    }
                }
                if (added)
                    return true;
            }
            pathUnknown = unknown;
        }
    }
    // 2. Potentials over the residual graph of the kept arcs.
    struct Residual
    {
        std::size_t from, to;
        long cost;
    };
    std::vector<Residual> residual;
    for (std::size_t u = 0; u < nu; ++u) {
        if (slotOf[u] < 0)
            residual.push_back({source, unitNode(u), 0});
        else
            residual.push_back({unitNode(u), source, 0});
    }
    for (std::size_t s = 0; s < ns; ++s) {
        for (std::size_t u = 0; u < nu; ++u)
            if (kept[s * nu + u]) {
                if (slotOf[u] == int(s))
                    residual.push_back({slotNode(s), unitNode(u), -c.at(s, u)});
                else
                    residual.push_back({unitNode(u), slotNode(s), c.at(s, u)});
            }
        if (used[s] < c.capacity[s])
            residual.push_back({slotNode(s), sink, 0});
        if (used[s] > 0)
            residual.push_back({sink, slotNode(s), 0});
    }
    std::vector<long> pi(n, 0); // a virtual root at distance 0 from every node
    bool settled = false;
    for (std::size_t pass = 0; pass <= n && !settled; ++pass) {
        settled = true;
        for (const Residual &r : residual)
            if (pi[r.from] + r.cost < pi[r.to]) {
                pi[r.to] = pi[r.from] + r.cost;
                settled = false;
            }
    }
    bool added = false;
    if (!settled) { // cannot happen for a flow of least cost; keep everything rather than guess
        for (std::size_t s = 0; s < ns; ++s)
            for (std::size_t u = 0; u < nu; ++u)
                if (c.at(s, u) >= 0 && !kept[s * nu + u])
                    kept[s * nu + u] = added = true;
        return added;
    }
    // 3. Every arc left out must have a non-negative reduced cost (unknown arcs: with their lower bound).
    for (std::size_t s = 0; s < ns; ++s)
        for (std::size_t u = 0; u < nu; ++u) {
            if (!kept[s * nu + u] && c.at(s, u) >= 0 && c.at(s, u) + pi[unitNode(u)] - pi[slotNode(s)] < 0)
                kept[s * nu + u] = added = true;
            if (c.atLeast(s, u) >= 0 && c.atLeast(s, u) + pi[unitNode(u)] - pi[slotNode(s)] < 0)
                widen[s] = added = true;
        }
    return added || pathUnknown;
}

/// The initial arcs: per slot its `count + margin` cheapest units, per unit its `margin` cheapest slots
/// (every feasible arc when margin < 0).
std::vector<char> cheapestArcs(const Component &c, int margin)
{
    const std::size_t nu = c.nu(), ns = c.ns();
    std::vector<char> kept(ns * nu, 0);
    if (margin < 0) {
        for (std::size_t k = 0; k < kept.size(); ++k)
            kept[k] = c.cost[k] >= 0 ? 1 : 0;
        return kept;
    }
    std::vector<std::pair<long, std::size_t>> order;
    for (std::size_t s = 0; s < ns; ++s) {
        order.clear();
        for (std::size_t u = 0; u < nu; ++u)
            if (c.at(s, u) >= 0)
                order.emplace_back(c.at(s, u), u);
        const std::size_t k = std::min(order.size(), std::size_t(c.capacity[s]) + std::size_t(margin));
        std::partial_sort(order.begin(), order.begin() + std::ptrdiff_t(k), order.end());
        for (std::size_t i = 0; i < k; ++i)
            kept[s * nu + order[i].second] = 1;
    }
    for (std::size_t u = 0; u < nu; ++u) {
        order.clear();
        for (std::size_t s = 0; s < ns; ++s)
            if (c.at(s, u) >= 0)
                order.emplace_back(c.at(s, u), s);
        const std::size_t k = std::min(order.size(), std::size_t(margin));
        std::partial_sort(order.begin(), order.begin() + std::ptrdiff_t(k), order.end());
        for (std::size_t i = 0; i < k; ++i)
            kept[order[i].second * nu + u] = 1;
    }
    return kept;
}

/// Min-cost max-flow on the units and need slots of one component; appends to `sol`.
void solveComponent(const Problem &p, const Component &c, const std::vector<Slot> &allSlots, Solution &sol)
{
    std::vector<char> kept = cheapestArcs(c, p.candidateMargin);
    std::vector<int> slotOf = flowOn(c, kept);
    std::vector<char> widen(c.ns(), 0);
    // Each round keeps at least one more arc, so this ends; in practice one or two rounds. When an arc of
    // unknown cost could matter, the caller widens that incident's search and solves again.
    while (keepImprovingArcs(c, slotOf, kept, widen) &&
           std::find(widen.begin(), widen.end(), 1) == widen.end())
        slotOf = flowOn(c, kept);
    for (std::size_t s = 0; s < c.ns(); ++s)
        if (widen[s])
            sol.unresolved.push_back(allSlots[c.slots[s]].first);
    std::vector<long> used(c.ns(), 0);
    for (std::size_t u = 0; u < c.nu(); ++u) {
        if (slotOf[u] < 0)
            continue;
        const auto s = std::size_t(slotOf[u]);
        ++used[s];
        const auto [i, k] = allSlots[c.slots[s]];
        const double cost = double(c.at(s, u)) / costScale;
        sol.assignments.push_back({c.units[u], i, k, cost});
        sol.cost += cost;
    }
    for (std::size_t s = 0; s < c.ns(); ++s)
        if (used[s] < c.capacity[s]) {
            const auto [i, k] = allSlots[c.slots[s]];
            sol.shortfalls.push_back({i, k, int(c.capacity[s] - used[s])});
        }
}

/// Union-find over units and slots.
struct UnionFind
{
    std::vector<std::size_t> parent;
    explicit UnionFind(std::size_t n) : parent(n)
    {
        for (std::size_t i = 0; i < n; ++i)
            parent[i] = i;
    }
    std::size_t find(std::size_t x)
    {
        while (parent[x] != x)
            x = parent[x] = parent[parent[x]];
        return x;
    }
    void join(std::size_t a, std::size_t b) { parent[find(a)] = find(b); }
};

} // namespace

Result<Solution> solve(const Problem &p)
{
    const std::size_t nu = p.units.size(), ni = p.needs.size();
    if (p.etaSeconds.size() != nu * ni)
        return Error{QStringLiteral("allocation: %1 travel times for %2 units × %3 incidents")
                         .arg(p.etaSeconds.size())
                         .arg(nu)
                         .arg(ni)};
    if (!p.coverageLoss.empty() && p.coverageLoss.size() != nu)
        return Error{
            QStringLiteral("allocation: %1 coverage values for %2 units").arg(p.coverageLoss.size()).arg(nu)};
    if (!p.etaFloor.empty() && p.etaFloor.size() != ni)
        return Error{
            QStringLiteral("allocation: %1 search radii for %2 incidents").arg(p.etaFloor.size()).arg(ni)};
    std::vector<Slot> slots;
    for (std::size_t i = 0; i < ni; ++i)
        for (std::size_t k = 0; k < p.needs[i].size(); ++k)
            slots.emplace_back(i, k);
    // Every cost is on a unit→slot arc, so the flow splits exactly into the connected components of the
    // "unit can fill slot" graph (in practice one per family of unit types: engines, ambulances, SMUR, …).
    // Successive shortest paths costs (augmentations × arcs): solving components apart divides it by
    // about the number of components, with the same optimum (checked against GLPK in the tests).
    // Which units match which need: computed once per distinct (name, agency), not per arc (string
    // comparisons over 300 units × hundreds of slots were a visible part of a suggestion).
    std::vector<std::pair<QString, QString>> needKinds;
    std::vector<std::vector<char>> matchOfKind;
    std::vector<std::size_t> kindOfSlot;
    for (const auto &[i, k] : slots) {
        const Need &n = p.needs[i][k];
        const std::pair<QString, QString> key{n.name, n.agency};
        auto it = std::find(needKinds.begin(), needKinds.end(), key);
        if (it == needKinds.end()) {
            needKinds.push_back(key);
            std::vector<char> m(nu);
            for (std::size_t u = 0; u < nu; ++u)
                m[u] = matches(p.units[u], n) ? 1 : 0;
            matchOfKind.push_back(std::move(m));
            it = needKinds.end() - 1;
        }
        kindOfSlot.push_back(std::size_t(it - needKinds.begin()));
    }
    std::vector<double> costs(slots.size() * nu, std::numeric_limits<double>::infinity());
    std::vector<double> bounds(costs.size(), std::numeric_limits<double>::infinity());
    UnionFind comp(nu + slots.size());
    for (std::size_t s = 0; s < slots.size(); ++s) {
        const auto [i, k] = slots[s];
        const double floor = p.etaFloor.empty() ? std::numeric_limits<double>::infinity() : p.etaFloor[i];
        for (std::size_t u = 0; u < nu; ++u)
            if (matchOfKind[kindOfSlot[s]][u]) {
                costs[s * nu + u] = costIfMatching(p, u, i, k);
                if (std::isfinite(costs[s * nu + u]))
                    comp.join(u, nu + s);
                else if (std::isfinite(floor)) {
                    // Not reached by a search that stopped at `floor`: at least that far.
                    bounds[s * nu + u] = costWithEta(p, u, i, k, floor);
                    comp.join(u, nu + s);
                }
            }
    }
    std::vector<Component> components;
    std::vector<std::size_t> componentOf(nu + slots.size(), std::size_t(-1));
    const auto componentAt = [&](std::size_t node) -> Component & {
        std::size_t &k = componentOf[comp.find(node)];
        if (k == std::size_t(-1)) {
            k = components.size();
            components.emplace_back();
        }
        return components[k];
    };
    for (std::size_t u = 0; u < nu; ++u)
        componentAt(u).units.push_back(u);
    for (std::size_t s = 0; s < slots.size(); ++s) {
        Component &c = componentAt(nu + s);
        c.slots.push_back(s);
        c.capacity.push_back(std::max(0, p.needs[slots[s].first][slots[s].second].count));
    }
    for (Component &c : components) {
        c.cost.assign(c.ns() * c.nu(), -1);
        c.bound.assign(c.ns() * c.nu(), -1);
        for (std::size_t s = 0; s < c.ns(); ++s)
            for (std::size_t u = 0; u < c.nu(); ++u) {
                const double x = costs[c.slots[s] * nu + c.units[u]];
                if (std::isfinite(x))
                    c.cost[s * c.nu() + u] = std::lround(x * costScale);
                const double b = bounds[c.slots[s] * nu + c.units[u]];
                if (std::isfinite(b))
                    c.bound[s * c.nu() + u] = std::lround(b * costScale);
            }
    }
    // Components are independent flows: solve them on a few threads, largest first, each into its own
    // Solution, then merge in component order (the same sums in the same order as one thread would do).
    std::vector<Solution> parts(components.size());
    std::vector<std::size_t> bySize;
    for (std::size_t k = 0; k < components.size(); ++k)
        if (!components[k].slots.empty())
            bySize.push_back(k);
    std::stable_sort(bySize.begin(), bySize.end(), [&](std::size_t a, std::size_t b) {
        return components[a].cost.size() > components[b].cost.size();
    });
    std::atomic<std::size_t> next{0};
    const auto run = [&] {
        for (std::size_t k; (k = next++) < bySize.size();)
            solveComponent(p, components[bySize[k]], slots, parts[bySize[k]]);
    };
    std::size_t arcs = 0;
    for (const Component &c : components)
        arcs += c.cost.size();
    const std::size_t workers =
        arcs < 2000 || bySize.size() < 2
            ? 1
            : std::min<std::size_t>(std::max(1u, std::thread::hardware_concurrency()), 2);
    {
        std::vector<std::jthread> helpers;
        for (std::size_t k = 1; k < workers; ++k)
            helpers.emplace_back(run);
        run();
    }
    Solution sol;
    for (const Solution &part : parts) {
        for (const Assignment &a : part.assignments) {
            sol.assignments.push_back(a);
            sol.cost += a.cost;
        }
        sol.shortfalls.insert(sol.shortfalls.end(), part.shortfalls.begin(), part.shortfalls.end());
        sol.unresolved.insert(sol.unresolved.end(), part.unresolved.begin(), part.unresolved.end());
    }
    // Same order as a single flow would give: by incident, need, then unit.
    std::sort(sol.assignments.begin(), sol.assignments.end(), [](const Assignment &x, const Assignment &y) {
        return std::tie(x.incident, x.need, x.unit) < std::tie(y.incident, y.need, y.unit);
    });
    std::sort(sol.shortfalls.begin(), sol.shortfalls.end(), [](const Shortfall &x, const Shortfall &y) {
        return std::tie(x.incident, x.need) < std::tie(y.incident, y.need);
    });
    std::sort(sol.unresolved.begin(), sol.unresolved.end());
    sol.unresolved.erase(std::unique(sol.unresolved.begin(), sol.unresolved.end()), sol.unresolved.end());
    return sol;
}

} // namespace vigie::allocation
