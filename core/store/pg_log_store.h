#pragma once
// A shared room's log on a PostgreSQL server: the server of record that every desk appends to. Several rooms
// share one database (table `rooms`); each has one hash chain, the same as a SQLite room's (the same
// canonical bytes, so an entry hashes the same on both backends).
//
// Ordering: an append locks its room's head row (`SELECT … FOR UPDATE` on `rooms`), continues the chain from
// the last seq and hash read there, inserts its entries and moves the head, all in one transaction. Writers
// on other connections or machines wait for the lock, so seqs have no gaps and the chain never forks. After
// the entries the transaction sends `NOTIFY vigie_room, '<room id>:<last seq>'`, delivered at commit.
//
// Idempotency: entries are unique by (room, id). A draft whose id the room already holds is not stored
// again: the append returns the stored entry, so retrying a batch whose reply was lost never duplicates.
//
// Through libpq's C API directly, as the SQLite store talks to SQLite's: statements are prepared once per
// connection, parameters and results travel in binary (no numbers printed and parsed, the hashed JSON text
// passed through as it is), and a batch's rows go as arrays in one INSERT, so a batch of any size costs the
// same few round trips (begin and lock, insert, move the head, commit) rather than one per entry. Qt's
// QPSQL driver would send one statement per row with text parameters.
//
// A connection lost (server restarted, network cut) fails the call under way with a message naming the
// server; the next call reconnects. Not thread-safe: one object per thread, as for SQLite.
#include "store/log_store.h"
#include "store/pg_db.h"
#include "store/pg_url.h"

#include <memory>

namespace vigie {

class PgLogStore final : public LogStore
{
public:
    /// Creates a room named `where.room` with its secret (the key for keyed hashing of personal data, kept
    /// in `room_secrets` so that every desk produces the same tokens); fails if the name is taken.
    [[nodiscard]] static Result<std::unique_ptr<PgLogStore>>
    create(const PgLocation &where, const RoomInfo &room, const QByteArray &secret);
    /// Opens the room named `where.room`, migrating the database's schema if it is older.
    [[nodiscard]] static Result<std::unique_ptr<PgLogStore>> open(const PgLocation &where);
    ~PgLogStore() override;

    [[nodiscard]] const RoomInfo &room() const override { return m_room; }
    [[nodiscard]] qint64 lastSeq() const override { return m_lastSeq; }
    [[nodiscard]] QByteArray lastHash() const override { return m_lastHash; }
    [[nodiscard]] Result<std::vector<Entry>> append(std::vector<Entry> drafts,
                                                    std::vector<QuarantineItem> refused = {}) override;
    using LogStore::read;
    [[nodiscard]] Result<void> read(const EntryQuery &query, const Visitor &visit) const override;
    [[nodiscard]] Result<VerifyReport> verify(const Progress &progress = {}) const override;
    [[nodiscard]] Result<qint64> quarantine(const QuarantineItem &item) override;
    [[nodiscard]] Result<std::vector<QuarantineItem>> quarantined() const override;
    [[nodiscard]] Result<FeedAppend> appendFeed(std::vector<FeedArrival> arrivals, Timestamp received,
                                                std::vector<QuarantineItem> refused = {}) override;
    [[nodiscard]] Result<void> saveSnapshot(const Snapshot &snapshot) override;
    [[nodiscard]] Result<std::optional<Snapshot>> snapshotFor(Timestamp t) const override;
    [[nodiscard]] Result<qint64> lastSnapshotSeq() const override;

    /// The room's secret, from `room_secrets`.
    [[nodiscard]] Result<QByteArray> secret() const;
    /// The server and database, for messages.
    [[nodiscard]] const QString &server() const { return m_db.server(); }
    /// LISTENs for the room's commits (from the first call on) and waits up to `timeoutMs` for one: the
    /// last seq notified for this room, or nothing if none came in time. Commits from any connection count,
    /// this one's included.
    [[nodiscard]] Result<std::optional<qint64>> waitForNotification(int timeoutMs);

private:
    PgLogStore() = default;
    [[nodiscard]] Result<void> load(const QString &name);
    /// Begins a transaction and locks the room's head, reading it into m_lastSeq/m_lastHash.
    [[nodiscard]] Result<void> beginAndLock();
    /// Appends drafts inside the open transaction (the head locked); stored entries with the same ids are
    /// returned in place of their drafts.
    [[nodiscard]] Result<std::vector<Entry>> appendLocked(std::vector<Entry> drafts, qint64 &seq,
                                                          QByteArray &prev);
    [[nodiscard]] Result<void> quarantineLocked(const std::vector<QuarantineItem> &items);
    /// Moves the head and notifies listeners; then commits.
    [[nodiscard]] Result<void> commit(qint64 seq, const QByteArray &prev, bool appended);
    [[nodiscard]] Error rollback(const Error &why, const char *what);
    /// Reads the room's entries with seq in (after, upto] in pages, in seq order.
    [[nodiscard]] Result<void>
    scan(const QByteArray &where, const pg::Params &params, qint64 after,
         const std::function<bool(Entry &, QByteArrayView geo, QByteArrayView data)> &visit) const;

    mutable pg::Connection m_db;
    RoomInfo m_room;
    QUuid m_roomId;
    qint64 m_lastSeq = 0;
    QByteArray m_lastHash;
    bool m_listening = false;
    int m_listeningSince = 0; ///< m_db.reconnections() when LISTEN was sent
};

} // namespace vigie
