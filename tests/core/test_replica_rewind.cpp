// A desk's replica goes back to its server's chain when the server lost its last commits (a failover to a
// standby that had not received them, DeskLink): the entries after the seq both chains agree on leave the
// file with all that is derived from them, are set aside, and the replica takes the server's new chain from
// there. A console folding the same file folds again. A room file of record is never cut.
#include "room/picture_manager.h"
#include "test_util.h"

#include <QFile>
#include <QJsonDocument>

#include <random>

using namespace vigie;

namespace {

/// Unit positions over Marseille and notes, `count` of them, event times from `firstMs`.
std::vector<Entry> drafts(int count, qint64 firstMs, unsigned seed)
{
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> lon(5.3, 5.5), lat(43.2, 43.35);
    std::vector<Entry> out;
    for (int i = 0; i < count; ++i) {
        if (i % 7 == 0)
            out.push_back(test::note(firstMs + i, QStringLiteral("note %1-%2").arg(seed).arg(i)));
        else
            out.push_back(test::makeEntry(QStringLiteral("unit.position"), firstMs + i,
                                          {{QStringLiteral("unit"), QStringLiteral("U%1").arg(i % 30)}},
                                          Geometry::point({lon(rng), lat(rng)})));
    }
    return out;
}

std::vector<Entry> readAll(const LogStore &store, qint64 after = 0)
{
    EntryQuery q;
    q.afterSeq = after;
    auto r = store.read(q);
    EXPECT_TRUE(r.ok());
    return r ? *r : std::vector<Entry>{};
}

void replicateAll(Room &replica, const std::vector<Entry> &chained)
{
    for (std::size_t at = 0; at < chained.size(); at += 1000) {
        const auto end = chained.begin() + std::ptrdiff_t(std::min(chained.size(), at + 1000));
        auto r = replica.replicate(std::vector<Entry>(chained.begin() + std::ptrdiff_t(at), end));
        ASSERT_TRUE(r.ok()) << r.error().message.toStdString();
    }
}

QByteArray pictureText(const Picture &p)
{
    return QJsonDocument(p.toJson()).toJson(QJsonDocument::Compact);
}

} // namespace

TEST(ReplicaRewind, GoesBackToWhereTheChainsAgreeAndFollowsTheServersNewChain)
{
    test::TempRoom lost; // the server before its failover
    for (int b = 0; b < 9; ++b)
        ASSERT_TRUE(lost.room->append(drafts(1000, 1784055600000 + b * 1000, unsigned(b))).ok());
    const std::vector<Entry> lostChain = readAll(lost.room->store());
    ASSERT_EQ(lostChain.size(), 9000u);

    const QByteArray secret(16, 'k');
    RoomInfo info = lost.room->info();
    info.replicaOf = QStringLiteral("127.0.0.1:5432/vigie");
    // The server after its failover: it has the first 5000 entries, then others. It stands in for a server
    // here (the same room, written to): a room file of that room that is nobody's replica.
    const qint64 agreed = 5000;
    RoomInfo server = info;
    server.replicaOf.clear();
    auto promoted =
        Room::createReplica(lost.dir.filePath(QStringLiteral("promoted.vigie")), server, secret, lost.clock);
    ASSERT_TRUE(promoted.ok());
    replicateAll(**promoted, std::vector<Entry>(lostChain.begin(), lostChain.begin() + agreed));
    // Its desks write on, and one sends again entries the lost server had chained (same ids, other seqs).
    ASSERT_TRUE((*promoted)->append(drafts(1000, 1784055700000, 99)).ok());
    std::vector<Entry> again(lostChain.begin() + agreed, lostChain.begin() + agreed + 500);
    for (Entry &e : again) {
        e.seq = 0;
        e.hash.clear();
        e.prevHash.clear();
    }
    ASSERT_TRUE((*promoted)->append(again).ok());
    ASSERT_TRUE((*promoted)->append(drafts(1000, 1784055800000, 98)).ok());
    const std::vector<Entry> newChain = readAll((*promoted)->store());

    const QString path = lost.dir.filePath(QStringLiteral("desk.vigie"));
    auto replica = Room::createReplica(path, info, secret, lost.clock);
    ASSERT_TRUE(replica.ok());
    replicateAll(**replica, lostChain);
    auto snapshot = (*replica)->store().lastSnapshotSeq();
    ASSERT_TRUE(snapshot.ok());
    ASSERT_GT(*snapshot, agreed) << "the room keeps a snapshot past the seq it goes back to";

    // The desk's console folds the same file through its own connection.
    auto console = Room::open(path, lost.clock, SnapshotKeeping::ByCaller);
    ASSERT_TRUE(console.ok());
    PictureManager manager((*console)->store(), lost.clock, path);
    ASSERT_TRUE(manager.load().ok());
    ASSERT_EQ(manager.picture().lastSeq, 9000);

    // The replica cannot take the new chain as it is.
    EXPECT_FALSE((*replica)->replicate({newChain[std::size_t(agreed)]}).ok());

    const QString aside = path + QStringLiteral(".lost.jsonl");
    auto dropped = (*replica)->rewindReplica(agreed, aside);
    ASSERT_TRUE(dropped.ok()) << dropped.error().message.toStdString();
    ASSERT_EQ(dropped->size(), 4000u);
    EXPECT_EQ(dropped->front().id, lostChain[std::size_t(agreed)].id);
    QFile kept(aside);
    ASSERT_TRUE(kept.open(QIODevice::ReadOnly));
    EXPECT_EQ(kept.readAll().count('\n'), 4000);

    const LogStore &store = (*replica)->store();
    EXPECT_EQ(store.lastSeq(), agreed);
    EXPECT_EQ(store.lastHash(), lostChain[std::size_t(agreed - 1)].hash);
    auto after = store.lastSnapshotSeq();
    ASSERT_TRUE(after.ok());
    EXPECT_LE(*after, agreed);
    // What is derived from the entries went with them: a spatial and a time query find none past the seq.
    EntryQuery box;
    box.box = GeoBox{5.0, 43.0, 6.0, 44.0};
    auto placed = store.read(box);
    ASSERT_TRUE(placed.ok());
    ASSERT_FALSE(placed->empty());
    EXPECT_LE(placed->back().seq, agreed);
    EntryQuery late;
    late.since = lostChain[std::size_t(agreed)].eventTime;
    auto lateOnes = store.read(late);
    ASSERT_TRUE(lateOnes.ok());
    for (const Entry &e : *lateOnes)
        EXPECT_LE(e.seq, agreed);
    auto verified = (*replica)->verify();
    ASSERT_TRUE(verified.ok());
    EXPECT_TRUE(verified->intact()) << verified->problem.toStdString();

    // The new chain from there, with entry ids the replica held before at other seqs.
    replicateAll(**replica, std::vector<Entry>(newChain.begin() + agreed, newChain.end()));
    EXPECT_EQ(store.lastSeq(), qint64(newChain.size()));
    verified = (*replica)->verify();
    ASSERT_TRUE(verified.ok());
    EXPECT_TRUE(verified->intact()) << verified->problem.toStdString();
    placed = store.read(box);
    ASSERT_TRUE(placed.ok());
    auto serverPlaced = (*promoted)->store().read(box);
    ASSERT_TRUE(serverPlaced.ok());
    EXPECT_EQ(placed->size(), serverPlaced->size());

    // The console folds again and ends with the server's picture.
    ASSERT_TRUE((*console)->reloadHead().ok());
    ASSERT_TRUE(manager.reload().ok());
    manager.poll();
    auto serverPicture = (*promoted)->picture();
    ASSERT_TRUE(serverPicture.ok());
    EXPECT_EQ(manager.picture().lastSeq, qint64(newChain.size()));
    EXPECT_EQ(pictureText(manager.picture()), pictureText(*serverPicture));
    EXPECT_FALSE(manager.damage().has_value());
}

TEST(ReplicaRewind, ARoomFileOfRecordIsNeverCut)
{
    test::TempRoom t;
    ASSERT_TRUE(t.room->append(drafts(50, 1784055600000, 1)).ok());
    auto refused = t.room->rewindReplica(10, t.dir.filePath(QStringLiteral("aside.jsonl")));
    ASSERT_FALSE(refused.ok());
    EXPECT_TRUE(refused.error().message.contains(QStringLiteral("never cut")));
    EXPECT_EQ(t.room->store().lastSeq(), 50);
    EXPECT_FALSE(QFile::exists(t.dir.filePath(QStringLiteral("aside.jsonl"))));
}

// A replica holds the server's chain, copied by the desk's link: an entry written to the file behind the link
// would take the place of the server's next one, and the link would later take it for one lost in a failover
// (set aside in a .lost file, sent again). Every write to it from outside the link is refused, naming it.
TEST(ReplicaRewind, AReplicaRefusesWritesFromAnythingButItsLink)
{
    test::TempRoom t;
    ASSERT_TRUE(t.room->append(drafts(20, 1784055600000, 3)).ok());
    RoomInfo info = t.room->info();
    info.replicaOf = QStringLiteral("127.0.0.1:5432/vigie");
    const QString path = t.dir.filePath(QStringLiteral("desk.vigie"));
    {
        auto replica = Room::createReplica(path, info, QByteArray(16, 'k'), t.clock);
        ASSERT_TRUE(replica.ok());
        replicateAll(**replica, readAll(t.room->store())); // the link's way in
        ASSERT_EQ((*replica)->store().lastSeq(), 20);
    }
    auto opened = Room::open(path, t.clock); // as vigie-cli append or a second writer would
    ASSERT_TRUE(opened.ok());
    Room &replica = **opened;
    auto appended = replica.append({test::note(1784055700000, QStringLiteral("behind the link"))});
    ASSERT_FALSE(appended.ok());
    EXPECT_TRUE(appended.error().message.contains(path)) << appended.error().message.toStdString();
    EXPECT_TRUE(appended.error().message.contains(QStringLiteral("replica")));
    EXPECT_FALSE(replica
                     .quarantine(QStringLiteral("test"),
                                 {{QStringLiteral("line 1"), QStringLiteral("bad"), QByteArray("x")}})
                     .ok());
    FeedArrival arrival;
    arrival.key = QStringLiteral("k1");
    arrival.source = QStringLiteral("test");
    arrival.drafts = {test::note(1784055700000, QStringLiteral("feed"))};
    EXPECT_FALSE(replica.appendFeed({arrival}).ok());
    EXPECT_EQ(replica.store().lastSeq(), 20);
    auto verified = replica.verify();
    ASSERT_TRUE(verified.ok());
    EXPECT_TRUE(verified->intact());
    // The room of record it was copied from takes writes as before.
    EXPECT_TRUE(t.room->append({test::note(1784055700000, QStringLiteral("of record"))}).ok());
}
