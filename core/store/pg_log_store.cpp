#include "store/pg_log_store.h"

#include "store/chain_check.h"

#include "store/pg_schema.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QHash>
#include <QJsonDocument>
#include <QSet>

#include <libpq-fe.h>
#include <poll.h>

#include <algorithm>
#include <array>
#include <limits>

namespace vigie {

namespace {

/// An entry's columns as both append statements take them, one array per column: seq and hashes apart, since
/// the server chains some batches itself.
struct EntryColumns
{
    pg::Array uuids{pg::Type::Uuid}, modes{pg::Type::Int2}, events{pg::Type::Int8}, records{pg::Type::Int8},
        authors{pg::Type::Text}, roles{pg::Type::Text}, agencies{pg::Type::Text}, kinds{pg::Type::Text},
        geos{pg::Type::Text}, datas{pg::Type::Text};
    pg::Array minLons{pg::Type::Float8}, maxLons{pg::Type::Float8}, minLats{pg::Type::Float8},
        maxLats{pg::Type::Float8};

    void add(const Entry &e, const QByteArray &geoJson, const QByteArray &dataJson)
    {
        uuids.addUuid(e.id);
        modes.addInt2(e.mode == RoomMode::Live ? 0 : 1);
        events.addInt8(e.eventTime.msecs);
        records.addInt8(e.recordTime.msecs);
        authors.add(e.author.toUtf8());
        roles.add(e.role.toUtf8());
        agencies.add(e.agency.toUtf8());
        kinds.add(e.kind.toUtf8());
        if (geoJson.isEmpty())
            geos.addNull();
        else
            geos.add(geoJson);
        datas.add(dataJson);
        if (const auto box = e.geo.bounds()) {
            minLons.addFloat8(box->minLon);
            maxLons.addFloat8(box->maxLon);
            minLats.addFloat8(box->minLat);
            maxLats.addFloat8(box->maxLat);
        } else {
            for (pg::Array *a : {&minLons, &maxLons, &minLats, &maxLats})
                a->addNull();
        }
    }
    /// From the id to the data, in the statements' order.
    [[nodiscard]] std::array<const pg::Array *, 10> fields() const
    {
        return {&uuids, &modes, &events, &records, &authors, &roles, &agencies, &kinds, &geos, &datas};
    }
    [[nodiscard]] std::array<const pg::Array *, 4> boxes() const
    {
        return {&minLons, &maxLons, &minLats, &maxLats};
    }
};

/// A batch's refused input, one array per column of the quarantine, added to `params`.
void addRefusals(pg::Params &params, const std::vector<QuarantineItem> &refused)
{
    pg::Array received(pg::Type::Int8), sources(pg::Type::Text), positions(pg::Type::Text),
        reasons(pg::Type::Text), inputs(pg::Type::Bytea);
    for (const QuarantineItem &q : refused) {
        received.addInt8(q.received.msecs);
        sources.add(q.source.toUtf8());
        positions.add(q.position.toUtf8());
        reasons.add(q.reason.toUtf8());
        inputs.add(q.input);
    }
    for (const pg::Array *a : {&received, &sources, &positions, &reasons, &inputs})
        params.array(*a);
}

constexpr const char *entryColumns =
    "seq, uuid, mode, event_time, record_time, author, role, agency, kind, geo, data, prev_hash, hash";

/// Rows read per statement: a long log is read in pages, never whole into memory.
constexpr int pageRows = 4096;

Entry rowToEntry(const pg::Rows &rows, int r, const RoomInfo &room)
{
    Entry e;
    e.seq = rows.int8(r, 0);
    e.id = rows.uuid(r, 1);
    e.room = room.id;
    e.mode = rows.int2(r, 2) == 0 ? RoomMode::Live : RoomMode::Exercise;
    e.eventTime = Timestamp{rows.int8(r, 3)};
    e.recordTime = Timestamp{rows.int8(r, 4)};
    e.author = rows.text(r, 5);
    e.role = rows.text(r, 6);
    e.agency = rows.text(r, 7);
    e.kind = rows.text(r, 8);
    e.prevHash = rows.bytes(r, 11).toByteArray();
    e.hash = rows.bytes(r, 12).toByteArray();
    return e;
}

void parseJson(Entry &e, QByteArrayView geoJson, QByteArrayView dataJson)
{
    if (!geoJson.isEmpty())
        if (auto g = geometryFromGeoJson(QJsonDocument::fromJson(geoJson.toByteArray()).object()); g)
            e.geo = std::move(*g);
    e.data = QJsonDocument::fromJson(dataJson.toByteArray()).object();
}

} // namespace

PgLogStore::~PgLogStore() = default;

Result<std::unique_ptr<PgLogStore>> PgLogStore::create(const PgLocation &where, const RoomInfo &room,
                                                       const QByteArray &secret)
{
    const QUuid id = QUuid::fromString(room.id);
    if (id.isNull())
        return Error{QCoreApplication::translate("vigie::store", "%1: room id \"%2\" is not a UUID")
                         .arg(where.server, room.id)};
    auto db = pg::Connection::open(where.conninfo.toUtf8(), where.server);
    if (!db)
        return db.error();
    std::unique_ptr<PgLogStore> store(new PgLogStore);
    store->m_db = std::move(*db);
    pg::Connection &c = store->m_db;
    if (auto r = pgschema::migrate(c); !r)
        return r.error();
    if (auto r = c.exec("BEGIN"); !r)
        return r.error();
    auto fail = [&c](const QString &why) {
        (void)c.exec("ROLLBACK");
        return Error{why};
    };
    auto inserted = c.runOnce("INSERT INTO rooms(id, name, title, mode, created) VALUES ($1, $2, $3, $4, $5) "
                              "ON CONFLICT (name) DO NOTHING RETURNING id",
                              pg::Params()
                                  .uuid(id)
                                  .text(where.room)
                                  .text(room.name.isEmpty() ? where.room : room.name)
                                  .text(roomModeId(room.mode))
                                  .int8(room.created.msecs));
    if (!inserted)
        return fail(inserted.error().message);
    if (inserted->size() != 1)
        return fail(QCoreApplication::translate(
                        "vigie::store", "%1 already has a room named \"%2\"; choose another name or open it")
                        .arg(where.server, where.room));
    auto kept = c.runOnce("INSERT INTO room_secrets(room_id, secret) VALUES ($1, $2)",
                          pg::Params().uuid(id).bytea(secret));
    if (!kept)
        return fail(kept.error().message);
    if (auto r = c.exec("COMMIT"); !r)
        return r.error();
    if (auto r = store->load(where.room); !r)
        return r.error();
    return store;
}

Result<std::unique_ptr<PgLogStore>> PgLogStore::open(const PgLocation &where)
{
    auto db = pg::Connection::open(where.conninfo.toUtf8(), where.server);
    if (!db)
        return db.error();
    std::unique_ptr<PgLogStore> store(new PgLogStore);
    store->m_db = std::move(*db);
    if (auto r = pgschema::migrate(store->m_db); !r)
        return r.error();
    if (auto r = store->load(where.room); !r)
        return r.error();
    return store;
}

Result<void> PgLogStore::load(const QString &name)
{
    auto rows =
        m_db.runOnce("SELECT id, title, mode, created, last_seq, last_hash FROM rooms WHERE name = $1",
                     pg::Params().text(name));
    if (!rows)
        return rows.error();
    if (rows->size() != 1)
        return Error{QCoreApplication::translate(
                         "vigie::store", "%1 has no room named \"%2\"; create it with `vigie-cli room create "
                                         "postgresql://…?room=%2`")
                         .arg(m_db.server(), name)};
    m_roomId = rows->uuid(0, 0);
    m_room.id = m_roomId.toString(QUuid::WithoutBraces);
    m_room.name = rows->text(0, 1);
    m_room.mode = roomModeFromId(rows->text(0, 2)).value_or(RoomMode::Live);
    m_room.created = Timestamp{rows->int8(0, 3)};
    m_lastSeq = rows->int8(0, 4);
    m_lastHash = rows->bytes(0, 5).toByteArray();
    return {};
}

Result<QByteArray> PgLogStore::secret() const
{
    auto rows = m_db.runFirst("vigie_secret", "SELECT secret FROM room_secrets WHERE room_id = $1",
                              pg::Params().uuid(m_roomId));
    if (!rows)
        return rows.error();
    if (rows->size() != 1)
        return Error{QCoreApplication::translate(
                         "vigie::store", "%1: room \"%2\" has no secret in room_secrets; restore it from the "
                                         "server's backup")
                         .arg(m_db.server(), m_room.name)};
    return rows->bytes(0, 0).toByteArray();
}

Result<void> PgLogStore::beginAndLock()
{
    if (auto r = m_db.execFirst("BEGIN"); !r)
        return r;
    // Every writer of this room waits here for the one before it to commit: the chain continues from the
    // head as it is now, whoever moved it.
    auto head = m_db.run("vigie_lock_head", "SELECT last_seq, last_hash FROM rooms WHERE id = $1 FOR UPDATE",
                         pg::Params().uuid(m_roomId));
    if (!head)
        return rollback(head.error(), QT_TRANSLATE_NOOP("vigie::store", "locking the room"));
    if (head->size() != 1)
        return rollback(
            Error{QCoreApplication::translate("vigie::store", "room \"%1\" is no longer on the server")
                      .arg(m_room.name)},
            QT_TRANSLATE_NOOP("vigie::store", "locking the room"));
    m_lastSeq = head->int8(0, 0);
    m_lastHash = head->bytes(0, 1).toByteArray();
    return {};
}

Error PgLogStore::rollback(const Error &why, const char *what)
{
    if (!m_db.broken())
        (void)m_db.exec("ROLLBACK");
    return Error{QCoreApplication::translate("vigie::store", "%1 failed, nothing was written: %2")
                     .arg(QCoreApplication::translate("vigie::store", what), why.message)};
}

Result<QHash<QUuid, Entry>> PgLogStore::storedWithIds(const std::vector<Entry> &drafts)
{
    pg::Array ids(pg::Type::Uuid);
    for (const Entry &d : drafts)
        if (!d.id.isNull())
            ids.addUuid(d.id);
    QHash<QUuid, Entry> stored;
    if (ids.size() == 0)
        return stored;
    auto rows =
        m_db.run("vigie_stored",
                 "SELECT seq, uuid, mode, event_time, record_time, author, role, agency, kind, geo, data, "
                 "prev_hash, hash FROM entries WHERE room_id = $1 AND uuid = ANY($2::uuid[])",
                 pg::Params().uuid(m_roomId).array(ids));
    if (!rows)
        return rows.error();
    for (int r = 0; r < rows->size(); ++r) {
        Entry e = rowToEntry(*rows, r, m_room);
        parseJson(e, rows->isNull(r, 9) ? QByteArrayView() : rows->bytes(r, 9), rows->bytes(r, 10));
        stored.insert(e.id, std::move(e));
    }
    return stored;
}

PgLogStore::Chained PgLogStore::chain(std::vector<Entry> drafts, const QHash<QUuid, Entry> &stored,
                                      const std::vector<QuarantineItem> &refused) const
{
    Chained c;
    c.expectedSeq = m_lastSeq;
    c.expectedHash = m_lastHash;
    qint64 seq = m_lastSeq;
    QByteArray prev = m_lastHash;
    pg::Array seqs(pg::Type::Int8), prevs(pg::Type::Bytea), hashes(pg::Type::Bytea);
    EntryColumns columns;
    c.out.reserve(drafts.size());
    QHash<QUuid, std::size_t> fresh; // id → its place in `out`, for an id twice in one batch
    QByteArray canonical;
    for (Entry &e : drafts) {
        if (e.id.isNull()) {
            e.id = newEntryId();
        } else if (const auto it = stored.constFind(e.id); it != stored.constEnd()) {
            c.out.push_back(*it);
            continue;
        } else if (const auto again = fresh.constFind(e.id); again != fresh.constEnd()) {
            c.out.push_back(c.out[*again]);
            continue;
        }
        e.seq = ++seq;
        e.room = m_room.id;
        e.mode = m_room.mode;
        const auto [geoJson, dataJson] = chainEntry(e, prev, canonical);
        prev = e.hash;

        seqs.addInt8(e.seq);
        columns.add(e, geoJson, dataJson);
        prevs.add(e.prevHash);
        hashes.add(e.hash);
        fresh.insert(e.id, c.out.size());
        c.out.push_back(std::move(e));
    }
    c.lastSeq = seq;
    c.lastHash = prev;

    c.params.uuid(m_roomId).int8(c.expectedSeq).bytea(c.expectedHash).int8(c.lastSeq).bytea(c.lastHash);
    c.params.array(seqs);
    for (const pg::Array *a : columns.fields())
        c.params.array(*a);
    c.params.array(prevs).array(hashes);
    for (const pg::Array *a : columns.boxes())
        c.params.array(*a);
    addRefusals(c.params, refused);
    return c;
}

Result<PgLogStore::Written> PgLogStore::send(const Chained &c, bool first)
{
    // vigie_append (schema 2) locks the head, checks it is still the one the batch was chained from, writes
    // entries and refusals, moves the head and notifies: one statement.
    static constexpr const char *sql =
        "SELECT written, head_seq, head_hash FROM vigie_append($1, $2, $3, $4, $5, $6::int8[], $7::uuid[], "
        "$8::int2[], $9::int8[], $10::int8[], $11::text[], $12::text[], $13::text[], $14::text[], "
        "$15::text[], "
        "$16::text[], $17::bytea[], $18::bytea[], $19::float8[], $20::float8[], $21::float8[], "
        "$22::float8[], "
        "$23::int8[], $24::text[], $25::text[], $26::text[], $27::bytea[])";
    auto rows =
        first ? m_db.runFirst("vigie_append", sql, c.params) : m_db.run("vigie_append", sql, c.params);
    if (!rows)
        return rows.error();
    if (rows->size() != 1)
        return Error{QCoreApplication::translate("vigie::store", "%1: vigie_append returned no head")
                         .arg(m_db.server())};
    return Written{!rows->bytes(0, 0).isEmpty() && rows->bytes(0, 0)[0] != 0, rows->int8(0, 1),
                   rows->bytes(0, 2).toByteArray()};
}

Result<void> PgLogStore::commit()
{
    if (auto r = m_db.exec("COMMIT"); !r) {
        if (m_db.broken())
            return Error{r.error().message +
                         QCoreApplication::translate(
                             "vigie::store",
                             ". Whether the server committed the batch is unknown: appending the "
                             "same entries again (with the same ids) stores each of them once")};
        return rollback(r.error(), QT_TRANSLATE_NOOP("vigie::store", "committing"));
    }
    return {};
}

Result<std::vector<Entry>> PgLogStore::append(std::vector<Entry> drafts, std::vector<QuarantineItem> refused)
{
    if (drafts.empty() && refused.empty())
        return std::vector<Entry>();
    // Ids first: whatever happens below, a batch sent again is the same entries, which the room stores once.
    for (Entry &d : drafts)
        if (d.id.isNull())
            d.id = newEntryId();
    // The server chains the batch (vigie_append_chain): one statement that is its own transaction, so the
    // room's head is locked only while the server writes, never across a round trip, and desks appending at
    // once are chained one after the other without any of them chaining again.
    auto chained = appendChainedByServer(drafts, refused);
    if (!chained)
        return chained.error();
    if (*chained)
        return std::move(**chained);
    // Under the head's lock: the entries the room holds already are returned as stored, the others chained.
    if (auto r = beginAndLock(); !r)
        return r.error();
    auto stored = storedWithIds(drafts);
    if (!stored)
        return rollback(stored.error(), QT_TRANSLATE_NOOP("vigie::store", "append"));
    // A batch whose every entry is stored already is a batch sent again: its refusals were kept with it.
    const bool sentAgain = !drafts.empty() && std::all_of(drafts.begin(), drafts.end(), [&](const Entry &d) {
        return stored->contains(d.id);
    });
    const Chained c = chain(std::move(drafts), *stored, sentAgain ? std::vector<QuarantineItem>() : refused);
    if (auto r = sendLockedAndCommit(c, QT_TRANSLATE_NOOP("vigie::store", "append")); !r)
        return r.error();
    return c.out;
}

Result<std::optional<std::vector<Entry>>>
PgLogStore::appendChainedByServer(std::vector<Entry> &drafts, const std::vector<QuarantineItem> &refused)
{
    // Everything but the seq and the hashes, prepared before the server is asked: each distinct id once (an
    // id twice in one batch is the same entry, stored once).
    QHash<QUuid, std::size_t> firstOf; // id → the index in `drafts` of its first draft
    std::vector<std::size_t> fresh;    // the indices of the drafts sent
    std::vector<QByteArray> middle;    // per draft sent, its canonical middle
    EntryColumns columns;
    pg::Array middles(pg::Type::Bytea);
    for (std::size_t i = 0; i < drafts.size(); ++i) {
        Entry &e = drafts[i];
        if (firstOf.contains(e.id))
            continue;
        firstOf.insert(e.id, i);
        fresh.push_back(i);
        e.room = m_room.id;
        e.mode = m_room.mode;
        const QByteArray geoJson = compactGeoJson(e.geo), dataJson = compactDataJson(e.data);
        columns.add(e, geoJson, dataJson);
        middle.push_back(canonicalMiddle(e, geoJson, dataJson));
        middles.add(middle.back());
    }
    pg::Params params;
    params.uuid(m_roomId);
    for (const pg::Array *a : columns.fields())
        params.array(*a);
    params.array(middles);
    for (const pg::Array *a : columns.boxes())
        params.array(*a);
    addRefusals(params, refused);
    static constexpr const char *sql =
        "SELECT seq, prev_hash, hash FROM vigie_append_chain($1, $2::uuid[], $3::int2[], $4::int8[], "
        "$5::int8[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], "
        "$12::bytea[], $13::float8[], $14::float8[], $15::float8[], $16::float8[], $17::int8[], "
        "$18::text[], $19::text[], $20::text[], $21::bytea[])";
    auto rows = m_db.runFirst("vigie_append_chain", sql, params);
    if (!rows) {
        if (m_db.lastSqlState() == QLatin1String("23505"))
            return std::optional<std::vector<Entry>>(); // an id the room holds already: nothing was written
        if (m_db.broken())
            return Error{rows.error().message +
                         QCoreApplication::translate(
                             "vigie::store",
                             ". Whether the server committed the batch is unknown: appending the "
                             "same entries again (with the same ids) stores each of them once")};
        return Error{QCoreApplication::translate("vigie::store", "append failed, nothing was written: %1")
                         .arg(rows.error().message)};
    }
    if (rows->size() != int(fresh.size()))
        return Error{QCoreApplication::translate("vigie::store", "%1: the append answered %2 entries for %3")
                         .arg(m_db.server())
                         .arg(rows->size())
                         .arg(fresh.size())};
    // Nothing is reported stored before it is on the server's disk: the statement's commit did not wait for
    // the flush, this transaction does, and the WAL is flushed in order.
    if (auto r = m_db.exec("BEGIN; SET LOCAL synchronous_commit = on; SELECT txid_current(); COMMIT"); !r)
        return Error{r.error().message +
                     QCoreApplication::translate(
                         "vigie::store",
                         ". Whether the server keeps the batch is unknown: appending the same entries "
                         "again (with the same ids) stores each of them once")};
    // Each entry as stored, its hash computed here too: a server that chained otherwise is a fault to say.
    QByteArray scratch;
    for (int k = 0; k < rows->size(); ++k) {
        Entry &e = drafts[fresh[std::size_t(k)]];
        e.seq = rows->int8(k, 0);
        e.prevHash = rows->bytes(k, 1).toByteArray();
        e.hash = rows->bytes(k, 2).toByteArray();
        if (hashFromMiddle(e.id, e.seq, middle[std::size_t(k)], e.prevHash, scratch) != e.hash)
            return Error{QCoreApplication::translate(
                             "vigie::store",
                             "%1 chained entry %2 (seq %3) with a hash that is not the one of its "
                             "content: the room's chain on the server needs checking (vigie-cli "
                             "verify)")
                             .arg(m_db.server(), e.id.toString(QUuid::WithoutBraces))
                             .arg(e.seq)};
        m_lastSeq = e.seq;
        m_lastHash = e.hash;
    }
    std::vector<Entry> out;
    out.reserve(drafts.size());
    for (std::size_t i = 0; i < drafts.size(); ++i) {
        const std::size_t first = firstOf.value(drafts[i].id);
        out.push_back(first == i ? std::move(drafts[i]) : out[first]);
    }
    return std::optional<std::vector<Entry>>(std::move(out));
}

Result<FeedAppend> PgLogStore::appendFeed(std::vector<FeedArrival> arrivals, Timestamp received,
                                          std::vector<QuarantineItem> refused)
{
    FeedAppend out;
    if (arrivals.empty() && refused.empty())
        return out;
    // Which arrivals are first depends on the counts as the server has them: under the head's lock.
    if (auto r = beginAndLock(); !r)
        return r.error();
    // One upsert for the batch: each distinct key with how many times it arrives in it (an ON CONFLICT
    // statement may touch a row once). Each arrival's count is then the count before the batch plus its
    // rank among the batch's arrivals of that key, as if they had been counted one by one.
    // A message first seen under its unkeyed key (rooms of older versions) is counted on that row: the
    // legacy keys the server holds, and not their keyed twin, replace the arrival's key.
    {
        pg::Array legacy(pg::Type::Text), keyed(pg::Type::Text);
        bool any = false;
        for (const FeedArrival &a : arrivals)
            if (!a.legacyKey.isEmpty()) {
                legacy.add(a.legacyKey.toUtf8());
                keyed.add(a.key.toUtf8());
                any = true;
            }
        if (any) {
            auto rows = m_db.run(
                "vigie_feed_seen_legacy",
                "SELECT l FROM unnest($2::text[], $3::text[]) AS u(l, k) WHERE EXISTS (SELECT 1 FROM "
                "feed_seen "
                "s WHERE s.room_id = $1 AND s.key = u.l) AND NOT EXISTS (SELECT 1 FROM feed_seen s WHERE "
                "s.room_id = $1 AND s.key = u.k)",
                pg::Params().uuid(m_roomId).array(legacy).array(keyed));
            if (!rows)
                return rollback(rows.error(), QT_TRANSLATE_NOOP("vigie::store", "feed append"));
            QSet<QString> seenBefore;
            for (int r = 0; r < rows->size(); ++r)
                seenBefore.insert(rows->text(r, 0));
            for (FeedArrival &a : arrivals)
                if (seenBefore.contains(a.legacyKey))
                    a.key = a.legacyKey;
        }
    }
    QHash<QString, qint64> perKey;
    pg::Array keys(pg::Type::Text), sources(pg::Type::Text), counts(pg::Type::Int8);
    std::vector<QString> order;
    for (const FeedArrival &a : arrivals)
        if (perKey[a.key]++ == 0) {
            order.push_back(a.key);
            sources.add(a.source.toUtf8());
        }
    for (const QString &k : order) {
        keys.add(k.toUtf8());
        counts.addInt8(perKey.value(k));
    }
    QHash<QString, qint64> before;
    if (!order.empty()) {
        auto rows = m_db.run(
            "vigie_feed_seen",
            "INSERT INTO feed_seen(room_id, key, source, first_seen, last_seen, count) "
            "SELECT $1, k, s, $2, $2, n FROM unnest($3::text[], $4::text[], $5::int8[]) AS u(k, s, n) "
            "ON CONFLICT (room_id, key) DO UPDATE SET count = feed_seen.count + excluded.count, "
            "last_seen = excluded.last_seen RETURNING key, count",
            pg::Params().uuid(m_roomId).int8(received.msecs).array(keys).array(sources).array(counts));
        if (!rows)
            return rollback(rows.error(), QT_TRANSLATE_NOOP("vigie::store", "feed append"));
        for (int r = 0; r < rows->size(); ++r) {
            const QString key = rows->text(r, 0);
            before.insert(key, rows->int8(r, 1) - perKey.value(key));
        }
    }
    QHash<QString, qint64> rank;
    std::vector<Entry> drafts;
    out.arrivals.reserve(arrivals.size());
    for (FeedArrival &a : arrivals) {
        const qint64 count = before.value(a.key) + ++rank[a.key];
        out.arrivals.push_back(count);
        if (count == 1)
            for (Entry &d : a.drafts)
                drafts.push_back(std::move(d));
    }
    auto stored = storedWithIds(drafts);
    if (!stored)
        return rollback(stored.error(), QT_TRANSLATE_NOOP("vigie::store", "feed append"));
    Chained c = chain(std::move(drafts), *stored, refused);
    if (auto r = sendLockedAndCommit(c, QT_TRANSLATE_NOOP("vigie::store", "feed append")); !r)
        return r.error();
    out.appended = std::move(c.out);
    return out;
}

Result<void> PgLogStore::scan(const QByteArray &where, const pg::Params &params, qint64 after,
                              const std::function<bool(Entry &, QByteArrayView, QByteArrayView)> &visit) const
{
    // Pages by seq: each is one statement, the next starts after the last seq seen. Entries committed
    // meanwhile are at the end of the chain, so the pages still read it in order without a gap.
    const QByteArray sql = "SELECT " + QByteArray(entryColumns) +
                           " FROM entries WHERE room_id = $1 AND seq > $2" + where + " ORDER BY seq LIMIT " +
                           QByteArray::number(pageRows);
    for (bool first = true;; first = false) {
        pg::Params page = params;
        page.setInt8(1, after);
        auto rows = first ? m_db.runFirstOnce(sql, page) : m_db.runOnce(sql, page);
        if (!rows)
            return Error{
                QCoreApplication::translate("vigie::store", "reading the log of room \"%1\" failed: %2")
                    .arg(m_room.name, rows.error().message)};
        for (int r = 0; r < rows->size(); ++r) {
            Entry e = rowToEntry(*rows, r, m_room);
            after = e.seq;
            if (!visit(e, rows->isNull(r, 9) ? QByteArrayView() : rows->bytes(r, 9), rows->bytes(r, 10)))
                return {};
        }
        if (rows->size() < pageRows)
            return {};
    }
}

Result<void> PgLogStore::read(const EntryQuery &query, const Visitor &visit) const
{
    pg::Params params;
    params.uuid(m_roomId).int8(query.afterSeq);
    QByteArray where;
    int n = 2;
    auto next = [&n]() -> QByteArray {
        return "$" + QByteArray::number(++n);
    };
    if (query.kind) {
        where += " AND kind = " + next();
        params.text(*query.kind);
    }
    if (!query.kinds.isEmpty()) {
        where += " AND kind = ANY(" + next() + "::text[])";
        pg::Array kinds(pg::Type::Text);
        for (const QString &k : query.kinds)
            kinds.add(k.toUtf8());
        params.array(kinds);
    }
    if (query.since) {
        where += " AND event_time >= " + next();
        params.int8(query.since->msecs);
    }
    if (query.until) {
        where += " AND event_time <= " + next();
        params.int8(query.until->msecs);
    }
    if (query.box) {
        // The stored bounds find the candidates (widened by a hair: the exact test below decides, on the
        // geometry as read back from its JSON, as the SQLite store does).
        constexpr double hair = 1e-9;
        where += " AND min_lat IS NOT NULL AND max_lon >= " + next();
        where += " AND min_lon <= " + next();
        where += " AND max_lat >= " + next();
        where += " AND min_lat <= " + next();
        params.float8(query.box->minLon - hair).float8(query.box->maxLon + hair);
        params.float8(query.box->minLat - hair).float8(query.box->maxLat + hair);
    }
    qint64 visited = 0;
    if (query.limit == 0)
        return {};
    return scan(where, params, query.afterSeq,
                [&](Entry &e, QByteArrayView geoJson, QByteArrayView dataJson) {
                    parseJson(e, geoJson, dataJson);
                    if (query.box) {
                        const auto b = e.geo.bounds();
                        if (!b || b->maxLon < query.box->minLon || b->minLon > query.box->maxLon ||
                            b->maxLat < query.box->minLat || b->minLat > query.box->maxLat)
                            return true;
                    }
                    ++visited;
                    if (!visit(e))
                        return false;
                    return query.limit < 0 || visited < query.limit;
                });
}

Result<VerifyReport> PgLogStore::verify(const Progress &progress) const
{
    // The head as the server has it now: a log whose rows stop before it has lost its end.
    auto head =
        m_db.runFirst("vigie_head", "SELECT last_seq FROM rooms WHERE id = $1", pg::Params().uuid(m_roomId));
    if (!head)
        return head.error();
    const qint64 lastSeq = head->size() == 1 ? head->int8(0, 0) : 0;
    ChainCheck check(m_room.mode);
    pg::Params params;
    params.uuid(m_roomId).int8(0);
    auto scanned = scan({}, params, 0, [&](Entry &e, QByteArrayView geoJson, QByteArrayView dataJson) {
        if (!check.next(e, geoJson, dataJson))
            return false;
        if (progress && check.report().checked % 65536 == 0)
            progress(check.report().checked, lastSeq);
        return true;
    });
    if (!scanned)
        return scanned.error();
    check.endsAt(lastSeq);
    return check.report();
}

Result<qint64> PgLogStore::quarantine(const QuarantineItem &item)
{
    auto rows = m_db.runFirst("vigie_quarantine",
                              "INSERT INTO quarantine(room_id, received, source, position, reason, input) "
                              "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                              pg::Params()
                                  .uuid(m_roomId)
                                  .int8(item.received.msecs)
                                  .text(item.source)
                                  .text(item.position)
                                  .text(item.reason)
                                  .bytea(item.input));
    if (!rows)
        return Error{QCoreApplication::translate("vigie::store", "cannot write to the quarantine: %1")
                         .arg(rows.error().message)};
    return rows->int8(0, 0);
}

Result<std::vector<QuarantineItem>> PgLogStore::quarantined() const
{
    auto rows = m_db.runFirst("vigie_quarantined",
                              "SELECT id, received, source, position, reason, input FROM quarantine "
                              "WHERE room_id = $1 ORDER BY id",
                              pg::Params().uuid(m_roomId));
    if (!rows)
        return rows.error();
    std::vector<QuarantineItem> items;
    for (int r = 0; r < rows->size(); ++r)
        items.push_back({rows->int8(r, 0), Timestamp{rows->int8(r, 1)}, rows->text(r, 2), rows->text(r, 3),
                         rows->text(r, 4), rows->bytes(r, 5).toByteArray()});
    return items;
}

Result<std::vector<QuarantineItem>> PgLogStore::quarantinedAfter(qint64 afterId, qint64 limit) const
{
    // LIMIT ALL when no limit: one prepared statement for both.
    auto rows = m_db.runFirst("vigie_quarantined_after",
                              "SELECT id, received, source, position, reason, input FROM quarantine "
                              "WHERE room_id = $1 AND id > $2 ORDER BY id LIMIT $3",
                              pg::Params().uuid(m_roomId).int8(afterId).int8(
                                  limit >= 0 ? limit : std::numeric_limits<qint64>::max()));
    if (!rows)
        return rows.error();
    std::vector<QuarantineItem> items;
    for (int r = 0; r < rows->size(); ++r)
        items.push_back({rows->int8(r, 0), Timestamp{rows->int8(r, 1)}, rows->text(r, 2), rows->text(r, 3),
                         rows->text(r, 4), rows->bytes(r, 5).toByteArray()});
    return items;
}

Result<std::optional<std::vector<FeedRepeats>>> PgLogStore::feedRepeats() const
{
    // The server that received the messages counted their arrivals (feed_seen).
    auto rows = m_db.runFirst("vigie_feed_repeats",
                              "SELECT source, SUM(count - 1)::int8, MAX(last_seen) FROM feed_seen "
                              "WHERE room_id = $1 AND count > 1 GROUP BY source ORDER BY source",
                              pg::Params().uuid(m_roomId));
    if (!rows)
        return rows.error();
    std::vector<FeedRepeats> out;
    for (int r = 0; r < rows->size(); ++r)
        out.push_back({rows->text(r, 0), rows->int8(r, 1), Timestamp{rows->int8(r, 2)}});
    return std::optional<std::vector<FeedRepeats>>(std::move(out));
}

Result<void> PgLogStore::saveSnapshot(const Snapshot &snapshot)
{
    auto r =
        m_db.runFirst("vigie_save_snapshot",
                      "INSERT INTO snapshots(room_id, seq, max_event_time, picture) VALUES ($1, $2, $3, $4) "
                      "ON CONFLICT (room_id, seq) DO UPDATE SET max_event_time = excluded.max_event_time, "
                      "picture = excluded.picture",
                      pg::Params()
                          .uuid(m_roomId)
                          .int8(snapshot.seq)
                          .int8(snapshot.maxEventTime.msecs)
                          .bytea(snapshot.picture));
    if (!r)
        return Error{
            QCoreApplication::translate("vigie::store", "cannot save a snapshot: %1").arg(r.error().message)};
    return {};
}

Result<std::optional<Snapshot>> PgLogStore::snapshotFor(Timestamp t) const
{
    // As in SQLite: max_event_time grows with seq, so the last snapshot at or before t covers only entries
    // at or before t.
    auto rows = m_db.runFirst("vigie_snapshot_for",
                              "SELECT seq, max_event_time, picture FROM snapshots WHERE room_id = $1 "
                              "AND max_event_time <= $2 ORDER BY seq DESC LIMIT 1",
                              pg::Params().uuid(m_roomId).int8(t.msecs));
    if (!rows)
        return rows.error();
    if (rows->size() == 0)
        return std::optional<Snapshot>();
    return std::optional<Snapshot>(
        Snapshot{rows->int8(0, 0), Timestamp{rows->int8(0, 1)}, rows->bytes(0, 2).toByteArray()});
}

Result<qint64> PgLogStore::lastSnapshotSeq() const
{
    auto rows = m_db.runFirst("vigie_last_snapshot",
                              "SELECT coalesce(max(seq), 0)::int8 FROM snapshots WHERE room_id = $1",
                              pg::Params().uuid(m_roomId));
    if (!rows)
        return rows.error();
    return rows->int8(0, 0);
}

bool PgLogStore::onStandby() const
{
    // Reported by the server at connection time (PostgreSQL 14 and later), no round trip.
    const char *v = PQparameterStatus(m_db.raw(), "in_hot_standby");
    return v && qstrcmp(v, "on") == 0;
}

Result<void> PgLogStore::commitThenFlush(const char *what)
{
    if (auto r = m_db.exec("SET LOCAL synchronous_commit = off"); !r)
        return rollback(r.error(), what);
    if (auto r = commit(); !r)
        return r.error();
    // The wait for the flush: txid_current() gives this transaction an id, so its commit is written and
    // waited for, and the WAL is flushed in order, the batch's commit included.
    if (auto r = m_db.exec("BEGIN; SET LOCAL synchronous_commit = on; SELECT txid_current(); COMMIT"); !r)
        return Error{r.error().message +
                     QCoreApplication::translate(
                         "vigie::store",
                         ". Whether the server keeps the batch is unknown: appending the same entries "
                         "again (with the same ids) stores each of them once")};
    return {};
}

Result<void> PgLogStore::sendLockedAndCommit(const Chained &c, const char *what)
{
    // Under the head's lock (beginAndLock): the batch is chained from the head as locked, so it is written.
    auto w = send(c, false);
    if (!w)
        return rollback(w.error(), what);
    if (!w->written)
        return rollback(Error{QCoreApplication::translate("vigie::store", "the head moved under its lock")},
                        what);
    if (auto r = commitThenFlush(what); !r)
        return r.error();
    m_lastSeq = c.lastSeq;
    m_lastHash = c.lastHash;
    return {};
}

Result<void> PgLogStore::heartbeat(const QString &desk, const QString &agency, bool gone)
{
    // A desk silent for longer than three heartbeats was away: its presence starts again now.
    auto r = m_db.runFirst(
        "vigie_heartbeat",
        "INSERT INTO desks(room_id, desk, agency, since, last_seen, gone) VALUES ($1, $2, $3, now(), now(), "
        "$4 <> 0) "
        "ON CONFLICT (room_id, desk) DO UPDATE SET agency = CASE WHEN excluded.agency = '' THEN desks.agency "
        "ELSE excluded.agency END, gone = excluded.gone, "
        "since = CASE WHEN desks.gone OR desks.last_seen < now() - interval '15 seconds' THEN now() "
        "ELSE desks.since END, last_seen = now()",
        pg::Params().uuid(m_roomId).text(desk).text(agency).int2(gone ? 1 : 0));
    if (!r)
        return r.error();
    return {};
}

Result<std::vector<PgLogStore::DeskRow>> PgLogStore::desks() const
{
    auto rows = m_db.runFirst(
        "vigie_desks",
        "SELECT desk, agency, (extract(epoch FROM since) * 1000)::int8, "
        "(extract(epoch FROM last_seen) * 1000)::int8, (extract(epoch FROM now() - last_seen) * 1000)::int8, "
        "gone::int::int2 FROM desks WHERE room_id = $1 ORDER BY desk",
        pg::Params().uuid(m_roomId));
    if (!rows)
        return rows.error();
    std::vector<DeskRow> out;
    out.reserve(std::size_t(rows->size()));
    for (int i = 0; i < rows->size(); ++i)
        out.push_back({rows->text(i, 0), rows->text(i, 1), Timestamp{rows->int8(i, 2)},
                       Timestamp{rows->int8(i, 3)}, rows->int8(i, 4), rows->int2(i, 5) != 0});
    return out;
}

Result<std::optional<qint64>> PgLogStore::waitForNotification(int timeoutMs, int wakeFd)
{
    if (auto r = m_db.ready(); !r)
        return r.error();
    if (!m_listening || m_listeningSince != m_db.reconnections()) {
        if (auto r = m_db.exec("LISTEN vigie_room"); !r)
            return r.error();
        m_listening = true;
        m_listeningSince = m_db.reconnections();
    }
    const QByteArray prefix = m_room.id.toUtf8() + ':';
    const QDeadlineTimer deadline(timeoutMs);
    std::optional<qint64> latest;
    for (;;) {
        if (PQconsumeInput(m_db.raw()) == 0)
            return Error{QCoreApplication::translate(
                             "vigie::store",
                             "lost the connection to the PostgreSQL server %1 while waiting for "
                             "the room's news: %2. The next call reconnects")
                             .arg(m_db.server(), QString::fromUtf8(PQerrorMessage(m_db.raw())).trimmed())};
        while (PGnotify *n = PQnotifies(m_db.raw())) {
            const QByteArray payload(n->extra);
            if (payload.startsWith(prefix))
                latest = std::max(latest.value_or(0), payload.mid(prefix.size()).toLongLong());
            PQfreemem(n);
        }
        const qint64 remaining = deadline.remainingTime();
        if (latest || remaining == 0)
            return latest;
        pollfd fds[2] = {{PQsocket(m_db.raw()), POLLIN, 0}, {wakeFd, POLLIN, 0}};
        if (::poll(fds, wakeFd >= 0 ? 2 : 1, int(std::min<qint64>(remaining, 1000))) < 0 && errno != EINTR)
            return Error{QCoreApplication::translate("vigie::store", "%1: waiting for the room's news failed")
                             .arg(m_db.server())};
        if (wakeFd >= 0 && (fds[1].revents & POLLIN) != 0)
            return latest;
    }
}

} // namespace vigie
