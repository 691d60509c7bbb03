// The hand-written encoders of the append path must produce the very bytes of the library code they replace:
// QJsonDocument's compact GeoJSON and QCryptographicHash's SHA-256.
#include "log/entry.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

#include <iterator>
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

namespace {

QByteArray dataViaQt(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// A random JSON value: nested objects and arrays, every scalar type, strings with escapes, non-ASCII text,
// astral characters and lone surrogates, integers and doubles of every magnitude.
QJsonValue randomValue(std::mt19937_64 &rng, int depth)
{
    std::uniform_int_distribution<int> pick(0, depth > 0 ? 9 : 6);
    const char16_t alphabet[] = {u'a',   u'Z',   u'0',   u' ',   u'"',   u'\\',  u'/',   u'\b',
                                 u'\f',  u'\n',  u'\r',  u'\t',  0x01,   0x1f,   0x7f,   0xe9,
                                 0x2013, 0x20ac, 0xffff, 0xfffe, 0xd83d, 0xde92, 0xd800, 0xdfff};
    auto randomString = [&rng, &alphabet]() {
        QString s;
        const int n = int(rng() % 12);
        for (int i = 0; i < n; ++i) {
            if (rng() % 6 == 0) { // a valid pair: 🚒
                s.append(QChar(char16_t(0xd83d)));
                s.append(QChar(char16_t(0xde92)));
            } else {
                s.append(QChar(alphabet[rng() % std::size(alphabet)]));
            }
        }
        return s;
    };
    switch (pick(rng)) {
    case 0:
        return QJsonValue();
    case 1:
        return bool(rng() % 2);
    case 2:
        return qint64(rng()) >> int(rng() % 64);
    case 3: {
        const double magnitudes[] = {1e-300, 1e-7, 0.5, 1.0, 43.2987, 1e6, 1e15, 1e17, 9.3e18, 1e300};
        const double d = magnitudes[rng() % std::size(magnitudes)] * double(rng() % 2001) / 1000.0;
        return rng() % 2 ? d : -d;
    }
    case 4: { // numbers as the JSON parser stores them (integer or double by their text)
        const char *texts[] = {"5",
                               "5.0",
                               "-0",
                               "-0.0",
                               "1e17",
                               "100000000000000000",
                               "1e2",
                               "0.1",
                               "1e400",
                               "-1e-400",
                               "9223372036854775807",
                               "9223372036854775808"};
        const QByteArray doc = QByteArray("[") + texts[rng() % std::size(texts)] + "]";
        return QJsonDocument::fromJson(doc).array().at(0);
    }
    case 5:
    case 6:
        return randomString();
    case 7:
    case 8: {
        QJsonObject o;
        const int n = int(rng() % 5);
        for (int i = 0; i < n; ++i)
            o.insert(randomString(), randomValue(rng, depth - 1));
        return o;
    }
    default: {
        QJsonArray a;
        const int n = int(rng() % 5);
        for (int i = 0; i < n; ++i)
            a.append(randomValue(rng, depth - 1));
        return a;
    }
    }
}

} // namespace

TEST(EntryEncoding, DataJsonMatchesQJsonDocumentOnRandomTrees)
{
    std::mt19937_64 rng(20261129);
    for (int i = 0; i < 20000; ++i) {
        QJsonObject o;
        const int n = int(rng() % 6);
        for (int k = 0; k < n; ++k)
            o.insert(QStringLiteral("k%1").arg(rng() % 8), randomValue(rng, 3));
        ASSERT_EQ(compactDataJson(o).toStdString(), dataViaQt(o).toStdString()) << i;
    }
}

TEST(EntryEncoding, DataJsonMatchesQJsonDocumentOnEdgeValues)
{
    QJsonObject o;
    o.insert(QStringLiteral("empty"), QJsonObject());
    o.insert(QStringLiteral("nothing"), QJsonArray());
    o.insert(QStringLiteral("integral double"), 5.0);
    o.insert(QStringLiteral("big integral double"), 1e17);
    o.insert(QStringLiteral("min"), std::numeric_limits<qint64>::min());
    o.insert(QStringLiteral("max"), std::numeric_limits<qint64>::max());
    o.insert(QStringLiteral("nan"), std::numeric_limits<double>::quiet_NaN());
    o.insert(QStringLiteral("inf"), -std::numeric_limits<double>::infinity());
    o.insert(QStringLiteral("negative zero"), -0.0);
    o.insert(QStringLiteral("undefined"), QJsonValue(QJsonValue::Undefined));
    o.insert(QStringLiteral("text"),
             QString::fromUtf8("Incendie véhicule – 13e \"Noailles\"\\ \x01\x7f \xf0\x9f\x9a\x92"));
    o.insert(QStringLiteral("lone"), QString(QChar(char16_t(0xdc00))).append(QChar(char16_t(0xd800))));
    o.insert(QString::fromUtf8("clé"), QJsonArray{1, 2.5, true, QJsonValue(), QStringLiteral("x")});
    EXPECT_EQ(compactDataJson(o).toStdString(), dataViaQt(o).toStdString());
    EXPECT_EQ(compactDataJson(QJsonObject()).toStdString(), "{}");
}

TEST(EntryEncoding, DataJsonWritesDoublesOfEveryMagnitudeAsQJsonDocument)
{
    // Where the plain and the exponent notations are close in length (ties included), and large doubles whose
    // exact digits differ from their shortest ones.
    const char *mantissas[] = {"1",
                               "1.5",
                               "12",
                               "123",
                               "1234567",
                               "9.999999999999999",
                               "2.2250738585072014",
                               "4.9",
                               "9223372036854775807",
                               "1.7976931348623157"};
    for (const char *m : mantissas)
        for (int exponent = -330; exponent <= 310; ++exponent)
            for (const char *sign : {"", "-"}) {
                const QByteArray text =
                    QByteArray("{\"x\":") + sign + m + "e" + QByteArray::number(exponent) + "}";
                const QJsonObject o = QJsonDocument::fromJson(text).object();
                ASSERT_EQ(compactDataJson(o).toStdString(), dataViaQt(o).toStdString()) << text.toStdString();
            }
}

TEST(EntryEncoding, CanonicalBytesAreTheCompactJsonOfTheFieldArray)
{
    // Outside \b, \f and lone surrogates (escaped differently, pinned below), the canonical form is what
    // QJsonDocument writes for the same array of fields: an independent check of the hand-written writer.
    std::mt19937_64 rng(1129);
    const char16_t alphabet[] = {u'a',  u'Z', u'0', u' ', u'"', u'\\',  u'/',   u'\n', u'\r',
                                 u'\t', 0x01, 0x1f, 0x7f, 0xe9, 0x2013, 0x20ac, 0xffff};
    auto randomString = [&rng, &alphabet]() {
        QString s;
        for (int n = int(rng() % 40); n > 0; --n)
            s.append(QChar(alphabet[rng() % std::size(alphabet)]));
        if (rng() % 4 == 0)
            s.append(QString::fromUtf8("\xf0\x9f\x9a\x92"));
        return s;
    };
    for (int i = 0; i < 5000; ++i) {
        Entry e;
        e.id = QUuid::createUuid();
        e.seq = qint64(rng() >> (rng() % 64));
        e.room = randomString();
        e.mode = rng() % 2 ? RoomMode::Live : RoomMode::Exercise;
        e.eventTime.msecs = qint64(rng()) >> (rng() % 64);
        e.recordTime.msecs = qint64(rng()) >> (rng() % 64);
        e.author = randomString();
        e.role = randomString();
        e.agency = randomString();
        e.kind = randomString();
        if (rng() % 3)
            e.geo =
                Geometry::point({double(rng() % 360000) / 1000 - 180, double(rng() % 180000) / 1000 - 90});
        e.data.insert(randomString(), randomString());
        e.data.insert(QStringLiteral("n"), qint64(rng() % 1000));
        e.prevHash = rng() % 8 ? sha256(QByteArray::number(i)) : QByteArray();
        const QJsonArray fields{QStringLiteral("vigie-entry/1"),
                                e.id.toString(QUuid::WithoutBraces),
                                e.seq,
                                e.room,
                                roomModeId(e.mode),
                                e.eventTime.msecs,
                                e.recordTime.msecs,
                                e.author,
                                e.role,
                                e.agency,
                                e.kind,
                                e.geo.type == Geometry::Type::None ? QJsonValue() : geometryToGeoJson(e.geo),
                                e.data,
                                QString::fromLatin1(e.prevHash.toHex())};
        const QByteArray expected = QJsonDocument(fields).toJson(QJsonDocument::Compact);
        ASSERT_EQ(canonicalBytes(e, compactGeoJson(e.geo), compactDataJson(e.data)).toStdString(),
                  expected.toStdString())
            << i;
    }
    QByteArray out("x");
    appendJsonString(out, QStringLiteral("\b\f"));
    EXPECT_EQ(out.toStdString(), "x\"\\u0008\\u000c\"");
}
