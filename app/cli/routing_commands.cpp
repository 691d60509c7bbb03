// Routing commands: import-roads (road network from an OSM extract), synth-roads (a synthetic city's) and
// suggest (who goes where).
#include "cli/cli.h"

#include "allocation/dispatch_inputs.h"
#include "allocation/suggestion.h"
#include "routing/osm_roads.h"
#include "routing/synthetic_city.h"

#include <QElapsedTimer>
#include <QImage>
#include <QJsonDocument>
#include <QPainter>

#include <cmath>
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

int runSynthRoads(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Draw a synthetic city's road network into DIR/roads.bin (routing/synthetic_city.h): a "
        "street grid denser downtown, arterials, one-way streets, a motorway ring, a coast."));
    QCommandLineOption out(QStringLiteral("out"), QStringLiteral("output directory"), QStringLiteral("DIR"));
    QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("seed (default 1)"), QStringLiteral("N"),
                            QStringLiteral("1"));
    QCommandLineOption size(QStringLiteral("half-size"),
                            QStringLiteral("half the side of the city's square, in km (default 13)"),
                            QStringLiteral("KM"), QStringLiteral("13"));
    QCommandLineOption png(QStringLiteral("png"), QStringLiteral("also draw the network into an image"),
                           QStringLiteral("FILE"));
    parser.addOptions({out, seed, size, png});
    int code = 0;
    const QString usage =
        QStringLiteral("usage: vigie-cli synth-roads --out DIR [--seed N] [--half-size KM] [--png FILE]");
    if (!parse(parser, arguments, 0, usage, &code))
        return code;
    if (!parser.isSet(out))
        return fail(QStringLiteral("--out DIR is required\n") + usage);
    routing::SyntheticCityOptions options;
    bool ok = false;
    options.seed = parser.value(seed).toUInt(&ok);
    if (!ok)
        return fail(QStringLiteral("--seed \"%1\": expected a whole number").arg(parser.value(seed)));
    const double km = parser.value(size).toDouble(&ok);
    if (!ok || km < 1.0 || km > 60.0)
        return fail(QStringLiteral("--half-size \"%1\": expected 1 to 60 km").arg(parser.value(size)));
    options.halfSizeM = km * 1000.0;
    QElapsedTimer timer;
    timer.start();
    routing::SyntheticCityStats stats;
    const routing::RoadNetwork network = routing::syntheticCity(options, &stats);
    if (auto saved = routing::saveRoadNetwork(network, parser.value(out)); !saved)
        return fail(saved.error().message);
    if (parser.isSet(png)) {
        // The network as a plan: the sea blue, streets grey, arterials darker, trunks and the ring red.
        const auto box = network.bounds();
        // Metres the same both ways: a degree of longitude is cos(latitude) of a degree of latitude.
        const double w = box->maxLon - box->minLon, h = box->maxLat - box->minLat;
        const double aspect = w * std::cos(options.centre.lat * M_PI / 180.0) / h;
        const int width = 1600, height = int(std::lround(1600 / aspect));
        QImage image(width, height, QImage::Format_RGB32);
        image.fill(QColor(0xa9, 0xd3, 0xe8));
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        auto at = [&](GeoPoint p) {
            return QPointF((p.lon - box->minLon) / w * (width - 1), (box->maxLat - p.lat) / h * (height - 1));
        };
        for (int x = 0; x < width; x += 4) // land: what is not sea
            for (int y = 0; y < height; y += 4)
                if (!routing::inSyntheticSea(options, {box->minLon + x / double(width - 1) * w,
                                                       box->maxLat - y / double(height - 1) * h}))
                    painter.fillRect(x, y, 4, 4, QColor(0xf2, 0xef, 0xe9));
        for (const routing::RoadEdge &e : network.edges) {
            const bool major = e.roadClass <= routing::RoadClass::Trunk;
            const bool arterial = e.roadClass <= routing::RoadClass::Secondary;
            painter.setPen(QPen(major      ? QColor(0xc0, 0x30, 0x30)
                                : arterial ? QColor(0x60, 0x60, 0x60)
                                           : QColor(0xb0, 0xb0, 0xb0),
                                major      ? 3.0
                                : arterial ? 1.4
                                           : 0.6));
            painter.drawLine(at(network.nodes[e.from]), at(network.nodes[e.to]));
        }
        painter.end();
        if (!image.save(parser.value(png)))
            return fail(QStringLiteral("%1: cannot write the image").arg(parser.value(png)));
    }
    std::printf(
        "drew %zu nodes, %zu directed edges (%lld intersections, %lld one-way segments, %lld motorway "
        "edges); seed %u; %lld ms\n",
        network.nodes.size(), network.edges.size(), stats.intersections, stats.oneWay, stats.motorwayEdges,
        options.seed, timer.elapsed());
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
    options.now = clock().now(); // the backlog's waits run to now, not to the room's last entry
    if (parser.isSet(coverage)) {
        const auto value = nonNegativeOption(parser, coverage);
        if (!value)
            return 1;
        options.weights.coverage = *value;
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
