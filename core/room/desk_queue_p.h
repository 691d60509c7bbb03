#pragma once
// The desk's queue file (DeskLink::Queue), private to desk_link.cpp: a file of its own beside the replica, so
// that the replica stays a room file holding the server's chain and nothing else.
#include "room/desk_link.h"
#include "store/sqlite_db.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace vigie {

// The queue file: drafts as prepared when written at the desk (id, event and record time included), in
// the order they were written. A file of its own beside the replica, so that the replica stays a room file
// holding the server's chain and nothing else.
class DeskLink::Queue
{
public:
    static Result<std::unique_ptr<Queue>> open(const QString &path)
    {
        auto db = sql::Database::open(path, sql::Database::Mode::ReadWriteCreate);
        if (!db)
            return db.error();
        std::unique_ptr<Queue> q(new Queue);
        q->m_db = std::move(*db);
        for (const char *s :
             {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL",
              "CREATE TABLE IF NOT EXISTS queue(pos INTEGER PRIMARY KEY AUTOINCREMENT, "
              "id TEXT NOT NULL UNIQUE, event_time INTEGER NOT NULL, record_time INTEGER NOT "
              "NULL, author TEXT NOT NULL, role TEXT NOT NULL, agency TEXT NOT NULL, kind TEXT "
              "NOT NULL, geo TEXT NOT NULL, data TEXT NOT NULL)",
              "CREATE TABLE IF NOT EXISTS link_state(key TEXT PRIMARY KEY, value INTEGER NOT NULL)",
              // Input refused at this desk (an imported file's bad rows), scrubbed, for the server's
              // quarantine.
              "CREATE TABLE IF NOT EXISTS refused(pos INTEGER PRIMARY KEY AUTOINCREMENT, received INTEGER "
              "NOT "
              "NULL, source TEXT NOT NULL, position TEXT NOT NULL, reason TEXT NOT NULL, input BLOB NOT "
              "NULL)"})
            if (auto r = q->m_db.exec(s); !r)
                return Error{
                    QCoreApplication::translate("vigie::room", "%1: cannot open the desk's queue: %2")
                        .arg(path, r.error().message)};
        return q;
    }

    /// Stores prepared drafts and the input refused with them (scrubbed), all or none.
    Result<void> push(const std::vector<Entry> &prepared, const std::vector<QuarantineItem> &refused = {})
    {
        if (auto r = m_db.exec("BEGIN IMMEDIATE"); !r)
            return r;
        if (!refused.empty()) {
            auto keep = m_db.prepare(
                "INSERT INTO refused(received, source, position, reason, input) VALUES (?, ?, ?, ?, ?)");
            if (!keep) {
                (void)m_db.exec("ROLLBACK");
                return keep.error();
            }
            for (const QuarantineItem &q : refused) {
                keep->reset();
                keep->bind(1, q.received.msecs);
                keep->bindText(2, q.source.toUtf8());
                keep->bindText(3, q.position.toUtf8());
                keep->bindText(4, q.reason.toUtf8());
                keep->bindBlob(5, q.input);
                if (keep->step() != sql::Statement::Step::Done) {
                    const QString why = keep->lastError();
                    (void)m_db.exec("ROLLBACK");
                    return Error{
                        QCoreApplication::translate("vigie::room", "%1: cannot queue the refused input: %2")
                            .arg(m_db.path(), why)};
                }
            }
        }
        auto insert =
            m_db.prepare("INSERT INTO queue(id, event_time, record_time, author, role, agency, kind, "
                         "geo, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        if (!insert) {
            (void)m_db.exec("ROLLBACK");
            return insert.error();
        }
        for (const Entry &e : prepared) {
            insert->reset();
            insert->bindText(1, e.id.toString(QUuid::WithoutBraces).toUtf8());
            insert->bind(2, e.eventTime.msecs);
            insert->bind(3, e.recordTime.msecs);
            insert->bindText(4, e.author.toUtf8());
            insert->bindText(5, e.role.toUtf8());
            insert->bindText(6, e.agency.toUtf8());
            insert->bindText(7, e.kind.toUtf8());
            insert->bindText(8, compactGeoJson(e.geo));
            insert->bindText(9, compactDataJson(e.data));
            if (insert->step() != sql::Statement::Step::Done) {
                const QString why = insert->lastError();
                (void)m_db.exec("ROLLBACK");
                return Error{QCoreApplication::translate("vigie::room", "%1: cannot queue the entries: %2")
                                 .arg(m_db.path(), why)};
            }
        }
        return m_db.exec("COMMIT");
    }

    /// Queues entries ahead of every row (they were written before them), those whose id is queued
    /// already excepted; all or none.
    Result<void> pushFront(const std::vector<Entry> &entries)
    {
        if (entries.empty())
            return {};
        if (auto r = m_db.exec("BEGIN IMMEDIATE"); !r)
            return r;
        auto first = m_db.prepare("SELECT coalesce(min(pos), 1) FROM queue");
        if (!first || first->step() != sql::Statement::Step::Row) {
            (void)m_db.exec("ROLLBACK");
            return Error{QCoreApplication::translate("vigie::room", "%1: cannot read the desk's queue")
                             .arg(m_db.path())};
        }
        qint64 pos = first->int64(0) - qint64(entries.size());
        auto insert =
            m_db.prepare("INSERT OR IGNORE INTO queue(pos, id, event_time, record_time, author, role, "
                         "agency, kind, geo, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        if (!insert) {
            (void)m_db.exec("ROLLBACK");
            return insert.error();
        }
        for (const Entry &e : entries) {
            insert->reset();
            insert->bind(1, pos++);
            insert->bindText(2, e.id.toString(QUuid::WithoutBraces).toUtf8());
            insert->bind(3, e.eventTime.msecs);
            insert->bind(4, e.recordTime.msecs);
            insert->bindText(5, e.author.toUtf8());
            insert->bindText(6, e.role.toUtf8());
            insert->bindText(7, e.agency.toUtf8());
            insert->bindText(8, e.kind.toUtf8());
            insert->bindText(9, compactGeoJson(e.geo));
            insert->bindText(10, compactDataJson(e.data));
            if (insert->step() != sql::Statement::Step::Done) {
                const QString why = insert->lastError();
                (void)m_db.exec("ROLLBACK");
                return Error{QStringLiteral("%1: cannot queue the entries again: %2").arg(m_db.path(), why)};
            }
        }
        return m_db.exec("COMMIT");
    }

    struct Row
    {
        qint64 pos = 0;
        Entry draft;
    };
    /// The first `limit` rows (all if < 0), in the order written.
    Result<std::vector<Row>> front(qint64 limit) const
    {
        auto select =
            m_db.prepare("SELECT pos, id, event_time, record_time, author, role, agency, kind, geo, "
                         "data FROM queue ORDER BY pos LIMIT ?");
        if (!select)
            return select.error();
        select->bind(1, limit);
        std::vector<Row> out;
        for (;;) {
            const auto step = select->step();
            if (step == sql::Statement::Step::Done)
                break;
            if (step == sql::Statement::Step::Error)
                return Error{
                    QCoreApplication::translate("vigie::room", "%1: cannot read the desk's queue: %2")
                        .arg(m_db.path(), select->lastError())};
            Row row;
            row.pos = select->int64(0);
            Entry &e = row.draft;
            e.id = QUuid::fromString(select->text(1));
            e.eventTime = Timestamp{select->int64(2)};
            e.recordTime = Timestamp{select->int64(3)};
            e.author = select->text(4);
            e.role = select->text(5);
            e.agency = select->text(6);
            e.kind = select->text(7);
            if (const QByteArray geo = select->bytes(8); !geo.isEmpty()) {
                auto g = geometryFromGeoJson(QJsonDocument::fromJson(geo).object());
                if (!g)
                    return Error{
                        QStringLiteral("%1: queued entry %2 has a geometry this program cannot read: %3")
                            .arg(m_db.path(), select->text(1), g.error().message)};
                e.geo = std::move(*g);
            }
            e.data = QJsonDocument::fromJson(select->bytes(9)).object();
            out.push_back(std::move(row));
        }
        return out;
    }

    struct RefusedRow
    {
        qint64 pos = 0;
        QuarantineItem item;
    };
    /// The refused input queued, in the order written.
    Result<std::vector<RefusedRow>> refused() const
    {
        auto select = m_db.prepare("SELECT pos, received, source, position, reason, input FROM refused "
                                   "ORDER BY pos");
        if (!select)
            return select.error();
        std::vector<RefusedRow> out;
        for (;;) {
            const auto step = select->step();
            if (step == sql::Statement::Step::Done)
                return out;
            if (step == sql::Statement::Step::Error)
                return Error{QStringLiteral("%1: cannot read the refused input queued: %2")
                                 .arg(m_db.path(), select->lastError())};
            RefusedRow row;
            row.pos = select->int64(0);
            row.item.received = Timestamp{select->int64(1)};
            row.item.source = select->text(2);
            row.item.position = select->text(3);
            row.item.reason = select->text(4);
            row.item.input = select->bytes(5);
            out.push_back(std::move(row));
        }
    }
    Result<void> removeRefusedThrough(qint64 pos)
    {
        auto del = m_db.prepare("DELETE FROM refused WHERE pos <= ?");
        if (!del)
            return del.error();
        del->bind(1, pos);
        if (del->step() != sql::Statement::Step::Done)
            return Error{QStringLiteral("%1: cannot clear the refused input sent: %2")
                             .arg(m_db.path(), del->lastError())};
        return {};
    }

    /// A number the link keeps across its runs (the last quarantine row copied from the server).
    Result<qint64> state(const char *key) const
    {
        auto select = m_db.prepare("SELECT value FROM link_state WHERE key = ?");
        if (!select)
            return select.error();
        select->bindText(1, key);
        return select->step() == sql::Statement::Step::Row ? select->int64(0) : 0;
    }
    Result<void> setState(const char *key, qint64 value)
    {
        auto upsert =
            m_db.prepare("INSERT INTO link_state(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE "
                         "SET value = excluded.value");
        if (!upsert)
            return upsert.error();
        upsert->bindText(1, key);
        upsert->bind(2, value);
        if (upsert->step() != sql::Statement::Step::Done)
            return Error{QStringLiteral("%1: %2").arg(m_db.path(), upsert->lastError())};
        return {};
    }

    Result<void> removeThrough(qint64 pos)
    {
        auto del = m_db.prepare("DELETE FROM queue WHERE pos <= ?");
        if (!del)
            return del.error();
        del->bind(1, pos);
        if (del->step() != sql::Statement::Step::Done)
            return Error{QStringLiteral("%1: cannot clear sent entries from the desk's queue: %2")
                             .arg(m_db.path(), del->lastError())};
        return {};
    }

private:
    Queue() = default;
    sql::Database m_db;
};

} // namespace vigie
