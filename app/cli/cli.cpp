#include "cli/cli.h"

#include <csignal>
#include <cstdio>

namespace vigie::cli {

std::span<const Command> commands()
{
    static const Command list[] = {
        {"init", "create a room file (or a shared room at a postgresql:// URL)", runInit},
        {"room", "manage rooms: `room create ROOM` creates a room file or a shared room on PostgreSQL",
         runRoom},
        {"append", "append entries (JSON Lines on stdin); bad lines go to the quarantine", runAppend},
        {"log", "print entries as JSON Lines", runLog},
        {"picture", "print the picture (the situation) at a time, as JSON", runPicture},
        {"verify", "check the whole hash chain, and that the log still reaches its recorded head", runVerify},
        {"demo", "write the embedded Marseille demo into a new room", runDemo},
        {"quarantine", "list refused input with its source, position and reason", runQuarantine},
        {"import-roads", "import the road network of an OpenStreetMap extract (.osm.pbf)", runImportRoads},
        {"synth-roads", "draw a synthetic city's road network (for simulations and benchmarks)",
         runSynthRoads},
        {"suggest", "suggest which units to send where, with ETA, alternatives and coverage", runSuggest},
        {"accept", "accept a recorded suggestion: the unit goes en route", runAccept},
        {"reject", "reject a recorded suggestion, with a reason", runReject},
        {"simulate", "replay a synthetic Marseille day: closest unit vs the allocation engine", runSimulate},
        {"ingest", "ingest feed files (CAP, EDXL, EMSI, NMEA, CSV, GeoJSON); repeats are counted once",
         runIngest},
        {"import-osm", "render an offline basemap (MBTiles) from an OpenStreetMap extract", runImportOsm},
        {"listen", "listen to live feeds on an MQTT broker (vigie/<agency>/<format>) and ingest them",
         runListen},
        {"feed", "pause or resume a feed (what a paused feed sends is set aside), or list paused feeds",
         runFeed},
        {"fusion", "a desk's corrections of fusion: join incidents, split a source out, undo", runFusion},
        {"desk", "a desk without a screen: writes notes at a pace, reports how fast others' notes reach it",
         runDesk},
        {"dps", "size the first-aid cover of a planned event (RNMSC-DPS grid); --pdf writes the form",
         runDps},
        {"events", "the calendar of planned events: import CSV or iCalendar, list, cancel, clashes",
         runEvents},
        {"forecast", "incidents to expect at a planned event (officers needed) and by cell and hour; synth",
         runForecast},
        {"exercise", "exercises: check a scenario, play it into an exercise room on its clock, status",
         runExercise},
        {"report",
         "the after-action report (RETEX) of a period, or the point de situation at a time, as a PDF",
         runReport},
    };
    return list;
}

int fail(const QString &message)
{
    std::fprintf(stderr, "vigie-cli: %s\n", qPrintable(message));
    return 1;
}

bool parseOptions(QCommandLineParser &parser, const QStringList &arguments, const QString &usage,
                  int *exitCode)
{
    parser.addHelpOption();
    if (!parser.parse(arguments)) {
        *exitCode = fail(parser.errorText() + QStringLiteral("\n") + usage);
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::printf("%s\n", qPrintable(parser.helpText()));
        *exitCode = 0;
        return false;
    }
    return true;
}

bool parse(QCommandLineParser &parser, const QStringList &arguments, int positional, const QString &usage,
           int *exitCode)
{
    if (!parseOptions(parser, arguments, usage, exitCode))
        return false;
    if (parser.positionalArguments().size() != positional) {
        *exitCode = fail(QStringLiteral("expected %1 argument(s), got %2\n%3")
                             .arg(positional)
                             .arg(parser.positionalArguments().size())
                             .arg(usage));
        return false;
    }
    return true;
}

std::optional<double> nonNegativeOption(const QCommandLineParser &parser, const QCommandLineOption &option)
{
    bool ok = false;
    const double v = parser.value(option).toDouble(&ok);
    if (!ok || !(v >= 0)) {
        fail(QStringLiteral("--%1 \"%2\" is not a number ≥ 0")
                 .arg(option.names().constFirst(), parser.value(option)));
        return std::nullopt;
    }
    return v;
}

std::optional<Timestamp> parseTimeOption(const QString &name, const QString &value)
{
    auto t = Timestamp::parseIso(value);
    if (!t)
        fail(QStringLiteral("--%1 \"%2\" is not ISO 8601 with an offset (e.g. 2026-07-14T21:05:00+02:00)")
                 .arg(name, value));
    return t;
}

const Clock &clock()
{
    static const SystemClock wall;
    return wall;
}

void printLine(const QByteArray &line)
{
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fputc('\n', stdout);
}

namespace {
volatile std::sig_atomic_t terminationSignalled = 0;
} // namespace

void catchTermination()
{
    terminationSignalled = 0;
    struct sigaction onSignal = {};
    onSignal.sa_handler = [](int) {
        terminationSignalled = 1;
    };
    sigemptyset(&onSignal.sa_mask);
    ::sigaction(SIGTERM, &onSignal, nullptr);
    ::sigaction(SIGINT, &onSignal, nullptr);
}

bool terminationRequested()
{
    return terminationSignalled != 0;
}

} // namespace vigie::cli
