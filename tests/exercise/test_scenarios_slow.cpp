// Every Marseille scenario shipped in data/scenarios/*.yaml, rehearsed: `vigie-cli exercise run --speed 60
// --responses` to its end, and every action its injects expect is done in time by its scripted responses.
// Slow (a 2 h 30 scenario takes 2 min 30 s at ×60): the scenarios play side by side.
#include <QDir>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <memory>

TEST(MarseilleScenarios, RehearsedAtSixtyEveryExpectedActionIsDone)
{
    const QDir dir(QStringLiteral(VIGIE_SOURCE_DIR "/data/scenarios"));
    const QStringList files = dir.entryList({QStringLiteral("*.yaml")}, QDir::Files, QDir::Name);
    if (files.isEmpty())
        GTEST_SKIP() << "no scenario in data/scenarios/*.yaml";
    QTemporaryDir rooms;
    std::vector<std::unique_ptr<QProcess>> runs;
    for (const QString &file : files) {
        const QString room = rooms.filePath(file + QStringLiteral(".vigie"));
        QProcess init;
        init.start(QStringLiteral(VIGIE_CLI), {QStringLiteral("init"), room, QStringLiteral("--exercise")});
        ASSERT_TRUE(init.waitForFinished(30000));
        ASSERT_EQ(init.exitCode(), 0) << init.readAllStandardError().toStdString();
        auto p = std::make_unique<QProcess>();
        p->start(QStringLiteral(VIGIE_CLI),
                 {QStringLiteral("exercise"), QStringLiteral("run"), room, dir.filePath(file),
                  QStringLiteral("--speed"), QStringLiteral("60"), QStringLiteral("--responses")});
        ASSERT_TRUE(p->waitForStarted());
        runs.push_back(std::move(p));
    }
    for (std::size_t i = 0; i < runs.size(); ++i) {
        QProcess &p = *runs[i];
        const std::string name = files[qsizetype(i)].toStdString();
        // The longest scenario allowed here is 10 h of exercise: 10 min at ×60.
        ASSERT_TRUE(p.waitForFinished(11 * 60 * 1000)) << name;
        const QByteArray out = p.readAllStandardOutput();
        ASSERT_EQ(p.exitCode(), 0) << name << "\n" << p.readAllStandardError().toStdString();
        EXPECT_FALSE(out.contains(" missed,")) << name << "\n" << out.toStdString();
        EXPECT_FALSE(out.contains(" late,")) << name << "\n" << out.toStdString();
        EXPECT_TRUE(out.contains(" 0 en retard, 0 manquée(s)")) << name << "\n" << out.toStdString();
        EXPECT_TRUE(out.contains(" done,")) << name << ": no expected action at all?\n" << out.toStdString();
    }
}
