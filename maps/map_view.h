#pragma once
// The live map: basemap (MBTiles, else the built-in coarse Marseille background) copied from cached tiles,
// zones, then the typed layers stamped from cached symbol pixmaps and clustered on a world grid with exact
// counts, then labels placed on an occupancy grid so that none overlaps another label or a symbol.
#include "maps/background.h"
#include "maps/cluster_index.h"
#include "maps/expected_cells.h"
#include "maps/map_layers.h"
#include "maps/mbtiles.h"
#include "maps/symbols.h"

#include <QHash>
#include <QImage>
#include <QTimer>
#include <QWidget>

#include <bitset>
#include <functional>
#include <memory>
#include <optional>

namespace vigie {
class PictureManager;
}

namespace vigie::maps {

struct FrameStats
{
    std::array<int, layerCount> drawn{}; ///< objects drawn per layer (inside clusters included)
    int clusters = 0;
    int symbols = 0;
    int labels = 0;
};

/// A suggested unit's way to its incident, drawn between the zones and the symbols.
struct MapRoute
{
    std::vector<QPointF> world; ///< zoom-0 world pixels (project(p, 0))
    QString agency;
    bool byRoad = false; ///< false: a straight-line estimate, drawn dashed
    bool faded = false;  ///< decided (accepted or rejected)
};

/// A planned event of the calendar: a venue (one point), a route (a polyline, drawn thick and dashed) or an
/// area; red when it clashes with another event or cuts a station or hospital off.
struct MapPlannedEvent
{
    enum class Shape
    {
        Venue,
        Route,
        Area
    };
    Shape shape = Shape::Venue;
    std::vector<QPointF> world; ///< zoom-0 world pixels (project(p, 0))
    QString label;
    bool clash = false;
    bool selected = false;
};

class MapView : public QWidget
{
    Q_OBJECT
public:
    static constexpr double minZoom = 3, maxZoom = 19;

    /// `manager` may be null (benchmarks, tests): then contents come from setContents().
    explicit MapView(PictureManager *manager, QWidget *parent = nullptr);

    /// An MBTiles basemap; without one (or outside it) the built-in background is drawn.
    void setBasemap(std::unique_ptr<MbTiles> tiles);
    void setContents(LayerContents contents);
    [[nodiscard]] const LayerContents &contents() const { return m_contents; }

    /// Replaces the suggested routes shown (empty: none).
    void setRoutes(std::vector<MapRoute> routes);
    [[nodiscard]] const std::vector<MapRoute> &routes() const { return m_routes; }
    /// Replaces the planned events shown (empty: none).
    void setPlannedEvents(std::vector<MapPlannedEvent> events);
    [[nodiscard]] const std::vector<MapPlannedEvent> &plannedEvents() const { return m_plannedEvents; }

    /// Replaces the "Incidents attendus" cells (empty: the overlay is off).
    void setExpectedCells(std::vector<ShadedCell> cells);
    [[nodiscard]] const std::vector<ShadedCell> &expectedCells() const { return m_expected; }

    void setLayerVisible(Layer layer, bool visible);
    [[nodiscard]] bool layerVisible(Layer layer) const { return m_visible[int(layer)]; }
    void setCenter(GeoPoint center, double zoom);
    [[nodiscard]] GeoPoint center() const;
    [[nodiscard]] double zoom() const { return m_zoom; }
    void recentre(); ///< on Marseille
    /// Shows the world box `box` (zoom-0 world pixels) as large as the view allows, up to `maxZoom` (at the
    /// next frame, when the view's size is known).
    void fitWorld(const QRectF &box, double maxZoom = 16);

    /// Draws everything (symbols, labels, type, scale bar, basemap) `scale` times its desk size, for a screen
    /// read from a distance (shared_screen.md): the view then shows size()/scale of the map's pixels.
    void setReadingScale(double scale);
    [[nodiscard]] double readingScale() const { return m_scale; }

    /// What the last frame said about the basemap at the top of the map, or nothing: the simplified
    /// background has no detail at this zoom, or the imported basemap does not cover this place.
    [[nodiscard]] const QString &basemapNote() const { return m_note; }
    /// Whether the last frame showed the simplified built-in background somewhere.
    [[nodiscard]] bool builtInShown() const { return m_static.builtIn; }

    /// Draws one frame of the given size (the widget's paintEvent, screenshots and benchmarks).
    FrameStats render(QPainter &painter, QSize size);
    [[nodiscard]] const FrameStats &lastFrame() const { return m_last; }
    /// Screen boxes of the last frame's symbols and clusters.
    [[nodiscard]] std::vector<QRect> markers() const;
    /// What the details panel shows for an object: its description and, with a room, the log entries
    /// behind it (all of an incident's, a unit's latest).
    [[nodiscard]] QString detailsHtml(const MapObject &object) const;
    /// What a tooltip says of an object (the console's words); without it, the object's own details.
    void setDescriber(std::function<QString(const MapObject &)> describe)
    {
        m_describe = std::move(describe);
    }
    /// The objects behind the marker at `screen` in the last frame: the one a symbol stands for, or every
    /// member of a cluster (hospitals first); none when no marker is there.
    [[nodiscard]] std::vector<MapObject> objectsAt(QPointF screen) const;
    /// Centres the map on `where`, zooming in to at least `minZoom`, and rings the place until another is
    /// shown or the ring is cleared.
    void showPlace(GeoPoint where, double minZoom = 14);
    void clearHighlight();
    [[nodiscard]] std::optional<GeoPoint> highlighted() const;

Q_SIGNALS:
    void objectSelected(const QString &html);
    /// A symbol was clicked: the object it stands for.
    void objectClicked(vigie::maps::Layer layer, const QString &id);
    /// A cluster was clicked: its members, hospitals first, so that each stays reachable at any zoom (units
    /// parked at a hospital share its place even at the deepest zoom).
    void clusterClicked(const std::vector<vigie::maps::MapObject> &members);
    void contentsChanged();

protected:
    void paintEvent(QPaintEvent *) override;
    void mousePressEvent(QMouseEvent *) override;
    void mouseMoveEvent(QMouseEvent *) override;
    void mouseReleaseEvent(QMouseEvent *) override;
    void mouseDoubleClickEvent(QMouseEvent *) override;
    void wheelEvent(QWheelEvent *) override;
    void keyPressEvent(QKeyEvent *) override;
    bool event(QEvent *) override;

private:
    struct Hit
    {
        QRect rect;
        int object; ///< index in m_contents.objects, or -1 for a cluster
        int count;
        std::array<int, layerCount> perLayer; ///< a cluster's objects by layer
        QPoint cell;                          ///< its cell of the clustering grid at `level`
        int level = 0;
    };
    void drawHighlight(QPainter &p);
    /// Returns whether the built-in background shows somewhere.
    bool drawBasemap(QPainter &p, QSize size);
    void drawZones(QPainter &p, QSize size, FrameStats &stats);
    void drawRoutes(QPainter &p, QSize size);
    void drawPlannedEvents(QPainter &p, QSize size);
    void drawPoints(QPainter &p, QSize size, FrameStats &stats);
    void drawOverlay(QPainter &p, QSize size);
    void drawNote(QPainter &p, QSize size); ///< the basemap note (basemapNote), at the top
    [[nodiscard]] QString clusterText(const Hit &hit) const;
    void zoomAround(QPointF screen, double delta);
    [[nodiscard]] QPoint origin(QSize size) const; ///< screen position of the world's corner this frame
    [[nodiscard]] QPointF toScreen(QPointF world) const;
    [[nodiscard]] QPointF toWorld(QPointF screen) const;
    [[nodiscard]] const Hit *hitAt(QPointF screen) const;
    [[nodiscard]] Opening openingOf(const Incident &incident); ///< read once per incident from the log
    void rebuildLayers(); ///< the picture's objects, alerts expired by the room's clock left off

    /// Basemap, zones and routes of the last frame's view, drawn once: a live update (new entries, same
    /// view) copies this image and draws only the symbols, clusters and labels over it.
    struct StaticLayers
    {
        QImage image;
        QPoint origin;
        double zoom = -1;
        bool zones = false;
        quint64 version = 0; ///< of the basemap, zones and routes
        int zonesDrawn = 0;
        bool builtIn = false; ///< the built-in background shows somewhere
    };

    PictureManager *m_manager;
    StaticLayers m_static;
    quint64 m_staticVersion = 1; ///< bumped when the basemap, zones or routes change
    LayerContents m_contents;
    std::vector<MapRoute> m_routes;
    std::vector<MapPlannedEvent> m_plannedEvents;
    std::vector<ShadedCell> m_expected;
    std::unique_ptr<MbTiles> m_tiles;
    BasemapTiles m_basemap;
    ClusterIndex m_clusters;
    SymbolCache m_symbols;
    std::bitset<layerCount> m_visible;
    QPointF m_center; ///< zoom-0 world pixels
    double m_zoom = 13;
    QSize m_size;
    QPoint m_dragFrom;
    bool m_dragging = false;
    QPointF m_cursor{-1, -1};
    std::function<QString(const MapObject &)> m_describe;
    std::optional<QPointF> m_highlight; ///< zoom-0 world pixels of the place shown (showPlace)
    std::vector<Hit> m_hits;
    QHash<QString, Opening> m_openings;    ///< by incident: its opening entry never changes
    std::vector<std::uint64_t> m_occupied; ///< label placement: one bit per 4×4 px block
    FrameStats m_last;
    QTimer m_batch;
    QTimer m_expiry; ///< rebuilds the layers when the next alert expires, with no entry to wake the map
    double m_scale = 1;
    QString m_note;
    std::optional<std::pair<QRectF, double>> m_fit; ///< a box to fit at the next frame, and its zoom limit
};

} // namespace vigie::maps
