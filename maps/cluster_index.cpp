#include "maps/cluster_index.h"

#include <boost/sort/spreadsort/integer_sort.hpp>

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

QPoint ClusterIndex::cellOf(QPointF world, int level)
{
    const double side = cellWorld(level);
    return {int(std::clamp(std::floor(world.x() / side), 0.0, double((1 << 22) - 1))),
            int(std::clamp(std::floor(world.y() / side), 0.0, double((1 << 22) - 1)))};
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
    // over 48 / 2^19), the layer takes 4 bits: the key fits in 48 bits. Each key carries its object's
    // position, so that summing a cell reads memory in order. Boost's integer_sort (a radix sort) takes a
    // third of std::sort's time on 50,000 keys: this runs on the GUI thread after every live update.
    struct Key
    {
        std::uint64_t key;
        int object;
        QPointF world;
    };
    std::vector<Key> keys;
    keys.reserve(m_objects->size());
    for (std::size_t i = 0; i < m_objects->size(); ++i) {
        const MapObject &o = (*m_objects)[i];
        const QPoint cell = cellOf(o.world, lvl);
        const auto cx = std::uint64_t(cell.x()), cy = std::uint64_t(cell.y());
        keys.push_back({cy << 26 | cx << 4 | std::uint64_t(o.layer), int(i), o.world});
    }
    boost::sort::spreadsort::integer_sort(
        keys.begin(), keys.end(), [](const Key &k, unsigned offset) { return k.key >> offset; },
        [](const Key &a, const Key &b) { return a.key < b.key; });
    for (std::size_t k = 0; k < keys.size();) {
        const std::uint64_t key = keys[k].key;
        ClusterCell c;
        c.cy = std::int32_t(key >> 26);
        c.cx = std::int32_t((key >> 4) & ((1u << 22) - 1));
        c.layer = Layer(key & 15);
        c.first = keys[k].object;
        for (; k < keys.size() && keys[k].key == key; ++k) {
            ++c.count;
            c.first = std::min(c.first, keys[k].object); // the same one whatever the sort's order of ties
            c.sx += keys[k].world.x();
            c.sy += keys[k].world.y();
        }
        cells.push_back(c);
    }
    return cells;
}

} // namespace vigie::maps
