// Importing planned events at a desk of a shared room, on a real PostgreSQL server: the import writes
// through the desk's link (its queue, then the server), never into the desk's replica behind the link. The
// imported events reach the server once, with the file's refused rows in the server's quarantine, and the
// other desks get them like any entry.
#include "../core/pg_test_server.h"

#include "ui/events_panel.h"

#include "import_wait.h"

#include "log/entry_kinds.h"
#include "room/desk_link.h"
#include "room/picture_manager.h"
#include "room/room.h"

#include <QApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QTimer>

#include <gtest/gtest.h>

using namespace vigie;
using namespace vigie::test;

namespace {

std::unique_ptr<DeskLink> startDesk(const QString &url, const QString &replica, const QString &desk,
                                    const Clock &clock)
{
    DeskLinkOptions o;
    o.url = url;
    o.replicaPath = replica;
    o.desk = desk;
    o.heartbeatMs = 500;
    o.retryMs = 100;
    o.snapshots = SnapshotKeeping::ByCaller; // as a console's: its picture manager keeps them
    auto link = DeskLink::start(o, clock);
    EXPECT_TRUE(link) << link.error().message.toStdString();
    return link ? std::move(*link) : nullptr;
}

} // namespace

TEST(EventsImportAtADesk, ReachesTheServerOnceThroughTheDesksLink)
{
    if (!pgClusterMissing().isEmpty())
        GTEST_SKIP() << pgClusterMissing().toStdString();
    QTemporaryDir dir;
    SimulatedClock clock{*Timestamp::parseIso(QStringLiteral("2026-12-01T09:00:00+01:00"))};
    const QString url =
        QStringLiteral("postgresql://postgres@127.0.0.1:%1/postgres?room=saison").arg(pgCluster()->port());
    ASSERT_TRUE(Room::create(url, {}, RoomMode::Live, clock));
    const QString replicaA = dir.filePath(QStringLiteral("a.vigie"));
    auto a = startDesk(url, replicaA, QStringLiteral("poste-a"), clock);
    auto b = startDesk(url, dir.filePath(QStringLiteral("b.vigie")), QStringLiteral("poste-b"), clock);
    ASSERT_TRUE(a && b);

    // Desk A's console, as app/main.cpp opens it: it reads the replica and writes through the link.
    auto replica = Room::open(replicaA, clock, SnapshotKeeping::ByCaller);
    ASSERT_TRUE(replica) << replica.error().message.toStdString();
    PictureManager manager((*replica)->store(), clock, replicaA);
    manager.setWriter(a.get());
    ASSERT_TRUE(manager.load());
    ui::EventsPanel panel(manager, (*replica)->anonymiser(), nullptr);
    const QString csv = dir.filePath(QStringLiteral("saison.csv"));
    {
        QFile f(csv);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(
            "id;titre;type;début;fin;affluence;lon;lat\n"
            "om;OM – "
            "Lens;match;2026-12-13T20:45:00+01:00;2026-12-13T22:45:00+01:00;64500;5.395049;43.269554\n"
            "hand;Handball;concert;2026-12-13T18:00:00+01:00;2026-12-13T20:30:00+01:00;5500;5.4035;43.264\n"
            "bad;Sans date;match;demain;;100;5.4;43.3\n");
    }
    const QString summary = waitForImport(panel, csv);
    ASSERT_TRUE(summary.contains(QStringLiteral("2 nouveau(x)"))) << summary.toStdString();
    ASSERT_TRUE(a->waitForSync(20000)) << a->status().problem.toStdString();
    ASSERT_TRUE(b->waitForSync(20000)) << b->status().problem.toStdString();

    auto server = Room::open(url, clock);
    ASSERT_TRUE(server);
    auto all = (*server)->store().read(EntryQuery{});
    ASSERT_TRUE(all);
    QSet<QUuid> ids;
    int plans = 0;
    for (const Entry &e : *all) {
        ids.insert(e.id);
        plans += e.kind == kinds::eventPlan ? 1 : 0;
    }
    EXPECT_EQ(plans, 2);
    EXPECT_EQ(qsizetype(ids.size()), qsizetype(all->size())) << "an entry stored twice";
    auto quarantined = (*server)->store().quarantined();
    ASSERT_TRUE(quarantined);
    ASSERT_EQ(quarantined->size(), 1u);
    EXPECT_EQ(quarantined->front().source, QStringLiteral("events:saison.csv"));
    auto verified = (*server)->verify();
    ASSERT_TRUE(verified);
    EXPECT_TRUE(verified->intact());

    // Nothing was written behind the link: no rewind, nothing set aside, both replicas at the server's head.
    EXPECT_EQ(a->status().rewinds, 0);
    EXPECT_TRUE(QDir(dir.path()).entryList({QStringLiteral("*.lost-*")}).isEmpty());
    const qint64 head = all->empty() ? 0 : all->back().seq;
    EXPECT_EQ(a->status().replicaSeq, head);
    EXPECT_EQ(b->status().replicaSeq, head);
    manager.poll();
    EXPECT_EQ(manager.picture().lastSeq, head);
    auto replicaVerified = (*replica)->verify();
    ASSERT_TRUE(replicaVerified);
    EXPECT_TRUE(replicaVerified->intact()) << replicaVerified->problem.toStdString();
    // The server's quarantine comes back to the desk's replica with the next heartbeat.
    ASSERT_TRUE(a->waitForSync(20000));
    auto copied = (*replica)->store().quarantined();
    ASSERT_TRUE(copied);
    EXPECT_EQ(copied->size(), 1u);

    // And the console's own Room on the replica takes no direct write.
    auto direct = (*replica)->append({Entry{}});
    ASSERT_FALSE(direct);
    EXPECT_TRUE(direct.error().message.contains(replicaA)) << direct.error().message.toStdString();
}

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
