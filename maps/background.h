#pragma once
// The basemap as the view draws it: 256 px tiles at the view's exact (possibly fractional) zoom, rendered
// once from the MBTiles (scaled) or from the built-in coarse background, and cached as opaque RGB32 images,
// the raster engine's fastest format to copy. A frame only copies about forty of them, at integer positions,
// with no scaling and no antialiasing; panning renders just the tiles that come into view.
#include "maps/mbtiles.h"

#include <QCache>
#include <QImage>
#include <QPolygonF>

namespace vigie::maps {

/// One area of the built-in background (data/basemap/marseille-sectors.geojson).
struct BuiltInArea
{
    enum class Kind
    {
        Sea,
        Surroundings, ///< the land around the city (the département)
        Sector,       ///< one of the city's 8 municipal sectors
    } kind;
    QString name;
    std::vector<QPolygonF> rings; ///< zoom-0 world pixels
    QRectF bounds;
    QPointF labelAt; ///< centre of the largest ring
};

/// The built-in background, read once from the resources.
[[nodiscard]] const std::vector<BuiltInArea> &builtInAreas();

class BasemapTiles
{
public:
    static constexpr int tileSize = 256;

    /// `source` may be null (then only the built-in background is drawn); it must outlive this object.
    void setSource(MbTiles *source);
    /// Device pixels per tile pixel (a reading scale times the screen's ratio): tiles are rendered at that
    /// resolution, so the built-in background stays sharp on a wall. The cache keeps about three screens of
    /// `screen` device pixels.
    void setDevicePixelRatio(double ratio, QSize screen);
    /// The tile (tx, ty) of the view at `zoom`: screen pixels [tx·256, (tx+1)·256) at that zoom.
    [[nodiscard]] const QImage &tile(double zoom, int tx, int ty);
    /// Whether the last tile returned shows the built-in background somewhere (no MBTiles tile there).
    [[nodiscard]] bool builtInShown() const { return m_builtInShown; }

private:
    void drawBuiltIn(QPainter &p, const QRectF &world, double scale) const;
    void drawSource(QPainter &p, double zoom, int tx, int ty);

    MbTiles *m_source = nullptr;
    struct Tile
    {
        QImage image;
        bool builtIn = false;
    };
    QCache<QString, Tile> m_tiles{96 * 256}; ///< cost in KiB: 96 tiles of 256 KiB, two 1080p screens
    QCache<qint64, QImage> m_sourceTiles{256};
    bool m_builtInShown = false;
    double m_ratio = 1;
};

} // namespace vigie::maps
