// vigie-cli end to end: the commands as a user or a script runs them.
#include "cli_run.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace {

using vigie::test::CliRun;

CliRun cli(const QStringList &args, const QByteArray &input = {})
{
    return vigie::test::runCli(args, input);
}

/// Runs vigie-cli with standard input read from `inputFile`; a command still running after `seconds` is
/// killed and reported as code -2 (a hang).
CliRun cliFromFile(const QStringList &args, const QString &inputFile, int seconds = 60)
{
    QProcess p;
    p.setStandardInputFile(inputFile);
    p.start(QStringLiteral(VIGIE_CLI), args);
    EXPECT_TRUE(p.waitForStarted());
    if (!p.waitForFinished(seconds * 1000)) {
        p.kill();
        p.waitForFinished();
        return {-2, p.readAllStandardOutput(), p.readAllStandardError()};
    }
    return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
}

QByteArray noteLine(const QByteArray &text)
{
    return R"({"kind":"note","time":"2026-07-14T21:00:00+02:00","author":"PCC","data":{"text":")" + text +
           "\"}}\n";
}

} // namespace

TEST(Cli, EveryCommandHasHelp)
{
    for (const char *c : {"init", "room", "append", "log", "picture", "verify", "demo", "quarantine"}) {
        const CliRun r = cli({QLatin1String(c), QStringLiteral("--help")});
        EXPECT_EQ(r.code, 0) << c;
        EXPECT_TRUE(r.out.contains("Usage")) << c << r.out.toStdString();
    }
    EXPECT_NE(cli({QStringLiteral("nonsense")}).code, 0);
}

TEST(Cli, AppendCommitsGoodLinesAndQuarantinesBadOnes)
{
    QTemporaryDir dir;
    const QString room = dir.filePath(QStringLiteral("r.vigie"));
    ASSERT_EQ(cli({QStringLiteral("init"), room, QStringLiteral("--name"), QStringLiteral("Test")}).code, 0);
    const QByteArray input =
        R"({"kind":"note","time":"2026-07-14T21:00:00+02:00","author":"PCC","data":{"text":"ouverture"}})"
        "\n"
        R"({"kind":"note","time":"2026-07-14T21:01:00+02:00","author":"PCC","data":{"text":"appel 06 11 22 33 44"})"
        "\n"
        "\n"
        R"({"kind":"incident.open","time":"2026-07-14T21:02:00+02:00","author":"CTA","agency":"fire","data":{"incident":"I1","severity":2},"geo":{"type":"Point","coordinates":[5.37,43.29]}})"
        "\n"
        R"({"kind":"incident.open","time":"not a time","author":"CTA"})"
        "\n";
    const CliRun r = cli({QStringLiteral("append"), room}, input);
    EXPECT_EQ(r.code, 3) << r.err.toStdString(); // 3: some lines refused
    EXPECT_TRUE(r.out.contains("2 entries committed, 2 lines quarantined")) << r.out.toStdString();

    const CliRun q = cli({QStringLiteral("quarantine"), room});
    ASSERT_EQ(q.code, 0);
    const QList<QByteArray> lines = q.out.trimmed().split('\n');
    ASSERT_EQ(lines.size(), 2);
    const QJsonObject first = QJsonDocument::fromJson(lines[0]).object();
    EXPECT_EQ(first.value(QStringLiteral("position")).toString(), QStringLiteral("line 2"));
    EXPECT_TRUE(first.value(QStringLiteral("reason")).toString().contains(QStringLiteral("invalid JSON")));
    EXPECT_FALSE(q.out.contains("06 11 22 33 44")) << "personal data leaked into the quarantine";
    const QJsonObject second = QJsonDocument::fromJson(lines[1]).object();
    EXPECT_EQ(second.value(QStringLiteral("position")).toString(), QStringLiteral("line 5"));

    const CliRun logRun =
        cli({QStringLiteral("log"), room, QStringLiteral("--kind"), QStringLiteral("incident.open")});
    ASSERT_EQ(logRun.code, 0);
    EXPECT_EQ(logRun.out.trimmed().split('\n').size(), 1);
    EXPECT_EQ(cli({QStringLiteral("verify"), room}).code, 0);
    const CliRun pic = cli({QStringLiteral("picture"), room, QStringLiteral("--at"),
                            QStringLiteral("2026-07-14T21:01:30+02:00")});
    ASSERT_EQ(pic.code, 0);
    EXPECT_EQ(QJsonDocument::fromJson(pic.out).object().value(QStringLiteral("incidents")).toArray().size(),
              0);
    const CliRun now = cli({QStringLiteral("picture"), room});
    EXPECT_EQ(QJsonDocument::fromJson(now.out).object().value(QStringLiteral("incidents")).toArray().size(),
              1);
}

TEST(Cli, ClearErrorsOnBadArguments)
{
    QTemporaryDir dir;
    const CliRun missing = cli({QStringLiteral("log"), dir.filePath(QStringLiteral("none.vigie"))});
    EXPECT_EQ(missing.code, 1);
    EXPECT_TRUE(missing.err.contains("does not exist")) << missing.err.toStdString();
    const CliRun badTime = cli({QStringLiteral("picture"), dir.filePath(QStringLiteral("x")),
                                QStringLiteral("--at"), QStringLiteral("tomorrow")});
    EXPECT_EQ(badTime.code, 1);
    EXPECT_TRUE(badTime.err.contains("ISO 8601")) << badTime.err.toStdString();
    const CliRun noArg = cli({QStringLiteral("verify")});
    EXPECT_EQ(noArg.code, 1);
}

TEST(Cli, AppendFromADirectoryEndsWithAClearError)
{
    QTemporaryDir dir;
    const QString room = dir.filePath(QStringLiteral("r.vigie"));
    ASSERT_EQ(cli({QStringLiteral("init"), room}).code, 0);
    // Standard input redirected from a directory: every read fails (EISDIR).
    const CliRun r = cliFromFile({QStringLiteral("append"), room}, dir.path(), 20);
    ASSERT_NE(r.code, -2) << "append kept running on an unreadable standard input";
    EXPECT_EQ(r.code, 1);
    EXPECT_TRUE(r.err.contains("standard input: cannot read after line 0")) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains("0 entries committed")) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains("< entries.jsonl")) << r.err.toStdString();
}

TEST(Cli, AppendRefusesALineOverTheEntryLimitAndKeepsTheRest)
{
    QTemporaryDir dir;
    const QString room = dir.filePath(QStringLiteral("r.vigie"));
    ASSERT_EQ(cli({QStringLiteral("init"), room}).code, 0);
    // A valid note of 3 MiB between two small ones, and a 3 MiB line without a newline at the very end.
    const QString input = dir.filePath(QStringLiteral("in.jsonl"));
    {
        QFile f(input);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(noteLine("first"));
        f.write(noteLine(QByteArray(3 * 1024 * 1024, 'x')));
        f.write(noteLine("third"));
        f.write(QByteArray(3 * 1024 * 1024, '{'));
    }
    const CliRun r = cliFromFile({QStringLiteral("append"), room}, input);
    EXPECT_EQ(r.code, 3) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains("2 entries committed, 2 lines quarantined")) << r.out.toStdString();
    const CliRun q = cli({QStringLiteral("quarantine"), room});
    ASSERT_EQ(q.code, 0);
    const QList<QByteArray> lines = q.out.trimmed().split('\n');
    ASSERT_EQ(lines.size(), 2);
    const QJsonObject big = QJsonDocument::fromJson(lines[0]).object();
    EXPECT_EQ(big.value(QStringLiteral("position")).toString(), QStringLiteral("line 2"));
    EXPECT_TRUE(
        big.value(QStringLiteral("reason")).toString().contains(QStringLiteral("limit of 1048576 bytes")))
        << lines[0].left(400).toStdString();
    EXPECT_LE(big.value(QStringLiteral("input")).toString().size(), 4096);
    EXPECT_EQ(QJsonDocument::fromJson(lines[1]).object().value(QStringLiteral("position")).toString(),
              QStringLiteral("line 4"));
    const CliRun log = cli({QStringLiteral("log"), room});
    EXPECT_TRUE(log.out.contains("first") && log.out.contains("third")) << log.out.toStdString();
}
