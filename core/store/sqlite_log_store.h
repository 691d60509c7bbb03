#pragma once
// The room's log in one SQLite file: WAL, synchronous=FULL, one writer.
#include "store/log_store.h"
#include "store/sqlite_db.h"

#include <QHash>

#include <limits>
#include <memory>
#include <queue>

namespace vigie {

class SqliteLogStore final : public LogStore
{
public:
    /// Creates a new room file; fails if it already holds a room.
    [[nodiscard]] static Result<std::unique_ptr<SqliteLogStore>> create(const QString &path,
                                                                        const RoomInfo &room);
    /// Opens an existing room file, migrating its schema if it is older.
    [[nodiscard]] static Result<std::unique_ptr<SqliteLogStore>> open(const QString &path);
    ~SqliteLogStore() override;

    [[nodiscard]] const RoomInfo &room() const override { return m_room; }
    [[nodiscard]] qint64 lastSeq() const override { return m_lastSeq; }
    [[nodiscard]] QByteArray lastHash() const override { return m_lastHash; }
    [[nodiscard]] Result<std::vector<Entry>> append(std::vector<Entry> drafts,
                                                    std::vector<QuarantineItem> refused = {}) override;
    using LogStore::read;
    [[nodiscard]] Result<void> read(const EntryQuery &query, const Visitor &visit) const override;
    [[nodiscard]] Result<VerifyReport> verify(const Progress &progress = {}) const override;
    [[nodiscard]] Result<VerifyReport> verifyAfter(qint64 afterSeq, qint64 limit = -1) const override;
    [[nodiscard]] Result<qint64> quarantine(const QuarantineItem &item) override;
    [[nodiscard]] Result<std::vector<QuarantineItem>> quarantined() const override;
    [[nodiscard]] Result<std::vector<QuarantineItem>> quarantinedAfter(qint64 afterId,
                                                                       qint64 limit = -1) const override;
    [[nodiscard]] Result<std::optional<std::vector<FeedRepeats>>> feedRepeats() const override;
    [[nodiscard]] Result<FeedAppend> appendFeed(std::vector<FeedArrival> arrivals, Timestamp received,
                                                std::vector<QuarantineItem> refused = {}) override;
    [[nodiscard]] Result<void> saveSnapshot(const Snapshot &snapshot) override;
    [[nodiscard]] Result<std::optional<Snapshot>> snapshotFor(Timestamp t) const override;
    [[nodiscard]] Result<qint64> lastSnapshotSeq() const override;

    [[nodiscard]] const QString &path() const { return m_db.path(); }

    /// A desk's replica only (meta replica_of): drops the entries after `keep`, with what is derived from
    /// them (spatial and time indexes, snapshots, messages seen), in one transaction. The server a replica
    /// copies can lose its last commits when it fails over to a standby that had not received them
    /// (asynchronous replication); the desk then goes back to where both agree (DeskLink). A room file of
    /// record is never cut: it refuses.
    [[nodiscard]] Result<void> rewindReplica(qint64 keep);
    /// Re-reads the head and forgets the ids and messages cached from the file, after another connection
    /// rewound it.
    [[nodiscard]] Result<void> reloadHead();

    /// Entries with seq up to this one are in the spatial index (R*Tree); the rest of the log is not yet.
    [[nodiscard]] Result<qint64> geoIndexedUpto() const;
    /// Brings the spatial index up to the last entry, in its own transaction (rebuilding it whole if its
    /// watermark is missing); returns the entries it covered. With `wait` false it gives up at once if
    /// another connection holds the write lock.
    [[nodiscard]] Result<qint64> catchUpGeoIndex(bool wait = true) const;

    /// How many messages seen the store keeps in memory (those with the latest times), by default: about
    /// 60 bytes each. A message older than all of them is looked up in the file by its time (schema 12).
    static constexpr std::size_t defaultSeenCapacity = std::size_t(1) << 18;
    void setSeenCapacity(std::size_t capacity) { m_seenCapacity = std::max<std::size_t>(capacity, 1); }
    /// Messages seen held in memory now (for tests and benchmarks).
    [[nodiscard]] std::size_t seenInMemory() const { return std::size_t(m_seen.size()); }

    /// An append indexes its points inside its own transaction while the unindexed part of the log, its own
    /// entries included, stays within this many entries; a bigger batch leaves them to catchUpGeoIndex().
    static constexpr qint64 inlineGeoIndexLimit = 4096;

private:
    SqliteLogStore() = default;
    /// A feed message's key as the store finds it in memory: 128 bits of its hash.
    struct SeenKey
    {
        quint64 high = 0, low = 0;
        friend bool operator==(const SeenKey &, const SeenKey &) = default;
        friend std::size_t qHash(const SeenKey &k, std::size_t seed = 0) noexcept
        {
            return std::size_t(k.low ^ (k.high * 0x9e3779b97f4a7c15ull)) ^ seed;
        }
    };
    [[nodiscard]] static SeenKey seenKeyOf(const QString &key);

    [[nodiscard]] Result<void> prepareStatements();
    [[nodiscard]] Result<void> loadState();
    /// verify() and verifyAfter(): the entries after `afterSeq`, at most `limit` when >= 0.
    [[nodiscard]] Result<VerifyReport> verifyRange(qint64 afterSeq, qint64 limit,
                                                   const Progress &progress) const;
    /// Inserts quarantine rows inside an open transaction; the error text or empty.
    [[nodiscard]] QString quarantineLocked(const std::vector<QuarantineItem> &items);
    /// Inserts drafts inside an open transaction, continuing the chain from seq/prev; the error text or
    /// empty.
    [[nodiscard]] QString insertLocked(std::vector<Entry> &drafts, qint64 &seq, QByteArray &prev);
    /// Indexes the geometry of the entries in (after, upto] from their stored GeoJSON; in a transaction.
    [[nodiscard]] QString indexRangeLocked(qint64 after, qint64 upto) const;
    /// The watermark, or nothing if its row is missing (the index must then be rebuilt).
    [[nodiscard]] Result<std::optional<qint64>> readGeoWatermark() const;
    /// Brings m_seen up to the last feed_seen row (rows another connection added included); in a
    /// transaction. The error text or empty.
    [[nodiscard]] QString loadSeenLocked();
    /// Keeps a message seen in memory, and lets the earliest go past m_seenCapacity.
    void rememberSeen(const SeenKey &key, qint64 time, qint64 row);
    void forgetSeenInMemory();
    /// The feed_seen row of a message not in memory, looked up by its time in the file; 0 if none.
    [[nodiscard]] Result<qint64> findSeenLocked(const QString &key, qint64 time);
    /// Forgets the messages whose entries lie beyond the end of the log (a cut log): they may be stored
    /// again. In a transaction. The error text or empty.
    [[nodiscard]] QString forgetSeenBeyondLocked(qint64 lastSeq);

    /// Where each draft of a batch ends up: a stored entry with its id, or the fresh draft at `fresh`.
    struct Placed
    {
        std::optional<Entry> stored;
        std::size_t fresh = 0;
    };
    /// Takes out of `drafts` those whose id the room already holds or that repeat an id earlier in the batch
    /// (sqlite_entry_ids.cpp); `placed` stays empty when no draft carries an id. In a transaction. The error
    /// text or empty.
    [[nodiscard]] QString takeStoredLocked(std::vector<Entry> &drafts, std::vector<Placed> &placed);
    /// The batch's result in draft order: fresh drafts as stored, the others as found.
    [[nodiscard]] static std::vector<Entry> placeStored(std::vector<Entry> fresh, std::vector<Placed> placed);
    /// Brings m_ids up to the last entry; in a transaction. The error text or empty.
    [[nodiscard]] QString loadIdsLocked();

    // mutable: a read may bring the derived spatial index up to date (catchUpGeoIndex); the log itself
    // never changes through a const method.
    mutable sql::Database m_db;
    /// Reads and per-batch statements, prepared once (declared after m_db: destroyed before it).
    mutable sql::StatementCache m_statements{m_db};
    RoomInfo m_room;
    qint64 m_lastSeq = 0;
    QByteArray m_lastHash;
    sql::Statement m_insertEntry;
    sql::Statement m_insertGeo;
    sql::Statement m_insertCell;
    sql::Statement m_upsertBlock;
    // Used by catchUpGeoIndex() from reads as well.
    mutable sql::Statement m_geoUpto;
    mutable sql::Statement m_setGeoUpto;
    mutable sql::Statement m_indexPoints;
    mutable sql::Statement m_indexPolygons;
    /// Messages seen, as far as memory keeps them: the message's key → its feed_seen row. feed_seen has no
    /// index on its key (schema 9), only on the message's time (schema 12). Memory keeps every message whose
    /// time is at or after m_seenFloor, at most m_seenCapacity of them (the most recent by that time), and
    /// the rows of rooms older than schema 12, which have no time; a message older than the floor is looked
    /// up by its time in the file. Read from the file at the first feed append.
    QHash<SeenKey, qint64> m_seen;
    /// The messages of m_seen that have a time, the earliest first: the next to leave memory.
    struct SeenTime
    {
        qint64 time = 0;
        SeenKey key;
        friend bool operator>(const SeenTime &a, const SeenTime &b) { return a.time > b.time; }
    };
    std::priority_queue<SeenTime, std::vector<SeenTime>, std::greater<>> m_seenByTime;
    qint64 m_seenFloor = std::numeric_limits<qint64>::min();
    std::size_t m_seenCapacity = defaultSeenCapacity;
    bool m_seenLoaded = false;
    qint64 m_seenUpto = 0;
    /// The highest seq that a message of m_seen has its entries up to (feed_seen.seq, schema 10).
    qint64 m_seenMaxSeq = 0;
    /// Every entry's id (64 bits of it) → its seq, up to m_idsUpto: entries are unique by id, as on the
    /// server, and the file has no index on the id (a random key would dirty a page of its own per entry).
    /// Read at the first batch that brings ids of its own; about 30 bytes per entry.
    QMultiHash<quint64, qint64> m_ids;
    qint64 m_idsUpto = 0;
};

} // namespace vigie
