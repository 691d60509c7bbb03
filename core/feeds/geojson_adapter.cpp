#include "feeds/feed_adapters.h"
#include "feeds/taxonomy.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace vigie::feeds {

int GeoJsonAdapter::sniff(const QByteArray &bytes) const
{
    const QByteArray h = bytes.left(1024);
    return h.contains("\"FeatureCollection\"") || h.contains("\"Feature\"") ? 85 : 0;
}

FeedBatch GeoJsonAdapter::parse(const QByteArray &bytes, const FeedContext &context) const
{
    FeedBatch out;
    if (const QString problem = inputProblem(bytes); !problem.isEmpty()) {
        out.reject(QStringLiteral("document"), QStringLiteral("GeoJSON: ") + problem, bytes.left(64 * 1024));
        return out;
    }
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        out.reject(QStringLiteral("byte %1").arg(error.offset),
                   QStringLiteral("GeoJSON: malformed JSON: %1")
                       .arg(error.error == QJsonParseError::NoError ? QStringLiteral("not an object")
                                                                    : error.errorString()),
                   bytes);
        return out;
    }
    const QJsonObject root = doc.object();
    QJsonArray features;
    if (root.value(u"type").toString() == u"FeatureCollection")
        features = root.value(u"features").toArray();
    else if (root.value(u"type").toString() == u"Feature")
        features.append(root);
    else {
        out.reject(QStringLiteral("document"),
                   QStringLiteral("GeoJSON: type must be FeatureCollection or Feature"), bytes.left(4096));
        return out;
    }
    for (int i = 0; i < features.size(); ++i) {
        const QString where = QStringLiteral("features[%1]").arg(i);
        const QJsonObject f = features[i].toObject();
        const QByteArray raw = QJsonDocument(f).toJson(QJsonDocument::Compact);
        auto geo = geometryFromGeoJson(f.value(u"geometry").toObject());
        if (!geo || geo->isNull()) {
            out.reject(where,
                       QStringLiteral("GeoJSON: geometry missing or invalid%1")
                           .arg(geo ? QString() : QStringLiteral(": ") + geo.error().message),
                       raw);
            continue;
        }
        const QJsonObject p = f.value(u"properties").toObject();
        const QString id = p.value(u"id").isString()   ? p.value(u"id").toString()
                           : f.value(u"id").isString() ? f.value(u"id").toString()
                           : f.value(u"id").isDouble() ? QString::number(f.value(u"id").toDouble())
                                                       : QString();
        const auto t = Timestamp::parseIso(p.value(u"time").toString());
        const QString type = p.value(u"type").toString(p.value(u"category").toString());
        if (id.isEmpty() || !t || type.isEmpty()) {
            out.reject(
                where,
                QStringLiteral(
                    "GeoJSON: properties need id (or feature id), time (ISO 8601 with offset) and type"),
                raw);
            continue;
        }
        if (p.contains(u"status"))
            if (auto refusal = modeRefusal(p.value(u"status").toString(), context.mode)) {
                out.reject(where, QStringLiteral("GeoJSON status: ") + *refusal, raw);
                continue;
            }
        const QString sensor = p.value(u"sensor").toString(context.source);
        Entry e;
        e.kind = QStringLiteral("incident.open");
        e.eventTime = *t;
        e.author = sensor;
        e.role = QStringLiteral("feed");
        e.agency = p.value(u"agency").toString(context.agency);
        e.geo = std::move(geo.value());
        e.data = {{QStringLiteral("incident"),
                   p.value(u"incident").toString(QString(QStringLiteral("geojson:") + id))},
                  {QStringLiteral("type"), typeFromCode(QStringLiteral("geojson"), type)},
                  {QStringLiteral("title"), p.value(u"title").toString(type)},
                  {QStringLiteral("status"), QStringLiteral("open")},
                  {QStringLiteral("source_id"), id},
                  {QStringLiteral("feed"), QStringLiteral("geojson")}};
        out.messages.push_back({QString(QStringLiteral("geojson:") + id), where, {std::move(e)}});
    }
    return out;
}

} // namespace vigie::feeds
