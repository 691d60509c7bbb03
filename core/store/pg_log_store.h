#pragma once
// A shared room's log on a PostgreSQL server: the server of record that every desk appends to. Several rooms
// share one database (table `rooms`); each has one hash chain, the same as a SQLite room's (the same
// canonical bytes, so an entry hashes the same on both backends).
//
// Ordering: the server orders the log under a row lock on the room's head (`rooms.last_seq`, `last_hash`,
// `SELECT … FOR UPDATE`). An append is one statement, `vigie_append` (pg_schema.cpp, version 2), run in its
// own transaction: the client chains the batch from the head as it last saw it; the server locks the head,
// and writes the batch (entries, refused input, new head, `NOTIFY vigie_room, '<room id>:<last seq>'`,
// delivered at commit) only if the head is still that one. Otherwise it writes nothing and answers with the
// head as it is, and the client chains again from there. Seqs are thus confirmed inside the committing
// transaction under the lock: no gaps, no fork, whatever the number of writers. After a few misses (a room
// written by many desks at once) the client takes the lock first in a transaction of its own, so it cannot
// starve.
//
// Idempotency: entries are unique by (room, id), and an append gives its drafts their ids before it sends
// anything. A draft whose id the room already holds is not stored again: the append returns the stored
// entry, so sending a batch again after a lost reply never duplicates.
//
// Through libpq's C API directly, as the SQLite store talks to SQLite's: statements prepared once per
// connection, parameters and results in binary (no numbers printed and parsed, the hashed JSON text passed
// through as it is), a batch's rows as one array per column: one round trip per batch when nobody else
// wrote since, two when someone did; the head is locked only while the server writes, never while a reply
// crosses the network. Qt's QPSQL driver would send one statement per row, with text parameters.
//
// A connection lost (server restarted, network cut) fails the call under way with a message naming the
// server; the next call reconnects. Not thread-safe: one object per thread, as for SQLite.
#include "store/log_store.h"
#include "store/pg_db.h"
#include "store/pg_url.h"

#include <QHash>

#include <memory>
#include <optional>

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
    [[nodiscard]] Result<std::vector<QuarantineItem>> quarantinedAfter(qint64 afterId,
                                                                       qint64 limit = -1) const override;
    [[nodiscard]] Result<std::optional<std::vector<FeedRepeats>>> feedRepeats() const override;
    [[nodiscard]] Result<FeedAppend> appendFeed(std::vector<FeedArrival> arrivals, Timestamp received,
                                                std::vector<QuarantineItem> refused = {}) override;
    [[nodiscard]] Result<void> saveSnapshot(const Snapshot &snapshot) override;
    [[nodiscard]] Result<std::optional<Snapshot>> snapshotFor(Timestamp t) const override;
    [[nodiscard]] Result<qint64> lastSnapshotSeq() const override;

    /// The room's secret, from `room_secrets`.
    [[nodiscard]] Result<QByteArray> secret() const;
    /// Whether this connection reached a hot standby (read-only, replaying a primary's log).
    [[nodiscard]] bool onStandby() const;
    /// The server and database, for messages.
    [[nodiscard]] const QString &server() const { return m_db.server(); }
    /// LISTENs for the room's commits (from the first call on) and waits up to `timeoutMs` for one: the
    /// last seq notified for this room, or nothing if none came in time. Commits from any connection count,
    /// this one's included. A wait that finds the connection lost says so; the next reconnects and listens
    /// again, and what was notified meanwhile is lost: a notification is a hint, read the log after it.
    /// `wakeFd` (if >= 0): a descriptor that, once readable, ends the wait early with nothing (another
    /// thread has work for the caller).
    [[nodiscard]] Result<std::optional<qint64>> waitForNotification(int timeoutMs, int wakeFd = -1);

    /// Presence: tells the server that desk `desk` of agency `agency` is in the room now (one row per desk
    /// and room, refreshed every few seconds by its link); `gone`: it leaves.
    [[nodiscard]] Result<void> heartbeat(const QString &desk, const QString &agency, bool gone = false);
    struct DeskRow
    {
        QString desk;
        QString agency;
        Timestamp since;     ///< when it joined, or came back after a silence
        Timestamp lastSeen;  ///< its last heartbeat (server clock)
        qint64 silentMs = 0; ///< how long ago that was (server clock)
        bool gone = false;   ///< it left cleanly
    };
    /// Every desk that was ever in the room, by name.
    [[nodiscard]] Result<std::vector<DeskRow>> desks() const;

private:
    PgLogStore() = default;
    [[nodiscard]] Result<void> load(const QString &name);
    /// Begins a transaction and locks the room's head, reading it into m_lastSeq/m_lastHash.
    [[nodiscard]] Result<void> beginAndLock();
    /// The stored entries whose ids some drafts carry; in the open transaction.
    [[nodiscard]] Result<QHash<QUuid, Entry>> storedWithIds(const std::vector<Entry> &drafts);
    /// A batch chained from the head as this store last saw it, ready for vigie_append.
    struct Chained
    {
        std::vector<Entry> out; ///< per draft: as it will be stored, or as stored already
        qint64 expectedSeq = 0, lastSeq = 0;
        QByteArray expectedHash, lastHash;
        pg::Params params;
    };
    [[nodiscard]] Chained chain(std::vector<Entry> drafts, const QHash<QUuid, Entry> &stored,
                                const std::vector<QuarantineItem> &refused) const;
    /// What vigie_append answered: written, or not because the head had moved (and where it is).
    struct Written
    {
        bool written = false;
        qint64 seq = 0;
        QByteArray hash;
    };
    /// Runs vigie_append; `first`: the first statement of the call, outside a transaction.
    [[nodiscard]] Result<Written> send(const Chained &c, bool first);
    [[nodiscard]] Result<void> commit();
    /// Sends a batch chained under the head's lock, commits, and moves this store's head; `what` names the
    /// operation in errors.
    [[nodiscard]] Result<void> sendLockedAndCommit(const Chained &c, const char *what);
    /// An append chained by the server in one statement (schema 4, vigie_append_chain), its flush waited
    /// for. Nothing (no value) when an id of the batch is stored already: nothing was written, and the batch
    /// is sorted out under the head's lock.
    [[nodiscard]] Result<std::optional<std::vector<Entry>>>
    appendChainedByServer(std::vector<Entry> &drafts, const std::vector<QuarantineItem> &refused);
    /// Commits the open transaction without waiting for its flush (the head's lock is released at once),
    /// then waits for the flush by a commit that does: see PgLogStore::append.
    [[nodiscard]] Result<void> commitThenFlush(const char *what);
    /// Rolls the open transaction back; the error says what failed and that nothing was written.
    [[nodiscard]] Error rollback(const Error &why, const char *what);
    /// Reads the room's entries with seq > after matching `where` in pages, in seq order.
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
