#pragma once
// Feed health for the Feeds dock, read from a room file's bookkeeping tables on a read-only connection of
// its own: feed_seen (one row per distinct message with its arrival count and first/last arrival) and the
// quarantine. It never touches the append path and works while another process (vigie-cli listen) writes.
#include "model/time.h"
#include "util/result.h"

#include <QString>

#include <vector>

namespace vigie {

struct FeedSourceStats
{
    QString source;
    qint64 messages = 0;    ///< distinct messages stored
    qint64 arrivals = 0;    ///< every arrival, repeats included
    qint64 recent = 0;      ///< distinct messages last seen at or after `since`
    qint64 quarantined = 0; ///< inputs refused from this source
    Timestamp firstSeen, lastSeen;
    Timestamp lastRefused;
    [[nodiscard]] qint64 repeats() const { return arrivals - messages; }
};

/// Per source (including sources that only sent refused input), in source order.
[[nodiscard]] Result<std::vector<FeedSourceStats>> feedStats(const QString &roomPath, Timestamp since);

} // namespace vigie
