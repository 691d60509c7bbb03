#include "store/sqlite_log_store.h"

#include "store/schema.h"

#include <QFileInfo>
#include <QJsonDocument>

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
    const std::pair<const char *, QString> meta[] = {
        {"room_id", room.id},
        {"room_name", room.name},
        {"mode", roomModeId(room.mode)},
        {"created", QString::number(room.created.msecs)},
    };
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
        return Error{QStringLiteral("%1 does not exist; create it with `vigie-cli init %1`").arg(path)};
    auto db = sql::Database::open(path, sql::Database::Mode::ReadWrite);
    if (!db)
        return db.error();
    std::unique_ptr<SqliteLogStore> store(new SqliteLogStore);
    store->m_db = std::move(*db);
    if (auto r = configure(store->m_db); !r)
        return Error{QStringLiteral("%1 is not a Vigie room file: %2").arg(path, r.error().message)};
    auto v = schema::version(store->m_db);
    if (!v)
        return v.error();
    if (*v == 0)
        return Error{QStringLiteral("%1 is not a Vigie room file (no schema)").arg(path)};
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
    auto meta = m_db.prepare("SELECT key, value FROM meta");
    if (!meta)
        return meta.error();
    while (meta->step() == sql::Statement::Step::Row) {
        const QString key = meta->text(0);
        const QString value = meta->text(1);
        if (key == QLatin1String("room_id"))
            m_room.id = value;
        else if (key == QLatin1String("room_name"))
            m_room.name = value;
        else if (key == QLatin1String("mode"))
            m_room.mode = roomModeFromId(value).value_or(RoomMode::Live);
        else if (key == QLatin1String("created"))
            m_room.created = Timestamp{value.toLongLong()};
    }
    if (m_room.id.isEmpty())
        return Error{QStringLiteral("%1: the room has no id (damaged meta table)").arg(m_db.path())};
    auto last = m_db.prepare("SELECT seq, hash FROM entries ORDER BY seq DESC LIMIT 1");
    if (!last)
        return last.error();
    if (last->step() == sql::Statement::Step::Row) {
        m_lastSeq = last->int64(0);
        m_lastHash = last->bytes(1);
    }
    return {};
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
    auto block =
        m_db.prepare("INSERT INTO time_blocks(block, min_event_time) VALUES (?, ?) ON CONFLICT(block) "
                     "DO UPDATE SET min_event_time = min(min_event_time, excluded.min_event_time)");
    if (!block)
        return block.error();
    m_upsertBlock = std::move(*block);
    return {};
}

Result<std::vector<Entry>> SqliteLogStore::append(std::vector<Entry> drafts)
{
    if (drafts.empty())
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
        m_upsertBlock.reset();
        return Error{QStringLiteral("%1: append failed, nothing was written: %2").arg(m_db.path(), why)};
    };
    if (const QString problem = insertLocked(drafts, seq, prev); !problem.isEmpty())
        return fail(problem);
    if (auto r = m_db.exec("COMMIT"); !r)
        return fail(r.error().message);
    m_lastSeq = seq;
    m_lastHash = prev;
    return drafts;
}

QString SqliteLogStore::insertLocked(std::vector<Entry> &drafts, qint64 &seq, QByteArray &prev)
{
    for (Entry &e : drafts) {
        e.seq = ++seq;
        e.room = m_room.id;
        e.mode = m_room.mode;
        if (e.id.isNull())
            e.id = QUuid::createUuid();
        e.prevHash = prev;
        const QByteArray geoJson = compactGeoJson(e.geo);
        const QByteArray dataJson = compactDataJson(e.data);
        e.hash = sha256(canonicalBytes(e, geoJson, dataJson));
        prev = e.hash;

        sql::Statement &s = m_insertEntry;
        s.bind(1, e.seq);
        s.bindBlob(2, e.id.toRfc4122());
        s.bind(3, qint64(e.mode == RoomMode::Live ? 0 : 1));
        s.bind(4, e.eventTime.msecs);
        s.bind(5, e.recordTime.msecs);
        s.bindText(6, e.author.toUtf8());
        s.bindText(7, e.role.toUtf8());
        s.bindText(8, e.agency.toUtf8());
        s.bindText(9, e.kind.toUtf8());
        if (geoJson.isEmpty())
            s.bindNull(10);
        else
            s.bindText(10, geoJson);
        s.bindText(11, dataJson);
        s.bindBlob(12, e.prevHash);
        s.bindBlob(13, e.hash);
        if (s.step() != sql::Statement::Step::Done)
            return s.lastError();
        s.reset();
        if (const auto box = e.geo.bounds()) {
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
    // The earliest event time of each block touched (see schema v4), once per block rather than per entry.
    for (std::size_t i = 0; i < drafts.size();) {
        const qint64 block = timeBlock(drafts[i].seq);
        qint64 minTime = drafts[i].eventTime.msecs;
        for (++i; i < drafts.size() && timeBlock(drafts[i].seq) == block; ++i)
            minTime = std::min(minTime, drafts[i].eventTime.msecs);
        m_upsertBlock.bind(1, block);
        m_upsertBlock.bind(2, minTime);
        if (m_upsertBlock.step() != sql::Statement::Step::Done)
            return m_upsertBlock.lastError();
        m_upsertBlock.reset();
    }
    return {};
}

Result<FeedAppend> SqliteLogStore::appendFeed(std::vector<FeedArrival> arrivals, Timestamp received)
{
    FeedAppend out;
    if (arrivals.empty())
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
        m_upsertBlock.reset();
        return Error{QStringLiteral("%1: feed append failed, nothing was written: %2").arg(m_db.path(), why)};
    };
    // Prepared once per batch (not with the others) so that opening an old file never needs feed_seen.
    auto note = m_db.prepare("INSERT INTO feed_seen(key, source, first_seen, last_seen, count) "
                             "VALUES (?,?,?,?,1) ON CONFLICT(key) DO UPDATE SET count = count + 1, "
                             "last_seen = excluded.last_seen RETURNING count");
    if (!note)
        return fail(note.error().message);
    std::vector<Entry> drafts;
    out.arrivals.reserve(arrivals.size());
    for (FeedArrival &a : arrivals) {
        note->bindText(1, a.key.toUtf8());
        note->bindText(2, a.source.toUtf8());
        note->bind(3, received.msecs);
        note->bind(4, received.msecs);
        if (note->step() != sql::Statement::Step::Row)
            return fail(QStringLiteral("cannot record feed message from %1: %2").arg(a.source, note->lastError()));
        const qint64 count = note->int64(0);
        // RETURNING rows are produced before the statement completes: step to the end before resetting.
        (void)note->step();
        note->reset();
        out.arrivals.push_back(count);
        if (count == 1)
            for (Entry &d : a.drafts)
                drafts.push_back(std::move(d));
    }
    qint64 seq = m_lastSeq;
    QByteArray prev = m_lastHash;
    if (const QString problem = insertLocked(drafts, seq, prev); !problem.isEmpty())
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
    // The seq ranges (after, last] to scan. With an upper event time, only the blocks whose earliest event
    // time is at or before it: seeking an early time in a long log reads a few blocks, not the whole tail.
    std::vector<std::pair<qint64, qint64>> ranges;
    if (query.until) {
        auto blocks = m_db.prepare(
            "SELECT block FROM time_blocks WHERE block >= ? AND min_event_time <= ? ORDER BY block");
        if (!blocks)
            return blocks.error();
        blocks->bind(1, std::max<qint64>(0, query.afterSeq) >> timeBlockBits);
        blocks->bind(2, query.until->msecs);
        for (;;) {
            const auto step = blocks->step();
            if (step == sql::Statement::Step::Done)
                break;
            if (step == sql::Statement::Step::Error)
                return Error{
                    QStringLiteral("%1: reading the log failed: %2").arg(m_db.path(), blocks->lastError())};
            const qint64 first = blocks->int64(0) << timeBlockBits;
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

    QByteArray sqlText = "SELECT " + QByteArray(entryColumns) + " FROM entries WHERE seq > ? AND seq <= ?";
    if (query.kind)
        sqlText += " AND kind = ?";
    if (query.since)
        sqlText += " AND event_time >= ?";
    if (query.until)
        sqlText += " AND event_time <= ?";
    if (query.box)
        sqlText += " AND seq IN (SELECT seq FROM entries_geo WHERE max_lon >= ? AND min_lon <= ? AND "
                   "max_lat >= ? AND min_lat <= ?)";
    sqlText += " ORDER BY seq";
    if (query.limit >= 0)
        sqlText += " LIMIT " + QByteArray::number(query.limit);
    auto stmt = m_db.prepare(sqlText);
    if (!stmt)
        return stmt.error();
    QByteArray geoJson, dataJson;
    qint64 visited = 0;
    for (const auto &[after, last] : ranges) {
        stmt->reset();
        int i = 1;
        stmt->bind(i++, after);
        stmt->bind(i++, last);
        if (query.kind)
            stmt->bindText(i++, query.kind->toUtf8());
        if (query.since)
            stmt->bind(i++, query.since->msecs);
        if (query.until)
            stmt->bind(i++, query.until->msecs);
        if (query.box) {
            stmt->bind(i++, query.box->minLon);
            stmt->bind(i++, query.box->maxLon);
            stmt->bind(i++, query.box->minLat);
            stmt->bind(i++, query.box->maxLat);
        }
        for (;;) {
            if (query.limit >= 0 && visited >= query.limit)
                return {};
            const auto step = stmt->step();
            if (step == sql::Statement::Step::Done)
                break;
            if (step == sql::Statement::Step::Error)
                return Error{
                    QStringLiteral("%1: reading the log failed: %2").arg(m_db.path(), stmt->lastError())};
            Entry e = rowToEntry(*stmt, m_room, &geoJson, &dataJson);
            if (!geoJson.isEmpty()) {
                auto g = geometryFromGeoJson(QJsonDocument::fromJson(geoJson).object());
                if (g)
                    e.geo = std::move(*g);
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
    VerifyReport report;
    auto stmt = m_db.prepare("SELECT " + QByteArray(entryColumns) + " FROM entries ORDER BY seq");
    if (!stmt)
        return stmt.error();
    QByteArray prev;
    qint64 expectedSeq = 1;
    QByteArray geoJson, dataJson;
    auto bad = [&report](qint64 seq, QString why) {
        report.firstBadSeq = seq;
        report.problem = std::move(why);
        return report;
    };
    for (;;) {
        const auto step = stmt->step();
        if (step == sql::Statement::Step::Done)
            break;
        if (step == sql::Statement::Step::Error)
            return Error{
                QStringLiteral("%1: reading the log failed: %2").arg(m_db.path(), stmt->lastError())};
        const Entry e = rowToEntry(*stmt, m_room, &geoJson, &dataJson);
        if (e.seq != expectedSeq)
            return bad(
                expectedSeq,
                QStringLiteral("entry %1 is missing (next present is %2)").arg(expectedSeq).arg(e.seq));
        if (e.prevHash != prev)
            return bad(e.seq, QStringLiteral("previous-hash link does not match entry %1").arg(e.seq - 1));
        if ((e.mode == RoomMode::Live) != (m_room.mode == RoomMode::Live))
            return bad(e.seq, QStringLiteral("entry mode differs from the room's mode"));
        if (sha256(canonicalBytes(e, geoJson, dataJson)) != e.hash)
            return bad(e.seq, QStringLiteral("content does not match its hash (entry altered)"));
        prev = e.hash;
        ++expectedSeq;
        ++report.checked;
        if (progress && report.checked % 65536 == 0)
            progress(report.checked, m_lastSeq);
    }
    if (report.checked != m_lastSeq && m_lastSeq > 0 && report.checked < m_lastSeq)
        return bad(report.checked + 1,
                   QStringLiteral("log ends early at %1 of %2").arg(report.checked).arg(m_lastSeq));
    return report;
}

Result<qint64> SqliteLogStore::quarantine(const QuarantineItem &item)
{
    auto stmt =
        m_db.prepare("INSERT INTO quarantine(received, source, position, reason, input) VALUES (?,?,?,?,?)");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, item.received.msecs);
    stmt->bindText(2, item.source.toUtf8());
    stmt->bindText(3, item.position.toUtf8());
    stmt->bindText(4, item.reason.toUtf8());
    stmt->bindBlob(5, item.input);
    if (stmt->step() != sql::Statement::Step::Done)
        return Error{
            QStringLiteral("%1: cannot write to the quarantine: %2").arg(m_db.path(), stmt->lastError())};
    return m_db.lastInsertRowId();
}

Result<std::vector<QuarantineItem>> SqliteLogStore::quarantined() const
{
    auto stmt =
        m_db.prepare("SELECT id, received, source, position, reason, input FROM quarantine ORDER BY id");
    if (!stmt)
        return stmt.error();
    std::vector<QuarantineItem> items;
    while (stmt->step() == sql::Statement::Step::Row)
        items.push_back({stmt->int64(0), Timestamp{stmt->int64(1)}, stmt->text(2), stmt->text(3),
                         stmt->text(4), stmt->bytes(5)});
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
        return Error{QStringLiteral("%1: cannot read snapshots: %2").arg(m_db.path(), stmt->lastError())};
    return stmt->int64(0);
}

} // namespace vigie
