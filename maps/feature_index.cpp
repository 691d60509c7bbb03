#include "maps/feature_index.h"

#include <boost/geometry/geometries/box.hpp>
#include <boost/geometry/geometries/point.hpp>
#include <boost/geometry/index/rtree.hpp>
#include <boost/iterator/function_output_iterator.hpp>

#include <algorithm>

namespace vigie::maps {

namespace {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;
using Point = bg::model::point<double, 2, bg::cs::cartesian>;
using Box = bg::model::box<Point>;
using Value = std::pair<Box, int>;
using Tree = bgi::rtree<Value, bgi::rstar<16>>;

Box toBox(const QRectF &r)
{
    return {Point(r.left(), r.top()), Point(r.right(), r.bottom())};
}

template <typename Range, typename BoundsOf> Tree build(const Range &items, BoundsOf bounds)
{
    std::vector<Value> values;
    values.reserve(items.size());
    for (std::size_t i = 0; i < items.size(); ++i)
        values.emplace_back(toBox(bounds(items[i])), int(i));
    return Tree(values.begin(), values.end()); // packing constructor: one bulk load, well-balanced tree
}

std::vector<int> find(const Tree &tree, const Box &box)
{
    std::vector<int> out;
    tree.query(bgi::intersects(box),
               boost::make_function_output_iterator([&](const Value &v) { out.push_back(v.second); }));
    std::sort(out.begin(), out.end());
    return out;
}

/// One Sutherland–Hodgman stage: keeps the side of an axis-aligned line where `inside` holds.
template <typename Inside, typename Cross> QPolygonF clipEdge(const QPolygonF &in, Inside inside, Cross cross)
{
    QPolygonF out;
    if (in.isEmpty())
        return out;
    out.reserve(in.size() + 4);
    QPointF prev = in.back();
    bool prevIn = inside(prev);
    for (const QPointF &cur : in) {
        const bool curIn = inside(cur);
        if (curIn != prevIn)
            out << cross(prev, cur);
        if (curIn)
            out << cur;
        prev = cur;
        prevIn = curIn;
    }
    return out;
}

QPointF atX(QPointF a, QPointF b, double x)
{
    return {x, a.y() + (b.y() - a.y()) * (x - a.x()) / (b.x() - a.x())};
}

QPointF atY(QPointF a, QPointF b, double y)
{
    return {a.x() + (b.x() - a.x()) * (y - a.y()) / (b.y() - a.y()), y};
}

} // namespace

struct FeatureIndex::Trees
{
    Tree sea, islands, areas, roads, places;
};

FeatureIndex::FeatureIndex(const OsmFeatures &f) : m_trees(std::make_unique<Trees>())
{
    const auto polygonBounds = [](const QPolygonF &p) {
        return p.boundingRect();
    };
    m_trees->sea = build(f.sea, polygonBounds);
    m_trees->islands = build(f.islands, polygonBounds);
    m_trees->areas = build(f.areas, [](const OsmArea &a) { return a.bounds; });
    m_trees->roads = build(f.roads, [](const OsmRoad &r) { return r.bounds; });
    m_trees->places = build(f.places, [](const OsmPlace &p) { return QRectF(p.point, QSizeF(0, 0)); });
}

FeatureIndex::~FeatureIndex() = default;

FeatureSelection FeatureIndex::query(const QRectF &world) const
{
    const Box box = toBox(world);
    return {find(m_trees->sea, box), find(m_trees->islands, box), find(m_trees->areas, box),
            find(m_trees->roads, box), find(m_trees->places, box)};
}

QPolygonF clipRing(const QPolygonF &ring, const QRectF &c)
{
    QPolygonF r = clipEdge(
        ring, [&](QPointF p) { return p.x() >= c.left(); },
        [&](QPointF a, QPointF b) { return atX(a, b, c.left()); });
    r = clipEdge(
        r, [&](QPointF p) { return p.x() <= c.right(); },
        [&](QPointF a, QPointF b) { return atX(a, b, c.right()); });
    r = clipEdge(
        r, [&](QPointF p) { return p.y() >= c.top(); },
        [&](QPointF a, QPointF b) { return atY(a, b, c.top()); });
    return clipEdge(
        r, [&](QPointF p) { return p.y() <= c.bottom(); },
        [&](QPointF a, QPointF b) { return atY(a, b, c.bottom()); });
}

std::vector<QPolygonF> clipLine(const QPolygonF &line, const QRectF &clip)
{
    std::vector<QPolygonF> runs;
    QPolygonF run;
    for (int i = 0; i + 1 < line.size(); ++i) {
        const QPointF a = line[i], b = line[i + 1];
        const QRectF seg = QRectF(a, b).normalized();
        // A zero-width segment's QRectF is "empty" for intersects(): compare the extents by hand.
        const bool touches = seg.left() <= clip.right() && seg.right() >= clip.left() &&
                             seg.top() <= clip.bottom() && seg.bottom() >= clip.top();
        if (touches) {
            if (run.isEmpty())
                run << a;
            run << b;
        } else if (!run.isEmpty()) {
            runs.push_back(std::move(run));
            run = {};
        }
    }
    if (run.size() >= 2)
        runs.push_back(std::move(run));
    return runs;
}

} // namespace vigie::maps
