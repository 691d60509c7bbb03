#include "room/room_writer.h"

#include <QPointer>

namespace vigie {

Result<std::unique_ptr<RoomWriter>> RoomWriter::start(const QString &location, const Clock &clock,
                                                      SnapshotKeeping snapshots)
{
    std::unique_ptr<RoomWriter> writer(new RoomWriter);
    writer->m_thread.setObjectName(QStringLiteral("vigie-room-writer"));
    writer->m_worker = new QObject;
    writer->m_worker->moveToThread(&writer->m_thread);
    QObject::connect(&writer->m_thread, &QThread::finished, writer->m_worker, &QObject::deleteLater);
    writer->m_thread.start();
    Result<void> opened;
    RoomWriter *w = writer.get();
    QMetaObject::invokeMethod(
        writer->m_worker,
        [w, &opened, &location, &clock, snapshots] {
            auto room = Room::open(location, clock, snapshots);
            if (!room)
                opened = room.error();
            else
                w->m_room = std::move(*room);
        },
        Qt::BlockingQueuedConnection);
    if (!opened)
        return opened.error();
    return writer;
}

RoomWriter::~RoomWriter()
{
    if (m_thread.isRunning()) {
        // Queued requests are served first: the close is queued after them.
        QMetaObject::invokeMethod(
            m_worker, [this] { m_room.reset(); }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
}

void RoomWriter::append(std::vector<Entry> drafts, std::vector<Refused> refused, QObject *context, Done done)
{
    auto batch = std::make_shared<std::vector<Entry>>(std::move(drafts));
    QPointer<QObject> answerTo(context);
    QMetaObject::invokeMethod(
        m_worker,
        [this, batch, refused = std::move(refused), answerTo, done = std::move(done)] {
            auto stored = m_room->append(std::move(*batch), refused);
            if (!answerTo || !done)
                return;
            QMetaObject::invokeMethod(
                answerTo.data(), [done, stored] { done(stored); }, Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void RoomWriter::keepSnapshot(std::shared_ptr<const Picture> picture, QObject *context, SnapshotDone done)
{
    QPointer<QObject> answerTo(context);
    QMetaObject::invokeMethod(
        m_worker,
        [this, picture = std::move(picture), answerTo, done = std::move(done)] {
            auto stored = m_room->storeSnapshot(*picture);
            if (!answerTo || !done)
                return;
            QMetaObject::invokeMethod(
                answerTo.data(), [done, stored] { done(stored); }, Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void RoomWriter::run(std::function<void(Room &)> job)
{
    QMetaObject::invokeMethod(
        m_worker, [this, job = std::move(job)] { job(*m_room); }, Qt::QueuedConnection);
}

void RoomWriter::waitForIdle()
{
    QMetaObject::invokeMethod(
        m_worker, [] {}, Qt::BlockingQueuedConnection);
}

} // namespace vigie
