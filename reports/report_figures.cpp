#include "reports/report_figures.h"

#include "maps/map_layers.h"
#include "maps/map_view.h"
#include "maps/mbtiles.h"
#include "maps/web_mercator.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QCoreApplication>
#include <QGraphicsScene>
#include <QLegend>
#include <QLineSeries>
#include <QPainter>
#include <QValueAxis>

#include <algorithm>
#include <array>

namespace vigie::reports {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("vigie::reports::Figures", text);
}

constexpr std::array<int, 7> bandLimitsMin = {5, 10, 15, 20, 30, 45, 60}; // then "60 min and more"

QFont chartFont(int pixels, bool bold = false)
{
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPixelSize(pixels);
    f.setBold(bold);
    return f;
}

void styleChart(QChart &chart, const QString &title)
{
    chart.setAnimationOptions(QChart::NoAnimation);
    chart.setBackgroundRoundness(0);
    chart.setMargins(QMargins(4, 4, 4, 4));
    chart.setTitle(title);
    chart.setTitleFont(chartFont(15, true));
    chart.legend()->setAlignment(Qt::AlignBottom);
    chart.legend()->setFont(chartFont(13));
}

void styleAxis(QAbstractAxis &axis, const QString &title)
{
    axis.setLabelsFont(chartFont(12));
    axis.setTitleText(title);
    axis.setTitleFont(chartFont(12));
}

/// Draws `chart` (taken) at `size` logical pixels into an image twice as large, for paper.
QImage renderChart(QChart *chart, QSize size)
{
    QGraphicsScene scene;
    scene.addItem(chart); // the scene owns it from here
    chart->setGeometry(QRectF(QPointF(0, 0), QSizeF(size)));
    QImage image(size * 2, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    scene.render(&p, QRectF(QPointF(0, 0), QSizeF(image.size())), QRectF(QPointF(0, 0), QSizeF(size)));
    p.end();
    return image;
}

QString sliceLabel(const reporting::TimeBucket &b, bool days, const ReportWording &w)
{
    const QDateTime t = w.roomTime(b.start.msecs);
    return days ? t.toString(QStringLiteral("dd/MM HH'h'")) : t.toString(QStringLiteral("HH'h'mm"));
}

} // namespace

int responseBand(qint64 ms)
{
    const qint64 minutes = ms / 60000;
    for (std::size_t i = 0; i < bandLimitsMin.size(); ++i)
        if (minutes < bandLimitsMin[i])
            return int(i);
    return int(bandLimitsMin.size());
}

QStringList responseBandLabels()
{
    QStringList labels;
    // Axis labels are rich text in QtCharts: no "<" in them.
    labels << tr("0–%1 min").arg(bandLimitsMin[0]);
    for (std::size_t i = 1; i < bandLimitsMin.size(); ++i)
        labels << tr("%1–%2 min").arg(bandLimitsMin[i - 1]).arg(bandLimitsMin[i]);
    labels << tr("≥ %1 min").arg(bandLimitsMin.back());
    return labels;
}

QImage responseTimeChart(const reporting::AfterAction &report, const ReportWording &wording, QSize size)
{
    auto *series = new QBarSeries;
    int most = 0;
    for (std::size_t i = 1; i < report.responses.size(); ++i) {
        const reporting::AgencyResponse &r = report.responses[i];
        if (r.arriveMs.empty())
            continue;
        auto *set = new QBarSet(wording.agency(r.agency));
        std::vector<int> counts(bandLimitsMin.size() + 1, 0);
        for (qint64 ms : r.arriveMs)
            ++counts[std::size_t(responseBand(ms))];
        for (int c : counts) {
            *set << c;
            most = std::max(most, c);
        }
        set->setColor(maps::agencyColour(r.agency));
        set->setBorderColor(maps::agencyColour(r.agency).darker(130));
        series->append(set);
    }
    if (series->count() == 0) {
        delete series;
        return {};
    }
    auto *chart = new QChart;
    styleChart(*chart, tr("Délai d'arrivée sur les lieux, par service"));
    chart->addSeries(series);
    auto *x = new QBarCategoryAxis;
    x->append(responseBandLabels());
    styleAxis(*x, tr("délai du signalement à la première unité du service sur les lieux"));
    auto *y = new QValueAxis;
    y->setRange(0, std::max(1, most));
    y->setTickCount(std::min(most, 5) + 1);
    y->setLabelFormat(QStringLiteral("%d"));
    styleAxis(*y, tr("interventions"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    return renderChart(chart, size);
}

QImage incidentsChart(const reporting::AfterAction &report, const ReportWording &wording, QSize size)
{
    if (report.incidents.empty() || report.buckets.empty())
        return {};
    const bool days = report.buckets.front().lengthMs >= 6 * 3600 * 1000 ||
                      wording.roomTime(report.buckets.front().start.msecs).date() !=
                          wording.roomTime(report.buckets.back().start.msecs).date();
    auto *opened = new QBarSet(tr("signalées dans la tranche"));
    auto *closed = new QBarSet(tr("closes dans la tranche"));
    opened->setColor(QColor(0xD5, 0x5E, 0x00));
    closed->setColor(QColor(0x00, 0x72, 0xB2));
    auto *open = new QLineSeries;
    open->setName(tr("en cours à la fin de la tranche"));
    open->setPen(QPen(QColor(0x20, 0x20, 0x20), 2.5));
    QStringList labels;
    int most = 1;
    for (std::size_t i = 0; i < report.buckets.size(); ++i) {
        const reporting::TimeBucket &b = report.buckets[i];
        *opened << b.opened;
        *closed << b.closed;
        open->append(double(i), b.openAtEnd);
        labels << sliceLabel(b, days, wording);
        most = std::max({most, b.opened, b.closed, b.openAtEnd});
    }
    auto *bars = new QBarSeries;
    bars->append(opened);
    bars->append(closed);
    auto *chart = new QChart;
    const qint64 sliceMinutes = report.buckets.front().lengthMs / 60000;
    styleChart(*chart, sliceMinutes >= 60 && sliceMinutes % 60 == 0
                           ? tr("Interventions au fil du temps (tranches de %1 h)").arg(sliceMinutes / 60)
                           : tr("Interventions au fil du temps (tranches de %1 min)").arg(sliceMinutes));
    chart->addSeries(bars);
    chart->addSeries(open);
    auto *x = new QBarCategoryAxis;
    x->append(labels);
    styleAxis(*x, tr("heure de Marseille (début de la tranche)"));
    if (labels.size() > 12)
        x->setLabelsAngle(-90);
    auto *y = new QValueAxis;
    y->setRange(0, most);
    y->setTickCount(std::min(most, 5) + 1);
    y->setLabelFormat(QStringLiteral("%d"));
    styleAxis(*y, tr("interventions"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    bars->attachAxis(x);
    bars->attachAxis(y);
    open->attachAxis(x);
    open->attachAxis(y);
    return renderChart(chart, size);
}

QImage mapSnapshot(const Picture &picture, Timestamp at, const QString &basemap, QSize size, double scale)
{
    maps::MapView view(nullptr);
    if (!basemap.isEmpty()) {
        // A basemap that cannot be read leaves the built-in background, which the map says it shows.
        if (auto tiles = maps::MbTiles::open(basemap))
            view.setBasemap(std::move(*tiles));
    }
    view.setReadingScale(scale);
    view.setContents(maps::buildLayers(picture, at));
    // Framed on what happens: the incidents and the zones; Marseille when there is nothing.
    QRectF box;
    auto extend = [&box](GeoPoint g) {
        const QPointF w = maps::project(g, 0);
        box = box.isNull() ? QRectF(w, QSizeF(1e-9, 1e-9)) : box.united(QRectF(w, QSizeF(1e-9, 1e-9)));
    };
    for (const auto &[id, incident] : picture.incidents)
        if (incident.position)
            extend(*incident.position);
    for (const auto &[id, zone] : picture.zones)
        for (const GeoPoint &g : zone.ring)
            extend(g);
    if (box.isNull())
        view.recentre();
    else
        // The built-in background has no detail from zoom 15 (the map says so across its top): without an
        // imported basemap a report's map stops short of it.
        view.fitWorld(box, basemap.isEmpty() ? 14.5 : 16);
    QImage image(size, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    (void)view.render(p, size);
    p.end();
    return image;
}

} // namespace vigie::reports
