#include "maps/cluster_index.h"

#include <algorithm>
#include <cmath>

namespace vigie::maps {

void ClusterIndex::reset(const std::vector<MapObject> *objects)
{
    m_objects = objects;
    m_built.fill(false);
}

double ClusterIndex::cellWorld(int level)
{
    return cellPixels / std::exp2(double(level));
}

const std::vector<ClusterCell> &ClusterIndex::level(int lvl)
{
    lvl = std::clamp(lvl, 0, maxLevel);
    auto &cells = m_levels[std::size_t(lvl)];
    if (m_built[std::size_t(lvl)])
        return cells;
    m_built[std::size_t(lvl)] = true;
    cells.clear();
    if (!m_objects)
        return cells;
    // One sort of (cell, layer) keys. Columns and rows stay under 2^22 up to level 19 (256 world pixels
    // over 48 / 2^19), the layer takes 4 bits: the key fits in 48 bits.
    const double side = cellWorld(lvl);
    std::vector<std::pair<std::uint64_t, int>> keys;
    keys.reserve(m_objects->size());
    for (std::size_t i = 0; i < m_objects->size(); ++i) {
        const MapObject &o = (*m_objects)[i];
        const auto cx = std::uint64_t(std::clamp(std::floor(o.world.x() / side), 0.0, double((1 << 22) - 1)));
        const auto cy = std::uint64_t(std::clamp(std::floor(o.world.y() / side), 0.0, double((1 << 22) - 1)));
        keys.emplace_back(cy << 26 | cx << 4 | std::uint64_t(o.layer), int(i));
    }
    std::sort(keys.begin(), keys.end());
    for (std::size_t k = 0; k < keys.size();) {
        const std::uint64_t key = keys[k].first;
        ClusterCell c;
        c.cy = std::int32_t(key >> 26);
        c.cx = std::int32_t((key >> 4) & ((1u << 22) - 1));
        c.layer = Layer(key & 15);
        c.first = keys[k].second;
        for (; k < keys.size() && keys[k].first == key; ++k) {
            const QPointF &w = (*m_objects)[std::size_t(keys[k].second)].world;
            ++c.count;
            c.sx += w.x();
            c.sy += w.y();
        }
        cells.push_back(c);
    }
    return cells;
}

} // namespace vigie::maps
