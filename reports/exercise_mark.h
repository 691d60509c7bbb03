#pragma once
// The "EXERCICE" mark every page of an exercise room's export carries: across the page from corner to
// corner, light enough to read the page through it (the DPS form, the RETEX, the point de situation).
#include <QColor>
#include <QFont>
#include <QPainter>
#include <QtMath>

#include <cmath>

namespace vigie::reports {

/// Draws `word` (the mark, in the reader's language) across a page of `width` × `height` device pixels,
/// in the exercise banner's orange at `alpha`.
inline void drawExerciseMark(QPainter &painter, double width, double height, const QString &word, int alpha)
{
    painter.save();
    painter.translate(width / 2, height / 2);
    painter.rotate(-qRadiansToDegrees(std::atan2(height, width)));
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setBold(true);
    font.setPixelSize(int(width * 0.15));
    painter.setFont(font);
    painter.setPen(QColor(230, 159, 0, alpha));
    painter.drawText(QRectF(-height, -width * 0.15, 2 * height, width * 0.3), Qt::AlignCenter, word);
    painter.restore();
}

} // namespace vigie::reports
