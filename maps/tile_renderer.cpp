#include "maps/tile_renderer.h"

#include "maps/feature_index.h"
#include "maps/mbtiles.h"
#include "maps/street_labels.h"
#include "maps/tile_style.h"
#include "maps/web_mercator.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QHash>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <array>
#include <cmath>

namespace vigie::maps {

namespace {

/// Road width in pixels by rank and zoom: wider for main roads, growing with zoom.
double roadWidth(int rank, int zoom)
{
    static const double base[] = {3.0, 2.6, 2.2, 1.8, 1.2, 0.8, 0.6};
    return base[rank] * std::max(1.0, std::exp2((zoom - 13) * 0.55));
}

/// The lowest zoom at which a road rank appears.
int minZoomFor(int rank)
{
    static const int z[] = {0, 0, 10, 12, 13, 15, 16};
    return z[rank];
}

QPen cosmetic(const QColor &c, double w)
{
    QPen pen(c, w, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    pen.setCosmetic(true);
    return pen;
}

} // namespace

QImage renderTile(const OsmFeatures &f, const FeatureIndex &index, int zoom, int x, int y,
                  const StreetLabels *streetLabels)
{
    QImage image(256, 256, QImage::Format_RGB32);
    image.fill(style::land);
    const double scale = std::exp2(zoom);
    // The tile in zoom-0 world pixels, with a margin so wide strokes and labels join across tile edges.
    const QRectF tile(x * 256.0 / scale, y * 256.0 / scale, 256.0 / scale, 256.0 / scale);
    const QRectF margin =
        tile.adjusted(-tile.width() * 0.1, -tile.height() * 0.1, tile.width() * 0.1, tile.height() * 0.1);
    const FeatureSelection sel = index.query(margin);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    QTransform t;
    t.translate(-x * 256.0, -y * 256.0);
    t.scale(scale, scale);
    p.setTransform(t);
    p.setPen(Qt::NoPen);

    // Polygons much larger than the tile (the sea, a forest) are cut to it first: QPainter would otherwise
    // rasterise every vertex of the coast for every tile.
    const auto fillClipped = [&](const QPolygonF &ring) {
        const QRectF b = ring.boundingRect();
        if (b.width() > 2 * margin.width() || b.height() > 2 * margin.height()) {
            const QPolygonF cut = clipRing(ring, margin);
            if (cut.size() >= 3)
                p.drawPolygon(cut);
        } else {
            p.drawPolygon(ring);
        }
    };
    p.setBrush(style::sea);
    for (int i : sel.sea)
        fillClipped(f.sea[std::size_t(i)]);
    p.setBrush(style::land);
    for (int i : sel.islands)
        fillClipped(f.islands[std::size_t(i)]);

    for (const AreaKind kind : {AreaKind::Forest, AreaKind::Park, AreaKind::Water, AreaKind::Building}) {
        if (kind == AreaKind::Building && zoom < 15)
            continue;
        const QColor colour = kind == AreaKind::Water    ? style::water
                              : kind == AreaKind::Park   ? style::park
                              : kind == AreaKind::Forest ? style::forest
                                                         : style::building;
        p.setBrush(colour);
        for (int i : sel.areas) {
            const OsmArea &a = f.areas[std::size_t(i)];
            if (a.kind != kind)
                continue;
            if (a.bounds.width() * scale < 1.0 && a.bounds.height() * scale < 1.0)
                continue; // under a pixel
            const bool big = a.bounds.width() > 2 * margin.width() || a.bounds.height() > 2 * margin.height();
            if (a.rings.size() == 1) {
                fillClipped(a.rings.front());
                continue;
            }
            QPainterPath path;
            path.setFillRule(Qt::OddEvenFill);
            for (const auto &ring : a.rings)
                path.addPolygon(big ? clipRing(ring, margin) : ring);
            p.drawPath(path);
        }
    }

    // Roads: casings first, then fills, from minor to major so main roads stay on top. Long roads are cut
    // to the runs that cross the tile.
    std::array<std::vector<QPolygonF>, 7> byRank;
    for (int i : sel.roads) {
        const OsmRoad &r = f.roads[std::size_t(i)];
        if (zoom < minZoomFor(r.rank))
            continue;
        if (r.bounds.width() > 2 * margin.width() || r.bounds.height() > 2 * margin.height())
            for (auto &run : clipLine(r.line, margin))
                byRank[std::size_t(r.rank)].push_back(std::move(run));
        else
            byRank[std::size_t(r.rank)].push_back(r.line);
    }
    p.setBrush(Qt::NoBrush);
    for (int pass = 0; pass < 2; ++pass)
        for (int rank = 6; rank >= 0; --rank) {
            const double w = roadWidth(rank, zoom);
            p.setPen(pass == 0 ? cosmetic(style::roadCasing, w + 1.2)
                               : cosmetic(rank <= 1 ? style::roadMajor : style::roadMinor, w));
            for (const auto &line : byRank[std::size_t(rank)])
                p.drawPolyline(line);
        }

    // Labels in pixel space, kept inside the tile so no label is cut by a tile edge.
    p.resetTransform();
    QList<QRectF> placed;
    QFont font(QStringLiteral("DejaVu Sans"));
    auto toPixel = [&](QPointF w) {
        return QPointF(w.x() * scale - x * 256.0, w.y() * scale - y * 256.0);
    };
    const QRectF inside(2, 2, 252, 252);
    if (streetLabels && zoom >= streetLabelMinZoom) {
        streetLabels->drawTile(p, x, y);
        for (int i : streetLabels->inTile(x, y)) // place names keep clear of them
            placed << streetLabels->labels()[std::size_t(i)].bounds.translated(-x * 256.0, -y * 256.0);
    }
    if (zoom == 15) {
        font.setPixelSize(10);
        p.setFont(font);
        const QFontMetricsF fm(font);
        for (int i : sel.roads) {
            const OsmRoad &r = f.roads[std::size_t(i)];
            if (r.rank > 3 || r.name.isEmpty() || !r.bounds.intersects(tile))
                continue;
            // The longest segment carries the name, rotated along it and kept upright.
            int best = -1;
            double bestLen = 0;
            for (int i = 0; i + 1 < r.line.size(); ++i) {
                const QPointF a = toPixel(r.line[i]), b = toPixel(r.line[i + 1]);
                const double len = std::hypot(b.x() - a.x(), b.y() - a.y());
                if (len > bestLen && inside.contains((a + b) / 2)) {
                    bestLen = len;
                    best = i;
                }
            }
            const double textW = fm.horizontalAdvance(r.name);
            if (best < 0 || bestLen < textW + 4)
                continue;
            const QPointF a = toPixel(r.line[best]), b = toPixel(r.line[best + 1]), mid = (a + b) / 2;
            double angle = std::atan2(b.y() - a.y(), b.x() - a.x()) * 180 / M_PI;
            if (angle > 90 || angle < -90)
                angle += 180;
            const QRectF box = QRectF(mid.x() - textW / 2, mid.y() - 6, textW, 12);
            const QRectF rotated = QTransform()
                                       .translate(mid.x(), mid.y())
                                       .rotate(angle)
                                       .translate(-mid.x(), -mid.y())
                                       .mapRect(box);
            if (!inside.contains(rotated) || std::any_of(placed.begin(), placed.end(), [&](const QRectF &o) {
                    return o.intersects(rotated);
                }))
                continue;
            placed << rotated;
            p.save();
            p.translate(mid);
            p.rotate(angle);
            QPainterPath text;
            text.addText(-textW / 2, fm.ascent() / 2 - 1, font, r.name);
            p.setPen(cosmetic(Qt::white, 2.5));
            p.drawPath(text);
            p.fillPath(text, style::label);
            p.restore();
        }
    }
    for (int i : sel.places) {
        const OsmPlace &place = f.places[std::size_t(i)];
        const int minZoom = place.rank == 0 ? 10 : place.rank == 1 ? 12 : 14;
        if (zoom < minZoom || !tile.contains(place.point))
            continue;
        font.setPixelSize(place.rank == 0 ? 14 : 11);
        font.setBold(place.rank < 2);
        const QFontMetricsF fm(font);
        const QPointF at = toPixel(place.point);
        const QRectF box(at.x() - fm.horizontalAdvance(place.name) / 2, at.y() - fm.height() / 2,
                         fm.horizontalAdvance(place.name), fm.height());
        if (!inside.contains(box) ||
            std::any_of(placed.begin(), placed.end(), [&](const QRectF &o) { return o.intersects(box); }))
            continue;
        placed << box;
        QPainterPath text;
        text.addText(box.left(), box.top() + fm.ascent(), font, place.name);
        p.setPen(cosmetic(Qt::white, 3));
        p.drawPath(text);
        p.fillPath(text, style::label);
    }
    return image;
}

Result<TileImportStats> importOsmTiles(const QString &pbf, const QString &mbtilesPath,
                                       const TileImportOptions &options,
                                       const std::function<void(qint64, qint64)> &progress)
{
    if (options.minZoom < 0 || options.maxZoom > 20 || options.minZoom > options.maxZoom)
        return Error{QStringLiteral("zoom range %1-%2 is not valid: use two zooms within 0-20, e.g. 10-17")
                         .arg(options.minZoom)
                         .arg(options.maxZoom)};
    TileImportStats stats;
    QElapsedTimer timer;
    timer.start();
    auto features = readOsmFeatures(pbf, options.bbox);
    if (!features)
        return features.error();
    stats.readSeconds = timer.nsecsElapsed() / 1e9;
    stats.roads = qint64(features->roads.size());
    stats.areas = qint64(features->areas.size());
    timer.restart();

    const GeoBox &box = features->box;
    qint64 total = 0;
    for (int z = options.minZoom; z <= options.maxZoom; ++z)
        total += tilesCovering(box, z).count();
    const QMap<QString, QString> metadata{
        {QStringLiteral("name"), QFileInfo(pbf).completeBaseName()},
        {QStringLiteral("format"), QStringLiteral("png")},
        {QStringLiteral("type"), QStringLiteral("baselayer")},
        {QStringLiteral("version"), QStringLiteral("1.3")},
        {QStringLiteral("attribution"), QStringLiteral("© OpenStreetMap contributors (ODbL)")},
        {QStringLiteral("description"), QStringLiteral("Rendered by vigie-cli import-osm")},
        {QStringLiteral("minzoom"), QString::number(options.minZoom)},
        {QStringLiteral("maxzoom"), QString::number(options.maxZoom)},
        {QStringLiteral("bounds"),
         QStringLiteral("%1,%2,%3,%4").arg(box.minLon).arg(box.minLat).arg(box.maxLon).arg(box.maxLat)},
        {QStringLiteral("center"), QStringLiteral("%1,%2,%3")
                                       .arg((box.minLon + box.maxLon) / 2)
                                       .arg((box.minLat + box.maxLat) / 2)
                                       .arg(options.minZoom)},
    };
    auto out = MbTiles::create(mbtilesPath, metadata);
    if (!out)
        return out.error();
    if (auto r = (*out)->begin(); !r)
        return r.error();
    const FeatureIndex index(*features);
    stats.indexSeconds = timer.nsecsElapsed() / 1e9;
    // Tiles of open sea or bare land are all alike: encode each plain colour once.
    QHash<QRgb, QByteArray> plain;
    QElapsedTimer part;
    for (int z = options.minZoom; z <= options.maxZoom; ++z) {
        const TileRange range = tilesCovering(box, z);
        // Street names are placed over the whole zoom at once, so that they cross tile edges unbroken.
        part.start();
        const StreetLabels streetLabels =
            z >= streetLabelMinZoom ? StreetLabels(*features, z) : StreetLabels();
        stats.drawSeconds += part.nsecsElapsed() / 1e9;
        for (int x = range.min.x(); x <= range.max.x(); ++x)
            for (int y = range.min.y(); y <= range.max.y(); ++y) {
                if (options.cancel && *options.cancel)
                    return Error{QStringLiteral("import of %1 cancelled after %2 tiles; %3 is incomplete")
                                     .arg(pbf)
                                     .arg(stats.tiles)
                                     .arg(mbtilesPath)};
                part.start();
                const QImage image = renderTile(*features, index, z, x, y, &streetLabels);
                stats.drawSeconds += part.nsecsElapsed() / 1e9;
                part.start();
                const QRgb first = image.pixel(0, 0);
                bool uniform = true;
                for (int row = 0; row < image.height() && uniform; ++row) {
                    const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(row));
                    uniform = std::all_of(line, line + image.width(), [&](QRgb c) { return c == first; });
                }
                QByteArray png = uniform ? plain.value(first) : QByteArray();
                if (png.isEmpty()) {
                    QBuffer buffer(&png);
                    buffer.open(QIODevice::WriteOnly);
                    image.save(&buffer, "PNG");
                    if (uniform)
                        plain.insert(first, png);
                } else {
                    ++stats.plainTiles;
                }
                if (auto r = (*out)->putTile(z, x, y, png); !r)
                    return r.error();
                stats.encodeSeconds += part.nsecsElapsed() / 1e9;
                ++stats.tiles;
                if (progress)
                    progress(stats.tiles, total);
            }
    }
    if (auto r = (*out)->commit(); !r)
        return r.error();
    stats.renderSeconds = timer.nsecsElapsed() / 1e9;
    return stats;
}

} // namespace vigie::maps
