// The map widget offscreen on the demo room (plus sound-sensor and camera reports fed through the real
// GeoJSON adapter): each layer toggles exactly its own objects, and an entry appended to the log appears on
// the map without any user action.
#include "maps/layer_panel.h"
#include "maps/map_view.h"
#include "maps/symbols.h"
#include "maps/web_mercator.h"

#include "demo/demo_room.h"
#include "feeds/feed_adapters.h"
#include "feeds/ingestor.h"
#include "room/direct_sink.h"
#include "room/picture_manager.h"
#include "room/room.h"

#include <QApplication>
#include <QImage>
#include <QListWidget>
#include <QPainter>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

using namespace vigie;
using namespace vigie::maps;
using namespace vigie::feeds;

namespace {

struct DemoMap
{
    QTemporaryDir dir;
    SimulatedClock clock{Timestamp{1784055600000}};
    std::unique_ptr<Room> room;
    std::unique_ptr<DirectSink> sink;
    std::unique_ptr<PictureManager> manager;

    DemoMap()
    {
        auto created = Room::create(dir.filePath(QStringLiteral("demo.vigie")), QStringLiteral("demo"),
                                    RoomMode::Exercise, clock);
        if (!created)
            throw std::runtime_error(created.error().message.toStdString());
        room = std::move(*created);
        if (auto w = writeDemoRoom(*room); !w)
            throw std::runtime_error(w.error().message.toStdString());
        // What supervision systems send: sound sensors (gunshot, glass break), cameras and a CCTV alert.
        // "Camoins" and "Cambriolage" must not make a sensor a camera.
        const QByteArray devices = R"({"type":"FeatureCollection","features":[
            {"type":"Feature","id":"a1","geometry":{"type":"Point","coordinates":[5.3700,43.2950]},
             "properties":{"time":"2026-07-14T23:10:00+02:00","type":"gunshot","sensor":"acoustic-12"}},
            {"type":"Feature","id":"a2","geometry":{"type":"Point","coordinates":[5.4380,43.3060]},
             "properties":{"time":"2026-07-14T23:12:00+02:00","type":"glass_break",
                           "title":"Cambriolage probable","sensor":"acoustic-Camoins"}},
            {"type":"Feature","id":"a3","geometry":{"type":"Point","coordinates":[5.3950,43.2700]},
             "properties":{"time":"2026-07-14T23:14:00+02:00","type":"explosion","sensor":"acoustic-3"}},
            {"type":"Feature","id":"c1","geometry":{"type":"Point","coordinates":[5.3760,43.3000]},
             "properties":{"time":"2026-07-14T23:15:00+02:00","type":"intrusion","sensor":"cam-07"}},
            {"type":"Feature","id":"c2","geometry":{"type":"Point","coordinates":[5.3900,43.2600]},
             "properties":{"time":"2026-07-14T23:16:00+02:00","type":"crowd","title":"Foule dense",
                           "sensor":"CCTV Prado"}}]})";
        const FeedRegistry registry;
        Ingestor ingestor(*room, registry);
        const FeedContext context{
            QStringLiteral("supervision"), RoomMode::Exercise, QStringLiteral("police"), {}, {}};
        auto fed = ingestor.ingest(devices, context, QStringLiteral("geojson"));
        if (!fed || fed->rejected != 0)
            throw std::runtime_error("GeoJSON devices not ingested");
        manager = std::make_unique<PictureManager>(room->store(), room->clock(), room->path());
        sink = std::make_unique<DirectSink>(*room);
        manager->setWriter(sink.get());
        if (auto r = manager->load(); !r)
            throw std::runtime_error(r.error().message.toStdString());
    }
};

FrameStats frame(MapView &view, QImage *image = nullptr)
{
    QImage img(1600, 900, QImage::Format_ARGB32_Premultiplied);
    QPainter p(&img);
    const FrameStats s = view.render(p, img.size());
    p.end();
    if (image)
        *image = img;
    return s;
}

} // namespace

TEST(MapView, EachLayerToggleHidesExactlyItsObjects)
{
    DemoMap demo;
    MapView view(demo.manager.get());
    view.setCenter({5.38, 43.29}, 11.5); // the whole city
    QImage all;
    const FrameStats before = frame(view, &all);
    int layersWithObjects = 0;
    for (int l = 0; l < layerCount; ++l) {
        if (before.drawn[l] == 0)
            continue;
        ++layersWithObjects;
        view.setLayerVisible(Layer(l), false);
        QImage without;
        const FrameStats after = frame(view, &without);
        EXPECT_EQ(after.drawn[l], 0) << layerName(Layer(l)).toStdString();
        for (int other = 0; other < layerCount; ++other) {
            if (other != l) {
                EXPECT_EQ(after.drawn[other], before.drawn[other])
                    << "hiding layer " << l << " changed " << other;
            }
        }
        EXPECT_NE(without, all) << "hiding layer " << l << " changed no pixel";
        view.setLayerVisible(Layer(l), true);
    }
    EXPECT_EQ(layersWithObjects, layerCount); // every layer, sensors and cameras included, has something
    EXPECT_EQ(before.drawn[int(Layer::Sensors)], 3);
    EXPECT_EQ(before.drawn[int(Layer::Cameras)], 2);
    EXPECT_EQ(frame(view).drawn, before.drawn);
}

TEST(MapView, EachLayerAloneShowsExactlyItsPlacedObjects)
{
    DemoMap demo;
    MapView view(demo.manager.get());
    view.setCenter({5.38, 43.29}, 11);
    const LayerContents &c = view.contents();
    for (int l = 0; l < layerCount; ++l) {
        for (int other = 0; other < layerCount; ++other)
            view.setLayerVisible(Layer(other), other == l);
        const FrameStats s = frame(view);
        for (int other = 0; other < layerCount; ++other) {
            if (other == l)
                EXPECT_EQ(s.drawn[other], c.counts[other]) << layerName(Layer(l)).toStdString();
            else
                EXPECT_EQ(s.drawn[other], 0) << layerName(Layer(l)).toStdString();
        }
    }
}

TEST(MapView, MarkersNeverOverlapAtStreetLevel)
{
    // A dense square of mixed layers: at every zoom, symbols and clusters are disjoint and their counts add
    // up.
    MapView view(nullptr);
    LayerContents c;
    const QPointF base = project({5.38, 43.29}, 0);
    const Layer layers[] = {Layer::Fire, Layer::Police, Layer::Samu, Layer::Incidents, Layer::Sensors};
    for (int i = 0; i < 3000; ++i) {
        const Layer layer = layers[i % 5];
        c.objects.push_back({layer,
                             base + QPointF((i * 7919 % 300) * 2e-6, (i * 104729 % 200) * 2e-6),
                             QString::number(i),
                             QStringLiteral("U%1").arg(i),
                             {},
                             layer == Layer::Incidents ? incidentSymbol(2, false)
                             : layer == Layer::Sensors ? deviceSymbol(layer, false)
                                                       : unitSymbol(layer, QStringLiteral("available"))});
        ++c.counts[int(layer)];
    }
    std::stable_sort(c.objects.begin(), c.objects.end(),
                     [](const MapObject &a, const MapObject &b) { return a.layer < b.layer; });
    view.setContents(std::move(c));
    for (double zoom : {13.0, 15.0, 16.5, 18.0, 19.0}) {
        view.setCenter(unproject(base + QPointF(300e-6, 200e-6), 0), zoom);
        QImage img(1600, 900, QImage::Format_ARGB32_Premultiplied);
        QPainter p(&img);
        const FrameStats s = view.render(p, img.size());
        p.end();
        int total = 0;
        for (int n : s.drawn)
            total += n;
        EXPECT_EQ(total, 3000) << "zoom " << zoom;
        const auto &markers = view.markers();
        for (std::size_t a = 0; a < markers.size(); ++a)
            for (std::size_t b = a + 1; b < markers.size(); ++b)
                ASSERT_FALSE(markers[a].intersects(markers[b]))
                    << "zoom " << zoom << ": markers " << a << " and " << b << " overlap";
    }
}

TEST(MapView, SuggestedRoutesAreDrawnInTheAgencyColourAndCleared)
{
    MapView view(nullptr);
    const QPointF from = project({5.37, 43.29}, 0), to = project({5.40, 43.30}, 0);
    view.setCenter(unproject((from + to) / 2, 0), 14);
    auto render = [&view] {
        QImage img(1200, 800, QImage::Format_ARGB32_Premultiplied);
        QPainter p(&img);
        view.render(p, img.size());
        return img;
    };
    auto fireAt = [](const QImage &img, QPoint centre) {
        for (int dx = -3; dx <= 3; ++dx)
            for (int dy = -3; dy <= 3; ++dy)
                if (img.pixelColor(centre + QPoint(dx, dy)) == agencyColour(QStringLiteral("fire")))
                    return true;
        return false;
    };
    // The midpoint of the route is at the centre of the frame.
    const QPoint middle(600, 400);
    EXPECT_FALSE(fireAt(render(), middle));
    view.setRoutes({{{from, to}, QStringLiteral("fire"), true, false}});
    EXPECT_TRUE(fireAt(render(), middle));
    view.setRoutes({});
    EXPECT_FALSE(fireAt(render(), middle));
}

TEST(MapView, ZonesFollowTheirChangesAndTheToggleThroughTheFrameCache)
{
    // Basemap, zones and routes are kept as one image between frames of the same view: a changed zone, a
    // hidden layer or a pan must still show at once.
    MapView view(nullptr);
    view.setCenter({5.38, 43.29}, 15);
    auto render = [&view] {
        QImage img(800, 600, QImage::Format_ARGB32_Premultiplied);
        QPainter p(&img);
        view.render(p, img.size());
        return img;
    };
    auto zoneAt = [](GeoPoint centre) {
        LayerContents c;
        MapZone z{QStringLiteral("Z1"), QString(), QStringLiteral("police"), {}};
        for (int k = 0; k < 8; ++k) {
            const double a = k * 3.14159265 / 4;
            z.ring << project({centre.lon + 0.002 * std::cos(a), centre.lat + 0.0015 * std::sin(a)}, 0);
        }
        c.zones.push_back(z);
        c.counts[int(Layer::Zones)] = 1;
        return c;
    };
    const QPoint middle(400, 300);
    const QColor bare = render().pixelColor(middle);
    view.setContents(zoneAt({5.38, 43.29}));
    const QColor tinted = render().pixelColor(middle);
    EXPECT_NE(tinted, bare);
    EXPECT_EQ(view.lastFrame().drawn[int(Layer::Zones)], 1);
    EXPECT_EQ(render().pixelColor(middle), tinted) << "a repaint of the same view";
    view.setLayerVisible(Layer::Zones, false);
    EXPECT_EQ(render().pixelColor(middle), bare);
    EXPECT_EQ(view.lastFrame().drawn[int(Layer::Zones)], 0);
    view.setLayerVisible(Layer::Zones, true);
    EXPECT_EQ(render().pixelColor(middle), tinted);
    view.setContents(zoneAt({5.30, 43.29})); // moved out of view
    EXPECT_EQ(render().pixelColor(middle), bare);
    view.setContents(zoneAt({5.38, 43.29}));
    view.setCenter({5.30, 43.29}, 15); // panned away from it
    EXPECT_NE(render().pixelColor(middle), tinted);
}

TEST(SymbolCache, LabelSizeIsTheSizeOfTheLabelDrawnLater)
{
    SymbolCache symbols;
    for (const QString &text :
         {QStringLiteral("VSAV 12"), QStringLiteral("Périmètre Vélodrome"), QString()}) {
        const QSize before = symbols.labelSize(text, 12);
        EXPECT_EQ(symbols.label(text, 12).deviceIndependentSize().toSize(), before) << text.toStdString();
        EXPECT_EQ(symbols.labelSize(text, 12), before);
    }
}

TEST(MapView, LayerPanelTogglesAndCounts)
{
    DemoMap demo;
    MapView view(demo.manager.get());
    LayerPanel panel(view);
    auto *list = panel.findChild<QListWidget *>();
    ASSERT_TRUE(list);
    ASSERT_EQ(list->count(), layerCount);
    QListWidgetItem *fire = nullptr;
    for (int r = 0; r < list->count(); ++r)
        if (list->item(r)->data(Qt::UserRole).toInt() == int(Layer::Fire))
            fire = list->item(r);
    ASSERT_TRUE(fire);
    EXPECT_TRUE(fire->text().contains(QStringLiteral("(%1)").arg(view.contents().counts[int(Layer::Fire)])));
    fire->setCheckState(Qt::Unchecked);
    EXPECT_FALSE(view.layerVisible(Layer::Fire));
}

TEST(MapView, AppendedEntryAppearsLive)
{
    DemoMap demo;
    MapView view(demo.manager.get());
    const int before = view.contents().counts[int(Layer::Incidents)];
    auto draft = draftFromJson(
        R"({"kind":"incident.open","time":"2026-07-14T23:50:00+02:00","author":"CTA-CODIS","role":"operator",)"
        R"("agency":"fire","geo":{"type":"Point","coordinates":[5.40,43.30]},)"
        R"("data":{"incident":"INC-LIVE","type":"building_fire","title":"Feu test","severity":3}})");
    ASSERT_TRUE(draft) << draft.error().message.toStdString();
    ASSERT_TRUE(demo.room->append({*draft}));
    QSignalSpy changed(&view, &MapView::contentsChanged);
    demo.manager->poll();
    ASSERT_TRUE(changed.wait(2000)); // batched: within one 33 ms tick
    EXPECT_EQ(view.contents().counts[int(Layer::Incidents)], before + 1);
}

// A CAP alert's <expires>: the incident leaves the map by itself when the room's clock passes it, with no
// entry to wake the map; an update that renews the alert brings it back.
TEST(MapView, AnExpiredAlertLeavesTheMapByItself)
{
    DemoMap demo;
    MapView view(demo.manager.get());
    const int before = view.contents().counts[int(Layer::Incidents)];
    const Timestamp now = demo.clock.now();
    auto open = [&](const QString &kind, qint64 expiresIn) {
        auto draft = draftFromJson(
            QStringLiteral(R"({"kind":"%1","time":"%2","author":"Préfecture","role":"operator",)"
                           R"("agency":"officials","geo":{"type":"Point","coordinates":[5.44,43.27]},)"
                           R"("data":{"incident":"cap:crue","type":"flood","title":"Crue","severity":3,)"
                           R"("expires":"%3"}})")
                .arg(kind, now.toIso(), Timestamp{now.msecs + expiresIn}.toIso())
                .toUtf8());
        EXPECT_TRUE(draft) << draft.error().message.toStdString();
        EXPECT_TRUE(demo.room->append({*draft}));
        QSignalSpy changed(&view, &MapView::contentsChanged);
        demo.manager->poll();
        EXPECT_TRUE(changed.wait(2000));
    };
    open(QStringLiteral("incident.open"), 400);
    EXPECT_EQ(view.contents().counts[int(Layer::Incidents)], before + 1);
    EXPECT_EQ(view.contents().expired, 0);

    demo.clock.advance(1000); // the alert expires; nothing is appended
    QSignalSpy changed(&view, &MapView::contentsChanged);
    ASSERT_TRUE(changed.wait(5000));
    EXPECT_EQ(view.contents().counts[int(Layer::Incidents)], before);
    EXPECT_EQ(view.contents().expired, 1);
    EXPECT_TRUE(
        demo.manager->picture().incidents.contains(QStringLiteral("cap:crue"))); // still in the picture

    open(QStringLiteral("incident.update"), 3'600'000); // renewed for an hour
    EXPECT_EQ(view.contents().counts[int(Layer::Incidents)], before + 1);
    EXPECT_EQ(view.contents().expired, 0);
}

TEST(MapView, DetailsShowTheEntriesBehindAnIncident)
{
    DemoMap demo;
    MapView view(demo.manager.get());
    const auto &objects = view.contents().objects;
    const auto incident = std::find_if(objects.begin(), objects.end(),
                                       [](const MapObject &o) { return o.layer == Layer::Incidents; });
    ASSERT_NE(incident, objects.end());
    const Incident &truth = demo.manager->picture().incidents.at(incident->id);
    ASSERT_FALSE(truth.entries.empty());
    const QString html = view.detailsHtml(*incident);
    EXPECT_TRUE(html.contains(QStringLiteral("incident.open"))) << html.toStdString();
    EXPECT_TRUE(html.contains(QStringLiteral("%1 entrée").arg(truth.entries.size()))) << html.toStdString();
}

// A desk joins one incident into another: it leaves the map, and the other names it.
TEST(MapView, AJoinedIncidentLeavesTheMapAndIsNamedInTheOther)
{
    DemoMap demo;
    MapView view(demo.manager.get());
    QStringList placed;
    for (const auto &[id, incident] : demo.manager->picture().incidents)
        if (incident.position)
            placed << id;
    ASSERT_GE(placed.size(), 2);
    const QString joined = placed[0], into = placed[1];
    Entry join;
    join.kind = QStringLiteral("fusion.join");
    join.eventTime = demo.manager->picture().maxEventTime;
    join.author = QStringLiteral("poste");
    join.data = QJsonObject{{QStringLiteral("incident"), joined}, {QStringLiteral("into"), into}};
    ASSERT_TRUE(demo.room->append({join}));
    QSignalSpy changed(&view, &MapView::contentsChanged);
    demo.manager->poll();
    ASSERT_TRUE(changed.wait(2000));
    const auto &objects = view.contents().objects;
    EXPECT_TRUE(
        std::none_of(objects.begin(), objects.end(), [&](const MapObject &o) { return o.id == joined; }));
    const auto target =
        std::find_if(objects.begin(), objects.end(), [&](const MapObject &o) { return o.id == into; });
    ASSERT_NE(target, objects.end());
    EXPECT_TRUE(target->details.contains(QStringLiteral("réunit : ") + joined))
        << target->details.toStdString();
}

// The SMUR units parked at the Timone share its place at every zoom: the hospital keeps its own symbol on
// their cluster, and a click on it finds the hospital first among the cluster's members.
TEST(MapView, AHospitalAmongUnitsKeepsItsSymbolAndIsFoundFirst)
{
    DemoMap demo;
    MapView view(demo.manager.get());
    const GeoPoint timone{5.40206, 43.29197};
    view.setCenter(timone, MapView::maxZoom);
    auto markerAtCentre = [&view](QImage *image) {
        frame(view, image);
        for (const QRect &r : view.markers())
            if (QRectF(r).adjusted(-2, -2, 2, 2).contains(QPointF(800, 450)))
                return r;
        return QRect();
    };
    QImage with, without;
    const QRect marker = markerAtCentre(&with);
    ASSERT_FALSE(marker.isNull());
    const auto members = view.objectsAt(marker.center());
    ASSERT_GE(members.size(), 2u);
    EXPECT_EQ(members.front().layer, Layer::Hospitals);
    EXPECT_EQ(members.front().id, QStringLiteral("aphm-timone"));
    EXPECT_TRUE(std::all_of(members.begin() + 1, members.end(),
                            [](const MapObject &o) { return o.layer == Layer::Samu; }));

    view.setLayerVisible(Layer::Hospitals, false);
    const QRect units = markerAtCentre(&without);
    ASSERT_FALSE(units.isNull());
    EXPECT_LT(units.width(), marker.width()); // the badge's room
    const QRect badge(marker.right() - 15, marker.top(), 16, 16);
    EXPECT_NE(with.copy(badge), without.copy(badge)) << "no hospital symbol on the cluster";
    for (const MapObject &o : view.objectsAt(units.center()))
        EXPECT_NE(o.layer, Layer::Hospitals);
}

TEST(MapView, ClustersKeepExactCounts)
{
    MapView view(nullptr);
    LayerContents c;
    const QPointF base = project({5.38, 43.29}, 0);
    for (int i = 0; i < 5000; ++i)
        c.objects.push_back({Layer::Police,
                             base + QPointF((i % 100) * 1e-5, (i / 100) * 1e-5),
                             QString::number(i),
                             {},
                             {},
                             unitSymbol(Layer::Police, QStringLiteral("available"))});
    c.counts[int(Layer::Police)] = 5000;
    view.setContents(std::move(c));
    view.setCenter({5.38, 43.29}, 10);
    const FrameStats s = frame(view);
    EXPECT_GT(s.clusters, 0);
    EXPECT_EQ(s.drawn[int(Layer::Police)], 5000); // every object is in exactly one cluster or symbol
}

int main(int argc, char **argv)
{
    // gtest discovery runs the binary without the test environment: never try to reach a display.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
