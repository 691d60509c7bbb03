#pragma once
// The shared rooms' schema on a PostgreSQL server, versioned in `schema_version`. Each migration takes the
// database from version N-1 to N in one transaction, under an advisory lock so that two desks starting at
// once do not both apply it; a database newer than this program is refused rather than damaged. One database
// holds many rooms: every table but `rooms` is keyed by the room's id.
#include "store/pg_db.h"

namespace vigie::pgschema {

inline constexpr int currentVersion = 4;

/// Brings the database to `target` (default: current). Refuses a database newer than this program knows.
[[nodiscard]] Result<void> migrate(pg::Connection &db, int target = currentVersion);
/// 0 for a database without our tables.
[[nodiscard]] Result<int> version(pg::Connection &db);

} // namespace vigie::pgschema
