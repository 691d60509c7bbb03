// Whole suggestion on Liechtenstein's road network: 300 units × 100 incidents (matrix, min-cost flow,
// coverage, explanations), beside the bare matrix and point-to-point Dijkstra per pair.
// Run: bench_routing --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
#include "allocation/suggestion.h"
#include "routing/osm_roads.h"

#include <benchmark/benchmark.h>

#include <random>

using namespace vigie;

namespace {

struct Fixture
{
    std::unique_ptr<routing::RoadGraph> graph;
    Picture picture;
    std::vector<GeoPoint> units, incidents;
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
            unit.position = nodes[pick(rng)];
            fx->units.push_back(*unit.position);
            fx->picture.units[unit.id] = unit;
        }
        const char *kinds[] = {"building_fire", "cardiac_arrest", "injury", "traffic_accident",
                               "vehicle_fire"};
        for (int i = 0; i < 100; ++i) {
            Incident inc;
            inc.id = QStringLiteral("I%1").arg(i);
            inc.type = QLatin1String(kinds[i % 5]);
            inc.position = nodes[pick(rng)];
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
BENCHMARK(pointToPoint300Pairs)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
