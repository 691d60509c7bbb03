#pragma once
// The room file's schema, versioned with PRAGMA user_version. Each migration takes the file from version
// N-1 to N inside one transaction; a file newer than this program is refused rather than damaged.
#include "store/sqlite_db.h"

namespace vigie::schema {

inline constexpr int currentVersion = 7;

/// Statements that index the geometry of the entries with seq in (?1, ?2] into entries_geo (the R*Tree):
/// points, then polygons. Used to catch the derived spatial index up with the log.
extern const char *const indexPointRange;
extern const char *const indexPolygonRange;

/// Brings the file to `target` (default: current). Refuses a file newer than this program knows.
[[nodiscard]] Result<void> migrate(sql::Database &db, int target = currentVersion);
[[nodiscard]] Result<int> version(sql::Database &db);

} // namespace vigie::schema
