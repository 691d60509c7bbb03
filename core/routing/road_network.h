#pragma once
// The road network as imported from OpenStreetMap: nodes with coordinates and directed edges (a two-way road
// is two edges, a one-way road one). Stored in DIR/roads.bin, a flat little-endian file read in one go:
//   header  "VGROADS1" (8 bytes), uint32 nodeCount, uint32 edgeCount
//   nodes   nodeCount × {int32 lon·1e7, int32 lat·1e7}
//   edges   edgeCount × {uint32 from, uint32 to, float32 metres, uint8 roadClass, uint8 maxspeed km/h (0:
//           by class), uint16 reserved}
// Loading is a memcpy per array, so a city network loads in milliseconds (no parsing, no OSM ids kept).
#include "model/geo.h"

#include <cstdint>
#include <vector>

namespace vigie::routing {

/// OSM highway classes we drive on; *_link roads take their parent's class.
enum class RoadClass : std::uint8_t
{
    Motorway,
    Trunk,
    Primary,
    Secondary,
    Tertiary,
    Unclassified,
    Residential,
    LivingStreet,
    Service,
    Count
};

/// Free-flow speed of a class for a light vehicle in km/h (typical French urban limits, not maxspeed).
[[nodiscard]] double classSpeedKmh(RoadClass c);
[[nodiscard]] const char *roadClassName(RoadClass c);

struct RoadEdge
{
    std::uint32_t from = 0;
    std::uint32_t to = 0;
    float meters = 0.0f;
    RoadClass roadClass = RoadClass::Residential;
    std::uint8_t maxspeedKmh = 0; ///< 0: use the class speed
};

struct RoadNetwork
{
    std::vector<GeoPoint> nodes;
    std::vector<RoadEdge> edges;

    [[nodiscard]] bool empty() const { return edges.empty(); }
    [[nodiscard]] std::optional<GeoBox> bounds() const;
};

/// Path of the road file inside an import directory.
[[nodiscard]] QString roadFilePath(const QString &dir);
/// Writes DIR/roads.bin (atomically: a temporary file renamed over the old one).
[[nodiscard]] Result<void> saveRoadNetwork(const RoadNetwork &network, const QString &dir);
/// Reads DIR/roads.bin; the error says which file and what is wrong (missing, truncated, bad index).
[[nodiscard]] Result<RoadNetwork> loadRoadNetwork(const QString &dir);

} // namespace vigie::routing
