// events: the calendar of planned events (import, list, cancel) and its clash check.
#include "cli/cli.h"

#include "anticipation/clash.h"
#include "anticipation/event_import.h"
#include "log/json_text.h"
#include "routing/osm_roads.h"

#include <QFile>
#include <QFileInfo>

#include <cstdio>

namespace vigie::cli {

namespace {

const QString usage =
    QStringLiteral("usage: vigie-cli events import ROOM FILE [--type T] [--from T] [--to T]\n"
                   "       vigie-cli events list ROOM [--from T] [--to T] [--json]\n"
                   "       vigie-cli events cancel ROOM ID [--reason R]\n"
                   "       vigie-cli events clashes ROOM [--network FILE.osm.pbf|DIR] [--sites "
                   "FILE.geojson]... [--rules FILE] "
                   "[--json]");

void writeEvent(JsonWriter &j, const PlannedEvent &e)
{
    j.beginObject();
    j.field(u"event", e.id);
    j.field(u"title", e.title);
    j.field(u"type", e.type);
    j.field(u"start", e.start.toIso());
    j.field(u"end", e.end.toIso());
    j.key(u"attendance");
    if (e.attendance)
        j.value(*e.attendance);
    else
        j.null();
    j.field(u"organiser", e.organiser);
    j.field(u"venue", e.venue);
    j.field(u"source", e.source);
    j.key(u"geo");
    j.raw(compactGeoJson(e.geo));
    j.field(u"seq", e.seq);
    j.endObject();
}

const char *clashKind(anticipation::Clash::Kind k)
{
    switch (k) {
    case anticipation::Clash::Kind::Overlap:
        return "overlap";
    case anticipation::Clash::Kind::AccessCut:
        return "access_cut";
    case anticipation::Clash::Kind::AccessSlowed:
        return "access_slowed";
    case anticipation::Clash::Kind::OffNetwork:
        return "off_network";
    }
    return "";
}

int runImport(QCommandLineParser &parser, const QStringList &args, const QCommandLineOption &type,
              const QCommandLineOption &from, const QCommandLineOption &to, const QCommandLineOption &author)
{
    if (args.size() != 3)
        return fail(QStringLiteral("expected a room and a file\n") + usage);
    anticipation::ImportOptions options;
    if (parser.isSet(type)) {
        options.forcedType = anticipation::eventTypeFromWord(parser.value(type));
        if (options.forcedType.isEmpty())
            return fail(
                QStringLiteral("--type %1: not one of match, concert, market, demonstration, roadworks, "
                               "closure, festival, ceremony, other")
                    .arg(parser.value(type)));
    }
    const Timestamp now = clock().now();
    options.from = now;
    options.to = Timestamp::fromDateTime(now.toDateTime().addMonths(12));
    for (const auto &[option, bound] : {std::pair{&from, &options.from}, std::pair{&to, &options.to}})
        if (parser.isSet(*option)) {
            auto t = parseTimeOption(option->names().front(), parser.value(*option));
            if (!t)
                return 1;
            *bound = *t;
        }
    const QString path = args[1], file = args[2];
    auto room = Room::open(path, clock());
    if (!room)
        return fail(room.error().message);
    auto imported = anticipation::importEventsFile(file, options);
    if (!imported)
        return fail(imported.error().message);
    auto head = (*room)->head();
    if (!head)
        return fail(head.error().message);
    anticipation::ImportPlan plan = anticipation::planImport(
        imported->events, (*head)->plannedEvents, parser.value(author), now, &(*room)->anonymiser());
    // Refused rows go to the room's quarantine with the batch, as a feed's refused input does.
    Refused refused{QStringLiteral("events:") + QFileInfo(file).fileName(), {}};
    for (const anticipation::ImportProblem &p : imported->problems) {
        refused.items.push_back(
            {p.position, p.field.isEmpty() ? p.reason : p.field + QStringLiteral(": ") + p.reason, p.input});
        std::fprintf(stderr, "vigie-cli: %s\n", qPrintable(p.message()));
    }
    std::vector<Refused> refusedList;
    if (!refused.items.empty())
        refusedList.push_back(std::move(refused));
    if (!plan.drafts.empty() || !refusedList.empty()) {
        auto appended = (*room)->append(std::move(plan.drafts), refusedList);
        if (!appended)
            return fail(appended.error().message);
    }
    std::printf("events import: %d new, %d replaced, %d unchanged, %d refused (vigie-cli quarantine %s)\n",
                plan.added, plan.replaced, plan.unchanged, int(imported->problems.size()), qPrintable(path));
    return imported->problems.empty() ? 0 : 3; // as append and ingest: some input refused, the rest stored
}

int runList(QCommandLineParser &parser, const QStringList &args, const QCommandLineOption &from,
            const QCommandLineOption &to, const QCommandLineOption &json)
{
    if (args.size() != 2)
        return fail(QStringLiteral("expected a room\n") + usage);
    Timestamp lo{std::numeric_limits<qint64>::min()}, hi{std::numeric_limits<qint64>::max()};
    for (const auto &[option, bound] : {std::pair{&from, &lo}, std::pair{&to, &hi}})
        if (parser.isSet(*option)) {
            auto t = parseTimeOption(option->names().front(), parser.value(*option));
            if (!t)
                return 1;
            *bound = *t;
        }
    auto room = Room::open(args[1], clock());
    if (!room)
        return fail(room.error().message);
    auto head = (*room)->head();
    if (!head)
        return fail(head.error().message);
    std::vector<const PlannedEvent *> events;
    for (const auto &[id, e] : (*head)->plannedEvents)
        if (e.overlaps(lo, hi))
            events.push_back(&e);
    std::stable_sort(events.begin(), events.end(),
                     [](const PlannedEvent *a, const PlannedEvent *b) { return a->start < b->start; });
    for (const PlannedEvent *e : events) {
        if (parser.isSet(json)) {
            JsonWriter j;
            writeEvent(j, *e);
            printLine(j.take());
            continue;
        }
        const QDateTime start = e->start.toDateTime().toLocalTime();
        std::printf("%s  %s-%s  %-14s %8s  %s  [%s]%s\n",
                    qPrintable(start.toString(QStringLiteral("yyyy-MM-dd"))),
                    qPrintable(start.toString(QStringLiteral("HH:mm"))),
                    qPrintable(e->end.toDateTime().toLocalTime().toString(QStringLiteral("HH:mm"))),
                    qPrintable(e->type), e->attendance ? qPrintable(QString::number(*e->attendance)) : "-",
                    qPrintable(e->title), qPrintable(e->id),
                    e->venue.isEmpty() ? "" : qPrintable(QStringLiteral(" @ ") + e->venue));
    }
    return 0;
}

int runCancel(QCommandLineParser &parser, const QStringList &args, const QCommandLineOption &reason,
              const QCommandLineOption &author)
{
    if (args.size() != 3)
        return fail(QStringLiteral("expected a room and an event id\n") + usage);
    auto room = Room::open(args[1], clock());
    if (!room)
        return fail(room.error().message);
    auto head = (*room)->head();
    if (!head)
        return fail(head.error().message);
    QString id = args[2];
    if (!(*head)->plannedEvents.contains(id) && (*head)->plannedEvents.contains(QStringLiteral("evt:") + id))
        id = QStringLiteral("evt:") + id;
    if (!(*head)->plannedEvents.contains(id))
        return fail(
            QStringLiteral("%1: no planned event \"%2\" in the calendar; list them with: vigie-cli events "
                           "list %1")
                .arg(args[1], args[2]));
    auto appended = (*room)->append(
        {anticipation::cancelDraft(id, parser.value(reason), parser.value(author), clock().now())});
    if (!appended)
        return fail(appended.error().message);
    std::printf("events cancel: %s, seq %lld\n", qPrintable(id),
                static_cast<long long>(appended->front().seq));
    return 0;
}

int runClashes(QCommandLineParser &parser, const QStringList &args, const QCommandLineOption &network,
               const QCommandLineOption &rulesFile, const QCommandLineOption &sitesFile,
               const QCommandLineOption &json)
{
    if (args.size() != 2)
        return fail(QStringLiteral("expected a room\n") + usage);
    anticipation::ClashRules rules = anticipation::ClashRules::defaults();
    if (parser.isSet(rulesFile)) {
        auto r = anticipation::ClashRules::load(parser.value(rulesFile));
        if (!r)
            return fail(r.error().message);
        rules = std::move(*r);
    }
    auto room = Room::open(args[1], clock());
    if (!room)
        return fail(room.error().message);
    auto head = (*room)->head();
    if (!head)
        return fail(head.error().message);
    std::optional<routing::RoadNetwork> roads;
    if (parser.isSet(network)) {
        const QString where = parser.value(network);
        auto r = QFileInfo(where).isDir() ? routing::loadRoadNetwork(where)
                                          : routing::readRoadNetwork(where, std::nullopt);
        if (!r)
            return fail(r.error().message);
        roads = std::move(*r);
    }
    // The stations and hospitals whose access is checked: Marseille's, or those of the files given.
    std::vector<anticipation::Site> sites;
    if (parser.isSet(sitesFile)) {
        for (const QString &path : parser.values(sitesFile)) {
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                return fail(QStringLiteral("%1: %2").arg(path, file.errorString()));
            auto read = anticipation::sitesFromGeoJson(file.readAll(), path, QStringLiteral("fire_station"));
            if (!read)
                return fail(read.error().message);
            sites.insert(sites.end(), read->begin(), read->end());
        }
    } else {
        sites = anticipation::marseilleSites();
    }
    const auto clashes =
        anticipation::findClashes((*head)->plannedEvents, rules, sites, roads ? &*roads : nullptr);
    for (const anticipation::Clash &c : clashes) {
        if (parser.isSet(json)) {
            JsonWriter j;
            j.beginObject();
            j.field(u"kind", QString::fromLatin1(clashKind(c.kind)));
            j.field(u"event", c.event);
            j.field(u"other", c.other);
            j.field(u"other_title", c.otherTitle);
            j.field(u"from", c.overlapStart.toIso());
            j.field(u"to", c.overlapEnd.toIso());
            j.field(u"distance_m", double(qRound(c.distanceMeters)));
            if (c.kind == anticipation::Clash::Kind::AccessSlowed) {
                j.field(u"extra_s", double(qRound(c.extraSeconds)));
                j.field(u"extra_ratio", c.extraRatio);
            }
            j.field(u"reason", c.reason);
            j.endObject();
            printLine(j.take());
        } else
            std::printf("%s: %s\n", clashKind(c.kind), qPrintable(c.reason));
    }
    if (!parser.isSet(json))
        std::printf("%zu clash(es) among %zu planned events%s\n", clashes.size(),
                    (*head)->plannedEvents.size(),
                    roads ? "" : " (access of stations and hospitals not checked: no --network)");
    return 0;
}

} // namespace

int runEvents(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "The calendar of planned events (event.plan / event.cancel entries) and its clash check:\n"
        "  import ROOM FILE   a CSV or iCalendar (.ics) file; the same file again writes nothing new\n"
        "  list ROOM          the calendar, by start\n"
        "  cancel ROOM ID     takes an event out of the calendar (it stays in the log)\n"
        "  clashes ROOM       events in each other's way, and (with --network) stations and hospitals cut "
        "off"));
    parser.addPositionalArgument(QStringLiteral("ACTION"), QStringLiteral("import, list, cancel or clashes"));
    parser.addPositionalArgument(QStringLiteral("ROOM"), QStringLiteral("room file or URL"));
    QCommandLineOption type(QStringLiteral("type"), QStringLiteral("import: every event of this type"),
                            QStringLiteral("T"));
    QCommandLineOption from(
        QStringLiteral("from"),
        QStringLiteral("import: recurrences from (default now); list: events ending after"),
        QStringLiteral("T"));
    QCommandLineOption to(QStringLiteral("to"),
                          QStringLiteral("import: recurrences until (default now + 12 months); list: events "
                                         "starting before"),
                          QStringLiteral("T"));
    QCommandLineOption json(QStringLiteral("json"), QStringLiteral("JSON Lines"));
    QCommandLineOption reason(QStringLiteral("reason"), QStringLiteral("cancel: why"), QStringLiteral("R"));
    QCommandLineOption network(
        QStringLiteral("network"),
        QStringLiteral("clashes: road network (.osm.pbf, or an import-roads directory)"),
        QStringLiteral("FILE"));
    QCommandLineOption rules(QStringLiteral("rules"),
                             QStringLiteral("clashes: rules replacing data/anticipation/clash_rules.json"),
                             QStringLiteral("FILE"));
    QCommandLineOption sites(
        QStringLiteral("sites"),
        QStringLiteral("clashes: fire stations and hospitals (GeoJSON points with properties id, "
                       "name, kind: fire_station or hospital) instead of Marseille's"),
        QStringLiteral("FILE"));
    QCommandLineOption author(QStringLiteral("author"), QStringLiteral("who records it (default: vigie-cli)"),
                              QStringLiteral("NAME"), QStringLiteral("vigie-cli"));
    parser.addOptions({type, from, to, json, reason, network, rules, sites, author});
    int code = 0;
    if (!parseOptions(parser, arguments, usage, &code))
        return code;
    const QStringList args = parser.positionalArguments();
    const QString action = args.value(0);
    if (action == u"import")
        return runImport(parser, args, type, from, to, author);
    if (action == u"list")
        return runList(parser, args, from, to, json);
    if (action == u"cancel")
        return runCancel(parser, args, reason, author);
    if (action == u"clashes")
        return runClashes(parser, args, network, rules, sites, json);
    return fail(QStringLiteral("expected import, list, cancel or clashes\n") + usage);
}

} // namespace vigie::cli
