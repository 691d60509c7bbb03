// One full map frame at 1920×1080 with 50,000 live objects on the software rasteriser (QImage), against the
// same objects drawn naively, one antialiased QPainter ellipse + outline per symbol.
#include "maps/map_view.h"
#include "maps/web_mercator.h"

#include <QApplication>
#include <QImage>
#include <QPainter>
#include <QRandomGenerator>

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
    const Layer layers[] = {Layer::Fire,      Layer::Samu,      Layer::Police,
                            Layer::Officials, Layer::Incidents, Layer::Hospitals};
    const char *statuses[] = {"available", "en_route", "on_scene", "returning", "unavailable"};
    for (int i = 0; i < objectCount; ++i) {
        const Layer layer = layers[i % 6];
        // Spread over the city (about 20 × 15 km) with a denser centre, like a real situation.
        const double spread = rng.generateDouble() < 0.5 ? 0.03 : 0.12;
        const GeoPoint g{5.38 + (rng.generateDouble() - 0.5) * spread * 1.4,
                         43.29 + (rng.generateDouble() - 0.5) * spread};
        const int symbol = layer == Layer::Incidents   ? incidentSymbol(1 + i % 5, i % 3 == 0)
                           : layer == Layer::Hospitals ? hospitalSymbol(QStringLiteral("open"))
                                                       : unitSymbol(layer, QLatin1String(statuses[i % 5]));
        c.objects.push_back({layer, project(g, 0), QString(), QString(), QString(), symbol});
        ++c.counts[int(layer)];
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
    for (auto _ : state) {
        QPainter p(&image);
        stats = view.render(p, frameSize);
        p.end();
        benchmark::DoNotOptimize(image.constBits());
    }
    state.counters["symbols"] = stats.symbols;
    state.counters["clusters"] = stats.clusters;
}
BENCHMARK(BM_MapFrame)->Arg(12)->Arg(14)->Arg(16)->Unit(benchmark::kMillisecond);

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
