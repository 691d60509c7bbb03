// One suite, two backends: every test here runs on a SQLite room file and on a PostgreSQL room, and must
// pass the same on both. The PostgreSQL side is a real server (pg_test_server.h); without one its half skips.
#include "pg_test_server.h"
#include "test_util.h"

#include "picture/picture_seeker.h"
#include "store/sqlite_db.h"

#include <QJsonDocument>

#include <set>
#include <thread>

using namespace vigie;
using namespace vigie::test;

namespace {

/// Where a test's room lives, and how to reach behind the store's back.
class Backend
{
public:
    virtual ~Backend() = default;
    /// A location for a new room: a file path or a URL.
    [[nodiscard]] virtual QString location() = 0;
    /// Runs SQL on the room's own rows. `sql` ends with a WHERE clause, which is narrowed to the room.
    virtual void tamper(const Room &room, const QByteArray &sql) = 0;
};

class SqliteBackend final : public Backend
{
public:
    QString location() override { return m_dir.filePath(QStringLiteral("room%1.vigie").arg(++m_rooms)); }
    void tamper(const Room &room, const QByteArray &sql) override
    {
        auto db = sql::Database::open(room.path(), sql::Database::Mode::ReadWrite);
        ASSERT_TRUE(db);
        ASSERT_TRUE(db->exec(sql)) << db->lastError().toStdString();
    }

private:
    QTemporaryDir m_dir;
    int m_rooms = 0;
};

class PgBackend final : public Backend
{
public:
    QString location() override
    {
        static int rooms = 0;
        return pgCluster()->uri() + QStringLiteral("?room=test-%1").arg(++rooms);
    }
    void tamper(const Room &room, const QByteArray &sql) override
    {
        pgExec(sql + " AND room_id = '" + room.info().id.toUtf8() + "'");
    }
};

class Conformance : public ::testing::TestWithParam<const char *>
{
protected:
    void SetUp() override
    {
        if (QLatin1String(GetParam()) == QLatin1String("postgresql")) {
            if (!pgClusterMissing().isEmpty())
                GTEST_SKIP() << pgClusterMissing().toStdString();
            m_backend = std::make_unique<PgBackend>();
        } else {
            m_backend = std::make_unique<SqliteBackend>();
        }
        m_location = m_backend->location();
        auto created = Room::create(m_location, QStringLiteral("Conformité"), RoomMode::Live, m_clock);
        ASSERT_TRUE(created) << created.error().message.toStdString();
        m_room = std::move(*created);
    }

    [[nodiscard]] std::unique_ptr<Room> reopen()
    {
        auto opened = Room::open(m_location, m_clock);
        EXPECT_TRUE(opened) << opened.error().message.toStdString();
        return opened ? std::move(*opened) : nullptr;
    }
    [[nodiscard]] LogStore &store() { return m_room->store(); }

    SimulatedClock m_clock{Timestamp{1784055600000}}; // 2026-07-14T19:00:00Z
    std::unique_ptr<Backend> m_backend;
    QString m_location;
    std::unique_ptr<Room> m_room;
};

} // namespace

TEST_P(Conformance, AppendAssignsSeqChainsHashesAndReadsBack)
{
    auto first = m_room->append({note(1000, QStringLiteral("a")), note(2000, QStringLiteral("b"))});
    ASSERT_TRUE(first) << first.error().message.toStdString();
    ASSERT_EQ(first->size(), 2u);
    EXPECT_EQ((*first)[0].seq, 1);
    EXPECT_EQ((*first)[1].seq, 2);
    EXPECT_TRUE((*first)[0].prevHash.isEmpty());
    EXPECT_EQ((*first)[1].prevHash, (*first)[0].hash);
    EXPECT_EQ(store().lastSeq(), 2);
    EXPECT_EQ(store().lastHash(), (*first)[1].hash);

    auto read = store().read(EntryQuery{});
    ASSERT_TRUE(read) << read.error().message.toStdString();
    ASSERT_EQ(read->size(), 2u);
    EXPECT_EQ((*read)[1].data.value(QStringLiteral("text")).toString(), QStringLiteral("b"));
    EXPECT_EQ((*read)[1].hash, (*first)[1].hash);
    EXPECT_EQ((*read)[0].id, (*first)[0].id);
    EXPECT_EQ((*read)[0].room, m_room->info().id);
    EXPECT_EQ((*read)[0].recordTime, m_clock.now());

    // A second handle continues the chain, and the first continues after it.
    auto other = reopen();
    ASSERT_TRUE(other);
    EXPECT_EQ(other->info().id, m_room->info().id);
    EXPECT_EQ(other->info().name, QStringLiteral("Conformité"));
    auto more = other->append({note(3000, QStringLiteral("c"))});
    ASSERT_TRUE(more) << more.error().message.toStdString();
    EXPECT_EQ(more->front().seq, 3);
    auto again = m_room->append({note(4000, QStringLiteral("d"))});
    ASSERT_TRUE(again) << again.error().message.toStdString();
    EXPECT_EQ(again->front().seq, 4);
    EXPECT_EQ(again->front().prevHash, more->front().hash);
}

TEST_P(Conformance, ReadHonoursEveryQueryField)
{
    std::vector<Entry> batch;
    for (int i = 0; i < 50; ++i) {
        batch.push_back(makeEntry(QStringLiteral("unit.position"), 1000 * i,
                                  {{QStringLiteral("unit"), QStringLiteral("U%1").arg(i % 5)}},
                                  Geometry::point({5.0 + i * 0.01, 43.0 + i * 0.01})));
        batch.push_back(note(1000 * i + 500, QStringLiteral("n%1").arg(i)));
    }
    batch.push_back(
        makeEntry(QStringLiteral("zone.draw"), 60000, {{QStringLiteral("zone"), QStringLiteral("Z")}},
                  Geometry::polygon({{5.30, 43.30}, {5.40, 43.30}, {5.40, 43.40}, {5.30, 43.30}})));
    ASSERT_TRUE(m_room->append(std::move(batch)));

    auto count = [this](const EntryQuery &q) {
        auto r = store().read(q);
        EXPECT_TRUE(r) << r.error().message.toStdString();
        return r ? std::vector<Entry>(*r) : std::vector<Entry>();
    };
    EntryQuery kind;
    kind.kind = QStringLiteral("note");
    EXPECT_EQ(count(kind).size(), 50u);

    EntryQuery window;
    window.kind = QStringLiteral("note");
    window.since = Timestamp{10000};
    window.until = Timestamp{19999};
    const auto notes = count(window);
    ASSERT_EQ(notes.size(), 10u);
    EXPECT_EQ(notes.front().data.value(QStringLiteral("text")).toString(), QStringLiteral("n10"));

    EntryQuery box;
    box.box = GeoBox{5.095, 43.095, 5.205, 43.205};
    const auto inside = count(box);
    EXPECT_EQ(inside.size(), 11u); // points 10..20
    for (const Entry &e : inside)
        EXPECT_TRUE(box.box->contains(e.geo.points.front()));

    EntryQuery polygon; // overlaps the zone's box only
    polygon.box = GeoBox{5.38, 43.30, 5.45, 43.34};
    const auto zones = count(polygon);
    ASSERT_EQ(zones.size(), 1u);
    EXPECT_EQ(zones.front().kind, QStringLiteral("zone.draw"));
    EXPECT_EQ(zones.front().geo.type, Geometry::Type::Polygon);

    EntryQuery some;
    some.kinds = {QStringLiteral("zone.draw"), QStringLiteral("note")};
    some.afterSeq = 95;
    QStringList kinds;
    for (const Entry &e : count(some))
        kinds << e.kind;
    EXPECT_EQ(kinds, (QStringList{QStringLiteral("note"), QStringLiteral("note"), QStringLiteral("note"),
                                  QStringLiteral("zone.draw")}));

    EntryQuery both; // kind and kinds: both must hold
    both.kind = QStringLiteral("note");
    both.kinds = {QStringLiteral("zone.draw")};
    EXPECT_TRUE(count(both).empty());

    EntryQuery limited;
    limited.afterSeq = 10;
    limited.limit = 3;
    const auto three = count(limited);
    ASSERT_EQ(three.size(), 3u);
    EXPECT_EQ(three.front().seq, 11);
    EXPECT_EQ(three.back().seq, 13);

    EntryQuery boxLimited = box;
    boxLimited.limit = 2;
    EXPECT_EQ(count(boxLimited).size(), 2u);

    // A visitor that stops early.
    int visited = 0;
    ASSERT_TRUE(store().read(EntryQuery{}, [&visited](const Entry &) { return ++visited < 5; }));
    EXPECT_EQ(visited, 5);
}

TEST_P(Conformance, VerifyFindsAnEditedADeletedAndAMissingEndEntry)
{
    ASSERT_TRUE(m_room->append(notes(1, 100)));
    auto intact = store().verify();
    ASSERT_TRUE(intact) << intact.error().message.toStdString();
    EXPECT_TRUE(intact->intact()) << intact->problem.toStdString();
    EXPECT_EQ(intact->checked, 100);

    m_backend->tamper(*m_room,
                      R"sql(UPDATE entries SET data = '{"text":"entry 42 (edited)"}' WHERE seq = 42)sql");
    auto edited = store().verify();
    ASSERT_TRUE(edited);
    ASSERT_FALSE(edited->intact());
    EXPECT_EQ(*edited->firstBadSeq, 42);
    EXPECT_TRUE(edited->problem.contains(QStringLiteral("altered"))) << edited->problem.toStdString();

    m_backend->tamper(*m_room, "DELETE FROM entries WHERE seq = 6");
    auto deleted = store().verify();
    ASSERT_TRUE(deleted);
    EXPECT_EQ(deleted->firstBadSeq, 6);
    EXPECT_TRUE(deleted->problem.contains(QStringLiteral("missing"))) << deleted->problem.toStdString();

    m_backend->tamper(*m_room, "UPDATE entries SET event_time = event_time + 1 WHERE seq = 3");
    auto relinked = store().verify();
    ASSERT_TRUE(relinked);
    EXPECT_EQ(relinked->firstBadSeq, 3);
}

TEST_P(Conformance, VerifySaysWhenTheLogEndsEarly)
{
    ASSERT_TRUE(m_room->append(notes(1, 10)));
    m_backend->tamper(*m_room, "DELETE FROM entries WHERE seq > 8");
    auto r = store().verify();
    ASSERT_TRUE(r) << r.error().message.toStdString();
    ASSERT_FALSE(r->intact());
    EXPECT_EQ(r->firstBadSeq, 9);
    EXPECT_TRUE(r->problem.contains(QStringLiteral("ends early"))) << r->problem.toStdString();
}

TEST_P(Conformance, RefusalsLandWithTheirBatchAndOnlyWithIt)
{
    auto r = m_room->append(notes(1, 2), {{QStringLiteral("stdin"),
                                           {{QStringLiteral("line 3"), QStringLiteral("invalid JSON"),
                                             QByteArray("{appel 06 11 22 33 44")}}}});
    ASSERT_TRUE(r) << r.error().message.toStdString();
    auto kept = store().quarantined();
    ASSERT_TRUE(kept) << kept.error().message.toStdString();
    ASSERT_EQ(kept->size(), 1u);
    EXPECT_EQ(kept->front().source, QStringLiteral("stdin"));
    EXPECT_EQ(kept->front().position, QStringLiteral("line 3"));
    EXPECT_EQ(kept->front().reason, QStringLiteral("invalid JSON"));
    EXPECT_FALSE(kept->front().input.contains("06 11 22 33 44")) << "personal data kept in the quarantine";
    EXPECT_EQ(kept->front().received, m_clock.now());

    // A batch that fails keeps none of its refusals.
    Entry bad = note(3, QStringLiteral("x"));
    bad.kind = QStringLiteral("BAD KIND");
    auto failed =
        m_room->append({note(3, QStringLiteral("ok")), bad},
                       {{QStringLiteral("stdin"), {{QStringLiteral("line 9"), QStringLiteral("r"), "y"}}}});
    ASSERT_FALSE(failed);
    EXPECT_EQ(store().quarantined()->size(), 1u);
    EXPECT_EQ(store().lastSeq(), 2);

    // Refusals alone, and one by one.
    ASSERT_TRUE(m_room->quarantine(QStringLiteral("feed"),
                                   {{QStringLiteral("byte 10"), QStringLiteral("bad"), "z"}}));
    QuarantineItem item{
        0, m_clock.now(), QStringLiteral("cli"), QStringLiteral("arg 1"), QStringLiteral("why"), "in"};
    auto id = store().quarantine(item);
    ASSERT_TRUE(id) << id.error().message.toStdString();
    auto all = store().quarantined();
    ASSERT_TRUE(all);
    ASSERT_EQ(all->size(), 3u);
    EXPECT_EQ(all->back().id, *id);
    EXPECT_EQ(all->back().input, QByteArray("in"));
    EXPECT_LT((*all)[0].id, (*all)[1].id);
    EXPECT_EQ(store().lastSeq(), 2);
}

TEST_P(Conformance, FeedArrivalsAreCountedAndFirstArrivalsAppendedOnce)
{
    auto arrival = [](const QString &key, const QString &text) {
        return FeedArrival{key, QStringLiteral("cap"), {note(1000, text)}};
    };
    const QString a = QString(64, QLatin1Char('a')), b = QStringLiteral("message-b"), c = QStringLiteral("c");
    auto first = m_room->appendFeed({arrival(a, QStringLiteral("A")), arrival(b, QStringLiteral("B")),
                                     arrival(a, QStringLiteral("A again"))});
    ASSERT_TRUE(first) << first.error().message.toStdString();
    EXPECT_EQ(first->arrivals, (std::vector<qint64>{1, 1, 2}));
    ASSERT_EQ(first->appended.size(), 2u);
    EXPECT_EQ(first->appended[0].data.value(QStringLiteral("text")).toString(), QStringLiteral("A"));
    EXPECT_EQ(first->appended[1].seq, 2);

    auto second = m_room->appendFeed(
        {arrival(a, QStringLiteral("A 3")), arrival(c, QStringLiteral("C"))},
        {{QStringLiteral("cap"), {{QStringLiteral("info[0]"), QStringLiteral("no area"), "x"}}}});
    ASSERT_TRUE(second) << second.error().message.toStdString();
    EXPECT_EQ(second->arrivals, (std::vector<qint64>{3, 1}));
    ASSERT_EQ(second->appended.size(), 1u);
    EXPECT_EQ(second->appended[0].seq, 3);
    EXPECT_EQ(store().quarantined()->size(), 1u);

    // Another handle sees the same counts.
    auto other = reopen();
    ASSERT_TRUE(other);
    auto third = other->appendFeed({arrival(b, QStringLiteral("B 2"))});
    ASSERT_TRUE(third) << third.error().message.toStdString();
    EXPECT_EQ(third->arrivals, (std::vector<qint64>{2}));
    EXPECT_TRUE(third->appended.empty());
    EXPECT_EQ(store().read(EntryQuery{})->size(), 3u);
    EXPECT_TRUE(store().verify()->intact());
}

// A reader follows the quarantine by the last row it read (the Feeds dock), and reads the repeats the store
// counted; rows of another room on the same server are not its own.
TEST_P(Conformance, QuarantineIsReadAfterTheLastRowSeenAndRepeatsAreCounted)
{
    auto empty = store().quarantinedAfter(0);
    ASSERT_TRUE(empty) << empty.error().message.toStdString();
    EXPECT_TRUE(empty->empty());
    for (int i = 1; i <= 5; ++i)
        ASSERT_TRUE(m_room->quarantine(QStringLiteral("feed-%1").arg(i % 2),
                                       {{QStringLiteral("line %1").arg(i), QStringLiteral("bad"), "x"}}));
    auto all = store().quarantined();
    ASSERT_TRUE(all);
    ASSERT_EQ(all->size(), 5u);
    auto firstTwo = store().quarantinedAfter(0, 2);
    ASSERT_TRUE(firstTwo) << firstTwo.error().message.toStdString();
    ASSERT_EQ(firstTwo->size(), 2u);
    EXPECT_EQ(firstTwo->front().id, all->front().id);
    EXPECT_EQ(firstTwo->back().position, QStringLiteral("line 2"));
    auto rest = store().quarantinedAfter(firstTwo->back().id);
    ASSERT_TRUE(rest);
    ASSERT_EQ(rest->size(), 3u);
    EXPECT_EQ(rest->front().id, (*all)[2].id);
    EXPECT_EQ(rest->back().position, QStringLiteral("line 5"));
    EXPECT_EQ(rest->back().source, QStringLiteral("feed-1"));
    EXPECT_TRUE(store().quarantinedAfter(all->back().id)->empty());

    auto arrival = [](const QString &key, const QString &source) {
        return FeedArrival{key, source, {note(1000, key)}};
    };
    ASSERT_TRUE(m_room->appendFeed({arrival(QStringLiteral("a"), QStringLiteral("cap")),
                                    arrival(QStringLiteral("b"), QStringLiteral("cap")),
                                    arrival(QStringLiteral("c"), QStringLiteral("gps"))}));
    m_clock.advance(60000);
    ASSERT_TRUE(m_room->appendFeed({arrival(QStringLiteral("a"), QStringLiteral("cap")),
                                    arrival(QStringLiteral("a"), QStringLiteral("cap")),
                                    arrival(QStringLiteral("b"), QStringLiteral("cap"))}));
    auto repeats = store().feedRepeats();
    ASSERT_TRUE(repeats) << repeats.error().message.toStdString();
    ASSERT_TRUE(repeats->has_value()) << "a store of record knows the arrivals it counted";
    ASSERT_EQ((*repeats)->size(), 1u) << "gps sent nothing twice";
    EXPECT_EQ((*repeats)->front().source, QStringLiteral("cap"));
    EXPECT_EQ((*repeats)->front().repeats, 3);
    EXPECT_EQ((*repeats)->front().lastRepeat, m_clock.now());
}

TEST_P(Conformance, AMessageCountedUnderItsUnkeyedKeyStaysARepeat)
{
    // Rooms of older versions counted messages under a plain hash; the ingestor now gives both keys.
    const QString plain = QString(64, QLatin1Char('b')), keyed = QString(64, QLatin1Char('c'));
    auto old =
        m_room->appendFeed({FeedArrival{plain, QStringLiteral("cap"), {note(1000, QStringLiteral("old"))}}});
    ASSERT_TRUE(old) << old.error().message.toStdString();
    auto again = m_room->appendFeed(
        {FeedArrival{keyed, QStringLiteral("cap"), {note(1000, QStringLiteral("again"))}, plain}});
    ASSERT_TRUE(again) << again.error().message.toStdString();
    EXPECT_EQ(again->arrivals, (std::vector<qint64>{2}));
    EXPECT_TRUE(again->appended.empty());
    // A message never seen is recorded under its keyed key, and recognised by it afterwards.
    const QString fresh = QString(64, QLatin1Char('d')), freshPlain = QString(64, QLatin1Char('e'));
    auto first = m_room->appendFeed(
        {FeedArrival{fresh, QStringLiteral("cap"), {note(1000, QStringLiteral("new"))}, freshPlain}});
    ASSERT_TRUE(first);
    EXPECT_EQ(first->arrivals, (std::vector<qint64>{1}));
    EXPECT_EQ(first->appended.size(), 1u);
    auto repeat = m_room->appendFeed(
        {FeedArrival{fresh, QStringLiteral("cap"), {note(1000, QStringLiteral("new again"))}, freshPlain}});
    ASSERT_TRUE(repeat);
    EXPECT_EQ(repeat->arrivals, (std::vector<qint64>{2}));
}

TEST_P(Conformance, SnapshotsAndSeeksEqualTheFoldFromScratch)
{
    EXPECT_EQ(*store().lastSnapshotSeq(), 0);
    EXPECT_FALSE(store().snapshotFor(Timestamp{1 << 30})->has_value());
    SnapshotKeeper keeper(16, 0);
    for (int i = 0; i < 20; ++i) {
        std::vector<Entry> batch;
        for (int j = 0; j < 5; ++j) {
            const int n = i * 5 + j;
            batch.push_back(makeEntry(QStringLiteral("unit.position"), 1000 * n,
                                      {{QStringLiteral("unit"), QStringLiteral("VSAV %1").arg(n % 7)}},
                                      Geometry::point({5.3 + n * 0.001, 43.2 + n * 0.001}),
                                      QStringLiteral("fire")));
        }
        if (i % 4 == 0)
            batch.push_back(makeEntry(
                QStringLiteral("incident.open"), 1000 * i * 5 + 1,
                {{QStringLiteral("incident"), QStringLiteral("I%1").arg(i)}, {QStringLiteral("severity"), 2}},
                Geometry::point({5.37, 43.29})));
        auto appended = store().append(std::move(batch));
        ASSERT_TRUE(appended) << appended.error().message.toStdString();
        ASSERT_TRUE(keeper.applyAppended(store(), *appended));
    }
    auto last = store().lastSnapshotSeq();
    ASSERT_TRUE(last);
    EXPECT_GT(*last, 0);
    for (qint64 t : {0LL, 7000LL, 33333LL, 64000LL, 99000LL, 200000LL}) {
        auto seek = pictureAt(store(), Timestamp{t});
        auto scratch = foldFromScratch(store(), Timestamp{t});
        ASSERT_TRUE(seek) << seek.error().message.toStdString();
        ASSERT_TRUE(scratch);
        EXPECT_EQ(seek->toJsonText(), scratch->toJsonText()) << "at " << t;
    }
    auto latest = latestPicture(store());
    ASSERT_TRUE(latest);
    EXPECT_EQ(latest->toJsonText(), foldFromScratch(store())->toJsonText());

    // Snapshots themselves.
    ASSERT_TRUE(store().saveSnapshot(Snapshot{1000, Timestamp{500000}, QByteArray("picture")}));
    ASSERT_TRUE(store().saveSnapshot(Snapshot{1000, Timestamp{500000}, QByteArray("replaced")}));
    EXPECT_EQ(*store().lastSnapshotSeq(), 1000);
    auto at = store().snapshotFor(Timestamp{500000});
    ASSERT_TRUE(at && at->has_value());
    EXPECT_EQ((*at)->seq, 1000);
    EXPECT_EQ((*at)->picture, QByteArray("replaced"));
    auto before = store().snapshotFor(Timestamp{499999});
    ASSERT_TRUE(before && before->has_value());
    EXPECT_LT((*before)->seq, 1000);
}

TEST_P(Conformance, AFoldFollowedByFusionReadsItsTrailFromTheLogNotFromSnapshots)
{
    // What the fold of a process that appends keeps for fusion: reports with a place, closes, corrections.
    SnapshotKeeper writer(8, 0);
    ASSERT_TRUE(writer.keepFusionTrail(store()));
    for (int i = 0; i < 30; ++i) {
        std::vector<Entry> batch;
        batch.push_back(makeEntry(QStringLiteral("unit.position"), 1000 * i,
                                  {{QStringLiteral("unit"), QStringLiteral("VSAV %1").arg(i % 3)}},
                                  Geometry::point({5.3, 43.2}), QStringLiteral("fire")));
        batch.push_back(makeEntry(QStringLiteral("incident.open"), 1000 * i + 1,
                                  {{QStringLiteral("incident"), QStringLiteral("I%1").arg(i)},
                                   {QStringLiteral("feed"), QStringLiteral("cap")},
                                   {QStringLiteral("type"), QStringLiteral("vehicle_fire")}},
                                  Geometry::point({5.37 + 0.001 * i, 43.29})));
        if (i % 5 == 4)
            batch.push_back(makeEntry(QStringLiteral("incident.close"), 1000 * i + 2,
                                      {{QStringLiteral("incident"), QStringLiteral("I%1").arg(i - 4)}}));
        if (i == 10)
            batch.push_back(makeEntry(QStringLiteral("fusion.join"), 1000 * i + 3,
                                      {{QStringLiteral("incident"), QStringLiteral("I3")},
                                       {QStringLiteral("into"), QStringLiteral("I2")}}));
        auto appended = store().append(std::move(batch));
        ASSERT_TRUE(appended) << appended.error().message.toStdString();
        ASSERT_TRUE(writer.applyAppended(store(), *appended));
    }
    Picture reference;
    reference.keepsFusionTrail = true;
    ASSERT_TRUE(store().read(EntryQuery{}, [&reference](const Entry &e) {
        reference.apply(e);
        return true;
    }));
    ASSERT_EQ(reference.fusionTrail.size(), 30u + 6u + 1u);
    EXPECT_EQ(writer.head()->fusionTrail, reference.fusionTrail);

    // Snapshots hold the picture only.
    auto snapshot = store().snapshotFor(Timestamp{std::numeric_limits<qint64>::max()});
    ASSERT_TRUE(snapshot && snapshot->has_value());
    EXPECT_FALSE((*snapshot)->picture.contains("fusion_trail"));

    // A process that starts: its fold from the last snapshot, its trail from the log, whether fusion asks
    // for it before the fold or after.
    SnapshotKeeper early;
    ASSERT_TRUE(early.keepFusionTrail(store()));
    ASSERT_TRUE(early.catchUp(store()));
    EXPECT_EQ(early.head()->fusionTrail, reference.fusionTrail);
    SnapshotKeeper late;
    ASSERT_TRUE(late.catchUp(store()));
    EXPECT_TRUE(late.head()->fusionTrail.empty());
    ASSERT_TRUE(late.keepFusionTrail(store()));
    EXPECT_EQ(late.head()->fusionTrail, reference.fusionTrail);
    // And it goes on keeping it.
    auto more = store().append(
        {makeEntry(QStringLiteral("incident.update"), 99000,
                   {{QStringLiteral("incident"), QStringLiteral("I29")}}, Geometry::point({5.4, 43.3}))});
    ASSERT_TRUE(more);
    ASSERT_TRUE(late.applyAppended(store(), *more));
    EXPECT_EQ(late.head()->fusionTrail.size(), reference.fusionTrail.size() + 1);
    EXPECT_EQ(late.head()->fusionTrail.back().seq, more->front().seq);
}

TEST_P(Conformance, AnEntryAppendedAgainByIdIsStoredOnce)
{
    std::vector<Entry> batch = notes(1, 3);
    for (Entry &e : batch)
        e.id = newEntryId();
    for (Entry &e : batch)
        e.recordTime = m_clock.now();
    auto first = store().append(batch, {QuarantineItem{0, m_clock.now(), QStringLiteral("desk"),
                                                       QStringLiteral("line 4"), QStringLiteral("r"), "x"}});
    ASSERT_TRUE(first) << first.error().message.toStdString();
    // The reply was lost: the desk sends the same batch again, refusals included.
    auto retry = store().append(batch, {QuarantineItem{0, m_clock.now(), QStringLiteral("desk"),
                                                       QStringLiteral("line 4"), QStringLiteral("r"), "x"}});
    ASSERT_TRUE(retry) << retry.error().message.toStdString();
    ASSERT_EQ(retry->size(), 3u);
    for (std::size_t i = 0; i < 3; ++i) {
        EXPECT_EQ((*retry)[i].id, (*first)[i].id);
        EXPECT_EQ((*retry)[i].seq, (*first)[i].seq);
        EXPECT_EQ((*retry)[i].hash, (*first)[i].hash);
    }
    EXPECT_EQ(store().lastSeq(), 3);
    EXPECT_EQ(store().quarantined()->size(), 1u) << "the refusals of a batch sent again were kept twice";

    // Half of a batch already stored, one id twice in the batch.
    Entry fresh = note(4, QStringLiteral("new"));
    fresh.id = newEntryId();
    auto mixed = m_room->append({batch[2], fresh, fresh});
    ASSERT_TRUE(mixed) << mixed.error().message.toStdString();
    ASSERT_EQ(mixed->size(), 3u);
    EXPECT_EQ((*mixed)[0].seq, 3);
    EXPECT_EQ((*mixed)[1].seq, 4);
    EXPECT_EQ((*mixed)[2].seq, 4);
    EXPECT_EQ(store().lastSeq(), 4);
    auto all = store().read(EntryQuery{});
    ASSERT_TRUE(all);
    EXPECT_EQ(all->size(), 4u);
    EXPECT_TRUE(store().verify()->intact());
}

TEST_P(Conformance, TwoConnectionsAppendingAtOnceMakeOneGaplessChain)
{
    auto a = reopen();
    auto b = reopen();
    ASSERT_TRUE(a && b);
    constexpr int batches = 40, perBatch = 5;
    auto write = [](LogStore *store, int writer, QString *error) {
        for (int i = 0; i < batches && error->isEmpty(); ++i) {
            std::vector<Entry> batch;
            for (int j = 0; j < perBatch; ++j)
                batch.push_back(
                    note(i * perBatch + j, QStringLiteral("w%1 %2.%3").arg(writer).arg(i).arg(j)));
            if (auto r = store->append(std::move(batch)); !r)
                *error = r.error().message;
        }
    };
    QString errorA, errorB;
    std::thread ta(write, &a->store(), 1, &errorA);
    std::thread tb(write, &b->store(), 2, &errorB);
    ta.join();
    tb.join();
    ASSERT_TRUE(errorA.isEmpty()) << errorA.toStdString();
    ASSERT_TRUE(errorB.isEmpty()) << errorB.toStdString();

    auto all = store().read(EntryQuery{});
    ASSERT_TRUE(all);
    ASSERT_EQ(all->size(), std::size_t(2 * batches * perBatch));
    std::set<QString> texts;
    std::set<QUuid> ids;
    for (std::size_t i = 0; i < all->size(); ++i) {
        EXPECT_EQ((*all)[i].seq, qint64(i + 1));
        texts.insert((*all)[i].data.value(QStringLiteral("text")).toString());
        ids.insert((*all)[i].id);
    }
    EXPECT_EQ(texts.size(), all->size());
    EXPECT_EQ(ids.size(), all->size());
    auto report = store().verify();
    ASSERT_TRUE(report);
    EXPECT_TRUE(report->intact()) << report->problem.toStdString();
}

TEST_P(Conformance, WhatEachOfFourWritersIsToldIsWhatTheLogHolds)
{
    // Four connections write small batches at once: on the server most batches find the head moved and are
    // chained again, some take the lock first. What each append returns must be what was stored.
    constexpr int writers = 4, batches = 25, perBatch = 3;
    std::vector<std::unique_ptr<Room>> rooms;
    for (int w = 0; w < writers; ++w) {
        rooms.push_back(reopen());
        ASSERT_TRUE(rooms.back());
    }
    std::vector<std::vector<Entry>> told(writers);
    std::vector<QString> errors(writers);
    std::vector<std::thread> threads;
    for (int w = 0; w < writers; ++w)
        threads.emplace_back([&, w] {
            for (int i = 0; i < batches && errors[std::size_t(w)].isEmpty(); ++i) {
                std::vector<Entry> batch;
                for (int j = 0; j < perBatch; ++j)
                    batch.push_back(note(i, QStringLiteral("w%1 %2.%3").arg(w).arg(i).arg(j)));
                auto r = rooms[std::size_t(w)]->store().append(std::move(batch));
                if (!r)
                    errors[std::size_t(w)] = r.error().message;
                else
                    told[std::size_t(w)].insert(told[std::size_t(w)].end(), r->begin(), r->end());
            }
        });
    for (std::thread &t : threads)
        t.join();
    for (const QString &e : errors)
        ASSERT_TRUE(e.isEmpty()) << e.toStdString();
    auto all = store().read(EntryQuery{});
    ASSERT_TRUE(all);
    ASSERT_EQ(all->size(), std::size_t(writers * batches * perBatch));
    for (const auto &entries : told)
        for (const Entry &e : entries) {
            ASSERT_GE(e.seq, 1);
            ASSERT_LE(e.seq, qint64(all->size()));
            const Entry &stored = (*all)[std::size_t(e.seq - 1)];
            EXPECT_EQ(stored.id, e.id);
            EXPECT_EQ(stored.hash, e.hash);
            EXPECT_EQ(stored.prevHash, e.prevHash);
        }
    auto report = store().verify();
    ASSERT_TRUE(report);
    EXPECT_TRUE(report->intact()) << report->problem.toStdString();
}

INSTANTIATE_TEST_SUITE_P(Backends, Conformance, ::testing::Values("sqlite", "postgresql"),
                         [](const ::testing::TestParamInfo<const char *> &info) {
                             return std::string(info.param);
                         });
