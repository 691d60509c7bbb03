#pragma once
// Fusion on ingest: the reports of each feed batch are placed by the Fuser just before their append. A
// report that joins another source's incident names that incident (its own id kept as "source_incident")
// and its message carries a "fusion.merge" entry with the reason and the confidence, in the same
// transaction: a duplicate message drops both, and the picture folds one incident per fused incident
// without knowing fusion. The Fuser follows the process's one fold of the log (Room::head), through the
// entries it keeps for fusion (Picture::fusionTrail, read from the log at start): successive `vigie-cli
// ingest` runs and a long `listen` fuse alike, what other processes and desks appended included, without
// reading the log a second time.
#include "feeds/ingestor.h"
#include "fusion/fuser.h"

#include <QHash>
#include <QSet>

#include <deque>

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

    /// Brings the Fuser up to the picture `head` (a fold of the room's log): the reports, closes and desk
    /// corrections it holds that this object has not seen yet, the ones it placed itself excepted.
    void follow(const Picture &head);
    /// Places the reports of a batch about to be appended (see the file comment).
    FusionSummary place(std::vector<FeedArrival> &arrivals);
    /// Makes `ingestor` fuse every batch it appends from now on, following `room`'s fold up to that batch;
    /// the running totals go to `summary`. A fold that cannot be read leaves the Fuser where it was.
    void attach(feeds::Ingestor &ingestor, Room &room, FusionSummary &summary);
    [[nodiscard]] const Fuser &fuser() const { return m_fuser; }

private:
    /// Forgets the messages and entries placed that fusion no longer remembers (Fuser::horizon).
    void forgetPlaced();

    Fuser m_fuser;
    /// Feed keys (as stored, "feed_key") of the messages placed: a replayed message is not placed twice.
    /// Kept as long as fusion remembers their reports; m_placedOrder says when they leave.
    QSet<QString> m_placed;
    std::deque<std::pair<qint64, QString>> m_placedOrder; ///< (time, key), in the order placed
    /// Entries this object placed (observed or closed) before they were appended, with their time: followed,
    /// they are skipped. One whose append failed is never followed: it leaves with fusion's memory.
    QHash<QUuid, qint64> m_placedIds;
    std::size_t m_placedIdsSwept = 0; ///< m_placedIds's size after its last sweep
    std::size_t m_followed = 0;       ///< Picture::fusionTrail entries followed (counted from its first ever)
};

} // namespace vigie::fusion
