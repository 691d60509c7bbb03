// Whole suggestion on Liechtenstein's road network: 300 units × 100 incidents (matrix, min-cost flow,
// coverage, explanations), beside the bare matrix and point-to-point Dijkstra per pair.
// Run: bench_routing --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
#include "allocation/suggestion.h"
#include "routing/osm_roads.h"

#include "pg_cluster.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <benchmark/benchmark.h>

#include <map>

#include <random>

using namespace vigie;

namespace {

struct Fixture
{
    std::unique_ptr<routing::RoadGraph> graph;
    Picture picture;
    std::vector<GeoPoint> units, incidents;
    std::vector<std::uint32_t> unitNodes, incidentNodes; ///< the road nodes they stand on
    std::vector<allocation::Sector> sectors;
    allocation::NeedsTable needs;
};

const Fixture *fixture()
{
    static const std::unique_ptr<Fixture> f = []() -> std::unique_ptr<Fixture> {
        auto net = routing::readRoadNetwork(
            QStringLiteral(VIGIE_SHARED_DATA "/osm/liechtenstein/liechtenstein-latest.osm.pbf"),
            std::nullopt);
        if (!net)
            return nullptr;
        auto fx = std::make_unique<Fixture>();
        const auto nodes = net->nodes;
        fx->graph = std::move(*routing::RoadGraph::build(std::move(*net)));
        std::mt19937 rng(7);
        std::uniform_int_distribution<std::size_t> pick(0, nodes.size() - 1);
        const char *types[] = {"VSAV", "VSAV", "FPT", "FPT", "EPA", "SMUR", "PS", "VCO", "CCF", "VLC"};
        const char *agencies[] = {"fire", "fire",   "fire", "fire", "fire",
                                  "samu", "police", "fire", "fire", "fire"};
        for (int u = 0; u < 300; ++u) {
            Unit unit;
            unit.id = QStringLiteral("U%1").arg(u);
            unit.type = QLatin1String(types[u % 10]);
            unit.agency = QLatin1String(agencies[u % 10]);
            fx->unitNodes.push_back(std::uint32_t(pick(rng)));
            unit.position = nodes[fx->unitNodes.back()];
            fx->units.push_back(*unit.position);
            fx->picture.units[unit.id] = unit;
        }
        const char *kinds[] = {"building_fire", "cardiac_arrest", "injury", "traffic_accident",
                               "vehicle_fire"};
        for (int i = 0; i < 100; ++i) {
            Incident inc;
            inc.id = QStringLiteral("I%1").arg(i);
            inc.type = QLatin1String(kinds[i % 5]);
            fx->incidentNodes.push_back(std::uint32_t(pick(rng)));
            inc.position = nodes[fx->incidentNodes.back()];
            fx->incidents.push_back(*inc.position);
            fx->picture.incidents[inc.id] = inc;
        }
        for (int s = 0; s < 12; ++s)
            fx->sectors.push_back(
                {QStringLiteral("S%1").arg(s), QStringLiteral("S%1").arg(s), nodes[pick(rng)], 1.0});
        fx->needs = *allocation::defaultNeedsTable();
        return fx;
    }();
    return f.get();
}

void wholeSuggestion(benchmark::State &state)
{
    const Fixture *f = fixture();
    if (!f) {
        state.SkipWithError("Liechtenstein extract absent");
        return;
    }
    std::size_t items = 0;
    for (auto _ : state) {
        const auto set = allocation::suggest(f->picture, f->graph.get(), f->sectors, f->needs);
        items = set.items.size();
        benchmark::DoNotOptimize(items);
    }
    state.counters["suggestions"] = double(items);
}

void matrixOnly(benchmark::State &state)
{
    const Fixture *f = fixture();
    if (!f) {
        state.SkipWithError("Liechtenstein extract absent");
        return;
    }
    for (auto _ : state) {
        const auto m = routing::travelMatrix(f->graph.get(), f->units, f->incidents);
        benchmark::DoNotOptimize(m.cells.data());
    }
}

// The min-cost flow alone on the same 300 × 100 problem (matrix computed once, outside the timing).
void flowOnly(benchmark::State &state)
{
    const Fixture *f = fixture();
    if (!f) {
        state.SkipWithError("Liechtenstein extract absent");
        return;
    }
    static const allocation::Problem problem = [f] {
        allocation::Problem p;
        std::vector<GeoPoint> unitPoints, incidentPoints;
        std::vector<double> factor;
        for (const auto &[id, u] : f->picture.units) {
            p.units.push_back({u.id, u.type, u.agency, u.capabilities});
            unitPoints.push_back(*u.position);
            factor.push_back(routing::vehicleSpeedFactor(u.type));
        }
        for (const auto &[id, i] : f->picture.incidents) {
            p.needs.push_back(allocation::needsFor(f->needs, i.type));
            incidentPoints.push_back(*i.position);
        }
        const auto m = routing::travelMatrix(f->graph.get(), unitPoints, incidentPoints);
        for (std::size_t u = 0; u < m.rows; ++u)
            for (std::size_t i = 0; i < m.cols; ++i)
                p.etaSeconds.push_back(m.at(u, i).seconds / factor[u]);
        return p;
    }();
    for (auto _ : state) {
        const auto sol = allocation::solve(problem);
        benchmark::DoNotOptimize(sol->cost);
    }
}

// The same 300 × 100 matrix from pgRouting (pgr_dijkstraCost many-to-many, same edges and edge times) in a
// PostgreSQL started here; wall time (the work is in the server). Skips when PostgreSQL or pgRouting is
// absent. Counter max_diff_s: largest difference from our matrix over the 30,000 cells (a cross-check).
void pgRoutingMatrix(benchmark::State &state)
{
    const Fixture *f = fixture();
    if (!f) {
        state.SkipWithError("Liechtenstein extract absent");
        return;
    }
    PgCluster cluster;
    if (const QString why = cluster.start(); !why.isEmpty()) {
        state.SkipWithError(why.toStdString().c_str());
        return;
    }
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("pgr"));
        db.setHostName(QStringLiteral("127.0.0.1"));
        db.setPort(cluster.port());
        db.setUserName(QStringLiteral("postgres"));
        db.setDatabaseName(QStringLiteral("postgres"));
        if (!db.open()) {
            state.SkipWithError(
                QString(QStringLiteral("cannot connect: ") + db.lastError().text()).toStdString().c_str());
            return;
        }
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("CREATE EXTENSION pgrouting CASCADE")) ||
            !q.exec(
                QStringLiteral("CREATE TABLE edges (id bigint, source bigint, target bigint, cost float8, "
                               "reverse_cost float8)"))) {
            state.SkipWithError(
                QString(QStringLiteral("pgRouting setup: ") + q.lastError().text()).toStdString().c_str());
            return;
        }
        // One directed row per network edge (one-ways are single rows): reverse_cost -1 = no way back.
        const auto &edges = f->graph->network().edges;
        for (std::size_t first = 0; first < edges.size(); first += 2000) {
            QStringList rows;
            for (std::size_t i = first; i < std::min(edges.size(), first + 2000); ++i)
                rows.append(QStringLiteral("(%1,%2,%3,%4,-1)")
                                .arg(i + 1)
                                .arg(edges[i].from + 1) // pgRouting vertex ids start at 1
                                .arg(edges[i].to + 1)
                                .arg(f->graph->edgeSeconds(i), 0, 'g', 17));
            if (!q.exec(QStringLiteral("INSERT INTO edges VALUES ") + rows.join(QLatin1Char(',')))) {
                state.SkipWithError(
                    QString(QStringLiteral("loading edges: ") + q.lastError().text()).toStdString().c_str());
                return;
            }
        }
        auto ids = [](const std::vector<std::uint32_t> &nodes) {
            QStringList l;
            for (const auto n : nodes)
                l.append(QString::number(n + 1));
            return QStringLiteral("ARRAY[%1]::bigint[]").arg(l.join(QLatin1Char(',')));
        };
        const QString sql =
            QStringLiteral(
                "SELECT start_vid, end_vid, agg_cost FROM pgr_dijkstraCost('SELECT id, source, target, "
                "cost, reverse_cost FROM edges', %1, %2, directed => true)")
                .arg(ids(f->unitNodes), ids(f->incidentNodes));
        (void)q.exec(sql); // warm: the first call pays for loading the library
        std::size_t rows = 0;
        for (auto _ : state) {
            if (!q.exec(sql)) {
                state.SkipWithError(QString(QStringLiteral("pgr_dijkstraCost: ") + q.lastError().text())
                                        .toStdString()
                                        .c_str());
                break;
            }
            rows = 0;
            while (q.next())
                ++rows;
        }
        // Cross-check node to node against our forward Dijkstra (outside the timing).
        std::map<std::pair<std::uint32_t, std::uint32_t>, double> theirs;
        if (q.exec(sql))
            while (q.next())
                theirs[{q.value(0).toUInt() - 1, q.value(1).toUInt() - 1}] = q.value(2).toDouble();
        double maxDiff = 0;
        std::vector<double> dist;
        for (const std::uint32_t u : f->unitNodes) {
            f->graph->timesFromNode(u, dist);
            for (const std::uint32_t i : f->incidentNodes) {
                const auto it = theirs.find({u, i});
                if (it != theirs.end())
                    maxDiff = std::max(maxDiff, std::abs(dist[i] - it->second));
                else if (u != i && std::isfinite(dist[i]))
                    maxDiff = std::numeric_limits<double>::infinity(); // pgRouting found no path, we did
            }
        }
        state.counters["rows"] = double(rows);
        state.counters["max_diff_s"] = maxDiff;
        q.finish();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("pgr"));
}

// One full point-to-point Dijkstra (with route) per pair; 300 pairs per iteration: multiply by 100 for
// the 30,000 pairs of the matrix.
void pointToPoint300Pairs(benchmark::State &state)
{
    const Fixture *f = fixture();
    if (!f) {
        state.SkipWithError("Liechtenstein extract absent");
        return;
    }
    std::vector<routing::Snap> us, is;
    for (const GeoPoint &p : f->units)
        us.push_back(*f->graph->snap(p));
    for (const GeoPoint &p : f->incidents)
        is.push_back(*f->graph->snap(p));
    for (auto _ : state)
        for (std::size_t k = 0; k < 300; ++k) {
            const auto r = f->graph->route(us[k], is[k % is.size()]);
            benchmark::DoNotOptimize(r.seconds);
        }
}

} // namespace

BENCHMARK(wholeSuggestion)->Unit(benchmark::kMillisecond);
BENCHMARK(matrixOnly)->Unit(benchmark::kMillisecond);
BENCHMARK(flowOnly)->Unit(benchmark::kMillisecond);
BENCHMARK(pgRoutingMatrix)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(pointToPoint300Pairs)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
