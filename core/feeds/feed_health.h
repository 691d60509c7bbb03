#pragma once
// Feed health for the Feeds dock, kept up to date from what a console follows already: the entries its
// PictureManager folds (the entries of a feed message carry data.feed_source and data.feed_key) and the
// quarantine, read through the store after the last row seen. Nothing here opens the room file or groups a
// whole table on each refresh: a refresh costs what arrived since the previous one, so it works the same on
// a room file and on a desk's replica of a shared room. Repeats are the exception: only the store that
// received the messages counted them (LogStore::feedRepeats); where they are not known they stay unknown.
#include "store/log_store.h"

#include <deque>
#include <map>
#include <optional>

namespace vigie::feeds {

struct FeedHealthRow
{
    QString source;
    qint64 messages = 0;           ///< distinct messages entered in the log
    std::optional<qint64> repeats; ///< arrivals beyond the first; nothing when not known here
    qint64 recent = 0;             ///< messages entered within the rate window
    qint64 quarantined = 0;        ///< inputs refused from this source
    Timestamp lastMessage;         ///< last message entered, or repeated when known
    Timestamp lastRefused;
};

class FeedHealth
{
public:
    /// The rate counts the messages of the last `rateWindowMs`; the latest `keptRefused` refusals of each
    /// source are kept to be shown.
    explicit FeedHealth(qint64 rateWindowMs = 5 * 60 * 1000, std::size_t keptRefused = 50)
        : m_windowMs(rateWindowMs), m_keptRefused(keptRefused)
    {}
    /// Entries just folded, in seq order; those that do not follow the last one applied are left to
    /// catchUp (which reads them).
    void apply(const std::vector<Entry> &entries);
    /// Reads at most `limit` entries after the last one applied, up to `upToSeq` (what the picture holds);
    /// true once caught up. A console that opens a long room reads its past in steps, not all at once.
    [[nodiscard]] Result<bool> catchUp(const LogStore &store, qint64 upToSeq, qint64 limit = 20000);
    /// Reads the quarantine rows after the last one read (at most `limit`); true once caught up.
    [[nodiscard]] Result<bool> readQuarantine(const LogStore &store, qint64 limit = 5000);
    /// Asks the store for the repeated arrivals it counted (nothing is known on a replica).
    [[nodiscard]] Result<void> readRepeats(const LogStore &store);
    /// Per source, in source order, with the messages of the window ending at `now`.
    [[nodiscard]] std::vector<FeedHealthRow> rows(Timestamp now) const;
    /// The latest refusals of `source` (without their bytes), oldest first.
    [[nodiscard]] const std::deque<QuarantineItem> &latestRefused(const QString &source) const;
    [[nodiscard]] qint64 appliedUpTo() const { return m_appliedUpTo; }
    /// The source of an entry that came from a feed message, or an empty string. Entries written before
    /// data.feed_source was kept name their source by their author.
    [[nodiscard]] static QString feedOf(const Entry &entry);

private:
    struct Source
    {
        qint64 messages = 0;
        QString lastKey;                   ///< the drafts of one message follow each other
        std::deque<qint64> recentArrivals; ///< record times within the window, oldest first
        Timestamp lastArrival;
        qint64 quarantined = 0;
        Timestamp lastRefused;
        std::deque<QuarantineItem> refused; ///< the latest ones
    };
    void applyOne(const Entry &entry);
    qint64 m_windowMs;
    std::size_t m_keptRefused;
    qint64 m_appliedUpTo = 0;
    qint64 m_quarantineUpTo = 0;
    std::map<QString, Source> m_sources;
    std::optional<std::vector<FeedRepeats>> m_repeats;
};

} // namespace vigie::feeds
