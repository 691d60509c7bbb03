#include "store/sqlite_db.h"

#include <QCoreApplication>

#include <sqlite3.h>

#include <utility>

namespace vigie::sql {

// Errors are English, the language of vigie-cli; the console shows them in French (ui/i18n/vigie_core_fr.ts).
// What SQLite says (its own English) stays as it is, quoted in the French.

Database::~Database()
{
    if (m_db)
        sqlite3_close_v2(m_db);
}

Database::Database(Database &&other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)), m_path(std::move(other.m_path))
{}

Database &Database::operator=(Database &&other) noexcept
{
    if (this != &other) {
        if (m_db)
            sqlite3_close_v2(m_db);
        m_db = std::exchange(other.m_db, nullptr);
        m_path = std::move(other.m_path);
    }
    return *this;
}

Result<Database> Database::open(const QString &path, Mode mode)
{
    int flags = SQLITE_OPEN_NOMUTEX;
    switch (mode) {
    case Mode::ReadWrite:
        flags |= SQLITE_OPEN_READWRITE;
        break;
    case Mode::ReadWriteCreate:
        flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
        break;
    case Mode::ReadOnly:
        flags |= SQLITE_OPEN_READONLY;
        break;
    }
    Database db;
    db.m_path = path;
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &db.m_db, flags, nullptr);
    if (rc != SQLITE_OK) {
        const QString why =
            db.m_db ? QString::fromUtf8(sqlite3_errmsg(db.m_db)) : QStringLiteral("out of memory");
        return Error{QCoreApplication::translate("vigie::store", "cannot open %1: %2").arg(path, why)};
    }
    sqlite3_extended_result_codes(db.m_db, 1);
    db.setBusyTimeout(defaultBusyTimeoutMs);
    return db;
}

void Database::setBusyTimeout(int ms)
{
    sqlite3_busy_timeout(m_db, ms);
}

Result<void> Database::exec(const QByteArray &sql)
{
    char *message = nullptr;
    if (sqlite3_exec(m_db, sql.constData(), nullptr, nullptr, &message) != SQLITE_OK) {
        const QString why = QString::fromUtf8(message ? message : "unknown error");
        sqlite3_free(message);
        return Error{QCoreApplication::translate("vigie::store", "%1: %2 (in: %3)")
                         .arg(m_path, why, QString::fromUtf8(sql.left(120)))};
    }
    return {};
}

Result<Statement> Database::prepare(const QByteArray &sql) const
{
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v3(m_db, sql.constData(), int(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt,
                           nullptr) != SQLITE_OK)
        return Error{QCoreApplication::translate("vigie::store", "%1: cannot prepare statement: %2")
                         .arg(m_path, lastError())};
    return Statement(stmt, m_db);
}

QString Database::lastError() const
{
    return m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QString();
}

qint64 Database::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

qint64 Database::changes() const
{
    return sqlite3_changes64(m_db);
}

Statement::~Statement()
{
    if (m_stmt)
        sqlite3_finalize(m_stmt);
}

Statement::Statement(Statement &&other) noexcept
    : m_stmt(std::exchange(other.m_stmt, nullptr)), m_db(std::exchange(other.m_db, nullptr))
{}

Statement &Statement::operator=(Statement &&other) noexcept
{
    if (this != &other) {
        if (m_stmt)
            sqlite3_finalize(m_stmt);
        m_stmt = std::exchange(other.m_stmt, nullptr);
        m_db = std::exchange(other.m_db, nullptr);
    }
    return *this;
}

void Statement::bind(int index, qint64 value)
{
    sqlite3_bind_int64(m_stmt, index, value);
}

void Statement::bind(int index, double value)
{
    sqlite3_bind_double(m_stmt, index, value);
}

void Statement::bindText(int index, const QByteArray &utf8)
{
    sqlite3_bind_text(m_stmt, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
}

void Statement::bindBlob(int index, const QByteArray &bytes)
{
    sqlite3_bind_blob(m_stmt, index, bytes.constData(), int(bytes.size()), SQLITE_TRANSIENT);
}

// SQLite binds a null pointer as SQL NULL; an empty string or blob must stay empty (NOT NULL columns).
void Statement::bindTextView(int index, QByteArrayView utf8)
{
    sqlite3_bind_text(m_stmt, index, utf8.data() ? utf8.data() : "", int(utf8.size()), SQLITE_STATIC);
}

void Statement::bindBlobView(int index, QByteArrayView bytes)
{
    sqlite3_bind_blob(m_stmt, index, bytes.data() ? bytes.data() : "", int(bytes.size()), SQLITE_STATIC);
}

void Statement::bindNull(int index)
{
    sqlite3_bind_null(m_stmt, index);
}

Statement::Step Statement::step()
{
    switch (sqlite3_step(m_stmt)) {
    case SQLITE_ROW:
        return Step::Row;
    case SQLITE_DONE:
        return Step::Done;
    default:
        return Step::Error;
    }
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

qint64 Statement::int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

double Statement::real(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

QByteArray Statement::bytes(int column) const
{
    const void *data = sqlite3_column_blob(m_stmt, column);
    const int size = sqlite3_column_bytes(m_stmt, column);
    return QByteArray(static_cast<const char *>(data), size);
}

QString Statement::text(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return QString::fromUtf8(data, sqlite3_column_bytes(m_stmt, column));
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

QString Statement::lastError() const
{
    return m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QString();
}

bool Statement::lastErrorIsDamage() const
{
    if (!m_db)
        return false;
    const int code = sqlite3_errcode(m_db) & 0xff;
    return code == SQLITE_CORRUPT || code == SQLITE_NOTADB;
}

Result<StatementCache::Lease> StatementCache::take(const QByteArray &sql)
{
    if (auto it = m_free.find(sql); it != m_free.end() && !it->second.empty()) {
        Statement statement = std::move(it->second.back());
        it->second.pop_back();
        return Lease(this, sql, std::move(statement));
    }
    auto prepared = m_db->prepare(sql);
    if (!prepared)
        return prepared.error();
    return Lease(this, sql, std::move(*prepared));
}

StatementCache::Lease::~Lease()
{
    if (!m_cache || !m_statement.isValid())
        return;
    m_statement.reset();
    // Kept for the next use of the same text, up to a bound: a text built from values (a box's cell ranges)
    // must not make the cache, and SQLite's memory for its statements, grow with every new value.
    auto &free = m_cache->m_free;
    if (free.size() >= maxTexts && !free.contains(m_sql))
        return; // finalised with this lease
    free[m_sql].push_back(std::move(m_statement));
}

} // namespace vigie::sql
