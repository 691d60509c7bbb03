#pragma once
// The room's writer in a process with a screen: appends run on a thread of their own, with a connection to
// the room of their own, so that no write and no sync to disk ever runs on the GUI thread. Requests are
// served in order, one transaction each; the caller hears back on its own thread. (LogWriter groups the
// commits of many writers of one store; here a desk appends a few entries at a human pace, so each request
// is its own transaction and keeps Room::append's validation, scrubbing and head record.) Its Room keeps no
// fold of its own: the snapshots it writes are the console's picture, handed over by PictureManager.
#include "room/entry_sink.h"
#include "room/room.h"

#include <QObject>
#include <QThread>

#include <functional>
#include <memory>

namespace vigie {

class RoomWriter : public QObject, public EntrySink
{
    Q_OBJECT
public:
    /// Starts the thread and opens the room at `location` there (waits for the answer). `clock` must be
    /// usable from any thread and outlive the writer. By default the snapshots are the caller's to hand
    /// over (keepSnapshot); SnapshotKeeping::ByRoom gives the writer's Room a fold of its own.
    [[nodiscard]] static Result<std::unique_ptr<RoomWriter>>
    start(const QString &location, const Clock &clock, SnapshotKeeping snapshots = SnapshotKeeping::ByCaller);
    /// Commits what is queued, then stops the thread and closes the room.
    ~RoomWriter() override;

    using EntrySink::append;
    /// Queues drafts, with the input refused on the way, for one transaction; `done` runs on `context`'s
    /// thread with the entries as stored or why they were not (not at all if `context` is gone by then).
    void append(std::vector<Entry> drafts, std::vector<Refused> refused, QObject *context,
                Done done) override;
    /// Serialises the picture and stores the snapshot on the writer's thread, after what is queued before.
    void keepSnapshot(std::shared_ptr<const Picture> picture, QObject *context, SnapshotDone done) override;
    /// Runs `job` on the writer's thread with its room, after what is queued before: work that writes more
    /// than a batch of drafts (an exercise's player ingests inject contents there, so the room keeps one
    /// writer). `job` must not keep the reference.
    void run(std::function<void(Room &)> job);
    /// Blocks until everything queued before the call is committed (tests, shutdown).
    void waitForIdle();
    /// The thread the room is written on.
    [[nodiscard]] const QThread *writerThread() const { return &m_thread; }

private:
    RoomWriter() = default;
    QThread m_thread;
    QObject *m_worker = nullptr;  ///< lives on m_thread; deleted there
    std::unique_ptr<Room> m_room; ///< opened, used and closed on m_thread only
};

} // namespace vigie
