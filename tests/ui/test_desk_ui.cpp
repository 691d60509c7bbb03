// A shared room's desk at the console: the offline banner, the pending entries in the log and the picture,
// and the presence list. The link itself (replica, queue, server) is tested on a real server in
// tests/core/test_desk_link.cpp; here the console is given the statuses a link reports.
#include "ui/desk_panel.h"
#include "ui/main_window.h"
#include "ui/models/log_model.h"

#include "demo/demo_room.h"
#include "log/entry_kinds.h"
#include "room/picture_manager.h"
#include "room/room.h"

#include <QDockWidget>
#include <QFont>
#include <QLabel>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace vigie;

namespace {

struct DeskUi : testing::Test
{
    QTemporaryDir dir;
    SimulatedClock clock{Timestamp{1784055600000}}; // 2026-07-14 21:00 in Marseille
    std::unique_ptr<Room> room;
    void SetUp() override
    {
        auto created = Room::create(dir.filePath(QStringLiteral("desk.vigie")), QStringLiteral("Démo"),
                                    RoomMode::Exercise, clock);
        ASSERT_TRUE(created);
        room = std::move(*created);
        ASSERT_TRUE(writeDemoRoom(*room));
    }
    Entry pendingZone(int n) const
    {
        Entry e;
        e.id = QUuid::createUuid();
        e.kind = kinds::zoneDraw;
        e.author = QStringLiteral("poste-samu");
        e.role = QStringLiteral("desk");
        e.eventTime = clock.now();
        e.recordTime = clock.now();
        e.geo.type = Geometry::Type::Polygon;
        e.geo.points = {{5.37, 43.29}, {5.38, 43.29}, {5.38, 43.30}, {5.37, 43.29}};
        e.data = QJsonObject{{QStringLiteral("zone"), QStringLiteral("z-offline-%1").arg(n)},
                             {QStringLiteral("label"), QStringLiteral("Zone tracée hors ligne %1").arg(n)},
                             {QStringLiteral("kind"), QStringLiteral("exclusion")}};
        return e;
    }
};

DeskStatus offlineStatus(qint64 pending)
{
    DeskStatus s;
    s.online = false;
    s.offlineSince = Timestamp{1784055720000}; // 21:02 in Marseille
    s.pending = pending;
    s.problem = QStringLiteral("cannot connect to the PostgreSQL server");
    s.presence = {{QStringLiteral("poste-bmpm"), QStringLiteral("fire"), Timestamp{1784055000000},
                   Timestamp{1784055700000}, true},
                  {QStringLiteral("poste-samu"), QStringLiteral("samu"), Timestamp{1784055000000},
                   Timestamp{1784055700000}, false}};
    return s;
}

} // namespace

TEST_F(DeskUi, TheBannerSaysSinceWhenTheDeskIsOfflineAndHowMuchWaits)
{
    EXPECT_EQ(ui::deskBannerText(offlineStatus(12)).toStdString(),
              "Hors ligne depuis 21:02 — 12 entrées en attente, envoyées au retour du réseau");
    EXPECT_EQ(ui::deskBannerText(offlineStatus(1)).toStdString(),
              "Hors ligne depuis 21:02 — 1 entrée en attente, envoyée au retour du réseau");
    DeskStatus online = offlineStatus(0);
    online.online = true;
    EXPECT_TRUE(ui::deskBannerText(online).isEmpty());

    PictureManager manager(room->store(), clock, room->path());
    ASSERT_TRUE(manager.load());
    ui::MainWindow window(manager);
    window.attachDesk(QStringLiteral("poste-samu"));
    auto *banner = window.findChild<QLabel *>(QStringLiteral("OfflineBanner"));
    ASSERT_NE(banner, nullptr);
    window.show();
    EXPECT_FALSE(banner->isVisible());
    window.showDeskStatus(offlineStatus(3));
    EXPECT_TRUE(banner->isVisible());
    EXPECT_EQ(banner->text().left(35).toStdString(), "Hors ligne depuis 21:02 — 3 entrées");
    EXPECT_EQ(banner->toolTip(), offlineStatus(3).problem); // why, for whoever asks
    window.showDeskStatus(online);
    EXPECT_FALSE(banner->isVisible());
}

TEST_F(DeskUi, ThePresenceListPutsThisDeskFirstAndSaysWhoIsOnline)
{
    PictureManager manager(room->store(), clock, room->path());
    ASSERT_TRUE(manager.load());
    ui::MainWindow window(manager);
    window.attachDesk(QStringLiteral("poste-samu"));
    DeskStatus s = offlineStatus(0);
    s.online = true;
    window.showDeskStatus(s);
    auto *dock = window.findChild<QDockWidget *>(QStringLiteral("PresenceDock"));
    ASSERT_NE(dock, nullptr);
    EXPECT_EQ(dock->windowTitle(), QStringLiteral("Salle"));
    auto *table = window.findChild<QTableWidget *>(QStringLiteral("PresenceTable"));
    ASSERT_NE(table, nullptr);
    ASSERT_EQ(table->rowCount(), 2);
    EXPECT_EQ(table->item(0, 0)->text(), QStringLiteral("poste-samu (ce poste)"));
    EXPECT_EQ(table->item(0, 1)->text(), QStringLiteral("SAMU"));
    EXPECT_EQ(table->item(0, 2)->text(), QStringLiteral("hors ligne depuis 21:01"));
    EXPECT_EQ(table->item(1, 0)->text(), QStringLiteral("poste-bmpm"));
    EXPECT_EQ(table->item(1, 2)->text(), QStringLiteral("en ligne depuis 20:50"));
}

TEST_F(DeskUi, PendingEntriesAreFoldedOnTopAndShownApartInTheLog)
{
    PictureManager manager(room->store(), clock, room->path());
    ASSERT_TRUE(manager.load());
    const qint64 lastSeq = manager.picture().lastSeq;
    const std::size_t zones = manager.picture().zones.size();
    ui::LogModel log(manager);
    const int rows = log.rowCount();
    manager.setPending({pendingZone(1), pendingZone(2)});
    // On the map at once, with provisional seqs after the log's last; the log's own picture is untouched.
    EXPECT_EQ(manager.picture().zones.size(), zones + 2);
    EXPECT_EQ(manager.picture().lastSeq, lastSeq + 2);
    ASSERT_EQ(log.rowCount(), rows + 2);
    EXPECT_TRUE(log.isPending(rows));
    EXPECT_EQ(log.data(log.index(rows, ui::LogModel::Seq)).toString(), QStringLiteral("en attente"));
    EXPECT_EQ(log.data(log.index(rows + 1, ui::LogModel::Summary)).toString(),
              QStringLiteral("Zone tracée hors ligne 2"));
    EXPECT_TRUE(log.data(log.index(rows, ui::LogModel::Seq), Qt::FontRole).value<QFont>().italic());
    // Sent and back in the log: no longer pending, in the log once.
    manager.setPending({});
    EXPECT_EQ(log.rowCount(), rows);
    EXPECT_EQ(manager.picture().zones.size(), zones);
}
