// Anticipation › Prévision des interventions on a room filled by `vigie-cli forecast synth`: the job runs off
// the GUI thread and fills both charts, the staffing estimate with the events it learned from, and the
// map's cells, none of which has fewer than five past incidents.
#include "ui/forecast_panel.h"

#include "anticipation/synthetic_events.h"
#include "room/room.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QLabel>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace vigie;

TEST(ForecastPanel, ComputesChartsStaffingAndCellsOffTheGuiThread)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("synth.vigie"));
    {
        SystemClock clock;
        auto room = Room::create(path, QStringLiteral("synth"), RoomMode::Exercise, clock);
        ASSERT_TRUE(room) << room.error().message.toStdString();
        anticipation::SyntheticOptions o;
        o.seed = 2;
        o.events = 120;
        o.backgroundPerWeek = 60;
        o.end = *Timestamp::parseIso(QStringLiteral("2026-11-01T00:00:00+01:00"));
        ASSERT_TRUE(
            (*room)->append(anticipation::syntheticEntries(anticipation::generateSyntheticHistory(o))));
    }
    ui::ForecastPanel panel(path);
    std::vector<maps::ShadedCell> cells;
    QObject::connect(&panel, &ui::ForecastPanel::expectedCellsChanged,
                     [&](const std::vector<maps::ShadedCell> &c) { cells = c; });
    QSignalSpy done(&panel, &ui::ForecastPanel::computed);
    panel.compute();
    EXPECT_TRUE(panel.busy());
    ASSERT_TRUE(done.wait(60000));
    EXPECT_FALSE(panel.busy());
    const auto charts = panel.findChildren<QChartView *>();
    ASSERT_EQ(charts.size(), 2);
    for (QChartView *c : charts)
        EXPECT_FALSE(c->chart()->series().isEmpty()) << c->chart()->title().toStdString();
    const auto *learned = panel.findChild<QTableWidget *>(QStringLiteral("ForecastLearned"));
    ASSERT_TRUE(learned);
    EXPECT_EQ(learned->rowCount(), 119); // the latest event, learned from the ones before it
    const auto *staffing = panel.findChild<QLabel *>(QStringLiteral("ForecastStaffing"));
    EXPECT_TRUE(staffing->text().contains(QStringLiteral("Policiers nécessaires")))
        << staffing->text().toStdString();
    EXPECT_FALSE(cells.empty());
}

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
