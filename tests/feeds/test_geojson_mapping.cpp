// GeoJSON through a property mapping: another system's names give the entries ours give, a feature the
// mapping does not fit is refused naming the property, and a bad mapping file is refused naming the key.
#include "feeds/feed_adapters.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <gtest/gtest.h>

// Messages compared in full print as text when they differ.
static void PrintTo(const QString &s, std::ostream *os)
{
    *os << '"' << s.toStdString() << '"';
}

using namespace vigie;
using namespace vigie::feeds;

namespace {

const FeedContext live{
    QStringLiteral("test"), RoomMode::Live, QStringLiteral("fire"), QStringLiteral("VSAV1"), {}};

QByteArray fixture(const QString &name)
{
    QFile f(QStringLiteral(VIGIE_SOURCE_DIR "/tests/data/feeds/mapping/") + name);
    EXPECT_TRUE(f.open(QIODevice::ReadOnly)) << f.fileName().toStdString();
    return f.readAll();
}

GeoJsonMapping mappingOf(const QByteArray &json)
{
    auto m = FeedMapping::fromJson(json);
    EXPECT_TRUE(m.ok()) << (m.ok() ? std::string() : m.error().message.toStdString());
    return m.ok() ? m->geojson : GeoJsonMapping::defaults();
}

QString mappingError(const QByteArray &json)
{
    auto m = FeedMapping::fromJson(json);
    return m.ok() ? QString() : m.error().message;
}

/// One feature at [5.37, 43.29] with these properties, through `mapping`.
FeedBatch parseOne(const GeoJsonMapping &mapping, const QByteArray &properties,
                   const QByteArray &feature = {})
{
    return GeoJsonAdapter(mapping).parse(R"({"type":"Feature",)" + feature +
                                             R"("geometry":{"type":"Point","coordinates":[5.37,43.29]},)" +
                                             R"("properties":)" + properties + "}",
                                         live);
}

QString firstReason(const FeedBatch &b)
{
    return b.rejected.empty() ? QString() : b.rejected.front().reason;
}

} // namespace

// The fixture's six features with foreign names ("identifiant", "infos": {"horodatage"}, "gravite"…): the
// three that fit give exactly the entries that the same three written with our names give; the three that do
// not are refused at their place, each naming the property, and lose nothing of the others.
TEST(GeoJsonMapping, ForeignNamesGiveTheEntriesOfOurNames)
{
    const GeoJsonMapping mapping = mappingOf(fixture(QStringLiteral("interventions.map.json")));
    const FeedBatch mapped =
        GeoJsonAdapter(mapping).parse(fixture(QStringLiteral("interventions.geojson")), live);
    const FeedBatch ours =
        GeoJsonAdapter().parse(fixture(QStringLiteral("interventions.ours.geojson")), live);
    ASSERT_TRUE(ours.rejected.empty()) << firstReason(ours).toStdString();
    ASSERT_EQ(ours.messages.size(), 3u);
    ASSERT_EQ(mapped.messages.size(), ours.messages.size());
    for (std::size_t i = 0; i < ours.messages.size(); ++i) {
        EXPECT_EQ(mapped.messages[i].key, ours.messages[i].key);
        ASSERT_EQ(mapped.messages[i].drafts.size(), 1u);
        EXPECT_EQ(QJsonDocument(entryToJson(mapped.messages[i].drafts[0])).toJson().toStdString(),
                  QJsonDocument(entryToJson(ours.messages[i].drafts[0])).toJson().toStdString());
    }
    // What the mapping read, seen in the entries: a numeric id kept whole, a severity given as text, the
    // mapping's default agency, the operator as author, the type as title when there is no libelle.
    EXPECT_EQ(mapped.messages[1].key, QStringLiteral("geojson:20260714002"));
    EXPECT_EQ(mapped.messages[1].drafts[0].data.value(u"severity").toInt(), 4);
    EXPECT_EQ(mapped.messages[1].drafts[0].agency, QStringLiteral("police"));
    EXPECT_EQ(mapped.messages[0].drafts[0].author, QStringLiteral("CTA 13"));
    EXPECT_EQ(mapped.messages[2].drafts[0].data.value(u"title").toString(), QStringLiteral("inondation"));
    EXPECT_EQ(mapped.messages[2].drafts[0].data.value(u"type").toString(), QStringLiteral("flood"));

    ASSERT_EQ(mapped.rejected.size(), 3u);
    EXPECT_EQ(mapped.rejected[0].position, QStringLiteral("features[2]"));
    EXPECT_EQ(mapped.rejected[0].reason,
              QStringLiteral("GeoJSON: properties.infos.horodatage (our time) is missing or empty"));
    EXPECT_EQ(mapped.rejected[1].position, QStringLiteral("features[4]"));
    EXPECT_EQ(
        mapped.rejected[1].reason,
        QStringLiteral("GeoJSON: properties.gravite (our severity) is \"haute\", not a number from 1 to 5"));
    EXPECT_EQ(mapped.rejected[2].position, QStringLiteral("features[5]"));
    EXPECT_EQ(mapped.rejected[2].reason,
              QStringLiteral("GeoJSON: properties.infos.horodatage (our time): properties.infos is "
                             "\"2026-07-14T21:30:00+02:00\", not an object with \"horodatage\""));
    EXPECT_TRUE(mapped.rejected[2].input.contains("INT-0714-006"));
}

// Each required field, and a field of the wrong kind, is refused naming the property as the feature has it.
TEST(GeoJsonMapping, AFeatureTheMappingDoesNotFitIsRefusedNamingTheProperty)
{
    const GeoJsonMapping m = mappingOf(R"({"properties":{"id":"/id","time":"quand/debut","type":"quoi",
        "title":"tags/1","agency":{"value":"police"}}})");
    const QByteArray feature = R"("id":"A-1",)";
    const FeedBatch fine = parseOne(
        m, R"({"quand":{"debut":"2026-07-14T21:00:00Z"},"quoi":"rixe","tags":["x","Rixe au Panier"]})",
        feature);
    ASSERT_EQ(fine.messages.size(), 1u) << firstReason(fine).toStdString();
    EXPECT_EQ(fine.messages[0].key, QStringLiteral("geojson:A-1"));
    EXPECT_EQ(fine.messages[0].drafts[0].agency, QStringLiteral("police"));
    EXPECT_EQ(fine.messages[0].drafts[0].data.value(u"title").toString(), QStringLiteral("Rixe au Panier"));

    EXPECT_EQ(firstReason(parseOne(m, R"({"quand":{"debut":"2026-07-14T21:00:00Z"},"quoi":"rixe"})")),
              QStringLiteral("GeoJSON: id (our id) is missing or empty"));
    EXPECT_EQ(firstReason(parseOne(m, R"({"quand":{"debut":"2026-07-14T21:00:00Z"},"quoi":null})", feature)),
              QStringLiteral("GeoJSON: properties.quoi (our type) is missing or empty"));
    EXPECT_EQ(
        firstReason(parseOne(m, R"({"quand":{"debut":"14/07/2026 21:00"},"quoi":"rixe"})", feature)),
        QStringLiteral("GeoJSON: properties.quand.debut (our time) is \"14/07/2026 21:00\", not ISO 8601 "
                       "with an offset (e.g. 2026-07-14T21:05:00+02:00)"));
    EXPECT_EQ(firstReason(parseOne(m, R"({"quand":{"debut":1784055600000},"quoi":"rixe"})", feature)),
              QStringLiteral("GeoJSON: properties.quand.debut (our time) is 1784055600000, not ISO 8601 with "
                             "an offset (e.g. 2026-07-14T21:05:00+02:00)"));
    EXPECT_EQ(
        firstReason(parseOne(m, R"({"quand":{"debut":"2026-07-14T21:00:00Z"},"quoi":{"code":3}})", feature)),
        QStringLiteral("GeoJSON: properties.quoi (our type) is an object, not a text"));
    EXPECT_EQ(
        firstReason(parseOne(m, R"({"quand":[],"quoi":"rixe"})", feature)),
        QStringLiteral("GeoJSON: properties.quand.debut (our time): properties.quand is an array of 0, not "
                       "an object with \"debut\" (an array takes an index: \"quand/0/debut\")"));
    // Our own names say which of theirs is missing too.
    EXPECT_EQ(firstReason(parseOne(GeoJsonMapping::defaults(), R"({"id":"x","type":"feu"})")),
              QStringLiteral("GeoJSON: properties.time (our time) is missing or empty"));
    EXPECT_EQ(firstReason(parseOne(GeoJsonMapping::defaults(), R"({"time":"2026-07-14T21:00:00Z"})")),
              QStringLiteral("GeoJSON: properties.id or id (our id) is missing or empty"));
}

// A mapping file that is itself wrong is refused before any feature is read, naming the key.
TEST(GeoJsonMapping, ABadMappingFileIsRefusedNamingTheKey)
{
    EXPECT_TRUE(mappingError("{\"properties\": ").startsWith(u"mapping: not a JSON object"));
    EXPECT_TRUE(mappingError("[1]").startsWith(u"mapping: not a JSON object"));
    EXPECT_EQ(
        mappingError(R"({"propreties":{}})"),
        QStringLiteral("mapping: unknown key \"propreties\" (\"delimiter\" and \"columns\" map CSV columns, "
                       "\"properties\" GeoJSON properties)"));
    EXPECT_EQ(mappingError(R"({})"),
              QStringLiteral("mapping: neither \"columns\" (CSV) nor \"properties\" (GeoJSON)"));
    const QByteArray base = R"("id":"n","time":"t","type":"k")";
    EXPECT_EQ(
        mappingError(R"({"properties":{"id":"n","time":"t","tiep":"k"}})"),
        QStringLiteral("GeoJSON mapping: properties.tiep is not one of our fields (id, time, type, title, "
                       "severity, agency, incident, sensor, status)"));
    EXPECT_EQ(
        mappingError(R"({"properties":{"id":"n","time":"t"}})"),
        QStringLiteral("GeoJSON mapping: properties.type is required (a path such as \"infos/type\", or "
                       "{\"value\": …} for every feature)"));
    EXPECT_TRUE(mappingError(R"({"properties":{"id":"n","time":"infos//date","type":"k"}})")
                    .startsWith(u"GeoJSON mapping: properties.time: \"infos//date\" is not a path"));
    EXPECT_TRUE(mappingError(R"({"properties":{"id":"n","time":"t","type":7}})")
                    .startsWith(u"GeoJSON mapping: properties.type is 7: give a path"));
    EXPECT_EQ(
        mappingError(R"({"properties":{)" + base + R"(,"agency":{"path":"s","value":"police"}}})"),
        QStringLiteral("GeoJSON mapping: properties.agency: \"value\" is a constant, for every feature; it "
                       "goes without \"path\" and \"default\""));
    EXPECT_EQ(mappingError(R"({"properties":{)" + base + R"(,"agency":{}}})"),
              QStringLiteral("GeoJSON mapping: properties.agency: give a \"path\" or a \"value\""));
    EXPECT_EQ(
        mappingError(R"({"properties":{)" + base + R"(,"agency":{"default":"police"}}})"),
        QStringLiteral("GeoJSON mapping: properties.agency: \"default\" needs a \"path\" (a constant is "
                       "{\"value\": …})"));
    EXPECT_EQ(
        mappingError(R"({"properties":{)" + base + R"(,"agency":{"path":"s","fallback":"police"}}})"),
        QStringLiteral("GeoJSON mapping: properties.agency.fallback is not one of path, default, value"));
    EXPECT_EQ(mappingError(R"({"properties":{)" + base + R"(,"severity":{"value":9}}})"),
              QStringLiteral("GeoJSON mapping: properties.severity.value is 9, not a number from 1 to 5"));
    EXPECT_TRUE(mappingError(R"({"properties":{"id":"n","time":{"value":"demain"},"type":"k"}})")
                    .startsWith(u"GeoJSON mapping: properties.time.value is \"demain\", not ISO 8601"));
    // The CSV part of the same file is checked the same way.
    EXPECT_EQ(
        mappingError(R"({"columns":{"time":"Date","text":"Texte","autor":"Qui"}})"),
        QStringLiteral("CSV mapping: columns.autor is not one of our fields (time, text, author, agency, "
                       "incident, type, lat, lon, id)"));
    EXPECT_EQ(mappingError(R"({"columns":{"time":"Date"}})"),
              QStringLiteral("CSV mapping: columns.text is required"));
    // A file with only one section keeps our names for the other format.
    auto geojsonOnly = FeedMapping::fromJson(R"({"properties":{)" + base + "}}");
    ASSERT_TRUE(geojsonOnly.ok());
    EXPECT_EQ(geojsonOnly->csv.columns, CsvMapping::defaults().columns);
}

// A constant fills a field for the whole file; a default only where the feature has no value.
TEST(GeoJsonMapping, ConstantsAndDefaults)
{
    const GeoJsonMapping m =
        mappingOf(R"({"properties":{"id":["ref","/id"],"time":{"value":"2026-07-14T21:00:00+02:00"},
        "type":{"value":"inondation"},"severity":{"path":"niveau","default":2},"agency":{"value":"officials"}}})");
    const FeedBatch withLevel = parseOne(m, R"({"ref":"Z1","niveau":"5","time":"ignored"})");
    ASSERT_EQ(withLevel.messages.size(), 1u) << firstReason(withLevel).toStdString();
    const Entry &e = withLevel.messages[0].drafts[0];
    EXPECT_EQ(e.eventTime, *Timestamp::parseIso(QStringLiteral("2026-07-14T21:00:00+02:00")));
    EXPECT_EQ(e.data.value(u"type").toString(), QStringLiteral("flood"));
    EXPECT_EQ(e.data.value(u"severity").toInt(), 5);
    EXPECT_EQ(e.agency, QStringLiteral("officials"));
    const FeedBatch withoutLevel = parseOne(m, R"({"niveau":""})", R"("id":42,)");
    ASSERT_EQ(withoutLevel.messages.size(), 1u) << firstReason(withoutLevel).toStdString();
    EXPECT_EQ(withoutLevel.messages[0].key, QStringLiteral("geojson:42"));
    EXPECT_EQ(withoutLevel.messages[0].drafts[0].data.value(u"severity").toInt(), 2);
    EXPECT_EQ(firstReason(parseOne(m, R"({"ref":"Z2","niveau":2.5})")),
              QStringLiteral("GeoJSON: properties.niveau (our severity) is 2.5, not a number from 1 to 5"));
}

// A real open-data file from a French portal, with its own names (quartiers of Marseille, Licence Ouverte):
// the quartiers stand for a zone-by-zone alert such as a heat-wave warning, so time, type and agency are
// constants of the file; what is real is its property names and its geometries, which the mapping must reach.
TEST(GeoJsonMapping, RealQuartiersOfMarseilleThroughTheirMapping)
{
    const QString path = QStringLiteral(VIGIE_SHARED_DATA "/geo/marseille/quartiers-marseille-111.geojson");
    if (!QFile::exists(path))
        GTEST_SKIP() << "no shared data at " << path.toStdString();
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    const GeoJsonMapping m = mappingOf(fixture(QStringLiteral("quartiers-marseille.map.json")));
    const FeedBatch b = GeoJsonAdapter(m).parse(bytes, live);
    const QJsonArray features = QJsonDocument::fromJson(bytes).object().value(u"features").toArray();
    ASSERT_EQ(features.size(), 111);
    // Every Polygon quartier is kept under its code and name; the MultiPolygons (islands, harbour) are
    // refused for their geometry, at their place, never for a property.
    std::size_t next = 0;
    int polygons = 0;
    for (int i = 0; i < features.size(); ++i) {
        const QJsonObject f = features[i].toObject();
        const QJsonObject p = f.value(u"properties").toObject();
        if (f.value(u"geometry").toObject().value(u"type").toString() != u"Polygon")
            continue;
        ++polygons;
        ASSERT_LT(next, b.messages.size());
        const FeedMessage &msg = b.messages[next++];
        EXPECT_EQ(msg.position, QStringLiteral("features[%1]").arg(i));
        EXPECT_EQ(msg.key, QStringLiteral("geojson:") + p.value(u"code_qua").toString());
        EXPECT_EQ(msg.drafts[0].data.value(u"title").toString(), p.value(u"nom").toString());
        EXPECT_EQ(msg.drafts[0].data.value(u"type").toString(), QStringLiteral("weather"));
        EXPECT_EQ(msg.drafts[0].agency, QStringLiteral("officials"));
    }
    EXPECT_EQ(polygons, 100);
    EXPECT_EQ(b.messages.size(), std::size_t(polygons));
    ASSERT_EQ(b.rejected.size(), std::size_t(features.size() - polygons));
    for (const Rejected &r : b.rejected)
        EXPECT_TRUE(r.reason.startsWith(u"GeoJSON: geometry"))
            << r.position.toStdString() << ": " << r.reason.toStdString();
}
