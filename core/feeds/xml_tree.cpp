#include "feeds/xml_tree.h"

#include "log/entry.h"

#include <QJsonDocument>

#include <expat.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <type_traits>
#include <utility>
#include <vector>

namespace vigie::feeds {

namespace {

// The tree is written as JSON text and parsed once at the end. Building it with QJsonObject::insert
// converted every key and value to CBOR and searched the keys at each insert: two thirds of reading a CAP
// alert. QJsonDocument's parser builds each container in one pass.

struct Child
{
    QString name;
    QByteArray json; ///< the child's value as JSON text
};

struct Frame
{
    QString name;
    /// Children in document order; grouped by name when the element closes. Grouping at the end keeps an
    /// element with n repeated children (rows of an export) linear.
    std::vector<Child> children;
    QString text;
    bool hasChildren = false;
};

/// {"name": value, ...}: one key per child name, an array of the values in document order where a name
/// repeats.
QByteArray objectText(std::vector<Child> &children)
{
    std::stable_sort(children.begin(), children.end(),
                     [](const Child &a, const Child &b) { return a.name < b.name; });
    qsizetype size = 2;
    for (const Child &c : children)
        size += c.name.size() * 3 + c.json.size() + 8;
    QByteArray out;
    out.reserve(size);
    out += '{';
    for (std::size_t i = 0; i < children.size();) {
        std::size_t end = i + 1;
        while (end < children.size() && children[end].name == children[i].name)
            ++end;
        if (i > 0)
            out += ',';
        appendJsonString(out, children[i].name);
        out += ':';
        if (end - i == 1) {
            out += children[i].json;
        } else {
            out += '[';
            for (std::size_t k = i; k < end; ++k) {
                if (k > i)
                    out += ',';
                out += children[k].json;
            }
            out += ']';
        }
        i = end;
    }
    out += '}';
    return out;
}

} // namespace

namespace {

/// The reader's state, shared with expat's callbacks.
struct Reader
{
    XML_Parser parser = nullptr;
    int maxDepth = 0;
    std::vector<Frame> stack;
    std::vector<Child> roots;
    QString refusal; ///< why the reader stopped expat, if it did

    [[nodiscard]] QString where() const
    {
        return QStringLiteral("line %1, column %2")
            .arg(XML_GetCurrentLineNumber(parser))
            .arg(XML_GetCurrentColumnNumber(parser));
    }
    void refuse(const QString &why)
    {
        refusal = QStringLiteral("%1: %2").arg(where(), why);
        XML_StopParser(parser, XML_FALSE);
    }
};

/// With namespace processing, expat names an element "uri\x01local"; the tree keeps the local name.
constexpr char namespaceSeparator = '\x01';

void XMLCALL startElement(void *data, const XML_Char *name, const XML_Char ** /*attributes*/)
{
    auto &r = *static_cast<Reader *>(data);
    if (int(r.stack.size()) >= r.maxDepth) {
        r.refuse(QStringLiteral("nesting deeper than %1 levels").arg(r.maxDepth));
        return;
    }
    if (!r.stack.empty())
        r.stack.back().hasChildren = true;
    const char *local = std::strrchr(name, namespaceSeparator);
    r.stack.push_back({QString::fromUtf8(local ? local + 1 : name), {}, {}, false});
}

void XMLCALL characters(void *data, const XML_Char *text, int length)
{
    auto &r = *static_cast<Reader *>(data);
    if (!r.stack.empty())
        r.stack.back().text += QString::fromUtf8(text, length);
}

void XMLCALL endElement(void *data, const XML_Char * /*name*/)
{
    auto &r = *static_cast<Reader *>(data);
    Frame f = std::move(r.stack.back());
    r.stack.pop_back();
    QByteArray value;
    if (f.hasChildren)
        value = objectText(f.children);
    else
        appendJsonString(value, QStringView(f.text).trimmed());
    (r.stack.empty() ? r.roots : r.stack.back().children).push_back({std::move(f.name), std::move(value)});
}

void XMLCALL startDoctype(void *data, const XML_Char *, const XML_Char *, const XML_Char *, int)
{
    static_cast<Reader *>(data)->refuse(
        QStringLiteral("DOCTYPE declarations are refused (entity expansion risk)"));
}

} // namespace

Result<QJsonObject> xmlToJson(const QByteArray &bytes, int maxDepth)
{
    // Expat rather than QXmlStreamReader: reading a CAP alert with QXmlStreamReader cost twice what mapping
    // it did (and a tenth of ingesting the whole mixed corpus). The input is UTF-8 (the adapters refuse
    // anything else before), so expat is told so, whatever the declaration says. Character data is kept
    // whole, whitespace included, and trimmed at the end of its element.
    Reader r;
    r.maxDepth = maxDepth;
    r.parser = XML_ParserCreateNS("UTF-8", namespaceSeparator);
    if (!r.parser)
        return Error{QStringLiteral("cannot create an XML parser (out of memory)")};
    const std::unique_ptr<std::remove_pointer_t<XML_Parser>, decltype(&XML_ParserFree)> owner(
        r.parser, &XML_ParserFree);
    XML_SetUserData(r.parser, &r);
    XML_SetElementHandler(r.parser, &startElement, &endElement);
    XML_SetCharacterDataHandler(r.parser, &characters);
    XML_SetStartDoctypeDeclHandler(r.parser, &startDoctype);
    XML_SetParamEntityParsing(r.parser, XML_PARAM_ENTITY_PARSING_NEVER);
    const XML_Status status = XML_Parse(r.parser, bytes.constData(), int(bytes.size()), XML_TRUE);
    if (!r.refusal.isEmpty())
        return Error{r.refusal};
    if (status != XML_STATUS_OK) {
        const XML_Error code = XML_GetErrorCode(r.parser);
        // Expat says "no element found" when the input stops inside one: name the element left open.
        if (!r.stack.empty() && (code == XML_ERROR_NO_ELEMENTS || code == XML_ERROR_UNCLOSED_TOKEN ||
                                 code == XML_ERROR_PARTIAL_CHAR))
            return Error{QStringLiteral("%1: malformed XML: the document ends inside <%2> (truncated?)")
                             .arg(r.where(), r.stack.back().name.left(64))};
        return Error{
            QStringLiteral("%1: malformed XML: %2").arg(r.where(), QString::fromUtf8(XML_ErrorString(code)))};
    }
    if (r.roots.empty())
        return Error{QStringLiteral("no XML element found")};
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(objectText(r.roots), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return Error{QStringLiteral("XML tree not representable as JSON: %1").arg(error.errorString())};
    return document.object();
}

} // namespace vigie::feeds
