#pragma once
// Owns the live picture of a room and keeps it current: polls the log for entries appended by anyone (this
// console, vigie-cli, a feed process) and applies them in batches, at most `rate` times a second. It is the
// one fold of the log in a console: every reader (map, docks, suggestions) follows its picture and its
// entriesAppended signal, and its snapshots are written from it, by the writer thread.
//
// Its dependencies are narrow on purpose: the log read-only (const LogStore: queries, never a write), the
// clock, the room's location for messages, and a writer (EntrySink) through which every write goes — the
// desk's entries and the snapshots of this picture. It hands readers the same read-only views and nothing
// that writes.
#include "picture/picture_seeker.h"

#include <QObject>
#include <QSet>
#include <QTimer>

#include <functional>
#include <memory>

namespace vigie {

class EntrySink;
class Clock;
struct Refused;

class PictureManager : public QObject
{
    Q_OBJECT
public:
    /// Folds the log of `store` (read on this object's thread); `location` is the room file or URL, for
    /// messages. Both references must outlive the manager.
    PictureManager(const LogStore &store, const Clock &clock, QString location, QObject *parent = nullptr);

    /// The picture the desk sees: the log's, with this desk's pending entries folded on top (setPending);
    /// while replaying, the picture at the replayed time (showReplay).
    [[nodiscard]] const Picture &picture() const
    {
        return m_replay ? *m_replay : (m_withPending ? *m_withPending : m_picture);
    }
    /// The log's picture as folded now, whatever is shown: what a replay may read up to (its last seq).
    [[nodiscard]] const Picture &livePicture() const { return m_picture; }

    /// Shows the room as it was at a past time (ReplayManager): picture() is `past` until showLive(), every
    /// reader follows it through pictureChanged, and append() refuses (a decision is never taken on a past
    /// picture). Meanwhile the log is still folded: live entries keep arriving (entriesAppended).
    void showReplay(std::shared_ptr<const Picture> past, Timestamp at);
    /// The time replayed (valid while replaying()).
    [[nodiscard]] Timestamp replayTime() const { return m_replayAt; }
    /// Back to the live picture: replayChanged(false) and pictureChanged() tell readers to show it again.
    void showLive();
    [[nodiscard]] bool replaying() const { return m_replay != nullptr; }
    /// Where the log stops verifying, if it does: the picture holds the entries before it and no more.
    [[nodiscard]] const std::optional<LogDamage> &damage() const { return m_damage; }
    /// The log, for read-only queries (entries behind an object, the quarantine, feed controls).
    [[nodiscard]] const LogStore &store() const { return m_store; }
    [[nodiscard]] const Clock &clock() const { return m_clock; }
    [[nodiscard]] const RoomInfo &info() const { return m_store.room(); }
    /// The room file or URL the room was opened with, as a person types it (`vigie-cli verify …`).
    [[nodiscard]] const QString &location() const { return m_location; }
    /// Loads the latest picture; call once before use.
    [[nodiscard]] Result<void> load();
    /// Folds the log again from its last snapshot: its end was replaced (a desk's replica that went back to
    /// its server's chain, DeskLink). The store must have re-read its head first.
    [[nodiscard]] Result<void> reload();
    /// Polls the log every `intervalMs` (default 100 ms: at most 10 batches a second).
    void startWatching(int intervalMs = 100);
    /// Reads and applies entries appended since the last poll, once they verify (hash and link); returns how
    /// many. Stops for good at the first that does not.
    qint64 poll();

    using AppendDone = std::function<void(const Result<std::vector<Entry>> &)>;
    /// Appends drafts, as a desk does, through the writer (the console: its writer thread, no write on the
    /// GUI thread). `done` runs on this object's thread once the entries are stored (and folded into the
    /// picture) or refused; without a writer, or while replaying, they are refused.
    void append(std::vector<Entry> drafts, AppendDone done = {});
    /// The same with the input refused on the way (an imported file's bad rows), for the room's quarantine.
    void append(std::vector<Entry> drafts, std::vector<Refused> refused, AppendDone done);
    /// Where entries and snapshots are written; not owned, must outlive this manager. Every
    /// SnapshotPolicy-many entries folded, a copy of the picture goes to it, to be serialised and stored
    /// on its thread.
    void setWriter(EntrySink *writer) { m_writer = writer; }
    /// Who this desk writes as: the conflicts whose losing entry it wrote are reported by it, in a
    /// `conflict` entry, after the poll that finds them (empty: reports none).
    void setDeskAuthor(const QString &author) { m_deskAuthor = author; }
    /// When snapshots are handed to the writer (default: SnapshotPolicy's).
    void setSnapshotPolicy(SnapshotPolicy policy);
    /// Entries written at this desk and not yet in the log: a shared room's desk whose server does not
    /// answer keeps them in its queue (DeskLink). The picture shows them folded on top of the log's, with
    /// provisional seqs after its last; the log dock shows them apart, marked pending.
    void setPending(std::vector<Entry> pending);
    [[nodiscard]] const std::vector<Entry> &pending() const { return m_pending; }

Q_SIGNALS:
    /// New entries, in seq order, already applied to the picture.
    void entriesAppended(const std::vector<vigie::Entry> &entries);
    void pictureChanged();
    void errorOccurred(const QString &message);
    /// The log stops verifying at damage().seq: nothing from there on is folded.
    void damageFound();
    /// The desk's pending entries changed (setPending).
    void pendingChanged(const std::vector<vigie::Entry> &pending);
    /// The picture was folded again (reload): what was shown of the log's end may be gone.
    void reloaded();
    /// A replay started (true) or ended (false): showReplay, showLive.
    void replayChanged(bool replaying);

private:
    /// Hands a copy of the picture to the writer when a snapshot is due.
    void snapshotIfDue();
    /// The log's picture with the pending entries on top, when there are any.
    void foldPending();
    /// Appends a `conflict` entry for each conflict of the picture not reported yet whose loser this desk
    /// wrote. Desks that find the same one store it once (its id comes from the loser's).
    void reportConflicts();
    /// append() without the replay's refusal: the conflicts this desk reports come from the live picture.
    void write(std::vector<Entry> drafts, std::vector<Refused> refused, AppendDone done);
    const LogStore &m_store;
    const Clock &m_clock;
    QString m_location;
    EntrySink *m_writer = nullptr;
    SnapshotPolicy m_snapshots;
    Picture m_picture; ///< the log's: snapshots are made of it, never of pending entries
    std::vector<Entry> m_pending;
    std::optional<Picture> m_withPending;
    std::shared_ptr<const Picture> m_replay; ///< shown instead of the live picture while replaying
    Timestamp m_replayAt;
    std::optional<LogDamage> m_damage;
    QTimer m_timer;
    QString m_deskAuthor;
    QSet<QUuid> m_conflictsSent; ///< losers whose conflict entry is on its way to the log
};

} // namespace vigie
