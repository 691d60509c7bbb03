#include "store/log_store.h"

namespace vigie {

Result<std::vector<Entry>> LogStore::read(const EntryQuery &query) const
{
    std::vector<Entry> out;
    auto r = read(query, [&out](const Entry &e) {
        out.push_back(e);
        return true;
    });
    if (!r)
        return r.error();
    return out;
}

Result<VerifyReport> LogStore::verifyAfter(qint64, qint64) const
{
    // A store that cannot start from a given entry checks them all: slower, never less.
    return verify();
}

Result<FeedAppend> LogStore::appendFeed(std::vector<FeedArrival> arrivals, Timestamp,
                                        std::vector<QuarantineItem>)
{
    return Error{QStringLiteral("%1: this room store keeps no feed bookkeeping; use a SQLite room")
                     .arg(arrivals.empty() ? QStringLiteral("feed") : arrivals.front().source)};
}

Result<std::optional<std::vector<FeedRepeats>>> LogStore::feedRepeats() const
{
    return std::optional<std::vector<FeedRepeats>>{};
}

} // namespace vigie
