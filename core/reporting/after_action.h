#pragma once
// What an after-action report (retour d'expérience, RETEX) says about a period of a room: the chronology, the
// decisions and who took them, each incident's timings (reported → first unit engaged → first unit on scene →
// closed), the response times by service, the incidents over time and, in an exercise room, what each inject
// expected against what was done. Data only, from the log as stored (already scrubbed of personal data): the
// reports/ library words it and lays it out.
//
// Times are event times (docs/entries.md, "Time"): a report that arrived late counts when it happened.
#include "store/log_store.h"

#include <QJsonArray>

#include <map>
#include <optional>
#include <vector>

namespace vigie::reporting {

/// A period of the room; an open end is the start (or the end) of the log.
struct Period
{
    std::optional<Timestamp> from;
    std::optional<Timestamp> to;
    [[nodiscard]] bool contains(Timestamp t) const { return (!from || t >= *from) && (!to || t <= *to); }
};

/// One incident's timeline. Optional times did not happen (within the period read).
struct IncidentTiming
{
    QString id;
    QString title;
    QString type;
    QString agency;                        ///< of the opening entry
    int severity = 1;                      ///< the highest it reached
    Timestamp reported;                    ///< the incident.open's event time
    std::optional<Timestamp> firstEngaged; ///< first unit.status en_route or on_scene naming it
    QString firstEngagedUnit;
    std::optional<Timestamp> firstOnScene; ///< first unit.status on_scene naming it
    QString firstOnSceneUnit;
    std::optional<Timestamp> closed;
    int unitsEngaged = 0; ///< distinct units engaged on it
    /// First arrival on scene by the agency of the unit: how long each service took to get there.
    std::map<QString, Timestamp> onSceneByAgency;
    std::map<QString, Timestamp> engagedByAgency;

    [[nodiscard]] std::optional<qint64> engageMs() const; ///< reported → first engaged
    [[nodiscard]] std::optional<qint64> arriveMs() const; ///< reported → first on scene
    [[nodiscard]] std::optional<qint64> closeMs() const;  ///< reported → closed
};

/// A distribution of durations, in milliseconds.
struct DurationStats
{
    int count = 0;
    qint64 medianMs = 0;
    qint64 p90Ms = 0;
    qint64 maxMs = 0;
};
/// The median, 90th percentile (nearest rank) and maximum of `values`; count 0 for none.
[[nodiscard]] DurationStats durationStats(std::vector<qint64> values);

/// Response times of one service: from the report to its first unit engaged, and on scene.
struct AgencyResponse
{
    QString agency; ///< "" for all services together
    DurationStats engage;
    DurationStats arrive;
    std::vector<qint64> arriveMs; ///< every arrival time, for the distribution chart
};

/// Incidents opened, closed and still open over one slice of the period: an hour, or longer slices when the
/// period is long (timeBuckets), so that a chart keeps bars a reader can tell apart.
struct TimeBucket
{
    Timestamp start;
    qint64 lengthMs = 3600 * 1000;
    int opened = 0;
    int closed = 0;
    int openAtEnd = 0; ///< open incidents at the slice's end
};

/// One expected action of an inject and what became of it.
struct InjectAction
{
    QString action;
    QString text;
    qint64 deadlineMs = 0; ///< exercise time
    QString status;        ///< done, late, missed, or "" when no check was recorded
    QString doneBy;        ///< the entry id given by the check, if any
    Timestamp checkedAt;
};
/// An exercise inject (exercise.inject) with its expected actions and their checks (exercise.check).
struct InjectReport
{
    QString scenario;
    QString inject;
    Timestamp played; ///< the inject entry's event time
    qint64 exerciseMs = 0;
    QString sender;
    QString recipient;
    QString channel;
    QString summary;
    bool adHoc = false;
    QString contingencyFor;
    std::vector<InjectAction> expected;
};

/// A decision (and who took it).
struct DecisionItem
{
    qint64 seq = 0;
    Timestamp time;
    QString author;
    QString role;
    QString agency;
    QString text;
    QString incident;
};

struct AfterAction
{
    RoomInfo room;
    Period period;                        ///< as asked
    Timestamp first;                      ///< event time of the first entry in the period
    Timestamp last;                       ///< and of the last
    qint64 entriesRead = 0;               ///< entries of the period
    std::map<QString, qint64> kindCounts; ///< entries of the period by kind
    /// The entries a reader follows, in event-time order (isChronologyEntry). At most `chronologyLimit` of
    /// them; `chronologyLeftOut` says how many more there were.
    std::vector<Entry> chronology;
    std::map<QString, qint64> notInChronology; ///< entries of the period left out of it, by kind
    qint64 chronologyLeftOut = 0;
    std::vector<DecisionItem> decisions;   ///< in event-time order
    std::vector<IncidentTiming> incidents; ///< opened in the period, by report time
    std::vector<AgencyResponse> responses; ///< all services first, then fire, samu, police, officials, others
    std::vector<TimeBucket> buckets;
    /// When the most incidents were open at once (the busiest moment), and how many.
    Timestamp busiest;
    int busiestOpen = 0;
    std::vector<InjectReport> injects; ///< in the order played
    QStringList objectives;            ///< exercise objectives, when the scenario gave them
    QStringList scenarios;             ///< scenario names of exercise.* entries
    std::optional<Timestamp> exerciseStart;
    std::optional<Timestamp> exerciseEnd;
};

struct AfterActionOptions
{
    Period period;
    int chronologyLimit = 1500;
    /// Called now and then with entries read and the total (an estimate: the log's last seq).
    LogStore::Progress progress;
};

/// Reads the room's log once and gathers the report's data.
[[nodiscard]] Result<AfterAction> buildAfterAction(const LogStore &store, const AfterActionOptions &options);

/// Objectives given by an entry: a decision or note tagged "objectif" (data.tags, data.objective: true, or a
/// text that starts with "Objectif"), or the `objectives` array of an exercise entry.
[[nodiscard]] QStringList objectivesOf(const Entry &entry);

/// Whether a chronology lists `entry`. It leaves out (and counts) the many and dull: positions, proposals,
/// conflicts (their winner is listed), and statuses that engage a unit nowhere (a roll call, a return to
/// readiness) — a unit sent to an incident is listed.
[[nodiscard]] bool isChronologyEntry(const Entry &entry);

} // namespace vigie::reporting
