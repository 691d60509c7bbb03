#pragma once
// A contraction hierarchy (Geisberger, Sanders, Schultes, Delling 2008) of a directed graph, queried with
// PHAST (Delling, Goldberg, Nowatzyk, Werneck 2011): the times from one node to every other node by a short
// upward search followed by one linear sweep over the nodes, instead of a Dijkstra that settles them one by
// one through a heap. A suggestion needs one such one-to-all search per incident; the sweep reads arrays in
// order and does not branch on a heap, which makes it several times faster on a city's road graph.
//
// Neither Boost.Graph nor any Debian package offers one (RoutingKit, the reference implementation, is not
// packaged), so it is written here; RoadGraph and the tests check it against Dijkstra and Bellman-Ford.
#include <cstdint>
#include <span>
#include <vector>

namespace vigie::routing {

/// An arc with a travel time and the metres of the road it stands for.
struct WeightedArc
{
    double seconds;
    double meters;
    std::uint32_t to;
};

/// Arcs grouped by node: the arcs of node v are arcs[start[v] .. start[v + 1]).
struct ArcList
{
    std::vector<std::uint32_t> start{0};
    std::vector<WeightedArc> arcs;

    [[nodiscard]] std::size_t nodeCount() const { return start.size() - 1; }
    [[nodiscard]] std::span<const WeightedArc> of(std::uint32_t v) const
    {
        return {arcs.data() + start[v], arcs.data() + start[v + 1]};
    }
};

/// Time and metres along the fastest path found so far.
struct PathLabel
{
    double seconds;
    double meters;
};

struct HeapEntry
{
    double seconds;
    std::uint32_t node;
};

struct PathSeed
{
    std::uint32_t node;
    double seconds, meters;
};

class ContractionHierarchy
{
public:
    ContractionHierarchy() = default;
    /// Contracts `graph` (out-arcs per node). The hierarchy numbers the nodes anew, most important first:
    /// order()[k] is the node of `graph` numbered k.
    [[nodiscard]] static ContractionHierarchy build(const ArcList &graph);

    [[nodiscard]] std::size_t nodeCount() const { return m_order.size(); }
    [[nodiscard]] const std::vector<std::uint32_t> &order() const { return m_order; }
    [[nodiscard]] std::size_t shortcutCount() const { return m_shortcuts; }

    /// Fastest times (and metres) from the seeds to every node, in the hierarchy's numbering: `labels` is
    /// resized to nodeCount(); unreachable nodes read infinity. `heap` is scratch space kept by the caller.
    void oneToAll(std::span<const PathSeed> seeds, std::vector<PathLabel> &labels,
                  std::vector<HeapEntry> &heap) const;

    /// The nodes a sweep must visit for the labels of `targets` to be final (RPHAST, Delling et al. 2011):
    /// the targets and every node an arc into one of them comes from, transitively, in sweep order.
    [[nodiscard]] std::vector<std::uint32_t> sweepFor(std::span<const std::uint32_t> targets) const;
    /// oneToAll, sweeping only `sweep` (from sweepFor): the labels of its nodes are final, the others not.
    void oneToSome(std::span<const PathSeed> seeds, std::span<const std::uint32_t> sweep,
                   std::vector<PathLabel> &labels, std::vector<HeapEntry> &heap) const;

private:
    void upward(std::span<const PathSeed> seeds, std::vector<PathLabel> &labels,
                std::vector<HeapEntry> &heap) const;

    std::vector<std::uint32_t> m_order;
    ArcList m_up;       ///< per node, its arcs to more important nodes
    ArcList m_downInto; ///< per node, the arcs into it from more important nodes (`to` is their source)
    std::size_t m_shortcuts = 0;
};

} // namespace vigie::routing
