#include "store/pg_schema.h"

#include <array>

namespace vigie::pgschema {

namespace {

// Version 1: rooms and their head (the last seq and hash, the row every append locks), the rooms' secrets,
// the log (unique by seq and by entry id within a room, JSON kept as the exact text that was hashed; the
// bounding box of an entry's geometry in plain columns for box queries), the quarantine, feed messages
// seen and picture snapshots.
constexpr const char *v1 = R"sql(
CREATE TABLE rooms(
    id uuid PRIMARY KEY,
    name text NOT NULL UNIQUE,
    title text NOT NULL,
    mode text NOT NULL CHECK (mode IN ('live', 'exercise')),
    created bigint NOT NULL,
    last_seq bigint NOT NULL DEFAULT 0,
    last_hash bytea NOT NULL DEFAULT '');
CREATE TABLE room_secrets(
    room_id uuid PRIMARY KEY REFERENCES rooms(id),
    secret bytea NOT NULL);
CREATE TABLE entries(
    room_id uuid NOT NULL REFERENCES rooms(id),
    seq bigint NOT NULL,
    uuid uuid NOT NULL,
    mode smallint NOT NULL,
    event_time bigint NOT NULL,
    record_time bigint NOT NULL,
    author text NOT NULL,
    role text NOT NULL,
    agency text NOT NULL,
    kind text NOT NULL,
    geo text,
    data text NOT NULL,
    prev_hash bytea NOT NULL,
    hash bytea NOT NULL,
    min_lon double precision,
    max_lon double precision,
    min_lat double precision,
    max_lat double precision,
    PRIMARY KEY (room_id, seq),
    UNIQUE (room_id, uuid));
CREATE INDEX entries_kind ON entries(room_id, kind, seq);
CREATE INDEX entries_event_time ON entries(room_id, event_time);
CREATE INDEX entries_box ON entries(room_id, min_lat, max_lat) WHERE min_lat IS NOT NULL;
CREATE TABLE quarantine(
    id bigserial PRIMARY KEY,
    room_id uuid NOT NULL REFERENCES rooms(id),
    received bigint NOT NULL,
    source text NOT NULL,
    position text NOT NULL,
    reason text NOT NULL,
    input bytea NOT NULL);
CREATE INDEX quarantine_room ON quarantine(room_id, id);
CREATE TABLE feed_seen(
    room_id uuid NOT NULL REFERENCES rooms(id),
    key text NOT NULL,
    source text NOT NULL,
    first_seen bigint NOT NULL,
    last_seen bigint NOT NULL,
    count bigint NOT NULL,
    PRIMARY KEY (room_id, key));
CREATE TABLE snapshots(
    room_id uuid NOT NULL REFERENCES rooms(id),
    seq bigint NOT NULL,
    max_event_time bigint NOT NULL,
    picture bytea NOT NULL,
    PRIMARY KEY (room_id, seq));
)sql";

constexpr std::array<const char *, currentVersion> migrations{v1};

// Any constant will do, as long as it is ours: pg_advisory_xact_lock serialises the migrations of every
// process that opens this database.
constexpr const char *lockMigrations = "SELECT pg_advisory_xact_lock(7626967)"; // "vig" in ASCII

} // namespace

Result<int> version(pg::Connection &db)
{
    auto exists = db.runOnce("SELECT to_regclass('schema_version') IS NOT NULL");
    if (!exists)
        return exists.error();
    if (exists->size() != 1 || exists->bytes(0, 0).isEmpty() || exists->bytes(0, 0)[0] == 0)
        return 0;
    auto v = db.runOnce("SELECT coalesce(max(version), 0)::int8 FROM schema_version");
    if (!v)
        return v.error();
    return int(v->int8(0, 0));
}

Result<void> migrate(pg::Connection &db, int target)
{
    auto fail = [&db](const QString &why) -> Result<void> {
        (void)db.exec("ROLLBACK");
        return Error{why};
    };
    for (;;) {
        if (auto r = db.exec("BEGIN"); !r)
            return r;
        if (auto r = db.exec(lockMigrations); !r)
            return fail(r.error().message);
        if (auto r = db.exec("CREATE TABLE IF NOT EXISTS schema_version(version int PRIMARY KEY, "
                             "applied timestamptz NOT NULL DEFAULT now())");
            !r)
            return fail(r.error().message);
        auto current = version(db);
        if (!current)
            return fail(current.error().message);
        if (*current > currentVersion)
            return fail(
                QStringLiteral("%1: the database's schema version %2 is newer than this program (%3); "
                               "update Vigie to use it")
                    .arg(db.server())
                    .arg(*current)
                    .arg(currentVersion));
        if (*current >= target)
            return db.exec("COMMIT");
        const int next = *current + 1;
        auto applied = db.exec(migrations[std::size_t(next - 1)]);
        if (applied)
            applied = db.exec(
                QByteArray("INSERT INTO schema_version(version) VALUES (" + QByteArray::number(next) + ")")
                    .constData());
        if (!applied)
            return fail(QStringLiteral("migration of %1 to schema version %2 failed: %3")
                            .arg(db.server())
                            .arg(next)
                            .arg(applied.error().message));
        if (auto r = db.exec("COMMIT"); !r)
            return r;
    }
}

} // namespace vigie::pgschema
