// Ingestion into a real room: dedupe of replayed messages, and no personal data readable in the file.
#include "feeds/ingestor.h"
#include "store/schema.h"
#include "store/sqlite_db.h"
#include "store/sqlite_log_store.h"
#include "test_util.h"

#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>

using namespace vigie;
using namespace vigie::feeds;

namespace {

QByteArray cap(const QString &id, const QString &headline, const QString &description,
               const QByteArray &status = "Actual")
{
    return QStringLiteral(
               "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"><identifier>%1</identifier>"
               "<sender>cta@bmpm.fr</sender><sent>2026-07-14T21:05:00+02:00</sent><status>%4</status>"
               "<msgType>Alert</msgType><scope>Public</scope><info><category>Fire</category><event>Feu</"
               "event>"
               "<urgency>Immediate</urgency><severity>Severe</severity><certainty>Observed</certainty>"
               "<headline>%2</headline><description>%3</description><area><areaDesc>x</areaDesc>"
               "<circle>43.29,5.37 0.1</circle></area></info></alert>")
        .arg(id, headline.toHtmlEscaped(), description.toHtmlEscaped(), QString::fromLatin1(status))
        .toUtf8();
}

} // namespace

TEST(Ingestor, ReplayedMessageIsStoredOnceAndCounted)
{
    test::TempRoom t;
    const FeedRegistry registry;
    Ingestor ingestor(*t.room, registry);
    const FeedContext context{QStringLiteral("gateway"), RoomMode::Live, {}, {}, {}};
    const QByteArray alert = cap(QStringLiteral("A1"), QStringLiteral("Feu"), QStringLiteral("Quai"));
    for (int i = 0; i < 5; ++i) {
        auto r = ingestor.ingest(alert, context);
        ASSERT_TRUE(r.ok()) << r.error().message.toStdString();
        EXPECT_EQ(r->stored, i == 0 ? 1 : 0);
        EXPECT_EQ(r->duplicates, i == 0 ? 0 : 1);
    }
    EXPECT_EQ(t.room->store().lastSeq(), 1);
    // Counting and storing are one transaction; the same key twice in one batch is stored once.
    std::vector<FeedArrival> twice(2);
    for (auto &a : twice) {
        a.key = QStringLiteral("probe");
        a.source = QStringLiteral("x");
        a.drafts.push_back(test::note(1000, QStringLiteral("probe")));
    }
    auto counted = t.room->appendFeed(std::move(twice));
    ASSERT_TRUE(counted.ok()) << counted.error().message.toStdString();
    EXPECT_EQ(counted->arrivals, (std::vector<qint64>{1, 2}));
    EXPECT_EQ(counted->appended.size(), 1u);
    EXPECT_EQ(t.room->store().lastSeq(), 2);
}

TEST(Ingestor, RepeatCountsSurviveTheMovesOfFeedSeen)
{
    test::TempRoom t;
    auto arrival = [](const QString &key, qint64 time) {
        std::vector<FeedArrival> one(1);
        one[0].key = key;
        one[0].source = QStringLiteral("gateway");
        one[0].drafts.push_back(test::note(time, key));
        return one;
    };
    ASSERT_TRUE(t.room->appendFeed(arrival(QStringLiteral("k1"), 1000)).ok());
    const QString path = t.path();
    t.room.reset();
    {
        // Back to schema 6: feed_seen as the rowid table it was, holding a message seen 4 times.
        auto db = sql::Database::open(path, sql::Database::Mode::ReadWrite);
        ASSERT_TRUE(db);
        ASSERT_TRUE(
            db->exec("DROP TABLE feed_seen; CREATE TABLE feed_seen(key TEXT PRIMARY KEY, "
                     "source TEXT NOT NULL, first_seen INTEGER NOT NULL, last_seen INTEGER NOT NULL, "
                     "count INTEGER NOT NULL); INSERT INTO feed_seen VALUES ('k1', 'gateway', 5, 6, 4); "
                     "PRAGMA user_version = 6;"))
            << db->lastError().toStdString();
    }
    auto reopened = Room::open(path, t.clock);
    ASSERT_TRUE(reopened) << reopened.error().message.toStdString();
    t.room = std::move(*reopened);
    {
        auto db = sql::Database::open(path, sql::Database::Mode::ReadOnly);
        ASSERT_TRUE(db);
        auto v = schema::version(*db);
        ASSERT_TRUE(v);
        EXPECT_EQ(*v, schema::currentVersion);
        auto ddl = db->prepare("SELECT sql FROM sqlite_master WHERE name = 'feed_seen'");
        ASSERT_TRUE(ddl);
        ASSERT_EQ(ddl->step(), sql::Statement::Step::Row);
        EXPECT_TRUE(ddl->text(0).contains(QStringLiteral("id INTEGER PRIMARY KEY")))
            << ddl->text(0).toStdString();
        EXPECT_FALSE(ddl->text(0).contains(QStringLiteral("WITHOUT ROWID"))) << ddl->text(0).toStdString();
    }
    auto again = t.room->appendFeed(arrival(QStringLiteral("k1"), 2000));
    ASSERT_TRUE(again.ok()) << again.error().message.toStdString();
    EXPECT_EQ(again->arrivals, std::vector<qint64>{5});
    EXPECT_TRUE(again->appended.empty());
    auto fresh = t.room->appendFeed(arrival(QStringLiteral("k2"), 3000));
    ASSERT_TRUE(fresh.ok()) << fresh.error().message.toStdString();
    EXPECT_EQ(fresh->arrivals, std::vector<qint64>{1});
    EXPECT_EQ(fresh->appended.size(), 1u);
}

// feed_seen has no index on its key: each store finds keys in memory. Two processes on one room still store a
// message once (each reads the other's rows under the write lock), and a batch rolled back forgets its keys.
TEST(Ingestor, KeysSeenByAnotherConnectionOrRolledBackAreCountedRight)
{
    test::TempRoom t;
    auto arrival = [](const QString &key, qint64 time, const QString &kind = QStringLiteral("note")) {
        std::vector<FeedArrival> one(1);
        one[0].key = key;
        one[0].source = QStringLiteral("gateway");
        one[0].drafts.push_back(test::note(time, key));
        one[0].drafts.back().kind = kind;
        return one;
    };
    auto other = Room::open(t.path(), t.clock);
    ASSERT_TRUE(other) << other.error().message.toStdString();
    // Both have read feed_seen once; then each notes a key the other has not seen.
    ASSERT_TRUE(t.room->appendFeed(arrival(QStringLiteral("k0"), 1000)).ok());
    ASSERT_TRUE((*other)->appendFeed(arrival(QStringLiteral("k0"), 1100)).ok());
    const QString hexKey = QString(64, u'a');
    ASSERT_TRUE(t.room->appendFeed(arrival(hexKey, 2000)).ok());
    ASSERT_TRUE((*other)->appendFeed(arrival(QStringLiteral("k1"), 2100)).ok());
    auto seenHere = t.room->appendFeed(arrival(QStringLiteral("k1"), 3000));
    ASSERT_TRUE(seenHere.ok()) << seenHere.error().message.toStdString();
    EXPECT_EQ(seenHere->arrivals, std::vector<qint64>{2});
    EXPECT_TRUE(seenHere->appended.empty());
    auto seenThere = (*other)->appendFeed(arrival(hexKey, 3100));
    ASSERT_TRUE(seenThere.ok()) << seenThere.error().message.toStdString();
    EXPECT_EQ(seenThere->arrivals, std::vector<qint64>{2});
    auto k0 = t.room->appendFeed(arrival(QStringLiteral("k0"), 3200));
    ASSERT_TRUE(k0.ok());
    EXPECT_EQ(k0->arrivals, std::vector<qint64>{3});

    // A batch that fails after noting its key leaves nothing, in the file or in memory: the same message
    // arriving again is new.
    {
        auto db = sql::Database::open(t.path(), sql::Database::Mode::ReadWrite);
        ASSERT_TRUE(db);
        ASSERT_TRUE(db->exec("CREATE TRIGGER refuse BEFORE INSERT ON entries WHEN NEW.kind = 'boom' "
                             "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;"))
            << db->lastError().toStdString();
    }
    auto refused = t.room->appendFeed(arrival(QStringLiteral("k2"), 4000, QStringLiteral("boom")));
    ASSERT_FALSE(refused.ok());
    EXPECT_TRUE(refused.error().message.contains(QStringLiteral("refused by the test")))
        << refused.error().message.toStdString();
    auto stored = t.room->appendFeed(arrival(QStringLiteral("k2"), 4100));
    ASSERT_TRUE(stored.ok()) << stored.error().message.toStdString();
    EXPECT_EQ(stored->arrivals, std::vector<qint64>{1});
    EXPECT_EQ(stored->appended.size(), 1u);
    auto elsewhere = (*other)->appendFeed(arrival(QStringLiteral("k2"), 4200));
    ASSERT_TRUE(elsewhere.ok()) << elsewhere.error().message.toStdString();
    EXPECT_EQ(elsewhere->arrivals, std::vector<qint64>{2});
}

// A room fed for days holds millions of messages seen; the store keeps in memory only the most recent by the
// message's own time (setSeenCapacity) and finds an older one by its time in the file: a repeat of any age is
// still counted, never stored twice, from this process, after a restart, or from another process.
TEST(Ingestor, MessagesBeyondTheStoresMemoryAreFoundByTheirTime)
{
    test::TempRoom t;
    auto batch = [](std::initializer_list<std::pair<QString, qint64>> messages) {
        std::vector<FeedArrival> out;
        for (const auto &[key, time] : messages) {
            FeedArrival a;
            a.key = key;
            a.source = QStringLiteral("gateway");
            a.drafts.push_back(test::note(time, key));
            out.push_back(std::move(a));
        }
        return out;
    };
    auto storeOf = [](Room &room) {
        return dynamic_cast<SqliteLogStore *>(&room.store());
    };
    ASSERT_NE(storeOf(*t.room), nullptr);
    storeOf(*t.room)->setSeenCapacity(4);
    for (int i = 0; i < 20; i += 2) {
        auto r = t.room->appendFeed(batch({{QStringLiteral("k%1").arg(i), 1000 * (i + 1)},
                                           {QStringLiteral("k%1").arg(i + 1), 1000 * (i + 2)}}));
        ASSERT_TRUE(r.ok()) << r.error().message.toStdString();
        EXPECT_EQ(r->arrivals, (std::vector<qint64>{1, 1}));
    }
    EXPECT_LE(storeOf(*t.room)->seenInMemory(), 4u);
    // Old and recent repeats alike; a new message older than everything in memory is new.
    auto again = t.room->appendFeed(batch({{QStringLiteral("k3"), 4000},
                                           {QStringLiteral("k19"), 20000},
                                           {QStringLiteral("k0"), 1000},
                                           {QStringLiteral("old"), 500}}));
    ASSERT_TRUE(again.ok()) << again.error().message.toStdString();
    EXPECT_EQ(again->arrivals, (std::vector<qint64>{2, 2, 2, 1}));
    EXPECT_EQ(again->appended.size(), 1u);
    EXPECT_EQ(t.room->store().lastSeq(), 21);
    EXPECT_LE(storeOf(*t.room)->seenInMemory(), 4u);

    // Another process (it reads only the most recent rows at its first batch) and this one after it.
    auto other = Room::open(t.path(), t.clock);
    ASSERT_TRUE(other) << other.error().message.toStdString();
    storeOf(**other)->setSeenCapacity(4);
    auto there = (*other)->appendFeed(batch({{QStringLiteral("k5"), 6000}, {QStringLiteral("late"), 700}}));
    ASSERT_TRUE(there.ok()) << there.error().message.toStdString();
    EXPECT_EQ(there->arrivals, (std::vector<qint64>{2, 1}));
    EXPECT_LE(storeOf(**other)->seenInMemory(), 4u);
    auto here = t.room->appendFeed(batch({{QStringLiteral("late"), 700}, {QStringLiteral("old"), 500}}));
    ASSERT_TRUE(here.ok()) << here.error().message.toStdString();
    EXPECT_EQ(here->arrivals, (std::vector<qint64>{2, 2}));
    EXPECT_TRUE(here->appended.empty());

    // After a restart with the default capacity every message is in memory again, counted as before.
    other->reset();
    const QString path = t.path();
    t.room.reset();
    auto reopened = Room::open(path, t.clock);
    ASSERT_TRUE(reopened) << reopened.error().message.toStdString();
    auto after = (*reopened)->appendFeed(batch({{QStringLiteral("k1"), 2000}, {QStringLiteral("old"), 500}}));
    ASSERT_TRUE(after.ok()) << after.error().message.toStdString();
    EXPECT_EQ(after->arrivals, (std::vector<qint64>{2, 3}));
    EXPECT_EQ((*reopened)->store().lastSeq(), 22);
    EXPECT_EQ(storeOf(**reopened)->seenInMemory(), 22u);
}

TEST(Ingestor, SourceFileNamesAreNotKeptReadable)
{
    test::TempRoom t;
    const FeedRegistry registry;
    Ingestor ingestor(*t.room, registry);
    const QString source = QStringLiteral("/exports/samu/createCase_DUPONT_Jean_0612345678.json");
    const FeedContext context{source, RoomMode::Live, {}, {}, {}};
    ASSERT_TRUE(
        ingestor.ingest(cap(QStringLiteral("N1"), QStringLiteral("Feu"), QStringLiteral("Quai")), context)
            .ok());
    ASSERT_TRUE(ingestor.ingest("not a feed at all", context).ok());
    QByteArray raw;
    for (const QString &suffix : {QString(), QStringLiteral("-wal")}) {
        QFile f(t.path() + suffix);
        if (f.open(QIODevice::ReadOnly))
            raw += f.readAll();
    }
    ASSERT_GT(raw.size(), 1000);
    EXPECT_FALSE(raw.contains("DUPONT"));
    EXPECT_FALSE(raw.contains("createCase_"));
}

TEST(Ingestor, SeededPersonalDataIsNeverReadableInTheRoomFile)
{
    test::TempRoom t;
    const FeedRegistry registry;
    Ingestor ingestor(*t.room, registry);
    QRandomGenerator rng(20260714);
    QStringList seeds;
    auto digits = [&](int n) {
        QString s;
        for (int i = 0; i < n; ++i)
            s += QChar(u'0' + rng.bounded(10));
        return s;
    };
    static const char letters[] = "ABCDEFGHJKLMNPQRSTVWXYZ";
    auto letter = [&] {
        return QChar::fromLatin1(letters[rng.bounded(23)]);
    };
    for (int i = 0; i < 60; ++i) {
        const QString d = QString::number(1 + rng.bounded(9)) + digits(8);
        const QString g = d.mid(1);
        const QStringList forms{
            QStringLiteral("0%1 %2 %3 %4 %5")
                .arg(d[0])
                .arg(g.mid(0, 2), g.mid(2, 2), g.mid(4, 2), g.mid(6, 2)),
            QStringLiteral("0%1.%2.%3.%4.%5")
                .arg(d[0])
                .arg(g.mid(0, 2), g.mid(2, 2), g.mid(4, 2), g.mid(6, 2)),
            QStringLiteral("0%1-%2-%3-%4-%5")
                .arg(d[0])
                .arg(g.mid(0, 2), g.mid(2, 2), g.mid(4, 2), g.mid(6, 2)),
            QStringLiteral("0") + d,
            QStringLiteral("+33 %1 %2 %3 %4 %5")
                .arg(d[0])
                .arg(g.mid(0, 2), g.mid(2, 2), g.mid(4, 2), g.mid(6, 2)),
            QStringLiteral("+33%1").arg(d),
            QStringLiteral("0033 %1 %2").arg(d[0]).arg(g),
            QStringLiteral("+33 (0)%1 %2 %3 %4 %5")
                .arg(d[0])
                .arg(g.mid(0, 2), g.mid(2, 2), g.mid(4, 2), g.mid(6, 2)),
        };
        seeds << forms[i % forms.size()];
    }
    for (int i = 0; i < 50; ++i)
        seeds << QStringLiteral("temoin.%1%2@exemple-%3.fr")
                     .arg(QString(letter()).toLower())
                     .arg(digits(4))
                     .arg(i);
    for (int i = 0; i < 50; ++i) {
        const QString siv = QStringLiteral("%1%2-%3-%4%5")
                                .arg(letter())
                                .arg(letter())
                                .arg(digits(3))
                                .arg(letter())
                                .arg(letter());
        seeds << (i % 3 == 0   ? siv
                  : i % 3 == 1 ? QString(siv).replace(u'-', u' ')
                               : QStringLiteral("%1 %2%3 13").arg(digits(4)).arg(letter()).arg(letter()));
    }
    for (int i = 0; i < 50; ++i) {
        const QString iban = QStringLiteral("FR76") + digits(23);
        QString grouped;
        for (int k = 0; k < iban.size(); k += 4)
            grouped += iban.mid(k, 4) + u' ';
        seeds << (i % 2 ? iban : grouped.trimmed());
    }
    ASSERT_GE(seeds.size(), 200);

    // Spread the seeds over every text-bearing format, and some into refused input (the quarantine).
    const FeedContext context{QStringLiteral("corpus"), RoomMode::Live, QStringLiteral("fire"), {}, {}};
    QByteArray csv = "time;text;author\n";
    QByteArray geojson = R"({"type":"FeatureCollection","features":[)";
    for (int i = 0; i < seeds.size(); ++i) {
        const QString s = seeds[i];
        const QString text = QStringLiteral("Appelant joignable au %1, voir aussi").arg(s);
        switch (i % 5) {
        case 0:
            ASSERT_TRUE(ingestor.ingest(cap(QStringLiteral("S%1").arg(i), s, text), context).ok());
            break;
        case 1:
            ASSERT_TRUE(ingestor
                            .ingest(QStringLiteral(
                                        R"({"emsi":{"CONTEXT":{"ID":"E%1","MODE":"ACTUAL","MSGTYPE":"ALERT",
                "CREATION":"2026-07-14T21:00:00+02:00","FREETEXT":"%2"},"EVENT":{"ID":"EV%1","NAME":"%3"}}})")
                                        .arg(i)
                                        .arg(text, s)
                                        .toUtf8(),
                                    context)
                            .ok());
            break;
        case 2:
            csv += QStringLiteral("2026-07-14T21:%1:00+02:00;\"%2\";%3\n")
                       .arg(i % 60, 2, 10, QChar(u'0'))
                       .arg(text, s)
                       .toUtf8();
            break;
        case 3:
            geojson +=
                QStringLiteral(
                    R"(%1{"type":"Feature","id":"g%2","geometry":{"type":"Point","coordinates":[5.37,43.29]},
                "properties":{"time":"2026-07-14T21:00:00+02:00","type":"fumée","title":"%3"}})")
                    .arg(i > 3 ? QStringLiteral(",") : QString())
                    .arg(i)
                    .arg(text)
                    .toUtf8();
            break;
        case 4: // refused (bad status), kept in the quarantine
            ASSERT_TRUE(ingestor.ingest(cap(QStringLiteral("Q%1").arg(i), s, text, "Rumour"), context).ok());
            break;
        }
    }
    geojson += "]}";
    auto c = ingestor.ingest(csv, context, QStringLiteral("csv"));
    ASSERT_TRUE(c.ok());
    EXPECT_EQ(c->rejected, 0) << c->reasons.join(u"; ").toStdString();
    auto g = ingestor.ingest(geojson, context, QStringLiteral("geojson"));
    ASSERT_TRUE(g.ok());
    EXPECT_EQ(g->rejected, 0) << g->reasons.join(u"; ").toStdString();
    auto q = t.room->store().quarantined();
    ASSERT_TRUE(q.ok());
    EXPECT_GE(q->size(), 40u);
    EXPECT_GT(t.room->store().lastSeq(), 150);

    // Raw bytes of the room file and its WAL while the room is open (the WAL holds the recent pages).
    QByteArray raw;
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-journal")}) {
        QFile f(t.path() + suffix);
        if (f.open(QIODevice::ReadOnly))
            raw += f.readAll();
    }
    ASSERT_GT(raw.size(), 10000);
    int readable = 0;
    for (const QString &s : seeds) {
        QString compact = s;
        compact.remove(QRegularExpression(QStringLiteral("[ .\\-()]")));
        if (raw.contains(s.toUtf8()) || raw.contains(compact.toUtf8())) {
            ++readable;
            ADD_FAILURE() << "readable in the room file: " << s.toStdString();
        }
    }
    EXPECT_EQ(readable, 0);
}

TEST(Ingestor, PausedFeedIsSetAsideUntilResumedAndTheLogSaysWhoPausedIt)
{
    test::TempRoom t;
    const FeedRegistry registry;
    Ingestor ingestor(*t.room, registry);
    FeedContext fire{QStringLiteral("vigie/fire/cap"), RoomMode::Live, {}, {}, {}};
    fire.sourceLabel = QStringLiteral("mqtt:vigie/fire/cap");
    FeedContext police = fire;
    police.source = QStringLiteral("vigie/police/cap");
    police.sourceLabel = QStringLiteral("mqtt:vigie/police/cap");
    const auto alert = [](int n) {
        return cap(QStringLiteral("P%1").arg(n), QStringLiteral("Feu"), QStringLiteral("Quai"));
    };

    ASSERT_TRUE(t.room
                    ->append({feedControlDraft(fire.sourceLabel, true, QStringLiteral("cos.nord"),
                                               Timestamp{1'784'000'000'000})})
                    .ok());
    auto held = ingestor.ingest(alert(1), fire);
    ASSERT_TRUE(held.ok()) << held.error().message.toStdString();
    EXPECT_EQ(held->held, 1);
    EXPECT_EQ(held->stored, 0);
    EXPECT_EQ(held->entries, 0);
    auto other = ingestor.ingest(alert(2), police); // only the paused feed is held
    ASSERT_TRUE(other.ok());
    EXPECT_EQ(other->stored, 1);
    EXPECT_EQ(other->held, 0);

    auto quarantined = t.room->store().quarantined();
    ASSERT_TRUE(quarantined.ok());
    ASSERT_EQ(quarantined->size(), 1u);
    EXPECT_EQ(quarantined->front().source, fire.sourceLabel);
    EXPECT_TRUE(quarantined->front().reason.contains(QStringLiteral("paused by cos.nord")))
        << quarantined->front().reason.toStdString();
    EXPECT_TRUE(quarantined->front().input.contains("<identifier>P1</identifier>")) << "kept whole";

    ASSERT_TRUE(t.room
                    ->append({feedControlDraft(fire.sourceLabel, false, QStringLiteral("cos.nord"),
                                               Timestamp{1'784'000'060'000})})
                    .ok());
    auto resumed = ingestor.ingest(alert(3), fire);
    ASSERT_TRUE(resumed.ok());
    EXPECT_EQ(resumed->held, 0);
    EXPECT_EQ(resumed->stored, 1);

    // A control entry must name a feed and say pause or resume.
    Entry bad = feedControlDraft(fire.sourceLabel, true, QStringLiteral("x"), Timestamp{1'784'000'000'000});
    bad.data.insert(QStringLiteral("action"), QStringLiteral("stop"));
    EXPECT_FALSE(t.room->append({bad}).ok());
}

TEST(Ingestor, FeedCommandPausesListsAndResumes)
{
    test::TempRoom t;
    const QString room = t.path();
    t.room.reset(); // the command owns the room while it runs
    const auto run = [&room](const QStringList &args, QString *out = nullptr) {
        QProcess cli;
        cli.start(QStringLiteral(VIGIE_CLI), QStringList{QStringLiteral("feed"), room} + args);
        if (!cli.waitForFinished(60000))
            return -1;
        if (out)
            *out = QString::fromUtf8(cli.readAllStandardOutput() + cli.readAllStandardError());
        return cli.exitCode();
    };
    const QString feed = QStringLiteral("mqtt:vigie/samu/emsi");
    QString out;
    EXPECT_EQ(
        run({feed, QStringLiteral("pause"), QStringLiteral("--author"), QStringLiteral("samu.liaison")}), 0);
    EXPECT_EQ(run({}, &out), 0);
    EXPECT_TRUE(out.contains(feed + QStringLiteral("\tpaused by samu.liaison"))) << out.toStdString();
    EXPECT_NE(run({feed, QStringLiteral("pause")}, &out), 0);
    EXPECT_TRUE(out.contains(QStringLiteral("already paused"))) << out.toStdString();
    EXPECT_NE(run({feed, QStringLiteral("stop")}, &out), 0);
    EXPECT_TRUE(out.contains(QStringLiteral("neither pause nor resume"))) << out.toStdString();
    EXPECT_EQ(run({feed, QStringLiteral("resume")}), 0);
    EXPECT_EQ(run({}, &out), 0);
    EXPECT_TRUE(out.trimmed().isEmpty()) << out.toStdString();
}

// A log whose end was cut (a file restored from an older copy) keeps no record of its lost messages as seen:
// ingesting the same files again stores them again, and verify reports the cut meanwhile.
class IngestAfterCut : public testing::TestWithParam<int>
{
};

TEST_P(IngestAfterCut, MessagesOfTheLostEntriesAreStoredAgain)
{
    const int cut = GetParam();
    test::TempRoom t;
    const FeedRegistry registry;
    const FeedContext context{QStringLiteral("gateway"), RoomMode::Live, {}, {}, {}};
    std::vector<QByteArray> alerts;
    for (int i = 0; i < 120; ++i)
        alerts.push_back(
            cap(QStringLiteral("A%1").arg(i), QStringLiteral("Feu %1").arg(i), QStringLiteral("Quai")));
    auto ingestAll = [&](Room &room) {
        Ingestor ingestor(room, registry);
        qint64 stored = 0;
        for (std::size_t first = 0; first < alerts.size(); first += 40) {
            std::vector<FeedInput> batch;
            for (std::size_t i = first; i < first + 40; ++i)
                batch.push_back({alerts[i], context, {}});
            auto r = ingestor.ingestAll(std::move(batch));
            EXPECT_TRUE(r.ok()) << r.error().message.toStdString();
            stored += r ? r->stored : 0;
        }
        return stored;
    };
    EXPECT_EQ(ingestAll(*t.room), 120);
    const qint64 last = t.room->store().lastSeq();
    auto before = t.room->picture();
    ASSERT_TRUE(before.ok());
    t.room.reset();
    {
        auto db = sql::Database::open(t.path(), sql::Database::Mode::ReadWrite);
        ASSERT_TRUE(db);
        ASSERT_TRUE(
            db->exec(QByteArray("DELETE FROM entries WHERE seq > ") + QByteArray::number(last - cut)));
    }
    auto reopened = Room::open(t.path(), t.clock);
    ASSERT_TRUE(reopened.ok());
    auto report = (*reopened)->verify();
    ASSERT_TRUE(report.ok());
    EXPECT_FALSE(report->intact());
    EXPECT_EQ(*report->firstBadSeq, last - cut + 1);

    // Only the messages whose entries were lost are new again; the others stay duplicates.
    const qint64 restored = ingestAll(**reopened);
    EXPECT_GE(restored, 1);
    EXPECT_LE(restored, cut);
    auto after = (*reopened)->picture();
    ASSERT_TRUE(after.ok());
    EXPECT_EQ(after->incidents.size(), before->incidents.size());
    for (const auto &[id, incident] : before->incidents)
        EXPECT_TRUE(after->incidents.contains(id)) << id.toStdString();
    EXPECT_EQ(ingestAll(**reopened), 0) << "a third pass stores nothing";
}

INSTANTIATE_TEST_SUITE_P(LastEntries, IngestAfterCut, testing::Values(1, 10, 100));
