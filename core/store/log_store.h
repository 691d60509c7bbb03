#pragma once
// Persistence of a room's log behind one interface: SQLite on a desk today, PostgreSQL for shared rooms
// later, without touching callers.
#include "log/entry.h"

#include <QStringList>

#include <functional>
#include <optional>
#include <vector>

namespace vigie {

struct RoomInfo
{
    QString id;
    QString name;
    RoomMode mode = RoomMode::Live;
    Timestamp created;
    /// A desk's replica of a shared room: the server it copies (its feed bookkeeping stays there); empty
    /// for a room of record.
    QString replicaOf = {};
};

struct EntryQuery
{
    std::optional<QString> kind;
    std::optional<Timestamp> since; ///< event time >= since
    std::optional<Timestamp> until; ///< event time <= until
    qint64 afterSeq = 0;            ///< seq > afterSeq
    std::optional<GeoBox> box;      ///< geometry intersects the box (R*Tree)
    qint64 limit = -1;
    QStringList kinds; ///< if not empty, only these kinds (with `kind`: both must hold)
};

/// Input that was refused, kept with its reason. The input is scrubbed of personal data before it is kept.
struct QuarantineItem
{
    qint64 id = 0;
    Timestamp received;
    QString source;   ///< file, feed or command it came from
    QString position; ///< where in the source ("line 12", "byte 3050", "info[1]/area[0]")
    QString reason;
    QByteArray input;
};

struct VerifyReport
{
    qint64 checked = 0;
    std::optional<qint64> firstBadSeq;
    QString problem; ///< what is wrong at firstBadSeq
    [[nodiscard]] bool intact() const { return !firstBadSeq.has_value(); }
};

/// A serialised picture after entry `seq`; valid for any time >= maxEventTime.
struct Snapshot
{
    qint64 seq = 0;
    Timestamp maxEventTime;
    QByteArray picture;
};

/// One arrival of a feed message: the hash of its identity (dedupe key) and the drafts it yields.
struct FeedArrival
{
    QString key; ///< the message's keyed hash (Anonymiser::feedKey)
    QString source;
    std::vector<Entry> drafts;
    /// The unkeyed SHA-256 that rooms stored as the key before keys were keyed: a message first seen then is
    /// counted against that row (a repeat), never stored twice. Empty = none.
    QString legacyKey{};
};

/// Messages of one feed that arrived more than once (gateways replay): counted by the store that received
/// them (its feed bookkeeping), never entered twice in the log.
struct FeedRepeats
{
    QString source;
    qint64 repeats = 0;   ///< arrivals beyond the first, over every message of the source
    Timestamp lastRepeat; ///< when the last of them arrived
};

struct FeedAppend
{
    std::vector<qint64> arrivals; ///< per arrival: how many times its key has now arrived (1 = stored now)
    std::vector<Entry> appended;  ///< the entries of first arrivals, as stored
};

class LogStore
{
public:
    using Visitor = std::function<bool(const Entry &)>; ///< return false to stop
    using Progress = std::function<void(qint64 done, qint64 total)>;

    virtual ~LogStore() = default;

    [[nodiscard]] virtual const RoomInfo &room() const = 0;
    [[nodiscard]] virtual qint64 lastSeq() const = 0;
    [[nodiscard]] virtual QByteArray lastHash() const = 0;

    /// Appends drafts in one transaction: assigns seq, room, mode, chain hashes (and an id if null).
    /// record time is the caller's. The input refused on the way (`refused`) is kept in the quarantine in
    /// the same transaction, so a crash never leaves refusals of a batch that was not stored. All or nothing.
    [[nodiscard]] virtual Result<std::vector<Entry>> append(std::vector<Entry> drafts,
                                                            std::vector<QuarantineItem> refused = {}) = 0;
    /// Entries matching the query in seq order.
    [[nodiscard]] virtual Result<void> read(const EntryQuery &query, const Visitor &visit) const = 0;
    [[nodiscard]] Result<std::vector<Entry>> read(const EntryQuery &query) const;
    /// Recomputes every hash and link of the chain.
    [[nodiscard]] virtual Result<VerifyReport> verify(const Progress &progress = {}) const = 0;
    /// The same check for the entries after `afterSeq` only (at most `limit` of them when >= 0), linked from
    /// the hash of entry `afterSeq`: what a fold checks before it trusts the entries it reads after a
    /// snapshot. `checked` counts the entries of that range. The default verifies the whole log.
    [[nodiscard]] virtual Result<VerifyReport> verifyAfter(qint64 afterSeq, qint64 limit = -1) const;

    [[nodiscard]] virtual Result<qint64> quarantine(const QuarantineItem &item) = 0;
    [[nodiscard]] virtual Result<std::vector<QuarantineItem>> quarantined() const = 0;
    /// The quarantine rows after row `afterId`, in id order, at most `limit` of them when >= 0: how a reader
    /// follows the quarantine without reading it whole each time.
    [[nodiscard]] virtual Result<std::vector<QuarantineItem>> quarantinedAfter(qint64 afterId,
                                                                               qint64 limit = -1) const = 0;
    /// Repeated arrivals per feed source, from the bookkeeping of the store that received the messages.
    /// Nothing (not an error) where they are not known: a store that keeps no such bookkeeping, such as a
    /// desk's replica of a shared room, which holds the entries but not the server's arrivals.
    [[nodiscard]] virtual Result<std::optional<std::vector<FeedRepeats>>> feedRepeats() const;

    /// Counts each arrival and appends the drafts of those arriving for the first time, all in one
    /// transaction with the batch's refused input: a message is never counted as seen without its entries,
    /// and a batch costs one sync. Stores without feed bookkeeping refuse.
    [[nodiscard]] virtual Result<FeedAppend> appendFeed(std::vector<FeedArrival> arrivals, Timestamp received,
                                                        std::vector<QuarantineItem> refused = {});
    [[nodiscard]] virtual Result<void> saveSnapshot(const Snapshot &snapshot) = 0;
    /// The latest snapshot usable for time t (its maxEventTime <= t), if any.
    [[nodiscard]] virtual Result<std::optional<Snapshot>> snapshotFor(Timestamp t) const = 0;
    [[nodiscard]] virtual Result<qint64> lastSnapshotSeq() const = 0;
};

} // namespace vigie
