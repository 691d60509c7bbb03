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

SnappedPoints snapPoints(const RoadGraph *graph, std::span<const GeoPoint> points, const char *what,
                         const MatrixOptions &options, std::span<const QString> ids)
{
    SnappedPoints out;
    out.points.assign(points.begin(), points.end());
    out.snaps.resize(points.size());
    if (!graph)
        return out;
    for (std::size_t i = 0; i < points.size(); ++i) {
        auto s = graph->snap(points[i]);
        if (s && s->snapMeters <= options.maxSnapMeters) {
            out.snaps[i] = s;
        } else if (s) {
            out.notes.append(QStringLiteral("%1 %2 at (%3, %4) is %5 m from the nearest road (limit %6 m): "
                                            "straight-line estimate")
                                 .arg(QLatin1String(what))
                                 .arg(i < ids.size() ? ids[i] : QString::number(i))
                                 .arg(points[i].lon, 0, 'f', 5)
                                 .arg(points[i].lat, 0, 'f', 5)
                                 .arg(s->snapMeters, 0, 'f', 0)
                                 .arg(options.maxSnapMeters, 0, 'f', 0));
        }
    }
    return out;
}

TravelMatrix travelMatrix(const RoadGraph *graph, std::span<const GeoPoint> from,
                          std::span<const GeoPoint> to, const MatrixOptions &options)
{
    return travelMatrix(graph, snapPoints(graph, from, "origin", options),
                        snapPoints(graph, to, "target", options), options);
}

TravelMatrix travelMatrix(const RoadGraph *graph, const SnappedPoints &from, const SnappedPoints &to,
                          const MatrixOptions &options)
{
    TravelMatrix m;
    m.rows = from.points.size();
    m.cols = to.points.size();
    m.cells.resize(m.rows * m.cols);
    m.rowSnaps = from.snaps;
    m.colSnaps = to.snaps;
    m.roads = graph != nullptr;
    if (!graph)
        m.notes.append(QString::fromUtf8(approximateNote));
    m.notes += from.notes;
    m.notes += to.notes;
    // Each search stops once the nodes the rows leave by are settled: farther nodes are never read.
    std::vector<std::uint32_t> wanted;
    for (const auto &s : m.rowSnaps)
        if (s)
            RoadGraph::exitNodes(*s, wanted);
    SearchBuffers buffers;
    for (std::size_t c = 0; c < m.cols; ++c) {
        const bool onRoads = m.colSnaps[c].has_value();
        if (onRoads && !wanted.empty())
            graph->timesTo(*m.colSnaps[c], buffers, options.limitSeconds, wanted);
        for (std::size_t r = 0; r < m.rows; ++r) {
            TravelCell &cell = m.cells[r * m.cols + c];
            if (onRoads && m.rowSnaps[r]) {
                const auto [s, meters] = graph->fromSnap(*m.rowSnaps[r], *m.colSnaps[c], buffers);
                // Beyond the bound the search stopped early: the value is an over-estimate, not a time.
                cell = s <= options.limitSeconds ? TravelCell{s, meters, false}
                                                 : TravelCell{unreachable, unreachable, false};
            } else {
                cell = straightLine(from.points[r], to.points[c], options);
            }
        }
    }
    return m;
}

} // namespace vigie::routing
