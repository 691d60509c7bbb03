#pragma once
// The map's typed layers, built from the picture. Each layer has a fixed z-band (drawing order) and its own
// visibility; objects without a position are counted, never silently dropped.
#include "picture/picture.h"

#include <QColor>
#include <QPointF>
#include <QPolygonF>

#include <array>
#include <functional>
#include <optional>

namespace vigie::maps {

/// Drawing order, bottom to top.
enum class Layer : std::uint8_t
{
    Zones,
    Hospitals,
    Sensors, ///< sound sensors' reports (GeoJSON feed)
    Cameras, ///< cameras' and CCTV supervision's alerts (GeoJSON feed)
    Officials,
    Police,
    Samu,
    Fire,
    Incidents,
};
inline constexpr int layerCount = 9;

[[nodiscard]] Layer layerForAgency(const QString &agency);
/// Okabe–Ito colours, distinct for the common colour-vision deficiencies.
[[nodiscard]] QColor agencyColour(const QString &agency);
/// A hospital's name: the one its status gave, else the city pack's (the demo's statuses give none), else
/// its id.
[[nodiscard]] QString hospitalName(const Hospital &hospital);
/// An emergency department's status (open, saturated, closed) in the console's words.
[[nodiscard]] QString edStatusLabel(const QString &edStatus);
[[nodiscard]] QColor layerColour(Layer layer);
[[nodiscard]] QString layerName(Layer layer); ///< French, for the layer panel
/// Stable English ids for scripts and options: zones, hospitals, sensors, cameras, officials, police, samu,
/// fire, incidents.
[[nodiscard]] QString layerId(Layer layer);
[[nodiscard]] std::optional<Layer> layerFromId(const QString &id);

struct MapObject
{
    Layer layer;
    QPointF world; ///< zoom-0 world pixels
    QString id;
    QString label;   ///< callsign, incident title, hospital name
    QString details; ///< HTML for the details panel and tooltip
    int symbol = 0;  ///< SymbolCache key
};

struct MapZone
{
    QString id, label;
    QString agency;
    QPolygonF ring; ///< zoom-0 world pixels

    friend bool operator==(const MapZone &, const MapZone &) = default;
};

struct LayerContents
{
    std::vector<MapObject> objects; ///< all layers, sorted by layer
    std::vector<MapZone> zones;
    std::array<int, layerCount> counts{};   ///< objects with a position
    std::array<int, layerCount> unplaced{}; ///< objects without a position
    int expired = 0;                        ///< incidents left off because their alert has expired
    std::optional<Timestamp> nextExpiry;    ///< the first expiry still to come among those drawn
};

/// Symbol keys: a unit's agency, status and type (VSAV, FPT, SMUR…, written on the symbol), an incident's
/// severity and age (older than an hour fades).
[[nodiscard]] int unitSymbol(Layer layer, const QString &status, const QString &type = {});
/// The unit type written on a unit symbol key (empty for none).
[[nodiscard]] QString unitSymbolType(int key);
[[nodiscard]] int incidentSymbol(int severity, bool old);
[[nodiscard]] int hospitalSymbol(const QString &edStatus);
/// A sensor's or camera's report, paler once older than an hour.
[[nodiscard]] int deviceSymbol(Layer layer, bool old);
/// How an incident was opened, read from its first log entry: the feed that sent it (data "feed", empty for
/// an operator) and its author (an operator, or for a feed the sensor or camera).
struct Opening
{
    QString feed;
    QString author;
};
/// Which layer an incident belongs to: Sensors or Cameras when a GeoJSON feed's device opened it, else
/// Incidents.
[[nodiscard]] Layer incidentLayer(const Incident &incident, const Opening &opening);

/// `opening` tells how each incident was opened; without it every incident goes to Incidents. `now` dates the
/// symbols (older than an hour fades); with `validAt`, an incident whose alert expired by then is left off
/// the map (an expired CAP alert leaves it by itself).
[[nodiscard]] LayerContents buildLayers(const Picture &picture, Timestamp now,
                                        const std::function<Opening(const Incident &)> &opening = {},
                                        std::optional<Timestamp> validAt = {});

} // namespace vigie::maps
