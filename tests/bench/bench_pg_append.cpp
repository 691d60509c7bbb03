// The server's append throughput: PgLogStore::append of batches of 100 entries (vigie_append_chain: lock the
// room's head, chain on the server, one INSERT of arrays, move the head, NOTIFY, commit; then the flush)
// against a raw multi-row INSERT of the same rows (as stored, hashes included) into a table of the same shape
// and indexes, one statement per batch in its own transaction, in the same run on a throwaway cluster. The
// raw side's parameters are built before its timing starts, so it measures the server and the wire only: the
// hardest baseline. Argument 0: durable commits (each waits for its fsync); 1: synchronous_commit off on both
// sides, which leaves what is not the disk.
//
// With 8 desks at once (…Concurrent, threads:8): eight writers, each on a connection of its own, append to
// one room at the same time (every batch takes the room's head lock), against eight connections inserting the
// same rows into the raw table (no lock but the indexes'), durable commits. Argument: entries per batch (1: a
// desk at a human pace, each note its own round trip; 100: a desk sending back its queue).
//   build/tests/bench/vigie_bench_pg_append --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
#include "bench_workload.h"
#include "pg_cluster.h"
#include "store/pg_log_store.h"

#include <benchmark/benchmark.h>
#include <libpq-fe.h>

#include <memory>
#include <mutex>

namespace {

using namespace vigie;

constexpr int batchSize = 100;
constexpr int batchesPerRun = 200;

PgCluster *cluster = nullptr;
QString clusterMissing;
/// VIGIE_BENCH_PG=postgresql://user@host:port runs against that server instead of a throwaway cluster.
const QString ownServer = qEnvironmentVariable("VIGIE_BENCH_PG");

QString uri(const QString &db)
{
    return ownServer.isEmpty() ? cluster->uri(db) : ownServer + QLatin1Char('/') + db;
}

/// What one repetition of the store's benchmark stored, for the raw side to insert again.
struct Run
{
    QUuid room;
    std::vector<Entry> stored;
};
std::vector<Run> runs;

bool ensureCluster(benchmark::State &state)
{
    if (!cluster) {
        cluster = new PgCluster;
        clusterMissing = ownServer.isEmpty() ? cluster->start() : QString();
        if (clusterMissing.isEmpty()) {
            PGconn *c = PQconnectdb(uri(QStringLiteral("postgres")).toUtf8().constData());
            PQclear(PQexec(c, "CREATE DATABASE bench"));
            PQfinish(c);
        }
    }
    if (!clusterMissing.isEmpty())
        state.SkipWithError(clusterMissing.toUtf8().constData());
    return clusterMissing.isEmpty();
}

void BM_PgLogStoreAppend(benchmark::State &state)
{
    if (!ensureCluster(state))
        return;
    const QString url = uri(QStringLiteral("bench")) + QStringLiteral("?room=run-%1").arg(runs.size());
    RoomInfo info{QUuid::createUuid().toString(QUuid::WithoutBraces), QStringLiteral("bench"), RoomMode::Live,
                  Timestamp{bench::startMs}};
    auto store = PgLogStore::create(*parsePgUrl(url), info, QByteArray(32, 'k'));
    if (!store) {
        state.SkipWithError(store.error().message.toUtf8().constData());
        return;
    }
    std::vector<Entry> all =
        bench::makeDrafts(std::size_t(batchSize) * batchesPerRun, unsigned(runs.size() + 1));
    std::vector<std::vector<Entry>> batches(batchesPerRun);
    for (int b = 0; b < batchesPerRun; ++b)
        batches[std::size_t(b)].assign(all.begin() + b * batchSize, all.begin() + (b + 1) * batchSize);
    Run run{QUuid::fromString(info.id), {}};
    std::size_t next = 0;
    for (auto _ : state) {
        auto stored = (*store)->append(std::move(batches[next++]));
        if (!stored) {
            state.SkipWithError(stored.error().message.toUtf8().constData());
            return;
        }
        run.stored.insert(run.stored.end(), stored->begin(), stored->end());
    }
    state.SetItemsProcessed(state.iterations() * batchSize);
    runs.push_back(std::move(run));
}

QByteArray text(const QString &s)
{
    return s.toUtf8();
}

void BM_PgRawInsert(benchmark::State &state)
{
    if (!ensureCluster(state))
        return;
    static std::size_t rawRun = 0;
    if (rawRun >= runs.size()) {
        state.SkipWithError("run the store's benchmark first (same repetitions)");
        return;
    }
    const Run &run = runs[rawRun++];
    PGconn *c = PQconnectdb(uri(QStringLiteral("bench")).toUtf8().constData());
    PQclear(PQexec(c, "SET client_min_messages = warning"));
    if (state.range(0) == 1)
        PQclear(PQexec(c, "SET synchronous_commit = off"));
    PQclear(PQexec(c, "CREATE TABLE IF NOT EXISTS raw_entries (LIKE entries INCLUDING ALL)"));
    // The statement for one batch: 100 rows of 18 columns, text parameters.
    QByteArray sql =
        "INSERT INTO raw_entries(room_id, seq, uuid, mode, event_time, record_time, author, role, "
        "agency, kind, geo, data, prev_hash, hash, min_lon, max_lon, min_lat, max_lat) VALUES ";
    constexpr int columns = 18;
    for (int r = 0; r < batchSize; ++r) {
        sql += r == 0 ? "(" : ",(";
        for (int k = 0; k < columns; ++k)
            sql += (k == 0 ? "$" : ",$") + QByteArray::number(r * columns + k + 1);
        sql += ')';
    }
    // Every batch's parameters, built before the timing.
    std::vector<std::vector<QByteArray>> values(batchesPerRun);
    std::vector<std::vector<int>> nulls(batchesPerRun);
    const QByteArray room = run.room.toString(QUuid::WithoutBraces).toUtf8();
    for (std::size_t i = 0; i < run.stored.size(); ++i) {
        const Entry &e = run.stored[i];
        auto &v = values[i / batchSize];
        auto &n = nulls[i / batchSize];
        const QByteArray geo = compactGeoJson(e.geo);
        const auto box = e.geo.bounds();
        const auto number = [](double d) {
            return QByteArray::number(d, 'g', 17);
        };
        const QByteArray row[columns] = {room,
                                         QByteArray::number(e.seq),
                                         e.id.toString(QUuid::WithoutBraces).toUtf8(),
                                         e.mode == RoomMode::Live ? "0" : "1",
                                         QByteArray::number(e.eventTime.msecs),
                                         QByteArray::number(e.recordTime.msecs),
                                         text(e.author),
                                         text(e.role),
                                         text(e.agency),
                                         text(e.kind),
                                         geo,
                                         compactDataJson(e.data),
                                         "\\x" + e.prevHash.toHex(),
                                         "\\x" + e.hash.toHex(),
                                         box ? number(box->minLon) : QByteArray(),
                                         box ? number(box->maxLon) : QByteArray(),
                                         box ? number(box->minLat) : QByteArray(),
                                         box ? number(box->maxLat) : QByteArray()};
        for (int k = 0; k < columns; ++k) {
            v.push_back(row[k]);
            n.push_back((k == 10 && geo.isEmpty()) || (k >= 14 && !box) ? 1 : 0);
        }
    }
    std::vector<std::vector<const char *>> pointers(batchesPerRun);
    for (int b = 0; b < batchesPerRun; ++b)
        for (std::size_t k = 0; k < values[std::size_t(b)].size(); ++k)
            pointers[std::size_t(b)].push_back(
                nulls[std::size_t(b)][k] ? nullptr : values[std::size_t(b)][k].constData());
    std::size_t next = 0;
    for (auto _ : state) {
        const auto &p = pointers[next++ % batchesPerRun];
        PGresult *r = PQexecParams(c, sql.constData(), int(p.size()), nullptr, p.data(), nullptr, nullptr, 0);
        if (PQresultStatus(r) != PGRES_COMMAND_OK) {
            state.SkipWithError(PQresultErrorMessage(r));
            PQclear(r);
            break;
        }
        PQclear(r);
    }
    state.SetItemsProcessed(state.iterations() * batchSize);
    PQfinish(c);
}

// ---- Eight desks at once ------------------------------------------------------------------------------

constexpr int desks = 8;
constexpr int concurrentBatchesPerDesk = 100;

/// One repetition of the concurrent store benchmark: its room, and what each desk stored (for the raw side).
struct ConcurrentRun
{
    QString url;
    QUuid room;
    std::vector<std::vector<Entry>> stored = std::vector<std::vector<Entry>>(desks);
};
std::mutex concurrentMutex;
std::vector<std::unique_ptr<ConcurrentRun>> concurrentRuns;
int storeArrivals = 0, rawArrivals = 0;

bool ensureClusterLocked(benchmark::State &state)
{
    std::lock_guard lock(concurrentMutex);
    return ensureCluster(state);
}

void BM_PgLogStoreAppendConcurrent(benchmark::State &state)
{
    if (!ensureClusterLocked(state))
        return;
    const int batch = int(state.range(0));
    ConcurrentRun *run = nullptr;
    int slot = 0;
    unsigned seed = 0;
    {
        // The first of a repetition's threads creates its room; each thread is one desk, with its slot.
        std::lock_guard lock(concurrentMutex);
        const int arrival = storeArrivals++;
        slot = arrival % desks;
        if (slot == 0) {
            auto r = std::make_unique<ConcurrentRun>();
            r->url =
                uri(QStringLiteral("bench")) + QStringLiteral("?room=desks-%1").arg(concurrentRuns.size());
            RoomInfo info{QUuid::createUuid().toString(QUuid::WithoutBraces), QStringLiteral("bench"),
                          RoomMode::Live, Timestamp{bench::startMs}};
            r->room = QUuid::fromString(info.id);
            if (auto created = PgLogStore::create(*parsePgUrl(r->url), info, QByteArray(32, 'k')); !created) {
                state.SkipWithError(created.error().message.toUtf8().constData());
                return;
            }
            concurrentRuns.push_back(std::move(r));
        }
        run = concurrentRuns.back().get();
        seed = unsigned(1000 + concurrentRuns.size() * desks + std::size_t(slot));
    }
    auto store = PgLogStore::open(*parsePgUrl(run->url));
    if (!store) {
        state.SkipWithError(store.error().message.toUtf8().constData());
        return;
    }
    std::vector<Entry> all = bench::makeDrafts(std::size_t(batch) * concurrentBatchesPerDesk, seed);
    std::vector<Entry> stored;
    std::size_t next = 0;
    for (auto _ : state) {
        std::vector<Entry> drafts(all.begin() + std::ptrdiff_t(next),
                                  all.begin() + std::ptrdiff_t(next + batch));
        next += std::size_t(batch);
        auto appended = (*store)->append(std::move(drafts));
        if (!appended) {
            state.SkipWithError(appended.error().message.toUtf8().constData());
            return;
        }
        stored.insert(stored.end(), appended->begin(), appended->end());
    }
    state.SetItemsProcessed(state.iterations() * batch);
    std::lock_guard lock(concurrentMutex);
    run->stored[std::size_t(slot)] = std::move(stored);
}

void BM_PgRawInsertConcurrent(benchmark::State &state)
{
    if (!ensureClusterLocked(state))
        return;
    const int batch = int(state.range(0));
    const ConcurrentRun *run = nullptr;
    int slot = 0;
    {
        std::lock_guard lock(concurrentMutex);
        const int arrival = rawArrivals++;
        slot = arrival % desks;
        if (std::size_t(arrival / desks) < concurrentRuns.size())
            run = concurrentRuns[std::size_t(arrival / desks)].get();
    }
    if (!run || run->stored[std::size_t(slot)].size() != std::size_t(batch) * concurrentBatchesPerDesk) {
        state.SkipWithError("run the store's concurrent benchmark first (same arguments and repetitions)");
        return;
    }
    PGconn *c = PQconnectdb(uri(QStringLiteral("bench")).toUtf8().constData());
    PQclear(PQexec(c, "SET client_min_messages = warning"));
    {
        std::lock_guard lock(concurrentMutex); // one CREATE at a time
        PQclear(PQexec(c, "CREATE TABLE IF NOT EXISTS raw_entries (LIKE entries INCLUDING ALL)"));
    }
    constexpr int columns = 18;
    QByteArray sql =
        "INSERT INTO raw_entries(room_id, seq, uuid, mode, event_time, record_time, author, role, "
        "agency, kind, geo, data, prev_hash, hash, min_lon, max_lon, min_lat, max_lat) VALUES ";
    for (int r = 0; r < batch; ++r) {
        sql += r == 0 ? "(" : ",(";
        for (int k = 0; k < columns; ++k)
            sql += (k == 0 ? "$" : ",$") + QByteArray::number(r * columns + k + 1);
        sql += ')';
    }
    // This desk's rows, as its store counterpart stored them, in batches of the same size; built before the
    // timing.
    const std::vector<Entry> &rows = run->stored[std::size_t(slot)];
    std::vector<std::vector<QByteArray>> values(concurrentBatchesPerDesk);
    std::vector<std::vector<bool>> nulls(concurrentBatchesPerDesk);
    std::vector<std::vector<const char *>> pointers(concurrentBatchesPerDesk);
    const QByteArray room = run->room.toString(QUuid::WithoutBraces).toUtf8();
    const auto number = [](double d) {
        return QByteArray::number(d, 'g', 17);
    };
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const Entry &e = rows[i];
        auto &v = values[i / std::size_t(batch)];
        const QByteArray geo = compactGeoJson(e.geo);
        const auto box = e.geo.bounds();
        const QByteArray row[columns] = {room,
                                         QByteArray::number(e.seq),
                                         e.id.toString(QUuid::WithoutBraces).toUtf8(),
                                         e.mode == RoomMode::Live ? "0" : "1",
                                         QByteArray::number(e.eventTime.msecs),
                                         QByteArray::number(e.recordTime.msecs),
                                         text(e.author),
                                         text(e.role),
                                         text(e.agency),
                                         text(e.kind),
                                         geo,
                                         compactDataJson(e.data),
                                         "\\x" + e.prevHash.toHex(),
                                         "\\x" + e.hash.toHex(),
                                         box ? number(box->minLon) : QByteArray(),
                                         box ? number(box->maxLon) : QByteArray(),
                                         box ? number(box->minLat) : QByteArray(),
                                         box ? number(box->maxLat) : QByteArray()};
        auto &n = nulls[i / std::size_t(batch)];
        for (int k = 0; k < columns; ++k) {
            v.push_back(row[k]);
            n.push_back((k == 10 && geo.isEmpty()) || (k >= 14 && !box));
        }
    }
    for (std::size_t b = 0; b < values.size(); ++b)
        for (std::size_t k = 0; k < values[b].size(); ++k)
            pointers[b].push_back(nulls[b][k] ? nullptr : values[b][k].constData());
    std::size_t next = 0;
    for (auto _ : state) {
        const auto &p = pointers[next++ % pointers.size()];
        PGresult *r = PQexecParams(c, sql.constData(), int(p.size()), nullptr, p.data(), nullptr, nullptr, 0);
        if (PQresultStatus(r) != PGRES_COMMAND_OK) {
            state.SkipWithError(PQresultErrorMessage(r));
            PQclear(r);
            break;
        }
        PQclear(r);
    }
    state.SetItemsProcessed(state.iterations() * batch);
    PQfinish(c);
}

} // namespace

BENCHMARK(BM_PgLogStoreAppendConcurrent)
    ->Arg(1)
    ->Arg(100)
    ->Threads(desks)
    ->Iterations(concurrentBatchesPerDesk)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PgRawInsertConcurrent)
    ->Arg(1)
    ->Arg(100)
    ->Threads(desks)
    ->Iterations(concurrentBatchesPerDesk)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PgLogStoreAppend)
    ->Arg(0)
    ->Arg(1)
    ->Iterations(batchesPerRun)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PgRawInsert)
    ->Arg(0)
    ->Arg(1)
    ->Iterations(batchesPerRun)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

int main(int argc, char **argv)
{
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    delete cluster;
    return 0;
}
