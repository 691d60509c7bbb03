#include "model/geo.h"

#include <QJsonArray>

#include <cmath>
#include <numbers>

namespace vigie {

std::optional<GeoBox> Geometry::bounds() const
{
    if (points.empty())
        return std::nullopt;
    GeoBox box{points.front().lon, points.front().lat, points.front().lon, points.front().lat};
    for (const GeoPoint &p : points) {
        box.minLon = std::min(box.minLon, p.lon);
        box.maxLon = std::max(box.maxLon, p.lon);
        box.minLat = std::min(box.minLat, p.lat);
        box.maxLat = std::max(box.maxLat, p.lat);
    }
    return box;
}

std::optional<GeoPoint> Geometry::anchor() const
{
    if (type == Type::Point && !points.empty())
        return points.front();
    const auto box = bounds();
    if (!box)
        return std::nullopt;
    return GeoPoint{(box->minLon + box->maxLon) / 2, (box->minLat + box->maxLat) / 2};
}

bool isValidCoordinate(GeoPoint p)
{
    return std::isfinite(p.lon) && std::isfinite(p.lat) && p.lon >= -180.0 && p.lon <= 180.0 &&
           p.lat >= -90.0 && p.lat <= 90.0;
}

double distanceMeters(GeoPoint a, GeoPoint b)
{
    constexpr double earthRadius = 6371008.8;
    constexpr double deg = std::numbers::pi / 180.0;
    const double dLat = (b.lat - a.lat) * deg;
    const double dLon = (b.lon - a.lon) * deg;
    const double h = std::sin(dLat / 2) * std::sin(dLat / 2) +
                     std::cos(a.lat * deg) * std::cos(b.lat * deg) * std::sin(dLon / 2) * std::sin(dLon / 2);
    return 2 * earthRadius * std::asin(std::min(1.0, std::sqrt(h)));
}

namespace {

Result<GeoPoint> pointFromJson(const QJsonValue &value, const QString &where)
{
    const QJsonArray pair = value.toArray();
    if (pair.size() < 2 || !pair.at(0).isDouble() || !pair.at(1).isDouble())
        return Error{QStringLiteral("%1: expected [lon, lat] numbers").arg(where)};
    const GeoPoint p{pair.at(0).toDouble(), pair.at(1).toDouble()};
    if (!isValidCoordinate(p))
        return Error{
            QStringLiteral("%1: coordinate out of range (lon %2, lat %3)").arg(where).arg(p.lon).arg(p.lat)};
    return p;
}

QJsonArray pointToJson(GeoPoint p)
{
    return QJsonArray{p.lon, p.lat};
}

} // namespace

Result<Geometry> geometryFromGeoJson(const QJsonObject &object)
{
    const QString type = object.value(QLatin1String("type")).toString();
    const QJsonValue coordinates = object.value(QLatin1String("coordinates"));
    if (type == QLatin1String("Point")) {
        auto p = pointFromJson(coordinates, QStringLiteral("geo.coordinates"));
        if (!p)
            return p.error();
        return Geometry::point(*p);
    }
    if (type == QLatin1String("Polygon")) {
        const QJsonArray rings = coordinates.toArray();
        if (rings.isEmpty())
            return Error{QStringLiteral("geo.coordinates: a Polygon needs at least one ring")};
        const QJsonArray outer = rings.at(0).toArray();
        if (outer.size() < 3)
            return Error{QStringLiteral("geo.coordinates[0]: a ring needs at least 3 positions, got %1")
                             .arg(outer.size())};
        std::vector<GeoPoint> ring;
        ring.reserve(outer.size());
        for (qsizetype i = 0; i < outer.size(); ++i) {
            auto p = pointFromJson(outer.at(i), QStringLiteral("geo.coordinates[0][%1]").arg(i));
            if (!p)
                return p.error();
            ring.push_back(*p);
        }
        return Geometry::polygon(std::move(ring));
    }
    if (type == QLatin1String("LineString")) {
        const QJsonArray positions = coordinates.toArray();
        if (positions.size() < 2)
            return Error{QStringLiteral("geo.coordinates: a LineString needs at least 2 positions, got %1")
                             .arg(positions.size())};
        std::vector<GeoPoint> line;
        line.reserve(positions.size());
        for (qsizetype i = 0; i < positions.size(); ++i) {
            auto p = pointFromJson(positions.at(i), QStringLiteral("geo.coordinates[%1]").arg(i));
            if (!p)
                return p.error();
            line.push_back(*p);
        }
        return Geometry::lineString(std::move(line));
    }
    if (type.isEmpty())
        return Error{QStringLiteral("geo: missing \"type\" (expected Point, Polygon or LineString)")};
    return Error{
        QStringLiteral("geo: unsupported geometry type \"%1\" (expected Point, Polygon or LineString)")
            .arg(type)};
}

QJsonObject geometryToGeoJson(const Geometry &geometry)
{
    switch (geometry.type) {
    case Geometry::Type::None:
        return {};
    case Geometry::Type::Point:
        return {{QStringLiteral("type"), QStringLiteral("Point")},
                {QStringLiteral("coordinates"), pointToJson(geometry.points.front())}};
    case Geometry::Type::Polygon: {
        QJsonArray ring;
        for (const GeoPoint &p : geometry.points)
            ring.append(pointToJson(p));
        return {{QStringLiteral("type"), QStringLiteral("Polygon")},
                {QStringLiteral("coordinates"), QJsonArray{ring}}};
    }
    case Geometry::Type::LineString: {
        QJsonArray line;
        for (const GeoPoint &p : geometry.points)
            line.append(pointToJson(p));
        return {{QStringLiteral("type"), QStringLiteral("LineString")},
                {QStringLiteral("coordinates"), line}};
    }
    }
    return {};
}

} // namespace vigie
