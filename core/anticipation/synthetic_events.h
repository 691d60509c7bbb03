#pragma once
// A seeded synthetic history of planned events in Marseille, at the city pack's real venues
// (data/marseille/venues.geojson), with incidents drawn from a known negative binomial model: what the
// staffing regression must recover, and a room to try the console on (vigie-cli forecast synth).
#include "anticipation/event_history.h"

#include <QTimeZone>

#include <map>
#include <vector>

namespace vigie::anticipation {

struct SyntheticOptions
{
    quint64 seed = 1;
    int events = 200;
    Timestamp end;                ///< the history ends (the last event starts) the day before this
    double backgroundPerWeek = 0; ///< incidents unrelated to events, across the city (for the hotspots)
    double theta = 8.0;           ///< NB shape of the event counts (Var = μ + μ²/θ)
};

/// The true coefficients, named as StaffingModel names them (reference levels: match, morning).
[[nodiscard]] const std::map<QString, double> &syntheticTruth();
[[nodiscard]] double syntheticTheta();

struct SyntheticHistory
{
    std::vector<PlannedEvent> events;
    std::vector<int> drawn;               ///< incidents drawn per event (same order)
    std::vector<double> trueMean;         ///< the model's mean per event
    std::vector<IncidentPoint> incidents; ///< the events' incidents then the background, by time
};

/// Generates the history: one event per day (so that two events never share incidents), at venues of
/// the city pack, start and attendance drawn per type; each event's incidents within 300 m of its venue
/// and inside its window; the background from a few hot centres and a city-wide spread with an
/// evening- and weekend-heavy hour-of-week profile.
[[nodiscard]] SyntheticHistory generateSyntheticHistory(const SyntheticOptions &options);

/// The history as draft entries (event.plan at the time each event was planned, incident.open), in time
/// order.
[[nodiscard]] std::vector<Entry> syntheticEntries(const SyntheticHistory &history);

} // namespace vigie::anticipation
