#include "simulation/synthetic_day.h"

#include "demo/demo_room.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>
#include <map>
#include <numbers>
#include <random>

namespace vigie::simulation {

namespace {

// Quantiles of the San Francisco records (data/simulation/README.md says how they were computed; the
// simulation tests recompute them from the shared file). Nearest rank: value at round(p · (n − 1)).
// Engines: capped at the 99th percentile; the maximum of the records is a 16-hour outlier.
constexpr double tableProbabilities[] = {0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99};
constexpr double engineSceneMinutes[] = {0.0,   0.48,  2.0,   3.45,  5.42,  7.55,
                                         10.08, 13.18, 18.32, 32.77, 57.25, 220.05};
// The 8 transports, sorted, at probabilities k/7 (the whole sample, no smoothing).
constexpr double ambulanceSceneProbabilities[] = {0.0,     1.0 / 7, 2.0 / 7, 3.0 / 7,
                                                  4.0 / 7, 5.0 / 7, 6.0 / 7, 1.0};
constexpr double ambulanceSceneMinutes[] = {28.72, 34.73, 35.37, 36.12, 40.22, 40.70, 49.63, 64.57};
constexpr double handoverMinutes[] = {23.85, 32.35, 32.97, 36.45, 37.97, 47.67, 59.08, 91.50};
// Incidents received per hour of the day, 0 h … 23 h (901 incidents, 2009–2019).
constexpr double hourly[] = {36, 33, 41, 28, 16, 16, 13, 24, 36, 31, 36, 43,
                             37, 39, 45, 64, 48, 40, 49, 49, 54, 36, 48, 39};

constexpr double metersPerDegree = 111320.0;

/// Uniform in [0, 1) from the raw 64-bit output. Written out because the standard distributions are
/// implementation-defined: the same seed must give the same day with any standard library.
double unit01(std::mt19937_64 &rng)
{
    return double(rng() >> 11) * 0x1.0p-53;
}

/// Standard normal by Box–Muller (same reason as unit01).
double normal(std::mt19937_64 &rng)
{
    const double u = 1.0 - unit01(rng); // (0, 1]: log is finite
    const double v = unit01(rng);
    return std::sqrt(-2.0 * std::log(u)) * std::cos(2.0 * std::numbers::pi * v);
}

std::size_t pickWeighted(std::span<const double> weights, double u)
{
    double total = 0.0;
    for (double w : weights)
        total += w;
    double x = u * total;
    for (std::size_t k = 0; k < weights.size(); ++k) {
        if (x < weights[k])
            return k;
        x -= weights[k];
    }
    return weights.size() - 1;
}

Result<QByteArray> readResource(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("embedded data %1 is missing from this build").arg(path)};
    return file.readAll();
}

} // namespace

double QuantileTable::at(double u) const
{
    u = std::clamp(u, 0.0, 1.0);
    const auto it = std::upper_bound(probabilities.begin(), probabilities.end(), u);
    if (it == probabilities.end())
        return minutes.back();
    const std::size_t k = std::size_t(it - probabilities.begin());
    if (k == 0)
        return minutes.front();
    const double p0 = probabilities[k - 1], p1 = probabilities[k];
    const double t = p1 > p0 ? (u - p0) / (p1 - p0) : 0.0;
    return minutes[k - 1] + t * (minutes[k] - minutes[k - 1]);
}

namespace calibration {
QuantileTable engineScene()
{
    return {tableProbabilities, engineSceneMinutes};
}
QuantileTable ambulanceScene()
{
    return {ambulanceSceneProbabilities, ambulanceSceneMinutes};
}
QuantileTable hospitalHandover()
{
    return {ambulanceSceneProbabilities, handoverMinutes};
}
std::span<const double> hourlyCalls()
{
    return hourly;
}
} // namespace calibration

std::vector<MixItem> DayParams::defaultMix()
{
    return {{QStringLiteral("injury"), 0.70},         {QStringLiteral("traffic_accident"), 0.07},
            {QStringLiteral("cardiac_arrest"), 0.03}, {QStringLiteral("building_fire"), 0.02},
            {QStringLiteral("vehicle_fire"), 0.03},   {QStringLiteral("brush_fire"), 0.03},
            {QStringLiteral("gas_leak"), 0.02},       {QStringLiteral("other"), 0.10}};
}

bool isRescueToPersons(const QString &type)
{
    return type == QLatin1String("injury") || type == QLatin1String("traffic_accident") ||
           type == QLatin1String("cardiac_arrest") || type == QLatin1String("drowning");
}

Result<City> marseilleCity()
{
    auto stations = cityPlaces(QStringLiteral("fire_stations"));
    if (!stations)
        return stations.error();
    auto hospitals = cityPlaces(QStringLiteral("hospitals"));
    if (!hospitals)
        return hospitals.error();
    auto fleetBytes = readResource(QStringLiteral(":/vigie/marseille/fleet.json"));
    if (!fleetBytes)
        return fleetBytes.error();
    City city;
    std::map<QString, std::size_t> stationIndex;
    for (const Place &p : *stations) {
        stationIndex[p.id] = city.stations.size();
        city.stations.push_back({p.id, p.name, p.position});
    }
    for (const Place &h : *hospitals)
        if (h.kind == QLatin1String("hospital") && h.properties.value(QLatin1String("emergency")).toBool())
            city.hospitals.push_back(h.position);
    const QJsonArray fleet = QJsonDocument::fromJson(*fleetBytes).array();
    city.demandWeight.assign(city.stations.size(), 0.0);
    for (qsizetype k = 0; k < fleet.size(); ++k) {
        const QJsonObject u = fleet.at(k).toObject();
        if (u.value(QLatin1String("agency")).toString() != QLatin1String("fire"))
            continue;
        const QString station = u.value(QLatin1String("station")).toString();
        const auto s = stationIndex.find(station);
        if (s == stationIndex.end())
            return Error{
                QStringLiteral("fleet.json unit %1: station \"%2\" is not a fire station of the city "
                               "pack")
                    .arg(k)
                    .arg(station)};
        SimUnit unit{u.value(QLatin1String("id")).toString(),
                     u.value(QLatin1String("type")).toString(),
                     QStringLiteral("fire"),
                     {},
                     s->second};
        for (const QJsonValue &c : u.value(QLatin1String("capabilities")).toArray())
            unit.capabilities.append(c.toString());
        if (station != QLatin1String("bmpm-frioul") && (unit.type == "VSAV" || unit.type == "FPT"))
            city.demandWeight[s->second] += 1.0;
        city.units.push_back(std::move(unit));
    }
    double total = 0.0;
    for (double w : city.demandWeight)
        total += w;
    if (total <= 0.0)
        return Error{
            QStringLiteral("the city pack has no fire station with a VSAV or FPT: no demand to draw")};
    for (double &w : city.demandWeight)
        w /= total;
    return city;
}

Result<std::vector<SimIncident>> generateDay(const City &city, const allocation::NeedsTable &needs,
                                             const DayParams &params)
{
    if (params.incidents < 0)
        return Error{QStringLiteral("a day of %1 incidents: the count must be ≥ 0").arg(params.incidents)};
    if (city.stations.empty() || city.demandWeight.size() != city.stations.size())
        return Error{QStringLiteral("the city has no station with a demand weight: no position to draw")};
    std::vector<double> mixShares;
    for (const MixItem &m : params.mix) {
        if (!needs.byType.contains(m.type))
            return Error{QStringLiteral("incident mix: type \"%1\" is not in the needs table").arg(m.type)};
        mixShares.push_back(m.share);
    }
    if (mixShares.empty())
        return Error{QStringLiteral("incident mix is empty")};

    std::mt19937_64 rng(params.seed);
    std::vector<SimIncident> day(std::size_t(params.incidents));
    for (SimIncident &inc : day) {
        // Given their count, the arrival times of a Poisson process with an hourly rate are independent
        // draws from that rate's density: an hour by its weight, then uniform within it.
        const std::size_t hour = pickWeighted(calibration::hourlyCalls(), unit01(rng));
        inc.callSeconds = (double(hour) + unit01(rng)) * 3600.0;
        inc.type = params.mix[pickWeighted(mixShares, unit01(rng))].type;
        const Station &st = city.stations[pickWeighted(city.demandWeight, unit01(rng))];
        double dx = 0.0, dy = 0.0;
        do {
            dx = normal(rng) * params.sigmaMeters;
            dy = normal(rng) * params.sigmaMeters;
        } while (std::hypot(dx, dy) > params.maxOffsetMeters);
        inc.position = {st.position.lon +
                            dx / (metersPerDegree * std::cos(st.position.lat * std::numbers::pi / 180)),
                        st.position.lat + dy / metersPerDegree};
        const bool rescue = isRescueToPersons(inc.type);
        bool transportDrawn = false;
        for (const allocation::Need &n : allocation::needsFor(needs, inc.type)) {
            if (n.agency != params.agency)
                continue;
            for (int c = 0; c < n.count; ++c) {
                Slot s;
                s.need = n;
                s.need.count = 1;
                const bool ambulance = rescue && n.name == QLatin1String("VSAV") && !transportDrawn;
                s.sceneSeconds =
                    60.0 *
                    (ambulance ? calibration::ambulanceScene() : calibration::engineScene()).at(unit01(rng));
                if (ambulance) {
                    transportDrawn = true;
                    s.transport = unit01(rng) < params.transportShare;
                    s.handoverSeconds = 60.0 * calibration::hospitalHandover().at(unit01(rng));
                }
                inc.slots.push_back(std::move(s));
            }
        }
    }
    std::stable_sort(day.begin(), day.end(), [](const SimIncident &a, const SimIncident &b) {
        return a.callSeconds < b.callSeconds;
    });
    for (std::size_t k = 0; k < day.size(); ++k)
        day[k].id = QStringLiteral("I%1").arg(k + 1, 3, 10, QLatin1Char('0'));
    return day;
}

} // namespace vigie::simulation
