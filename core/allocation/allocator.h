#pragma once
// Optimal assignment of units to incident needs by min-cost flow (Boost.Graph
// successive_shortest_path_nonnegative_weights):
//   source →(1) unit →(1, cost) need slot (incident, need) →(count) sink.
// The flow is maximal first (as many needs filled as the units allow), and among maximal flows the cheapest:
//   cost(unit, need) = etaWeight · priority · ETA(min) + coverageWeight · coverageLoss(unit)
//                    + (5 − priority + (followUp ? followUpLevels : 0)) · priorityStep
// The last term is the same for every unit of a need: it only makes a scarce unit go to the higher
// priority need first, and to an incident that has no unit yet before one that has (a follow-up need). A unit
// fills one need at most; needs it cannot reach (no road, no time) get no arc.
#include "util/result.h"

#include <QStringList>

#include <vector>

namespace vigie::allocation {

struct Need
{
    QString name;   ///< unit type or capability
    QString agency; ///< empty: any agency
    int count = 1;
    int priority = 3; ///< 1..5
    /// Its incident has a unit engaged already: the need is a complement, served after the first unit of
    /// incidents that have none (Weights::followUpLevels).
    bool followUp = false;
};

struct Candidate
{
    QString id;
    QString type;
    QString agency;
    QStringList capabilities;
};

struct Weights
{
    double eta = 1.0;          ///< per minute of ETA, times the need's priority
    double coverage = 10.0;    ///< per unit of expected coverage lost (MEXCLP marginal, see coverage.h)
    double priorityStep = 1e6; ///< per priority level below 5 (serves higher priorities first)
    /// A follow-up need counts as this many priority levels lower: with too few units, every incident gets
    /// its first unit before any gets a complement, unless the complement is vital (priority 5) and the first
    /// unit can wait (priority 1). The response time (call to first unit on scene) is what a caller waits;
    /// a complement sent while another call waits for anyone lengthens it. Dispatch with this rule:
    /// tests/bench/simulation.md, "First units first".
    int followUpLevels = 3;
};

struct Problem
{
    std::vector<Candidate> units;
    std::vector<std::vector<Need>> needs; ///< per incident
    std::vector<double> etaSeconds;       ///< units × incidents, row-major; infinity: cannot reach
    std::vector<double> coverageLoss;     ///< per unit (empty: none)
    Weights weights;
    /// With a margin ≥ 0 the flow first runs on the cheapest arcs only: per need slot its
    /// `count + candidateMargin` cheapest units, per unit its `candidateMargin` cheapest slots; an
    /// optimality check then adds any arc that could still lower the cost or fill more needs, until none
    /// can (see solve()). The answer is the same for any margin; it only changes the time taken. Negative
    /// (the default): every feasible arc at once. Since the flow network is a CSR graph, one solve over
    /// every arc costs less than the two to four solves the pruning needs (vigie_bench_routing flowOnly).
    int candidateMargin = -1;
    /// Per incident (or empty): the searches for an incident may stop before reaching every unit. An
    /// infinite ETA of incident i then means "farther than etaFloor[i]", not "cannot reach", unless
    /// etaFloor[i] is infinite. solve() uses the floor as a lower bound of those arcs' costs and lists in
    /// Solution::unresolved the incidents whose unknown arcs could still change the answer.
    std::vector<double> etaFloor;

    [[nodiscard]] double eta(std::size_t unit, std::size_t incident) const
    {
        return etaSeconds[unit * needs.size() + incident];
    }
};

/// Whether `unit` can fill `need` (type or capability, and agency).
[[nodiscard]] bool matches(const Candidate &unit, const Need &need);
/// The arc cost of sending `unit` to fill `need` of `incident` (infinity when it cannot).
[[nodiscard]] double assignmentCost(const Problem &p, std::size_t unit, std::size_t incident,
                                    std::size_t need);

struct Assignment
{
    std::size_t unit = 0, incident = 0, need = 0;
    double cost = 0.0;
};

struct Shortfall
{
    std::size_t incident = 0, need = 0;
    int missing = 0;
};

struct Solution
{
    std::vector<Assignment> assignments;
    std::vector<Shortfall> shortfalls; ///< needs that could not be filled
    double cost = 0.0;                 ///< sum of the assignments' costs (find_flow_cost)
    /// Incidents whose searches must reach farther before the answer is proven optimal (see
    /// Problem::etaFloor); while not empty, the assignments above are not final.
    std::vector<std::size_t> unresolved;
};

[[nodiscard]] Result<Solution> solve(const Problem &problem);

} // namespace vigie::allocation
