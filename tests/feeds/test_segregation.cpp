// Exercise segregation, every format the same way and both directions: real (Actual) traffic never enters an
// exercise room, exercise traffic never enters a live room.
#include "feeds/feed_adapters.h"
#include "test_util.h"

#include <QFile>

using namespace vigie;
using namespace vigie::feeds;

namespace {

FeedContext in(RoomMode mode)
{
    return {QStringLiteral("test"), mode, QStringLiteral("fire"), QStringLiteral("VSAV1"), {}};
}

struct Sample
{
    const char *name;
    const FeedAdapter &adapter;
    QByteArray actual;   ///< marked real
    QByteArray exercise; ///< the same, marked exercise
};

// Stored as a message (true) or refused with a reason that names the room.
bool enters(const Sample &s, const QByteArray &bytes, RoomMode mode, QString *reason)
{
    const FeedBatch b = s.adapter.parse(bytes, in(mode));
    if (!b.rejected.empty())
        *reason = b.rejected.front().reason;
    return !b.messages.empty() && b.rejected.empty();
}

void checkBothDirections(const Sample &s)
{
    SCOPED_TRACE(s.name);
    QString reason;
    EXPECT_TRUE(enters(s, s.actual, RoomMode::Live, &reason)) << reason.toStdString();
    EXPECT_TRUE(enters(s, s.exercise, RoomMode::Exercise, &reason)) << reason.toStdString();
    reason.clear();
    EXPECT_FALSE(enters(s, s.actual, RoomMode::Exercise, &reason));
    EXPECT_TRUE(reason.contains(u"exercise room")) << reason.toStdString();
    reason.clear();
    EXPECT_FALSE(enters(s, s.exercise, RoomMode::Live, &reason));
    EXPECT_TRUE(reason.contains(u"live room")) << reason.toStdString();
}

QByteArray replaced(QByteArray bytes, const char *from, const char *to)
{
    return bytes.replace(from, to);
}

QByteArray read(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

const CapAdapter cap;
const EdxlAdapter edxl;
const EmsiAdapter emsi;
const GeoJsonAdapter geojson;

const QByteArray capAlert =
    "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"><identifier>S1</identifier>"
    "<sender>bmpm@example.fr</sender><sent>2026-07-14T21:05:00+02:00</sent><status>Actual</status>"
    "<msgType>Alert</msgType><scope>Public</scope><info><category>Fire</category><event>Feu</event>"
    "<urgency>Immediate</urgency><severity>Severe</severity><certainty>Observed</certainty>"
    "<area><areaDesc>x</areaDesc><circle>43.29,5.37 0.1</circle></area></info></alert>";

const QByteArray emsiJson =
    R"({"emsi":{"CONTEXT":{"ID":"M1","MODE":"ACTUAL","MSGTYPE":"ALERT","CREATION":"2026-07-14T21:00:00+02:00",
    "ORIGIN":{"ORG_ID":"fr.health.samu013"}},"EVENT":{"ID":"E1","NAME":"Collision","ETYPE":{"CATEGORY":["TRP/COL"]},
    "EGEO":[{"POSITION":{"COORD":[{"LAT":43.3,"LONG":5.4}]}}]}}})";

const QByteArray geoPositions =
    R"({"geoPositionsUpdate":{"position":[{"coord":{"lat":43.3,"lon":5.4},"resourceId":"fr.health.samu013.VLM1",
    "datetime":"2026-07-14T21:00:00+02:00","move":"STATIQUE"}]}})";

QByteArray hubWrapper(const QByteArray &status)
{
    return R"({"message":{"messageId":"fr.health.samu013_1","sender":{"name":"samu013","URI":"hubex:fr.health.samu013"},
    "sentAt":"2026-07-14T21:00:00+02:00","kind":"Report",)" +
           (status.isEmpty() ? QByteArray() : "\"status\":\"" + status + "\",") + R"("geoPositionsUpdate":)" +
           geoPositions.mid(geoPositions.indexOf(':') + 1) + "}";
}

} // namespace

TEST(Segregation, CapStatus)
{
    checkBothDirections({"CAP", cap, capAlert, replaced(capAlert, ">Actual<", ">Exercise<")});
}

TEST(Segregation, EmsiContextMode)
{
    checkBothDirections({"EMSI", emsi, emsiJson, replaced(emsiJson, "ACTUAL", "EXERCS")});
}

TEST(Segregation, GeoJsonStatusProperty)
{
    const QByteArray gj = R"({"type":"FeatureCollection","features":[{"type":"Feature","id":"s1",
        "geometry":{"type":"Point","coordinates":[5.37,43.29]},
        "properties":{"time":"2026-07-14T21:00:00+02:00","type":"gunshot","status":"Actual"}}]})";
    checkBothDirections({"GeoJSON", geojson, gj, replaced(gj, "\"Actual\"", "\"Exercise\"")});
}

TEST(Segregation, HubSanteMessageStatus)
{
    checkBothDirections({"Hub Santé message", emsi, hubWrapper("Actual"), hubWrapper("Exercise")});
}

TEST(Segregation, HubSanteWithoutStatusIsTakenAsReal)
{
    // A use case without wrapper or envelope, and a wrapper without status: real traffic for a live room,
    // refused by an exercise room.
    for (const QByteArray &unmarked : {geoPositions, hubWrapper({})}) {
        QString reason;
        const Sample s{"unmarked", emsi, unmarked, {}};
        EXPECT_TRUE(enters(s, unmarked, RoomMode::Live, &reason)) << reason.toStdString();
        EXPECT_FALSE(enters(s, unmarked, RoomMode::Exercise, &reason));
        EXPECT_TRUE(reason.contains(u"exercise room")) << reason.toStdString();
    }
}

TEST(Segregation, HubSanteRcEdaSamplesInTheirEdxlEnvelope)
{
    const QString dir = QStringLiteral(VIGIE_SHARED_DATA "/feeds/emsi/hub-sante/sample/valid/RC-EDA");
    if (!QFile::exists(dir))
        GTEST_SKIP() << "no shared data at " << dir.toStdString();
    for (const char *file : {"/RC-EDA.json", "/RC-EDA.xml"}) {
        const QByteArray actual = read(dir + QLatin1String(file));
        ASSERT_TRUE(actual.contains("Actual")) << file;
        // Envelope and wrapper both say it.
        checkBothDirections({file, edxl, actual, replaced(actual, "Actual", "Exercise")});
    }
}

TEST(Segregation, HubSanteRcEdaUseCaseAlone)
{
    const QString dir = QStringLiteral(VIGIE_SHARED_DATA "/feeds/emsi/hub-sante/sample/examples/RC-EDA");
    if (!QFile::exists(dir))
        GTEST_SKIP() << "no shared data at " << dir.toStdString();
    for (const char *file :
         {"/RC-EDA-FemmeEnceinte-DelphineVigneau.01.json", "/RC-EDA-FemmeEnceinte-DelphineVigneau.01.xml"}) {
        const QByteArray bytes = read(dir + QLatin1String(file));
        ASSERT_FALSE(bytes.isEmpty()) << file;
        QString reason;
        const Sample s{file, emsi, bytes, {}};
        EXPECT_TRUE(enters(s, bytes, RoomMode::Live, &reason)) << file << reason.toStdString();
        EXPECT_FALSE(enters(s, bytes, RoomMode::Exercise, &reason)) << file;
        EXPECT_TRUE(reason.contains(u"without status")) << reason.toStdString();
    }
}

TEST(Segregation, EdxlDistributionStatus)
{
    const QByteArray de =
        "<EDXLDistribution><distributionID>D-9</distributionID><senderID>bmpm@example.fr</senderID>"
        "<dateTimeSent>2026-07-14T21:00:00+02:00</dateTimeSent><distributionStatus>Actual</"
        "distributionStatus>"
        "<distributionType>Report</distributionType><contentObject><xmlContent><embeddedXMLContent>" +
        capAlert + "</embeddedXMLContent></xmlContent></contentObject></EDXLDistribution>";
    // Envelope and alert both marked.
    checkBothDirections({"EDXL-DE", edxl, de, replaced(de, ">Actual<", ">Exercise<")});
}
