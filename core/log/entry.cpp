#include "log/entry.h"

#include "log/json_text.h"

#include "log/entry_kinds.h"
#include "model/agency.h"

#include <QCborValue>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <openssl/evp.h>

#include <algorithm>
#include <array>
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

namespace {

constexpr char hexDigits[] = "0123456789abcdef";

// Most bytes a JSON string literal can take per UTF-16 unit: "\u001f" for a control character.
constexpr qsizetype maxJsonBytesPerUnit = 6;

// The letter of a character's two-character JSON escape (\" \\ \n \r \t, and \b \f where QJsonDocument
// writes them), or 0 when it has none.
char shortEscape(char16_t u, bool backspaceAndFormFeed)
{
    switch (u) {
    case '"':
        return '"';
    case '\\':
        return '\\';
    case '\n':
        return 'n';
    case '\r':
        return 'r';
    case '\t':
        return 't';
    case '\b':
        return backspaceAndFormFeed ? 'b' : 0;
    case '\f':
        return backspaceAndFormFeed ? 'f' : 0;
    default:
        return 0;
    }
}

// Writes `text` as a JSON string literal (quotes included) at `dst`, which has room for
// 2 + maxJsonBytesPerUnit * text.size() bytes, and returns the end. The canonical form's escaping (see
// docs/entries.md): only ", \, \n, \r and \t have short escapes.
char *writeJsonString(char *dst, QStringView text)
{
    *dst++ = '"';
    // Nearly every string in the log is plain printable ASCII: copy it straight, without a UTF-8 temporary.
    const bool plain = std::all_of(text.begin(), text.end(), [](QChar c) {
        const char16_t u = c.unicode();
        return u >= 0x20 && u < 0x80 && u != '"' && u != '\\';
    });
    if (plain) {
        for (const QChar c : text)
            *dst++ = char(c.unicode());
        *dst++ = '"';
        return dst;
    }
    const QByteArray utf8 = text.toUtf8();
    for (const char c : utf8) {
        const auto u = static_cast<unsigned char>(c);
        if (const char letter = shortEscape(u, false)) {
            *dst++ = '\\';
            *dst++ = letter;
        } else if (u < 0x20) {
            dst = std::copy_n("\\u00", 4, dst);
            *dst++ = hexDigits[u >> 4];
            *dst++ = hexDigits[u & 0xf];
        } else {
            *dst++ = c;
        }
    }
    *dst++ = '"';
    return dst;
}

} // namespace

void appendJsonInteger(QByteArray &out, qint64 value)
{
    char buffer[24];
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
    out.append(buffer, end - buffer);
}

// Shortest round-trip form, "null" if not finite: the bytes QJsonDocument writes (a test compares them).
void appendJsonDouble(QByteArray &out, double value)
{
    if (!std::isfinite(value)) {
        out.append("null");
        return;
    }
    if (value == 0) { // -0 too
        out.append('0');
        return;
    }
    // QLocale's shortest form: the shortest round-trip digits, written in plain notation unless the exponent
    // notation (at least two exponent digits) is shorter. std::to_chars gives the digits without QLocale's
    // allocations, but pads a large plain number with its exact digits, not zeros: the choice is made here.
    char sci[32];
    const char *const sciEnd = std::to_chars(sci, sci + sizeof sci, value, std::chars_format::scientific).ptr;
    const char *p = sci;
    if (*p == '-')
        out.append(*p++);
    const char *const e = std::find(p, sciEnd, 'e');
    char digits[24];
    int n = 0;
    for (const char *d = p; d != e; ++d)
        if (*d != '.')
            digits[n++] = *d;
    int exponent = 0;
    std::from_chars(e + (e[1] == '+' ? 2 : 1), sciEnd, exponent);
    const int point = exponent + 1; // digits before the decimal point
    const long exponentLength = sciEnd - p;
    const long plainLength = point <= 0 ? 2 - point + n : point < n ? n + 1 : point;
    if (plainLength > exponentLength) {
        out.append(p, exponentLength);
    } else if (point <= 0) {
        out.append("0.");
        out.append(QByteArray(-point, '0'));
        out.append(digits, n);
    } else if (point < n) {
        out.append(digits, point);
        out.append('.');
        out.append(digits + point, n - point);
    } else {
        out.append(digits, n);
        out.append(QByteArray(point - n, '0'));
    }
}

// A string exactly as QJsonDocument escapes it, which is not quite appendJsonString's canonical form: \b and
// \f have their short escapes, and a lone surrogate becomes a \u escape instead of U+FFFD.
void appendJsonDocumentString(QByteArray &out, QStringView text)
{
    // Written through a pointer into room made at once (at most 6 bytes a UTF-16 unit, \uXXXX), as
    // appendJsonString does: appending byte by byte checked the capacity at every byte.
    const qsizetype at = out.size();
    out.resize(at + 2 + maxJsonBytesPerUnit * text.size());
    char *dst = out.data() + at;
    *dst++ = '"';
    const char16_t *src = text.utf16();
    const char16_t *const end = src + text.size();
    while (src != end) {
        const char16_t u = *src++;
        if (u >= 0x20 && u < 0x80 && u != '"' && u != '\\') {
            *dst++ = char(u);
        } else if (const char letter = shortEscape(u, true)) {
            *dst++ = '\\';
            *dst++ = letter;
        } else if (u < 0x20) {
            dst = std::copy_n("\\u00", 4, dst);
            *dst++ = hexDigits[u >> 4];
            *dst++ = hexDigits[u & 0xf];
        } else if (u < 0x800) {
            *dst++ = char(0xc0 | (u >> 6));
            *dst++ = char(0x80 | (u & 0x3f));
        } else if (!QChar::isSurrogate(u)) {
            *dst++ = char(0xe0 | (u >> 12));
            *dst++ = char(0x80 | ((u >> 6) & 0x3f));
            *dst++ = char(0x80 | (u & 0x3f));
        } else if (QChar::isHighSurrogate(u) && src != end && QChar::isLowSurrogate(*src)) {
            const char32_t c = QChar::surrogateToUcs4(u, *src++);
            *dst++ = char(0xf0 | (c >> 18));
            *dst++ = char(0x80 | ((c >> 12) & 0x3f));
            *dst++ = char(0x80 | ((c >> 6) & 0x3f));
            *dst++ = char(0x80 | (c & 0x3f));
        } else {
            *dst++ = '\\';
            *dst++ = 'u';
            for (int shift = 12; shift >= 0; shift -= 4)
                *dst++ = hexDigits[(u >> shift) & 0xf];
        }
    }
    *dst++ = '"';
    out.truncate(dst - out.constData());
}

void appendJsonString(QByteArray &out, QStringView text)
{
    const qsizetype at = out.size();
    out.resize(at + 2 + maxJsonBytesPerUnit * text.size());
    out.truncate(writeJsonString(out.data() + at, text) - out.constData());
}

namespace {

void appendPosition(QByteArray &out, GeoPoint p)
{
    out.append('[');
    appendJsonDouble(out, p.lon);
    out.append(',');
    appendJsonDouble(out, p.lat);
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
    case Geometry::Type::LineString: {
        QByteArray out;
        out.reserve(48 + 40 * qsizetype(geo.points.size()));
        out.append("{\"coordinates\":[");
        for (std::size_t i = 0; i < geo.points.size(); ++i) {
            if (i > 0)
                out.append(',');
            appendPosition(out, geo.points[i]);
        }
        out.append("],\"type\":\"LineString\"}");
        return out;
    }
    }
    return {};
}

namespace {

void appendDataValue(QByteArray &out, const QJsonValue &value);

void appendDataObject(QByteArray &out, const QJsonObject &object)
{
    out.append('{');
    bool first = true;
    for (auto it = object.constBegin(), end = object.constEnd(); it != end; ++it) {
        if (!first)
            out.append(',');
        first = false;
        appendJsonDocumentString(out, it.key());
        out.append(':');
        appendDataValue(out, it.value());
    }
    out.append('}');
}

void appendDataValue(QByteArray &out, const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        out.append(value.toBool() ? "true" : "false");
        return;
    case QJsonValue::Double: {
        // A QJsonValue holds an integer or a double, and QJsonDocument writes them differently (1e17 as a
        // double is "1e+17", as an integer all its digits): ask which one this is.
        const QCborValue number = QCborValue::fromJsonValue(value);
        if (number.isInteger())
            appendJsonInteger(out, number.toInteger());
        else
            appendJsonDouble(out, number.toDouble());
        return;
    }
    case QJsonValue::String:
        appendJsonDocumentString(out, value.toString());
        return;
    case QJsonValue::Array: {
        out.append('[');
        bool first = true;
        for (const QJsonValue item : value.toArray()) {
            if (!first)
                out.append(',');
            first = false;
            appendDataValue(out, item);
        }
        out.append(']');
        return;
    }
    case QJsonValue::Object:
        appendDataObject(out, value.toObject());
        return;
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    out.append("null");
}

} // namespace

QByteArray compactDataJson(const QJsonObject &data)
{
    // The very bytes of QJsonDocument's compact form (QJsonObject keeps its keys sorted, so that form is
    // canonical), written directly: QJsonDocument first converts the whole tree to CBOR values and each
    // string back to a QString, which cost a third of an append. Tests compare the two on random trees.
    QByteArray out;
    out.reserve(128);
    appendDataObject(out, data);
    return out;
}

QUuid newEntryId()
{
    // Mersenne Twister, its whole state seeded from the system generator: 2^19937 streams, so two threads
    // or processes do not draw the same ids.
    thread_local QRandomGenerator generator = QRandomGenerator::securelySeeded();
    std::array<quint32, 4> words;
    generator.fillRange(words.data(), qsizetype(words.size()));
    auto *bytes = reinterpret_cast<uchar *>(words.data());
    bytes[6] = uchar((bytes[6] & 0x0f) | 0x40); // version 4
    bytes[8] = uchar((bytes[8] & 0x3f) | 0x80); // RFC 4122 variant
    return QUuid::fromRfc4122(QByteArrayView(bytes, 16));
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
    // A JSON array with a fixed field order (documented in docs/entries.md), written through one pointer into
    // room reserved for the longest form, then cut to size: one allocation check instead of one per piece.
    const qsizetype strings =
        e.room.size() + e.author.size() + e.role.size() + e.agency.size() + e.kind.size();
    const qsizetype at = out.size();
    out.resize(at + 256 + maxJsonBytesPerUnit * strings + geoJson.size() + dataJson.size() +
               2 * e.prevHash.size());
    char *dst = out.data() + at;
    auto put = [&dst](QByteArrayView bytes) {
        dst = std::copy(bytes.begin(), bytes.end(), dst);
    };
    auto putHex = [&dst](const void *bytes, std::size_t size) {
        for (std::size_t i = 0; i < size; ++i) {
            const auto u = static_cast<const unsigned char *>(bytes)[i];
            *dst++ = hexDigits[u >> 4];
            *dst++ = hexDigits[u & 0xf];
        }
    };
    auto putInteger = [&dst](qint64 value) {
        dst = std::to_chars(dst, dst + 20, value).ptr;
    };
    put("[\"vigie-entry/1\",\"");
    // QUuid::toByteArray(WithoutBraces) without its temporary: lower-case 8-4-4-4-12 hex.
    const QUuid &id = e.id;
    const unsigned char head[8] = {uchar(id.data1 >> 24), uchar(id.data1 >> 16), uchar(id.data1 >> 8),
                                   uchar(id.data1),       uchar(id.data2 >> 8),  uchar(id.data2),
                                   uchar(id.data3 >> 8),  uchar(id.data3)};
    putHex(head, 4);
    *dst++ = '-';
    putHex(head + 4, 2);
    *dst++ = '-';
    putHex(head + 6, 2);
    *dst++ = '-';
    putHex(id.data4, 2);
    *dst++ = '-';
    putHex(id.data4 + 2, 6);
    put("\",");
    putInteger(e.seq);
    *dst++ = ',';
    dst = writeJsonString(dst, e.room);
    put(e.mode == RoomMode::Live ? ",\"live\"," : ",\"exercise\",");
    putInteger(e.eventTime.msecs);
    *dst++ = ',';
    putInteger(e.recordTime.msecs);
    for (const QString *text : {&e.author, &e.role, &e.agency, &e.kind}) {
        *dst++ = ',';
        dst = writeJsonString(dst, *text);
    }
    *dst++ = ',';
    put(geoJson.isEmpty() ? QByteArrayView("null") : geoJson);
    *dst++ = ',';
    put(dataJson);
    put(",\"");
    putHex(e.prevHash.constData(), std::size_t(e.prevHash.size()));
    put("\"]");
    out.truncate(dst - out.constData());
}

QByteArray canonicalMiddle(const Entry &entry, QByteArrayView geoJson, QByteArrayView dataJson)
{
    // Cut out of the whole form written with seq 0 and no previous hash, so that the canonical form keeps
    // one writer: `["vigie-entry/1","<36-character id>",` then "0", the middle, and `"]`.
    Entry blank = entry;
    blank.seq = 0;
    blank.prevHash.clear();
    QByteArray whole;
    appendCanonicalBytes(whole, blank, geoJson, dataJson);
    constexpr qsizetype before = 18 + 36 + 2 + 1; // the head, the id, `",`, then the "0" of the seq
    return whole.mid(before, whole.size() - before - 2);
}

QByteArray hashFromMiddle(const QUuid &id, qint64 seq, QByteArrayView middle, const QByteArray &prev,
                          QByteArray &scratch)
{
    scratch.truncate(0);
    scratch.append("[\"vigie-entry/1\",\"");
    scratch.append(id.toByteArray(QUuid::WithoutBraces));
    scratch.append("\",");
    scratch.append(QByteArray::number(seq));
    scratch.append(middle);
    scratch.append(prev.toHex());
    scratch.append("\"]");
    return sha256(scratch);
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

bool isKindName(QStringView kind)
{
    // ^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$, checked by hand: every entry of every feed batch is validated,
    // and the regular expression cost 3 % of a feed's ingest time.
    bool wordStart = true;
    for (const QChar c : kind) {
        const char16_t u = c.unicode();
        const bool lower = u >= u'a' && u <= u'z';
        if (wordStart) {
            if (!lower)
                return false;
            wordStart = false;
        } else if (u == u'.') {
            wordStart = true;
        } else if (!lower && !(u >= u'0' && u <= u'9') && u != u'_') {
            return false;
        }
    }
    return !kind.isEmpty() && !wordStart;
}

Result<void> validateDraft(const Entry &e)
{
    if (!isKindName(e.kind))
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

namespace vigie {

EntryTexts chainEntry(Entry &entry, const QByteArray &prev, QByteArray &scratch)
{
    entry.prevHash = prev;
    EntryTexts texts{compactGeoJson(entry.geo), compactDataJson(entry.data)};
    scratch.truncate(0);
    appendCanonicalBytes(scratch, entry, texts.geoJson, texts.dataJson);
    entry.hash = sha256(scratch);
    return texts;
}

} // namespace vigie
