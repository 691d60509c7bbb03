// Entries are unique by id in a SQLite room as in a shared one: a batch appended again (a retry, a replay of
// a desk's queue) returns what is stored instead of storing it twice.
#include "store/sqlite_log_store.h"

#include <QtEndian>

#include <algorithm>

namespace vigie {

namespace {

quint64 idKey(const QUuid &id)
{
    return ((quint64(id.data1) << 32) | (quint64(id.data2) << 16) | id.data3) ^
           qFromBigEndian<quint64>(id.data4);
}

} // namespace

QString SqliteLogStore::loadIdsLocked()
{
    auto rows = m_statements.take("SELECT seq, uuid FROM entries WHERE seq > ? ORDER BY seq");
    if (!rows)
        return rows.error().message;
    sql::Statement &r = **rows;
    r.bind(1, m_idsUpto);
    sql::Statement::Step step;
    while ((step = r.step()) == sql::Statement::Step::Row) {
        m_idsUpto = r.int64(0);
        m_ids.insert(idKey(QUuid::fromRfc4122(r.bytes(1))), m_idsUpto);
    }
    const QString why = step == sql::Statement::Step::Done ? QString() : r.lastError();
    r.reset();
    return why;
}

QString SqliteLogStore::takeStoredLocked(std::vector<Entry> &drafts, std::vector<Placed> &placed)
{
    placed.clear();
    // Drafts without an id get a new one at insertion: nothing to look up.
    if (std::all_of(drafts.begin(), drafts.end(), [](const Entry &d) { return d.id.isNull(); }))
        return {};
    if (const QString problem = loadIdsLocked(); !problem.isEmpty())
        return problem;
    std::vector<Entry> fresh;
    QHash<QUuid, std::size_t> freshIds;
    placed.reserve(drafts.size());
    for (Entry &d : drafts) {
        if (!d.id.isNull()) {
            std::optional<Entry> found;
            const quint64 key = idKey(d.id);
            for (auto it = m_ids.constFind(key); it != m_ids.cend() && it.key() == key && !found; ++it) {
                EntryQuery at;
                at.afterSeq = it.value() - 1;
                at.limit = 1;
                auto stored = read(at);
                if (!stored)
                    return stored.error().message;
                if (!stored->empty() && stored->front().id == d.id)
                    found = std::move(stored->front());
            }
            if (found) {
                placed.push_back({std::move(found), 0});
                continue;
            }
            if (const auto again = freshIds.constFind(d.id); again != freshIds.constEnd()) {
                placed.push_back({std::nullopt, *again});
                continue;
            }
            freshIds.insert(d.id, fresh.size());
        }
        placed.push_back({std::nullopt, fresh.size()});
        fresh.push_back(std::move(d));
    }
    drafts = std::move(fresh);
    return {};
}

std::vector<Entry> SqliteLogStore::placeStored(std::vector<Entry> fresh, std::vector<Placed> placed)
{
    if (placed.empty())
        return fresh;
    std::vector<Entry> out;
    out.reserve(placed.size());
    for (Placed &p : placed)
        out.push_back(p.stored ? std::move(*p.stored) : fresh[p.fresh]);
    return out;
}

} // namespace vigie
