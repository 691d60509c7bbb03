#include "maps/map_layers.h"

#include "maps/web_mercator.h"

#include "demo/demo_room.h"

#include <QCoreApplication>
#include <QHash>
#include <QMutex>
#include <QRegularExpression>

#include <algorithm>

namespace vigie::maps {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("vigie::maps::Layers", text);
}

int statusIndex(const QString &status)
{
    static const char *statuses[] = {"available", "en_route", "on_scene", "returning", "unavailable"};
    for (int i = 0; i < 5; ++i)
        if (status == QLatin1String(statuses[i]))
            return i;
    return 4;
}
} // namespace

Layer layerForAgency(const QString &agency)
{
    if (agency == QLatin1String("fire"))
        return Layer::Fire;
    if (agency == QLatin1String("samu"))
        return Layer::Samu;
    if (agency == QLatin1String("police"))
        return Layer::Police;
    return Layer::Officials;
}

QString hospitalName(const Hospital &hospital)
{
    if (!hospital.name.isEmpty())
        return hospital.name;
    static const QHash<QString, QString> names = [] {
        QHash<QString, QString> out;
        if (auto places = cityPlaces(QStringLiteral("hospitals")))
            for (const Place &p : *places)
                out.insert(p.id, p.name);
        return out;
    }();
    return names.value(hospital.id, hospital.id);
}

QString edStatusLabel(const QString &edStatus)
{
    // Ours, then EDXL-HAVE's EMSTrafficStatus (Normal, Advisory, Closed).
    if (edStatus == QLatin1String("open") || edStatus == QLatin1String("Normal"))
        return tr("ouvertes");
    if (edStatus == QLatin1String("saturated") || edStatus == QLatin1String("Advisory"))
        return tr("saturées");
    if (edStatus == QLatin1String("closed") || edStatus == QLatin1String("Closed"))
        return tr("fermées");
    return edStatus;
}

QColor agencyColour(const QString &agency)
{
    if (agency == QLatin1String("fire"))
        return QColor(0xD5, 0x5E, 0x00); // vermillion
    if (agency == QLatin1String("samu"))
        return QColor(0x00, 0x9E, 0x73); // bluish green
    if (agency == QLatin1String("police"))
        return QColor(0x00, 0x72, 0xB2); // blue
    if (agency == QLatin1String("officials"))
        return QColor(0xCC, 0x79, 0xA7); // reddish purple
    return QColor(0x55, 0x55, 0x55);
}

QColor layerColour(Layer layer)
{
    switch (layer) {
    case Layer::Fire:
        return agencyColour(QStringLiteral("fire"));
    case Layer::Samu:
        return agencyColour(QStringLiteral("samu"));
    case Layer::Police:
        return agencyColour(QStringLiteral("police"));
    case Layer::Officials:
        return agencyColour(QStringLiteral("officials"));
    case Layer::Incidents:
        return QColor(0xE6, 0x9F, 0x00); // orange
    case Layer::Hospitals:
        return QColor(0x56, 0xB4, 0xE9); // sky blue
    case Layer::Sensors:
        return QColor(0xF0, 0xE4, 0x42); // yellow, the last Okabe–Ito colour besides black
    case Layer::Cameras:
        return QColor(0x20, 0x20, 0x20); // black
    case Layer::Zones:
        return QColor(0x00, 0x00, 0x00);
    }
    return Qt::black;
}

QString layerName(Layer layer)
{
    switch (layer) {
    case Layer::Fire:
        return tr("Marins-pompiers");
    case Layer::Samu:
        return tr("SAMU");
    case Layer::Police:
        return tr("Police");
    case Layer::Officials:
        return tr("Élus / PCC");
    case Layer::Incidents:
        return tr("Interventions");
    case Layer::Hospitals:
        return tr("Hôpitaux");
    case Layer::Sensors:
        return tr("Capteurs sonores");
    case Layer::Cameras:
        return tr("Caméras / vidéoprotection");
    case Layer::Zones:
        return tr("Zones");
    }
    return {};
}

QString layerId(Layer layer)
{
    static const char *ids[] = {"zones",  "hospitals", "sensors", "cameras",  "officials",
                                "police", "samu",      "fire",    "incidents"};
    return QLatin1String(ids[int(layer)]);
}

std::optional<Layer> layerFromId(const QString &id)
{
    for (int i = 0; i < layerCount; ++i)
        if (layerId(Layer(i)) == id)
            return Layer(i);
    return std::nullopt;
}

namespace {
/// Unit types seen so far, numbered in order of appearance: symbol keys stay plain ints (cheap to hash per
/// object per frame) while the type is still written on the symbol. A fleet has a few dozen types.
struct UnitTypes
{
    QMutex mutex;
    QStringList names{QString()};
};
UnitTypes &unitTypes()
{
    static UnitTypes types;
    return types;
}
} // namespace

int unitSymbol(Layer layer, const QString &status, const QString &type)
{
    int typeIndex = 0;
    if (!type.isEmpty()) {
        UnitTypes &types = unitTypes();
        const QMutexLocker lock(&types.mutex);
        typeIndex = int(types.names.indexOf(type.left(5)));
        if (typeIndex < 0) {
            types.names << type.left(5);
            typeIndex = int(types.names.size()) - 1;
        }
    }
    return 1000 + typeIndex * 100 + int(layer) * 10 + statusIndex(status);
}

QString unitSymbolType(int key)
{
    UnitTypes &types = unitTypes();
    const QMutexLocker lock(&types.mutex);
    return types.names.value((key - 1000) / 100);
}

int incidentSymbol(int severity, bool old)
{
    return 200 + std::clamp(severity, 1, 5) * 2 + (old ? 1 : 0);
}

int hospitalSymbol(const QString &edStatus)
{
    return 300 + (edStatus == QLatin1String("saturated") ? 1 : edStatus == QLatin1String("closed") ? 2 : 0);
}

int deviceSymbol(Layer layer, bool old)
{
    return 400 + (layer == Layer::Cameras ? 2 : 0) + (old ? 1 : 0);
}

Layer incidentLayer(const Incident &incident, const Opening &opening)
{
    // The GeoJSON feed carries reports of sound sensors, cameras and CCTV supervision (one incident each,
    // opened with the device as author). GeoJSON has no standard property for the kind of device, so it is
    // read from the words of the device's name and of the report's label, as supervision systems name them
    // (cam-12, CCTV Prado, vidéoprotection…); whole words only, so that "Camoins" or "cambriolage" stay
    // sensors. Every other device is a sensor.
    if (opening.feed != QLatin1String("geojson"))
        return Layer::Incidents;
    static const QStringList cameraWords{QStringLiteral("cam"),
                                         QStringLiteral("camera"),
                                         QStringLiteral("caméra"),
                                         QStringLiteral("cameras"),
                                         QStringLiteral("caméras"),
                                         QStringLiteral("cctv"),
                                         QStringLiteral("video"),
                                         QStringLiteral("vidéo"),
                                         QStringLiteral("videoprotection"),
                                         QStringLiteral("vidéoprotection"),
                                         QStringLiteral("videosurveillance"),
                                         QStringLiteral("vidéosurveillance"),
                                         QStringLiteral("vms")};
    static const QRegularExpression notLetter(QStringLiteral("[^\\p{L}]+"));
    for (const QString *text : {&opening.author, &incident.title})
        for (const QString &word : text->toLower().split(notLetter, Qt::SkipEmptyParts))
            if (cameraWords.contains(word))
                return Layer::Cameras;
    return Layer::Sensors;
}

LayerContents buildLayers(const Picture &picture, Timestamp now,
                          const std::function<Opening(const Incident &)> &opening,
                          std::optional<Timestamp> validAt)
{
    LayerContents out;
    out.objects.reserve(picture.units.size() + picture.incidents.size() + picture.hospitals.size());
    for (const auto &[id, u] : picture.units) {
        const Layer layer = layerForAgency(u.agency);
        if (!u.position) {
            ++out.unplaced[int(layer)];
            continue;
        }
        ++out.counts[int(layer)];
        out.objects.push_back({layer, project(*u.position, 0), id, u.callsign,
                               QStringLiteral("<b>%1</b> (%2)<br>%3<br>%4")
                                   .arg(u.callsign.toHtmlEscaped(), u.type.toHtmlEscaped(), u.status,
                                        u.station.toHtmlEscaped()),
                               unitSymbol(layer, u.status, u.type)});
    }
    for (const auto &[id, i] : picture.incidents) {
        if (validAt && i.expiredAt(*validAt)) {
            ++out.expired;
            continue;
        }
        if (validAt && i.expires && (!out.nextExpiry || *i.expires < *out.nextExpiry))
            out.nextExpiry = i.expires;
        const Opening how = opening ? opening(i) : Opening{};
        const Layer layer = incidentLayer(i, how);
        if (!i.position) {
            ++out.unplaced[int(layer)];
            continue;
        }
        ++out.counts[int(layer)];
        const qint64 ageMin = (now.msecs - i.opened.msecs) / 60000;
        QStringList seqs;
        for (qint64 s : i.entries)
            seqs << QString::number(s);
        QString details = tr("<b>%1</b><br>%2 · gravité %3 · depuis %4 min<br>entrées du journal : %5")
                              .arg(i.title.toHtmlEscaped(), i.type)
                              .arg(i.severity)
                              .arg(ageMin)
                              .arg(seqs.join(QStringLiteral(", ")));
        if (!i.joined.isEmpty()) // a desk joined other incidents into this one (fusion.join)
            details += tr("<br>réunit : %1").arg(i.joined.join(QStringLiteral(", ")).toHtmlEscaped());
        if (layer != Layer::Incidents)
            details += QStringLiteral("<br>%1").arg(how.author.toHtmlEscaped());
        out.objects.push_back({layer, project(*i.position, 0), id, i.title, details,
                               layer == Layer::Incidents ? incidentSymbol(i.severity, ageMin > 60)
                                                         : deviceSymbol(layer, ageMin > 60)});
    }
    for (const auto &[id, h] : picture.hospitals) {
        if (!h.position) {
            ++out.unplaced[int(Layer::Hospitals)];
            continue;
        }
        ++out.counts[int(Layer::Hospitals)];
        const QString name = hospitalName(h);
        out.objects.push_back({Layer::Hospitals, project(*h.position, 0), id, name,
                               tr("<b>%1</b><br>urgences : %2")
                                   .arg(name.toHtmlEscaped(), edStatusLabel(h.edStatus).toHtmlEscaped()),
                               hospitalSymbol(h.edStatus)});
    }
    for (const auto &[id, z] : picture.zones) {
        MapZone zone{id, z.label, z.agency, {}};
        for (const GeoPoint &p : z.ring)
            zone.ring << project(p, 0);
        if (zone.ring.size() < 3) {
            ++out.unplaced[int(Layer::Zones)];
            continue;
        }
        ++out.counts[int(Layer::Zones)];
        out.zones.push_back(std::move(zone));
    }
    std::stable_sort(out.objects.begin(), out.objects.end(),
                     [](const MapObject &a, const MapObject &b) { return a.layer < b.layer; });
    return out;
}

} // namespace vigie::maps
