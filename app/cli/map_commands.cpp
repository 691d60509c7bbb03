// vigie-cli import-osm: the road network and the offline basemap tiles from an OSM extract.
#include "cli/cli.h"

#include "maps/tile_renderer.h"
#include "routing/osm_roads.h"

#include <QDir>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <unistd.h>

namespace vigie::cli {

namespace {

std::optional<GeoBox> parseBox(const QString &text)
{
    const QStringList parts = text.split(QLatin1Char(','));
    if (parts.size() != 4)
        return std::nullopt;
    double v[4];
    for (int i = 0; i < 4; ++i) {
        bool ok = false;
        v[i] = parts[i].toDouble(&ok);
        if (!ok)
            return std::nullopt;
    }
    if (v[0] >= v[2] || v[1] >= v[3] || !isValidCoordinate({v[0], v[1]}) || !isValidCoordinate({v[2], v[3]}))
        return std::nullopt;
    return GeoBox{v[0], v[1], v[2], v[3]};
}

void drawBar(qint64 done, qint64 total)
{
    if (!isatty(fileno(stderr))) {
        if (done == total)
            std::fprintf(stderr, "tiles: %lld/%lld\n", qlonglong(done), qlonglong(total));
        return;
    }
    const int width = 40;
    const int filled = total > 0 ? int(width * done / total) : width;
    std::fprintf(stderr, "\rtiles [%.*s%.*s] %lld/%lld", filled, "########################################",
                 width - filled, "                                        ", qlonglong(done),
                 qlonglong(total));
    if (done == total)
        std::fputc('\n', stderr);
}

} // namespace

int runImportOsm(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Render an offline basemap (MBTiles) from an OSM extract."));
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("OpenStreetMap extract (.osm.pbf)"));
    QCommandLineOption outOption(QStringLiteral("out"), QStringLiteral("Output folder."),
                                 QStringLiteral("DIR"));
    QCommandLineOption bboxOption(QStringLiteral("bbox"),
                                  QStringLiteral("Area to keep: minlon,minlat,maxlon,maxlat."),
                                  QStringLiteral("BOX"));
    QCommandLineOption zoomOption(QStringLiteral("zoom"), QStringLiteral("Zoom range (default 10-17)."),
                                  QStringLiteral("MIN-MAX"), QStringLiteral("10-17"));
    parser.addOptions({outOption, bboxOption, zoomOption});
    const QString usage = QStringLiteral(
        "usage: vigie-cli import-osm FILE.osm.pbf --out DIR [--bbox minlon,minlat,maxlon,maxlat] "
        "[--zoom 10-17]");
    int code = 0;
    if (!parse(parser, arguments, 1, usage, &code))
        return code;
    if (!parser.isSet(outOption))
        return fail(QStringLiteral("--out DIR is required\n") + usage);
    maps::TileImportOptions options;
    if (parser.isSet(bboxOption)) {
        options.bbox = parseBox(parser.value(bboxOption));
        if (!options.bbox)
            return fail(QStringLiteral("--bbox \"%1\" is not minlon,minlat,maxlon,maxlat in degrees")
                            .arg(parser.value(bboxOption)));
    }
    const QStringList zooms = parser.value(zoomOption).split(QLatin1Char('-'));
    bool okMin = false, okMax = false;
    options.minZoom = zooms.value(0).toInt(&okMin);
    options.maxZoom = zooms.size() == 2 ? zooms[1].toInt(&okMax) : options.minZoom;
    if (!okMin || (zooms.size() == 2 && !okMax) || zooms.size() > 2)
        return fail(
            QStringLiteral("--zoom \"%1\" is not a range such as 10-17").arg(parser.value(zoomOption)));
    const QString dir = parser.value(outOption);
    if (!QDir().mkpath(dir))
        return fail(QStringLiteral("cannot create the output folder %1").arg(dir));

    const QString input = parser.positionalArguments().at(0);

    // The road network for routing (core/routing), timed apart from the tiles.
    QElapsedTimer roadTimer;
    roadTimer.start();
    auto roads = routing::importRoadNetwork(input, options.bbox, dir,
                                            [](double share) { drawBar(qint64(share * 1000), 1000); });
    if (!roads)
        return fail(roads.error().message);
    std::printf(
        "road network: %lld ways (%lld one-way), %lld nodes, %lld directed edges, %.1f km in %.2f s -> %s\n",
        qlonglong(roads->ways), qlonglong(roads->oneWay), qlonglong(roads->nodes), qlonglong(roads->edges),
        roads->kilometres, roadTimer.elapsed() / 1000.0, qPrintable(dir));
    std::fflush(stdout);

    auto stats =
        maps::importOsmTiles(input, QDir(dir).filePath(QStringLiteral("basemap.mbtiles")), options, drawBar);
    if (!stats)
        return fail(stats.error().message);
    const double seconds = stats->readSeconds + stats->renderSeconds;
    std::printf(
        "basemap: %lld tiles (z%d-%d) in %.2f s (read %.2f s, render %.2f s = index %.2f + draw %.2f + "
        "png/write %.2f), %.0f tiles/s overall, %.0f tiles/s rendering, %lld plain tiles reused, %lld roads, "
        "%lld areas -> %s\n",
        qlonglong(stats->tiles), options.minZoom, options.maxZoom, seconds, stats->readSeconds,
        stats->renderSeconds, stats->indexSeconds, stats->drawSeconds, stats->encodeSeconds,
        stats->tiles / std::max(seconds, 1e-9), stats->tiles / std::max(stats->renderSeconds, 1e-9),
        qlonglong(stats->plainTiles), qlonglong(stats->roads), qlonglong(stats->areas),
        qPrintable(QDir(dir).filePath(QStringLiteral("basemap.mbtiles"))));
    return 0;
}

} // namespace vigie::cli
