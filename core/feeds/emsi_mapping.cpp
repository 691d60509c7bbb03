// EMSI (ISO/TR 22351) and the French Hub Santé messages (createCase, geoPositionsUpdate) onto entries.
#include "feeds/mapping_p.h"
#include "feeds/taxonomy.h"

#include <limits>

namespace vigie::feeds {

namespace {

std::optional<GeoPoint> emsiCoord(const QJsonObject &position)
{
    const auto lat = pickNumber(position, u"COORD/LAT");
    const auto lon = pickNumber(position, u"COORD/LONG");
    if (!lat || !lon || !isValidCoordinate({*lon, *lat}))
        return std::nullopt;
    return GeoPoint{*lon, *lat};
}

int count(const QJsonObject &o, QStringView key)
{
    // Out of int's range (or NaN) the conversion is undefined: such a count is no count.
    const double n = pickNumber(o, key).value_or(0);
    return n >= 0 && n <= double(std::numeric_limits<int>::max()) ? int(n) : 0;
}

} // namespace

void mapEmsi(const QJsonObject &emsi, const QByteArray &raw, const QString &position,
             const FeedContext &context, const Envelope &envelope, FeedBatch &out)
{
    auto refuse = [&](const QString &reason) {
        out.reject(position, QStringLiteral("EMSI: ") + reason, raw);
    };
    for (const char *field : {"CONTEXT/ID", "CONTEXT/MODE", "CONTEXT/MSGTYPE", "CONTEXT/CREATION"})
        if (pickString(emsi, QString::fromLatin1(field)).isEmpty())
            return refuse(QStringLiteral("required field %1 is missing").arg(QLatin1String(field)));
    const auto created = Timestamp::parseIso(pickString(emsi, u"CONTEXT/CREATION"));
    if (!created)
        return refuse(QStringLiteral("CONTEXT/CREATION \"%1\" is not an ISO 8601 time")
                          .arg(pickString(emsi, u"CONTEXT/CREATION")));
    if (auto refusal = modeRefusal(pickString(emsi, u"CONTEXT/MODE"), context.mode))
        return refuse(QStringLiteral("CONTEXT/MODE ") + *refusal);
    const QString msgType = pickString(emsi, u"CONTEXT/MSGTYPE");
    const QString sender = pickString(emsi, u"CONTEXT/ORIGIN/ORG_ID");
    const QString agency = agencyFromSender(sender, context.agency);
    FeedMessage message{
        messageKey(QStringLiteral("emsi"), envelope, pickString(emsi, u"CONTEXT/ID")), position, {}};

    const QJsonObject event = pick(emsi, u"EVENT").toObject();
    if (!event.isEmpty()) {
        const QString id = pickString(event, u"MAIN_EVENT_ID").isEmpty()
                               ? pickString(event, u"ID")
                               : pickString(event, u"MAIN_EVENT_ID");
        if (id.isEmpty())
            return refuse(QStringLiteral("EVENT without ID"));
        if (!pick(event, u"SCALE").isUndefined() && !pickNumber(event, u"SCALE"))
            return refuse(
                QStringLiteral("EVENT/SCALE \"%1\" is not a number").arg(pickString(event, u"SCALE")));
        const Typing typing = typeIncident({QStringLiteral("emsi"),
                                            strings(pick(event, u"ETYPE/CATEGORY")),
                                            pickString(event, u"NAME"),
                                            {},
                                            sender});
        QJsonObject data{{QStringLiteral("incident"), QString(QStringLiteral("emsi:") + id)},
                         {QStringLiteral("source_id"), pickString(emsi, u"CONTEXT/ID")},
                         {QStringLiteral("type"), typing.type},
                         {QStringLiteral("type_reason"), typing.reason},
                         {QStringLiteral("title"), pickString(event, u"NAME")},
                         {QStringLiteral("emsi_category"), pickString(event, u"ETYPE/CATEGORY")}};
        if (!pickString(emsi, u"CONTEXT/FREETEXT").isEmpty())
            data.insert(QStringLiteral("text"), pickString(emsi, u"CONTEXT/FREETEXT").left(4000));
        if (const auto scale = pickNumber(event, u"SCALE"); scale && *scale >= 1 && *scale <= 5)
            data.insert(QStringLiteral("severity"), int(*scale));
        const auto casualties = objects(event.value(u"CASUALTIES"));
        if (!casualties.empty()) {
            const QJsonObject &c = casualties.back();
            data.insert(QStringLiteral("casualties"),
                        QJsonObject{{QStringLiteral("red"), count(c, u"TRIAGERED")},
                                    {QStringLiteral("yellow"), count(c, u"TRIAGEYELLOW")},
                                    {QStringLiteral("green"), count(c, u"TRIAGEGREEN")},
                                    {QStringLiteral("black"), count(c, u"TRIAGEBLACK")}});
        }
        Geometry geo;
        for (const auto &egeo : objects(event.value(u"EGEO")))
            if (const auto p = emsiCoord(egeo.value(u"POSITION").toObject()); p && geo.isNull())
                geo = Geometry::point(*p);
        const QString status = pickString(event, u"STATUS");
        const bool closing = msgType == u"CANCEL" || status == u"COM";
        data.insert(QStringLiteral("status"), closing ? QStringLiteral("closed") : QStringLiteral("open"));
        const QString kind = closing               ? QStringLiteral("incident.close")
                             : msgType == u"ALERT" ? QStringLiteral("incident.open")
                                                   : QStringLiteral("incident.update");
        message.drafts.push_back(
            makeDraft(kind, *created, sender, agency, geo, data, QStringLiteral("emsi"), envelope));
    }
    int r = 0;
    for (const auto &resource : objects(emsi.value(u"RESOURCE"))) {
        const QString id = pickString(resource, u"ID");
        ++r;
        if (id.isEmpty())
            continue;
        for (const auto &rgeo : objects(resource.value(u"RGEO"))) {
            if (const auto p = emsiCoord(rgeo.value(u"POSITION").toObject())) {
                const auto t = Timestamp::parseIso(pickString(rgeo, u"DATIME")).value_or(*created);
                message.drafts.push_back(
                    makeDraft(QStringLiteral("unit.position"), t, sender, agency, Geometry::point(*p),
                              {{QStringLiteral("unit"), QString(QStringLiteral("emsi:") + id)},
                               {QStringLiteral("source_id"), pickString(emsi, u"CONTEXT/ID")}},
                              QStringLiteral("emsi"), envelope));
                break;
            }
        }
    }
    if (message.drafts.empty())
        return refuse(QStringLiteral("message %1 has neither an EVENT nor a located RESOURCE")
                          .arg(pickString(emsi, u"CONTEXT/ID")));
    out.messages.push_back(std::move(message));
}

void mapGeoPositions(const QJsonObject &update, const QByteArray &raw, const QString &position,
                     const FeedContext &context, const Envelope &envelope, FeedBatch &out)
{
    const auto positions = objects(update.value(u"position"));
    if (positions.empty()) {
        out.reject(position, QStringLiteral("Hub Santé geoPositionsUpdate: no position"), raw);
        return;
    }
    int i = 0;
    for (const auto &p : positions) {
        const QString where = QStringLiteral("%1 position[%2]").arg(position).arg(i++);
        const QString unit = pickString(p, u"resourceId");
        const auto lat = pickNumber(p, u"coord/lat");
        const auto lon = pickNumber(p, u"coord/lon");
        const auto t = Timestamp::parseIso(pickString(p, u"datetime"));
        if (unit.isEmpty() || !lat || !lon || !t || !isValidCoordinate({*lon, *lat})) {
            out.reject(where,
                       QStringLiteral(
                           "Hub Santé geoPositionsUpdate: resourceId, coord/lat, coord/lon and datetime are "
                           "required (coordinates in WGS84 range)"),
                       raw);
            continue;
        }
        const QString agency = agencyFromSender(unit, context.agency);
        out.messages.push_back(
            {messageKey(QStringLiteral("geopos"), envelope, unit + u'@' + pickString(p, u"datetime")),
             where,
             {makeDraft(QStringLiteral("unit.position"), *t, envelope.sender, agency,
                        Geometry::point({*lon, *lat}),
                        {{QStringLiteral("unit"), unit}, {QStringLiteral("move"), pickString(p, u"move")}},
                        QStringLiteral("hubsante"), envelope)}});
    }
}

void mapHubSante(const QJsonObject &message, const QByteArray &raw, const QString &position,
                 const FeedContext &context, const Envelope &envelope, FeedBatch &out)
{
    if (!pickString(message, u"status").isEmpty()) {
        if (auto refusal = modeRefusal(pickString(message, u"status"), context.mode)) {
            out.reject(position, QStringLiteral("Hub Santé message status: ") + *refusal, raw);
            return;
        }
    } else if (auto refusal =
                   message.contains(u"emsi") ? std::nullopt : unmarkedRefusal(envelope, context.mode)) {
        // (EMSI says it in its own CONTEXT/MODE.)
        out.reject(position, *refusal, raw);
        return;
    }
    // The wrapper holds routing fields (messageId, sender, recipient…) and one use-case object.
    const QString messageId = pickString(message, u"messageId");
    const QString sender = pickString(message, u"sender/name");
    QStringList types;
    for (auto it = message.begin(); it != message.end(); ++it) {
        if (!it.value().isObject() || it.key() == u"sender" || it.key() == u"recipient")
            continue;
        if (mapHubSanteUseCase(it.key(), it.value().toObject(), raw, position, context, envelope, out,
                               messageId, sender))
            return;
        types << it.key();
    }
    out.reject(
        position,
        QStringLiteral("Hub Santé message with no known use case (found %1): expected createCase, emsi, "
                       "geoPositionsUpdate, resourcesStatus…")
            .arg(types.isEmpty() ? QStringLiteral("none") : types.join(u", ").left(200)),
        raw);
}

} // namespace vigie::feeds
