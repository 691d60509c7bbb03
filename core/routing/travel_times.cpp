#include "routing/travel_times.h"

namespace vigie::routing {

bool TravelMatrix::anyApproximate() const
{
    return std::any_of(cells.begin(), cells.end(), [](const TravelCell &c) { return c.approximate; });
}

TravelCell straightLine(GeoPoint from, GeoPoint to, const MatrixOptions &options)
{
    const double meters = distanceMeters(from, to) * options.detourFactor;
    return {meters / (options.fallbackSpeedKmh / 3.6), meters, true};
}

TravelMatrix travelMatrix(const RoadGraph *graph, std::span<const GeoPoint> from,
                          std::span<const GeoPoint> to, const MatrixOptions &options)
{
    TravelMatrix m;
    m.rows = from.size();
    m.cols = to.size();
    m.cells.resize(m.rows * m.cols);
    m.rowSnaps.resize(m.rows);
    m.colSnaps.resize(m.cols);
    m.roads = graph != nullptr;
    if (!graph)
        m.notes.append(QString::fromUtf8(approximateNote));
    auto snapAll = [&](std::span<const GeoPoint> points, std::vector<std::optional<Snap>> &snaps,
                       const char *what) {
        if (!graph)
            return;
        for (std::size_t i = 0; i < points.size(); ++i) {
            auto s = graph->snap(points[i]);
            if (s && s->snapMeters <= options.maxSnapMeters) {
                snaps[i] = s;
            } else if (s) {
                m.notes.append(QStringLiteral("%1 %2 at (%3, %4) is %5 m from the nearest road (limit %6 m): "
                                              "straight-line estimate")
                                   .arg(QLatin1String(what))
                                   .arg(i)
                                   .arg(points[i].lon, 0, 'f', 5)
                                   .arg(points[i].lat, 0, 'f', 5)
                                   .arg(s->snapMeters, 0, 'f', 0)
                                   .arg(options.maxSnapMeters, 0, 'f', 0));
            }
        }
    };
    snapAll(from, m.rowSnaps, "origin");
    snapAll(to, m.colSnaps, "target");
    SearchBuffers buffers;
    for (std::size_t c = 0; c < m.cols; ++c) {
        const bool onRoads = m.colSnaps[c].has_value();
        if (onRoads)
            graph->timesTo(*m.colSnaps[c], buffers, options.limitSeconds);
        for (std::size_t r = 0; r < m.rows; ++r) {
            TravelCell &cell = m.cells[r * m.cols + c];
            if (onRoads && m.rowSnaps[r]) {
                const auto [s, meters] = graph->fromSnap(*m.rowSnaps[r], *m.colSnaps[c], buffers);
                cell = {s, meters, false};
            } else {
                cell = straightLine(from[r], to[c], options);
            }
        }
    }
    return m;
}

} // namespace vigie::routing
