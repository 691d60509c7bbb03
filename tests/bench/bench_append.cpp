// Append throughput of the room's log: one big batch through SqliteLogStore::append beside raw sqlite3
// inserts of the same rows, and many small concurrent appends (desks) with group commit beside one commit per
// entry.
#include "bench_workload.h"

#include "room/room.h"
#include "store/log_writer.h"

#include <benchmark/benchmark.h>
#include <sqlite3.h>

#include <chrono>
#include <thread>

using namespace vigie;
using namespace vigie::bench;
using WallClock = std::chrono::steady_clock;

namespace {

const std::vector<Entry> &drafts(std::size_t n)
{
    static std::map<std::size_t, std::vector<Entry>> cache;
    auto it = cache.find(n);
    if (it == cache.end())
        it = cache.emplace(n, makeDrafts(n)).first;
    return it->second;
}

double seconds(WallClock::time_point since)
{
    return std::chrono::duration<double>(WallClock::now() - since).count();
}

// One batch of N entries, one transaction, through the store: seq, UUID, canonical bytes, SHA-256 chain,
// entry row, event-time index, time blocks. A batch this big leaves its points to the spatial index's
// catch-up (SqliteLogStore::inlineGeoIndexLimit); BM_StoreAppendBatchThenIndex counts that too. The CPU time
// covers the append only: creating the store, copying the drafts and closing are outside the timing.
void BM_StoreAppendBatch(benchmark::State &state)
{
    const auto &source = drafts(std::size_t(state.range(0)));
    for (auto _ : state) {
        state.PauseTiming();
        auto t = std::make_unique<TempStore>();
        std::vector<Entry> batch = source;
        state.ResumeTiming();
        const auto start = WallClock::now();
        auto r = t->store->append(std::move(batch));
        state.SetIterationTime(seconds(start));
        state.PauseTiming();
        if (!r)
            state.SkipWithError(qPrintable(r.error().message));
        t.reset(); // closing checkpoints the WAL: not part of the append
        state.ResumeTiming();
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}

// The same batch, then the spatial index brought up to date in its own transaction (what the first spatial
// query after it does): the whole work, R*Tree included.
void BM_StoreAppendBatchThenIndex(benchmark::State &state)
{
    const auto &source = drafts(std::size_t(state.range(0)));
    for (auto _ : state) {
        state.PauseTiming();
        auto t = std::make_unique<TempStore>();
        std::vector<Entry> batch = source;
        state.ResumeTiming();
        const auto start = WallClock::now();
        auto r = t->store->append(std::move(batch));
        auto indexed = t->store->catchUpGeoIndex();
        state.SetIterationTime(seconds(start));
        state.PauseTiming();
        if (!r)
            state.SkipWithError(qPrintable(r.error().message));
        else if (!indexed)
            state.SkipWithError(qPrintable(indexed.error().message));
        t.reset();
        state.ResumeTiming();
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}

// What append does per entry before SQLite sees it: id, compact geo and data JSON, canonical bytes, SHA-256.
void BM_EncodeEntries(benchmark::State &state)
{
    const auto &source = drafts(std::size_t(state.range(0)));
    for (auto _ : state) {
        QByteArray prev;
        qint64 seq = 0;
        for (const Entry &d : source) {
            Entry e = d;
            e.seq = ++seq;
            e.id = QUuid::createUuid();
            e.prevHash = prev;
            const QByteArray geo = compactGeoJson(e.geo), data = compactDataJson(e.data);
            e.hash = sha256(canonicalBytes(e, geo, data));
            prev = e.hash;
        }
        benchmark::DoNotOptimize(prev);
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}

// The parts of BM_EncodeEntries one by one: 0 copy of the draft, 1 UUID, 2 geo JSON, 3 data JSON,
// 4 canonical bytes, 5 SHA-256 of them.
void BM_EncodeStep(benchmark::State &state)
{
    const auto &source = drafts(100'000);
    const int step = int(state.range(0));
    std::vector<QByteArray> canon;
    for (const Entry &e : source)
        canon.push_back(canonicalBytes(e, compactGeoJson(e.geo), compactDataJson(e.data)));
    for (auto _ : state) {
        qint64 sink = 0;
        for (std::size_t i = 0; i < source.size(); ++i) {
            const Entry &d = source[i];
            switch (step) {
            case 0: {
                Entry e = d;
                sink += e.seq;
                break;
            }
            case 1:
                sink += QUuid::createUuid().data1;
                break;
            case 2:
                sink += compactGeoJson(d.geo).size();
                break;
            case 3:
                sink += compactDataJson(d.data).size();
                break;
            case 4:
                sink += canonicalBytes(d, QByteArray(), QByteArray("{}")).size();
                break;
            default:
                sink += sha256(canon[i]).size();
            }
        }
        benchmark::DoNotOptimize(sink);
    }
    state.SetItemsProcessed(state.iterations() * qint64(source.size()));
}

struct RawRow
{
    QByteArray uuid, author, role, agency, kind, geo, data, prevHash, hash;
    qint64 eventTime, recordTime;
    std::optional<GeoBox> box;
};

// The timed part of the raw inserts, in a function of its own so that a profiler can count exactly it
// (`valgrind --tool=callgrind --toggle-collect='*insertRawRows*'`, beside `*SqliteLogStore::append*`).
[[gnu::noinline]] bool insertRawRows(sqlite3 *db, sqlite3_stmt *s, sqlite3_stmt *g,
                                     const std::vector<RawRow> &rows)
{
    auto text = [s](int i, const QByteArray &b) {
        sqlite3_bind_text(s, i, b.constData(), int(b.size()), SQLITE_STATIC);
    };
    auto blob = [s](int i, const QByteArray &b) {
        sqlite3_bind_blob(s, i, b.constData(), int(b.size()), SQLITE_STATIC);
    };
    sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
    qint64 n = 0;
    bool ok = true;
    for (const RawRow &r : rows) {
        sqlite3_bind_int64(s, 1, ++n);
        blob(2, r.uuid);
        sqlite3_bind_int64(s, 3, 0);
        sqlite3_bind_int64(s, 4, r.eventTime);
        sqlite3_bind_int64(s, 5, r.recordTime);
        text(6, r.author);
        text(7, r.role);
        text(8, r.agency);
        text(9, r.kind);
        if (r.geo.isEmpty())
            sqlite3_bind_null(s, 10);
        else
            text(10, r.geo);
        text(11, r.data);
        blob(12, r.prevHash);
        blob(13, r.hash);
        ok = ok && sqlite3_step(s) == SQLITE_DONE;
        sqlite3_reset(s);
        if (g && r.box) {
            sqlite3_bind_int64(g, 1, n);
            sqlite3_bind_double(g, 2, r.box->minLon);
            sqlite3_bind_double(g, 3, r.box->maxLon);
            sqlite3_bind_double(g, 4, r.box->minLat);
            sqlite3_bind_double(g, 5, r.box->maxLat);
            ok = ok && sqlite3_step(g) == SQLITE_DONE;
            sqlite3_reset(g);
        }
    }
    return ok && sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK;
}

// The same rows, already serialised and hashed, inserted with the bare C API into a plain table of the same
// columns (no index, no R*Tree): the floor SQLite itself sets on this disk with WAL and synchronous=FULL.
// With `withRtree`, each point also goes into an R*Tree in the same transaction, as the store did per entry
// before schema v5. The CPU time covers the inserts and the commit only.
void rawSqliteInsert(benchmark::State &state, bool withRtree)
{
    const auto &source = drafts(std::size_t(state.range(0)));
    std::vector<RawRow> rows;
    rows.reserve(source.size());
    QByteArray prev;
    qint64 seq = 0;
    for (const Entry &d : source) {
        Entry e = d;
        e.seq = ++seq;
        e.id = QUuid::createUuid();
        e.prevHash = prev;
        const QByteArray geo = compactGeoJson(e.geo), data = compactDataJson(e.data);
        e.hash = sha256(canonicalBytes(e, geo, data));
        prev = e.hash;
        rows.push_back({e.id.toRfc4122(), e.author.toUtf8(), e.role.toUtf8(), e.agency.toUtf8(),
                        e.kind.toUtf8(), geo, data, e.prevHash, e.hash, e.eventTime.msecs, e.recordTime.msecs,
                        e.geo.bounds()});
    }
    for (auto _ : state) {
        state.PauseTiming();
        QTemporaryDir dir(QDir::tempPath() + QStringLiteral("/vigie-bench-XXXXXX"));
        sqlite3 *db = nullptr;
        sqlite3_open(dir.filePath(QStringLiteral("raw.db")).toUtf8().constData(), &db);
        sqlite3_exec(
            db,
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
            "CREATE TABLE t(seq INTEGER PRIMARY KEY, uuid BLOB, mode INTEGER, event_time INTEGER,"
            " record_time INTEGER, author TEXT, role TEXT, agency TEXT, kind TEXT, geo TEXT, data TEXT,"
            " prev_hash BLOB, hash BLOB);"
            "CREATE VIRTUAL TABLE g USING rtree(seq, min_lon, max_lon, min_lat, max_lat)",
            nullptr, nullptr, nullptr);
        sqlite3_stmt *s = nullptr, *g = nullptr;
        sqlite3_prepare_v2(db, "INSERT INTO t VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", -1, &s, nullptr);
        sqlite3_prepare_v2(db, "INSERT INTO g VALUES (?,?,?,?,?)", -1, &g, nullptr);
        state.ResumeTiming();
        const auto start = WallClock::now();
        const bool ok = insertRawRows(db, s, withRtree ? g : nullptr, rows);
        state.SetIterationTime(seconds(start));
        state.PauseTiming();
        if (!ok)
            state.SkipWithError(sqlite3_errmsg(db));
        sqlite3_finalize(s);
        sqlite3_finalize(g);
        sqlite3_close(db);
        state.ResumeTiming();
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}

void BM_RawSqliteInsert(benchmark::State &state)
{
    rawSqliteInsert(state, false);
}

void BM_RawSqliteInsertWithRtree(benchmark::State &state)
{
    rawSqliteInsert(state, true);
}

// Desks posting small appends at the same time through the single writer: everything that queues while a
// commit syncs goes into the next transaction. range(0) desks, range(1) appends each keeps in flight.
void BM_GroupCommit(benchmark::State &state)
{
    const int desks = int(state.range(0)), inFlight = int(state.range(1));
    constexpr int perDesk = 256;
    const auto &source = drafts(std::size_t(desks * perDesk));
    TempStore t;
    LogWriter writer(*t.store);
    for (auto _ : state) {
        const auto start = WallClock::now();
        std::vector<std::thread> threads;
        for (int d = 0; d < desks; ++d) {
            threads.emplace_back([&writer, &source, &state, d, inFlight] {
                std::deque<std::future<Result<Entry>>> pending;
                for (int i = 0; i < perDesk; ++i) {
                    if (int(pending.size()) >= inFlight) {
                        if (!pending.front().get())
                            state.SkipWithError("append failed");
                        pending.pop_front();
                    }
                    pending.push_back(writer.submit(source[std::size_t(d * perDesk + i)]));
                }
                for (auto &f : pending)
                    if (!f.get())
                        state.SkipWithError("append failed");
            });
        }
        for (auto &th : threads)
            th.join();
        state.SetIterationTime(seconds(start));
    }
    state.SetItemsProcessed(state.iterations() * desks * perDesk);
    state.counters["entries_per_commit"] = double(writer.committedEntries()) / double(writer.commits());
}

// The baseline: each entry its own transaction, so its own WAL fdatasync.
void BM_CommitPerEntry(benchmark::State &state)
{
    constexpr int perIteration = 256;
    const auto &source = drafts(perIteration);
    TempStore t;
    for (auto _ : state) {
        const auto start = WallClock::now();
        for (const Entry &e : source) {
            if (!t.store->append({e}))
                state.SkipWithError("append failed");
        }
        state.SetIterationTime(seconds(start));
    }
    state.SetItemsProcessed(state.iterations() * perIteration);
}

} // namespace

// What recording the head of the log outside it (room/head_anchor.h) adds to each commit: Room::append of a
// desk-sized batch (20 entries: validation, scrub, one synced transaction, snapshot keeper, head record)
// beside HeadAnchor::advance alone (lock, read the record's slots, see the batch chained onto it, write the
// older slot in place).
std::unique_ptr<Room> benchRoom(const QTemporaryDir &dir, const Clock &clock)
{
    auto room = Room::create(dir.filePath(QStringLiteral("bench.vigie")), QStringLiteral("bench"),
                             RoomMode::Live, clock);
    if (!room)
        qFatal("%s", qPrintable(room.error().message));
    return std::move(*room);
}

void BM_RoomAppend20(benchmark::State &state)
{
    QTemporaryDir dir(QDir::tempPath() + QStringLiteral("/vigie-bench-XXXXXX"));
    SimulatedClock clock{Timestamp{startMs}};
    auto room = benchRoom(dir, clock);
    const auto &source = drafts(20);
    for (auto _ : state) {
        auto r = room->append(source);
        if (!r)
            state.SkipWithError(qPrintable(r.error().message));
    }
    state.SetItemsProcessed(state.iterations() * 20);
}

void BM_HeadAnchorAdvance(benchmark::State &state)
{
    QTemporaryDir dir(QDir::tempPath() + QStringLiteral("/vigie-bench-XXXXXX"));
    SimulatedClock clock{Timestamp{startMs}};
    auto room = benchRoom(dir, clock);
    auto stored = room->append(drafts(1000));
    if (!stored)
        qFatal("%s", qPrintable(stored.error().message));
    // Each call records the next stored entry as the head, as successive commits of one entry would; a new
    // record file for each pass over the entries.
    std::unique_ptr<HeadAnchor> anchor;
    std::size_t next = stored->size();
    int pass = 0;
    for (auto _ : state) {
        if (next == stored->size()) {
            state.PauseTiming();
            anchor = std::make_unique<HeadAnchor>(dir.filePath(QStringLiteral("pass-%1.head").arg(++pass)),
                                                  QByteArray(32, 'k'), room->info().id);
            next = 0;
            state.ResumeTiming();
        }
        if (auto r = anchor->advance(room->store(), {(*stored)[next++]}, clock.now()); !r)
            state.SkipWithError(qPrintable(r.error().message));
    }
}

BENCHMARK(BM_RoomAppend20)->Unit(benchmark::kMicrosecond)->MinTime(2.0);
BENCHMARK(BM_HeadAnchorAdvance)->Unit(benchmark::kMicrosecond)->MinTime(2.0);
BENCHMARK(BM_StoreAppendBatch)
    ->Arg(100'000)
    ->Arg(1'000'000)
    ->Iterations(1)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_StoreAppendBatchThenIndex)
    ->Arg(100'000)
    ->Iterations(1)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_EncodeEntries)->Arg(100'000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_EncodeStep)->DenseRange(0, 5)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RawSqliteInsert)
    ->Arg(100'000)
    ->Arg(1'000'000)
    ->Iterations(1)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RawSqliteInsertWithRtree)
    ->Arg(100'000)
    ->Iterations(1)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_GroupCommit)
    ->Args({4, 1})
    ->Args({4, 16})
    ->Args({16, 1})
    ->Iterations(2)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CommitPerEntry)->Iterations(2)->UseManualTime()->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
