#pragma once
// The picture at a chosen time t, for replaying a room: the same as foldFromScratch(store, t) (the entries
// whose event time is <= t, applied in seq order), kept cheap when t moves forward a little at a time.
//
// Why not pictureAt at every frame: it restores a snapshot (parsing its JSON) and replays the entries after
// it, 30 ms on a 1M-entry log whose snapshots are small, 260 ms of CPU where the fusion trail makes them
// megabytes (tests/bench/replay.md); playing at 60 frames a second needs far less. Why not apply the entries
// of (t1, t2] to the picture at t1: entries reach the log late (a report written up a minute after the fact),
// so an entry of (t1, t2] may come before, in seq order, entries the picture at t1 already holds, and the
// fold applies entries in seq order. In the benchmark's log (1 % of entries up to a minute late) some
// entry of the last minute is almost always still to come, so that shortcut would almost never hold.
//
// What the cursor keeps instead is the *prefix*: the fold of entries 1..q, where every entry up to q has an
// event time <= t (q never passes an entry later than t). Then
//     fold(entries with time <= t, seq order) = prefix, then the entries after q with time <= t, seq order
// because the entries up to q are all in the set and all come first. The entries after q with time <= t
// (the *tail*: late entries, and those just behind the first entry later than t) are few: they lie in the
// one or two time blocks after q. Moving forward, the prefix only grows (an entry <= t1 is <= t2), entry by
// entry; the tail is applied to a copy of it. Moving back before the prefix's latest event time, or far
// forward (more than a minute past the prefix, when a snapshot lies past it), the prefix is taken again from
// the best snapshot: a snapshot after entry s whose maxEventTime is <= t is a valid prefix, every entry up
// to s being <= t. tests/core/test_replay_cursor.cpp checks the result against foldFromScratch at random
// times of a log with late entries, walking forward (where the naive step is shown to differ) and back.
#include "picture/picture.h"
#include "store/log_store.h"

#include <deque>
#include <limits>
#include <memory>
#include <optional>
#include <vector>

namespace vigie {

/// One picture of a replay.
struct ReplayFrame
{
    Timestamp at;
    Picture picture;
    /// The latest entries of the picture (event time <= at), in seq order, at most ReplayCursor's `keep`:
    /// what the log shows at that time.
    std::vector<Entry> recent;
    bool restored = false; ///< the prefix was taken again from a snapshot (a jump), not moved forward
    qint64 read = 0;       ///< entries read from the store for this frame
};

class ReplayCursor
{
public:
    /// Reads `store` (which must outlive the cursor, on the caller's thread); `keep` entries for the log.
    explicit ReplayCursor(const LogStore &store, int keep = 200) : m_store(store), m_keep(keep) {}

    /// The picture at `t`, from the entries up to `horizon` only (the console folds no entry it has not
    /// verified: the horizon is its live picture's last seq).
    [[nodiscard]] Result<ReplayFrame> frameAt(Timestamp t,
                                              qint64 horizon = std::numeric_limits<qint64>::max());
    /// Forgets the prefix: the log's end was replaced (a desk's replica rewound to its server's chain).
    void reset();
    /// The prefix's last seq (for tests and the benchmark's report).
    [[nodiscard]] qint64 prefixSeq() const { return m_prefix.lastSeq; }

private:
    /// Takes the prefix again from the best snapshot for `t`, or from the empty picture.
    [[nodiscard]] Result<void> restore(Timestamp t, qint64 horizon);
    [[nodiscard]] Result<void> restore(const std::optional<Snapshot> &snapshot, qint64 horizon);
    /// Moves the prefix forward while the next entry is <= t; false when `budget` entries were read and more
    /// may follow.
    [[nodiscard]] Result<bool> advance(Timestamp t, qint64 horizon, qint64 budget, qint64 &read);
    /// Reads the last `keep` entries of the prefix again (after a restore).
    [[nodiscard]] Result<void> refillRecent(qint64 &read);

    const LogStore &m_store;
    int m_keep;
    Picture m_prefix;
    std::deque<Entry> m_recent; ///< the prefix's last `keep` entries
};

} // namespace vigie
