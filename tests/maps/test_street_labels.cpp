// Street names along the roads at zooms 16 and more, on the real Monaco extract (skipped when ../shared/data
// is absent): placed, upright, not overlapping, not repeated close together, and drawn into imported tiles.
#include "maps/feature_index.h"
#include "maps/mbtiles.h"
#include "maps/street_labels.h"
#include "maps/tile_renderer.h"
#include "maps/tile_style.h"
#include "maps/web_mercator.h"

#include <QGuiApplication>
#include <QImage>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <cmath>
#include <map>

using namespace vigie;
using namespace vigie::maps;

namespace {

const QString monaco = QStringLiteral(VIGIE_SHARED_DATA "/osm/monaco/monaco.osm.pbf");
/// Monte-Carlo, La Condamine and Monaco-Ville: dense named streets.
constexpr GeoBox centre{7.410, 43.728, 7.432, 43.745};

/// Dark pixels: only text is drawn that dark (roads, casings, buildings and water are all light).
int inkPixels(const QImage &image)
{
    int n = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            n += qGray(image.pixel(x, y)) < 120;
    return n;
}

class StreetLabelsTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        if (!QFile::exists(monaco))
            return;
        auto read = readOsmFeatures(monaco, centre);
        ASSERT_TRUE(read) << read.error().message.toStdString();
        features = new OsmFeatures(std::move(*read));
    }
    static void TearDownTestSuite()
    {
        delete features;
        features = nullptr;
    }
    void SetUp() override
    {
        if (!features)
            GTEST_SKIP() << "no " << monaco.toStdString();
    }
    static inline OsmFeatures *features = nullptr;
};

} // namespace

TEST_F(StreetLabelsTest, NamesFollowTheRoadsUprightWithoutOverlapOrRepeats)
{
    for (int zoom : {16, 17, 18}) {
        const StreetLabels labels(*features, zoom);
        const auto &all = labels.labels();
        EXPECT_GE(all.size(), 20u) << "zoom " << zoom;
        std::map<QString, std::vector<QPointF>> centres;
        for (std::size_t i = 0; i < all.size(); ++i) {
            const StreetLabel &l = all[i];
            ASSERT_EQ(l.glyphs.size(), std::size_t(l.name.size()));
            // Upright: every glyph within a quarter turn or so, and the name runs left to right.
            for (const StreetGlyph &g : l.glyphs)
                EXPECT_LE(std::abs(g.angle), 100.0) << l.name.toStdString();
            EXPECT_LT(l.glyphs.front().centre.x(), l.glyphs.back().centre.x()) << l.name.toStdString();
            // On its road: the first glyph lies on a road of that name (within a pixel or two).
            double nearest = 1e9;
            const double s = std::exp2(zoom);
            for (const OsmRoad &r : features->roads) {
                if (r.name != l.name)
                    continue;
                for (qsizetype k = 0; k + 1 < r.line.size(); ++k) {
                    const QPointF a = r.line[k] * s, b = r.line[k + 1] * s, p = l.glyphs.front().centre;
                    const QPointF ab = b - a;
                    const double len2 = QPointF::dotProduct(ab, ab);
                    const double t =
                        len2 > 0 ? std::clamp(QPointF::dotProduct(p - a, ab) / len2, 0.0, 1.0) : 0.0;
                    const QPointF q = a + ab * t;
                    nearest = std::min(nearest, std::hypot(p.x() - q.x(), p.y() - q.y()));
                }
            }
            EXPECT_LT(nearest, 2.0) << l.name.toStdString();
            // Glyphs follow the line: neighbours are about a glyph apart, never scattered.
            for (std::size_t g = 1; g < l.glyphs.size(); ++g) {
                const QPointF d = l.glyphs[g].centre - l.glyphs[g - 1].centre;
                EXPECT_LT(std::hypot(d.x(), d.y()), 20.0) << l.name.toStdString();
            }
            centres[l.name].push_back(l.glyphs[l.glyphs.size() / 2].centre);
            // No overlap with any other name.
            for (std::size_t j = 0; j < i; ++j)
                for (const StreetGlyph &a : l.glyphs)
                    for (const StreetGlyph &b : all[j].glyphs)
                        ASSERT_FALSE(a.box.adjusted(0.5, 0.5, -0.5, -0.5).intersects(b.box))
                            << l.name.toStdString() << " over " << all[j].name.toStdString();
        }
        // De-duplicated: one street's name again only far from where it is already written.
        for (const auto &[name, at] : centres)
            for (std::size_t a = 0; a < at.size(); ++a)
                for (std::size_t b = 0; b < a; ++b)
                    EXPECT_GT(std::hypot(at[a].x() - at[b].x(), at[a].y() - at[b].y()), 300.0)
                        << name.toStdString();
    }
}

TEST_F(StreetLabelsTest, TilesCarryTheNamesOnlyWithTheLabels)
{
    const FeatureIndex index(*features);
    const StreetLabels labels(*features, 16);
    const TileRange range = tilesCovering(centre, 16);
    int with = 0, without = 0;
    for (int x = range.min.x(); x <= range.max.x(); ++x)
        for (int y = range.min.y(); y <= range.max.y(); ++y) {
            with += inkPixels(renderTile(*features, index, 16, x, y, &labels));
            without += inkPixels(renderTile(*features, index, 16, x, y));
        }
    EXPECT_GT(with, 4 * without) << "with " << with << ", without " << without;
}

TEST(StreetLabelsImport, MonacoBasemapNamesItsStreetsAtZoom16And17)
{
    if (!QFile::exists(monaco))
        GTEST_SKIP() << "no " << monaco.toStdString();
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("basemap.mbtiles"));
    constexpr GeoBox small{7.418, 43.732, 7.428, 43.740};
    auto stats = importOsmTiles(monaco, out, {small, 15, 17});
    ASSERT_TRUE(stats) << stats.error().message.toStdString();
    auto tiles = MbTiles::open(out);
    ASSERT_TRUE(tiles);
    std::map<int, double> inkPerTile;
    for (int z = 15; z <= 17; ++z) {
        const TileRange range = tilesCovering(small, z);
        int ink = 0, count = 0;
        for (int x = range.min.x(); x <= range.max.x(); ++x)
            for (int y = range.min.y(); y <= range.max.y(); ++y) {
                const auto data = (*tiles)->tile(z, x, y);
                ASSERT_TRUE(data);
                ink += inkPixels(QImage::fromData(*data));
                ++count;
            }
        inkPerTile[z] = double(ink) / count;
    }
    // Zoom 15 names only the main streets that fit straight in a tile; 16 and 17 name the streets.
    // (Measured: about 120 dark pixels a tile at 15, 280 at 16 and 320 at 17.)
    EXPECT_GT(inkPerTile[16], 200.0);
    EXPECT_GT(inkPerTile[17], 200.0);
    EXPECT_GT(inkPerTile[16], 1.8 * inkPerTile[15]);
    EXPECT_GT(inkPerTile[17], 1.8 * inkPerTile[15]);
    if (const char *keep = std::getenv("VIGIE_KEEP_TILES")) // for looking at them
        QFile::copy(out, QString::fromLocal8Bit(keep));
}

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv); // fonts for labels
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
