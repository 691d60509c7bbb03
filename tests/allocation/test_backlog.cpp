#include "allocation/suggestion.h"

#include <QJsonArray>

#include <gtest/gtest.h>

using namespace vigie;
using namespace vigie::allocation;

namespace {

// Noon on a summer day; every time below is counted back from it.
const Timestamp now{1784030400000}; // 2026-07-14T12:00:00Z
constexpr qint64 minute = 60 * 1000;

Unit vsav(const char *id, GeoPoint where, const char *status = "available", const char *incident = "",
          qint64 sinceMinutes = 0, const char *type = "VSAV")
{
    Unit u;
    u.id = QString::fromLatin1(id);
    u.callsign = u.id;
    u.type = QString::fromLatin1(type);
    u.agency = QStringLiteral("fire");
    u.position = where;
    u.status = QString::fromLatin1(status);
    u.incident = QString::fromLatin1(incident);
    u.statusTime = Timestamp{now.msecs - sinceMinutes * minute};
    return u;
}

Incident incident(const char *id, const char *type, GeoPoint where, qint64 openedMinutesAgo)
{
    Incident i;
    i.id = QString::fromLatin1(id);
    i.type = QString::fromLatin1(type);
    i.title = i.id;
    i.position = where;
    i.opened = Timestamp{now.msecs - openedMinutesAgo * minute};
    return i;
}

void add(Picture &pic, const Unit &u)
{
    pic.units[u.id] = u;
}

void add(Picture &pic, const Incident &i)
{
    pic.incidents[i.id] = i;
}

/// Three injuries want a VSAV each; one VSAV is free (next to the newest), two are on scene elsewhere, one
/// for 50 min and one for 10 min.
Picture surge()
{
    Picture pic;
    add(pic, incident("inc-a", "injury", {5.36, 43.29}, 70));
    add(pic, incident("inc-b", "injury", {5.41, 43.32}, 15));
    add(pic, vsav("VSAV-A", {5.36, 43.29}, "on_scene", "inc-a", 50));
    add(pic, vsav("VSAV-B", {5.41, 43.32}, "on_scene", "inc-b", 10));
    add(pic, incident("inc-1", "injury", {5.38, 43.30}, 30));
    add(pic, incident("inc-2", "injury", {5.39, 43.31}, 20));
    add(pic, incident("inc-3", "injury", {5.40, 43.28}, 10));
    add(pic, vsav("VSAV-FREE", {5.401, 43.281}));
    return pic;
}

SuggestionSet suggestAt(const Picture &pic)
{
    auto table = defaultNeedsTable();
    EXPECT_TRUE(table.ok());
    SuggestOptions options;
    options.now = now;
    return suggest(pic, nullptr, {}, *table, options);
}

} // namespace

// The calibrated tables (simulation::calibration), worked by hand: an ambulance on scene for 50 min stands
// at quantile 0.8607 of the on-scene times; the median of the rest is the 0.9303 quantile, 57.29 min, so
// 7.29 min more, then the median handover at the hospital, 37.21 min: free in 44.5 min. On scene for 10 min
// (below every recorded time): 38.17 − 10 + 37.21 = 65.4 min.
TEST(Backlog, TheWaitingIncidentsAreRankedWithTheirWaits)
{
    const SuggestionSet set = suggestAt(surge());
    ASSERT_EQ(set.items.size(), 1u);
    EXPECT_EQ(set.items[0].incident, QStringLiteral("inc-3")) << "the free VSAV goes to its neighbour";
    ASSERT_EQ(set.shortfalls.size(), 2u) << "the shortfalls are data, not only messages";

    const Backlog &b = set.backlog;
    ASSERT_EQ(b.waiting.size(), 2u);
    // Same priority: the one that has waited longest first.
    EXPECT_EQ(b.waiting[0].incident, QStringLiteral("inc-1"));
    EXPECT_EQ(b.waiting[1].incident, QStringLiteral("inc-2"));
    EXPECT_EQ(b.waiting[0].need.name, QStringLiteral("VSAV"));
    EXPECT_EQ(b.waiting[0].missing, 1);
    EXPECT_NEAR(b.waiting[0].waitedSeconds, 30 * 60.0, 1.0);
    // The first to wait gets the VSAV that frees up first (the one on scene for 50 min).
    EXPECT_NEAR(b.waiting[0].firstFreeSeconds / 60.0, 44.5, 0.1);
    EXPECT_NEAR(b.waiting[1].firstFreeSeconds / 60.0, 65.4, 0.1);

    ASSERT_FALSE(b.reinforcements.empty());
    const Reinforcement &first = b.reinforcements.front();
    EXPECT_EQ(first.need, QStringLiteral("VSAV"));
    EXPECT_EQ(first.waitingIncidents, 2);
    ASSERT_EQ(first.engaged.size(), 2u);
    EXPECT_EQ(first.engaged[0].unit, QStringLiteral("VSAV-A")) << "soonest free first";
    EXPECT_NEAR(first.engaged[0].engagedSeconds, 50 * 60.0, 1.0);
    // A column 90 min away comes after both engaged VSAVs are free: it would save nothing, and says so.
    EXPECT_NEAR(first.savedMinutes, 0.0, 1e-9);
    EXPECT_TRUE(set.toText().contains(QStringLiteral("come after the engaged units free up")))
        << set.toText().toStdString();

    // A column here in 20 min would: (44.5 − 20) + (65.4 − 20) min, each need of priority 4.
    BacklogOptions near;
    near.columnDelaySeconds = 20 * 60.0;
    const Backlog sooner = computeBacklog(set.shortfalls, surge(), now, near);
    ASSERT_FALSE(sooner.reinforcements.empty());
    EXPECT_NEAR(sooner.reinforcements[0].savedMinutes, 69.9, 0.2);
    EXPECT_NEAR(sooner.reinforcements[0].savedWeightedMinutes, 4 * 69.9, 0.8);

    // In the suggestion's JSON and text (what vigie-cli suggest prints).
    const QJsonObject json = set.toJson().value(QLatin1String("backlog")).toObject();
    const QJsonArray waiting = json.value(QLatin1String("waiting")).toArray();
    ASSERT_EQ(waiting.size(), 2);
    EXPECT_EQ(waiting[0].toObject().value(QLatin1String("incident")).toString(), QStringLiteral("inc-1"));
    EXPECT_EQ(waiting[0].toObject().value(QLatin1String("first_free_s")).toDouble(),
              std::round(b.waiting[0].firstFreeSeconds));
    EXPECT_TRUE(set.toText().contains(QStringLiteral("1. inc-1"))) << set.toText().toStdString();
}

TEST(Backlog, EnoughUnitsNoBacklog)
{
    Picture pic = surge();
    add(pic, vsav("VSAV-2", {5.381, 43.301}));
    add(pic, vsav("VSAV-3", {5.391, 43.311}));
    const SuggestionSet set = suggestAt(pic);
    EXPECT_EQ(set.items.size(), 3u);
    EXPECT_TRUE(set.shortfalls.empty());
    EXPECT_TRUE(set.backlog.empty());
    EXPECT_TRUE(set.backlog.reinforcements.empty());
    EXPECT_FALSE(set.toText().contains(QStringLiteral("backlog")));
}

// A longer surge: six injuries and an "other" call wait for a VSAV (two on scene), two vehicle fires for an
// FPT (one on scene for 5 min). Priority comes before time waited; the VSAVs' queue outlasts a column's
// 90 min, the FPT's does not: VSAV ranks first.
TEST(Backlog, PriorityFirstAndTheLongestQueueGetsTheColumn)
{
    Picture pic;
    add(pic, incident("inc-a", "injury", {5.36, 43.29}, 70));
    add(pic, incident("inc-b", "injury", {5.41, 43.32}, 15));
    add(pic, incident("inc-f", "vehicle_fire", {5.42, 43.33}, 8));
    add(pic, vsav("VSAV-A", {5.36, 43.29}, "on_scene", "inc-a", 50));
    add(pic, vsav("VSAV-B", {5.41, 43.32}, "on_scene", "inc-b", 10));
    add(pic, vsav("FPT-F", {5.42, 43.33}, "on_scene", "inc-f", 5, "FPT"));
    add(pic, incident("inc-old", "other", {5.37, 43.30}, 90)); // VSAV, priority 2
    for (int k = 0; k < 6; ++k) {
        const QByteArray id = "inc-" + QByteArray::number(k);
        add(pic, incident(id.constData(), "injury", {5.38 + 0.002 * k, 43.30}, 40 - k));
    }
    add(pic, incident("fire-1", "vehicle_fire", {5.39, 43.29}, 12));
    add(pic, incident("fire-2", "vehicle_fire", {5.40, 43.29}, 6));
    const SuggestionSet set = suggestAt(pic);
    EXPECT_TRUE(set.items.empty()) << "no free unit";
    const Backlog &b = set.backlog;
    ASSERT_EQ(b.waiting.size(), 9u);
    EXPECT_EQ(b.waiting.back().incident, QStringLiteral("inc-old")) << "priority 2 waits behind priority 4";
    EXPECT_EQ(b.waiting[0].incident, QStringLiteral("inc-0")) << "opened 40 min ago";
    EXPECT_EQ(b.waiting[1].incident, QStringLiteral("inc-1"));
    EXPECT_EQ(b.waiting[6].incident, QStringLiteral("fire-1")) << "opened 12 min ago, after the injuries";
    ASSERT_EQ(b.reinforcements.size(), 2u);
    EXPECT_EQ(b.reinforcements[0].need, QStringLiteral("VSAV"));
    EXPECT_EQ(b.reinforcements[0].waitingIncidents, 7);
    EXPECT_GT(b.reinforcements[0].savedMinutes, 60.0);
    EXPECT_EQ(b.reinforcements[1].need, QStringLiteral("FPT"));
    EXPECT_LT(b.reinforcements[1].savedMinutes, 1.0) << "the FPT on scene frees up long before";
}
