// The logbook commands: init, append, log, picture, verify, demo, quarantine.
#include "cli/cli.h"

#include "demo/demo_room.h"
#include "util/line_reader.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <cstdio>
#include <limits>
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
        "printed. A bad line is quarantined with its line number and reason; the others commit. A line "
        "longer than 1 MiB (one entry) is refused while it is read. Exit 0 when every line was taken, 3 "
        "when some were quarantined and the rest stored, 1 on an error (a room or standard input that "
        "cannot be read or written)."));
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

    // Read with a cap per line: a line over the limit is refused as it streams by, never held whole.
    LineReader in(fileno(stdin), maxEntryLineBytes);
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
    for (;;) {
        auto next = in.next();
        if (!next) {
            // The lines read whole before the failure are committed (and reported); the one being read is
            // not.
            if (!flush())
                return 1;
            return fail(QStringLiteral("standard input: cannot read after line %1: %2. %3 entries committed "
                                       "from the lines before, %4 lines quarantined; nothing after line %1 "
                                       "was taken. Give the entries as a file or a pipe of JSON Lines "
                                       "(vigie-cli append ROOM < entries.jsonl)")
                            .arg(in.lineNumber())
                            .arg(next.error().message)
                            .arg(committed)
                            .arg(quarantined));
        }
        if (!next->has_value())
            break;
        const InputLine &line = **next;
        lineNumber = line.number;
        if (line.tooLong) {
            rejected.push_back(
                {QStringLiteral("line %1").arg(lineNumber),
                 QStringLiteral("line of %1 bytes exceeds the limit of %2 bytes (1 MiB) per "
                                "entry; only its first %3 bytes are kept here. Keep large "
                                "documents outside the log and enter a note that refers to them")
                     .arg(line.length)
                     .arg(maxEntryLineBytes)
                     .arg(line.bytes.size()),
                 line.bytes});
        } else if (line.bytes.trimmed().isEmpty()) {
            continue;
        } else if (auto draft = draftFromJson(line.bytes)) {
            pending.push_back(std::move(*draft));
        } else {
            rejected.push_back(
                {QStringLiteral("line %1").arg(lineNumber), draft.error().message, line.bytes});
        }
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
    parser.setApplicationDescription(QStringLiteral(
        "Print the picture (units, incidents, zones, hospitals, decisions) at event time T (default: now), "
        "as "
        "JSON. Only entries that verify are folded: those after the snapshot the fold starts from are "
        "checked "
        "(all of them, and the end of the log against its head record, with --verify). When one does not, "
        "the picture folds the entries before it, says where (\"damage\") and the command exits 4, as verify "
        "does."));
    parser.addPositionalArgument(QStringLiteral("ROOM"), QStringLiteral("room file"));
    QCommandLineOption at(QStringLiteral("at"), QStringLiteral("event time T (ISO 8601)"),
                          QStringLiteral("T"));
    QCommandLineOption verifyAll(
        QStringLiteral("verify"),
        QStringLiteral("check the whole chain first, as verify does (slower: about a "
                       "second per 300,000 entries)"));
    parser.addOptions({at, verifyAll});
    int code = 0;
    if (!parse(parser, arguments, 1, QStringLiteral("usage: vigie-cli picture ROOM [--at T] [--verify]"),
               &code))
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
    // By default the entries after the snapshot the fold starts from are checked (hash of the content, link
    // to the previous one), as the console does: about what the fold reads anyway. The whole chain would cost
    // a second per 300,000 entries on every call (measured: 1.0 s against 0.05 s), too much for a command
    // that scripts call in loops (a replay, minute by minute); --verify pays it, and checks the end of the
    // log against its head record too, as verify does.
    std::optional<LogDamage> damage;
    Result<Picture> picture = Picture{};
    if (parser.isSet(verifyAll)) {
        auto report = (*room)->verify();
        if (!report)
            return fail(report.error().message);
        if (!report->intact())
            damage = LogDamage{*report->firstBadSeq, report->problem};
        picture = pictureAt((*room)->store(), time.value_or(Timestamp{std::numeric_limits<qint64>::max()}),
                            damage ? damage->seq - 1 : std::numeric_limits<qint64>::max());
    } else {
        auto checked = (*room)->checkedPicture(time);
        if (!checked)
            return fail(checked.error().message);
        damage = std::move(checked->damage);
        picture = std::move(checked->picture);
    }
    if (!picture)
        return fail(picture.error().message);
    QJsonObject json = picture->toJson();
    json.insert(QStringLiteral("room"), (*room)->info().name);
    json.insert(QStringLiteral("mode"), roomModeId((*room)->info().mode));
    if (damage)
        json.insert(QStringLiteral("damage"), QJsonObject{{QStringLiteral("seq"), damage->seq},
                                                          {QStringLiteral("problem"), damage->problem}});
    printLine(QJsonDocument(json).toJson(QJsonDocument::Indented));
    if (damage) {
        std::fflush(stdout);
        std::fprintf(stderr,
                     "vigie-cli: the log is damaged at seq %lld (%s): this picture folds only the entries "
                     "before it. Run `vigie-cli verify %s` for the whole chain, and restore the room from a "
                     "copy or another desk\n",
                     static_cast<long long>(damage->seq), qPrintable(damage->problem),
                     qPrintable(parser.positionalArguments().at(0)));
        return 4;
    }
    return 0;
}

int runVerify(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Check every entry's hash and link, and the end of the log against the head recorded beside the room "
        "(ROOM.head): entries missing at the end are reported like a broken chain. Exit 0 if intact, 4 "
        "naming "
        "the first bad sequence number otherwise."));
    parser.addPositionalArgument(QStringLiteral("ROOM"), QStringLiteral("room file"));
    QCommandLineOption acceptLoss(
        QStringLiteral("accept-loss"),
        QStringLiteral("when only the end of the log is missing: log the loss (a log.truncated entry) and "
                       "record the log's present end as its head"));
    QCommandLineOption author(QStringLiteral("author"), QStringLiteral("who accepts the loss"),
                              QStringLiteral("NAME"), QStringLiteral("vigie-cli"));
    parser.addOptions({acceptLoss, author});
    int code = 0;
    if (!parse(parser, arguments, 1, QStringLiteral("usage: vigie-cli verify ROOM [--accept-loss]"), &code))
        return code;
    auto room = openRoom(parser.positionalArguments().at(0));
    if (!room)
        return fail(room.error().message);
    auto report = (*room)->verify();
    if (!report)
        return fail(report.error().message);
    if (!report->intact() && parser.isSet(acceptLoss)) {
        // Only a lost end can be accepted: a chain broken inside the log stays broken.
        auto chain = (*room)->store().verify();
        if (!chain)
            return fail(chain.error().message);
        if (!chain->intact())
            return fail(
                QStringLiteral("the chain itself is broken at seq %1 (%2): --accept-loss only accepts "
                               "a lost end")
                    .arg(*chain->firstBadSeq)
                    .arg(chain->problem));
        auto logged = (*room)->acceptLoss(parser.value(author));
        if (!logged)
            return fail(logged.error().message);
        std::printf("ACCEPTED: %s; logged at seq %lld\n", qPrintable(report->problem),
                    static_cast<long long>(logged->seq));
        return 0;
    }
    if (!report->intact()) {
        std::fprintf(stderr, "vigie-cli: chain broken at seq %lld: %s\n",
                     static_cast<long long>(*report->firstBadSeq), qPrintable(report->problem));
        std::printf("BROKEN at seq %lld\n", static_cast<long long>(*report->firstBadSeq));
        return 4;
    }
    const auto &anchor = (*room)->headAnchor();
    auto record = anchor ? anchor->read() : Result<std::optional<HeadRecord>>(std::optional<HeadRecord>());
    const bool recorded = record && record->has_value();
    std::printf("OK: %lld entries, chain intact%s\n", static_cast<long long>(report->checked),
                recorded ? ", end matches its head record" : "");
    if (anchor && !recorded)
        std::fprintf(stderr,
                     "vigie-cli: no head record yet (%s): a cut end of this log cannot be detected "
                     "until the next append records one\n",
                     qPrintable(HeadAnchor::pathFor((*room)->path())));
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
