#pragma once
// Seeking the picture at any time: the fold of all entries whose event time is <= t, applied in seq order.
// Snapshots every N entries make that cheap: take the last snapshot whose entries are all at or before t,
// then apply only the later entries at or before t.
#include "picture/picture.h"
#include "store/log_store.h"

namespace vigie {

/// Folds the whole log from the start (entries with event time <= until, if given). The reference result.
[[nodiscard]] Result<Picture> foldFromScratch(const LogStore &store, std::optional<Timestamp> until = {});
/// The picture at event time t, starting from the best snapshot.
[[nodiscard]] Result<Picture> pictureAt(const LogStore &store, Timestamp t);
/// The picture after the last entry (live view).
[[nodiscard]] Result<Picture> latestPicture(const LogStore &store);

[[nodiscard]] QByteArray serialisePicture(const Picture &picture);
[[nodiscard]] Result<Picture> deserialisePicture(const QByteArray &bytes);

/// Keeps the head picture in memory and writes snapshots of it: one after `every` entries, or after more when
/// the picture is large. A snapshot is a whole copy of the picture, so with one every 4096 entries a picture
/// that only grows (a stream whose incidents are never closed) would cost more to copy, and more room file,
/// at every snapshot. A snapshot is therefore due after max(`every`, size of the last one / `bytesPerEntry`)
/// entries: copying it costs at most `bytesPerEntry` bytes per entry appended, whatever the picture's size,
/// and a seek replays at most that many entries after it, in proportion to the snapshot it restores first.
/// A `bytesPerEntry` of 0 keeps the interval fixed. The size of a snapshot written by an earlier process is
/// not read back: the first one after a restart comes after `every` entries.
class SnapshotKeeper
{
public:
    explicit SnapshotKeeper(qint64 every = 4096, qint64 bytesPerEntry = 64)
        : m_every(every), m_bytesPerEntry(bytesPerEntry)
    {}
    /// Brings the head picture up to the store's last entry, writing snapshots on the way. An error from
    /// writing a snapshot leaves the head up to date: snapshots are a cache, the caller may only warn.
    [[nodiscard]] Result<void> catchUp(LogStore &store);
    /// Applies entries just appended (must follow the head) and writes snapshots as due; the same errors.
    [[nodiscard]] Result<void> applyAppended(LogStore &store, const std::vector<Entry> &entries);
    [[nodiscard]] const std::optional<Picture> &head() const { return m_head; }

private:
    /// Writes a snapshot of the head if one is due. A failure is returned but skips that snapshot only.
    [[nodiscard]] Result<void> snapshotIfDue(LogStore &store);
    /// Entries to apply to the head before the next snapshot is due (at least 1).
    [[nodiscard]] qint64 entriesUntilDue() const;
    qint64 m_every;
    qint64 m_bytesPerEntry;
    qint64 m_lastSnapshotSeq = 0;
    qint64 m_lastSnapshotBytes = 0; ///< 0 when not known (no snapshot written by this keeper yet)
    std::optional<Picture> m_head;
};

} // namespace vigie
