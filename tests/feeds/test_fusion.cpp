// Fusion of reports into incidents: the labelled replay of data/feeds (precision and recall of merges),
// reasons and confidences, and the desk's split / join / undo entries.
#include "feeds/feed_adapters.h"
#include "fusion/corrections.h"
#include "fusion/feed_fusion.h"
#include "fusion/fuser.h"
#include "log/entry_kinds.h"
#include "store/feed_stats.h"
#include "test_util.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <algorithm>
#include <cmath>
#include <random>
#include <set>

using namespace vigie;
using namespace vigie::fusion;

namespace {

struct Labelled
{
    Observation observation;
    QString truth;
};

std::vector<Labelled> loadReplay()
{
    QFile f(QStringLiteral(VIGIE_SOURCE_DIR "/data/feeds/fusion_replay.csv"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    std::vector<Labelled> out;
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (int i = 1; i < lines.size(); ++i) {
        const QList<QByteArray> c = lines[i].trimmed().split(',');
        if (c.size() != 7)
            continue;
        Labelled l;
        l.truth = QString::fromUtf8(c[1]);
        l.observation.id = QString::fromUtf8(c[0]);
        l.observation.time =
            Timestamp{QDateTime::fromString(QString::fromUtf8(c[2]), Qt::ISODate).toMSecsSinceEpoch()};
        l.observation.where = GeoPoint{c[4].toDouble(), c[3].toDouble()};
        l.observation.type = QString::fromUtf8(c[5]);
        l.observation.source = QString::fromUtf8(c[6]);
        out.push_back(l);
    }
    return out;
}

EntryQuery ofKind(const char *kind)
{
    EntryQuery q;
    q.kind = QString::fromLatin1(kind);
    return q;
}

Observation obs(const QString &id, double lat, double lon, qint64 minute, const QString &type)
{
    return Observation{id, QStringLiteral("test"), type, GeoPoint{lon, lat}, Timestamp{minute * 60000}, {}};
}

} // namespace

TEST(Fusion, LabelledReplayMergesWithHighPrecisionAndRecall)
{
    const auto replay = loadReplay();
    ASSERT_GT(replay.size(), 150u) << "data/feeds/fusion_replay.csv missing or short";
    Fuser fuser;
    for (const auto &l : replay)
        (void)fuser.observe(l.observation);
    // Pairwise: a pair of reports is a merge if fusion put them in one incident; it is right if the ground
    // truth has them in one incident too.
    qint64 truePairs = 0, predictedPairs = 0, correct = 0;
    for (std::size_t i = 0; i < replay.size(); ++i)
        for (std::size_t j = i + 1; j < replay.size(); ++j) {
            const bool same = replay[i].truth == replay[j].truth;
            const bool fused =
                fuser.incidentOf(replay[i].observation.id) == fuser.incidentOf(replay[j].observation.id);
            truePairs += same;
            predictedPairs += fused;
            correct += same && fused;
        }
    ASSERT_GT(truePairs, 50);
    const double precision = predictedPairs ? double(correct) / double(predictedPairs) : 0.0;
    const double recall = double(correct) / double(truePairs);
    std::set<QString> truths;
    for (const auto &l : replay)
        truths.insert(l.truth);
    std::cout << "fusion replay: " << replay.size() << " reports, " << truths.size() << " true incidents, "
              << fuser.incidents().size() << " fused; pairs true " << truePairs << ", merged "
              << predictedPairs << ", correct " << correct << "; precision " << precision << ", recall "
              << recall << "\n";
    EXPECT_GE(precision, 0.95);
    EXPECT_GE(recall, 0.95);
}

TEST(Fusion, DecisionEntryHoldsEveryFieldWhateverItsText)
{
    FusionDecision d;
    d.observation = QStringLiteral("6f0c");
    d.incident = QStringLiteral("fusion:1b2e");
    d.merged = true;
    d.confidence = 0.72449;
    d.reason = QStringLiteral("2 reports \"within\" 60 m\\ and\t3 min: é€😀 \u0001");
    d.from = QStringLiteral("geojson:cam-7");
    d.into = QStringLiteral("cap:F-1");
    d.reports = 2;
    d.extentM = 60;
    d.spanMs = 180500;
    d.nearestM = 52;
    d.nearestGapMs = 179999;
    d.types = {QStringLiteral("vehicle_fire")};
    d.sources = {QStringLiteral("cap/fire"), QStringLiteral("csv/mairie \"Nord\"")};
    const Observation o = obs(QStringLiteral("6f0c"), 43.2955, 5.3745, 3, QStringLiteral("vehicle_fire"));
    const QJsonObject expected{{QStringLiteral("observation"), d.observation},
                               {QStringLiteral("incident"), d.incident},
                               {QStringLiteral("confidence"), 0.724},
                               {QStringLiteral("reason"), d.reason},
                               {QStringLiteral("type"), o.type},
                               {QStringLiteral("reports"), 2},
                               {QStringLiteral("extent_m"), 60},
                               {QStringLiteral("span_s"), 180},
                               {QStringLiteral("nearest_m"), 52},
                               {QStringLiteral("nearest_gap_s"), 179},
                               {QStringLiteral("types"), QJsonArray{QStringLiteral("vehicle_fire")}},
                               {QStringLiteral("sources"), QJsonArray::fromStringList(d.sources)},
                               {QStringLiteral("merged_incident"), d.from},
                               {QStringLiteral("into"), d.into}};
    const Entry e = Fuser::decisionEntry(d, o);
    EXPECT_EQ(e.kind, QStringLiteral("fusion.merge"));
    EXPECT_EQ(e.data, expected) << compactDataJson(e.data).toStdString();
    // A new incident keeps only what it has.
    d.merged = false;
    d.from.clear();
    const Entry fresh = Fuser::decisionEntry(d, o);
    EXPECT_EQ(fresh.kind, QStringLiteral("fusion.new"));
    EXPECT_EQ(fresh.data.keys(),
              (QStringList{QStringLiteral("confidence"), QStringLiteral("incident"),
                           QStringLiteral("observation"), QStringLiteral("reason"), QStringLiteral("type")}));
}

TEST(Fusion, MergeCarriesConfidenceAndReadableReason)
{
    Fuser fuser(FusionConfig{200.0, 10 * 60000, 0.35});
    const auto first =
        fuser.observe(obs(QStringLiteral("a"), 43.2951, 5.3740, 0, QStringLiteral("vehicle_fire")));
    EXPECT_FALSE(first.merged);
    const auto second =
        fuser.observe(obs(QStringLiteral("b"), 43.2955, 5.3745, 3, QStringLiteral("traffic_accident")));
    ASSERT_TRUE(second.merged) << second.reason.toStdString();
    EXPECT_EQ(second.incident, first.incident);
    EXPECT_GT(second.confidence, 0.35);
    EXPECT_LT(second.confidence, 1.0);
    // The two reports are ~60 m apart (haversine; rounded up to 10 m) and 3 minutes apart.
    EXPECT_TRUE(
        QRegularExpression(QStringLiteral("^2 reports within (60|70) m and 3 min: traffic_accident, "
                                          "vehicle_fire from test \\(nearest \\d+ m, 3 min apart\\)$"))
            .match(second.reason)
            .hasMatch())
        << second.reason.toStdString();
    // The same, as numbers and lists, for screens that word it in their own language.
    EXPECT_EQ(second.reports, 2);
    EXPECT_TRUE(second.extentM == 60 || second.extentM == 70) << second.extentM;
    EXPECT_EQ(second.spanMs, 3 * 60000);
    EXPECT_GE(second.nearestM, 50);
    EXPECT_LE(second.nearestM, second.extentM);
    EXPECT_EQ(second.nearestGapMs, 3 * 60000);
    EXPECT_EQ(second.types,
              (QStringList{QStringLiteral("traffic_accident"), QStringLiteral("vehicle_fire")}));
    EXPECT_EQ(second.sources, QStringList{QStringLiteral("test")});
    const Entry entry = Fuser::decisionEntry(
        second, obs(QStringLiteral("b"), 43.2955, 5.3745, 3, QStringLiteral("traffic_accident")));
    EXPECT_EQ(entry.data.value(QStringLiteral("reports")).toInt(), 2);
    EXPECT_EQ(entry.data.value(QStringLiteral("extent_m")).toInteger(), second.extentM);
    EXPECT_EQ(entry.data.value(QStringLiteral("span_s")).toInteger(), 180);
    EXPECT_EQ(entry.data.value(QStringLiteral("nearest_m")).toInteger(), second.nearestM);
    EXPECT_EQ(entry.data.value(QStringLiteral("nearest_gap_s")).toInteger(), 180);
    EXPECT_EQ(entry.data.value(QStringLiteral("types")).toArray().size(), 2);
    EXPECT_EQ(entry.data.value(QStringLiteral("sources")).toArray().first().toString(),
              QStringLiteral("test"));
    // Incompatible type at the same place and time: its own incident.
    const auto fight =
        fuser.observe(obs(QStringLiteral("c"), 43.2952, 5.3741, 4, QStringLiteral("security")));
    EXPECT_FALSE(fight.merged);
    // Same type, too far (400 m) or too late (30 min): new incidents.
    EXPECT_FALSE(
        fuser.observe(obs(QStringLiteral("d"), 43.2987, 5.3740, 5, QStringLiteral("vehicle_fire"))).merged);
    EXPECT_FALSE(
        fuser.observe(obs(QStringLiteral("e"), 43.2951, 5.3740, 40, QStringLiteral("vehicle_fire"))).merged);
    EXPECT_EQ(fuser.incidents().size(), 4u);
}

TEST(Fusion, DistanceLimitHoldsOnBothSides)
{
    // Candidates are first screened with flat-earth metres, then measured on the great circle: a report
    // just inside the limit joins, one just outside does not, north-south and east-west alike.
    constexpr double limit = 300.0;
    const double metresPerDegreeLat = 111'320.0;
    const double metresPerDegreeLon = metresPerDegreeLat * std::cos(43.2951 * M_PI / 180.0);
    int n = 0;
    for (const bool eastWest : {false, true})
        for (const double metres : {290.0, 310.0}) {
            Fuser fuser(FusionConfig{limit, 10 * 60000, 0.0});
            const auto first = fuser.observe(
                obs(QStringLiteral("a%1").arg(++n), 43.2951, 5.3740, 0, QStringLiteral("fire")));
            const double lat = eastWest ? 43.2951 : 43.2951 + metres / metresPerDegreeLat;
            const double lon = eastWest ? 5.3740 + metres / metresPerDegreeLon : 5.3740;
            const GeoPoint a{5.3740, 43.2951}, b{lon, lat};
            ASSERT_NEAR(distanceMeters(a, b), metres, 1.0);
            const auto second =
                fuser.observe(obs(QStringLiteral("b%1").arg(n), lat, lon, 1, QStringLiteral("fire")));
            EXPECT_EQ(second.merged, metres < limit) << metres << " m " << (eastWest ? "east" : "north");
        }
}

TEST(Fusion, DecisionEntriesAreStoredInTheRoom)
{
    test::TempRoom t;
    Fuser fuser;
    std::vector<Entry> drafts;
    for (const auto &o : {obs(QStringLiteral("a"), 43.30, 5.37, 0, QStringLiteral("building_fire")),
                          obs(QStringLiteral("b"), 43.3005, 5.3702, 2, QStringLiteral("injury"))}) {
        const auto d = fuser.observe(o);
        drafts.push_back(Fuser::decisionEntry(d, o));
    }
    auto appended = t.room->append(std::move(drafts));
    ASSERT_TRUE(appended.ok()) << appended.error().message.toStdString();
    auto merges = t.room->store().read(ofKind("fusion.merge"));
    ASSERT_TRUE(merges.ok());
    ASSERT_EQ(merges->size(), 1u);
    EXPECT_TRUE(merges->front()
                    .data.value(QStringLiteral("reason"))
                    .toString()
                    .startsWith(QStringLiteral("2 reports")));
    EXPECT_GT(merges->front().data.value(QStringLiteral("confidence")).toDouble(), 0.35);
}

namespace {

Entry correction(QLatin1String kind, QJsonObject data)
{
    Entry e;
    e.kind = kind;
    e.author = QStringLiteral("desk");
    e.role = QStringLiteral("desk");
    e.data = std::move(data);
    e.id = QUuid::createUuid();
    return e;
}

Entry undo(const Entry &undone)
{
    return correction(kinds::fusionUndo,
                      {{QStringLiteral("undoes"), undone.id.toString(QUuid::WithoutBraces)}});
}

} // namespace

// A room fed for days: fusion remembers six hours of reports (by their own time) and the incidents they are
// in, not every report it was ever given; within those hours it fuses and follows incidents as before.
TEST(Fusion, FusionRemembersHoursNotDaysAndOneReportFromTheFutureDoesNotEmptyIt)
{
    Fuser fuser;
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> spread(-0.03, 0.03);
    const qint64 hours = 48, perHour = 60;
    // One report a minute for two days, each incident reported three times over three minutes.
    for (qint64 m = 0; m < hours * perHour; ++m) {
        Observation o = obs(QStringLiteral("r%1").arg(m), 43.2951 + spread(rng), 5.3740 + spread(rng), m,
                            m % 2 ? QStringLiteral("vehicle_fire") : QStringLiteral("injury"));
        o.incident = QStringLiteral("I%1").arg(m / 3);
        (void)fuser.observe(o);
    }
    const std::size_t sixHours = std::size_t(6 * perHour);
    EXPECT_LE(fuser.reportsRemembered(), sixHours + 1);
    EXPECT_GE(fuser.reportsRemembered(), sixHours - 1);
    EXPECT_LE(fuser.incidentsRemembered(), sixHours / 3 + 2);
    EXPECT_TRUE(fuser.incidentOf(QStringLiteral("r0")).isEmpty());     // two days ago: forgotten
    EXPECT_FALSE(fuser.incidentOf(QStringLiteral("r2870")).isEmpty()); // ten minutes ago
    EXPECT_LE(fuser.incidents().size(), sixHours);
    const qint64 now = hours * perHour;
    // An incident reported an hour ago is followed; one reported seven hours ago is placed anew.
    Observation recent = obs(QStringLiteral("u1"), 43.40, 5.50, now, QStringLiteral("injury"));
    recent.incident = QStringLiteral("I%1").arg((now - 60) / 3);
    EXPECT_TRUE(fuser.observe(recent).known);
    Observation old = obs(QStringLiteral("u2"), 43.40, 5.50, now, QStringLiteral("injury"));
    old.incident = QStringLiteral("I%1").arg((now - 7 * 60) / 3);
    EXPECT_FALSE(fuser.observe(old).known);
    // Two reports of one fire still fuse.
    (void)fuser.observe(obs(QStringLiteral("f1"), 43.20, 5.60, now + 1, QStringLiteral("vehicle_fire")));
    EXPECT_TRUE(
        fuser.observe(obs(QStringLiteral("f2"), 43.2001, 5.6001, now + 2, QStringLiteral("vehicle_fire")))
            .merged);
    // A report dated three days ahead (a sender's clock) moves fusion's clock by an hour, not three days.
    (void)fuser.observe(
        obs(QStringLiteral("ahead"), 43.10, 5.10, now + 3 * 24 * 60, QStringLiteral("injury")));
    EXPECT_GE(fuser.reportsRemembered(), sixHours - 60);
    EXPECT_FALSE(fuser.incidentOf(QStringLiteral("f1")).isEmpty());
}

// The fold a feed process keeps for its fusion holds the same hours: entries older than six hours behind the
// newest leave the trail's front, and the count of those gone says where a follower is.
TEST(Fusion, TheFoldsTrailKeepsWhatFusionRemembers)
{
    Picture picture;
    picture.keepsFusionTrail = true;
    for (qint64 m = 0; m < 24 * 60; ++m) {
        Entry e = test::note(m * 60000, QStringLiteral("x"));
        e.kind = kinds::incidentOpen;
        e.seq = m + 1;
        e.geo = Geometry::point(GeoPoint{5.37, 43.29});
        picture.apply(e);
    }
    EXPECT_LE(picture.fusionTrail.size(), std::size_t(6 * 60 + 1));
    EXPECT_EQ(picture.fusionTrailBase + picture.fusionTrail.size(), std::size_t(24 * 60));
    EXPECT_EQ(picture.fusionTrail.front().seq, qint64(picture.fusionTrailBase) + 1);
    Entry ahead = test::note(30LL * 24 * 3600000, QStringLiteral("x"));
    ahead.kind = kinds::incidentOpen;
    ahead.seq = 24 * 60 + 1;
    ahead.geo = Geometry::point(GeoPoint{5.37, 43.29});
    picture.apply(ahead);
    EXPECT_GE(picture.fusionTrail.size(), std::size_t(5 * 60));
}

TEST(Fusion, DeskSplitsJoinsAndUndoesWithEntries)
{
    Fuser fuser;
    (void)fuser.observe(obs(QStringLiteral("a"), 43.30, 5.37, 0, QStringLiteral("building_fire")));
    (void)fuser.observe(obs(QStringLiteral("b"), 43.3005, 5.3702, 2, QStringLiteral("building_fire")));
    (void)fuser.observe(obs(QStringLiteral("c"), 43.32, 5.40, 3, QStringLiteral("building_fire")));
    const QString ab = fuser.incidentOf(QStringLiteral("a"));
    ASSERT_EQ(fuser.incidentOf(QStringLiteral("b")), ab);
    const QString c = fuser.incidentOf(QStringLiteral("c"));
    ASSERT_NE(c, ab);

    const Entry split =
        correction(kinds::fusionSplit, {{QStringLiteral("observation"), QStringLiteral("b")}});
    ASSERT_TRUE(fuser.apply(split).ok());
    EXPECT_NE(fuser.incidentOf(QStringLiteral("b")), ab);
    EXPECT_EQ(fuser.incidents().size(), 3u);

    const Entry join =
        correction(kinds::fusionJoin, {{QStringLiteral("incident"), c}, {QStringLiteral("into"), ab}});
    ASSERT_TRUE(fuser.apply(join).ok());
    EXPECT_EQ(fuser.incidentOf(QStringLiteral("c")), ab);
    EXPECT_EQ(fuser.incidents().size(), 2u);

    ASSERT_TRUE(fuser.apply(undo(split)).ok());
    EXPECT_EQ(fuser.incidentOf(QStringLiteral("b")), ab);
    ASSERT_TRUE(fuser.apply(undo(join)).ok());
    EXPECT_EQ(fuser.incidentOf(QStringLiteral("c")), c);
    EXPECT_EQ(fuser.incidents().size(), 2u);

    EXPECT_FALSE(
        fuser.apply(correction(kinds::fusionSplit, {{QStringLiteral("observation"), QStringLiteral("nope")}}))
            .ok());
    EXPECT_FALSE(fuser.apply(undo(correction(kinds::fusionJoin, {}))).ok());
}

namespace {

/// Runs `vigie-cli ingest ROOM FILE...`; the JSON lines it prints, or an empty list on failure.
QList<QJsonObject> cliIngest(const QString &room, const QStringList &files, QString *errors)
{
    QProcess cli;
    cli.start(QStringLiteral(VIGIE_CLI), QStringList{QStringLiteral("ingest"), room} + files);
    if (!cli.waitForFinished(60000) || cli.exitCode() != 0) {
        *errors = QString::fromUtf8(cli.readAllStandardError());
        return {};
    }
    QList<QJsonObject> lines;
    for (const QByteArray &line : cli.readAllStandardOutput().split('\n'))
        if (!line.trimmed().isEmpty())
            lines << QJsonDocument::fromJson(line).object();
    return lines;
}

/// The fire brigade's CAP alert F-1: a vehicle fire on the quay of the Vieux-Port, 21:05.
constexpr char brigadeAlert[] =
    "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"><identifier>F-1</identifier>"
    "<sender>cta@bmpm.fr</sender><sent>2026-07-14T21:05:00+02:00</sent><status>Actual</status>"
    "<msgType>Alert</msgType><scope>Public</scope><info><category>Fire</category><event>Feu de "
    "vehicule</event><urgency>Immediate</urgency><severity>Severe</severity><certainty>Observed"
    "</certainty><area><areaDesc>Quai du Port</areaDesc><circle>43.2951,5.3740 0.1</circle></area>"
    "</info></alert>";

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    QFile f(dir.filePath(name));
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        return {};
    return f.fileName();
}

} // namespace

TEST(Fusion, IngestNamesAFileFeedByItsLabelScrubbed)
{
    // Without --label a file feed is named by a keyed token of its file name; with it, by the label, after
    // the same scrubbing as any text.
    test::TempRoom t;
    const QString room = t.path();
    QTemporaryDir dir;
    const QString nmea = writeFile(dir, QStringLiteral("appel_martin.nmea"),
                                   "$GPRMC,123519,A,4807.038,N,01131.000,E,022.4,084.4,230394,003.1,W*6A\n");
    QProcess cli;
    cli.start(QStringLiteral(VIGIE_CLI), {QStringLiteral("ingest"), room, QStringLiteral("--label"),
                                          QStringLiteral("GPS BMPM, astreinte 06 12 34 56 78"), nmea});
    ASSERT_TRUE(cli.waitForFinished(60000));
    ASSERT_EQ(cli.exitCode(), 0) << cli.readAllStandardError().toStdString();
    const QString other = writeFile(dir, QStringLiteral("appel_martin_2.nmea"),
                                    "$GPRMC,123520,A,4807.038,N,01131.000,E,022.4,084.4,230394,003.1,W*60\n");
    QString errors;
    ASSERT_EQ(cliIngest(room, {other}, &errors).size(), 1) << errors.toStdString();
    const auto stats = feedStats(room, Timestamp{0});
    ASSERT_TRUE(stats) << stats.error().message.toStdString();
    ASSERT_EQ(stats->size(), 2u);
    QStringList names;
    for (const FeedSourceStats &s : *stats)
        names << s.source;
    const QString labelled = names.filter(QStringLiteral("GPS BMPM")).value(0);
    EXPECT_TRUE(labelled.startsWith(QStringLiteral("GPS BMPM, astreinte [tel:"))) << labelled.toStdString();
    const QString token = names.filter(QStringLiteral("file [source:")).value(0);
    EXPECT_TRUE(token.endsWith(QStringLiteral("].nmea"))) << names.join(u'|').toStdString();
    EXPECT_FALSE(names.join(u'|').contains(QStringLiteral("martin")));
}

TEST(Fusion, IngestFusesReportsOfSeveralServicesIntoOneIncident)
{
    test::TempRoom t;
    const QString room = t.path();
    t.room.reset(); // the command owns the room while it runs
    // The fire brigade's CAP alert, then a police camera 60 m and 3 minutes away, then (in a second run,
    // a new process) the brigade's update of its alert and an unrelated fight 2 km away.
    const QString cap = writeFile(t.dir, QStringLiteral("cta.xml"), brigadeAlert);
    const QString camera = writeFile(
        t.dir, QStringLiteral("cam.geojson"),
        R"({"type":"Feature","id":"cam-7","geometry":{"type":"Point","coordinates":[5.3745,43.2955]},
                  "properties":{"time":"2026-07-14T21:08:00+02:00","type":"Feu de vehicule","title":"Camera"}})");
    QString errors;
    const auto first = cliIngest(room, {cap, camera}, &errors);
    ASSERT_EQ(first.size(), 2) << errors.toStdString();
    EXPECT_EQ(first[0].value(QStringLiteral("merges")).toInt(), 0);
    EXPECT_EQ(first[1].value(QStringLiteral("merges")).toInt(), 1);

    const QString fight = writeFile(
        t.dir, QStringLiteral("fight.geojson"),
        R"({"type":"Feature","id":"cam-9","geometry":{"type":"Point","coordinates":[5.3990,43.3050]},
                  "properties":{"time":"2026-07-14T21:09:00+02:00","type":"Rixe","title":"Rixe"}})");
    const QString again = writeFile(t.dir, QStringLiteral("cam2.geojson"),
                                    R"({"type":"Feature","id":"cam-8","geometry":{"type":"Point",
                  "coordinates":[5.3742,43.2953]},"properties":{"time":"2026-07-14T21:10:00+02:00",
                  "type":"Feu de vehicule","title":"Camera quai"}})");
    const auto second = cliIngest(room, {fight, again}, &errors);
    ASSERT_EQ(second.size(), 2) << errors.toStdString();
    EXPECT_EQ(second[0].value(QStringLiteral("merges")).toInt(), 0);
    // The fuser of the second process was rebuilt from the log: the third report joins the first two.
    EXPECT_EQ(second[1].value(QStringLiteral("merges")).toInt(), 1);

    auto reopened = Room::open(room, t.clock);
    ASSERT_TRUE(reopened.ok()) << reopened.error().message.toStdString();
    auto merges = (*reopened)->store().read(ofKind("fusion.merge"));
    ASSERT_TRUE(merges.ok());
    ASSERT_EQ(merges->size(), 2u);
    for (const Entry &m : *merges) {
        EXPECT_GT(m.data.value(QStringLiteral("confidence")).toDouble(), 0.35);
        EXPECT_LT(m.data.value(QStringLiteral("confidence")).toDouble(), 1.0);
        EXPECT_TRUE(QRegularExpression(QStringLiteral("^\\d reports within \\d+ m and \\d+ min: "))
                        .match(m.data.value(QStringLiteral("reason")).toString())
                        .hasMatch())
            << m.data.value(QStringLiteral("reason")).toString().toStdString();
        EXPECT_FALSE(m.data.value(QStringLiteral("merged_incident")).toString().isEmpty());
        EXPECT_FALSE(m.data.value(QStringLiteral("into")).toString().isEmpty());
    }
    auto picture = (*reopened)->picture();
    ASSERT_TRUE(picture.ok());
    // Four reports, two incidents: the vehicle fire seen by three, and the fight.
    ASSERT_EQ(picture->incidents.size(), 2u);
    ASSERT_TRUE(picture->incidents.contains(QStringLiteral("cap:F-1")));
    const Incident &fire = picture->incidents.at(QStringLiteral("cap:F-1"));
    EXPECT_EQ(fire.entries.size(), 3u);
    EXPECT_EQ(fire.type, QStringLiteral("vehicle_fire"));
    // The reports keep the incident their source named.
    auto reports = (*reopened)->store().read(ofKind("incident.update"));
    ASSERT_TRUE(reports.ok());
    QStringList sources;
    for (const Entry &r : *reports)
        sources << r.data.value(QStringLiteral("source_incident")).toString();
    sources.sort();
    EXPECT_EQ(sources, (QStringList{QStringLiteral("geojson:cam-7"), QStringLiteral("geojson:cam-8")}));

    // Ingesting the same files again stores nothing and fuses nothing twice.
    const auto replay = cliIngest(room, {cap, camera, again}, &errors);
    ASSERT_EQ(replay.size(), 3) << errors.toStdString();
    for (const auto &line : replay) {
        EXPECT_EQ(line.value(QStringLiteral("stored")).toInt(), 0);
        EXPECT_EQ(line.value(QStringLiteral("merges")).toInt(), 0);
    }
}

namespace {

struct CliRun
{
    int code = -1;
    QString out, err;
};

CliRun cli(const QStringList &arguments)
{
    QProcess p;
    p.start(QStringLiteral(VIGIE_CLI), arguments);
    CliRun r;
    if (!p.waitForFinished(60000))
        return r;
    r.code = p.exitCode();
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

/// A camera alert: `id` is the message's, `incident` (default geojson:<id>) the incident it reports on.
QByteArray camera(const char *id, const char *time, double lon, double lat, const char *type,
                  const char *incident = nullptr)
{
    return QStringLiteral(R"({"type":"Feature","id":"%1","geometry":{"type":"Point","coordinates":[%2,%3]},
        "properties":{"time":"%4","type":"%5","title":"Camera %1","incident":"%6"}})")
        .arg(QLatin1String(id))
        .arg(lon, 0, 'f', 4)
        .arg(lat, 0, 'f', 4)
        .arg(QLatin1String(time), QLatin1String(type),
             incident ? QString::fromLatin1(incident) : QStringLiteral("geojson:") + QLatin1String(id))
        .toUtf8();
}

} // namespace

// A desk splits a source out of a fused incident, joins two incidents, and undoes both, with `vigie-cli
// fusion`; the picture follows each step, and ingestion keeps a split source on its own until the undo.
TEST(Fusion, DeskCorrectionsFromTheCommandLineAndIngestFollowsThem)
{
    test::TempRoom t;
    const QString room = t.path();
    t.room.reset(); // the commands own the room while they run
    const QString cap = writeFile(t.dir, QStringLiteral("cta.xml"), brigadeAlert);
    auto file = [&t](const char *name, const QByteArray &bytes) {
        return writeFile(t.dir, QLatin1String(name), bytes);
    };
    QString errors;
    ASSERT_EQ(
        cliIngest(room,
                  {cap,
                   file("c7.geojson",
                        camera("cam-7", "2026-07-14T21:08:00+02:00", 5.3745, 43.2955, "Feu de vehicule")),
                   file("c9.geojson", camera("cam-9", "2026-07-14T21:09:00+02:00", 5.3990, 43.3050, "Rixe"))},
                  &errors)
            .size(),
        3)
        << errors.toStdString();
    auto picture = [&] {
        auto r = Room::open(room, t.clock);
        EXPECT_TRUE(r.ok());
        auto p = (*r)->picture();
        EXPECT_TRUE(p.ok());
        return *p;
    };
    auto entriesOf = [](const Picture &p, const char *id) {
        const auto it = p.incidents.find(QLatin1String(id));
        return it == p.incidents.end() ? std::size_t(0) : it->second.entries.size();
    };
    ASSERT_EQ(entriesOf(picture(), "cap:F-1"), 2u);

    // What can be split out of F-1: the camera fusion merged into it.
    CliRun r = cli({QStringLiteral("fusion"), room, QStringLiteral("sources"), QStringLiteral("cap:F-1")});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    const QJsonObject source = QJsonDocument::fromJson(r.out.toUtf8()).object();
    EXPECT_EQ(source.value(QStringLiteral("source")).toString(), QStringLiteral("geojson:cam-7"));
    EXPECT_EQ(source.value(QStringLiteral("reports")).toInt(), 1);

    r = cli({QStringLiteral("fusion"), room, QStringLiteral("split"), QStringLiteral("cap:F-1"),
             QStringLiteral("geojson:cam-7"), QStringLiteral("--author"), QStringLiteral("poste-bmpm")});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    Picture p = picture();
    EXPECT_EQ(entriesOf(p, "cap:F-1"), 1u);
    ASSERT_EQ(entriesOf(p, "geojson:cam-7"), 1u);
    EXPECT_EQ(p.incidents.at(QStringLiteral("geojson:cam-7")).type, QStringLiteral("vehicle_fire"));
    EXPECT_NEAR(p.incidents.at(QStringLiteral("geojson:cam-7")).position->lon, 5.3745, 1e-9);
    // F-1 as the brigade's alert alone gives it: the camera's title and place went with the camera.
    const QString alertTitle = p.incidents.at(QStringLiteral("cap:F-1")).title;
    EXPECT_FALSE(alertTitle.contains(QStringLiteral("Camera"))) << alertTitle.toStdString();
    EXPECT_NEAR(p.incidents.at(QStringLiteral("cap:F-1")).position->lon, 5.3740, 1e-9);

    // The camera's next report stays in its own incident: no merge.
    auto later = cliIngest(room,
                           {file("c7b.geojson", camera("cam-7b", "2026-07-14T21:11:00+02:00", 5.3744, 43.2954,
                                                       "Feu de vehicule", "geojson:cam-7"))},
                           &errors);
    ASSERT_EQ(later.size(), 1) << errors.toStdString();
    EXPECT_EQ(later[0].value(QStringLiteral("merges")).toInt(), 0);
    EXPECT_EQ(entriesOf(picture(), "geojson:cam-7"), 2u);
    EXPECT_EQ(entriesOf(picture(), "cap:F-1"), 1u);

    // Join the fight into F-1 (a desk knows better), then undo it: the latest correction goes first.
    r = cli({QStringLiteral("fusion"), room, QStringLiteral("join"), QStringLiteral("geojson:cam-9"),
             QStringLiteral("cap:F-1")});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    p = picture();
    EXPECT_FALSE(p.incidents.contains(QStringLiteral("geojson:cam-9")));
    EXPECT_EQ(p.incidents.at(QStringLiteral("cap:F-1")).joined, QStringList{QStringLiteral("geojson:cam-9")});
    r = cli({QStringLiteral("fusion"), room, QStringLiteral("list")});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    EXPECT_EQ(r.out.count(u'\n'), 2) << r.out.toStdString();
    EXPECT_TRUE(r.out.startsWith(QStringLiteral("{\"entry\":"))) << r.out.toStdString();
    r = cli({QStringLiteral("fusion"), room, QStringLiteral("undo")});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    p = picture();
    EXPECT_EQ(entriesOf(p, "geojson:cam-9"), 1u);
    EXPECT_TRUE(p.incidents.at(QStringLiteral("cap:F-1")).joined.isEmpty());

    // Undo the split: the camera's reports, the later one too, are back in F-1, and its next one merges.
    r = cli({QStringLiteral("fusion"), room, QStringLiteral("undo")});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    p = picture();
    EXPECT_EQ(entriesOf(p, "cap:F-1"), 3u);
    EXPECT_FALSE(p.incidents.contains(QStringLiteral("geojson:cam-7")));
    // With the camera's reports back, F-1 is what its latest report says.
    EXPECT_EQ(p.incidents.at(QStringLiteral("cap:F-1")).title, QStringLiteral("Camera cam-7b"));
    EXPECT_NEAR(p.incidents.at(QStringLiteral("cap:F-1")).position->lon, 5.3744, 1e-9);
    later = cliIngest(room,
                      {file("c7c.geojson", camera("cam-7c", "2026-07-14T21:12:00+02:00", 5.3744, 43.2954,
                                                  "Feu de vehicule", "geojson:cam-7"))},
                      &errors);
    ASSERT_EQ(later.size(), 1) << errors.toStdString();
    p = picture();
    EXPECT_EQ(entriesOf(p, "cap:F-1"), 4u);
    EXPECT_EQ(p.incidents.at(QStringLiteral("cap:F-1")).title, QStringLiteral("Camera cam-7c"));

    // Refusals name what is wrong, and write nothing.
    const qint64 before = picture().lastSeq;
    r = cli({QStringLiteral("fusion"), room, QStringLiteral("undo")});
    EXPECT_EQ(r.code, 1);
    EXPECT_TRUE(r.err.contains(QStringLiteral("nothing to undo"))) << r.err.toStdString();
    r = cli({QStringLiteral("fusion"), room, QStringLiteral("split"), QStringLiteral("cap:F-1"),
             QStringLiteral("geojson:nope")});
    EXPECT_EQ(r.code, 1);
    EXPECT_TRUE(r.err.contains(QStringLiteral("geojson:cam-7"))) << r.err.toStdString();
    r = cli({QStringLiteral("fusion"), room, QStringLiteral("join"), QStringLiteral("cap:F-1"),
             QStringLiteral("geojson:gone")});
    EXPECT_EQ(r.code, 1);
    EXPECT_TRUE(r.err.contains(QStringLiteral("no incident \"geojson:gone\""))) << r.err.toStdString();
    r = cli({QStringLiteral("fusion"), room, QStringLiteral("split"), QStringLiteral("cap:F-1")});
    EXPECT_EQ(r.code, 1);
    EXPECT_EQ(picture().lastSeq, before);
}

// A process that keeps ingesting (as `listen` does) follows a split another desk writes meanwhile.
TEST(Fusion, ARunningIngestFollowsACorrectionWrittenMeanwhile)
{
    test::TempRoom t;
    feeds::FeedRegistry registry;
    feeds::Ingestor ingestor(*t.room, registry);
    FeedFusion fusion;
    FusionSummary summary;
    fusion.attach(ingestor, *t.room, summary);
    auto ingest = [&](const char *id, const char *time, const char *incident = nullptr) {
        feeds::FeedContext context;
        context.source = QStringLiteral("vigie/police/geojson");
        context.sourceLabel = QStringLiteral("mqtt:vigie/police/geojson");
        auto r = ingestor.ingest(camera(id, time, 5.3745, 43.2955, "Feu de vehicule", incident), context,
                                 QStringLiteral("geojson"));
        EXPECT_TRUE(r.ok());
    };
    ingest("cam-1", "2026-07-14T21:05:00+02:00");
    ingest("cam-2", "2026-07-14T21:06:00+02:00");
    ASSERT_EQ(summary.merges, 1);
    auto p = t.room->picture();
    ASSERT_TRUE(p.ok());
    ASSERT_EQ(p->incidents.size(), 1u);
    auto split = splitDraft(t.room->store(), *p, QStringLiteral("geojson:cam-1"),
                            QStringLiteral("geojson:cam-2"), QStringLiteral("poste"), t.clock.now());
    ASSERT_TRUE(split.ok()) << split.error().message.toStdString();
    ASSERT_TRUE(t.room->append({*split}).ok());
    ingest("cam-2b", "2026-07-14T21:07:00+02:00", "geojson:cam-2");
    EXPECT_EQ(summary.merges, 1);
    p = t.room->picture();
    ASSERT_TRUE(p.ok());
    ASSERT_EQ(p->incidents.size(), 2u);
    EXPECT_EQ(p->incidents.at(QStringLiteral("geojson:cam-2")).entries.size(), 2u);
}

// The sources of an incident whose reports lie far apart in a busy log (read one by one), and of one whose
// reports follow each other (read in one pass), are the same.
TEST(Fusion, SplitChoicesFindAnIncidentsSourcesAmongOtherEntries)
{
    for (const int between : {0, 60}) {
        test::TempRoom t;
        auto report = [](qint64 minute, const char *source) {
            QJsonObject data{{QStringLiteral("incident"), QStringLiteral("cap:F-1")},
                             {QStringLiteral("title"), QStringLiteral("Feu")}};
            if (source)
                data.insert(QStringLiteral("source_incident"), QLatin1String(source));
            return test::makeEntry(QStringLiteral("incident.update"), 1784055600000 + minute * 60000, data,
                                   Geometry::point({5.37, 43.29}));
        };
        std::vector<Entry> log{report(0, nullptr)};
        auto notes = [&](int n) {
            for (int i = 0; i < n; ++i)
                log.push_back(test::note(1784055600000 + i, QStringLiteral("note %1").arg(i)));
        };
        notes(between);
        log.push_back(report(1, "emsi:E-7"));
        notes(between);
        log.push_back(report(2, "geojson:cam-7"));
        log.push_back(report(3, "emsi:E-7"));
        ASSERT_TRUE(t.room->append(std::move(log)).ok());
        auto p = t.room->picture();
        ASSERT_TRUE(p.ok());
        auto choices = splitChoices(t.room->store(), *p, QStringLiteral("cap:F-1"));
        ASSERT_TRUE(choices.ok()) << choices.error().message.toStdString();
        ASSERT_EQ(choices->size(), 2u) << between;
        EXPECT_EQ(choices->at(0).source, QStringLiteral("emsi:E-7"));
        EXPECT_EQ(choices->at(0).reports.size(), 2u);
        EXPECT_EQ(choices->at(0).reports.back(), p->incidents.at(QStringLiteral("cap:F-1")).entries.back());
        EXPECT_EQ(choices->at(1).source, QStringLiteral("geojson:cam-7"));
    }
}

// A split takes out every report of the split report's own incident, those that come later too.
TEST(Fusion, ASplitTakesOutEveryReportOfTheSourcesIncident)
{
    Fuser fuser;
    auto named = [](const char *id, qint64 minute, const char *incident) {
        Observation o = obs(QLatin1String(id), 43.30, 5.37, minute, QStringLiteral("building_fire"));
        o.incident = QLatin1String(incident);
        return o;
    };
    (void)fuser.observe(named("a", 0, "cap:F-1"));
    (void)fuser.observe(named("b", 1, "emsi:E-7"));
    (void)fuser.observe(named("c", 2, "emsi:E-7"));
    const QString fused = fuser.incidentOf(QStringLiteral("a"));
    ASSERT_EQ(fuser.incidentOf(QStringLiteral("c")), fused);
    ASSERT_TRUE(
        fuser.apply(correction(kinds::fusionSplit, {{QStringLiteral("observation"), QStringLiteral("b")}}))
            .ok());
    EXPECT_TRUE(fuser.isSplitOut(QStringLiteral("emsi:E-7")));
    EXPECT_EQ(fuser.incidentOf(QStringLiteral("c")), fuser.incidentOf(QStringLiteral("b")));
    EXPECT_NE(fuser.incidentOf(QStringLiteral("b")), fused);
    (void)fuser.observe(named("d", 3, "emsi:E-7"));
    EXPECT_EQ(fuser.incidentOf(QStringLiteral("d")), fuser.incidentOf(QStringLiteral("b")));
    const Entry join =
        correction(kinds::fusionJoin, {{QStringLiteral("incident"), QStringLiteral("geojson:x")},
                                       {QStringLiteral("into"), QStringLiteral("cap:F-1")}});
    ASSERT_TRUE(fuser.apply(join).ok()); // and after a rebuild of the corrections
    EXPECT_EQ(fuser.incidentOf(QStringLiteral("d")), fuser.incidentOf(QStringLiteral("b")));
    EXPECT_EQ(fuser.incidentOf(QStringLiteral("a")), fused);
}

namespace {

/// A CAP message from `sender` about a vehicle fire on the Quai du Port: an Alert, or a Cancel of its alert.
QByteArray capAbout(const char *sender, const char *identifier, const char *sent, bool cancel = false)
{
    const QString references = QStringLiteral("%1,%2,2026-07-14T21:05:00+02:00")
                                   .arg(QLatin1String(sender), QLatin1String(identifier));
    return QStringLiteral(
               "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"><identifier>%1%2</identifier>"
               "<sender>%3</sender><sent>%4</sent><status>Actual</status><msgType>%5</msgType>"
               "<scope>Public</scope>%6<info><category>Fire</category><event>Feu de vehicule</event>"
               "<urgency>Immediate</urgency><severity>Severe</severity><certainty>Observed</certainty>"
               "<area><areaDesc>Quai du Port</areaDesc><circle>43.2951,5.3740 0.1</circle></area></info>"
               "</alert>")
        .arg(QLatin1String(identifier), cancel ? QStringLiteral("-fin") : QString(), QLatin1String(sender),
             QLatin1String(sent), cancel ? QStringLiteral("Cancel") : QStringLiteral("Alert"),
             cancel ? QStringLiteral("<references>%1</references>").arg(references) : QString())
        .toUtf8();
}

} // namespace

// Two services report the same fire; fusion makes it one incident. Each closes its own report: the fused
// incident stays until the last one has, whichever closes first, and also when a new process does the rest.
TEST(Fusion, AFusedIncidentClosesWhenItsLastSourceCloses)
{
    for (const bool leadClosesFirst : {true, false}) {
        SCOPED_TRACE(leadClosesFirst ? "the first source closes first" : "the merged source closes first");
        test::TempRoom t;
        feeds::FeedRegistry registry;
        auto ingestor = std::make_unique<feeds::Ingestor>(*t.room, registry);
        auto fusion = std::make_unique<FeedFusion>();
        FusionSummary summary;
        fusion->attach(*ingestor, *t.room, summary);
        auto ingest = [&](const QByteArray &bytes) {
            feeds::FeedContext context;
            context.sourceLabel = QStringLiteral("gateway");
            auto r = ingestor->ingest(bytes, context, QStringLiteral("cap"));
            ASSERT_TRUE(r.ok()) << r.error().message.toStdString();
            ASSERT_EQ(r->stored, 1);
        };
        ingest(capAbout("cta@bmpm.fr", "F-1", "2026-07-14T21:05:00+02:00"));
        ingest(capAbout("regulation@samu13.fr", "S-9", "2026-07-14T21:06:00+02:00"));
        ASSERT_EQ(summary.merges, 1);
        auto p = t.room->picture();
        ASSERT_TRUE(p.ok());
        ASSERT_EQ(p->incidents.size(), 1u);
        const QString fire = p->incidents.begin()->first;
        EXPECT_EQ(fire, QStringLiteral("cap:F-1"));

        const char *first = leadClosesFirst ? "cta@bmpm.fr" : "regulation@samu13.fr";
        const char *last = leadClosesFirst ? "regulation@samu13.fr" : "cta@bmpm.fr";
        ingest(capAbout(first, leadClosesFirst ? "F-1" : "S-9", "2026-07-14T22:00:00+02:00", true));
        p = t.room->picture();
        ASSERT_TRUE(p.ok());
        ASSERT_EQ(p->incidents.size(), 1u) << "one source has closed, the other has not";
        EXPECT_EQ(p->incidents.at(fire).entries.size(), 3u);
        EXPECT_EQ(p->closedIncidents, 0);
        auto closes = t.room->store().read(ofKind("incident.close"));
        ASSERT_TRUE(closes.ok());
        ASSERT_EQ(closes->size(), 1u);
        EXPECT_EQ(closes->front().data.value(QStringLiteral("incident")).toString(), fire);
        EXPECT_EQ(closes->front().data.value(QStringLiteral("open_sources")).toInt(), 1);
        EXPECT_EQ(closes->front().data.value(QStringLiteral("source_incident")).toString(),
                  leadClosesFirst ? QString() : QStringLiteral("cap:S-9"));

        // The last close comes through a new process, whose fusion learns from the log who has closed.
        // A new process: the room opened again, its fold restored from the log and its snapshots.
        ingestor.reset();
        fusion = std::make_unique<FeedFusion>();
        auto reopened = Room::open(t.path(), t.clock);
        ASSERT_TRUE(reopened.ok());
        ingestor = std::make_unique<feeds::Ingestor>(**reopened, registry);
        fusion->attach(*ingestor, **reopened, summary);
        ingest(capAbout(last, leadClosesFirst ? "S-9" : "F-1", "2026-07-14T22:10:00+02:00", true));
        p = t.room->picture();
        ASSERT_TRUE(p.ok());
        EXPECT_TRUE(p->incidents.empty());
        EXPECT_EQ(p->closedIncidents, 1);
        closes = t.room->store().read(ofKind("incident.close"));
        ASSERT_TRUE(closes.ok());
        ASSERT_EQ(closes->size(), 2u);
        EXPECT_EQ(closes->back().data.value(QStringLiteral("incident")).toString(), fire);
        EXPECT_FALSE(closes->back().data.contains(QStringLiteral("open_sources")));
    }
}

// Fusion follows the process's one fold: a Fuser brought up to a picture restored from a snapshot equals one
// fed with every report, close and correction read from the log, and a process that starts again fuses the
// next reports as the one before would have.
TEST(Fusion, FollowingTheRoomsFoldEqualsReplayingTheLogAndSurvivesARestart)
{
    test::TempRoom t;
    feeds::FeedRegistry registry;
    FusionSummary summary;
    {
        feeds::Ingestor ingestor(*t.room, registry);
        FeedFusion fusion;
        fusion.attach(ingestor, *t.room, summary);
        // 1,300 camera alerts around 40 places over the evening, with unit positions between them, so that
        // the log passes several snapshots and fusion merges many.
        std::mt19937 rng(7);
        std::uniform_int_distribution<int> place(0, 39);
        for (int n = 0; n < 1300; ++n) {
            const int k = place(rng);
            const QByteArray time = QStringLiteral("2026-07-14T%1:%2:00+02:00")
                                        .arg(18 + n / 600, 2, 10, QLatin1Char('0'))
                                        .arg((n / 10) % 60, 2, 10, QLatin1Char('0'))
                                        .toLatin1();
            feeds::FeedContext context;
            context.sourceLabel = QStringLiteral("mqtt:vigie/cameras");
            auto r =
                ingestor.ingest(camera(QByteArray("cam-" + QByteArray::number(n)).constData(),
                                       time.constData(), 5.30 + 0.004 * k, 43.25 + 0.003 * k, "vehicle_fire"),
                                context, QStringLiteral("geojson"));
            ASSERT_TRUE(r.ok()) << r.error().message.toStdString();
            std::vector<Entry> moves;
            for (int u = 0; u < 2; ++u)
                moves.push_back(test::makeEntry(QStringLiteral("unit.position"), 1784044800000 + n,
                                                {{QStringLiteral("unit"), QStringLiteral("U%1").arg(u)}},
                                                Geometry::point({5.3 + 0.001 * u, 43.3})));
            ASSERT_TRUE(t.room->append(std::move(moves)).ok());
        }
    }
    ASSERT_GT(summary.merges, 100);
    auto snapshot = t.room->store().lastSnapshotSeq();
    ASSERT_TRUE(snapshot.ok());
    ASSERT_GT(*snapshot, 0);

    // The Fuser as the log's whole replay makes it.
    Fuser replayed;
    auto all = t.room->store().read(EntryQuery{});
    ASSERT_TRUE(all.ok());
    for (const Entry &e : *all) {
        if (auto o = observationOf(e))
            (void)replayed.observe(*o);
        else if (e.kind == u"incident.close")
            (void)replayed.close(e.data.value(QStringLiteral("incident")).toString());
        else if (e.kind.startsWith(u"fusion."))
            (void)replayed.apply(e);
    }
    // A new process: its fold restored from the last snapshot and the entries after it, its fusion trail
    // read from the log (snapshots do not hold it).
    auto reopened = Room::open(t.path(), t.clock);
    ASSERT_TRUE(reopened.ok());
    auto plain = (*reopened)->head();
    ASSERT_TRUE(plain.ok());
    EXPECT_TRUE((*plain)->fusionTrail.empty()); // a fold no fusion follows keeps none
    auto head = (*reopened)->fusionHead();
    ASSERT_TRUE(head.ok());
    FeedFusion followed;
    followed.follow(**head);
    auto ids = [](const Fuser &f) {
        std::vector<std::pair<QString, std::vector<QString>>> out;
        for (const FusedIncident &i : f.incidents())
            out.emplace_back(i.id, i.observations);
        std::sort(out.begin(), out.end());
        return out;
    };
    EXPECT_EQ(ids(followed.fuser()), ids(replayed));
    EXPECT_EQ(followed.fuser().incidents().size(), replayed.incidents().size());

    // And it fuses the next report like the first process: a camera at place 0 joins its incident.
    feeds::Ingestor ingestor(**reopened, registry);
    FusionSummary after;
    followed.attach(ingestor, **reopened, after);
    feeds::FeedContext context;
    context.sourceLabel = QStringLiteral("mqtt:vigie/cameras");
    auto r = ingestor.ingest(camera("cam-next", "2026-07-14T20:09:30+02:00", 5.30, 43.25, "vehicle_fire"),
                             context, QStringLiteral("geojson"));
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(after.merges, 1);
}
