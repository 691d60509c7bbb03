// The "Événements prévus" dock: the calendar sorted by start with its types in French words, the clash
// check run off the GUI thread and its count per event, the map's shapes red for events in a clash.
#include "ui/events_panel.h"

#include "ui/dps_dialog.h"

#include "anticipation/event_import.h"
#include "room/picture_manager.h"
#include "room/room.h"

#include <QApplication>
#include <QEventLoop>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QTreeWidget>

#include <gtest/gtest.h>

using namespace vigie;

TEST(EventsPanel, ListsTheCalendarAndItsClashes)
{
    QTemporaryDir dir;
    // The panel's periods start now: the clock sits before the season.
    SimulatedClock clock{*Timestamp::parseIso(QStringLiteral("2026-12-01T09:00:00+01:00"))};
    auto room = Room::create(dir.filePath(QStringLiteral("r.vigie")), QStringLiteral("Saison"),
                             RoomMode::Live, clock);
    ASSERT_TRUE(room);
    const QByteArray csv =
        "id;titre;type;début;fin;affluence;lon;lat\n"
        "om;OM – Lens;match;2026-12-13T20:45:00+01:00;2026-12-13T22:45:00+01:00;64500;5.395049;43.269554\n"
        "hand;Handball;concert;2026-12-13T18:00:00+01:00;2026-12-13T20:30:00+01:00;5500;5.4035;43.264\n"
        "dome;Concert au "
        "Dôme;concert;2026-12-05T20:00:00+01:00;2026-12-05T23:00:00+01:00;8000;5.404474;43.315315\n";
    const auto imported = anticipation::importCsv(csv, QStringLiteral("s.csv"), {});
    ASSERT_TRUE(imported.problems.empty());
    auto plan = anticipation::planImport(imported.events, {}, QStringLiteral("t"), clock.now());
    ASSERT_TRUE((*room)->append(std::move(plan.drafts)));

    PictureManager manager((*room)->store(), clock, (*room)->path());
    ASSERT_TRUE(manager.load());
    std::vector<maps::MapPlannedEvent> shapes;
    ui::EventsPanel panel(manager, nullptr);
    QObject::connect(&panel, &ui::EventsPanel::shapesChanged, &panel,
                     [&shapes](const std::vector<maps::MapPlannedEvent> &s) { shapes = s; });
    if (panel.checking()) {
        QEventLoop wait;
        QObject::connect(&panel, &ui::EventsPanel::clashesChecked, &wait, &QEventLoop::quit);
        QTimer::singleShot(30000, &wait, &QEventLoop::quit);
        wait.exec();
    }
    ASSERT_EQ(panel.clashes().size(), 1u);
    QTableWidget *table = panel.table();
    ASSERT_EQ(table->rowCount(), 3);
    EXPECT_EQ(table->item(0, 2)->text(), QStringLiteral("Concert au Dôme")); // by start
    EXPECT_EQ(table->item(1, 2)->text(), QStringLiteral("Handball"));
    EXPECT_EQ(table->item(2, 3)->text(), QStringLiteral("match"));
    EXPECT_EQ(table->item(0, 6)->text(), QString());           // no clash
    EXPECT_EQ(table->item(1, 6)->text(), QStringLiteral("1")); // one each
    EXPECT_EQ(table->item(2, 6)->text(), QStringLiteral("1"));
    ASSERT_EQ(panel.clashList()->topLevelItemCount(), 1);
    EXPECT_TRUE(panel.clashList()->topLevelItem(0)->text(2).contains(QStringLiteral("Handball")));
    ASSERT_EQ(shapes.size(), 3u);
    EXPECT_FALSE(shapes[0].clash);
    EXPECT_TRUE(shapes[1].clash && shapes[2].clash); // in a clash: drawn last, on top

    // The match's first-aid cover, sized from the calendar: its public is the grid's P1.
    EXPECT_EQ(panel.sizeFirstAidCover(), nullptr); // nothing selected
    table->selectRow(2);
    ui::DpsDialog *dps = panel.sizeFirstAidCover();
    ASSERT_NE(dps, nullptr);
    dps->setFactors(0.25, 0.25, 0.25);
    ASSERT_TRUE(dps->assessment().ok());
    EXPECT_EQ(dps->form().event.name, QStringLiteral("OM – Lens"));
    EXPECT_EQ(dps->form().event.date, QDate(2026, 12, 13));
    EXPECT_EQ(dps->assessment()->dpsClass, anticipation::DpsClass::Ge) << dps->assessment()->ris;
    EXPECT_DOUBLE_EQ(dps->assessment()->ris, 48.375); // 0.75 × 64,500 / 1000
    dps->close();
}

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
