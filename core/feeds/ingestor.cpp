#include "feeds/ingestor.h"
#include "feeds/xml_signature.h"

#include <QCryptographicHash>

#include <algorithm>

namespace vigie::feeds {

QString sourceLabel(const Anonymiser &anonymiser, const FeedContext &context)
{
    if (!context.sourceLabel.isEmpty())
        return anonymiser.scrubText(context.sourceLabel);
    const QString name = context.source.section(u'/', -1);
    const QString suffix = name.contains(u'.') ? name.section(u'.', -1).left(8) : QString();
    return QStringLiteral("file ") + anonymiser.token(QStringLiteral("source"), name) +
           (suffix.isEmpty() ? QString() : u'.' + suffix);
}

Result<FeedRead> readFeedInput(QFile &file, const FeedRegistry &registry, const QString &format)
{
    constexpr qsizetype headBytes = 4096;
    constexpr qsizetype chunkBytes = 1024 * 1024;
    // QFile::read gives nothing both at the end and on an error; error() tells them apart.
    auto read = [&file](qsizetype n) -> Result<QByteArray> {
        QByteArray chunk = file.read(n);
        if (chunk.isEmpty() && file.error() != QFileDevice::NoError)
            return Error{QStringLiteral("%1: cannot read: %2").arg(file.fileName(), file.errorString())};
        return chunk;
    };
    FeedRead out;
    out.format = format;
    // The first bytes tell the format, hence the limit, before anything else is read.
    auto head = read(headBytes);
    if (!head)
        return head.error();
    QByteArray bytes = std::move(*head);
    if (out.format.isEmpty())
        if (auto detected = registry.detect(bytes, file.fileName()))
            out.format = (*detected)->format();
    const qsizetype limit = maxInputBytes(out.format);
    auto refuse = [&](const QString &size) {
        out.refusal = QStringLiteral("input of %1 exceeds the %2 MiB limit per %3 input; refused without "
                                     "reading it whole. Split it into smaller files")
                          .arg(size)
                          .arg(limit / (1024 * 1024))
                          .arg(out.format.isEmpty() ? QStringLiteral("feed") : out.format);
        out.bytes = bytes.left(headBytes);
        return out;
    };
    // A file says its size: refused from it, without reading further.
    if (!file.isSequential() && file.size() > limit)
        return refuse(QStringLiteral("%1 bytes").arg(file.size()));
    // A stream (a pipe, a device), or a file that grows, is read up to the limit and one byte more.
    while (bytes.size() <= limit) {
        auto chunk = read(std::min(chunkBytes, limit + 1 - bytes.size()));
        if (!chunk)
            return chunk.error();
        if (chunk->isEmpty())
            break;
        bytes += *chunk;
    }
    if (bytes.size() > limit)
        return refuse(QStringLiteral("more than %1 bytes").arg(limit));
    out.bytes = std::move(bytes);
    return out;
}

Result<IngestReport> Ingestor::refuse(const FeedContext &context, const QString &position,
                                      const QString &reason, const QByteArray &input)
{
    IngestReport report;
    const QString label = sourceLabel(m_room.anonymiser(), context);
    if (auto r = m_room.quarantine(label, {{position, reason, input}}); !r)
        return r.error();
    report.rejected = 1;
    report.reasons << position + QStringLiteral(": ") + reason;
    return report;
}

Result<IngestReport> Ingestor::ingest(const QByteArray &bytes, const FeedContext &context,
                                      const QString &format)
{
    std::vector<FeedInput> one;
    one.push_back({bytes, context, format});
    return ingestAll(std::move(one));
}

Result<IngestReport> Ingestor::ingestAll(std::vector<FeedInput> inputs, std::vector<Refused> refused)
{
    IngestReport report;
    // A pause decided at a desk since the last batch applies from this batch on.
    if (auto r = m_controls.refresh(m_room.store()); !r)
        return r.error();
    std::vector<FeedArrival> arrivals;
    // Refused items per source (the caller's first), kept in the quarantine in the batch's own transaction.
    for (FeedInput &input : inputs) {
        FeedBatch batch;
        // File names of exports often carry a patient's or caller's name, which no pattern recognises:
        // files are kept as a keyed token (the same file always gives the same token), transports by their
        // label.
        const QString label = sourceLabel(m_room.anonymiser(), input.context);
        if (const FeedPause *pause = m_controls.paused(label)) {
            // Kept whole (scrubbed like all quarantined input) so that nothing of a paused feed is lost.
            batch.reject(QStringLiteral("message"), pausedReason(*pause), input.bytes);
            ++report.held;
            report.rejected += 1;
            report.reasons << QStringLiteral("message: ") + pausedReason(*pause);
            refused.push_back({label, std::move(batch.rejected)});
            continue;
        }
        FeedContext ctx = input.context;
        ctx.source = label;
        const FeedAdapter *adapter = nullptr;
        if (!input.format.isEmpty()) {
            adapter = m_registry.byFormat(input.format);
            if (!adapter)
                return Error{QStringLiteral("%1: unknown format \"%2\" (one of %3)")
                                 .arg(label, input.format, m_registry.formats().join(u", "))};
        } else if (auto detected = m_registry.detect(input.bytes, label)) {
            adapter = *detected;
        } else {
            batch.reject(QStringLiteral("document"), detected.error().message, input.bytes.left(64 * 1024));
        }
        if (adapter) {
            if (report.format.isEmpty() || report.format == adapter->format())
                report.format = adapter->format();
            else
                report.format = QStringLiteral("mixed");
            batch = adapter->parse(input.bytes, ctx);
        }
        // An XML document's signature covers the whole document, hence every message it yields.
        const SignatureCheck signature = input.bytes.trimmed().startsWith('<')
                                             ? verifyXmlSignature(input.bytes, ctx.trustAnchors)
                                             : SignatureCheck{};
        if (ctx.requireSignature && !signature.ok() && !batch.messages.empty()) {
            // Quarantined whole with the reason; refusals of the parse are kept beside it.
            batch.messages.clear();
            batch.reject(QStringLiteral("document"),
                         QStringLiteral("a valid XML signature is required on this feed; signature %1")
                             .arg(signature.describe()),
                         input.bytes);
        }
        report.ignored += batch.ignored;

        for (auto &message : batch.messages) {
            ++report.messages;
            bool valid = true;
            for (const auto &d : message.drafts)
                if (auto v = validateDraft(d); !v) {
                    batch.reject(message.position, v.error().message, {});
                    valid = false;
                    break;
                }
            if (!valid)
                continue;
            // The key may hold a source's own ids, even a person's: only its keyed hash is kept. Rooms
            // written before keyed keys hold the plain SHA-256: given too, so those messages stay repeats.
            FeedArrival arrival;
            arrival.key = m_room.anonymiser().feedKey(message.key);
            arrival.legacyKey = QString::fromLatin1(
                QCryptographicHash::hash(message.key.toUtf8(), QCryptographicHash::Sha256).toHex());
            arrival.source = label;
            // Every entry says which feed and which message it came from: a reader of the log alone (a
            // desk's replica, the Feeds dock) can count a feed's messages without the feed bookkeeping.
            for (auto &d : message.drafts) {
                d.data.insert(QStringLiteral("feed_source"), label);
                d.data.insert(QStringLiteral("feed_key"), arrival.key.left(16));
                d.data.insert(QStringLiteral("signature"), signature.word());
                if (signature.state == SignatureState::Invalid) {
                    d.data.insert(QStringLiteral("signature_part"), signature.part);
                    d.data.insert(QStringLiteral("signature_reason"), signature.reason);
                }
                arrival.drafts.push_back(std::move(d));
            }
            arrivals.push_back(std::move(arrival));
        }
        if (!batch.rejected.empty()) {
            report.rejected += qint64(batch.rejected.size());
            for (const auto &r : batch.rejected)
                report.reasons << r.position + QStringLiteral(": ") + r.reason;
            refused.push_back({label, std::move(batch.rejected)});
        }
    }
    // One transaction for the whole batch, its refusals included: counted and stored together, one sync.
    if (!arrivals.empty() || !refused.empty()) {
        if (beforeAppend && !arrivals.empty())
            beforeAppend(arrivals);
        auto appended = m_room.appendFeed(std::move(arrivals), refused);
        if (!appended)
            return appended.error();
        for (const qint64 count : appended->arrivals) {
            if (count > 1)
                ++report.duplicates;
            else
                ++report.stored;
            report.maxRepeat = std::max(report.maxRepeat, count);
        }
        report.entries = qint64(appended->appended.size());
        report.appended = std::move(appended->appended);
    }
    return report;
}

} // namespace vigie::feeds
