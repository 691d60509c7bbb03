#include "maps/mbtiles.h"

#include "maps/web_mercator.h"

#include <QFile>
#include <QStringList>

#include <sqlite3.h>

namespace vigie::maps {

MbTiles::MbTiles(sqlite3 *db, QString path) : m_db(db), m_path(std::move(path)) {}

MbTiles::~MbTiles()
{
    sqlite3_finalize(m_select);
    sqlite3_finalize(m_insert);
    sqlite3_close(m_db);
}

Error MbTiles::sqlError(const QString &what) const
{
    return Error{QStringLiteral("%1: %2 (%3). Check that the file is an MBTiles (SQLite) tile set.")
                     .arg(m_path, what, QString::fromUtf8(sqlite3_errmsg(m_db)))};
}

Result<void> MbTiles::exec(const char *sql)
{
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr) != SQLITE_OK)
        return sqlError(QString::fromUtf8(sql).left(60));
    return {};
}

Result<std::unique_ptr<MbTiles>> MbTiles::open(const QString &path)
{
    if (!QFile::exists(path))
        return Error{
            QStringLiteral("%1: no such tile set. Create one with `vigie-cli import-osm`.").arg(path)};
    sqlite3 *db = nullptr;
    const int rc =
        sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr);
    std::unique_ptr<MbTiles> t(new MbTiles(db, path));
    if (rc != SQLITE_OK)
        return t->sqlError(QStringLiteral("cannot open"));
    sqlite3_stmt *meta = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT name, value FROM metadata", -1, &meta, nullptr) != SQLITE_OK)
        return t->sqlError(QStringLiteral("no metadata table"));
    while (sqlite3_step(meta) == SQLITE_ROW)
        t->m_metadata.insert(QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(meta, 0))),
                             QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(meta, 1))));
    sqlite3_finalize(meta);
    if (sqlite3_prepare_v2(db,
                           "SELECT tile_data FROM tiles WHERE zoom_level = ?1 AND tile_column = ?2 AND "
                           "tile_row = ?3",
                           -1, &t->m_select, nullptr) != SQLITE_OK)
        return t->sqlError(QStringLiteral("no tiles table"));
    return t;
}

Result<std::unique_ptr<MbTiles>> MbTiles::create(const QString &path, const QMap<QString, QString> &metadata)
{
    QFile::remove(path);
    sqlite3 *db = nullptr;
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &db,
                                   SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    std::unique_ptr<MbTiles> t(new MbTiles(db, path));
    if (rc != SQLITE_OK)
        return t->sqlError(QStringLiteral("cannot create"));
    // The spec's own schema; the unique index makes lookups fast and is what other readers expect.
    if (auto r = t->exec("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
                         "CREATE TABLE metadata (name TEXT, value TEXT);"
                         "CREATE UNIQUE INDEX name ON metadata (name);"
                         "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, "
                         "tile_data BLOB);"
                         "CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row);");
        !r)
        return r.error();
    sqlite3_stmt *meta = nullptr;
    sqlite3_prepare_v2(db, "INSERT OR REPLACE INTO metadata (name, value) VALUES (?1, ?2)", -1, &meta,
                       nullptr);
    for (auto it = metadata.begin(); it != metadata.end(); ++it) {
        const QByteArray k = it.key().toUtf8(), v = it.value().toUtf8();
        sqlite3_bind_text(meta, 1, k.constData(), int(k.size()), SQLITE_TRANSIENT);
        sqlite3_bind_text(meta, 2, v.constData(), int(v.size()), SQLITE_TRANSIENT);
        if (sqlite3_step(meta) != SQLITE_DONE) {
            sqlite3_finalize(meta);
            return t->sqlError(QStringLiteral("cannot write metadata"));
        }
        sqlite3_reset(meta);
    }
    sqlite3_finalize(meta);
    t->m_metadata = metadata;
    if (sqlite3_prepare_v2(db,
                           "INSERT OR REPLACE INTO tiles (zoom_level, tile_column, tile_row, tile_data) "
                           "VALUES (?1, ?2, ?3, ?4)",
                           -1, &t->m_insert, nullptr) != SQLITE_OK ||
        sqlite3_prepare_v2(db,
                           "SELECT tile_data FROM tiles WHERE zoom_level = ?1 AND tile_column = ?2 AND "
                           "tile_row = ?3",
                           -1, &t->m_select, nullptr) != SQLITE_OK)
        return t->sqlError(QStringLiteral("cannot prepare"));
    return t;
}

std::optional<QByteArray> MbTiles::tile(int zoom, int x, int y) const
{
    sqlite3_reset(m_select);
    sqlite3_bind_int(m_select, 1, zoom);
    sqlite3_bind_int(m_select, 2, x);
    sqlite3_bind_int(m_select, 3, flipRow(y, zoom));
    if (sqlite3_step(m_select) != SQLITE_ROW)
        return std::nullopt;
    const auto *data = static_cast<const char *>(sqlite3_column_blob(m_select, 0));
    return QByteArray(data, sqlite3_column_bytes(m_select, 0));
}

Result<void> MbTiles::putTile(int zoom, int x, int y, const QByteArray &data)
{
    if (!m_insert)
        return Error{QStringLiteral("%1: opened read-only, cannot write tiles").arg(m_path)};
    sqlite3_reset(m_insert);
    sqlite3_bind_int(m_insert, 1, zoom);
    sqlite3_bind_int(m_insert, 2, x);
    sqlite3_bind_int(m_insert, 3, flipRow(y, zoom));
    sqlite3_bind_blob(m_insert, 4, data.constData(), int(data.size()), SQLITE_TRANSIENT);
    if (sqlite3_step(m_insert) != SQLITE_DONE)
        return sqlError(QStringLiteral("cannot write tile %1/%2/%3").arg(zoom).arg(x).arg(y));
    return {};
}

Result<void> MbTiles::begin()
{
    return exec("BEGIN");
}

Result<void> MbTiles::commit()
{
    return exec("COMMIT");
}

int MbTiles::minZoom() const
{
    return m_metadata.value(QStringLiteral("minzoom"), QStringLiteral("0")).toInt();
}

int MbTiles::maxZoom() const
{
    return m_metadata.value(QStringLiteral("maxzoom"), QStringLiteral("22")).toInt();
}

std::optional<GeoBox> MbTiles::bounds() const
{
    const QStringList b = m_metadata.value(QStringLiteral("bounds")).split(QLatin1Char(','));
    if (b.size() != 4)
        return std::nullopt;
    return GeoBox{b[0].toDouble(), b[1].toDouble(), b[2].toDouble(), b[3].toDouble()};
}

qint64 MbTiles::tileCount() const
{
    sqlite3_stmt *s = nullptr;
    sqlite3_prepare_v2(m_db, "SELECT count(*) FROM tiles", -1, &s, nullptr);
    qint64 n = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
    sqlite3_finalize(s);
    return n;
}

} // namespace vigie::maps
