#pragma once
// A room: its log store, its secret (for keyed hashing of personal data), its clock. Everything that enters
// the log goes through Room::append: validated, scrubbed of personal data, stamped, appended; what is refused
// goes to the quarantine with its reason, scrubbed the same way.
//
// Inside vigie_core, dependencies point one way: core/room (the room as a service: Room, its writer thread,
// the live picture a console follows) builds on core/picture (the fold, seeking, the snapshot policy), which
// builds on core/store and core/log. Nothing under core/picture or core/store includes core/room (a test
// checks it).
#include "picture/picture_seeker.h"
#include "privacy/anonymiser.h"
#include "room/head_anchor.h"
#include "store/log_store.h"

#include <memory>

namespace vigie {

/// One input that could not become an entry.
struct Rejected
{
    QString position; ///< where in the source
    QString reason;
    QByteArray input;
};

/// Input refused from one source, to keep with the batch it came with.
struct Refused
{
    QString source;
    std::vector<Rejected> items;
};

/// Who writes a room's snapshots. A process that appends without a picture of its own (vigie-cli append,
/// ingest, listen) lets its Room keep one for them (SnapshotKeeper: a fold brought up to date at each
/// append). A console already folds the log in its PictureManager: its writer's Room keeps none and stores
/// the snapshots the manager hands it (storeSnapshot), so the process folds the log once.
enum class SnapshotKeeping
{
    ByRoom,
    ByCaller
};

class Room
{
public:
    /// Creates a room and its secret: a room file with `PATH.key` (readable by the owner only), or, for a
    /// `postgresql://…?room=NAME` URL (pg_url.h), a shared room on that server with its secret in the
    /// server's `room_secrets`.
    [[nodiscard]] static Result<std::unique_ptr<Room>> create(const QString &path, const QString &name,
                                                              RoomMode mode, const Clock &clock);
    /// Opens a room file or a shared room's URL.
    [[nodiscard]] static Result<std::unique_ptr<Room>>
    open(const QString &path, const Clock &clock, SnapshotKeeping snapshots = SnapshotKeeping::ByRoom);
    /// Creates a desk's replica of a shared room: a room file at `path` with the server's room (same id,
    /// name, mode) and secret, filled only by replicate().
    [[nodiscard]] static Result<std::unique_ptr<Room>>
    createReplica(const QString &path, const RoomInfo &info, const QByteArray &secret, const Clock &clock,
                  SnapshotKeeping snapshots = SnapshotKeeping::ByRoom);
    ~Room();

    [[nodiscard]] const RoomInfo &info() const { return m_store->room(); }
    [[nodiscard]] LogStore &store() { return *m_store; }
    [[nodiscard]] const LogStore &store() const { return *m_store; }
    [[nodiscard]] const Anonymiser &anonymiser() const { return m_anonymiser; }
    [[nodiscard]] const Clock &clock() const { return m_clock; }
    [[nodiscard]] const QString &path() const { return m_path; } ///< the file or the URL it was opened with

    /// Validates, scrubs, stamps (record time) and appends the drafts in one transaction, with the input
    /// refused on the way (kept in the quarantine, scrubbed): both land or neither.
    [[nodiscard]] Result<std::vector<Entry>> append(std::vector<Entry> drafts,
                                                    const std::vector<Refused> &refused = {});
    /// What append() does before it stores: validates, scrubs, stamps the record time and gives each draft
    /// its id. A desk's link queues drafts prepared so, and sends them later as they are: the same ids
    /// however often they are sent, and the time they were written at the desk.
    [[nodiscard]] Result<std::vector<Entry>> prepare(std::vector<Entry> drafts) const;
    /// A replica's side of a shared room: appends entries as the server chained them (their seqs follow
    /// this log's last, their hashes link from its last hash and match their content), or nothing, saying
    /// where the server's chain and this copy part.
    [[nodiscard]] Result<void> replicate(const std::vector<Entry> &chained);
    /// A replica whose server lost its last commits (a failover to a standby that had not received them):
    /// writes the entries after `keep` to `setAside` (JSON lines, as `vigie-cli log` prints them), then drops
    /// them from the replica and records its new head. Returns them, for the desk to send again.
    [[nodiscard]] Result<std::vector<Entry>> rewindReplica(qint64 keep, const QString &setAside);
    /// Re-reads the head of a room file that another connection rewound (a desk's replica, rewindReplica).
    [[nodiscard]] Result<void> reloadHead();
    /// Feed messages: counts each arrival and appends (validated, scrubbed, stamped) the drafts of first
    /// arrivals in one transaction with the batch's refused input (LogStore::appendFeed).
    [[nodiscard]] Result<FeedAppend> appendFeed(std::vector<FeedArrival> arrivals,
                                                const std::vector<Refused> &refused = {});
    /// The process's one fold of the log (SnapshotKeeping::ByRoom): the picture after the last entry, brought
    /// up to date with what other processes appended, from the last snapshot the first time. What follows the
    /// log in a process without a console (fusion in `ingest` and `listen`) reads it here.
    [[nodiscard]] Result<const Picture *> head();
    /// The same fold, made to keep its fusion trail (Picture::fusionTrail) from now on: for fusion to follow.
    [[nodiscard]] Result<const Picture *> fusionHead();
    /// Serialises and stores a snapshot of `picture` (folded by the caller from entries that verify); returns
    /// its size in bytes.
    [[nodiscard]] Result<qint64> storeSnapshot(const Picture &picture);
    /// Keeps refused input, scrubbed of personal data, with its source, position and reason.
    [[nodiscard]] Result<void> quarantine(const QString &source, const std::vector<Rejected> &items);

    /// Every hash and link of the chain, then the end of the log against its head record (HeadAnchor): a
    /// log whose last entries went missing is reported like a broken chain, at the first missing seq.
    [[nodiscard]] Result<VerifyReport> verify(const LogStore::Progress &progress = {}) const;
    /// After a person accepted that the end of the log is lost: logs it (a log.truncated entry naming the
    /// recorded head and where the log now ends) and records the new head.
    [[nodiscard]] Result<Entry> acceptLoss(const QString &author);
    /// The head record of a room file (nothing for other rooms).
    [[nodiscard]] const std::optional<HeadAnchor> &headAnchor() const { return m_anchor; }

    /// The picture at event time t (default: after the last entry), folded only from entries that verify, and
    /// where the log stops verifying if it does (checkedPictureAt: the entries after the snapshot it starts
    /// from are checked; verify() checks them all).
    [[nodiscard]] Result<CheckedPicture> checkedPicture(std::optional<Timestamp> t = std::nullopt) const
    {
        return checkedPictureAt(*m_store, t);
    }
    /// The same pictures, for callers that do not report damage.
    [[nodiscard]] Result<Picture> pictureAt(Timestamp t) const { return pictureOf(checkedPicture(t)); }
    [[nodiscard]] Result<Picture> picture() const { return pictureOf(checkedPicture()); }

    [[nodiscard]] static QString keyPath(const QString &roomPath)
    {
        return roomPath + QStringLiteral(".key");
    }

private:
    [[nodiscard]] static Result<Picture> pictureOf(Result<CheckedPicture> checked)
    {
        if (!checked)
            return checked.error();
        return std::move(checked->picture);
    }
    Room(std::unique_ptr<LogStore> store, QByteArray key, const Clock &clock, QString path);
    [[nodiscard]] Result<std::vector<Entry>> prepareAt(std::vector<Entry> drafts, Timestamp now) const;
    /// exercise.* entries only in an exercise room.
    [[nodiscard]] Result<void> allowedInMode(const Entry &draft) const;
    [[nodiscard]] static Result<std::unique_ptr<Room>> openWithKeeper(const QString &path,
                                                                      const Clock &clock);
    /// Brings the snapshot keeper past entries just committed; only warns on failure.
    void keepSnapshots(const std::vector<Entry> &appended);
    /// Records the new head outside the log; only warns on failure.
    void recordHead(const std::vector<Entry> &appended);
    /// Quarantine rows for refused input, scrubbed of personal data.
    [[nodiscard]] std::vector<QuarantineItem> quarantineItems(const std::vector<Refused> &refused,
                                                              Timestamp now) const;
    std::unique_ptr<LogStore> m_store;
    Anonymiser m_anonymiser;
    const Clock &m_clock;
    QString m_path;
    std::optional<SnapshotKeeper> m_snapshots; ///< none when the caller keeps them (SnapshotKeeping)
    bool m_fusionTrail = false;                ///< fusionHead() was asked for
    std::optional<HeadAnchor> m_anchor;
    bool m_recordHeads = true; ///< false while acceptLoss() logs a loss
};

} // namespace vigie
