#include "feeds/xml_tree.h"

#include <QHash>
#include <QJsonArray>
#include <QXmlStreamReader>

#include <vector>

namespace vigie::feeds {

namespace {

struct Frame
{
    QString name;
    /// Child values by element name, gathered while the element is open and turned into one object when
    /// it closes: appending to an array already inside a QJsonObject copies it each time, which made an
    /// element with n repeated children (rows of an export) cost n² copies.
    QHash<QString, QJsonArray> children;
    QString text;
    bool hasChildren = false;
};

QJsonObject toObject(const QHash<QString, QJsonArray> &children)
{
    // QJsonObject keeps its keys sorted: inserting them in that order appends each at the end.
    QStringList names = children.keys();
    names.sort();
    QJsonObject object;
    for (const QString &name : names) {
        const QJsonArray &values = children[name];
        object.insert(name, values.size() == 1 ? values.first() : QJsonValue(values));
    }
    return object;
}

} // namespace

Result<QJsonObject> xmlToJson(const QByteArray &bytes, int maxDepth)
{
    QXmlStreamReader xml(bytes);
    std::vector<Frame> stack;
    QJsonObject root;
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
            QJsonValue value =
                f.hasChildren ? QJsonValue(toObject(f.children)) : QJsonValue(f.text.trimmed());
            if (stack.empty())
                root.insert(f.name, value);
            else
                stack.back().children[f.name].append(value);
            break;
        }
        default:
            break;
        }
    }
    if (xml.hasError())
        return Error{QStringLiteral("%1: malformed XML: %2").arg(where(), xml.errorString())};
    if (root.isEmpty())
        return Error{QStringLiteral("no XML element found")};
    return root;
}

} // namespace vigie::feeds
