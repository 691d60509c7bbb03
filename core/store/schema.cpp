#include "store/schema.h"

#include <QCoreApplication>

#include <array>

namespace vigie::schema {

namespace {

// Version 1: the log, room metadata and the quarantine.
constexpr const char *v1 = R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE entries(
    seq INTEGER PRIMARY KEY,
    uuid BLOB NOT NULL,
    mode INTEGER NOT NULL,
    event_time INTEGER NOT NULL,
    record_time INTEGER NOT NULL,
    author TEXT NOT NULL,
    role TEXT NOT NULL,
    agency TEXT NOT NULL,
    kind TEXT NOT NULL,
    geo TEXT,
    data TEXT NOT NULL,
    prev_hash BLOB NOT NULL,
    hash BLOB NOT NULL);
CREATE TABLE quarantine(
    id INTEGER PRIMARY KEY,
    received INTEGER NOT NULL,
    source TEXT NOT NULL,
    position TEXT NOT NULL,
    reason TEXT NOT NULL,
    input BLOB NOT NULL);
)sql";

// Version 2: spatial index (filled from the existing entries), event-time index, picture snapshots.
constexpr const char *v2 = R"sql(
CREATE INDEX entries_event_time ON entries(event_time);
CREATE VIRTUAL TABLE entries_geo USING rtree(seq, min_lon, max_lon, min_lat, max_lat);
INSERT INTO entries_geo(seq, min_lon, max_lon, min_lat, max_lat)
SELECT e.seq, min(json_extract(p.value, '$[0]')), max(json_extract(p.value, '$[0]')),
              min(json_extract(p.value, '$[1]')), max(json_extract(p.value, '$[1]'))
FROM entries AS e, json_each(e.geo, '$.coordinates[0]') AS p
WHERE e.geo IS NOT NULL AND json_extract(e.geo, '$.type') = 'Polygon'
GROUP BY e.seq;
INSERT INTO entries_geo(seq, min_lon, max_lon, min_lat, max_lat)
SELECT seq, json_extract(geo, '$.coordinates[0]'), json_extract(geo, '$.coordinates[0]'),
            json_extract(geo, '$.coordinates[1]'), json_extract(geo, '$.coordinates[1]')
FROM entries WHERE geo IS NOT NULL AND json_extract(geo, '$.type') = 'Point';
CREATE TABLE snapshots(
    seq INTEGER PRIMARY KEY,
    max_event_time INTEGER NOT NULL,
    picture BLOB NOT NULL);
)sql";

// Version 3: feed messages already seen, so a gateway replaying the same message stores it once. The key is a
// hash of the source's message id (or of the content), never the id itself.
constexpr const char *v3 = R"sql(
CREATE TABLE IF NOT EXISTS feed_seen(
    key TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    first_seen INTEGER NOT NULL,
    last_seen INTEGER NOT NULL,
    count INTEGER NOT NULL);
)sql";

// Version 4: the earliest event time of each block of 4096 seqs. Event times are nearly in seq order but
// sources report late, so "event time <= t after seq s" cannot stop at the first later time; this lets a
// read skip every block with nothing at or before t instead of scanning the rest of the log.
constexpr const char *v4 = R"sql(
CREATE TABLE IF NOT EXISTS time_blocks(block INTEGER PRIMARY KEY, min_event_time INTEGER NOT NULL);
INSERT OR REPLACE INTO time_blocks(block, min_event_time)
SELECT (seq - 1) >> 12, min(event_time) FROM entries GROUP BY (seq - 1) >> 12;
)sql";

// Version 5: the spatial index becomes derived data with a watermark. Inserting one point into SQLite's
// R*Tree costs several times the entry row itself (it rewrites nodes and their parent and rowid maps), so a
// big batch no longer pays it inside its append transaction: `upto` says how far entries_geo is complete,
// the store catches it up before a spatial query and reads the rest of the log without it. Until now every
// entry was indexed in its own transaction, so the whole existing log is. (A watermark already there is kept;
// one missing later makes the store rebuild the index.)
constexpr const char *v5 = R"sql(
CREATE TABLE IF NOT EXISTS derived_index(name TEXT PRIMARY KEY, upto INTEGER NOT NULL);
INSERT OR IGNORE INTO derived_index(name, upto) SELECT 'entries_geo', coalesce(max(seq), 0) FROM entries;
)sql";

// Version 6: each time block also keeps its latest event time, so a read from a time on visits only the
// blocks that can hold a match, as version 4 did for a read up to a time. That replaces the B-tree index on
// event_time, which cost one more B-tree insert per entry (a sixth of an append's SQLite work). The blocks
// are rebuilt from the log in one pass.
constexpr const char *v6 = R"sql(
CREATE TABLE time_blocks_v6(block INTEGER PRIMARY KEY, min_event_time INTEGER NOT NULL,
                            max_event_time INTEGER NOT NULL);
INSERT INTO time_blocks_v6(block, min_event_time, max_event_time)
SELECT (seq - 1) >> 12, min(event_time), max(event_time) FROM entries GROUP BY (seq - 1) >> 12;
DROP TABLE IF EXISTS time_blocks;
ALTER TABLE time_blocks_v6 RENAME TO time_blocks;
DROP INDEX IF EXISTS entries_event_time;
)sql";

// Version 7: feed_seen keeps its rows in its key's B-tree (WITHOUT ROWID). A rowid table with a TEXT key
// stored every message twice, the row and its key index, and noting a message inserted into both.
constexpr const char *v7 = R"sql(
CREATE TABLE feed_seen_v7(
    key TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    first_seen INTEGER NOT NULL,
    last_seen INTEGER NOT NULL,
    count INTEGER NOT NULL) WITHOUT ROWID;
INSERT INTO feed_seen_v7(key, source, first_seen, last_seen, count)
SELECT key, source, first_seen, last_seen, count FROM feed_seen;
DROP TABLE feed_seen;
ALTER TABLE feed_seen_v7 RENAME TO feed_seen;
)sql";

// Version 8: points are indexed by their grid cell (spatialCellOf) in a B-tree, beside the R*Tree, which
// keeps the polygons. Inserting a point into the R*Tree rewrote a node and its parent and rowid maps: a fifth
// of the time of a feed batch, whose entries are nearly all points. Points indexed before stay in the
// R*Tree; a spatial read looks in both.
constexpr const char *v8 = R"sql(
CREATE TABLE IF NOT EXISTS entries_cells(cell INTEGER NOT NULL, seq INTEGER NOT NULL,
                                         PRIMARY KEY(cell, seq)) WITHOUT ROWID;
)sql";

// Version 9: feed_seen in arrival order, without an index on its key. The key is a hash, so every new message
// landed on a random page of the key's B-tree: once the table outgrew a batch, each message dirtied a page of
// its own, 4 KB written to the WAL and again at the checkpoint, five times the message's own entries. Rows
// are now appended, and the store finds a key in memory (SqliteLogStore::appendFeed); `id` is the arrival
// order.
constexpr const char *v9 = R"sql(
CREATE TABLE feed_seen_v9(
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL,
    source TEXT NOT NULL,
    first_seen INTEGER NOT NULL,
    last_seen INTEGER NOT NULL,
    count INTEGER NOT NULL);
INSERT INTO feed_seen_v9(key, source, first_seen, last_seen, count)
SELECT key, source, first_seen, last_seen, count FROM feed_seen ORDER BY first_seen, key;
DROP TABLE feed_seen;
ALTER TABLE feed_seen_v9 RENAME TO feed_seen;
)sql";

// Version 10: each message seen remembers the seq its entries reach. A log whose end was cut (a file
// restored from an older copy) would otherwise keep the messages of the lost entries as seen, and the same
// files ingested again would store nothing: their loss permanent and silent. Rows of earlier versions get 0
// (never forgotten: which entries they had is not known).
constexpr const char *v10 = R"sql(
ALTER TABLE feed_seen ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
)sql";

// Version 11: entries by kind. A process whose fusion follows its fold reads the entries fusion folds
// (reports, closes, corrections: a few in a hundred) from the log when it starts, since snapshots no longer
// hold them (Picture::fusionTrail); without the index that read is a scan of the whole log. PostgreSQL has
// had it from its first version.
constexpr const char *v11 = R"sql(
CREATE INDEX IF NOT EXISTS entries_kind ON entries(kind);
)sql";

// Version 12: each message seen keeps its own time (the latest event time of its entries), indexed. The store
// holds in memory only the most recent messages by that time (SqliteLogStore::appendFeed); a message older
// than those is looked up by its time, which a repeat has too. Rows are appended in about that time's order,
// so the index grows at its end, unlike an index on the key (see version 9). Rows of earlier versions have no
// time: they stay in memory, as every row did before.
constexpr const char *v12 = R"sql(
ALTER TABLE feed_seen ADD COLUMN msg_time INTEGER;
CREATE INDEX IF NOT EXISTS feed_seen_time ON feed_seen(msg_time);
)sql";

constexpr std::array<const char *, currentVersion> migrations{v1, v2, v3, v4,  v5,  v6,
                                                              v7, v8, v9, v10, v11, v12};

} // namespace

// The same extraction as version 2, limited to a seq range: points (into their cells, as spatialCellOf
// computes them: the coordinates are never negative once shifted, so the cast is the floor), then polygons
// (their box).
const char *const indexPointRange = R"sql(
INSERT OR IGNORE INTO entries_cells(cell, seq)
SELECT CAST((json_extract(geo, '$.coordinates[1]') + 90) * 100 AS INTEGER) * 36001
       + CAST((json_extract(geo, '$.coordinates[0]') + 180) * 100 AS INTEGER), seq
FROM entries WHERE seq > ?1 AND seq <= ?2 AND geo IS NOT NULL AND json_extract(geo, '$.type') = 'Point';
)sql";
const char *const indexPolygonRange = R"sql(
INSERT INTO entries_geo(seq, min_lon, max_lon, min_lat, max_lat)
SELECT e.seq, min(json_extract(p.value, '$[0]')), max(json_extract(p.value, '$[0]')),
              min(json_extract(p.value, '$[1]')), max(json_extract(p.value, '$[1]'))
FROM entries AS e, json_each(e.geo, '$.coordinates[0]') AS p
WHERE e.seq > ?1 AND e.seq <= ?2 AND e.geo IS NOT NULL AND json_extract(e.geo, '$.type') = 'Polygon'
GROUP BY e.seq;
)sql";

Result<int> version(sql::Database &db)
{
    auto stmt = db.prepare("PRAGMA user_version");
    if (!stmt)
        return stmt.error();
    if (stmt->step() != sql::Statement::Step::Row)
        return Error{QCoreApplication::translate("vigie::store", "%1: cannot read the schema version: %2")
                         .arg(db.path(), db.lastError())};
    return int(stmt->int64(0));
}

Result<void> migrate(sql::Database &db, int target)
{
    auto current = version(db);
    if (!current)
        return current.error();
    if (*current > currentVersion)
        return Error{QCoreApplication::translate(
                         "vigie::store", "%1: room file schema version %2 is newer than this program (%3); "
                                         "update Vigie to open it")
                         .arg(db.path())
                         .arg(*current)
                         .arg(currentVersion)};
    for (int v = *current + 1; v <= target; ++v) {
        if (auto r = db.exec("BEGIN IMMEDIATE"); !r)
            return r;
        auto applied = db.exec(migrations[v - 1]);
        if (applied)
            applied = db.exec(QByteArray("PRAGMA user_version = ") + QByteArray::number(v));
        if (!applied) {
            (void)db.exec("ROLLBACK");
            return Error{
                QCoreApplication::translate("vigie::store", "migration to schema version %1 failed: %2")
                    .arg(v)
                    .arg(applied.error().message)};
        }
        if (auto r = db.exec("COMMIT"); !r)
            return r;
    }
    return {};
}

} // namespace vigie::schema
