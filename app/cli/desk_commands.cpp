#include "cli/cli.h"
#include "room/desk_link.h"
#include "room/headless_desk.h"
#include "store/pg_url.h"

#include <QJsonArray>

#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

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
    QCommandLineOption replica(
        QStringLiteral("replica"),
        QStringLiteral("keep a replica of the shared room in FILE and write through its "
                       "queue (FILE.queue), as a console does"),
        QStringLiteral("FILE"));
    QCommandLineOption batch(QStringLiteral("batch"),
                             QStringLiteral("with --replica: entries per round trip when sending the queue "
                                            "(default 1000)"),
                             QStringLiteral("N"), QStringLiteral("1000"));
    QCommandLineOption printIds(
        QStringLiteral("print-ids"),
        QStringLiteral("print each note's id once it is stored (queued, with --replica)"));
    parser.addOptions({name, agency, rate, seconds, drain, replica, batch, printIds});
    const QString usage =
        QStringLiteral("usage: vigie-cli desk ROOM --name D [--agency A] [--rate N] [--seconds S] "
                       "[--drain S] [--replica FILE [--batch N]] [--print-ids]");
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
    const QString location = parser.positionalArguments().at(0);
    const bool ids = parser.isSet(printIds);
    auto printWritten = [ids](const std::vector<Entry> &written) {
        if (!ids)
            return;
        for (const Entry &e : written)
            printLine(QByteArrayLiteral("stored ") + e.id.toString(QUuid::WithoutBraces).toLatin1());
        std::fflush(stdout);
    };
    catchTermination();
    Result<DeskReport> report = Error{};
    if (parser.isSet(replica)) {
        if (!isPgUrl(location))
            return fail(QStringLiteral("--replica is for a shared room (postgresql://…?room=NAME)\n") +
                        usage);
        DeskLinkOptions o;
        o.url = location;
        o.replicaPath = parser.value(replica);
        o.desk = options.name;
        o.agency = options.agency;
        bool okBatch = false;
        o.batch = parser.value(batch).toLongLong(&okBatch);
        if (!okBatch || o.batch <= 0)
            return fail(QStringLiteral("--batch: expected a positive number\n") + usage);
        auto link = DeskLink::start(o, clock());
        if (!link)
            return fail(link.error().message);
        // The desk follows its replica, as a console does: a connection of its own, read-only use.
        auto follow = Room::open(o.replicaPath, clock());
        if (!follow)
            return fail(follow.error().message);
        DeskLink &l = **link;
        report = runDesk(DeskIo{[&l](std::vector<Entry> drafts) { return l.enqueue(std::move(drafts)); },
                                (*follow)->store(), clock(), printWritten},
                         options, [] { return !terminationRequested(); });
        // Then what is still queued goes to the server, if it answers within a minute.
        if (report && !terminationRequested() && !l.waitForSync(60000))
            (void)fail(QStringLiteral("%1: %2 entries still queued (%3); they go at the desk's next start")
                           .arg(options.name)
                           .arg(l.status().pending)
                           .arg(l.status().problem));
    } else {
        auto room = Room::open(location, clock());
        if (!room)
            return fail(room.error().message);
        Room &r = **room;
        report = runDesk(DeskIo{[&r](std::vector<Entry> drafts) { return r.append(std::move(drafts)); },
                                r.store(), clock(), printWritten},
                         options, [] { return !terminationRequested(); });
    }
    if (!report)
        return fail(report.error().message);
    const QJsonObject line{{QStringLiteral("desk"), options.name},
                           {QStringLiteral("written"), report->written},
                           {QStringLiteral("seen"), report->seen},
                           {QStringLiteral("last_seq"), report->lastSeq},
                           {QStringLiteral("latency_ms_p50"), report->percentile(50)},
                           {QStringLiteral("latency_ms_p99"), report->percentile(99)},
                           {QStringLiteral("latency_ms_max"), report->percentile(100)},
                           {QStringLiteral("folded"), qint64(report->foldLatenciesMs.size())},
                           {QStringLiteral("fold_ms_p50"), report->foldPercentile(50)},
                           {QStringLiteral("fold_ms_p99"), report->foldPercentile(99)},
                           {QStringLiteral("fold_ms_max"), report->foldPercentile(100)}};
    printLine(QJsonDocument(line).toJson(QJsonDocument::Compact));
    return 0;
}

} // namespace vigie::cli
