#include "picture/replay_cursor.h"

#include "picture/picture_seeker.h"

#include <algorithm>

namespace vigie {

namespace {

/// Entries read per query while the prefix moves forward.
constexpr qint64 walkBudget = 4096;
/// How far ahead of the prefix's latest event time t must be before a snapshot is looked for. Playing moves
/// by at most 10 s a frame (×600 at 60 frames a second): those frames never pay for the look, a jump does.
constexpr qint64 lookAheadMs = 60'000;

} // namespace

void ReplayCursor::reset()
{
    m_prefix = Picture{};
    m_recent.clear();
}

Result<void> ReplayCursor::restore(Timestamp t, qint64 horizon)
{
    auto snapshot = m_store.snapshotFor(t);
    if (!snapshot)
        return snapshot.error();
    return restore(*snapshot, horizon);
}

Result<void> ReplayCursor::restore(const std::optional<Snapshot> &snapshot, qint64 horizon)
{
    m_prefix = Picture{};
    m_recent.clear();
    // A snapshot of an earlier format lacks what the fold keeps now (as pictureAt): start from nothing.
    if (snapshot && snapshot->seq <= horizon && Picture::isCurrentSnapshot(snapshot->picture)) {
        auto restored = deserialisePicture(snapshot->picture);
        if (!restored)
            return restored.error();
        m_prefix = std::move(*restored);
    }
    return {};
}

Result<bool> ReplayCursor::advance(Timestamp t, qint64 horizon, qint64 budget, qint64 &read)
{
    EntryQuery query;
    query.afterSeq = m_prefix.lastSeq;
    query.limit = std::min(budget, horizon - m_prefix.lastSeq);
    if (query.limit <= 0)
        return true;
    bool stopped = false;
    qint64 seen = 0;
    auto r = m_store.read(query, [&](const Entry &e) {
        ++seen;
        if (e.seq > horizon || e.eventTime.msecs > t.msecs) {
            stopped = true; // the first entry later than t ends the prefix
            return false;
        }
        m_prefix.apply(e);
        m_recent.push_back(e);
        if (int(m_recent.size()) > m_keep)
            m_recent.pop_front();
        return true;
    });
    read += seen;
    if (!r)
        return r.error();
    return stopped || seen < query.limit;
}

Result<void> ReplayCursor::refillRecent(qint64 &read)
{
    m_recent.clear();
    EntryQuery query;
    query.afterSeq = std::max<qint64>(0, m_prefix.lastSeq - m_keep);
    query.limit = m_prefix.lastSeq - query.afterSeq;
    if (query.limit <= 0)
        return {};
    auto r = m_store.read(query, [this, &read](const Entry &e) {
        ++read;
        m_recent.push_back(e);
        return true;
    });
    if (!r)
        return r.error();
    return {};
}

Result<ReplayFrame> ReplayCursor::frameAt(Timestamp t, qint64 horizon)
{
    ReplayFrame frame;
    frame.at = t;
    // The prefix must hold only entries <= t: going back before its latest event time, or past the horizon
    // (the log was cut), it is taken again.
    if (m_prefix.maxEventTime.msecs > t.msecs || m_prefix.lastSeq > horizon) {
        if (auto r = restore(t, horizon); !r)
            return r.error();
        frame.restored = true;
    }
    // Far ahead of the prefix, a snapshot nearer t may spare folding thousands of entries: the best one is
    // looked at first (one indexed row), and taken when it is past the prefix.
    if (!frame.restored && t.msecs - m_prefix.maxEventTime.msecs > lookAheadMs) {
        auto snapshot = m_store.snapshotFor(t);
        if (!snapshot)
            return snapshot.error();
        if (snapshot->has_value() && (*snapshot)->seq > m_prefix.lastSeq + m_keep &&
            (*snapshot)->seq <= horizon) {
            if (auto r = restore(*snapshot, horizon); !r)
                return r.error();
            frame.restored = true;
        }
    }
    for (;;) {
        auto done = advance(t, horizon, walkBudget, frame.read);
        if (!done)
            return done.error();
        if (*done)
            break;
    }
    if (frame.restored && int(m_recent.size()) < m_keep) // the walk from the snapshot did not fill them
        if (auto r = refillRecent(frame.read); !r)
            return r.error();

    // The tail: entries after the prefix that are <= t (the time blocks keep this to the blocks after q).
    std::vector<Entry> tail;
    if (m_prefix.lastSeq < horizon) {
        EntryQuery query;
        query.afterSeq = m_prefix.lastSeq;
        query.until = t;
        auto r = m_store.read(query, [&tail, &frame, horizon](const Entry &e) {
            ++frame.read;
            if (e.seq > horizon)
                return false;
            tail.push_back(e);
            return true;
        });
        if (!r)
            return r.error();
    }
    frame.picture = m_prefix;
    for (const Entry &e : tail)
        frame.picture.apply(e);

    // The log's view: the prefix's last entries and the tail, the latest `keep` of them.
    const std::size_t total = m_recent.size() + tail.size();
    const std::size_t skip = total > std::size_t(m_keep) ? total - std::size_t(m_keep) : 0;
    frame.recent.reserve(total - skip);
    std::size_t i = 0;
    for (const Entry &e : m_recent)
        if (i++ >= skip)
            frame.recent.push_back(e);
    for (Entry &e : tail)
        if (i++ >= skip)
            frame.recent.push_back(std::move(e));
    return frame;
}

} // namespace vigie
