#include "room/picture_manager.h"

#include <QCoreApplication>
#include <QDebug>

#include "picture/conflicts.h"
#include "room/entry_sink.h"

#include <algorithm>
#include <memory>

namespace vigie {

PictureManager::PictureManager(const LogStore &store, const Clock &clock, QString location, QObject *parent)
    : QObject(parent), m_store(store), m_clock(clock), m_location(std::move(location))
{
    connect(&m_timer, &QTimer::timeout, this, [this] { poll(); });
}

Result<void> PictureManager::load()
{
    auto checked = checkedPictureAt(m_store);
    if (!checked)
        return checked.error();
    m_picture = std::move(checked->picture);
    m_damage = std::move(checked->damage);
    // The next snapshot falls due counting from the last one stored, by whichever process wrote it.
    if (auto last = m_store.lastSnapshotSeq())
        m_snapshots.taken(*last, 0);
    // A desk back after an absence may find at once that some of what it wrote lost to another desk.
    if (!m_damage)
        reportConflicts();
    return {};
}

Result<void> PictureManager::reload()
{
    m_picture = Picture{};
    m_damage.reset();
    m_snapshots.taken(0, 0); // load() counts from the last snapshot kept
    if (auto r = load(); !r)
        return r;
    foldPending();
    Q_EMIT reloaded();
    Q_EMIT pictureChanged();
    return {};
}

void PictureManager::startWatching(int intervalMs)
{
    m_timer.start(intervalMs);
}

qint64 PictureManager::poll()
{
    if (m_damage)
        return 0;
    // Entries another process appended are checked before they are folded: hash of the content, link to
    // the last one folded. At most 20000 a batch, to keep one short; the rest comes at the next tick.
    constexpr qint64 batch = 20000;
    auto checked = m_store.verifyAfter(m_picture.lastSeq, batch);
    if (!checked) {
        qWarning().noquote()
            << checked.error().message; // the status bar shows it for a while; the log keeps it
        Q_EMIT errorOccurred(checked.error().message);
        return 0;
    }
    const qint64 good = checked->intact() ? checked->checked : *checked->firstBadSeq - 1 - m_picture.lastSeq;
    std::vector<Entry> fresh;
    if (good > 0) {
        EntryQuery query;
        query.afterSeq = m_picture.lastSeq;
        query.limit = good;
        auto r = m_store.read(query, [&fresh](const Entry &e) {
            fresh.push_back(e);
            return true;
        });
        if (!r) {
            Q_EMIT errorOccurred(r.error().message);
            return 0;
        }
        for (const Entry &e : fresh)
            m_picture.apply(e);
        snapshotIfDue();
    }
    if (!checked->intact())
        m_damage = LogDamage{*checked->firstBadSeq, checked->problem};
    if (!fresh.empty()) {
        if (!m_pending.empty())
            foldPending();
        Q_EMIT entriesAppended(fresh);
        if (!m_replay) // while replaying, the picture shown is the past's: the replay follows the new entries
            Q_EMIT pictureChanged();
    }
    if (m_damage)
        Q_EMIT damageFound();
    else if (!fresh.empty())
        reportConflicts();
    return qint64(fresh.size());
}

void PictureManager::reportConflicts()
{
    if (m_deskAuthor.isEmpty())
        return;
    std::vector<Entry> drafts =
        conflictDrafts(m_picture, m_deskAuthor, m_clock.now(), [this](const Conflict &c) {
            return c.loser.author == m_deskAuthor && !m_conflictsSent.contains(c.loser.id);
        });
    if (drafts.empty())
        return;
    QList<QUuid> losers;
    for (const Entry &d : drafts)
        losers.append(QUuid(d.data.value(QLatin1String("loser")).toString()));
    for (const QUuid &id : losers)
        m_conflictsSent.insert(id);
    // Stored, they are folded (and the conflicts marked reported); refused, the next poll tries again.
    write(std::move(drafts), {}, [this, losers](const Result<std::vector<Entry>> &stored) {
        if (!stored) {
            Q_EMIT errorOccurred(stored.error().message);
            for (const QUuid &id : losers)
                m_conflictsSent.remove(id);
        }
    });
}

} // namespace vigie

namespace vigie {

void PictureManager::setPending(std::vector<Entry> pending)
{
    const auto same = [](const Entry &a, const Entry &b) {
        return a.id == b.id;
    };
    if (std::equal(pending.begin(), pending.end(), m_pending.begin(), m_pending.end(), same))
        return;
    m_pending = std::move(pending);
    foldPending();
    Q_EMIT pendingChanged(m_pending);
    Q_EMIT pictureChanged();
}

void PictureManager::foldPending()
{
    if (m_pending.empty()) {
        m_withPending.reset();
        return;
    }
    m_withPending = m_picture;
    qint64 seq = m_picture.lastSeq;
    for (Entry e : m_pending) {
        e.seq = ++seq;
        m_withPending->apply(e);
    }
}

void PictureManager::showReplay(std::shared_ptr<const Picture> past, Timestamp at)
{
    const bool entering = !m_replay;
    m_replay = std::move(past);
    m_replayAt = at;
    if (entering)
        Q_EMIT replayChanged(true);
    Q_EMIT pictureChanged();
}

void PictureManager::showLive()
{
    if (!m_replay)
        return;
    m_replay.reset();
    Q_EMIT replayChanged(false);
    Q_EMIT pictureChanged();
}

void PictureManager::append(std::vector<Entry> drafts, AppendDone done)
{
    append(std::move(drafts), {}, std::move(done));
}

void PictureManager::append(std::vector<Entry> drafts, std::vector<Refused> refused, AppendDone done)
{
    // The last guard, whatever button a panel forgot to grey: an official never decides on a past picture.
    if (m_replay) {
        if (done)
            done(Error{QCoreApplication::translate(
                           "vigie::room",
                           "%1: this console shows the room as it was at %2 (replay); nothing was "
                           "written. Return to live to write.")
                           .arg(m_location, m_replayAt.toIso())});
        return;
    }
    write(std::move(drafts), std::move(refused), std::move(done));
}

void PictureManager::write(std::vector<Entry> drafts, std::vector<Refused> refused, AppendDone done)
{
    auto finish = [this, done = std::move(done)](const Result<std::vector<Entry>> &stored) {
        if (stored)
            poll(); // fold them now rather than at the next tick
        if (done)
            done(stored);
    };
    if (m_writer)
        m_writer->append(std::move(drafts), std::move(refused), this, std::move(finish));
    else
        finish(Error{
            QCoreApplication::translate("vigie::room", "%1: this console has no writer; nothing was written")
                .arg(m_location)});
}

void PictureManager::setSnapshotPolicy(SnapshotPolicy policy)
{
    const qint64 last = m_snapshots.lastSeq();
    m_snapshots = policy;
    m_snapshots.taken(last, 0);
}

void PictureManager::snapshotIfDue()
{
    // Only entries that verified are folded, and none past damage: the picture is fit to be a snapshot.
    if (!m_writer || m_damage || !m_snapshots.due(m_picture.lastSeq))
        return;
    // Another process appending to the room (vigie-cli ingest, listen) keeps snapshots of its own: count
    // from the latest one, whoever wrote it, rather than store a second one beside it.
    if (auto last = m_store.lastSnapshotSeq(); last && *last > m_snapshots.lastSeq()) {
        m_snapshots.taken(*last, 0);
        if (!m_snapshots.due(m_picture.lastSeq))
            return;
    }
    // A copy costs the GUI thread far less than serialising it (tests/bench/logbook.md): the writer's
    // thread serialises and stores it, while this picture moves on.
    m_snapshots.taken(m_picture.lastSeq, 0);
    m_writer->keepSnapshot(
        std::make_shared<const Picture>(m_picture), this, [this](const Result<qint64> &bytes) {
            if (bytes)
                m_snapshots.sized(*bytes);
            else
                qWarning().noquote() << QStringLiteral(
                                            "%1: snapshot not written (a cache; the log is intact): %2")
                                            .arg(m_location, bytes.error().message);
        });
}

} // namespace vigie
