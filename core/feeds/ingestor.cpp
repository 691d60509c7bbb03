#include "feeds/ingestor.h"

#include <QCryptographicHash>

namespace vigie::feeds {

Result<IngestReport> Ingestor::ingest(const QByteArray &bytes, const FeedContext &context,
                                      const QString &format)
{
    IngestReport report;
    FeedBatch batch;
    const FeedAdapter *adapter = nullptr;
    if (!format.isEmpty()) {
        adapter = m_registry.byFormat(format);
        if (!adapter)
            return Error{QStringLiteral("%1: unknown format \"%2\" (one of %3)")
                             .arg(context.source, format, m_registry.formats().join(u", "))};
    } else if (auto detected = m_registry.detect(bytes, context.source)) {
        adapter = *detected;
    } else {
        batch.reject(QStringLiteral("document"), detected.error().message, bytes.left(64 * 1024));
    }
    if (adapter) {
        report.format = adapter->format();
        batch = adapter->parse(bytes, context);
    }
    report.ignored = batch.ignored;

    std::vector<Entry> drafts;
    const Timestamp now = m_room.clock().now();
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
        // The key may hold a source's own ids; only its hash is kept.
        const QString key = QString::fromLatin1(
            QCryptographicHash::hash(message.key.toUtf8(), QCryptographicHash::Sha256).toHex());
        auto seen = m_room.store().noteFeedMessage(key, context.source, now);
        if (!seen)
            return seen.error();
        if (*seen > 1) {
            ++report.duplicates;
            continue;
        }
        ++report.stored;
        for (auto &d : message.drafts) {
            d.data.insert(QStringLiteral("feed_key"), key.left(16));
            drafts.push_back(std::move(d));
        }
    }
    if (!drafts.empty()) {
        report.entries = qint64(drafts.size());
        auto appended = m_room.append(std::move(drafts));
        if (!appended)
            return appended.error();
    }
    if (!batch.rejected.empty()) {
        report.rejected = qint64(batch.rejected.size());
        for (const auto &r : batch.rejected)
            report.reasons << r.position + QStringLiteral(": ") + r.reason;
        if (auto q = m_room.quarantine(context.source, batch.rejected); !q)
            return q.error();
    }
    return report;
}

} // namespace vigie::feeds
