// The server's append throughput: PgLogStore::append of batches of 100 entries (lock the room's head, chain,
// one INSERT of arrays, move the head, NOTIFY, commit) against a raw multi-row INSERT of the same rows (as
// stored, hashes included) into a table of the same shape and indexes, one statement per batch in its own
// transaction, in the same run on a throwaway cluster. The raw side's parameters are built before its timing
// starts, so it measures the server and the wire only: the hardest baseline. Argument 0: durable commits
// (each waits for its fsync); 1: synchronous_commit off on both sides, which leaves what is not the disk.
//   build/tests/bench/vigie_bench_pg_append --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
#include "bench_workload.h"
#include "pg_cluster.h"
#include "store/pg_log_store.h"

#include <benchmark/benchmark.h>
#include <libpq-fe.h>

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

} // namespace

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
