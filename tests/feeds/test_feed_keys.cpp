// Feed message keys are keyed with the room's secret, and deduplication holds across restarts and for
// messages counted under the unkeyed keys of older versions.
#include "feeds/ingestor.h"
#include "test_util.h"

#include <QCryptographicHash>

using namespace vigie;
using namespace vigie::feeds;

namespace {

QByteArray alert(const QString &id)
{
    return QStringLiteral(
               "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"><identifier>%1</identifier>"
               "<sender>06.12.34.56.78@sdis13.fr</sender><sent>2026-07-14T21:05:00+02:00</sent>"
               "<status>Actual</status><msgType>Alert</msgType><scope>Public</scope><info><category>Fire"
               "</category><event>Feu</event><urgency>Immediate</urgency><severity>Severe</severity>"
               "<certainty>Observed</certainty><headline>Feu</headline><area><areaDesc>x</areaDesc>"
               "<circle>43.29,5.37 0.1</circle></area></info></alert>")
        .arg(id)
        .toUtf8();
}

// The message key the CAP mapping gives an alert without envelope.
QString messageKey(const QString &id)
{
    return QStringLiteral("cap:06.12.34.56.78@sdis13.fr/") + id;
}

QString unkeyed(const QString &key)
{
    return QString::fromLatin1(QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256).toHex());
}

const FeedContext context{QStringLiteral("gateway"), RoomMode::Live, {}, {}, QStringLiteral("gateway")};

} // namespace

TEST(FeedKeys, AreKeyedWithTheRoomsSecretNotAPlainHashOfTheIdentity)
{
    const FeedRegistry registry;
    test::TempRoom a, b;
    Ingestor toA(*a.room, registry), toB(*b.room, registry);
    auto inA = toA.ingest(alert(QStringLiteral("K1")), context);
    auto inB = toB.ingest(alert(QStringLiteral("K1")), context);
    ASSERT_TRUE(inA.ok() && inB.ok());
    ASSERT_EQ(inA->appended.size(), 1u);
    ASSERT_EQ(inB->appended.size(), 1u);
    const QString keyA = inA->appended.front().data.value(u"feed_key").toString();
    const QString keyB = inB->appended.front().data.value(u"feed_key").toString();
    EXPECT_EQ(keyA.size(), 16);
    EXPECT_NE(keyA, unkeyed(messageKey(QStringLiteral("K1"))).left(16)) << "recomputable from a guess";
    EXPECT_NE(keyA, keyB) << "two rooms, two secrets";
    EXPECT_EQ(keyA, a.room->anonymiser().feedKey(messageKey(QStringLiteral("K1"))).left(16));
}

TEST(FeedKeys, ARepeatIsRecognisedAfterARestart)
{
    const FeedRegistry registry;
    test::TempRoom t;
    {
        Ingestor ingestor(*t.room, registry);
        auto first = ingestor.ingest(alert(QStringLiteral("R1")), context);
        ASSERT_TRUE(first.ok());
        EXPECT_EQ(first->stored, 1);
    }
    t.room.reset();
    auto reopened = Room::open(t.path(), t.clock);
    ASSERT_TRUE(reopened.ok()) << reopened.error().message.toStdString();
    Ingestor again(**reopened, registry);
    auto second = again.ingest(alert(QStringLiteral("R1")), context);
    ASSERT_TRUE(second.ok());
    EXPECT_EQ(second->stored, 0);
    EXPECT_EQ(second->duplicates, 1);
    EXPECT_EQ(second->maxRepeat, 2);
}

TEST(FeedKeys, AMessageCountedUnderItsUnkeyedKeyStaysARepeat)
{
    const FeedRegistry registry;
    test::TempRoom t;
    // What an older version stored: the message's drafts under the plain SHA-256 of its key.
    FeedBatch parsed = CapAdapter().parse(alert(QStringLiteral("OLD1")), context);
    ASSERT_EQ(parsed.messages.size(), 1u);
    FeedArrival old;
    old.key = unkeyed(messageKey(QStringLiteral("OLD1")));
    old.source = context.sourceLabel;
    old.drafts = parsed.messages.front().drafts;
    std::vector<FeedArrival> arrivals;
    arrivals.push_back(std::move(old));
    auto stored = t.room->appendFeed(std::move(arrivals));
    ASSERT_TRUE(stored.ok()) << stored.error().message.toStdString();
    ASSERT_EQ(stored->appended.size(), 1u);

    {
        Ingestor ingestor(*t.room, registry);
        auto replay = ingestor.ingest(alert(QStringLiteral("OLD1")), context);
        ASSERT_TRUE(replay.ok());
        EXPECT_EQ(replay->stored, 0);
        EXPECT_EQ(replay->duplicates, 1);
        EXPECT_EQ(replay->maxRepeat, 2) << "counted on the old row";
        // A message never seen is stored, under its keyed key.
        auto fresh = ingestor.ingest(alert(QStringLiteral("NEW1")), context);
        ASSERT_TRUE(fresh.ok());
        EXPECT_EQ(fresh->stored, 1);
    }
    // And after a restart, from the feed bookkeeping read back from the file.
    t.room.reset();
    auto reopened = Room::open(t.path(), t.clock);
    ASSERT_TRUE(reopened.ok());
    Ingestor again(**reopened, registry);
    for (const char *id : {"OLD1", "NEW1"}) {
        auto r = again.ingest(alert(QString::fromLatin1(id)), context);
        ASSERT_TRUE(r.ok());
        EXPECT_EQ(r->stored, 0) << id;
        EXPECT_EQ(r->duplicates, 1) << id;
    }
}
