#pragma once
// The feed formats. Each adapter parses its own format; the registry picks one by sniffing when the format
// is not given.
#include "feeds/feed_adapter.h"

#include <QHash>

namespace vigie::feeds {

/// CAP 1.2 alerts (XML).
class CapAdapter final : public FeedAdapter
{
public:
    [[nodiscard]] QString format() const override { return QStringLiteral("cap"); }
    [[nodiscard]] int sniff(const QByteArray &bytes) const override;
    [[nodiscard]] FeedBatch parse(const QByteArray &bytes, const FeedContext &context) const override;
};

/// EDXL-DE 1.0/2.0 envelopes (XML or Hub Santé JSON) around CAP, EMSI, HAVE, RM or Hub Santé messages.
class EdxlAdapter final : public FeedAdapter
{
public:
    [[nodiscard]] QString format() const override { return QStringLiteral("edxl"); }
    [[nodiscard]] int sniff(const QByteArray &bytes) const override;
    [[nodiscard]] FeedBatch parse(const QByteArray &bytes, const FeedContext &context) const override;
};

/// EMSI and bare Hub Santé messages (XML or JSON).
class EmsiAdapter final : public FeedAdapter
{
public:
    [[nodiscard]] QString format() const override { return QStringLiteral("emsi"); }
    [[nodiscard]] int sniff(const QByteArray &bytes) const override;
    [[nodiscard]] FeedBatch parse(const QByteArray &bytes, const FeedContext &context) const override;
};

/// NMEA 0183 GGA and RMC sentences (one per line) → unit.position of context.unit.
class NmeaAdapter final : public FeedAdapter
{
public:
    [[nodiscard]] QString format() const override { return QStringLiteral("nmea"); }
    [[nodiscard]] int sniff(const QByteArray &bytes) const override;
    [[nodiscard]] FeedBatch parse(const QByteArray &bytes, const FeedContext &context) const override;
};

/// Column mapping of a CSV main courante export: our field → the export's column header.
/// Splits one CSV record (RFC 4180 quoting) of `text` from `pos`, which it moves past the record; returns
/// false on an unterminated quote.
[[nodiscard]] bool readCsvRecord(const QString &text, qsizetype &pos, QChar delimiter, QStringList &fields);

struct CsvMapping
{
    QChar delimiter = u';';
    QHash<QString, QString> columns; ///< time, text, author, agency, incident, type, lat, lon, id
    /// Reads {"delimiter": ";", "columns": {"time": "Date", …}}; a column for a field we do not have is
    /// refused.
    [[nodiscard]] static Result<CsvMapping> fromJson(const QByteArray &json);
    /// The same from the parsed mapping file.
    [[nodiscard]] static Result<CsvMapping> fromObject(const QJsonObject &mapping);
    /// The mapping of our own exports (headers equal to our field names).
    [[nodiscard]] static CsvMapping defaults();
};

/// CSV mains courantes: one row → a note, or an incident report when the row has a type and a place.
class CsvAdapter final : public FeedAdapter
{
public:
    explicit CsvAdapter(CsvMapping mapping = CsvMapping::defaults()) : m_mapping(std::move(mapping)) {}
    [[nodiscard]] QString format() const override { return QStringLiteral("csv"); }
    [[nodiscard]] int sniff(const QByteArray &bytes) const override;
    [[nodiscard]] FeedBatch parse(const QByteArray &bytes, const FeedContext &context) const override;

private:
    CsvMapping m_mapping;
};

/// GeoJSON features from sensors, cameras and CCTV supervision → incident reports.
class GeoJsonAdapter final : public FeedAdapter
{
public:
    [[nodiscard]] QString format() const override { return QStringLiteral("geojson"); }
    [[nodiscard]] int sniff(const QByteArray &bytes) const override;
    [[nodiscard]] FeedBatch parse(const QByteArray &bytes, const FeedContext &context) const override;
};

/// All adapters; picks one by name or by sniffing.
class FeedRegistry
{
public:
    explicit FeedRegistry(CsvMapping csv = CsvMapping::defaults());
    [[nodiscard]] const FeedAdapter *byFormat(const QString &format) const;
    /// The most confident adapter, or an error naming the source when none recognises the bytes.
    [[nodiscard]] Result<const FeedAdapter *> detect(const QByteArray &bytes, const QString &source) const;
    [[nodiscard]] QStringList formats() const;

private:
    std::vector<std::unique_ptr<FeedAdapter>> m_adapters;
};

} // namespace vigie::feeds
