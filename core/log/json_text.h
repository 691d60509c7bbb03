#pragma once
// JSON written as text, byte for byte as QJsonDocument::toJson(Compact) writes the same values (but keys in
// the order given). For what is serialised often: building QJsonObjects first converts every key and value
// on its own and costs several times the text (entries' data, picture snapshots, fusion's decisions).
#include <QByteArray>
#include <QStringList>
#include <QStringView>

#include <concepts>

namespace vigie {

void appendJsonInteger(QByteArray &out, qint64 value);
/// Shortest round-trip form; "null" if not finite.
void appendJsonDouble(QByteArray &out, double value);
/// A string literal (quotes included) escaped as QJsonDocument escapes it: \b and \f have short escapes, a
/// lone surrogate becomes a \u escape.
void appendJsonDocumentString(QByteArray &out, QStringView text);

/// Compact JSON, object by object: commas and colons are placed here.
class JsonWriter
{
public:
    /// `expectedBytes`: room reserved at once, so that a document of about that size is not reallocated.
    explicit JsonWriter(qsizetype expectedBytes = 256) { m_out.reserve(expectedBytes); }
    void beginObject() { open('{'); }
    void endObject() { close('}'); }
    void beginArray() { open('['); }
    void endArray() { close(']'); }
    /// The key of the next value.
    void key(QStringView name)
    {
        separate();
        appendJsonDocumentString(m_out, name);
        m_out += ':';
        m_first = true;
    }
    void value(QStringView text)
    {
        separate();
        appendJsonDocumentString(m_out, text);
    }
    void value(qint64 n)
    {
        separate();
        appendJsonInteger(m_out, n);
    }
    void value(int n) { value(qint64(n)); }
    void value(double d)
    {
        separate();
        appendJsonDouble(m_out, d);
    }
    /// An array of strings.
    void value(const QStringList &texts)
    {
        beginArray();
        for (const QString &t : texts)
            value(t);
        endArray();
    }
    /// Exactly a bool: a pointer (a string literal) must not silently become one.
    template <typename B>
    requires std::same_as<B, bool>
    void value(B b)
    {
        separate();
        m_out += b ? "true" : "false";
    }
    /// A value already written as compact JSON (null if empty).
    void raw(const QByteArray &json)
    {
        separate();
        m_out += json.isEmpty() ? QByteArrayLiteral("null") : json;
    }
    void null()
    {
        separate();
        m_out += "null";
    }
    template <typename T> void field(QStringView name, const T &v)
    {
        key(name);
        value(v);
    }
    [[nodiscard]] QByteArray take() { return std::move(m_out); }

private:
    void open(char bracket)
    {
        separate();
        m_out += bracket;
        m_first = true;
    }
    void close(char bracket)
    {
        m_out += bracket;
        m_first = false;
    }
    void separate()
    {
        if (!m_first)
            m_out += ',';
        m_first = false;
    }
    QByteArray m_out;
    bool m_first = true;
};

} // namespace vigie
