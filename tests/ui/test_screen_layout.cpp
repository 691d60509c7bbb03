// The console on a 1366×768 laptop: the compact layout stacks the docks as tabs on the right so that the map
// keeps at least half of the window (the standard layout left it about 700×270 px).
#include "ui/events_panel.h"
#include "ui/exercise_panel.h"
#include "ui/feeds_panel.h"
#include "ui/main_window.h"
#include "ui/screen_layout.h"
#include "ui/suggestions_panel.h"

#include "maps/layer_panel.h"
#include "maps/map_view.h"

#include "allocation/dispatch_inputs.h"
#include "demo/demo_room.h"
#include "exercise/exercise_runner.h"
#include "room/direct_sink.h"
#include "room/picture_manager.h"
#include "room/room.h"
#include "room/room_writer.h"

#include <QApplication>
#include <QDockWidget>
#include <QHeaderView>
#include <QSignalSpy>
#include <QTabBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTreeWidget>

#include <gtest/gtest.h>

using namespace vigie;

namespace {

struct Console
{
    QTemporaryDir dir;
    SimulatedClock clock{Timestamp{1784055600000}};
    std::unique_ptr<Room> room;
    std::unique_ptr<DirectSink> sink;
    std::unique_ptr<PictureManager> manager;
    std::unique_ptr<ui::MainWindow> window;
    maps::MapView *map = nullptr;

    /// The docks as app/main.cpp adds them.
    explicit Console(QSize size)
    {
        auto created = Room::create(dir.filePath(QStringLiteral("demo.vigie")), QStringLiteral("Démo"),
                                    RoomMode::Exercise, clock);
        EXPECT_TRUE(created);
        room = std::move(*created);
        EXPECT_TRUE(writeDemoRoom(*room));
        sink = std::make_unique<DirectSink>(*room);
        manager = std::make_unique<PictureManager>(room->store(), room->clock(), room->path());
        manager->setWriter(sink.get());
        EXPECT_TRUE(manager->load());
        window = std::make_unique<ui::MainWindow>(*manager);
        map = new maps::MapView(manager.get());
        window->setCentralView(map);
        window->addPanel(QStringLiteral("LayersDock"), QStringLiteral("Couches"), new maps::LayerPanel(*map),
                         Qt::RightDockWidgetArea);
        window->addPanel(QStringLiteral("MapDetailsDock"), QStringLiteral("Détail"), new QTextBrowser,
                         Qt::RightDockWidgetArea);
        ui::SuggestionsPanel::Context context;
        context.needs = *allocation::defaultNeedsTable();
        window->addPanel(QStringLiteral("SuggestionsDock"), QStringLiteral("Propositions"),
                         new ui::SuggestionsPanel(*manager, std::move(context)), Qt::BottomDockWidgetArea);
        auto *feeds = window->addPanel(QStringLiteral("FeedsDock"), QStringLiteral("Flux"),
                                       new ui::FeedsPanel(*manager), Qt::BottomDockWidgetArea);
        window->tabifyDockWidget(window->findChild<QDockWidget *>(QStringLiteral("LogDock")), feeds);
        window->resize(size);
    }

    /// The docks the demo adds: the calendar of planned events and the trainer's panel of its exercise,
    /// played to T+40 as the demo opens, each a tab beside the log.
    void addTheDemosDocks()
    {
        auto *events = window->addPanel(QStringLiteral("EventsDock"), QStringLiteral("Événements prévus"),
                                        new ui::EventsPanel(*manager, room->anonymiser(), nullptr),
                                        Qt::BottomDockWidgetArea);
        auto *log = window->findChild<QDockWidget *>(QStringLiteral("LogDock"));
        window->tabifyDockWidget(log, events);
        auto scenario =
            exercise::loadScenario(QStringLiteral(VIGIE_SOURCE_DIR "/data/scenarios/om_velodrome.yaml"));
        ASSERT_TRUE(scenario) << scenario.error().message.toStdString();
        const QString path = dir.filePath(QStringLiteral("exercise.vigie"));
        exerciseClock = std::make_unique<exercise::ExerciseClock>(clock, scenario->start);
        ASSERT_TRUE(Room::create(path, QStringLiteral("Exercice"), RoomMode::Exercise, *exerciseClock));
        auto started = RoomWriter::start(path, *exerciseClock);
        ASSERT_TRUE(started);
        writer = std::move(*started);
        exercise::PlayerOptions options;
        options.playResponses = true;
        runner = std::make_unique<exercise::ExerciseRunner>(*writer, *exerciseClock, *scenario, options);
        runner->start(40 * 60 * 1000);
        runner->settle();
        auto *trainer =
            window->addPanel(QStringLiteral("ExerciseDock"), QStringLiteral("Animation de l'exercice"),
                             new ui::ExercisePanel(*runner), Qt::BottomDockWidgetArea);
        window->tabifyDockWidget(log, trainer);
        trainer->raise();
    }
    std::unique_ptr<exercise::ExerciseClock> exerciseClock;
    std::unique_ptr<RoomWriter> writer;
    std::unique_ptr<exercise::ExerciseRunner> runner;
    double mapShare()
    {
        window->show();
        QApplication::processEvents();
        return double(map->width() * map->height()) / (window->width() * window->height());
    }
};

} // namespace

TEST(ScreenLayout, ChosenFromTheWindowSize)
{
    EXPECT_EQ(ui::screenLayoutFor({1366, 768}), ui::ScreenLayout::Compact);
    EXPECT_EQ(ui::screenLayoutFor({1280, 1024}), ui::ScreenLayout::Compact);
    EXPECT_EQ(ui::screenLayoutFor({1600, 900}), ui::ScreenLayout::Standard); // the default window
    EXPECT_EQ(ui::screenLayoutFor({1920, 1080}), ui::ScreenLayout::Standard);
    EXPECT_EQ(ui::screenLayoutFor({3840, 2160}), ui::ScreenLayout::Standard);
}

TEST(ScreenLayout, At1366x768TheMapTakesAtLeastHalfTheWindow)
{
    {
        // What the standard layout gives there: the reason for the compact one.
        Console standard({1366, 768});
        EXPECT_LT(standard.mapShare(), 0.5);
    }
    Console compact({1366, 768});
    ui::applyScreenLayout(*compact.window, ui::screenLayoutFor(compact.window->size()));
    const double share = compact.mapShare();
    EXPECT_GE(share, 0.5) << "map " << compact.map->width() << "×" << compact.map->height();
    EXPECT_GE(compact.map->height(), 500);

    // The units table, in front, shows many rows, not one.
    auto *units = compact.window->findChild<QTableView *>(QStringLiteral("UnitsView"));
    ASSERT_TRUE(units);
    EXPECT_TRUE(units->isVisible());
    EXPECT_GE(units->viewport()->height() / units->verticalHeader()->defaultSectionSize(), 10);
    // Every dock is still reachable, as a tab.
    for (const char *name : {"UnitsDock", "IncidentsDock", "LogDock", "SuggestionsDock", "FeedsDock"}) {
        auto *dock = compact.window->findChild<QDockWidget *>(QLatin1String(name));
        ASSERT_TRUE(dock) << name;
        EXPECT_FALSE(dock->isHidden()) << name;
        EXPECT_EQ(compact.window->dockWidgetArea(dock), Qt::RightDockWidgetArea) << name;
    }
    // The tabs say their whole names ("Main courante", not "M…"), scrolled when they do not all fit.
    QTabBar *tabs = nullptr;
    for (QTabBar *bar : compact.window->findChildren<QTabBar *>())
        if (bar->isVisible() && bar->count() >= 5)
            tabs = bar;
    ASSERT_TRUE(tabs);
    EXPECT_EQ(tabs->elideMode(), Qt::ElideNone);
    EXPECT_TRUE(tabs->usesScrollButtons());
    for (int i = 0; i < tabs->count(); ++i)
        EXPECT_GE(tabs->tabRect(i).width(), tabs->fontMetrics().horizontalAdvance(tabs->tabText(i)))
            << tabs->tabText(i).toStdString();
}

TEST(ScreenLayout, At1366x768TheDemosTrainerPanelLeavesTheMapHalfTheWidth)
{
    // The demo adds the trainer's panel, whose controls and table are wide: in the compact column it must
    // elide and scroll, not widen the column past half the window.
    Console compact({1366, 768});
    compact.addTheDemosDocks();
    ui::applyScreenLayout(*compact.window, ui::screenLayoutFor(compact.window->size()));
    compact.mapShare();
    EXPECT_GE(compact.map->width(), compact.window->width() / 2)
        << "map " << compact.map->width() << "×" << compact.map->height();
    EXPECT_GE(compact.map->height(), 500);
    // The trainer's panel is still a tab of the column, its table readable.
    auto *trainer = compact.window->findChild<QDockWidget *>(QStringLiteral("ExerciseDock"));
    ASSERT_TRUE(trainer);
    EXPECT_EQ(compact.window->dockWidgetArea(trainer), Qt::RightDockWidgetArea);
    trainer->raise();
    QApplication::processEvents();
    auto *panel = trainer->findChild<ui::ExercisePanel *>();
    ASSERT_TRUE(panel);
    EXPECT_GE(panel->tree()->viewport()->height(), 150);
    EXPECT_LE(compact.map->width() + trainer->width(), compact.window->width()) << "the window kept its size";
    EXPECT_EQ(compact.window->width(), 1366);
}

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
