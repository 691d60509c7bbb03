#include "maps/web_mercator.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace vigie::maps {

QPointF project(GeoPoint p, double zoom)
{
    const double scale = tileSize * std::exp2(zoom);
    const double lat = std::clamp(p.lat, -maxLatitude, maxLatitude) * std::numbers::pi / 180.0;
    const double x = (p.lon + 180.0) / 360.0 * scale;
    const double y = (1.0 - std::asinh(std::tan(lat)) / std::numbers::pi) / 2.0 * scale;
    return {x, y};
}

GeoPoint unproject(QPointF world, double zoom)
{
    const double scale = tileSize * std::exp2(zoom);
    const double lon = world.x() / scale * 360.0 - 180.0;
    const double n = std::numbers::pi * (1.0 - 2.0 * world.y() / scale);
    const double lat = std::atan(std::sinh(n)) * 180.0 / std::numbers::pi;
    return {lon, lat};
}

QPoint tileFor(GeoPoint p, int zoom)
{
    const QPointF w = project(p, zoom);
    const int last = (1 << zoom) - 1;
    return {std::clamp(int(std::floor(w.x() / tileSize)), 0, last),
            std::clamp(int(std::floor(w.y() / tileSize)), 0, last)};
}

double metersPerPixel(double latitude, double zoom)
{
    constexpr double equator = 2 * std::numbers::pi * 6378137.0;
    return equator * std::cos(latitude * std::numbers::pi / 180.0) / (tileSize * std::exp2(zoom));
}

GeoBox tileBounds(int x, int y, int zoom)
{
    const GeoPoint nw = unproject(QPointF(x * tileSize, y * tileSize), zoom);
    const GeoPoint se = unproject(QPointF((x + 1) * tileSize, (y + 1) * tileSize), zoom);
    return {nw.lon, se.lat, se.lon, nw.lat};
}

TileRange tilesCovering(const GeoBox &box, int zoom)
{
    const QPoint nw = tileFor({box.minLon, box.maxLat}, zoom);
    const QPoint se = tileFor({box.maxLon, box.minLat}, zoom);
    return {nw, se};
}

} // namespace vigie::maps
