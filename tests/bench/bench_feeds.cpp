// Feed ingestion speed on a mixed corpus (CAP, EMSI JSON, NMEA RMC, GeoJSON, as gateways send them one
// message at a time): raw parse alone, then end to end (parse, anonymise, dedupe, append with group commit,
// fuse and append the merge decisions), and the arrival-to-picture latency at a paced 2,000 messages/s.
#include "feeds/ingestor.h"
#include "feeds/xml_tree.h"
#include "fusion/feed_fusion.h"
#include "privacy/anonymiser.h"
#include "room/picture_manager.h"
#include "room/room.h"
#include "store/sqlite_log_store.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThread>

#include <benchmark/benchmark.h>

#include <algorithm>

#include <dlfcn.h>
#include <unistd.h>

using namespace vigie;
using namespace vigie::feeds;

namespace {

QByteArray nmeaChecksum(const QByteArray &body)
{
    quint8 c = 0;
    for (const char ch : body)
        c ^= quint8(ch);
    return '$' + body + '*' + QByteArray::number(c, 16).toUpper().rightJustified(2, '0') + "\r\n";
}

/// `count` messages with ids unique to `round` (so every round stores new messages, not duplicates), 40 a
/// minute: each round follows the previous one in time, as a sustained stream does (reports of the same
/// minutes round after round would pile up in fusion's window as no real stream does).
std::vector<FeedInput> corpus(int count, int round)
{
    const QDateTime start = QDateTime::fromString(QStringLiteral("2026-07-14T21:00:00+02:00"), Qt::ISODate)
                                .addSecs(qint64(round) * ((count + 39) / 40) * 60);
    QRandomGenerator rng(quint32(round) * 7919u + 17u);
    std::vector<FeedInput> out;
    out.reserve(std::size_t(count));
    static const char *types[] = {"Feu de vehicule", "Accident", "Malaise", "Incendie", "Rixe"};
    for (int i = 0; i < count; ++i) {
        // Around the Vieux-Port, within ~4 km: many reports land near one another, as on a busy evening.
        const double lat = 43.2951 + (rng.generateDouble() - 0.5) * 0.07;
        const double lon = 5.3740 + (rng.generateDouble() - 0.5) * 0.09;
        const QString id = QStringLiteral("%1-%2").arg(round).arg(i);
        const QDateTime at = start.addSecs(qint64(i / 40) * 60);
        const QString when = at.toString(Qt::ISODate); // local time with its offset, +02:00
        const QDateTime utc = at.toUTC().addSecs((i + round) % 60);
        FeedInput in;
        in.context.mode = RoomMode::Live;
        in.context.sourceLabel = QStringLiteral("bench");
        switch (i % 4) {
        case 0:
            in.format = QStringLiteral("cap");
            in.context.agency = QStringLiteral("fire");
            in.bytes =
                QStringLiteral(
                    "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"><identifier>B%1</identifier>"
                    "<sender>cta@bmpm.fr</sender><sent>%2</sent><status>Actual</"
                    "status><msgType>Alert</msgType><scope>Public</scope><info><category>Fire</category>"
                    "<event>%3</event><urgency>Immediate</urgency><severity>Severe</severity>"
                    "<certainty>Observed</certainty><headline>%3, appelant 06 12 34 56 78</headline>"
                    "<area><areaDesc>Marseille</areaDesc><circle>%4,%5 0.1</circle></area></info>"
                    "</alert>")
                    .arg(id, when, QString::fromLatin1(types[i % 5]))
                    .arg(lat, 0, 'f', 6)
                    .arg(lon, 0, 'f', 6)
                    .toUtf8();
            break;
        case 1:
            in.format = QStringLiteral("emsi");
            in.context.agency = QStringLiteral("samu");
            in.bytes =
                QStringLiteral(R"({"emsi":{"CONTEXT":{"ID":"E%1","MODE":"ACTUAL","MSGTYPE":"ALERT",)"
                               R"("CREATION":"%2","FREETEXT":"Témoin au 0491000000"},)"
                               R"("EVENT":{"ID":"EV%1","NAME":"%3","ETYPE":{"CATEGORY":"MED"},)"
                               R"("EGEO":{"TYPE":"GENERAL","POSITION":{"COORD":{"LAT":%4,"LONG":%5}}}}}})")
                    .arg(id, when, QString::fromLatin1(types[i % 5]))
                    .arg(lat, 0, 'f', 6)
                    .arg(lon, 0, 'f', 6)
                    .toUtf8();
            break;
        case 2: {
            in.format = QStringLiteral("nmea");
            in.context.agency = QStringLiteral("fire");
            in.context.unit = QStringLiteral("VSAV%1").arg(i % 30);
            const double alat = std::abs(lat), alon = std::abs(lon);
            const QByteArray body =
                QStringLiteral("GPRMC,%1.00,A,%3%4,N,%5%6,E,12.5,87.0,%2,,,A")
                    .arg(utc.toString(QStringLiteral("hhmmss")), utc.toString(QStringLiteral("ddMMyy")))
                    .arg(int(alat), 2, 10, QChar(u'0'))
                    .arg((alat - int(alat)) * 60.0, 7, 'f', 4, QChar(u'0'))
                    .arg(int(alon), 3, 10, QChar(u'0'))
                    .arg((alon - int(alon)) * 60.0, 7, 'f', 4, QChar(u'0'))
                    .toLatin1();
            in.bytes = nmeaChecksum(body);
            break;
        }
        default:
            in.format = QStringLiteral("geojson");
            in.context.agency = QStringLiteral("police");
            in.bytes = QStringLiteral(R"({"type":"Feature","id":"cam-%1","geometry":{"type":"Point",)"
                                      R"("coordinates":[%2,%3]},"properties":{"time":"%4",)"
                                      R"("type":"%5","title":"Alerte camera, plaque AB-123-CD"}})")
                           .arg(id)
                           .arg(lon, 0, 'f', 6)
                           .arg(lat, 0, 'f', 6)
                           .arg(when, QString::fromLatin1(types[i % 5]))
                           .toUtf8();
            break;
        }
        out.push_back(std::move(in));
    }
    return out;
}

constexpr int corpusSize = 4000;

/// The allocator the process runs on, for the report: jemalloc when the build linked it (VIGIE_JEMALLOC).
std::string allocatorName()
{
    using MallCtl = int (*)(const char *, void *, std::size_t *, void *, std::size_t);
    if (auto *mallctl = reinterpret_cast<MallCtl>(dlsym(RTLD_DEFAULT, "mallctl"))) {
        const char *version = nullptr;
        std::size_t size = sizeof version;
        if (mallctl("version", &version, &size, nullptr, 0) == 0 && version) {
            const std::string full(version); // "5.3.0-0-g54eaed1…"
            return "jemalloc " + full.substr(0, full.find('-'));
        }
        return "jemalloc";
    }
    return "glibc malloc";
}

void BM_FeedParseOnly(benchmark::State &state)
{
    const FeedRegistry registry;
    const auto inputs = corpus(corpusSize, 0);
    qint64 drafts = 0;
    for (auto _ : state) {
        for (const auto &in : inputs) {
            auto batch = registry.byFormat(in.format)->parse(in.bytes, in.context);
            drafts += qint64(batch.messages.size());
            benchmark::DoNotOptimize(batch);
        }
    }
    if (drafts < qint64(state.iterations()) * corpusSize * 9 / 10)
        state.SkipWithError("the corpus did not parse");
    state.SetItemsProcessed(qint64(state.iterations()) * corpusSize);
}
BENCHMARK(BM_FeedParseOnly)->Unit(benchmark::kMillisecond);

/// One XML element with n repeated children (the rows of a long export): reading it must grow linearly.
/// Scrubbing the free text of reports (the names corpus of the tests, marks removed): with people's names
/// looked for, and without (Names::Keep: phone numbers, e-mails, plates and IBANs only, as before names were
/// scrubbed). Per text.
void BM_ScrubReportText(benchmark::State &state)
{
    QFile file(QStringLiteral(VIGIE_SOURCE_DIR "/tests/data/privacy/names_corpus.txt"));
    if (!file.open(QIODevice::ReadOnly)) {
        state.SkipWithError("names corpus missing");
        return;
    }
    QStringList texts;
    for (const QByteArray &line : file.readAll().split('\n'))
        if (!line.isEmpty() && !line.startsWith('#'))
            texts << QString::fromUtf8(line).remove(QStringLiteral("{{")).remove(QStringLiteral("}}"));
    const Anonymiser anon(QByteArray(32, 'b'));
    const auto names = state.range(0) ? Anonymiser::Names::Scrub : Anonymiser::Names::Keep;
    qsizetype i = 0;
    for (auto _ : state)
        benchmark::DoNotOptimize(anon.scrubText(texts[i++ % texts.size()], names));
    state.SetLabel(state.range(0) ? "names scrubbed" : "names kept (contacts only)");
}
BENCHMARK(BM_ScrubReportText)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

void BM_XmlManySiblings(benchmark::State &state)
{
    const int n = int(state.range(0));
    QByteArray xml = "<export>";
    for (int i = 0; i < n; ++i)
        xml += "<row><id>" + QByteArray::number(i) + "</id></row>";
    xml += "</export>";
    for (auto _ : state) {
        auto tree = xmlToJson(xml);
        if (!tree) {
            state.SkipWithError("the document did not parse");
            return;
        }
        benchmark::DoNotOptimize(tree);
    }
    state.SetItemsProcessed(state.iterations() * n);
}
BENCHMARK(BM_XmlManySiblings)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);

/// Where the benchmark rooms live: the temporary directory (on disk), or memory when `inMemory` (Linux's
/// /dev/shm), to tell the pipeline's own latency from the storage's sync latency.
QString roomDirTemplate(bool inMemory)
{
    if (inMemory && QFileInfo(QStringLiteral("/dev/shm")).isWritable())
        return QStringLiteral("/dev/shm/vigie-bench-XXXXXX");
    return QDir::tempPath() + QStringLiteral("/vigie-bench-XXXXXX");
}

struct Pipeline
{
    QTemporaryDir dir;
    SimulatedClock clock{Timestamp{1784055600000}};
    std::unique_ptr<Room> room;
    FeedRegistry registry;
    std::unique_ptr<Ingestor> ingestor;
    std::unique_ptr<fusion::FeedFusion> fusion;
    fusion::FusionSummary fused;
    explicit Pipeline(bool inMemory = false) : dir(roomDirTemplate(inMemory))
    {
        room = std::move(*Room::create(dir.filePath(QStringLiteral("bench.vigie")), QStringLiteral("bench"),
                                       RoomMode::Live, clock));
        ingestor = std::make_unique<Ingestor>(*room, registry);
        fusion = std::make_unique<fusion::FeedFusion>();
        fusion->attach(*ingestor, *room, fused);
    }
    /// One group commit, as `vigie-cli listen` does per batch: parse, anonymise, fuse, append the reports
    /// and the merge decisions in one transaction. False on error.
    bool process(std::vector<FeedInput> batch)
    {
        auto report = ingestor->ingestAll(std::move(batch));
        return report && report->rejected == 0;
    }
};

void BM_FeedEndToEnd(benchmark::State &state)
{
    const int batchSize = int(state.range(0));
    Pipeline p;
    int round = 0;
    for (auto _ : state) {
        state.PauseTiming();
        auto inputs = corpus(corpusSize, ++round);
        state.ResumeTiming();
        for (std::size_t from = 0; from < inputs.size(); from += std::size_t(batchSize)) {
            std::vector<FeedInput> batch(
                std::make_move_iterator(inputs.begin() + qsizetype(from)),
                std::make_move_iterator(inputs.begin() +
                                        qsizetype(std::min(inputs.size(), from + batchSize))));
            if (!p.process(std::move(batch))) {
                state.SkipWithError("ingest failed");
                return;
            }
        }
    }
    state.SetItemsProcessed(qint64(state.iterations()) * corpusSize);
    state.counters["entries"] = double(p.room->store().lastSeq());
    state.SetLabel(allocatorName());
}
// Batch sizes: what the listener gathers in one 10 ms tick at 2,000 and 20,000 messages/s (20, 200), and a
// larger drain.
BENCHMARK(BM_FeedEndToEnd)->Arg(20)->Arg(200)->Arg(1000)->Unit(benchmark::kMillisecond);

/// The same pipeline held for 25 rounds (100,000 messages, 1,000 per transaction) in one room: what a
/// sustained stream costs once the room and its picture have grown, not only in its first seconds. The
/// corpus's incidents are never closed, so the picture only grows: the harsher case for everything that
/// copies it (snapshots).
void BM_FeedSustained(benchmark::State &state)
{
    constexpr int rounds = 25, batchSize = 1000;
    for (auto _ : state) {
        state.PauseTiming();
        auto p = std::make_unique<Pipeline>();
        state.ResumeTiming();
        for (int round = 1; round <= rounds; ++round) {
            state.PauseTiming();
            auto inputs = corpus(corpusSize, round);
            state.ResumeTiming();
            for (std::size_t from = 0; from < inputs.size(); from += batchSize) {
                std::vector<FeedInput> batch(
                    std::make_move_iterator(inputs.begin() + qsizetype(from)),
                    std::make_move_iterator(inputs.begin() + qsizetype(from + batchSize)));
                if (!p->process(std::move(batch))) {
                    state.SkipWithError("ingest failed");
                    return;
                }
            }
        }
        state.PauseTiming();
        state.counters["entries"] = double(p->room->store().lastSeq());
        state.counters["room_MB"] = double(QFileInfo(p->room->path()).size()) / 1e6;
        p.reset();
        state.ResumeTiming();
    }
    state.SetItemsProcessed(qint64(state.iterations()) * rounds * corpusSize);
    state.SetLabel(allocatorName());
}
BENCHMARK(BM_FeedSustained)->Unit(benchmark::kMillisecond)->Iterations(1);

/// Messages arrive at a steady 2,000/s and are taken as `vigie-cli listen` takes them (group commit): as
/// soon as the pipeline is free, everything that has arrived (up to 1,000) is ingested and fused in one
/// transaction, and the live picture applies the new entries, as the console's PictureManager does (it polls
/// the log and applies what was appended, never refolding the whole log). Latency = picture updated −
/// arrival, per message, in wall time. Argument: room on disk (0, the temporary directory) or in memory
/// (1, /dev/shm: no wait for the disk). On a virtual machine the wall time also holds the moments the host
/// takes the CPU away; BM_HostSchedulingLatency measures them.
void BM_FeedLatencyAt2000PerSecond(benchmark::State &state)
{
    constexpr int rate = 2000, seconds = 2;
    constexpr std::size_t maxBatch = 1000;
    constexpr qint64 periodNs = 1'000'000'000 / rate;
    const bool inMemory = state.range(0) != 0;
    std::vector<double> latencies;
    qint64 batches = 0;
    for (auto _ : state) {
        Pipeline p(inMemory);
        PictureManager manager(p.room->store(), p.room->clock(), p.room->path());
        if (!manager.load()) {
            state.SkipWithError("cannot load the picture");
            return;
        }
        auto inputs = corpus(rate * seconds, 1000 + int(latencies.size()));
        QElapsedTimer clock;
        clock.start();
        std::size_t next = 0;
        while (next < inputs.size()) {
            const std::size_t arrived =
                std::min(inputs.size(), std::size_t(clock.nsecsElapsed() / periodNs) + 1);
            if (arrived <= next) {
                // Nothing waiting: sleep until the next message arrives.
                const qint64 waitNs = qint64(next) * periodNs - clock.nsecsElapsed();
                if (waitNs > 0)
                    QThread::usleep(std::max<qint64>(1, waitNs / 1000));
                continue;
            }
            const std::size_t upto = std::min(arrived, next + maxBatch);
            std::vector<FeedInput> batch(std::make_move_iterator(inputs.begin() + qsizetype(next)),
                                         std::make_move_iterator(inputs.begin() + qsizetype(upto)));
            if (!p.process(std::move(batch))) {
                state.SkipWithError("ingest failed");
                return;
            }
            (void)manager.poll(); // a message may add no entry (a position too close to the last one)
            ++batches;
            const qint64 doneNs = clock.nsecsElapsed();
            for (std::size_t k = next; k < upto; ++k)
                latencies.push_back(double(doneNs - qint64(k) * periodNs) / 1e6);
            next = upto;
        }
    }
    std::sort(latencies.begin(), latencies.end());
    auto pct = [&](double q) {
        return latencies.empty() ? 0.0 : latencies[std::size_t(q * double(latencies.size() - 1))];
    };
    state.counters["p50_ms"] = pct(0.50);
    state.counters["p99_ms"] = pct(0.99);
    state.counters["max_ms"] = latencies.empty() ? 0.0 : latencies.back();
    state.counters["batch"] = batches > 0 ? double(latencies.size()) / double(batches) : 0.0;
}
BENCHMARK(BM_FeedLatencyAt2000PerSecond)
    ->ArgName("memory")
    ->Arg(0)
    ->Arg(1)
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond);

/// The host's share: how late a 0.4 ms sleep wakes up, 4,000 times. On a virtual machine whose host takes
/// the CPU away for a while (steal time), the tail shows it; nothing in the pipeline can be faster than this.
void BM_HostSchedulingLatency(benchmark::State &state)
{
    std::vector<double> ms;
    for (auto _ : state)
        for (int i = 0; i < 4000; ++i) {
            QElapsedTimer t;
            t.start();
            QThread::usleep(400);
            ms.push_back(double(t.nsecsElapsed()) / 1e6);
        }
    std::sort(ms.begin(), ms.end());
    state.counters["p50_ms"] = ms[ms.size() / 2];
    state.counters["p99_ms"] = ms[std::size_t(0.99 * double(ms.size() - 1))];
    state.counters["p999_ms"] = ms[std::size_t(0.999 * double(ms.size() - 1))];
    state.counters["max_ms"] = ms.back();
}
BENCHMARK(BM_HostSchedulingLatency)->Iterations(1)->Unit(benchmark::kMillisecond);

/// The storage's own share: the time of one small write made durable (8 KiB, then fdatasync, as a commit
/// of a few entries), every 10 ms, in the directory the disk rooms use. SQLite's FULL synchronous mode
/// waits for this at every commit.
void BM_StorageSyncLatency(benchmark::State &state)
{
    std::vector<double> ms;
    for (auto _ : state) {
        QTemporaryDir dir(roomDirTemplate(false));
        QFile file(dir.filePath(QStringLiteral("sync.bin")));
        if (!file.open(QIODevice::WriteOnly)) {
            state.SkipWithError("cannot create a file");
            return;
        }
        const QByteArray block(8192, 'x');
        for (int i = 0; i < 300; ++i) {
            file.write(block);
            file.flush();
            QElapsedTimer t;
            t.start();
            if (::fdatasync(file.handle()) != 0) {
                state.SkipWithError("fdatasync failed");
                return;
            }
            ms.push_back(double(t.nsecsElapsed()) / 1e6);
            QThread::usleep(10'000);
        }
    }
    std::sort(ms.begin(), ms.end());
    state.counters["p50_ms"] = ms[ms.size() / 2];
    state.counters["p99_ms"] = ms[std::size_t(0.99 * double(ms.size() - 1))];
    state.counters["max_ms"] = ms.back();
}
BENCHMARK(BM_StorageSyncLatency)->Iterations(1)->Unit(benchmark::kMillisecond);

} // namespace

namespace {

/// A room of `entries` entries, one in twenty an incident report with a place (fusion's input), the others
/// unit positions, written once per size and kept for the run.
const QString &startRoom(qint64 entries)
{
    static std::map<qint64, std::pair<std::unique_ptr<QTemporaryDir>, QString>> rooms;
    auto &slot = rooms[entries];
    if (slot.first)
        return slot.second;
    slot.first = std::make_unique<QTemporaryDir>();
    slot.second = slot.first->filePath(QStringLiteral("start.vigie"));
    static SystemClock clock;
    auto room = Room::create(slot.second, QStringLiteral("start"), RoomMode::Live, clock);
    std::vector<Entry> batch;
    for (qint64 n = 0; n < entries; ++n) {
        Entry e;
        e.author = QStringLiteral("bench");
        e.eventTime = Timestamp{1784044800000 + n * 100};
        if (n % 20 == 0) {
            e.kind = QStringLiteral("incident.open");
            e.agency = QStringLiteral("police");
            e.data = QJsonObject{{QStringLiteral("incident"), QStringLiteral("geojson:cam-%1").arg(n)},
                                 {QStringLiteral("type"), QStringLiteral("vehicle_fire")},
                                 {QStringLiteral("feed"), QStringLiteral("geojson")},
                                 {QStringLiteral("title"), QStringLiteral("Caméra %1").arg(n)}};
            e.geo = Geometry::point({5.30 + 0.0001 * double(n % 997), 43.25 + 0.0001 * double(n % 991)});
        } else {
            e.kind = QStringLiteral("unit.position");
            e.data = QJsonObject{{QStringLiteral("unit"), QStringLiteral("U%1").arg(n % 300)}};
            e.geo = Geometry::point({5.3 + 0.00001 * double(n % 1000), 43.3});
        }
        batch.push_back(std::move(e));
        if (batch.size() == 5000 || n + 1 == entries) {
            if (!(*room)->append(std::move(batch)))
                std::abort();
            batch.clear();
        }
    }
    return slot.second;
}

} // namespace

// A feed process starting on a room: open it and get fusion ready for the first batch. "follow": the room's
// one fold restored from its last snapshot, the Fuser brought up to its trail (what `ingest` and `listen`
// do). "replay": the Fuser fed from a read of the whole log beside the fold, as they did before.
static void BM_FeedProcessStart(benchmark::State &state)
{
    const bool follow = state.range(1) == 1;
    const QString &path = startRoom(state.range(0));
    SystemClock clock;
    for (auto _ : state) {
        auto room = Room::open(path, clock);
        fusion::FeedFusion fusion;
        auto head = (*room)->head(); // the fold a feed process keeps in both cases, for its snapshots
        if (follow) {
            fusion.follow(**head);
        } else {
            fusion::Fuser replayed;
            (void)(*room)->store().read(EntryQuery{}, [&replayed](const Entry &e) {
                if (auto o = fusion::observationOf(e))
                    (void)replayed.observe(*o);
                return true;
            });
            benchmark::DoNotOptimize(replayed.incidents().size());
        }
        benchmark::DoNotOptimize(fusion.fuser().incidents().size());
    }
    state.SetLabel(follow ? "follow the fold" : "replay the log");
}
BENCHMARK(BM_FeedProcessStart)
    ->ArgsProduct({{100000, 1000000}, {0, 1}})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(5)
    ->Repetitions(3)
    ->ReportAggregatesOnly(true);

namespace {

/// The process's resident memory now, in megabytes (Linux /proc/self/status).
double residentMegabytes()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').front().toDouble() / 1024.0;
    return -1;
}

/// Message `i` of a stream of days: one every 60 ms of event time (1,000 a minute). Of every 50, 48 are unit
/// positions (400 units), one a CAP alert opening an incident somewhere in a 30 km square around Marseille
/// (nearby alerts fuse), one the cancel of the alert sent an hour before (its incident closes; in the first
/// hour, a position). So the picture holds about an hour of incidents, as a city's does, and what grows with
/// the stream is only what keeps every message: the point of the benchmark.
FeedInput streamMessage(qint64 i)
{
    static const QDateTime start =
        QDateTime::fromString(QStringLiteral("2026-07-14T00:00:00Z"), Qt::ISODate).toUTC();
    constexpr qint64 every = 50, alertsPerHour = 60'000 / every;
    const QDateTime at = start.addMSecs(i * 60);
    QRandomGenerator rng(quint32(i * 2654435761u));
    const double lat = 43.30 + (rng.generateDouble() - 0.5) * 0.27;
    const double lon = 5.40 + (rng.generateDouble() - 0.5) * 0.37;
    FeedInput in;
    in.context.mode = RoomMode::Live;
    in.context.sourceLabel = QStringLiteral("bench");
    in.context.agency = QStringLiteral("fire");
    const qint64 alert = i / every; // the alert of this group of messages
    const qint64 cancelled = alert - alertsPerHour;
    const qint64 slot = i % every;
    if (slot == 0) {
        in.format = QStringLiteral("cap");
        in.bytes = QStringLiteral(
                       "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"><identifier>M%1</identifier>"
                       "<sender>cta@bmpm.fr</sender><sent>%2</sent><status>Actual</status><msgType>Alert"
                       "</msgType><scope>Public</scope><info><category>Fire</category><event>Feu de vehicule"
                       "</event><urgency>Immediate</urgency><severity>Severe</severity><certainty>Observed"
                       "</certainty><area><areaDesc>Marseille</areaDesc><circle>%3,%4 0.1</circle></area>"
                       "</info></alert>")
                       .arg(alert)
                       .arg(at.toString(Qt::ISODateWithMs))
                       .arg(lat, 0, 'f', 6)
                       .arg(lon, 0, 'f', 6)
                       .toUtf8();
    } else if (slot == every / 2 && cancelled >= 0) {
        in.format = QStringLiteral("cap");
        const QString sent = start.addMSecs(cancelled * every * 60).toString(Qt::ISODateWithMs);
        in.bytes = QStringLiteral(
                       "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"><identifier>C%1</identifier>"
                       "<sender>cta@bmpm.fr</sender><sent>%2</sent><status>Actual</status><msgType>Cancel"
                       "</msgType><scope>Public</scope><references>cta@bmpm.fr,M%3,%4</references>"
                       "</alert>")
                       .arg(alert)
                       .arg(at.toString(Qt::ISODateWithMs))
                       .arg(cancelled)
                       .arg(sent)
                       .toUtf8();
    } else {
        in.format = QStringLiteral("nmea");
        in.context.unit = QStringLiteral("VSAV%1").arg(i % 400);
        const QByteArray body =
            QStringLiteral("GPRMC,%1,A,%3%4,N,%5%6,E,12.5,87.0,%2,,,A")
                .arg(at.toString(QStringLiteral("hhmmss.zzz")).left(9), at.toString(QStringLiteral("ddMMyy")))
                .arg(int(lat), 2, 10, QChar(u'0'))
                .arg((lat - int(lat)) * 60.0, 7, 'f', 4, QChar(u'0'))
                .arg(int(lon), 3, 10, QChar(u'0'))
                .arg((lon - int(lon)) * 60.0, 7, 'f', 4, QChar(u'0'))
                .toLatin1();
        in.bytes = nmeaChecksum(body);
    }
    return in;
}

} // namespace

/// Resident memory of a feed process (ingest, anonymise, dedupe, fuse, append, its one fold kept) while a
/// stream of `range(0)` messages goes through it in batches of 1,000, as `vigie-cli listen` takes them:
/// counters at 1, 2, 5 and 10 million messages, and what fusion and the store hold at the end. With memory
/// bounded, it rises while fusion's six hours fill (360,000 messages here) and the store's 262,144 most
/// recent messages, and then stays flat.
void BM_FeedMemory(benchmark::State &state)
{
    const qint64 total = state.range(0);
    constexpr qint64 batchSize = 1000;
    for (auto _ : state) {
        Pipeline p;
        auto head = p.room->fusionHead(); // the fold a feed process keeps, with the trail fusion follows
        if (!head) {
            state.SkipWithError("no fold");
            return;
        }
        QElapsedTimer wall;
        wall.start();
        for (qint64 from = 0; from < total; from += batchSize) {
            std::vector<FeedInput> batch;
            batch.reserve(batchSize);
            for (qint64 i = from; i < std::min(total, from + batchSize); ++i)
                batch.push_back(streamMessage(i));
            auto report = p.ingestor->ingestAll(std::move(batch));
            if (!report || report->rejected != 0) {
                state.SkipWithError(report ? qPrintable(report->reasons.value(0)) : "ingest failed");
                return;
            }
            const qint64 done = from + batchSize;
            if (done % 100'000 == 0 || done == total) {
                const double rss = residentMegabytes();
                std::fprintf(stderr, "%lld messages: %.0f MB resident, %.0f s\n",
                             static_cast<long long>(done), rss, double(wall.elapsed()) / 1000.0);
                for (const qint64 mark : {1'000'000LL, 2'000'000LL, 5'000'000LL, 10'000'000LL})
                    if (done == mark)
                        state.counters["rss_MB_at_" + std::to_string(mark / 1'000'000) + "M"] = rss;
            }
        }
        auto fold = p.room->fusionHead();
        state.counters["fusion_reports"] = double(p.fusion->fuser().reportsRemembered());
        state.counters["fusion_incidents"] = double(p.fusion->fuser().incidentsRemembered());
        if (fold) {
            state.counters["trail"] = double((*fold)->fusionTrail.size());
            state.counters["open_incidents"] = double((*fold)->incidents.size());
        }
        if (auto *store = dynamic_cast<SqliteLogStore *>(&p.room->store()))
            state.counters["seen_in_memory"] = double(store->seenInMemory());
        state.counters["entries"] = double(p.room->store().lastSeq());
        state.counters["room_GB"] = double(QFileInfo(p.room->path()).size()) / 1e9;
    }
    state.SetItemsProcessed(qint64(state.iterations()) * total);
    state.SetLabel(allocatorName());
}
BENCHMARK(BM_FeedMemory)->Arg(1'000'000)->Arg(10'000'000)->Unit(benchmark::kSecond)->Iterations(1);
