#pragma once
// The "Incidents attendus" overlay: cells of the hotspot forecast shaded by the incidents expected in them,
// drawn under the symbols. Only cells the forecast shows are given (those with fewer than five past
// incidents are hidden upstream and never reach the map).
#include <QPointF>
#include <QPolygonF>
#include <QString>

#include <functional>
#include <vector>

class QPainter;

namespace vigie::maps {

struct ShadedCell
{
    QPolygonF world;  ///< zoom-0 world pixels
    double value = 0; ///< expected incidents per week
    QString label;    ///< tooltip text
};

/// Shades `cells` from pale yellow to dark red by value relative to the largest, translucent so the
/// basemap reads through; `toScreen` maps world pixels to the frame.
void drawShadedCells(QPainter &p, const std::vector<ShadedCell> &cells,
                     const std::function<QPointF(QPointF)> &toScreen, const QRectF &frame);

} // namespace vigie::maps
