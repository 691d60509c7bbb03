#include "feeds/documents.h"
#include "feeds/feed_adapters.h"

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
    const QByteArray h = head(bytes);
    return h.contains("urn:oasis:names:tc:emergency:cap:1.") || h.contains("<alert") || h.contains(":alert")
               ? 90
               : 0;
}

FeedBatch CapAdapter::parse(const QByteArray &bytes, const FeedContext &context) const
{
    FeedBatch out;
    mapBytes(bytes, format(), context, out);
    return out;
}

int EdxlAdapter::sniff(const QByteArray &bytes) const
{
    const QByteArray h = head(bytes);
    return h.contains("EDXLDistribution") || h.contains("edxlDistribution") ||
                   h.contains("\"distributionID\"")
               ? 95
               : 0;
}

FeedBatch EdxlAdapter::parse(const QByteArray &bytes, const FeedContext &context) const
{
    FeedBatch out;
    mapBytes(bytes, format(), context, out);
    return out;
}

int EmsiAdapter::sniff(const QByteArray &bytes) const
{
    const QByteArray h = head(bytes);
    if (h.contains("<emsi") || h.contains("\"emsi\"") || h.contains("geoPositionsUpdate") ||
        h.contains("<message") || h.contains("\"message\""))
        return 80;
    return 0;
}

FeedBatch EmsiAdapter::parse(const QByteArray &bytes, const FeedContext &context) const
{
    FeedBatch out;
    mapBytes(bytes, format(), context, out);
    return out;
}

} // namespace vigie::feeds
