#pragma once
// Many-to-many travel times (units × incidents): one column per target, from the contraction hierarchy (a
// restricted PHAST sweep, road_graph.h) or, for bounded searches, a reverse Dijkstra. Without
// a road network, or for a position too far from any road, the time is the straight line × a detour factor
// at a flat emergency speed, and the cell says so.
#include "routing/road_graph.h"

#include <functional>
#include <span>

namespace vigie::routing {

/// Shown wherever an ETA was estimated without roads.
inline constexpr const char *approximateNote = "ETA approximative : pas de réseau routier importé";

struct MatrixOptions
{
    double maxSnapMeters = 300.0;      ///< farther from any road: off the network, straight-line estimate
    double detourFactor = 1.4;         ///< road distance / straight line, typical of European cities
    double fallbackSpeedKmh = 45.0;    ///< average emergency speed in town for the straight-line estimate
    double limitSeconds = unreachable; ///< bound the searches (cells beyond may read "unreachable")
};

struct TravelCell
{
    double seconds = unreachable;
    double meters = unreachable;
    bool approximate = false; ///< straight line × detour, not by road
};

struct TravelMatrix
{
    std::size_t rows = 0, cols = 0;
    std::vector<TravelCell> cells;                       ///< row-major: cells[r * cols + c]
    std::vector<std::optional<Snap>> rowSnaps, colSnaps; ///< nullopt: off the network
    bool roads = false;                                  ///< a road network was used
    QStringList notes;                                   ///< what was approximated and why, one line each

    [[nodiscard]] const TravelCell &at(std::size_t r, std::size_t c) const { return cells[r * cols + c]; }
    [[nodiscard]] bool anyApproximate() const;
};

/// Straight-line estimate between two positions.
[[nodiscard]] TravelCell straightLine(GeoPoint from, GeoPoint to, const MatrixOptions &options);

/// Positions with their snaps to the road network, computed once and shared by several matrices (a
/// suggestion uses the units' snaps for the incident and the coverage matrices).
struct SnappedPoints
{
    std::vector<GeoPoint> points;
    std::vector<std::optional<Snap>> snaps; ///< nullopt: no roads, or off the network
    QStringList notes;                      ///< one line per position off the network
};

/// Snaps `points` (`what` names them in the notes: "origin", "target", …; `ids`, when given, one per
/// point, names each point there instead of its position in the list). `graph` may be null.
[[nodiscard]] SnappedPoints snapPoints(const RoadGraph *graph, std::span<const GeoPoint> points,
                                       const char *what, const MatrixOptions &options = {},
                                       std::span<const QString> ids = {});

/// Times from every `from` position to every `to` position. `graph` may be null (no roads imported).
[[nodiscard]] TravelMatrix travelMatrix(const RoadGraph *graph, std::span<const GeoPoint> from,
                                        std::span<const GeoPoint> to, const MatrixOptions &options = {});
/// The same from positions already snapped (with the same graph and options).
[[nodiscard]] TravelMatrix travelMatrix(const RoadGraph *graph, const SnappedPoints &from,
                                        const SnappedPoints &to, const MatrixOptions &options = {});

/// A matrix filled one column at a time by searches that stop as soon as the caller has what it needs, and
/// that can be widened later: a suggestion needs, per incident, only the nearest units of each kind it asks
/// for, unless the allocation proves it needs more (allocation/suggestion.cpp). A cell not reached yet reads
/// unreachable; floor(c) says how far its true time is at least.
class StepwiseMatrix
{
public:
    StepwiseMatrix(const RoadGraph *graph, SnappedPoints from, SnappedPoints to, MatrixOptions options = {});
    [[nodiscard]] const TravelMatrix &matrix() const { return m_matrix; }
    /// The matrix, moved out (the StepwiseMatrix is spent).
    [[nodiscard]] TravelMatrix release() && { return std::move(m_matrix); }
    /// Searches column `c` up to `firstSeconds`, then twice as far each step, until `enough()` (which may
    /// read matrix()) says so or the search reaches options.limitSeconds. Without `enough`, goes to the
    /// limit at once. Returns floor(c).
    double fill(std::size_t c, const std::function<bool()> &enough = {}, double firstSeconds = unreachable);
    /// Every column to the limit, as fill(c) for each, the columns spread over a few threads.
    void fillAll();
    /// Every cell of column c still unreachable takes at least this long (infinity: the column is final).
    [[nodiscard]] double floor(std::size_t c) const { return m_floor[c]; }

private:
    void readColumn(std::size_t c, const SearchBuffers &buffers);
    const RoadGraph *m_graph;
    SnappedPoints m_from, m_to;
    MatrixOptions m_options;
    TravelMatrix m_matrix;
    std::vector<double> m_floor;
    std::vector<std::uint32_t> m_wanted;
    std::vector<RoadGraph::Exits> m_exits; ///< per row
    SearchBuffers m_buffers;
};

} // namespace vigie::routing
