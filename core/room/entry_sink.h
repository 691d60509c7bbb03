#pragma once
// Where a console's desk actions go to be stored, off the GUI thread: a room file's writer thread
// (RoomWriter), or a shared room's desk link (its local queue, then the server). The caller hears back on its
// own thread with the entries as stored, or why they were not.
#include "log/entry.h"
#include "room/room.h"

#include <QObject>

#include <functional>
#include <memory>
#include <vector>

namespace vigie {

struct Picture;

class EntrySink
{
public:
    using Done = std::function<void(const Result<std::vector<Entry>> &)>;
    virtual ~EntrySink() = default;
    /// Queues drafts for one transaction; `done` runs on `context`'s thread with the entries as stored or
    /// why they were not (not at all if `context` is gone by then).
    void append(std::vector<Entry> drafts, QObject *context, Done done)
    {
        append(std::move(drafts), {}, context, std::move(done));
    }
    /// The same with the input refused on the way (an imported file's bad rows), for the room's quarantine,
    /// scrubbed like the entries. A room file stores both in one transaction; a shared room's desk queues
    /// both at once and sends the refused input just before the drafts.
    virtual void append(std::vector<Entry> drafts, std::vector<Refused> refused, QObject *context,
                        Done done) = 0;

    using SnapshotDone = std::function<void(const Result<qint64> &bytes)>;
    /// Stores a snapshot of the caller's picture (a copy nobody changes any more), serialised off the
    /// caller's thread; `done` runs on `context`'s thread with its size in bytes or why it was not stored.
    /// The default stores none and never answers: a sink whose store is not the caller's cache.
    virtual void keepSnapshot(std::shared_ptr<const Picture> picture, QObject *context, SnapshotDone done)
    {
        (void)picture;
        (void)context;
        (void)done;
    }
};

} // namespace vigie
