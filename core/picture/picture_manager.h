#pragma once
// Owns the live picture of a room and keeps it current: polls the log for entries appended by anyone (this
// console, vigie-cli, a feed process) and applies them in batches, at most `rate` times a second.
#include "picture/picture_seeker.h"

#include <QObject>
#include <QSet>
#include <QTimer>

#include <functional>

namespace vigie {

class Room;
class EntrySink;

class PictureManager : public QObject
{
    Q_OBJECT
public:
    explicit PictureManager(Room &room, QObject *parent = nullptr);

    [[nodiscard]] const Picture &picture() const { return m_picture; }
    /// Where the log stops verifying, if it does: the picture holds the entries before it and no more.
    [[nodiscard]] const std::optional<LogDamage> &damage() const { return m_damage; }
    [[nodiscard]] Room &room() { return m_room; }
    /// Loads the latest picture; call once before use.
    [[nodiscard]] Result<void> load();
    /// Polls the log every `intervalMs` (default 100 ms: at most 10 batches a second).
    void startWatching(int intervalMs = 100);
    /// Reads and applies entries appended since the last poll, once they verify (hash and link); returns how
    /// many. Stops for good at the first that does not.
    qint64 poll();

    using AppendDone = std::function<void(const Result<std::vector<Entry>> &)>;
    /// Appends drafts, as a desk does: through the writer thread when one is set (the console: no write on
    /// the GUI thread), else at once. `done` runs on this object's thread once the entries are stored (and
    /// folded into the picture) or refused.
    void append(std::vector<Entry> drafts, AppendDone done = {});
    /// The room's writer thread; not owned, must outlive this manager (nullptr: append at once).
    void setWriter(EntrySink *writer) { m_writer = writer; }
    /// Who this desk writes as: the conflicts whose losing entry it wrote are reported by it, in a
    /// `conflict` entry, after the poll that finds them (empty: reports none).
    void setDeskAuthor(const QString &author) { m_deskAuthor = author; }

Q_SIGNALS:
    /// New entries, in seq order, already applied to the picture.
    void entriesAppended(const std::vector<vigie::Entry> &entries);
    void pictureChanged();
    void errorOccurred(const QString &message);
    /// The log stops verifying at damage().seq: nothing from there on is folded.
    void damageFound();

private:
    /// Appends a `conflict` entry for each conflict of the picture not reported yet whose loser this desk
    /// wrote. Desks that find the same one store it once (its id comes from the loser's).
    void reportConflicts();
    Room &m_room;
    EntrySink *m_writer = nullptr;
    Picture m_picture;
    std::optional<LogDamage> m_damage;
    QTimer m_timer;
    QString m_deskAuthor;
    QSet<QUuid> m_conflictsSent; ///< losers whose conflict entry is on its way to the log
};

} // namespace vigie
