#pragma once
// Web Mercator (EPSG:3857) and slippy-map tile math. World pixel coordinates at zoom z span
// [0, 256·2^z) in both axes, origin at the top-left (180°W, 85.0511°N).
#include "model/geo.h"

#include <QPointF>

namespace vigie::maps {

inline constexpr double tileSize = 256.0;
inline constexpr double maxLatitude = 85.0511287798066;

/// Longitude/latitude to world pixels at a (fractional) zoom.
[[nodiscard]] QPointF project(GeoPoint p, double zoom);
/// World pixels at a zoom back to longitude/latitude.
[[nodiscard]] GeoPoint unproject(QPointF world, double zoom);
/// The slippy-map tile (x, y) that holds a point at an integer zoom.
[[nodiscard]] QPoint tileFor(GeoPoint p, int zoom);
/// Ground resolution in metres per pixel at a latitude and zoom.
[[nodiscard]] double metersPerPixel(double latitude, double zoom);

/// Geographic bounds of slippy tile (x, y) at zoom z (north-west origin, as OSM and XYZ servers number them).
[[nodiscard]] GeoBox tileBounds(int x, int y, int zoom);
/// MBTiles stores rows in TMS order (origin south-west): the same flip converts both ways.
[[nodiscard]] constexpr int flipRow(int y, int zoom)
{
    return (1 << zoom) - 1 - y;
}
/// The inclusive tile range [min, max] covering a box at a zoom.
struct TileRange
{
    QPoint min, max;
    [[nodiscard]] qint64 count() const { return qint64(max.x() - min.x() + 1) * (max.y() - min.y() + 1); }
};
[[nodiscard]] TileRange tilesCovering(const GeoBox &box, int zoom);

} // namespace vigie::maps
