#pragma once
// Street names along their roads, for the basemap's closest zooms (16 and more). Placed once per zoom over
// the whole extract, before any tile is drawn, so that a name may straddle two tiles (each tile draws its
// part of the same glyphs), one street is not named twice close together, and no two names overlap: a tile
// alone could do none of that. Runs with the tiles, on the import's worker thread.
//
// Each glyph is set on the road's line, turned to its direction at that point, and the whole name reads left
// to right (the line is walked backwards when it runs right to left). A stretch that bends more than a glyph
// can follow is not used: the name goes elsewhere along the road, or nowhere.
#include "maps/osm_features.h"

#include <QFont>
#include <QHash>
#include <QPainterPath>

#include <vector>

class QPainter;

namespace vigie::maps {

/// The first zoom at which the basemap names its streets along the roads.
inline constexpr int streetLabelMinZoom = 16;

struct StreetGlyph
{
    QPointF centre; ///< zoom-level pixels (world pixels × 2^zoom)
    double angle;   ///< degrees, within [-90, 90]: upright
    QRectF box;     ///< the turned glyph's bounding box, for overlap checks
};

struct StreetLabel
{
    QString name;
    std::vector<StreetGlyph> glyphs;
    QPainterPath path; ///< every glyph's outline, in zoom-level pixels
    QRectF bounds;     ///< of `path`, halo included
};

struct StreetLabelOptions
{
    int pixelSize = 11;          ///< the names' type; 12 from zoom 17
    double repeatPixels = 420;   ///< the same name again no closer than this (centre to centre)
    double maxTurnDegrees = 25;  ///< between two neighbouring glyphs
    double maxTotalDegrees = 60; ///< over the whole name
};

/// The labels of one zoom, with a grid of 256 px cells (the tiles) to find those crossing a tile.
class StreetLabels
{
public:
    StreetLabels() = default;
    /// Places the names of `features`' roads at `zoom`: major roads first, longer names' roads first within a
    /// rank; residential streets from zoom 16, service roads and pedestrian ways from zoom 17.
    StreetLabels(const OsmFeatures &features, int zoom, StreetLabelOptions options = {});

    [[nodiscard]] int zoom() const { return m_zoom; }
    [[nodiscard]] const std::vector<StreetLabel> &labels() const { return m_labels; }
    /// Indices of the labels whose bounds meet tile (x, y) of this zoom.
    [[nodiscard]] std::vector<int> inTile(int x, int y) const;
    /// Draws the labels meeting tile (x, y) onto a painter whose origin is the tile's top-left pixel.
    void drawTile(QPainter &painter, int x, int y) const;

private:
    int m_zoom = -1;
    std::vector<StreetLabel> m_labels;
    QHash<qint64, std::vector<int>> m_tiles;
};

} // namespace vigie::maps
