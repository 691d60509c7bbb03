#pragma once
// The room's log in one SQLite file: WAL, synchronous=FULL, one writer.
#include "store/log_store.h"
#include "store/sqlite_db.h"

#include <memory>

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
    [[nodiscard]] Result<std::vector<Entry>> append(std::vector<Entry> drafts) override;
    using LogStore::read;
    [[nodiscard]] Result<void> read(const EntryQuery &query, const Visitor &visit) const override;
    [[nodiscard]] Result<VerifyReport> verify(const Progress &progress = {}) const override;
    [[nodiscard]] Result<qint64> quarantine(const QuarantineItem &item) override;
    [[nodiscard]] Result<std::vector<QuarantineItem>> quarantined() const override;
    [[nodiscard]] Result<FeedAppend> appendFeed(std::vector<FeedArrival> arrivals, Timestamp received) override;
    [[nodiscard]] Result<void> saveSnapshot(const Snapshot &snapshot) override;
    [[nodiscard]] Result<std::optional<Snapshot>> snapshotFor(Timestamp t) const override;
    [[nodiscard]] Result<qint64> lastSnapshotSeq() const override;

    [[nodiscard]] const QString &path() const { return m_db.path(); }

private:
    SqliteLogStore() = default;
    [[nodiscard]] Result<void> prepareStatements();
    [[nodiscard]] Result<void> loadState();
    /// Inserts drafts inside an open transaction, continuing the chain from seq/prev; the error text or
    /// empty.
    [[nodiscard]] QString insertLocked(std::vector<Entry> &drafts, qint64 &seq, QByteArray &prev);

    sql::Database m_db;
    RoomInfo m_room;
    qint64 m_lastSeq = 0;
    QByteArray m_lastHash;
    sql::Statement m_insertEntry;
    sql::Statement m_insertGeo;
    sql::Statement m_upsertBlock;
};

} // namespace vigie
