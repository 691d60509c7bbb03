#pragma once
// Renders OSM features into raster tiles with QPainter and writes them to an MBTiles file: sea and coast,
// water, parks and forests, roads styled by class, buildings from zoom 15, names of main streets and places.
// Needs a QGuiApplication (fonts); vigie-cli creates one on the offscreen platform.
#include "maps/osm_features.h"

#include <QImage>

#include <functional>

namespace vigie::maps {

struct TileImportOptions
{
    std::optional<GeoBox> bbox;
    int minZoom = 10;
    int maxZoom = 17;
};

struct TileImportStats
{
    qint64 tiles = 0;
    double readSeconds = 0;   ///< libosmium: reading and assembling areas
    double renderSeconds = 0; ///< drawing, PNG encoding and writing
    qint64 roads = 0, areas = 0;
};

/// Draws one 256×256 tile.
[[nodiscard]] QImage renderTile(const OsmFeatures &features, int zoom, int x, int y);

/// Reads `pbf` and writes every tile of the box at zooms [minZoom, maxZoom] to `mbtilesPath`.
/// `progress(done, total)` is called after each tile.
[[nodiscard]] Result<TileImportStats>
importOsmTiles(const QString &pbf, const QString &mbtilesPath, const TileImportOptions &options,
               const std::function<void(qint64, qint64)> &progress = {});

} // namespace vigie::maps
