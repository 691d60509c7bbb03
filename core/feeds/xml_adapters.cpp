#include "feeds/documents.h"
#include "feeds/feed_adapters.h"
#include "feeds/mapping_p.h"

namespace vigie::feeds {

namespace {

// Sniffing looks at the first KiB only: enough for the root element of every standard we read.
QByteArray head(const QByteArray &bytes)
{
    return bytes.left(1024);
}

} // namespace

int CapAdapter::sniff(const QByteArray &bytes) const
{
    if (documentRoot(bytes) == u"alert")
        return 90;
    const QByteArray h = head(bytes);
    return h.contains("urn:oasis:names:tc:emergency:cap:1.") ? 60 : 0;
}

FeedBatch CapAdapter::parse(const QByteArray &bytes, const FeedContext &context) const
{
    FeedBatch out;
    mapBytes(bytes, format(), context, out);
    return out;
}

int EdxlAdapter::sniff(const QByteArray &bytes) const
{
    const QString root = documentRoot(bytes);
    static const QStringList roots{
        QStringLiteral("EDXLDistribution"), QStringLiteral("EdxlDeRequest"),
        QStringLiteral("HospitalStatus"),   QStringLiteral("RequestResource"),
        QStringLiteral("CommitResource"),   QStringLiteral("ResponseToRequestResource")};
    if (roots.contains(root, Qt::CaseInsensitive))
        return 95;
    // JSON envelopes start with any of their header fields (or a misspelt one in the failing samples).
    const QByteArray h = head(bytes);
    return h.startsWith('{') || h.trimmed().startsWith('{')
               ? (h.contains("distributionID\"") || h.contains("dateTimeSent\"") ? 95 : 0)
               : (h.contains("EDXLDistribution") || h.contains("edxlDistribution") ? 95 : 0);
}

FeedBatch EdxlAdapter::parse(const QByteArray &bytes, const FeedContext &context) const
{
    FeedBatch out;
    mapBytes(bytes, format(), context, out);
    return out;
}

int EmsiAdapter::sniff(const QByteArray &bytes) const
{
    const QString root = documentRoot(bytes);
    if (isHubSanteRoot(root))
        return 80;
    // The Hub Santé TECHNICAL test messages in JSON have no root, only validator test fields.
    if (bytes.trimmed().startsWith('{') && (root.contains(u"Field") || root.startsWith(u"array") ||
                                            root.startsWith(u"object") || root.startsWith(u"unexpected")))
        return 30;
    return 0;
}

FeedBatch EmsiAdapter::parse(const QByteArray &bytes, const FeedContext &context) const
{
    FeedBatch out;
    mapBytes(bytes, format(), context, out);
    return out;
}

} // namespace vigie::feeds
