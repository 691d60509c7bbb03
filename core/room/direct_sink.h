#pragma once
// A sink that appends at once, on the caller's thread, to a room it does not own: for programs and tests
// without a screen, where waiting for the disk blocks nobody. The console uses RoomWriter instead.
#include "room/entry_sink.h"
#include "room/room.h"

namespace vigie {

class DirectSink : public EntrySink
{
public:
    explicit DirectSink(Room &room) : m_room(room) {}
    using EntrySink::append;
    /// Appends now; `done` runs before this returns.
    void append(std::vector<Entry> drafts, std::vector<Refused> refused, QObject *context,
                Done done) override;
    /// Serialises and stores the snapshot now; `done` runs before this returns.
    void keepSnapshot(std::shared_ptr<const Picture> picture, QObject *context, SnapshotDone done) override;

private:
    Room &m_room;
};

} // namespace vigie
