#include "test_util.h"

#include "log/entry_kinds.h"
#include "picture/picture_seeker.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <limits>
#include <map>
#include <random>

using namespace vigie;
using namespace vigie::test;

namespace {

/// A random but plausible log: units moving and changing status, incidents opened, updated and closed,
/// zones, hospitals, decisions and notes; event times mostly increasing with late arrivals.
std::vector<Entry> randomLog(std::mt19937 &rng, int count)
{
    std::uniform_int_distribution<int> kind(0, 99);
    std::uniform_int_distribution<int> unit(0, 29);
    std::uniform_int_distribution<int> small(0, 4);
    std::uniform_real_distribution<double> lon(5.30, 5.50), lat(43.20, 43.38);
    std::bernoulli_distribution late(0.15);
    std::uniform_int_distribution<int> lateBy(1, 600000);
    std::vector<Entry> out;
    int nextIncident = 0;
    std::vector<int> open;
    std::map<int, std::vector<qint64>>
        reports; // incident → seqs of its open/update entries (seq = index + 1)
    std::vector<QString> corrections;
    std::vector<QString> decisions; // ids of suggestion.accept and suggestion.reject entries
    qint64 t = 1784055600000;
    const char *statuses[] = {"available", "en_route", "on_scene", "returning", "unavailable"};
    for (int i = 0; i < count; ++i) {
        t += 1000 + small(rng) * 500;
        const qint64 eventTime = late(rng) ? t - lateBy(rng) : t;
        const int k = kind(rng);
        const QString u = QStringLiteral("U%1").arg(unit(rng));
        if (k < 35) {
            out.push_back(makeEntry(QStringLiteral("unit.position"), eventTime, {{QStringLiteral("unit"), u}},
                                    Geometry::point({lon(rng), lat(rng)}), QStringLiteral("fire")));
        } else if (k < 50) {
            QJsonObject d{{QStringLiteral("unit"), u},
                          {QStringLiteral("status"), QLatin1String(statuses[small(rng)])}};
            if (!open.empty())
                d.insert(QStringLiteral("incident"), QStringLiteral("I%1").arg(open[rng() % open.size()]));
            out.push_back(makeEntry(QStringLiteral("unit.status"), eventTime, d, {}, QStringLiteral("samu")));
        } else if (k < 62) {
            const int id = nextIncident++;
            open.push_back(id);
            reports[id].push_back(qint64(out.size()) + 1);
            out.push_back(
                makeEntry(QStringLiteral("incident.open"), eventTime,
                          {{QStringLiteral("incident"), QStringLiteral("I%1").arg(id)},
                           {QStringLiteral("type"), QStringLiteral("building_fire")},
                           {QStringLiteral("severity"), 1 + small(rng)},
                           {QStringLiteral("casualties"), QJsonObject{{QStringLiteral("red"), small(rng)}}}},
                          Geometry::point({lon(rng), lat(rng)}), QStringLiteral("fire")));
        } else if (k < 74 && !open.empty()) {
            const int id = open[rng() % open.size()];
            reports[id].push_back(qint64(out.size()) + 1);
            out.push_back(makeEntry(
                QStringLiteral("incident.update"), eventTime,
                {{QStringLiteral("incident"), QStringLiteral("I%1").arg(id)},
                 {QStringLiteral("severity"), 1 + small(rng)},
                 {QStringLiteral("casualties"), QJsonObject{{QStringLiteral("green"), small(rng)}}}}));
        } else if (k < 82 && !open.empty()) {
            const std::size_t at = rng() % open.size();
            out.push_back(makeEntry(QStringLiteral("incident.close"), eventTime,
                                    {{QStringLiteral("incident"), QStringLiteral("I%1").arg(open[at])}}));
            open.erase(open.begin() + std::ptrdiff_t(at));
        } else if (k < 86) {
            const double x = lon(rng), y = lat(rng);
            out.push_back(
                makeEntry(QStringLiteral("zone.draw"), eventTime,
                          {{QStringLiteral("zone"), QStringLiteral("Z%1").arg(small(rng))},
                           {QStringLiteral("label"), QStringLiteral("périmètre")},
                           {QStringLiteral("kind"), QStringLiteral("perimeter")}},
                          Geometry::polygon({{x, y}, {x + 0.01, y}, {x + 0.01, y + 0.01}, {x, y}})));
        } else if (k < 90) {
            out.push_back(
                makeEntry(QStringLiteral("hospital.status"), eventTime,
                          {{QStringLiteral("hospital"), QStringLiteral("H%1").arg(small(rng))},
                           {QStringLiteral("ed_status"),
                            small(rng) > 2 ? QStringLiteral("saturated") : QStringLiteral("open")},
                           {QStringLiteral("beds"), QJsonObject{{QStringLiteral("icu"), small(rng)}}}}));
        } else if (k < 93) {
            out.push_back(makeEntry(QStringLiteral("decision"), eventTime,
                                    {{QStringLiteral("text"), QStringLiteral("décision %1").arg(i)}}));
        } else if (k < 95 && open.size() >= 2) {
            // A desk's corrections of fusion: joins (chains and joins into closed incidents included), splits
            // of reports into a new or an existing incident, undos of anything (undone already or not).
            const int pick = small(rng);
            const int a = open[rng() % open.size()], b = open[rng() % open.size()];
            Entry c;
            if (pick < 2) {
                c = makeEntry(QStringLiteral("fusion.join"), eventTime,
                              {{QStringLiteral("incident"), QStringLiteral("I%1").arg(a)},
                               {QStringLiteral("into"), QStringLiteral("I%1").arg(b)}});
            } else if (pick < 4 && !reports[a].empty()) {
                const int into = pick == 2 ? nextIncident++ : b;
                if (pick == 2)
                    open.push_back(into);
                QJsonArray seqs;
                for (int n = 1 + small(rng) % 2; n > 0; --n)
                    seqs.append(reports[a][rng() % reports[a].size()]);
                c = makeEntry(QStringLiteral("fusion.split"), eventTime,
                              {{QStringLiteral("observation"), QStringLiteral("r%1").arg(i)},
                               {QStringLiteral("incident"), QStringLiteral("I%1").arg(into)},
                               {QStringLiteral("from"), QStringLiteral("I%1").arg(a)},
                               {QStringLiteral("reports"), seqs},
                               {QStringLiteral("type"), QStringLiteral("vehicle_fire")},
                               {QStringLiteral("severity"), 1 + small(rng)}},
                              Geometry::point({lon(rng), lat(rng)}));
            } else if (!corrections.empty()) {
                c = makeEntry(QStringLiteral("fusion.undo"), eventTime,
                              {{QStringLiteral("undoes"), corrections[rng() % corrections.size()]}});
            }
            if (c.kind.isEmpty()) {
                out.push_back(note(eventTime, QStringLiteral("note %1").arg(i)));
                continue;
            }
            c.id =
                QUuid::fromString(QStringLiteral("00000000-0000-4000-8000-%1").arg(i, 12, 10, QChar(u'0')));
            corrections.push_back(c.id.toString(QUuid::WithoutBraces));
            out.push_back(std::move(c));
        } else if (k < 98 && !open.empty()) {
            // Desks deciding apart: a suggestion decided twice, a unit engaged by two accepts, an accept's
            // unit.status (which names it) left out with it when it loses.
            const QString suggestion = QStringLiteral("S%1").arg(rng() % 12);
            const QString incident = QStringLiteral("I%1").arg(open[rng() % open.size()]);
            const QJsonObject d{{QStringLiteral("suggestion"), suggestion},
                                {QStringLiteral("unit"), u},
                                {QStringLiteral("incident"), incident}};
            Entry decision = makeEntry(small(rng) == 0 ? QStringLiteral("suggestion.reject")
                                                       : QStringLiteral("suggestion.accept"),
                                       eventTime, d, {}, QStringLiteral("fire"));
            decision.author = QStringLiteral("poste-%1").arg(small(rng));
            decision.id =
                QUuid::fromString(QStringLiteral("00000000-0000-4000-9000-%1").arg(i, 12, 10, QChar(u'0')));
            decisions.push_back(decision.id.toString(QUuid::WithoutBraces));
            const bool accepted = decision.kind == QLatin1String("suggestion.accept");
            out.push_back(decision);
            if (accepted) {
                QJsonObject status = d;
                status.insert(QStringLiteral("status"), QStringLiteral("en_route"));
                status.insert(QStringLiteral("accept"), decisions.back());
                out.push_back(
                    makeEntry(QStringLiteral("unit.status"), eventTime, status, {}, QStringLiteral("fire")));
            }
        } else if (k < 99 && !decisions.empty()) {
            // A desk reports a conflict (about an entry that did lose, or not: then it changes nothing).
            out.push_back(makeEntry(QStringLiteral("conflict"), eventTime,
                                    {{QStringLiteral("loser"), decisions[rng() % decisions.size()]},
                                     {QStringLiteral("loser_seq"), 2},
                                     {QStringLiteral("winner"), decisions.front()},
                                     {QStringLiteral("winner_seq"), 1},
                                     {QStringLiteral("object"), QStringLiteral("S0")},
                                     {QStringLiteral("object_kind"), QStringLiteral("suggestion")},
                                     {QStringLiteral("rule"), QStringLiteral("first_in_chain")},
                                     {QStringLiteral("reason"), QStringLiteral("test")}}));
        } else {
            out.push_back(note(eventTime, QStringLiteral("note %1").arg(i)));
        }
    }
    return out;
}

} // namespace

TEST(Picture, FoldAppliesEachKind)
{
    TempRoom t;
    ASSERT_TRUE(t.room->append(
        {makeEntry(QStringLiteral("unit.status"), 1,
                   {{QStringLiteral("unit"), QStringLiteral("VSAV-1")},
                    {QStringLiteral("status"), QStringLiteral("available")},
                    {QStringLiteral("type"), QStringLiteral("VSAV")},
                    {QStringLiteral("callsign"), QStringLiteral("VSAV Louvain 1")}},
                   Geometry::point({5.39, 43.28}), QStringLiteral("fire")),
         makeEntry(QStringLiteral("incident.open"), 2,
                   {{QStringLiteral("incident"), QStringLiteral("I1")},
                    {QStringLiteral("title"), QStringLiteral("Feu")},
                    {QStringLiteral("severity"), 3},
                    {QStringLiteral("casualties"),
                     QJsonObject{{QStringLiteral("red"), 1}, {QStringLiteral("green"), 2}}}},
                   Geometry::point({5.38, 43.30}), QStringLiteral("fire")),
         makeEntry(QStringLiteral("unit.status"), 3,
                   {{QStringLiteral("unit"), QStringLiteral("VSAV-1")},
                    {QStringLiteral("status"), QStringLiteral("en_route")},
                    {QStringLiteral("incident"), QStringLiteral("I1")}}),
         makeEntry(QStringLiteral("unit.position"), 4, {{QStringLiteral("unit"), QStringLiteral("VSAV-1")}},
                   Geometry::point({5.385, 43.29})),
         makeEntry(QStringLiteral("incident.update"), 5,
                   {{QStringLiteral("incident"), QStringLiteral("I1")},
                    {QStringLiteral("casualties"), QJsonObject{{QStringLiteral("yellow"), 4}}}}),
         makeEntry(QStringLiteral("hospital.status"), 6,
                   {{QStringLiteral("hospital"), QStringLiteral("timone")},
                    {QStringLiteral("ed_status"), QStringLiteral("saturated")},
                    {QStringLiteral("beds"), QJsonObject{{QStringLiteral("icu"), 2}}}}),
         makeEntry(QStringLiteral("decision"), 7,
                   {{QStringLiteral("text"), QStringLiteral("Fermer la Corniche")}}),
         note(8, QStringLiteral("RAS"))}));
    auto p = t.room->picture();
    ASSERT_TRUE(p);
    const Unit &u = p->units.at(QStringLiteral("VSAV-1"));
    EXPECT_EQ(u.status, QStringLiteral("en_route"));
    EXPECT_EQ(u.incident, QStringLiteral("I1"));
    EXPECT_EQ(u.callsign, QStringLiteral("VSAV Louvain 1"));
    EXPECT_EQ(u.agency, QStringLiteral("fire"));
    EXPECT_DOUBLE_EQ(u.position->lon, 5.385);
    const Incident &i = p->incidents.at(QStringLiteral("I1"));
    EXPECT_EQ(i.severity, 3);
    EXPECT_EQ(i.casualties, (Casualties{1, 4, 2, 0}));
    EXPECT_EQ(i.entries, (std::vector<qint64>{2, 5}));
    EXPECT_EQ(p->hospitals.at(QStringLiteral("timone")).edStatus, QStringLiteral("saturated"));
    EXPECT_EQ(p->decisions.size(), 1u);
    EXPECT_EQ(p->notes, 1);

    ASSERT_TRUE(t.room->append({makeEntry(QStringLiteral("incident.close"), 9,
                                          {{QStringLiteral("incident"), QStringLiteral("I1")}})}));
    auto after = t.room->picture();
    ASSERT_TRUE(after);
    EXPECT_TRUE(after->incidents.empty());
    EXPECT_EQ(after->closedIncidents, 1);
    // Seeking back before the close shows it again.
    auto before = t.room->pictureAt(Timestamp{8});
    ASSERT_TRUE(before);
    EXPECT_EQ(before->incidents.size(), 1u);
}

namespace {

/// Folds `entries` into `p`, numbering them after its last seq.
void fold(Picture &p, std::vector<Entry> entries)
{
    for (Entry &e : entries) {
        e.seq = p.lastSeq + 1;
        if (e.id.isNull())
            e.id = QUuid::createUuid();
        p.apply(e);
    }
}

Entry report(const char *incident, qint64 t, QJsonObject more = {}, const char *source = nullptr)
{
    more.insert(QStringLiteral("incident"), QLatin1String(incident));
    if (source)
        more.insert(QStringLiteral("source_incident"), QLatin1String(source));
    return makeEntry(QStringLiteral("incident.update"), t, more, Geometry::point({5.37, 43.29}));
}

} // namespace

// A desk's join and split are folded, kept aside while in force, and undone exactly.
TEST(Picture, DeskJoinsAndSplitsAreFoldedAndUndone)
{
    Picture p;
    p.keepsFusionTrail = true;
    fold(p, {report("cap:F-1", 1,
                    {{QStringLiteral("title"), QStringLiteral("Feu de véhicule")},
                     {QStringLiteral("severity"), 3}}),
             // fusion merged E-7's report into F-1: its fields became F-1's
             report("cap:F-1", 2,
                    {{QStringLiteral("severity"), 4},
                     {QStringLiteral("title"), QStringLiteral("Victime")},
                     {QStringLiteral("casualties"), QJsonObject{{QStringLiteral("red"), 1}}}},
                    "emsi:E-7"),
             report("geojson:cam-7", 3, {{QStringLiteral("title"), QStringLiteral("Caméra 7")}})});
    ASSERT_EQ(p.incidents.size(), 2u);

    // Join cam-7 into F-1: one incident in the list, holding both; cam-7 kept aside and still updated.
    const Entry join = makeEntry(QStringLiteral("fusion.join"), 4,
                                 {{QStringLiteral("incident"), QStringLiteral("geojson:cam-7")},
                                  {QStringLiteral("into"), QStringLiteral("cap:F-1")}});
    fold(p, {join});
    const QString joinId = QUuid::fromString(p.corrections.begin()->first).toString(QUuid::WithoutBraces);
    ASSERT_EQ(p.incidents.size(), 1u);
    EXPECT_EQ(p.incidents.at(QStringLiteral("cap:F-1")).joined, QStringList{QStringLiteral("geojson:cam-7")});
    EXPECT_EQ(p.incidents.at(QStringLiteral("cap:F-1")).entries, (std::vector<qint64>{1, 2, 3}));
    fold(p, {report("geojson:cam-7", 5, {{QStringLiteral("title"), QStringLiteral("Caméra 7, fumée")}})});
    EXPECT_EQ(p.incidents.at(QStringLiteral("cap:F-1")).entries, (std::vector<qint64>{1, 2, 3, 5}));
    EXPECT_EQ(p.joinedIncidents.at(QStringLiteral("geojson:cam-7")).title, QStringLiteral("Caméra 7, fumée"));
    EXPECT_EQ(p.shownIncident(QStringLiteral("geojson:cam-7"))->id, QStringLiteral("cap:F-1"));

    // Undo: cam-7 comes back as it is now; F-1 as it was.
    fold(p, {makeEntry(QStringLiteral("fusion.undo"), 6, {{QStringLiteral("undoes"), joinId}})});
    ASSERT_EQ(p.incidents.size(), 2u);
    EXPECT_TRUE(p.joinedIncidents.empty());
    EXPECT_TRUE(p.corrections.empty());
    EXPECT_EQ(p.incidents.at(QStringLiteral("geojson:cam-7")).entries, (std::vector<qint64>{3, 5}));
    EXPECT_EQ(p.incidents.at(QStringLiteral("geojson:cam-7")).title, QStringLiteral("Caméra 7, fumée"));
    EXPECT_TRUE(p.incidents.at(QStringLiteral("cap:F-1")).joined.isEmpty());
    EXPECT_EQ(p.incidents.at(QStringLiteral("cap:F-1")).entries, (std::vector<qint64>{1, 2}));

    // Split E-7's report out of F-1: an incident of its own, with the split's fields.
    fold(p, {makeEntry(QStringLiteral("fusion.split"), 7,
                       {{QStringLiteral("observation"), QStringLiteral("r2")},
                        {QStringLiteral("incident"), QStringLiteral("emsi:E-7")},
                        {QStringLiteral("from"), QStringLiteral("cap:F-1")},
                        {QStringLiteral("reports"), QJsonArray{2}},
                        {QStringLiteral("opened"), QStringLiteral("1970-01-01T00:00:00.002Z")},
                        {QStringLiteral("type"), QStringLiteral("injury")},
                        {QStringLiteral("severity"), 4},
                        {QStringLiteral("from_state"),
                         QJsonObject{{QStringLiteral("title"), QStringLiteral("Feu de véhicule")},
                                     {QStringLiteral("severity"), 3},
                                     {QStringLiteral("position"), QJsonArray{5.36, 43.29}}}}},
                       Geometry::point({5.38, 43.30}))});
    ASSERT_EQ(p.incidents.size(), 3u);
    const Incident &e7 = p.incidents.at(QStringLiteral("emsi:E-7"));
    EXPECT_EQ(e7.entries, (std::vector<qint64>{2}));
    EXPECT_EQ(e7.type, QStringLiteral("injury"));
    EXPECT_EQ(e7.severity, 4);
    EXPECT_EQ(e7.opened.msecs, 2);
    EXPECT_DOUBLE_EQ(e7.position->lon, 5.38);
    // F-1 as its own report gives it, without E-7's.
    const Incident &f1 = p.incidents.at(QStringLiteral("cap:F-1"));
    EXPECT_EQ(f1.entries, (std::vector<qint64>{1}));
    EXPECT_EQ(f1.title, QStringLiteral("Feu de véhicule"));
    EXPECT_EQ(f1.severity, 3);
    EXPECT_EQ(f1.casualties, Casualties{});
    EXPECT_DOUBLE_EQ(f1.position->lon, 5.36);
    // The source's next report stays there; undoing the split takes the whole incident back.
    fold(p, {report("emsi:E-7", 8)});
    EXPECT_EQ(p.incidents.at(QStringLiteral("emsi:E-7")).entries, (std::vector<qint64>{2, 8}));
    const QString splitId = p.corrections.begin()->first;
    fold(p, {makeEntry(QStringLiteral("fusion.undo"), 9, {{QStringLiteral("undoes"), splitId}})});
    EXPECT_EQ(p.incidents.size(), 2u);
    EXPECT_EQ(p.incidents.at(QStringLiteral("cap:F-1")).entries, (std::vector<qint64>{1, 2, 8}));

    // An undo of nothing in force, a join into itself or of an unknown incident change nothing.
    const Picture before = p;
    fold(p, {makeEntry(QStringLiteral("fusion.undo"), 10, {{QStringLiteral("undoes"), splitId}}),
             makeEntry(QStringLiteral("fusion.join"), 11,
                       {{QStringLiteral("incident"), QStringLiteral("cap:F-1")},
                        {QStringLiteral("into"), QStringLiteral("cap:F-1")}}),
             makeEntry(QStringLiteral("fusion.join"), 12,
                       {{QStringLiteral("incident"), QStringLiteral("nope")},
                        {QStringLiteral("into"), QStringLiteral("cap:F-1")}})});
    p.lastSeq = before.lastSeq;
    p.applied = before.applied;
    p.maxEventTime = before.maxEventTime;
    // Fusion's trail keeps every correction as written (fusion decides for itself what one means).
    EXPECT_EQ(p.fusionTrail.size(), before.fusionTrail.size() + 3);
    p.fusionTrail = before.fusionTrail;
    p.fusionTrailBase = before.fusionTrailBase;
    p.fusionTrailClock = before.fusionTrailClock;
    EXPECT_TRUE(p == before);

    // A join that would make a cycle is not folded; closing an incident closes what was joined into it.
    fold(p, {makeEntry(QStringLiteral("fusion.join"), 13,
                       {{QStringLiteral("incident"), QStringLiteral("geojson:cam-7")},
                        {QStringLiteral("into"), QStringLiteral("cap:F-1")}}),
             makeEntry(QStringLiteral("fusion.join"), 14,
                       {{QStringLiteral("incident"), QStringLiteral("cap:F-1")},
                        {QStringLiteral("into"), QStringLiteral("geojson:cam-7")}})});
    EXPECT_EQ(p.incidents.size(), 1u);
    EXPECT_EQ(p.corrections.size(), 1u);
    const qint64 closedBefore = p.closedIncidents;
    fold(p, {makeEntry(QStringLiteral("incident.close"), 15,
                       {{QStringLiteral("incident"), QStringLiteral("cap:F-1")}})});
    EXPECT_TRUE(p.incidents.empty());
    EXPECT_TRUE(p.joinedIncidents.empty());
    EXPECT_TRUE(p.corrections.empty());
    EXPECT_EQ(p.closedIncidents, closedBefore + 2);
}

TEST(Picture, JsonRoundTripIsLossless)
{
    std::mt19937 rng(8); // a log whose end has joins, decisions and conflicts (reported or not) in force
    Picture p;
    qint64 seq = 0;
    for (Entry &e : randomLog(rng, 2000)) {
        e.seq = ++seq;
        p.apply(e);
    }
    // The log has desk corrections in force, and incidents joined aside, for the snapshot to carry.
    EXPECT_FALSE(p.corrections.empty());
    EXPECT_FALSE(p.joinedIncidents.empty());
    // …and decisions, and conflicts, some reported.
    EXPECT_FALSE(p.suggestions.empty());
    EXPECT_GT(
        std::count_if(p.conflicts.begin(), p.conflicts.end(), [](const Conflict &c) { return c.reported; }),
        0);
    EXPECT_GT(std::count_if(p.conflicts.begin(), p.conflicts.end(),
                            [](const Conflict &c) { return c.objectKind == QLatin1String("unit"); }),
              0);
    auto back = Picture::fromJson(p.toJson());
    ASSERT_TRUE(back);
    EXPECT_TRUE(*back == p);
}

// Snapshots are written as text without QJsonObject: every kind of text and number must come back the same.
TEST(Picture, SnapshotTextKeepsAwkwardTextsAndNumbers)
{
    const QString awkward = QStringLiteral("quai \"Nord\" \\ C:\\ é€😀 \b\f\n\r\t \u0001\u001f fin") +
                            QChar(0xd800) + QStringLiteral("x") + QChar(0xdfff);
    Picture p;
    Unit u;
    u.id = awkward;
    u.callsign = awkward;
    u.capabilities = {awkward, QString()};
    u.position = GeoPoint{5.374000000000001, -1e-7};
    u.positionTime = Timestamp{std::numeric_limits<qint64>::max()};
    u.statusTime = Timestamp{std::numeric_limits<qint64>::min()};
    u.lastSeq = 9007199254740993; // above 2^53: only exact as an integer
    p.units.emplace(u.id, u);
    Incident i;
    i.id = QStringLiteral("I1");
    i.title = awkward;
    i.casualties = Casualties{1, 0, 2147483647, -1};
    i.position = GeoPoint{1e300, 43.2951};
    i.entries = {1, 2, 9007199254740993};
    p.incidents.emplace(i.id, i);
    Zone z;
    z.id = QStringLiteral("Z");
    z.ring = {{5.1, 43.1}, {5.2, 43.1}, {5.2, 43.2}, {5.1, 43.1}};
    p.zones.emplace(z.id, z);
    Hospital h;
    h.id = QStringLiteral("timone");
    h.beds = {{awkward, 3}, {QStringLiteral("icu"), 0}};
    p.hospitals.emplace(h.id, h);
    p.decisions.push_back(Decision{7, Timestamp{8}, awkward, QString(), awkward, QString()});
    p.lastSeq = 9007199254740993;
    const QByteArray text = serialisePicture(p);
    QJsonParseError error;
    (void)QJsonDocument::fromJson(text, &error);
    ASSERT_EQ(error.error, QJsonParseError::NoError) << error.errorString().toStdString();
    auto back = deserialisePicture(text);
    ASSERT_TRUE(back) << back.error().message.toStdString();
    EXPECT_TRUE(*back == p) << text.toStdString();
}

// A keeper that meets the first entries of a log (it starts from the empty picture, without reading them
// back) ends on the log's picture and writes the snapshots due within that first batch.
TEST(PictureSeek, KeeperFollowsANewLogFromItsFirstBatch)
{
    std::mt19937 rng(7);
    TempRoom t;
    auto appended = t.room->store().append(randomLog(rng, 300));
    ASSERT_TRUE(appended);
    ASSERT_EQ(appended->front().seq, 1);
    SnapshotKeeper keeper(97, 0);
    ASSERT_TRUE(keeper.applyAppended(t.room->store(), *appended));
    auto latest = latestPicture(t.room->store());
    ASSERT_TRUE(latest);
    ASSERT_TRUE(keeper.head().has_value());
    EXPECT_TRUE(*latest == *keeper.head());
    auto snapshots = t.room->store().lastSnapshotSeq();
    ASSERT_TRUE(snapshots);
    EXPECT_EQ(*snapshots, 291);
}

// Snapshots of a growing picture are spaced by its size: the next one comes after max(every, size of the last
// / bytesPerEntry) entries, exactly, so their copies cost a bounded number of bytes per entry.
TEST(PictureSeek, KeeperSpacesSnapshotsOfALargePictureByItsSize)
{
    std::mt19937 rng(11);
    TempRoom t;
    auto appended = t.room->store().append(randomLog(rng, 2000));
    ASSERT_TRUE(appended);
    constexpr qint64 every = 10, bytesPerEntry = 64;
    SnapshotKeeper keeper(every, bytesPerEntry);
    qint64 lastSeq = 0, lastBytes = 0, total = 0;
    int snapshots = 0, widened = 0;
    for (const Entry &e : *appended) {
        ASSERT_TRUE(keeper.applyAppended(t.room->store(), {e}));
        auto seq = t.room->store().lastSnapshotSeq();
        ASSERT_TRUE(seq);
        if (*seq == lastSeq)
            continue;
        const qint64 expected = std::max(every, lastBytes / bytesPerEntry);
        EXPECT_EQ(*seq - lastSeq, expected) << "snapshot " << snapshots << " at seq " << *seq;
        widened += expected > every ? 1 : 0;
        auto snap = t.room->store().snapshotFor(Timestamp{std::numeric_limits<qint64>::max()});
        ASSERT_TRUE(snap && snap->has_value());
        ASSERT_EQ((*snap)->seq, *seq);
        lastSeq = *seq;
        lastBytes = (*snap)->picture.size();
        total += lastBytes;
        ++snapshots;
    }
    // The picture grew past every × bytesPerEntry bytes, so the interval did widen; the copies written stay
    // within bytesPerEntry per entry, plus the last one.
    EXPECT_GT(widened, 3);
    EXPECT_LE(total, bytesPerEntry * lastSeq + lastBytes);
    // Seeking across the wider intervals still gives the fold from scratch.
    const qint64 first = appended->front().eventTime.msecs, last = appended->back().eventTime.msecs;
    std::uniform_int_distribution<qint64> when(first, last);
    for (int i = 0; i < 10; ++i) {
        const Timestamp time{when(rng)};
        auto seek = pictureAt(t.room->store(), time);
        auto fold = foldFromScratch(t.room->store(), time);
        ASSERT_TRUE(seek && fold);
        ASSERT_TRUE(*seek == *fold) << "time " << time.msecs;
    }
}

class PictureSeek : public testing::TestWithParam<unsigned>
{
};

// Seeking with snapshots gives exactly the fold from scratch, at any time, on random logs.
TEST_P(PictureSeek, EqualsFoldFromScratch)
{
    const unsigned seed = qEnvironmentVariableIntValue("VIGIE_TEST_SEED") + GetParam();
    std::mt19937 rng(seed);
    TempRoom t;
    std::vector<Entry> log = randomLog(rng, 3000);
    const qint64 first = log.front().eventTime.msecs, last = log.back().eventTime.msecs;
    // Append in uneven batches so snapshots (every 4096 entries or more by default, here every 97) land
    // anywhere.
    SnapshotKeeper keeper(97, 0);
    std::size_t at = 0;
    while (at < log.size()) {
        const std::size_t n = std::min<std::size_t>(log.size() - at, 1 + rng() % 250);
        std::vector<Entry> batch(log.begin() + std::ptrdiff_t(at), log.begin() + std::ptrdiff_t(at + n));
        auto appended = t.room->store().append(std::move(batch));
        ASSERT_TRUE(appended);
        ASSERT_TRUE(keeper.applyAppended(t.room->store(), *appended));
        at += n;
    }
    auto snapshots = t.room->store().lastSnapshotSeq();
    ASSERT_TRUE(snapshots);
    EXPECT_GT(*snapshots, 2900);
    std::uniform_int_distribution<qint64> when(first - 1000, last + 1000);
    for (int i = 0; i < 25; ++i) {
        const Timestamp time{when(rng)};
        auto seek = pictureAt(t.room->store(), time);
        auto fold = foldFromScratch(t.room->store(), time);
        ASSERT_TRUE(seek);
        ASSERT_TRUE(fold);
        ASSERT_TRUE(*seek == *fold) << "seed " << seed << " time " << time.msecs;
    }
    auto latest = latestPicture(t.room->store());
    ASSERT_TRUE(latest);
    ASSERT_TRUE(keeper.head().has_value());
    EXPECT_TRUE(*latest == *keeper.head());
}

INSTANTIATE_TEST_SUITE_P(Seeds, PictureSeek, testing::Values(1u, 2u, 3u, 4u, 5u));
