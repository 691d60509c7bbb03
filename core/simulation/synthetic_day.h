#pragma once
// A synthetic day of fire-brigade interventions in Marseille, seeded, for the dispatch simulation
// (dispatch_simulator.h). What it draws and from which source is documented in data/simulation/README.md:
// arrivals by hour, the incident mix (≈ 80 % rescue to persons), positions around the stations weighted
// by their fleet, and service times resampled from real San Francisco dispatch records.
#include "allocation/needs.h"
#include "model/geo.h"

#include <cstdint>
#include <span>
#include <vector>

namespace vigie::simulation {

/// A fire station (or any base units leave from and return to).
struct Station
{
    QString id;
    QString name;
    GeoPoint position;
};

/// A vehicle of the simulated fleet, based at `station` (index into the stations).
struct SimUnit
{
    QString id;
    QString type;
    QString agency;
    QStringList capabilities;
    std::size_t station = 0;
};

/// One unit requested by an incident, with what that unit will do once there (drawn in advance so that
/// every policy replays exactly the same day).
struct Slot
{
    allocation::Need need;        ///< count is 1: one slot per unit
    double sceneSeconds = 0.0;    ///< time on scene
    bool transport = false;       ///< carries a patient to the nearest emergency department afterwards
    double handoverSeconds = 0.0; ///< at the hospital, when transporting
};

struct SimIncident
{
    QString id;
    QString type;             ///< a type of data/allocation/needs.json
    double callSeconds = 0.0; ///< call received, seconds since the start of the day
    GeoPoint position;
    std::vector<Slot> slots; ///< in the needs table's order
};

/// The city the day happens in: stations, fleet, emergency departments.
struct City
{
    std::vector<Station> stations;
    std::vector<SimUnit> units;
    std::vector<GeoPoint> hospitals;  ///< emergency departments (patients are taken to the nearest)
    std::vector<double> demandWeight; ///< per station: share of the incidents drawn around it (sums to 1)
};

/// The embedded Marseille demo (data/marseille): the BMPM stations, the fire units of the demo fleet and
/// the hospitals with an emergency department. Demand weight of a station: its VSAV + FPT count (the
/// brigade sizes a station to its load); Frioul (islands) and the État-major (no VSAV/FPT) draw none.
[[nodiscard]] Result<City> marseilleCity();

/// A piecewise-linear inverse distribution function: `minutes[k]` is the quantile `probabilities[k]`.
struct QuantileTable
{
    std::span<const double> probabilities;
    std::span<const double> minutes;
    /// The value at quantile u ∈ [0, 1] (linear between the tabulated points).
    [[nodiscard]] double at(double u) const;
};

/// Service-time tables calibrated on the San Francisco Fire Department "Calls for Service" records
/// (DataSF, ODC-PDDL), see data/simulation/README.md; the unit test recomputes them from the file.
namespace calibration {
/// Engine (ENGINE) on scene → available, 1,288 unit-dispatches (capped at the 99th percentile).
[[nodiscard]] QuantileTable engineScene();
/// Ambulance (MEDIC) that transported: on scene → transport, 8 runs (thin: see the README).
[[nodiscard]] QuantileTable ambulanceScene();
/// Ambulance that transported: at hospital → available (handover), 8 runs.
[[nodiscard]] QuantileTable hospitalHandover();
/// Relative call rate per hour of the day (incidents received per hour, 901 incidents).
[[nodiscard]] std::span<const double> hourlyCalls();
inline constexpr double callProcessingSeconds = 65.0; ///< received → dispatched, median of 901 first units
inline constexpr double turnoutSeconds = 71.0;        ///< dispatched → rolling, median of 4,113 units
} // namespace calibration

/// An incident type and its share of the day.
struct MixItem
{
    QString type;
    double share = 0.0;
};

struct DayParams
{
    std::uint64_t seed = 1;
    int incidents = 350; ///< BMPM: about 130,000 interventions a year, i.e. ≈ 350 a day
    std::vector<MixItem> mix = defaultMix();
    double transportShare = 0.6; ///< rescue to persons ending with a transport (assumption, see README)
    double sigmaMeters = 1200.0; ///< spread of the positions around their station (Gaussian)
    double maxOffsetMeters = 3500.0;
    QString agency = QStringLiteral("fire"); ///< only the needs of this agency are simulated

    /// ≈ 80 % rescue to persons (injury 70, traffic accident 7, cardiac arrest 3), 8 % fires, 12 % other.
    [[nodiscard]] static std::vector<MixItem> defaultMix();
};

/// Whether an incident type is rescue to persons (secours à personne): its VSAV slot may transport.
[[nodiscard]] bool isRescueToPersons(const QString &type);

/// The day: `params.incidents` incidents sorted by call time, ids "I001"… . Errors name the type or
/// station at fault (unknown type in the mix, no station with demand).
[[nodiscard]] Result<std::vector<SimIncident>>
generateDay(const City &city, const allocation::NeedsTable &needs, const DayParams &params);

} // namespace vigie::simulation
