#include "test_util.h"

#include "demo/demo_room.h"

#include <set>

using namespace vigie;
using namespace vigie::test;

TEST(Demo, CityPackLoadsWithRealisticCounts)
{
    auto fire = cityPlaces(QStringLiteral("fire_stations"));
    ASSERT_TRUE(fire) << fire.error().message.toStdString();
    EXPECT_GE(fire->size(), 17u);
    auto hospitals = cityPlaces(QStringLiteral("hospitals"));
    ASSERT_TRUE(hospitals);
    EXPECT_GE(hospitals->size(), 8u);
    auto all = cityPlaces();
    ASSERT_TRUE(all);
    std::set<QString> ids;
    const GeoBox marseille{5.20, 43.15, 5.60, 43.42};
    for (const Place &p : *all) {
        EXPECT_TRUE(ids.insert(p.id).second) << "duplicate place id " << p.id.toStdString();
        EXPECT_TRUE(marseille.contains(p.position)) << p.id.toStdString();
        EXPECT_FALSE(p.name.isEmpty());
    }
}

TEST(Demo, WritesAnExerciseRoomWithFleetAndScenario)
{
    TempRoom t(RoomMode::Exercise);
    auto summary = writeDemoRoom(*t.room);
    ASSERT_TRUE(summary) << summary.error().message.toStdString();
    EXPECT_GE(summary->units, 100);
    auto p = t.room->picture();
    ASSERT_TRUE(p);
    EXPECT_EQ(qint64(p->units.size()), summary->units);
    for (const auto &[id, u] : p->units)
        EXPECT_TRUE(u.position.has_value()) << id.toStdString() << " has no station position";
    EXPECT_GE(p->closedIncidents + qint64(p->incidents.size()), 5);
    EXPECT_FALSE(p->zones.empty());
    EXPECT_FALSE(p->hospitals.empty());
    EXPECT_FALSE(p->decisions.empty());
    auto report = t.room->store().verify();
    ASSERT_TRUE(report);
    EXPECT_TRUE(report->intact());
    // A second demo into the same room is refused rather than doubling the fleet.
    EXPECT_FALSE(writeDemoRoom(*t.room));
}
