#include "store/activity.h"

#include "store/sqlite_db.h"

#include <algorithm>

namespace vigie {

qint64 Activity::total() const
{
    qint64 sum = 0;
    for (qint64 c : counts)
        sum += c;
    return sum;
}

qint64 Activity::bucketMs() const
{
    if (counts.empty())
        return 1;
    const qint64 span = last.msecs - first.msecs + 1;
    return std::max<qint64>(1, (span + qint64(counts.size()) - 1) / qint64(counts.size()));
}

Result<Activity> logActivity(const QString &roomPath, int buckets, qint64 upToSeq)
{
    if (buckets <= 0)
        return Error{QStringLiteral("activity of %1: %2 buckets asked, at least one is needed")
                         .arg(roomPath)
                         .arg(buckets)};
    auto db = sql::Database::open(roomPath, sql::Database::Mode::ReadOnly);
    if (!db)
        return db.error();
    Activity out;
    // The span from the time blocks (one row per 4096 entries, schema v6) rather than a scan of the entries:
    // min() and max() of event_time have no index to use since v6 dropped it.
    auto span = db->prepare("SELECT min(min_event_time), max(max_event_time), count(*) FROM time_blocks");
    if (!span)
        return span.error();
    if (span->step() != sql::Statement::Step::Row || span->int64(2) == 0)
        return out;
    out.first = Timestamp{span->int64(0)};
    out.last = Timestamp{span->int64(1)};
    out.counts.assign(std::size_t(buckets), 0);
    const qint64 width = out.bucketMs();
    auto count = db->prepare("SELECT (event_time - ?1) / ?2 AS bucket, count(*) FROM entries WHERE seq <= ?3 "
                             "GROUP BY bucket");
    if (!count)
        return count.error();
    count->bind(1, out.first.msecs);
    count->bind(2, width);
    count->bind(3, upToSeq);
    for (;;) {
        const auto step = count->step();
        if (step == sql::Statement::Step::Done)
            break;
        if (step == sql::Statement::Step::Error)
            return Error{QStringLiteral("%1: counting the log's activity failed: %2")
                             .arg(roomPath, count->lastError())};
        const qint64 bucket = std::clamp<qint64>(count->int64(0), 0, buckets - 1);
        out.counts[std::size_t(bucket)] += count->int64(1);
    }
    return out;
}

} // namespace vigie
