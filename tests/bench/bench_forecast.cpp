// Forecast fitting: the staffing regression on 500 synthetic events (NB, IRLS + θ by maximum likelihood,
// then one prediction with its intervals) and the hotspot density on 100,000 incidents at 500 m.
#include "anticipation/hotspots.h"
#include "anticipation/staffing.h"
#include "anticipation/synthetic_events.h"

#include <benchmark/benchmark.h>

#include <random>

using namespace vigie;
using namespace vigie::anticipation;

namespace {

const QTimeZone &paris()
{
    static const QTimeZone zone("Europe/Paris");
    return zone;
}

std::vector<TrainingEvent> events500()
{
    SyntheticOptions o;
    o.seed = 42;
    o.events = 500;
    o.end = *Timestamp::parseIso(QStringLiteral("2026-11-01T00:00:00+01:00"));
    const SyntheticHistory h = generateSyntheticHistory(o);
    std::vector<TrainingEvent> out;
    for (size_t i = 0; i < h.events.size(); ++i)
        out.push_back({h.events[i].id, h.events[i].title, featuresOf(h.events[i], paris()), h.drawn[i]});
    return out;
}

std::vector<IncidentPoint> incidents100k()
{
    std::mt19937_64 rng(42);
    std::normal_distribution<double> g(0.0, 0.005);
    std::uniform_real_distribution<double> u(0.0, 1.0);
    std::vector<IncidentPoint> out;
    const qint64 t0 = Timestamp::parseIso(QStringLiteral("2025-01-06T00:00:00+01:00"))->msecs;
    for (int i = 0; i < 100'000; ++i) {
        const GeoPoint at = u(rng) < 0.6 ? GeoPoint{5.377 + g(rng), 43.296 + g(rng)}
                                         : GeoPoint{5.33 + 0.12 * u(rng), 43.24 + 0.12 * u(rng)};
        out.push_back({Timestamp{t0 + qint64(u(rng) * 52 * 7 * 86400'000.0)}, at});
    }
    return out;
}

void BM_FitStaffing500Events(benchmark::State &state)
{
    const auto events = events500();
    EventFeatures f = events.front().features;
    for (auto _ : state) {
        auto m = fitStaffing(events);
        auto p = predict(*m, f);
        benchmark::DoNotOptimize(p);
    }
}
BENCHMARK(BM_FitStaffing500Events)->Unit(benchmark::kMillisecond);

void BM_Hotspots100kIncidents(benchmark::State &state)
{
    const auto incidents = incidents100k();
    HotspotOptions o;
    o.zone = paris();
    for (auto _ : state) {
        auto f = forecastHotspots(incidents, o);
        benchmark::DoNotOptimize(f);
    }
}
BENCHMARK(BM_Hotspots100kIncidents)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
