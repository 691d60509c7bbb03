#pragma once
// Pausing a feed. A desk appends a `feed.control` entry (data.feed: the feed's source as the Feeds dock
// names it, data.action: "pause" or "resume"); every ingestion path (vigie-cli ingest, listen, the drop
// folder) reads these entries before each batch and sets aside the input of a paused feed in the quarantine,
// saying who paused it and when. Nothing is lost, nothing of it reaches the log, and the log keeps who
// decided what.
#include "log/entry.h"
#include "store/log_store.h"

#include <map>

namespace vigie::feeds {

inline constexpr QLatin1String feedControlKind("feed.control");

struct FeedPause
{
    QString author;
    Timestamp since; ///< event time of the pause entry
    qint64 seq = 0;  ///< the pause entry
};

/// The entry that pauses (or resumes) `feed`, by `author` at `time`.
[[nodiscard]] Entry feedControlDraft(const QString &feed, bool pause, const QString &author, Timestamp time);

/// Which feeds are paused: the latest `feed.control` entry of each feed decides.
class FeedControls
{
public:
    /// Reads the `feed.control` entries appended since the last call (the whole log the first time).
    [[nodiscard]] Result<void> refresh(const LogStore &store);
    /// The pause in force for `feed`, or null.
    [[nodiscard]] const FeedPause *paused(const QString &feed) const;
    [[nodiscard]] const std::map<QString, FeedPause> &pausedFeeds() const { return m_paused; }

private:
    qint64 m_afterSeq = 0;
    std::map<QString, FeedPause> m_paused;
};

/// The quarantine reason of input set aside because its feed is paused.
[[nodiscard]] QString pausedReason(const FeedPause &pause);

} // namespace vigie::feeds
