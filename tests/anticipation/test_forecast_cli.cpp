// vigie-cli forecast: synth fills a room, staffing and hotspots read it; errors name what is wrong.
#include "cli_run.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <cmath>

using vigie::test::runCli;

namespace {

class ForecastCli : public ::testing::Test
{
protected:
    void SetUp() override
    {
        room = dir.filePath(QStringLiteral("synth.vigie"));
        const auto r = runCli({QStringLiteral("forecast"), QStringLiteral("synth"), room,
                               QStringLiteral("--seed"), QStringLiteral("3"), QStringLiteral("--events"),
                               QStringLiteral("150"), QStringLiteral("--background"), QStringLiteral("60"),
                               QStringLiteral("--end"), QStringLiteral("2026-11-01T00:00:00+01:00")});
        ASSERT_EQ(r.code, 0) << r.err.toStdString();
        ASSERT_TRUE(r.out.contains("150 events")) << r.out.toStdString();
    }
    QTemporaryDir dir;
    QString room;
};

} // namespace

TEST_F(ForecastCli, StaffingForAHypotheticalEventShowsItsEvidence)
{
    const auto r =
        runCli({QStringLiteral("forecast"), QStringLiteral("staffing"), room, QStringLiteral("--type"),
                QStringLiteral("concert"), QStringLiteral("--attendance"), QStringLiteral("6000"),
                QStringLiteral("--start"), QStringLiteral("2026-11-14T20:00:00+01:00"),
                QStringLiteral("--capacity"), QStringLiteral("3"), QStringLiteral("--json")});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    const QJsonArray i95 = o.value(QStringLiteral("interval_95")).toArray();
    const QJsonArray i80 = o.value(QStringLiteral("interval_80")).toArray();
    EXPECT_LE(i95[0].toInt(), i80[0].toInt());
    EXPECT_GE(i95[1].toInt(), i80[1].toInt());
    EXPECT_GT(o.value(QStringLiteral("expected")).toDouble(), 0.0);
    EXPECT_EQ(o.value(QStringLiteral("officers")).toInt(), 2 * int(std::ceil(i95[1].toInt() / 3.0)));
    EXPECT_EQ(o.value(QStringLiteral("hour_band")).toString(), QStringLiteral("evening"));
    EXPECT_EQ(o.value(QStringLiteral("learned_from")).toArray().size(), 150);
    const QJsonObject first = o.value(QStringLiteral("learned_from")).toArray().at(0).toObject();
    for (const char *key : {"event", "title", "attendance", "observed"})
        EXPECT_TRUE(first.contains(QLatin1String(key))) << key;
    EXPECT_GE(o.value(QStringLiteral("coefficients")).toArray().size(), 8);
}

TEST_F(ForecastCli, StaffingForAnEventOfTheRoomLearnsFromTheEventsBeforeIt)
{
    const auto r = runCli({QStringLiteral("forecast"), QStringLiteral("staffing"), room,
                           QStringLiteral("--event"), QStringLiteral("evt:synth-3-0150")});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains("expected incidents:")) << r.out.toStdString();
    EXPECT_TRUE(r.out.contains("officers:"));
    EXPECT_TRUE(r.out.contains("149 past events")) << r.out.toStdString();
    EXPECT_FALSE(r.out.contains("evt:synth-3-0150  "));
}

TEST_F(ForecastCli, HotspotsBacktestReportsModelAndBaseline)
{
    const auto r = runCli({QStringLiteral("forecast"), QStringLiteral("hotspots"), room,
                           QStringLiteral("--backtest"), QStringLiteral("--json")});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    for (const QJsonValue &c : o.value(QStringLiteral("cells")).toArray())
        EXPECT_GE(c.toObject().value(QStringLiteral("observed")).toInt(), 5);
    const QJsonObject bt = o.value(QStringLiteral("backtest")).toObject();
    EXPECT_EQ(bt.value(QStringLiteral("weeks")).toArray().size(), 12);
    EXPECT_GT(bt.value(QStringLiteral("mean_model_pai")).toDouble(), 1.0);
    EXPECT_TRUE(bt.contains(QStringLiteral("mean_baseline_pai")));
}

TEST_F(ForecastCli, ErrorsNameWhatIsWrong)
{
    auto r = runCli({QStringLiteral("forecast"), QStringLiteral("staffing"), room, QStringLiteral("--type"),
                     QStringLiteral("rave"), QStringLiteral("--attendance"), QStringLiteral("10"),
                     QStringLiteral("--start"), QStringLiteral("2026-11-14T20:00:00+01:00")});
    EXPECT_EQ(r.code, 1);
    EXPECT_TRUE(r.err.contains("\"rave\"")) << r.err.toStdString();
    r = runCli({QStringLiteral("forecast"), QStringLiteral("staffing"), room, QStringLiteral("--event"),
                QStringLiteral("evt:nope")});
    EXPECT_EQ(r.code, 1);
    EXPECT_TRUE(r.err.contains("evt:nope")) << r.err.toStdString();
    r = runCli({QStringLiteral("forecast"), QStringLiteral("staffing"), room, QStringLiteral("--type"),
                QStringLiteral("ceremony"), QStringLiteral("--attendance"), QStringLiteral("10"),
                QStringLiteral("--start"), QStringLiteral("2026-11-14T20:00:00+01:00")});
    EXPECT_EQ(r.code, 1);
    EXPECT_TRUE(r.err.contains("No past event of type \"ceremony\"")) << r.err.toStdString();
    r = runCli({QStringLiteral("forecast"), QStringLiteral("hotspots"),
                dir.filePath(QStringLiteral("missing.vigie"))});
    EXPECT_EQ(r.code, 1);
    EXPECT_TRUE(r.err.contains("missing.vigie")) << r.err.toStdString();
    r = runCli({QStringLiteral("forecast"), QStringLiteral("hotspots"), room, QStringLiteral("--cell"),
                QStringLiteral("5")});
    EXPECT_EQ(r.code, 1);
    EXPECT_TRUE(r.err.contains("--cell")) << r.err.toStdString();
    r = runCli({QStringLiteral("forecast"), QStringLiteral("guess")});
    EXPECT_EQ(r.code, 1);
    EXPECT_TRUE(r.err.contains("\"guess\""));
}

TEST(ForecastCliShort, ShortHistorySaysSoInsteadOfAFigure)
{
    QTemporaryDir dir;
    const QString room = dir.filePath(QStringLiteral("short.vigie"));
    auto r = runCli({QStringLiteral("forecast"), QStringLiteral("synth"), room, QStringLiteral("--events"),
                     QStringLiteral("12"), QStringLiteral("--background"), QStringLiteral("0")});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    r = runCli({QStringLiteral("forecast"), QStringLiteral("staffing"), room, QStringLiteral("--type"),
                QStringLiteral("match"), QStringLiteral("--attendance"), QStringLiteral("40000"),
                QStringLiteral("--start"), QStringLiteral("2030-05-04T21:00:00+02:00")});
    EXPECT_EQ(r.code, 1);
    EXPECT_TRUE(r.err.contains("History too short")) << r.err.toStdString();
    EXPECT_TRUE(r.out.isEmpty());
}
