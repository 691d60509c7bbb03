#include "ui/main_window.h"
#include "ui/models/incidents_model.h"
#include "ui/models/log_model.h"
#include "ui/models/units_model.h"

#include "demo/demo_room.h"
#include "picture/picture_manager.h"
#include "room/room.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QImage>
#include <QProcess>
#include <QTableView>
#include <QTemporaryDir>
#include <QTranslator>

#include <gtest/gtest.h>

using namespace vigie;

namespace {

struct DemoFixture : testing::Test
{
    QTemporaryDir dir;
    SimulatedClock clock{Timestamp{1784055600000}};
    std::unique_ptr<Room> room;
    void SetUp() override
    {
        auto created = Room::create(dir.filePath(QStringLiteral("demo.vigie")), QStringLiteral("Démo"),
                                    RoomMode::Exercise, clock);
        ASSERT_TRUE(created);
        room = std::move(*created);
        ASSERT_TRUE(writeDemoRoom(*room));
    }
};

} // namespace

TEST_F(DemoFixture, ModelsPassTheModelTester)
{
    PictureManager manager(*room);
    ASSERT_TRUE(manager.load());
    ui::UnitsModel units(manager);
    ui::IncidentsModel incidents(manager);
    ui::LogModel log(manager, 50);
    QAbstractItemModelTester t1(&units, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester t2(&incidents, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester t3(&log, QAbstractItemModelTester::FailureReportingMode::Fatal);
    EXPECT_GT(units.rowCount(), 100);
    EXPECT_EQ(log.rowCount(), 50);

    // A live append shows up in every model after the next poll, with no user action.
    Entry e;
    e.kind = QStringLiteral("incident.open");
    e.eventTime = clock.now();
    e.author = QStringLiteral("test");
    e.agency = QStringLiteral("police");
    e.data = QJsonObject{{QStringLiteral("incident"), QStringLiteral("LIVE-1")},
                         {QStringLiteral("title"), QStringLiteral("Rixe")}};
    const int before = incidents.rowCount();
    ASSERT_TRUE(room->append({e}));
    EXPECT_EQ(manager.poll(), 1);
    EXPECT_EQ(incidents.rowCount(), before + 1);
    EXPECT_EQ(log.rowCount(), 50);
    EXPECT_EQ(log.data(log.index(49, ui::LogModel::Summary)).toString(), QStringLiteral("LIVE-1 Rixe"));
}

TEST_F(DemoFixture, MainWindowShowsTheExerciseBannerAndDocks)
{
    PictureManager manager(*room);
    ASSERT_TRUE(manager.load());
    ui::MainWindow window(manager);
    window.resize(1280, 800);
    window.show();
    QApplication::processEvents();
    EXPECT_TRUE(window.windowTitle().contains(QStringLiteral("EXERCICE")));
    auto *units = window.findChild<QTableView *>(QStringLiteral("UnitsView"));
    ASSERT_NE(units, nullptr);
    EXPECT_GT(units->model()->rowCount(), 100);
    const QImage shot = window.grab().toImage();
    EXPECT_EQ(shot.width(), 1280);
    // The exercise banner is drawn in the exercise colour.
    bool hasBanner = false;
    for (int x = 0; x < shot.width() && !hasBanner; x += 7)
        for (int y = 0; y < 200 && !hasBanner; y += 3)
            hasBanner = shot.pixelColor(x, y) == QColor(0xE6, 0x9F, 0x00);
    EXPECT_TRUE(hasBanner);
}

TEST(Console, EnglishTranslationIsEmbedded)
{
    QTranslator english;
    ASSERT_TRUE(english.load(QStringLiteral(":/i18n/vigie_en.qm")));
    EXPECT_EQ(english.translate("vigie::ui::MainWindow", "Main courante"), QStringLiteral("Logbook"));
    EXPECT_EQ(english.translate("vigie::ui::Labels", "sur les lieux"), QStringLiteral("on scene"));
}

TEST(Console, ScreenshotCommandWritesAPng)
{
    QTemporaryDir dir;
    const QString room = dir.filePath(QStringLiteral("demo.vigie"));
    QProcess demo;
    demo.start(QStringLiteral(VIGIE_CLI), {QStringLiteral("demo"), room});
    ASSERT_TRUE(demo.waitForFinished(60000));
    ASSERT_EQ(demo.exitCode(), 0) << demo.readAllStandardError().toStdString();
    const QString png = dir.filePath(QStringLiteral("shot.png"));
    QProcess gui;
    gui.start(QStringLiteral(VIGIE_GUI), {QStringLiteral("--room"), room, QStringLiteral("--screenshot"), png,
                                          QStringLiteral("--size"), QStringLiteral("1024x700")});
    ASSERT_TRUE(gui.waitForFinished(60000));
    ASSERT_EQ(gui.exitCode(), 0) << gui.readAllStandardError().toStdString();
    QImage image(png);
    ASSERT_FALSE(image.isNull());
    EXPECT_EQ(image.size(), QSize(1024, 700));
}

int main(int argc, char **argv)
{
    // Test discovery runs this without ctest's environment: never try to reach a display.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
