// The map never misleads about its basemap: the simplified background says it has no detail from zoom 15, an
// imported basemap that does not cover the room is warned about at import and kept out of the room's basemap
// unless asked, and where it does not cover the view the simplified background is said again.
#include "maps/basemap_coverage.h"
#include "maps/map_view.h"
#include "maps/web_mercator.h"

#include <QApplication>
#include <QImage>
#include <QPainter>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace vigie;
using namespace vigie::maps;

namespace {

constexpr GeoPoint vieuxPort{5.3698, 43.2951};
constexpr GeoBox monacoBox{7.349, 43.71, 7.491, 43.77};

/// An MBTiles file with one grey tile at zoom 10 over `box`, as an import would leave it.
QString writeBasemap(const QTemporaryDir &dir, const QString &name, const GeoBox &box)
{
    const QString path = dir.filePath(name + QStringLiteral(".mbtiles"));
    auto tiles = MbTiles::create(
        path,
        {{QStringLiteral("name"), name},
         {QStringLiteral("format"), QStringLiteral("png")},
         {QStringLiteral("minzoom"), QStringLiteral("10")},
         {QStringLiteral("maxzoom"), QStringLiteral("10")},
         {QStringLiteral("bounds"),
          QStringLiteral("%1,%2,%3,%4").arg(box.minLon).arg(box.minLat).arg(box.maxLon).arg(box.maxLat)}});
    EXPECT_TRUE(tiles);
    return path;
}

QString render(MapView &view, QSize size = {800, 600})
{
    QImage image(size, QImage::Format_RGB32);
    QPainter p(&image);
    view.render(p, size);
    return view.basemapNote();
}

} // namespace

TEST(BasemapNotes, SimplifiedBackgroundSaysItHasNoDetailFromZoom15)
{
    MapView view(nullptr);
    view.setCenter(vieuxPort, 13);
    EXPECT_TRUE(render(view).isEmpty());
    EXPECT_TRUE(view.builtInShown());
    for (double z : {15.0, 16.0, 18.0}) {
        view.setCenter(vieuxPort, z);
        EXPECT_TRUE(render(view).contains(QStringLiteral("pas de détail"))) << z;
    }
}

// An incident reported far from the city (a sample from Loire-Atlantique): the map there is blank, and says
// so.
TEST(BasemapNotes, WhereNoBackgroundReachesTheMapSaysItIsBlank)
{
    MapView view(nullptr);
    view.setCenter(GeoPoint{-1.55, 47.22}, 12);
    EXPECT_TRUE(render(view).contains(QStringLiteral("Aucun fond de carte"))) << render(view).toStdString();
    view.setCenter(vieuxPort, 12);
    EXPECT_FALSE(render(view).contains(QStringLiteral("Aucun fond de carte")));
}

TEST(BasemapNotes, ANonCoveringBasemapKeepsTheSimplifiedNoteOverTheCity)
{
    QTemporaryDir dir;
    MapView view(nullptr);
    auto monaco = MbTiles::open(writeBasemap(dir, QStringLiteral("monaco"), monacoBox));
    ASSERT_TRUE(monaco);
    view.setBasemap(std::move(*monaco));
    view.setCenter(vieuxPort, 13);
    EXPECT_TRUE(render(view).contains(QStringLiteral("ne couvre pas"))) << render(view).toStdString();
    EXPECT_TRUE(view.builtInShown());

    // Over Monaco itself, the imported basemap is what shows: no note.
    view.setCenter({7.42, 43.73}, 13);
    EXPECT_TRUE(render(view).isEmpty()) << render(view).toStdString();
}

TEST(BasemapCoverage, MonacoDoesNotCoverTheMarseilleRoomAndIsWarnedAbout)
{
    const GeoBox room = roomArea();
    EXPECT_TRUE(room.contains(vieuxPort));
    EXPECT_LT(room.maxLon - room.minLon, 0.6); // the city, not the département
    QTemporaryDir dir;
    auto monaco = MbTiles::open(writeBasemap(dir, QStringLiteral("monaco"), monacoBox));
    ASSERT_TRUE(monaco);
    const QString warning = coverageWarning(**monaco, room);
    EXPECT_TRUE(warning.contains(QStringLiteral("ne couvre pas"))) << warning.toStdString();
    EXPECT_TRUE(warning.contains(QStringLiteral("monaco")));

    auto marseille =
        MbTiles::open(writeBasemap(dir, QStringLiteral("marseille"), {5.20, 43.15, 5.60, 43.42}));
    ASSERT_TRUE(marseille);
    EXPECT_TRUE(coverageWarning(**marseille, room).isEmpty());
    auto half = MbTiles::open(writeBasemap(dir, QStringLiteral("centre"), {5.20, 43.15, 5.40, 43.42}));
    ASSERT_TRUE(half);
    EXPECT_FALSE(coverageWarning(**half, room).isEmpty());
}

TEST(BasemapCoverage, ASessionOnlyBasemapLeavesTheRoomsBasemapAlone)
{
    QTemporaryDir dir;
    const QString roomBasemap = dir.filePath(QStringLiteral("basemap.mbtiles"));
    const QString before = writeBasemap(dir, QStringLiteral("before"), {5.20, 43.15, 5.60, 43.42});
    ASSERT_TRUE(QFile::rename(before, roomBasemap));
    const QString partial = writeBasemap(dir, QStringLiteral("monaco"), monacoBox);

    auto session = installBasemap(partial, roomBasemap, BasemapUse::SessionOnly);
    ASSERT_TRUE(session);
    EXPECT_NE(*session, roomBasemap);
    EXPECT_FALSE(QFile::exists(partial));
    auto kept = MbTiles::open(roomBasemap);
    ASSERT_TRUE(kept);
    EXPECT_EQ((*kept)->metadata().value(QStringLiteral("name")), QStringLiteral("before"));

    const QString again = writeBasemap(dir, QStringLiteral("monaco2"), monacoBox);
    auto room = installBasemap(again, roomBasemap, BasemapUse::Room);
    ASSERT_TRUE(room);
    EXPECT_EQ(*room, roomBasemap);
    auto replaced = MbTiles::open(roomBasemap);
    ASSERT_TRUE(replaced);
    EXPECT_EQ((*replaced)->metadata().value(QStringLiteral("name")), QStringLiteral("monaco2"));
}

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
