// Rule 1 of the clash check: time windows (with the types' margins) and places (with their buffers), a route
// measured to its segments.
#include "anticipation/clash.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace vigie;
using namespace vigie::anticipation;

namespace {

constexpr double metresPerDegreeLat = 6371008.8 * 3.14159265358979323846 / 180.0;

PlannedEvent event(const QString &id, const QString &type, const QString &start, const QString &end,
                   Geometry geo)
{
    PlannedEvent e;
    e.id = id;
    e.title = id;
    e.type = type;
    e.start = *Timestamp::parseIso(start);
    e.end = *Timestamp::parseIso(end);
    e.geo = std::move(geo);
    return e;
}

/// Every type with the same buffer and margins.
ClashRules flatRules(double buffer, qint64 before, qint64 after)
{
    ClashRules r;
    for (const char *t : {"match", "concert", "market", "demonstration", "roadworks", "closure", "other"})
        r.types[QLatin1String(t)] = TypeRule{buffer, before, after};
    return r;
}

const GeoPoint velodrome{5.395049, 43.269554};
const GeoPoint dome{5.404474, 43.315315};

} // namespace

TEST(Clash, CompiledRulesAreReadAndDocumented)
{
    const ClashRules r = ClashRules::defaults();
    EXPECT_EQ(r.rule(QStringLiteral("match")).bufferMeters, 800.0);
    EXPECT_EQ(r.rule(QStringLiteral("match")).marginBeforeMinutes, 180);
    EXPECT_EQ(r.rule(QStringLiteral("unheard-of")).bufferMeters,
              r.rule(QStringLiteral("other")).bufferMeters);
    EXPECT_TRUE(r.blockingTypes.contains(QStringLiteral("closure")));
    EXPECT_FALSE(
        ClashRules::fromJson("{\"types\":{\"match\":{\"buffer_m\":-1}}}", QStringLiteral("r.json")).ok());
}

TEST(Clash, SameTimeFarApartDoesNotClash)
{
    const auto clashes = findOverlaps(
        {event(QStringLiteral("match"), QStringLiteral("match"), QStringLiteral("2026-10-25T20:45:00+01:00"),
               QStringLiteral("2026-10-25T22:45:00+01:00"), Geometry::point(velodrome)),
         event(QStringLiteral("concert"), QStringLiteral("concert"),
               QStringLiteral("2026-10-25T20:00:00+01:00"), QStringLiteral("2026-10-25T23:00:00+01:00"),
               Geometry::point(dome))},
        ClashRules::defaults());
    EXPECT_TRUE(clashes.empty()); // 5 km apart, buffers 800 + 500 m
}

TEST(Clash, SamePlaceOtherDayDoesNotClash)
{
    const auto clashes = findOverlaps(
        {event(QStringLiteral("a"), QStringLiteral("match"), QStringLiteral("2026-10-25T20:45:00+01:00"),
               QStringLiteral("2026-10-25T22:45:00+01:00"), Geometry::point(velodrome)),
         event(QStringLiteral("b"), QStringLiteral("concert"), QStringLiteral("2026-10-27T20:00:00+01:00"),
               QStringLiteral("2026-10-27T23:00:00+01:00"), Geometry::point(velodrome))},
        ClashRules::defaults());
    EXPECT_TRUE(clashes.empty());
}

TEST(Clash, SameTimeAndPlaceClashesWithItsOverlapAndReason)
{
    const auto clashes = findOverlaps(
        {event(QStringLiteral("match"), QStringLiteral("match"), QStringLiteral("2026-10-25T20:45:00+01:00"),
               QStringLiteral("2026-10-25T22:45:00+01:00"), Geometry::point(velodrome)),
         event(QStringLiteral("marche"), QStringLiteral("market"),
               QStringLiteral("2026-10-25T16:00:00+01:00"), QStringLiteral("2026-10-25T19:00:00+01:00"),
               Geometry::point({velodrome.lon + 0.004, velodrome.lat}))},
        ClashRules::defaults());
    ASSERT_EQ(clashes.size(), 1u);
    const Clash &c = clashes.front();
    EXPECT_EQ(c.kind, Clash::Kind::Overlap);
    EXPECT_EQ(c.event, QStringLiteral("match"));
    EXPECT_EQ(c.other, QStringLiteral("marche"));
    EXPECT_NEAR(c.distanceMeters, 324, 5);
    // Match from 17:45 (3 h before), market until 19:30 (30 min after).
    EXPECT_EQ(c.overlapStart.toIso(), QStringLiteral("2026-10-25T16:45:00.000Z"));
    EXPECT_EQ(c.overlapEnd.toIso(), QStringLiteral("2026-10-25T18:30:00.000Z"));
    EXPECT_TRUE(c.reason.contains(QStringLiteral("324 m"))) << c.reason.toStdString();
}

TEST(Clash, MarginsMakeTheDifference)
{
    // The match ends at 18:00, the concert next door starts at 19:00: they meet only through the margins.
    const std::vector<PlannedEvent> events{
        event(QStringLiteral("a"), QStringLiteral("match"), QStringLiteral("2026-10-25T16:00:00+01:00"),
              QStringLiteral("2026-10-25T18:00:00+01:00"), Geometry::point(velodrome)),
        event(QStringLiteral("b"), QStringLiteral("concert"), QStringLiteral("2026-10-25T19:00:00+01:00"),
              QStringLiteral("2026-10-25T22:00:00+01:00"), Geometry::point(velodrome))};
    EXPECT_EQ(findOverlaps(events, flatRules(100, 0, 0)).size(), 0u);
    EXPECT_EQ(findOverlaps(events, flatRules(100, 0, 30)).size(), 0u);  // 18:30 < 19:00
    EXPECT_EQ(findOverlaps(events, flatRules(100, 30, 30)).size(), 1u); // 18:30 ≥ 18:30
    EXPECT_EQ(findOverlaps(events, ClashRules::defaults()).size(), 1u);
}

TEST(Clash, RoutePassingThirtyMetresFromAVenueIsMeasuredToItsSegments)
{
    // A straight 2 km route east–west; the venue 30 m north of its middle, 1 km from either vertex.
    const double lat = 43.30;
    const double dLat = 30.0 / metresPerDegreeLat;
    const double dLon = 1000.0 / (metresPerDegreeLat * std::cos(lat * 3.14159265358979323846 / 180.0));
    const Geometry route = Geometry::lineString({{5.38 - dLon, lat}, {5.38 + dLon, lat}});
    const Geometry venue = Geometry::point({5.38, lat + dLat});
    EXPECT_NEAR(geometryDistanceMeters(route, venue), 30.0, 0.5);
    const std::vector<PlannedEvent> events{event(QStringLiteral("cortege"), QStringLiteral("demonstration"),
                                                 QStringLiteral("2026-10-24T14:00:00+02:00"),
                                                 QStringLiteral("2026-10-24T18:00:00+02:00"), route),
                                           event(QStringLiteral("concert"), QStringLiteral("concert"),
                                                 QStringLiteral("2026-10-24T17:00:00+02:00"),
                                                 QStringLiteral("2026-10-24T20:00:00+02:00"), venue)};
    EXPECT_EQ(findOverlaps(events, flatRules(20, 0, 0)).size(), 1u); // 30 m < 20 + 20
    EXPECT_EQ(findOverlaps(events, flatRules(14, 0, 0)).size(), 0u); // 30 m > 14 + 14
}

TEST(Clash, AreasTouchingOrContainingAreAtZero)
{
    const Geometry square = Geometry::polygon({{5.38, 43.29}, {5.39, 43.29}, {5.39, 43.30}, {5.38, 43.30}});
    EXPECT_EQ(geometryDistanceMeters(square, Geometry::point({5.385, 43.295})), 0.0);
    EXPECT_EQ(geometryDistanceMeters(square, Geometry::lineString({{5.37, 43.295}, {5.40, 43.295}})), 0.0);
    EXPECT_NEAR(geometryDistanceMeters(square, Geometry::point({5.385, 43.30 + 100.0 / metresPerDegreeLat})),
                100.0, 0.5);
}
