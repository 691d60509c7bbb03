#pragma once
// A thin layer over libpq's C API for the PostgreSQL log store: one connection, statements prepared once by
// name, parameters and results in PostgreSQL's binary format (no number printed and parsed again, bytes
// and JSON text passed through as they are), and arrays, so that a batch of rows is one statement.
#include "util/result.h"

#include <QByteArray>
#include <QSet>
#include <QString>
#include <QUuid>

#include <memory>
#include <optional>
#include <vector>

struct pg_conn;
struct pg_result;

namespace vigie::pg {

/// Type oids of the built-in types we bind (pg_type.h; fixed since PostgreSQL 7).
enum class Type : unsigned
{
    Bool = 16,
    Bytea = 17,
    Int8 = 20,
    Int2 = 21,
    Text = 25,
    Float8 = 701,
    Uuid = 2950,
};

/// A one-dimensional array in binary format, built element by element.
class Array
{
public:
    explicit Array(Type element) : m_element(element) {}
    void add(QByteArrayView bytes);
    void addNull();
    void addInt8(qint64 value);
    void addInt2(qint16 value);
    void addFloat8(double value);
    void addUuid(const QUuid &id);
    [[nodiscard]] QByteArray bytes() const; ///< the wire form: header, then length and bytes per element
    [[nodiscard]] qint64 size() const { return m_count; }

private:
    Type m_element;
    QByteArray m_body;
    qint64 m_count = 0;
    bool m_hasNull = false;
};

/// Parameters of one statement, all in binary format.
class Params
{
public:
    Params &int8(qint64 value);
    Params &int2(qint16 value);
    Params &float8(double value);
    Params &text(QByteArrayView utf8);
    Params &text(const QString &value) { return text(QByteArrayView(value.toUtf8())); }
    Params &bytea(QByteArrayView bytes);
    Params &uuid(const QUuid &id);
    Params &array(const Array &values);
    Params &null(Type type);
    /// Replaces parameter `index` (0-based) with an int8: a statement run again with another bound.
    void setInt8(int index, qint64 value);
    [[nodiscard]] int count() const { return int(m_values.size()); }

private:
    friend class Connection;
    Params &add(Type type, QByteArray bytes, bool isNull = false);
    std::vector<unsigned> m_types;
    std::vector<QByteArray> m_values;
    std::vector<bool> m_nulls;
};

struct ResultDeleter
{
    void operator()(pg_result *r) const;
};

/// The rows of a statement, read in binary format.
class Rows
{
public:
    explicit Rows(pg_result *r) : m_result(r) {}
    [[nodiscard]] int size() const;
    [[nodiscard]] bool isNull(int row, int column) const;
    [[nodiscard]] qint64 int8(int row, int column) const;
    [[nodiscard]] qint16 int2(int row, int column) const;
    [[nodiscard]] double float8(int row, int column) const;
    [[nodiscard]] QByteArrayView bytes(int row, int column) const; ///< valid while the rows live
    [[nodiscard]] QString text(int row, int column) const;
    [[nodiscard]] QUuid uuid(int row, int column) const;

private:
    std::unique_ptr<pg_result, ResultDeleter> m_result;
};

struct ConnectionDeleter
{
    void operator()(pg_conn *c) const;
};

class Connection
{
public:
    /// Connects with a libpq connection string or URI; `server` names it in messages (never a password).
    [[nodiscard]] static Result<Connection> open(const QByteArray &conninfo, const QString &server);

    /// Runs a statement prepared under `name` the first time (again after a reconnection).
    [[nodiscard]] Result<Rows> run(const char *name, const char *sql, const Params &params = {});
    /// Runs a statement with parameters without keeping it prepared (texts that vary from call to call).
    [[nodiscard]] Result<Rows> runOnce(const QByteArray &sql, const Params &params = {});
    /// Runs one or more statements without parameters (BEGIN, COMMIT, migrations).
    [[nodiscard]] Result<void> exec(const char *sql);
    /// run() and exec() for the first statement of an operation, outside a transaction: if the link turns
    /// out to be broken (libpq learns it only when it next talks to the server), reconnects once and runs
    /// the statement again, since nothing was done yet.
    [[nodiscard]] Result<Rows> runFirst(const char *name, const char *sql, const Params &params = {});
    [[nodiscard]] Result<void> execFirst(const char *sql);
    [[nodiscard]] Result<Rows> runFirstOnce(const QByteArray &sql, const Params &params = {});

    /// Before the first statement of an operation: reconnects if the connection was lost since the last
    /// one, and fails with a message naming the server and what to do if it cannot.
    [[nodiscard]] Result<void> ready();
    /// Whether the link to the server is known to be broken.
    [[nodiscard]] bool broken() const;
    /// How many times ready() reconnected; a caller's session state (LISTEN) must be set up again.
    [[nodiscard]] int reconnections() const { return m_reconnections; }
    [[nodiscard]] const QString &server() const { return m_server; }
    /// The SQLSTATE of the last statement that failed ("23505": a unique key taken), empty if none did.
    [[nodiscard]] const QString &lastSqlState() const { return m_sqlState; }
    [[nodiscard]] pg_conn *raw() const { return m_conn.get(); }

private:
    [[nodiscard]] Result<Rows> check(pg_result *r, const char *what);
    [[nodiscard]] Error lost(const QString &what) const;
    std::unique_ptr<pg_conn, ConnectionDeleter> m_conn;
    QString m_server;
    QSet<QByteArray> m_prepared;
    QString m_sqlState;
    int m_reconnections = 0;
};

} // namespace vigie::pg
