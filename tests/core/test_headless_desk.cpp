// The headless desk of shared-room tests and benchmarks: two desks on one room, each with its own
// connection, write at a pace and see each other's notes.
#include "room/headless_desk.h"
#include "test_util.h"

#include <thread>

using namespace vigie;

TEST(HeadlessDesk, TwoDesksWriteAtTheirPaceAndSeeEachOther)
{
    test::TempRoom t;
    const SystemClock wall;
    auto a = Room::open(t.path(), wall);
    auto b = Room::open(t.path(), wall);
    ASSERT_TRUE(a.ok() && b.ok());
    DeskOptions optionsA{QStringLiteral("desk-a"), QStringLiteral("fire"), 20, 1.0, 0.5, 10};
    DeskOptions optionsB{QStringLiteral("desk-b"), QStringLiteral("samu"), 10, 1.0, 0.5, 10};
    Result<DeskReport> reportA = Error{};
    std::thread other([&] { reportA = runDesk(**a, optionsA); });
    auto reportB = runDesk(**b, optionsB);
    other.join();
    ASSERT_TRUE(reportA.ok()) << reportA.error().message.toStdString();
    ASSERT_TRUE(reportB.ok()) << reportB.error().message.toStdString();
    EXPECT_EQ(reportA->written, 20);
    EXPECT_EQ(reportB->written, 10);
    // Each sees the other's notes written after it started following (both start within a few ms).
    EXPECT_GE(reportA->seen, 8);
    EXPECT_LE(reportA->seen, 10);
    EXPECT_GE(reportB->seen, 18);
    EXPECT_LE(reportB->seen, 20);
    EXPECT_EQ(qint64(reportB->latenciesMs.size()), reportB->seen);
    // Each note seen is folded into the desk's picture in the same look (the fold may take in a few more).
    EXPECT_GE(qint64(reportB->foldLatenciesMs.size()), reportB->seen);
    EXPECT_LE(qint64(reportB->foldLatenciesMs.size()), 20);
    EXPECT_GE(qint64(reportA->foldLatenciesMs.size()), reportA->seen);
    EXPECT_LE(qint64(reportA->foldLatenciesMs.size()), 10);
    auto all = t.room->store().read(EntryQuery{});
    ASSERT_TRUE(all.ok());
    EXPECT_EQ(all->size(), 30u);
    auto verified = t.room->verify();
    ASSERT_TRUE(verified.ok());
    EXPECT_TRUE(verified->intact()) << verified->problem.toStdString();
}

TEST(HeadlessDesk, PercentilesAreNearestRank)
{
    DeskReport r;
    EXPECT_EQ(r.percentile(99), 0);
    for (int i = 100; i >= 1; --i)
        r.latenciesMs.push_back(i);
    EXPECT_EQ(r.percentile(50), 50);
    EXPECT_EQ(r.percentile(99), 99);
    EXPECT_EQ(r.percentile(100), 100);
    EXPECT_EQ(r.percentile(0), 1);
}
