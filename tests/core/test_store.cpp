#include "test_util.h"

#include "store/schema.h"
#include "store/sqlite_db.h"
#include "store/sqlite_log_store.h"

#include <QFile>

using namespace vigie;
using namespace vigie::test;

TEST(Store, AppendAssignsSeqAndChainsHashes)
{
    TempRoom t;
    auto first = t.room->append({note(1000, QStringLiteral("a")), note(2000, QStringLiteral("b"))});
    ASSERT_TRUE(first) << first.error().message.toStdString();
    ASSERT_EQ(first->size(), 2u);
    EXPECT_EQ((*first)[0].seq, 1);
    EXPECT_EQ((*first)[1].seq, 2);
    EXPECT_TRUE((*first)[0].prevHash.isEmpty());
    EXPECT_EQ((*first)[1].prevHash, (*first)[0].hash);
    EXPECT_EQ((*first)[0].recordTime, t.clock.now());

    auto read = t.room->store().read(EntryQuery{});
    ASSERT_TRUE(read);
    ASSERT_EQ(read->size(), 2u);
    EXPECT_EQ((*read)[1].data.value(QStringLiteral("text")).toString(), QStringLiteral("b"));
    EXPECT_EQ((*read)[1].hash, (*first)[1].hash);
    EXPECT_EQ((*read)[0].id, (*first)[0].id);
    EXPECT_EQ((*read)[0].room, t.room->info().id);
}

TEST(Store, ReopenedStoreContinuesTheChain)
{
    TempRoom t;
    ASSERT_TRUE(t.room->append({note(1, QStringLiteral("a"))}));
    auto reopened = Room::open(t.path(), t.clock);
    ASSERT_TRUE(reopened);
    auto more = (*reopened)->append({note(2, QStringLiteral("b"))});
    ASSERT_TRUE(more);
    EXPECT_EQ(more->front().seq, 2);
    // The first handle appends after the second one without forking the chain.
    auto again = t.room->append({note(3, QStringLiteral("c"))});
    ASSERT_TRUE(again) << again.error().message.toStdString();
    EXPECT_EQ(again->front().seq, 3);
    auto report = t.room->store().verify();
    ASSERT_TRUE(report);
    EXPECT_TRUE(report->intact()) << report->problem.toStdString();
    EXPECT_EQ(report->checked, 3);
}

TEST(Store, RangeReadsByKindTimeAndBox)
{
    TempRoom t;
    std::vector<Entry> batch;
    for (int i = 0; i < 50; ++i) {
        batch.push_back(makeEntry(QStringLiteral("unit.position"), 1000 * i,
                                  {{QStringLiteral("unit"), QStringLiteral("U%1").arg(i % 5)}},
                                  Geometry::point({5.0 + i * 0.01, 43.0 + i * 0.01})));
        batch.push_back(note(1000 * i + 500, QStringLiteral("n%1").arg(i)));
    }
    ASSERT_TRUE(t.room->append(std::move(batch)));
    EntryQuery q;
    q.kind = QStringLiteral("note");
    q.since = Timestamp{10000};
    q.until = Timestamp{19999};
    auto notes = t.room->store().read(q);
    ASSERT_TRUE(notes);
    ASSERT_EQ(notes->size(), 10u);
    EXPECT_EQ(notes->front().data.value(QStringLiteral("text")).toString(), QStringLiteral("n10"));

    EntryQuery box;
    box.box = GeoBox{5.095, 43.095, 5.205, 43.205};
    auto inside = t.room->store().read(box);
    ASSERT_TRUE(inside);
    EXPECT_EQ(inside->size(), 11u); // points 10..20
    for (const Entry &e : *inside)
        EXPECT_TRUE(box.box->contains(e.geo.points.front()));

    // Several kinds at once, after a seq.
    ASSERT_TRUE(t.room->append(
        {makeEntry(QStringLiteral("decision"), 60000, {{QStringLiteral("text"), QStringLiteral("d")}})}));
    EntryQuery some;
    some.kinds = {QStringLiteral("decision"), QStringLiteral("note"), QStringLiteral("zone.draw")};
    some.afterSeq = 90;
    auto found = t.room->store().read(some);
    ASSERT_TRUE(found);
    QStringList kinds;
    for (const Entry &e : *found)
        kinds << e.kind;
    EXPECT_EQ(kinds,
              (QStringList{QStringLiteral("note"), QStringLiteral("note"), QStringLiteral("note"),
                           QStringLiteral("note"), QStringLiteral("note"), QStringLiteral("decision")}));
}

TEST(Store, AppendIsAllOrNothing)
{
    TempRoom t;
    ASSERT_TRUE(t.room->append({note(1, QStringLiteral("a"))}));
    Entry bad = note(2, QStringLiteral("b"));
    bad.kind = QStringLiteral("BAD KIND");
    auto r = t.room->append({note(2, QStringLiteral("ok")), bad});
    ASSERT_FALSE(r);
    EXPECT_TRUE(r.error().message.contains(QStringLiteral("entry 2 of the batch")));
    EXPECT_EQ(t.room->store().lastSeq(), 1);
}

namespace {

void tamper(const QString &path, const QByteArray &sqlText)
{
    auto db = sql::Database::open(path, sql::Database::Mode::ReadWrite);
    ASSERT_TRUE(db);
    ASSERT_TRUE(db->exec(sqlText)) << db->lastError().toStdString();
}

} // namespace

TEST(Store, VerifyFindsTheFirstEditedEntry)
{
    TempRoom t;
    std::vector<Entry> batch;
    for (int i = 1; i <= 100; ++i)
        batch.push_back(note(i, QStringLiteral("entry %1").arg(i)));
    ASSERT_TRUE(t.room->append(std::move(batch)));
    auto intact = t.room->store().verify();
    ASSERT_TRUE(intact);
    EXPECT_TRUE(intact->intact());
    EXPECT_EQ(intact->checked, 100);

    tamper(t.path(), R"sql(UPDATE entries SET data = '{"text":"entry 42 (edited)"}' WHERE seq = 42)sql");
    auto opened = Room::open(t.path(), t.clock);
    ASSERT_TRUE(opened);
    auto broken = (*opened)->store().verify();
    ASSERT_TRUE(broken);
    ASSERT_FALSE(broken->intact());
    EXPECT_EQ(*broken->firstBadSeq, 42);
    EXPECT_TRUE(broken->problem.contains(QStringLiteral("altered")));
}

TEST(Store, VerifyFindsADeletedOrRelinkedEntry)
{
    TempRoom t;
    std::vector<Entry> batch;
    for (int i = 1; i <= 10; ++i)
        batch.push_back(note(i, QStringLiteral("e%1").arg(i)));
    ASSERT_TRUE(t.room->append(std::move(batch)));
    tamper(t.path(), "DELETE FROM entries WHERE seq = 6");
    auto opened = Room::open(t.path(), t.clock);
    ASSERT_TRUE(opened);
    auto r = (*opened)->store().verify();
    ASSERT_TRUE(r);
    ASSERT_FALSE(r->intact());
    EXPECT_EQ(*r->firstBadSeq, 6);

    tamper(t.path(), "UPDATE entries SET event_time = event_time + 1 WHERE seq = 3");
    auto r2 = (*opened)->store().verify();
    ASSERT_TRUE(r2);
    EXPECT_EQ(*r2->firstBadSeq, 3);
}

TEST(Store, MigratesAnEmptyVersionOneFile)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("old.vigie"));
    {
        // A room written by the first schema: no spatial index, no snapshots.
        auto db = sql::Database::open(path, sql::Database::Mode::ReadWriteCreate);
        ASSERT_TRUE(db);
        ASSERT_TRUE(schema::migrate(*db, 1));
        ASSERT_TRUE(db->exec("INSERT INTO meta VALUES ('room_id','r1'),('room_name','old'),('mode','live'),"
                             "('created','0')"));
    }
    QFile key(Room::keyPath(path));
    ASSERT_TRUE(key.open(QIODevice::WriteOnly));
    key.write(QByteArray(32, 'k').toHex());
    key.close();
    {
        auto store = SqliteLogStore::open(path); // migrates to the current version
        ASSERT_TRUE(store) << store.error().message.toStdString();
    }
    {
        auto db = sql::Database::open(path, sql::Database::Mode::ReadWrite);
        ASSERT_TRUE(db);
        auto v = schema::version(*db);
        ASSERT_TRUE(v);
        EXPECT_EQ(*v, schema::currentVersion);
    }
}

TEST(Store, MigrationFillsTheSpatialIndexFromExistingEntries)
{
    TempRoom t;
    ASSERT_TRUE(t.room->append(
        {makeEntry(QStringLiteral("unit.position"), 1, {{QStringLiteral("unit"), QStringLiteral("U")}},
                   Geometry::point({5.38, 43.30})),
         makeEntry(QStringLiteral("zone.draw"), 2, {{QStringLiteral("zone"), QStringLiteral("Z")}},
                   Geometry::polygon({{5.1, 43.1}, {5.2, 43.1}, {5.2, 43.2}, {5.1, 43.1}}))}));
    // Take the file back to version 1 (drop what versions 2 to 8 added), then reopen: migration rebuilds it.
    tamper(t.path(),
           "DROP TABLE entries_geo; DROP TABLE snapshots; DROP TABLE feed_seen; DROP TABLE time_blocks; "
           "DROP TABLE derived_index; DROP TABLE entries_cells; PRAGMA user_version = 1;");
    auto reopened = Room::open(t.path(), t.clock);
    ASSERT_TRUE(reopened) << reopened.error().message.toStdString();
    EntryQuery q;
    q.box = GeoBox{5.15, 43.15, 5.16, 43.16};
    auto inBox = (*reopened)->store().read(q);
    ASSERT_TRUE(inBox);
    ASSERT_EQ(inBox->size(), 1u);
    EXPECT_EQ(inBox->front().kind, QStringLiteral("zone.draw"));
    q.box = GeoBox{5.37, 43.29, 5.39, 43.31};
    auto point = (*reopened)->store().read(q);
    ASSERT_TRUE(point);
    ASSERT_EQ(point->size(), 1u);
    auto report = (*reopened)->store().verify();
    ASSERT_TRUE(report);
    EXPECT_TRUE(report->intact());
}

TEST(Store, RefusesAFileFromANewerVersion)
{
    TempRoom t;
    tamper(t.path(), "PRAGMA user_version = 99");
    auto opened = Room::open(t.path(), t.clock);
    ASSERT_FALSE(opened);
    EXPECT_TRUE(opened.error().message.contains(QStringLiteral("newer than this program")));
}

TEST(Store, RefusesAFileThatIsNotARoom)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("junk.vigie"));
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("this is not sqlite at all, just text");
    f.close();
    SimulatedClock clock(Timestamp{0});
    auto opened = Room::open(path, clock);
    ASSERT_FALSE(opened);
    EXPECT_TRUE(opened.error().message.contains(path));
}

TEST(Store, QuarantineKeepsSourcePositionReasonAndScrubbedInput)
{
    TempRoom t;
    ASSERT_TRUE(t.room->quarantine(QStringLiteral("feed.jsonl"),
                                   {{QStringLiteral("line 12"), QStringLiteral("invalid JSON"),
                                     "{\"caller\": 06 12 34 56 78, mail jean.dupont@example.fr"}}));
    auto items = t.room->store().quarantined();
    ASSERT_TRUE(items);
    ASSERT_EQ(items->size(), 1u);
    const QuarantineItem &q = items->front();
    EXPECT_EQ(q.source, QStringLiteral("feed.jsonl"));
    EXPECT_EQ(q.position, QStringLiteral("line 12"));
    EXPECT_EQ(q.reason, QStringLiteral("invalid JSON"));
    EXPECT_FALSE(q.input.contains("06 12 34 56 78"));
    EXPECT_FALSE(q.input.contains("jean.dupont"));
    EXPECT_TRUE(q.input.contains("[tel:"));
    EXPECT_TRUE(q.input.contains("[email:"));
}

// A quarantine whose pages are damaged in the file is a read that fails, not a shorter list: the Feeds dock
// and `vigie-cli quarantine` say the room is damaged instead of showing part of what was refused.
TEST(Store, ADamagedQuarantineIsAnErrorNotAShortList)
{
    TempRoom t;
    std::vector<Rejected> items;
    for (int i = 0; i < 200; ++i)
        items.push_back({QStringLiteral("line %1").arg(i), QStringLiteral("invalid JSON"),
                         QByteArray(3000, char('a' + i % 26))});
    ASSERT_TRUE(t.room->quarantine(QStringLiteral("feed.jsonl"), items));
    auto whole = t.room->store().quarantined();
    ASSERT_TRUE(whole);
    ASSERT_EQ(whole->size(), 200u);
    const QString path = t.path();
    t.room.reset(); // the last connection closed: the WAL is checkpointed into the file
    qint64 page = 0, pageSize = 0;
    {
        auto db = sql::Database::open(path, sql::Database::Mode::ReadOnly);
        ASSERT_TRUE(db);
        auto leaf = db->prepare("SELECT pageno FROM dbstat WHERE name = 'quarantine' AND pagetype = 'leaf' "
                                "ORDER BY pageno LIMIT 1 OFFSET 20");
        ASSERT_TRUE(leaf) << leaf.error().message.toStdString();
        ASSERT_EQ(leaf->step(), sql::Statement::Step::Row);
        page = leaf->int64(0);
        auto size = db->prepare("PRAGMA page_size");
        ASSERT_TRUE(size);
        ASSERT_EQ(size->step(), sql::Statement::Step::Row);
        pageSize = size->int64(0);
    }
    {
        QFile file(path);
        ASSERT_TRUE(file.open(QIODevice::ReadWrite));
        ASSERT_TRUE(file.seek((page - 1) * pageSize));
        file.write(QByteArray(int(pageSize), '\xff'));
    }
    auto reopened = Room::open(path, t.clock);
    ASSERT_TRUE(reopened) << reopened.error().message.toStdString();
    auto all = (*reopened)->store().quarantined();
    EXPECT_FALSE(all.ok()) << "a list of " << all->size() << " items";
    if (!all) {
        EXPECT_TRUE(all.error().message.contains(QStringLiteral("reading the quarantine failed")))
            << all.error().message.toStdString();
    }
    EXPECT_FALSE((*reopened)->store().quarantinedAfter(0, -1).ok());
}

TEST(Store, RoomModeTravelsWithEveryEntry)
{
    TempRoom t(RoomMode::Exercise);
    auto r = t.room->append({note(1, QStringLiteral("x"))});
    ASSERT_TRUE(r);
    EXPECT_EQ(r->front().mode, RoomMode::Exercise);
    auto read = t.room->store().read(EntryQuery{});
    ASSERT_TRUE(read);
    EXPECT_EQ(read->front().mode, RoomMode::Exercise);
    tamper(t.path(), "UPDATE entries SET mode = 0");
    auto reopened = Room::open(t.path(), t.clock);
    ASSERT_TRUE(reopened);
    auto report = (*reopened)->store().verify();
    ASSERT_TRUE(report);
    EXPECT_EQ(report->firstBadSeq.value_or(-1), 1);
}

// A log read per batch with a limit of its own used to be a statement text of its own, prepared and kept:
// a feed process fed for days held thousands. The limit is bound now, and the cache keeps a bounded number
// of texts whatever its callers build.
TEST(StatementCache, KeepsABoundedNumberOfTextsAndReadsBindTheirLimit)
{
    auto db = sql::Database::open(QStringLiteral(":memory:"), sql::Database::Mode::ReadWriteCreate);
    ASSERT_TRUE(db) << db.error().message.toStdString();
    sql::StatementCache cache(*db);
    for (int n = 0; n < 500; ++n) {
        auto lease = cache.take("SELECT " + QByteArray::number(n));
        ASSERT_TRUE(lease);
        ASSERT_EQ((**lease).step(), sql::Statement::Step::Row);
    }
    EXPECT_LE(cache.texts(), 64u);

    TempRoom t;
    std::vector<Entry> notes;
    for (int i = 0; i < 30; ++i)
        notes.push_back(note(1000 + i, QStringLiteral("n%1").arg(i)));
    ASSERT_TRUE(t.room->append(std::move(notes)));
    for (qint64 limit = 1; limit <= 25; ++limit) {
        EntryQuery q;
        q.afterSeq = limit;
        q.limit = limit;
        auto got = t.room->store().read(q);
        ASSERT_TRUE(got) << got.error().message.toStdString();
        EXPECT_EQ(qint64(got->size()), std::min<qint64>(limit, 30 - limit));
        EXPECT_EQ(got->front().seq, limit + 1);
    }
}

TEST(StatementCache, ReusesAFreeStatementAndLendsAnotherToANestedUse)
{
    auto db = sql::Database::open(QStringLiteral(":memory:"), sql::Database::Mode::ReadWriteCreate);
    ASSERT_TRUE(db) << db.error().message.toStdString();
    ASSERT_TRUE(db->exec("CREATE TABLE t(x INTEGER); INSERT INTO t VALUES (1), (2), (3)"));
    sql::StatementCache cache(*db);
    const QByteArray query = "SELECT x FROM t WHERE x >= ? ORDER BY x";
    sqlite3_stmt *first = nullptr;
    {
        auto outer = cache.take(query);
        ASSERT_TRUE(outer);
        (**outer).bind(1, qint64(2));
        ASSERT_EQ((**outer).step(), sql::Statement::Step::Row);
        EXPECT_EQ((**outer).int64(0), 2);
        // The same text while the first is in use (a read inside a read's visitor): another statement.
        auto inner = cache.take(query);
        ASSERT_TRUE(inner);
        (**inner).bind(1, qint64(1));
        ASSERT_EQ((**inner).step(), sql::Statement::Step::Row);
        EXPECT_EQ((**inner).int64(0), 1);
        ASSERT_EQ((**outer).step(), sql::Statement::Step::Row);
        EXPECT_EQ((**outer).int64(0), 3);
        first = (**outer).handle();
    }
    // Given back reset: taken again (the last given back first), it starts over with its new parameter.
    auto again = cache.take(query);
    ASSERT_TRUE(again);
    EXPECT_EQ((**again).handle(), first);
    (**again).bind(1, qint64(3));
    ASSERT_EQ((**again).step(), sql::Statement::Step::Row);
    EXPECT_EQ((**again).int64(0), 3);
    EXPECT_EQ((**again).step(), sql::Statement::Step::Done);
}
