// Feed health as the Feeds dock reads it: distinct messages, repeats, recent rate, refused input per source.
#include "feeds/feed_health.h"
#include "feeds/ingestor.h"
#include "store/feed_stats.h"
#include "test_util.h"

using namespace vigie;
using namespace vigie::feeds;

namespace {

QByteArray cap(const QString &id)
{
    return QStringLiteral(
               "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"><identifier>%1</identifier>"
               "<sender>cta@bmpm.fr</sender><sent>2026-07-14T21:05:00+02:00</sent><status>Actual</status>"
               "<msgType>Alert</msgType><scope>Public</scope><info><category>Fire</category><event>Feu</"
               "event>"
               "<urgency>Immediate</urgency><severity>Severe</severity><certainty>Observed</certainty>"
               "<headline>Feu de véhicule</headline><area><areaDesc>Quai</areaDesc>"
               "<circle>43.29,5.37 0.1</circle></area></info></alert>")
        .arg(id)
        .toUtf8();
}

const FeedSourceStats *find(const std::vector<FeedSourceStats> &all, const QString &source)
{
    for (const auto &s : all)
        if (s.source == source)
            return &s;
    return nullptr;
}

} // namespace

TEST(FeedStats, CountsMessagesRepeatsAndRefusalsPerSource)
{
    test::TempRoom t;
    const FeedRegistry registry;
    Ingestor ingestor(*t.room, registry);
    const FeedContext topic{
        QStringLiteral("vigie/fire/cap"), RoomMode::Live, {}, {}, QStringLiteral("vigie/fire/cap")};
    for (const char *id : {"A1", "A2"}) {
        auto r = ingestor.ingest(cap(QString::fromLatin1(id)), topic);
        ASSERT_TRUE(r.ok()) << r.error().message.toStdString();
        ASSERT_EQ(r->stored, 1) << r->reasons.join(u'\n').toStdString();
    }
    t.clock.advance(10 * 60 * 1000); // ten minutes later, a gateway replays one and sends a new one
    ASSERT_TRUE(ingestor.ingest(cap(QStringLiteral("A2")), topic).ok());
    ASSERT_TRUE(ingestor.ingest(cap(QStringLiteral("A3")), topic).ok());
    auto refused = ingestor.ingest("<alert>truncated", topic);
    ASSERT_TRUE(refused.ok());
    EXPECT_EQ(refused->rejected, 1);

    const Timestamp since{t.clock.now().msecs - 5 * 60 * 1000};
    auto stats = feedStats(t.path(), since);
    ASSERT_TRUE(stats.ok()) << stats.error().message.toStdString();
    const FeedSourceStats *s = find(*stats, QStringLiteral("vigie/fire/cap"));
    ASSERT_NE(s, nullptr);
    EXPECT_EQ(s->messages, 3);
    EXPECT_EQ(s->arrivals, 4);
    EXPECT_EQ(s->repeats(), 1);
    EXPECT_EQ(s->recent, 2); // the replayed one and the new one arrived within the window
    EXPECT_EQ(s->quarantined, 1);
    EXPECT_EQ(s->lastSeen, t.clock.now());
    EXPECT_LT(s->firstSeen, s->lastSeen);
}

TEST(FeedStats, AnEmptyRoomHasNoFeed)
{
    test::TempRoom t;
    auto stats = feedStats(t.path(), t.clock.now());
    ASSERT_TRUE(stats.ok());
    EXPECT_TRUE(stats->empty());
}

// The dock's statistics, kept from the entries and the quarantine rows as they arrive, agree with the room
// file's bookkeeping; repeats come from the store, and read nothing on a store that does not know them.
TEST(FeedHealth, FollowsEntriesAndQuarantineAndAgreesWithTheBookkeeping)
{
    test::TempRoom t;
    const FeedRegistry registry;
    Ingestor ingestor(*t.room, registry);
    const FeedContext topic{
        QStringLiteral("vigie/fire/cap"), RoomMode::Live, {}, {}, QStringLiteral("vigie/fire/cap")};
    FeedHealth health(5 * 60 * 1000);
    auto follow = [&] {
        // What a console does: the new entries (here read, there handed by PictureManager), the new
        // quarantine rows, the repeats.
        EntryQuery after;
        after.afterSeq = health.appliedUpTo();
        auto fresh = t.room->store().read(after);
        ASSERT_TRUE(fresh);
        health.apply(*fresh);
        ASSERT_TRUE(health.readQuarantine(t.room->store()));
        ASSERT_TRUE(health.readRepeats(t.room->store()));
    };
    for (const char *id : {"A1", "A2"})
        ASSERT_TRUE(ingestor.ingest(cap(QString::fromLatin1(id)), topic));
    follow();
    auto rows = health.rows(t.clock.now());
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].messages, 2);
    EXPECT_EQ(rows[0].recent, 2);
    EXPECT_EQ(rows[0].repeats, std::optional<qint64>(0));

    t.clock.advance(10 * 60 * 1000);
    ASSERT_TRUE(ingestor.ingest(cap(QStringLiteral("A2")), topic));
    ASSERT_TRUE(ingestor.ingest(cap(QStringLiteral("A3")), topic));
    ASSERT_TRUE(ingestor.ingest("<alert>truncated", topic));
    follow();
    rows = health.rows(t.clock.now());
    auto reference = feedStats(t.path(), Timestamp{t.clock.now().msecs - 5 * 60 * 1000});
    ASSERT_TRUE(reference);
    const FeedSourceStats *s = find(*reference, QStringLiteral("vigie/fire/cap"));
    ASSERT_NE(s, nullptr);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].source, s->source);
    EXPECT_EQ(rows[0].messages, s->messages);
    EXPECT_EQ(rows[0].repeats, std::optional<qint64>(s->repeats()));
    EXPECT_EQ(rows[0].quarantined, s->quarantined);
    EXPECT_EQ(rows[0].lastMessage, s->lastSeen);
    EXPECT_EQ(rows[0].recent, 1) << "the new message; the replayed one was counted in its window already";
    ASSERT_EQ(health.latestRefused(s->source).size(), 1u);
    EXPECT_EQ(rows[0].lastRefused, t.clock.now());

    // Entries that do not follow the last one applied are left for catchUp, which reads them.
    FeedHealth late(5 * 60 * 1000);
    auto all = t.room->store().read(EntryQuery{});
    ASSERT_TRUE(all);
    late.apply({all->back()});
    EXPECT_EQ(late.appliedUpTo(), 0);
    auto caughtUp = late.catchUp(t.room->store(), t.room->store().lastSeq(), 2);
    ASSERT_TRUE(caughtUp);
    EXPECT_FALSE(*caughtUp) << "at most 2 entries a step";
    while (!*caughtUp)
        caughtUp = late.catchUp(t.room->store(), t.room->store().lastSeq(), 2);
    EXPECT_EQ(late.rows(t.clock.now()).front().messages, 3);
}
