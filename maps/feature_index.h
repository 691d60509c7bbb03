#pragma once
// A spatial index over the basemap's features, so that rendering one tile only looks at what intersects it
// (instead of every feature of the extract for every tile), and the clipping that cuts big polygons (the
// sea, forests) and long roads to the tile before QPainter sees them.
#include "maps/osm_features.h"

#include <memory>

namespace vigie::maps {

/// Indices into OsmFeatures' vectors, in ascending order (the drawing order of the file is kept).
struct FeatureSelection
{
    std::vector<int> sea, islands, areas, roads, places;
};

class FeatureIndex
{
public:
    explicit FeatureIndex(const OsmFeatures &features);
    ~FeatureIndex();
    FeatureIndex(const FeatureIndex &) = delete;
    FeatureIndex &operator=(const FeatureIndex &) = delete;

    /// Everything whose bounds intersect `world` (zoom-0 world pixels).
    [[nodiscard]] FeatureSelection query(const QRectF &world) const;

private:
    struct Trees;
    std::unique_ptr<Trees> m_trees;
};

/// Sutherland–Hodgman: the part of a ring inside `clip`. Edges along the clip border may be degenerate,
/// which does not change what a fill covers inside `clip`.
[[nodiscard]] QPolygonF clipRing(const QPolygonF &ring, const QRectF &clip);
/// The runs of a polyline whose segments touch `clip` (segments wholly outside are dropped).
[[nodiscard]] std::vector<QPolygonF> clipLine(const QPolygonF &line, const QRectF &clip);

} // namespace vigie::maps
