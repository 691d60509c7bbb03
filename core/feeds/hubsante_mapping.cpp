// The French Hub Santé use-case messages (SAMU ↔ SAMU and SAMU ↔ SDIS/NexSIS, CISU), bare or inside a
// "message" wrapper or an EDXL-DE envelope. Cases become incidents, resource states and positions become
// units, resource requests and engagements become notes; the rest (patient files, appointments, links,
// acknowledgements, test messages) is refused naming the message type and why the room does not keep it.
#include "feeds/mapping_p.h"
#include "feeds/taxonomy.h"

#include <array>

namespace vigie::feeds {

namespace {

struct UseCase
{
    QLatin1String root;
    QLatin1String code; ///< the Hub Santé use-case code (RC-EDA, RS-SR…)
    /// Why the room does not keep it; empty = mapped.
    const char *refusal;
};

// The roots of the Hub Santé models (ansforge/SAMU-Hub-Modeles, src/main/resources/json-schema).
constexpr std::array useCases{
    UseCase{QLatin1String("createCase"), QLatin1String("RC-EDA"), nullptr},
    UseCase{QLatin1String("createCaseHealth"), QLatin1String("RS-EDA"), nullptr},
    UseCase{QLatin1String("createCaseHealthUpdate"), QLatin1String("RS-EDA-MAJ"), nullptr},
    UseCase{QLatin1String("emsi"), QLatin1String("EMSI"), nullptr},
    UseCase{QLatin1String("geoPositionsUpdate"), QLatin1String("GEO-POS"), nullptr},
    UseCase{QLatin1String("resourcesStatus"), QLatin1String("RS-SR"), nullptr},
    UseCase{QLatin1String("resourcesInfo"), QLatin1String("RS-RI"), nullptr},
    UseCase{QLatin1String("resourcesInfoCisu"), QLatin1String("RC-RI"), nullptr},
    UseCase{QLatin1String("resourcesEngagement"), QLatin1String("RS-ER"), nullptr},
    UseCase{QLatin1String("resourcesRequest"), QLatin1String("RS-DR"), nullptr},
    UseCase{QLatin1String("resourcesResponse"), QLatin1String("RS-RR"), nullptr},
    UseCase{QLatin1String("interventionReport"), QLatin1String("RS-BPV"),
            "a patient assessment (bilan de prise en charge, health data) that the room never stores"},
    UseCase{QLatin1String("rpis"), QLatin1String("RS-RPIS"),
            "a patient care summary (résumé de prise en charge, health data) that the room never stores"},
    UseCase{QLatin1String("appointment"), QLatin1String("RS-SAS-RDV"),
            "a SAS appointment booked for one patient (scheduled care), not an incident feed"},
    UseCase{QLatin1String("documentLink"), QLatin1String("RS-URL"),
            "a link to a case document held by the sender; no situation in the message itself"},
    UseCase{QLatin1String("geoResourcesRequest"), QLatin1String("GEO-REQ"),
            "a request for vehicle positions addressed to the other centre; the answer (GEO-POS) is what "
            "the room ingests"},
    UseCase{QLatin1String("geoResourcesDetails"), QLatin1String("GEO-RES"),
            "a directory of the sender's vehicles without position or status; nothing for the picture"},
    UseCase{QLatin1String("reference"), QLatin1String("RC-REF"),
            "an acknowledgement of receipt of another message; nothing for the picture"},
    UseCase{QLatin1String("error"), QLatin1String("RS-ERROR"),
            "an error report about another message exchanged on the Hub; nothing for the picture"},
    UseCase{QLatin1String("technical"), QLatin1String("TECHNICAL"),
            "a Hub Santé technical test message (schema validation fields), not a situation message"},
    UseCase{QLatin1String("technicalNoreq"), QLatin1String("TECHNICAL_NOREQ"),
            "a Hub Santé technical test message (schema validation fields), not a situation message"},
    UseCase{QLatin1String("customContent"), QLatin1String("CUSTOM"),
            "free custom content agreed between two centres, with no model the room can read"},
};

const UseCase *useCaseOf(QStringView root)
{
    for (const UseCase &u : useCases)
        if (root == u.root)
            return &u;
    return nullptr;
}

/// Hub Santé resource states (RS-SR "status" enum) onto ours.
QString unitStatusOf(const QString &state)
{
    static const QHash<QString, QString> map{
        {QStringLiteral("DECISION"), QStringLiteral("unavailable")},
        {QStringLiteral("DECLENCHE"), QStringLiteral("en_route")},
        {QStringLiteral("DEPART"), QStringLiteral("en_route")},
        {QStringLiteral("ARRIVEE"), QStringLiteral("on_scene")},
        {QStringLiteral("PEC"), QStringLiteral("on_scene")},
        {QStringLiteral("BILAN"), QStringLiteral("on_scene")},
        {QStringLiteral("ORIENTAT"), QStringLiteral("on_scene")},
        {QStringLiteral("TRANSP"), QStringLiteral("unavailable")},
        {QStringLiteral("ETAPE1"), QStringLiteral("unavailable")},
        {QStringLiteral("TRANSP2"), QStringLiteral("unavailable")},
        {QStringLiteral("ETAPE2"), QStringLiteral("unavailable")},
        {QStringLiteral("TRANSP3"), QStringLiteral("unavailable")},
        {QStringLiteral("DESTIN"), QStringLiteral("unavailable")},
        {QStringLiteral("FINPEC"), QStringLiteral("returning")},
        {QStringLiteral("RETOUR"), QStringLiteral("returning")},
        {QStringLiteral("RET-BASE"), QStringLiteral("available")},
        {QStringLiteral("REN-BASE"), QStringLiteral("available")},
        {QStringLiteral("ANNULE"), QStringLiteral("available")},
    };
    return map.value(state.trimmed().toUpper());
}

struct Header
{
    QString code;      ///< use-case code, for reasons
    QString messageId; ///< of the "message" wrapper, when there is one
    QString sender;
};

void mapCase(const QString &root, const QJsonObject &c, const QByteArray &raw, const QString &position,
             const Envelope &envelope, const Header &h, FeedBatch &out)
{
    const QString caseId = pickString(c, u"caseId");
    const bool update = root == u"createCaseHealthUpdate";
    if (caseId.isEmpty()) {
        out.reject(position, QStringLiteral("Hub Santé %1 %2: caseId is required").arg(h.code, root), raw);
        return;
    }
    Geometry geo;
    const auto lat = pickNumber(c, u"location/geometry/point/coord/lat");
    const auto lon = pickNumber(c, u"location/geometry/point/coord/lon");
    if (lat && lon && isValidCoordinate({*lon, *lat}))
        geo = Geometry::point({*lon, *lat});
    const QString code = pickString(c, u"qualification/whatsHappen/code");
    if (update && geo.isNull() && code.isEmpty()) {
        out.reject(position,
                   QStringLiteral("Hub Santé %1 %2 for case %3: only patient, medical note or decision "
                                  "fields (health data), no place or qualification for the picture")
                       .arg(h.code, root, caseId.left(80)),
                   raw);
        return;
    }
    // An update has no time of its own: its EDXL-DE envelope dates it.
    const auto t = Timestamp::parseIso(update ? envelope.sent : pickString(c, u"creation"));
    if (!t) {
        out.reject(position,
                   update ? QStringLiteral("Hub Santé %1 %2 for case %3: no time of its own and no EDXL-DE "
                                           "envelope (dateTimeSent) to date it")
                                .arg(h.code, root, caseId.left(80))
                          : QStringLiteral("Hub Santé %1 %2 for case %3: creation (ISO 8601 with offset) is "
                                           "required")
                                .arg(h.code, root, caseId.left(80)),
                   raw);
        return;
    }
    QJsonObject data{{QStringLiteral("incident"), QString(QStringLiteral("hubsante:") + caseId)},
                     {QStringLiteral("source_id"), h.messageId.isEmpty() ? caseId : h.messageId},
                     {QStringLiteral("status"), QStringLiteral("open")}};
    const QString label = pickString(c, u"qualification/whatsHappen/label");
    if (!code.isEmpty()) {
        // The CISU code first, its label (always sent beside it) where the code names only a family.
        const Typing typing = typeIncident({QStringLiteral("hubsante"), {code}, label, {}, h.sender});
        data.insert(QStringLiteral("type"), typing.type);
        data.insert(QStringLiteral("type_reason"), typing.reason);
    }
    if (!label.isEmpty())
        data.insert(QStringLiteral("title"), label);
    const QString agency = agencyFromSender(caseId, QStringLiteral("samu"));
    out.messages.push_back(
        {messageKey(QStringLiteral("hubsante"), envelope,
                    (h.messageId.isEmpty() ? root : h.messageId) + u'/' + caseId + u'@' + t->toIso()),
         position,
         {makeDraft(update ? QStringLiteral("incident.update") : QStringLiteral("incident.open"), *t,
                    h.sender, agency, geo, data, QStringLiteral("hubsante"), envelope)}});
}

/// One resource of RS-SR / RS-RI / RC-RI: a status entry and, when located, a position entry.
void mapResource(const QJsonObject &r, const QString &caseId, const QString &where, const QByteArray &raw,
                 const Envelope &envelope, const Header &h, FeedMessage &message, FeedBatch &out)
{
    const QString unit = pickString(r, u"resourceId");
    if (unit.isEmpty()) {
        out.reject(where, QStringLiteral("Hub Santé %1: resource without resourceId").arg(h.code), raw);
        return;
    }
    const QString agency = agencyFromSender(unit, QStringLiteral("samu"));
    // States come newest first or oldest first depending on the sender: keep the latest by time.
    std::optional<Timestamp> latest;
    QString status;
    for (const auto &s : objects(r.value(u"state"))) {
        const auto t = Timestamp::parseIso(pickString(s, u"datetime"));
        const QString mapped = unitStatusOf(pickString(s, u"status"));
        if (t && !mapped.isEmpty() && (!latest || *t > *latest)) {
            latest = t;
            status = mapped;
        }
    }
    if (latest) {
        QJsonObject data{{QStringLiteral("unit"), unit}, {QStringLiteral("status"), status}};
        if (!caseId.isEmpty())
            data.insert(QStringLiteral("incident"), QString(QStringLiteral("hubsante:") + caseId));
        if (const QString name = pickString(r, u"name"); !name.isEmpty())
            data.insert(QStringLiteral("callsign"), name);
        if (const QString type = pickString(r, u"vehicleType"); !type.isEmpty())
            data.insert(QStringLiteral("type"), type);
        message.drafts.push_back(makeDraft(QStringLiteral("unit.status"), *latest, h.sender, agency, {}, data,
                                           QStringLiteral("hubsante"), envelope));
    }
    const auto lat = pickNumber(r, u"position/coord/lat");
    const auto lon = pickNumber(r, u"position/coord/lon");
    const auto t = Timestamp::parseIso(pickString(r, u"position/datetime"));
    if (lat && lon && t && isValidCoordinate({*lon, *lat}))
        message.drafts.push_back(makeDraft(QStringLiteral("unit.position"), *t, h.sender, agency,
                                           Geometry::point({*lon, *lat}), {{QStringLiteral("unit"), unit}},
                                           QStringLiteral("hubsante"), envelope));
}

void mapResources(const QString &root, const QJsonObject &body, const QByteArray &raw,
                  const QString &position, const Envelope &envelope, const Header &h, FeedBatch &out)
{
    const QString caseId = pickString(body, u"caseId");
    FeedMessage message{{}, position, {}};
    if (root == u"resourcesStatus") {
        mapResource(body, caseId, position, raw, envelope, h, message, out);
    } else {
        int i = 0;
        for (const auto &r : objects(body.value(u"resource")))
            mapResource(r, caseId, QStringLiteral("%1 resource[%2]").arg(position).arg(i++), raw, envelope, h,
                        message, out);
    }
    if (message.drafts.empty()) {
        out.reject(position,
                   QStringLiteral("Hub Santé %1 %2: no resource with an identified, dated state or position")
                       .arg(h.code, root),
                   raw);
        return;
    }
    // The same state of the same resource resent is one message: the key is the content of the drafts.
    QStringList parts;
    for (const Entry &d : message.drafts)
        parts << d.kind + u'|' + d.data.value(QStringLiteral("unit")).toString() + u'|' +
                     d.data.value(QStringLiteral("status")).toString() + u'|' + d.eventTime.toIso();
    message.key = messageKey(QStringLiteral("hubsante"), envelope, root + u'/' + parts.join(u';'));
    out.messages.push_back(std::move(message));
}

/// RS-ER, RS-DR, RS-RR: exchanges about resources between centres, kept as notes (the picture has no
/// request state).
void mapResourceNote(const QString &root, const QJsonObject &body, const QByteArray &raw,
                     const QString &position, const FeedContext &context, const Envelope &envelope,
                     const Header &h, FeedBatch &out)
{
    const QString caseId = pickString(body, u"caseId");
    std::optional<Timestamp> t;
    QString text;
    if (root == u"resourcesEngagement") {
        QStringList types;
        for (const auto &r : objects(body.value(u"resource")))
            types << pickString(r, u"vehicleType");
        types.removeAll(QString());
        text = QStringLiteral("Hub Santé %1: engagement of %2").arg(h.code, types.join(u", "));
        t = Timestamp::parseIso(pickString(body, u"datetime"));
    } else if (root == u"resourcesRequest") {
        text = QStringLiteral("Hub Santé %1: request for %2 (deadline %3): %4")
                   .arg(h.code, pickString(body, u"request/purpose"), pickString(body, u"request/deadline"),
                        pickString(body, u"request/freetext").left(1000));
        t = Timestamp::parseIso(pickString(body, u"request/datetime"));
    } else {
        text = QStringLiteral("Hub Santé %1: answer %2 to request %3: %4")
                   .arg(h.code, pickString(body, u"response/answer"), pickString(body, u"requestId"),
                        pickString(body, u"response/freetext").left(1000));
        t = Timestamp::parseIso(pickString(body, u"response/datetime"));
    }
    if (caseId.isEmpty()) {
        out.reject(position, QStringLiteral("Hub Santé %1 %2: caseId is required").arg(h.code, root), raw);
        return;
    }
    // RS-ER carries no time of its own: the envelope's or the message's arrival stands for it.
    if (!t)
        t = Timestamp::parseIso(envelope.sent);
    if (!t) {
        out.reject(
            position,
            QStringLiteral("Hub Santé %1 %2: no time in the message nor in an envelope").arg(h.code, root),
            raw);
        return;
    }
    text += QStringLiteral(" (case %1)").arg(caseId);
    out.messages.push_back(
        {messageKey(QStringLiteral("hubsante"), envelope,
                    (h.messageId.isEmpty() ? root : h.messageId) + u'/' + caseId + u'@' + t->toIso()),
         position,
         {makeDraft(
             QStringLiteral("note"), *t, h.sender,
             agencyFromSender(caseId, context.agency.isEmpty() ? QStringLiteral("samu") : context.agency), {},
             {{QStringLiteral("text"), text},
              {QStringLiteral("incident"), QString(QStringLiteral("hubsante:") + caseId)}},
             QStringLiteral("hubsante"), envelope)}});
}

} // namespace

bool isHubSanteRoot(QStringView root)
{
    return root == u"message" || useCaseOf(root) != nullptr;
}

bool mapHubSanteUseCase(const QString &root, const QJsonObject &body, const QByteArray &raw,
                        const QString &position, const FeedContext &context, const Envelope &envelope,
                        FeedBatch &out, const QString &messageId, const QString &sender)
{
    const UseCase *u = useCaseOf(root);
    if (!u)
        return false;
    const Header h{QString(u->code), messageId, sender.isEmpty() ? envelope.sender : sender};
    if (u->refusal) {
        out.reject(position,
                   QStringLiteral("Hub Santé %1 %2: %3").arg(h.code, root, QString::fromUtf8(u->refusal)),
                   raw);
    } else if (root == u"emsi") {
        mapEmsi(body, raw, position, context, envelope, out);
    } else if (root == u"geoPositionsUpdate") {
        mapGeoPositions(body, raw, position, context, envelope, out);
    } else if (root.startsWith(u"createCase")) {
        mapCase(root, body, raw, position, envelope, h, out);
    } else if (root == u"resourcesStatus" || root == u"resourcesInfo" || root == u"resourcesInfoCisu") {
        mapResources(root, body, raw, position, envelope, h, out);
    } else {
        mapResourceNote(root, body, raw, position, context, envelope, h, out);
    }
    return true;
}

QString technicalTestRefusal(const QJsonObject &tree)
{
    // The TECHNICAL samples in JSON have no root: their top level is the validator's test fields.
    for (auto it = tree.begin(); it != tree.end(); ++it) {
        const QString &k = it.key();
        if (k.contains(u"Field") || k.startsWith(u"array") || k.startsWith(u"object"))
            return QStringLiteral(
                       "Hub Santé TECHNICAL test message (fields %1): schema-validation fields without a "
                       "use-case root, not a situation message")
                .arg(QStringList(tree.keys().mid(0, 4)).join(u", "));
    }
    return {};
}

} // namespace vigie::feeds
