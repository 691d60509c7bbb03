#pragma once
// The room file's schema, versioned with PRAGMA user_version. Each migration takes the file from version
// N-1 to N inside one transaction; a file newer than this program is refused rather than damaged.
#include "store/sqlite_db.h"

namespace vigie::schema {

inline constexpr int currentVersion = 4;

/// Brings the file to `target` (default: current). Refuses a file newer than this program knows.
[[nodiscard]] Result<void> migrate(sql::Database &db, int target = currentVersion);
[[nodiscard]] Result<int> version(sql::Database &db);

} // namespace vigie::schema
