#include "feeds/xml_tree.h"

#include <QJsonArray>
#include <QXmlStreamReader>

#include <vector>

namespace vigie::feeds {

namespace {

struct Frame
{
    QString name;
    QJsonObject children;
    QString text;
    bool hasChildren = false;
};

void addChild(QJsonObject &parent, const QString &name, const QJsonValue &value)
{
    auto it = parent.find(name);
    if (it == parent.end()) {
        parent.insert(name, value);
        return;
    }
    QJsonArray list = it->isArray() ? it->toArray() : QJsonArray{*it};
    list.append(value);
    *it = list;
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
            QJsonValue value = f.hasChildren ? QJsonValue(f.children) : QJsonValue(f.text.trimmed());
            if (stack.empty())
                root.insert(f.name, value);
            else
                addChild(stack.back().children, f.name, value);
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
