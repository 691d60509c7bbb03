#include "maps/map_view.h"

#include "maps/entry_details.h"
#include "maps/tile_style.h"
#include "maps/web_mercator.h"

#include "picture/picture_manager.h"
#include "room/room.h"

#include <QFile>
#include <QHelpEvent>
#include <QJsonArray>
#include <QJsonDocument>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace vigie::maps {

namespace {

constexpr GeoPoint marseille{5.3810, 43.2900};
constexpr double cell = 26.0; // clustering grid, about one symbol: symbols never overlap within a layer

struct Sector
{
    QString name;
    std::vector<QPolygonF> rings;
    QPointF labelAt;
};

/// The built-in coarse background (data/basemap), read once.
const std::vector<Sector> &sectors()
{
    static const std::vector<Sector> all = [] {
        std::vector<Sector> out;
        QFile file(QStringLiteral(":/basemap/marseille-sectors.geojson"));
        file.open(QIODevice::ReadOnly);
        const QJsonArray features =
            QJsonDocument::fromJson(file.readAll())[QLatin1String("features")].toArray();
        for (const auto &f : features) {
            Sector s;
            s.name = f[QLatin1String("properties")][QLatin1String("nom")].toString();
            double bestArea = 0;
            for (const auto &poly : f[QLatin1String("geometry")][QLatin1String("coordinates")].toArray()) {
                QPolygonF ring;
                for (const auto &c : poly.toArray().at(0).toArray())
                    ring << project({c[0].toDouble(), c[1].toDouble()}, 0);
                const QRectF b = ring.boundingRect();
                if (b.width() * b.height() > bestArea) {
                    bestArea = b.width() * b.height();
                    s.labelAt = b.center();
                }
                s.rings.push_back(ring);
            }
            out.push_back(std::move(s));
        }
        return out;
    }();
    return all;
}

} // namespace

MapView::MapView(PictureManager *manager, QWidget *parent)
    : QWidget(parent), m_manager(manager), m_symbols(devicePixelRatioF())
{
    setObjectName(QStringLiteral("MapView"));
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setMinimumSize(320, 240);
    m_visible.set();
    recentre();
    m_batch.setSingleShot(true);
    m_batch.setInterval(33); // at most 30 repaints a second however fast entries arrive
    if (m_manager) {
        connect(&m_batch, &QTimer::timeout, this, [this] {
            setContents(buildLayers(m_manager->picture(), m_manager->picture().maxEventTime));
        });
        connect(m_manager, &PictureManager::pictureChanged, this, [this] {
            if (!m_batch.isActive())
                m_batch.start();
        });
        setContents(buildLayers(m_manager->picture(), m_manager->picture().maxEventTime));
    }
}

void MapView::setBasemap(std::unique_ptr<MbTiles> tiles)
{
    m_tiles = std::move(tiles);
    m_tileCache.clear();
    update();
}

void MapView::setContents(LayerContents contents)
{
    m_contents = std::move(contents);
    update();
    Q_EMIT contentsChanged();
}

void MapView::setLayerVisible(Layer layer, bool visible)
{
    m_visible[int(layer)] = visible;
    update();
}

void MapView::setCenter(GeoPoint center, double zoom)
{
    m_center = project(center, 0);
    m_zoom = std::clamp(zoom, 3.0, 19.0);
    update();
}

GeoPoint MapView::center() const
{
    return unproject(m_center, 0);
}

void MapView::recentre()
{
    setCenter(marseille, 12.5);
}

QPointF MapView::toScreen(QPointF world) const
{
    const double s = std::exp2(m_zoom);
    return (world - m_center) * s + QPointF(m_size.width() / 2.0, m_size.height() / 2.0);
}

QPointF MapView::toWorld(QPointF screen) const
{
    const double s = std::exp2(m_zoom);
    return (screen - QPointF(m_size.width() / 2.0, m_size.height() / 2.0)) / s + m_center;
}

void MapView::drawBuiltIn(QPainter &p, QSize size)
{
    p.fillRect(QRect(QPoint(0, 0), size), style::sea);
    const double s = std::exp2(m_zoom);
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    p.translate(size.width() / 2.0, size.height() / 2.0);
    p.scale(s, s);
    p.translate(-m_center);
    QPen pen(style::sectorLine, 1.2);
    pen.setCosmetic(true);
    p.setPen(pen);
    p.setBrush(style::land);
    for (const auto &sector : sectors())
        for (const auto &ring : sector.rings)
            p.drawPolygon(ring);
    p.restore();
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPixelSize(13);
    p.setFont(f);
    p.setPen(style::sectorLine.darker(160));
    for (const auto &sector : sectors()) {
        const QPointF at = toScreen(sector.labelAt);
        p.drawText(QRectF(at.x() - 90, at.y() - 10, 180, 20), Qt::AlignCenter,
                   sector.name.section(QLatin1Char(' '), 0, 1));
    }
}

void MapView::drawBasemap(QPainter &p, QSize size)
{
    if (!m_tiles) {
        drawBuiltIn(p, size);
        return;
    }
    const int tz = std::clamp(int(std::round(m_zoom)), m_tiles->minZoom(), m_tiles->maxZoom());
    const double k = std::exp2(m_zoom - tz); // tile pixels to screen pixels
    const QPointF topLeft = toWorld(QPointF(0, 0)) * std::exp2(tz);
    const QPointF bottomRight = toWorld(QPointF(size.width(), size.height())) * std::exp2(tz);
    const int last = (1 << tz) - 1;
    struct Placed
    {
        QRectF target;
        QImage *image;
    };
    std::vector<Placed> placed;
    bool missing = false;
    for (int x = std::max(0, int(topLeft.x() / 256)); x <= std::min(last, int(bottomRight.x() / 256)); ++x)
        for (int y = std::max(0, int(topLeft.y() / 256)); y <= std::min(last, int(bottomRight.y() / 256));
             ++y) {
            const qint64 key = (qint64(tz) << 50) | (qint64(x) << 25) | y;
            QImage *img = m_tileCache.object(key);
            if (!img) {
                const auto data = m_tiles->tile(tz, x, y);
                img = new QImage(data ? QImage::fromData(*data) : QImage());
                m_tileCache.insert(key, img);
            }
            if (img->isNull()) {
                missing = true;
                continue;
            }
            const QPointF at = (QPointF(x * 256.0, y * 256.0) - topLeft) * k;
            placed.push_back({QRectF(at, QSizeF(256 * k, 256 * k)), img});
        }
    if (missing || placed.empty())
        drawBuiltIn(p, size);
    p.setRenderHint(QPainter::SmoothPixmapTransform, k != 1.0);
    for (const auto &pl : placed)
        p.drawImage(pl.target, *pl.image);
}

FrameStats MapView::render(QPainter &p, QSize size)
{
    m_size = size;
    FrameStats stats;
    m_hits.clear();
    drawBasemap(p, size);

    std::vector<QRectF> labelled; // screen boxes of the labels drawn so far: none may overlap
    QFont zoneFont(QStringLiteral("DejaVu Sans"));
    zoneFont.setPixelSize(11);
    const QFontMetricsF zoneMetrics(zoneFont);

    // Zones: translucent polygons with their label.
    if (m_visible[int(Layer::Zones)]) {
        p.save();
        p.setFont(zoneFont);
        p.setRenderHint(QPainter::Antialiasing);
        for (const auto &z : m_contents.zones) {
            QPolygonF screen;
            for (const QPointF &w : z.ring)
                screen << toScreen(w);
            if (!screen.boundingRect().intersects(QRectF(QPointF(0, 0), QSizeF(size))))
                continue;
            QColor c = agencyColour(z.agency);
            p.setPen(QPen(c, 2));
            c.setAlpha(50);
            p.setBrush(c);
            p.drawPolygon(screen);
            // The label on a light box at the zone's centre, shortened to the zone's width, and only where
            // it overlaps no other label.
            const QRectF b = screen.boundingRect();
            const QString text =
                zoneMetrics.elidedText(z.label, Qt::ElideRight, std::clamp(b.width(), 60.0, 260.0));
            const double tw = zoneMetrics.horizontalAdvance(text) + 6;
            const QRectF lr(b.center().x() - tw / 2, b.center().y() - zoneMetrics.height() / 2, tw,
                            zoneMetrics.height());
            if (std::none_of(labelled.begin(), labelled.end(),
                             [&](const QRectF &o) { return o.intersects(lr); })) {
                labelled.push_back(lr);
                p.setPen(Qt::NoPen);
                p.setBrush(QColor(255, 255, 255, 210));
                p.drawRect(lr);
                p.setPen(Qt::black);
                p.drawText(lr, Qt::AlignCenter, text);
            }
            ++stats.drawn[int(Layer::Zones)];
        }
        p.restore();
    }

    // Point layers, z-band by z-band: bin into a screen grid, stamp one pixmap per occupied cell.
    const int cols = int(size.width() / cell) + 1, rows = int(size.height() / cell) + 1;
    struct Bin
    {
        int count = 0;
        int first = -1;
        double sx = 0, sy = 0;
    };
    std::vector<Bin> bins(std::size_t(cols) * rows);
    std::vector<int> used;
    const double s = std::exp2(m_zoom);
    const double ox = size.width() / 2.0 - m_center.x() * s, oy = size.height() / 2.0 - m_center.y() * s;
    const auto &objects = m_contents.objects;
    std::size_t i = 0;
    while (i < objects.size()) {
        const Layer layer = objects[i].layer;
        std::size_t end = i;
        while (end < objects.size() && objects[end].layer == layer)
            ++end;
        if (!m_visible[int(layer)]) {
            i = end;
            continue;
        }
        for (; i < end; ++i) {
            const double x = objects[i].world.x() * s + ox, y = objects[i].world.y() * s + oy;
            if (x < 0 || y < 0 || x >= size.width() || y >= size.height())
                continue;
            const std::size_t b = std::size_t(int(y / cell)) * cols + int(x / cell);
            Bin &bin = bins[b];
            if (bin.count++ == 0) {
                bin.first = int(i);
                used.push_back(int(b));
            }
            bin.sx += x;
            bin.sy += y;
        }
        for (int b : used) {
            Bin &bin = bins[b];
            const QPointF at(bin.sx / bin.count, bin.sy / bin.count);
            const QPixmap &pm = bin.count == 1 ? m_symbols.symbol(objects[bin.first].symbol)
                                               : m_symbols.cluster(int(layer), bin.count);
            const QSizeF sz = pm.deviceIndependentSize();
            const QRectF r(at - QPointF(sz.width() / 2, sz.height() / 2), sz);
            p.drawPixmap(r.topLeft(), pm);
            m_hits.push_back({r, bin.count == 1 ? bin.first : -1, bin.count});
            stats.drawn[int(layer)] += bin.count;
            ++(bin.count == 1 ? stats.symbols : stats.clusters);
            // Callsigns at street level, greedily, never over another label.
            if (bin.count == 1 && m_zoom >= 15 && labelled.size() < 300) {
                const QString &text = objects[bin.first].label;
                const QRectF lr(r.right() + 2, r.top(), 7.0 * text.size(), 14);
                if (!text.isEmpty() && std::none_of(labelled.begin(), labelled.end(),
                                                    [&](const QRectF &o) { return o.intersects(lr); })) {
                    labelled.push_back(lr);
                    p.setPen(Qt::black);
                    p.drawText(lr, Qt::AlignLeft | Qt::AlignVCenter, text);
                }
            }
            bin = Bin{};
        }
        used.clear();
    }
    drawOverlay(p, size);
    m_last = stats;
    return stats;
}

void MapView::drawOverlay(QPainter &p, QSize size)
{
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPixelSize(12);
    p.setFont(f);
    // Scale bar: the largest round length under 120 px.
    const double mpp = metersPerPixel(center().lat, m_zoom);
    double length = 1;
    for (double candidate :
         {1., 2., 5., 10., 20., 50., 100., 200., 500., 1000., 2000., 5000., 10000., 20000., 50000.})
        if (candidate / mpp <= 120)
            length = candidate;
    const double px = length / mpp;
    const QPointF o(12, size.height() - 16);
    p.fillRect(QRectF(o.x() - 4, o.y() - 18, px + 70, 26), QColor(255, 255, 255, 200));
    p.setPen(QPen(Qt::black, 2));
    p.drawLine(o, o + QPointF(px, 0));
    p.drawLine(o, o - QPointF(0, 5));
    p.drawLine(o + QPointF(px, 0), o + QPointF(px, -5));
    p.drawText(o + QPointF(px + 6, 4), length >= 1000 ? QStringLiteral("%1 km").arg(length / 1000)
                                                      : QStringLiteral("%1 m").arg(length));

    QStringList right;
    if (m_cursor.x() >= 0) {
        const GeoPoint g = unproject(toWorld(m_cursor), 0);
        right << QStringLiteral("%1° N  %2° E").arg(g.lat, 0, 'f', 5).arg(g.lon, 0, 'f', 5);
    }
    right << (m_tiles ? tr("© contributeurs OpenStreetMap") : tr("fond de carte simplifié"));
    const QString text = right.join(QStringLiteral("  ·  "));
    const QFontMetrics fm(f);
    const QRect box(size.width() - fm.horizontalAdvance(text) - 20, size.height() - 24,
                    fm.horizontalAdvance(text) + 16, 20);
    p.fillRect(box, QColor(255, 255, 255, 210));
    p.setPen(Qt::black);
    p.drawText(box, Qt::AlignCenter, text);
}

void MapView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    render(p, size());
}

void MapView::zoomAround(QPointF screen, double delta)
{
    const QPointF before = toWorld(screen);
    m_zoom = std::clamp(m_zoom + delta, 3.0, 19.0);
    const QPointF after = toWorld(screen);
    m_center += before - after; // the point under the cursor stays put
    update();
}

QString MapView::detailsHtml(const MapObject &o) const
{
    if (!m_manager)
        return o.details;
    const Picture &picture = m_manager->picture();
    std::vector<qint64> seqs;
    if (o.layer == Layer::Incidents) {
        if (auto it = picture.incidents.find(o.id); it != picture.incidents.end())
            seqs = it->second.entries;
    } else if (auto it = picture.units.find(o.id); it != picture.units.end()) {
        seqs = {it->second.lastSeq};
    }
    if (seqs.empty())
        return o.details;
    return o.details + entriesHtml(m_manager->room().store(), seqs);
}

const MapView::Hit *MapView::hitAt(QPointF screen) const
{
    for (auto it = m_hits.rbegin(); it != m_hits.rend(); ++it)
        if (it->rect.contains(screen))
            return &*it;
    return nullptr;
}

void MapView::mousePressEvent(QMouseEvent *e)
{
    m_dragFrom = e->position().toPoint();
    m_dragging = false;
}

void MapView::mouseMoveEvent(QMouseEvent *e)
{
    m_cursor = e->position();
    if (e->buttons() & Qt::LeftButton) {
        const QPoint d = e->position().toPoint() - m_dragFrom;
        if (m_dragging || d.manhattanLength() > 3) {
            m_dragging = true;
            m_center -= QPointF(d) / std::exp2(m_zoom);
            m_dragFrom = e->position().toPoint();
        }
    }
    update();
}

void MapView::mouseReleaseEvent(QMouseEvent *e)
{
    if (m_dragging || e->button() != Qt::LeftButton)
        return;
    if (const Hit *h = hitAt(e->position())) {
        if (h->object >= 0)
            Q_EMIT objectSelected(detailsHtml(m_contents.objects[std::size_t(h->object)]));
        else
            Q_EMIT objectSelected(
                tr("<b>%n objet(s) regroupé(s)</b><br>Zoomez pour les séparer.", nullptr, h->count));
    }
}

void MapView::mouseDoubleClickEvent(QMouseEvent *e)
{
    zoomAround(e->position(), e->modifiers() & Qt::ShiftModifier ? -1 : 1);
}

void MapView::wheelEvent(QWheelEvent *e)
{
    zoomAround(e->position(), e->angleDelta().y() / 120.0 * 0.5);
}

void MapView::keyPressEvent(QKeyEvent *e)
{
    const double step = 100 / std::exp2(m_zoom);
    const QPointF mid(width() / 2.0, height() / 2.0);
    switch (e->key()) {
    case Qt::Key_Left:
        m_center.rx() -= step;
        break;
    case Qt::Key_Right:
        m_center.rx() += step;
        break;
    case Qt::Key_Up:
        m_center.ry() -= step;
        break;
    case Qt::Key_Down:
        m_center.ry() += step;
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomAround(mid, 1);
        return;
    case Qt::Key_Minus:
        zoomAround(mid, -1);
        return;
    case Qt::Key_Home:
        recentre();
        return;
    default:
        QWidget::keyPressEvent(e);
        return;
    }
    update();
}

bool MapView::event(QEvent *e)
{
    if (e->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(e);
        if (const Hit *h = hitAt(help->pos())) {
            QToolTip::showText(help->globalPos(),
                               h->object >= 0 ? m_contents.objects[std::size_t(h->object)].details
                                              : tr("%n objet(s) regroupé(s)", nullptr, h->count),
                               this);
        } else {
            QToolTip::hideText();
        }
        return true;
    }
    if (e->type() == QEvent::Leave)
        m_cursor = QPointF(-1, -1);
    return QWidget::event(e);
}

} // namespace vigie::maps
