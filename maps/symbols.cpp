#include "maps/symbols.h"

#include "maps/map_layers.h"

#include <QFile>
#include <QPainter>
#include <QSvgRenderer>

#include <algorithm>

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

const QPixmap &SymbolCache::cluster(int layer, int count)
{
    const qint64 key = qint64(layer) << 32 | count;
    auto it = m_clusters.find(key);
    if (it != m_clusters.end())
        return *it;
    const QString text = QString::number(count);
    const int d = text.size() <= 2 ? 24 : text.size() == 3 ? 30 : 36;
    QPixmap pm(QSize(d, d) * m_dpr);
    pm.setDevicePixelRatio(m_dpr);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(Qt::white, 2));
    p.setBrush(layerColour(Layer(layer)));
    p.drawEllipse(QRectF(1, 1, d - 2, d - 2));
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPixelSize(11);
    f.setBold(true);
    p.setFont(f);
    p.setPen(layer == int(Layer::Incidents) || layer == int(Layer::Hospitals) ? Qt::black : Qt::white);
    p.drawText(QRectF(0, 0, d, d), Qt::AlignCenter, text);
    return *m_clusters.insert(key, pm);
}

} // namespace vigie::maps
