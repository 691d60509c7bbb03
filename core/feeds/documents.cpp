#include "feeds/documents.h"
#include "feeds/mapping_p.h"

#include "feeds/taxonomy.h"
#include "feeds/xml_tree.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace vigie::feeds {

void mapCap(const QJsonObject &alert, const QByteArray &raw, const QString &position,
            const FeedContext &context, const Envelope &envelope, FeedBatch &out);
void mapHave(const QJsonObject &status, const QByteArray &raw, const QString &position,
             const FeedContext &context, const Envelope &envelope, FeedBatch &out);
void mapHubSante(const QJsonObject &message, const QByteArray &raw, const QString &position,
                 const FeedContext &context, const Envelope &envelope, FeedBatch &out);
void mapResourceMessage(const QString &name, const QJsonObject &message, const QByteArray &raw,
                        const QString &position, const FeedContext &context, const Envelope &envelope,
                        FeedBatch &out);

namespace {

bool isEdxlRoot(const QString &name)
{
    return name.compare(u"EDXLDistribution", Qt::CaseInsensitive) == 0;
}

// EDXL-DE 1.0 (contentObject/xmlContent/embeddedXMLContent), 2.0 XML (content/contentObject/contentXML/
// embeddedXMLContent) and Hub Santé JSON (content[]/jsonContent/embeddedJsonContent).
std::vector<QJsonObject> embeddedContents(const QJsonObject &de)
{
    std::vector<QJsonObject> out;
    auto add = [&out](const QJsonValue &v) {
        for (const auto &o : objects(v))
            out.push_back(o);
    };
    for (const auto &obj : objects(de.value(u"contentObject"))) {
        add(pick(obj, u"xmlContent/embeddedXMLContent"));
        add(pick(obj, u"contentXML/embeddedXMLContent"));
    }
    for (const auto &content : objects(de.value(u"content"))) {
        for (const auto &obj : objects(content.value(u"contentObject"))) {
            add(pick(obj, u"contentXML/embeddedXMLContent"));
            add(pick(obj, u"xmlContent/embeddedXMLContent"));
        }
        add(pick(content, u"jsonContent/embeddedJsonContent"));
    }
    return out;
}

void mapEdxl(const QJsonObject &de, const QByteArray &raw, const QString &position,
             const FeedContext &context, FeedBatch &out)
{
    for (const char *field : {"distributionID", "senderID", "dateTimeSent", "distributionStatus"}) {
        if (pickString(de, QString::fromLatin1(field)).isEmpty()) {
            out.reject(
                position,
                QStringLiteral("EDXL-DE: required field %1 is missing or empty").arg(QLatin1String(field)),
                raw);
            return;
        }
    }
    if (pickString(de, u"distributionKind").isEmpty() && pickString(de, u"distributionType").isEmpty()) {
        out.reject(position,
                   QStringLiteral(
                       "EDXL-DE: required field distributionKind (2.0) or distributionType (1.0) is missing"),
                   raw);
        return;
    }
    if (!Timestamp::parseIso(pickString(de, u"dateTimeSent"))) {
        out.reject(position,
                   QStringLiteral("EDXL-DE: dateTimeSent \"%1\" is not an ISO 8601 time with offset")
                       .arg(pickString(de, u"dateTimeSent")),
                   raw);
        return;
    }
    const Envelope env{pickString(de, u"distributionID"), pickString(de, u"senderID"),
                       pickString(de, u"distributionStatus"), pickString(de, u"dateTimeSent")};
    if (auto refusal = modeRefusal(env.status, context.mode)) {
        out.reject(position, QStringLiteral("EDXL-DE distributionStatus: %1").arg(*refusal), raw);
        return;
    }
    const auto contents = embeddedContents(de);
    if (contents.empty()) {
        // EDXL-DE 1.0 may carry only a reference (nonXMLContent) and a target area: the envelope itself
        // reports where something happens.
        const QString circle = pickString(de, u"targetArea/circle");
        const QString description = pickString(de, u"incidentDescription");
        if (!circle.isEmpty() && !description.isEmpty()) {
            QJsonObject alert{
                {QStringLiteral("identifier"), env.distributionId},
                {QStringLiteral("sender"), env.sender},
                {QStringLiteral("sent"), pickString(de, u"dateTimeSent")},
                {QStringLiteral("status"), env.status},
                {QStringLiteral("msgType"), QStringLiteral("Alert")},
                {QStringLiteral("scope"), QStringLiteral("Public")},
                {QStringLiteral("info"),
                 QJsonObject{{QStringLiteral("category"), QStringLiteral("Geo")},
                             {QStringLiteral("event"), description},
                             {QStringLiteral("urgency"), QStringLiteral("Unknown")},
                             {QStringLiteral("severity"), QStringLiteral("Unknown")},
                             {QStringLiteral("certainty"), QStringLiteral("Unknown")},
                             {QStringLiteral("area"), QJsonObject{{QStringLiteral("areaDesc"), description},
                                                                  {QStringLiteral("circle"), circle}}}}}};
            mapCap(alert, raw, position, context, env, out);
            return;
        }
        out.reject(
            position,
            QStringLiteral("EDXL-DE %1: no embedded XML or JSON content to unwrap").arg(env.distributionId),
            raw);
        return;
    }
    int index = 0;
    for (const auto &content : contents) {
        const QString where = QStringLiteral("%1 content[%2]").arg(position).arg(index++);
        if (content.isEmpty()) {
            out.reject(where, QStringLiteral("EDXL-DE %1: empty embedded content").arg(env.distributionId),
                       raw);
            continue;
        }
        mapDocument(content, raw, where, context, env, out);
    }
}

} // namespace

bool isJsonEdxl(const QJsonObject &tree)
{
    for (const char *field :
         {"distributionID", "senderID", "dateTimeSent", "distributionStatus", "distributionKind"})
        if (tree.contains(QLatin1String(field)))
            return true;
    return false;
}

void mapDocument(const QJsonObject &tree, const QByteArray &raw, const QString &position,
                 const FeedContext &context, const Envelope &envelope, FeedBatch &out)
{
    if (tree.size() != 1) {
        out.reject(position, QStringLiteral("expected one root element, found %1").arg(tree.size()), raw);
        return;
    }
    const QString root = tree.begin().key();
    const QJsonValue body = tree.begin().value();
    const QJsonObject obj = body.toObject();
    if (isEdxlRoot(root)) {
        if (!envelope.distributionId.isEmpty()) {
            out.reject(
                position,
                QStringLiteral("EDXL-DE nested inside EDXL-DE %1 is refused").arg(envelope.distributionId),
                raw);
            return;
        }
        mapEdxl(obj, raw, position, context, out);
    } else if (root == u"EdxlDeRequest") {
        // UICDS wraps the EDXL-DE it posts to its HAVE service in a request element.
        const QJsonObject de = obj.value(u"EDXLDistribution").toObject();
        if (de.isEmpty()) {
            out.reject(position, QStringLiteral("UICDS EdxlDeRequest without an EDXLDistribution inside"),
                       raw);
            return;
        }
        mapEdxl(de, raw, position, context, out);
    } else if (root == u"alert") {
        mapCap(obj, raw, position, context, envelope, out);
    } else if (root == u"HospitalStatus") {
        mapHave(obj, raw, position, context, envelope, out);
    } else if (root == u"message") {
        mapHubSante(obj, raw, position, context, envelope, out);
    } else if (auto refusal = isHubSanteRoot(root) && root != u"emsi"
                                  ? unmarkedRefusal(envelope, context.mode)
                                  : std::nullopt) {
        // A use case without its wrapper nor an envelope says nothing of exercise (EMSI has its own MODE).
        out.reject(position, *refusal, raw);
    } else if (mapHubSanteUseCase(root, obj, raw, position, context, envelope, out)) {
        return;
    } else if (root == u"RequestResource" || root == u"CommitResource" ||
               root == u"ResponseToRequestResource") {
        mapResourceMessage(root, obj, raw, position, context, envelope, out);
    } else if (root == u"schema" || root == u"$schema") {
        out.reject(position, QStringLiteral("a schema document (%1), not a message").arg(root), raw);
    } else {
        out.reject(position,
                   QStringLiteral("unknown document root <%1>: not CAP, EDXL-DE, EDXL-HAVE, EDXL-RM, EMSI "
                                  "or a Hub Santé message")
                       .arg(root.left(80)),
                   raw);
    }
}

void mapBytes(const QByteArray &bytes, const QString &format, const FeedContext &context, FeedBatch &out)
{
    const QString position = QStringLiteral("document");
    if (const QString problem = inputProblem(bytes); !problem.isEmpty()) {
        out.reject(position, QStringLiteral("%1: %2").arg(format, problem), bytes.left(64 * 1024));
        return;
    }
    const qsizetype start = bytes.indexOf(bytes.trimmed().left(1));
    QJsonObject tree;
    if (start >= 0 && (bytes.at(start) == '{' || bytes.at(start) == '[')) {
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
        if (error.error != QJsonParseError::NoError) {
            out.reject(position,
                       QStringLiteral("%1: malformed JSON at byte %2: %3")
                           .arg(format)
                           .arg(error.offset)
                           .arg(error.errorString()),
                       bytes);
            return;
        }
        if (!doc.isObject()) {
            out.reject(position, QStringLiteral("%1: expected a JSON object at the top").arg(format), bytes);
            return;
        }
        tree = doc.object();
        if (tree.contains(u"$schema") || (tree.contains(u"definitions") && tree.contains(u"properties"))) {
            out.reject(position, QStringLiteral("%1: a JSON Schema document, not a message").arg(format),
                       bytes);
            return;
        }
        // JSON encodings of EDXL-DE have no root name; recognise them by their header fields (the Hub
        // Santé failing samples rename some of them, so one is enough).
        if (isJsonEdxl(tree))
            tree = QJsonObject{{QStringLiteral("EDXLDistribution"), tree}};
        else if (const QString refusal = technicalTestRefusal(tree); !refusal.isEmpty()) {
            out.reject(position, refusal, bytes);
            return;
        }
    } else {
        auto parsed = xmlToJson(bytes);
        if (!parsed) {
            out.reject(position, QStringLiteral("%1: %2").arg(format, parsed.error().message), bytes);
            return;
        }
        tree = std::move(parsed.value());
    }
    mapDocument(tree, bytes, position, context, Envelope{}, out);
}

} // namespace vigie::feeds
