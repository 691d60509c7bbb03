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

/// Keeps the head picture in memory and writes a snapshot every `every` entries.
class SnapshotKeeper
{
public:
    explicit SnapshotKeeper(qint64 every = 4096) : m_every(every) {}
    /// Brings the head picture up to the store's last entry, writing snapshots on the way.
    [[nodiscard]] Result<void> catchUp(LogStore &store);
    /// Applies entries just appended (must follow the head) and writes snapshots as due.
    [[nodiscard]] Result<void> applyAppended(LogStore &store, const std::vector<Entry> &entries);
    [[nodiscard]] const std::optional<Picture> &head() const { return m_head; }

private:
    [[nodiscard]] Result<void> snapshotIfDue(LogStore &store);
    qint64 m_every;
    qint64 m_lastSnapshotSeq = 0;
    std::optional<Picture> m_head;
};

} // namespace vigie
