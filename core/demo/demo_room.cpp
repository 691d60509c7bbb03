#include "demo/demo_room.h"

#include "log/entry_kinds.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <map>

namespace vigie {

namespace {

const QStringList placeFiles{QStringLiteral("fire_stations"), QStringLiteral("hospitals"),
                             QStringLiteral("police_stations"), QStringLiteral("town_halls"),
                             QStringLiteral("venues")};

Result<QByteArray> readResource(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("embedded demo data %1 is missing from this build").arg(path)};
    return file.readAll();
}

} // namespace

Result<std::vector<Place>> cityPlaces(const QString &which)
{
    std::vector<Place> places;
    for (const QString &name : placeFiles) {
        if (!which.isEmpty() && name != which)
            continue;
        const QString path = QStringLiteral(":/vigie/marseille/%1.geojson").arg(name);
        auto bytes = readResource(path);
        if (!bytes)
            return bytes.error();
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(*bytes, &error);
        if (error.error != QJsonParseError::NoError)
            return Error{
                QStringLiteral("%1: %2 at character %3").arg(path, error.errorString()).arg(error.offset)};
        const QJsonArray features = doc.object().value(QLatin1String("features")).toArray();
        for (qsizetype i = 0; i < features.size(); ++i) {
            const QJsonObject feature = features.at(i).toObject();
            const QJsonObject props = feature.value(QLatin1String("properties")).toObject();
            auto geo = geometryFromGeoJson(feature.value(QLatin1String("geometry")).toObject());
            if (!geo || geo->type != Geometry::Type::Point)
                return Error{QStringLiteral("%1: feature %2 has no valid Point geometry").arg(path).arg(i)};
            places.push_back({props.value(QLatin1String("id")).toString(),
                              props.value(QLatin1String("name")).toString(),
                              props.value(QLatin1String("agency")).toString(),
                              props.value(QLatin1String("kind")).toString(), geo->points.front(), props});
        }
    }
    return places;
}

Result<std::vector<Entry>> fleetRollCall(Timestamp at, const QString &author)
{
    auto places = cityPlaces();
    if (!places)
        return places.error();
    std::map<QString, GeoPoint> stationPositions;
    for (const Place &p : *places)
        stationPositions[p.id] = p.position;
    auto fleetBytes = readResource(QStringLiteral(":/vigie/marseille/fleet.json"));
    if (!fleetBytes)
        return fleetBytes.error();
    const QJsonArray fleet = QJsonDocument::fromJson(*fleetBytes).array();
    std::vector<Entry> entries;
    for (const QJsonValue &v : fleet) {
        const QJsonObject u = v.toObject();
        Entry e;
        e.kind = kinds::unitStatus;
        e.eventTime = at;
        e.author = author;
        e.role = QStringLiteral("system");
        e.agency = u.value(QLatin1String("agency")).toString();
        e.data = QJsonObject{{QStringLiteral("unit"), u.value(QLatin1String("id"))},
                             {QStringLiteral("status"), QStringLiteral("available")},
                             {QStringLiteral("callsign"), u.value(QLatin1String("callsign"))},
                             {QStringLiteral("type"), u.value(QLatin1String("type"))},
                             {QStringLiteral("station"), u.value(QLatin1String("station"))},
                             {QStringLiteral("capabilities"), u.value(QLatin1String("capabilities"))}};
        const auto station = stationPositions.find(u.value(QLatin1String("station")).toString());
        if (station != stationPositions.end())
            e.geo = Geometry::point(station->second);
        entries.push_back(std::move(e));
    }
    return entries;
}

Result<DemoSummary> writeDemoRoom(Room &room)
{
    if (room.store().lastSeq() > 0)
        return Error{QStringLiteral("%1 already has %2 entries; the demo is written into an empty room")
                         .arg(room.path())
                         .arg(room.store().lastSeq())};
    auto places = cityPlaces();
    if (!places)
        return places.error();

    auto scenarioBytes = readResource(QStringLiteral(":/vigie/scenarios/marseille_demo.jsonl"));
    if (!scenarioBytes)
        return scenarioBytes.error();
    std::vector<Entry> scenario;
    const QList<QByteArray> lines = scenarioBytes->split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (lines.at(i).trimmed().isEmpty())
            continue;
        auto draft = draftFromJson(lines.at(i));
        if (!draft)
            return Error{QStringLiteral("demo scenario line %1: %2").arg(i + 1).arg(draft.error().message)};
        scenario.push_back(std::move(*draft));
    }
    if (scenario.empty())
        return Error{QStringLiteral("the demo scenario is empty")};

    // The fleet reports in, at its stations, half an hour before the scenario starts.
    const Timestamp rollCall{scenario.front().eventTime.msecs - 30 * 60 * 1000};
    auto fleet = fleetRollCall(rollCall);
    if (!fleet)
        return fleet.error();
    std::vector<Entry> entries = std::move(*fleet);
    DemoSummary summary;
    summary.units = qint64(entries.size());
    summary.places = qint64(places->size());
    for (Entry &e : scenario)
        entries.push_back(std::move(e));
    auto appended = room.append(std::move(entries));
    if (!appended)
        return appended.error();
    summary.entries = qint64(appended->size());
    return summary;
}

} // namespace vigie
