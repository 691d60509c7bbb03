#pragma once
// Planned events (event.plan / event.cancel entries): matches, concerts, markets, demonstrations, roadworks,
// closures… as the calendar knows them. An event.plan announces or replaces an event as a whole (same
// data.event id); an event.cancel takes it out of the calendar (it stays in the log).
#include "log/entry.h"

#include <QJsonObject>

#include <map>
#include <optional>

namespace vigie {

class JsonWriter;

struct PlannedEvent
{
    QString id; ///< data.event: "evt:om-psg-2026-10-25", "evt:ics:<uid>", …
    QString title;
    QString type; ///< one of plannedEventTypes (entry_kinds.h)
    Timestamp start;
    Timestamp end;
    std::optional<qint64> attendance;
    QString organiser;
    QString venue;
    QString source;     ///< where it was imported from: "csv:FILE", "ics:UID"…
    Geometry geo;       ///< Point (a venue), Polygon (an area) or LineString (a route, a street)
    Timestamp recorded; ///< the plan's event time: when it was recorded
    qint64 seq = 0;     ///< the event.plan entry in force
    friend bool operator==(const PlannedEvent &, const PlannedEvent &) = default;

    /// The event of an event.plan entry (validateKind has checked it).
    [[nodiscard]] static PlannedEvent fromEntry(const Entry &plan);
    /// The data object of an event.plan entry for this event (geo goes in the entry's geo).
    [[nodiscard]] QJsonObject planData() const;
    /// Whether two plans say the same thing (every field but recorded and seq): re-importing it is a no-op.
    [[nodiscard]] bool samePlan(const PlannedEvent &other) const;
    /// Whether [start, end] meets [from, to].
    [[nodiscard]] bool overlaps(Timestamp from, Timestamp to) const { return start <= to && end >= from; }
};

namespace planned {
/// Folds an event.plan or event.cancel into `events`.
void apply(std::map<QString, PlannedEvent> &events, const Entry &entry);
/// Snapshot text of the events (an array), and back.
void write(JsonWriter &j, const std::map<QString, PlannedEvent> &events);
void read(const QJsonValue &array, std::map<QString, PlannedEvent> &events);
} // namespace planned

} // namespace vigie
