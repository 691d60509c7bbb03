#include "store/pg_schema.h"

#include <QCoreApplication>
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

// Version 2: an append as one statement. vigie_append locks the room's head, checks that it is still the
// head the client chained the batch from (else writes nothing and answers with the head as it is), inserts
// the entries and the batch's refused input, moves the head and notifies listeners. Called outside a
// transaction it is one round trip per batch, and the head stays locked only while the server writes, not
// while a reply crosses the network.
constexpr const char *v2 = R"sql(
CREATE FUNCTION vigie_append(
    p_room uuid, p_expected_seq bigint, p_expected_hash bytea, p_last_seq bigint, p_last_hash bytea,
    p_seq bigint[], p_uuid uuid[], p_mode smallint[], p_event bigint[], p_record bigint[], p_author text[],
    p_role text[], p_agency text[], p_kind text[], p_geo text[], p_data text[], p_prev bytea[], p_hash bytea[],
    p_min_lon float8[], p_max_lon float8[], p_min_lat float8[], p_max_lat float8[],
    q_received bigint[], q_source text[], q_position text[], q_reason text[], q_input bytea[])
RETURNS TABLE(written boolean, head_seq bigint, head_hash bytea) LANGUAGE plpgsql AS $$
DECLARE
    s bigint;
    h bytea;
BEGIN
    SELECT r.last_seq, r.last_hash INTO s, h FROM rooms AS r WHERE r.id = p_room FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'room % is not on this server', p_room USING ERRCODE = 'no_data_found';
    END IF;
    IF s <> p_expected_seq OR h <> p_expected_hash THEN
        RETURN QUERY SELECT false, s, h;
        RETURN;
    END IF;
    INSERT INTO entries(room_id, seq, uuid, mode, event_time, record_time, author, role, agency, kind, geo, data,
                        prev_hash, hash, min_lon, max_lon, min_lat, max_lat)
    SELECT p_room, * FROM unnest(p_seq, p_uuid, p_mode, p_event, p_record, p_author, p_role, p_agency, p_kind,
                                 p_geo, p_data, p_prev, p_hash, p_min_lon, p_max_lon, p_min_lat, p_max_lat);
    INSERT INTO quarantine(room_id, received, source, position, reason, input)
    SELECT p_room, * FROM unnest(q_received, q_source, q_position, q_reason, q_input);
    IF p_last_seq <> s THEN
        UPDATE rooms SET last_seq = p_last_seq, last_hash = p_last_hash WHERE id = p_room;
        PERFORM pg_notify('vigie_room', p_room::text || ':' || p_last_seq);
    END IF;
    RETURN QUERY SELECT true, p_last_seq, p_last_hash;
END
$$;
)sql";

// Version 3: who is in the room. Each desk's link keeps its row fresh (`last_seen`) every few seconds;
// `since` restarts when a desk comes back after a silence; `gone` is set when a desk leaves cleanly.
constexpr const char *v3 = R"sql(
CREATE TABLE desks(
    room_id uuid NOT NULL REFERENCES rooms(id),
    desk text NOT NULL,
    agency text NOT NULL,
    since timestamptz NOT NULL,
    last_seen timestamptz NOT NULL,
    gone boolean NOT NULL DEFAULT false,
    PRIMARY KEY (room_id, desk));
)sql";

// Version 4: the server chains. vigie_append_chain takes a batch as it is before chaining (each entry's
// canonical middle, entry.h canonicalMiddle), locks the head, gives each entry the next seq and its hash
// (sha256 of the canonical form, docs/entries.md), writes entries and refusals, moves the head, notifies,
// and answers each entry's seq, previous hash and hash. Called outside a transaction it is the whole
// transaction: the head is locked only while the server writes, and no desk ever chains from a head that
// has moved meanwhile. Its commit does not wait for the WAL flush (which would keep the head locked for the
// whole disk write): the caller waits for the flush next, before it reports anything stored. An entry id
// the room holds already fails the statement (unique key, 23505): nothing is written and the caller sorts
// the batch out under the head's lock.
constexpr const char *v4 = R"sql(
CREATE FUNCTION vigie_append_chain(
    p_room uuid, p_uuid uuid[], p_mode smallint[], p_event bigint[], p_record bigint[], p_author text[],
    p_role text[], p_agency text[], p_kind text[], p_geo text[], p_data text[], p_middle bytea[],
    p_min_lon float8[], p_max_lon float8[], p_min_lat float8[], p_max_lat float8[],
    q_received bigint[], q_source text[], q_position text[], q_reason text[], q_input bytea[])
RETURNS TABLE(seq bigint, prev_hash bytea, hash bytea) LANGUAGE plpgsql AS $$
DECLARE
    s bigint;
    h bytea;
    n int := coalesce(array_length(p_uuid, 1), 0);
    seqs bigint[] := '{}';
    prevs bytea[] := '{}';
    hashes bytea[] := '{}';
BEGIN
    PERFORM set_config('synchronous_commit', 'off', true);
    SELECT r.last_seq, r.last_hash INTO s, h FROM rooms AS r WHERE r.id = p_room FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'room % is not on this server', p_room USING ERRCODE = 'no_data_found';
    END IF;
    FOR i IN 1 .. n LOOP
        s := s + 1;
        seqs[i] := s;
        prevs[i] := h;
        h := sha256(convert_to('["vigie-entry/1","' || p_uuid[i]::text || '",' || s::text, 'UTF8') ||
                    p_middle[i] || convert_to(encode(h, 'hex') || '"]', 'UTF8'));
        hashes[i] := h;
    END LOOP;
    INSERT INTO entries(room_id, seq, uuid, mode, event_time, record_time, author, role, agency, kind, geo, data,
                        prev_hash, hash, min_lon, max_lon, min_lat, max_lat)
    SELECT p_room, * FROM unnest(seqs, p_uuid, p_mode, p_event, p_record, p_author, p_role, p_agency, p_kind,
                                 p_geo, p_data, prevs, hashes, p_min_lon, p_max_lon, p_min_lat, p_max_lat);
    INSERT INTO quarantine(room_id, received, source, position, reason, input)
    SELECT p_room, * FROM unnest(q_received, q_source, q_position, q_reason, q_input);
    IF n > 0 THEN
        UPDATE rooms SET last_seq = s, last_hash = h WHERE id = p_room;
        PERFORM pg_notify('vigie_room', p_room::text || ':' || s);
    END IF;
    RETURN QUERY SELECT * FROM unnest(seqs, prevs, hashes);
END
$$;
)sql";

constexpr std::array<const char *, currentVersion> migrations{v1, v2, v3, v4};

// Any constant will do, as long as it is ours: pg_advisory_xact_lock serialises the migrations of every
// process that opens this database.
constexpr const char *lockMigrations = "SELECT pg_advisory_xact_lock(7760231)"; // 0x766967, "vig" in ASCII

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
    // Up to date (every open but the first after an upgrade): nothing to lock, nothing to create, so a role
    // that may not create tables can open rooms.
    auto found = version(db);
    if (!found)
        return found.error();
    if (*found > currentVersion)
        return Error{QCoreApplication::translate(
                         "vigie::store",
                         "%1: the database's schema version %2 is newer than this program (%3); "
                         "update Vigie to use it")
                         .arg(db.server())
                         .arg(*found)
                         .arg(currentVersion)};
    if (*found >= target)
        return {};
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
            return fail(QCoreApplication::translate(
                            "vigie::store",
                            "%1: the database's schema version %2 is newer than this program (%3); "
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
            return fail(
                QCoreApplication::translate("vigie::store", "migration of %1 to schema version %2 failed: %3")
                    .arg(db.server())
                    .arg(next)
                    .arg(applied.error().message));
        if (auto r = db.exec("COMMIT"); !r)
            return r;
    }
}

} // namespace vigie::pgschema
