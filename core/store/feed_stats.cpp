#include "store/feed_stats.h"

#include "store/sqlite_db.h"

#include <QCoreApplication>

#include <map>

namespace vigie {

Result<std::vector<FeedSourceStats>> feedStats(const QString &roomPath, Timestamp since)
{
    auto db = sql::Database::open(roomPath, sql::Database::Mode::ReadOnly);
    if (!db)
        return db.error();
    std::map<QString, FeedSourceStats> bySource;
    auto seen = db->prepare("SELECT source, COUNT(*), SUM(count), MIN(first_seen), MAX(last_seen), "
                            "SUM(last_seen >= ?) FROM feed_seen GROUP BY source");
    if (!seen)
        return Error{QStringLiteral("%1: no feed bookkeeping in this room file (%2)")
                         .arg(roomPath, seen.error().message)};
    seen->bind(1, since.msecs);
    sql::Statement::Step step;
    while ((step = seen->step()) == sql::Statement::Step::Row) {
        FeedSourceStats &s = bySource[seen->text(0)];
        s.source = seen->text(0);
        s.messages = seen->int64(1);
        s.arrivals = seen->int64(2);
        s.firstSeen = Timestamp{seen->int64(3)};
        s.lastSeen = Timestamp{seen->int64(4)};
        s.recent = seen->int64(5);
    }
    // A read that stopped on an error says so: counts cut short would pass for the feeds' own.
    if (step == sql::Statement::Step::Error)
        return Error{
            QCoreApplication::translate("vigie::store", "%1: reading the feed bookkeeping failed: %2")
                .arg(roomPath, seen->lastError())};
    auto refused = db->prepare("SELECT source, COUNT(*), MAX(received) FROM quarantine GROUP BY source");
    if (!refused)
        return refused.error();
    while ((step = refused->step()) == sql::Statement::Step::Row) {
        FeedSourceStats &s = bySource[refused->text(0)];
        s.source = refused->text(0);
        s.quarantined = refused->int64(1);
        s.lastRefused = Timestamp{refused->int64(2)};
    }
    if (step == sql::Statement::Step::Error)
        return Error{QCoreApplication::translate("vigie::store", "%1: reading the quarantine failed: %2")
                         .arg(roomPath, refused->lastError())};
    std::vector<FeedSourceStats> out;
    out.reserve(bySource.size());
    for (auto &[source, stats] : bySource)
        out.push_back(std::move(stats));
    return out;
}

} // namespace vigie
