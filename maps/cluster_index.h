#pragma once
// Clusters per zoom level, computed once per data change (lazily, for the levels actually shown), not per
// frame. Level L cuts the world into square cells of `cellPixels` screen pixels at zoom L, anchored to the
// world (not to the screen), so clusters stay put while the map pans; a frame then visits only the cells
// in view, a few hundred, whatever the number of objects.
#include "maps/map_layers.h"

#include <QRect>

#include <array>
#include <cstdint>
#include <vector>

namespace vigie::maps {

/// One layer's objects in one cell.
struct ClusterCell
{
    std::int32_t cx = 0, cy = 0; ///< cell column and row at the level
    Layer layer = Layer::Zones;
    int count = 0;
    int first = 0;         ///< index of one object (the only one when count is 1)
    double sx = 0, sy = 0; ///< sum of the objects' world positions (their centroid is sum / count)
};

class ClusterIndex
{
public:
    /// Cell side in screen pixels at the level's own zoom (between this and twice it at fractional zooms).
    static constexpr double cellPixels = 48;
    static constexpr int maxLevel = 19;

    /// Forgets every level: call when the objects change.
    void reset(const std::vector<MapObject> *objects);
    /// Cell side in zoom-0 world pixels at a level.
    [[nodiscard]] static double cellWorld(int level);
    /// The column and row of the cell holding `world` (zoom-0 world pixels) at a level.
    [[nodiscard]] static QPoint cellOf(QPointF world, int level);
    /// The cells of a level, sorted by row, column, layer (computed on first use after a reset).
    [[nodiscard]] const std::vector<ClusterCell> &level(int level);
    /// Calls f(begin, end) for each cell (its layers, contiguous) of `level` whose column and row lie in
    /// `cells` (inclusive bounds).
    template <typename F> void forEachCell(int level, const QRect &cells, F &&f);

private:
    const std::vector<MapObject> *m_objects = nullptr;
    std::array<std::vector<ClusterCell>, maxLevel + 1> m_levels;
    std::array<bool, maxLevel + 1> m_built{};
};

template <typename F> void ClusterIndex::forEachCell(int lvl, const QRect &cells, F &&f)
{
    const auto &all = level(lvl);
    for (int row = cells.top(); row <= cells.bottom(); ++row) {
        auto it = std::lower_bound(all.begin(), all.end(), std::pair{row, cells.left()},
                                   [](const ClusterCell &c, const std::pair<int, int> &k) {
                                       return c.cy < k.first || (c.cy == k.first && c.cx < k.second);
                                   });
        while (it != all.end() && it->cy == row && it->cx <= cells.right()) {
            auto end = it;
            while (end != all.end() && end->cy == it->cy && end->cx == it->cx)
                ++end;
            f(it, end);
            it = end;
        }
    }
}

} // namespace vigie::maps
