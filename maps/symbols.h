#pragma once
// Symbol pixmaps rendered once from the SVG files in data/symbols (compiled in as resources) and stamped with
// drawPixmap: on the software rasteriser this is 20-30× cheaper than drawing each symbol as a path. Cluster
// discs and text labels are cached the same way, so a frame does no text layout for them.
#include "maps/map_layers.h"

#include <QFont>
#include <QHash>
#include <QPixmap>

#include <array>

namespace vigie::maps {

class SymbolCache
{
public:
    /// Clusters never exceed this diameter (device-independent pixels): the clustering grid is wider.
    static constexpr int maxClusterDiameter = 46;

    explicit SymbolCache(qreal devicePixelRatio = 1.0) : m_dpr(devicePixelRatio) {}
    /// The symbol for a key from map_layers.h (unitSymbol, incidentSymbol, hospitalSymbol, deviceSymbol).
    [[nodiscard]] const QPixmap &symbol(int key);
    /// A cluster disc with its exact count `total`: in the layer's colour when only one layer has objects in
    /// it, else dark grey inside a ring split among the layers' colours in proportion to `perLayer`.
    [[nodiscard]] const QPixmap &cluster(const std::array<int, layerCount> &perLayer, int total);
    /// Dark text on a white halo, readable on the basemap and on the zones (callsigns, zone names).
    [[nodiscard]] const QPixmap &label(const QString &text, int pixelSize = 13);
    /// The size label() gives `text` (device-independent pixels), without drawing it: a label that finds
    /// no room on the map is never rendered.
    [[nodiscard]] QSize labelSize(const QString &text, int pixelSize = 13);

private:
    qreal m_dpr;
    QHash<int, QPixmap> m_symbols;
    QHash<QByteArray, QPixmap> m_clusters;
    QHash<QString, QPixmap> m_labels;
    QHash<int, QFont> m_labelFonts; ///< by pixel size
};

} // namespace vigie::maps
