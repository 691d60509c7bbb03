#pragma once
// A thin RAII layer over the SQLite C API. The log is the hot path (hundreds of thousands of rows a second,
// prepared statements reused, explicit transactions, R*Tree): Qt SQL's QVariant-per-value interface costs
// several times the insert itself there, so the store talks to SQLite directly.
#include "util/result.h"

#include <QByteArray>
#include <QString>

#include <map>
#include <memory>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace vigie::sql {

class Statement;

class Database
{
public:
    Database() = default;
    ~Database();
    Database(Database &&other) noexcept;
    Database &operator=(Database &&other) noexcept;
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    enum class Mode
    {
        ReadWrite,
        ReadWriteCreate,
        ReadOnly
    };
    [[nodiscard]] static Result<Database> open(const QString &path, Mode mode);

    /// How long a statement waits for another connection's lock before failing with "database is locked".
    static constexpr int defaultBusyTimeoutMs = 5000;
    void setBusyTimeout(int ms);

    [[nodiscard]] Result<void> exec(const QByteArray &sql);
    [[nodiscard]] Result<Statement> prepare(const QByteArray &sql) const;
    [[nodiscard]] QString lastError() const;
    [[nodiscard]] qint64 lastInsertRowId() const;
    /// Rows inserted, updated or deleted by the last statement that completed.
    [[nodiscard]] qint64 changes() const;
    [[nodiscard]] sqlite3 *handle() const { return m_db; }
    [[nodiscard]] const QString &path() const { return m_path; }

private:
    sqlite3 *m_db = nullptr;
    QString m_path;
};

class Statement
{
public:
    Statement() = default;
    ~Statement();
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&other) noexcept;
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    enum class Step
    {
        Row,
        Done,
        Error
    };

    void bind(int index, qint64 value);
    void bind(int index, double value);
    void bindText(int index, const QByteArray &utf8);  ///< copies
    void bindBlob(int index, const QByteArray &bytes); ///< copies
    /// Binds without a copy: the bytes must stay alive and unchanged until the next step() or reset().
    void bindTextView(int index, QByteArrayView utf8);
    void bindBlobView(int index, QByteArrayView bytes);
    void bindNull(int index);
    [[nodiscard]] Step step();
    void reset();

    [[nodiscard]] qint64 int64(int column) const;
    [[nodiscard]] double real(int column) const;
    [[nodiscard]] QByteArray bytes(int column) const; ///< text or blob
    [[nodiscard]] QString text(int column) const;
    [[nodiscard]] bool isNull(int column) const;
    [[nodiscard]] QString lastError() const;
    /// Whether the last error says the file itself is damaged (SQLITE_CORRUPT, SQLITE_NOTADB), not busy or
    /// out of space.
    [[nodiscard]] bool lastErrorIsDamage() const;
    [[nodiscard]] bool isValid() const { return m_stmt != nullptr; }
    [[nodiscard]] sqlite3_stmt *handle() const { return m_stmt; }

private:
    friend class Database;
    Statement(sqlite3_stmt *stmt, sqlite3 *db) : m_stmt(stmt), m_db(db) {}
    sqlite3_stmt *m_stmt = nullptr;
    sqlite3 *m_db = nullptr;
};

/// Prepared statements kept for reuse, by SQL text: preparing costs more than running the short reads and
/// writes made once per batch or per tick. A statement in use is lent out, so a nested use of the same text
/// (a read inside a read's visitor) prepares its own. The cache must outlive its leases and must not outlive
/// its database.
class StatementCache
{
public:
    class Lease
    {
    public:
        Lease(Lease &&other) noexcept = default;
        Lease &operator=(Lease &&) = delete;
        Lease(const Lease &) = delete;
        ~Lease();
        Statement &operator*() { return m_statement; }
        Statement *operator->() { return &m_statement; }

    private:
        friend class StatementCache;
        Lease(StatementCache *cache, QByteArray sql, Statement statement)
            : m_cache(cache), m_sql(std::move(sql)), m_statement(std::move(statement))
        {}
        StatementCache *m_cache;
        QByteArray m_sql;
        Statement m_statement;
    };

    explicit StatementCache(const Database &db) : m_db(&db) {}
    StatementCache(const StatementCache &) = delete;
    StatementCache &operator=(const StatementCache &) = delete;

    /// A reset statement for `sql` (its parameters must all be bound again), prepared if none is free.
    [[nodiscard]] Result<Lease> take(const QByteArray &sql);
    /// Forgets every free statement (e.g. before the database is replaced).
    void clear() { m_free.clear(); }
    /// Distinct texts with a statement kept free (for the tests).
    [[nodiscard]] std::size_t texts() const { return m_free.size(); }

private:
    /// Distinct statement texts kept free at most; a lease of another text is finalised when returned.
    static constexpr std::size_t maxTexts = 64;
    const Database *m_db;
    std::map<QByteArray, std::vector<Statement>> m_free;
};

} // namespace vigie::sql
