#pragma once
// Where a console's desk actions go to be stored, off the GUI thread: a room file's writer thread
// (RoomWriter), or a shared room's desk link (its local queue, then the server). The caller hears back on its
// own thread with the entries as stored, or why they were not.
#include "log/entry.h"

#include <QObject>

#include <functional>
#include <vector>

namespace vigie {

class EntrySink
{
public:
    using Done = std::function<void(const Result<std::vector<Entry>> &)>;
    virtual ~EntrySink() = default;
    /// Queues drafts for one transaction; `done` runs on `context`'s thread with the entries as stored or
    /// why they were not (not at all if `context` is gone by then).
    virtual void append(std::vector<Entry> drafts, QObject *context, Done done) = 0;
};

} // namespace vigie
