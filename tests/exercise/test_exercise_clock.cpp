// The exercise clock on a simulated wall clock: start, pause, speed, jump, and T never going back.
#include "exercise/exercise_clock.h"

#include <QJsonObject>

#include <gtest/gtest.h>

using namespace vigie;
using namespace vigie::exercise;

TEST(ExerciseClock, RunsPausesAndSpeedsUp)
{
    SimulatedClock wall{Timestamp{1'000'000}};
    const Timestamp start{1'784'055'600'000};
    ExerciseClock clock(wall, start);
    EXPECT_EQ(clock.now(), start);
    wall.advance(5000);
    EXPECT_EQ(clock.elapsedMs(), 0); // stopped until started
    clock.start();
    EXPECT_TRUE(clock.running());
    wall.advance(10'000);
    EXPECT_EQ(clock.elapsedMs(), 10'000);
    EXPECT_EQ(clock.now().msecs, start.msecs + 10'000);
    clock.pause();
    wall.advance(60'000);
    EXPECT_EQ(clock.elapsedMs(), 10'000);
    clock.resume();
    wall.advance(1000);
    EXPECT_EQ(clock.elapsedMs(), 11'000);
    ASSERT_TRUE(clock.setSpeed(60).ok());
    wall.advance(1000);
    EXPECT_EQ(clock.elapsedMs(), 71'000);
    EXPECT_FALSE(clock.setSpeed(0).ok());
    EXPECT_FALSE(clock.setSpeed(61).ok());
    EXPECT_EQ(clock.speed(), 60);
    ASSERT_TRUE(clock.setSpeed(2).ok());
    wall.advance(500);
    EXPECT_EQ(clock.elapsedMs(), 72'000);
}

TEST(ExerciseClock, JumpsForwardOnly)
{
    SimulatedClock wall{Timestamp{0}};
    ExerciseClock clock(wall, Timestamp{0});
    ASSERT_TRUE(clock.jumpTo(600'000).ok()); // stopped: jumps all the same
    EXPECT_EQ(clock.elapsedMs(), 600'000);
    clock.start();
    wall.advance(1000);
    EXPECT_EQ(clock.elapsedMs(), 601'000);
    const auto back = clock.jumpTo(300'000);
    ASSERT_FALSE(back.ok());
    EXPECT_TRUE(back.error().message.contains(u"arrière"));
    EXPECT_EQ(clock.elapsedMs(), 601'000);
    ASSERT_TRUE(clock.jumpTo(601'000).ok()); // staying put is fine
    wall.advance(1000);
    EXPECT_EQ(clock.elapsedMs(), 602'000);
}

TEST(ExerciseClock, WallClockSteppingBackDoesNotTakeTBack)
{
    SimulatedClock wall{Timestamp{100'000}};
    ExerciseClock clock(wall, Timestamp{0});
    clock.start();
    wall.advance(5000);
    const qint64 before = clock.elapsedMs();
    wall.set(Timestamp{90'000});
    EXPECT_GE(clock.elapsedMs(), before);
}

namespace {

Entry move(const char *action, qint64 at, int speed, std::optional<qint64> wallMs)
{
    Entry e;
    e.kind = QStringLiteral("exercise.clock");
    e.eventTime = Timestamp{at};
    e.data = QJsonObject{{QStringLiteral("action"), QLatin1String(action)}, {QStringLiteral("speed"), speed}};
    if (wallMs)
        e.data.insert(QStringLiteral("wall_ms"), *wallMs);
    return e;
}

} // namespace

// A desk that does not play the exercise keeps its time from the trainer's moves as the log records them.
TEST(FollowedExerciseClock, KeepsTheExercisesTimeFromTheTrainersMoves)
{
    SimulatedClock wall{Timestamp{1'800'000'000'000}};
    FollowedExerciseClock clock(wall);
    EXPECT_FALSE(clock.following());
    EXPECT_EQ(clock.now(), wall.now()) << "no move seen: the wall's time (a live room)";
    Entry note;
    note.kind = QStringLiteral("note");
    EXPECT_FALSE(clock.follow(note));
    EXPECT_FALSE(clock.following());

    const qint64 start = 1'784'055'600'000; // the scenario's start, months from the wall's time
    ASSERT_TRUE(clock.follow(move("start", start, 1, wall.now().msecs)));
    EXPECT_TRUE(clock.following());
    wall.advance(10'000);
    EXPECT_EQ(clock.now().msecs, start + 10'000);
    // × 60 from T+10 s.
    ASSERT_TRUE(clock.follow(move("speed", start + 10'000, 60, wall.now().msecs)));
    wall.advance(1000);
    EXPECT_EQ(clock.now().msecs, start + 70'000);
    // Paused at T+70 s: still, whatever the wall does; a jump while paused stays paused.
    ASSERT_TRUE(clock.follow(move("pause", start + 70'000, 60, wall.now().msecs)));
    wall.advance(60'000);
    EXPECT_EQ(clock.now().msecs, start + 70'000);
    ASSERT_TRUE(clock.follow(move("jump", start + 600'000, 60, wall.now().msecs)));
    wall.advance(5000);
    EXPECT_EQ(clock.now().msecs, start + 600'000);
    ASSERT_TRUE(clock.follow(move("resume", start + 600'000, 1, wall.now().msecs)));
    wall.advance(2000);
    EXPECT_EQ(clock.now().msecs, start + 602'000);
    // A move that does not say when it was made (a room written before): still at its time.
    ASSERT_TRUE(clock.follow(move("resume", start + 700'000, 1, std::nullopt)));
    wall.advance(2000);
    EXPECT_EQ(clock.now().msecs, start + 700'000);
    // Never back: a move read late at an earlier time does not take the desk's time back.
    ASSERT_TRUE(clock.follow(move("pause", start + 650'000, 1, wall.now().msecs)));
    EXPECT_EQ(clock.now().msecs, start + 700'000);
    ASSERT_TRUE(clock.follow(move("end", start + 800'000, 1, wall.now().msecs)));
    wall.advance(3'600'000);
    EXPECT_EQ(clock.now().msecs, start + 800'000);
}
