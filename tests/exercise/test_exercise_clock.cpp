// The exercise clock on a simulated wall clock: start, pause, speed, jump, and T never going back.
#include "exercise/exercise_clock.h"

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
