#include "maps/map_view.h"

#include "maps/entry_details.h"
#include "maps/web_mercator.h"

#include "room/picture_manager.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QMetaMethod>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace vigie::maps {

namespace {

constexpr GeoPoint marseille{5.3810, 43.2900};

/// Label placement: one bit per block of 4×4 screen pixels. Symbols take their box less 2 px all round and
/// a label starts 3 px right of its symbol: the two never share a block, so a symbol never blocks its own
/// label, while labels still keep clear of every other symbol.
constexpr int block = 4;

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
        connect(&m_batch, &QTimer::timeout, this, &MapView::rebuildLayers);
        connect(m_manager, &PictureManager::pictureChanged, this, [this] {
            if (!m_batch.isActive())
                m_batch.start();
        });
        m_expiry.setSingleShot(true);
        connect(&m_expiry, &QTimer::timeout, this, &MapView::rebuildLayers);
        rebuildLayers();
    }
}

void MapView::rebuildLayers()
{
    // Expiry is judged on the room's clock (an exercise's clock in an exercise), ages on the log's last time.
    const Timestamp now = m_manager->clock().now();
    LayerContents contents = buildLayers(
        m_manager->picture(), m_manager->picture().maxEventTime,
        [this](const Incident &i) { return openingOf(i); }, now);
    if (contents.nextExpiry)
        m_expiry.start(
            int(std::clamp<qint64>(contents.nextExpiry->msecs - now.msecs + 500, 1000, 3'600'000)));
    else
        m_expiry.stop();
    setContents(std::move(contents));
}

Opening MapView::openingOf(const Incident &incident)
{
    // Keyed by id and first seq: a closed incident's id may be opened again, by someone else.
    const QString key = incident.id + QLatin1Char('#') +
                        QString::number(incident.entries.empty() ? 0 : incident.entries.front());
    if (auto it = m_openings.find(key); it != m_openings.end())
        return *it;
    Opening o;
    if (!incident.entries.empty()) {
        EntryQuery q;
        q.afterSeq = incident.entries.front() - 1;
        q.limit = 1;
        if (auto read = m_manager->store().read(q); read && !read->empty()) {
            o.feed = read->front().data.value(QLatin1String("feed")).toString();
            o.author = read->front().author;
        }
    }
    m_openings.insert(key, o);
    return o;
}

void MapView::setBasemap(std::unique_ptr<MbTiles> tiles)
{
    m_tiles = std::move(tiles);
    m_basemap.setSource(m_tiles.get());
    ++m_staticVersion;
    update();
}

void MapView::setContents(LayerContents contents)
{
    if (contents.zones != m_contents.zones)
        ++m_staticVersion;
    m_contents = std::move(contents);
    m_clusters.reset(&m_contents.objects);
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
    m_zoom = std::clamp(zoom, minZoom, maxZoom);
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

QPoint MapView::origin(QSize size) const
{
    // Rounded once per frame: tiles and symbols land on whole pixels, the raster engine's fast path.
    const double s = std::exp2(m_zoom);
    return {int(std::lround(size.width() / 2.0 - m_center.x() * s)),
            int(std::lround(size.height() / 2.0 - m_center.y() * s))};
}

void MapView::fitWorld(const QRectF &box, double maxZoom)
{
    m_fit = {box, maxZoom};
    m_center = box.center();
    update();
}

void MapView::setReadingScale(double scale)
{
    m_scale = std::max(1.0, scale);
    // Symbols and labels rendered at the drawn size: crisp, not stretched pixmaps.
    m_symbols = SymbolCache(devicePixelRatioF() * m_scale);
    ++m_staticVersion;
    update();
}

bool MapView::drawBasemap(QPainter &p, QSize size)
{
    const QPoint o = origin(size);
    constexpr int t = BasemapTiles::tileSize;
    bool builtIn = false;
    const double dpr = p.device() ? p.device()->devicePixelRatio() : 1.0;
    p.save();
    p.scale(1 / dpr, 1 / dpr);
    for (int ty = int(std::floor(-o.y() / double(t)));
         ty <= int(std::floor((size.height() - 1 - o.y()) / double(t))); ++ty)
        for (int tx = int(std::floor(-o.x() / double(t)));
             tx <= int(std::floor((size.width() - 1 - o.x()) / double(t))); ++tx) {
            // Placed on whole device pixels: at a fractional device ratio (a wall's reading scale), logical
            // positions fall between pixels and neighbouring tiles would leave a column unpainted.
            const QImage &tile = m_basemap.tile(m_zoom, tx, ty);
            const auto device = [dpr](int logical) {
                return int(std::lround(logical * dpr));
            };
            const QRect target(QPoint(device(tx * t + o.x()), device(ty * t + o.y())),
                               QPoint(device((tx + 1) * t + o.x()) - 1, device((ty + 1) * t + o.y()) - 1));
            p.drawImage(target, tile, tile.rect());
            builtIn = builtIn || m_basemap.builtInShown();
        }
    p.restore();
    // The sectors' names go with the other labels, after the symbols (drawPoints): drawn here, under them,
    // a cluster would cover them.
    return builtIn;
}

namespace {

/// Which blocks of the frame are taken by a symbol or a label.
class Occupancy
{
public:
    Occupancy(std::vector<std::uint64_t> &bits, QSize size)
        : m_bits(bits), m_cols((size.width() + block - 1) / block),
          m_rows((size.height() + block - 1) / block), m_words((m_cols + 63) / 64)
    {
        m_bits.assign(std::size_t(m_words) * std::size_t(m_rows), 0);
    }
    /// False when any block under `r` is taken or `r` leaves the frame.
    [[nodiscard]] bool free(const QRect &r) const
    {
        if (r.left() < 0 || r.top() < 0 || r.right() >= m_cols * block || r.bottom() >= m_rows * block)
            return false;
        for (int y = r.top() / block; y <= r.bottom() / block; ++y)
            for (int x = r.left() / block; x <= r.right() / block; ++x)
                if (m_bits[std::size_t(y * m_words + x / 64)] >> (x % 64) & 1)
                    return false;
        return true;
    }
    void take(const QRect &r)
    {
        const QRect in = r.intersected(QRect(0, 0, m_cols * block, m_rows * block));
        if (in.isEmpty())
            return;
        for (int y = in.top() / block; y <= in.bottom() / block; ++y)
            for (int x = in.left() / block; x <= in.right() / block; ++x)
                m_bits[std::size_t(y * m_words + x / 64)] |= std::uint64_t(1) << (x % 64);
    }

private:
    std::vector<std::uint64_t> &m_bits;
    int m_cols, m_rows, m_words;
};

} // namespace

FrameStats MapView::render(QPainter &p, QSize deviceSize)
{
    // At a reading scale k the frame is drawn at 1/k of the size and the painter enlarges it: everything in
    // it, the basemap included, is k times its desk size, and the static image holds the device's pixels.
    p.save();
    p.scale(m_scale, m_scale);
    const QSize size = (QSizeF(deviceSize) / m_scale).toSize();
    m_size = size;
    if (m_fit) {
        const auto [box, maxZoom] = *m_fit;
        m_fit.reset();
        const double zx = box.width() > 0 ? std::log2(size.width() * 0.9 / box.width()) : maxZoom;
        const double zy = box.height() > 0 ? std::log2(size.height() * 0.9 / box.height()) : maxZoom;
        m_center = box.center();
        m_zoom = std::clamp(std::min({zx, zy, maxZoom}), 3.0, 19.0);
    }
    FrameStats stats;
    m_hits.clear();
    const qreal dpr = (p.device() ? p.device()->devicePixelRatio() : 1.0) * m_scale;
    const QSize pixels = (QSizeF(deviceSize) * (dpr / m_scale)).toSize();
    const bool zones = m_visible[int(Layer::Zones)];
    if (m_static.image.size() != pixels || m_static.image.devicePixelRatio() != dpr ||
        m_static.origin != origin(size) || m_static.zoom != m_zoom || m_static.zones != zones ||
        m_static.version != m_staticVersion) {
        if (m_static.image.size() != pixels)
            m_static.image = QImage(pixels, QImage::Format_RGB32);
        m_basemap.setDevicePixelRatio(dpr, pixels);
        m_static.image.setDevicePixelRatio(dpr);
        m_static = {std::move(m_static.image), origin(size), m_zoom, zones, m_staticVersion, 0, false};
        QPainter sp(&m_static.image);
        m_static.builtIn = drawBasemap(sp, size);
        if (zones)
            drawZones(sp, size, stats);
        if (!m_expected.empty())
            drawShadedCells(
                sp, m_expected, [this](QPointF w) { return toScreen(w); },
                QRectF(QPointF(0, 0), QSizeF(size)));
        if (!m_plannedEvents.empty())
            drawPlannedEvents(sp, size);
        if (!m_routes.empty())
            drawRoutes(sp, size);
        m_static.zonesDrawn = stats.drawn[int(Layer::Zones)];
    }
    p.drawImage(QPoint(0, 0), m_static.image);
    stats.drawn[int(Layer::Zones)] = m_static.zonesDrawn;
    drawNote(p, size);
    drawPoints(p, size, stats);
    drawHighlight(p);
    drawOverlay(p, size);
    p.restore();
    m_last = stats;
    return stats;
}

void MapView::drawZones(QPainter &p, QSize size, FrameStats &stats)
{
    // Translucent polygons; their labels go with the others, after the symbols.
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    for (const auto &z : m_contents.zones) {
        QPolygonF screen;
        for (const QPointF &w : z.ring)
            screen << toScreen(w);
        if (!screen.boundingRect().intersects(QRectF(QPointF(0, 0), QSizeF(size))))
            continue;
        QColor c = agencyColour(z.agency);
        p.setPen(QPen(c, 2.5));
        c.setAlpha(50);
        p.setBrush(c);
        p.drawPolygon(screen);
        ++stats.drawn[int(Layer::Zones)];
    }
    p.restore();
}

void MapView::setPlannedEvents(std::vector<MapPlannedEvent> events)
{
    m_plannedEvents = std::move(events);
    ++m_staticVersion;
    update();
}

void MapView::drawPlannedEvents(QPainter &p, QSize size)
{
    // Tens of events at most: drawn as shapes into the static image, under the routes and the symbols.
    // Calendar colour violet (not an agency's); red for an event in a clash.
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF screenRect(QPointF(0, 0), QSizeF(size));
    for (const MapPlannedEvent &e : m_plannedEvents) {
        QPolygonF shape;
        for (const QPointF &w : e.world)
            shape << toScreen(w);
        if (shape.isEmpty() || !shape.boundingRect().adjusted(-12, -12, 12, 12).intersects(screenRect))
            continue;
        const QColor colour = e.clash ? QColor(0xd0, 0x1c, 0x1c) : QColor(0x7b, 0x3f, 0xa0);
        const qreal width = e.selected ? 3.5 : 2.0;
        switch (e.shape) {
        case MapPlannedEvent::Shape::Route: {
            p.setPen(QPen(QColor(255, 255, 255, 200), 9, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
            p.drawPolyline(shape);
            p.setPen(QPen(colour, e.selected ? 7 : 6, Qt::DashLine, Qt::FlatCap, Qt::RoundJoin));
            p.drawPolyline(shape);
            break;
        }
        case MapPlannedEvent::Shape::Area: {
            QColor fill = colour;
            fill.setAlpha(60);
            p.setPen(QPen(colour, width, Qt::DashLine));
            p.setBrush(fill);
            p.drawPolygon(shape);
            break;
        }
        case MapPlannedEvent::Shape::Venue: {
            // A calendar-like square with a white border, larger when selected.
            const qreal half = e.selected ? 9 : 7;
            p.setPen(QPen(Qt::white, width));
            p.setBrush(colour);
            p.drawRoundedRect(QRectF(shape.front() - QPointF(half, half), QSizeF(2 * half, 2 * half)), 2, 2);
            p.setPen(QPen(Qt::white, 1.5));
            p.drawLine(shape.front() + QPointF(-half + 3, -half + 5),
                       shape.front() + QPointF(half - 3, -half + 5));
            break;
        }
        }
        p.setBrush(Qt::NoBrush);
    }
    p.restore();
}

void MapView::setRoutes(std::vector<MapRoute> routes)
{
    m_routes = std::move(routes);
    ++m_staticVersion;
    update();
}

void MapView::setExpectedCells(std::vector<ShadedCell> cells)
{
    m_expected = std::move(cells);
    ++m_staticVersion;
    update();
}

void MapView::drawRoutes(QPainter &p, QSize size)
{
    // A few polylines at most (one per suggestion): antialiased, with a light casing so they read on any
    // background. Straight-line estimates are dashed: they must not pass for a road route.
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF screenRect(QPointF(0, 0), QSizeF(size));
    for (const MapRoute &r : m_routes) {
        QPolygonF line;
        line.reserve(qsizetype(r.world.size()));
        for (const QPointF &w : r.world)
            line << toScreen(w);
        if (line.size() < 2 || !line.boundingRect().adjusted(-4, -4, 4, 4).intersects(screenRect))
            continue;
        QColor c = agencyColour(r.agency);
        if (r.faded)
            c.setAlpha(90);
        QColor casing(255, 255, 255, r.faded ? 90 : 200);
        p.setPen(QPen(casing, 7, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.drawPolyline(line);
        p.setPen(QPen(c, 4, r.byRoad ? Qt::SolidLine : Qt::DashLine, Qt::RoundCap, Qt::RoundJoin));
        p.drawPolyline(line);
        p.setPen(QPen(casing, 2));
        p.setBrush(c);
        p.drawEllipse(line.back(), 5, 5); // the incident end
    }
    p.restore();
}

void MapView::drawPoints(QPainter &p, QSize size, FrameStats &stats)
{
    const int level = std::clamp(int(std::floor(m_zoom)), 0, ClusterIndex::maxLevel);
    const double s = std::exp2(m_zoom);
    const QPoint o = origin(size);
    const double side = ClusterIndex::cellWorld(level) * s; // screen pixels, at least cellPixels
    const QRect cells(QPoint(int(std::floor(-o.x() / side)), int(std::floor(-o.y() / side))),
                      QPoint(int(std::floor((size.width() - o.x()) / side)),
                             int(std::floor((size.height() - o.y()) / side))));
    Occupancy occupied(m_occupied, size);
    const auto &objects = m_contents.objects;
    std::vector<std::pair<QRect, int>> labelled; // singles that may get a label: their box, their object

    // One marker per cell of the grid: the only visible object's symbol, or a cluster with the exact count.
    // The marker is centred on its objects' centroid but kept inside its cell, and a cell is wider than the
    // largest marker, so that no two markers ever overlap, at any zoom and whichever layers are shown.
    m_clusters.forEachCell(level, cells, [&](auto begin, auto end) {
        std::array<int, layerCount> per{};
        int total = 0, single = -1, hospital = -1;
        double sx = 0, sy = 0;
        for (auto c = begin; c != end; ++c) {
            if (!m_visible[int(c->layer)])
                continue;
            per[std::size_t(c->layer)] = c->count;
            total += c->count;
            sx += c->sx;
            sy += c->sy;
            single = c->first;
            if (c->layer == Layer::Hospitals)
                hospital = c->first;
        }
        if (total == 0)
            return;
        const QPixmap &pm = total == 1 ? m_symbols.symbol(objects[std::size_t(single)].symbol)
                                       : m_symbols.cluster(per, total);
        const QSize sz = pm.deviceIndependentSize().toSize();
        // A hospital among other objects (the SMUR units parked at it) keeps its own symbol, on the
        // cluster's upper right: a landmark the eye looks for. The marker grows by at most a few pixels and
        // never past its cell, so markers still never overlap.
        const QPixmap *badge =
            total > 1 && hospital >= 0 ? &m_symbols.symbol(objects[std::size_t(hospital)].symbol) : nullptr;
        QSize box = sz;
        if (badge) {
            const int cell = int(std::floor(side)) - 1;
            box = QSize(std::min(sz.width() + 8, cell), std::min(sz.height() + 8, cell));
        }
        const double left = begin->cx * side + o.x(), top = begin->cy * side + o.y();
        const int x = std::clamp(int(std::lround(sx / total * s + o.x() - box.width() / 2.0)),
                                 int(std::ceil(left)), int(std::floor(left + side)) - box.width());
        const int y = std::clamp(int(std::lround(sy / total * s + o.y() - box.height() / 2.0)),
                                 int(std::ceil(top)), int(std::floor(top + side)) - box.height());
        const QRect r(QPoint(x, y), box);
        if (r.left() >= size.width() || r.top() >= size.height() || r.right() < 0 || r.bottom() < 0)
            return;
        p.drawPixmap(QPoint(r.left(), r.bottom() + 1 - sz.height()), pm);
        if (badge)
            p.drawPixmap(QPoint(r.right() + 1 - badge->deviceIndependentSize().toSize().width(), r.top()),
                         *badge);
        occupied.take(r.adjusted(2, 2, -2, -2));
        m_hits.push_back({r, total == 1 ? single : -1, total, per, QPoint(begin->cx, begin->cy), level});
        for (int l = 0; l < layerCount; ++l)
            stats.drawn[std::size_t(l)] += per[std::size_t(l)];
        ++(total == 1 ? stats.symbols : stats.clusters);
        const int named = total == 1 ? single : badge ? hospital : -1; // a cluster is named by its hospital
        if (named >= 0 && m_zoom >= 15 && !objects[std::size_t(named)].label.isEmpty())
            labelled.emplace_back(r, named);
    });

    // Labels after every symbol, so that none covers one: the built-in background's sector names, zone
    // names, then callsigns, each only where it overlaps nothing already placed. A sector's name moves by up
    // to its height or half its width when a symbol sits there (zoomed out, or enlarged for a wall, symbols
    // and names would pile up).
    if (m_static.builtIn) {
        for (const BuiltInArea &a : builtInAreas()) {
            if (a.kind != BuiltInArea::Kind::Sector)
                continue;
            // "Secteur 4 (8e arr.)" reads "Secteur 4", and "Sector 4" in English.
            const QString number = a.name.section(QLatin1Char(' '), 1, 1);
            const QPixmap &pm = m_symbols.label(tr("Secteur %1").arg(number), 12);
            const QSize sz = pm.deviceIndependentSize().toSize();
            const QPoint at(int(std::lround(a.labelAt.x() * s)) + o.x() - sz.width() / 2,
                            int(std::lround(a.labelAt.y() * s)) + o.y() - sz.height() / 2);
            const int h = sz.height(), w = sz.width() / 2;
            for (const QPoint shift : {QPoint(0, 0), QPoint(0, -h), QPoint(0, h), QPoint(-w, 0), QPoint(w, 0),
                                       QPoint(-w, -h), QPoint(w, -h), QPoint(-w, h), QPoint(w, h)}) {
                const QRect box(at + shift, sz);
                if (!occupied.free(box))
                    continue;
                occupied.take(box);
                p.setOpacity(0.75);
                p.drawPixmap(box.topLeft(), pm);
                p.setOpacity(1);
                ++stats.labels;
                break;
            }
        }
    }
    if (m_visible[int(Layer::Zones)]) {
        for (const auto &z : m_contents.zones) {
            const QRectF b = QPolygonF(z.ring).boundingRect();
            const QPointF c = (b.center() * s) + QPointF(o);
            const double width = b.width() * s;
            if (c.x() < 0 || c.y() < 0 || c.x() >= size.width() || c.y() >= size.height() || width < 40)
                continue;
            const QPixmap &pm =
                m_symbols.label(z.label.size() > 40 ? z.label.left(39) + QChar(0x2026) : z.label);
            const QSize sz = pm.deviceIndependentSize().toSize();
            const QRect lr(QPoint(int(c.x()) - sz.width() / 2, int(c.y()) - sz.height() / 2), sz);
            if (occupied.free(lr)) {
                occupied.take(lr);
                p.drawPixmap(lr.topLeft(), pm);
                ++stats.labels;
            }
        }
    }
    for (const auto &[r, object] : labelled) {
        const QString &text = objects[std::size_t(object)].label;
        const QSize sz = m_symbols.labelSize(text, 12);
        const QRect lr(QPoint(r.right() + 3, r.center().y() - sz.height() / 2), sz);
        if (occupied.free(lr)) {
            occupied.take(lr);
            p.drawPixmap(lr.topLeft(), m_symbols.label(text, 12));
            ++stats.labels;
        }
    }
}

void MapView::showPlace(GeoPoint where, double minZoom)
{
    m_highlight = project(where, 0);
    setCenter(where, std::max(m_zoom, minZoom));
}

void MapView::clearHighlight()
{
    m_highlight.reset();
    update();
}

std::optional<GeoPoint> MapView::highlighted() const
{
    if (!m_highlight)
        return std::nullopt;
    return unproject(*m_highlight, 0);
}

void MapView::drawHighlight(QPainter &p)
{
    // A ring around the place a desk asked for (an incident picked in the list): found at a glance among
    // the symbols, without hiding the one it rings.
    if (!m_highlight)
        return;
    const QPointF c = toScreen(*m_highlight);
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(QColor(255, 255, 255, 230), 7));
    p.drawEllipse(c, 24, 24);
    p.setPen(QPen(QColor(0xD5, 0x5E, 0x00), 3.5));
    p.drawEllipse(c, 24, 24);
    p.restore();
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
    if (m_tiles)
        right << tr("© contributeurs OpenStreetMap");
    if (m_static.builtIn)
        right << (m_tiles ? tr("fond de carte simplifié hors de la carte importée")
                          : tr("fond de carte simplifié"));
    const QString text = right.join(QStringLiteral("  ·  "));
    const QFontMetrics fm(f);
    const QRect box(size.width() - fm.horizontalAdvance(text) - 20, size.height() - 24,
                    fm.horizontalAdvance(text) + 16, 20);
    p.fillRect(box, QColor(255, 255, 255, 210));
    p.setPen(Qt::black);
    p.drawText(box, Qt::AlignCenter, text);
}

void MapView::drawNote(QPainter &p, QSize size)
{
    // Said on the map itself: an empty background must not pass for an empty city. Drawn under the
    // symbols, so that it hides none of them.
    m_note.clear();
    // Where neither the built-in background nor an imported basemap reaches, the map is a blank: say so.
    static const QRectF builtInCover = [] {
        QRectF r;
        for (const BuiltInArea &a : builtInAreas())
            r = r.united(a.bounds);
        return r;
    }();
    const auto tileBounds = m_tiles ? m_tiles->bounds() : std::nullopt;
    if (!builtInCover.contains(m_center) && !(tileBounds && tileBounds->contains(center())))
        m_note = tr("Aucun fond de carte à cet endroit : le fond simplifié ne couvre que Marseille et ses "
                    "environs");
    else if (m_static.builtIn) {
        const auto bounds = m_tiles ? m_tiles->bounds() : std::nullopt;
        const bool centreCovered = bounds && bounds->contains(center());
        if (m_tiles && !centreCovered)
            m_note = tr("Fond de carte simplifié : la carte importée ne couvre pas cet endroit");
        else if (!m_tiles && m_zoom >= 15)
            m_note = tr("Fond de carte simplifié : pas de détail à ce niveau de zoom");
    }
    if (m_note.isEmpty())
        return;
    QFont bold(QStringLiteral("DejaVu Sans"));
    bold.setPixelSize(14);
    bold.setBold(true);
    const QFontMetrics bm(bold);
    const int w = std::min(size.width() - 16, bm.horizontalAdvance(m_note) + 24);
    const QRect note((size.width() - w) / 2, 8, w, bm.height() + 12);
    p.fillRect(note, QColor(0xE6, 0x9F, 0x00, 235));
    p.setFont(bold);
    p.setPen(Qt::black);
    p.drawText(note, Qt::AlignCenter, bm.elidedText(m_note, Qt::ElideRight, w - 12));
}

void MapView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    render(p, size());
}

void MapView::zoomAround(QPointF screen, double delta)
{
    const QPointF before = toWorld(screen);
    m_zoom = std::clamp(m_zoom + delta, minZoom, maxZoom);
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
    return o.details + entriesHtml(m_manager->store(), seqs);
}

std::vector<QRect> MapView::markers() const
{
    std::vector<QRect> out;
    out.reserve(m_hits.size());
    for (const Hit &h : m_hits)
        out.push_back(h.rect);
    return out;
}

QString MapView::clusterText(const Hit &hit) const
{
    QStringList lines{tr("<b>%n objet(s) regroupé(s)</b>", nullptr, hit.count)};
    for (int l = layerCount - 1; l >= 0; --l)
        if (hit.perLayer[std::size_t(l)] > 0)
            lines << QStringLiteral("%1 : %2").arg(layerName(Layer(l))).arg(hit.perLayer[std::size_t(l)]);
    return lines.join(QStringLiteral("<br>"));
}

std::vector<MapObject> MapView::objectsAt(QPointF screen) const
{
    const Hit *h = hitAt(screen);
    if (!h)
        return {};
    if (h->object >= 0)
        return {m_contents.objects[std::size_t(h->object)]};
    // A cluster keeps only counts: its members are found again from its cell (a click, not every frame).
    std::vector<MapObject> members;
    for (const MapObject &o : m_contents.objects)
        if (m_visible[int(o.layer)] && ClusterIndex::cellOf(o.world, h->level) == h->cell)
            members.push_back(o);
    std::stable_sort(members.begin(), members.end(), [](const MapObject &a, const MapObject &b) {
        return (a.layer == Layer::Hospitals) > (b.layer == Layer::Hospitals);
    });
    return members;
}

const MapView::Hit *MapView::hitAt(QPointF screen) const
{
    for (auto it = m_hits.rbegin(); it != m_hits.rend(); ++it)
        if (QRectF(it->rect).contains(screen))
            return &*it;
    return nullptr;
}

void MapView::mousePressEvent(QMouseEvent *e)
{
    m_dragFrom = (e->position() / m_scale).toPoint();
    m_dragging = false;
}

void MapView::mouseMoveEvent(QMouseEvent *e)
{
    m_cursor = e->position() / m_scale;
    if (e->buttons() & Qt::LeftButton) {
        const QPoint d = m_cursor.toPoint() - m_dragFrom;
        if (m_dragging || d.manhattanLength() > 3) {
            m_dragging = true;
            m_center -= QPointF(d) / std::exp2(m_zoom);
            m_dragFrom = m_cursor.toPoint();
        }
    }
    update();
}

void MapView::mouseReleaseEvent(QMouseEvent *e)
{
    if (m_dragging || e->button() != Qt::LeftButton)
        return;
    if (const Hit *h = hitAt(e->position() / m_scale)) {
        if (h->object >= 0) {
            const MapObject &o = m_contents.objects[std::size_t(h->object)];
            // detailsHtml reads the log: only for a listener that wants it.
            if (isSignalConnected(QMetaMethod::fromSignal(&MapView::objectSelected)))
                Q_EMIT objectSelected(detailsHtml(o));
            Q_EMIT objectClicked(o.layer, o.id);
        } else {
            Q_EMIT objectSelected(m_zoom >= maxZoom ? clusterText(*h)
                                                    : clusterText(*h) + QStringLiteral("<br>") +
                                                          tr("Zoomez pour les séparer."));
            Q_EMIT clusterClicked(objectsAt(e->position() / m_scale));
        }
    }
}

void MapView::mouseDoubleClickEvent(QMouseEvent *e)
{
    zoomAround(e->position() / m_scale, e->modifiers() & Qt::ShiftModifier ? -1 : 1);
}

void MapView::wheelEvent(QWheelEvent *e)
{
    zoomAround(e->position() / m_scale, e->angleDelta().y() / 120.0 * 0.5);
}

void MapView::keyPressEvent(QKeyEvent *e)
{
    const double step = 100 / std::exp2(m_zoom);
    const QPointF mid(width() / 2.0 / m_scale, height() / 2.0 / m_scale);
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
        if (const Hit *h = hitAt(QPointF(help->pos()) / m_scale)) {
            QString text = clusterText(*h);
            if (h->object >= 0) {
                const MapObject &o = m_contents.objects[std::size_t(h->object)];
                text = m_describe ? m_describe(o) : o.details;
            }
            QToolTip::showText(help->globalPos(), text, this);
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
