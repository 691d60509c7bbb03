#include "maps/expected_cells.h"

#include <QColor>
#include <QPainter>

#include <algorithm>

namespace vigie::maps {

void drawShadedCells(QPainter &p, const std::vector<ShadedCell> &cells,
                     const std::function<QPointF(QPointF)> &toScreen, const QRectF &frame)
{
    double top = 0;
    for (const ShadedCell &c : cells)
        top = std::max(top, c.value);
    if (top <= 0)
        return;
    p.save();
    p.setPen(QPen(QColor(120, 40, 20, 90), 1));
    for (const ShadedCell &c : cells) {
        QPolygonF screen;
        for (const QPointF &w : c.world)
            screen << toScreen(w);
        if (!screen.boundingRect().intersects(frame))
            continue;
        // Yellow (low) to dark red (high): a sequential ramp that reads in grey too (lightness falls).
        const double t = std::clamp(c.value / top, 0.0, 1.0);
        const QColor low(255, 237, 160), high(189, 0, 38);
        QColor fill = QColor::fromRgbF(low.redF() + t * (high.redF() - low.redF()),
                                       low.greenF() + t * (high.greenF() - low.greenF()),
                                       low.blueF() + t * (high.blueF() - low.blueF()));
        fill.setAlpha(int(90 + 90 * t));
        p.setBrush(fill);
        p.drawPolygon(screen);
    }
    p.restore();
}

} // namespace vigie::maps
