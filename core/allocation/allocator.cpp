// The only translation unit that instantiates Boost.Graph's min-cost flow (slow to compile).
#include "allocation/allocator.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/successive_shortest_path_nonnegative_weights.hpp>
// After the line above: it needs the named-parameter machinery that one includes.
#include <boost/graph/find_flow_cost.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>

namespace vigie::allocation {

namespace {

constexpr double costScale = 1000.0;

using Traits = boost::adjacency_list_traits<boost::vecS, boost::vecS, boost::directedS>;
using FlowGraph = boost::adjacency_list<
    boost::vecS, boost::vecS, boost::directedS, boost::no_property,
    boost::property<boost::edge_capacity_t, long,
                    boost::property<boost::edge_residual_capacity_t, long,
                                    boost::property<boost::edge_reverse_t, Traits::edge_descriptor,
                                                    boost::property<boost::edge_weight_t, long>>>>>;
using FlowEdge = boost::graph_traits<FlowGraph>::edge_descriptor;

FlowEdge addArc(FlowGraph &g, std::size_t from, std::size_t to, long capacity, long cost)
{
    const FlowEdge e = boost::add_edge(from, to, g).first;
    const FlowEdge r = boost::add_edge(to, from, g).first;
    boost::put(boost::edge_capacity, g, e, capacity);
    boost::put(boost::edge_capacity, g, r, 0);
    boost::put(boost::edge_weight, g, e, cost);
    boost::put(boost::edge_weight, g, r, -cost);
    boost::put(boost::edge_reverse, g, e, r);
    boost::put(boost::edge_reverse, g, r, e);
    return e;
}

} // namespace

bool matches(const Candidate &unit, const Need &need)
{
    if (!need.agency.isEmpty() && need.agency != unit.agency)
        return false;
    return unit.type == need.name || unit.capabilities.contains(need.name);
}

namespace {

double costIfMatching(const Problem &p, std::size_t unit, std::size_t incident, std::size_t need)
{
    const Need &n = p.needs[incident][need];
    const double eta = p.eta(unit, incident);
    if (!std::isfinite(eta))
        return std::numeric_limits<double>::infinity();
    const int priority = std::clamp(n.priority, 1, 5);
    const double coverage = p.coverageLoss.empty() ? 0.0 : p.coverageLoss[unit];
    const double cost = p.weights.eta * priority * (eta / 60.0) + p.weights.coverage * coverage +
                        (5 - priority) * p.weights.priorityStep;
    // Quantised to 1/1000: the flow runs on integer costs, since with doubles the reduced costs of
    // successive_shortest_path can round below zero and Boost's Dijkstra refuses them.
    return std::round(cost * costScale) / costScale;
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

/// Min-cost max-flow on the units and need slots of one component; appends to `sol`.
void solveComponent(const Problem &p, const std::vector<double> &costs, const std::vector<std::size_t> &units,
                    const std::vector<std::size_t> &slotIds, const std::vector<Slot> &allSlots, Solution &sol)
{
    const std::size_t nu = p.units.size();
    std::vector<Slot> slots;
    for (const std::size_t s : slotIds)
        slots.push_back(allSlots[s]);
    // Vertices: 0 source, 1 sink, units, then one per (incident, need).
    FlowGraph g(2 + units.size() + slots.size());
    const std::size_t source = 0, sink = 1, firstSlot = 2 + units.size();
    struct Arc
    {
        FlowEdge edge;
        std::size_t unit, slot;
        double cost;
    };
    std::vector<Arc> arcs;
    std::vector<FlowEdge> slotArcs;
    for (std::size_t u = 0; u < units.size(); ++u)
        addArc(g, source, 2 + u, 1, 0);
    for (std::size_t s = 0; s < slots.size(); ++s) {
        const auto [i, k] = slots[s];
        for (std::size_t u = 0; u < units.size(); ++u) {
            const double c = costs[slotIds[s] * nu + units[u]];
            if (std::isfinite(c))
                arcs.push_back(
                    {addArc(g, 2 + u, firstSlot + s, 1, std::lround(c * costScale)), units[u], s, c});
        }
        slotArcs.push_back(addArc(g, firstSlot + s, sink, std::max(0, p.needs[i][k].count), 0));
    }
    boost::successive_shortest_path_nonnegative_weights(g, source, sink);

    const auto cap = boost::get(boost::edge_capacity, g);
    const auto res = boost::get(boost::edge_residual_capacity, g);
    sol.cost += double(boost::find_flow_cost(g, cap, res, boost::get(boost::edge_weight, g))) / costScale;
    for (const Arc &a : arcs)
        if (cap[a.edge] - res[a.edge] > 0)
            sol.assignments.push_back({a.unit, slots[a.slot].first, slots[a.slot].second, a.cost});
    for (std::size_t s = 0; s < slots.size(); ++s) {
        const long missing = res[slotArcs[s]];
        if (missing > 0)
            sol.shortfalls.push_back({slots[s].first, slots[s].second, int(missing)});
    }
}

/// Union-find over units and slots.
struct Components
{
    std::vector<std::size_t> parent;
    explicit Components(std::size_t n) : parent(n)
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
    Components comp(nu + slots.size());
    for (std::size_t s = 0; s < slots.size(); ++s)
        for (std::size_t u = 0; u < nu; ++u)
            if (matchOfKind[kindOfSlot[s]][u]) {
                costs[s * nu + u] = costIfMatching(p, u, slots[s].first, slots[s].second);
                if (std::isfinite(costs[s * nu + u]))
                    comp.join(u, nu + s);
            }
    std::vector<std::vector<std::size_t>> compUnits(nu + slots.size()), compSlots(nu + slots.size());
    for (std::size_t u = 0; u < nu; ++u)
        compUnits[comp.find(u)].push_back(u);
    for (std::size_t s = 0; s < slots.size(); ++s)
        compSlots[comp.find(nu + s)].push_back(s);
    Solution sol;
    for (std::size_t c = 0; c < compSlots.size(); ++c)
        if (!compSlots[c].empty())
            solveComponent(p, costs, compUnits[c], compSlots[c], slots, sol);
    // Same order as a single flow would give: by incident, need, then unit.
    std::sort(sol.assignments.begin(), sol.assignments.end(), [](const Assignment &x, const Assignment &y) {
        return std::tie(x.incident, x.need, x.unit) < std::tie(y.incident, y.need, y.unit);
    });
    std::sort(sol.shortfalls.begin(), sol.shortfalls.end(), [](const Shortfall &x, const Shortfall &y) {
        return std::tie(x.incident, x.need) < std::tie(y.incident, y.need);
    });
    return sol;
}

} // namespace vigie::allocation
