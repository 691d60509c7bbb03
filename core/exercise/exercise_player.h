#pragma once
// Plays a scenario (scenario.h) into an exercise room on the exercise clock (exercise_clock.h).
//
// Everything it does is an entry (kinds in docs/entries.md): `exercise.clock` for the trainer's moves,
// `exercise.inject` for each inject played — followed by what its content gives through the normal feed
// path (feeds::Ingestor, source label `exercice:<scenario>/<inject>`, quarantine included) — and
// `exercise.check` for each expected action's outcome (done, late, missed). Its state is read back from the
// log, so a player started on a room that already holds this scenario's entries resumes from them: an inject
// played is never played again, a check never written twice.
//
// It appends synchronously to the Room it is given (opened with the ExerciseClock, so that record times
// follow the exercise): a console drives it from a worker thread, never the GUI thread. One thread at a time.
#include "exercise/exercise_clock.h"
#include "exercise/scenario.h"
#include "room/room.h"

#include <QUuid>

#include <map>
#include <memory>
#include <vector>

namespace vigie::feeds {
class FeedRegistry;
}

namespace vigie::exercise {

inline constexpr QLatin1String clockKind("exercise.clock");
inline constexpr QLatin1String injectKind("exercise.inject");
inline constexpr QLatin1String checkKind("exercise.check");
/// Feed source label prefix of the entries an inject's content produces: `exercice:<scenario>/<inject>`.
inline constexpr QLatin1String injectSourcePrefix("exercice:");

enum class InjectState
{
    ToCome,            ///< scheduled, its time has not come
    Played,            ///< played at playedMs
    ContingencyUnused, ///< a contingency nobody needed (yet)
};

enum class ActionState
{
    Waiting, ///< its inject is not played yet
    Pending, ///< played, deadline not reached, not done
    Done,    ///< done in time
    Late,    ///< done after the deadline
    Missed,  ///< deadline passed (or the exercise ended) without it
};
[[nodiscard]] QString actionStateId(ActionState state); ///< "waiting", "pending", "done", "late", "missed"

/// An expected action as the trainer's panel shows it.
struct ActionStatus
{
    QString id;
    QString text;
    QString inject;
    ActionState state = ActionState::Waiting;
    std::optional<qint64> deadlineMs; ///< T of the deadline once the inject is played
    QUuid entry;                      ///< the entry that did it (done, late)
    QString entrySummary;             ///< one line about it: kind, author, a few data fields
    QString contingency;              ///< the inject played if it is missed
};

/// An inject as the trainer's panel shows it.
struct InjectStatus
{
    QString id;
    std::optional<qint64> atMs; ///< scheduled T (none for a contingency-only or ad hoc inject)
    bool contingency = false;
    bool adHoc = false;
    InjectState state = InjectState::ToCome;
    std::optional<qint64> playedMs; ///< T at which it was played
    QString from;
    QString to;
    QString channel;
    QString summary;        ///< one French line
    QUuid entry;            ///< its exercise.inject entry once played
    QString contingencyFor; ///< the action whose miss played it
    std::vector<ActionStatus> actions;
    qint64 contentEntries = 0; ///< entries its content gave when this process played it
    qint64 quarantined = 0;    ///< items of its content sent to the quarantine when this process played it
};

/// A trainer's inject typed by hand during the exercise.
struct AdHocInject
{
    QString from;
    QString to;
    QString channel = QStringLiteral("phone");
    QString format = QStringLiteral("text"); ///< text, cap, emsi, edxl-have, nmea, hubsante, geojson
    QString content;                         ///< ${T} placeholders are replaced as in a scenario
    std::optional<GeoPoint> position;
};

struct PlayerOptions
{
    QString author = QStringLiteral("vigie-cli exercise run"); ///< who the exercise.* entries are by
    bool playResponses = false; ///< also play the scenario's scripted trainee responses
};

class ExercisePlayer
{
public:
    /// A player of `scenario` into `room`, which must be an exercise room opened with `clock` (refused
    /// otherwise, saying why). Reads what the room holds of this scenario already (a restart).
    [[nodiscard]] static Result<std::unique_ptr<ExercisePlayer>>
    create(Room &room, Scenario scenario, ExerciseClock &clock, PlayerOptions options = {});
    ~ExercisePlayer();
    /// Where T+0 was in `store` when scenario `scenarioId` was started there (its exercise.clock start), or
    /// nothing: a restart builds its clock on it, whatever start it was given.
    [[nodiscard]] static Result<std::optional<Timestamp>> recordedStart(const LogStore &store,
                                                                        const QString &scenarioId);

    /// Starts the clock: `exercise.clock start` and the initial situation at T+0; on a room where this
    /// scenario was started already, resumes the clock from the last T recorded instead (nothing replayed).
    /// Returns the entries appended.
    [[nodiscard]] Result<std::vector<Entry>> start();
    /// Plays what is due at the clock's T: reads the room's new entries (any process's) against the expected
    /// actions, then, in T order, the injects whose time has come and the deadlines passed (check missed,
    /// then the contingency); at T ≥ duration, finishes. Returns the entries appended (committed).
    [[nodiscard]] Result<std::vector<Entry>> step();
    /// The trainer's clock moves, each recorded as an exercise.clock entry. pause() first plays what is due.
    [[nodiscard]] Result<std::vector<Entry>> pause();
    [[nodiscard]] Result<std::vector<Entry>> resume();
    /// 1 to 60; before start() it only sets the clock.
    [[nodiscard]] Result<std::vector<Entry>> setSpeed(int speed);
    /// Forward only (the log's record times never go back): plays what is due before the jump, records the
    /// jump, then plays what the jump made due (deadlines passed in it are missed, their contingencies
    /// played).
    [[nodiscard]] Result<std::vector<Entry>> jumpTo(qint64 tMs);
    /// Ends now: a last look at the room, `missed` for every action of a played inject not done yet,
    /// `exercise.clock end` (the clock stops). Injects not played by then are not played.
    [[nodiscard]] Result<std::vector<Entry>> finish();
    /// Plays a trainer's inject typed by hand now (ad_hoc: true; it expects nothing).
    [[nodiscard]] Result<std::vector<Entry>> fireAdHoc(const AdHocInject &inject);

    [[nodiscard]] bool started() const;
    [[nodiscard]] bool finished() const;
    /// T of the next thing due (an inject, a deadline, a response or the end), for a caller's timer.
    [[nodiscard]] std::optional<qint64> nextDueMs() const;
    [[nodiscard]] const Scenario &scenario() const;
    [[nodiscard]] const ExerciseClock &clock() const;
    /// Every inject (scenario order, then ad hoc ones) with its actions, as things stand. An inject played
    /// by a step after its `at` (a coarse timer, a jump) is played at that step's T: its deadlines count from
    /// then, as the trainees received it then.
    [[nodiscard]] std::vector<InjectStatus> injects() const;

private:
    struct State;
    ExercisePlayer(Room &room, ExerciseClock &clock, PlayerOptions options, std::unique_ptr<State> state);
    /// Appends drafts (event time: now, unless set) and takes them into the state.
    [[nodiscard]] Result<std::vector<Entry>> append(std::vector<Entry> drafts);
    [[nodiscard]] Entry clockDraft(const QString &action, bool fixedId) const;
    /// Reads the entries appended since the last look and writes the checks they settle.
    [[nodiscard]] Result<void> look(std::vector<Entry> &out);
    /// Plays one inject now: its exercise.inject entry, then its content through the feed path.
    [[nodiscard]] Result<void> play(const QString &injectId, const QString &contingencyFor,
                                    std::vector<Entry> &out);
    /// Ingests an inject's content as it was played at `at`.
    [[nodiscard]] Result<void> ingestContent(const QString &injectId, Timestamp at, std::vector<Entry> &out);
    [[nodiscard]] Result<void> writeCheck(const QString &actionId, const QString &status, const Entry *by,
                                          std::vector<Entry> &out);
    /// The end: missed for every action still pending, exercise.clock end.
    [[nodiscard]] Result<void> end(std::vector<Entry> &out);
    Room &m_room;
    ExerciseClock &m_clock;
    PlayerOptions m_options;
    std::unique_ptr<State> m_state;
};

} // namespace vigie::exercise
