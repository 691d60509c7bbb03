#pragma once
// The feed formats. Each adapter parses its own format; the registry picks one by sniffing when the format
// is not given.
#include "feeds/feed_adapter.h"

#include <QHash>

#include <array>
#include <optional>

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

/// Our fields that a GeoJSON feature gives (docs/feed-mappings.md).
enum class GeoJsonField
{
    Id,
    Time,
    Type,
    Title,
    Severity,
    Agency,
    Incident,
    Sensor,
    Status
};
inline constexpr int geoJsonFieldCount = 9;
/// "id", "time"…: the field's name in a mapping file and in messages.
[[nodiscard]] QString geoJsonFieldName(GeoJsonField field);

/// Property mapping of a GeoJSON export: where each of our fields is in a feature. A path is read in the
/// feature's properties, its steps separated by "/" ("infos/date" is properties.infos.date; a number picks
/// an element of an array, "tags/0"); a path that starts with "/" is read from the feature itself ("/id", the
/// feature's own id). Id, time and type are required; the others may be absent from a feature.
struct GeoJsonMapping
{
    struct Path
    {
        bool fromFeature = false; ///< "/id": from the feature, not from its properties
        QStringList steps;
    };
    struct Field
    {
        std::vector<Path> paths; ///< tried in order: the first present gives the value
        /// When none is present ("default"), or the constant of a field without paths ("value").
        QJsonValue fallback{QJsonValue::Undefined};
    };
    std::array<Field, geoJsonFieldCount> fields;

    /// What one feature gives through the mapping.
    struct Properties
    {
        QString id, type, title, agency, incident, sensor;
        Timestamp time;
        std::optional<int> severity;
        std::optional<QString> status;
    };

    /// Reads the "properties" section of a mapping file: {"id": "identifiant", "time": "infos/horodatage",
    /// "type": ["nature", "categorie"], "title": {"path": "libelle", "default": "…"}, "agency": {"value":
    /// "police"}}; an unknown field, a missing required one or a bad path is refused, naming it.
    [[nodiscard]] static Result<GeoJsonMapping> fromJson(const QJsonValue &section);
    /// Our own names: properties id (or the feature's id), time, type (or category), title, severity, agency,
    /// incident, sensor and status.
    [[nodiscard]] static GeoJsonMapping defaults();
    /// The fields of `feature`, or why it does not fit, naming the property ("properties.infos.date").
    [[nodiscard]] Result<Properties> read(const QJsonObject &feature) const;
};

/// GeoJSON features from sensors, cameras and CCTV supervision → incident reports.
class GeoJsonAdapter final : public FeedAdapter
{
public:
    explicit GeoJsonAdapter(GeoJsonMapping mapping = GeoJsonMapping::defaults())
        : m_mapping(std::move(mapping))
    {}
    [[nodiscard]] QString format() const override { return QStringLiteral("geojson"); }
    [[nodiscard]] int sniff(const QByteArray &bytes) const override;
    [[nodiscard]] FeedBatch parse(const QByteArray &bytes, const FeedContext &context) const override;

private:
    GeoJsonMapping m_mapping;
};

/// A mapping file (`vigie-cli ingest --map`): "delimiter" and "columns" for CSV, "properties" for GeoJSON.
/// A format whose section is absent keeps our own names.
struct FeedMapping
{
    CsvMapping csv = CsvMapping::defaults();
    GeoJsonMapping geojson = GeoJsonMapping::defaults();
    /// Refuses what is not JSON, an unknown key and a bad section, naming the key.
    [[nodiscard]] static Result<FeedMapping> fromJson(const QByteArray &json);
};

/// All adapters; picks one by name or by sniffing.
class FeedRegistry
{
public:
    explicit FeedRegistry(CsvMapping csv = CsvMapping::defaults(),
                          GeoJsonMapping geojson = GeoJsonMapping::defaults());
    explicit FeedRegistry(FeedMapping mapping)
        : FeedRegistry(std::move(mapping.csv), std::move(mapping.geojson))
    {}
    [[nodiscard]] const FeedAdapter *byFormat(const QString &format) const;
    /// The most confident adapter, or an error naming the source when none recognises the bytes.
    [[nodiscard]] Result<const FeedAdapter *> detect(const QByteArray &bytes, const QString &source) const;
    [[nodiscard]] QStringList formats() const;

private:
    std::vector<std::unique_ptr<FeedAdapter>> m_adapters;
};

} // namespace vigie::feeds
