#include "room/direct_sink.h"

namespace vigie {

void DirectSink::append(std::vector<Entry> drafts, std::vector<Refused> refused, QObject *context, Done done)
{
    (void)context;
    auto stored = m_room.append(std::move(drafts), refused);
    if (done)
        done(stored);
}

void DirectSink::keepSnapshot(std::shared_ptr<const Picture> picture, QObject *context, SnapshotDone done)
{
    (void)context;
    auto stored = m_room.storeSnapshot(*picture);
    if (done)
        done(stored);
}

} // namespace vigie
