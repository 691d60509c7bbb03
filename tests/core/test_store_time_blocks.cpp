// Reads bounded by event time skip the blocks of 4096 seqs that hold nothing in the bounds (schema v4 for the
// end, v6 for the start). They must still return exactly the entries a full scan would, late reports
// included.
#include "test_util.h"

#include "store/sqlite_db.h"

#include <random>

using namespace vigie;
using namespace vigie::test;

TEST(StoreTimeBlocks, TimeBoundedReadsMatchAFullScanAcrossBlocksWithLateReports)
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

    auto randomTime = [&] {
        return Timestamp{1'000'000 - 2000 + qint64(rng() % (times.size() * 10 + 4000))};
    };
    for (int probe = 0; probe < 120; ++probe) {
        EntryQuery q;
        q.afterSeq = qint64(rng() % times.size());
        // Up to a time, from a time, or both.
        if (probe % 3 != 1)
            q.until = randomTime();
        if (probe % 3 != 0)
            q.since = randomTime();
        std::vector<qint64> expected;
        for (std::size_t i = std::size_t(q.afterSeq); i < times.size(); ++i)
            if ((!q.until || times[i] <= q.until->msecs) && (!q.since || times[i] >= q.since->msecs))
                expected.push_back(qint64(i) + 1);
        std::vector<qint64> got;
        auto r = t.room->store().read(q, [&got](const Entry &e) {
            got.push_back(e.seq);
            return true;
        });
        ASSERT_TRUE(r) << r.error().message.toStdString();
        ASSERT_EQ(got, expected) << "after " << q.afterSeq << " since " << (q.since ? q.since->msecs : -1)
                                 << " until " << (q.until ? q.until->msecs : -1);
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

TEST(StoreTimeBlocks, MigrationFromVersion5AddsLatestTimesAndDropsTheTimeIndex)
{
    TempRoom t;
    std::vector<Entry> batch;
    for (int i = 0; i < 9000; ++i) // one late report per block
        batch.push_back(note(i % 4096 == 7 ? 10 : 1000 + i, QStringLiteral("n%1").arg(i)));
    ASSERT_TRUE(t.room->append(std::move(batch)));
    {
        // The file as version 5 left it: blocks with their earliest time only, and the B-tree on event_time.
        auto db = sql::Database::open(t.path(), sql::Database::Mode::ReadWrite);
        ASSERT_TRUE(db);
        ASSERT_TRUE(
            db->exec("DROP TABLE time_blocks;"
                     "CREATE TABLE time_blocks(block INTEGER PRIMARY KEY, min_event_time INTEGER NOT NULL);"
                     "INSERT INTO time_blocks SELECT (seq - 1) >> 12, min(event_time) FROM entries "
                     "GROUP BY (seq - 1) >> 12;"
                     "CREATE INDEX entries_event_time ON entries(event_time); PRAGMA user_version = 5;"));
    }
    auto reopened = Room::open(t.path(), t.clock);
    ASSERT_TRUE(reopened) << reopened.error().message.toStdString();
    {
        auto db = sql::Database::open(t.path(), sql::Database::Mode::ReadOnly);
        ASSERT_TRUE(db);
        auto index = db->prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'entries_event_time'");
        ASSERT_TRUE(index);
        ASSERT_EQ(index->step(), sql::Statement::Step::Row);
        EXPECT_EQ(index->int64(0), 0);
        auto blocks =
            db->prepare("SELECT block, min_event_time, max_event_time FROM time_blocks ORDER BY block");
        ASSERT_TRUE(blocks);
        const qint64 expected[][3] = {{0, 10, 1000 + 4095}, {1, 10, 1000 + 8191}, {2, 10, 1000 + 8999}};
        for (const auto &row : expected) {
            ASSERT_EQ(blocks->step(), sql::Statement::Step::Row);
            EXPECT_EQ(blocks->int64(0), row[0]);
            EXPECT_EQ(blocks->int64(1), row[1]);
            EXPECT_EQ(blocks->int64(2), row[2]);
        }
        EXPECT_EQ(blocks->step(), sql::Statement::Step::Done);
    }
    EntryQuery q;
    q.since = Timestamp{1000 + 8500};
    auto r = (*reopened)->store().read(q);
    ASSERT_TRUE(r);
    ASSERT_EQ(r->size(), 500u); // seqs 8501..9000
    EXPECT_EQ(r->front().seq, 8501);
}
