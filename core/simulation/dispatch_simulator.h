#pragma once
// Discrete-event simulation of a day of dispatch (Schmid, EJOR 2012, and the ambulance-dispatch literature
// compare policies this way). Events, in time order (ties in the order they were scheduled):
//   call → dispatch (after the call processing time) → on scene (after turnout and the drive)
//   → end of service (scene time, plus transport and handover at the nearest emergency department)
//   → back at the station, available again.
// A unit is busy from its dispatch until the end of its service; driving back, it can be sent on from the
// road, as a crew that reports itself free on the way is (SimOptions::sendOnTheWay; off, it is busy until
// back at its station). A need that no available unit can fill waits in a queue and is served, in call
// order, when a unit is free again. Two policies decide who goes:
//   - closest available: each waiting need, in call order, gets the available matching unit with the
//     shortest drive (SimOptions::closestFirstUnits: incidents without a unit first);
//   - allocation engine: all waiting needs at once by the min-cost flow of allocation/allocator.h, with the
//     MEXCLP coverage term of allocation/coverage.h (sectors: the stations, weighted by their demand); the
//     needs of an incident that a unit was sent to already are complements (allocation::Need::followUp).
#include "simulation/synthetic_day.h"

#include "allocation/allocator.h"
#include "allocation/coverage.h"
#include "routing/travel_times.h"

#include <limits>
#include <optional>

namespace vigie::simulation {

inline constexpr std::size_t noUnit = std::numeric_limits<std::size_t>::max();

/// Light-vehicle emergency driving times in seconds between the places of a day (row-major matrices).
/// Unit types scale them by routing::vehicleSpeedFactor.
struct TravelTable
{
    std::size_t stations = 0, incidents = 0, hospitals = 0;
    std::vector<double> stationToIncident;  ///< stations × incidents
    std::vector<double> incidentToStation;  ///< incidents × stations
    std::vector<double> incidentToHospital; ///< incidents × hospitals
    std::vector<double> hospitalToStation;  ///< hospitals × stations
    std::vector<double> stationToStation;   ///< stations × stations
    /// Where a unit driving back from a scene or a hospital can be sent from (SimOptions::sendOnTheWay);
    /// empty: unknown, such a unit is then sent through the station it drives to.
    std::vector<double> incidentToIncident;      ///< incidents × incidents
    std::vector<double> hospitalToIncident;      ///< hospitals × incidents
    bool roads = false;                          ///< a road network was used
    std::size_t cells = 0, approximateCells = 0; ///< how many times are straight-line estimates
    QStringList notes;                           ///< how times were estimated

    /// The nearest hospital (by drive) of an incident.
    [[nodiscard]] std::size_t nearestHospital(std::size_t incident) const;
};

/// Times for `day` in `city` on `graph`, or by the straight-line fallback when `graph` is null. A pair the
/// roads do not join (off the network, disconnected) also takes the straight-line estimate, and is counted.
[[nodiscard]] TravelTable buildTravelTable(const routing::RoadGraph *graph, const City &city,
                                           const std::vector<SimIncident> &day,
                                           const routing::MatrixOptions &options = {});

enum class Policy
{
    ClosestAvailable,
    AllocationEngine
};

[[nodiscard]] QString policyName(Policy policy);

/// Move-ups (relocation of available units between stations while others are away), after every dispatch
/// and every return: Daskin's maximum expected covering location model (MEXCLP, 1983) solved greedily at each
/// event, the "dynamic MEXCLP" of the ambulance-relocation literature (Gendreau, Laporte & Semet 2001
/// redeploy at each event; Jagtenberg, Bhulai & van der Mei 2015 show the greedy dynamic MEXCLP reaches most
/// of the gain of the exact models), with the expected response time as objective rather than the covered
/// demand (a unit answers as the k-th nearest with probability (1 − q) q^(k−1)). Per unit type, the one move
/// of an available unit to a station of its type that shortens the demand-weighted expected response the most
/// is made, if it shortens it by at least `minGain` seconds and its drive is at most `maxSeconds`; units
/// driving back from service count at the station they are going to. A unit on a move-up can be sent on:
/// from the station ahead or the one behind, whichever is sooner, its turnout kept. And where a unit freed
/// from service drives can be decided too (SimOptions::returnTowardWaiting).
struct MoveUpOptions
{
    bool enabled = false;
    double maxSeconds = 900.0;
    /// Seconds, when every unit of the type is free (tests/bench/simulation.md, "A threshold that follows
    /// the load": 3 s scaled against 5, 7 and 10 s fixed, chosen on days 1–10, checked on days 11–20).
    double minGain = 3.0;
    int movesPerEvent = 1; ///< per unit type
    /// The smallest gain grows as units of the type are busy: minGain × (units of the type) / (units of the
    /// type available). A crew driving to cover a station is one less for the next call, and the fewer are
    /// free the likelier that call comes before the crew arrives: on a calm day small moves pay, on a surge
    /// day they cost. Off: minGain whatever the load.
    bool scaleWithLoad = true;
};

struct SimOptions
{
    Policy policy = Policy::ClosestAvailable;
    MoveUpOptions moveUps;
    /// Where a unit freed from service drives, decided as in Schmid (EJOR 2012): home, unless needs it can
    /// fill are waiting; then the station of its type through which it reaches one of them soonest (it is
    /// dispatched on arrival, unless sent on from the road before). Off: always home.
    bool returnTowardWaiting = false;
    /// A unit freed from service is available at once, on its way back: sent from the road, its drive is
    /// the sooner of driving on through the station it heads for and turning back through the scene (or
    /// hospital) it left, an upper bound of the drive from where it is; its turnout is kept. Off: it is busy
    /// until back at its station (the model of the first runs, kept to compare).
    bool sendOnTheWay = true;
    /// The closest-unit dispatcher applies the engine's rule on complements too: each waiting incident that
    /// has no unit yet gets its first one (the first of its waiting needs an available unit can fill), in
    /// call order, before any other need is served. Off: every need in call order (the baseline as named).
    bool closestFirstUnits = false;
    double callProcessingSeconds = calibration::callProcessingSeconds;
    double turnoutSeconds = calibration::turnoutSeconds;
    allocation::Weights weights;         ///< allocation engine only
    allocation::CoverageParams coverage; ///< allocation engine only
};

struct SlotOutcome
{
    std::size_t unit = noUnit;     ///< index in the city's units
    double dispatchSeconds = -1.0; ///< when the unit was sent
    double onSceneSeconds = -1.0;  ///< when it arrived
    double backSeconds = -1.0;     ///< when it was back at its station, or sent on from the road before
};

struct IncidentOutcome
{
    std::optional<double> responseSeconds; ///< call → first unit on scene; empty: never reached
    bool waited = false;                   ///< a need of it waited for a unit to come back
    std::vector<SlotOutcome> slots;
};

struct RunResult
{
    std::vector<IncidentOutcome> incidents;
    std::size_t moveUps = 0;          ///< relocations made
    std::size_t returnsElsewhere = 0; ///< units freed from service sent to another station than their own
    std::size_t sentOnTheWay = 0;     ///< dispatches of a unit driving back from a scene or a hospital
    double moveUpDriveSeconds = 0.0;  ///< their drives, summed
    std::size_t events = 0;           ///< events processed
    std::size_t decisions = 0;        ///< times the policy was asked
    double endSeconds = 0.0;          ///< time of the last event
};

struct Summary
{
    std::size_t incidents = 0, answered = 0, unanswered = 0, waited = 0;
    double meanSeconds = 0.0;
    double p90Seconds = 0.0;      ///< nearest rank: the ⌈0.9 n⌉-th smallest response time
    double shareOverTarget = 0.0; ///< answered incidents whose response time exceeds the target
    double targetSeconds = 600.0;
};

/// Replays `day` in `city` with `options.policy`. Errors: matrices of the wrong size, a slot whose need no
/// unit of the city can ever fill is not an error (it stays unanswered and is counted).
[[nodiscard]] Result<RunResult> simulate(const City &city, const std::vector<SimIncident> &day,
                                         const TravelTable &travel, const SimOptions &options);

[[nodiscard]] Summary summarize(const RunResult &run, double targetSeconds = 600.0);

/// A lower bound on any policy's response times: every incident reached by the nearest unit of the city able
/// to fill one of its needs, as if that unit were always free and at its station (call processing and turnout
/// included). Summarised as a run. A bound of the runs whose units leave from stations only: a unit sent on
/// from the road (SimOptions::sendOnTheWay) may be nearer than any station, so a run with it can beat the
/// bound on some incidents (tests/bench/simulation.md says by how much).
[[nodiscard]] Summary lowerBound(const City &city, const std::vector<SimIncident> &day,
                                 const TravelTable &travel, const SimOptions &options,
                                 double targetSeconds = 600.0);

} // namespace vigie::simulation
