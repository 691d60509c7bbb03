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

} // namespace vigie::maps
