// The spatial index and the clipping that make tile rendering look only at what a tile shows.
#include "maps/feature_index.h"

#include <gtest/gtest.h>

using namespace vigie::maps;

namespace {

double area(const QPolygonF &p)
{
    double a = 0;
    for (int i = 0; i < p.size(); ++i) {
        const QPointF &u = p[i], &v = p[(i + 1) % p.size()];
        a += u.x() * v.y() - v.x() * u.y();
    }
    return std::abs(a) / 2;
}

} // namespace

TEST(FeatureIndex, QueryFindsExactlyWhatIntersects)
{
    OsmFeatures f;
    for (int i = 0; i < 100; ++i) {
        const QPolygonF line{QPointF(i, 0), QPointF(i + 0.5, 1)};
        f.roads.push_back({4, line, line.boundingRect(), {}});
    }
    f.places.push_back({QPointF(10.2, 0.5), QStringLiteral("a"), 0});
    f.places.push_back({QPointF(50, 0.5), QStringLiteral("b"), 0});
    const FeatureIndex index(f);
    const FeatureSelection s = index.query(QRectF(9.8, 0, 2, 1)); // x in [9.8, 11.8]
    EXPECT_EQ(s.roads, (std::vector<int>{10, 11}));
    EXPECT_EQ(s.places, (std::vector<int>{0}));
    EXPECT_TRUE(s.areas.empty());
    EXPECT_TRUE(s.sea.empty());
}

TEST(FeatureIndex, ClipRingKeepsTheAreaInside)
{
    // A concave "U" cut by a rectangle across its two arms: the inside area is the two arm pieces.
    const QPolygonF u{QPointF(0, 0), QPointF(3, 0), QPointF(3, 3), QPointF(2, 3),
                      QPointF(2, 1), QPointF(1, 1), QPointF(1, 3), QPointF(0, 3)};
    const QPolygonF cut = clipRing(u, QRectF(-1, 2, 5, 2)); // y in [2, 4]
    EXPECT_NEAR(area(cut), 2.0, 1e-9);
    EXPECT_TRUE(clipRing(u, QRectF(10, 10, 1, 1)).isEmpty());
    EXPECT_NEAR(area(clipRing(u, QRectF(-1, -1, 10, 10))), area(u), 1e-9); // wholly inside: unchanged
}

TEST(FeatureIndex, ClipLineKeepsTheRunsThatCross)
{
    // Goes in, out, and back in: two runs; the far-away middle is dropped.
    const QPolygonF line{QPointF(-5, 0.5), QPointF(0.5, 0.5), QPointF(20, 0.5),
                         QPointF(20, 5),   QPointF(0.5, 5),   QPointF(0.5, 0.8)};
    const auto runs = clipLine(line, QRectF(0, 0, 1, 1));
    ASSERT_EQ(runs.size(), 2u);
    EXPECT_EQ(runs[0].size(), 3); // (-5,.5)→(.5,.5)→(20,.5)
    EXPECT_EQ(runs[1].size(), 2); // (.5,5)→(.5,.8)
}
