#include "store/pg_db.h"

#include <QCoreApplication>
#include <QtEndian>

#include <libpq-fe.h>

#include <bit>
#include <cstring>

namespace vigie::pg {

namespace {

void putInt32(QByteArray &out, qint32 value)
{
    char bytes[4];
    qToBigEndian(value, bytes);
    out.append(bytes, 4);
}

QByteArray int8Bytes(qint64 value)
{
    QByteArray bytes(8, Qt::Uninitialized);
    qToBigEndian(value, bytes.data());
    return bytes;
}

QByteArray float8Bytes(double value)
{
    return int8Bytes(std::bit_cast<qint64>(value));
}

QByteArray int2Bytes(qint16 value)
{
    QByteArray bytes(2, Qt::Uninitialized);
    qToBigEndian(value, bytes.data());
    return bytes;
}

/// libpq's message on one line, without its final punctuation (it is quoted inside ours).
QString errorText(const PGconn *conn)
{
    QString text = QString::fromUtf8(PQerrorMessage(conn)).simplified();
    while (text.endsWith(QLatin1Char('.')) || text.endsWith(QLatin1Char('?')))
        text.chop(1);
    return text;
}

} // namespace

void Array::add(QByteArrayView bytes)
{
    putInt32(m_body, qint32(bytes.size()));
    m_body.append(bytes.data(), bytes.size());
    ++m_count;
}

void Array::addNull()
{
    putInt32(m_body, -1);
    m_hasNull = true;
    ++m_count;
}

void Array::addInt8(qint64 value)
{
    add(int8Bytes(value));
}

void Array::addInt2(qint16 value)
{
    add(int2Bytes(value));
}

void Array::addFloat8(double value)
{
    add(float8Bytes(value));
}

void Array::addUuid(const QUuid &id)
{
    add(id.toRfc4122());
}

QByteArray Array::bytes() const
{
    // array_recv: dimensions, has-null flag, element type, then per dimension its size and lower bound.
    QByteArray out;
    out.reserve(20 + m_body.size());
    putInt32(out, m_count == 0 ? 0 : 1);
    putInt32(out, m_hasNull ? 1 : 0);
    putInt32(out, qint32(m_element));
    if (m_count > 0) {
        putInt32(out, qint32(m_count));
        putInt32(out, 1);
    }
    out.append(m_body);
    return out;
}

Params &Params::add(Type type, QByteArray bytes, bool isNull)
{
    m_types.push_back(unsigned(type));
    m_values.push_back(std::move(bytes));
    m_nulls.push_back(isNull);
    return *this;
}

Params &Params::int8(qint64 value)
{
    return add(Type::Int8, int8Bytes(value));
}

Params &Params::int2(qint16 value)
{
    return add(Type::Int2, int2Bytes(value));
}

Params &Params::float8(double value)
{
    return add(Type::Float8, float8Bytes(value));
}

Params &Params::text(QByteArrayView utf8)
{
    return add(Type::Text, utf8.toByteArray());
}

Params &Params::bytea(QByteArrayView bytes)
{
    return add(Type::Bytea, bytes.toByteArray());
}

Params &Params::uuid(const QUuid &id)
{
    return add(Type::Uuid, id.toRfc4122());
}

Params &Params::array(const Array &values)
{
    // Array types are not in the enum: bind them untyped (0) and let the statement's cast name the type.
    m_types.push_back(0);
    m_values.push_back(values.bytes());
    m_nulls.push_back(false);
    return *this;
}

void Params::setInt8(int index, qint64 value)
{
    m_types[std::size_t(index)] = unsigned(Type::Int8);
    m_values[std::size_t(index)] = int8Bytes(value);
    m_nulls[std::size_t(index)] = false;
}

Params &Params::null(Type type)
{
    return add(type, {}, true);
}

void ResultDeleter::operator()(pg_result *r) const
{
    PQclear(r);
}

int Rows::size() const
{
    return PQntuples(m_result.get());
}

bool Rows::isNull(int row, int column) const
{
    return PQgetisnull(m_result.get(), row, column) != 0;
}

qint64 Rows::int8(int row, int column) const
{
    if (isNull(row, column) || PQgetlength(m_result.get(), row, column) != 8)
        return 0;
    return qFromBigEndian<qint64>(PQgetvalue(m_result.get(), row, column));
}

qint16 Rows::int2(int row, int column) const
{
    if (isNull(row, column) || PQgetlength(m_result.get(), row, column) != 2)
        return 0;
    return qFromBigEndian<qint16>(PQgetvalue(m_result.get(), row, column));
}

double Rows::float8(int row, int column) const
{
    return std::bit_cast<double>(int8(row, column));
}

QByteArrayView Rows::bytes(int row, int column) const
{
    return QByteArrayView(PQgetvalue(m_result.get(), row, column), PQgetlength(m_result.get(), row, column));
}

QString Rows::text(int row, int column) const
{
    return QString::fromUtf8(bytes(row, column));
}

QUuid Rows::uuid(int row, int column) const
{
    return QUuid::fromRfc4122(bytes(row, column));
}

void ConnectionDeleter::operator()(pg_conn *c) const
{
    PQfinish(c);
}

Result<Connection> Connection::open(const QByteArray &conninfo, const QString &server)
{
    Connection c;
    c.m_server = server;
    c.m_conn.reset(PQconnectdb(conninfo.constData()));
    if (!c.m_conn)
        return Error{QCoreApplication::translate("vigie::store",
                                                 "cannot connect to the PostgreSQL server %1: out of memory")
                         .arg(server)};
    if (PQstatus(c.m_conn.get()) != CONNECTION_OK)
        return Error{QCoreApplication::translate(
                         "vigie::store",
                         "cannot connect to the PostgreSQL server %1 (%2). Check that the server "
                         "runs and that this machine may connect to it (host, port, database, "
                         "user, ~/.pgpass)")
                         .arg(server, errorText(c.m_conn.get()))};
    // Timestamps and numbers travel in binary; only messages are text. Keep them readable whatever the
    // server's defaults.
    if (auto r = c.exec("SET client_min_messages = warning"); !r)
        return r.error();
    return c;
}

bool Connection::broken() const
{
    return !m_conn || PQstatus(m_conn.get()) != CONNECTION_OK;
}

Error Connection::lost(const QString &what) const
{
    return Error{QCoreApplication::translate(
                     "vigie::store",
                     "lost the connection to the PostgreSQL server %1 while %2 (%3). Check that the "
                     "server runs and is reachable; the next command reconnects")
                     .arg(m_server, what, errorText(m_conn.get()))};
}

Result<void> Connection::ready()
{
    if (!broken())
        return {};
    // The server went away (restart, failover, network): try once to connect again. Statements prepared
    // on the old session are gone with it.
    PQreset(m_conn.get());
    m_prepared.clear();
    if (broken())
        return Error{QCoreApplication::translate(
                         "vigie::store",
                         "the PostgreSQL server %1 is unreachable (%2). Check that it runs and that "
                         "this machine can reach it, then try again")
                         .arg(m_server, errorText(m_conn.get()))};
    ++m_reconnections;
    return exec("SET client_min_messages = warning");
}

Result<Rows> Connection::check(pg_result *r, const char *what)
{
    Rows rows(r);
    const ExecStatusType status = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
    m_sqlState.clear();
    if (status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK)
        return rows;
    if (const char *state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr)
        m_sqlState = QString::fromLatin1(state);
    if (broken())
        return lost(QString::fromUtf8(what));
    const QString message =
        r ? QString::fromUtf8(PQresultErrorMessage(r)).trimmed() : errorText(m_conn.get());
    return Error{QCoreApplication::translate("vigie::store", "%1: %2 failed: %3")
                     .arg(m_server, QString::fromUtf8(what), message)};
}

Result<Rows> Connection::run(const char *name, const char *sql, const Params &params)
{
    if (!m_prepared.contains(QByteArray(name))) {
        // Types come from the oids of the parameters and the statement's casts (arrays are bound untyped).
        auto prepared =
            check(PQprepare(m_conn.get(), name, sql, params.count(), params.m_types.data()), name);
        if (!prepared)
            return prepared.error();
        m_prepared.insert(QByteArray(name));
    }
    std::vector<const char *> values(params.m_values.size());
    std::vector<int> lengths(params.m_values.size()), formats(params.m_values.size(), 1);
    for (std::size_t i = 0; i < values.size(); ++i) {
        values[i] = params.m_nulls[i] ? nullptr : params.m_values[i].constData();
        lengths[i] = int(params.m_values[i].size());
    }
    return check(
        PQexecPrepared(m_conn.get(), name, params.count(), values.data(), lengths.data(), formats.data(), 1),
        name);
}

Result<Rows> Connection::runOnce(const QByteArray &sql, const Params &params)
{
    std::vector<const char *> values(params.m_values.size());
    std::vector<int> lengths(params.m_values.size()), formats(params.m_values.size(), 1);
    for (std::size_t i = 0; i < values.size(); ++i) {
        values[i] = params.m_nulls[i] ? nullptr : params.m_values[i].constData();
        lengths[i] = int(params.m_values[i].size());
    }
    return check(PQexecParams(m_conn.get(), sql.constData(), params.count(), params.m_types.data(),
                              values.data(), lengths.data(), formats.data(), 1),
                 "a query");
}

Result<void> Connection::exec(const char *sql)
{
    auto r = check(PQexec(m_conn.get(), sql), sql);
    if (!r)
        return r.error();
    return {};
}

Result<Rows> Connection::runFirst(const char *name, const char *sql, const Params &params)
{
    if (auto r = ready(); !r)
        return r.error();
    auto rows = run(name, sql, params);
    if (rows || !broken())
        return rows;
    if (auto r = ready(); !r)
        return r.error();
    return run(name, sql, params);
}

Result<Rows> Connection::runFirstOnce(const QByteArray &sql, const Params &params)
{
    if (auto r = ready(); !r)
        return r.error();
    auto rows = runOnce(sql, params);
    if (rows || !broken())
        return rows;
    if (auto r = ready(); !r)
        return r.error();
    return runOnce(sql, params);
}

Result<void> Connection::execFirst(const char *sql)
{
    if (auto r = ready(); !r)
        return r;
    auto done = exec(sql);
    if (done || !broken())
        return done;
    if (auto r = ready(); !r)
        return r;
    return exec(sql);
}

} // namespace vigie::pg
