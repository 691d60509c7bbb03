// The hand-written encoders of the append path must produce the very bytes of the library code they replace:
// QJsonDocument's compact GeoJSON and QCryptographicHash's SHA-256.
#include "log/entry.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>

#include <gtest/gtest.h>

#include <limits>
#include <random>

using namespace vigie;

namespace {

QByteArray viaQt(const Geometry &g)
{
    return QJsonDocument(geometryToGeoJson(g)).toJson(QJsonDocument::Compact);
}

} // namespace

TEST(EntryEncoding, GeoJsonMatchesQJsonDocumentOnEdgeValues)
{
    const double values[] = {0.0,
                             -0.0,
                             1.0,
                             -1.0,
                             5.0,
                             43.0,
                             180.0,
                             -180.0,
                             90.0,
                             -90.0,
                             5.3795,
                             43.2987,
                             0.1,
                             1e-7,
                             -1e-7,
                             1.5e-5,
                             123.456789,
                             5.37001,
                             0.30000000000000004,
                             2.5e-10,
                             179.99999999999997,
                             1.0 / 3.0,
                             -2.0 / 3.0,
                             std::numeric_limits<double>::denorm_min()};
    for (double lon : values)
        for (double lat : {43.2987, 0.0, -0.5}) {
            const Geometry p = Geometry::point({lon, lat});
            EXPECT_EQ(compactGeoJson(p).toStdString(), viaQt(p).toStdString()) << lon << " " << lat;
        }
    const Geometry poly =
        Geometry::polygon({{5.362, 43.296}, {5.37, 43.2978}, {5.3762, 43.2958}, {5.362, 43.296}});
    EXPECT_EQ(compactGeoJson(poly).toStdString(), viaQt(poly).toStdString());
    EXPECT_TRUE(compactGeoJson(Geometry{}).isEmpty());
}

TEST(EntryEncoding, GeoJsonMatchesQJsonDocumentOnRandomCoordinates)
{
    std::mt19937_64 rng(20260714);
    std::uniform_real_distribution<double> lon(-180.0, 180.0), lat(-90.0, 90.0);
    std::uniform_int_distribution<int> digits(0, 9);
    for (int i = 0; i < 20000; ++i) {
        // Full-precision doubles, and coordinates rounded to a few decimals as GPS feeds send them.
        double x = lon(rng), y = lat(rng);
        if (i % 2) {
            const double scale = std::pow(10.0, digits(rng));
            x = std::round(x * scale) / scale;
            y = std::round(y * scale) / scale;
        }
        const Geometry p = Geometry::point({x, y});
        ASSERT_EQ(compactGeoJson(p).toStdString(), viaQt(p).toStdString());
    }
}

TEST(EntryEncoding, Sha256MatchesQtAndTheStandardVector)
{
    EXPECT_EQ(sha256("abc").toHex().toStdString(),
              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(sha256(QByteArray()).toHex().toStdString(),
              "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    std::mt19937 rng(7);
    for (int size : {1, 55, 56, 63, 64, 65, 300, 4096}) {
        QByteArray bytes(size, Qt::Uninitialized);
        for (char &c : bytes)
            c = char(rng());
        EXPECT_EQ(sha256(bytes), QCryptographicHash::hash(bytes, QCryptographicHash::Sha256)) << size;
    }
}

TEST(EntryEncoding, StringsOutsidePlainAsciiTakeTheEscapingPath)
{
    QByteArray out;
    appendJsonString(out, QStringLiteral("PCC – Cabinet"));
    appendJsonString(out, QStringLiteral("plain ascii ~"));
    appendJsonString(out, QStringLiteral("a\"b\\c\x7f"));
    EXPECT_EQ(out.toStdString(), "\"PCC \xe2\x80\x93 Cabinet\"\"plain ascii ~\"\"a\\\"b\\\\c\x7f\"");
}

TEST(EntryEncoding, CanonicalIdIsQUuidsLowerCaseTextForm)
{
    // The id is written from QUuid's fields directly; it must be the text QUuid itself gives.
    for (int i = 0; i < 2000; ++i) {
        Entry e;
        e.id = QUuid::createUuid();
        const QByteArray expected = "[\"vigie-entry/1\",\"" + e.id.toByteArray(QUuid::WithoutBraces) + "\",";
        ASSERT_TRUE(canonicalBytes(e, {}, "{}").startsWith(expected)) << expected.toStdString();
    }
}
