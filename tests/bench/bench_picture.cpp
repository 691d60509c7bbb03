// The picture over a long log: seek to a random time (snapshot + the entries after it) and fold of the whole
// log from scratch. The 1,000,000-entry log is generated once per process (snapshots every 4096 entries by
// SnapshotKeeper, as a room writes them) and shared by every benchmark here.
#include "bench_workload.h"

#include "picture/picture_seeker.h"

#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <memory>

using namespace vigie;
using namespace vigie::bench;

namespace {

struct BigLog
{
    TempStore room;
    Timestamp first, last;
    qint64 snapshotBytes = 0;
};

qint64 logSize()
{
    // VIGIE_BENCH_LOG_SIZE shrinks the log for a quick check of the benchmark itself.
    const char *env = std::getenv("VIGIE_BENCH_LOG_SIZE");
    return env ? std::atoll(env) : 1'000'000;
}

const BigLog &bigLog()
{
    static BigLog *log = [] {
        auto *l = new BigLog;
        const qint64 total = logSize();
        std::fprintf(stderr, "generating a %lld-entry log in %s ...\n", static_cast<long long>(total),
                     qPrintable(l->room.path()));
        SnapshotKeeper keeper(4096);
        constexpr qint64 chunk = 50'000;
        unsigned seed = 1;
        for (qint64 done = 0; done < total; done += chunk) {
            auto drafts = makeDrafts(std::size_t(std::min(chunk, total - done)), seed++);
            // Each chunk continues the timeline of the previous one.
            const qint64 shift = l->last.msecs > 0 ? l->last.msecs - startMs : 0;
            for (Entry &e : drafts) {
                e.eventTime.msecs += shift;
                e.recordTime.msecs += shift;
            }
            auto appended = l->room.store->append(std::move(drafts));
            if (!appended)
                qFatal("%s", qPrintable(appended.error().message));
            if (auto r = keeper.applyAppended(*l->room.store, *appended); !r)
                qFatal("%s", qPrintable(r.error().message));
            if (done == 0)
                l->first = appended->front().eventTime;
            for (const Entry &e : *appended)
                l->last = std::max(l->last, e.eventTime);
        }
        auto snap = l->room.store->snapshotFor(l->last);
        if (snap && snap->has_value())
            l->snapshotBytes = (*snap)->picture.size();
        std::fprintf(stderr, "done: %lld entries, %lld snapshots\n",
                     static_cast<long long>(l->room.store->lastSeq()),
                     static_cast<long long>(l->room.store->lastSeq() / 4096));
        return l;
    }();
    return *log;
}

// pictureAt(t) for t uniform over the log's time span (fixed seed: the same times every run).
void BM_SeekRandomTime(benchmark::State &state)
{
    const BigLog &log = bigLog();
    std::mt19937_64 rng(7);
    std::uniform_int_distribution<qint64> at(log.first.msecs, log.last.msecs);
    for (auto _ : state) {
        auto picture = pictureAt(*log.room.store, Timestamp{at(rng)});
        if (!picture)
            state.SkipWithError(qPrintable(picture.error().message));
        benchmark::DoNotOptimize(picture);
    }
    state.counters["log_entries"] = double(log.room.store->lastSeq());
}

// Restoring one snapshot (the latest, the largest picture): the fixed part of every seek.
void BM_RestoreSnapshot(benchmark::State &state)
{
    const BigLog &log = bigLog();
    auto snap = log.room.store->snapshotFor(log.last);
    if (!snap || !snap->has_value()) {
        state.SkipWithError("no snapshot");
        return;
    }
    const QByteArray bytes = (*snap)->picture;
    for (auto _ : state) {
        auto picture = deserialisePicture(bytes);
        benchmark::DoNotOptimize(picture);
    }
    state.counters["snapshot_bytes"] = double(bytes.size());
}

// Writing one snapshot of the head picture.
void BM_SerialiseSnapshot(benchmark::State &state)
{
    const BigLog &log = bigLog();
    auto snap = log.room.store->snapshotFor(log.last);
    auto picture = deserialisePicture((*snap)->picture);
    if (!picture) {
        state.SkipWithError("no picture");
        return;
    }
    for (auto _ : state) {
        auto bytes = serialisePicture(*picture);
        benchmark::DoNotOptimize(bytes);
    }
}

// Copying the head picture: what the console's GUI thread pays to hand its picture to the writer thread,
// which serialises and stores the snapshot there.
void BM_CopyPicture(benchmark::State &state)
{
    const BigLog &log = bigLog();
    auto snap = log.room.store->snapshotFor(log.last);
    auto picture = deserialisePicture((*snap)->picture);
    if (!picture) {
        state.SkipWithError("no picture");
        return;
    }
    for (auto _ : state) {
        auto copy = std::make_shared<const Picture>(*picture);
        benchmark::DoNotOptimize(copy);
    }
}

// The reference: every entry of the log read and applied in seq order.
void BM_FoldWholeLog(benchmark::State &state)
{
    const BigLog &log = bigLog();
    for (auto _ : state) {
        auto picture = foldFromScratch(*log.room.store);
        if (!picture)
            state.SkipWithError(qPrintable(picture.error().message));
        benchmark::DoNotOptimize(picture);
    }
    state.SetItemsProcessed(state.iterations() * log.room.store->lastSeq());
}

} // namespace

BENCHMARK(BM_SeekRandomTime)->Unit(benchmark::kMillisecond)->Iterations(40);
BENCHMARK(BM_RestoreSnapshot)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_SerialiseSnapshot)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_CopyPicture)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_FoldWholeLog)->Unit(benchmark::kMillisecond)->Iterations(1);

BENCHMARK_MAIN();
