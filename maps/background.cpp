#include "maps/background.h"

#include "maps/feature_index.h"
#include "maps/tile_style.h"
#include "maps/web_mercator.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPainter>

#include <cmath>

namespace vigie::maps {

const std::vector<BuiltInArea> &builtInAreas()
{
    static const std::vector<BuiltInArea> all = [] {
        std::vector<BuiltInArea> out;
        QFile file(QStringLiteral(":/basemap/marseille-sectors.geojson"));
        file.open(QIODevice::ReadOnly);
        const QJsonArray features =
            QJsonDocument::fromJson(file.readAll())[QLatin1String("features")].toArray();
        for (const auto &f : features) {
            const QJsonValue props = f[QLatin1String("properties")];
            const QString kind = props[QLatin1String("kind")].toString();
            BuiltInArea a{kind == QLatin1String("sea")    ? BuiltInArea::Kind::Sea
                          : kind == QLatin1String("land") ? BuiltInArea::Kind::Surroundings
                                                          : BuiltInArea::Kind::Sector,
                          props[QLatin1String("nom")].toString(),
                          {},
                          {},
                          {}};
            const QJsonValue geometry = f[QLatin1String("geometry")];
            QJsonArray polygons = geometry[QLatin1String("coordinates")].toArray();
            if (geometry[QLatin1String("type")].toString() == QLatin1String("Polygon"))
                polygons = QJsonArray{polygons};
            double bestArea = 0;
            for (const auto &poly : polygons) {
                QPolygonF ring;
                for (const auto &c : poly.toArray().at(0).toArray())
                    ring << project({c[0].toDouble(), c[1].toDouble()}, 0);
                const QRectF b = ring.boundingRect();
                if (b.width() * b.height() > bestArea) {
                    bestArea = b.width() * b.height();
                    a.labelAt = b.center();
                }
                a.bounds |= b;
                a.rings.push_back(ring);
            }
            out.push_back(std::move(a));
        }
        return out;
    }();
    return all;
}

void BasemapTiles::setSource(MbTiles *source)
{
    m_source = source;
    m_tiles.clear();
    m_sourceTiles.clear();
}

void BasemapTiles::setDevicePixelRatio(double ratio, QSize screen)
{
    const int cost = std::max(96 * 256, int(3.0 * screen.width() * screen.height() * 4 / 1024));
    if (ratio == m_ratio && cost <= m_tiles.maxCost())
        return;
    m_ratio = ratio;
    m_tiles.clear();
    m_tiles.setMaxCost(cost);
}

void BasemapTiles::drawBuiltIn(QPainter &p, const QRectF &world, double scale) const
{
    // Outside the département nothing is known: a neutral grey, neither sea nor land.
    p.fillRect(p.viewport(), style::unknownGround);
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    p.scale(scale, scale);
    p.translate(-world.topLeft());
    QPen sectorPen(style::sectorLine, 1.2);
    sectorPen.setCosmetic(true);
    for (const BuiltInArea &a : builtInAreas()) {
        if (!a.bounds.intersects(world))
            continue;
        switch (a.kind) {
        case BuiltInArea::Kind::Sea:
            p.setPen(Qt::NoPen);
            p.setBrush(style::sea);
            break;
        case BuiltInArea::Kind::Surroundings:
            p.setPen(Qt::NoPen);
            p.setBrush(style::landAround);
            break;
        case BuiltInArea::Kind::Sector:
            p.setPen(sectorPen);
            p.setBrush(style::land);
            break;
        }
        // Clipped to the tile plus a margin wider than the outline, so that the clip's own edges are never
        // drawn inside the tile: given the whole coastline at z16, the raster engine walks all of it for
        // every 256 px tile (~0.1 s each).
        const double margin = 4 / scale;
        const QRectF box = world.adjusted(-margin, -margin, margin, margin);
        for (const QPolygonF &ring : a.rings)
            if (ring.boundingRect().intersects(world))
                if (const QPolygonF part = clipRing(ring, box); part.size() >= 3)
                    p.drawPolygon(part);
    }
    p.restore();
}

void BasemapTiles::drawSource(QPainter &p, double zoom, int tx, int ty)
{
    const int tz = std::clamp(int(std::round(zoom)), m_source->minZoom(), m_source->maxZoom());
    const double k = std::exp2(zoom - tz); // source tile pixels to screen pixels
    const double size = tileSize / k;      // this tile's side in source pixels
    const QPointF origin(tx * size, ty * size);
    const int last = (1 << tz) - 1;
    p.setRenderHint(QPainter::SmoothPixmapTransform, std::abs(k - 1) > 1e-9);
    for (int x = std::max(0, int(std::floor(origin.x() / tileSize)));
         x <= std::min(last, int(std::floor((origin.x() + size) / tileSize))); ++x)
        for (int y = std::max(0, int(std::floor(origin.y() / tileSize)));
             y <= std::min(last, int(std::floor((origin.y() + size) / tileSize))); ++y) {
            const qint64 key = (qint64(tz) << 50) | (qint64(x) << 25) | y;
            QImage *img = m_sourceTiles.object(key);
            if (!img) {
                const auto data = m_source->tile(tz, x, y);
                img = new QImage(data ? QImage::fromData(*data) : QImage());
                m_sourceTiles.insert(key, img);
            }
            const QRectF at((QPointF(x * double(tileSize), y * double(tileSize)) - origin) * k,
                            QSizeF(tileSize * k, tileSize * k));
            if (img->isNull()) {
                // Outside the MBTiles: the built-in background in this part of the tile.
                m_builtInShown = true;
                p.save();
                p.setClipRect(at);
                const double s = std::exp2(zoom);
                drawBuiltIn(
                    p,
                    QRectF(tx * double(tileSize) / s, ty * double(tileSize) / s, tileSize / s, tileSize / s),
                    s);
                p.restore();
                continue;
            }
            p.drawImage(at, *img);
        }
}

const QImage &BasemapTiles::tile(double zoom, int tx, int ty)
{
    const QString key = QStringLiteral("%1/%2/%3").arg(zoom, 0, 'g', 17).arg(tx).arg(ty);
    if (const Tile *cached = m_tiles.object(key)) {
        m_builtInShown = cached->builtIn;
        return cached->image;
    }
    const int side = int(std::ceil(tileSize * m_ratio));
    auto *t = new Tile{QImage(side, side, QImage::Format_RGB32), false};
    t->image.setDevicePixelRatio(m_ratio);
    m_builtInShown = false;
    {
        QPainter p(&t->image);
        if (m_source) {
            drawSource(p, zoom, tx, ty);
        } else {
            m_builtInShown = true;
            const double s = std::exp2(zoom);
            drawBuiltIn(p, QRectF(tx * tileSize / s, ty * tileSize / s, tileSize / s, tileSize / s), s);
        }
    }
    t->builtIn = m_builtInShown;
    m_tiles.insert(key, t, std::max(1, side * side * 4 / 1024));
    return t->image;
}

} // namespace vigie::maps
