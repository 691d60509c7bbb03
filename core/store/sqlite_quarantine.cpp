// SqliteLogStore's readers of the feed bookkeeping and the quarantine, apart from the log's append and read
// paths (sqlite_log_store.cpp).
#include "store/sqlite_log_store.h"

#include <QCoreApplication>

namespace vigie {

namespace {

/// A read that stopped on an error says so: an empty list would pass for a quarantine with nothing in it.
Error quarantineReadError(const QString &path, const QString &why)
{
    return Error{
        QCoreApplication::translate("vigie::store", "%1: reading the quarantine failed: %2").arg(path, why)};
}

} // namespace

Result<std::vector<QuarantineItem>> SqliteLogStore::quarantinedAfter(qint64 afterId, qint64 limit) const
{
    // The row id is the primary key: a reader that follows the quarantine pays for the new rows only.
    auto stmt = m_db.prepare("SELECT id, received, source, position, reason, input FROM quarantine "
                             "WHERE id > ? ORDER BY id LIMIT ?");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, afterId);
    stmt->bind(2, limit);
    std::vector<QuarantineItem> items;
    sql::Statement::Step step;
    while ((step = stmt->step()) == sql::Statement::Step::Row)
        items.push_back({stmt->int64(0), Timestamp{stmt->int64(1)}, stmt->text(2), stmt->text(3),
                         stmt->text(4), stmt->bytes(5)});
    if (step == sql::Statement::Step::Error)
        return quarantineReadError(m_db.path(), stmt->lastError());
    return items;
}

Result<std::optional<std::vector<FeedRepeats>>> SqliteLogStore::feedRepeats() const
{
    // A room file counts the arrivals of the messages it received (feed_seen, one row per message). A desk's
    // replica received none: the server counted them, and the desk does not know.
    if (!m_room.replicaOf.isEmpty())
        return std::optional<std::vector<FeedRepeats>>{};
    auto stmt = m_db.prepare("SELECT source, SUM(count - 1), MAX(last_seen) FROM feed_seen WHERE count > 1 "
                             "GROUP BY source ORDER BY source");
    if (!stmt)
        return stmt.error();
    std::vector<FeedRepeats> out;
    sql::Statement::Step step;
    while ((step = stmt->step()) == sql::Statement::Step::Row)
        out.push_back({stmt->text(0), stmt->int64(1), Timestamp{stmt->int64(2)}});
    if (step == sql::Statement::Step::Error)
        return Error{
            QCoreApplication::translate("vigie::store", "%1: reading the feed bookkeeping failed: %2")
                .arg(m_db.path(), stmt->lastError())};
    return std::optional<std::vector<FeedRepeats>>(std::move(out));
}

} // namespace vigie
