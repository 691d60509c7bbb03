// CAP 1.2 (OASIS Common Alerting Protocol) onto incident entries.
#include "feeds/mapping_p.h"
#include "feeds/taxonomy.h"

namespace vigie::feeds {

namespace {

const QStringList capStatuses{QStringLiteral("Actual"), QStringLiteral("Exercise"), QStringLiteral("System"),
                              QStringLiteral("Test"), QStringLiteral("Draft")};
const QStringList capMsgTypes{QStringLiteral("Alert"), QStringLiteral("Update"), QStringLiteral("Cancel"),
                              QStringLiteral("Ack"), QStringLiteral("Error")};
const QStringList capScopes{QStringLiteral("Public"), QStringLiteral("Restricted"),
                            QStringLiteral("Private")};
const QStringList capUrgency{QStringLiteral("Immediate"), QStringLiteral("Expected"),
                             QStringLiteral("Future"), QStringLiteral("Past"), QStringLiteral("Unknown")};
const QStringList capSeverity{QStringLiteral("Extreme"), QStringLiteral("Severe"), QStringLiteral("Moderate"),
                              QStringLiteral("Minor"), QStringLiteral("Unknown")};
const QStringList capCertainty{QStringLiteral("Observed"), QStringLiteral("Likely"),
                               QStringLiteral("Possible"), QStringLiteral("Unlikely"),
                               QStringLiteral("Unknown"),  QStringLiteral("Very Likely")};

// "lat,lon lat,lon …" (CAP puts latitude first).
Result<std::vector<GeoPoint>> capPairs(const QString &text)
{
    std::vector<GeoPoint> points;
    for (const auto &pair : text.split(u' ', Qt::SkipEmptyParts)) {
        const auto parts = pair.split(u',');
        bool okLat = false, okLon = false;
        const double lat = parts.size() == 2 ? parts[0].toDouble(&okLat) : 0.0;
        const double lon = parts.size() == 2 ? parts[1].toDouble(&okLon) : 0.0;
        if (!okLat || !okLon || !isValidCoordinate({lon, lat}))
            return Error{QStringLiteral("\"%1\" is not a WGS84 \"lat,lon\" pair").arg(pair.left(40))};
        points.push_back({lon, lat});
    }
    return points;
}

// "valueName=value" for each <eventCode>, <parameter> or <geocode> of a block.
QJsonArray namedValues(const QJsonValue &value)
{
    QJsonArray out;
    for (const auto &o : objects(value))
        out.append(QString(pickString(o, u"valueName") + u'=' + pickString(o, u"value")));
    return out;
}

// The texts of one <info> block that a reader of another language wants: kept beside the block chosen.
QJsonObject infoTexts(const QJsonObject &info, const QString &language)
{
    QJsonObject out{{QStringLiteral("language"), language}};
    for (const char *field : {"event", "headline", "description", "instruction"})
        if (const QString text = pickString(info, QString::fromLatin1(field)); !text.isEmpty())
            out.insert(QLatin1String(field), text.left(4000));
    return out;
}

} // namespace

void mapCap(const QJsonObject &alert, const QByteArray &raw, const QString &position,
            const FeedContext &context, const Envelope &envelope, FeedBatch &out)
{
    auto refuse = [&](const QString &where, const QString &reason) {
        out.reject(where.isEmpty() ? position : position + u' ' + where, QStringLiteral("CAP: ") + reason,
                   raw);
    };
    for (const char *field : {"identifier", "sender", "sent", "status", "msgType", "scope"}) {
        if (!alert.value(QLatin1String(field)).isString() ||
            pickString(alert, QString::fromLatin1(field)).isEmpty())
            return refuse(
                {}, QStringLiteral("required element <%1> is missing or not text").arg(QLatin1String(field)));
    }
    const QString identifier = pickString(alert, u"identifier");
    const QString status = pickString(alert, u"status");
    const QString msgType = pickString(alert, u"msgType");
    if (!capStatuses.contains(status))
        return refuse(
            {}, QStringLiteral("<status> \"%1\" is not one of %2").arg(status, capStatuses.join(u", ")));
    if (!capMsgTypes.contains(msgType))
        return refuse(
            {}, QStringLiteral("<msgType> \"%1\" is not one of %2").arg(msgType, capMsgTypes.join(u", ")));
    if (!capScopes.contains(pickString(alert, u"scope")))
        return refuse({}, QStringLiteral("<scope> \"%1\" is not one of %2")
                              .arg(pickString(alert, u"scope"), capScopes.join(u", ")));
    const auto sent = Timestamp::parseIso(pickString(alert, u"sent"));
    if (!sent)
        return refuse({}, QStringLiteral("<sent> \"%1\" is not an ISO 8601 time with offset")
                              .arg(pickString(alert, u"sent")));
    if (auto refusal = modeRefusal(status, context.mode))
        return refuse({}, QStringLiteral("status %1").arg(*refusal));
    if (msgType == u"Ack" || msgType == u"Error")
        return refuse(
            {},
            QStringLiteral("msgType %1 acknowledges another alert and carries no situation").arg(msgType));

    // Updates and cancels name the alert they revise: the incident stays the one first alerted.
    QString incident = identifier;
    const QString references = pickString(alert, u"references");
    if (msgType != u"Alert") {
        const auto first = references.split(u' ', Qt::SkipEmptyParts);
        if (first.isEmpty())
            return refuse(
                {}, QStringLiteral("msgType %1 without <references> to the alert it revises").arg(msgType));
        const auto parts = first.first().split(u',');
        if (parts.size() != 3)
            return refuse({}, QStringLiteral("<references> \"%1\" is not \"sender,identifier,sent\"")
                                  .arg(first.first().left(80)));
        incident = parts[1];
    }

    const auto infos = objects(alert.value(u"info"));
    if (infos.empty() && msgType != u"Cancel")
        return refuse({}, QStringLiteral("no <info> block"));
    // One incident per alert: the French block if any, else English, else the first.
    int chosen = 0;
    QStringList languages;
    for (int i = 0; i < int(infos.size()); ++i) {
        const QString lang = pickString(infos[i], u"language").isEmpty() ? QStringLiteral("en-US")
                                                                         : pickString(infos[i], u"language");
        languages << lang;
        if (lang.startsWith(u"fr") && !languages.first().startsWith(u"fr"))
            chosen = i;
    }
    if (chosen == 0)
        for (int i = 0; i < int(languages.size()); ++i)
            if (languages[i].startsWith(u"fr")) {
                chosen = i;
                break;
            }
    for (int i = 0; i < int(infos.size()); ++i) {
        const QString where = QStringLiteral("info[%1]").arg(i);
        for (const char *field : {"category", "event", "urgency", "severity", "certainty"})
            if (pickString(infos[i], QString::fromLatin1(field)).isEmpty())
                return refuse(where,
                              QStringLiteral("required element <%1> is missing").arg(QLatin1String(field)));
        if (!capUrgency.contains(pickString(infos[i], u"urgency")))
            return refuse(
                where,
                QStringLiteral("<urgency> \"%1\" is not a CAP value").arg(pickString(infos[i], u"urgency")));
        if (!capSeverity.contains(pickString(infos[i], u"severity")))
            return refuse(where, QStringLiteral("<severity> \"%1\" is not a CAP value")
                                     .arg(pickString(infos[i], u"severity")));
        if (!capCertainty.contains(pickString(infos[i], u"certainty")))
            return refuse(where, QStringLiteral("<certainty> \"%1\" is not a CAP value")
                                     .arg(pickString(infos[i], u"certainty")));
    }

    QJsonObject data{{QStringLiteral("incident"), QString(QStringLiteral("cap:") + incident)},
                     {QStringLiteral("source_id"), identifier},
                     {QStringLiteral("sender"), pickString(alert, u"sender")},
                     {QStringLiteral("cap_status"), status}};
    // The signature (XML-DSig) is verified on the document's bytes by the Ingestor (xml_signature.h).
    Geometry geo;
    if (!infos.empty()) {
        const QJsonObject &info = infos[chosen];
        const QString event = pickString(info, u"event");
        // What the sender meant, from its codes, its words, its category and itself together (taxonomy.h).
        QStringList codes;
        for (const QJsonValue &code : namedValues(info.value(u"eventCode")))
            codes << code.toString();
        for (const QJsonValue &parameter : namedValues(info.value(u"parameter")))
            if (parameter.toString().startsWith(u"awareness_type"))
                codes << parameter.toString();
        const Typing typing =
            typeIncident({QStringLiteral("cap"), codes, event + u' ' + pickString(info, u"headline"),
                          strings(info.value(u"category")), pickString(alert, u"sender")});
        data.insert(QStringLiteral("type"), typing.type);
        data.insert(QStringLiteral("type_reason"), typing.reason);
        data.insert(QStringLiteral("title"),
                    pickString(info, u"headline").isEmpty() ? event : pickString(info, u"headline"));
        if (!pickString(info, u"description").isEmpty())
            data.insert(QStringLiteral("text"), pickString(info, u"description").left(4000));
        data.insert(QStringLiteral("languages"), QJsonArray::fromStringList(languages));
        static const QStringList severities{QStringLiteral("Minor"), QStringLiteral("Moderate"),
                                            QStringLiteral("Severe"), QStringLiteral("Extreme")};
        if (const int s = int(severities.indexOf(pickString(info, u"severity"))); s >= 0)
            data.insert(QStringLiteral("severity"), s + 2);
        // What people must do, and the rest of the block a reader of the alert is owed (CAP 1.2 §3.2.2).
        if (const QString instruction = pickString(info, u"instruction"); !instruction.isEmpty())
            data.insert(QStringLiteral("instruction"), instruction.left(4000));
        data.insert(QStringLiteral("event"), event);
        data.insert(QStringLiteral("category"), QJsonArray::fromStringList(strings(info.value(u"category"))));
        data.insert(QStringLiteral("urgency"), pickString(info, u"urgency"));
        data.insert(QStringLiteral("certainty"), pickString(info, u"certainty"));
        if (const QStringList responses = strings(info.value(u"responseType")); !responses.isEmpty())
            data.insert(QStringLiteral("response_types"), QJsonArray::fromStringList(responses));
        if (const QJsonArray codes = namedValues(info.value(u"eventCode")); !codes.isEmpty())
            data.insert(QStringLiteral("event_codes"), codes);
        if (const QJsonArray parameters = namedValues(info.value(u"parameter")); !parameters.isEmpty())
            data.insert(QStringLiteral("parameters"), parameters);
        if (const QString web = pickString(info, u"web"); !web.isEmpty())
            data.insert(QStringLiteral("web"), web.left(1000));
        // The alert's validity: an expired alert leaves the map by itself (Incident::expires).
        for (const char *field : {"onset", "effective", "expires"}) {
            const QString text = pickString(info, QString::fromLatin1(field));
            if (text.isEmpty())
                continue;
            const auto time = Timestamp::parseIso(text);
            if (!time)
                return refuse(QStringLiteral("info[%1]").arg(chosen),
                              QStringLiteral("<%1> \"%2\" is not an ISO 8601 time with offset")
                                  .arg(QLatin1String(field), text.left(40)));
            data.insert(QLatin1String(field), time->toIso());
        }
        // The other languages' texts (a bilingual alert from Canada or Belgium): kept, not typed again.
        QJsonArray translations;
        for (int i = 0; i < int(infos.size()); ++i)
            if (i != chosen)
                translations.append(infoTexts(infos[i], languages[i]));
        if (!translations.isEmpty())
            data.insert(QStringLiteral("translations"), translations);
        QJsonArray geocodes;
        QStringList areaDescs;
        // Every area and every shape of it: the entry's geometry is the first shape (what the map draws and
        // fusion places), the others are kept in `areas` so no part of the alerted territory is lost.
        QJsonArray areas;
        int a = 0;
        for (const auto &area : objects(info.value(u"area"))) {
            const QString where = QStringLiteral("info[%1]/area[%2]").arg(chosen).arg(a++);
            areaDescs << pickString(area, u"areaDesc");
            QJsonArray shapes;
            for (const auto &polygon : strings(area.value(u"polygon"))) {
                auto ring = capPairs(polygon);
                if (!ring)
                    return refuse(where, QStringLiteral("<polygon>: ") + ring.error().message);
                if (ring->size() < 4)
                    return refuse(
                        where,
                        QStringLiteral("<polygon> has %1 points, CAP requires at least 4").arg(ring->size()));
                shapes.append(geometryToGeoJson(Geometry::polygon(ring.value())));
                if (geo.isNull())
                    geo = Geometry::polygon(std::move(ring.value()));
            }
            for (const auto &circle : strings(area.value(u"circle"))) {
                const auto parts = circle.trimmed().split(u' ', Qt::SkipEmptyParts);
                auto centre = parts.isEmpty() ? Result<std::vector<GeoPoint>>(Error{QStringLiteral("empty")})
                                              : capPairs(parts[0]);
                bool okRadius = false;
                const double radius = parts.size() == 2 ? parts[1].toDouble(&okRadius) : 0.0;
                if (!centre || centre->size() != 1 || !okRadius || radius < 0)
                    return refuse(
                        where,
                        QStringLiteral("<circle> \"%1\" is not \"lat,lon radius_km\"").arg(circle.left(80)));
                QJsonObject shape = geometryToGeoJson(Geometry::point(centre->front()));
                shape.insert(QStringLiteral("radius_m"), radius * 1000.0);
                shapes.append(shape);
                if (geo.isNull()) {
                    geo = Geometry::point(centre->front());
                    data.insert(QStringLiteral("radius_m"), radius * 1000.0);
                }
            }
            const QJsonArray codes = namedValues(area.value(u"geocode"));
            for (const QJsonValue &code : codes)
                geocodes.append(code);
            QJsonObject kept{{QStringLiteral("desc"), pickString(area, u"areaDesc")}};
            if (!shapes.isEmpty())
                kept.insert(QStringLiteral("shapes"), shapes);
            if (!codes.isEmpty())
                kept.insert(QStringLiteral("geocodes"), codes);
            areas.append(kept);
        }
        if (!geocodes.isEmpty())
            data.insert(QStringLiteral("geocodes"), geocodes);
        if (!areaDescs.isEmpty())
            data.insert(QStringLiteral("area"), areaDescs.join(u"; "));
        if (areas.size() > 1 ||
            (areas.size() == 1 && areas[0].toObject().value(u"shapes").toArray().size() > 1))
            data.insert(QStringLiteral("areas"), areas);
    }
    const QString kind = msgType == u"Cancel"   ? QStringLiteral("incident.close")
                         : msgType == u"Update" ? QStringLiteral("incident.update")
                                                : QStringLiteral("incident.open");
    data.insert(QStringLiteral("status"),
                msgType == u"Cancel" ? QStringLiteral("closed") : QStringLiteral("open"));
    const QString sender = envelope.sender.isEmpty() ? pickString(alert, u"sender") : envelope.sender;
    out.messages.push_back(
        {messageKey(QStringLiteral("cap"), envelope, pickString(alert, u"sender") + u'/' + identifier),
         position,
         {makeDraft(kind, *sent, sender, agencyFromSender(sender, context.agency), geo, data,
                    QStringLiteral("cap"), envelope)}});
}

} // namespace vigie::feeds
