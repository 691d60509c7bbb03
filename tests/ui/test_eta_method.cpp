// The Suggestions dock says how its ETAs are computed, truthfully: a road network that does not reach the
// units (Monaco's, in the Marseille room) gives straight-line estimates, and the banner says so.
#include "ui/eta_method.h"
#include "ui/suggestions_panel.h"

#include "allocation/dispatch_inputs.h"
#include "demo/demo_room.h"
#include "room/direct_sink.h"
#include "room/picture_manager.h"
#include "room/room.h"
#include "routing/road_graph.h"

#include <QApplication>
#include <QLabel>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace vigie;

namespace {

/// One short road beside each of `points` (a few metres east).
std::unique_ptr<routing::RoadGraph> roadsBeside(const std::vector<GeoPoint> &points)
{
    routing::RoadNetwork net;
    for (const GeoPoint &p : points) {
        const auto a = std::uint32_t(net.nodes.size());
        net.nodes.push_back({p.lon + 0.0002, p.lat});
        net.nodes.push_back({p.lon + 0.0002, p.lat + 0.001});
        net.edges.push_back({a, a + 1, 110.0f, routing::RoadClass::Residential, 0});
        net.edges.push_back({a + 1, a, 110.0f, routing::RoadClass::Residential, 0});
    }
    auto graph = routing::RoadGraph::build(std::move(net));
    EXPECT_TRUE(graph);
    return graph ? std::move(*graph) : nullptr;
}

struct DemoRoom : testing::Test
{
    QTemporaryDir dir;
    SimulatedClock clock{Timestamp{1784055600000}};
    std::unique_ptr<Room> room;
    std::unique_ptr<DirectSink> sink;
    std::unique_ptr<PictureManager> manager;
    std::vector<GeoPoint> units;
    void SetUp() override
    {
        auto created = Room::create(dir.filePath(QStringLiteral("demo.vigie")), QStringLiteral("Démo"),
                                    RoomMode::Exercise, clock);
        ASSERT_TRUE(created);
        room = std::move(*created);
        ASSERT_TRUE(writeDemoRoom(*room));
        sink = std::make_unique<DirectSink>(*room);
        manager = std::make_unique<PictureManager>(room->store(), room->clock(), room->path());
        manager->setWriter(sink.get());
        ASSERT_TRUE(manager->load());
        for (const auto &[id, u] : manager->picture().units)
            if (u.position)
                units.push_back(*u.position);
        ASSERT_GT(units.size(), 10u);
    }
    QString banner(const routing::RoadGraph *graph)
    {
        ui::SuggestionsPanel::Context context;
        context.graph = graph;
        context.needs = *allocation::defaultNeedsTable();
        ui::SuggestionsPanel panel(*manager, std::move(context));
        const auto *method = panel.findChild<QLabel *>(QStringLiteral("SuggestionsMethod"));
        return method ? method->text() : QString();
    }
};

} // namespace

TEST_F(DemoRoom, ANetworkThatMissesEveryUnitIsSaidAsStraightLine)
{
    // A grid over Monaco: a real network, far from every Marseille unit.
    std::vector<GeoPoint> monaco;
    for (int i = 0; i < 10; ++i)
        for (int j = 0; j < 10; ++j)
            monaco.push_back({7.40 + i * 0.005, 43.72 + j * 0.004});
    const auto graph = roadsBeside(monaco);
    const ui::EtaMethod m = ui::etaMethod(graph.get(), manager->picture());
    EXPECT_TRUE(m.approximate);
    EXPECT_EQ(m.onNetwork, 0);
    EXPECT_EQ(m.units, int(units.size()));
    const QString text = banner(graph.get());
    EXPECT_TRUE(text.contains(QStringLiteral("vol d'oiseau"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("ne couvre pas"))) << text.toStdString();
    EXPECT_FALSE(text.startsWith(QStringLiteral("ETA par la route"))) << text.toStdString();
}

TEST_F(DemoRoom, ANetworkReachingEveryUnitIsSaidAsByRoad)
{
    const auto graph = roadsBeside(units);
    const ui::EtaMethod m = ui::etaMethod(graph.get(), manager->picture());
    EXPECT_FALSE(m.approximate);
    EXPECT_EQ(m.onNetwork, m.units);
    EXPECT_TRUE(banner(graph.get()).startsWith(QStringLiteral("ETA par la route")))
        << banner(graph.get()).toStdString();
}

TEST_F(DemoRoom, ANetworkReachingSomeUnitsSaysHowMany)
{
    const std::vector<GeoPoint> half(units.begin(), units.begin() + qsizetype(units.size() / 2));
    const auto graph = roadsBeside(half);
    const ui::EtaMethod m = ui::etaMethod(graph.get(), manager->picture());
    EXPECT_TRUE(m.approximate);
    EXPECT_GE(m.onNetwork, int(half.size()));
    EXPECT_LT(m.onNetwork, m.units);
    EXPECT_TRUE(m.text.contains(QStringLiteral("vol d'oiseau")));
    EXPECT_TRUE(m.text.contains(QString::number(m.units)));
}

TEST_F(DemoRoom, NoNetworkIsSaidAsApproximate)
{
    EXPECT_TRUE(banner(nullptr).contains(QStringLiteral("pas de réseau routier")));
}

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
