#pragma once
// The road network as a routable graph: a Boost.Graph compressed_sparse_row_graph (and its reverse, for
// many-to-one searches), a spatial index of road segments for snapping, and Dijkstra searches.
//
// Travel time of an edge = length / (speed × emergencyFactor). The speed is the way's maxspeed if tagged,
// else the class speed (road_network.h). emergencyFactor = 1.2: with sirens, vehicles pass red lights and
// queues; French SDIS planning studies use 15–25 % over the legal speed in town, we take the low end.
// Vehicle types scale every edge by the same factor (vehicleSpeedFactor), so one search serves all types:
// the shortest path is the same, its time is divided by the factor.
#include "routing/contraction_hierarchy.h"
#include "routing/road_network.h"

#include <array>
#include <limits>
#include <memory>
#include <span>

namespace vigie::routing {

inline constexpr double emergencyFactor = 1.2;
inline constexpr double unreachable = std::numeric_limits<double>::infinity();

/// Speed relative to a light vehicle: heavy fire engines (FPT, EPA, CCF, PCM) 0.8, others 1.0.
[[nodiscard]] double vehicleSpeedFactor(const QString &unitType);

/// A position projected on the nearest road segment between nodes a and b.
struct Snap
{
    std::uint32_t a = 0, b = 0;
    std::int64_t forward = -1;  ///< edge a→b, -1 if the road is one-way b→a
    std::int64_t backward = -1; ///< edge b→a, -1 if the road is one-way a→b
    double fraction = 0.0;      ///< position along a→b, 0..1
    double snapMeters = 0.0;    ///< distance from the position to the road
    GeoPoint point;             ///< the projected position
};

struct Route
{
    double seconds = unreachable;
    double meters = unreachable;
    std::vector<GeoPoint> polyline; ///< from the start position to the target position
};

/// Reusable buffers of a search (one per thread), so repeated searches do not allocate: after the first
/// search, a new one only resets the nodes the previous one touched.
struct SearchBuffers
{
    /// Per network node: the answer of the last search, for the nodes the caller asked for (every node
    /// when it asked for none); infinity where the search did not reach.
    std::vector<double> seconds;
    std::vector<double> meters;
    std::vector<std::uint32_t> touched; ///< network nodes written by the last search
    /// Where the search stopped: a value ≤ radius (of a node the caller asked for) is exact; a value above
    /// it is an over-estimate, and the true time is ≥ radius. Infinity once nothing is left to settle.
    double radius = 0.0;

    // The search's own state, indexed by core node (see RoadGraph::coreNodeCount): small and dense, so it
    // stays in the processor's cache however large the network.
    std::vector<PathLabel> core;
    std::vector<std::uint32_t> coreTouched;
    bool coreDirty = false;          ///< every core label may be set (after timesToAll)
    std::vector<HeapEntry> heap;     ///< lazy deletion
    std::array<PathSeed, 4> seeds{}; ///< where the target is reached from
    std::size_t seedCount = 0;
    std::vector<std::uint32_t> wantedStamp; ///< per core node, == generation: still awaited
    std::uint32_t generation = 0;
    std::size_t awaited = 0; ///< wanted core nodes not settled yet
    struct ChainSeed
    {
        std::uint32_t pos;
        double s, m;
    };
    std::array<ChainSeed, 4> chainSeeds{}; ///< the target's seeds on chains (see timesTo)
    std::size_t chainSeedCount = 0;
    // Per node of the last `wanted` list, the core labels its answer is read from: itself, or the ends of
    // the chains it lies on (kept while the list stays the same, as it does for a matrix's columns).
    struct Link
    {
        std::uint32_t core, chain, pos; ///< pos: position on the chain (none for a core node)
        double seconds, meters;         ///< from the node to that core node
    };
    std::vector<std::uint32_t> linkedWanted;
    std::vector<std::uint32_t> linkStart;
    std::vector<Link> links;
    std::vector<std::uint32_t> sweep; ///< core nodes a hierarchy sweep must visit for those labels
};

class RoadGraph
{
public:
    [[nodiscard]] static Result<std::unique_ptr<RoadGraph>> build(RoadNetwork network);
    ~RoadGraph();
    RoadGraph(const RoadGraph &) = delete;
    RoadGraph &operator=(const RoadGraph &) = delete;

    [[nodiscard]] const RoadNetwork &network() const;
    [[nodiscard]] std::size_t nodeCount() const;
    [[nodiscard]] std::size_t edgeCount() const;
    /// Nodes a timesTo search runs over: intersections, dead ends and the like, not the shape points of a
    /// road between them (degree-2 contraction, see road_graph.cpp).
    [[nodiscard]] std::size_t coreNodeCount() const;
    /// Emergency travel time of a network edge for a light vehicle, in seconds.
    [[nodiscard]] double edgeSeconds(std::size_t edge) const;

    /// The nearest road segment to `p` (nullopt only for an empty network).
    [[nodiscard]] std::optional<Snap> snap(GeoPoint p) const;

    /// Reverse Dijkstra: time (and metres along that fastest path) from every node to `target`. Stops once
    /// every node within `limitSeconds` is settled, or once every node of `wanted` is (when not empty);
    /// other nodes may hold over-estimates or infinity.
    void timesTo(const Snap &target, SearchBuffers &out, double limitSeconds = unreachable,
                 std::span<const std::uint32_t> wanted = {}) const;
    /// The same answers as an unbounded `timesTo` (radius infinity: every value exact), from the
    /// contraction hierarchy (contraction_hierarchy.h): an upward search and one sweep over the core nodes
    /// (with `wanted`, only over those the wanted nodes depend on). The fastest way to get a whole column.
    void timesToAll(const Snap &target, SearchBuffers &out, std::span<const std::uint32_t> wanted = {}) const;
    /// Shortcut arcs the contraction hierarchy added over the core graph.
    [[nodiscard]] std::size_t hierarchyShortcuts() const;
    /// Continues the last `timesTo` of `out` (same target, same `wanted`) up to a larger limit: the same
    /// values as one `timesTo` with that limit, without settling again what was settled.
    void extendTimesTo(SearchBuffers &out, double limitSeconds,
                       std::span<const std::uint32_t> wanted = {}) const;
    /// The nodes `fromSnap(start, …)` reads: what `timesTo` must settle for that start.
    static void exitNodes(const Snap &start, std::vector<std::uint32_t> &nodes);
    /// Time and metres from a snapped start to the target of `timesTo` (same-segment case included).
    [[nodiscard]] std::pair<double, double> fromSnap(const Snap &start, const Snap &target,
                                                     const SearchBuffers &to) const;
    /// Where a start leaves its road segment: up to two nodes, with the time and metres to reach each.
    struct Exits
    {
        std::array<std::uint32_t, 2> node{};
        std::array<double, 2> seconds{}, meters{};
        std::size_t count = 0;
    };
    [[nodiscard]] Exits exitsOf(const Snap &start) const;
    /// fromSnap with the start's exits worked out once (a matrix row reads them for every column): the
    /// same values, bit for bit.
    [[nodiscard]] std::pair<double, double> fromSnap(const Snap &start, const Exits &exits,
                                                     const Snap &target, const SearchBuffers &to) const;
    /// Forward Dijkstra from one node: time to every node (for checks and point-to-point baselines).
    void timesFromNode(std::uint32_t source, std::vector<double> &seconds) const;
    /// Point-to-point fastest route with its polyline (forward Dijkstra, stops at the target).
    [[nodiscard]] Route route(const Snap &start, const Snap &target) const;

private:
    RoadGraph();
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace vigie::routing
