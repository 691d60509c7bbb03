// Reads bounded by event time skip the blocks of 4096 seqs that hold nothing at or before it (schema v3).
// They must still return exactly the entries a full scan would, late reports included.
#include "test_util.h"

#include "store/sqlite_db.h"

#include <random>

using namespace vigie;
using namespace vigie::test;

TEST(StoreTimeBlocks, UntilReadsMatchAFullScanAcrossBlocksWithLateReports)
{
    TempRoom t;
    std::mt19937 rng(4096);
    std::vector<qint64> times;
    std::vector<Entry> batch;
    qint64 clock = 1'000'000;
    for (int i = 0; i < 3 * 4096 + 500; ++i) {
        clock += 10;
        // One report in fifty arrives late, up to 100 s (10,000 entries) after the fact.
        const qint64 at = rng() % 50 == 0 ? clock - qint64(rng() % 100'000) : clock;
        times.push_back(at);
        batch.push_back(note(at, QStringLiteral("n%1").arg(i)));
        if (batch.size() == 1000) { // several transactions, so blocks are updated across appends
            ASSERT_TRUE(t.room->append(std::move(batch)));
            batch.clear();
        }
    }
    ASSERT_TRUE(t.room->append(std::move(batch)));

    for (int probe = 0; probe < 40; ++probe) {
        EntryQuery q;
        q.afterSeq = qint64(rng() % times.size());
        q.until = Timestamp{1'000'000 + qint64(rng() % (times.size() * 10 + 2000))};
        std::vector<qint64> expected;
        for (std::size_t i = std::size_t(q.afterSeq); i < times.size(); ++i)
            if (times[i] <= q.until->msecs)
                expected.push_back(qint64(i) + 1);
        std::vector<qint64> got;
        auto r = t.room->store().read(q, [&got](const Entry &e) {
            got.push_back(e.seq);
            return true;
        });
        ASSERT_TRUE(r) << r.error().message.toStdString();
        ASSERT_EQ(got, expected) << "after " << q.afterSeq << " until " << q.until->msecs;
    }

    // A limit spans block ranges.
    EntryQuery limited;
    limited.until = Timestamp{std::numeric_limits<qint64>::max()};
    limited.limit = 5000;
    auto some = t.room->store().read(limited);
    ASSERT_TRUE(some);
    ASSERT_EQ(some->size(), 5000u);
    EXPECT_EQ(some->back().seq, 5000);
}

TEST(StoreTimeBlocks, MigrationBuildsTheBlocksOfAnOlderFile)
{
    TempRoom t;
    std::vector<Entry> batch;
    for (int i = 0; i < 5000; ++i)
        batch.push_back(note(1000 + i, QStringLiteral("n%1").arg(i)));
    ASSERT_TRUE(t.room->append(std::move(batch)));
    {
        auto db = sql::Database::open(t.path(), sql::Database::Mode::ReadWrite);
        ASSERT_TRUE(db);
        ASSERT_TRUE(db->exec("DROP TABLE time_blocks; PRAGMA user_version = 2;"));
    }
    auto reopened = Room::open(t.path(), t.clock);
    ASSERT_TRUE(reopened) << reopened.error().message.toStdString();
    EntryQuery q;
    q.afterSeq = 10;
    q.until = Timestamp{1000 + 4500};
    auto r = (*reopened)->store().read(q);
    ASSERT_TRUE(r);
    ASSERT_EQ(r->size(), 4491u); // seqs 11..4501
    EXPECT_EQ(r->back().seq, 4501);
}
