#include "feeds/feed_adapters.h"

namespace vigie::feeds {

FeedRegistry::FeedRegistry(CsvMapping csv)
{
    m_adapters.push_back(std::make_unique<EdxlAdapter>());
    m_adapters.push_back(std::make_unique<CapAdapter>());
    m_adapters.push_back(std::make_unique<EmsiAdapter>());
    m_adapters.push_back(std::make_unique<GeoJsonAdapter>());
    m_adapters.push_back(std::make_unique<NmeaAdapter>());
    m_adapters.push_back(std::make_unique<CsvAdapter>(std::move(csv)));
}

const FeedAdapter *FeedRegistry::byFormat(const QString &format) const
{
    for (const auto &a : m_adapters)
        if (a->format() == format)
            return a.get();
    return nullptr;
}

Result<const FeedAdapter *> FeedRegistry::detect(const QByteArray &bytes, const QString &source) const
{
    const FeedAdapter *best = nullptr;
    int bestScore = 0;
    for (const auto &a : m_adapters) {
        const int s = a->sniff(bytes);
        if (s > bestScore) {
            best = a.get();
            bestScore = s;
        }
    }
    if (!best)
        return Error{QStringLiteral("%1: format not recognised (not %2); give --format")
                         .arg(source, formats().join(u", "))};
    return best;
}

QStringList FeedRegistry::formats() const
{
    QStringList out;
    for (const auto &a : m_adapters)
        out << a->format();
    return out;
}

} // namespace vigie::feeds
