#include "test_util.h"

#include "store/log_writer.h"
#include "store/sqlite_db.h"
#include "store/sqlite_log_store.h"

#include <set>
#include <thread>

using namespace vigie;
using namespace vigie::test;

namespace {

struct TempStore
{
    QTemporaryDir dir;
    std::unique_ptr<SqliteLogStore> store;
    TempStore()
    {
        auto created = SqliteLogStore::create(
            dir.filePath(QStringLiteral("w.vigie")),
            {QStringLiteral("room-w"), QStringLiteral("w"), RoomMode::Live, Timestamp{1}});
        if (!created)
            throw std::runtime_error(created.error().message.toStdString());
        store = std::move(*created);
    }
};

} // namespace

TEST(LogWriter, ConcurrentDesksShareCommitsAndEveryoneGetsTheirEntry)
{
    TempStore t;
    constexpr int desks = 4, perDesk = 60;
    std::vector<std::vector<Entry>> got(desks);
    {
        LogWriter writer(*t.store);
        std::vector<std::thread> threads;
        for (int d = 0; d < desks; ++d) {
            threads.emplace_back([&writer, &got, d] {
                // Each desk keeps several appends in flight, like a desk posting decisions without waiting.
                std::vector<std::future<Result<Entry>>> inFlight;
                for (int i = 0; i < perDesk; ++i)
                    inFlight.push_back(writer.submit(note(i, QStringLiteral("desk %1 #%2").arg(d).arg(i))));
                for (auto &f : inFlight) {
                    auto e = f.get();
                    ASSERT_TRUE(e) << e.error().message.toStdString();
                    got[d].push_back(std::move(*e));
                }
            });
        }
        for (auto &th : threads)
            th.join();
        EXPECT_EQ(writer.committedEntries(), desks * perDesk);
        // Group commit: fewer transactions than entries (240 single appends cannot all miss each other
        // while each commit waits for its fsync).
        EXPECT_LT(writer.commits(), desks * perDesk);
    }
    std::set<qint64> seqs;
    for (int d = 0; d < desks; ++d) {
        ASSERT_EQ(got[d].size(), std::size_t(perDesk));
        for (int i = 0; i < perDesk; ++i) {
            const Entry &e = got[d][i];
            // Each caller receives its own entry, committed, in its submission order.
            EXPECT_EQ(e.data.value(QStringLiteral("text")).toString(),
                      QStringLiteral("desk %1 #%2").arg(d).arg(i));
            EXPECT_EQ(e.hash.size(), 32);
            if (i > 0) {
                EXPECT_GT(e.seq, got[d][i - 1].seq);
            }
            seqs.insert(e.seq);
        }
    }
    EXPECT_EQ(seqs.size(), std::size_t(desks * perDesk));
    EXPECT_EQ(*seqs.begin(), 1);
    EXPECT_EQ(*seqs.rbegin(), desks * perDesk);

    // What the callers were told is what is on disk, and the chain holds.
    auto onDisk = t.store->read(EntryQuery{});
    ASSERT_TRUE(onDisk);
    ASSERT_EQ(onDisk->size(), std::size_t(desks * perDesk));
    for (int d = 0; d < desks; ++d)
        for (const Entry &e : got[d])
            EXPECT_EQ((*onDisk)[std::size_t(e.seq - 1)].hash, e.hash);
    auto report = t.store->verify();
    ASSERT_TRUE(report);
    EXPECT_TRUE(report->intact()) << report->problem.toStdString();
}

TEST(LogWriter, BatchCommitsTogetherWithConsecutiveSeqs)
{
    TempStore t;
    LogWriter writer(*t.store);
    auto single = writer.submit(note(1, QStringLiteral("first")));
    auto many = writer.submit(std::vector<Entry>{note(2, QStringLiteral("a")), note(3, QStringLiteral("b")),
                                                 note(4, QStringLiteral("c"))});
    auto none = writer.submit(std::vector<Entry>{});
    auto one = single.get();
    ASSERT_TRUE(one);
    EXPECT_EQ(one->seq, 1);
    auto batch = many.get();
    ASSERT_TRUE(batch) << batch.error().message.toStdString();
    ASSERT_EQ(batch->size(), 3u);
    EXPECT_EQ((*batch)[0].seq, 2);
    EXPECT_EQ((*batch)[2].seq, 4);
    EXPECT_EQ((*batch)[1].prevHash, (*batch)[0].hash);
    auto empty = none.get();
    ASSERT_TRUE(empty);
    EXPECT_TRUE(empty->empty());
}

TEST(LogWriter, DestructionCommitsWhatIsQueued)
{
    TempStore t;
    std::vector<std::future<Result<Entry>>> futures;
    {
        LogWriter writer(*t.store, 7);
        for (int i = 0; i < 100; ++i)
            futures.push_back(writer.submit(note(i, QStringLiteral("n%1").arg(i))));
    }
    for (auto &f : futures)
        ASSERT_TRUE(f.get());
    EXPECT_EQ(t.store->lastSeq(), 100);
}

TEST(LogWriter, AFailedCommitReachesEveryCallerOfTheGroup)
{
    TempStore t;
    const QString path = t.store->path();
    // Another connection installs a trigger that refuses every insert: a real SQLite failure inside the
    // writer's transaction. Every caller must hear about it (not hang), and nothing of theirs may be kept.
    auto other = sql::Database::open(path, sql::Database::Mode::ReadWrite);
    ASSERT_TRUE(other);
    ASSERT_TRUE(other->exec("CREATE TRIGGER refuse BEFORE INSERT ON entries "
                            "BEGIN SELECT RAISE(ABORT, 'disk refused'); END"));
    {
        LogWriter writer(*t.store);
        auto a = writer.submit(note(1, QStringLiteral("a")));
        auto b = writer.submit(std::vector<Entry>{note(2, QStringLiteral("b"))});
        auto ra = a.get();
        auto rb = b.get();
        ASSERT_FALSE(ra);
        ASSERT_FALSE(rb);
        EXPECT_TRUE(ra.error().message.contains(QStringLiteral("disk refused")))
            << ra.error().message.toStdString();
        EXPECT_EQ(writer.commits(), 0);
    }
    EXPECT_EQ(t.store->lastSeq(), 0);
    auto all = t.store->read(EntryQuery{});
    ASSERT_TRUE(all);
    EXPECT_TRUE(all->empty());
}
