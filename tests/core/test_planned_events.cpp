// The calendar in the picture: event.plan / event.cancel folded, replaced by id, cancelled, kept by
// snapshots, and the same whether folded here or replayed from a room's log.
#include "test_util.h"

#include "log/entry_kinds.h"
#include "picture/picture.h"

#include <QJsonDocument>

using namespace vigie;
using namespace vigie::test;

namespace {

constexpr qint64 t0 = 1784055600000; // 2026-07-14T19:00:00Z

Entry plan(const QString &id, const QString &title, const QString &start, const QString &end, Geometry geo,
           QJsonObject extra = {}, qint64 at = t0)
{
    QJsonObject d{{QStringLiteral("event"), id},
                  {QStringLiteral("title"), title},
                  {QStringLiteral("type"), QStringLiteral("match")},
                  {QStringLiteral("start"), start},
                  {QStringLiteral("end"), end}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        d.insert(it.key(), it.value());
    return makeEntry(QString(kinds::eventPlan), at, d, std::move(geo));
}

Entry cancel(const QString &id, qint64 at)
{
    return makeEntry(QString(kinds::eventCancel), at,
                     {{QStringLiteral("event"), id}, {QStringLiteral("reason"), QStringLiteral("report")}});
}

std::vector<Entry> season()
{
    return {
        plan(QStringLiteral("evt:om-psg"), QStringLiteral("OM – PSG"),
             QStringLiteral("2026-10-25T20:45:00+01:00"), QStringLiteral("2026-10-25T22:45:00+01:00"),
             Geometry::point({5.395049, 43.269554}),
             {{QStringLiteral("attendance"), 65000},
              {QStringLiteral("venue"), QStringLiteral("Orange Vélodrome")},
              {QStringLiteral("organiser"), QStringLiteral("Olympique de Marseille")},
              {QStringLiteral("source"), QStringLiteral("csv:saison.csv")}}),
        plan(QStringLiteral("evt:manif"), QStringLiteral("Manifestation"),
             QStringLiteral("2026-10-24T14:00:00+02:00"), QStringLiteral("2026-10-24T18:00:00+02:00"),
             Geometry::lineString({{5.3741, 43.2950}, {5.3800, 43.2972}, {5.3853, 43.2990}}), {}, t0 + 1000),
        plan(QStringLiteral("evt:plaine"), QStringLiteral("Marché de la Plaine"),
             QStringLiteral("2026-10-27T07:00:00+01:00"), QStringLiteral("2026-10-27T13:30:00+01:00"),
             Geometry::polygon({{5.3880, 43.2960}, {5.3900, 43.2960}, {5.3900, 43.2975}, {5.3880, 43.2975}}),
             {}, t0 + 2000),
        // The match moves: the same id replaces it as a whole (no attendance any more).
        plan(QStringLiteral("evt:om-psg"), QStringLiteral("OM – PSG (reporté)"),
             QStringLiteral("2026-10-26T21:00:00+01:00"), QStringLiteral("2026-10-26T23:00:00+01:00"),
             Geometry::point({5.395049, 43.269554}), {}, t0 + 3000),
        cancel(QStringLiteral("evt:plaine"), t0 + 4000),
    };
}

} // namespace

TEST(PlannedEvents, PlanIsFoldedWithEveryField)
{
    Picture p;
    Entry e = season().front();
    e.seq = 1;
    ASSERT_TRUE(validateKind(e).ok());
    p.apply(e);
    ASSERT_EQ(p.plannedEvents.size(), 1u);
    const PlannedEvent &ev = p.plannedEvents.at(QStringLiteral("evt:om-psg"));
    EXPECT_EQ(ev.title, QStringLiteral("OM – PSG"));
    EXPECT_EQ(ev.type, QStringLiteral("match"));
    EXPECT_EQ(ev.start.toIso(), QStringLiteral("2026-10-25T19:45:00.000Z"));
    EXPECT_EQ(ev.end.toIso(), QStringLiteral("2026-10-25T21:45:00.000Z"));
    EXPECT_EQ(ev.attendance, 65000);
    EXPECT_EQ(ev.venue, QStringLiteral("Orange Vélodrome"));
    EXPECT_EQ(ev.organiser, QStringLiteral("Olympique de Marseille"));
    EXPECT_EQ(ev.source, QStringLiteral("csv:saison.csv"));
    EXPECT_EQ(ev.geo.type, Geometry::Type::Point);
    EXPECT_EQ(ev.recorded.msecs, t0); // when it was recorded, not when it starts
    EXPECT_EQ(ev.seq, 1);
}

TEST(PlannedEvents, SameIdReplacesAndCancelRemoves)
{
    Picture p;
    qint64 seq = 0;
    for (Entry e : season()) {
        e.seq = ++seq;
        ASSERT_TRUE(validateKind(e).ok()) << validateKind(e).error().message.toStdString();
        p.apply(e);
    }
    ASSERT_EQ(p.plannedEvents.size(), 2u);
    const PlannedEvent &match = p.plannedEvents.at(QStringLiteral("evt:om-psg"));
    EXPECT_EQ(match.title, QStringLiteral("OM – PSG (reporté)"));
    EXPECT_FALSE(match.attendance.has_value()); // replaced as a whole, not merged
    EXPECT_TRUE(match.venue.isEmpty());
    EXPECT_EQ(match.seq, 4);
    EXPECT_FALSE(p.plannedEvents.contains(QStringLiteral("evt:plaine")));
    EXPECT_EQ(p.plannedEvents.at(QStringLiteral("evt:manif")).geo.type, Geometry::Type::LineString);
}

TEST(PlannedEvents, SnapshotRoundTripKeepsThem)
{
    Picture p;
    qint64 seq = 0;
    for (Entry e : season()) {
        e.seq = ++seq;
        p.apply(e);
    }
    const QByteArray text = p.toJsonText();
    EXPECT_TRUE(Picture::isCurrentSnapshot(text));
    auto back = Picture::fromJson(QJsonDocument::fromJson(text).object());
    ASSERT_TRUE(back.ok()) << back.error().message.toStdString();
    EXPECT_EQ(*back, p);
    // A snapshot of the format before the calendar is not restored: the picture is folded again.
    EXPECT_FALSE(Picture::isCurrentSnapshot(QByteArrayLiteral("{\"format\":3,\"units\":[]}")));
}

TEST(PlannedEvents, FoldEqualsReplayOfTheRoomsLog)
{
    TempRoom r;
    auto appended = r.room->append(season());
    ASSERT_TRUE(appended.ok()) << appended.error().message.toStdString();
    Picture folded;
    for (const Entry &e : *appended)
        folded.apply(e);
    auto replayed = r.room->picture();
    ASSERT_TRUE(replayed.ok());
    EXPECT_EQ(replayed->plannedEvents, folded.plannedEvents);
    EXPECT_EQ(replayed->plannedEvents.size(), 2u);
    // Cancelled, it stays in the log.
    int plans = 0;
    ASSERT_TRUE(r.room->store()
                    .read({},
                          [&](const Entry &e) {
                              plans += e.kind == kinds::eventPlan;
                              return true;
                          })
                    .ok());
    EXPECT_EQ(plans, 4);
}

TEST(PlannedEvents, BadPlansAreRefusedNamingTheField)
{
    const Geometry venue = Geometry::point({5.395, 43.2695});
    struct Case
    {
        Entry entry;
        const char *expected;
    };
    const Case cases[] = {
        {plan(QStringLiteral("evt:a"), QStringLiteral("A"), QStringLiteral("demain"),
              QStringLiteral("2026-10-25T22:45:00+01:00"), venue),
         "data.start"},
        {plan(QStringLiteral("evt:a"), QStringLiteral("A"), QStringLiteral("2026-10-25T20:45:00"),
              QStringLiteral("2026-10-25T22:45:00+01:00"), venue),
         "data.start"},
        {plan(QStringLiteral("evt:a"), QStringLiteral("A"), QStringLiteral("2026-10-25T20:45:00+01:00"),
              QStringLiteral("2026-10-25T19:45:00+01:00"), venue),
         "data.end is before data.start"},
        {plan(QStringLiteral("evt:a"), QStringLiteral("A"), QStringLiteral("2026-10-25T20:45:00+01:00"),
              QStringLiteral("2026-10-25T22:45:00+01:00"), venue, {{QStringLiteral("attendance"), -5}}),
         "data.attendance"},
        {plan(QStringLiteral("evt:a"), QStringLiteral("A"), QStringLiteral("2026-10-25T20:45:00+01:00"),
              QStringLiteral("2026-10-25T22:45:00+01:00"), venue, {{QStringLiteral("attendance"), 3000000}}),
         "data.attendance"},
        {plan(QStringLiteral("evt:a"), QStringLiteral("A"), QStringLiteral("2026-10-25T20:45:00+01:00"),
              QStringLiteral("2026-10-25T22:45:00+01:00"), venue,
              {{QStringLiteral("type"), QStringLiteral("rave")}}),
         "data.type \"rave\""},
        {plan(QStringLiteral("evt:a"), QStringLiteral("A"), QStringLiteral("2026-10-25T20:45:00+01:00"),
              QStringLiteral("2026-10-25T22:45:00+01:00"), {}),
         "geo"},
        {makeEntry(QString(kinds::eventCancel), t0, {}), "data.event"},
    };
    for (const Case &c : cases) {
        const auto r = validateKind(c.entry);
        ASSERT_FALSE(r.ok()) << c.expected;
        EXPECT_TRUE(r.error().message.contains(QLatin1String(c.expected))) << r.error().message.toStdString();
    }
}
