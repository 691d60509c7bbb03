// A shared room's desk: how fast it catches up when the network returns, and how fast the console opens a
// large room from the desk's replica. A throwaway PostgreSQL cluster (or VIGIE_BENCH_PG), desks through a TCP
// relay that the benchmark cuts and heals.
//
// BM_DeskCatchUp/N: a desk is cut off (its link retrying, as a desk offline for minutes does: the retry
// delay has long reached its ceiling) while the room receives N entries from other desks; the time is from
// the network's return to the desk's replica holding the room's head (manual time, one per repetition).
// BM_DeskOpen/N: a room of N entries (70 % positions, 20 % statuses, 10 % notes) copied once by a desk (that
// first copy's time is the counter first_copy_s); the time is what the console does before its first frame
// on that desk: open the replica, its picture from the latest snapshot and the entries after it.
//   build/tests/bench/vigie_bench_desk --benchmark_repetitions=3
#include "bench_workload.h"
#include "pg_cluster.h"
#include "tcp_proxy.h"

#include "room/desk_link.h"
#include "store/pg_log_store.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>
#include <libpq-fe.h>

#include <thread>

namespace {

using namespace vigie;

PgCluster *cluster = nullptr;
QString clusterMissing;
const QString ownServer = qEnvironmentVariable("VIGIE_BENCH_PG");
int roomsMade = 0;

int serverPort()
{
    if (ownServer.isEmpty())
        return cluster->port();
    return ownServer.section(QLatin1Char(':'), -1).toInt();
}

bool ensureCluster(benchmark::State &state)
{
    if (!cluster) {
        cluster = new PgCluster;
        clusterMissing = ownServer.isEmpty() ? cluster->start() : QString();
        if (clusterMissing.isEmpty()) {
            PGconn *c = PQconnectdb((ownServer.isEmpty() ? cluster->uri(QStringLiteral("postgres"))
                                                         : ownServer + QStringLiteral("/postgres"))
                                        .toUtf8()
                                        .constData());
            PQclear(PQexec(c, "CREATE DATABASE bench"));
            PQfinish(c);
        }
    }
    if (!clusterMissing.isEmpty())
        state.SkipWithError(clusterMissing.toUtf8().constData());
    return clusterMissing.isEmpty();
}

QString roomUrl(int port, const QString &room)
{
    return QStringLiteral("postgresql://postgres@127.0.0.1:%1/bench?room=%2").arg(port).arg(room);
}

/// Appends `count` generated entries to the room on the server, as other desks would, in batches.
bool fill(PgLogStore &server, std::size_t count, unsigned seed, benchmark::State &state)
{
    constexpr std::size_t batch = 2000;
    std::vector<Entry> all = bench::makeDrafts(count, seed);
    for (std::size_t i = 0; i < all.size(); i += batch) {
        std::vector<Entry> part(all.begin() + std::ptrdiff_t(i),
                                all.begin() + std::ptrdiff_t(std::min(all.size(), i + batch)));
        for (Entry &e : part)
            e.recordTime = e.eventTime;
        if (auto r = server.append(std::move(part)); !r) {
            state.SkipWithError(r.error().message.toUtf8().constData());
            return false;
        }
    }
    return true;
}

void BM_DeskCatchUp(benchmark::State &state)
{
    if (!ensureCluster(state))
        return;
    SystemClock clock;
    for (auto _ : state) {
        const QString url = roomUrl(serverPort(), QStringLiteral("catch-up-%1").arg(++roomsMade));
        auto created = Room::create(url, {}, RoomMode::Live, clock);
        if (!created) {
            state.SkipWithError(created.error().message.toUtf8().constData());
            return;
        }
        created->reset();
        auto server = PgLogStore::open(*parsePgUrl(url));
        if (!server || !fill(**server, 1000, 7, state))
            return;
        QTemporaryDir dir;
        vigie::test::TcpProxy proxy(serverPort());
        DeskLinkOptions o;
        o.url = QString(url).replace(QStringLiteral(":%1/").arg(serverPort()),
                                     QStringLiteral(":%1/").arg(proxy.port()));
        o.replicaPath = dir.filePath(QStringLiteral("desk.vigie"));
        o.desk = QStringLiteral("poste-retour");
        auto link = DeskLink::start(o, clock);
        if (!link) {
            state.SkipWithError(link.error().message.toUtf8().constData());
            return;
        }
        proxy.cut();
        while ((*link)->status().online)
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        if (!fill(**server, std::size_t(state.range(0)), unsigned(roomsMade), state))
            return;
        const qint64 head = 1000 + state.range(0);
        // The desk has been offline long enough for its retry delay to reach its ceiling.
        std::this_thread::sleep_for(std::chrono::milliseconds(o.maxRetryMs + 500));
        QElapsedTimer t;
        t.start();
        proxy.heal();
        while ((*link)->status().replicaSeq < head)
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        state.SetIterationTime(double(t.nsecsElapsed()) / 1e9);
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_DeskCatchUp)->Arg(100000)->Iterations(1)->UseManualTime()->Unit(benchmark::kMillisecond);

void BM_DeskOpen(benchmark::State &state)
{
    if (!ensureCluster(state))
        return;
    SystemClock clock;
    static QTemporaryDir dir;
    static QString replica;
    static double firstCopy = 0;
    if (replica.isEmpty()) {
        const QString url =
            roomUrl(serverPort(),
                    QStringLiteral("open-%1-%2").arg(++roomsMade).arg(QDateTime::currentMSecsSinceEpoch()));
        std::fprintf(stderr, "room %s\n", qPrintable(url));
        auto created = Room::create(url, {}, RoomMode::Live, clock);
        if (!created) {
            state.SkipWithError(created.error().message.toUtf8().constData());
            return;
        }
        created->reset();
        auto server = PgLogStore::open(*parsePgUrl(url));
        if (!server || !fill(**server, std::size_t(state.range(0)), 11, state))
            return;
        DeskLinkOptions o;
        o.url = url;
        // VIGIE_BENCH_KEEP=DIR keeps the replica there, to open it in the console afterwards.
        const QString keep = qEnvironmentVariable("VIGIE_BENCH_KEEP");
        o.replicaPath = keep.isEmpty() ? dir.filePath(QStringLiteral("large.vigie"))
                                       : keep + QStringLiteral("/large.vigie");
        o.desk = QStringLiteral("poste-mur");
        QElapsedTimer t;
        t.start();
        auto link = DeskLink::start(o, clock);
        if (!link) {
            state.SkipWithError(link.error().message.toUtf8().constData());
            return;
        }
        firstCopy = double(t.elapsed()) / 1000.0;
        replica = o.replicaPath;
    }
    for (auto _ : state) {
        auto room = Room::open(replica, clock);
        if (!room) {
            state.SkipWithError(room.error().message.toUtf8().constData());
            return;
        }
        auto picture = (*room)->checkedPicture();
        if (!picture || picture->picture.lastSeq != state.range(0)) {
            state.SkipWithError("the replica's picture is not at the room's head");
            return;
        }
        benchmark::DoNotOptimize(picture->picture.units.size());
    }
    state.counters["first_copy_s"] = firstCopy;
}
BENCHMARK(BM_DeskOpen)->Arg(1000000)->Iterations(3)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
