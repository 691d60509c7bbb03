#pragma once
// Geometry of the domain: WGS84 longitude/latitude, always in that order.
#include "util/result.h"

#include <QJsonObject>

#include <optional>
#include <vector>

namespace vigie {

struct GeoPoint
{
    double lon = 0.0;
    double lat = 0.0;
    friend bool operator==(const GeoPoint &, const GeoPoint &) = default;
};

struct GeoBox
{
    double minLon = 0.0, minLat = 0.0, maxLon = 0.0, maxLat = 0.0;
    [[nodiscard]] bool contains(GeoPoint p) const
    {
        return p.lon >= minLon && p.lon <= maxLon && p.lat >= minLat && p.lat <= maxLat;
    }
};

/// An entry's optional geometry: nothing, a point, a polygon (outer ring, closed or not) or a line string (a
/// route, a street).
struct Geometry
{
    enum class Type
    {
        None,
        Point,
        Polygon,
        LineString
    };
    Type type = Type::None;
    std::vector<GeoPoint> points;

    static Geometry point(GeoPoint p) { return {Type::Point, {p}}; }
    static Geometry polygon(std::vector<GeoPoint> ring) { return {Type::Polygon, std::move(ring)}; }
    static Geometry lineString(std::vector<GeoPoint> line) { return {Type::LineString, std::move(line)}; }
    [[nodiscard]] bool isNull() const { return type == Type::None; }
    [[nodiscard]] std::optional<GeoBox> bounds() const;
    /// Centre of the bounding box (points: the point itself).
    [[nodiscard]] std::optional<GeoPoint> anchor() const;
    friend bool operator==(const Geometry &, const Geometry &) = default;
};

[[nodiscard]] bool isValidCoordinate(GeoPoint p);
/// Great-circle distance in metres (haversine, mean Earth radius).
[[nodiscard]] double distanceMeters(GeoPoint a, GeoPoint b);

/// GeoJSON geometry object ({"type":"Point","coordinates":[lon,lat]}, Polygon or LineString) to Geometry.
[[nodiscard]] Result<Geometry> geometryFromGeoJson(const QJsonObject &object);
[[nodiscard]] QJsonObject geometryToGeoJson(const Geometry &geometry);

} // namespace vigie
