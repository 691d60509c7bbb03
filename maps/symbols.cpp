#include "maps/symbols.h"

#include "maps/map_layers.h"

#include <QFile>
#include <QPainter>
#include <QPainterPath>
#include <QSvgRenderer>

#include <algorithm>
#include <cmath>

namespace vigie::maps {

namespace {

QPixmap renderSvg(const QString &name, const QColor &main, const QColor &band, QSize size, qreal dpr,
                  const QString &text = {})
{
    QFile file(QStringLiteral(":/symbols/%1.svg").arg(name));
    file.open(QIODevice::ReadOnly);
    QByteArray svg = file.readAll();
    svg.replace("#FF00FF", main.name().toLatin1());
    svg.replace("#00FFFF", band.name().toLatin1());
    QSvgRenderer renderer(svg);
    QPixmap pixmap(size * dpr);
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    renderer.render(&p, QRectF(QPointF(0, 0), QSizeF(size)));
    if (!text.isEmpty()) {
        QFont f(QStringLiteral("DejaVu Sans"));
        f.setPixelSize(size.height() / 2);
        f.setBold(true);
        p.setFont(f);
        p.setPen(Qt::black);
        p.drawText(QRectF(0, size.height() * 0.3, size.width(), size.height() * 0.7), Qt::AlignCenter, text);
    }
    return pixmap;
}

QColor statusColourAt(int index)
{
    static const QColor colours[] = {QColor(0x00, 0x72, 0xB2), QColor(0xE6, 0x9F, 0x00),
                                     QColor(0xD5, 0x5E, 0x00), QColor(0x56, 0xB4, 0xE9),
                                     QColor(0x88, 0x88, 0x88)};
    return colours[std::clamp(index, 0, 4)];
}

} // namespace

const QPixmap &SymbolCache::symbol(int key)
{
    auto it = m_symbols.find(key);
    if (it != m_symbols.end())
        return *it;
    QPixmap pm;
    if (key >= 1000) {
        const int rest = (key - 1000) % 100;
        const QString type = unitSymbolType(key);
        pm = renderSvg(QStringLiteral("unit"), layerColour(Layer(rest / 10)), statusColourAt(rest % 10),
                       {26, 18}, m_dpr);
        if (!type.isEmpty()) {
            // The type in the upper part, above the status band.
            QPainter p(&pm);
            p.setRenderHint(QPainter::TextAntialiasing);
            QFont f(QStringLiteral("DejaVu Sans"));
            f.setPixelSize(type.size() > 3 ? 7 : 8);
            f.setBold(true);
            p.setFont(f);
            p.setPen(Qt::white);
            p.drawText(QRectF(1, 1, 24, 11), Qt::AlignCenter, type);
        }
    } else if (key >= 400) {
        const bool camera = (key - 400) / 2 == 1;
        const bool old = (key - 400) % 2 == 1;
        QColor c = layerColour(camera ? Layer::Cameras : Layer::Sensors);
        if (old)
            c = camera ? QColor(0x77, 0x77, 0x77) : c.lighter(125);
        pm = camera ? renderSvg(QStringLiteral("camera"), c, Qt::white, {24, 18}, m_dpr)
                    : renderSvg(QStringLiteral("sensor"), c, c, {20, 20}, m_dpr);
    } else if (key >= 300) {
        const int ed = key - 300;
        pm = renderSvg(QStringLiteral("hospital"),
                       ed == 0   ? QColor(0x56, 0xB4, 0xE9)
                       : ed == 1 ? QColor(0xE6, 0x9F, 0x00)
                                 : QColor(0x44, 0x44, 0x44),
                       Qt::white, {16, 16}, m_dpr);
    } else {
        const int severity = (key - 200) / 2;
        const bool old = (key - 200) % 2;
        QColor c = layerColour(Layer::Incidents);
        if (old)
            c = c.lighter(150);
        pm = renderSvg(QStringLiteral("incident"), c, c, {22, 20}, m_dpr, QString::number(severity));
    }
    return *m_symbols.insert(key, pm);
}

const QPixmap &SymbolCache::cluster(const std::array<int, layerCount> &perLayer, int total)
{
    // The key: the count and each layer's share of the ring in 1/36ths (10° steps, finer than the eye
    // tells apart on a 40 px disc), so that a dense map needs a few hundred distinct pixmaps, not thousands.
    constexpr int steps = 36;
    QByteArray key(layerCount, '\0');
    int layers = 0, only = 0;
    for (int l = 0; l < layerCount; ++l) {
        if (perLayer[std::size_t(l)] == 0)
            continue;
        ++layers;
        only = l;
        key[l] = char(std::max(1, int(std::lround(double(steps) * perLayer[std::size_t(l)] / total))));
    }
    key.append(QByteArray::number(total));
    auto it = m_clusters.find(key);
    if (it != m_clusters.end())
        return *it;
    if (m_clusters.size() > 4096)
        m_clusters.clear(); // bounded memory on a long session; rebuilt from the current view on demand

    const QString text = QString::number(total);
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPixelSize(text.size() >= 5 ? 12 : 13);
    f.setBold(true);
    const int ring = layers > 1 ? 4 : 0;
    const int d =
        std::min(maxClusterDiameter, std::max(28, QFontMetrics(f).horizontalAdvance(text) + 10 + 2 * ring));
    QPixmap pm(QSize(d, d) * m_dpr);
    pm.setDevicePixelRatio(m_dpr);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF outer(1, 1, d - 2, d - 2);
    QColor fill = layerColour(Layer(only));
    if (layers > 1) {
        // The ring: one arc per layer, in drawing order, proportional to the quantised shares.
        int sum = 0;
        for (int l = 0; l < layerCount; ++l)
            sum += key[l];
        double angle = 90 * 16;
        p.setPen(Qt::NoPen);
        for (int l = 0; l < layerCount; ++l) {
            if (key[l] == 0)
                continue;
            const double span = -360.0 * 16 * key[l] / sum;
            p.setBrush(layerColour(Layer(l)));
            p.drawPie(outer, int(std::lround(angle)), int(std::lround(span)));
            angle += span;
        }
        fill = QColor(0x33, 0x33, 0x33);
    }
    p.setPen(QPen(Qt::white, 2));
    p.setBrush(fill);
    p.drawEllipse(outer.adjusted(ring, ring, -ring, -ring));
    p.setFont(f);
    // Black on the light layer colours (incidents orange, hospitals sky blue, sensors yellow), else white.
    p.setPen(fill.lightnessF() > 0.55 ? Qt::black : Qt::white);
    p.drawText(QRectF(0, 0, d, d), Qt::AlignCenter, text);
    return *m_clusters.insert(key, pm);
}

QSize SymbolCache::labelSize(const QString &text, int pixelSize)
{
    if (const auto it = m_labels.constFind(QString::number(pixelSize) + QLatin1Char('|') + text);
        it != m_labels.constEnd())
        return it->deviceIndependentSize().toSize();
    auto font = m_labelFonts.find(pixelSize);
    if (font == m_labelFonts.end()) {
        QFont f(QStringLiteral("DejaVu Sans"));
        f.setPixelSize(pixelSize);
        f.setBold(true);
        font = m_labelFonts.insert(pixelSize, f);
    }
    const QFontMetricsF fm(*font);
    return {int(std::ceil(fm.horizontalAdvance(text))) + 6, int(std::ceil(fm.height())) + 4};
}

const QPixmap &SymbolCache::label(const QString &text, int pixelSize)
{
    const QString key = QString::number(pixelSize) + QLatin1Char('|') + text;
    auto it = m_labels.find(key);
    if (it != m_labels.end())
        return *it;
    if (m_labels.size() > 8192)
        m_labels.clear();
    const QSize size = labelSize(text, pixelSize);
    const QFont &f = m_labelFonts[pixelSize];
    const QFontMetricsF fm(f);
    QPixmap pm(size * m_dpr);
    pm.setDevicePixelRatio(m_dpr);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    QPainterPath path;
    path.addText(3, 2 + fm.ascent(), f, text);
    p.setPen(QPen(QColor(255, 255, 255, 235), 3.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.setBrush(Qt::NoBrush);
    p.drawPath(path);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(0x10, 0x10, 0x10));
    p.drawPath(path);
    return *m_labels.insert(key, pm);
}

} // namespace vigie::maps
