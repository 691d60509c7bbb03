#pragma once
// A desk's link to a shared room (docs/shared-room.md, "The desk's replica and offline queue"). The desk
// reads a local replica of the room — a room file holding the server's entries as the server chained them,
// same seqs, same hashes — and writes through a local queue: what a desk writes is stored in its queue file
// first (acknowledged as stored there, marked pending), then sent by the link's thread, in order, in batches,
// to the server that chains it. Whether the server answers or not changes nothing for the desk but the
// banner: offline, the queue grows and the replica stands still; back online, the link catches the replica
// up, sends the queue, and the entries written meanwhile are chained on arrival with their event and record
// times.
//
// Nothing is lost or duplicated across crashes and cuts: an entry gets its id when it is queued, a batch is
// removed from the queue only once the replica holds it, and the server stores an id once however often it
// is sent (PgLogStore's idempotent append). The link is also the process's group commit: whatever its
// threads queued since the last round trip goes to the server as one batch.
//
// Live push: the link LISTENs for the room's commits and reads what it lacks as soon as one is notified;
// without news it still reads the head every few seconds, so a lost notification costs latency only.
// Presence: a heartbeat every few seconds (PgLogStore::heartbeat) and the list of desks with it.
#include "room/entry_sink.h"
#include "room/room.h"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace vigie {

struct DeskPresence
{
    QString desk;
    QString agency;
    Timestamp since;    ///< online since (or last seen, if offline)
    Timestamp lastSeen; ///< last heartbeat, server clock
    bool online = false;
};

struct DeskStatus
{
    bool online = false;
    Timestamp offlineSince; ///< when the server stopped answering (while offline)
    qint64 pending = 0;     ///< entries written here, stored in the queue, not yet on the server
    qint64 replicaSeq = 0;  ///< the replica's last seq
    QString problem;        ///< why the server does not answer, or what it refused (empty if all is well)
    /// Times the replica went back to the server's chain because the server had lost its last commits
    /// (a failover to a standby that had not received them); a reader of the replica folds it again.
    qint64 rewinds = 0;
    qint64 lastRewindSeq = 0;    ///< where the last one went back to
    qint64 lastRewindResent = 0; ///< how many entries it queued again (the server's lost tail)
    QString lastRewindFile;      ///< where those entries were set aside, as the lost server chained them
    std::vector<DeskPresence> presence; ///< the room's desks as last heard (this one included)
};

struct DeskLinkOptions
{
    QString url;         ///< the shared room (postgresql://…?room=NAME)
    QString replicaPath; ///< the replica's file (its queue is PATH.queue); default: defaultReplicaPath(url)
    QString desk;        ///< the desk's name in the presence list
    QString agency;
    int heartbeatMs = 5000; ///< presence; a desk silent for 15 s is shown offline
    int headPollMs = 2000;  ///< reads the head this often even without a notification
    int retryMs = 500;      ///< first reconnection attempt after a loss; doubles up to maxRetryMs
    int maxRetryMs = 1000;
    qint64 batch = 1000; ///< entries per round trip when sending the queue
    qint64 page = 5000;  ///< entries per read and per replica transaction when catching up
    /// With several hosts in the URL (a primary and its hot standbys), read the room from a standby when
    /// one answers (libpq's target_session_attrs=prefer-standby), so that the desks' catch-ups do not load
    /// the primary; the primary still takes every write, and the tail a standby has not replayed yet.
    bool readFromStandby = true;
    /// Who keeps the replica's picture snapshots: the link, folding what it copies (a desk without a
    /// screen), or the caller through keepSnapshot (a console, whose picture manager is its one fold).
    SnapshotKeeping snapshots = SnapshotKeeping::ByRoom;
    /// A server that lacks the replica's end (a failover with asynchronous replication loses the last
    /// seconds) is followed back only if what it lacks was recorded within this time: an older end that the
    /// server no longer has is a history rewritten, and the desk, the witness of that history, refuses it
    /// and stays offline saying where the chains part.
    qint64 maxRewindAgeMs = 3600 * 1000;
};

class DeskLink final : public EntrySink
{
public:
    using Progress = std::function<void(qint64 done, qint64 total)>;
    /// Opens the replica and its queue (creating the replica from the server the first time), catches up if
    /// the server answers, and starts the link's thread. With a replica already here, a desk starts offline
    /// if the server does not answer.
    [[nodiscard]] static Result<std::unique_ptr<DeskLink>>
    start(const DeskLinkOptions &options, const Clock &clock, const Progress &progress = {});
    /// Stores what was handed over, tells the server the desk leaves (if it answers) and stops the thread.
    /// What is still queued stays in the queue file for the next start.
    ~DeskLink() override;

    using EntrySink::append;
    /// Queues drafts: validated, scrubbed, stamped and stored in the queue file by the link's thread, with
    /// the input refused on the way (scrubbed) in the same transaction; `done` runs on `context`'s thread
    /// with the entries as queued (seq 0: pending) or why they were refused. The refused input is sent to
    /// the server's quarantine ahead of the drafts, in a transaction of its own (a reply lost then may store
    /// a quarantine row twice; an entry, never).
    void append(std::vector<Entry> drafts, std::vector<Refused> refused, QObject *context,
                Done done) override;
    /// Stores a snapshot of the console's picture in the replica, on the link's thread.
    void keepSnapshot(std::shared_ptr<const Picture> picture, QObject *context, SnapshotDone done) override;
    /// The same, waiting for the answer (not on a GUI thread).
    [[nodiscard]] Result<std::vector<Entry>> enqueue(std::vector<Entry> drafts);
    /// Queued entries not yet on the server, in the order they were written.
    [[nodiscard]] std::vector<Entry> pending() const;
    [[nodiscard]] DeskStatus status() const;
    /// Whether the link reads the room from a hot standby now (readFromStandby, a standby answering).
    [[nodiscard]] bool readsFromStandby() const;
    /// Runs on the link's thread whenever the replica grew, the queue changed or the status did.
    void setObserver(std::function<void()> observer);
    /// Waits until a full round (catch-up and sending) ran after this call with the server answering and
    /// nothing left in the queue; false if `timeoutMs` passed first.
    [[nodiscard]] bool waitForSync(int timeoutMs);
    [[nodiscard]] const QString &replicaPath() const { return m_options.replicaPath; }
    [[nodiscard]] const RoomInfo &room() const { return m_info; }

    /// Where desk `desk` keeps the replica of `url` when not told: the user's data folder, one file per
    /// server, database, room and desk (two desks on one machine each have their own).
    [[nodiscard]] static QString defaultReplicaPath(const QString &url, const QString &desk);
    /// The queue file beside a replica.
    [[nodiscard]] static QString queuePath(const QString &replicaPath) { return replicaPath + ".queue"; }

private:
    class Queue;
    class Server;
    DeskLink(DeskLinkOptions options, const Clock &clock);
    void run();
    void wake();
    /// Serves queued requests: prepares and stores their drafts in the queue file, answers each.
    void serveRequests();
    /// One round with the server: catch up, send the queue, heartbeat when due. False if the server was lost.
    bool round();
    /// Reads what the replica lacks from the primary, or from the standby (`fromStandby`, when one is open).
    [[nodiscard]] Result<qint64> catchUp(const Progress &progress = {}, bool fromStandby = false);
    /// Opens the connection to a standby for reading, when the URL names several hosts.
    void openReader();
    [[nodiscard]] Result<void> sendQueue();
    /// Sends the refused input queued at this desk to the server's quarantine.
    [[nodiscard]] Result<void> sendRefused();
    /// Copies the server's new quarantine rows into the replica (with the heartbeat, every few seconds).
    [[nodiscard]] Result<void> copyQuarantine();
    /// Right after connecting: if the server lacks the replica's last entry or holds another one there, the
    /// server lost commits the replica had copied. The replica goes back to where both chains agree and
    /// the entries it drops are queued again, ahead of this desk's own (the server stores each id once, so
    /// what it still has elsewhere is not duplicated).
    [[nodiscard]] Result<void> rejoinIfDiverged();
    void goOffline(const QString &why);
    void tryConnect();
    void publish();

    struct Request
    {
        std::vector<Entry> drafts;
        std::vector<Refused> refused;
        std::function<void(const Result<std::vector<Entry>> &)> answer;
    };

    DeskLinkOptions m_options;
    const Clock &m_clock;
    RoomInfo m_info;
    std::unique_ptr<Room> m_replica; ///< used on the link's thread only (after start)
    std::unique_ptr<Queue> m_queue;
    std::unique_ptr<Server> m_server;
    int m_wakeFd = -1;
    int m_lockFd = -1; ///< PATH.lock, held while the link runs: one link per replica
    std::thread m_thread;

    mutable std::mutex m_mutex; ///< guards what follows
    std::condition_variable m_changed;
    bool m_stop = false;
    std::deque<Request> m_requests;
    std::deque<std::function<void()>> m_snapshotRequests; ///< run on the link's thread
    std::vector<Entry> m_pending;
    DeskStatus m_status;
    bool m_readsFromStandby = false; ///< the last catch-up read from a standby (for tests and status)
    qint64 m_rounds = 0;             ///< rounds completed with the server answering and the queue empty
    std::function<void()> m_observer;

    // Link thread only.
    qint64 m_nextTryMs = 0;
    int m_retryMs = 0;
    qint64 m_nextHeartbeatMs = 0;
    qint64 m_nextReaderTryMs = 0;
};

} // namespace vigie
