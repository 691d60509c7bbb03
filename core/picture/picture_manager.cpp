#include "picture/picture_manager.h"

#include <QDebug>

#include "room/room.h"
#include "room/entry_sink.h"

namespace vigie {

PictureManager::PictureManager(Room &room, QObject *parent) : QObject(parent), m_room(room)
{
    connect(&m_timer, &QTimer::timeout, this, [this] { poll(); });
}

Result<void> PictureManager::load()
{
    auto checked = m_room.checkedPicture();
    if (!checked)
        return checked.error();
    m_picture = std::move(checked->picture);
    m_damage = std::move(checked->damage);
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
    auto checked = m_room.store().verifyAfter(m_picture.lastSeq, batch);
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
        auto r = m_room.store().read(query, [&fresh](const Entry &e) {
            fresh.push_back(e);
            return true;
        });
        if (!r) {
            Q_EMIT errorOccurred(r.error().message);
            return 0;
        }
        for (const Entry &e : fresh)
            m_picture.apply(e);
    }
    if (!checked->intact())
        m_damage = LogDamage{*checked->firstBadSeq, checked->problem};
    if (!fresh.empty()) {
        Q_EMIT entriesAppended(fresh);
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
        conflictDrafts(m_picture, m_deskAuthor, m_room.clock().now(), [this](const Conflict &c) {
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
    append(std::move(drafts), [this, losers](const Result<std::vector<Entry>> &stored) {
        if (!stored) {
            Q_EMIT errorOccurred(stored.error().message);
            for (const QUuid &id : losers)
                m_conflictsSent.remove(id);
        }
    });
}

} // namespace vigie

namespace vigie {

void PictureManager::append(std::vector<Entry> drafts, AppendDone done)
{
    auto finish = [this, done = std::move(done)](const Result<std::vector<Entry>> &stored) {
        if (stored)
            poll(); // fold them now rather than at the next tick
        if (done)
            done(stored);
    };
    if (m_writer)
        m_writer->append(std::move(drafts), this, std::move(finish));
    else
        finish(m_room.append(std::move(drafts)));
}

} // namespace vigie
