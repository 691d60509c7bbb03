// The logbook commands: init, append, log, picture, verify, demo, quarantine.
#include "cli/cli.h"

#include "demo/demo_room.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <cstdio>
#include <utility>

namespace vigie::cli {

namespace {

Result<std::unique_ptr<Room>> openRoom(const QString &path)
{
    return Room::open(path, clock());
}

} // namespace

int runInit(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Create a room: a room file (and its secret ROOM.key), or a shared room on a PostgreSQL server "
        "named by postgresql://[user@]HOST[:PORT]/DB?room=NAME (its secret kept on the server; the password, "
        "if any, in ~/.pgpass, PGPASSFILE or a service file, never in the URL)."));
    parser.addPositionalArgument(QStringLiteral("ROOM"), QStringLiteral("room file or URL to create"));
    QCommandLineOption name(QStringLiteral("name"), QStringLiteral("room name shown on every screen"),
                            QStringLiteral("NAME"));
    QCommandLineOption exercise(QStringLiteral("exercise"),
                                QStringLiteral("an exercise room (never mixes with real traffic)"));
    parser.addOptions({name, exercise});
    int code = 0;
    if (!parse(parser, arguments, 1, QStringLiteral("usage: vigie-cli init ROOM [--name NAME] [--exercise]"),
               &code))
        return code;
    const QString path = parser.positionalArguments().at(0);
    auto room = Room::create(path, parser.value(name),
                             parser.isSet(exercise) ? RoomMode::Exercise : RoomMode::Live, clock());
    if (!room)
        return fail(room.error().message);
    std::printf("created %s room \"%s\" in %s\n", qPrintable(roomModeId((*room)->info().mode)),
                qPrintable((*room)->info().name), qPrintable(path));
    return 0;
}

int runRoom(const QStringList &arguments)
{
    const QString usage = QStringLiteral("usage: vigie-cli room create ROOM [--name NAME] [--exercise]");
    if (arguments.size() < 2)
        return fail(QStringLiteral("expected a subcommand\n") + usage);
    if (arguments.at(1) == QLatin1String("--help") || arguments.at(1) == QLatin1String("-h")) {
        std::printf("Usage: %s\n", qPrintable(usage.mid(7)));
        return 0;
    }
    if (arguments.at(1) != QLatin1String("create"))
        return fail(QStringLiteral("unknown subcommand \"%1\"\n%2").arg(arguments.at(1), usage));
    // The same as init, which takes a file or a URL alike.
    return runInit(QStringList{arguments.at(0) + QStringLiteral(" create")} + arguments.mid(2));
}

int runAppend(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Append entries read as JSON Lines on stdin: {kind, time, author, role?, agency?, geo?, "
        "data?}. Lines are committed in batches; after each commit a line \"committed N\" is "
        "printed. A bad line is quarantined with its line number and reason; the others commit."));
    parser.addPositionalArgument(QStringLiteral("ROOM"), QStringLiteral("room file"));
    QCommandLineOption batch(QStringLiteral("batch"), QStringLiteral("lines per transaction (default 1000)"),
                             QStringLiteral("N"), QStringLiteral("1000"));
    QCommandLineOption source(QStringLiteral("source"),
                              QStringLiteral("name of the source, for the quarantine"),
                              QStringLiteral("NAME"), QStringLiteral("stdin"));
    parser.addOptions({batch, source});
    int code = 0;
    if (!parse(parser, arguments, 1, QStringLiteral("usage: vigie-cli append ROOM < entries.jsonl"), &code))
        return code;
    const int batchSize = std::max(1, parser.value(batch).toInt());
    auto room = openRoom(parser.positionalArguments().at(0));
    if (!room)
        return fail(room.error().message);

    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return fail(QStringLiteral("cannot read standard input"));
    qint64 committed = 0, quarantined = 0, lineNumber = 0;
    std::vector<Entry> pending;
    std::vector<Rejected> rejected;
    QElapsedTimer sinceCommit;
    sinceCommit.start();
    auto flush = [&]() -> bool {
        if (pending.empty() && rejected.empty())
            return true;
        // The batch's refused lines are kept in its own transaction: both land or neither.
        const qint64 refused = qint64(rejected.size());
        auto r = (*room)->append(std::exchange(pending, {}),
                                 {{parser.value(source), std::exchange(rejected, {})}});
        if (!r) {
            fail(r.error().message);
            return false;
        }
        quarantined += refused;
        if (r->empty())
            return true;
        committed += qint64(r->size());
        std::printf("committed %lld (seq %lld)\n", static_cast<long long>(committed),
                    static_cast<long long>(r->back().seq));
        std::fflush(stdout);
        sinceCommit.restart();
        return true;
    };
    while (!in.atEnd()) {
        const QByteArray line = in.readLine();
        ++lineNumber;
        if (line.trimmed().isEmpty())
            continue;
        auto draft = draftFromJson(line);
        if (draft)
            pending.push_back(std::move(*draft));
        else
            rejected.push_back({QStringLiteral("line %1").arg(lineNumber), draft.error().message, line});
        if (int(pending.size()) >= batchSize || sinceCommit.elapsed() > 250 || rejected.size() > 100) {
            if (!flush())
                return 1;
        }
    }
    if (!flush())
        return 1;
    std::printf("%lld entries committed, %lld lines quarantined\n", static_cast<long long>(committed),
                static_cast<long long>(quarantined));
    if (quarantined > 0)
        std::fprintf(stderr, "vigie-cli: %lld line(s) refused; see `vigie-cli quarantine %s`\n",
                     static_cast<long long>(quarantined), qPrintable(parser.positionalArguments().at(0)));
    return quarantined > 0 ? 3 : 0;
}

int runLog(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Print the room's entries as JSON Lines, in order."));
    parser.addPositionalArgument(QStringLiteral("ROOM"), QStringLiteral("room file"));
    QCommandLineOption kind(QStringLiteral("kind"), QStringLiteral("only entries of this kind"),
                            QStringLiteral("K"));
    QCommandLineOption since(QStringLiteral("since"), QStringLiteral("event time >= T (ISO 8601)"),
                             QStringLiteral("T"));
    QCommandLineOption until(QStringLiteral("until"), QStringLiteral("event time <= T (ISO 8601)"),
                             QStringLiteral("T"));
    parser.addOptions({kind, since, until});
    int code = 0;
    if (!parse(parser, arguments, 1,
               QStringLiteral("usage: vigie-cli log ROOM [--kind K] [--since T] [--until T]"), &code))
        return code;
    EntryQuery query;
    if (parser.isSet(kind))
        query.kind = parser.value(kind);
    if (parser.isSet(since)) {
        query.since = parseTimeOption(QStringLiteral("since"), parser.value(since));
        if (!query.since)
            return 1;
    }
    if (parser.isSet(until)) {
        query.until = parseTimeOption(QStringLiteral("until"), parser.value(until));
        if (!query.until)
            return 1;
    }
    auto room = openRoom(parser.positionalArguments().at(0));
    if (!room)
        return fail(room.error().message);
    auto r = (*room)->store().read(query, [](const Entry &e) {
        printLine(QJsonDocument(entryToJson(e)).toJson(QJsonDocument::Compact));
        return true;
    });
    if (!r)
        return fail(r.error().message);
    return 0;
}

int runPicture(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Print the picture (units, incidents, zones, hospitals, "
                                                    "decisions) at event time T (default: now), as JSON."));
    parser.addPositionalArgument(QStringLiteral("ROOM"), QStringLiteral("room file"));
    QCommandLineOption at(QStringLiteral("at"), QStringLiteral("event time T (ISO 8601)"),
                          QStringLiteral("T"));
    parser.addOption(at);
    int code = 0;
    if (!parse(parser, arguments, 1, QStringLiteral("usage: vigie-cli picture ROOM [--at T]"), &code))
        return code;
    std::optional<Timestamp> time;
    if (parser.isSet(at)) {
        time = parseTimeOption(QStringLiteral("at"), parser.value(at));
        if (!time)
            return 1;
    }
    auto room = openRoom(parser.positionalArguments().at(0));
    if (!room)
        return fail(room.error().message);
    Result<Picture> picture = time ? (*room)->pictureAt(*time) : (*room)->picture();
    if (!picture)
        return fail(picture.error().message);
    QJsonObject json = picture->toJson();
    json.insert(QStringLiteral("room"), (*room)->info().name);
    json.insert(QStringLiteral("mode"), roomModeId((*room)->info().mode));
    printLine(QJsonDocument(json).toJson(QJsonDocument::Indented));
    return 0;
}

int runVerify(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Check every entry's hash and link. Exit 0 if the chain is "
                       "intact, 4 naming the first bad sequence number otherwise."));
    parser.addPositionalArgument(QStringLiteral("ROOM"), QStringLiteral("room file"));
    int code = 0;
    if (!parse(parser, arguments, 1, QStringLiteral("usage: vigie-cli verify ROOM"), &code))
        return code;
    auto room = openRoom(parser.positionalArguments().at(0));
    if (!room)
        return fail(room.error().message);
    auto report = (*room)->store().verify();
    if (!report)
        return fail(report.error().message);
    if (!report->intact()) {
        std::fprintf(stderr, "vigie-cli: chain broken at seq %lld: %s\n",
                     static_cast<long long>(*report->firstBadSeq), qPrintable(report->problem));
        std::printf("BROKEN at seq %lld\n", static_cast<long long>(*report->firstBadSeq));
        return 4;
    }
    std::printf("OK: %lld entries, chain intact\n", static_cast<long long>(report->checked));
    return 0;
}

int runDemo(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Write the embedded Marseille demo (stations, fleet, a 14 July "
                       "evening exercise) into a new exercise room."));
    parser.addPositionalArgument(QStringLiteral("ROOM"), QStringLiteral("room file to create"));
    int code = 0;
    if (!parse(parser, arguments, 1, QStringLiteral("usage: vigie-cli demo ROOM"), &code))
        return code;
    const QString path = parser.positionalArguments().at(0);
    auto room =
        Room::create(path, QStringLiteral("Démo Marseille — 14 juillet"), RoomMode::Exercise, clock());
    if (!room)
        return fail(room.error().message);
    auto summary = writeDemoRoom(**room);
    if (!summary)
        return fail(summary.error().message);
    std::printf("demo room %s: %lld entries (%lld units, %lld places)\n", qPrintable(path),
                static_cast<long long>(summary->entries), static_cast<long long>(summary->units),
                static_cast<long long>(summary->places));
    return 0;
}

int runQuarantine(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("List refused input as JSON Lines (source, position, reason, "
                       "input scrubbed of personal data)."));
    parser.addPositionalArgument(QStringLiteral("ROOM"), QStringLiteral("room file"));
    int code = 0;
    if (!parse(parser, arguments, 1, QStringLiteral("usage: vigie-cli quarantine ROOM"), &code))
        return code;
    auto room = openRoom(parser.positionalArguments().at(0));
    if (!room)
        return fail(room.error().message);
    auto items = (*room)->store().quarantined();
    if (!items)
        return fail(items.error().message);
    for (const QuarantineItem &q : *items) {
        printLine(QJsonDocument(QJsonObject{{QStringLiteral("id"), q.id},
                                            {QStringLiteral("received"), q.received.toIso()},
                                            {QStringLiteral("source"), q.source},
                                            {QStringLiteral("position"), q.position},
                                            {QStringLiteral("reason"), q.reason},
                                            {QStringLiteral("input"), QString::fromUtf8(q.input)}})
                      .toJson(QJsonDocument::Compact));
    }
    return 0;
}

} // namespace vigie::cli
