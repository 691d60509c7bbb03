// The trainer's panel on a real exercise room, its player on the room writer's thread: starting, a jump that
// plays the stimuli due on the way, the actions done by the scripted responses, a stimulus typed by hand,
// the pause; and nothing written by the GUI thread.
#include "ui/exercise_panel.h"

#include "room/room.h"
#include "room/room_writer.h"

#include <QApplication>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTreeWidget>

#include <gtest/gtest.h>

using namespace vigie;
using namespace vigie::exercise;

namespace {

/// Waits until the runner has answered every move sent.
void settle(ExerciseRunner &runner)
{
    QSignalSpy changed(&runner, &ExerciseRunner::changed);
    while (runner.pending() > 0)
        ASSERT_TRUE(changed.wait(10000));
}

} // namespace

TEST(ExercisePanel, TheTrainerStartsJumpsFiresAndPauses)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("exercise.vigie"));
    auto scenario = loadScenario(QStringLiteral(VIGIE_SOURCE_DIR "/tests/data/exercise/small.yaml"));
    ASSERT_TRUE(scenario) << scenario.error().message.toStdString();
    SimulatedClock wall{Timestamp{1'800'000'000'000}};
    ExerciseClock clock(wall, scenario->start);
    ASSERT_TRUE(Room::create(path, QStringLiteral("Exercice"), RoomMode::Exercise, clock));
    auto writer = RoomWriter::start(path, clock);
    ASSERT_TRUE(writer);
    PlayerOptions options;
    options.playResponses = true;
    options.author = QStringLiteral("Animation");
    {
        ExerciseRunner runner(**writer, clock, *scenario, options);
        ui::ExercisePanel panel(runner);
        auto *play = panel.findChild<QPushButton *>(QStringLiteral("ExercisePlay"));
        ASSERT_NE(play, nullptr);
        EXPECT_EQ(play->text(), QStringLiteral("Démarrer"));
        EXPECT_TRUE(panel.clockText().startsWith(QStringLiteral("T+00:00:00")))
            << panel.clockText().toStdString();
        EXPECT_EQ(panel.tree()->topLevelItemCount(), int(scenario->injects.size()));

        play->click();
        settle(runner);
        EXPECT_TRUE(runner.view().started);
        EXPECT_EQ(play->text(), QStringLiteral("Pause"));

        runner.jumpTo(40 * 60000);
        settle(runner);
        // The first stimulus played at its own time, its action done by the scripted response.
        QTreeWidgetItem *first = panel.tree()->topLevelItem(0);
        EXPECT_EQ(first->text(1), QStringLiteral("I001"));
        EXPECT_EQ(first->text(5), QStringLiteral("joué à T+00:02:00"));
        ASSERT_GE(first->childCount(), 1);
        EXPECT_TRUE(first->child(0)->text(5).startsWith(QStringLiteral("faite — ")))
            << first->child(0)->text(5).toStdString();
        EXPECT_TRUE(panel.countsText().contains(QStringLiteral("0 manquées")))
            << panel.countsText().toStdString();
        EXPECT_FALSE(panel.countsText().contains(QStringLiteral("Stimuli joués : 0")))
            << panel.countsText().toStdString();

        // A stimulus typed by hand: a row of its own, played now.
        ui::AdHocDialog *dialog = panel.askAdHoc();
        dialog->setText(QStringLiteral("Standard de la mairie"), QStringLiteral("officials"),
                        QStringLiteral("Un élu demande un point de situation."));
        dialog->accept();
        settle(runner);
        const int rows = panel.tree()->topLevelItemCount();
        EXPECT_EQ(rows, int(scenario->injects.size()) + 1);
        QTreeWidgetItem *adHoc = panel.tree()->topLevelItem(rows - 1);
        EXPECT_EQ(adHoc->text(0), QStringLiteral("manuel"));
        EXPECT_TRUE(adHoc->text(5).startsWith(QStringLiteral("joué à T+00:40")))
            << adHoc->text(5).toStdString();

        play->click(); // pause
        settle(runner);
        EXPECT_EQ(play->text(), QStringLiteral("Reprendre"));
        EXPECT_FALSE(clock.running());
        EXPECT_TRUE(panel.clockText().contains(QStringLiteral("en pause")))
            << panel.clockText().toStdString();
    }
    (*writer)->waitForIdle();
    // All of it is in the room, written by the writer's connection.
    auto room = Room::open(path, clock);
    ASSERT_TRUE(room);
    EntryQuery q;
    q.kind = QStringLiteral("exercise.inject");
    auto injects = (*room)->store().read(q);
    ASSERT_TRUE(injects);
    EXPECT_GE(injects->size(), 8u);
    EXPECT_TRUE(injects->back().data.value(QStringLiteral("ad_hoc")).toBool());
}

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
