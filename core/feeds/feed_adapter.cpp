#include "feeds/feed_adapter.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QStringTokenizer>

namespace vigie::feeds {

std::optional<QString> modeRefusal(const QString &status, RoomMode mode)
{
    const QString s = status.trimmed().toLower();
    const bool exercise = s == u"exercise" || s == u"exercs" || s == u"test" || s == u"draft";
    const bool actual = s == u"actual";
    if (!exercise && !actual)
        return QStringLiteral("status \"%1\" is neither Actual nor Exercise/Test: refused in any room")
            .arg(status);
    if (exercise && mode == RoomMode::Live)
        return QStringLiteral("%1 traffic never enters a live room").arg(status);
    if (actual && mode == RoomMode::Exercise)
        return QStringLiteral("Actual traffic never enters an exercise room");
    return std::nullopt;
}

QString utf8Problem(const QByteArray &bytes)
{
    // Qt's decoder replaces bad sequences silently; walk the bytes to say where the first one is.
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.constData());
    const qsizetype n = bytes.size();
    for (qsizetype i = 0; i < n;) {
        const unsigned char c = p[i];
        int extra = 0;
        if (c < 0x80)
            extra = 0;
        else if ((c & 0xE0) == 0xC0 && c >= 0xC2)
            extra = 1;
        else if ((c & 0xF0) == 0xE0)
            extra = 2;
        else if ((c & 0xF8) == 0xF0 && c <= 0xF4)
            extra = 3;
        else
            return QStringLiteral("invalid UTF-8 at byte %1 (convert the export to UTF-8)").arg(i);
        if (extra > 0 && i + extra >= n)
            return QStringLiteral("truncated UTF-8 sequence at byte %1").arg(i);
        for (int k = 1; k <= extra; ++k)
            if ((p[i + k] & 0xC0) != 0x80)
                return QStringLiteral("invalid UTF-8 at byte %1 (convert the export to UTF-8)").arg(i);
        i += 1 + extra;
    }
    return {};
}

qsizetype maxInputBytes(const QString &format)
{
    return format == QLatin1String("nmea") ? maxStreamBytes : maxMessageBytes;
}

QString inputProblem(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return QStringLiteral("empty input");
    if (bytes.size() > maxMessageBytes)
        return QStringLiteral("input of %1 bytes exceeds the %2 MiB limit per message")
            .arg(bytes.size())
            .arg(maxMessageBytes / (1024 * 1024));
    return utf8Problem(bytes);
}

QString contentKey(const QString &format, const QByteArray &bytes)
{
    return format + QStringLiteral(":sha256:") +
           QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QString documentRoot(const QByteArray &bytes)
{
    // A scan rather than a parser: sniffing runs on every message of every live feed and only needs the
    // first name; the adapter's real parser judges the rest.
    const QByteArray h = bytes.left(1024);
    qsizetype i = h.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    const qsizetype n = h.size();
    auto skipSpace = [&] {
        while (i < n && (h[i] == ' ' || h[i] == '\t' || h[i] == '\r' || h[i] == '\n'))
            ++i;
    };
    auto isNameChar = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
               c == '-' || c == '.' || c == ':' || c == '$';
    };
    skipSpace();
    if (i < n && h[i] == '{') {
        ++i;
        skipSpace();
        if (i >= n || h[i] != '"')
            return {};
        const qsizetype end = h.indexOf('"', i + 1);
        return end < 0 ? QString() : QString::fromUtf8(h.mid(i + 1, end - i - 1));
    }
    while (i < n && h[i] == '<') {
        if (h.mid(i, 2) == "<?" || h.mid(i, 2) == "<!") {
            const bool comment = h.mid(i, 4) == "<!--";
            const qsizetype end = comment ? h.indexOf("-->", i) : h.indexOf('>', i);
            if (end < 0)
                return {};
            i = end + (comment ? 3 : 1);
            skipSpace();
            continue;
        }
        qsizetype j = i + 1;
        while (j < n && isNameChar(h[j]))
            ++j;
        const QByteArray name = h.mid(i + 1, j - i - 1);
        return QString::fromUtf8(name.mid(name.lastIndexOf(':') + 1));
    }
    return {};
}

QJsonValue pick(const QJsonObject &object, QStringView path)
{
    QJsonValue v = object;
    // Tokenised in place: splitting allocated a list for every field a mapping reads.
    for (const auto part : qTokenize(path, u'/')) {
        if (v.isArray())
            v = v.toArray().isEmpty() ? QJsonValue() : v.toArray().first();
        if (!v.isObject())
            return {};
        v = v.toObject().value(part);
    }
    return v;
}

QString pickString(const QJsonObject &object, QStringView path)
{
    QJsonValue v = pick(object, path);
    if (v.isArray())
        v = v.toArray().isEmpty() ? QJsonValue() : v.toArray().first();
    if (v.isDouble())
        return QString::number(v.toDouble());
    return v.toString().trimmed();
}

std::optional<double> pickNumber(const QJsonObject &object, QStringView path)
{
    QJsonValue v = pick(object, path);
    if (v.isArray())
        v = v.toArray().isEmpty() ? QJsonValue() : v.toArray().first();
    if (v.isDouble())
        return v.toDouble();
    if (v.isString()) {
        bool ok = false;
        const double d = v.toString().trimmed().toDouble(&ok);
        if (ok)
            return d;
    }
    return std::nullopt;
}

std::vector<QJsonObject> objects(const QJsonValue &value)
{
    std::vector<QJsonObject> out;
    if (value.isObject())
        out.push_back(value.toObject());
    else if (value.isArray())
        for (const auto &v : value.toArray())
            if (v.isObject())
                out.push_back(v.toObject());
    return out;
}

QStringList strings(const QJsonValue &value)
{
    QStringList out;
    if (value.isString())
        out << value.toString();
    else if (value.isArray())
        for (const auto &v : value.toArray())
            if (v.isString())
                out << v.toString();
    return out;
}

QString agencyFromSender(const QString &sender, const QString &fallback)
{
    const QString s = sender.toLower();
    if (s.contains(u"health") || s.contains(u"samu") || s.contains(u"sante"))
        return QStringLiteral("samu");
    if (s.contains(u"sdis") || s.contains(u"bmpm") || s.contains(u"fire") || s.contains(u"pompier"))
        return QStringLiteral("fire");
    if (s.contains(u"police") || s.contains(u"gendarmerie"))
        return QStringLiteral("police");
    return fallback;
}

} // namespace vigie::feeds
