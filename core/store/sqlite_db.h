#pragma once
// A thin RAII layer over the SQLite C API. The log is the hot path (hundreds of thousands of rows a second,
// prepared statements reused, explicit transactions, R*Tree): Qt SQL's QVariant-per-value interface costs
// several times the insert itself there, so the store talks to SQLite directly.
#include "util/result.h"

#include <QByteArray>
#include <QString>

#include <memory>

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

private:
    friend class Database;
    Statement(sqlite3_stmt *stmt, sqlite3 *db) : m_stmt(stmt), m_db(db) {}
    sqlite3_stmt *m_stmt = nullptr;
    sqlite3 *m_db = nullptr;
};

} // namespace vigie::sql
