#include "routing/travel_times.h"

#include <QCoreApplication>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <thread>

namespace vigie::routing {

namespace {

// The columns of a matrix are independent searches: spread them over a few threads (each with its own
// search buffers), taking blocks of columns so that two threads rarely write the same cache line of a
// row-major matrix. Small matrices stay on the calling thread.
template <class Work> void forEachColumn(std::size_t cols, const Work &work)
{
    constexpr std::size_t block = 8;
    const std::size_t hardware = std::max(1u, std::thread::hardware_concurrency());
    const std::size_t workers = std::min({hardware, std::size_t(4), (cols + 2 * block - 1) / (2 * block)});
    std::atomic<std::size_t> next{0};
    const auto run = [&] {
        SearchBuffers buffers;
        for (std::size_t first; (first = next.fetch_add(block)) < cols;)
            for (std::size_t c = first; c < std::min(cols, first + block); ++c)
                work(c, buffers);
    };
    std::vector<std::jthread> helpers;
    for (std::size_t k = 1; k < workers; ++k)
        helpers.emplace_back(run);
    run();
}

} // namespace

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
            // In English for vigie-cli, translated where a translator is installed (the console's French).
            out.notes.append(QCoreApplication::translate("vigie::routing",
                                                         "%1 %2 at (%3, %4) is %5 m from the "
                                                         "nearest road (limit %6 m): "
                                                         "straight-line estimate")
                                 .arg(QCoreApplication::translate("vigie::routing", what))
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
    return travelMatrix(
        graph, snapPoints(graph, from, QT_TRANSLATE_NOOP("vigie::routing", "origin"), options),
        snapPoints(graph, to, QT_TRANSLATE_NOOP("vigie::routing", "target"), options), options);
}

// The same cells as a StepwiseMatrix filled to the limit (hierarchy sweeps give exact values, so nothing
// is left unknown): one implementation for both.
TravelMatrix travelMatrix(const RoadGraph *graph, const SnappedPoints &from, const SnappedPoints &to,
                          const MatrixOptions &options)
{
    StepwiseMatrix m(graph, from, to, options);
    m.fillAll();
    return std::move(m).release();
}

StepwiseMatrix::StepwiseMatrix(const RoadGraph *graph, SnappedPoints from, SnappedPoints to,
                               MatrixOptions options)
    : m_graph(graph), m_from(std::move(from)), m_to(std::move(to)), m_options(options)
{
    TravelMatrix &m = m_matrix;
    m.rows = m_from.points.size();
    m.cols = m_to.points.size();
    m.cells.assign(m.rows * m.cols, TravelCell{});
    m.rowSnaps = m_from.snaps;
    m.colSnaps = m_to.snaps;
    m.roads = graph != nullptr;
    if (!graph)
        m.notes.append(QString::fromUtf8(approximateNote));
    m.notes += m_from.notes;
    m.notes += m_to.notes;
    m_floor.assign(m.cols, 0.0);
    m_exits.resize(m.rows);
    for (std::size_t r = 0; r < m.rows; ++r)
        if (m.rowSnaps[r]) {
            RoadGraph::exitNodes(*m.rowSnaps[r], m_wanted);
            m_exits[r] = graph->exitsOf(*m.rowSnaps[r]);
        }
}

// Exact for every value the search has settled: a bounded Dijkstra settles exactly
// the first nodes an unbounded one would, in the same order, with the same sums.
void StepwiseMatrix::readColumn(std::size_t c, const SearchBuffers &buffers)
{
    TravelMatrix &m = m_matrix;
    const bool onRoads = m.colSnaps[c].has_value() && !m_wanted.empty();
    const double radius = onRoads ? buffers.radius : unreachable;
    // Past the limit, a cell is unreachable by definition: the column is final.
    m_floor[c] = radius > m_options.limitSeconds ? unreachable : radius;
    for (std::size_t r = 0; r < m.rows; ++r) {
        TravelCell &cell = m.cells[r * m.cols + c];
        if (onRoads && m.rowSnaps[r]) {
            const auto [s, meters] = m_graph->fromSnap(*m.rowSnaps[r], m_exits[r], *m.colSnaps[c], buffers);
            // Above the radius the value is an over-estimate: not known yet, or beyond the limit.
            cell = s <= radius && s <= m_options.limitSeconds ? TravelCell{s, meters, false}
                                                              : TravelCell{unreachable, unreachable, false};
        } else {
            cell = straightLine(m_from.points[r], m_to.points[c], m_options);
        }
    }
}

double StepwiseMatrix::fill(std::size_t c, const std::function<bool()> &enough, double firstSeconds)
{
    const bool onRoads = m_graph && m_matrix.colSnaps[c].has_value() && !m_wanted.empty();
    if (!onRoads) {
        readColumn(c, m_buffers);
        return m_floor[c];
    }
    if (!enough) { // the whole column: the hierarchy's sweep is the fastest way
        m_graph->timesToAll(*m_matrix.colSnaps[c], m_buffers, m_wanted);
        readColumn(c, m_buffers);
        return m_floor[c];
    }
    double step = std::min(firstSeconds, m_options.limitSeconds);
    m_graph->timesTo(*m_matrix.colSnaps[c], m_buffers, step, m_wanted);
    readColumn(c, m_buffers);
    while (std::isfinite(m_floor[c]) && !enough()) {
        step = std::min(std::max(step * 2, 1.0), m_options.limitSeconds);
        m_graph->extendTimesTo(m_buffers, step, m_wanted);
        readColumn(c, m_buffers);
    }
    return m_floor[c];
}

void StepwiseMatrix::fillAll()
{
    forEachColumn(m_matrix.cols, [this](std::size_t c, SearchBuffers &buffers) {
        if (m_graph && m_matrix.colSnaps[c].has_value() && !m_wanted.empty())
            m_graph->timesToAll(*m_matrix.colSnaps[c], buffers, m_wanted);
        readColumn(c, buffers);
    });
}

} // namespace vigie::routing
