// import-osm's tile part on real OpenStreetMap extracts (skipped when ../shared/data is absent): small zooms
// keep it fast.
#include "maps/mbtiles.h"
#include "maps/tile_renderer.h"
#include "maps/tile_style.h"
#include "maps/web_mercator.h"

#include <QGuiApplication>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <osmium/handler.hpp>
#include <osmium/handler/node_locations_for_ways.hpp>
#include <osmium/index/map/flex_mem.hpp>
#include <osmium/io/pbf_input.hpp>
#include <osmium/visitor.hpp>

#include <cstring>

using namespace vigie;
using namespace vigie::maps;

namespace {

const QString monaco = QStringLiteral(VIGIE_SHARED_DATA "/osm/monaco/monaco.osm.pbf");
const QString liechtenstein =
    QStringLiteral(VIGIE_SHARED_DATA "/osm/liechtenstein/liechtenstein-latest.osm.pbf");

int colourDistance(QColor a, QColor b)
{
    return std::abs(a.red() - b.red()) + std::abs(a.green() - b.green()) + std::abs(a.blue() - b.blue());
}

/// The middle node of the first named primary road, read independently of the renderer.
struct FindPrimary : osmium::handler::Handler
{
    std::optional<GeoPoint> found;
    void way(const osmium::Way &w)
    {
        const char *h = w.tags()["highway"];
        if (found || !h || std::strcmp(h, "primary") != 0 || w.nodes().size() < 3)
            return;
        const auto &n = w.nodes()[w.nodes().size() / 2];
        if (n.location().valid())
            found = GeoPoint{n.location().lon(), n.location().lat()};
    }
};

QImage tileImage(const MbTiles &tiles, GeoPoint p, int zoom, QPoint *pixel)
{
    const QPoint t = tileFor(p, zoom);
    const QPointF w = project(p, zoom);
    *pixel = QPoint(int(w.x() - t.x() * 256.0), int(w.y() - t.y() * 256.0));
    const auto data = tiles.tile(zoom, t.x(), t.y());
    return data ? QImage::fromData(*data) : QImage();
}

} // namespace

TEST(ImportOsm, MonacoTilesShowSeaAndRoads)
{
    if (!QFile::exists(monaco))
        GTEST_SKIP() << "no " << monaco.toStdString();
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("basemap.mbtiles"));
    qint64 lastDone = 0, lastTotal = 0;
    auto stats = importOsmTiles(monaco, out, {std::nullopt, 12, 15}, [&](qint64 d, qint64 t) {
        lastDone = d;
        lastTotal = t;
    });
    ASSERT_TRUE(stats) << stats.error().message.toStdString();
    EXPECT_GT(stats->tiles, 0);
    EXPECT_EQ(lastDone, lastTotal);
    EXPECT_GT(stats->roads, 1000);

    auto tiles = MbTiles::open(out);
    ASSERT_TRUE(tiles);
    EXPECT_EQ((*tiles)->tileCount(), stats->tiles);
    EXPECT_EQ((*tiles)->minZoom(), 12);

    // Open sea south of Monaco's harbour.
    QPoint px;
    QImage sea = tileImage(**tiles, {7.4300, 43.7200}, 14, &px);
    ASSERT_FALSE(sea.isNull());
    EXPECT_LT(colourDistance(sea.pixelColor(px), style::sea), 12) << sea.pixelColor(px).name().toStdString();
    // Inland (Beausoleil, above the Principality) is land, not sea.
    QImage land = tileImage(**tiles, {7.4240, 43.7440}, 14, &px);
    EXPECT_GT(colourDistance(land.pixelColor(px), style::sea), 40);

    // A primary road where OSM has one: the road colour within two pixels of its node.
    osmium::io::Reader reader{monaco.toStdString(),
                              osmium::osm_entity_bits::node | osmium::osm_entity_bits::way};
    using Index = osmium::index::map::FlexMem<osmium::unsigned_object_id_type, osmium::Location>;
    Index index;
    osmium::handler::NodeLocationsForWays<Index> locations{index};
    locations.ignore_errors();
    FindPrimary finder;
    osmium::apply(reader, locations, finder);
    ASSERT_TRUE(finder.found);
    QImage road = tileImage(**tiles, *finder.found, 15, &px);
    int best = 1000;
    for (int dx = -2; dx <= 2; ++dx)
        for (int dy = -2; dy <= 2; ++dy)
            if (road.valid(px + QPoint(dx, dy)))
                best = std::min(best, colourDistance(road.pixelColor(px + QPoint(dx, dy)), style::roadMajor));
    EXPECT_LT(best, 30);
}

TEST(ImportOsm, LiechtensteinIsLandlockedAndRendered)
{
    if (!QFile::exists(liechtenstein))
        GTEST_SKIP() << "no " << liechtenstein.toStdString();
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("basemap.mbtiles"));
    auto stats = importOsmTiles(liechtenstein, out, {GeoBox{9.50, 47.12, 9.56, 47.18}, 12, 13});
    ASSERT_TRUE(stats) << stats.error().message.toStdString();
    EXPECT_GT(stats->tiles, 0);
    auto tiles = MbTiles::open(out);
    QPoint px;
    QImage vaduz = tileImage(**tiles, {9.5209, 47.1410}, 13, &px);
    ASSERT_FALSE(vaduz.isNull());
    EXPECT_GT(colourDistance(vaduz.pixelColor(px), style::sea), 20); // no coastline: no sea
}

TEST(ImportOsm, BadInputIsAClearError)
{
    QTemporaryDir dir;
    auto missing =
        importOsmTiles(QStringLiteral("/nonexistent.osm.pbf"), dir.filePath(QStringLiteral("b.mbtiles")), {});
    ASSERT_FALSE(missing);
    EXPECT_TRUE(missing.error().message.contains(QStringLiteral("/nonexistent.osm.pbf")));
    QFile junk(dir.filePath(QStringLiteral("junk.osm.pbf")));
    ASSERT_TRUE(junk.open(QIODevice::WriteOnly));
    junk.write("this is not a protobuf file");
    junk.close();
    auto bad = importOsmTiles(junk.fileName(), dir.filePath(QStringLiteral("b.mbtiles")), {});
    ASSERT_FALSE(bad);
    EXPECT_TRUE(bad.error().message.contains(QStringLiteral("junk.osm.pbf")));
}

TEST(ImportOsm, CliCommandWritesTheBasemap)
{
    if (!QFile::exists(monaco))
        GTEST_SKIP();
    QTemporaryDir dir;
    QProcess cli;
    cli.start(QStringLiteral(VIGIE_CLI), {QStringLiteral("import-osm"), monaco, QStringLiteral("--out"),
                                          dir.path(), QStringLiteral("--zoom"), QStringLiteral("12-13")});
    ASSERT_TRUE(cli.waitForFinished(60000));
    EXPECT_EQ(cli.exitCode(), 0) << cli.readAllStandardError().toStdString();
    EXPECT_TRUE(cli.readAllStandardOutput().contains("tiles/s"));
    EXPECT_TRUE(QFile::exists(dir.filePath(QStringLiteral("basemap.mbtiles"))));

    QProcess bad;
    bad.start(QStringLiteral(VIGIE_CLI),
              {QStringLiteral("import-osm"), monaco, QStringLiteral("--out"), dir.path(),
               QStringLiteral("--bbox"), QStringLiteral("7.5,43,7.4")});
    ASSERT_TRUE(bad.waitForFinished(60000));
    EXPECT_EQ(bad.exitCode(), 1);
    EXPECT_TRUE(bad.readAllStandardError().contains("--bbox"));
}

int main(int argc, char **argv)
{
    // gtest discovery runs the binary without the test environment: never try to reach a display.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv); // fonts for labels
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
