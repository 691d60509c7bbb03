#pragma once
// An exercise played in a process with a screen. The player appends to the room (its injects, their
// content through the feed path, its checks), so it lives and runs on the room writer's thread
// (RoomWriter::run), in order with the desk's own appends: the room keeps one writer, and no write ever runs
// on the GUI thread. The GUI thread holds a copy of what the trainer's panel shows (View), posted back after
// each move; a timer asks for a step while none is under way, so steps never pile up behind a slow one.
#include "exercise/exercise_player.h"

#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>

namespace vigie {
class RoomWriter;
}

namespace vigie::exercise {

class ExerciseRunner : public QObject
{
    Q_OBJECT
public:
    /// What the trainer's panel shows, as of the last move.
    struct View
    {
        bool started = false;
        bool finished = false;
        bool running = false;
        int speed = 1;
        qint64 elapsedMs = 0;
        std::optional<qint64> nextDueMs;
        std::vector<InjectStatus> injects;
    };

    /// `writer` and `clock` must outlive the runner; the writer's room must be opened with `clock`.
    ExerciseRunner(RoomWriter &writer, ExerciseClock &clock, Scenario scenario, PlayerOptions options,
                   QObject *parent = nullptr);
    /// Drops the player on the writer's thread, after what is queued there.
    ~ExerciseRunner() override;

    /// Creates the player and starts the clock (or resumes a started exercise); then, when `jumpToMs` is
    /// given, moves T forward to it at once (the demo opens on a room already busy).
    void start(std::optional<qint64> jumpToMs = std::nullopt);
    void pause();
    void resume();
    void setSpeed(int speed);
    void jumpTo(qint64 tMs);
    void finish();
    void fireAdHoc(const AdHocInject &inject);

    [[nodiscard]] const View &view() const { return m_view; }
    [[nodiscard]] const Scenario &scenario() const { return m_scenario; }
    /// T now, read from the clock (the view's elapsedMs is T at the last move).
    [[nodiscard]] qint64 elapsedMs() const { return m_clock.elapsedMs(); }
    /// Moves sent to the writer's thread and not yet answered.
    [[nodiscard]] int pending() const { return m_pending; }
    /// Runs this thread's events until every move sent is answered (the demo's opening minutes, played
    /// before the console shows the room or selects one of its incidents).
    void settle();

Q_SIGNALS:
    /// The view changed; `appended` entries were committed by the move (the picture may poll now).
    void changed(qint64 appended);
    /// A move failed; the message says why (in the trainer's language when it comes from the player).
    void failed(const QString &message);

private:
    using Move = std::function<Result<std::vector<Entry>>(ExercisePlayer &)>;
    /// Runs `move` on the writer's thread with the player, then posts the new view back here.
    void post(Move move);
    void tick();

    struct Holder; ///< the player, touched on the writer's thread only
    RoomWriter &m_writer;
    ExerciseClock &m_clock;
    const Scenario m_scenario;
    std::shared_ptr<Holder> m_holder;
    View m_view;
    QTimer m_tick;
    int m_pending = 0;
};

} // namespace vigie::exercise
