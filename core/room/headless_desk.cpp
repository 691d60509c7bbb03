#include "room/headless_desk.h"

#include "log/entry_kinds.h"
#include "room/picture_manager.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QThread>

#include <algorithm>
#include <cmath>

namespace vigie {

namespace {

qint64 wallMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

double nearestRank(std::vector<double> sorted, double p)
{
    if (sorted.empty())
        return 0;
    std::sort(sorted.begin(), sorted.end());
    // Nearest rank: the smallest value with at least p % of the values at or below it.
    const auto rank = std::size_t(std::ceil(p / 100.0 * double(sorted.size())));
    return sorted[std::clamp<std::size_t>(rank, 1, sorted.size()) - 1];
}

} // namespace

double DeskReport::percentile(double p) const
{
    return nearestRank(latenciesMs, p);
}

double DeskReport::foldPercentile(double p) const
{
    return nearestRank(foldLatenciesMs, p);
}

Result<DeskReport> runDesk(Room &room, const DeskOptions &options, const std::function<bool()> &keepGoing)
{
    return runDesk(DeskIo{[&room](std::vector<Entry> drafts) { return room.append(std::move(drafts)); },
                          room.store(), room.clock()},
                   options, keepGoing);
}

Result<DeskReport> runDesk(const DeskIo &io, const DeskOptions &options,
                           const std::function<bool()> &keepGoing)
{
    DeskReport report;
    // The console's fold of what the desk follows: no writer (it writes no snapshot and reports no
    // conflict), polled right after each look rather than on a timer.
    PictureManager folded(io.follow, io.clock, options.name);
    if (auto loaded = folded.load(); !loaded)
        return loaded.error();
    QObject::connect(&folded, &PictureManager::entriesAppended, &folded,
                     [&report, &options](const std::vector<Entry> &entries) {
                         const qint64 now = wallMs();
                         for (const Entry &e : entries) {
                             const QString desk = e.data.value(QStringLiteral("desk")).toString();
                             if (e.kind == kinds::note && !desk.isEmpty() && desk != options.name)
                                 report.foldLatenciesMs.push_back(
                                     double(std::max<qint64>(0, now - e.recordTime.msecs)));
                         }
                     });
    qint64 followed = folded.livePicture().lastSeq;
    QElapsedTimer clock;
    clock.start();
    const double writeMs = options.seconds * 1000.0;
    const double stopMs = writeMs + options.drainSeconds * 1000.0;
    qint64 due = 0; // notes due so far at the desk's pace
    while (double(clock.elapsed()) < stopMs && (!keepGoing || keepGoing())) {
        const double now = double(clock.elapsed());
        due = now < writeMs ? qint64(now / 1000.0 * options.perSecond) + 1
                            : qint64(options.seconds * options.perSecond);
        if (report.written < due) {
            std::vector<Entry> drafts;
            for (qint64 n = report.written; n < due; ++n) {
                Entry e;
                e.kind = kinds::note;
                e.author = options.name;
                e.role = QStringLiteral("desk");
                e.agency = options.agency;
                e.eventTime = io.clock.now();
                e.data = QJsonObject{
                    {QStringLiteral("text"), QStringLiteral("%1 : point %2").arg(options.name).arg(n + 1)},
                    {QStringLiteral("desk"), options.name},
                    {QStringLiteral("n"), n + 1}};
                drafts.push_back(std::move(e));
            }
            // The other desks measure from the entries' record time: stamped by the room as it commits them,
            // or by the desk's link as it queues them.
            auto stored = io.write(std::move(drafts));
            if (!stored)
                return stored.error();
            report.written += qint64(stored->size());
            if (io.written)
                io.written(*stored);
        }
        EntryQuery query;
        query.afterSeq = followed;
        auto r = io.follow.read(query, [&](const Entry &e) {
            followed = e.seq;
            const QString desk = e.data.value(QStringLiteral("desk")).toString();
            if (e.kind == kinds::note && !desk.isEmpty() && desk != options.name) {
                ++report.seen;
                report.latenciesMs.push_back(double(std::max<qint64>(0, wallMs() - e.recordTime.msecs)));
            }
            return true;
        });
        if (!r)
            return r.error();
        folded.poll();
        QThread::msleep(ulong(options.pollMs));
    }
    report.lastSeq = followed;
    return report;
}

} // namespace vigie
