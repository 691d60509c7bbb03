#pragma once
// MBTiles 1.3 (https://github.com/mapbox/mbtiles-spec/blob/master/1.3/spec.md): an SQLite file with a
// `metadata` (name, value) table and a `tiles` (zoom_level, tile_column, tile_row, tile_data) table whose
// rows are in TMS order. The API speaks slippy (XYZ) coordinates and flips rows at the boundary. Any raster
// MBTiles made by other tools (MapTiler, TileMill, gdal, mb-util) loads: only the two standard tables are
// read, through the `tiles` name which many tools define as a view.
#include "model/geo.h"
#include "util/result.h"

#include <QByteArray>
#include <QMap>
#include <QString>

#include <memory>
#include <optional>

struct sqlite3;
struct sqlite3_stmt;

namespace vigie::maps {

class MbTiles
{
public:
    ~MbTiles();
    MbTiles(const MbTiles &) = delete;
    MbTiles &operator=(const MbTiles &) = delete;

    /// Opens an existing file read-only.
    [[nodiscard]] static Result<std::unique_ptr<MbTiles>> open(const QString &path);
    /// Creates (or replaces) a file and writes its metadata (name, format, bounds, minzoom, maxzoom…).
    [[nodiscard]] static Result<std::unique_ptr<MbTiles>> create(const QString &path,
                                                                 const QMap<QString, QString> &metadata);

    /// The tile image bytes (PNG or JPEG) at slippy coordinates, or nothing.
    [[nodiscard]] std::optional<QByteArray> tile(int zoom, int x, int y) const;
    [[nodiscard]] Result<void> putTile(int zoom, int x, int y, const QByteArray &data);
    /// Groups writes in one transaction (tens of thousands of tiles a second instead of a few hundred).
    [[nodiscard]] Result<void> begin();
    [[nodiscard]] Result<void> commit();

    [[nodiscard]] const QMap<QString, QString> &metadata() const { return m_metadata; }
    [[nodiscard]] int minZoom() const;
    [[nodiscard]] int maxZoom() const;
    [[nodiscard]] std::optional<GeoBox> bounds() const;
    [[nodiscard]] qint64 tileCount() const;
    [[nodiscard]] const QString &path() const { return m_path; }

private:
    MbTiles(sqlite3 *db, QString path);
    [[nodiscard]] Result<void> exec(const char *sql);
    [[nodiscard]] Error sqlError(const QString &what) const;

    sqlite3 *m_db = nullptr;
    QString m_path;
    QMap<QString, QString> m_metadata;
    sqlite3_stmt *m_select = nullptr;
    sqlite3_stmt *m_insert = nullptr;
};

} // namespace vigie::maps
