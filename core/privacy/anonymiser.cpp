#include "privacy/anonymiser.h"

#include "privacy/person_names.h"

#include <QHash>
#include <QJsonArray>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QStringDecoder>

#include <algorithm>

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include <algorithm>
#include <memory>
#include <optional>

namespace vigie {

namespace {

/// What a pattern needs before it can match, counted cheaply first: most texts in a feed (times, ids,
/// coordinates, free text without numbers) cannot hold any of them and skip the expressions. Digits are
/// counted with QChar::isDigit, a superset of the expressions' ASCII `\d`, and capitals as the ASCII
/// `[A-Z]` the expressions use, so the shortcut can never skip a match.
struct Needs
{
    bool at = false;
    int digits = 0;
    int capitals = 0;
};

struct Pattern
{
    const char *category;
    QRegularExpression re;
    Needs needs;
};

const std::vector<Pattern> &patterns()
{
    using RE = QRegularExpression;
    static const std::vector<Pattern> list = {
        {"email",
         RE(QStringLiteral(R"([A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,})")),
         {true, 0, 0}},
        // IBAN before phone numbers: its digit groups would otherwise look like a number.
        {"iban",
         RE(QStringLiteral(R"(\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?\b)")),
         {false, 2, 2}},
        // French numbers: 0X XX XX XX XX, +33 X…, 0033 X…, +33 (0)X…, with spaces, dots or dashes: ten
        // digits at least (0 and nine, or 33 and nine), not inside a word: a hex key ("0612345678abcdef")
        // is not a number.
        {"tel",
         RE(QStringLiteral(
             R"((?<![\w+])(?:(?:\+|00)33[ .\-]?(?:\(0\)[ .\-]?)?|0)[1-9](?:[ .\-]?\d{2}){4}(?!\w))")),
         {false, 10, 0}},
        // SIV plates (AA-123-AA, since 2009) and FNI plates (123 ABC 13, 1234 AB 2A, before 2009). An ISO
        // 8601 time ("2026-07-14T21:05") has the shape of an FNI plate ("14T21") and is not one.
        {"plaque",
         RE(QStringLiteral(R"(\b[A-HJ-NP-TV-Z]{2}[ \-]?\d{3}[ \-]?[A-HJ-NP-TV-Z]{2}\b)")),
         {false, 3, 4}},
        {"plaque",
         RE(QStringLiteral(R"(\b(?!\d\dT\d\d:\d\d)\d{1,4}[ \-]?[A-Z]{1,3}[ \-]?)"
                           R"((?:0[1-9]|[1-8]\d|9[0-5]|2A|2B|97[1-6])\b)")),
         {false, 2, 1}},
    };
    return list;
}

QString normalise(const QString &category, const QString &value)
{
    if (category == QLatin1String("email"))
        return value.toLower();
    QString v;
    v.reserve(value.size());
    for (const QChar c : value)
        if (c != u' ' && c != u'.' && c != u'-' && c != u'(' && c != u')')
            v += c;
    if (category == QLatin1String("tel")) {
        if (v.startsWith(QLatin1String("+33")))
            v = QLatin1Char('0') + v.mid(3);
        else if (v.startsWith(QLatin1String("0033")))
            v = QLatin1Char('0') + v.mid(4);
        if (v.startsWith(QLatin1String("00")))
            v = v.mid(1);
    }
    return v.toUpper();
}

} // namespace

Anonymiser::Anonymiser(QByteArray key) : m_key(std::move(key)) {}

QByteArray Anonymiser::generateKey()
{
    QByteArray key(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(key.data()), key.size() / 4);
    return key;
}

namespace {

/// HMAC-SHA-256 of `message` under `key`. QMessageAuthenticationCode derives the key's inner and outer
/// blocks again for every value, over a quarter of scrubbing a message; OpenSSL's HMAC keeps them, and
/// re-initialising with no key starts from them. One keyed context per thread and key.
QByteArray hmacSha256(const QByteArray &key, QByteArrayView message)
{
    struct Keyed
    {
        QByteArray key;
        std::unique_ptr<EVP_MAC_CTX, decltype(&EVP_MAC_CTX_free)> ctx{nullptr, &EVP_MAC_CTX_free};
    };
    static EVP_MAC *const mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
    thread_local Keyed keyed;
    bool ok = mac != nullptr;
    if (ok && (!keyed.ctx || keyed.key != key)) {
        keyed.ctx.reset(EVP_MAC_CTX_new(mac));
        char digest[] = "SHA256";
        const OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
                                     OSSL_PARAM_construct_end()};
        // An empty key is still a key: a null pointer would mean "keep the last one".
        static const unsigned char none = 0;
        const auto *bytes = key.isEmpty() ? &none : reinterpret_cast<const unsigned char *>(key.constData());
        ok = keyed.ctx && EVP_MAC_init(keyed.ctx.get(), bytes, std::size_t(key.size()), params);
        keyed.key = key;
    } else if (ok) {
        ok = EVP_MAC_init(keyed.ctx.get(), nullptr, 0, nullptr);
    }
    QByteArray out(32, Qt::Uninitialized);
    std::size_t size = 0;
    if (ok &&
        EVP_MAC_update(keyed.ctx.get(), reinterpret_cast<const unsigned char *>(message.data()),
                       std::size_t(message.size())) &&
        EVP_MAC_final(keyed.ctx.get(), reinterpret_cast<unsigned char *>(out.data()), &size, 32) &&
        size == 32)
        return out;
    keyed.ctx.reset(); // never reuse a context left in an unknown state
    return QMessageAuthenticationCode::hash(message.toByteArray(), key, QCryptographicHash::Sha256);
}

} // namespace

QString Anonymiser::token(const QString &category, const QString &normalisedValue) const
{
    const QByteArray mac = hmacSha256(m_key, normalisedValue.toUtf8());
    return QStringLiteral("[%1:%2]").arg(category, QString::fromLatin1(mac.toHex().left(12)));
}

QString Anonymiser::feedKey(const QString &messageKey) const
{
    // A prefix of its own (with a NUL no scrubbed value holds) keeps feed keys apart from text tokens.
    const QByteArray input = QByteArrayLiteral("vigie-feed-key") + '\0' + messageKey.toUtf8();
    const QByteArray mac = hmacSha256(m_key, input);
    return QString::fromLatin1(mac.toHex());
}

namespace {

Needs needsOf(const QString &text)
{
    Needs n;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        n.at = n.at || u == u'@';
        n.capitals += u >= u'A' && u <= u'Z';
        n.digits += c.isDigit();
    }
    return n;
}

bool mayMatch(const Needs &text, const Needs &pattern)
{
    return (text.at || !pattern.at) && text.digits >= pattern.digits && text.capitals >= pattern.capitals;
}

} // namespace

namespace {

/// Where `text` holds a UUID (an entry's id named in another entry's data, a feed's identifier): a group of
/// one reads like a phone number ("…-0612345678bd") or, upper-cased, like a plate ("4F94"), and an id
/// scrubbed names nothing any more.
std::vector<std::pair<qsizetype, qsizetype>> identifierSpans(const QString &text)
{
    std::vector<std::pair<qsizetype, qsizetype>> spans;
    if (text.size() < 36 || text.count(u'-') < 4)
        return spans;
    static const QRegularExpression uuid(
        QStringLiteral(R"(\b[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\b)"));
    for (auto it = uuid.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        spans.emplace_back(m.capturedStart(), m.capturedEnd());
    }
    return spans;
}

} // namespace

QString Anonymiser::scrubText(const QString &text, Names names) const
{
    // Feeds repeat their words: statuses, senders, places, unit call signs. On the mixed stream of
    // tests/bench/bench_feeds.cpp, 8 texts in 10 were scrubbed shortly before; a short text (13 characters on
    // average) costs a few thousand instructions to scrub and a few hundred to look up. The scrubbed form of
    // the last few thousand is kept per thread, under this room's key (another key, other tokens).
    struct Recent
    {
        QByteArray key;
        QHash<QString, QString> texts[2]; // Names::Scrub, Names::Keep
    };
    thread_local Recent recent;
    constexpr qsizetype kept = 4096;
    if (recent.key != m_key) {
        recent.key = m_key;
        recent.texts[0].clear();
        recent.texts[1].clear();
    }
    QHash<QString, QString> &texts = recent.texts[names == Names::Keep ? 1 : 0];
    if (const auto it = texts.constFind(text); it != texts.cend())
        return *it;
    QString out = scrubTextNow(text, names);
    if (texts.size() >= kept)
        texts.clear(); // a bound, not an order: the stream's common words come back at once
    texts.insert(text, out);
    return out;
}

QString Anonymiser::scrubTextNow(const QString &text, Names names) const
{
    QString out = text;
    Needs needs = needsOf(out);
    auto identifiers = identifierSpans(out);
    for (const Pattern &p : patterns()) {
        if (!mayMatch(needs, p.needs))
            continue;
        QString next;
        qsizetype last = 0;
        auto it = p.re.globalMatch(out);
        bool any = false;
        while (it.hasNext()) {
            const auto m = it.next();
            if (std::any_of(identifiers.begin(), identifiers.end(), [&m](const auto &span) {
                    return m.capturedStart() < span.second && span.first < m.capturedEnd();
                }))
                continue;
            any = true;
            next += QStringView(out).mid(last, m.capturedStart() - last);
            next += token(QLatin1String(p.category), normalise(QLatin1String(p.category), m.captured()));
            last = m.capturedEnd();
        }
        if (any) {
            next += QStringView(out).mid(last);
            out = next;
            needs = needsOf(out); // tokens carry hex digits, as before this shortcut
            identifiers = identifierSpans(out);
        }
    }
    if (names == Names::Keep || needs.capitals == 0)
        return out;
    const std::vector<privacy::NameSpan> people = privacy::findPersonNames(out);
    if (people.empty())
        return out;
    QString next;
    qsizetype last = 0;
    for (const privacy::NameSpan &name : people) {
        if (std::any_of(identifiers.begin(), identifiers.end(), [&name](const auto &span) {
                return name.start < span.second && span.first < name.end;
            }))
            continue;
        next += QStringView(out).mid(last, name.start - last);
        next += token(QStringLiteral("personne"), name.normalised);
        last = name.end;
    }
    next += QStringView(out).mid(last);
    return next;
}

namespace {

QString fieldKey(const QString &key)
{
    // Most keys are already lower-case ASCII words: shared as they are, without a copy.
    if (std::all_of(key.begin(), key.end(),
                    [](QChar c) { return (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9'); }))
        return key;
    QString k = key.toLower();
    k.remove(QLatin1Char('_'));
    k.remove(QLatin1Char('-'));
    return k;
}

} // namespace

bool Anonymiser::isAuthorField(const QString &key)
{
    static const QSet<QString> fields{QStringLiteral("author"), QStringLiteral("authors"),
                                      QStringLiteral("desk"), QStringLiteral("decidedby"),
                                      QStringLiteral("operator")};
    return fields.contains(fieldKey(key));
}

bool Anonymiser::isPersonalField(const QString &key)
{
    // Fields that name a person wherever they appear. A bare "name" is not among them: hospitals, places,
    // events and units have names too (EDXL-HAVE hospital.status, EMSI EVENT/NAME); it is personal only
    // inside an object that describes a person (isPersonObject).
    static const QSet<QString> fields{
        QStringLiteral("firstname"),    QStringLiteral("lastname"),      QStringLiteral("surname"),
        QStringLiteral("givenname"),    QStringLiteral("familyname"),    QStringLiteral("fullname"),
        QStringLiteral("nom"),          QStringLiteral("prenom"),        QStringLiteral("prénom"),
        QStringLiteral("caller"),       QStringLiteral("callername"),    QStringLiteral("patient"),
        QStringLiteral("victim"),       QStringLiteral("victime"),       QStringLiteral("requerant"),
        QStringLiteral("requérant"),    QStringLiteral("contactname"),   QStringLiteral("birthdate"),
        QStringLiteral("birthname"),    QStringLiteral("datenaissance"), QStringLiteral("personname"),
        QStringLiteral("patientname"),  QStringLiteral("victimname"),    QStringLiteral("nomusage"),
        QStringLiteral("nomnaissance"),
    };
    return fields.contains(fieldKey(key));
}

bool Anonymiser::isPersonObject(const QString &key)
{
    static const QSet<QString> objects{
        QStringLiteral("patient"),      QStringLiteral("patients"),  QStringLiteral("caller"),
        QStringLiteral("callers"),      QStringLiteral("victim"),    QStringLiteral("victims"),
        QStringLiteral("victime"),      QStringLiteral("victimes"),  QStringLiteral("contact"),
        QStringLiteral("contacts"),     QStringLiteral("person"),    QStringLiteral("persons"),
        QStringLiteral("people"),       QStringLiteral("personne"),  QStringLiteral("personnes"),
        QStringLiteral("requerant"),    QStringLiteral("requérant"), QStringLiteral("witness"),
        QStringLiteral("temoin"),       QStringLiteral("témoin"),    QStringLiteral("identity"),
        QStringLiteral("identite"),     QStringLiteral("identité"),  QStringLiteral("contactperson"),
        QStringLiteral("initialalert"),
    };
    return objects.contains(fieldKey(key));
}

namespace {

// Each returns nothing when the value is unchanged, so that an object without personal data is kept as it
// is (implicitly shared) instead of being rebuilt key by key.
std::optional<QJsonObject> scrubObject(const Anonymiser &a, const QJsonObject &object, bool person);
std::optional<QJsonValue> scrubValue(const Anonymiser &a, const QString &key, const QJsonValue &v,
                                     bool person);

std::optional<QJsonArray> scrubArray(const Anonymiser &a, const QString &key, const QJsonArray &array,
                                     bool person)
{
    std::optional<QJsonArray> out;
    for (qsizetype i = 0; i < array.size(); ++i)
        if (auto v = scrubValue(a, key, array.at(i), person)) {
            if (!out)
                out = array;
            out->replace(i, *v);
        }
    return out;
}

/// `person`: the value sits in an object that describes a person, where a plain "name" is that person's.
std::optional<QJsonValue> scrubValue(const Anonymiser &a, const QString &key, const QJsonValue &v,
                                     bool person)
{
    if (v.isString()) {
        if (Anonymiser::isPersonalField(key) || (person && fieldKey(key) == QStringLiteral("name")))
            return a.token(QStringLiteral("personne"), v.toString().trimmed().toUpper());
        const QString text = v.toString();
        QString scrubbed = a.scrubText(text, Anonymiser::isAuthorField(key) ? Anonymiser::Names::Keep
                                                                            : Anonymiser::Names::Scrub);
        if (scrubbed == text)
            return std::nullopt;
        return QJsonValue(std::move(scrubbed));
    }
    if (v.isObject()) {
        if (auto o = scrubObject(a, v.toObject(), person || Anonymiser::isPersonObject(key)))
            return QJsonValue(std::move(*o));
        return std::nullopt;
    }
    if (v.isArray()) {
        if (auto arr = scrubArray(a, key, v.toArray(), person))
            return QJsonValue(std::move(*arr));
        return std::nullopt;
    }
    return std::nullopt;
}

std::optional<QJsonObject> scrubObject(const Anonymiser &a, const QJsonObject &object, bool person)
{
    std::optional<QJsonObject> out;
    for (auto it = object.begin(); it != object.end(); ++it)
        if (auto v = scrubValue(a, it.key(), it.value(), person)) {
            if (!out)
                out = object;
            out->insert(it.key(), *v);
        }
    return out;
}

} // namespace

QJsonObject Anonymiser::scrubJson(const QJsonObject &object) const
{
    auto scrubbed = scrubObject(*this, object, false);
    return scrubbed ? std::move(*scrubbed) : object;
}

QByteArray Anonymiser::scrubBytes(const QByteArray &bytes) const
{
    auto decode = QStringDecoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decode(bytes);
    return scrubText(text).toUtf8();
}

} // namespace vigie
