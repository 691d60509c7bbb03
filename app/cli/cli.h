#pragma once
// vigie-cli's commands: each parses its own arguments and calls the libraries. Shared helpers live here.
#include "room/room.h"

#include <QCommandLineParser>
#include <QStringList>

#include <span>

namespace vigie::cli {

struct Command
{
    const char *name;
    const char *summary;
    int (*run)(const QStringList &arguments); ///< arguments[0] is "vigie-cli <name>"
};

[[nodiscard]] std::span<const Command> commands();

/// Prints "vigie-cli: <message>" to stderr and returns the exit code for errors (1).
int fail(const QString &message);
/// Parses `arguments` with `parser` (adds --help) without checking the positional arguments; returns false
/// and sets `exitCode` if the command should stop (an error, or --help printed).
[[nodiscard]] bool parseOptions(QCommandLineParser &parser, const QStringList &arguments,
                                const QString &usage, int *exitCode);
/// The same, then expects exactly `positional` positional arguments.
[[nodiscard]] bool parse(QCommandLineParser &parser, const QStringList &arguments, int positional,
                         const QString &usage, int *exitCode);
/// The value of a set option that must be a number ≥ 0, or nullopt after printing a clear error.
[[nodiscard]] std::optional<double> nonNegativeOption(const QCommandLineParser &parser,
                                                      const QCommandLineOption &option);
/// Parses an ISO 8601 time option, printing a clear error on failure.
[[nodiscard]] std::optional<Timestamp> parseTimeOption(const QString &name, const QString &value);
/// The wall clock used by every command.
[[nodiscard]] const Clock &clock();
void printLine(const QByteArray &line);
/// From now on SIGTERM and SIGINT only set a flag (terminationRequested), so that a long-running command
/// finishes what it has under way (a batch stored and acknowledged) and exits cleanly.
void catchTermination();
[[nodiscard]] bool terminationRequested();

int runInit(const QStringList &arguments);
int runRoom(const QStringList &arguments);
int runAppend(const QStringList &arguments);
int runLog(const QStringList &arguments);
int runPicture(const QStringList &arguments);
int runVerify(const QStringList &arguments);
int runDemo(const QStringList &arguments);
int runQuarantine(const QStringList &arguments);
int runImportRoads(const QStringList &arguments);
int runSynthRoads(const QStringList &arguments);
int runSuggest(const QStringList &arguments);
int runSimulate(const QStringList &arguments);
int runAccept(const QStringList &arguments);
int runReject(const QStringList &arguments);
int runIngest(const QStringList &arguments);
int runImportOsm(const QStringList &arguments);
int runListen(const QStringList &arguments);
int runFeed(const QStringList &arguments);
int runFusion(const QStringList &arguments);
int runDesk(const QStringList &arguments);
int runDps(const QStringList &arguments);
int runEvents(const QStringList &arguments);
int runForecast(const QStringList &arguments);
int runExercise(const QStringList &arguments);
int runReport(const QStringList &arguments);

} // namespace vigie::cli
