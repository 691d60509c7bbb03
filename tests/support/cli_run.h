#pragma once
// Runs the real vigie-cli from a test (VIGIE_CLI is defined by vigie_add_test): every test that drives the
// command line uses this one runner.
#include <QProcess>
#include <QStringList>

#include <gtest/gtest.h>

namespace vigie::test {

struct CliRun
{
    int code = -1; ///< the exit code; -2 if the command was still running after its time and was killed
    QByteArray out;
    QByteArray err;
};

/// Runs `vigie-cli args…` with `input` on its standard input, for at most `seconds`.
inline CliRun runCli(const QStringList &args, const QByteArray &input = {}, int seconds = 120)
{
    QProcess p;
    p.start(QStringLiteral(VIGIE_CLI), args);
    EXPECT_TRUE(p.waitForStarted());
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(seconds * 1000)) {
        p.kill();
        p.waitForFinished();
        return {-2, p.readAllStandardOutput(), p.readAllStandardError()};
    }
    return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
}

} // namespace vigie::test
