#include "log/entry.h"

#include "log/entry_kinds.h"
#include "model/agency.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <openssl/evp.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <memory>

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
    // Nearly every string in the log is plain printable ASCII: copy it straight, without a UTF-8 temporary.
    const bool plain = std::all_of(text.begin(), text.end(), [](QChar c) {
        const char16_t u = c.unicode();
        return u >= 0x20 && u < 0x80 && u != '"' && u != '\\';
    });
    if (plain) {
        const qsizetype at = out.size();
        out.resize(at + text.size());
        char *dst = out.data() + at;
        for (const QChar c : text)
            *dst++ = char(c.unicode());
        out.append('"');
        return;
    }
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

namespace {

void appendInteger(QByteArray &out, qint64 value)
{
    char buffer[24];
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
    out.append(buffer, end - buffer);
}

// A coordinate exactly as QJsonDocument writes a double (shortest round-trip form, "null" if not finite), so
// the fast path below produces the same bytes as the QJsonDocument path it replaces (a test compares them).
void appendCoordinate(QByteArray &out, double value)
{
    if (!std::isfinite(value)) {
        out.append("null");
        return;
    }
    out.append(QByteArray::number(value, 'g', QLocale::FloatingPointShortest));
}

void appendPosition(QByteArray &out, GeoPoint p)
{
    out.append('[');
    appendCoordinate(out, p.lon);
    out.append(',');
    appendCoordinate(out, p.lat);
    out.append(']');
}

} // namespace

QByteArray compactGeoJson(const Geometry &geo)
{
    // Written directly rather than through QJsonObject + QJsonDocument, which cost more than the rest of an
    // append together (every position fix has a geometry). Keys in QJsonDocument's sorted order.
    switch (geo.type) {
    case Geometry::Type::None:
        return {};
    case Geometry::Type::Point: {
        QByteArray out;
        out.reserve(64);
        out.append("{\"coordinates\":");
        appendPosition(out, geo.points.front());
        out.append(",\"type\":\"Point\"}");
        return out;
    }
    case Geometry::Type::Polygon: {
        QByteArray out;
        out.reserve(48 + 40 * qsizetype(geo.points.size()));
        out.append("{\"coordinates\":[[");
        for (std::size_t i = 0; i < geo.points.size(); ++i) {
            if (i > 0)
                out.append(',');
            appendPosition(out, geo.points[i]);
        }
        out.append("]],\"type\":\"Polygon\"}");
        return out;
    }
    }
    return {};
}

QByteArray compactDataJson(const QJsonObject &data)
{
    // QJsonObject keeps keys sorted, so the compact form is canonical for a given Qt number formatter.
    return QJsonDocument(data).toJson(QJsonDocument::Compact);
}

QByteArray sha256(const QByteArray &bytes)
{
    // OpenSSL's SHA-256 uses the CPU's SHA extensions; QCryptographicHash's portable code was a fifth of the
    // cost of an append. The digest is fetched once and the context reused per thread: OpenSSL 3's one-shot
    // SHA256() looks the algorithm up on every call, which costs more than hashing a 300-byte entry.
    static EVP_MD *const md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    thread_local const std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(),
                                                                                   &EVP_MD_CTX_free);
    QByteArray digest(32, Qt::Uninitialized);
    unsigned int size = 0;
    if (!md || !ctx || !EVP_DigestInit_ex2(ctx.get(), md, nullptr) ||
        !EVP_DigestUpdate(ctx.get(), bytes.constData(), std::size_t(bytes.size())) ||
        !EVP_DigestFinal_ex(ctx.get(), reinterpret_cast<unsigned char *>(digest.data()), &size) || size != 32)
        return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256); // same bytes, slower
    return digest;
}

QByteArray canonicalBytes(const Entry &e, const QByteArray &geoJson, const QByteArray &dataJson)
{
    QByteArray out;
    out.reserve(256 + dataJson.size() + geoJson.size() + e.author.size() + e.role.size());
    appendCanonicalBytes(out, e, geoJson, dataJson);
    return out;
}

void appendCanonicalBytes(QByteArray &out, const Entry &e, QByteArrayView geoJson, QByteArrayView dataJson)
{
    // A JSON array with a fixed field order (documented in docs/entries.md).
    static constexpr char hex[] = "0123456789abcdef";
    auto appendHex = [&out](const void *bytes, std::size_t size) {
        for (std::size_t i = 0; i < size; ++i) {
            const auto u = static_cast<const unsigned char *>(bytes)[i];
            out.append(hex[u >> 4]);
            out.append(hex[u & 0xf]);
        }
    };
    out.append("[\"vigie-entry/1\",\"");
    // QUuid::toByteArray(WithoutBraces) without its temporary: lower-case 8-4-4-4-12 hex.
    const QUuid &id = e.id;
    const unsigned char head[8] = {uchar(id.data1 >> 24), uchar(id.data1 >> 16), uchar(id.data1 >> 8),
                                   uchar(id.data1),       uchar(id.data2 >> 8),  uchar(id.data2),
                                   uchar(id.data3 >> 8),  uchar(id.data3)};
    appendHex(head, 4);
    out.append('-');
    appendHex(head + 4, 2);
    out.append('-');
    appendHex(head + 6, 2);
    out.append('-');
    appendHex(id.data4, 2);
    out.append('-');
    appendHex(id.data4 + 2, 6);
    out.append("\",");
    appendInteger(out, e.seq);
    out.append(',');
    appendJsonString(out, e.room);
    out.append(e.mode == RoomMode::Live ? ",\"live\"," : ",\"exercise\",");
    appendInteger(out, e.eventTime.msecs);
    out.append(',');
    appendInteger(out, e.recordTime.msecs);
    out.append(',');
    appendJsonString(out, e.author);
    out.append(',');
    appendJsonString(out, e.role);
    out.append(',');
    appendJsonString(out, e.agency);
    out.append(',');
    appendJsonString(out, e.kind);
    out.append(',');
    out.append(geoJson.isEmpty() ? QByteArrayView("null") : geoJson);
    out.append(',');
    out.append(dataJson);
    out.append(",\"");
    appendHex(e.prevHash.constData(), std::size_t(e.prevHash.size()));
    out.append("\"]");
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
