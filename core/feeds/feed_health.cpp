#include "feeds/feed_health.h"

#include <algorithm>

namespace vigie::feeds {

QString FeedHealth::feedOf(const Entry &entry)
{
    if (!entry.data.contains(QLatin1String("feed_key")))
        return {};
    const QString feed = entry.data.value(QLatin1String("feed_source")).toString();
    return feed.isEmpty() ? entry.author : feed;
}

void FeedHealth::applyOne(const Entry &entry)
{
    m_appliedUpTo = entry.seq;
    const QString feed = feedOf(entry);
    if (feed.isEmpty())
        return;
    Source &s = m_sources[feed];
    const QString key = entry.data.value(QLatin1String("feed_key")).toString();
    if (key == s.lastKey)
        return; // another entry of the same message
    s.lastKey = key;
    ++s.messages;
    const qint64 at = entry.recordTime.msecs;
    s.lastArrival = std::max(s.lastArrival, entry.recordTime);
    s.recentArrivals.push_back(at);
    // Record times grow with seq: what leaves the window here never comes back into it.
    while (!s.recentArrivals.empty() && s.recentArrivals.front() < at - m_windowMs)
        s.recentArrivals.pop_front();
}

void FeedHealth::apply(const std::vector<Entry> &entries)
{
    for (const Entry &e : entries) {
        if (e.seq <= m_appliedUpTo)
            continue;
        if (e.seq != m_appliedUpTo + 1)
            return; // a gap: catchUp reads it
        applyOne(e);
    }
}

Result<bool> FeedHealth::catchUp(const LogStore &store, qint64 upToSeq, qint64 limit)
{
    if (m_appliedUpTo >= upToSeq)
        return true;
    EntryQuery query;
    query.afterSeq = m_appliedUpTo;
    query.limit = std::min(limit, upToSeq - m_appliedUpTo);
    auto r = store.read(query, [this](const Entry &e) {
        applyOne(e);
        return true;
    });
    if (!r)
        return r.error();
    return m_appliedUpTo >= upToSeq;
}

Result<bool> FeedHealth::readQuarantine(const LogStore &store, qint64 limit)
{
    auto items = store.quarantinedAfter(m_quarantineUpTo, limit);
    if (!items)
        return items.error();
    for (QuarantineItem &item : *items) {
        m_quarantineUpTo = std::max(m_quarantineUpTo, item.id);
        Source &s = m_sources[item.source];
        ++s.quarantined;
        s.lastRefused = std::max(s.lastRefused, item.received);
        item.input.clear(); // the dock shows where and why, not the bytes
        s.refused.push_back(std::move(item));
        if (s.refused.size() > m_keptRefused)
            s.refused.pop_front();
    }
    return qint64(items->size()) < limit;
}

Result<void> FeedHealth::readRepeats(const LogStore &store)
{
    auto repeats = store.feedRepeats();
    if (!repeats)
        return repeats.error();
    m_repeats = std::move(*repeats);
    return {};
}

std::vector<FeedHealthRow> FeedHealth::rows(Timestamp now) const
{
    std::vector<FeedHealthRow> out;
    out.reserve(m_sources.size());
    for (const auto &[source, s] : m_sources) {
        FeedHealthRow row;
        row.source = source;
        row.messages = s.messages;
        row.quarantined = s.quarantined;
        row.lastMessage = s.lastArrival;
        row.lastRefused = s.lastRefused;
        const qint64 since = now.msecs - m_windowMs;
        row.recent = qint64(std::count_if(s.recentArrivals.begin(), s.recentArrivals.end(),
                                          [since](qint64 at) { return at >= since; }));
        if (m_repeats) {
            row.repeats = 0;
            for (const FeedRepeats &r : *m_repeats)
                if (r.source == source) {
                    row.repeats = r.repeats;
                    row.lastMessage = std::max(row.lastMessage, r.lastRepeat);
                }
        }
        out.push_back(std::move(row));
    }
    return out;
}

const std::deque<QuarantineItem> &FeedHealth::latestRefused(const QString &source) const
{
    static const std::deque<QuarantineItem> none;
    const auto it = m_sources.find(source);
    return it == m_sources.end() ? none : it->second.refused;
}

} // namespace vigie::feeds
