// What only a shared room on PostgreSQL has: several rooms per database, the room's secret on the server,
// NOTIFY at commit, reconnection, migrations, and vigie-cli on a room URL. A real server (pg_test_server.h).
#include "pg_test_server.h"
#include "test_util.h"

#include "cli_run.h"
#include "store/pg_log_store.h"
#include "store/pg_schema.h"
#include "store/sqlite_log_store.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>

#include <thread>

using namespace vigie;
using namespace vigie::test;

namespace {

class PgOnly : public ::testing::Test
{
protected:
    void SetUp() override
    {
        if (!pgClusterMissing().isEmpty())
            GTEST_SKIP() << pgClusterMissing().toStdString();
        static int rooms = 0;
        m_url = pgCluster()->uri() + QStringLiteral("?room=pg-only-%1").arg(++rooms);
        auto created = Room::create(m_url, {}, RoomMode::Live, m_clock);
        ASSERT_TRUE(created) << created.error().message.toStdString();
        m_room = std::move(*created);
    }
    SimulatedClock m_clock{Timestamp{1784055600000}};
    QString m_url;
    std::unique_ptr<Room> m_room;
};

} // namespace

TEST_F(PgOnly, ARoomSharesItsSecretAndRefusesASecondCreation)
{
    auto other = Room::open(m_url, m_clock);
    ASSERT_TRUE(other) << other.error().message.toStdString();
    const QString phone = QStringLiteral("appel du 06 11 22 33 44");
    EXPECT_EQ((*other)->anonymiser().scrubText(phone), m_room->anonymiser().scrubText(phone));
    EXPECT_EQ((*other)->info().name, m_url.section(QLatin1Char('='), -1)); // the URL's name by default
    auto again = Room::create(m_url, {}, RoomMode::Live, m_clock);
    ASSERT_FALSE(again);
    EXPECT_TRUE(again.error().message.contains(QStringLiteral("already has a room")))
        << again.error().message.toStdString();
    auto missing = Room::open(pgCluster()->uri() + QStringLiteral("?room=nowhere"), m_clock);
    ASSERT_FALSE(missing);
    EXPECT_TRUE(missing.error().message.contains(QStringLiteral("room create")))
        << missing.error().message.toStdString();
}

TEST_F(PgOnly, ACommitNotifiesItsRoomsLastSeq)
{
    auto listener = PgLogStore::open(*parsePgUrl(m_url));
    ASSERT_TRUE(listener);
    auto nothing = (*listener)->waitForNotification(0); // starts listening
    ASSERT_TRUE(nothing) << nothing.error().message.toStdString();
    EXPECT_FALSE(nothing->has_value());
    ASSERT_TRUE(m_room->append(notes(1, 3)));
    auto seen = (*listener)->waitForNotification(5000);
    ASSERT_TRUE(seen) << seen.error().message.toStdString();
    ASSERT_TRUE(seen->has_value());
    EXPECT_EQ(**seen, 3);
    auto quiet = (*listener)->waitForNotification(50);
    ASSERT_TRUE(quiet);
    EXPECT_FALSE(quiet->has_value());
}

TEST_F(PgOnly, AListenerThatLostItsConnectionListensAgain)
{
    auto listener = PgLogStore::open(*parsePgUrl(m_url));
    ASSERT_TRUE(listener);
    ASSERT_TRUE((*listener)->waitForNotification(0));
    endOtherSessions();
    // The first wait learns of the loss (an error naming the server), the next reconnects and listens again.
    auto lost = (*listener)->waitForNotification(1000);
    ASSERT_FALSE(lost);
    EXPECT_TRUE(lost.error().message.contains((*listener)->server())) << lost.error().message.toStdString();
    auto again = (*listener)->waitForNotification(0);
    ASSERT_TRUE(again) << again.error().message.toStdString();
    ASSERT_TRUE(m_room->append(notes(1, 4)));
    auto seen = (*listener)->waitForNotification(5000);
    ASSERT_TRUE(seen) << seen.error().message.toStdString();
    ASSERT_TRUE(seen->has_value());
    EXPECT_EQ(**seen, 4);
}

TEST_F(PgOnly, ADroppedConnectionIsReopenedOnTheNextCall)
{
    ASSERT_TRUE(m_room->append(notes(1, 2)));
    endOtherSessions();
    auto after = m_room->append(notes(3, 4));
    ASSERT_TRUE(after) << after.error().message.toStdString();
    EXPECT_EQ(after->front().seq, 3);
    EXPECT_TRUE(m_room->store().verify()->intact());
}

TEST_F(PgOnly, RoomsOfOneDatabaseKeepTheirOwnChainsAndNews)
{
    const QString otherUrl = m_url + QStringLiteral("-other");
    auto other = Room::create(otherUrl, QStringLiteral("Autre salle"), RoomMode::Exercise, m_clock);
    ASSERT_TRUE(other) << other.error().message.toStdString();
    auto listener = PgLogStore::open(*parsePgUrl(m_url));
    ASSERT_TRUE(listener);
    ASSERT_TRUE((*listener)->waitForNotification(0));
    for (int i = 1; i <= 3; ++i) {
        ASSERT_TRUE(m_room->append(notes(i, i)));
        ASSERT_TRUE((*other)->append(notes(i, i + 1)));
    }
    EXPECT_EQ(m_room->store().lastSeq(), 3);
    EXPECT_EQ((*other)->store().lastSeq(), 6);
    EXPECT_EQ((*other)->store().read(EntryQuery{})->front().mode, RoomMode::Exercise);
    EXPECT_TRUE(m_room->store().verify()->intact());
    EXPECT_TRUE((*other)->store().verify()->intact());
    // The other room's commits are not this room's news: this room's last seq arrives (notifications are
    // delivered as the server sends them, so it may take more than one wait), never the other's.
    qint64 latest = 0;
    QElapsedTimer waited;
    waited.start();
    while (latest < 3 && waited.elapsed() < 5000) {
        auto seen = (*listener)->waitForNotification(int(5000 - waited.elapsed()));
        ASSERT_TRUE(seen);
        if (!seen->has_value())
            break;
        EXPECT_LE(**seen, 3) << "a notification of the other room";
        latest = std::max(latest, **seen);
    }
    EXPECT_EQ(latest, 3);
}

TEST(PgServer, AnEntryHashesTheSameOnBothBackends)
{
    if (!pgClusterMissing().isEmpty())
        GTEST_SKIP() << pgClusterMissing().toStdString();
    // The same room (same id and mode) on both backends, the same drafts: the same chain, byte for byte.
    const RoomInfo info{QUuid::createUuid().toString(QUuid::WithoutBraces), QStringLiteral("Même salle"),
                        RoomMode::Exercise, Timestamp{1784055600000}};
    QTemporaryDir dir;
    auto file = SqliteLogStore::create(dir.filePath(QStringLiteral("same.vigie")), info);
    ASSERT_TRUE(file) << file.error().message.toStdString();
    auto server =
        PgLogStore::create(*parsePgUrl(pgCluster()->uri() + QStringLiteral("?room=same")), info, "key");
    ASSERT_TRUE(server) << server.error().message.toStdString();
    std::vector<Entry> drafts{
        makeEntry(QStringLiteral("incident.open"), 1784056000000,
                  {{QStringLiteral("incident"), QStringLiteral("I-1")},
                   {QStringLiteral("severity"), 3},
                   {QStringLiteral("note"), QStringLiteral("Chute d'un échafaudage, « deux blessés »\n")}},
                  Geometry::point({5.3795, 43.2987}), QStringLiteral("fire")),
        makeEntry(QStringLiteral("zone.draw"), 1784056001000, {{QStringLiteral("zone"), QStringLiteral("Z")}},
                  Geometry::polygon({{5.30, 43.30}, {5.40, 43.30}, {5.40, 43.40}, {5.30, 43.30}})),
        note(1784056002000, QStringLiteral("point de situation"))};
    for (Entry &d : drafts) {
        d.id = newEntryId();
        d.recordTime = Timestamp{1784056005000};
    }
    auto onFile = (*file)->append(drafts);
    auto onServer = (*server)->append(drafts);
    ASSERT_TRUE(onFile && onServer);
    auto readBack = (*server)->read(EntryQuery{});
    ASSERT_TRUE(readBack);
    ASSERT_EQ(readBack->size(), drafts.size());
    for (std::size_t i = 0; i < drafts.size(); ++i) {
        EXPECT_EQ((*onServer)[i].hash, (*onFile)[i].hash) << i;
        EXPECT_EQ((*readBack)[i].hash, (*onFile)[i].hash) << i;
        EXPECT_EQ(QJsonDocument(entryToJson((*readBack)[i])).toJson(),
                  QJsonDocument(entryToJson((*onFile)[i])).toJson())
            << i;
    }
}

TEST(PgSchema, MigratesStepByStepAndRefusesANewerDatabase)
{
    if (!pgClusterMissing().isEmpty())
        GTEST_SKIP() << pgClusterMissing().toStdString();
    pgExec("CREATE DATABASE migrations");
    auto db = pg::Connection::open(pgCluster()->uri(QStringLiteral("migrations")).toUtf8(),
                                   QStringLiteral("migrations"));
    ASSERT_TRUE(db) << db.error().message.toStdString();
    EXPECT_EQ(*pgschema::version(*db), 0);
    ASSERT_TRUE(pgschema::migrate(*db, 1));
    EXPECT_EQ(*pgschema::version(*db), 1);
    ASSERT_TRUE(pgschema::migrate(*db));
    EXPECT_EQ(*pgschema::version(*db), pgschema::currentVersion);
    ASSERT_TRUE(pgschema::migrate(*db)); // nothing left to do

    pgExec("INSERT INTO schema_version(version) VALUES (99)", QStringLiteral("migrations"));
    SimulatedClock clock{Timestamp{0}};
    auto room = Room::create(pgCluster()->uri(QStringLiteral("migrations")) + QStringLiteral("?room=r"), {},
                             RoomMode::Live, clock);
    ASSERT_FALSE(room);
    EXPECT_TRUE(room.error().message.contains(QStringLiteral("newer"))) << room.error().message.toStdString();
}

TEST(PgServer, AServerThatStopsIsNamedWithWhatToDoAndNothingCrashes)
{
    if (!pgClusterMissing().isEmpty())
        GTEST_SKIP() << pgClusterMissing().toStdString();
    auto own = std::make_unique<PgCluster>(); // a server of its own, to stop
    ASSERT_TRUE(own->start().isEmpty());
    const QString server = QStringLiteral("127.0.0.1:%1/postgres").arg(own->port());
    SimulatedClock clock{Timestamp{0}};
    auto room = Room::create(own->uri() + QStringLiteral("?room=r"), {}, RoomMode::Live, clock);
    ASSERT_TRUE(room) << room.error().message.toStdString();
    ASSERT_TRUE((*room)->append(notes(1, 2)));
    own.reset();
    for (int attempt = 0; attempt < 2; ++attempt) {
        auto appended = (*room)->append(notes(3, 3));
        ASSERT_FALSE(appended);
        EXPECT_TRUE(appended.error().message.contains(server)) << appended.error().message.toStdString();
        EXPECT_TRUE(appended.error().message.contains(QStringLiteral("Check that it runs")))
            << appended.error().message.toStdString();
        auto read = (*room)->store().read(EntryQuery{});
        ASSERT_FALSE(read);
        EXPECT_TRUE(read.error().message.contains(server)) << read.error().message.toStdString();
    }
    EXPECT_EQ((*room)->store().lastSeq(), 2);
}

TEST(PgSchema, TwoDesksCreatingRoomsInAFreshDatabaseAtOnceBothSucceed)
{
    if (!pgClusterMissing().isEmpty())
        GTEST_SKIP() << pgClusterMissing().toStdString();
    pgExec("CREATE DATABASE race");
    SimulatedClock clock{Timestamp{0}};
    QString errors[2];
    auto create = [&clock](const QString &url, QString *error) {
        auto room = Room::create(url, {}, RoomMode::Live, clock);
        if (!room)
            *error = room.error().message;
    };
    const QString urlA = pgCluster()->uri(QStringLiteral("race")) + QStringLiteral("?room=a");
    const QString urlB = pgCluster()->uri(QStringLiteral("race")) + QStringLiteral("?room=b");
    std::thread a(create, urlA, &errors[0]);
    std::thread b(create, urlB, &errors[1]);
    a.join();
    b.join();
    EXPECT_TRUE(errors[0].isEmpty()) << errors[0].toStdString();
    EXPECT_TRUE(errors[1].isEmpty()) << errors[1].toStdString();
}

TEST(PgServer, AnUnreachableServerIsNamedWithWhatToDo)
{
    // Port 1: nothing listens there.
    const QString url = QStringLiteral("postgresql://127.0.0.1:1/vigie?room=r&connect_timeout=2");
    SimulatedClock clock{Timestamp{0}};
    auto room = Room::open(url, clock);
    ASSERT_FALSE(room);
    EXPECT_TRUE(room.error().message.contains(QStringLiteral("127.0.0.1:1/vigie")))
        << room.error().message.toStdString();
    EXPECT_TRUE(room.error().message.contains(QStringLiteral("Check"))) << room.error().message.toStdString();
}

namespace {

using vigie::test::CliRun;

CliRun cli(const QStringList &args, const QByteArray &input = {})
{
    return vigie::test::runCli(args, input);
}

} // namespace

TEST(PgCli, CommandsWorkOnARoomUrl)
{
    if (!pgClusterMissing().isEmpty())
        GTEST_SKIP() << pgClusterMissing().toStdString();
    const QString url = pgCluster()->uri() + QStringLiteral("?room=cli");
    const CliRun created =
        cli({QStringLiteral("room"), QStringLiteral("create"), url, QStringLiteral("--name"),
             QStringLiteral("Salle PCC"), QStringLiteral("--exercise")});
    ASSERT_EQ(created.code, 0) << created.err.toStdString();
    EXPECT_TRUE(created.out.contains("exercise room \"Salle PCC\"")) << created.out.toStdString();

    const QByteArray input =
        R"({"kind":"note","time":"2026-07-14T21:00:00+02:00","author":"PCC","data":{"text":"ouverture"}})"
        "\n"
        R"({"kind":"incident.open","time":"2026-07-14T21:02:00+02:00","author":"CTA","agency":"fire","data":{"incident":"I1","severity":2},"geo":{"type":"Point","coordinates":[5.37,43.29]}})"
        "\n"
        "not json\n";
    const CliRun appended = cli({QStringLiteral("append"), url}, input);
    EXPECT_EQ(appended.code, 3) << appended.err.toStdString();
    EXPECT_TRUE(appended.out.contains("2 entries committed, 1 lines quarantined"))
        << appended.out.toStdString();

    const CliRun log =
        cli({QStringLiteral("log"), url, QStringLiteral("--kind"), QStringLiteral("incident.open")});
    ASSERT_EQ(log.code, 0) << log.err.toStdString();
    const QJsonObject entry = QJsonDocument::fromJson(log.out.trimmed()).object();
    EXPECT_EQ(entry.value(QStringLiteral("seq")).toInt(), 2);
    EXPECT_EQ(entry.value(QStringLiteral("mode")).toString(), QStringLiteral("exercise"));

    const CliRun verify = cli({QStringLiteral("verify"), url});
    EXPECT_EQ(verify.code, 0) << verify.err.toStdString();
    EXPECT_TRUE(verify.out.contains("OK: 2 entries")) << verify.out.toStdString();

    const CliRun picture = cli({QStringLiteral("picture"), url});
    ASSERT_EQ(picture.code, 0) << picture.err.toStdString();
    const QJsonObject pic = QJsonDocument::fromJson(picture.out).object();
    EXPECT_EQ(pic.value(QStringLiteral("incidents")).toArray().size(), 1);
    EXPECT_EQ(pic.value(QStringLiteral("room")).toString(), QStringLiteral("Salle PCC"));

    const CliRun quarantine = cli({QStringLiteral("quarantine"), url});
    ASSERT_EQ(quarantine.code, 0);
    EXPECT_EQ(quarantine.out.trimmed().split('\n').size(), 1);

    const CliRun secret =
        cli({QStringLiteral("log"), QStringLiteral("postgresql://u:pw@127.0.0.1/x?room=cli")});
    EXPECT_NE(secret.code, 0);
    EXPECT_TRUE(secret.err.contains(".pgpass")) << secret.err.toStdString();
}

TEST(PgServer, TheServerChainsAndADeskChecksEveryHashItIsGiven)
{
    if (!pgClusterMissing().isEmpty())
        GTEST_SKIP() << pgClusterMissing().toStdString();
    pgExec("CREATE DATABASE chaining");
    const QString url = pgCluster()->uri(QStringLiteral("chaining")) + QStringLiteral("?room=c");
    const RoomInfo info{QUuid::createUuid().toString(QUuid::WithoutBraces), QStringLiteral("c"),
                        RoomMode::Live, Timestamp{1784055600000}};
    auto store = PgLogStore::create(*parsePgUrl(url), info, "key");
    ASSERT_TRUE(store) << store.error().message.toStdString();

    // One id twice in a batch nothing of which is stored yet: one entry, given back twice.
    Entry twice = note(1784056000000, QStringLiteral("deux fois"));
    twice.id = newEntryId();
    auto first = (*store)->append({twice, note(1784056001000, QStringLiteral("une fois")), twice});
    ASSERT_TRUE(first) << first.error().message.toStdString();
    ASSERT_EQ(first->size(), 3u);
    EXPECT_EQ((*first)[0].seq, 1);
    EXPECT_EQ((*first)[1].seq, 2);
    EXPECT_EQ((*first)[2].seq, 1);
    EXPECT_EQ((*first)[2].hash, (*first)[0].hash);
    EXPECT_EQ((*store)->lastSeq(), 2);
    EXPECT_TRUE((*store)->verify()->intact());

    // A server whose chaining is not the canonical form's (here: the seq off by one in what it hashes) is
    // named as a fault, never taken at its word.
    pgExec("DO $$ DECLARE d text := pg_get_functiondef('vigie_append_chain'::regproc); BEGIN "
           "EXECUTE replace(d, '|| s::text,', '|| (s + 1)::text,'); END $$",
           QStringLiteral("chaining"));
    auto wrong = (*store)->append({note(1784056002000, QStringLiteral("mal chaînée"))});
    ASSERT_FALSE(wrong);
    EXPECT_TRUE(wrong.error().message.contains(QStringLiteral("vigie-cli verify")))
        << wrong.error().message.toStdString();
    EXPECT_FALSE((*store)->verify()->intact());
}
