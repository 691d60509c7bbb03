// The data of the after-action report and of the point de situation, on a small room built entry by entry:
// every figure below can be checked by hand from the entries.
#include "reporting/after_action.h"
#include "reporting/situation.h"

#include "../core/test_util.h"

#include <QJsonArray>
#include <QUuid>

using namespace vigie;
using namespace vigie::reporting;
using vigie::test::makeEntry;
using vigie::test::TempRoom;

namespace {

constexpr qint64 t0 = 1784055600000; // 2026-07-14T19:00:00Z
constexpr qint64 minute = 60 * 1000;

QJsonObject obj(std::initializer_list<std::pair<QString, QJsonValue>> fields)
{
    QJsonObject o;
    for (const auto &[k, v] : fields)
        o.insert(k, v);
    return o;
}

Entry status(qint64 at, const QString &unit, const QString &agency, const QString &state,
             const QString &incident)
{
    return makeEntry(QStringLiteral("unit.status"), at,
                     obj({{QStringLiteral("unit"), unit},
                          {QStringLiteral("callsign"), QString(unit + QStringLiteral(" 1"))},
                          {QStringLiteral("status"), state},
                          {QStringLiteral("incident"), incident}}),
                     {}, agency);
}

Entry open(qint64 at, const QString &id, int severity, const QString &type, const QString &agency = {})
{
    return makeEntry(QStringLiteral("incident.open"), at,
                     obj({{QStringLiteral("incident"), id},
                          {QStringLiteral("title"), QString(QStringLiteral("Titre ") + id)},
                          {QStringLiteral("type"), type},
                          {QStringLiteral("severity"), severity},
                          {QStringLiteral("casualties"),
                           obj({{QStringLiteral("red"), 1}, {QStringLiteral("yellow"), 2}})}}),
                     Geometry::point({5.37, 43.29}), agency);
}

Entry decision(qint64 at, const QString &author, const QString &text, const QString &tag = {})
{
    Entry e = makeEntry(QStringLiteral("decision"), at, obj({{QStringLiteral("text"), text}}), {},
                        QStringLiteral("officials"));
    e.author = author;
    e.role = QStringLiteral("official");
    if (!tag.isEmpty())
        e.data.insert(QStringLiteral("tags"), QJsonArray{tag});
    return e;
}

/// Three incidents: A (fire then SAMU), B (police, never on scene), C (opened late, reported by a late
/// entry).
void fill(Room &room)
{
    std::vector<Entry> e;
    e.push_back(open(t0 + 0 * minute, QStringLiteral("A"), 4, QStringLiteral("building_fire"),
                     QStringLiteral("fire")));
    e.push_back(status(t0 + 2 * minute, QStringLiteral("FPT"), QStringLiteral("fire"),
                       QStringLiteral("en_route"), QStringLiteral("A")));
    e.push_back(status(t0 + 9 * minute, QStringLiteral("FPT"), QStringLiteral("fire"),
                       QStringLiteral("on_scene"), QStringLiteral("A")));
    e.push_back(status(t0 + 4 * minute, QStringLiteral("SMUR"), QStringLiteral("samu"),
                       QStringLiteral("en_route"), QStringLiteral("A")));
    e.push_back(status(t0 + 16 * minute, QStringLiteral("SMUR"), QStringLiteral("samu"),
                       QStringLiteral("on_scene"), QStringLiteral("A")));
    e.push_back(open(t0 + 10 * minute, QStringLiteral("B"), 2, QStringLiteral("public_order"),
                     QStringLiteral("police")));
    e.push_back(status(t0 + 13 * minute, QStringLiteral("BAC"), QStringLiteral("police"),
                       QStringLiteral("en_route"), QStringLiteral("B")));
    e.push_back(decision(t0 + 12 * minute, QStringLiteral("Maire adjoint"),
                         QStringLiteral("Évacuer l'immeuble et protéger les façades voisines"),
                         QStringLiteral("objectif")));
    e.push_back(makeEntry(QStringLiteral("unit.position"), t0 + 14 * minute,
                          obj({{QStringLiteral("unit"), QStringLiteral("FPT")}}),
                          Geometry::point({5.371, 43.29}), QStringLiteral("fire")));
    e.push_back(makeEntry(QStringLiteral("incident.close"), t0 + 40 * minute,
                          obj({{QStringLiteral("incident"), QStringLiteral("A")}}), {},
                          QStringLiteral("fire")));
    Entry desk = makeEntry(QStringLiteral("note"), t0 + 41 * minute,
                           obj({{QStringLiteral("text"), QStringLiteral("Point presse à 20 h")}}));
    desk.author = QStringLiteral("poste-samu");
    desk.role = QStringLiteral("desk");
    desk.agency = QStringLiteral("samu");
    e.push_back(desk);
    // C reported at +30 min, arriving after A's close (a late report): event time orders it.
    e.push_back(
        open(t0 + 30 * minute, QStringLiteral("C"), 3, QStringLiteral("injury"), QStringLiteral("samu")));
    e.push_back(status(t0 + 36 * minute, QStringLiteral("VSAV"), QStringLiteral("fire"),
                       QStringLiteral("on_scene"), QStringLiteral("C")));
    ASSERT_TRUE(room.append(std::move(e)));
}

} // namespace

TEST(AfterActionData, IncidentTimingsFromTheLog)
{
    TempRoom t;
    fill(*t.room);
    auto r = buildAfterAction(t.room->store(), {});
    ASSERT_TRUE(r) << r.error().message.toStdString();
    ASSERT_EQ(r->incidents.size(), 3u);
    const IncidentTiming &a = r->incidents[0];
    EXPECT_EQ(a.id, QStringLiteral("A"));
    EXPECT_EQ(a.engageMs(), 2 * minute);
    EXPECT_EQ(a.arriveMs(), 9 * minute);
    EXPECT_EQ(a.closeMs(), 40 * minute);
    EXPECT_EQ(a.firstOnSceneUnit, QStringLiteral("FPT 1"));
    EXPECT_EQ(a.unitsEngaged, 2);
    EXPECT_EQ(a.onSceneByAgency.at(QStringLiteral("samu")).msecs, t0 + 16 * minute);
    const IncidentTiming &b = r->incidents[1];
    EXPECT_EQ(b.id, QStringLiteral("B"));
    EXPECT_EQ(b.engageMs(), 3 * minute);
    EXPECT_FALSE(b.arriveMs());
    EXPECT_FALSE(b.closed);
    const IncidentTiming &c = r->incidents[2];
    EXPECT_EQ(c.id, QStringLiteral("C"));
    EXPECT_EQ(c.arriveMs(), 6 * minute); // on scene without an en route: engaged and arrived at once
    EXPECT_EQ(c.engageMs(), 6 * minute);
}

TEST(AfterActionData, ResponseTimesByService)
{
    TempRoom t;
    fill(*t.room);
    auto r = buildAfterAction(t.room->store(), {});
    ASSERT_TRUE(r);
    ASSERT_GE(r->responses.size(), 4u);
    const AgencyResponse &all = r->responses[0];
    EXPECT_TRUE(all.agency.isEmpty());
    // Arrivals 9 and 6 minutes: nearest-rank median 6, p90 9.
    EXPECT_EQ(all.arrive.count, 2);
    EXPECT_EQ(all.arrive.medianMs, 6 * minute);
    EXPECT_EQ(all.arrive.p90Ms, 9 * minute);
    // Engagements 2, 3, 6 minutes.
    EXPECT_EQ(all.engage.count, 3);
    EXPECT_EQ(all.engage.medianMs, 3 * minute);
    EXPECT_EQ(r->responses[1].agency, QStringLiteral("fire")); // services in the room's order
    EXPECT_EQ(r->responses[1].arrive.count, 2);                // A (9 min) and C (6 min)
    EXPECT_EQ(r->responses[2].agency, QStringLiteral("samu"));
    EXPECT_EQ(r->responses[2].arrive.medianMs, 16 * minute);
    EXPECT_EQ(r->responses[3].agency, QStringLiteral("police"));
    EXPECT_EQ(r->responses[3].arrive.count, 0);
    EXPECT_EQ(r->responses[3].engage.medianMs, 3 * minute);
}

TEST(AfterActionData, PercentilesAreNearestRank)
{
    std::vector<qint64> v;
    for (int i = 10; i >= 1; --i)
        v.push_back(i);
    const DurationStats s = durationStats(v);
    EXPECT_EQ(s.count, 10);
    EXPECT_EQ(s.medianMs, 5);
    EXPECT_EQ(s.p90Ms, 9);
    EXPECT_EQ(s.maxMs, 10);
    EXPECT_EQ(durationStats({}).count, 0);
    EXPECT_EQ(durationStats({7}).p90Ms, 7);
}

TEST(AfterActionData, ChronologyDecisionsAndBusiestMoment)
{
    TempRoom t;
    fill(*t.room);
    auto r = buildAfterAction(t.room->store(), {});
    ASSERT_TRUE(r);
    EXPECT_EQ(r->entriesRead, 13);
    // Positions are counted, not listed; the rest in event-time order.
    EXPECT_EQ(r->kindCounts.at(QStringLiteral("unit.position")), 1);
    EXPECT_EQ(r->notInChronology.at(QStringLiteral("unit.position")), 1);
    EXPECT_EQ(r->chronology.size(), 12u);
    for (std::size_t i = 1; i < r->chronology.size(); ++i)
        EXPECT_LE(r->chronology[i - 1].eventTime, r->chronology[i].eventTime);
    ASSERT_EQ(r->decisions.size(), 1u);
    EXPECT_EQ(r->decisions[0].author, QStringLiteral("Maire adjoint"));
    EXPECT_EQ(r->objectives.size(), 1);
    // A and B open from +10 min, C joins at +30: three at once.
    EXPECT_EQ(r->busiestOpen, 3);
    EXPECT_EQ(r->busiest.msecs, t0 + 30 * minute);
    ASSERT_FALSE(r->buckets.empty());
    EXPECT_EQ(r->buckets[0].opened, 3);
    EXPECT_EQ(r->buckets[0].closed, 1);
}

TEST(AfterActionData, RollCallIsCountedNotListed)
{
    Entry ready = makeEntry(QStringLiteral("unit.status"), t0,
                            obj({{QStringLiteral("unit"), QStringLiteral("VSAV")},
                                 {QStringLiteral("status"), QStringLiteral("available")}}));
    EXPECT_FALSE(isChronologyEntry(ready));
    ready.data.insert(QStringLiteral("incident"), QStringLiteral("A"));
    ready.data.insert(QStringLiteral("status"), QStringLiteral("en_route"));
    EXPECT_TRUE(isChronologyEntry(ready));
    EXPECT_FALSE(isChronologyEntry(makeEntry(QStringLiteral("unit.position"), t0, {})));
    EXPECT_TRUE(isChronologyEntry(makeEntry(QStringLiteral("decision"), t0, {})));
}

TEST(AfterActionData, PeriodCutsTheReport)
{
    TempRoom t;
    fill(*t.room);
    AfterActionOptions o;
    o.period.from = Timestamp{t0 + 5 * minute};
    o.period.to = Timestamp{t0 + 20 * minute};
    auto r = buildAfterAction(t.room->store(), o);
    ASSERT_TRUE(r);
    ASSERT_EQ(r->incidents.size(), 1u); // only B was reported in the period
    EXPECT_EQ(r->incidents[0].id, QStringLiteral("B"));
    EXPECT_EQ(r->busiestOpen, 2); // A, opened before, was still open
    for (const Entry &e : r->chronology) {
        EXPECT_GE(e.eventTime.msecs, t0 + 5 * minute);
        EXPECT_LE(e.eventTime.msecs, t0 + 20 * minute);
    }
}

TEST(AfterActionData, InjectsExpectedAgainstDone)
{
    TempRoom t(RoomMode::Exercise);
    const QString sc = QStringLiteral("seisme-2026");
    std::vector<Entry> e;
    e.push_back(makeEntry(QStringLiteral("exercise.clock"), t0,
                          obj({{QStringLiteral("scenario"), sc},
                               {QStringLiteral("action"), QStringLiteral("start")},
                               {QStringLiteral("speed"), 1},
                               {QStringLiteral("exercise_ms"), 0}})));
    e.push_back(
        makeEntry(QStringLiteral("exercise.inject"), t0 + minute,
                  obj({{QStringLiteral("scenario"), sc},
                       {QStringLiteral("inject"), QStringLiteral("I-1")},
                       {QStringLiteral("t_ms"), 60000},
                       {QStringLiteral("sender"), QStringLiteral("CODIS")},
                       {QStringLiteral("recipient"), QStringLiteral("PCC")},
                       {QStringLiteral("channel"), QStringLiteral("téléphone")},
                       {QStringLiteral("format"), QStringLiteral("text")},
                       {QStringLiteral("summary"), QStringLiteral("Effondrement rue de Rome")},
                       {QStringLiteral("text"), QStringLiteral("Un immeuble s'est effondré rue de Rome.")},
                       {QStringLiteral("ad_hoc"), false},
                       {QStringLiteral("expected"),
                        QJsonArray{obj({{QStringLiteral("action"), QStringLiteral("open")},
                                        {QStringLiteral("text"), QStringLiteral("Ouvrir une intervention")},
                                        {QStringLiteral("deadline_ms"), 300000}}),
                                   obj({{QStringLiteral("action"), QStringLiteral("perimeter")},
                                        {QStringLiteral("text"), QStringLiteral("Tracer un périmètre")},
                                        {QStringLiteral("deadline_ms"), 900000}}),
                                   obj({{QStringLiteral("action"), QStringLiteral("inform")},
                                        {QStringLiteral("text"), QStringLiteral("Informer le préfet")},
                                        {QStringLiteral("deadline_ms"), 900000}})}}})));
    // As the exercise player writes them: a check of what was done names the entry that did it.
    auto check = [&](qint64 at, const QString &action, const QString &status) {
        Entry c = makeEntry(QStringLiteral("exercise.check"), at,
                            obj({{QStringLiteral("scenario"), sc},
                                 {QStringLiteral("inject"), QStringLiteral("I-1")},
                                 {QStringLiteral("action"), action},
                                 {QStringLiteral("status"), status},
                                 {QStringLiteral("deadline_ms"), 300000}}));
        if (status != QLatin1String("missed"))
            c.data.insert(QStringLiteral("entry"), QUuid::createUuid().toString(QUuid::WithoutBraces));
        return c;
    };
    e.push_back(check(t0 + 4 * minute, QStringLiteral("open"), QStringLiteral("done")));
    e.push_back(check(t0 + 16 * minute, QStringLiteral("perimeter"), QStringLiteral("missed")));
    e.push_back(check(t0 + 20 * minute, QStringLiteral("perimeter"), QStringLiteral("late"))); // latest wins
    ASSERT_TRUE(t.room->append(std::move(e)));
    auto r = buildAfterAction(t.room->store(), {});
    ASSERT_TRUE(r) << r.error().message.toStdString();
    EXPECT_EQ(r->room.mode, RoomMode::Exercise);
    ASSERT_EQ(r->injects.size(), 1u);
    const InjectReport &in = r->injects[0];
    EXPECT_EQ(in.summary, QStringLiteral("Effondrement rue de Rome"));
    ASSERT_EQ(in.expected.size(), 3u);
    EXPECT_EQ(in.expected[0].status, QStringLiteral("done"));
    EXPECT_EQ(in.expected[1].status, QStringLiteral("late"));
    EXPECT_TRUE(in.expected[2].status.isEmpty()); // no check: not assessed
    EXPECT_EQ(r->scenarios, QStringList{sc});
    ASSERT_TRUE(r->exerciseStart);
    EXPECT_EQ(r->exerciseStart->msecs, t0);
}

TEST(SituationData, SoiecAtATime)
{
    TempRoom t;
    fill(*t.room);
    auto s = buildSituation(t.room->store(), Timestamp{t0 + 20 * minute});
    ASSERT_TRUE(s) << s.error().message.toStdString();
    // S: A (severity 4) before B (2); C is not reported yet.
    ASSERT_EQ(s->openIncidents.size(), 2u);
    EXPECT_EQ(s->openIncidents[0].id, QStringLiteral("A"));
    EXPECT_EQ(s->bySeverity.at(4), 1);
    EXPECT_EQ(s->casualties.red, 2);
    EXPECT_EQ(s->casualties.yellow, 4);
    // O: the tagged decision.
    EXPECT_EQ(s->objectives.size(), 1);
    // M: units by service and status.
    EXPECT_EQ(s->unitsByAgency.at(QStringLiteral("fire")).at(QStringLiteral("on_scene")), 1);
    EXPECT_EQ(s->unitsByAgency.at(QStringLiteral("police")).at(QStringLiteral("en_route")), 1);
    // E: both incidents have units, A's on scene first.
    ASSERT_EQ(s->engagements.size(), 2u);
    EXPECT_EQ(s->engagements[0].units.size(), 2u);
    EXPECT_EQ(s->engagements[0].units[0].status, QStringLiteral("on_scene"));
    EXPECT_EQ(s->recentDecisions.size(), 1u);
    // C: who wrote, and who decided; the desk's note comes later than t.
    EXPECT_EQ(s->decisionAuthors, QStringList{QStringLiteral("Maire adjoint")});
    EXPECT_TRUE(s->desks.empty());

    auto later = buildSituation(t.room->store(), Timestamp{t0 + 45 * minute});
    ASSERT_TRUE(later);
    EXPECT_EQ(later->closedIncidents, 1);
    ASSERT_EQ(later->desks.size(), 1u);
    EXPECT_EQ(later->desks[0].author, QStringLiteral("poste-samu"));
}
