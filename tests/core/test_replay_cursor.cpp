// The replay's picture at a time equals the fold from scratch up to that time, however the cursor got there
// (a jump, a walk forward, back again), on a log whose entries arrive late; and the log's activity counts
// what the entries say.
#include "picture/picture_seeker.h"
#include "picture/replay_cursor.h"
#include "store/activity.h"
#include "store/sqlite_log_store.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <random>

using namespace vigie;

namespace {

constexpr qint64 start = 1784055600000; // 2026-07-14T19:00:00Z

/// `count` entries ~1 s apart over few units and incidents (so that order matters), one in ten reported up
/// to two minutes late: its event time is earlier than those of the entries before it in seq order.
std::vector<Entry> makeLog(int count, unsigned seed)
{
    std::mt19937 rng(seed);
    std::vector<Entry> out;
    qint64 t = start;
    static const char *statuses[] = {"available", "en_route", "on_scene", "returning"};
    for (int i = 0; i < count; ++i) {
        t += 200 + qint64(rng() % 1600);
        Entry e;
        e.eventTime = Timestamp{rng() % 10 == 0 ? t - qint64(rng() % 120000) : t};
        e.recordTime = Timestamp{t};
        e.author = QStringLiteral("desk");
        e.role = QStringLiteral("operator");
        e.agency = QStringLiteral("fire");
        const QString unit = QStringLiteral("VSAV-%1").arg(rng() % 6);
        const QString incident = QStringLiteral("INC-%1").arg(rng() % 5);
        const unsigned r = rng() % 100;
        if (r < 40) {
            e.kind = QStringLiteral("unit.position");
            e.geo = Geometry::point({5.30 + (rng() % 1000) / 5000.0, 43.21 + (rng() % 1000) / 6000.0});
            e.data = {{QStringLiteral("unit"), unit}};
        } else if (r < 70) {
            e.kind = QStringLiteral("unit.status");
            e.data = {{QStringLiteral("unit"), unit},
                      {QStringLiteral("status"), QLatin1String(statuses[rng() % 4])},
                      {QStringLiteral("incident"), incident}};
        } else if (r < 90) {
            const unsigned what = rng() % 10;
            e.kind = what < 4
                         ? QStringLiteral("incident.open")
                         : (what < 9 ? QStringLiteral("incident.update") : QStringLiteral("incident.close"));
            e.geo = Geometry::point({5.30 + (rng() % 1000) / 5000.0, 43.21 + (rng() % 1000) / 6000.0});
            e.data = {{QStringLiteral("incident"), incident},
                      {QStringLiteral("type"), QStringLiteral("malaise")},
                      {QStringLiteral("severity"), int(1 + rng() % 5)}};
        } else if (r < 95) {
            e.kind = QStringLiteral("decision");
            e.data = {{QStringLiteral("text"), QStringLiteral("Décision %1").arg(i)},
                      {QStringLiteral("incident"), incident}};
        } else {
            e.kind = QStringLiteral("note");
            e.data = {{QStringLiteral("text"), QStringLiteral("Note %1").arg(i)}};
        }
        out.push_back(std::move(e));
    }
    return out;
}

struct ReplayLog : ::testing::Test
{
    QTemporaryDir dir;
    std::unique_ptr<SqliteLogStore> store;
    std::vector<Entry> entries; ///< as stored
    Timestamp first, last;

    void SetUp() override
    {
        auto created = SqliteLogStore::create(
            dir.filePath(QStringLiteral("room.vigie")),
            {QStringLiteral("r"), QStringLiteral("replay"), RoomMode::Live, Timestamp{start}});
        ASSERT_TRUE(created) << created.error().message.toStdString();
        store = std::move(*created);
        // Snapshots every 256 entries, as a room writes them (SnapshotKeeper): the cursor's jumps restore
        // them.
        SnapshotKeeper keeper(256, 0);
        for (unsigned batch = 0; batch < 6; ++batch) {
            auto drafts = makeLog(500, 11 + batch);
            const qint64 shift = entries.empty() ? 0 : entries.back().recordTime.msecs - start;
            for (Entry &e : drafts) {
                e.eventTime.msecs += shift;
                e.recordTime.msecs += shift;
            }
            auto appended = store->append(std::move(drafts));
            ASSERT_TRUE(appended) << appended.error().message.toStdString();
            ASSERT_TRUE(keeper.applyAppended(*store, *appended));
            entries.insert(entries.end(), appended->begin(), appended->end());
        }
        first = last = entries.front().eventTime;
        for (const Entry &e : entries) {
            first = std::min(first, e.eventTime);
            last = std::max(last, e.eventTime);
        }
    }

    /// The entries a picture at t folds (up to seq `horizon`), in seq order.
    [[nodiscard]] std::vector<Entry> upTo(Timestamp t,
                                          qint64 horizon = std::numeric_limits<qint64>::max()) const
    {
        std::vector<Entry> out;
        for (const Entry &e : entries)
            if (e.eventTime.msecs <= t.msecs && e.seq <= horizon)
                out.push_back(e);
        return out;
    }
};

TEST_F(ReplayLog, TheLogHasLateEntriesAndSnapshots)
{
    // What the other tests rely on: entries whose event time is earlier than an entry before them.
    int late = 0;
    Timestamp latest;
    for (const Entry &e : entries) {
        late += e.eventTime.msecs < latest.msecs;
        latest = std::max(latest, e.eventTime);
    }
    EXPECT_GT(late, 200);
    auto snapshot = store->lastSnapshotSeq();
    ASSERT_TRUE(snapshot);
    EXPECT_GE(*snapshot, 2048);
}

TEST_F(ReplayLog, RandomTimesEqualTheFoldFromScratch)
{
    ReplayCursor cursor(*store, 50);
    std::mt19937_64 rng(3);
    std::uniform_int_distribution<qint64> at(first.msecs - 1000, last.msecs + 1000);
    int restored = 0;
    for (int i = 0; i < 60; ++i) {
        const Timestamp t{at(rng)};
        auto frame = cursor.frameAt(t);
        ASSERT_TRUE(frame) << frame.error().message.toStdString();
        auto reference = foldFromScratch(*store, t);
        ASSERT_TRUE(reference);
        ASSERT_TRUE(frame->picture == *reference) << "at " << t.msecs;
        restored += frame->restored;
        // The log's view: the last 50 entries of the picture, in seq order.
        const std::vector<Entry> all = upTo(t);
        const std::size_t n = std::min<std::size_t>(50, all.size());
        ASSERT_EQ(frame->recent.size(), n);
        for (std::size_t k = 0; k < n; ++k)
            EXPECT_EQ(frame->recent[k].seq, all[all.size() - n + k].seq);
    }
    EXPECT_GT(restored, 10); // random times jump back half the time: the snapshots were used
}

TEST_F(ReplayLog, PlayingForwardStepsAndStaysEqualWhereTheNaiveStepDoesNot)
{
    // Playing: 20 s of room time per frame from the start to the end.
    ReplayCursor cursor(*store);
    Picture
        naive; // the shortcut the cursor does not take: apply the entries of (t1, t2] to the picture at t1
    Timestamp previous{first.msecs - 1};
    int frames = 0, restored = 0, naiveWrong = 0;
    qint64 read = 0;
    for (qint64 t = first.msecs; t <= last.msecs + 20000; t += 20000) {
        auto frame = cursor.frameAt(Timestamp{t});
        ASSERT_TRUE(frame) << frame.error().message.toStdString();
        auto reference = foldFromScratch(*store, Timestamp{t});
        ASSERT_TRUE(reference);
        ASSERT_TRUE(frame->picture == *reference) << "at " << t;
        ++frames;
        restored += frame->restored;
        read += frame->read;
        EntryQuery step;
        step.since = Timestamp{previous.msecs + 1};
        step.until = Timestamp{t};
        ASSERT_TRUE(store->read(step, [&naive](const Entry &e) {
            naive.apply(e);
            return true;
        }));
        previous = Timestamp{t};
        naiveWrong += !(naive == *reference);
    }
    EXPECT_EQ(restored, 0) << "moving forward never restores a snapshot";
    // Each frame reads its new entries and the tail of late ones, not the log again.
    EXPECT_LT(read, qint64(entries.size()) * 8);
    EXPECT_GT(naiveWrong, 0)
        << "late entries make the naive step differ: the test would not see a wrong cursor";
    EXPECT_GT(frames, 100);
}

TEST_F(ReplayLog, BackAndForthAndAHorizon)
{
    ReplayCursor cursor(*store);
    const qint64 horizon = qint64(entries.size()) / 2;
    const qint64 span = last.msecs - first.msecs;
    const qint64 times[] = {first.msecs + span / 2,        first.msecs + span / 3,
                            first.msecs + span / 3 + 5000, first.msecs + span / 3 + 9000,
                            first.msecs + span * 9 / 10,   first.msecs + span / 10};
    for (qint64 t : times) {
        auto frame = cursor.frameAt(Timestamp{t}, horizon);
        ASSERT_TRUE(frame);
        Picture reference;
        for (const Entry &e : upTo(Timestamp{t}, horizon))
            reference.apply(e);
        EXPECT_TRUE(frame->picture == reference) << "at " << t;
        EXPECT_LE(frame->picture.lastSeq, horizon);
    }
    // New entries after the horizon (the live picture moved on): the same time, with them.
    const Timestamp t{first.msecs + span * 9 / 10};
    auto frame = cursor.frameAt(t);
    ASSERT_TRUE(frame);
    auto reference = foldFromScratch(*store, t);
    ASSERT_TRUE(reference);
    EXPECT_TRUE(frame->picture == *reference);
    // And a step of a few seconds from there moves the prefix forward, no snapshot restored.
    auto next = cursor.frameAt(Timestamp{t.msecs + 5000});
    ASSERT_TRUE(next);
    EXPECT_FALSE(next->restored);
    reference = foldFromScratch(*store, Timestamp{t.msecs + 5000});
    ASSERT_TRUE(reference);
    EXPECT_TRUE(next->picture == *reference);
}

TEST_F(ReplayLog, ActivityCountsEntriesPerBucketByEventTime)
{
    auto activity = logActivity(dir.filePath(QStringLiteral("room.vigie")), 40);
    ASSERT_TRUE(activity) << activity.error().message.toStdString();
    EXPECT_EQ(activity->first, first);
    EXPECT_EQ(activity->last, last);
    ASSERT_EQ(activity->counts.size(), 40u);
    std::vector<qint64> expected(40, 0);
    const qint64 width = activity->bucketMs();
    for (const Entry &e : entries)
        ++expected[std::size_t(std::min<qint64>((e.eventTime.msecs - first.msecs) / width, 39))];
    EXPECT_EQ(activity->counts, expected);
    EXPECT_EQ(activity->total(), qint64(entries.size()));

    auto half = logActivity(dir.filePath(QStringLiteral("room.vigie")), 40, 1000);
    ASSERT_TRUE(half);
    EXPECT_EQ(half->total(), 1000);
}

} // namespace
