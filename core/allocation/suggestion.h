#pragma once
// Suggestions: which available unit to send to which open incident, with its ETA, the next-best
// alternatives and what its departure costs in coverage. Nothing is sent: a liaison accepts or rejects each
// suggestion, and all three are log entries.
#include "allocation/backlog.h"
#include "allocation/coverage.h"
#include "allocation/needs.h"
#include "routing/travel_times.h"

#include <optional>

namespace vigie::allocation {

struct SuggestOptions
{
    bool includeReturning = false; ///< also propose units returning to their station
    /// Farther by road than this, a unit is not proposed (and its search stops there): an hour of
    /// emergency driving is beyond any useful first response in a city, and bounding the searches keeps a
    /// suggestion fast on a large network.
    double maxEtaSeconds = 3600.0;
    /// An incident farther than this, in a straight line, from every unit of the fleet (whatever its status)
    /// lies outside the fleet's area: no unit is proposed for it, a message says so. 50 km covers the
    /// Bouches-du-Rhône from Marseille's stations and keeps out reports placed in another département.
    double maxFleetDistanceMeters = 50000.0;
    /// Each incident's search first stops once it has reached, for each need, `count + 2` matching units
    /// (the count, and the two alternatives shown), starting at `firstSearchSeconds` and doubling; it goes
    /// farther only for the incidents where the allocation's optimality check or the alternatives ask for
    /// it. The suggestion is the same as with full searches. Off by default: when a unit type is scarce
    /// (more slots than units, as in tests/bench/routing.md), every unit must be placed, the check asks
    /// for nearly every search in full, and the rounds cost more than they save.
    bool boundedSearches = false;
    double firstSearchSeconds = 120.0;
    /// Move-ups: once the proposed units have left, available fire units sent to wait at another station so
    /// that sectors left with no unit of their type within the coverage target get one again (see
    /// proposeMoveUps in suggestion.cpp). At most this many per unit type; 0: none.
    int moveUpsPerType = 2;
    /// A move-up's drive is at most this: a unit farther than the coverage target from the station is
    /// considered from its own station (when it stands there), by the drive between the two stations.
    double moveUpMaxSeconds = 900.0;
    /// The time the backlog's waits are counted from; unset: the picture's latest event time.
    std::optional<Timestamp> now;
    BacklogOptions backlog;
    Weights weights;
    CoverageParams coverage;
    routing::MatrixOptions matrix;
};

struct Alternative
{
    QString unit;
    double etaSeconds = 0.0;
    double meters = 0.0;
};

struct Suggestion
{
    QString unit, callsign, type, agency;
    QString incident, incidentType;
    Need need;
    double etaSeconds = 0.0;
    double meters = 0.0;
    bool approximate = false;
    double coverageLoss = 0.0;
    QStringList uncovered;                 ///< sectors left with no unit within the target time if it leaves
    std::vector<Alternative> alternatives; ///< the two best other matching units
    double cost = 0.0;
    /// A move-up rather than a dispatch: the unit goes to wait at `station` (no incident, no need); its
    /// drive is etaSeconds and meters. `restored`: the sectors that get a unit of its type within the
    /// coverage target again; coverageLoss is then the expected coverage it gives back (negative).
    bool moveUp = false;
    QString station, stationName;
    GeoPoint stationPosition;
    QStringList restored;
};

struct SuggestionSet
{
    std::vector<Suggestion> items;
    /// What could not be suggested and why (no position, shortfall, …); the shortfalls' come last, one per
    /// shortfall, in the same order.
    QStringList messages;
    std::vector<UnfilledNeed> shortfalls; ///< the needs no unit is proposed for
    Backlog backlog;                      ///< those needs ranked, their waits, the reinforcements
    QStringList notes;                    ///< how times were estimated (no roads, off-network positions)
    bool roads = false;
    Weights weights;
    CoverageParams coverage;
    /// How the suggestion was computed: incident searches taken farther than their first stop, and
    /// min-cost flow solves (one, plus one per widening round).
    std::size_t widenedSearches = 0;
    std::size_t solves = 0;

    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] QString toText() const;
};

/// What `suggest` takes from the picture beyond the free units and open incidents:
/// - units engaged on an incident (en route or on scene, naming it) count toward its needs: a need they fill
///   is not proposed again, and an incident whose needs they all fill gets no proposal; what they leave is a
///   complement (Need::followUp), served after the first unit of incidents that have none;
/// - a unit a desk turned down for an incident (suggestion.reject) is not proposed for it again until the
///   situation changes, that is until an entry about the incident (a report, an update) comes after the
///   rejection in the log; it may still be proposed elsewhere;
/// - a unit whose move-up a desk decided (accepted or turned down) is not proposed for another until a
///   status of it comes after that decision.
[[nodiscard]] SuggestionSet suggest(const Picture &picture, const routing::RoadGraph *graph,
                                    const std::vector<Sector> &sectors, const NeedsTable &needs,
                                    const SuggestOptions &options = {});

/// One `suggestion` entry per item (data.suggestion: a fresh id to accept or reject it by).
[[nodiscard]] std::vector<Entry> suggestionDrafts(const SuggestionSet &set, const QString &author,
                                                  Timestamp eventTime);
/// `suggestion.accept` and the unit's `unit.status`: en_route towards the incident, or for a move-up
/// available and based at its new station (data.move_up).
[[nodiscard]] Result<std::vector<Entry>> acceptDrafts(const Entry &suggestion, const QString &author,
                                                      Timestamp eventTime);
/// `suggestion.reject` with the reason given.
[[nodiscard]] Result<std::vector<Entry>> rejectDrafts(const Entry &suggestion, const QString &author,
                                                      Timestamp eventTime, const QString &reason);

} // namespace vigie::allocation
