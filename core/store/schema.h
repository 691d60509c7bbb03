#pragma once
// The room file's schema, versioned with PRAGMA user_version. Each migration takes the file from version
// N-1 to N inside one transaction; a file newer than this program is refused rather than damaged.
#include "store/sqlite_db.h"

#include <algorithm>

namespace vigie::schema {

inline constexpr int currentVersion = 12;

/// The spatial index's grid: cells of 0.01° (about 1.1 km by 0.8 km at Marseille), numbered row by row from
/// (-90, -180); 36,001 columns so that longitude 180 has one.
inline constexpr double spatialCellsPerDegree = 100.0;
inline constexpr qint64 spatialCellColumns = 36001;
inline constexpr qint64 spatialCellRows = 18001;
[[nodiscard]] inline qint64 spatialRowOf(double lat)
{
    return std::clamp<qint64>(qint64((lat + 90.0) * spatialCellsPerDegree), 0, spatialCellRows - 1);
}
[[nodiscard]] inline qint64 spatialColumnOf(double lon)
{
    return std::clamp<qint64>(qint64((lon + 180.0) * spatialCellsPerDegree), 0, spatialCellColumns - 1);
}
[[nodiscard]] inline qint64 spatialCellOf(double lon, double lat)
{
    return spatialRowOf(lat) * spatialCellColumns + spatialColumnOf(lon);
}

/// Statements that index the geometry of the entries with seq in (?1, ?2]: points into entries_cells, then
/// polygons into entries_geo (the R*Tree). Used to catch the derived spatial index up with the log.
extern const char *const indexPointRange;
extern const char *const indexPolygonRange;

/// Brings the file to `target` (default: current). Refuses a file newer than this program knows.
[[nodiscard]] Result<void> migrate(sql::Database &db, int target = currentVersion);
[[nodiscard]] Result<int> version(sql::Database &db);

} // namespace vigie::schema
