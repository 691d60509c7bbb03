#include "exercise/exercise_runner.h"

#include "room/room_writer.h"

#include <QEventLoop>
#include <QPointer>

namespace vigie::exercise {

struct ExerciseRunner::Holder
{
    Scenario scenario;
    PlayerOptions options;
    ExerciseClock *clock = nullptr;
    std::unique_ptr<ExercisePlayer> player;
};

namespace {

ExerciseRunner::View viewOf(const ExercisePlayer *player, const ExerciseClock &clock)
{
    ExerciseRunner::View v;
    v.running = clock.running();
    v.speed = clock.speed();
    v.elapsedMs = clock.elapsedMs();
    if (player) {
        v.started = player->started();
        v.finished = player->finished();
        v.nextDueMs = player->nextDueMs();
        v.injects = player->injects();
    }
    return v;
}

} // namespace

ExerciseRunner::ExerciseRunner(RoomWriter &writer, ExerciseClock &clock, Scenario scenario,
                               PlayerOptions options, QObject *parent)
    : QObject(parent), m_writer(writer), m_clock(clock), m_scenario(scenario),
      m_holder(std::make_shared<Holder>())
{
    m_holder->scenario = std::move(scenario);
    m_holder->options = std::move(options);
    m_holder->clock = &clock;
    m_view.speed = clock.speed();
    // A step every 200 ms of wall time: at ×60 an inject is played at most 12 s of exercise late, and the
    // player counts its deadlines from when it was played.
    m_tick.setInterval(200);
    connect(&m_tick, &QTimer::timeout, this, &ExerciseRunner::tick);
}

ExerciseRunner::~ExerciseRunner()
{
    m_tick.stop();
    // The player holds the writer's room: it goes on that thread, after the moves queued before.
    m_writer.run([holder = m_holder](Room &) { holder->player.reset(); });
    m_writer.waitForIdle();
}

void ExerciseRunner::post(Move move)
{
    ++m_pending;
    QPointer<ExerciseRunner> self(this);
    m_writer.run([holder = m_holder, move = std::move(move), self](Room &room) {
        Result<std::vector<Entry>> done = std::vector<Entry>{};
        if (!holder->player) {
            auto created = ExercisePlayer::create(room, holder->scenario, *holder->clock, holder->options);
            if (created)
                holder->player = std::move(*created);
            else
                done = created.error();
        }
        if (holder->player)
            done = move(*holder->player);
        View view = viewOf(holder->player.get(), *holder->clock);
        if (!self)
            return;
        // Queued to the runner's thread; dropped by Qt if the runner is gone by then.
        QMetaObject::invokeMethod(
            self.data(),
            [self, done = std::move(done), view = std::move(view)]() mutable {
                --self->m_pending;
                self->m_view = std::move(view);
                if (!done)
                    Q_EMIT self->failed(done.error().message);
                Q_EMIT self->changed(done ? qint64(done->size()) : 0);
            },
            Qt::QueuedConnection);
    });
}

void ExerciseRunner::settle()
{
    if (m_pending == 0)
        return;
    QEventLoop wait;
    connect(this, &ExerciseRunner::changed, &wait, [this, &wait] {
        if (m_pending == 0)
            wait.quit();
    });
    wait.exec();
}

void ExerciseRunner::tick()
{
    if (m_pending == 0 && m_view.started && !m_view.finished && m_clock.running())
        post([](ExercisePlayer &p) { return p.step(); });
}

void ExerciseRunner::start(std::optional<qint64> jumpToMs)
{
    post([jumpToMs](ExercisePlayer &p) -> Result<std::vector<Entry>> {
        auto started = p.start();
        if (!started || !jumpToMs || *jumpToMs <= p.clock().elapsedMs())
            return started;
        auto jumped = p.jumpTo(*jumpToMs);
        if (!jumped)
            return jumped.error();
        started->insert(started->end(), jumped->begin(), jumped->end());
        return started;
    });
    m_tick.start();
}

void ExerciseRunner::pause()
{
    post([](ExercisePlayer &p) { return p.pause(); });
}

void ExerciseRunner::resume()
{
    post([](ExercisePlayer &p) { return p.resume(); });
}

void ExerciseRunner::setSpeed(int speed)
{
    post([speed](ExercisePlayer &p) { return p.setSpeed(speed); });
}

void ExerciseRunner::jumpTo(qint64 tMs)
{
    post([tMs](ExercisePlayer &p) { return p.jumpTo(tMs); });
}

void ExerciseRunner::finish()
{
    post([](ExercisePlayer &p) { return p.finish(); });
}

void ExerciseRunner::fireAdHoc(const AdHocInject &inject)
{
    post([inject](ExercisePlayer &p) { return p.fireAdHoc(inject); });
}

} // namespace vigie::exercise
