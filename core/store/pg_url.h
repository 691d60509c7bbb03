#pragma once
// Where a shared room lives: `postgresql://[user@]HOST[:PORT]/DB?room=NAME[&sslmode=…]` (or `postgres://`).
// `room` is ours; the rest is handed to libpq as it is, so every libpq parameter (sslmode, service,
// connect_timeout, several hosts) works and passwords come from ~/.pgpass, PGPASSFILE or a service file.
// A URL that carries a password is refused: command lines and window titles are not secret.
#include "util/result.h"

#include <QString>

namespace vigie {

struct PgLocation
{
    QString conninfo; ///< the URL without `room`, for libpq
    QString room;     ///< the room's name on that server
    QString server;   ///< HOST:PORT/DB as written, for messages (no user, no password)
};

/// Whether `location` names a PostgreSQL room rather than a room file.
[[nodiscard]] bool isPgUrl(const QString &location);
/// Splits a room URL; refuses a password, a missing room name or a malformed URL, saying what to write.
[[nodiscard]] Result<PgLocation> parsePgUrl(const QString &url);

} // namespace vigie
