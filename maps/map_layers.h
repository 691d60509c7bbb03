#pragma once
// The map's typed layers, built from the picture. Each layer has a fixed z-band (drawing order) and its own
// visibility; objects without a position are counted, never silently dropped.
#include "picture/picture.h"

#include <QColor>
#include <QPointF>
#include <QPolygonF>

#include <array>
#include <optional>

namespace vigie::maps {

/// Drawing order, bottom to top.
enum class Layer : std::uint8_t
{
    Zones,
    Hospitals,
    Officials,
    Police,
    Samu,
    Fire,
    Incidents,
};
inline constexpr int layerCount = 7;

[[nodiscard]] Layer layerForAgency(const QString &agency);
/// Okabe–Ito colours, distinct for the common colour-vision deficiencies.
[[nodiscard]] QColor agencyColour(const QString &agency);
[[nodiscard]] QColor layerColour(Layer layer);
[[nodiscard]] QString layerName(Layer layer); ///< French, for the layer panel
/// Stable English ids for scripts and options: zones, hospitals, officials, police, samu, fire, incidents.
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
};

struct LayerContents
{
    std::vector<MapObject> objects; ///< all layers, sorted by layer
    std::vector<MapZone> zones;
    std::array<int, layerCount> counts{};   ///< objects with a position
    std::array<int, layerCount> unplaced{}; ///< objects without a position
};

/// Symbol keys: a unit's agency, status and type (VSAV, FPT, SMUR…, written on the symbol), an incident's
/// severity and age (older than an hour fades).
[[nodiscard]] int unitSymbol(Layer layer, const QString &status, const QString &type = {});
/// The unit type written on a unit symbol key (empty for none).
[[nodiscard]] QString unitSymbolType(int key);
[[nodiscard]] int incidentSymbol(int severity, bool old);
[[nodiscard]] int hospitalSymbol(const QString &edStatus);

[[nodiscard]] LayerContents buildLayers(const Picture &picture, Timestamp now);

} // namespace vigie::maps
