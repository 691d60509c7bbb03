#pragma once
// The exercise clock: exercise time = scenario start + T, where T advances with a wall clock times a speed
// (1 to 60) while the trainer lets it run. A Room opened with this clock stamps its entries' record time in
// exercise time: the room's record time follows the exercise clock.
//
// T only moves forward (jumpTo refuses going back): the store itself accepts any record time, but the log is
// read in seq order as a story whose record times never go back (replay, `log --since`, the after-action
// report), and an action's deadline is measured on them.
//
// Thread-safe: a console's room writer reads now() on its own thread while the trainer's panel drives the
// clock from the GUI thread.
#include "log/entry.h"
#include "model/time.h"
#include "util/result.h"

#include <QMutex>

#include <optional>

namespace vigie::exercise {

class ExerciseClock final : public Clock
{
public:
    static constexpr int minSpeed = 1;
    static constexpr int maxSpeed = 60;

    /// A clock at T = 0, stopped, at speed 1; `wall` must outlive it (a SimulatedClock in tests).
    ExerciseClock(const Clock &wall, Timestamp scenarioStart);

    /// Exercise time: scenario start + T.
    [[nodiscard]] Timestamp now() const override;
    /// T, in milliseconds since the scenario's start.
    [[nodiscard]] qint64 elapsedMs() const;
    [[nodiscard]] Timestamp scenarioStart() const { return m_start; }
    [[nodiscard]] bool running() const;
    [[nodiscard]] int speed() const;

    /// Lets T run from where it is (start and resume are the same move; both names read better at the call).
    void start();
    void resume() { start(); }
    /// Stops T where it is.
    void pause();
    /// T runs `speed` times faster than the wall clock from now on; refused outside 1–60.
    [[nodiscard]] Result<void> setSpeed(int speed);
    /// Moves T forward to `tMs` (running or not); refused when it would go back.
    [[nodiscard]] Result<void> jumpTo(qint64 tMs);
    /// The wall clock's time (ms since the epoch): what the trainer's moves record beside T, so that the
    /// desks that follow the exercise (FollowedExerciseClock) know when each was made.
    [[nodiscard]] qint64 wallMs() const { return m_wall.now().msecs; }

private:
    [[nodiscard]] qint64 elapsedLocked() const;
    const Clock &m_wall;
    const Timestamp m_start;
    mutable QMutex m_mutex;
    qint64 m_baseT = 0;           ///< T when the wall clock read m_baseWall
    qint64 m_baseWall = 0;        ///< wall time of the last start, speed change or jump (ms)
    mutable qint64 m_highest = 0; ///< the highest T given while running: T never goes back
    int m_speed = 1;
    bool m_running = false;
};

/// The exercise's time at a desk that does not play it: a desk of a shared exercise room, a console that
/// opens an exercise room without its scenario. Without it such a desk ran on the wall clock, so that its
/// notes were dated months from the exercise's entries and every age read "146 j". It follows the trainer's
/// moves as the log records them (`exercise.clock` entries, in log order): T from the last move, advancing
/// with the wall clock times the speed while the exercise runs (the move's `wall_ms` says when it was made),
/// still when it is paused or over, or when the move does not say when it was made (rooms written before).
/// Before any move, the wall clock's time: a live room never has one. Record times never go back here.
/// The desks' wall clocks are taken to agree (NTP), as a shared room's order of writes already assumes.
/// Thread-safe, like ExerciseClock.
class FollowedExerciseClock final : public Clock
{
public:
    explicit FollowedExerciseClock(const Clock &wall) : m_wall(wall) {}

    [[nodiscard]] Timestamp now() const override;
    /// Takes in a trainer's move; any other entry is ignored. True when it was one.
    bool follow(const Entry &entry);
    /// Whether a move was seen (the time is the exercise's, not the wall's).
    [[nodiscard]] bool following() const;

private:
    const Clock &m_wall;
    mutable QMutex m_mutex;
    std::optional<qint64> m_base;     ///< exercise time (ms since the epoch) of the last move
    std::optional<qint64> m_baseWall; ///< the wall's time of that move, when the move says it
    int m_speed = 1;
    bool m_running = false;
    mutable qint64 m_highest = 0; ///< the highest time given: record times never go back
};

} // namespace vigie::exercise
