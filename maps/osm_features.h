#pragma once
// What the basemap draws, read from an OSM PBF with libosmium: areas (closed ways and multipolygon
// relations, assembled by osmium's area assembler), roads, coastlines and place names. Coordinates are
// stored projected to world pixels at zoom 0, so rendering a tile is a scale and a translation.
#include "model/geo.h"
#include "util/result.h"

#include <QPolygonF>
#include <QString>

#include <functional>
#include <optional>
#include <vector>

namespace vigie::maps {

enum class AreaKind : std::uint8_t
{
    Water,
    Park,
    Forest,
    Building
};

struct OsmArea
{
    AreaKind kind;
    std::vector<QPolygonF> rings; ///< outer and inner rings, filled odd-even
    QRectF bounds;
};

struct OsmRoad
{
    int rank; ///< 0 motorway/trunk, 1 primary, 2 secondary, 3 tertiary, 4 residential/unclassified, 5 service
              ///< and paths
    QPolygonF line;
    QRectF bounds;
    QString name;
};

struct OsmPlace
{
    QPointF point;
    QString name;
    int rank; ///< 0 city/town, 1 suburb/village, 2 quarter/neighbourhood
};

struct OsmFeatures
{
    GeoBox box;                     ///< the extract's bounds
    std::vector<QPolygonF> sea;     ///< polygons closed along the box on the sea side of coastlines
    std::vector<QPolygonF> islands; ///< closed coastline rings (land)
    std::vector<OsmArea> areas;
    std::vector<OsmRoad> roads;
    std::vector<OsmPlace> places;
};

/// Reads an .osm.pbf (or .osm/.osm.bz2) file; `bbox` restricts what is kept (default: the file's header box,
/// else the data's bounds).
[[nodiscard]] Result<OsmFeatures> readOsmFeatures(const QString &path, std::optional<GeoBox> bbox);

} // namespace vigie::maps
