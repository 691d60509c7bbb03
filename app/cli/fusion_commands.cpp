// fusion: a desk's corrections of fusion (join, split, undo), and what they can act on.
#include "cli/cli.h"

#include "fusion/corrections.h"
#include "log/json_text.h"

#include <cstdio>

namespace vigie::cli {

namespace {

void printSources(const std::vector<fusion::SplitChoice> &choices)
{
    for (const fusion::SplitChoice &c : choices) {
        JsonWriter j;
        j.beginObject();
        j.field(u"source", c.source);
        j.field(u"reports", qint64(c.reports.size()));
        j.field(u"type", c.type);
        j.field(u"title", c.title);
        j.field(u"agency", c.agency);
        j.field(u"first", c.first.toIso());
        j.field(u"last", c.last.toIso());
        j.endObject();
        printLine(j.take());
    }
}

void printCorrections(const Picture &picture)
{
    for (const FusionCorrection &c : fusion::correctionsInForce(picture)) {
        JsonWriter j;
        j.beginObject();
        j.field(u"entry", c.entry);
        j.field(u"seq", c.seq);
        j.field(u"kind", c.kind);
        j.field(u"incident", c.incident);
        j.field(c.kind == u"fusion.join" ? u"into" : u"from", c.other);
        if (c.kind == u"fusion.split")
            j.field(u"reports", qint64(c.reports.size()));
        j.field(u"author", c.author);
        j.field(u"time", c.time.toIso());
        j.endObject();
        printLine(j.take());
    }
}

} // namespace

int runFusion(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "A desk's corrections of fusion, written as log entries (officials decide; undo takes a correction "
        "back):\n"
        "  join INCIDENT INTO     INCIDENT joins INTO: one incident in the list and on the map\n"
        "  sources INCIDENT       the sources fusion merged into INCIDENT (JSON Lines)\n"
        "  split INCIDENT SOURCE  SOURCE's reports leave INCIDENT for an incident of their own\n"
        "  undo [ENTRY]           undo a join or split (its entry id; default: the latest in force)\n"
        "  list                   the joins and splits in force, latest first (JSON Lines)"));
    parser.addPositionalArgument(QStringLiteral("ROOM"), QStringLiteral("room file"));
    parser.addPositionalArgument(QStringLiteral("ACTION"),
                                 QStringLiteral("join, sources, split, undo or list"),
                                 QStringLiteral("ACTION [ARGUMENTS]"));
    QCommandLineOption author(QStringLiteral("author"), QStringLiteral("who decides (default: vigie-cli)"),
                              QStringLiteral("NAME"), QStringLiteral("vigie-cli"));
    parser.addOption(author);
    const QString usage = QStringLiteral(
        "usage: vigie-cli fusion ROOM join INCIDENT INTO | sources INCIDENT | split INCIDENT SOURCE | "
        "undo [ENTRY] | list   [--author NAME]");
    int code = 0;
    if (!parseOptions(parser, arguments, usage, &code))
        return code;
    const QStringList args = parser.positionalArguments();
    if (args.size() < 2)
        return fail(QStringLiteral("expected a room and an action\n") + usage);
    const QString action = args[1];
    const qsizetype given = args.size() - 2;
    const bool countOk = (action == u"join" && given == 2) || (action == u"split" && given == 2) ||
                         (action == u"sources" && given == 1) || (action == u"undo" && given <= 1) ||
                         (action == u"list" && given == 0);
    if (!countOk)
        return fail(QStringLiteral("\"%1\": not an action, or not its arguments\n").arg(action) + usage);
    auto room = Room::open(args[0], clock());
    if (!room)
        return fail(room.error().message);
    auto picture = (*room)->picture();
    if (!picture)
        return fail(picture.error().message);
    if (action == u"list") {
        printCorrections(*picture);
        return 0;
    }
    if (action == u"sources") {
        auto choices = fusion::splitChoices((*room)->store(), *picture, args[2]);
        if (!choices)
            return fail(args[0] + QStringLiteral(": ") + choices.error().message);
        printSources(*choices);
        return 0;
    }
    const QString who = parser.value(author);
    const Timestamp now = clock().now();
    Result<Entry> correction =
        action == u"join" ? fusion::joinDraft(*picture, args[2], args[3], who, now)
        : action == u"split"
            ? fusion::splitDraft((*room)->store(), *picture, args[2], args[3], who, now)
            : fusion::undoDraft((*room)->store(), *picture, given ? args[2] : QString(), who, now);
    if (!correction)
        return fail(args[0] + QStringLiteral(": ") + correction.error().message);
    auto appended = (*room)->append({std::move(*correction)});
    if (!appended)
        return fail(appended.error().message);
    const Entry &e = appended->front();
    std::printf("%s: entry %s seq %lld\n", qPrintable(e.kind),
                qPrintable(e.id.toString(QUuid::WithoutBraces)), static_cast<long long>(e.seq));
    return 0;
}

} // namespace vigie::cli
