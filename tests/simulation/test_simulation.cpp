// Dispatch simulation: hand-checkable scenarios, conservation on a generated day, determinism, the
// calibration against its source records, and the CLI.
#include "cli_run.h"
#include "simulation/dispatch_simulator.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTextStream>

#include <gtest/gtest.h>

#include <cmath>

using namespace vigie;
using namespace vigie::simulation;

namespace {

const allocation::Need vsavNeed{QStringLiteral("VSAV"), QStringLiteral("fire"), 1, 4};

SimUnit vsav(const QString &id, std::size_t station)
{
    return {id, QStringLiteral("VSAV"), QStringLiteral("fire"), {QStringLiteral("rescue")}, station};
}

SimIncident incident(double call, double sceneSeconds, const allocation::Need &need = vsavNeed)
{
    SimIncident i;
    i.id = QStringLiteral("I%1").arg(call);
    i.type = QStringLiteral("injury");
    i.callSeconds = call;
    Slot s;
    s.need = need;
    s.sceneSeconds = sceneSeconds;
    i.slots.push_back(s);
    return i;
}

/// A table where every drive from station s to incident i (and back) takes `seconds[s][i]`, no hospital.
TravelTable table(const std::vector<std::vector<double>> &seconds, std::size_t incidents)
{
    TravelTable t;
    t.stations = seconds.size();
    t.incidents = incidents;
    for (std::size_t s = 0; s < t.stations; ++s)
        for (std::size_t i = 0; i < incidents; ++i)
            t.stationToIncident.push_back(seconds[s][i]);
    for (std::size_t i = 0; i < incidents; ++i)
        for (std::size_t s = 0; s < t.stations; ++s)
            t.incidentToStation.push_back(seconds[s][i]);
    t.stationToStation.assign(t.stations * t.stations, 0.0);
    return t;
}

SimOptions fixedDelays(Policy policy)
{
    SimOptions o;
    o.policy = policy;
    o.callProcessingSeconds = 60.0;
    o.turnoutSeconds = 30.0;
    return o;
}

const allocation::NeedsTable &needs()
{
    static const allocation::NeedsTable t = *allocation::defaultNeedsTable();
    return t;
}

} // namespace

class BothPolicies : public ::testing::TestWithParam<Policy>
{
};

INSTANTIATE_TEST_SUITE_P(Simulation, BothPolicies,
                         ::testing::Values(Policy::ClosestAvailable, Policy::AllocationEngine),
                         [](const ::testing::TestParamInfo<Policy> &info) {
                             return info.param == Policy::ClosestAvailable ? std::string("ClosestAvailable")
                                                                           : std::string("AllocationEngine");
                         });

// One ambulance, two calls a minute apart, units busy until back at their station: the second waits until
// the first job is over and the unit is back. Times by hand:
//   call 1 at 0: dispatched 60, on scene 60 + 30 + 300 = 390, leaves 390 + 600 = 990, back 990 + 300 = 1290;
//   call 2 at 60: waits from 120 to 1290, on scene 1290 + 30 + 200 = 1520: response 1460.
TEST_P(BothPolicies, OneUnitTwoIncidentsSecondWaitsExactly)
{
    City city;
    city.stations = {{QStringLiteral("s0"), QStringLiteral("S0"), {5.0, 43.0}}};
    city.units = {vsav(QStringLiteral("V1"), 0)};
    city.demandWeight = {1.0};
    const std::vector<SimIncident> day{incident(0, 600), incident(60, 100)};
    const TravelTable travel = table({{300, 200}}, 2);
    SimOptions options = fixedDelays(GetParam());
    options.sendOnTheWay = false;
    auto run = simulate(city, day, travel, options);
    ASSERT_TRUE(run.ok()) << run.error().message.toStdString();
    const auto &a = run->incidents[0], &b = run->incidents[1];
    ASSERT_TRUE(a.responseSeconds && b.responseSeconds);
    EXPECT_DOUBLE_EQ(*a.responseSeconds, 390.0);
    EXPECT_DOUBLE_EQ(a.slots[0].backSeconds, 1290.0);
    EXPECT_DOUBLE_EQ(b.slots[0].dispatchSeconds, 1290.0);
    EXPECT_DOUBLE_EQ(*b.responseSeconds, 1460.0);
    EXPECT_FALSE(a.waited);
    EXPECT_TRUE(b.waited);
    EXPECT_DOUBLE_EQ(b.slots[0].backSeconds, 1520.0 + 100.0 + 200.0);
    const Summary s = summarize(*run);
    EXPECT_EQ(s.answered, 2u);
    EXPECT_EQ(s.waited, 1u);
    EXPECT_DOUBLE_EQ(s.meanSeconds, (390.0 + 1460.0) / 2);
    EXPECT_DOUBLE_EQ(s.p90Seconds, 1460.0);
    EXPECT_DOUBLE_EQ(s.shareOverTarget, 0.5);
    EXPECT_EQ(run->sentOnTheWay, 0u);
}

// The same ambulance, free on its way back (SimOptions::sendOnTheWay), the scene of the first call 150 s from
// the second. Called at 60, the second is sent to at 990, the end of the first job, straight from that scene:
// on scene 990 + 30 + 150 = 1,170, a response of 1,110 (1,460 when busy until back). Called at 1,100, it is
// sent to at 1,160, 170 s into the drive back (home at 1,290): on through the station 130 + 200 = 330 s,
// back through the scene 170 + 150 = 320 s; on scene 1,160 + 30 + 320 = 1,510, a response of 410 (420 when
// busy until back). Without scene-to-scene times it drives on through the station.
TEST_P(BothPolicies, AUnitDrivingBackIsSentFromTheRoad)
{
    City city;
    city.stations = {{QStringLiteral("s0"), QStringLiteral("S0"), {5.0, 43.0}}};
    city.units = {vsav(QStringLiteral("V1"), 0)};
    city.demandWeight = {1.0};
    TravelTable travel = table({{300, 200}}, 2);
    travel.incidentToIncident = {0, 150, 150, 0};
    const SimOptions options = fixedDelays(GetParam());
    ASSERT_TRUE(options.sendOnTheWay) << "the default";

    auto waiting = simulate(city, {incident(0, 600), incident(60, 100)}, travel, options);
    ASSERT_TRUE(waiting.ok()) << waiting.error().message.toStdString();
    const auto &a = waiting->incidents[0], &b = waiting->incidents[1];
    EXPECT_DOUBLE_EQ(a.slots[0].backSeconds, 990.0) << "its job ends where it is sent on";
    EXPECT_DOUBLE_EQ(b.slots[0].dispatchSeconds, 990.0);
    EXPECT_DOUBLE_EQ(*b.responseSeconds, 1110.0);
    EXPECT_DOUBLE_EQ(b.slots[0].backSeconds, 1170.0 + 100.0 + 200.0);
    EXPECT_EQ(waiting->sentOnTheWay, 1u);

    auto later = simulate(city, {incident(0, 600), incident(1100, 100)}, travel, options);
    ASSERT_TRUE(later.ok());
    EXPECT_DOUBLE_EQ(later->incidents[1].slots[0].dispatchSeconds, 1160.0);
    EXPECT_DOUBLE_EQ(*later->incidents[1].responseSeconds, 410.0);
    // Called as the first job ends (dispatch at 990), it is answered from that scene in 60 + 30 + 150 s:
    // faster than from the station, so faster than the station-based lower bound (60 + 30 + 200).
    const std::vector<SimIncident> justThen{incident(0, 600), incident(930, 100)};
    auto near = simulate(city, justThen, travel, options);
    ASSERT_TRUE(near.ok());
    EXPECT_DOUBLE_EQ(*near->incidents[1].responseSeconds, 240.0);
    EXPECT_DOUBLE_EQ(summarize(*near).meanSeconds, (390.0 + 240.0) / 2);
    EXPECT_DOUBLE_EQ(lowerBound(city, justThen, travel, options).meanSeconds, (390.0 + 290.0) / 2);

    SimOptions busy = options;
    busy.sendOnTheWay = false;
    auto untilBack = simulate(city, {incident(0, 600), incident(1100, 100)}, travel, busy);
    ASSERT_TRUE(untilBack.ok());
    EXPECT_DOUBLE_EQ(*untilBack->incidents[1].responseSeconds, 420.0);

    travel.incidentToIncident.clear(); // unknown: on through the station, home at 1,290, then 200 s
    auto through = simulate(city, {incident(0, 600), incident(60, 100)}, travel, options);
    ASSERT_TRUE(through.ok());
    EXPECT_DOUBLE_EQ(through->incidents[1].slots[0].dispatchSeconds, 990.0);
    EXPECT_DOUBLE_EQ(*through->incidents[1].responseSeconds, 1460.0);
}

// A transport adds the drive to the nearest hospital and the handover; the unit returns from there.
TEST_P(BothPolicies, TransportGoesToTheNearestHospital)
{
    City city;
    city.stations = {{QStringLiteral("s0"), QStringLiteral("S0"), {5.0, 43.0}}};
    city.units = {vsav(QStringLiteral("V1"), 0)};
    city.hospitals = {{5.1, 43.0}, {5.2, 43.0}};
    city.demandWeight = {1.0};
    std::vector<SimIncident> day{incident(0, 600)};
    day[0].slots[0].transport = true;
    day[0].slots[0].handoverSeconds = 900;
    TravelTable travel = table({{300}}, 1);
    travel.hospitals = 2;
    travel.incidentToHospital = {500, 400}; // the second is nearer
    travel.hospitalToStation = {100, 250};
    auto run = simulate(city, day, travel, fixedDelays(GetParam()));
    ASSERT_TRUE(run.ok());
    // on scene 390, scene until 990, hospital at 1390, handover until 2290, back at 2540.
    EXPECT_DOUBLE_EQ(run->incidents[0].slots[0].backSeconds, 2540.0);
}

// Two ambulances; the one listed first is farther: closest-available sends the other.
TEST(Simulation, ClosestPolicyPicksTheClosestMatchingUnit)
{
    City city;
    city.stations = {{QStringLiteral("far"), QStringLiteral("Far"), {5.0, 43.0}},
                     {QStringLiteral("near"), QStringLiteral("Near"), {5.1, 43.0}}};
    city.units = {vsav(QStringLiteral("V-far"), 0),
                  vsav(QStringLiteral("V-near"), 1),
                  {QStringLiteral("F-nearest"), QStringLiteral("FPT"), QStringLiteral("fire"), {}, 1}};
    city.demandWeight = {0.5, 0.5};
    const std::vector<SimIncident> day{incident(0, 60)};
    auto run = simulate(city, day, table({{400}, {250}}, 1), fixedDelays(Policy::ClosestAvailable));
    ASSERT_TRUE(run.ok());
    EXPECT_EQ(run->incidents[0].slots[0].unit, 1u);
    EXPECT_DOUBLE_EQ(*run->incidents[0].responseSeconds, 60.0 + 30.0 + 250.0);
}

// The engine trades a little time for coverage: station A has two ambulances, station B one; the call is
// a little nearer B. Closest sends B's only ambulance and leaves B's sector uncovered; with a strong
// coverage weight the engine sends one of A's.
TEST(Simulation, EngineKeepsCoverageWhereClosestDoesNot)
{
    City city;
    city.stations = {{QStringLiteral("a"), QStringLiteral("A"), {5.0, 43.0}},
                     {QStringLiteral("b"), QStringLiteral("B"), {5.2, 43.0}}};
    city.units = {vsav(QStringLiteral("A1"), 0), vsav(QStringLiteral("A2"), 0),
                  vsav(QStringLiteral("B1"), 1)};
    city.demandWeight = {0.5, 0.5};
    const std::vector<SimIncident> day{incident(0, 60)};
    TravelTable travel = table({{330}, {300}}, 1);
    travel.stationToStation = {0, 1200, 1200, 0}; // beyond the 10-minute target: no cross-cover
    auto closest = simulate(city, day, travel, fixedDelays(Policy::ClosestAvailable));
    ASSERT_TRUE(closest.ok());
    EXPECT_EQ(city.units[closest->incidents[0].slots[0].unit].station, 1u);
    SimOptions engine = fixedDelays(Policy::AllocationEngine);
    engine.weights.coverage = 10.0;
    auto withCoverage = simulate(city, day, travel, engine);
    ASSERT_TRUE(withCoverage.ok());
    EXPECT_EQ(city.units[withCoverage->incidents[0].slots[0].unit].station, 0u);
    engine.weights.coverage = 0.0; // without the coverage term it is closest-available again
    auto without = simulate(city, day, travel, engine);
    ASSERT_TRUE(without.ok());
    EXPECT_EQ(city.units[without->incidents[0].slots[0].unit].station, 1u);
}

// Move-ups, by hand. Station A has two ambulances, B one, 400 s apart. The first call, near B, takes B's; B's
// sector is then 400 s from any ambulance. Expected responses (q = 0.3, none free counted 1,200 s): with both
// left at A, sector A 0.09·1,200 = 108 s and sector B 0.7·400 + 0.21·400 + 108 = 472 s; with one moved to B,
// 0.21·400 + 108 = 192 s each: the mean shortens by (580 − 384) / 2 = 98 s, over the threshold, so one of A's
// moves to B (there at 60 + 400 = 460 s). The second call, near B at 1,000 s, is reached from B in 250 s
// instead of 450 s from A. The threshold follows the load: with two of the three ambulances free, 70 s counts
// as 70 × 3 / 2 = 105 s, and the 98-s move is not made; a fixed 70 s lets it be.
TEST(Simulation, AMoveUpFillsTheStationAnIncidentEmptied)
{
    City city;
    city.stations = {{QStringLiteral("a"), QStringLiteral("A"), {5.0, 43.0}},
                     {QStringLiteral("b"), QStringLiteral("B"), {5.1, 43.0}}};
    city.units = {vsav(QStringLiteral("A1"), 0), vsav(QStringLiteral("A2"), 0),
                  vsav(QStringLiteral("B1"), 1)};
    city.demandWeight = {0.5, 0.5};
    const std::vector<SimIncident> day{incident(0, 5000), incident(1000, 60)};
    TravelTable travel = table({{450, 450}, {250, 250}}, 2);
    travel.stationToStation = {0, 400, 400, 0};
    for (const Policy policy : {Policy::ClosestAvailable, Policy::AllocationEngine}) {
        SimOptions options = fixedDelays(policy);
        options.weights.coverage = 0.0;
        auto fixed = simulate(city, day, travel, options);
        ASSERT_TRUE(fixed.ok());
        EXPECT_DOUBLE_EQ(*fixed->incidents[1].responseSeconds, 60.0 + 30.0 + 450.0);
        EXPECT_EQ(fixed->moveUps, 0u);
        options.moveUps.enabled = true;
        auto moving = simulate(city, day, travel, options);
        ASSERT_TRUE(moving.ok());
        EXPECT_EQ(moving->incidents[0].slots[0].unit, 2u) << "B's own ambulance goes first";
        EXPECT_DOUBLE_EQ(*moving->incidents[1].responseSeconds, 60.0 + 30.0 + 250.0);
        EXPECT_GE(moving->moveUps, 1u);
        EXPECT_DOUBLE_EQ(moving->moveUpDriveSeconds, 400.0 * double(moving->moveUps));
        // Below the threshold that move is not made: the second call is reached from A.
        options.moveUps.minGain = 99.0;
        auto still = simulate(city, day, travel, options);
        ASSERT_TRUE(still.ok());
        EXPECT_DOUBLE_EQ(*still->incidents[1].responseSeconds, 60.0 + 30.0 + 450.0);
        options.moveUps.minGain = 70.0;
        ASSERT_TRUE(options.moveUps.scaleWithLoad); // the default
        auto scaled = simulate(city, day, travel, options);
        ASSERT_TRUE(scaled.ok());
        EXPECT_EQ(scaled->moveUps, 0u);
        EXPECT_DOUBLE_EQ(*scaled->incidents[1].responseSeconds, 60.0 + 30.0 + 450.0);
        options.moveUps.scaleWithLoad = false;
        auto fixedGain = simulate(city, day, travel, options);
        ASSERT_TRUE(fixedGain.ok());
        EXPECT_DOUBLE_EQ(*fixedGain->incidents[1].responseSeconds, 60.0 + 30.0 + 250.0);
    }
    // The lower bound: each call by the nearest ambulance as if free, 60 + 30 + 250 s.
    const Summary bound = lowerBound(city, day, travel, fixedDelays(Policy::ClosestAvailable));
    EXPECT_DOUBLE_EQ(bound.meanSeconds, 340.0);
}

// A unit on a move-up is sent from the end of its drive that is nearer. B's only ambulance leaves at 60 s;
// with B's demand nine times A's, A1 moves to B (expected responses, q = 0.3: 612 s before, 388 s after),
// leaving A at 60 s to be there at 460 s. A call near A dispatched at 160 s: on, 300 s more to B then 600 s;
// back, the 100 s driven then 150 s. It goes back: on scene at 160 + 30 + 250 = 440 s, a response of 340 s.
TEST(Simulation, AUnitOnAMoveUpIsSentFromTheNearerEnd)
{
    City city;
    city.stations = {{QStringLiteral("a"), QStringLiteral("A"), {5.0, 43.0}},
                     {QStringLiteral("b"), QStringLiteral("B"), {5.1, 43.0}}};
    city.units = {vsav(QStringLiteral("A1"), 0), vsav(QStringLiteral("B1"), 1)};
    city.demandWeight = {0.1, 0.9};
    const std::vector<SimIncident> day{incident(0, 5000), incident(100, 60)};
    TravelTable travel = table({{450, 150}, {250, 600}}, 2);
    travel.stationToStation = {0, 400, 400, 0};
    for (const Policy policy : {Policy::ClosestAvailable, Policy::AllocationEngine}) {
        SimOptions options = fixedDelays(policy);
        options.weights.coverage = 0.0;
        options.moveUps.enabled = true;
        auto run = simulate(city, day, travel, options);
        ASSERT_TRUE(run.ok());
        EXPECT_EQ(run->incidents[0].slots[0].unit, 1u);
        EXPECT_EQ(run->moveUps, 2u) << "to B at 60 s, and again once back from the second call";
        EXPECT_EQ(run->incidents[1].slots[0].unit, 0u);
        EXPECT_DOUBLE_EQ(*run->incidents[1].responseSeconds, 340.0) << policyName(policy).toStdString();
    }
}

// Where a freed unit drives. A1 (at A) and B1 (at B) leave for the first two calls; the third, near B, waits.
// A1 is free at 60 + 30 + 100 + 1,000 = 1,190 s, 100 s from A and 300 s from B. Home, it is back at A at
// 1,290 s and then 500 s away: on scene at 1,820 s, a response of 1,720 s. Towards the need that waits, it
// drives through B (300 + 50 s, against 100 + 500 s through A): at B at 1,490 s, on scene at 1,570 s, a
// response of 1,470 s, in either policy.
TEST_P(BothPolicies, AFreedUnitDrivesTowardsTheNeedThatWaits)
{
    City city;
    city.stations = {{QStringLiteral("a"), QStringLiteral("A"), {5.0, 43.0}},
                     {QStringLiteral("b"), QStringLiteral("B"), {5.1, 43.0}}};
    city.units = {vsav(QStringLiteral("A1"), 0), vsav(QStringLiteral("B1"), 1)};
    const std::vector<SimIncident> day{incident(0, 1000), incident(1, 5000), incident(100, 60)};
    const TravelTable travel = table({{100, 100, 500}, {300, 300, 50}}, 3);
    SimOptions options = fixedDelays(GetParam());
    options.weights.coverage = 0.0;
    options.sendOnTheWay = false; // the return rule alone (sent from the road, A1 goes there at once)
    auto home = simulate(city, day, travel, options);
    ASSERT_TRUE(home.ok());
    EXPECT_EQ(home->incidents[0].slots[0].unit, 0u);
    EXPECT_EQ(home->incidents[2].slots[0].unit, 0u);
    EXPECT_DOUBLE_EQ(*home->incidents[2].responseSeconds, 1720.0);
    EXPECT_EQ(home->returnsElsewhere, 0u);
    options.returnTowardWaiting = true;
    auto toward = simulate(city, day, travel, options);
    ASSERT_TRUE(toward.ok());
    EXPECT_DOUBLE_EQ(*toward->incidents[2].responseSeconds, 1470.0);
    EXPECT_DOUBLE_EQ(toward->incidents[0].slots[0].backSeconds, 1490.0);
    EXPECT_EQ(toward->returnsElsewhere, 1u);
    // Nothing waits when B1 is freed: it goes home.
    EXPECT_DOUBLE_EQ(toward->incidents[1].slots[0].backSeconds, 61.0 + 30.0 + 300.0 + 5000.0 + 300.0);
}

// On a generated day no policy whose units leave from stations beats the lower bound, with or without
// move-ups.
// One ambulance; call A (two VSAV, the station 300 s away) at 0, call B (one VSAV, 400 s away) at 30; units
// busy until back. The unit, back from A at 790, finds A's second need (a complement: A had a unit) and B
// (nobody yet) waiting. Times by hand:
//   A: dispatched 60, on scene 60 + 30 + 300 = 390, leaves 490, back 790;
//   B first: dispatched 790, on scene 790 + 30 + 400 = 1220, response 1190;
//   A's complement first: on scene 1120, leaves 1220, back 1520; B on scene 1520 + 30 + 400 = 1950, response
//   1920.
TEST(Simulation, AnIncidentWithNobodyIsServedBeforeAComplement)
{
    City city;
    city.stations = {{QStringLiteral("s0"), QStringLiteral("S0"), {5.0, 43.0}}};
    city.units = {vsav(QStringLiteral("V1"), 0)};
    city.demandWeight = {1.0};
    std::vector<SimIncident> day{incident(0, 100), incident(30, 100)};
    day[0].slots.push_back(day[0].slots.front());
    const TravelTable travel = table({{300, 400}}, 2);
    const auto responseOfB = [&](Policy policy, bool closestFirstUnits, int followUpLevels) {
        SimOptions options = fixedDelays(policy);
        options.sendOnTheWay = false;
        options.closestFirstUnits = closestFirstUnits;
        options.weights.followUpLevels = followUpLevels;
        auto run = simulate(city, day, travel, options);
        EXPECT_TRUE(run.ok());
        EXPECT_DOUBLE_EQ(run->incidents[0].responseSeconds.value_or(-1), 390.0);
        return run->incidents[1].responseSeconds.value_or(-1);
    };
    // The closest unit as named: needs in call order, A's complement first.
    EXPECT_DOUBLE_EQ(responseOfB(Policy::ClosestAvailable, false, 3), 1920.0);
    EXPECT_DOUBLE_EQ(responseOfB(Policy::ClosestAvailable, true, 3), 1190.0);
    // The engine: B first; without the rule, the nearer complement.
    EXPECT_DOUBLE_EQ(responseOfB(Policy::AllocationEngine, false, 3), 1190.0);
    EXPECT_DOUBLE_EQ(responseOfB(Policy::AllocationEngine, false, 0), 1920.0);
}

TEST(Simulation, NoPolicyBeatsTheLowerBound)
{
    auto city = marseilleCity();
    ASSERT_TRUE(city.ok());
    DayParams params;
    params.seed = 4;
    params.incidents = 120;
    auto day = generateDay(*city, needs(), params);
    ASSERT_TRUE(day.ok());
    const TravelTable travel = buildTravelTable(nullptr, *city, *day);
    SimOptions options;
    const Summary bound = lowerBound(*city, *day, travel, options);
    for (const Policy policy : {Policy::ClosestAvailable, Policy::AllocationEngine})
        for (const bool moves : {false, true}) {
            options.policy = policy;
            options.moveUps.enabled = moves;
            options.returnTowardWaiting = moves;
            options.sendOnTheWay = false; // units leave from stations only (see lowerBound)
            auto run = simulate(*city, *day, travel, options);
            ASSERT_TRUE(run.ok());
            const Summary s = summarize(*run);
            EXPECT_GE(s.meanSeconds, bound.meanSeconds - 1e-9) << policyName(policy).toStdString() << moves;
            EXPECT_GE(s.p90Seconds, bound.p90Seconds - 1e-9) << policyName(policy).toStdString() << moves;
        }
}

// A need no unit of the city can fill is never answered, and counted.
TEST_P(BothPolicies, UnfillableNeedIsCountedUnanswered)
{
    City city;
    city.stations = {{QStringLiteral("s0"), QStringLiteral("S0"), {5.0, 43.0}}};
    city.units = {vsav(QStringLiteral("V1"), 0)};
    city.demandWeight = {1.0};
    const std::vector<SimIncident> day{incident(0, 60, {QStringLiteral("EPA"), QStringLiteral("fire"), 1, 4}),
                                       incident(10, 60)};
    auto run = simulate(city, day, table({{300, 300}}, 2), fixedDelays(GetParam()));
    ASSERT_TRUE(run.ok());
    const Summary s = summarize(*run);
    EXPECT_EQ(s.unanswered, 1u);
    EXPECT_FALSE(run->incidents[0].responseSeconds);
    EXPECT_TRUE(run->incidents[1].responseSeconds);
}

TEST(Simulation, MismatchedTravelTableIsAClearError)
{
    City city;
    city.stations = {{QStringLiteral("s0"), QStringLiteral("S0"), {5.0, 43.0}}};
    city.units = {vsav(QStringLiteral("V1"), 0)};
    auto run = simulate(city, {incident(0, 60)}, table({{1, 2}}, 2), {});
    ASSERT_FALSE(run.ok());
    EXPECT_TRUE(run.error().message.contains(QStringLiteral("travel table")))
        << run.error().message.toStdString();
}

// On a whole generated Marseille day: every need gets exactly one unit, once, after its call; a unit is
// never on two jobs at once; the response time is the first arrival.
TEST_P(BothPolicies, GeneratedDayConservation)
{
    auto city = marseilleCity();
    ASSERT_TRUE(city.ok()) << city.error().message.toStdString();
    DayParams params;
    params.seed = 7;
    auto day = generateDay(*city, needs(), params);
    ASSERT_TRUE(day.ok()) << day.error().message.toStdString();
    ASSERT_EQ(day->size(), 350u);
    const TravelTable travel = buildTravelTable(nullptr, *city, *day);
    SimOptions options;
    options.policy = GetParam();
    auto run = simulate(*city, *day, travel, options);
    ASSERT_TRUE(run.ok()) << run.error().message.toStdString();
    std::vector<std::vector<std::pair<double, double>>> busy(city->units.size());
    for (std::size_t i = 0; i < day->size(); ++i) {
        const IncidentOutcome &o = run->incidents[i];
        ASSERT_TRUE(o.responseSeconds) << i;
        double first = std::numeric_limits<double>::infinity();
        for (const SlotOutcome &s : o.slots) {
            ASSERT_NE(s.unit, noUnit);
            EXPECT_GE(s.dispatchSeconds, (*day)[i].callSeconds + options.callProcessingSeconds);
            EXPECT_GT(s.onSceneSeconds, s.dispatchSeconds);
            EXPECT_GT(s.backSeconds, s.onSceneSeconds);
            first = std::min(first, s.onSceneSeconds);
            busy[s.unit].emplace_back(s.dispatchSeconds, s.backSeconds);
        }
        EXPECT_DOUBLE_EQ(*o.responseSeconds, first - (*day)[i].callSeconds);
    }
    for (auto &intervals : busy) {
        std::sort(intervals.begin(), intervals.end());
        for (std::size_t k = 1; k < intervals.size(); ++k)
            EXPECT_LE(intervals[k - 1].second, intervals[k].first);
    }
    const Summary s = summarize(*run);
    EXPECT_EQ(s.answered, 350u);
    EXPECT_EQ(s.unanswered, 0u);
    EXPECT_GT(s.meanSeconds, options.callProcessingSeconds + options.turnoutSeconds);
    EXPECT_LE(s.meanSeconds, s.p90Seconds);
}

TEST(Simulation, SameSeedSameDaySameResults)
{
    auto city = marseilleCity();
    ASSERT_TRUE(city.ok());
    DayParams params;
    params.seed = 42;
    auto a = generateDay(*city, needs(), params), b = generateDay(*city, needs(), params);
    ASSERT_TRUE(a.ok() && b.ok());
    ASSERT_EQ(a->size(), b->size());
    for (std::size_t i = 0; i < a->size(); ++i) {
        EXPECT_EQ((*a)[i].callSeconds, (*b)[i].callSeconds);
        EXPECT_EQ((*a)[i].position, (*b)[i].position);
        EXPECT_EQ((*a)[i].type, (*b)[i].type);
    }
    const TravelTable travel = buildTravelTable(nullptr, *city, *a);
    for (const Policy p : {Policy::ClosestAvailable, Policy::AllocationEngine}) {
        SimOptions o;
        o.policy = p;
        const Summary x = summarize(*simulate(*city, *a, travel, o));
        const Summary y = summarize(*simulate(*city, *b, travel, o));
        EXPECT_EQ(x.meanSeconds, y.meanSeconds);
        EXPECT_EQ(x.p90Seconds, y.p90Seconds);
        EXPECT_EQ(x.waited, y.waited);
    }
    params.seed = 43;
    auto c = generateDay(*city, needs(), params);
    ASSERT_TRUE(c.ok());
    EXPECT_NE((*a)[0].callSeconds, (*c)[0].callSeconds);
}

// The generator draws what its README says: ≈ 80 % rescue to persons, calls spread over the day in
// order, positions within the offset bound of a station that has demand.
TEST(Simulation, GeneratedDayFollowsItsParameters)
{
    auto city = marseilleCity();
    ASSERT_TRUE(city.ok());
    EXPECT_EQ(city->stations.size(), 18u);
    EXPECT_EQ(city->units.size(), 88u); // the fire units of the 134-unit demo fleet
    EXPECT_FALSE(city->hospitals.empty());
    DayParams params;
    params.incidents = 20000;
    auto day = generateDay(*city, needs(), params);
    ASSERT_TRUE(day.ok());
    std::size_t rescue = 0;
    double last = 0.0;
    for (const SimIncident &i : *day) {
        rescue += isRescueToPersons(i.type) ? 1 : 0;
        EXPECT_GE(i.callSeconds, last);
        EXPECT_LT(i.callSeconds, 86400.0);
        last = i.callSeconds;
        double nearest = std::numeric_limits<double>::infinity();
        for (std::size_t s = 0; s < city->stations.size(); ++s)
            if (city->demandWeight[s] > 0)
                nearest = std::min(nearest, distanceMeters(i.position, city->stations[s].position));
        EXPECT_LE(nearest, params.maxOffsetMeters + 1.0);
        EXPECT_FALSE(i.slots.empty()) << i.type.toStdString();
    }
    EXPECT_NEAR(double(rescue) / double(day->size()), 0.80, 0.015);
    params.mix = {{QStringLiteral("no_such_type"), 1.0}};
    auto bad = generateDay(*city, needs(), params);
    ASSERT_FALSE(bad.ok());
    EXPECT_TRUE(bad.error().message.contains(QStringLiteral("no_such_type")));
}

// The service-time tables are the San Francisco records' quantiles (nearest rank): recomputed here from
// the shared file, so that the numbers in the code cannot drift from their source.
TEST(Simulation, CalibrationMatchesTheSanFranciscoRecords)
{
    QFile file(QStringLiteral(VIGIE_SHARED_DATA
                              "/incidents/sf-fire-calls/sf_fire_calls_lone_mountain_2009_2019.csv"));
    if (!file.open(QIODevice::ReadOnly))
        GTEST_SKIP() << "shared San Francisco records absent";
    QTextStream in(&file);
    // Splits one CSV line with quoted fields (the Location column holds a comma).
    auto fields = [](const QString &line) {
        QStringList out;
        QString cur;
        bool quoted = false;
        for (const QChar c : line) {
            if (c == QLatin1Char('"'))
                quoted = !quoted;
            else if (c == QLatin1Char(',') && !quoted) {
                out.append(cur);
                cur.clear();
            } else
                cur += c;
        }
        out.append(cur);
        return out;
    };
    const QStringList header = fields(in.readLine());
    const auto col = [&](const char *name) {
        return header.indexOf(QLatin1String(name));
    };
    const auto time = [](const QString &s) {
        return QDateTime::fromString(s, QStringLiteral("MM/dd/yyyy hh:mm:ss AP"));
    };
    std::vector<double> engine, scene, handover;
    while (!in.atEnd()) {
        const QStringList f = fields(in.readLine());
        if (f.size() < header.size())
            continue;
        const QDateTime onScene = time(f[col("On Scene DtTm")]), available = time(f[col("Available DtTm")]),
                        transport = time(f[col("Transport DtTm")]), hospital = time(f[col("Hospital DtTm")]);
        const QString type = f[col("Unit Type")];
        if (type == QLatin1String("ENGINE") && onScene.isValid() && available.isValid() &&
            available >= onScene)
            engine.push_back(onScene.secsTo(available) / 60.0);
        if (type == QLatin1String("MEDIC") && onScene.isValid() && transport.isValid() &&
            hospital.isValid() && available.isValid()) {
            scene.push_back(onScene.secsTo(transport) / 60.0);
            handover.push_back(hospital.secsTo(available) / 60.0);
        }
    }
    ASSERT_EQ(engine.size(), 1288u);
    ASSERT_EQ(scene.size(), 8u);
    auto check = [](std::vector<double> v, const QuantileTable &t, const char *what) {
        std::sort(v.begin(), v.end());
        for (std::size_t k = 0; k < t.probabilities.size(); ++k) {
            const double p = t.probabilities[k];
            const double expected = v[std::size_t(std::lround(p * double(v.size() - 1)))];
            EXPECT_NEAR(t.minutes[k], expected, 0.01) << what << " at p=" << p;
            EXPECT_NEAR(t.at(p), expected, 0.01) << what << " at p=" << p;
        }
    };
    check(engine, calibration::engineScene(), "engine scene");
    check(scene, calibration::ambulanceScene(), "ambulance scene");
    check(handover, calibration::hospitalHandover(), "handover");
}

namespace {

using vigie::test::CliRun;

CliRun cli(const QStringList &args)
{
    return vigie::test::runCli(args);
}

} // namespace

TEST(SimulateCli, PrintsBothPoliciesAndSaysTimesAreStraightLine)
{
    const CliRun text = cli({QStringLiteral("simulate"), QStringLiteral("--incidents"), QStringLiteral("60"),
                             QStringLiteral("--seed"), QStringLiteral("3")});
    ASSERT_EQ(text.code, 0) << text.err.toStdString();
    const QString out = QString::fromUtf8(text.out);
    EXPECT_TRUE(out.contains(QString::fromUtf8(routing::approximateNote))) << out.toStdString();
    EXPECT_TRUE(out.contains(QStringLiteral("closest available unit")));
    EXPECT_TRUE(out.contains(QStringLiteral("allocation engine")));

    const CliRun json = cli({QStringLiteral("simulate"), QStringLiteral("--incidents"), QStringLiteral("60"),
                             QStringLiteral("--seed"), QStringLiteral("3"), QStringLiteral("--json")});
    ASSERT_EQ(json.code, 0) << json.err.toStdString();
    const QJsonObject o = QJsonDocument::fromJson(json.out).object();
    EXPECT_FALSE(o.value(QLatin1String("roads")).toBool());
    const QJsonArray policies = o.value(QLatin1String("policies")).toArray();
    ASSERT_EQ(policies.size(), 2);
    for (const QJsonValue &p : policies) {
        EXPECT_EQ(p.toObject().value(QLatin1String("answered")).toInt(), 60);
        EXPECT_GT(p.toObject().value(QLatin1String("mean_s")).toDouble(), 0.0);
    }
    // The same seed gives the same figures.
    EXPECT_EQ(cli({QStringLiteral("simulate"), QStringLiteral("--incidents"), QStringLiteral("60"),
                   QStringLiteral("--seed"), QStringLiteral("3"), QStringLiteral("--json")})
                  .out,
              json.out);
}

TEST(SimulateCli, MoveUpsRunAThirdPolicyAndTheLowerBoundIsPrinted)
{
    const CliRun text = cli({QStringLiteral("simulate"), QStringLiteral("--incidents"), QStringLiteral("60"),
                             QStringLiteral("--seed"), QStringLiteral("3"), QStringLiteral("--move-ups")});
    ASSERT_EQ(text.code, 0) << text.err.toStdString();
    const QString out = QString::fromUtf8(text.out);
    EXPECT_TRUE(out.contains(QStringLiteral("allocation engine + move-ups"))) << out.toStdString();
    EXPECT_TRUE(out.contains(QStringLiteral("lower bound"))) << out.toStdString();
    EXPECT_TRUE(out.contains(QStringLiteral("with move-ups vs closest"))) << out.toStdString();

    const CliRun json = cli({QStringLiteral("simulate"), QStringLiteral("--incidents"), QStringLiteral("60"),
                             QStringLiteral("--seed"), QStringLiteral("3"), QStringLiteral("--move-ups"),
                             QStringLiteral("--json")});
    ASSERT_EQ(json.code, 0) << json.err.toStdString();
    const QJsonObject o = QJsonDocument::fromJson(json.out).object();
    const QJsonArray policies = o.value(QLatin1String("policies")).toArray();
    ASSERT_EQ(policies.size(), 3);
    const QJsonObject moves = policies[2].toObject();
    EXPECT_EQ(moves.value(QLatin1String("policy")).toString(), QStringLiteral("allocation+moveups"));
    EXPECT_EQ(moves.value(QLatin1String("answered")).toInt(), 60);
    const double bound =
        o.value(QLatin1String("lower_bound")).toObject().value(QLatin1String("mean_s")).toDouble();
    EXPECT_GT(bound, 0.0);
    for (const QJsonValue &p : policies)
        EXPECT_GE(p.toObject().value(QLatin1String("mean_s")).toDouble(), bound);
    EXPECT_TRUE(moves.contains(QLatin1String("returns_elsewhere")));

    for (const QJsonValue &p : policies)
        EXPECT_TRUE(p.toObject().contains(QLatin1String("sent_on_the_way")));
    EXPECT_TRUE(o.value(QLatin1String("send_on_the_way")).toBool());
    EXPECT_DOUBLE_EQ(o.value(QLatin1String("move_up_min_gain_s")).toDouble(), 3.0);
    EXPECT_TRUE(o.value(QLatin1String("move_up_gain_scaled")).toBool());
    const CliRun fixedGain =
        cli({QStringLiteral("simulate"), QStringLiteral("--incidents"), QStringLiteral("60"),
             QStringLiteral("--seed"), QStringLiteral("3"), QStringLiteral("--move-ups"),
             QStringLiteral("--json"), QStringLiteral("--move-up-fixed-gain"),
             QStringLiteral("--move-up-min-gain"), QStringLiteral("10")});
    ASSERT_EQ(fixedGain.code, 0) << fixedGain.err.toStdString();
    const QJsonObject f = QJsonDocument::fromJson(fixedGain.out).object();
    EXPECT_FALSE(f.value(QLatin1String("move_up_gain_scaled")).toBool());
    EXPECT_DOUBLE_EQ(f.value(QLatin1String("move_up_min_gain_s")).toDouble(), 10.0);

    // Units busy until back at their station: freed units sent home, in every policy, and towards waiting
    // needs, in every policy; the first two policies change only with the second.
    const auto meanOf = [](const QStringList &extra) {
        QStringList args{QStringLiteral("simulate"), QStringLiteral("--incidents"),
                         QStringLiteral("525"),      QStringLiteral("--seed"),
                         QStringLiteral("3"),        QStringLiteral("--move-ups"),
                         QStringLiteral("--json"),   QStringLiteral("--return-unavailable")};
        const CliRun run = cli(args + extra);
        EXPECT_EQ(run.code, 0) << run.err.toStdString();
        std::vector<double> means;
        for (const QJsonValue &p :
             QJsonDocument::fromJson(run.out).object().value(QLatin1String("policies")).toArray())
            means.push_back(p.toObject().value(QLatin1String("mean_s")).toDouble());
        return means;
    };
    const std::vector<double> plain = meanOf({}), home = meanOf({QStringLiteral("--return-home")}),
                              toward = meanOf({QStringLiteral("--return-toward-waiting")});
    ASSERT_EQ(plain.size(), 3u);
    ASSERT_EQ(home.size(), 3u);
    ASSERT_EQ(toward.size(), 3u);
    EXPECT_DOUBLE_EQ(plain[0], home[0]);
    EXPECT_DOUBLE_EQ(plain[1], home[1]);
    EXPECT_DOUBLE_EQ(plain[2], toward[2]);
    EXPECT_NE(plain[0], toward[0]) << "the closest unit's freed units go towards waiting needs too";

    // Sent from the road (the default), on a surge day: units are, and the closest unit's day is shorter.
    const CliRun road = cli({QStringLiteral("simulate"), QStringLiteral("--incidents"), QStringLiteral("525"),
                             QStringLiteral("--seed"), QStringLiteral("3"), QStringLiteral("--json")});
    ASSERT_EQ(road.code, 0) << road.err.toStdString();
    const QJsonObject closest =
        QJsonDocument::fromJson(road.out).object().value(QLatin1String("policies")).toArray()[0].toObject();
    EXPECT_GT(closest.value(QLatin1String("sent_on_the_way")).toInt(), 0);
    EXPECT_LT(closest.value(QLatin1String("mean_s")).toDouble(), plain[0]);

    // The closest unit with the engine's rule on complements: said, and only the closest unit's day changes.
    const CliRun ruled = cli({QStringLiteral("simulate"), QStringLiteral("--incidents"),
                              QStringLiteral("525"), QStringLiteral("--seed"), QStringLiteral("3"),
                              QStringLiteral("--json"), QStringLiteral("--closest-first-units")});
    ASSERT_EQ(ruled.code, 0) << ruled.err.toStdString();
    const QJsonObject r = QJsonDocument::fromJson(ruled.out).object();
    EXPECT_TRUE(r.value(QLatin1String("closest_first_units")).toBool());
    EXPECT_FALSE(
        QJsonDocument::fromJson(road.out).object().value(QLatin1String("closest_first_units")).toBool());
    const QJsonArray
        before = QJsonDocument::fromJson(road.out).object().value(QLatin1String("policies")).toArray(),
        after = r.value(QLatin1String("policies")).toArray();
    EXPECT_NE(after[0].toObject().value(QLatin1String("mean_s")).toDouble(),
              before[0].toObject().value(QLatin1String("mean_s")).toDouble());
    EXPECT_DOUBLE_EQ(after[1].toObject().value(QLatin1String("mean_s")).toDouble(),
                     before[1].toObject().value(QLatin1String("mean_s")).toDouble());
}

TEST(SimulateCli, BadArgumentsAreClearErrors)
{
    EXPECT_EQ(cli({QStringLiteral("simulate"), QStringLiteral("--help")}).code, 0);
    const CliRun seed = cli({QStringLiteral("simulate"), QStringLiteral("--seed"), QStringLiteral("abc")});
    EXPECT_EQ(seed.code, 1);
    EXPECT_TRUE(seed.err.contains("--seed \"abc\"")) << seed.err.toStdString();
    const CliRun count =
        cli({QStringLiteral("simulate"), QStringLiteral("--incidents"), QStringLiteral("-5")});
    EXPECT_EQ(count.code, 1);
    EXPECT_TRUE(count.err.contains("--incidents")) << count.err.toStdString();
    const CliRun roads =
        cli({QStringLiteral("simulate"), QStringLiteral("--roads"), QStringLiteral("/nonexistent")});
    EXPECT_EQ(roads.code, 1);
    EXPECT_TRUE(roads.err.contains("/nonexistent")) << roads.err.toStdString();
    const CliRun gain =
        cli({QStringLiteral("simulate"), QStringLiteral("--move-up-min-gain"), QStringLiteral("-1")});
    EXPECT_EQ(gain.code, 1);
    EXPECT_TRUE(gain.err.contains("--move-up-min-gain \"-1\"")) << gain.err.toStdString();
    EXPECT_EQ(cli({QStringLiteral("simulate"), QStringLiteral("extra")}).code, 1);
}
