// One full map frame at 1920×1080 with 50,000 live objects on the software rasteriser (QImage): basemap,
// zones, the eight point layers, callsign and zone labels, scale bar. Against the same objects drawn naively,
// one antialiased QPainter ellipse + outline per symbol. Three kinds of frame: a repaint (live update, same
// view), a pan step (new basemap tiles come into view) and the first frame after the data changed (clusters
// of the level recomputed).
#include "maps/map_view.h"
#include "maps/web_mercator.h"

#include <QApplication>
#include <QImage>
#include <QPainter>
#include <QRandomGenerator>

#include <cmath>

#include <benchmark/benchmark.h>

using namespace vigie;
using namespace vigie::maps;

namespace {

constexpr int objectCount = 50000;
const QSize frameSize(1920, 1080);

LayerContents denseCity()
{
    QRandomGenerator rng(42);
    LayerContents c;
    const Layer layers[] = {Layer::Fire,      Layer::Samu,      Layer::Police,  Layer::Officials,
                            Layer::Incidents, Layer::Hospitals, Layer::Sensors, Layer::Cameras};
    const char *statuses[] = {"available", "en_route", "on_scene", "returning", "unavailable"};
    const char *types[] = {"VSAV", "SMUR", "PS", "ELU", "INC", "HOP", "CAP", "CAM"};
    for (int i = 0; i < objectCount; ++i) {
        const Layer layer = layers[i % 8];
        // Spread over the city (about 20 × 15 km) with a denser centre, like a real situation.
        const double spread = rng.generateDouble() < 0.5 ? 0.03 : 0.12;
        const GeoPoint g{5.38 + (rng.generateDouble() - 0.5) * spread * 1.4,
                         43.29 + (rng.generateDouble() - 0.5) * spread};
        const int symbol =
            layer == Layer::Incidents   ? incidentSymbol(1 + i % 5, i % 3 == 0)
            : layer == Layer::Hospitals ? hospitalSymbol(QStringLiteral("open"))
            : layer == Layer::Sensors || layer == Layer::Cameras
                ? deviceSymbol(layer, i % 4 == 0)
                : unitSymbol(layer, QLatin1String(statuses[i % 5]), QLatin1String(types[i % 8]));
        const QString label = QStringLiteral("%1 %2").arg(QLatin1String(types[i % 8])).arg(i);
        c.objects.push_back({layer, project(g, 0), QString::number(i), label, QString(), symbol});
        ++c.counts[int(layer)];
    }
    // A dozen zones (perimeters, staging areas) across the centre, with their labels.
    const char *agencies[] = {"fire", "samu", "police", "officials"};
    for (int z = 0; z < 12; ++z) {
        const GeoPoint at{5.33 + 0.01 * (z % 6), 43.28 + 0.015 * (z / 6)};
        MapZone zone{QStringLiteral("Z%1").arg(z),
                     QStringLiteral("Périmètre de sécurité %1").arg(z + 1),
                     QLatin1String(agencies[z % 4]),
                     {}};
        for (int k = 0; k < 12; ++k) {
            const double a = k * 3.14159265 / 6;
            zone.ring << project({at.lon + 0.004 * std::cos(a), at.lat + 0.003 * std::sin(a)}, 0);
        }
        c.zones.push_back(std::move(zone));
        ++c.counts[int(Layer::Zones)];
    }
    std::stable_sort(c.objects.begin(), c.objects.end(),
                     [](const MapObject &a, const MapObject &b) { return a.layer < b.layer; });
    return c;
}

void BM_MapFrame(benchmark::State &state)
{
    MapView view(nullptr);
    view.setContents(denseCity());
    view.setCenter({5.38, 43.29}, state.range(0));
    QImage image(frameSize, QImage::Format_ARGB32_Premultiplied);
    FrameStats stats;
    {
        // The first frame of a view renders its basemap tiles, symbols and clusters: measured by the
        // pan and data-change cases below; this one measures the repaints that follow (live updates).
        QPainter warm(&image);
        stats = view.render(warm, frameSize);
    }
    for (auto _ : state) {
        QPainter p(&image);
        stats = view.render(p, frameSize);
        p.end();
        benchmark::DoNotOptimize(image.constBits());
    }
    state.counters["symbols"] = stats.symbols;
    state.counters["clusters"] = stats.clusters;
    state.counters["labels"] = stats.labels;
}
BENCHMARK(BM_MapFrame)->Arg(12)->Arg(14)->Arg(16)->Unit(benchmark::kMillisecond);

/// A drag: every frame moves the map by 24 px (about a mouse step), so the basemap tiles that come into
/// view are rendered during the frame, as when the user pans.
void BM_MapFramePanning(benchmark::State &state)
{
    MapView view(nullptr);
    view.setContents(denseCity());
    const double zoom = double(state.range(0));
    const QPointF start = project({5.30, 43.29}, 0);
    QImage image(frameSize, QImage::Format_ARGB32_Premultiplied);
    FrameStats stats;
    int step = 0;
    for (auto _ : state) {
        // Back and forth over 1,920 px, so that the tile cache (two screens) cannot hold the whole way.
        const int k = step++ % 160;
        const double dx = (k < 80 ? k : 160 - k) * 24.0 / std::exp2(zoom);
        view.setCenter(unproject(start + QPointF(dx, 0), 0), zoom);
        QPainter p(&image);
        stats = view.render(p, frameSize);
        p.end();
        benchmark::DoNotOptimize(image.constBits());
    }
    state.counters["clusters"] = stats.clusters;
}
// A whole back-and-forth (160 frames) per run: the mean is that of a real drag, cold tiles included.
BENCHMARK(BM_MapFramePanning)->Arg(12)->Arg(14)->Arg(16)->Iterations(160)->Unit(benchmark::kMillisecond);

/// The first frame after the objects changed (a live update): the level's clusters are rebuilt.
void BM_MapFrameAfterDataChange(benchmark::State &state)
{
    MapView view(nullptr);
    const LayerContents city = denseCity();
    view.setContents(city);
    view.setCenter({5.38, 43.29}, double(state.range(0)));
    QImage image(frameSize, QImage::Format_ARGB32_Premultiplied);
    {
        QPainter warm(&image); // basemap tiles and pixmaps of this view, as on screen before the change
        benchmark::DoNotOptimize(view.render(warm, frameSize));
    }
    for (auto _ : state) {
        state.PauseTiming();
        LayerContents copy = city;
        state.ResumeTiming();
        view.setContents(std::move(copy));
        QPainter p(&image);
        benchmark::DoNotOptimize(view.render(p, frameSize));
        p.end();
        benchmark::DoNotOptimize(image.constBits());
    }
}
BENCHMARK(BM_MapFrameAfterDataChange)->Arg(12)->Arg(14)->Arg(16)->Unit(benchmark::kMillisecond);

void BM_NaivePerSymbol(benchmark::State &state)
{
    const LayerContents c = denseCity();
    QImage image(frameSize, QImage::Format_ARGB32_Premultiplied);
    const double s = std::exp2(double(state.range(0)));
    const QPointF centre = project({5.38, 43.29}, 0);
    for (auto _ : state) {
        QPainter p(&image);
        p.fillRect(image.rect(), Qt::white);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(QPen(Qt::black, 1.5));
        for (const auto &o : c.objects) {
            const QPointF at = (o.world - centre) * s + QPointF(960, 540);
            if (at.x() < 0 || at.y() < 0 || at.x() >= 1920 || at.y() >= 1080)
                continue;
            p.setBrush(layerColour(o.layer));
            p.drawEllipse(at, 7, 7);
        }
        p.end();
        benchmark::DoNotOptimize(image.constBits());
    }
}
BENCHMARK(BM_NaivePerSymbol)->Arg(12)->Arg(14)->Arg(16)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    return 0;
}
