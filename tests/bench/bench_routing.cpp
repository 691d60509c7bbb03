// Wall time, and CPU time of the whole process: matrix columns and flow components run on several threads
// (run under `taskset -c 0` for one core).
// Whole suggestion on Liechtenstein's road network: 300 units × 100 incidents (matrix, min-cost flow,
// coverage, explanations), beside the bare matrix and point-to-point Dijkstra per pair.
// Run: bench_routing --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
#include "allocation/suggestion.h"
#include "routing/osm_roads.h"
#include "routing/synthetic_city.h"

#include "pg_cluster.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <cstdio>
#include <map>
#include <random>
#include <sys/resource.h>
#include <unistd.h>

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

/// 300 units and 100 incidents at random nodes of `net`, 12 sectors.
std::unique_ptr<Fixture> makeFixture(routing::RoadNetwork net)
{
    {
        auto fx = std::make_unique<Fixture>();
        const auto nodes = net.nodes;
        fx->graph = std::move(*routing::RoadGraph::build(std::move(net)));
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
    }
}

const Fixture *fixture()
{
    static const std::unique_ptr<Fixture> f = []() -> std::unique_ptr<Fixture> {
        auto net = routing::readRoadNetwork(
            QStringLiteral(VIGIE_SHARED_DATA "/osm/liechtenstein/liechtenstein-latest.osm.pbf"),
            std::nullopt);
        if (!net)
            return nullptr;
        return makeFixture(std::move(*net));
    }();
    return f.get();
}

/// The same on the synthetic city (routing/synthetic_city.h, seed 1: 227,000 nodes).
const Fixture *cityFixture()
{
    static const std::unique_ptr<Fixture> f = makeFixture(routing::syntheticCity());
    return f.get();
}

std::size_t moveUpsOf(const allocation::SuggestionSet &set)
{
    return std::size_t(std::count_if(set.items.begin(), set.items.end(),
                                     [](const allocation::Suggestion &s) { return s.moveUp; }));
}

// Whole suggestion, 300 units × 100 incidents, on the synthetic city. First arg as wholeSuggestion's; second:
// move-ups proposed (1, the default) or not (0).
void wholeSuggestionCity(benchmark::State &state)
{
    const Fixture *f = cityFixture();
    allocation::SuggestOptions options;
    options.boundedSearches = state.range(0) == 1;
    options.moveUpsPerType = state.range(1) == 1 ? allocation::SuggestOptions{}.moveUpsPerType : 0;
    std::size_t items = 0, moveUps = 0;
    for (auto _ : state) {
        const auto set = allocation::suggest(f->picture, f->graph.get(), f->sectors, f->needs, options);
        items = set.items.size();
        moveUps = moveUpsOf(set);
        benchmark::DoNotOptimize(items);
    }
    state.counters["suggestions"] = double(items);
    state.counters["move_ups"] = double(moveUps);
    state.counters["nodes"] = double(f->graph->nodeCount());
    state.counters["core_nodes"] = double(f->graph->coreNodeCount());
}

// Building the routing graph of the synthetic city (CSR, degree-2 contraction, hierarchy, snapping index).
void graphBuildCity(benchmark::State &state)
{
    const routing::RoadNetwork net = routing::syntheticCity();
    for (auto _ : state) {
        auto graph = routing::RoadGraph::build(net);
        benchmark::DoNotOptimize(graph);
    }
}

// First arg 1: bounded incident searches (SuggestOptions::boundedSearches); 0: every incident search to the
// 1 h limit (same suggestions, checked by Suggest.BoundedSearchesGiveTheSameSuggestions…). Second: move-ups
// proposed (1, the default) or not (0).
void wholeSuggestion(benchmark::State &state)
{
    const Fixture *f = fixture();
    if (!f) {
        state.SkipWithError("Liechtenstein extract absent");
        return;
    }
    allocation::SuggestOptions options;
    options.boundedSearches = state.range(0) == 1;
    options.moveUpsPerType = state.range(1) == 1 ? allocation::SuggestOptions{}.moveUpsPerType : 0;
    std::size_t items = 0, widened = 0, solves = 0, moveUps = 0;
    for (auto _ : state) {
        const auto set = allocation::suggest(f->picture, f->graph.get(), f->sectors, f->needs, options);
        items = set.items.size();
        widened = set.widenedSearches;
        solves = set.solves;
        moveUps = moveUpsOf(set);
        benchmark::DoNotOptimize(items);
    }
    state.counters["suggestions"] = double(items);
    state.counters["move_ups"] = double(moveUps);
    state.counters["widened"] = double(widened);
    state.counters["solves"] = double(solves);
}

// The same with the first 50 incidents only: no unit type is short any more (40 FPT and 40 VSAV slots for
// 60 units each), the case the bounded searches are for. Arg as above.
void wholeSuggestionAmpleFleet(benchmark::State &state)
{
    const Fixture *f = fixture();
    if (!f) {
        state.SkipWithError("Liechtenstein extract absent");
        return;
    }
    Picture picture = f->picture;
    for (int i = 50; i < 100; ++i)
        picture.incidents.erase(QStringLiteral("I%1").arg(i));
    allocation::SuggestOptions options;
    options.boundedSearches = state.range(0) == 1;
    std::size_t items = 0, widened = 0, solves = 0;
    for (auto _ : state) {
        const auto set = allocation::suggest(picture, f->graph.get(), f->sectors, f->needs, options);
        items = set.items.size();
        widened = set.widenedSearches;
        solves = set.solves;
        benchmark::DoNotOptimize(items);
    }
    state.counters["suggestions"] = double(items);
    state.counters["widened"] = double(widened);
    state.counters["solves"] = double(solves);
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
    state.counters["nodes"] = double(f->graph->nodeCount());
    state.counters["core_nodes"] = double(f->graph->coreNodeCount());
}

// The min-cost flow alone on the same 300 × 100 problem (matrix computed once, outside the timing). Arg:
// Problem::candidateMargin (-1: every feasible arc from the start, as before the pruning).
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
    allocation::Problem p = problem;
    p.candidateMargin = int(state.range(0));
    for (auto _ : state) {
        const auto sol = allocation::solve(p);
        benchmark::DoNotOptimize(sol->cost);
    }
}

// pgRouting side by side: one PostgreSQL 15 cluster for the whole run, started on first use (initdb,
// pg_ctl on a free loopback port), the network loaded once with COPY from a CSV file (same edges, same
// float edge times, one directed row per edge: reverse_cost -1). Stopped at the end of main().
struct PgSide
{
    PgCluster cluster;
    QString error;          ///< why pgRouting cannot run here (the benchmarks skip with it)
    double loadSeconds = 0; ///< COPY of the edges
    std::map<std::pair<std::uint32_t, std::uint32_t>, double> ours; ///< (unit node, incident node) → s
};

std::unique_ptr<PgSide> &pgSide()
{
    static std::unique_ptr<PgSide> side;
    return side;
}

QString runQuiet(const QString &program, const QStringList &args, int timeoutMs = 600000)
{
    QProcess p;
    p.setStandardOutputFile(QProcess::nullDevice());
    p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    p.start(program, args);
    if (!p.waitForFinished(timeoutMs) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return QStringLiteral("%1 %2 failed (exit %3)")
            .arg(program, args.join(QLatin1Char(' ')))
            .arg(p.exitCode());
    return {};
}

PgSide *pg(const Fixture *f)
{
    auto &side = pgSide();
    if (side)
        return side.get();
    side = std::make_unique<PgSide>();
    if (const QString why = side->cluster.start(true); !why.isEmpty()) {
        side->error = why;
        return side.get();
    }
    auto db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("pgr"));
    db.setHostName(QStringLiteral("127.0.0.1"));
    db.setPort(side->cluster.port());
    db.setUserName(QStringLiteral("postgres"));
    db.setDatabaseName(QStringLiteral("postgres"));
    if (!db.open()) {
        side->error = QStringLiteral("cannot connect: ") + db.lastError().text();
        return side.get();
    }
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("CREATE EXTENSION pgrouting CASCADE")) ||
        !q.exec(QStringLiteral("CREATE TABLE edges (id bigint, source bigint, target bigint, cost float8, "
                               "reverse_cost float8)"))) {
        side->error = QStringLiteral("pgRouting setup: ") + q.lastError().text();
        return side.get();
    }
    // pgRouting vertex ids start at 1. %.17g keeps the float edge times exact.
    const QString csv = side->cluster.dir() + QStringLiteral("/edges.csv");
    {
        QFile out(csv);
        if (!out.open(QIODevice::WriteOnly)) {
            side->error = QStringLiteral("cannot write ") + csv;
            return side.get();
        }
        const auto &edges = f->graph->network().edges;
        QByteArray text;
        char line[96];
        for (std::size_t i = 0; i < edges.size(); ++i)
            text.append(line, std::snprintf(line, sizeof line, "%zu,%u,%u,%.17g,-1\n", i + 1,
                                            edges[i].from + 1, edges[i].to + 1, f->graph->edgeSeconds(i)));
        out.write(text);
    }
    QElapsedTimer t;
    t.start();
    if (!q.exec(QStringLiteral("COPY edges FROM '%1' WITH (FORMAT csv)").arg(csv)) ||
        !q.exec(QStringLiteral("ANALYZE edges"))) {
        side->error = QStringLiteral("loading edges: ") + q.lastError().text();
        return side.get();
    }
    side->loadSeconds = double(t.nsecsElapsed()) / 1e9;
    // Our times node to node (forward Dijkstra per unit), for the cross-check outside the timing.
    std::vector<double> dist;
    for (const std::uint32_t u : f->unitNodes) {
        f->graph->timesFromNode(u, dist);
        for (const std::uint32_t i : f->incidentNodes)
            side->ours[{u, i}] = dist[i];
    }
    return side.get();
}

/// CPU seconds (user + system) a local process has used so far, from /proc (-1 if unreadable): the
/// PostgreSQL backend's work, comparable with our CPU time when the machine is loaded.
double processCpuSeconds(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = stat.readAll();
    // Fields after the command name (in parentheses, may hold spaces): utime and stime are 14th and 15th.
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    return double(fields[11].toLongLong() + fields[12].toLongLong()) / double(sysconf(_SC_CLK_TCK));
}

QString nodeArray(const std::vector<std::uint32_t> &nodes)
{
    QStringList l;
    for (const auto n : nodes)
        l.append(QString::number(n + 1));
    return QStringLiteral("ARRAY[%1]::bigint[]").arg(l.join(QLatin1Char(',')));
}

// The same 300 × 100 matrix from pgr_dijkstraCost (many-to-many); wall time, the work is in the server.
// Arg 0: the plain shape, one Dijkstra per unit (300) on the edges as they are. Arg 1: our shape, one per
// incident (100) on the edges reversed (source and target swapped in the edge query). Counter max_diff_s:
// largest difference from our forward Dijkstra over the 30,000 cells (a cross-check, outside the timing).
void pgRoutingMatrix(benchmark::State &state)
{
    const Fixture *f = fixture();
    if (!f) {
        state.SkipWithError("Liechtenstein extract absent");
        return;
    }
    PgSide *side = pg(f);
    if (!side->error.isEmpty()) {
        state.SkipWithError(side->error.toStdString().c_str());
        return;
    }
    const bool reversed = state.range(0) == 1;
    const QString sql =
        reversed
            ? QStringLiteral("SELECT end_vid, start_vid, agg_cost FROM pgr_dijkstraCost('SELECT id, target "
                             "AS source, source AS target, cost, reverse_cost FROM edges', %1, %2, "
                             "directed => true)")
                  .arg(nodeArray(f->incidentNodes), nodeArray(f->unitNodes))
            : QStringLiteral("SELECT start_vid, end_vid, agg_cost FROM pgr_dijkstraCost('SELECT id, source, "
                             "target, cost, reverse_cost FROM edges', %1, %2, directed => true)")
                  .arg(nodeArray(f->unitNodes), nodeArray(f->incidentNodes));
    QSqlQuery q(QSqlDatabase::database(QStringLiteral("pgr")));
    q.setForwardOnly(true);
    (void)q.exec(sql); // warm: the first call pays for loading the library
    qint64 backend = 0;
    if (QSqlQuery b(QSqlDatabase::database(QStringLiteral("pgr")));
        b.exec(QStringLiteral("SELECT pg_backend_pid()")) && b.next())
        backend = b.value(0).toLongLong();
    const double cpuBefore = processCpuSeconds(backend);
    std::size_t rows = 0;
    for (auto _ : state) {
        if (!q.exec(sql)) {
            state.SkipWithError(
                QString(QStringLiteral("pgr_dijkstraCost: ") + q.lastError().text()).toStdString().c_str());
            return;
        }
        rows = 0;
        while (q.next())
            ++rows;
    }
    // The server's CPU time per query (the wall time above waits for a loaded machine too).
    if (const double cpuAfter = processCpuSeconds(backend); cpuBefore >= 0 && cpuAfter >= 0)
        state.counters["server_cpu_ms"] = (cpuAfter - cpuBefore) * 1000.0 / double(state.iterations());
    // Rows are (unit node, incident node, seconds) in both shapes.
    double maxDiff = 0;
    std::map<std::pair<std::uint32_t, std::uint32_t>, double> theirs;
    if (q.exec(sql))
        while (q.next())
            theirs[{q.value(0).toUInt() - 1, q.value(1).toUInt() - 1}] = q.value(2).toDouble();
    for (const auto &[key, seconds] : side->ours) {
        const auto it = theirs.find(key);
        if (it != theirs.end())
            maxDiff = std::max(maxDiff, std::abs(seconds - it->second));
        else if (key.first != key.second && std::isfinite(seconds))
            maxDiff = std::numeric_limits<double>::infinity(); // pgRouting found no path, we did
    }
    state.counters["rows"] = double(rows);
    state.counters["max_diff_s"] = maxDiff;
    state.counters["copy_load_s"] = side->loadSeconds;
}

const char *const extracts[] = {"/osm/monaco/monaco.osm.pbf",
                                "/osm/liechtenstein/liechtenstein-latest.osm.pbf"};

QString extractPath(std::int64_t k)
{
    return QStringLiteral(VIGIE_SHARED_DATA) + QLatin1String(extracts[k]);
}

// Road-network import of a real extract (what `vigie-cli import-roads` runs: read the PBF with libosmium,
// keep the drivable ways, write roads.bin). Arg: 0 Monaco, 1 Liechtenstein. CPU time of the whole process:
// libosmium decodes PBF blocks on worker threads.
void roadImport(benchmark::State &state)
{
    const QString pbf = extractPath(state.range(0));
    if (!QFileInfo::exists(pbf)) {
        state.SkipWithError("extract absent");
        return;
    }
    QTemporaryDir dir;
    routing::RoadImportStats stats;
    for (auto _ : state) {
        auto imported = routing::importRoadNetwork(pbf, std::nullopt, dir.path());
        if (!imported) {
            state.SkipWithError(imported.error().message.toStdString().c_str());
            return;
        }
        stats = *imported;
    }
    state.counters["nodes"] = double(stats.nodes);
    state.counters["edges"] = double(stats.edges);
}

// RoadGraph::build on the imported network (what `vigie-cli suggest` and the console do once when they load
// the roads): CSR graph, degree-2 contraction, contraction hierarchy, snapping index. The PBF is read once,
// outside the timing. Arg: 0 Monaco, 1 Liechtenstein.
void graphBuild(benchmark::State &state)
{
    const QString pbf = extractPath(state.range(0));
    if (!QFileInfo::exists(pbf)) {
        state.SkipWithError("extract absent");
        return;
    }
    const auto net = routing::readRoadNetwork(pbf, std::nullopt);
    if (!net) {
        state.SkipWithError(net.error().message.toStdString().c_str());
        return;
    }
    std::size_t core = 0, shortcuts = 0;
    for (auto _ : state) {
        auto graph = routing::RoadGraph::build(*net);
        core = (*graph)->coreNodeCount();
        shortcuts = (*graph)->hierarchyShortcuts();
        benchmark::DoNotOptimize(graph);
    }
    state.counters["core_nodes"] = double(core);
    state.counters["shortcuts"] = double(shortcuts);
}

// osm2pgrouting 2.3.8 on the same extract (car profile, --clean), into a database of the cluster above;
// wall time of the process (its own work plus PostgreSQL's). It reads OSM XML only: the PBF is converted
// once with `osmium cat`, outside the timing. Arg: 0 Monaco, 1 Liechtenstein.
void osm2pgroutingImport(benchmark::State &state)
{
    const Fixture *f = fixture();
    const QString pbf = extractPath(state.range(0));
    if (!f || !QFileInfo::exists(pbf)) {
        state.SkipWithError("extract absent");
        return;
    }
    PgSide *side = pg(f);
    if (!side->error.isEmpty()) {
        state.SkipWithError(side->error.toStdString().c_str());
        return;
    }
    if (QStandardPaths::findExecutable(QStringLiteral("osm2pgrouting")).isEmpty() ||
        QStandardPaths::findExecutable(QStringLiteral("osmium")).isEmpty()) {
        state.SkipWithError("osm2pgrouting or osmium-tool absent (apt install osm2pgrouting osmium-tool)");
        return;
    }
    const QString xml = side->cluster.dir() + QStringLiteral("/extract%1.osm").arg(state.range(0));
    const QString db = QStringLiteral("osm%1").arg(state.range(0));
    if (!QFileInfo::exists(xml)) {
        if (const QString e =
                runQuiet(QStringLiteral("osmium"),
                         {QStringLiteral("cat"), pbf, QStringLiteral("-o"), xml, QStringLiteral("-O")});
            !e.isEmpty()) {
            state.SkipWithError(e.toStdString().c_str());
            return;
        }
        QSqlQuery q(QSqlDatabase::database(QStringLiteral("pgr")));
        if (!q.exec(QStringLiteral("CREATE DATABASE %1").arg(db))) {
            state.SkipWithError(q.lastError().text().toStdString().c_str());
            return;
        }
        auto c = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), db);
        c.setHostName(QStringLiteral("127.0.0.1"));
        c.setPort(side->cluster.port());
        c.setUserName(QStringLiteral("postgres"));
        c.setDatabaseName(db);
        if (!c.open() || !QSqlQuery(c).exec(QStringLiteral("CREATE EXTENSION pgrouting CASCADE"))) {
            state.SkipWithError("cannot prepare the osm2pgrouting database");
            return;
        }
    }
    const QStringList args{
        QStringLiteral("-f"),     xml,
        QStringLiteral("-c"),     QStringLiteral("/usr/share/osm2pgrouting/mapconfig_for_cars.xml"),
        QStringLiteral("-d"),     db,
        QStringLiteral("-U"),     QStringLiteral("postgres"),
        QStringLiteral("-h"),     QStringLiteral("127.0.0.1"),
        QStringLiteral("-p"),     QString::number(side->cluster.port()),
        QStringLiteral("--clean")};
    // CPU of the osm2pgrouting process (reaped children), beside the wall time; the server's share of the
    // work (inserts, indexes) is in neither.
    const auto childCpu = [] {
        rusage r{};
        getrusage(RUSAGE_CHILDREN, &r);
        return double(r.ru_utime.tv_sec + r.ru_stime.tv_sec) +
               double(r.ru_utime.tv_usec + r.ru_stime.tv_usec) / 1e6;
    };
    const double cpuBefore = childCpu();
    for (auto _ : state)
        if (const QString e = runQuiet(QStringLiteral("osm2pgrouting"), args); !e.isEmpty()) {
            state.SkipWithError(e.toStdString().c_str());
            return;
        }
    state.counters["process_cpu_ms"] = (childCpu() - cpuBefore) * 1000.0 / double(state.iterations());
    QSqlQuery q(QSqlDatabase::database(db));
    if (q.exec(
            QStringLiteral("SELECT (SELECT count(*) FROM ways), (SELECT count(*) FROM ways_vertices_pgr)")) &&
        q.next()) {
        state.counters["ways"] = q.value(0).toDouble();
        state.counters["vertices"] = q.value(1).toDouble();
    }
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

BENCHMARK(wholeSuggestion)
    ->ArgsProduct({{1, 0}, {1, 0}})
    ->Unit(benchmark::kMillisecond)
    ->MeasureProcessCPUTime()
    ->UseRealTime();
BENCHMARK(wholeSuggestionAmpleFleet)
    ->Arg(1)
    ->Arg(0)
    ->Unit(benchmark::kMillisecond)
    ->MeasureProcessCPUTime()
    ->UseRealTime();
BENCHMARK(wholeSuggestionCity)
    ->ArgsProduct({{0, 1}, {1, 0}})
    ->Unit(benchmark::kMillisecond)
    ->MeasureProcessCPUTime()
    ->UseRealTime();
BENCHMARK(graphBuildCity)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(matrixOnly)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime()->UseRealTime();
BENCHMARK(flowOnly)
    ->Arg(-1)
    ->Arg(2)
    ->Arg(6)
    ->Unit(benchmark::kMillisecond)
    ->MeasureProcessCPUTime()
    ->UseRealTime();
BENCHMARK(pgRoutingMatrix)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(pointToPoint300Pairs)->Unit(benchmark::kMillisecond);
BENCHMARK(roadImport)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();
BENCHMARK(graphBuild)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(osm2pgroutingImport)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime();

int main(int argc, char **argv)
{
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    // Close the connections, then stop the cluster (its destructor), before static destruction.
    for (const QString &name : QSqlDatabase::connectionNames())
        QSqlDatabase::removeDatabase(name);
    pgSide().reset();
    return 0;
}
