#pragma once
// An exercise scenario (MSEL, "master scenario events list"): the injects a trainer plays to the trainees on
// the exercise clock, the actions expected of them, and the starting situation. Written by hand in YAML
// (format `vigie-scenario`, version 1, docs/scenarios.md); the loader is the authority on the format and
// reports every problem it finds, each as `file:line: field: message`, in French (trainers read them).
//
// Content (a CAP, EMSI, EDXL-HAVE or Hub Santé document) is not parsed at load: a document that does not
// parse is kept and goes to the room's quarantine when it is played, and the exercise goes on. Only its
// status is looked at, so that a scenario can never carry Actual (real) traffic.
#include "log/entry.h"
#include "model/geo.h"
#include "model/time.h"
#include "util/result.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace vigie::exercise {

/// Which entry counts as doing an expected action: every field given must hold (empty = any).
struct ActionMatch
{
    QStringList kinds; ///< entry kinds, any of them
    QString agency;    ///< the entry's agency
    QString author;    ///< a substring of the entry's author
    QString text;      ///< a case-insensitive substring of the entry's data written as JSON
    QString unit;      ///< equal to data.unit
    QString incident;  ///< equal to data.incident
    /// Whether `entry` satisfies every condition (it does not look at who wrote it: see ExercisePlayer).
    [[nodiscard]] bool matches(const Entry &entry) const;
};

/// An action the trainees should take after an inject, within a deadline.
struct ExpectedAction
{
    QString id;          ///< unique in the scenario (A001)
    QString text;        ///< what to do, for the trainer's panel and the report
    ActionMatch match;   ///< what entry counts as doing it
    qint64 withinMs = 0; ///< deadline after the inject is played
    QString contingency; ///< inject played at the deadline if not done (empty = none)
    int line = 0;        ///< where it is written, for messages
};

/// One scripted message to the trainees.
struct Inject
{
    QString id;                 ///< unique in the scenario (I001)
    std::optional<qint64> atMs; ///< T+ in milliseconds; none for a contingency-only inject
    bool contingency = false;   ///< played only when an action naming it is not done in time
    QString from;               ///< the sender as the trainees see it
    QString to;      ///< an agency (fire, samu, police, municipal_police, officials, all) or a desk
    QString channel; ///< phone, radio, mail, cap, emsi, edxl-have, nmea, hubsante, geojson
    QString format;  ///< what `content` is: text, cap, emsi, edxl-have, nmea, hubsante, geojson
    std::optional<GeoPoint> position;
    QString content; ///< verbatim, with ${T} placeholders (expandTimes)
    std::vector<ExpectedAction> expect;
    int line = 0;
};

/// A trainee's action written in advance, played only on request (`exercise run --responses`): rehearsals
/// and tests do what the trainees are expected to do.
struct ScriptedResponse
{
    qint64 atMs = 0;
    Entry draft; ///< as a line of `vigie-cli append` (its time is set when it is played)
    int line = 0;
};

struct Objective
{
    QString id;
    QString text;
};

struct Scenario
{
    QString source; ///< the file (or the name given with the bytes), as messages name it
    QString id;     ///< [a-z0-9-]+
    QString title;
    QString description;
    Timestamp start;         ///< the room's event time at T+00:00:00
    int startOffsetSecs = 0; ///< the offset `start` was written with: ${T} is written in it
    qint64 durationMs = 0;   ///< the exercise ends at T = duration
    std::vector<Objective> objectives;
    QString initialFleet;              ///< "marseille" or empty
    std::vector<Entry> initialEntries; ///< drafts appended at T+0, before any inject
    std::vector<Inject> injects;       ///< in file order
    std::vector<ScriptedResponse> responses;

    /// The inject with this id, or nullptr.
    [[nodiscard]] const Inject *inject(const QString &id) const;
    /// The action with this id and the inject that expects it, or nullptrs.
    [[nodiscard]] std::pair<const Inject *, const ExpectedAction *> action(const QString &id) const;
};

/// One problem of a scenario file.
struct ScenarioProblem
{
    QString file;
    int line = 0;  ///< 1-based; 0 when the problem has no line (an unreadable file)
    QString field; ///< e.g. "injects[3].expect[0].within"
    QString message;
    /// "file:line: field: message"
    [[nodiscard]] QString toString() const;
};

/// Every problem found in one pass, or the scenario when there is none.
struct ScenarioCheck
{
    std::optional<Scenario> scenario;
    std::vector<ScenarioProblem> problems;
};

/// Reads and checks a scenario from bytes; `name` names it in the problems (usually its path).
[[nodiscard]] ScenarioCheck checkScenario(const QByteArray &bytes, const QString &name);
/// Reads and checks a scenario file.
[[nodiscard]] ScenarioCheck checkScenarioFile(const QString &path);
/// The same as a Result: the error lists every problem, one per line.
[[nodiscard]] Result<Scenario> loadScenario(const QString &path);
[[nodiscard]] Result<Scenario> loadScenario(const QByteArray &bytes, const QString &name);

/// "T+hh:mm:ss" (a negative time as T-hh:mm:ss).
[[nodiscard]] QString formatT(qint64 ms);
/// Reads "T+hh:mm:ss" (hours may pass 99); nullopt when it is not that.
[[nodiscard]] std::optional<qint64> parseT(const QString &text);
/// Reads a duration "hh:mm:ss"; nullopt when it is not that.
[[nodiscard]] std::optional<qint64> parseDuration(const QString &text);
/// An ISO 8601 time with its offset (e.g. 2026-10-25T20:35:00+01:00), as ${T} is replaced.
[[nodiscard]] QString isoWithOffset(Timestamp t, int offsetSecs);
/// Replaces ${T} by `at` (ISO 8601 in the scenario's offset) and ${T+hh:mm:ss} / ${T-hh:mm:ss} by it shifted.
[[nodiscard]] QString expandTimes(const QString &content, Timestamp at, int offsetSecs);

} // namespace vigie::exercise
