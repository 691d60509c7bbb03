#include "picture/picture_manager.h"

#include <QDebug>

#include "room/room.h"
#include "room/room_writer.h"

namespace vigie {

PictureManager::PictureManager(Room &room, QObject *parent) : QObject(parent), m_room(room)
{
    connect(&m_timer, &QTimer::timeout, this, [this] { poll(); });
}

Result<void> PictureManager::load()
{
    auto picture = m_room.picture();
    if (!picture)
        return picture.error();
    m_picture = std::move(*picture);
    return {};
}

void PictureManager::startWatching(int intervalMs)
{
    m_timer.start(intervalMs);
}

qint64 PictureManager::poll()
{
    std::vector<Entry> fresh;
    EntryQuery query;
    query.afterSeq = m_picture.lastSeq;
    query.limit = 20000; // keep one batch short; the rest comes at the next tick
    auto r = m_room.store().read(query, [&fresh](const Entry &e) {
        fresh.push_back(e);
        return true;
    });
    if (!r) {
        qWarning().noquote() << r.error().message; // the status bar shows it for a while; the log keeps it
        Q_EMIT errorOccurred(r.error().message);
        return 0;
    }
    if (fresh.empty())
        return 0;
    for (const Entry &e : fresh)
        m_picture.apply(e);
    Q_EMIT entriesAppended(fresh);
    Q_EMIT pictureChanged();
    return qint64(fresh.size());
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
