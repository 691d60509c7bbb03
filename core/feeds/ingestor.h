#pragma once
// Feed bytes into a room: parse (adapter), refuse (quarantine, scrubbed), dedupe (a message seen before is
// counted, not stored again), append (validated and scrubbed by Room::append).
#include "feeds/feed_adapters.h"

namespace vigie::feeds {

struct IngestReport
{
    QString format;
    qint64 messages = 0;   ///< messages recognised
    qint64 stored = 0;     ///< messages stored for the first time
    qint64 entries = 0;    ///< entries appended
    qint64 duplicates = 0; ///< messages already seen (counted, not stored)
    qint64 rejected = 0;   ///< items quarantined
    qint64 ignored = 0;    ///< well-formed input with nothing for the picture
    QStringList reasons;   ///< one per rejected item
};

class Ingestor
{
public:
    Ingestor(Room &room, const FeedRegistry &registry) : m_room(room), m_registry(registry) {}
    /// Ingests one input; `format` empty = detect. Fails only when the room cannot be written.
    [[nodiscard]] Result<IngestReport> ingest(const QByteArray &bytes, const FeedContext &context,
                                              const QString &format = {});

private:
    Room &m_room;
    const FeedRegistry &m_registry;
};

} // namespace vigie::feeds
