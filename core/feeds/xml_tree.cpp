#include "feeds/xml_tree.h"

#include "log/entry.h"

#include <QJsonDocument>
#include <QXmlStreamReader>

#include <algorithm>
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

Result<QJsonObject> xmlToJson(const QByteArray &bytes, int maxDepth)
{
    QXmlStreamReader xml(bytes);
    std::vector<Frame> stack;
    std::vector<Child> roots;
    auto where = [&xml] {
        return QStringLiteral("line %1, column %2").arg(xml.lineNumber()).arg(xml.columnNumber());
    };
    while (!xml.atEnd()) {
        switch (xml.readNext()) {
        case QXmlStreamReader::DTD:
            return Error{
                QStringLiteral("%1: DOCTYPE declarations are refused (entity expansion risk)").arg(where())};
        case QXmlStreamReader::StartElement:
            if (int(stack.size()) >= maxDepth)
                return Error{QStringLiteral("%1: nesting deeper than %2 levels").arg(where()).arg(maxDepth)};
            if (!stack.empty())
                stack.back().hasChildren = true;
            stack.push_back({xml.name().toString(), {}, {}, false});
            break;
        case QXmlStreamReader::Characters:
            if (!stack.empty() && !xml.isWhitespace())
                stack.back().text += xml.text();
            break;
        case QXmlStreamReader::EndElement: {
            Frame f = std::move(stack.back());
            stack.pop_back();
            QByteArray value;
            if (f.hasChildren) {
                value = objectText(f.children);
            } else {
                appendJsonString(value, QStringView(f.text).trimmed());
            }
            (stack.empty() ? roots : stack.back().children).push_back({std::move(f.name), std::move(value)});
            break;
        }
        default:
            break;
        }
    }
    if (xml.hasError())
        return Error{QStringLiteral("%1: malformed XML: %2").arg(where(), xml.errorString())};
    if (roots.empty())
        return Error{QStringLiteral("no XML element found")};
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(objectText(roots), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return Error{QStringLiteral("XML tree not representable as JSON: %1").arg(error.errorString())};
    return document.object();
}

} // namespace vigie::feeds
