// The spatial index (R*Tree) is derived data with a watermark (schema v5): small appends index their points
// in their own transaction, big batches leave them to a catch-up; spatial queries see every committed entry
// in every state of the index.
#include "test_util.h"

#include "store/schema.h"
#include "store/sqlite_db.h"
#include "store/sqlite_log_store.h"

#include <random>

using namespace vigie;
using namespace vigie::test;

namespace {

struct TempStore
{
    QTemporaryDir dir;
    std::unique_ptr<SqliteLogStore> store;
    TempStore()
    {
        auto created = SqliteLogStore::create(
            path(), {QStringLiteral("room-1"), QStringLiteral("geo"), RoomMode::Live, Timestamp{0}});
        if (!created)
            throw std::runtime_error(created.error().message.toStdString());
        store = std::move(*created);
    }
    [[nodiscard]] QString path() const { return dir.filePath(QStringLiteral("geo.vigie")); }
};

/// Points spread over a 1°×1° square, a polygon in fifty and a note (no geometry) in ten.
std::vector<Entry> mixedBatch(std::size_t count, unsigned seed)
{
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> lon(5.0, 6.0), lat(43.0, 44.0);
    std::vector<Entry> out;
    for (std::size_t i = 0; i < count; ++i) {
        if (i % 10 == 3) {
            out.push_back(note(qint64(i), QStringLiteral("n%1").arg(i)));
        } else if (i % 50 == 7) {
            const double x = lon(rng), y = lat(rng);
            out.push_back(
                makeEntry(QStringLiteral("zone.draw"), qint64(i), {{QStringLiteral("zone"), int(i)}},
                          Geometry::polygon({{x, y}, {x + 0.05, y}, {x + 0.05, y + 0.03}, {x, y}})));
        } else {
            out.push_back(makeEntry(QStringLiteral("unit.position"), qint64(i),
                                    {{QStringLiteral("unit"), QStringLiteral("U%1").arg(i % 40)}},
                                    Geometry::point({lon(rng), lat(rng)})));
        }
    }
    return out;
}

/// The seqs a box query must return, found without any index: every entry whose geometry's box meets it.
std::vector<qint64> expectedInBox(const LogStore &store, const GeoBox &box)
{
    std::vector<qint64> seqs;
    EXPECT_TRUE(store.read(EntryQuery{}, [&](const Entry &e) {
        if (const auto b = e.geo.bounds(); b && b->maxLon >= box.minLon && b->minLon <= box.maxLon &&
                                           b->maxLat >= box.minLat && b->minLat <= box.maxLat)
            seqs.push_back(e.seq);
        return true;
    }));
    return seqs;
}

std::vector<qint64> seqsInBox(const LogStore &store, const GeoBox &box)
{
    EntryQuery q;
    q.box = box;
    std::vector<qint64> seqs;
    auto r = store.read(q, [&](const Entry &e) {
        seqs.push_back(e.seq);
        return true;
    });
    EXPECT_TRUE(r) << (r ? std::string() : r.error().message.toStdString());
    return seqs;
}

/// Entries in the spatial index: polygons (and points of older files) in the R*Tree, points in their cells.
qint64 rtreeRows(const QString &path)
{
    auto db = sql::Database::open(path, sql::Database::Mode::ReadOnly);
    if (!db)
        return -1;
    auto count =
        db->prepare("SELECT (SELECT count(*) FROM entries_geo) + (SELECT count(*) FROM entries_cells)");
    if (!count || count->step() != sql::Statement::Step::Row)
        return -1;
    return count->int64(0);
}

const GeoBox boxes[] = {{5.2, 43.2, 5.35, 43.4}, {5.9, 43.9, 6.5, 44.5}, {5.5, 43.0, 5.5001, 44.0}};

} // namespace

TEST(StoreGeoIndex, SmallAppendsIndexTheirPointsInTheirOwnTransaction)
{
    TempStore t;
    ASSERT_TRUE(t.store->append(mixedBatch(100, 1)));
    ASSERT_TRUE(t.store->append(mixedBatch(100, 2)));
    auto upto = t.store->geoIndexedUpto();
    ASSERT_TRUE(upto);
    EXPECT_EQ(*upto, 200);
    EXPECT_EQ(rtreeRows(t.path()), 180); // every entry but the notes
    for (const GeoBox &box : boxes)
        EXPECT_EQ(seqsInBox(*t.store, box), expectedInBox(*t.store, box));
}

TEST(StoreGeoIndex, ABigBatchIsIndexedBeforeTheFirstSpatialQuery)
{
    TempStore t;
    ASSERT_TRUE(t.store->append(mixedBatch(50, 3)));
    const std::size_t big = std::size_t(SqliteLogStore::inlineGeoIndexLimit) + 500;
    ASSERT_TRUE(t.store->append(mixedBatch(big, 4)));
    auto upto = t.store->geoIndexedUpto();
    ASSERT_TRUE(upto);
    EXPECT_EQ(*upto, 50); // the batch's points wait for the catch-up
    EXPECT_EQ(rtreeRows(t.path()), 45);

    const auto expected = expectedInBox(*t.store, boxes[0]);
    ASSERT_GT(expected.size(), 100u);
    EXPECT_EQ(seqsInBox(*t.store, boxes[0]), expected);
    upto = t.store->geoIndexedUpto();
    ASSERT_TRUE(upto);
    EXPECT_EQ(*upto, t.store->lastSeq());
    EXPECT_EQ(rtreeRows(t.path()), qint64(45 + big - (big + 6) / 10)); // notes are one in ten
    for (const GeoBox &box : boxes)
        EXPECT_EQ(seqsInBox(*t.store, box), expectedInBox(*t.store, box));

    // The next small append indexes inline again.
    ASSERT_TRUE(t.store->append(mixedBatch(20, 5)));
    upto = t.store->geoIndexedUpto();
    ASSERT_TRUE(upto);
    EXPECT_EQ(*upto, t.store->lastSeq());
}

TEST(StoreGeoIndex, QueriesSeeUnindexedEntriesWhileAnotherConnectionHoldsTheWriteLock)
{
    TempStore t;
    const std::size_t big = std::size_t(SqliteLogStore::inlineGeoIndexLimit) + 10;
    ASSERT_TRUE(t.store->append(mixedBatch(big, 6)));
    std::vector<std::vector<qint64>> expected;
    for (const GeoBox &box : boxes)
        expected.push_back(expectedInBox(*t.store, box));

    auto other = sql::Database::open(t.path(), sql::Database::Mode::ReadWrite);
    ASSERT_TRUE(other);
    ASSERT_TRUE(other->exec("BEGIN IMMEDIATE"));
    for (std::size_t i = 0; i < std::size(boxes); ++i)
        EXPECT_EQ(seqsInBox(*t.store, boxes[i]), expected[i]);
    auto upto = t.store->geoIndexedUpto();
    ASSERT_TRUE(upto);
    EXPECT_EQ(*upto, 0); // the query did not wait for the lock, and read the log without the index
    ASSERT_TRUE(other->exec("ROLLBACK"));

    for (std::size_t i = 0; i < std::size(boxes); ++i)
        EXPECT_EQ(seqsInBox(*t.store, boxes[i]), expected[i]);
    upto = t.store->geoIndexedUpto();
    ASSERT_TRUE(upto);
    EXPECT_EQ(*upto, t.store->lastSeq());
}

TEST(StoreGeoIndex, AnAppendAfterAnUnindexedBatchLeavesItToTheCatchUp)
{
    TempStore t;
    const std::size_t big = std::size_t(SqliteLogStore::inlineGeoIndexLimit) + 1;
    ASSERT_TRUE(t.store->append(mixedBatch(big, 7)));
    ASSERT_TRUE(t.store->append(mixedBatch(10, 8)));
    auto upto = t.store->geoIndexedUpto();
    ASSERT_TRUE(upto);
    EXPECT_EQ(*upto, 0);
    auto caught = t.store->catchUpGeoIndex();
    ASSERT_TRUE(caught) << caught.error().message.toStdString();
    EXPECT_EQ(*caught, t.store->lastSeq());
    caught = t.store->catchUpGeoIndex();
    ASSERT_TRUE(caught);
    EXPECT_EQ(*caught, 0);
    for (const GeoBox &box : boxes)
        EXPECT_EQ(seqsInBox(*t.store, box), expectedInBox(*t.store, box));
}

TEST(StoreGeoIndex, MigrationFromVersion4KeepsTheIndexAndSetsItsWatermark)
{
    QString path;
    TempStore t;
    ASSERT_TRUE(t.store->append(mixedBatch(300, 9)));
    path = t.path();
    t.store.reset();
    // Back to version 4: no watermark; every entry was indexed at its append.
    {
        auto db = sql::Database::open(path, sql::Database::Mode::ReadWrite);
        ASSERT_TRUE(db);
        ASSERT_TRUE(db->exec("DROP TABLE derived_index; PRAGMA user_version = 4"));
    }
    auto opened = SqliteLogStore::open(path);
    ASSERT_TRUE(opened) << opened.error().message.toStdString();
    auto upto = (*opened)->geoIndexedUpto();
    ASSERT_TRUE(upto);
    EXPECT_EQ(*upto, 300);
    EXPECT_EQ(rtreeRows(path), 270);
    // Nothing is indexed twice afterwards (the R*Tree would refuse a second row for a seq).
    ASSERT_TRUE((*opened)->append(mixedBatch(std::size_t(SqliteLogStore::inlineGeoIndexLimit) + 1, 10)));
    for (const GeoBox &box : boxes)
        EXPECT_EQ(seqsInBox(**opened, box), expectedInBox(**opened, box));
    EXPECT_EQ(rtreeRows(path), 270 + qint64(SqliteLogStore::inlineGeoIndexLimit + 1) -
                                   qint64(SqliteLogStore::inlineGeoIndexLimit + 1 + 6) / 10);
    auto report = (*opened)->verify();
    ASSERT_TRUE(report);
    EXPECT_TRUE(report->intact()) << report->problem.toStdString();
}

TEST(StoreGeoIndex, AMissingWatermarkMakesTheStoreRebuildTheIndex)
{
    TempStore t;
    ASSERT_TRUE(t.store->append(mixedBatch(200, 11)));
    {
        auto db = sql::Database::open(t.path(), sql::Database::Mode::ReadWrite);
        ASSERT_TRUE(db);
        ASSERT_TRUE(db->exec("DELETE FROM derived_index"));
    }
    auto upto = t.store->geoIndexedUpto();
    ASSERT_TRUE(upto);
    EXPECT_EQ(*upto, 0);
    // Appends still work and leave the index to the rebuild.
    ASSERT_TRUE(t.store->append(mixedBatch(20, 12)));
    for (const GeoBox &box : boxes)
        EXPECT_EQ(seqsInBox(*t.store, box), expectedInBox(*t.store, box));
    upto = t.store->geoIndexedUpto();
    ASSERT_TRUE(upto);
    EXPECT_EQ(*upto, 220);
    EXPECT_EQ(rtreeRows(t.path()), 180 + 18);
}

// Points are found by their grid cell (schema v8): random small boxes, some with edges on the grid's lines
// and points on them too, give what a scan gives, whether the points were indexed inline or by the catch-up.
TEST(StoreGeoIndex, CellsFindWhatAScanFindsAtAnyBox)
{
    for (const bool inlineIndex : {true, false}) {
        TempStore t;
        std::mt19937 rng(inlineIndex ? 11 : 12);
        std::uniform_real_distribution<double> lon(5.30, 5.50), lat(43.20, 43.40);
        std::uniform_int_distribution<int> gridLine(0, 20);
        std::vector<Entry> points;
        for (int i = 0; i < 3000; ++i) {
            // One point in three on a grid line of 0.01°, as a box edge may be.
            const double x = i % 3 == 0 ? 5.30 + 0.01 * gridLine(rng) : lon(rng);
            const double y = i % 3 == 1 ? 43.20 + 0.01 * gridLine(rng) : lat(rng);
            points.push_back(makeEntry(QStringLiteral("unit.position"), i,
                                       {{QStringLiteral("unit"), QStringLiteral("U%1").arg(i % 40)}},
                                       Geometry::point({x, y})));
        }
        if (inlineIndex) {
            for (std::size_t from = 0; from < points.size(); from += 500)
                ASSERT_TRUE(t.store->append(std::vector<Entry>(points.begin() + std::ptrdiff_t(from),
                                                               points.begin() + std::ptrdiff_t(from + 500))));
        } else {
            ASSERT_TRUE(t.store->append(std::move(points))); // more than the inline limit: the catch-up
        }
        std::uniform_real_distribution<double> size(0.0005, 0.06);
        for (int b = 0; b < 150; ++b) {
            const bool onGrid = b % 2 == 0;
            const double x = onGrid ? 5.30 + 0.01 * gridLine(rng) : lon(rng);
            const double y = onGrid ? 43.20 + 0.01 * gridLine(rng) : lat(rng);
            const double w = onGrid ? 0.01 * (1 + gridLine(rng) % 4) : size(rng);
            const double h = onGrid ? 0.01 * (1 + gridLine(rng) % 4) : size(rng);
            const GeoBox box{x, y, x + w, y + h};
            ASSERT_EQ(seqsInBox(*t.store, box), expectedInBox(*t.store, box))
                << (inlineIndex ? "inline" : "catch-up") << " box " << b;
        }
        EXPECT_EQ(rtreeRows(t.path()), 3000);
    }
}
