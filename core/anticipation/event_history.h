#pragma once
// What the forecasts read from a room's log: planned events (event.plan / event.cancel, written by the
// calendar) and the incidents opened (incident.open). Read straight from the store by kind, so the forecast
// depends on no fold of the picture.
#include "log/entry.h"
#include "store/log_store.h"

#include <QStringList>

#include <vector>

namespace vigie::anticipation {

/// The event types of the event.plan schema, in the schema's order (the order decides the reference level
/// of the regression: the first type present in the history).
[[nodiscard]] const QStringList &eventTypes();

struct PlannedEvent
{
    QString id; ///< "evt:…", stable: a later event.plan with the same id replaces it
    QString title;
    QString type; ///< one of eventTypes()
    Timestamp start;
    Timestamp end;
    qint64 attendance = -1; ///< -1: not given
    int risk = -1;          ///< optional risk class 1–3 (data.risk); -1: not given
    QString venue;
    Geometry geo; ///< the venue (Point), the area (Polygon)
};

struct IncidentPoint
{
    Timestamp time;
    GeoPoint at;
};

/// Parses the data fields of one event.plan entry (the agreed schema), naming the entry and the field that
/// is wrong.
[[nodiscard]] Result<PlannedEvent> parseEventPlan(const Entry &entry);

struct EventHistory
{
    std::vector<PlannedEvent> events;     ///< in force (latest plan of each id, cancelled ones left out)
    std::vector<IncidentPoint> incidents; ///< every incident.open with a geometry, in log order
    QStringList problems;                 ///< event.plan entries that could not be read (skipped)
};

/// Reads a room's planned events and opened incidents.
[[nodiscard]] Result<EventHistory> readEventHistory(const LogStore &store);

/// The rule for "an event's incidents": incidents opened from `marginMinutes` before its start to
/// `marginMinutes` after its end, within `radiusMeters` of its geometry (of the point; of the polygon's
/// boundary, or inside it).
struct AttributionRule
{
    double radiusMeters = 500.0; ///< a stadium's surroundings: queues, transport, the streets around it
    int marginMinutes = 60;      ///< arrivals before the start and dispersal after the end
};
[[nodiscard]] int countIncidents(const PlannedEvent &event, const std::vector<IncidentPoint> &incidents,
                                 const AttributionRule &rule = {});
/// Distance in metres from `p` to a geometry (0 inside a polygon).
[[nodiscard]] double distanceToGeometry(GeoPoint p, const Geometry &geo);

} // namespace vigie::anticipation
