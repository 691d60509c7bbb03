// The only translation unit that instantiates Boost.Graph's min-cost flow (slow to compile).
#include "allocation/allocator.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/successive_shortest_path_nonnegative_weights.hpp>
// After the line above: it needs the named-parameter machinery that one includes.
#include <boost/graph/find_flow_cost.hpp>

#include <cmath>
#include <limits>

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

double assignmentCost(const Problem &p, std::size_t unit, std::size_t incident, std::size_t need)
{
    const Need &n = p.needs[incident][need];
    const double eta = p.eta(unit, incident);
    if (!std::isfinite(eta) || !matches(p.units[unit], n))
        return std::numeric_limits<double>::infinity();
    const int priority = std::clamp(n.priority, 1, 5);
    const double coverage = p.coverageLoss.empty() ? 0.0 : p.coverageLoss[unit];
    const double cost = p.weights.eta * priority * (eta / 60.0) + p.weights.coverage * coverage +
                        (5 - priority) * p.weights.priorityStep;
    // Quantised to 1/1000: the flow runs on integer costs, since with doubles the reduced costs of
    // successive_shortest_path can round below zero and Boost's Dijkstra refuses them.
    return std::round(cost * costScale) / costScale;
}

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
    // Vertices: 0 source, 1 sink, units, then one per (incident, need).
    std::vector<std::pair<std::size_t, std::size_t>> slots;
    for (std::size_t i = 0; i < ni; ++i)
        for (std::size_t k = 0; k < p.needs[i].size(); ++k)
            slots.emplace_back(i, k);
    FlowGraph g(2 + nu + slots.size());
    const std::size_t source = 0, sink = 1, firstSlot = 2 + nu;
    struct Arc
    {
        FlowEdge edge;
        std::size_t unit, slot;
        double cost;
    };
    std::vector<Arc> arcs;
    std::vector<FlowEdge> slotArcs;
    for (std::size_t u = 0; u < nu; ++u)
        addArc(g, source, 2 + u, 1, 0);
    for (std::size_t s = 0; s < slots.size(); ++s) {
        const auto [i, k] = slots[s];
        for (std::size_t u = 0; u < nu; ++u) {
            const double c = assignmentCost(p, u, i, k);
            if (std::isfinite(c))
                arcs.push_back({addArc(g, 2 + u, firstSlot + s, 1, std::lround(c * costScale)), u, s, c});
        }
        slotArcs.push_back(addArc(g, firstSlot + s, sink, std::max(0, p.needs[i][k].count), 0));
    }
    boost::successive_shortest_path_nonnegative_weights(g, source, sink);

    Solution sol;
    const auto cap = boost::get(boost::edge_capacity, g);
    const auto res = boost::get(boost::edge_residual_capacity, g);
    sol.cost = double(boost::find_flow_cost(g, cap, res, boost::get(boost::edge_weight, g))) / costScale;
    for (const Arc &a : arcs)
        if (cap[a.edge] - res[a.edge] > 0)
            sol.assignments.push_back({a.unit, slots[a.slot].first, slots[a.slot].second, a.cost});
    for (std::size_t s = 0; s < slots.size(); ++s) {
        const long missing = res[slotArcs[s]];
        if (missing > 0)
            sol.shortfalls.push_back({slots[s].first, slots[s].second, int(missing)});
    }
    return sol;
}

} // namespace vigie::allocation
