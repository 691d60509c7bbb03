#pragma once
// The picture: the live situation as a fold of the log. Units, incidents, zones, hospitals and the latest
// decisions. It holds only what is active: a closed incident leaves the picture (its history is in the log).
#include "log/entry.h"
#include "picture/conflicts.h"
#include "picture/planned_events.h"

#include <QStringList>
#include <QUuid>

#include <array>
#include <deque>
#include <limits>
#include <map>
#include <optional>
#include <vector>

namespace vigie {

/// Casualty counts by triage colour, as EMSI counts victims of an event.
struct Casualties
{
    int red = 0;    ///< urgence absolue
    int yellow = 0; ///< urgence relative
    int green = 0;  ///< impliqués
    int black = 0;  ///< décédés
    friend bool operator==(const Casualties &, const Casualties &) = default;
};

/// A unit (EMSI RESOURCE): a vehicle or team of one agency.
struct Unit
{
    QString id;
    QString callsign;
    QString type; ///< VSAV, FPT, EPA, CCF, SMUR, PS, PM…
    QString agency;
    QString station;
    QStringList capabilities;
    QString status = QStringLiteral("available");
    QString incident; ///< when en route or on scene
    std::optional<GeoPoint> position;
    Timestamp positionTime;
    Timestamp statusTime;
    /// While it is not free (en route, on scene, unavailable): the entry its status is owed to, the accept
    /// that engaged it, else its last unit.status. What an accept of it loses to.
    EntryRef statusBy;
    qint64 lastSeq = 0;
    friend bool operator==(const Unit &, const Unit &) = default;
};

/// An incident (EMSI EVENT).
struct Incident
{
    QString id;
    QString type;
    QString title;
    QString agency; ///< agency of the opening entry
    int severity = 1;
    QString status = QStringLiteral("open"); ///< open or contained
    Casualties casualties;
    std::optional<GeoPoint> position;
    Timestamp opened;
    Timestamp updated;
    std::vector<qint64>
        entries;        ///< seqs of the entries behind it (those of the incidents joined into it too)
    QStringList joined; ///< incidents a desk joined into this one (fusion.join), oldest first
    QString joinedInto; ///< set while this incident is joined into another one
    /// When the alert behind it stops being valid (CAP <expires>, renewed by an update): past it, the
    /// incident leaves the map by itself; it stays in the picture until closed, for the log and replays.
    std::optional<Timestamp> expires;
    [[nodiscard]] bool expiredAt(Timestamp t) const { return expires && *expires <= t; }
    friend bool operator==(const Incident &, const Incident &) = default;
};

/// A desk's correction of fusion that is in force: a "fusion.join" or a "fusion.split". The picture keeps it
/// so that a "fusion.undo" can take it back.
struct FusionCorrection
{
    QString entry; ///< the correction entry's id
    qint64 seq = 0;
    Timestamp time;
    QString author;
    QString kind;                ///< fusion.join or fusion.split
    QString incident;            ///< join: the incident joined; split: the incident the reports left for
    QString other;               ///< join: the incident it joined; split: the incident the reports left
    std::vector<qint64> reports; ///< split: the seqs of the reports moved
    bool created = false;        ///< split: the incident did not exist before
    friend bool operator==(const FusionCorrection &, const FusionCorrection &) = default;
};

struct Zone
{
    QString id;
    QString label;
    QString kind; ///< perimeter, exclusion, staging, event
    QString agency;
    std::vector<GeoPoint> ring;
    Timestamp drawn;
    qint64 seq = 0;
    friend bool operator==(const Zone &, const Zone &) = default;
};

struct Hospital
{
    QString id;
    QString name;
    QString edStatus; ///< emergency department: open, saturated, closed
    std::map<QString, int> beds;
    std::optional<GeoPoint> position;
    Timestamp updated;
    friend bool operator==(const Hospital &, const Hospital &) = default;
};

struct Decision
{
    qint64 seq = 0;
    Timestamp time;
    QString author;
    QString agency;
    QString text;
    QString incident;
    friend bool operator==(const Decision &, const Decision &) = default;
};

/// One entry that fusion folds (core/fusion: a report, a source's close, a desk's correction), trimmed to the
/// fields fusion reads (observationOf, Fuser::apply, FeedFusion): see Picture::fusionTrail.
struct FusionTrailEntry
{
    QUuid id;
    qint64 seq = 0;
    QString kind;
    QString agency;
    Timestamp time; ///< event time
    std::optional<GeoPoint> at;
    /// The data fields fusion reads, in picture.cpp's fusionTrailFields order (feed, type, incident,
    /// source_incident, observation, into, undoes, feed_key); empty when the entry has none. Kept as plain
    /// strings: a room of feeds holds tens of thousands of these in every copy of its picture.
    std::array<QString, 8> fields;
    /// The entry as fusion reads it.
    [[nodiscard]] Entry toEntry() const;
    friend bool operator==(const FusionTrailEntry &, const FusionTrailEntry &) = default;
};

struct Picture
{
    static constexpr std::size_t keptDecisions = 100;
    /// The snapshot text's format ("format", its first field). A snapshot of another format is not restored:
    /// the picture is folded from the log instead (2: decisions on suggestions, conflicts, units' statusBy).
    // 3: fusionTrail; 4: plannedEvents; 5: Incident::expires; 6: fusionTrail out again
    static constexpr int snapshotFormat = 6;

    std::map<QString, Unit> units;
    std::map<QString, Incident> incidents;
    /// Incidents a desk joined into another one: out of the list and the map, kept whole (and still
    /// updated by their sources) so that undoing the join brings them back as they are.
    std::map<QString, Incident> joinedIncidents;
    std::map<QString, FusionCorrection> corrections; ///< in force, by entry id
    std::map<QString, Zone> zones;
    std::map<QString, Hospital> hospitals;
    std::vector<Decision> decisions; ///< the latest ones, oldest first
    /// The decision in force on each suggestion decided, by suggestion id (data.suggestion).
    std::map<QString, SuggestionDecision> suggestions;
    /// Entries that took no effect because an earlier one did the same thing (conflicts.h), in seq order.
    std::vector<Conflict> conflicts;
    /// What fusion folds, in log order: reports (incident.open/update with a place), closes and desk
    /// corrections (fusion.*). A feed process's fusion follows the process's one fold through it
    /// (FeedFusion::follow) instead of reading the log again. Kept only by a fold that fusion follows
    /// (keepsFusionTrail), and never in snapshots: it holds every report the room ever had, so it made
    /// snapshots megabytes, spaced by SnapshotPolicy's byte rule up to 150,000 entries apart, and every
    /// seek and replay jump restored and folded that much (tests/bench/replay.md). Such a fold takes it
    /// from the log instead, reading only the entries of those kinds (restoreFusionTrail).
    /// It keeps what fusion remembers (fusion::FusionConfig::memoryMs): entries more than fusionTrailMs
    /// older than its clock leave its front, so a fold fed for days holds a few hours of reports.
    std::deque<FusionTrailEntry> fusionTrail;
    /// How many entries left the trail's front: its first entry is the fusionTrailBase-th it was given. A
    /// follower counts entries in that numbering.
    std::size_t fusionTrailBase = 0;
    /// The trail's clock: the latest event time of its entries, moving by at most an hour per entry (one
    /// entry dated far ahead does not empty it).
    qint64 fusionTrailClock = std::numeric_limits<qint64>::min() / 2;
    static constexpr qint64 fusionTrailMs = 6 * 3600 * 1000;
    bool keepsFusionTrail = false; ///< apply() adds to fusionTrail; not in snapshots
    /// The calendar: planned events announced (event.plan) and not cancelled, by data.event id.
    std::map<QString, PlannedEvent> plannedEvents;
    qint64 lastSeq = 0; ///< last entry applied
    qint64 applied = 0; ///< entries applied
    qint64 closedIncidents = 0;
    qint64 notes = 0;
    Timestamp maxEventTime; ///< latest event time applied

    /// Applies one entry (entries must come in seq order).
    void apply(const Entry &entry);
    /// Adds the entry to fusionTrail if fusion folds it (whatever keepsFusionTrail says).
    void keepForFusion(const Entry &entry);
    /// The kinds of the entries fusion folds.
    [[nodiscard]] static const QStringList &fusionKinds();

    /// The incident `id` is, or is joined into (directly or through other joins); nullptr if neither is in
    /// the picture.
    [[nodiscard]] const Incident *shownIncident(const QString &id) const;
    /// An incident in the list or one joined into another; nullptr if closed or unknown.
    [[nodiscard]] const Incident *anyIncident(const QString &id) const;
    /// Whether undoing the split `split` takes back the whole incident it made (the reports its source sent
    /// since, too), not only the reports it moved: when the split made it and nothing was joined into it or
    /// it into another since.
    [[nodiscard]] bool undoTakesWholeIncident(const FusionCorrection &split) const;

    /// Whether `snapshot` (serialised picture text) is of snapshotFormat, without parsing it.
    [[nodiscard]] static bool isCurrentSnapshot(QByteArrayView snapshot);
    [[nodiscard]] QJsonObject toJson() const;
    /// The same as compact JSON text (what snapshots store), written without building toJson()'s objects.
    [[nodiscard]] QByteArray toJsonText() const;
    [[nodiscard]] static Result<Picture> fromJson(const QJsonObject &json);
    friend bool operator==(const Picture &, const Picture &) = default;
};

} // namespace vigie
