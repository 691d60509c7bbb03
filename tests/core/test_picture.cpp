#include "test_util.h"

#include "log/entry_kinds.h"
#include "picture/picture_seeker.h"

#include <QJsonDocument>
#include <limits>
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
            out.push_back(
                makeEntry(QStringLiteral("incident.open"), eventTime,
                          {{QStringLiteral("incident"), QStringLiteral("I%1").arg(id)},
                           {QStringLiteral("type"), QStringLiteral("building_fire")},
                           {QStringLiteral("severity"), 1 + small(rng)},
                           {QStringLiteral("casualties"), QJsonObject{{QStringLiteral("red"), small(rng)}}}},
                          Geometry::point({lon(rng), lat(rng)}), QStringLiteral("fire")));
        } else if (k < 74 && !open.empty()) {
            out.push_back(makeEntry(
                QStringLiteral("incident.update"), eventTime,
                {{QStringLiteral("incident"), QStringLiteral("I%1").arg(open[rng() % open.size()])},
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
        } else if (k < 95) {
            out.push_back(makeEntry(QStringLiteral("decision"), eventTime,
                                    {{QStringLiteral("text"), QStringLiteral("décision %1").arg(i)}}));
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

TEST(Picture, JsonRoundTripIsLossless)
{
    std::mt19937 rng(7);
    Picture p;
    qint64 seq = 0;
    for (Entry &e : randomLog(rng, 2000)) {
        e.seq = ++seq;
        p.apply(e);
    }
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
    SnapshotKeeper keeper(97);
    ASSERT_TRUE(keeper.applyAppended(t.room->store(), *appended));
    auto latest = latestPicture(t.room->store());
    ASSERT_TRUE(latest);
    ASSERT_TRUE(keeper.head().has_value());
    EXPECT_TRUE(*latest == *keeper.head());
    auto snapshots = t.room->store().lastSnapshotSeq();
    ASSERT_TRUE(snapshots);
    EXPECT_EQ(*snapshots, 291);
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
    // Append in uneven batches so snapshots (every 4096 by default, here forced smaller) land anywhere.
    SnapshotKeeper keeper(97);
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
