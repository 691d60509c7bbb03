#pragma once
// The backlog on a surge day: when more needs wait than units are free, which incidents wait and for what,
// ranked; when a matching unit engaged now should free up for each; and which reinforcement column would
// shorten the wait most. Computed from the needs a suggestion could not fill and the picture, by a pure
// function (computeBacklog), so that the console, vigie-cli and the tests read the same figures.
//
// The estimate, said plainly: each engaged unit matching a waiting need frees up after the median of what
// remains of its service, given how long it has been at it (the calibrated service-time tables of
// simulation/synthetic_day.h); the waiting needs, in rank order, each take the unit that frees up first,
// which then serves a full median cycle before it can take the next. Drives are not counted: a wait is until
// a unit is free, not until it is there. The units proposed now are not counted either: they start a full
// cycle, which ends after the engaged units' except in the longest queues, so the waits there are an upper
// estimate.
#include "allocation/allocator.h"
#include "model/time.h"

#include <QJsonObject>

#include <limits>
#include <vector>

namespace vigie {
struct Picture;
}

namespace vigie::allocation {

/// A need the suggestion could not fill (the allocator's Solution::shortfalls, named).
struct UnfilledNeed
{
    QString incident, incidentType, title;
    Need need;                         ///< count: what it lacks after the units engaged on it
    int missing = 0;                   ///< of need.count, not proposed now
    std::size_t matchingAvailable = 0; ///< available units matching it (proposed elsewhere or unreachable)
};

struct BacklogOptions
{
    /// A reinforcement column: this many units of one type from a neighbouring département (Var, Vaucluse,
    /// Gard), here this long after it is asked for. 4 is the usual size of a département's column of
    /// ambulances or engines. 90 min is an assumption, not a measure: about half an hour to gather the
    /// crews and vehicles at the assembly point, then Toulon–Marseille (65 km) or Avignon–Marseille
    /// (100 km) by motorway, 50 to 70 min. Change it when the cell knows its neighbours' times better.
    int columnUnits = 4;
    double columnDelaySeconds = 90 * 60.0;
    /// Waits are counted up to this horizon (a need no unit will free up for counts this much): beyond
    /// four hours the situation has changed anyway, and the comparison of reinforcements stays finite.
    double horizonSeconds = 4 * 3600.0;
    /// Needs are ranked as the engine serves them: a complement (Need::followUp) this many priority levels
    /// lower (the suggestion sets it from its Weights).
    int followUpLevels = Weights{}.followUpLevels;
};

/// A unit engaged now (en route or on scene) that matches a waiting need.
struct EngagedUnit
{
    QString unit, callsign, type, status, incident;
    double engagedSeconds = 0.0; ///< since its last status (on scene: since it arrived)
    double freeInSeconds = 0.0;  ///< estimated time until it is free again
};

/// One need of one incident that waits, with its estimated wait.
struct WaitingNeed
{
    QString incident, incidentType, title;
    Need need;
    int missing = 0;
    Timestamp opened;
    double waitedSeconds = 0.0; ///< since the incident opened
    /// Until the first, and the last, of the `missing` units should free up for it (in rank order); infinity
    /// when no unit of the kind is engaged to free up.
    double firstFreeSeconds = std::numeric_limits<double>::infinity();
    double lastFreeSeconds = std::numeric_limits<double>::infinity();
};

/// A kind of unit in shortage (a need's name and agency), and what a column of it would remove.
struct Reinforcement
{
    QString need, agency;
    int waitingIncidents = 0;
    int missing = 0;
    std::vector<EngagedUnit> engaged;  ///< soonest free first
    double savedMinutes = 0.0;         ///< total waiting minutes the column would remove
    double savedWeightedMinutes = 0.0; ///< the same, each need's minutes times its priority: the ranking
};

struct Backlog
{
    /// Engaged units named per kind in the text and the dock (the soonest free); the JSON lists them all.
    static constexpr std::size_t shownEngaged = 5;

    std::vector<WaitingNeed> waiting;          ///< priority first, then longest waited
    std::vector<Reinforcement> reinforcements; ///< most priority-weighted minutes saved first
    BacklogOptions options;

    [[nodiscard]] bool empty() const { return waiting.empty(); }
    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] QString toText() const;
};

/// The backlog of `unfilled` at `now`: engaged units and incidents' opening times come from `picture`.
[[nodiscard]] Backlog computeBacklog(const std::vector<UnfilledNeed> &unfilled, const Picture &picture,
                                     Timestamp now, const BacklogOptions &options = {});

/// Estimated time until a unit of `type` is free again, `elapsedSeconds` into its service (on scene), or
/// before it has started (en route: `onScene` false).
[[nodiscard]] double freeInSeconds(const QString &type, bool onScene, double elapsedSeconds);
/// A full service cycle of a unit of `type` (median): what a unit freed up takes before the next.
[[nodiscard]] double serviceCycleSeconds(const QString &type);

} // namespace vigie::allocation
