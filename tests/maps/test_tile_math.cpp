// Projection and tile math against slippy-map values (the OSM wiki formula, computed independently with
// Python's math module for three Marseille points) and the MBTiles round trip.
#include "maps/mbtiles.h"
#include "maps/web_mercator.h"

#include <QBuffer>
#include <QImage>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <sqlite3.h>

using namespace vigie;
using namespace vigie::maps;

namespace {

struct Expected
{
    const char *name;
    GeoPoint point;
    int tiles[8][2]; // z10..z17
};

const Expected places[] = {
    {"Vieux-Port",
     {5.3698, 43.2951},
     {{527, 375},
      {1054, 750},
      {2109, 1500},
      {4218, 3000},
      {8436, 6001},
      {16872, 12003},
      {33745, 24007},
      {67491, 48015}}},
    {"Vélodrome",
     {5.3958, 43.2699},
     {{527, 375},
      {1054, 750},
      {2109, 1500},
      {4218, 3001},
      {8437, 6003},
      {16875, 12006},
      {33750, 24013},
      {67500, 48027}}},
    {"Timone",
     {5.4018, 43.2896},
     {{527, 375},
      {1054, 750},
      {2109, 1500},
      {4218, 3001},
      {8437, 6002},
      {16875, 12004},
      {33751, 24008},
      {67502, 48017}}},
};

} // namespace

TEST(TileMath, MarseillePointsMatchSlippyTiles)
{
    for (const auto &p : places)
        for (int z = 10; z <= 17; ++z) {
            const QPoint t = tileFor(p.point, z);
            EXPECT_EQ(t.x(), p.tiles[z - 10][0]) << p.name << " z" << z;
            EXPECT_EQ(t.y(), p.tiles[z - 10][1]) << p.name << " z" << z;
            EXPECT_TRUE(tileBounds(t.x(), t.y(), z).contains(p.point)) << p.name << " z" << z;
        }
}

TEST(TileMath, ProjectUnprojectRoundTrip)
{
    for (const auto &p : places)
        for (double z : {0.0, 10.5, 17.0}) {
            const GeoPoint back = unproject(project(p.point, z), z);
            EXPECT_NEAR(back.lon, p.point.lon, 1e-9);
            EXPECT_NEAR(back.lat, p.point.lat, 1e-9);
        }
    // The world's corners.
    EXPECT_NEAR(project({-180, maxLatitude}, 0).x(), 0.0, 1e-9);
    EXPECT_NEAR(project({-180, maxLatitude}, 0).y(), 0.0, 1e-6);
    EXPECT_NEAR(project({180, -maxLatitude}, 1).y(), 512.0, 1e-6);
}

TEST(TileMath, GroundResolution)
{
    // 156543.03 m/px at the equator at z0 (the EPSG:3857 constant); Marseille's latitude shrinks it by cos.
    EXPECT_NEAR(metersPerPixel(0, 0), 156543.034, 1e-3);
    EXPECT_NEAR(metersPerPixel(43.2951, 17), 156543.034 / 131072 * std::cos(43.2951 * M_PI / 180), 1e-6);
}

TEST(TileMath, TmsRowFlipAndRanges)
{
    EXPECT_EQ(flipRow(0, 0), 0);
    EXPECT_EQ(flipRow(375, 10), 648);
    EXPECT_EQ(flipRow(flipRow(48015, 17), 17), 48015);
    const TileRange r = tilesCovering({5.36, 43.29, 5.40, 43.30}, 14);
    EXPECT_EQ(r.min, tileFor({5.36, 43.30}, 14));
    EXPECT_EQ(r.max, tileFor({5.40, 43.29}, 14));
    EXPECT_GT(r.count(), 1);
}

TEST(MbTiles, RoundTripStoresTmsRows)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("t.mbtiles"));
    QImage img(256, 256, QImage::Format_RGB32);
    img.fill(QColor(10, 20, 30));
    QByteArray png;
    QBuffer buf(&png);
    img.save(&buf, "PNG");
    {
        auto created =
            MbTiles::create(path, {{QStringLiteral("name"), QStringLiteral("test")},
                                   {QStringLiteral("format"), QStringLiteral("png")},
                                   {QStringLiteral("minzoom"), QStringLiteral("10")},
                                   {QStringLiteral("maxzoom"), QStringLiteral("17")},
                                   {QStringLiteral("bounds"), QStringLiteral("5.2,43.1,5.6,43.4")}});
        ASSERT_TRUE(created) << created.error().message.toStdString();
        ASSERT_TRUE((*created)->begin());
        ASSERT_TRUE((*created)->putTile(10, 527, 375, png));
        ASSERT_TRUE((*created)->putTile(17, 67491, 48015, QByteArray("x")));
        ASSERT_TRUE((*created)->commit());
    }
    auto opened = MbTiles::open(path);
    ASSERT_TRUE(opened) << opened.error().message.toStdString();
    const auto &t = **opened;
    EXPECT_EQ(t.tileCount(), 2);
    EXPECT_EQ(t.minZoom(), 10);
    EXPECT_EQ(t.maxZoom(), 17);
    ASSERT_TRUE(t.bounds());
    EXPECT_DOUBLE_EQ(t.bounds()->maxLat, 43.4);
    ASSERT_TRUE(t.tile(10, 527, 375));
    EXPECT_EQ(*t.tile(10, 527, 375), png);
    EXPECT_EQ(QImage::fromData(*t.tile(10, 527, 375)).pixelColor(5, 5), QColor(10, 20, 30));
    EXPECT_FALSE(t.tile(10, 527, 376));

    // Read the file as any other tool would: the row is stored in TMS order.
    sqlite3 *db = nullptr;
    ASSERT_EQ(sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    sqlite3_stmt *s = nullptr;
    sqlite3_prepare_v2(db, "SELECT tile_row FROM tiles WHERE zoom_level = 10", -1, &s, nullptr);
    ASSERT_EQ(sqlite3_step(s), SQLITE_ROW);
    EXPECT_EQ(sqlite3_column_int(s, 0), 648);
    sqlite3_finalize(s);
    sqlite3_close(db);
}

TEST(MbTiles, LoadsAForeignTileSetWithATilesView)
{
    // Tools such as mb-util and MapTiler write deduplicated files where `tiles` is a view over `map` and
    // `images`: it must load the same.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("foreign.mbtiles"));
    sqlite3 *db = nullptr;
    ASSERT_EQ(sqlite3_open(path.toUtf8().constData(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db,
                           "CREATE TABLE metadata (name text, value text);"
                           "INSERT INTO metadata VALUES ('name','foreign'),('format','jpg'),('minzoom','3');"
                           "CREATE TABLE map (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, "
                           "tile_id TEXT);"
                           "CREATE TABLE images (tile_data blob, tile_id text);"
                           "INSERT INTO map VALUES (3, 4, 2, 'a');"
                           "INSERT INTO images VALUES (x'FFD8FF', 'a');"
                           "CREATE VIEW tiles AS SELECT map.zoom_level AS zoom_level, map.tile_column AS "
                           "tile_column, map.tile_row AS tile_row, images.tile_data AS tile_data FROM map "
                           "JOIN images ON images.tile_id = map.tile_id;",
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(db);
    auto opened = MbTiles::open(path);
    ASSERT_TRUE(opened) << opened.error().message.toStdString();
    EXPECT_EQ((*opened)->minZoom(), 3);
    ASSERT_TRUE((*opened)->tile(3, 4, flipRow(2, 3)));
    EXPECT_EQ((*opened)->tile(3, 4, 5)->toHex(), QByteArray("ffd8ff"));
}

TEST(MbTiles, MissingFileIsAClearError)
{
    auto opened = MbTiles::open(QStringLiteral("/nonexistent/x.mbtiles"));
    ASSERT_FALSE(opened);
    EXPECT_TRUE(opened.error().message.contains(QStringLiteral("import-osm")));
}
