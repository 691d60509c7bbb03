#pragma once
// Symbol pixmaps rendered once from the SVG files in data/symbols (compiled in as resources) and stamped with
// drawPixmap: on the software rasteriser this is 20-30× cheaper than drawing each symbol as a path.
#include <QHash>
#include <QPixmap>

namespace vigie::maps {

class SymbolCache
{
public:
    explicit SymbolCache(qreal devicePixelRatio = 1.0) : m_dpr(devicePixelRatio) {}
    /// The symbol for a key from map_layers.h (unitSymbol, incidentSymbol, hospitalSymbol).
    [[nodiscard]] const QPixmap &symbol(int key);
    /// A cluster disc in a layer colour with its exact count.
    [[nodiscard]] const QPixmap &cluster(int layer, int count);

private:
    qreal m_dpr;
    QHash<int, QPixmap> m_symbols;
    QHash<qint64, QPixmap> m_clusters;
};

} // namespace vigie::maps
