// `vigie-cli exercise` end to end: check, run at ×60 (with and without the scripted responses), status, a
// live room refused, and a run stopped by SIGTERM keeping what it played.
#include "cli_run.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using vigie::test::runCli;

namespace {

QString data(const char *name)
{
    return QStringLiteral(VIGIE_SOURCE_DIR "/tests/data/exercise/") + QLatin1String(name);
}

int countLines(const QByteArray &out, const char *word)
{
    int n = 0;
    for (const QByteArray &line : out.split('\n'))
        n += line.contains(word) ? 1 : 0;
    return n;
}

} // namespace

TEST(ExerciseCli, CheckSaysOkOrEveryProblem)
{
    auto good = runCli({QStringLiteral("exercise"), QStringLiteral("check"), data("small.yaml")});
    EXPECT_EQ(good.code, 0) << good.err.toStdString();
    EXPECT_TRUE(good.out.contains("12 injects")) << good.out.toStdString();
    auto bad = runCli({QStringLiteral("exercise"), QStringLiteral("check"), data("many_errors.yaml")});
    EXPECT_EQ(bad.code, 2);
    EXPECT_GE(countLines(bad.err, "many_errors.yaml:"), 14) << bad.err.toStdString();
    EXPECT_TRUE(bad.err.contains("I001.channel")) << bad.err.toStdString();
}

TEST(ExerciseCli, RunAtSixtyPlaysEverythingAndResponsesDoTheActions)
{
    QTemporaryDir dir;
    const QString room = dir.filePath(QStringLiteral("ex.vigie"));
    ASSERT_EQ(runCli({QStringLiteral("init"), room, QStringLiteral("--exercise")}).code, 0);
    QElapsedTimer timer;
    timer.start();
    auto run = runCli({QStringLiteral("exercise"), QStringLiteral("run"), room, data("short.yaml"),
                       QStringLiteral("--speed"), QStringLiteral("60"), QStringLiteral("--responses")},
                      {}, 60);
    const qint64 ms = timer.elapsed();
    ASSERT_EQ(run.code, 0) << run.err.toStdString();
    EXPECT_EQ(countLines(run.out, " inject "), 3) << run.out.toStdString();
    EXPECT_TRUE(run.out.contains("check A1 (I1) done")) << run.out.toStdString();
    EXPECT_FALSE(run.out.contains("I1C"));
    EXPECT_TRUE(run.out.contains("1 action(s) faite(s), 0 en retard, 0 manquée(s)")) << run.out.toStdString();
    // Three minutes at ×60: about three seconds, not less.
    EXPECT_GE(ms, 2900);
    EXPECT_LT(ms, 30000);
    auto status = runCli({QStringLiteral("exercise"), QStringLiteral("status"), room});
    EXPECT_EQ(status.code, 0);
    EXPECT_EQ(countLines(status.out, " inject "), 3) << status.out.toStdString();
    EXPECT_TRUE(status.out.contains("horloge end")) << status.out.toStdString();
    auto log =
        runCli({QStringLiteral("log"), room, QStringLiteral("--kind"), QStringLiteral("incident.open")});
    EXPECT_TRUE(log.out.contains("exercice:test-short/I2")) << log.out.toStdString();
    EXPECT_EQ(runCli({QStringLiteral("verify"), room}).code, 0);
    // Played to its end: a second run says so.
    auto again = runCli({QStringLiteral("exercise"), QStringLiteral("run"), room, data("short.yaml")});
    EXPECT_EQ(again.code, 1);
}

TEST(ExerciseCli, WithoutResponsesTheContingencyIsPlayed)
{
    QTemporaryDir dir;
    const QString room = dir.filePath(QStringLiteral("ex.vigie"));
    ASSERT_EQ(runCli({QStringLiteral("init"), room, QStringLiteral("--exercise")}).code, 0);
    auto run = runCli({QStringLiteral("exercise"), QStringLiteral("run"), room, data("short.yaml"),
                       QStringLiteral("--speed"), QStringLiteral("60")},
                      {}, 60);
    ASSERT_EQ(run.code, 0) << run.err.toStdString();
    EXPECT_TRUE(run.out.contains("check A1 (I1) missed")) << run.out.toStdString();
    EXPECT_TRUE(run.out.contains("inject I1C")) << run.out.toStdString();
    EXPECT_TRUE(run.out.contains("[secours de A1]"));
    // The check is printed before its contingency, both after their commit.
    EXPECT_LT(run.out.indexOf("check A1"), run.out.indexOf("inject I1C"));
}

TEST(ExerciseCli, LiveRoomRefuses)
{
    QTemporaryDir dir;
    const QString room = dir.filePath(QStringLiteral("live.vigie"));
    ASSERT_EQ(runCli({QStringLiteral("init"), room}).code, 0);
    auto run = runCli({QStringLiteral("exercise"), QStringLiteral("run"), room, data("short.yaml")});
    EXPECT_EQ(run.code, 3);
    EXPECT_TRUE(run.err.contains("live room")) << run.err.toStdString();
    auto log = runCli({QStringLiteral("log"), room});
    EXPECT_TRUE(log.out.trimmed().isEmpty());
}

TEST(ExerciseCli, SigtermStopsCleanlyAndARunResumes)
{
    QTemporaryDir dir;
    const QString room = dir.filePath(QStringLiteral("ex.vigie"));
    ASSERT_EQ(runCli({QStringLiteral("init"), room, QStringLiteral("--exercise")}).code, 0);
    QProcess p;
    p.start(QStringLiteral(VIGIE_CLI), {QStringLiteral("exercise"), QStringLiteral("run"), room,
                                        data("short.yaml"), QStringLiteral("--speed"), QStringLiteral("60")});
    ASSERT_TRUE(p.waitForStarted());
    QByteArray out;
    while (!out.contains("inject I1") && p.waitForReadyRead(10000))
        out += p.readAllStandardOutput();
    ASSERT_TRUE(out.contains("inject I1")) << out.toStdString();
    p.terminate();
    ASSERT_TRUE(p.waitForFinished(10000));
    out += p.readAllStandardOutput();
    EXPECT_EQ(p.exitCode(), 0) << p.readAllStandardError().toStdString();
    EXPECT_TRUE(out.contains("interrompu")) << out.toStdString();
    auto status = runCli({QStringLiteral("exercise"), QStringLiteral("status"), room});
    EXPECT_TRUE(status.out.contains("horloge pause")) << status.out.toStdString();
    // The same command resumes: nothing played twice, to the end.
    auto resumed = runCli({QStringLiteral("exercise"), QStringLiteral("run"), room, data("short.yaml"),
                           QStringLiteral("--speed"), QStringLiteral("60")},
                          {}, 60);
    ASSERT_EQ(resumed.code, 0) << resumed.err.toStdString();
    EXPECT_TRUE(resumed.out.contains("reprise de test-short"));
    auto after = runCli({QStringLiteral("exercise"), QStringLiteral("status"), room});
    EXPECT_EQ(countLines(after.out, "inject I1 "), 1) << after.out.toStdString();
    EXPECT_EQ(countLines(after.out, "inject I2 "), 1);
    EXPECT_EQ(countLines(after.out, "inject I3 "), 1);
}
