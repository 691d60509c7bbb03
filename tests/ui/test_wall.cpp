// The shared screen and the wall: sizes measured on the rendered screen against docs/shared-screen.md, and
// the wall's promise that nothing on it writes, keyboard included.
#include "ui/reading_sizes.h"
#include "ui/wall_layout.h"

#include "maps/map_view.h"
#include "maps/web_mercator.h"

#include "demo/demo_room.h"
#include "room/direct_sink.h"
#include "room/picture_manager.h"
#include "room/room.h"

#include <QAction>
#include <QApplication>
#include <QImage>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QMenuBar>
#include <QPainter>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <gtest/gtest.h>

#include <cmath>

using namespace vigie;
using Wall = vigie::ui::WallLayout;

namespace {

struct DemoRoom : testing::Test
{
    QTemporaryDir dir;
    SimulatedClock clock{Timestamp{1784055600000}};
    std::unique_ptr<Room> room;
    std::unique_ptr<DirectSink> sink;
    std::unique_ptr<PictureManager> manager;
    void SetUp() override
    {
        auto created = Room::create(dir.filePath(QStringLiteral("demo.vigie")), QStringLiteral("Démo"),
                                    RoomMode::Exercise, clock);
        ASSERT_TRUE(created);
        room = std::move(*created);
        ASSERT_TRUE(writeDemoRoom(*room));
        // A writer that works: if anything on the wall tried to write, it would succeed and be seen.
        sink = std::make_unique<DirectSink>(*room);
        manager = std::make_unique<PictureManager>(room->store(), room->clock(), room->path());
        manager->setWriter(sink.get());
        ASSERT_TRUE(manager->load());
    }
};

/// The documented sizes (docs/shared-screen.md), for a 55-inch screen.
struct Documented
{
    double metres;
    int rows;
    int fontPixels;
    double capPixels; ///< at least
    int symbolPixels;
};
constexpr Documented documented[] = {
    {2, 1080, 23, 16.5, 35},
    {2, 2160, 46, 33.0, 69},
    {5, 1080, 57, 41.3, 86},
    {5, 2160, 114, 82.6, 171},
};

/// Height of the first dark glyph (a capital: the banner starts with "EXERCICE") in a light-on-dark-text
/// image.
int firstGlyphHeight(const QImage &image)
{
    const auto dark = [&](int x, int y) {
        return qGray(image.pixel(x, y)) < 100;
    };
    int left = -1, right = -1;
    for (int x = 0; x < image.width() && right < 0; ++x) {
        bool any = false;
        for (int y = 0; y < image.height() && !any; ++y)
            any = dark(x, y);
        if (any && left < 0)
            left = x;
        if (!any && left >= 0)
            right = x;
    }
    int top = image.height(), bottom = -1;
    for (int x = left; x >= 0 && x < right; ++x)
        for (int y = 0; y < image.height(); ++y)
            if (dark(x, y)) {
                top = std::min(top, y);
                bottom = std::max(bottom, y);
            }
    return bottom < 0 ? 0 : bottom - top + 1;
}

/// The height of what one unit symbol adds to the map, drawn at the view's reading scale.
int unitSymbolHeight(maps::MapView &map, QSize size)
{
    const maps::LayerContents saved = map.contents();
    maps::LayerContents one;
    one.objects.push_back(
        {maps::Layer::Fire,
         maps::project({5.38, 43.29}, 0),
         QStringLiteral("u1"),
         {},
         {},
         maps::unitSymbol(maps::Layer::Fire, QStringLiteral("available"), QStringLiteral("FPT"))});
    maps::LayerContents none;
    const auto draw = [&](maps::LayerContents c) {
        map.setContents(std::move(c));
        map.setCenter({5.38, 43.29}, 13);
        QImage image(size, QImage::Format_RGB32);
        QPainter p(&image);
        map.render(p, size);
        return image;
    };
    const QImage with = draw(one), without = draw(none);
    map.setContents(saved);
    int top = size.height(), bottom = -1;
    for (int y = 0; y < size.height(); ++y)
        for (int x = 0; x < size.width(); ++x)
            if (with.pixel(x, y) != without.pixel(x, y)) {
                top = std::min(top, y);
                bottom = std::max(bottom, y);
            }
    return bottom < 0 ? 0 : bottom - top + 1;
}

/// Presses `keys` on `target` and says whether any dialog opened (each one is closed at once).
bool anyDialogOpens(QWidget *target, const std::vector<QKeySequence> &keys)
{
    bool opened = false;
    QTimer watch;
    watch.setInterval(10);
    QObject::connect(&watch, &QTimer::timeout, [&] {
        if (QWidget *modal = QApplication::activeModalWidget()) {
            opened = true;
            modal->close();
        }
    });
    watch.start();
    for (const QKeySequence &k : keys) {
        const QKeyCombination c = k[0];
        QTest::keyClick(target, c.key(), c.keyboardModifiers());
        QTest::qWait(30);
    }
    return opened;
}

const std::vector<QKeySequence> writingKeys = {
    QKeySequence(Qt::CTRL | Qt::Key_N),
    QKeySequence(Qt::CTRL | Qt::Key_D),
    QKeySequence(Qt::CTRL | Qt::Key_Return),
    QKeySequence(Qt::CTRL | Qt::Key_Enter),
    QKeySequence(Qt::Key_F5),
    QKeySequence(Qt::Key_Delete),
    QKeySequence(Qt::CTRL | Qt::Key_J),
    QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_J),
    QKeySequence(Qt::CTRL | Qt::Key_Z),
    QKeySequence(Qt::CTRL | Qt::Key_I),
};

} // namespace

TEST(ReadingSizes, FollowTheDocumentedAcuityRule)
{
    for (const Documented &d : documented) {
        const ui::ReadingSizes s = ui::readingSizes(d.metres, {d.rows * 16 / 9, d.rows}, 55);
        EXPECT_EQ(s.fontPixels, d.fontPixels) << d.metres << " m, " << d.rows;
        EXPECT_NEAR(s.capPixels, d.capPixels, 0.1) << d.metres << " m, " << d.rows;
        EXPECT_EQ(s.symbolPixels, d.symbolPixels) << d.metres << " m, " << d.rows;
        // The rule itself: a capital of fontPixels × 0.729 subtends at least 0.3° at the distance.
        const double capMm = s.fontPixels * ui::capPerPixelSize * s.pitchMm;
        EXPECT_GE(std::atan(capMm / (d.metres * 1000)) * 180 / M_PI, 0.3 - 1e-9);
    }
}

TEST_F(DemoRoom, TypeAndSymbolsMeasureAtLeastTheDocumentedSizes)
{
    for (const Documented &d : documented) {
        Wall::Options o;
        o.mode = d.metres >= 5 ? Wall::Mode::Wall : Wall::Mode::SharedScreen;
        auto *map = new maps::MapView(manager.get());
        Wall screen(*manager, map, o);
        const QSize size(d.rows * 16 / 9, d.rows);
        screen.resize(size);
        screen.show();
        QApplication::processEvents();
        ASSERT_EQ(screen.sizes().fontPixels, d.fontPixels);

        // Type: the banner's first capital, in pixels of the screen.
        auto *banner = screen.findChild<QLabel *>(QStringLiteral("WallBannerText"));
        ASSERT_TRUE(banner);
        const int cap = firstGlyphHeight(banner->grab().toImage());
        EXPECT_GE(cap, int(std::floor(d.capPixels))) << d.metres << " m, " << d.rows;
        EXPECT_LE(cap, d.capPixels * 1.25) << d.metres << " m, " << d.rows;
        const auto *ticker = screen.findChild<QLabel *>(QStringLiteral("WallTicker"));
        ASSERT_TRUE(ticker);
        EXPECT_EQ(ticker->font().pixelSize(), d.fontPixels);
        EXPECT_FALSE(ticker->text().isEmpty());

        // Symbols: one unit's symbol on the map.
        const int symbol = unitSymbolHeight(*map, map->size());
        EXPECT_GE(symbol, d.symbolPixels * 0.9) << d.metres << " m, " << d.rows;
        EXPECT_LE(symbol, d.symbolPixels * 1.15) << d.metres << " m, " << d.rows;

        // The map fills the screen, and nothing (a long banner at 5 m) widens the window past it.
        EXPECT_EQ(screen.size(), size);
        EXPECT_GE(map->width() * map->height(), size.width() * size.height() * 3 / 4);
    }
}

TEST_F(DemoRoom, TheWallHasNoWritingActionAndItsKeysWriteNothing)
{
    auto *map = new maps::MapView(manager.get());
    Wall wall(*manager, map, {Wall::Mode::Wall, 0, 55, 0, true});
    wall.resize(1280, 720);
    wall.show();
    wall.activateWindow();
    map->setFocus();
    QApplication::processEvents();

    EXPECT_EQ(wall.findChild<QMenuBar *>(), nullptr);
    for (const QAction *a : wall.findChildren<QAction *>()) {
        EXPECT_NE(a->objectName(), QStringLiteral("NoteAction"));
        EXPECT_NE(a->objectName(), QStringLiteral("DecisionAction"));
        for (const QKeySequence &k : writingKeys)
            EXPECT_NE(a->shortcut(), k) << a->text().toStdString();
    }
    const qint64 before = room->store().lastSeq();
    EXPECT_FALSE(anyDialogOpens(map, writingKeys));
    EXPECT_FALSE(anyDialogOpens(&wall, writingKeys));
    manager->poll();
    EXPECT_EQ(room->store().lastSeq(), before);
}

// The players read the shared screen: the trainer's clock moves and the checks of their expected actions
// stay off its ticker; a stimulus and what the room writes are shown.
TEST_F(DemoRoom, TheTickerLeavesOutTheTrainersClockAndChecks)
{
    auto entry = [&](const char *kind, QJsonObject data) {
        Entry e;
        e.kind = QLatin1String(kind);
        e.eventTime = clock.now();
        e.author = QStringLiteral("vigie-cli exercise run");
        e.role = QStringLiteral("trainer");
        data.insert(QStringLiteral("scenario"), QStringLiteral("om-velodrome"));
        e.data = data;
        return e;
    };
    Entry note;
    note.kind = QStringLiteral("note");
    note.eventTime = clock.now();
    note.author = QStringLiteral("poste-samu");
    note.data = QJsonObject{{QStringLiteral("text"), QStringLiteral("Renfort demandé au PMA")}};
    const auto appended = room->append(
        {entry("exercise.inject", {{QStringLiteral("inject"), QStringLiteral("I001")},
                                   {QStringLiteral("t_ms"), 300000},
                                   {QStringLiteral("sender"), QStringLiteral("PC sécurité du stade")},
                                   {QStringLiteral("recipient"), QStringLiteral("samu")},
                                   {QStringLiteral("channel"), QStringLiteral("phone")},
                                   {QStringLiteral("format"), QStringLiteral("text")},
                                   {QStringLiteral("summary"), QStringLiteral("Bousculade virage Ganay")},
                                   {QStringLiteral("text"), QStringLiteral("Bousculade virage Ganay")},
                                   {QStringLiteral("expected"), QJsonArray{}},
                                   {QStringLiteral("ad_hoc"), false}}),
         note,
         entry("exercise.check", {{QStringLiteral("inject"), QStringLiteral("I001")},
                                  {QStringLiteral("action"), QStringLiteral("A001")},
                                  {QStringLiteral("status"), QStringLiteral("missed")},
                                  {QStringLiteral("deadline_ms"), 900000}}),
         entry("exercise.clock", {{QStringLiteral("action"), QStringLiteral("jump")},
                                  {QStringLiteral("speed"), 1},
                                  {QStringLiteral("exercise_ms"), 2400000}})});
    ASSERT_TRUE(appended) << appended.error().message.toStdString();
    manager->poll();
    auto *map = new maps::MapView(manager.get());
    Wall screen(*manager, map, {Wall::Mode::SharedScreen, 0, 55, 0, true});
    screen.resize(1920, 1080);
    screen.show();
    QApplication::processEvents();
    const auto *ticker = screen.findChild<QLabel *>(QStringLiteral("WallTicker"));
    ASSERT_TRUE(ticker);
    const QString text = ticker->text();
    EXPECT_TRUE(text.contains(QStringLiteral("Renfort demandé au PMA"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("Bousculade virage Ganay"))) << text.toStdString();
    EXPECT_FALSE(text.contains(QStringLiteral("A001"))) << text.toStdString();
    EXPECT_FALSE(text.contains(QStringLiteral("T+00:40"))) << text.toStdString();
}

TEST_F(DemoRoom, TheSharedScreenKeepsTheDesksWritingKeys)
{
    // The same check on the shared screen finds the note dialog: the wall's test can tell.
    auto *map = new maps::MapView(manager.get());
    Wall shared(*manager, map, {Wall::Mode::SharedScreen, 0, 55, 0, true});
    shared.resize(1280, 720);
    shared.show();
    shared.activateWindow();
    map->setFocus();
    QApplication::processEvents();
    const auto *note = shared.findChild<QAction *>(QStringLiteral("NoteAction"));
    ASSERT_TRUE(note);
    EXPECT_EQ(note->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_N));
    EXPECT_TRUE(anyDialogOpens(map, {QKeySequence(Qt::CTRL | Qt::Key_N)}));
}

TEST_F(DemoRoom, TheViewsTurnBetweenCityMostSevereIncidentAndHospitals)
{
    auto *map = new maps::MapView(manager.get());
    Wall wall(*manager, map, {Wall::Mode::Wall, 0, 55, 1, true});
    wall.resize(1920, 1080);
    wall.show();
    QApplication::processEvents();
    EXPECT_EQ(wall.view(), Wall::View::City);
    // At 5 m the banner holds few words: the mode and the count of incidents read whole, the room's name is
    // cut first, and the view's name keeps the width it needs.
    const auto *banner = wall.findChild<QLabel *>(QStringLiteral("WallBannerText"));
    const auto *view = wall.findChild<QLabel *>(QStringLiteral("WallViewName"));
    ASSERT_TRUE(banner && view);
    const QString modeAndCount = banner->toolTip().section(QStringLiteral(" — "), 0, 1);
    EXPECT_TRUE(banner->text().startsWith(modeAndCount + QStringLiteral(" — ")))
        << banner->text().toStdString() << " / " << banner->toolTip().toStdString();
    EXPECT_EQ(view->text(), view->toolTip());
    wall.showView(Wall::View::MostSevere);
    EXPECT_EQ(wall.view(), Wall::View::MostSevere);
    EXPECT_GE(map->zoom(), 14.9);
    // On the most severe incident, open ones first (the demo's only one, INC-0005, is contained).
    const Incident *worst = nullptr;
    for (const auto &[id, i] : manager->picture().incidents) {
        const bool open = i.status == QLatin1String("open");
        if (i.position && (!worst || std::pair(open, i.severity) >
                                         std::pair(worst->status == QLatin1String("open"), worst->severity)))
            worst = &i;
    }
    ASSERT_TRUE(worst);
    EXPECT_NEAR(map->center().lon, worst->position->lon, 1e-6);
    EXPECT_NEAR(map->center().lat, worst->position->lat, 1e-6);
    wall.showView(Wall::View::Hospitals);
    EXPECT_EQ(wall.view(), Wall::View::Hospitals);
    const auto *rotation = wall.findChild<QTimer *>(QStringLiteral("WallRotation"));
    ASSERT_TRUE(rotation);
    EXPECT_TRUE(rotation->isActive());
    EXPECT_EQ(rotation->interval(), 1000);
    QTest::qWait(1200);
    EXPECT_EQ(wall.view(), Wall::View::City);
}

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
