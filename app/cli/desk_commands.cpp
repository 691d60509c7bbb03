#include "cli/cli.h"
#include "room/headless_desk.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace vigie::cli {

int runDesk(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "A desk without a screen, for tests and benchmarks of a shared room: writes notes at a steady pace "
        "and follows the room, then prints how long other desks' notes took to reach it (JSON)."));
    parser.addPositionalArgument(QStringLiteral("ROOM"), QStringLiteral("room file or postgresql:// URL"));
    QCommandLineOption name(QStringLiteral("name"), QStringLiteral("the desk's name"), QStringLiteral("D"));
    QCommandLineOption agency(QStringLiteral("agency"), QStringLiteral("fire, samu, police or officials"),
                              QStringLiteral("A"));
    QCommandLineOption rate(QStringLiteral("rate"), QStringLiteral("notes per second (default 10)"),
                            QStringLiteral("N"), QStringLiteral("10"));
    QCommandLineOption seconds(QStringLiteral("seconds"), QStringLiteral("how long it writes (default 10)"),
                               QStringLiteral("S"), QStringLiteral("10"));
    QCommandLineOption drain(QStringLiteral("drain"),
                             QStringLiteral("how long it keeps following after its last note (default 2)"),
                             QStringLiteral("S"), QStringLiteral("2"));
    parser.addOptions({name, agency, rate, seconds, drain});
    const QString usage = QStringLiteral(
        "usage: vigie-cli desk ROOM --name D [--agency A] [--rate N] [--seconds S] [--drain S]");
    int code = 0;
    if (!parse(parser, arguments, 1, usage, &code))
        return code;
    DeskOptions options;
    options.name = parser.value(name).trimmed();
    options.agency = parser.value(agency);
    bool okRate = false, okSeconds = false, okDrain = false;
    options.perSecond = parser.value(rate).toDouble(&okRate);
    options.seconds = parser.value(seconds).toDouble(&okSeconds);
    options.drainSeconds = parser.value(drain).toDouble(&okDrain);
    if (options.name.isEmpty() || !okRate || !okSeconds || !okDrain || options.perSecond <= 0 ||
        options.seconds < 0 || options.drainSeconds < 0)
        return fail(QStringLiteral("expected --name and positive numbers for --rate, --seconds, --drain\n") +
                    usage);
    auto room = Room::open(parser.positionalArguments().at(0), clock());
    if (!room)
        return fail(room.error().message);
    catchTermination();
    auto report = runDesk(**room, options, [] { return !terminationRequested(); });
    if (!report)
        return fail(report.error().message);
    const QJsonObject line{{QStringLiteral("desk"), options.name},
                           {QStringLiteral("written"), report->written},
                           {QStringLiteral("seen"), report->seen},
                           {QStringLiteral("last_seq"), report->lastSeq},
                           {QStringLiteral("latency_ms_p50"), report->percentile(50)},
                           {QStringLiteral("latency_ms_p99"), report->percentile(99)},
                           {QStringLiteral("latency_ms_max"), report->percentile(100)}};
    printLine(QJsonDocument(line).toJson(QJsonDocument::Compact));
    return 0;
}

} // namespace vigie::cli
