// Routing commands: import-roads (road network from an OSM extract) and suggest (who goes where).
#include "cli/cli.h"

#include "allocation/dispatch_inputs.h"
#include "allocation/suggestion.h"
#include "routing/osm_roads.h"

#include <QElapsedTimer>
#include <QJsonDocument>

#include <cstdio>

namespace vigie::cli {

namespace {

std::optional<GeoBox> parseBox(const QString &text, bool *ok)
{
    const QStringList parts = text.split(QLatin1Char(','));
    *ok = parts.size() == 4;
    double v[4] = {};
    for (int i = 0; *ok && i < 4; ++i)
        v[i] = parts[i].trimmed().toDouble(ok);
    if (!*ok || v[0] >= v[2] || v[1] >= v[3])
        return std::nullopt;
    return GeoBox{v[0], v[1], v[2], v[3]};
}

} // namespace

int runImportRoads(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Import the drivable road network of an OpenStreetMap "
                                                    "extract into DIR/roads.bin."));
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral(".osm.pbf extract"));
    QCommandLineOption out(QStringLiteral("out"), QStringLiteral("output directory"), QStringLiteral("DIR"));
    QCommandLineOption bbox(QStringLiteral("bbox"),
                            QStringLiteral("keep roads inside minLon,minLat,maxLon,maxLat"),
                            QStringLiteral("BOX"));
    parser.addOption(out);
    parser.addOption(bbox);
    int code = 0;
    const QString usage =
        QStringLiteral("usage: vigie-cli import-roads FILE.osm.pbf --out DIR [--bbox W,S,E,N]");
    if (!parse(parser, arguments, 1, usage, &code))
        return code;
    if (!parser.isSet(out))
        return fail(QStringLiteral("--out DIR is required\n") + usage);
    std::optional<GeoBox> box;
    if (parser.isSet(bbox)) {
        bool ok = false;
        box = parseBox(parser.value(bbox), &ok);
        if (!box)
            return fail(
                QStringLiteral("--bbox \"%1\" is not minLon,minLat,maxLon,maxLat").arg(parser.value(bbox)));
    }
    QElapsedTimer timer;
    timer.start();
    auto stats = routing::importRoadNetwork(parser.positionalArguments().at(0), box, parser.value(out));
    if (!stats)
        return fail(stats.error().message);
    std::printf("imported %lld ways (%lld one-way): %lld nodes, %lld directed edges, %.1f km; %lld way nodes "
                "outside the extract skipped; %lld ms\n",
                stats->ways, stats->oneWay, stats->nodes, stats->edges, stats->kilometres,
                stats->missingNodes, timer.elapsed());
    return 0;
}

int runSuggest(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Suggest which available units to send to the open incidents, with ETA, alternatives and coverage "
        "impact. Nothing is sent; --record writes the suggestions to the log for acceptance or rejection."));
    parser.addPositionalArgument(QStringLiteral("ROOM"), QStringLiteral("room file"));
    QCommandLineOption roads(QStringLiteral("roads"), QStringLiteral("road network directory (import-roads)"),
                             QStringLiteral("DIR"));
    QCommandLineOption json(QStringLiteral("json"), QStringLiteral("print JSON"));
    QCommandLineOption record(QStringLiteral("record"), QStringLiteral("append the suggestions to the log"));
    QCommandLineOption returning(QStringLiteral("returning"), QStringLiteral("also propose returning units"));
    QCommandLineOption coverage(QStringLiteral("coverage-weight"),
                                QStringLiteral("weight of the coverage term (default 10)"),
                                QStringLiteral("W"));
    parser.addOptions({roads, json, record, returning, coverage});
    int code = 0;
    if (!parse(parser, arguments, 1,
               QStringLiteral("usage: vigie-cli suggest ROOM [--roads DIR] [--json] [--record]"), &code))
        return code;
    auto room = Room::open(parser.positionalArguments().at(0), clock());
    if (!room)
        return fail(room.error().message);
    auto picture = (*room)->picture();
    if (!picture)
        return fail(picture.error().message);
    auto table = allocation::defaultNeedsTable();
    if (!table)
        return fail(table.error().message);

    std::unique_ptr<routing::RoadGraph> graph;
    QStringList roadNotes;
    if (parser.isSet(roads)) {
        auto built = allocation::loadRoadGraph(parser.value(roads));
        if (!built)
            return fail(built.error().message);
        graph = std::move(*built);
    }
    const std::vector<allocation::Sector> sectors = allocation::fireStationSectors();

    allocation::SuggestOptions options;
    options.includeReturning = parser.isSet(returning);
    if (parser.isSet(coverage)) {
        bool ok = false;
        options.weights.coverage = parser.value(coverage).toDouble(&ok);
        if (!ok || options.weights.coverage < 0)
            return fail(
                QStringLiteral("--coverage-weight \"%1\" is not a number ≥ 0").arg(parser.value(coverage)));
    }
    const auto set = allocation::suggest(*picture, graph.get(), sectors, *table, options);
    if (parser.isSet(json))
        printLine(QJsonDocument(set.toJson()).toJson(QJsonDocument::Compact));
    else
        std::fputs(set.toText().toUtf8().constData(), stdout);
    if (parser.isSet(record) && !set.items.empty()) {
        auto appended = (*room)->append(
            allocation::suggestionDrafts(set, QStringLiteral("vigie-cli suggest"), clock().now()));
        if (!appended)
            return fail(appended.error().message);
    }
    return 0;
}

} // namespace vigie::cli
