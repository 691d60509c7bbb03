#include "store/sqlite_log_store.h"

#include "store/chain_check.h"
#include "store/schema.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDebug>
#include <QFileInfo>
#include <QJsonDocument>
#include <QtEndian>

#include <algorithm>
#include <limits>

namespace vigie {

namespace {

Result<void> configure(sql::Database &db)
{
    // WAL lets readers (the GUI, `vigie-cli log`) work while the writer appends; FULL makes every commit
    // durable across power loss, which a logbook of record needs.
    for (const char *pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON",
                               "PRAGMA temp_store=MEMORY", "PRAGMA cache_size=-32768"}) {
        if (auto r = db.exec(pragma); !r)
            return r;
    }
    return {};
}

// Blocks of 4096 seqs, as in schema v3's time_blocks.
constexpr int timeBlockBits = 12;
qint64 timeBlock(qint64 seq)
{
    return (seq - 1) >> timeBlockBits;
}

constexpr const char *entryColumns =
    "seq, uuid, mode, event_time, record_time, author, role, agency, kind, geo, data, prev_hash, hash";

Entry rowToEntry(const sql::Statement &s, const RoomInfo &room, QByteArray *geoJson, QByteArray *dataJson)
{
    Entry e;
    e.seq = s.int64(0);
    e.id = QUuid::fromRfc4122(s.bytes(1));
    e.room = room.id;
    e.mode = s.int64(2) == 0 ? RoomMode::Live : RoomMode::Exercise;
    e.eventTime = Timestamp{s.int64(3)};
    e.recordTime = Timestamp{s.int64(4)};
    e.author = s.text(5);
    e.role = s.text(6);
    e.agency = s.text(7);
    e.kind = s.text(8);
    *geoJson = s.isNull(9) ? QByteArray() : s.bytes(9);
    *dataJson = s.bytes(10);
    e.prevHash = s.bytes(11);
    e.hash = s.bytes(12);
    return e;
}

} // namespace

SqliteLogStore::~SqliteLogStore() = default;

Result<std::unique_ptr<SqliteLogStore>> SqliteLogStore::create(const QString &path, const RoomInfo &room)
{
    if (QFileInfo::exists(path) && QFileInfo(path).size() > 0)
        return Error{QStringLiteral("%1 already exists; choose another file or remove it first").arg(path)};
    auto db = sql::Database::open(path, sql::Database::Mode::ReadWriteCreate);
    if (!db)
        return db.error();
    std::unique_ptr<SqliteLogStore> store(new SqliteLogStore);
    store->m_db = std::move(*db);
    if (auto r = configure(store->m_db); !r)
        return r.error();
    if (auto r = schema::migrate(store->m_db); !r)
        return r.error();
    auto insert = store->m_db.prepare("INSERT INTO meta(key, value) VALUES (?, ?)");
    if (!insert)
        return insert.error();
    std::vector<std::pair<const char *, QString>> meta = {
        {"room_id", room.id},
        {"room_name", room.name},
        {"mode", roomModeId(room.mode)},
        {"created", QString::number(room.created.msecs)},
    };
    if (!room.replicaOf.isEmpty())
        meta.emplace_back("replica_of", room.replicaOf);
    for (const auto &[key, value] : meta) {
        insert->bindText(1, key);
        insert->bindText(2, value.toUtf8());
        if (insert->step() != sql::Statement::Step::Done)
            return Error{QStringLiteral("%1: cannot write room metadata: %2").arg(path, insert->lastError())};
        insert->reset();
    }
    if (auto r = store->loadState(); !r)
        return r.error();
    if (auto r = store->prepareStatements(); !r)
        return r.error();
    return store;
}

Result<std::unique_ptr<SqliteLogStore>> SqliteLogStore::open(const QString &path)
{
    if (!QFileInfo::exists(path))
        return Error{QCoreApplication::translate("vigie::store",
                                                 "%1 does not exist; create it with `vigie-cli init %1`")
                         .arg(path)};
    auto db = sql::Database::open(path, sql::Database::Mode::ReadWrite);
    if (!db)
        return db.error();
    std::unique_ptr<SqliteLogStore> store(new SqliteLogStore);
    store->m_db = std::move(*db);
    if (auto r = configure(store->m_db); !r)
        return Error{QCoreApplication::translate("vigie::store", "%1 is not a Vigie room file: %2")
                         .arg(path, r.error().message)};
    auto v = schema::version(store->m_db);
    if (!v)
        return v.error();
    if (*v == 0)
        return Error{
            QCoreApplication::translate("vigie::store", "%1 is not a Vigie room file (no schema)").arg(path)};
    if (auto r = schema::migrate(store->m_db); !r)
        return r.error();
    if (auto r = store->loadState(); !r)
        return r.error();
    if (auto r = store->prepareStatements(); !r)
        return r.error();
    return store;
}

Result<void> SqliteLogStore::loadState()
{
    auto meta = m_statements.take("SELECT key, value FROM meta");
    if (!meta)
        return meta.error();
    sql::Statement &metaRows = **meta;
    sql::Statement::Step metaStep;
    while ((metaStep = metaRows.step()) == sql::Statement::Step::Row) {
        const QString key = metaRows.text(0);
        const QString value = metaRows.text(1);
        if (key == QLatin1String("room_id"))
            m_room.id = value;
        else if (key == QLatin1String("room_name"))
            m_room.name = value;
        else if (key == QLatin1String("mode"))
            m_room.mode = roomModeFromId(value).value_or(RoomMode::Live);
        else if (key == QLatin1String("created"))
            m_room.created = Timestamp{value.toLongLong()};
        else if (key == QLatin1String("replica_of"))
            m_room.replicaOf = value;
    }
    if (metaStep == sql::Statement::Step::Error) {
        const QString why = metaRows.lastError();
        metaRows.reset();
        return Error{
            QCoreApplication::translate("vigie::store", "%1: reading the room's description failed: %2")
                .arg(m_db.path(), why)};
    }
    if (m_room.id.isEmpty())
        return Error{
            QCoreApplication::translate("vigie::store", "%1: the room has no id (damaged meta table)")
                .arg(m_db.path())};
    auto last = m_statements.take("SELECT seq, hash FROM entries ORDER BY seq DESC LIMIT 1");
    if (!last)
        return last.error();
    if (sql::Statement &lastRow = **last; lastRow.step() == sql::Statement::Step::Row) {
        m_lastSeq = lastRow.int64(0);
        m_lastHash = lastRow.bytes(1);
    }
    return {};
}

Result<void> SqliteLogStore::rewindReplica(qint64 keep)
{
    if (m_room.replicaOf.isEmpty())
        return Error{QStringLiteral("%1 is a room file of record, not a desk's replica: its log is never cut")
                         .arg(m_db.path())};
    if (auto r = m_db.exec("BEGIN IMMEDIATE"); !r)
        return r.error();
    auto fail = [this](const QString &why) -> Error {
        (void)m_db.exec("ROLLBACK");
        return Error{QStringLiteral("%1: cannot go back to the server's chain, nothing was changed: %2")
                         .arg(m_db.path(), why)};
    };
    const qint64 block = keep > 0 ? (keep - 1) >> 12 : -1;
    const std::pair<const char *, qint64> steps[] = {
        {"DELETE FROM entries WHERE seq > ?", keep},
        {"DELETE FROM entries_geo WHERE seq > ?", keep},
        {"DELETE FROM entries_cells WHERE seq > ?", keep},
        {"DELETE FROM snapshots WHERE seq > ?", keep},
        {"DELETE FROM feed_seen WHERE seq > ?", keep},
        {"UPDATE derived_index SET upto = min(upto, ?) WHERE name = 'entries_geo'", keep},
        {"DELETE FROM time_blocks WHERE block >= ?", block},
        // The block cut in its middle keeps the times of the entries it still holds.
        {"INSERT INTO time_blocks(block, min_event_time, max_event_time) SELECT (seq - 1) >> 12, "
         "min(event_time), max(event_time) FROM entries WHERE seq > (? << 12) GROUP BY (seq - 1) >> 12",
         std::max<qint64>(block, 0)},
    };
    for (const auto &[sql, value] : steps) {
        auto stmt = m_db.prepare(sql);
        if (!stmt)
            return fail(stmt.error().message);
        stmt->bind(1, value);
        if (stmt->step() != sql::Statement::Step::Done)
            return fail(stmt->lastError());
    }
    if (auto r = m_db.exec("COMMIT"); !r)
        return fail(r.error().message);
    return reloadHead();
}

Result<void> SqliteLogStore::reloadHead()
{
    m_lastSeq = 0;
    m_lastHash.clear();
    m_ids.clear();
    m_idsUpto = 0;
    forgetSeenInMemory();
    return loadState();
}

Result<void> SqliteLogStore::prepareStatements()
{
    auto insert = m_db.prepare("INSERT INTO entries(" + QByteArray(entryColumns) +
                               ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)");
    if (!insert)
        return insert.error();
    m_insertEntry = std::move(*insert);
    auto geo =
        m_db.prepare("INSERT INTO entries_geo(seq, min_lon, max_lon, min_lat, max_lat) VALUES (?,?,?,?,?)");
    if (!geo)
        return geo.error();
    m_insertGeo = std::move(*geo);
    auto cell = m_db.prepare("INSERT OR IGNORE INTO entries_cells(cell, seq) VALUES (?, ?)");
    if (!cell)
        return cell.error();
    m_insertCell = std::move(*cell);
    auto block = m_db.prepare(
        "INSERT INTO time_blocks(block, min_event_time, max_event_time) VALUES (?, ?, ?) "
        "ON CONFLICT(block) DO UPDATE SET min_event_time = min(min_event_time, "
        "excluded.min_event_time), max_event_time = max(max_event_time, excluded.max_event_time)");
    if (!block)
        return block.error();
    m_upsertBlock = std::move(*block);
    const std::pair<sql::Statement *, const char *> derived[] = {
        {&m_geoUpto, "SELECT upto FROM derived_index WHERE name = 'entries_geo'"},
        {&m_setGeoUpto, "UPDATE derived_index SET upto = ? WHERE name = 'entries_geo'"},
        {&m_indexPoints, schema::indexPointRange},
        {&m_indexPolygons, schema::indexPolygonRange},
    };
    for (const auto &[statement, sqlText] : derived) {
        auto prepared = m_db.prepare(sqlText);
        if (!prepared)
            return prepared.error();
        *statement = std::move(*prepared);
    }
    return {};
}

Result<std::optional<qint64>> SqliteLogStore::readGeoWatermark() const
{
    m_geoUpto.reset();
    const auto step = m_geoUpto.step();
    if (step == sql::Statement::Step::Error) {
        const QString why = m_geoUpto.lastError();
        m_geoUpto.reset();
        return Error{
            QStringLiteral("%1: cannot read how far the spatial index goes: %2").arg(m_db.path(), why)};
    }
    std::optional<qint64> upto;
    if (step == sql::Statement::Step::Row)
        upto = m_geoUpto.int64(0);
    m_geoUpto.reset();
    return upto;
}

Result<qint64> SqliteLogStore::geoIndexedUpto() const
{
    auto upto = readGeoWatermark();
    if (!upto)
        return upto.error();
    return upto->value_or(0);
}

QString SqliteLogStore::indexRangeLocked(qint64 after, qint64 upto) const
{
    for (sql::Statement *s : {&m_indexPoints, &m_indexPolygons}) {
        s->bind(1, after);
        s->bind(2, upto);
        const auto step = s->step();
        const QString why = step == sql::Statement::Step::Done ? QString() : s->lastError();
        s->reset();
        if (!why.isEmpty())
            return QStringLiteral("cannot index the geometry of entries %1 to %2: %3")
                .arg(after + 1)
                .arg(upto)
                .arg(why);
    }
    m_setGeoUpto.bind(1, upto);
    const auto step = m_setGeoUpto.step();
    const QString why = step == sql::Statement::Step::Done ? QString() : m_setGeoUpto.lastError();
    m_setGeoUpto.reset();
    return why;
}

Result<qint64> SqliteLogStore::catchUpGeoIndex(bool wait) const
{
    // How far the index lags, read again under the write lock below (another process may append).
    auto lag = [this]() -> Result<std::pair<std::optional<qint64>, qint64>> {
        auto upto = readGeoWatermark();
        if (!upto)
            return upto.error();
        auto last = m_db.prepare("SELECT coalesce(max(seq), 0) FROM entries");
        if (!last)
            return last.error();
        if (last->step() != sql::Statement::Step::Row)
            return Error{QCoreApplication::translate("vigie::store", "%1: reading the log failed: %2")
                             .arg(m_db.path(), last->lastError())};
        return std::pair{*upto, last->int64(0)};
    };
    if (auto before = lag(); !before)
        return before.error();
    else if (before->first && *before->first >= before->second)
        return qint64(0);
    // A reader that finds the write lock taken (another process appending) reads the unindexed tail without
    // the index rather than waiting for the lock.
    if (!wait)
        m_db.setBusyTimeout(0);
    auto begun = m_db.exec("BEGIN IMMEDIATE");
    if (!wait)
        m_db.setBusyTimeout(sql::Database::defaultBusyTimeoutMs);
    if (!begun)
        return begun.error();
    auto fail = [this](const QString &why) -> Error {
        (void)m_db.exec("ROLLBACK");
        return Error{
            QStringLiteral("%1: cannot bring the spatial index up to date: %2").arg(m_db.path(), why)};
    };
    const auto range = lag();
    if (!range)
        return fail(range.error().message);
    const auto [watermark, last] = *range;
    if (!watermark) {
        // No watermark (a damaged or hand-edited file): nothing says what the index holds, so rebuild it.
        if (auto r = m_db.exec("DELETE FROM entries_geo; DELETE FROM entries_cells; "
                               "INSERT INTO derived_index(name, upto) VALUES ('entries_geo', 0)");
            !r)
            return fail(r.error().message);
    }
    const qint64 upto = watermark.value_or(0);
    if (watermark && last <= upto) {
        (void)m_db.exec("ROLLBACK");
        return qint64(0);
    }
    if (const QString problem = indexRangeLocked(upto, last); !problem.isEmpty())
        return fail(problem);
    if (auto r = m_db.exec("COMMIT"); !r)
        return fail(r.error().message);
    return last - upto;
}

Result<std::vector<Entry>> SqliteLogStore::append(std::vector<Entry> drafts,
                                                  std::vector<QuarantineItem> refused)
{
    if (drafts.empty() && refused.empty())
        return drafts;
    if (auto r = m_db.exec("BEGIN IMMEDIATE"); !r)
        return r.error();
    // Another process (the console and vigie-cli on the same room) may have appended since we last looked:
    // the chain continues from what is on disk, read under the write lock.
    if (auto r = loadState(); !r) {
        (void)m_db.exec("ROLLBACK");
        return r.error();
    }
    qint64 seq = m_lastSeq;
    QByteArray prev = m_lastHash;
    auto fail = [this](const QString &why) -> Error {
        (void)m_db.exec("ROLLBACK");
        m_insertEntry.reset();
        m_insertGeo.reset();
        m_insertCell.reset();
        m_upsertBlock.reset();
        return Error{QCoreApplication::translate("vigie::store", "%1: append failed, nothing was written: %2")
                         .arg(m_db.path(), why)};
    };
    std::vector<Placed> placed;
    if (const QString problem = takeStoredLocked(drafts, placed); !problem.isEmpty())
        return fail(problem);
    if (const QString problem = insertLocked(drafts, seq, prev); !problem.isEmpty())
        return fail(problem);
    // A batch whose every entry is stored already is a batch sent again: its refusals were kept with it.
    const bool sentAgain = !placed.empty() && drafts.empty();
    if (const QString problem = sentAgain ? QString() : quarantineLocked(refused); !problem.isEmpty())
        return fail(problem);
    if (auto r = m_db.exec("COMMIT"); !r)
        return fail(r.error().message);
    m_lastSeq = seq;
    m_lastHash = prev;
    return placeStored(std::move(drafts), std::move(placed));
}

QString SqliteLogStore::insertLocked(std::vector<Entry> &drafts, qint64 &seq, QByteArray &prev)
{
    // The spatial index: inside this transaction while what it lacks stays small (the common case, a few
    // entries per commit), otherwise left to catchUpGeoIndex() before the next spatial query (see schema v5).
    // Without a watermark the index is rebuilt by the catch-up.
    auto indexedUpto = readGeoWatermark();
    if (!indexedUpto)
        return indexedUpto.error().message;
    const bool indexNow =
        indexedUpto->has_value() && seq + qint64(drafts.size()) - **indexedUpto <= inlineGeoIndexLimit;
    if (indexNow && **indexedUpto < seq)
        if (const QString problem = indexRangeLocked(**indexedUpto, seq); !problem.isEmpty())
            return problem;

    // Consecutive entries nearly always share author, role, agency and kind: each is converted to UTF-8 once
    // per run of equal values rather than once per entry.
    struct Utf8Of
    {
        QString text;
        QByteArray utf8;
        bool converted = false;
        QByteArrayView operator()(const QString &s)
        {
            if (!converted || s != text) {
                text = s;
                utf8 = s.toUtf8();
                converted = true;
            }
            return utf8;
        }
    } author, role, agency, kind;
    QByteArray canonical;
    for (Entry &e : drafts) {
        e.seq = ++seq;
        e.room = m_room.id;
        e.mode = m_room.mode;
        if (e.id.isNull())
            e.id = newEntryId();
        const auto [geoJson, dataJson] = chainEntry(e, prev, canonical);
        prev = e.hash;

        // Bound without copies: every buffer lives until the step below. The id as QUuid::toRfc4122() writes
        // it (big-endian fields), without its allocation.
        char uuid[16];
        for (int i = 0; i < 4; ++i)
            uuid[i] = char(e.id.data1 >> (24 - 8 * i));
        uuid[4] = char(e.id.data2 >> 8);
        uuid[5] = char(e.id.data2);
        uuid[6] = char(e.id.data3 >> 8);
        uuid[7] = char(e.id.data3);
        std::copy(e.id.data4, e.id.data4 + 8, uuid + 8);
        sql::Statement &s = m_insertEntry;
        s.bind(1, e.seq);
        s.bindBlobView(2, QByteArrayView(uuid, 16));
        s.bind(3, qint64(e.mode == RoomMode::Live ? 0 : 1));
        s.bind(4, e.eventTime.msecs);
        s.bind(5, e.recordTime.msecs);
        s.bindTextView(6, author(e.author));
        s.bindTextView(7, role(e.role));
        s.bindTextView(8, agency(e.agency));
        s.bindTextView(9, kind(e.kind));
        if (geoJson.isEmpty())
            s.bindNull(10);
        else
            s.bindTextView(10, geoJson);
        s.bindTextView(11, dataJson);
        s.bindBlobView(12, e.prevHash);
        s.bindBlobView(13, e.hash);
        if (s.step() != sql::Statement::Step::Done)
            return s.lastError();
        s.reset();
        if (!indexNow)
            continue;
        if (e.geo.type == Geometry::Type::Point) {
            // A point: one B-tree insert, keyed by its cell (schema v8).
            const GeoPoint &p = e.geo.points.front();
            m_insertCell.bind(1, schema::spatialCellOf(p.lon, p.lat));
            m_insertCell.bind(2, e.seq);
            if (m_insertCell.step() != sql::Statement::Step::Done)
                return m_insertCell.lastError();
            m_insertCell.reset();
        } else if (const auto box = e.geo.bounds()) {
            m_insertGeo.bind(1, e.seq);
            m_insertGeo.bind(2, box->minLon);
            m_insertGeo.bind(3, box->maxLon);
            m_insertGeo.bind(4, box->minLat);
            m_insertGeo.bind(5, box->maxLat);
            if (m_insertGeo.step() != sql::Statement::Step::Done)
                return m_insertGeo.lastError();
            m_insertGeo.reset();
        }
    }
    if (indexNow) {
        m_setGeoUpto.bind(1, seq);
        const auto step = m_setGeoUpto.step();
        const QString why = step == sql::Statement::Step::Done ? QString() : m_setGeoUpto.lastError();
        m_setGeoUpto.reset();
        if (!why.isEmpty())
            return why;
    }
    // The earliest and latest event times of each block touched (see schema v4 and v6), once per block
    // rather than per entry.
    for (std::size_t i = 0; i < drafts.size();) {
        const qint64 block = timeBlock(drafts[i].seq);
        qint64 minTime = drafts[i].eventTime.msecs, maxTime = minTime;
        for (++i; i < drafts.size() && timeBlock(drafts[i].seq) == block; ++i) {
            minTime = std::min(minTime, drafts[i].eventTime.msecs);
            maxTime = std::max(maxTime, drafts[i].eventTime.msecs);
        }
        m_upsertBlock.bind(1, block);
        m_upsertBlock.bind(2, minTime);
        m_upsertBlock.bind(3, maxTime);
        if (m_upsertBlock.step() != sql::Statement::Step::Done)
            return m_upsertBlock.lastError();
        m_upsertBlock.reset();
    }
    return {};
}

SqliteLogStore::SeenKey SqliteLogStore::seenKeyOf(const QString &key)
{
    // The ingestor's keys are SHA-256 digests in hex: their first 128 bits are the key. Any other text is
    // hashed first. 128 bits: two different messages share a key with odds of 1 in 10^19 at 10^10 messages.
    const bool hex = key.size() == 64 && std::all_of(key.begin(), key.end(), [](QChar c) {
                         return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f');
                     });
    const QByteArray bytes = hex ? QByteArray::fromHex(QStringView(key).left(32).toLatin1())
                                 : QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256);
    return {qFromBigEndian<quint64>(bytes.constData()), qFromBigEndian<quint64>(bytes.constData() + 8)};
}

void SqliteLogStore::rememberSeen(const SeenKey &key, qint64 time, qint64 row)
{
    m_seen.insert(key, row);
    m_seenByTime.push({time, key});
    while (m_seenByTime.size() > m_seenCapacity) {
        const SeenTime earliest = m_seenByTime.top();
        m_seenByTime.pop();
        m_seen.remove(earliest.key);
        // Every message of this time or earlier is looked up in the file from now on (the others of the
        // same time included, wherever they are in the queue).
        m_seenFloor = std::max(m_seenFloor, earliest.time + 1);
    }
}

void SqliteLogStore::forgetSeenInMemory()
{
    m_seen = {};
    m_seenByTime = {};
    m_seenFloor = std::numeric_limits<qint64>::min();
    m_seenLoaded = false;
    m_seenUpto = 0;
    m_seenMaxSeq = 0;
}

QString SqliteLogStore::loadSeenLocked()
{
    if (!m_seenLoaded) {
        // The first read: the rows without a time (rooms before schema 12) whole, then the most recent by
        // time, one more than memory keeps to know where the floor is. The rest of the table is not read.
        auto last = m_statements.take("SELECT id, seq FROM feed_seen ORDER BY id DESC LIMIT 1");
        if (!last)
            return last.error().message;
        sql::Statement &l = **last;
        const auto lastStep = l.step();
        if (lastStep == sql::Statement::Step::Error) {
            const QString why = l.lastError();
            l.reset();
            return why;
        }
        // One writer appends rows and entries in one transaction: the last row has the highest seq.
        const qint64 upto = lastStep == sql::Statement::Step::Row ? l.int64(0) : 0;
        const qint64 maxSeq = lastStep == sql::Statement::Step::Row ? l.int64(1) : 0;
        l.reset();
        auto untimed = m_statements.take("SELECT id, key FROM feed_seen WHERE msg_time IS NULL");
        if (!untimed)
            return untimed.error().message;
        sql::Statement &u = **untimed;
        sql::Statement::Step step;
        while ((step = u.step()) == sql::Statement::Step::Row)
            m_seen.insert(seenKeyOf(u.text(1)), u.int64(0));
        QString why = step == sql::Statement::Step::Done ? QString() : u.lastError();
        u.reset();
        if (!why.isEmpty())
            return why;
        auto recent = m_statements.take("SELECT id, key, msg_time FROM feed_seen WHERE msg_time IS NOT NULL "
                                        "ORDER BY msg_time DESC LIMIT ?");
        if (!recent)
            return recent.error().message;
        sql::Statement &r = **recent;
        r.bind(1, qint64(m_seenCapacity) + 1);
        std::vector<std::pair<qint64, qint64>> rows; // (time, id), latest first
        std::vector<SeenKey> keys;
        while ((step = r.step()) == sql::Statement::Step::Row) {
            rows.emplace_back(r.int64(2), r.int64(0));
            keys.push_back(seenKeyOf(r.text(1)));
        }
        why = step == sql::Statement::Step::Done ? QString() : r.lastError();
        r.reset();
        if (!why.isEmpty())
            return why;
        if (rows.size() > m_seenCapacity)
            m_seenFloor = rows.back().first + 1; // that time's rows may not all be in the list
        for (std::size_t i = 0; i < rows.size(); ++i)
            if (rows[i].first >= m_seenFloor)
                rememberSeen(keys[i], rows[i].first, rows[i].second);
        m_seenUpto = upto;
        m_seenMaxSeq = maxSeq;
        m_seenLoaded = true;
        return {};
    }
    // Later: the rows other connections added since.
    auto rows = m_statements.take("SELECT id, key, seq, msg_time FROM feed_seen WHERE id > ? ORDER BY id");
    if (!rows)
        return rows.error().message;
    sql::Statement &r = **rows;
    r.bind(1, m_seenUpto);
    sql::Statement::Step step;
    while ((step = r.step()) == sql::Statement::Step::Row) {
        m_seenUpto = r.int64(0);
        m_seenMaxSeq = std::max(m_seenMaxSeq, r.int64(2));
        if (r.isNull(3))
            m_seen.insert(seenKeyOf(r.text(1)), m_seenUpto);
        else if (r.int64(3) >= m_seenFloor)
            rememberSeen(seenKeyOf(r.text(1)), r.int64(3), m_seenUpto);
    }
    const QString why = step == sql::Statement::Step::Done ? QString() : r.lastError();
    r.reset();
    return why;
}

Result<qint64> SqliteLogStore::findSeenLocked(const QString &key, qint64 time)
{
    auto find = m_statements.take("SELECT id FROM feed_seen WHERE msg_time = ? AND key = ? LIMIT 1");
    if (!find)
        return find.error();
    sql::Statement &f = **find;
    const QByteArray text = key.toUtf8();
    f.bind(1, time);
    f.bindTextView(2, text);
    const auto step = f.step();
    const qint64 row = step == sql::Statement::Step::Row ? f.int64(0) : 0;
    const QString why = step == sql::Statement::Step::Error ? f.lastError() : QString();
    f.reset();
    if (!why.isEmpty())
        return Error{why};
    return row;
}

QString SqliteLogStore::forgetSeenBeyondLocked(qint64 lastSeq)
{
    auto forget = m_statements.take("DELETE FROM feed_seen WHERE seq > ?");
    if (!forget)
        return forget.error().message;
    (*forget)->bind(1, lastSeq);
    const auto step = (*forget)->step();
    if (step != sql::Statement::Step::Done)
        return QStringLiteral("cannot forget the messages of a cut log: %1").arg((*forget)->lastError());
    qWarning().noquote() << QStringLiteral("%1: the log ends at seq %2, before the entries of %3 message(s) "
                                           "recorded as seen; they are forgotten and will be stored again if "
                                           "they arrive (see `vigie-cli verify`)")
                                .arg(m_db.path())
                                .arg(lastSeq)
                                .arg(m_db.changes());
    forgetSeenInMemory();
    return loadSeenLocked();
}

Result<FeedAppend> SqliteLogStore::appendFeed(std::vector<FeedArrival> arrivals, Timestamp received,
                                              std::vector<QuarantineItem> refused)
{
    FeedAppend out;
    if (arrivals.empty() && refused.empty())
        return out;
    if (auto r = m_db.exec("BEGIN IMMEDIATE"); !r)
        return r.error();
    if (auto r = loadState(); !r) {
        (void)m_db.exec("ROLLBACK");
        return r.error();
    }
    auto fail = [this](const QString &why) -> Error {
        (void)m_db.exec("ROLLBACK");
        m_insertEntry.reset();
        m_insertGeo.reset();
        m_insertCell.reset();
        m_upsertBlock.reset();
        // Memory may hold messages of the batch, or lack rows the file has back: read it again at the next.
        forgetSeenInMemory();
        return Error{
            QCoreApplication::translate("vigie::store", "%1: feed append failed, nothing was written: %2")
                .arg(m_db.path(), why)};
    };
    if (const QString problem = loadSeenLocked(); !problem.isEmpty())
        return fail(problem);
    if (m_seenMaxSeq > m_lastSeq) {
        if (const QString problem = forgetSeenBeyondLocked(m_lastSeq); !problem.isEmpty())
            return fail(problem);
    }
    // Prepared once per batch (not with the others) so that opening an old file never needs feed_seen.
    // A new message is one appended row; only a repeat pays the update and the read of its count.
    auto note = m_statements.take("INSERT INTO feed_seen(key, source, first_seen, last_seen, count, seq, "
                                  "msg_time) VALUES (?,?,?,?,1,?,?)");
    if (!note)
        return fail(note.error().message);
    auto repeat = m_statements.take("UPDATE feed_seen SET count = count + 1, last_seen = ? WHERE id = ? "
                                    "RETURNING count");
    if (!repeat)
        return fail(repeat.error().message);
    sql::Statement &noteRow = **note;
    sql::Statement &repeatRow = **repeat;
    std::vector<Entry> drafts;
    out.arrivals.reserve(arrivals.size());
    for (FeedArrival &a : arrivals) {
        // The message's time: the latest event time of its entries (fusion's decisions, added to them, take
        // a report's time), the same at every arrival of the message. One without entries takes its arrival.
        qint64 time = std::numeric_limits<qint64>::min();
        for (const Entry &d : a.drafts)
            time = std::max(time, d.eventTime.msecs);
        if (a.drafts.empty())
            time = received.msecs;
        // A message first seen under its unkeyed key (rooms of older versions, kept in memory) is counted
        // on that row.
        SeenKey seenKey = seenKeyOf(a.key);
        qint64 row = m_seen.value(seenKey, 0);
        if (row == 0 && !a.legacyKey.isEmpty()) {
            if (const qint64 legacy = m_seen.value(seenKeyOf(a.legacyKey), 0); legacy != 0) {
                a.key = a.legacyKey;
                row = legacy;
            }
        }
        if (row == 0 && time < m_seenFloor) {
            auto found = findSeenLocked(a.key, time);
            if (!found)
                return fail(QStringLiteral("cannot look up a feed message from %1: %2")
                                .arg(a.source, found.error().message));
            row = *found;
        }
        qint64 count = 1;
        if (row == 0) {
            const QByteArray key = a.key.toUtf8();
            // The seq of the message's last entry: its drafts follow those of the batch's earlier messages.
            const qint64 upto = m_lastSeq + qint64(drafts.size() + a.drafts.size());
            noteRow.bindTextView(1, key);
            noteRow.bindText(2, a.source.toUtf8());
            noteRow.bind(3, received.msecs);
            noteRow.bind(4, received.msecs);
            noteRow.bind(5, upto);
            noteRow.bind(6, time);
            if (noteRow.step() != sql::Statement::Step::Done) {
                const QString why = noteRow.lastError();
                noteRow.reset();
                return fail(QStringLiteral("cannot record feed message from %1: %2").arg(a.source, why));
            }
            noteRow.reset();
            m_seenUpto = m_db.lastInsertRowId();
            m_seenMaxSeq = std::max(m_seenMaxSeq, upto);
            if (time >= m_seenFloor)
                rememberSeen(seenKey, time, m_seenUpto);
        } else {
            repeatRow.bind(1, received.msecs);
            repeatRow.bind(2, row);
            if (repeatRow.step() != sql::Statement::Step::Row) {
                const QString why = repeatRow.lastError();
                repeatRow.reset();
                return fail(
                    QStringLiteral("cannot count a repeated feed message from %1: %2").arg(a.source, why));
            }
            count = repeatRow.int64(0);
            // RETURNING rows are produced before the statement completes: step to the end before resetting.
            (void)repeatRow.step();
            repeatRow.reset();
        }
        out.arrivals.push_back(count);
        if (count == 1)
            for (Entry &d : a.drafts)
                drafts.push_back(std::move(d));
    }
    // A feed's entries have fresh ids (fusion draws them): a message is recognised by its key above, never
    // by the ids of its entries, so the store's id index (m_ids) is neither read nor grown here.
    qint64 seq = m_lastSeq;
    QByteArray prev = m_lastHash;
    if (const QString problem = insertLocked(drafts, seq, prev); !problem.isEmpty())
        return fail(problem);
    if (const QString problem = quarantineLocked(refused); !problem.isEmpty())
        return fail(problem);
    if (auto r = m_db.exec("COMMIT"); !r)
        return fail(r.error().message);
    m_lastSeq = seq;
    m_lastHash = prev;
    out.appended = std::move(drafts);
    return out;
}

Result<void> SqliteLogStore::read(const EntryQuery &query, const Visitor &visit) const
{
    // The seq ranges (after, last] to scan. With event time bounds, only the blocks whose earliest event time
    // is at or before the end and whose latest is at or after the start: seeking an early time in a long log,
    // or reading the last minutes of it, reads a few blocks, not the whole log.
    std::vector<std::pair<qint64, qint64>> ranges;
    if (query.until || query.since) {
        auto blocks =
            m_statements.take("SELECT block FROM time_blocks WHERE block >= ? AND min_event_time <= ? "
                              "AND max_event_time >= ? ORDER BY block");
        if (!blocks)
            return blocks.error();
        sql::Statement &blockRows = **blocks;
        blockRows.bind(1, std::max<qint64>(0, query.afterSeq) >> timeBlockBits);
        blockRows.bind(2, query.until ? query.until->msecs : std::numeric_limits<qint64>::max());
        blockRows.bind(3, query.since ? query.since->msecs : std::numeric_limits<qint64>::min());
        for (;;) {
            const auto step = blockRows.step();
            if (step == sql::Statement::Step::Done)
                break;
            if (step == sql::Statement::Step::Error)
                return Error{QCoreApplication::translate("vigie::store", "%1: reading the log failed: %2")
                                 .arg(m_db.path(), blockRows.lastError())};
            const qint64 first = blockRows.int64(0) << timeBlockBits;
            const qint64 after = std::max(first, query.afterSeq);
            const qint64 last = first + (qint64(1) << timeBlockBits);
            if (!ranges.empty() && ranges.back().second >= after)
                ranges.back().second = last;
            else
                ranges.emplace_back(after, last);
        }
    } else {
        ranges.emplace_back(query.afterSeq, std::numeric_limits<qint64>::max());
    }

    // Spatial queries: the R*Tree answers for the entries it holds (seq up to its watermark), the rest of the
    // log is read and its geometry tested here, so a query sees every committed entry whatever the state of
    // the derived index. The index is caught up first so that this rest stays short; when that cannot
    // happen now (another connection holds the write lock, a transaction is open), the rest is read anyway.
    qint64 indexedUpto = std::numeric_limits<qint64>::max();
    if (query.box) {
        (void)catchUpGeoIndex(false);
        auto upto = geoIndexedUpto();
        if (!upto)
            return upto.error();
        indexedUpto = *upto;
    }
    // The cells a box's points can be in (schema v8), one range of cell numbers per row of the grid, widened
    // by a cell on each side: SQLite reads the coordinates back from the JSON text when it catches the index
    // up, and may round them to the next double. A box of many rows is read as one range (a superset: the
    // exact test below keeps what is inside).
    std::vector<std::pair<qint64, qint64>> cellRanges;
    if (query.box) {
        const qint64 r0 = std::max<qint64>(schema::spatialRowOf(query.box->minLat) - 1, 0);
        const qint64 r1 = std::min(schema::spatialRowOf(query.box->maxLat) + 1, schema::spatialCellRows - 1);
        const qint64 c0 = std::max<qint64>(schema::spatialColumnOf(query.box->minLon) - 1, 0);
        const qint64 c1 =
            std::min(schema::spatialColumnOf(query.box->maxLon) + 1, schema::spatialCellColumns - 1);
        constexpr qint64 maxRanges = 32;
        if (r1 - r0 + 1 <= maxRanges)
            for (qint64 r = r0; r <= r1; ++r)
                cellRanges.emplace_back(r * schema::spatialCellColumns + c0,
                                        r * schema::spatialCellColumns + c1);
        else
            cellRanges.emplace_back(r0 * schema::spatialCellColumns + c0,
                                    r1 * schema::spatialCellColumns + c1);
    }
    auto prepareRead = [&](bool useIndex) {
        QByteArray sqlText =
            "SELECT " + QByteArray(entryColumns) + " FROM entries WHERE seq > ? AND seq <= ?";
        if (query.kind)
            sqlText += " AND kind = ?";
        if (!query.kinds.isEmpty()) {
            sqlText += " AND kind IN (?";
            for (qsizetype k = 1; k < query.kinds.size(); ++k)
                sqlText += ",?";
            sqlText += ')';
        }
        if (query.since)
            sqlText += " AND event_time >= ?";
        if (query.until)
            sqlText += " AND event_time <= ?";
        if (query.box && useIndex) {
            // Polygons (and points indexed before schema v8) in the R*Tree, points by their cells.
            sqlText += " AND (seq IN (SELECT seq FROM entries_geo WHERE max_lon >= ? AND min_lon <= ? "
                       "AND max_lat >= ? AND min_lat <= ?) OR seq IN (SELECT seq FROM entries_cells WHERE ";
            for (std::size_t r = 0; r < cellRanges.size(); ++r)
                sqlText += r == 0 ? "cell BETWEEN ? AND ?" : " OR cell BETWEEN ? AND ?";
            sqlText += "))";
        } else if (query.box) {
            sqlText += " AND geo IS NOT NULL";
        }
        sqlText += " ORDER BY seq";
        // With a box the exact test below may still drop rows: the limit is then counted here only. Bound,
        // not written into the text: each limit a reader asks for would otherwise be a statement of its own,
        // prepared and kept.
        if (query.limit >= 0 && !query.box)
            sqlText += " LIMIT ?";
        return m_statements.take(sqlText);
    };
    struct Segment
    {
        qint64 after, last;
        bool useIndex;
    };
    std::vector<Segment> segments;
    for (const auto &[after, last] : ranges) {
        if (after < indexedUpto)
            segments.push_back({after, std::min(last, indexedUpto), true});
        if (last > indexedUpto)
            segments.push_back({std::max(after, indexedUpto), last, false});
    }

    std::optional<sql::StatementCache::Lease> indexed, unindexed;
    QByteArray geoJson, dataJson;
    qint64 visited = 0;
    for (const Segment &segment : segments) {
        std::optional<sql::StatementCache::Lease> &slot = segment.useIndex ? indexed : unindexed;
        if (!slot) {
            auto prepared = prepareRead(segment.useIndex);
            if (!prepared)
                return prepared.error();
            slot.emplace(std::move(*prepared));
        }
        sql::Statement &stmt = **slot;
        stmt.reset();
        int i = 1;
        stmt.bind(i++, segment.after);
        stmt.bind(i++, segment.last);
        if (query.kind)
            stmt.bindText(i++, query.kind->toUtf8());
        for (const QString &k : query.kinds)
            stmt.bindText(i++, k.toUtf8());
        if (query.since)
            stmt.bind(i++, query.since->msecs);
        if (query.until)
            stmt.bind(i++, query.until->msecs);
        if (query.box && segment.useIndex) {
            stmt.bind(i++, query.box->minLon);
            stmt.bind(i++, query.box->maxLon);
            stmt.bind(i++, query.box->minLat);
            stmt.bind(i++, query.box->maxLat);
            for (const auto &[first, last] : cellRanges) {
                stmt.bind(i++, first);
                stmt.bind(i++, last);
            }
        }
        if (query.limit >= 0 && !query.box)
            stmt.bind(i++, query.limit);
        for (;;) {
            if (query.limit >= 0 && visited >= query.limit)
                return {};
            const auto step = stmt.step();
            if (step == sql::Statement::Step::Done)
                break;
            if (step == sql::Statement::Step::Error)
                return Error{QCoreApplication::translate("vigie::store", "%1: reading the log failed: %2")
                                 .arg(m_db.path(), stmt.lastError())};
            Entry e = rowToEntry(stmt, m_room, &geoJson, &dataJson);
            if (!geoJson.isEmpty()) {
                auto g = geometryFromGeoJson(QJsonDocument::fromJson(geoJson).object());
                if (g)
                    e.geo = std::move(*g);
            }
            // The exact test, also on what the R*Tree returned: it keeps 32-bit boxes rounded outwards, and
            // the answer must not depend on how far the index has caught up.
            if (query.box) {
                const auto b = e.geo.bounds();
                if (!b || b->maxLon < query.box->minLon || b->minLon > query.box->maxLon ||
                    b->maxLat < query.box->minLat || b->minLat > query.box->maxLat)
                    continue;
            }
            e.data = QJsonDocument::fromJson(dataJson).object();
            ++visited;
            if (!visit(e))
                return {};
        }
    }
    return {};
}

Result<VerifyReport> SqliteLogStore::verify(const Progress &progress) const
{
    return verifyRange(0, -1, progress);
}

Result<VerifyReport> SqliteLogStore::verifyAfter(qint64 afterSeq, qint64 limit) const
{
    return verifyRange(afterSeq, limit, {});
}

Result<VerifyReport> SqliteLogStore::verifyRange(qint64 afterSeq, qint64 limit,
                                                 const Progress &progress) const
{
    // A page of the file overwritten (a disk or a copy gone wrong) makes SQLite refuse to read on: that is
    // damage at the first entry not read, reported like a broken link, not an error of the command.
    auto readFailed = [this](const sql::Statement &s, ChainCheck &check, qint64 seq) -> Result<VerifyReport> {
        if (!s.lastErrorIsDamage())
            return Error{QCoreApplication::translate("vigie::store", "%1: reading the log failed: %2")
                             .arg(m_db.path(), s.lastError())};
        check.damaged(seq, QStringLiteral("entry %1 cannot be read: %2 (the room file is damaged)")
                               .arg(seq)
                               .arg(s.lastError()));
        return check.report();
    };
    QByteArray prev;
    if (afterSeq > 0) {
        auto link = m_db.prepare("SELECT hash FROM entries WHERE seq = ?");
        if (!link)
            return link.error();
        link->bind(1, afterSeq);
        const auto step = link->step();
        ChainCheck start(m_room.mode, afterSeq - 1);
        if (step == sql::Statement::Step::Error)
            return readFailed(*link, start, afterSeq);
        if (step == sql::Statement::Step::Done) {
            start.damaged(afterSeq, QStringLiteral("entry %1 is missing").arg(afterSeq));
            return start.report();
        }
        prev = link->bytes(0);
    }
    ChainCheck check(m_room.mode, afterSeq, prev);
    QByteArray sqlText = "SELECT " + QByteArray(entryColumns) + " FROM entries WHERE seq > ? ORDER BY seq";
    if (limit >= 0)
        sqlText += " LIMIT " + QByteArray::number(limit);
    auto stmt = m_db.prepare(sqlText);
    if (!stmt)
        return stmt.error();
    stmt->bind(1, afterSeq);
    QByteArray geoJson, dataJson;
    for (;;) {
        const auto step = stmt->step();
        if (step == sql::Statement::Step::Done)
            break;
        if (step == sql::Statement::Step::Error)
            return readFailed(*stmt, check, check.expectedSeq());
        const Entry e = rowToEntry(*stmt, m_room, &geoJson, &dataJson); // fills geoJson and dataJson first
        if (!check.next(e, geoJson, dataJson))
            return check.report();
        if (progress && check.report().checked % 65536 == 0)
            progress(check.report().checked, m_lastSeq);
    }
    if (limit < 0 || check.report().checked < limit)
        check.endsAt(m_lastSeq);
    return check.report();
}

QString SqliteLogStore::quarantineLocked(const std::vector<QuarantineItem> &items)
{
    if (items.empty())
        return {};
    auto stmt = m_statements.take(
        "INSERT INTO quarantine(received, source, position, reason, input) VALUES (?,?,?,?,?)");
    if (!stmt)
        return stmt.error().message;
    sql::Statement &s = **stmt;
    for (const QuarantineItem &item : items) {
        s.bind(1, item.received.msecs);
        s.bindText(2, item.source.toUtf8());
        s.bindText(3, item.position.toUtf8());
        s.bindText(4, item.reason.toUtf8());
        s.bindBlob(5, item.input);
        const auto step = s.step();
        const QString why = step == sql::Statement::Step::Done ? QString() : s.lastError();
        s.reset();
        if (!why.isEmpty())
            return QCoreApplication::translate("vigie::store", "cannot write to the quarantine: %1").arg(why);
    }
    return {};
}

Result<qint64> SqliteLogStore::quarantine(const QuarantineItem &item)
{
    if (auto r = m_db.exec("BEGIN IMMEDIATE"); !r)
        return r.error();
    if (const QString problem = quarantineLocked({item}); !problem.isEmpty()) {
        (void)m_db.exec("ROLLBACK");
        return Error{m_db.path() + QStringLiteral(": ") + problem};
    }
    const qint64 id = m_db.lastInsertRowId();
    if (auto r = m_db.exec("COMMIT"); !r) {
        (void)m_db.exec("ROLLBACK");
        return Error{QCoreApplication::translate("vigie::store", "%1: cannot write to the quarantine: %2")
                         .arg(m_db.path(), r.error().message)};
    }
    return id;
}

Result<std::vector<QuarantineItem>> SqliteLogStore::quarantined() const
{
    auto stmt =
        m_db.prepare("SELECT id, received, source, position, reason, input FROM quarantine ORDER BY id");
    if (!stmt)
        return stmt.error();
    std::vector<QuarantineItem> items;
    sql::Statement::Step step;
    while ((step = stmt->step()) == sql::Statement::Step::Row)
        items.push_back({stmt->int64(0), Timestamp{stmt->int64(1)}, stmt->text(2), stmt->text(3),
                         stmt->text(4), stmt->bytes(5)});
    if (step == sql::Statement::Step::Error) // an empty list would pass for an empty quarantine
        return Error{QCoreApplication::translate("vigie::store", "%1: reading the quarantine failed: %2")
                         .arg(m_db.path(), stmt->lastError())};
    return items;
}

Result<void> SqliteLogStore::saveSnapshot(const Snapshot &snapshot)
{
    auto stmt = m_db.prepare("INSERT OR REPLACE INTO snapshots(seq, max_event_time, picture) VALUES (?,?,?)");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, snapshot.seq);
    stmt->bind(2, snapshot.maxEventTime.msecs);
    stmt->bindBlob(3, snapshot.picture);
    if (stmt->step() != sql::Statement::Step::Done)
        return Error{QStringLiteral("%1: cannot save a snapshot: %2").arg(m_db.path(), stmt->lastError())};
    return {};
}

Result<std::optional<Snapshot>> SqliteLogStore::snapshotFor(Timestamp t) const
{
    // max_event_time grows with seq, so the last snapshot whose max is <= t covers only entries at or before
    // t.
    auto stmt = m_db.prepare("SELECT seq, max_event_time, picture FROM snapshots WHERE max_event_time <= ? "
                             "ORDER BY seq DESC LIMIT 1");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, t.msecs);
    if (stmt->step() != sql::Statement::Step::Row)
        return std::optional<Snapshot>();
    return std::optional<Snapshot>(Snapshot{stmt->int64(0), Timestamp{stmt->int64(1)}, stmt->bytes(2)});
}

Result<qint64> SqliteLogStore::lastSnapshotSeq() const
{
    auto stmt = m_db.prepare("SELECT coalesce(max(seq), 0) FROM snapshots");
    if (!stmt)
        return stmt.error();
    if (stmt->step() != sql::Statement::Step::Row)
        return Error{QCoreApplication::translate("vigie::store", "%1: cannot read snapshots: %2")
                         .arg(m_db.path(), stmt->lastError())};
    return stmt->int64(0);
}

} // namespace vigie
