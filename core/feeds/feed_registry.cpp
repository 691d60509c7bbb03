#include "feeds/feed_adapters.h"

#include <QJsonDocument>

namespace vigie::feeds {

Result<FeedMapping> FeedMapping::fromJson(const QByteArray &json)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return Error{QStringLiteral("mapping: not a JSON object (%1 at byte %2)")
                         .arg(error.errorString())
                         .arg(error.offset)};
    if (!doc.isObject())
        return Error{QStringLiteral("mapping: not a JSON object {\"columns\": …} or {\"properties\": …}")};
    const QJsonObject root = doc.object();
    for (auto it = root.begin(); it != root.end(); ++it)
        if (it.key() != u"delimiter" && it.key() != u"columns" && it.key() != u"properties")
            return Error{QStringLiteral("mapping: unknown key \"%1\" (\"delimiter\" and \"columns\" map CSV "
                                        "columns, \"properties\" GeoJSON properties)")
                             .arg(it.key().left(40))};
    if (!root.contains(u"columns") && !root.contains(u"properties"))
        return Error{QStringLiteral("mapping: neither \"columns\" (CSV) nor \"properties\" (GeoJSON)")};
    FeedMapping m;
    if (root.contains(u"columns") || root.contains(u"delimiter")) {
        auto csv = CsvMapping::fromObject(root);
        if (!csv)
            return csv.error();
        m.csv = std::move(csv.value());
    }
    if (root.contains(u"properties")) {
        auto geojson = GeoJsonMapping::fromJson(root.value(u"properties"));
        if (!geojson)
            return geojson.error();
        m.geojson = std::move(geojson.value());
    }
    return m;
}

FeedRegistry::FeedRegistry(CsvMapping csv, GeoJsonMapping geojson)
{
    m_adapters.push_back(std::make_unique<EdxlAdapter>());
    m_adapters.push_back(std::make_unique<CapAdapter>());
    m_adapters.push_back(std::make_unique<EmsiAdapter>());
    m_adapters.push_back(std::make_unique<GeoJsonAdapter>(std::move(geojson)));
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
