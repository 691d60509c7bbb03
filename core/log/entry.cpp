#include "log/entry.h"

#include "log/entry_kinds.h"
#include "model/agency.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace vigie {

QString roomModeId(RoomMode mode)
{
    return mode == RoomMode::Live ? QStringLiteral("live") : QStringLiteral("exercise");
}

std::optional<RoomMode> roomModeFromId(const QString &id)
{
    if (id == QLatin1String("live"))
        return RoomMode::Live;
    if (id == QLatin1String("exercise"))
        return RoomMode::Exercise;
    return std::nullopt;
}

void appendJsonString(QByteArray &out, QStringView text)
{
    static constexpr char hex[] = "0123456789abcdef";
    out.append('"');
    const QByteArray utf8 = text.toUtf8();
    for (const char c : utf8) {
        const auto u = static_cast<unsigned char>(c);
        switch (c) {
        case '"':
            out.append("\\\"");
            break;
        case '\\':
            out.append("\\\\");
            break;
        case '\n':
            out.append("\\n");
            break;
        case '\r':
            out.append("\\r");
            break;
        case '\t':
            out.append("\\t");
            break;
        default:
            if (u < 0x20) {
                out.append("\\u00");
                out.append(hex[u >> 4]);
                out.append(hex[u & 0xf]);
            } else {
                out.append(c);
            }
        }
    }
    out.append('"');
}

QByteArray compactGeoJson(const Geometry &geo)
{
    if (geo.isNull())
        return {};
    return QJsonDocument(geometryToGeoJson(geo)).toJson(QJsonDocument::Compact);
}

QByteArray compactDataJson(const QJsonObject &data)
{
    // QJsonObject keeps keys sorted, so the compact form is canonical for a given Qt number formatter.
    return QJsonDocument(data).toJson(QJsonDocument::Compact);
}

QByteArray sha256(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
}

QByteArray canonicalBytes(const Entry &e, const QByteArray &geoJson, const QByteArray &dataJson)
{
    // A JSON array with a fixed field order (documented in docs/entries.md).
    QByteArray out;
    out.reserve(256 + dataJson.size() + geoJson.size());
    out.append("[\"vigie-entry/1\",\"");
    out.append(e.id.toByteArray(QUuid::WithoutBraces));
    out.append("\",");
    out.append(QByteArray::number(e.seq));
    out.append(',');
    appendJsonString(out, e.room);
    out.append(e.mode == RoomMode::Live ? ",\"live\"," : ",\"exercise\",");
    out.append(QByteArray::number(e.eventTime.msecs));
    out.append(',');
    out.append(QByteArray::number(e.recordTime.msecs));
    out.append(',');
    appendJsonString(out, e.author);
    out.append(',');
    appendJsonString(out, e.role);
    out.append(',');
    appendJsonString(out, e.agency);
    out.append(',');
    appendJsonString(out, e.kind);
    out.append(',');
    out.append(geoJson.isEmpty() ? QByteArray("null") : geoJson);
    out.append(',');
    out.append(dataJson);
    out.append(",\"");
    out.append(e.prevHash.toHex());
    out.append("\"]");
    return out;
}

QJsonObject entryToJson(const Entry &e)
{
    QJsonObject o{
        {QStringLiteral("seq"), e.seq},
        {QStringLiteral("id"), e.id.toString(QUuid::WithoutBraces)},
        {QStringLiteral("room"), e.room},
        {QStringLiteral("mode"), roomModeId(e.mode)},
        {QStringLiteral("time"), e.eventTime.toIso()},
        {QStringLiteral("record_time"), e.recordTime.toIso()},
        {QStringLiteral("author"), e.author},
        {QStringLiteral("kind"), e.kind},
        {QStringLiteral("data"), e.data},
        {QStringLiteral("prev_hash"), QString::fromLatin1(e.prevHash.toHex())},
        {QStringLiteral("hash"), QString::fromLatin1(e.hash.toHex())},
    };
    if (!e.role.isEmpty())
        o.insert(QStringLiteral("role"), e.role);
    if (!e.agency.isEmpty())
        o.insert(QStringLiteral("agency"), e.agency);
    if (!e.geo.isNull())
        o.insert(QStringLiteral("geo"), geometryToGeoJson(e.geo));
    return o;
}

namespace {

Result<QString> optionalString(const QJsonObject &o, QLatin1String key)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return QString();
    if (!v.isString())
        return Error{QStringLiteral("field \"%1\" must be a string").arg(key)};
    return v.toString();
}

} // namespace

Result<Entry> draftFromJson(const QByteArray &line)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(line, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error{QStringLiteral("invalid JSON at character %1: %2")
                         .arg(parseError.offset)
                         .arg(parseError.errorString())};
    if (!doc.isObject())
        return Error{QStringLiteral("expected a JSON object per line")};
    const QJsonObject o = doc.object();

    Entry e;
    for (const auto &[key, target] :
         {std::pair{QLatin1String("kind"), &e.kind}, std::pair{QLatin1String("author"), &e.author},
          std::pair{QLatin1String("role"), &e.role}, std::pair{QLatin1String("agency"), &e.agency}}) {
        auto s = optionalString(o, key);
        if (!s)
            return s.error();
        *target = *s;
    }
    if (e.kind.isEmpty())
        return Error{QStringLiteral("missing field \"kind\"")};
    if (e.author.isEmpty())
        return Error{QStringLiteral("missing field \"author\"")};

    const QJsonValue time = o.value(QLatin1String("time"));
    if (!time.isString())
        return Error{QStringLiteral("missing or non-string field \"time\" (ISO 8601 with offset expected)")};
    const auto t = Timestamp::parseIso(time.toString());
    if (!t)
        return Error{QStringLiteral("field \"time\": \"%1\" is not ISO 8601 with an offset (e.g. "
                                    "2026-07-14T21:05:00+02:00)")
                         .arg(time.toString().left(64))};
    e.eventTime = *t;

    const QJsonValue geo = o.value(QLatin1String("geo"));
    if (!geo.isUndefined() && !geo.isNull()) {
        if (!geo.isObject())
            return Error{QStringLiteral("field \"geo\" must be a GeoJSON geometry object")};
        auto g = geometryFromGeoJson(geo.toObject());
        if (!g)
            return g.error();
        e.geo = std::move(*g);
    }
    const QJsonValue data = o.value(QLatin1String("data"));
    if (!data.isUndefined() && !data.isNull()) {
        if (!data.isObject())
            return Error{QStringLiteral("field \"data\" must be a JSON object")};
        e.data = data.toObject();
    }
    auto valid = validateDraft(e);
    if (!valid)
        return valid.error();
    return e;
}

Result<void> validateDraft(const Entry &e)
{
    static const QRegularExpression kindPattern(QStringLiteral("^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*$"));
    if (!kindPattern.match(e.kind).hasMatch())
        return Error{
            QStringLiteral("kind \"%1\" is not of the form word.word (lower case)").arg(e.kind.left(64))};
    if (e.author.trimmed().isEmpty())
        return Error{QStringLiteral("missing field \"author\"")};
    if (!e.agency.isEmpty() && !agencyFromId(e.agency))
        return Error{QStringLiteral("agency \"%1\" is unknown (expected fire, samu, police or officials)")
                         .arg(e.agency.left(64))};
    return validateKind(e);
}

} // namespace vigie
