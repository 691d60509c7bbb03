#pragma once
// Seeking the picture at any time: the fold of all entries whose event time is <= t, applied in seq order.
// Snapshots every N entries make that cheap: take the last snapshot whose entries are all at or before t,
// then apply only the later entries at or before t.
#include "picture/picture.h"
#include "store/log_store.h"

#include <algorithm>
#include <limits>
#include <optional>

namespace vigie {

/// Folds the whole log from the start (entries with event time <= until, if given). The reference result.
[[nodiscard]] Result<Picture> foldFromScratch(const LogStore &store, std::optional<Timestamp> until = {});
/// The picture at event time t, starting from the best snapshot; entries after `lastSeq` are left out (a
/// snapshot past it too).
[[nodiscard]] Result<Picture> pictureAt(const LogStore &store, Timestamp t,
                                        qint64 lastSeq = std::numeric_limits<qint64>::max());
/// The picture after the last entry (live view).
[[nodiscard]] Result<Picture> latestPicture(const LogStore &store);

/// Where the log stops verifying: the first entry whose hash, link or page is bad, and what is wrong.
struct LogDamage
{
    qint64 seq = 0;
    QString problem;
};

/// A picture folded only from entries that verify, and the damage that stopped it, if any.
struct CheckedPicture
{
    Picture picture;
    std::optional<LogDamage> damage;
};

/// The picture at event time t (default: after the last entry) folded only from entries that verify: the
/// entries after the snapshot it starts from are checked first (LogStore::verifyAfter: hash of the content,
/// link to the previous one), and the fold stops before the first that does not. A snapshot was folded from
/// entries that verified when they were appended, and checking the whole log on every open would cost a
/// desk seconds per million entries, each time it opens the room; so only the tail is checked here, as
/// much as the fold reads anyway, and damage further back is `vigie-cli verify`'s to find (the picture
/// command checks the whole chain).
[[nodiscard]] Result<CheckedPicture> checkedPictureAt(const LogStore &store,
                                                      std::optional<Timestamp> t = std::nullopt);

/// Gives `picture` the fusion trail of the entries it folded (Picture::fusionKinds up to its last seq, read
/// from the log: snapshots do not hold it) and makes it keep the trail from now on: the fold of a process
/// whose fusion follows it.
[[nodiscard]] Result<void> restoreFusionTrail(const LogStore &store, Picture &picture);

[[nodiscard]] QByteArray serialisePicture(const Picture &picture);
[[nodiscard]] Result<Picture> deserialisePicture(const QByteArray &bytes);

/// When a snapshot falls due. A snapshot is a whole copy of the picture, so with one every 4096 entries a
/// picture that only grows (a stream whose incidents are never closed) would cost more to copy, and more
/// room file, at every snapshot. A snapshot is therefore due after max(`every`, size of the last one /
/// `bytesPerEntry`) entries: copying it costs at most `bytesPerEntry` bytes per entry appended, whatever the
/// picture's size, and a seek replays at most that many entries after it, in proportion to the snapshot it
/// restores first. A `bytesPerEntry` of 0 keeps the interval fixed. The size of a snapshot written by an
/// earlier process is not read back: the first one after a restart comes after `every` entries. Both folds
/// that write snapshots follow it: SnapshotKeeper (a process that appends: vigie-cli) and the console's
/// PictureManager (room/picture_manager.h), which hands its own picture to its writer thread.
class SnapshotPolicy
{
public:
    explicit SnapshotPolicy(qint64 every = 4096, qint64 bytesPerEntry = 64)
        : m_every(every), m_bytesPerEntry(bytesPerEntry)
    {}
    /// Whether a picture after entry `seq` is due for a snapshot.
    [[nodiscard]] bool due(qint64 seq) const { return seq - m_lastSeq >= interval(); }
    /// Entries to apply after entry `seq` before the next snapshot is due (at least 1).
    [[nodiscard]] qint64 entriesUntilDue(qint64 seq) const
    {
        return std::max<qint64>(1, interval() - (seq - m_lastSeq));
    }
    /// A snapshot after entry `seq` was written, or skipped (a cache: the next falls due as if written);
    /// `bytes` 0 when its size is not known.
    void taken(qint64 seq, qint64 bytes)
    {
        m_lastSeq = seq;
        m_lastBytes = bytes;
    }
    /// The size of the last snapshot, once known (it is serialised after `taken`, on another thread).
    void sized(qint64 bytes) { m_lastBytes = bytes; }
    [[nodiscard]] qint64 lastSeq() const { return m_lastSeq; }

private:
    [[nodiscard]] qint64 interval() const
    {
        return std::max(m_every, m_bytesPerEntry > 0 ? m_lastBytes / m_bytesPerEntry : 0);
    }
    qint64 m_every;
    qint64 m_bytesPerEntry;
    qint64 m_lastSeq = 0;
    qint64 m_lastBytes = 0; ///< 0 when not known (no snapshot written by this process yet)
};

/// Keeps the head picture in memory and writes snapshots of it as SnapshotPolicy says: the fold of a process
/// that appends and has no picture of its own (vigie-cli append, ingest, listen).
class SnapshotKeeper
{
public:
    explicit SnapshotKeeper(qint64 every = 4096, qint64 bytesPerEntry = 64) : m_policy(every, bytesPerEntry)
    {}
    /// Brings the head picture up to the store's last entry, writing snapshots on the way. An error from
    /// writing a snapshot leaves the head up to date: snapshots are a cache, the caller may only warn. A log
    /// that does not verify after the last snapshot gets no more snapshots (an error, returned once).
    [[nodiscard]] Result<void> catchUp(LogStore &store);
    /// Applies entries just appended (must follow the head) and writes snapshots as due; the same errors.
    [[nodiscard]] Result<void> applyAppended(LogStore &store, const std::vector<Entry> &entries);
    [[nodiscard]] const std::optional<Picture> &head() const { return m_head; }
    /// Makes the head keep its fusion trail (restoreFusionTrail), now if it is folded, else when it is.
    [[nodiscard]] Result<void> keepFusionTrail(const LogStore &store);

private:
    /// Writes a snapshot of the head if one is due. A failure is returned but skips that snapshot only.
    [[nodiscard]] Result<void> snapshotIfDue(LogStore &store);
    /// The head was just restored or begun: its trail too, if it is to keep one.
    [[nodiscard]] Result<void> headTaken(const LogStore &store);
    SnapshotPolicy m_policy;
    std::optional<Picture> m_head;
    bool m_damaged = false; ///< the log did not verify: no snapshot is written any more
    bool m_keepTrail = false;
};

/// The snapshot of a picture, as a store keeps it.
[[nodiscard]] Snapshot snapshotOf(const Picture &picture);

} // namespace vigie
