// Replay of a 24-hour, 1,000,000-entry room with the map live at 1920×1080 (offscreen, software raster):
//  - BM_ReplayPlay: playing at ×60 (one room second per 60 Hz frame), every frame's GUI-thread time: the
//    replay's result handed to the picture manager (the previous picture released), the map's layers built
//    from the new picture and a full map frame rendered; every 60 frames entries arrive (a data change: 50
//    entries, a fifth of them reports of the last two minutes written up late), and the live fold's poll
//    is counted in the frame after it. The worker's time per frame (request to result) is reported beside.
//  - BM_ReplayDrag: the slider dragged across the whole day in 3 s (a handle move every 16 ms): how far the
//    picture on screen is behind the handle, from a move to the first frame painted at or past it.
//  - BM_ReplayPlayConsole: the same play in the whole console window (docks included), 600 frames.
//  - BM_CursorStep, BM_Activity: the cursor's step alone (no GUI) and the activity histogram's SQL.
// The room is generated once into VIGIE_BENCH_REPLAY_DIR (default: the temp folder's vigie-bench-replay)
// and reused by later runs; each run works on a copy of it (the data changes append to it).
#include "bench_workload.h"

#include "ui/main_window.h"
#include "ui/replay_controls.h"

#include "maps/map_layers.h"
#include "maps/map_view.h"

#include "picture/picture_seeker.h"
#include "picture/replay_cursor.h"
#include "room/picture_manager.h"
#include "room/replay_manager.h"
#include "store/activity.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QTimer>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

using namespace vigie;
using namespace vigie::bench;

namespace {

constexpr qint64 dayMs = 24LL * 3600 * 1000;
const QSize frameSize(1920, 1080);

qint64 logSize()
{
    const char *env = std::getenv("VIGIE_BENCH_LOG_SIZE"); // smaller, for a quick check of the bench itself
    return env ? std::atoll(env) : 1'000'000;
}

/// The cached room: 24 hours of the logbook workload (bench_workload.h, its times stretched from ~50 ms to
/// ~86 ms apart), snapshots as a room writes them.
QString cachedRoom()
{
    const QByteArray dirEnv = qgetenv("VIGIE_BENCH_REPLAY_DIR");
    const QString dir = dirEnv.isEmpty() ? QDir::tempPath() + QStringLiteral("/vigie-bench-replay")
                                         : QString::fromLocal8Bit(dirEnv);
    QDir().mkpath(dir);
    const QString path = dir + QStringLiteral("/day-%1.vigie").arg(logSize());
    if (QFile::exists(path + QStringLiteral(".done")))
        return path;
    QFile::remove(path);
    std::fprintf(stderr, "generating a %lld-entry, 24-hour room in %s (once) ...\n",
                 static_cast<long long>(logSize()), qPrintable(path));
    auto created = SqliteLogStore::create(
        path, {QStringLiteral("bench-replay"), QStringLiteral("bench"), RoomMode::Live, Timestamp{startMs}});
    if (!created)
        qFatal("%s", qPrintable(created.error().message));
    auto &store = **created;
    const qint64 total = logSize();
    // makeDrafts spaces entries 1–100 ms apart (50.5 on average): stretched so that `total` fill a day.
    const double stretch = double(dayMs) / (double(total) * 50.5);
    SnapshotKeeper keeper; // the room's default policy
    constexpr qint64 chunk = 50'000;
    qint64 base = startMs;
    unsigned seed = 1;
    for (qint64 done = 0; done < total; done += chunk) {
        auto drafts = makeDrafts(std::size_t(std::min(chunk, total - done)), seed++);
        qint64 lastRecord = base;
        for (Entry &e : drafts) {
            e.eventTime.msecs = base + qint64(double(e.eventTime.msecs - startMs) * stretch);
            e.recordTime.msecs = base + qint64(double(e.recordTime.msecs - startMs) * stretch);
            lastRecord = std::max(lastRecord, e.recordTime.msecs);
        }
        base = lastRecord;
        auto appended = store.append(std::move(drafts));
        if (!appended)
            qFatal("%s", qPrintable(appended.error().message));
        if (auto r = keeper.applyAppended(store, *appended); !r)
            qFatal("%s", qPrintable(r.error().message));
    }
    created->reset(); // closed: the copy below takes one file
    QFile done(path + QStringLiteral(".done"));
    if (!done.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(done.fileName()));
    std::fprintf(stderr, "done\n");
    return path;
}

/// A copy of the cached room for one benchmark (it may append to it).
struct RoomCopy
{
    QTemporaryDir dir{QDir::tempPath() + QStringLiteral("/vigie-bench-replay-run-XXXXXX")};
    QString path;
    std::unique_ptr<SqliteLogStore> store;
    Timestamp first, last;
    RoomCopy()
    {
        path = dir.filePath(QStringLiteral("room.vigie"));
        if (!QFile::copy(cachedRoom(), path))
            qFatal("cannot copy the cached room to %s", qPrintable(path));
        auto opened = SqliteLogStore::open(path);
        if (!opened)
            qFatal("%s", qPrintable(opened.error().message));
        store = std::move(*opened);
        auto activity = logActivity(path, 1);
        if (!activity)
            qFatal("%s", qPrintable(activity.error().message));
        first = activity->first;
        last = activity->last;
    }
};

struct Distribution
{
    std::vector<double> ms;
    [[nodiscard]] double at(double q) const
    {
        if (ms.empty())
            return 0;
        std::vector<double> s = ms;
        std::sort(s.begin(), s.end());
        return s[std::min(s.size() - 1, std::size_t(q * double(s.size() - 1) + 0.5))];
    }
    void report(benchmark::State &state, const std::string &name) const
    {
        state.counters[name + "_median_ms"] = at(0.5);
        state.counters[name + "_p99_ms"] = at(0.99);
        state.counters[name + "_max_ms"] = at(1.0);
    }
};

/// The map as the console shows it (MapView's batched refresh: buildLayers of the picture, then a frame).
struct LiveMap
{
    maps::MapView view{nullptr};
    QImage image{frameSize, QImage::Format_ARGB32_Premultiplied};
    LiveMap()
    {
        view.resize(frameSize);
        view.setCenter({5.39, 43.29}, 13);
    }
    void show(const Picture &picture)
    {
        view.setContents(maps::buildLayers(picture, picture.maxEventTime));
        QPainter p(&image);
        benchmark::DoNotOptimize(view.render(p, frameSize));
    }
};

/// Records when a queued result starts being handled on the GUI thread (the replay's frameReady).
struct DispatchClock : QObject
{
    QElapsedTimer &clock;
    qint64 lastDispatch = 0;
    explicit DispatchClock(QElapsedTimer &c) : clock(c) {}
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::MetaCall)
            lastDispatch = clock.nsecsElapsed();
        return false;
    }
};

/// Entries of a data change at room time `at`: positions and statuses now, a fifth written up late.
std::vector<Entry> arrivals(qint64 at, unsigned seed)
{
    auto drafts = makeDrafts(50, seed);
    std::mt19937 rng(seed);
    for (Entry &e : drafts) {
        e.eventTime.msecs = rng() % 5 == 0 ? at - qint64(rng() % 120000) : at + qint64(rng() % 1000);
        e.recordTime.msecs = at + 1000;
    }
    return drafts;
}

void BM_ReplayPlay(benchmark::State &state)
{
    RoomCopy room;
    auto writer = SqliteLogStore::open(room.path); // another process's connection: the feeds
    if (!writer)
        qFatal("%s", qPrintable(writer.error().message));
    SystemClock clock;
    PictureManager manager(*room.store, clock, room.path);
    if (auto r = manager.load(); !r)
        qFatal("%s", qPrintable(r.error().message));
    ReplayManager replay(manager);
    LiveMap map;
    QElapsedTimer wall;
    wall.start();
    DispatchClock dispatch(wall);
    replay.installEventFilter(&dispatch);
    qint64 shownAtNs = -1;
    qint64 shownTime = 0;
    QObject::connect(&replay, &ReplayManager::frameShown, &replay, [&](Timestamp t) {
        shownAtNs = wall.nsecsElapsed();
        shownTime = t.msecs;
    });

    const qint64 frames = state.range(0);
    Distribution all, afterChange, worker;
    for (auto _ : state) {
        const qint64 from = room.first.msecs + 3 * 3600 * 1000; // 3 h into the day
        replay.enter(Timestamp{from});
        while (replay.busy() || replay.activity().counts.empty())
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        replay.seek(Timestamp{from});
        while (replay.busy())
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        map.show(manager.picture());
        unsigned seed = 100;
        for (qint64 i = 1; i <= frames; ++i) {
            const qint64 at = from + i * 1000; // ×60 at 60 frames a second
            double extraMs = 0;
            const bool change = i % 60 == 0;
            if (change) {
                if (auto r = (*writer)->append(arrivals(at, seed++)); !r)
                    qFatal("%s", qPrintable(r.error().message));
                QElapsedTimer poll;
                poll.start();
                manager.poll(); // the live fold, on the GUI thread as in the console
                extraMs = double(poll.nsecsElapsed()) / 1e6;
            }
            const qint64 asked = wall.nsecsElapsed();
            replay.seek(Timestamp{at});
            // The frame of this time (the poll above asked for one of the time before, which may come first).
            shownAtNs = -1;
            while (shownAtNs < 0 || shownTime != at)
                QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
            worker.ms.push_back(double(dispatch.lastDispatch - asked) / 1e6);
            const double handover = double(shownAtNs - dispatch.lastDispatch) / 1e6;
            QElapsedTimer paint;
            paint.start();
            map.show(manager.picture());
            const double frame = handover + double(paint.nsecsElapsed()) / 1e6 + extraMs;
            all.ms.push_back(frame);
            if (change || (i % 60) == 1)
                afterChange.ms.push_back(frame);
        }
        replay.leave();
    }
    all.report(state, "frame");
    afterChange.report(state, "after_change");
    worker.report(state, "worker");
    state.counters["frames"] = double(all.ms.size());
    state.counters["entries"] = double(room.store->lastSeq());
    state.counters["units"] = double(manager.picture().units.size());
    state.counters["incidents"] = double(manager.picture().incidents.size());
}

/// The same play in the whole console: the main window at 1920×1080 with its docks (units, incidents, log,
/// detail, banner and bar), the map in its centre. A frame is the hand-over (every dock refreshed from the
/// new picture, and the log's rows: at every frame here, as when seeking; while playing they change only a
/// few times a second), the map's layers rebuilt, and the window repainted: the widgets Qt marked dirty
/// (`/0`), or all of it (`/1`).
void BM_ReplayPlayConsole(benchmark::State &state)
{
    RoomCopy room;
    SystemClock clock;
    PictureManager manager(*room.store, clock, room.path);
    if (auto r = manager.load(); !r)
        qFatal("%s", qPrintable(r.error().message));
    ui::MainWindow window(manager);
    auto *map = new maps::MapView(&manager);
    window.setCentralView(map);
    ReplayManager replay(manager);
    new ui::ReplayControls(window, replay);
    window.resize(frameSize);
    window.show();
    QCoreApplication::processEvents();
    map->setCenter({5.39, 43.29}, 13);
    QElapsedTimer wall;
    wall.start();
    DispatchClock dispatch(wall);
    replay.installEventFilter(&dispatch);
    qint64 shownAtNs = -1, shownTime = 0;
    QObject::connect(&replay, &ReplayManager::frameShown, &replay, [&](Timestamp t) {
        shownAtNs = wall.nsecsElapsed();
        shownTime = t.msecs;
    });
    const qint64 frames = state.range(0);
    Distribution all, handovers, paints;
    for (auto _ : state) {
        const qint64 from = room.first.msecs + 3 * 3600 * 1000;
        replay.enter(Timestamp{from});
        while (replay.busy() || replay.activity().counts.empty())
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        for (qint64 i = 1; i <= frames; ++i) {
            const qint64 at = from + i * 1000;
            replay.seek(Timestamp{at});
            shownAtNs = -1;
            while (shownAtNs < 0 || shownTime != at)
                QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
            const double handover = double(shownAtNs - dispatch.lastDispatch) / 1e6;
            QElapsedTimer paint;
            paint.start();
            map->setContents(maps::buildLayers(manager.picture(), manager.picture().maxEventTime));
            // What Qt repaints: the widgets marked dirty (the map, the tables whose rows changed, the
            // banner), or the whole window (`/1`: the worst case, as after an expose).
            if (state.range(1) != 0)
                window.repaint();
            else
                QCoreApplication::processEvents();
            const double painted = double(paint.nsecsElapsed()) / 1e6;
            handovers.ms.push_back(handover);
            paints.ms.push_back(painted);
            all.ms.push_back(handover + painted);
        }
        replay.leave();
    }
    all.report(state, "frame");
    handovers.report(state, "docks");
    paints.report(state, "paint");
}

void BM_ReplayDrag(benchmark::State &state)
{
    RoomCopy room;
    SystemClock clock;
    PictureManager manager(*room.store, clock, room.path);
    if (auto r = manager.load(); !r)
        qFatal("%s", qPrintable(r.error().message));
    ReplayManager replay(manager);
    LiveMap map;
    QElapsedTimer wall;
    wall.start();
    struct Move
    {
        qint64 at;
        qint64 sentNs;
        qint64 shownNs = -1;
    };
    std::vector<Move> moves;
    std::size_t satisfied = 0;
    QObject::connect(&replay, &ReplayManager::frameShown, &replay, [&](Timestamp at) {
        map.show(manager.picture()); // painted before it counts as shown
        const qint64 now = wall.nsecsElapsed();
        while (satisfied < moves.size() && moves[satisfied].at <= at.msecs)
            moves[satisfied++].shownNs = now;
    });
    const qint64 steps = state.range(0);
    Distribution lag;
    for (auto _ : state) {
        moves.clear();
        satisfied = 0;
        replay.enter(room.first);
        while (replay.busy() || replay.activity().counts.empty())
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        replay.seek(room.first);
        while (replay.busy())
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        satisfied = 0;
        moves.clear();
        // A handle move every 16 ms, from the first to the last time of the day. Between two moves the GUI
        // thread waits in its event loop, as it does between two mouse events (a precise timer wakes it for
        // the next move), rather than spinning: a spinning thread would take a core from the replay's.
        const qint64 span = room.last.msecs - room.first.msecs;
        qint64 next = wall.nsecsElapsed();
        QTimer wake;
        wake.setSingleShot(true);
        wake.setTimerType(Qt::PreciseTimer);
        for (qint64 k = 1; k <= steps; ++k) {
            while (wall.nsecsElapsed() < next) {
                wake.start(int((next - wall.nsecsElapsed() + 999'999) / 1'000'000));
                QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
            }
            const qint64 at = room.first.msecs + span * k / steps;
            moves.push_back({at, wall.nsecsElapsed()});
            replay.seek(Timestamp{at});
            next += 16'000'000;
        }
        while (satisfied < moves.size())
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        for (const Move &m : moves)
            lag.ms.push_back(double(m.shownNs - m.sentNs) / 1e6);
        replay.leave();
    }
    lag.report(state, "lag");
    state.counters["moves"] = double(lag.ms.size());
}

void BM_CursorStep(benchmark::State &state)
{
    RoomCopy room;
    ReplayCursor cursor(*room.store);
    qint64 at = room.first.msecs + 3 * 3600 * 1000;
    if (auto f = cursor.frameAt(Timestamp{at}); !f)
        qFatal("%s", qPrintable(f.error().message));
    qint64 read = 0, restored = 0;
    for (auto _ : state) {
        at += 1000;
        auto frame = cursor.frameAt(Timestamp{at});
        if (!frame)
            state.SkipWithError(qPrintable(frame.error().message));
        read += frame->read;
        restored += frame->restored;
        benchmark::DoNotOptimize(frame);
    }
    state.counters["entries_read_per_step"] = double(read) / double(state.iterations());
    state.counters["restored"] = double(restored);
}

void BM_CursorJump(benchmark::State &state)
{
    RoomCopy room;
    ReplayCursor cursor(*room.store);
    std::mt19937_64 rng(7);
    std::uniform_int_distribution<qint64> at(room.first.msecs, room.last.msecs);
    for (auto _ : state) {
        auto frame = cursor.frameAt(Timestamp{at(rng)});
        if (!frame)
            state.SkipWithError(qPrintable(frame.error().message));
        benchmark::DoNotOptimize(frame);
    }
}

// The drag's moves one after the other, without the GUI: the replay's thread's part of each move (a jump of
// 1/180 of the day, ~5,500 entries), and how many of them restored a snapshot.
void BM_CursorDragSteps(benchmark::State &state)
{
    RoomCopy room;
    const qint64 steps = state.range(0);
    const qint64 span = room.last.msecs - room.first.msecs;
    Distribution took;
    qint64 restored = 0, read = 0;
    for (auto _ : state) {
        ReplayCursor cursor(*room.store);
        for (qint64 k = 1; k <= steps; ++k) {
            QElapsedTimer timer;
            timer.start();
            auto frame = cursor.frameAt(Timestamp{room.first.msecs + span * k / steps});
            took.ms.push_back(double(timer.nsecsElapsed()) / 1e6);
            if (!frame)
                state.SkipWithError(qPrintable(frame.error().message));
            restored += frame->restored ? 1 : 0;
            read += frame->read;
        }
    }
    took.report(state, "move");
    state.counters["restored"] = double(restored);
    state.counters["read_per_move"] = double(read) / double(took.ms.size());
}

// The core's seek on the same room, for reference: what a jump costs whoever makes it.
void BM_PictureAtRandom(benchmark::State &state)
{
    RoomCopy room;
    std::mt19937_64 rng(7);
    std::uniform_int_distribution<qint64> at(room.first.msecs, room.last.msecs);
    for (auto _ : state) {
        auto picture = pictureAt(*room.store, Timestamp{at(rng)});
        if (!picture)
            state.SkipWithError(qPrintable(picture.error().message));
        benchmark::DoNotOptimize(picture);
    }
}

// Restoring the room's last snapshot (the largest): the fixed part of a jump late in the day.
void BM_RestoreLastSnapshot(benchmark::State &state)
{
    RoomCopy room;
    auto snapshot = room.store->snapshotFor(room.last);
    if (!snapshot || !snapshot->has_value()) {
        state.SkipWithError("no snapshot");
        return;
    }
    for (auto _ : state)
        benchmark::DoNotOptimize(deserialisePicture((*snapshot)->picture));
    state.counters["snapshot_bytes"] = double((*snapshot)->picture.size());
    state.counters["snapshot_seq"] = double((*snapshot)->seq);
}

void BM_Activity(benchmark::State &state)
{
    RoomCopy room;
    for (auto _ : state) {
        auto activity = logActivity(room.path, 300);
        if (!activity)
            state.SkipWithError(qPrintable(activity.error().message));
        benchmark::DoNotOptimize(activity);
    }
}

} // namespace

BENCHMARK(BM_ReplayPlay)->Arg(1200)->Iterations(1)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_ReplayPlayConsole)
    ->Args({600, 0})
    ->Args({600, 1})
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_ReplayDrag)->Arg(180)->Iterations(1)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_CursorStep)->Unit(benchmark::kMillisecond)->Iterations(600);
BENCHMARK(BM_CursorDragSteps)->Arg(180)->Iterations(1)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_CursorJump)->Unit(benchmark::kMillisecond)->Iterations(40);
BENCHMARK(BM_PictureAtRandom)->Unit(benchmark::kMillisecond)->Iterations(20);
BENCHMARK(BM_RestoreLastSnapshot)->Unit(benchmark::kMillisecond)->Iterations(5);
BENCHMARK(BM_Activity)->Unit(benchmark::kMillisecond)->Iterations(5);

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
