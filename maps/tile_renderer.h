#pragma once
// Renders OSM features into raster tiles with QPainter and writes them to an MBTiles file: sea and coast,
// water, parks and forests, roads styled by class, buildings from zoom 15, names of main streets (along the
// roads from zoom 16: street_labels.h) and places.
// Needs a QGuiApplication (fonts); vigie-cli creates one on the offscreen platform.
#include "maps/osm_features.h"

#include <QImage>

#include <atomic>
#include <functional>

namespace vigie::maps {

struct TileImportOptions
{
    std::optional<GeoBox> bbox;
    int minZoom = 10;
    int maxZoom = 17;
    /// Set from another thread to stop between two tiles; the import then fails with "cancelled".
    const std::atomic_bool *cancel = nullptr;
};

struct TileImportStats
{
    qint64 tiles = 0;
    double readSeconds = 0;   ///< libosmium: reading and assembling areas
    double renderSeconds = 0; ///< everything after reading: index, drawing, PNG encoding and writing
    double indexSeconds = 0;  ///< building the spatial index
    double drawSeconds = 0;   ///< QPainter only
    double encodeSeconds = 0; ///< PNG encoding and writing to the MBTiles file
    qint64 plainTiles = 0;    ///< single-colour tiles (open sea, bare land) whose PNG was reused
    qint64 roads = 0, areas = 0;
};

class FeatureIndex;
class StreetLabels;

/// Draws one 256×256 tile, looking only at the features `index` finds around it. From zoom 16 the street
/// names come from `streetLabels` (placed over the whole extract for this zoom); without it none is drawn.
[[nodiscard]] QImage renderTile(const OsmFeatures &features, const FeatureIndex &index, int zoom, int x,
                                int y, const StreetLabels *streetLabels = nullptr);

/// Reads `pbf` and writes every tile of the box at zooms [minZoom, maxZoom] to `mbtilesPath`.
/// `progress(done, total)` is called after each tile.
[[nodiscard]] Result<TileImportStats>
importOsmTiles(const QString &pbf, const QString &mbtilesPath, const TileImportOptions &options,
               const std::function<void(qint64, qint64)> &progress = {});

} // namespace vigie::maps
