// EDXL-HAVE 1.0 hospital availability and EDXL-RM resource messages.
#include "feeds/mapping_p.h"

#include <QRegularExpression>

#include <limits>

namespace vigie::feeds {

void mapHave(const QJsonObject &status, const QByteArray &raw, const QString &position,
             const FeedContext &context, const Envelope &envelope, FeedBatch &out)
{
    const auto hospitals = objects(status.value(u"Hospital"));
    if (hospitals.empty()) {
        out.reject(position, QStringLiteral("EDXL-HAVE: HospitalStatus without Hospital"), raw);
        return;
    }
    int i = 0;
    for (const auto &h : hospitals) {
        const QString where = QStringLiteral("%1 Hospital[%2]").arg(position).arg(i++);
        QString name = pickString(h, u"Organization/OrganizationInformation/OrganisationName/NameElement");
        const QString id = pickString(h, u"Organization/OrganizationInformation/OrganizationID").isEmpty()
                               ? name
                               : pickString(h, u"Organization/OrganizationInformation/OrganizationID");
        const auto updated = Timestamp::parseIso(pickString(h, u"LastUpdateTime"));
        if (id.isEmpty() || !updated) {
            out.reject(
                where,
                QStringLiteral(
                    "EDXL-HAVE: Hospital needs an OrganizationID or name and a LastUpdateTime (ISO 8601)"),
                raw);
            continue;
        }
        QJsonObject beds;
        for (const auto &bed :
             objects(pick(h, u"HospitalBedCapacityStatus").toObject().value(u"BedCapacity"))) {
            const QString type = pickString(bed, u"BedType");
            const auto available = pickNumber(bed, u"Capacity/AvailableCount");
            // Out of int's range (or NaN) the conversion is undefined: skipped like a negative count.
            if (!type.isEmpty() && available && *available >= 0 &&
                *available <= double(std::numeric_limits<int>::max()))
                beds.insert(type, int(*available));
        }
        Geometry geo;
        const auto pos =
            pickString(h, u"Organization/OrganizationGeoLocation/Point/pos").split(u' ', Qt::SkipEmptyParts);
        if (pos.size() == 2) {
            const GeoPoint p{pos[1].toDouble(), pos[0].toDouble()}; // gml:pos is "lat lon" in EPSG:4326
            if (isValidCoordinate(p))
                geo = Geometry::point(p);
        }
        QJsonObject data{{QStringLiteral("hospital"), QString(QStringLiteral("have:") + id)},
                         {QStringLiteral("name"), name},
                         {QStringLiteral("beds"), beds}};
        const QString ed = pickString(h, u"EmergencyDepartmentStatus/EMSTraffic/EMSTrafficStatus");
        if (!ed.isEmpty())
            data.insert(QStringLiteral("ed_status"), ed);
        out.messages.push_back(
            {messageKey(QStringLiteral("have"), envelope, id + u'@' + pickString(h, u"LastUpdateTime")),
             where,
             {makeDraft(QStringLiteral("hospital.status"), *updated, envelope.sender, QStringLiteral("samu"),
                        geo, data, QStringLiteral("have"), envelope)}});
    }
    (void)context;
}

void mapResourceMessage(const QString &name, const QJsonObject &message, const QByteArray &raw,
                        const QString &position, const FeedContext &context, const Envelope &envelope,
                        FeedBatch &out)
{
    const QString id = pickString(message, u"MessageID");
    // Timestamps keep milliseconds: finer fractions (.NET writes seven digits) are cut to them.
    static const QRegularExpression longFraction(QStringLiteral("(\\.\\d{3})\\d+"));
    const auto sent = Timestamp::parseIso(
        pickString(message, u"SentDateTime").replace(longFraction, QStringLiteral("\\1")));
    if (id.isEmpty() || pickString(message, u"SentDateTime").isEmpty()) {
        out.reject(position, QStringLiteral("EDXL-RM %1: MessageID and SentDateTime are required").arg(name),
                   raw);
        return;
    }
    if (!sent) {
        // EDXL-RM 1.0 wants every time with its offset from UTC; without it the moment is unknown.
        out.reject(
            position,
            QStringLiteral("EDXL-RM %1 %2: SentDateTime \"%3\" is not an ISO 8601 time with a UTC offset")
                .arg(name, id.left(80), pickString(message, u"SentDateTime").left(40)),
            raw);
        return;
    }
    // Resource requests and commitments are logged as notes: the picture has no request state yet.
    QString text = QStringLiteral("EDXL-RM %1").arg(name);
    const QString incident = pickString(message, u"IncidentInformation/IncidentDescription");
    if (!incident.isEmpty())
        text += QStringLiteral(" for ") + incident;
    const QString resource = pickString(message, u"ResourceInformation/Resource/TypeStructure/Value");
    if (!resource.isEmpty())
        text += QStringLiteral(": ") + resource;
    const QString response = pickString(message, u"ResourceInformation/ResponseInformation/ResponseType");
    if (!response.isEmpty())
        text += QStringLiteral(" (") + response + u')';
    // The text for the command line; the parts apart, for a console that words them in its language.
    QJsonObject data{{QStringLiteral("text"), text},
                     {QStringLiteral("source_id"), id},
                     {QStringLiteral("rm_message"), name}};
    if (!incident.isEmpty())
        data.insert(QStringLiteral("rm_incident"), incident);
    if (!resource.isEmpty())
        data.insert(QStringLiteral("rm_resource"), resource);
    if (!response.isEmpty())
        data.insert(QStringLiteral("rm_response"), response);
    out.messages.push_back({messageKey(QStringLiteral("rm"), envelope, id),
                            position,
                            {makeDraft(QStringLiteral("note"), *sent, envelope.sender, context.agency, {},
                                       data, QStringLiteral("rm"), envelope)}});
}

} // namespace vigie::feeds
