#pragma once
// How busy the log was over the room's whole span: entries per time bucket, by event time. The replay's
// timeline draws it behind its slider. Counted by SQLite on a read-only connection of its own (one aggregate
// over the entries table, no fold and no entry decoded), so a worker can run it while the room is written.
#include "model/time.h"
#include "util/result.h"

#include <QString>

#include <limits>
#include <vector>

namespace vigie {

struct Activity
{
    Timestamp first; ///< the earliest event time of the log
    Timestamp last;  ///< the latest
    std::vector<qint64>
        counts; ///< entries per bucket; bucket i covers [first + i·width, first + (i+1)·width)
    [[nodiscard]] qint64 total() const;
    /// The width of a bucket in milliseconds (at least 1).
    [[nodiscard]] qint64 bucketMs() const;
};

/// Entries per bucket of the room file `roomPath`, `buckets` buckets over its span, counting only entries up
/// to `upToSeq` (what the console folded). An empty log gives no buckets.
[[nodiscard]] Result<Activity> logActivity(const QString &roomPath, int buckets,
                                           qint64 upToSeq = std::numeric_limits<qint64>::max());

} // namespace vigie
