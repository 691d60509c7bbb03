#include "allocation/needs.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace vigie::allocation {

Result<NeedsTable> parseNeedsTable(const QByteArray &json, const QString &source)
{
    QJsonParseError perr;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &perr);
    if (!doc.isObject())
        return Error{QStringLiteral("%1: not a JSON object (%2 at offset %3)")
                         .arg(source, perr.errorString())
                         .arg(perr.offset)};
    const QJsonObject types = doc.object().value(QLatin1String("types")).toObject();
    if (types.isEmpty())
        return Error{QStringLiteral("%1: no \"types\" object").arg(source)};
    NeedsTable table;
    for (auto t = types.begin(); t != types.end(); ++t) {
        const QJsonObject agencies = t.value().toObject();
        for (auto a = agencies.begin(); a != agencies.end(); ++a) {
            for (const QJsonValue &v : a.value().toArray()) {
                const QJsonObject o = v.toObject();
                Need n{o.value(QLatin1String("need")).toString(), a.key(),
                       o.value(QLatin1String("count")).toInt(1), o.value(QLatin1String("priority")).toInt(3)};
                if (n.name.isEmpty() || n.count < 1 || n.priority < 1 || n.priority > 5)
                    return Error{
                        QStringLiteral("%1: type \"%2\", agency \"%3\": each need needs a \"need\" name, "
                                       "a count ≥ 1 and a priority 1–5")
                            .arg(source, t.key(), a.key())};
                table.byType[t.key()].push_back(n);
            }
        }
    }
    return table;
}

Result<NeedsTable> defaultNeedsTable()
{
    QFile file(QStringLiteral(":/vigie/allocation/needs.json"));
    if (!file.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("the built-in needs table is missing from the program")};
    return parseNeedsTable(file.readAll(), QStringLiteral("needs.json"));
}

std::vector<Need> needsFor(const NeedsTable &table, const QString &incidentType)
{
    if (auto it = table.byType.find(incidentType); it != table.byType.end())
        return it->second;
    if (auto it = table.byType.find(QStringLiteral("other")); it != table.byType.end())
        return it->second;
    return {};
}

} // namespace vigie::allocation
