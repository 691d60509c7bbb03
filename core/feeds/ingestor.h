#pragma once
// Feed bytes into a room: parse (adapter), refuse (quarantine, scrubbed), dedupe (a message seen before is
// counted, not stored again), append (validated and scrubbed by Room::append).
#include "feeds/feed_adapters.h"
#include "feeds/feed_control.h"

#include <QFile>

#include <functional>

namespace vigie::feeds {

struct IngestReport
{
    QString format;
    qint64 messages = 0;         ///< messages recognised
    qint64 stored = 0;           ///< messages stored for the first time
    qint64 entries = 0;          ///< entries appended
    qint64 duplicates = 0;       ///< messages already seen (counted, not stored)
    qint64 rejected = 0;         ///< items quarantined
    qint64 ignored = 0;          ///< well-formed input with nothing for the picture
    qint64 held = 0;             ///< inputs of a paused feed, set aside in the quarantine (also in rejected)
    qint64 maxRepeat = 0;        ///< highest arrival count among this input's messages (1 = all new)
    QStringList reasons;         ///< one per rejected item
    std::vector<Entry> appended; ///< the entries stored, as stored (for fusion and the Feeds dock)
};

/// How a source is named inside the room: FeedContext::sourceLabel scrubbed, or for files a keyed token of
/// the file name plus its extension (names of exports may hold a person's name).
[[nodiscard]] QString sourceLabel(const Anonymiser &anonymiser, const FeedContext &context);

/// One input of a batch: bytes, where they come from, and their format (empty = detect).
struct FeedInput
{
    QByteArray bytes;
    FeedContext context;
    QString format;
};

/// One feed input read from a file or a stream, or the reason it was refused without being read whole.
struct FeedRead
{
    QByteArray bytes; ///< the whole input; for a refused one, its first 4 KiB (kept in the quarantine)
    QString refusal;  ///< empty when the input was read whole
    QString format;   ///< the format given or detected from the first bytes (empty when not recognised)
};

/// Reads one input from an open `file`, never more than the limit of its format (maxInputBytes) plus a byte:
/// a file whose size is over the limit is refused from its size, a stream (pipe, device) once it passes the
/// limit. `format` empty = detect from the first bytes. Fails only when the file cannot be read.
[[nodiscard]] Result<FeedRead> readFeedInput(QFile &file, const FeedRegistry &registry,
                                             const QString &format = {});

class Ingestor
{
public:
    Ingestor(Room &room, const FeedRegistry &registry) : m_room(room), m_registry(registry) {}
    /// Ingests one input; `format` empty = detect. Fails only when the room cannot be written.
    [[nodiscard]] Result<IngestReport> ingest(const QByteArray &bytes, const FeedContext &context,
                                              const QString &format = {});
    /// Ingests several inputs with one append transaction (group commit for live transports), with input
    /// the caller refused already (`refused`, kept in the quarantine in the same transaction); the report
    /// sums them.
    [[nodiscard]] Result<IngestReport> ingestAll(std::vector<FeedInput> inputs,
                                                 std::vector<Refused> refused = {});
    /// Keeps an input refused before parsing (readFeedInput's refusal) in the quarantine, at `position`.
    [[nodiscard]] Result<IngestReport> refuse(const FeedContext &context, const QString &position,
                                              const QString &reason, const QByteArray &input);

    /// Called with each batch's messages just before their append (fusion places the reports here, see
    /// fusion/feed_fusion.h); drafts it adds to a message are appended with it.
    std::function<void(std::vector<FeedArrival> &arrivals)> beforeAppend;

private:
    Room &m_room;
    const FeedRegistry &m_registry;
    FeedControls m_controls;
};

} // namespace vigie::feeds
