#pragma once
// Fusion on ingest: the reports of each feed batch are placed by the Fuser just before their append. A
// report that joins another source's incident names that incident (its own id kept as "source_incident")
// and its message carries a "fusion.merge" entry with the reason and the confidence, in the same
// transaction: a duplicate message drops both, and the picture folds one incident per fused incident
// without knowing fusion. The Fuser's state is rebuilt from the log when a process starts, so successive
// `vigie-cli ingest` runs and a long `listen` fuse alike.
#include "feeds/ingestor.h"
#include "fusion/fuser.h"

#include <QSet>

namespace vigie::fusion {

struct FusionSummary
{
    qint64 reports = 0; ///< reports placed
    qint64 merges = 0;  ///< reports that joined another source's incident (one decision entry each)
};

class FeedFusion
{
public:
    explicit FeedFusion(FusionConfig config = {}) : m_fuser(config) {}

    /// Replays the reports and desk corrections already in the log (nothing is appended).
    [[nodiscard]] Result<void> load(const LogStore &store);
    /// Applies the desk corrections appended since the last load or refresh (by any process).
    [[nodiscard]] Result<void> refresh(const LogStore &store);
    /// Places the reports of a batch about to be appended (see the file comment).
    FusionSummary place(std::vector<FeedArrival> &arrivals);
    /// Makes `ingestor` fuse every batch it appends from now on, with the corrections in `store` (its room's)
    /// up to that batch; the running totals go to `summary`.
    void attach(feeds::Ingestor &ingestor, const LogStore &store, FusionSummary &summary);
    [[nodiscard]] const Fuser &fuser() const { return m_fuser; }

private:
    Fuser m_fuser;
    /// Feed keys (as stored, "feed_key") of the messages placed: a replayed message is not placed twice.
    QSet<QString> m_placed;
    qint64 m_afterSeq = 0; ///< corrections up to this seq are applied
};

} // namespace vigie::fusion
