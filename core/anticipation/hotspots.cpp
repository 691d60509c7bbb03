#include "anticipation/hotspots.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QSet>

#include <boost/math/distributions/poisson.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

namespace vigie::anticipation {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("vigie::anticipation", text);
}

constexpr double earthRadius = 6371008.8;
constexpr double degree = std::numbers::pi / 180.0;
constexpr qint64 hourMs = 3600'000, weekMs = 7 * 24 * hourMs;

/// Hour of the week (0 = Monday 0 h) in `zone`; the zone's offset is looked up once per UTC hour.
class HourOfWeek
{
public:
    explicit HourOfWeek(const QTimeZone &zone) : m_zone(zone) {}
    int operator()(Timestamp t)
    {
        const qint64 hour = t.msecs / hourMs;
        auto it = m_offsets.constFind(hour);
        if (it == m_offsets.cend())
            it = m_offsets.insert(
                hour, m_zone.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(hour * hourMs, Qt::UTC)));
        const qint64 local = t.msecs + qint64(*it) * 1000;
        const qint64 localHour = local >= 0 ? local / hourMs : (local - hourMs + 1) / hourMs;
        // 1970-01-01 was a Thursday: hour 0 of the epoch is hour 72 of its week.
        return int(((localHour + 72) % 168 + 168) % 168);
    }

private:
    QTimeZone m_zone;
    QHash<qint64, int> m_offsets;
};

/// Per-cell share of the expected incidents: counts blurred by a separable Gaussian, normalised.
std::vector<double> spatialShare(const Grid &grid, const std::vector<int> &counts, double bandwidthMeters)
{
    if (bandwidthMeters <= 0)
        bandwidthMeters = grid.cellMeters / 2;
    const double sigma = std::max(bandwidthMeters / grid.cellMeters, 1e-6);
    const int radius = std::max(0, int(std::ceil(3 * sigma)));
    std::vector<double> kernel(size_t(2 * radius + 1));
    for (int k = -radius; k <= radius; ++k)
        kernel[size_t(k + radius)] = std::exp(-0.5 * (k / sigma) * (k / sigma));
    std::vector<double> tmp(size_t(grid.size()), 0.0), out(size_t(grid.size()), 0.0);
    for (int r = 0; r < grid.rows; ++r)
        for (int c = 0; c < grid.cols; ++c) {
            const int n = counts[size_t(r * grid.cols + c)];
            if (n == 0)
                continue;
            for (int k = -radius; k <= radius; ++k)
                if (c + k >= 0 && c + k < grid.cols)
                    tmp[size_t(r * grid.cols + c + k)] += n * kernel[size_t(k + radius)];
        }
    for (int r = 0; r < grid.rows; ++r)
        for (int c = 0; c < grid.cols; ++c) {
            const double v = tmp[size_t(r * grid.cols + c)];
            if (v == 0)
                continue;
            for (int k = -radius; k <= radius; ++k)
                if (r + k >= 0 && r + k < grid.rows)
                    out[size_t((r + k) * grid.cols + c)] += v * kernel[size_t(k + radius)];
        }
    double total = 0;
    for (double v : out)
        total += v;
    if (total > 0)
        for (double &v : out)
            v /= total;
    return out;
}

/// Cells in decreasing score, ties by index.
std::vector<int> ranking(const std::vector<double> &score)
{
    std::vector<int> order(score.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = int(i);
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return score[size_t(a)] > score[size_t(b)]; });
    return order;
}

/// Splits one CSV record (RFC 4180 quoting). The feeds' CSV reader is private to its adapter and tied to
/// its mappings; a dozen lines here keep the forecast free of the feed layer.
QStringList splitCsv(const QString &line)
{
    QStringList fields;
    QString cur;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar ch = line[i];
        if (quoted) {
            if (ch == QLatin1Char('"') && i + 1 < line.size() && line[i + 1] == QLatin1Char('"'))
                cur += ch, ++i;
            else if (ch == QLatin1Char('"'))
                quoted = false;
            else
                cur += ch;
        } else if (ch == QLatin1Char('"')) {
            quoted = true;
        } else if (ch == QLatin1Char(',')) {
            fields.append(cur);
            cur.clear();
        } else {
            cur += ch;
        }
    }
    fields.append(cur);
    return fields;
}

} // namespace

int Grid::cellOf(GeoPoint p) const
{
    const double x = (p.lon - origin.lon) * degree * earthRadius * std::cos(origin.lat * degree) / cellMeters;
    const double y = (p.lat - origin.lat) * degree * earthRadius / cellMeters;
    const int c = int(std::floor(x)), r = int(std::floor(y));
    return c >= 0 && c < cols && r >= 0 && r < rows ? r * cols + c : -1;
}

GeoPoint Grid::centre(int cell) const
{
    const double dx = cellMeters / (earthRadius * std::cos(origin.lat * degree)) / degree;
    const double dy = cellMeters / earthRadius / degree;
    return {origin.lon + (cell % cols + 0.5) * dx, origin.lat + (cell / cols + 0.5) * dy};
}

std::vector<GeoPoint> Grid::corners(int cell) const
{
    const double dx = cellMeters / (earthRadius * std::cos(origin.lat * degree)) / degree;
    const double dy = cellMeters / earthRadius / degree;
    const double x0 = origin.lon + (cell % cols) * dx, y0 = origin.lat + (cell / cols) * dy;
    return {{x0, y0}, {x0 + dx, y0}, {x0 + dx, y0 + dy}, {x0, y0 + dy}, {x0, y0}};
}

Grid gridOver(const std::vector<IncidentPoint> &incidents, double cellMeters)
{
    Grid g;
    g.cellMeters = cellMeters;
    if (incidents.empty())
        return g;
    GeoBox b{incidents.front().at.lon, incidents.front().at.lat, incidents.front().at.lon,
             incidents.front().at.lat};
    for (const IncidentPoint &i : incidents) {
        b.minLon = std::min(b.minLon, i.at.lon);
        b.maxLon = std::max(b.maxLon, i.at.lon);
        b.minLat = std::min(b.minLat, i.at.lat);
        b.maxLat = std::max(b.maxLat, i.at.lat);
    }
    g.origin = {b.minLon, b.minLat};
    const double w = (b.maxLon - b.minLon) * degree * earthRadius * std::cos(b.minLat * degree);
    const double h = (b.maxLat - b.minLat) * degree * earthRadius;
    g.cols = int(std::floor(w / cellMeters)) + 1;
    g.rows = int(std::floor(h / cellMeters)) + 1;
    return g;
}

Result<HotspotForecast> forecastHotspots(const std::vector<IncidentPoint> &incidents, const HotspotOptions &o)
{
    if (incidents.empty())
        return Error{tr("No incident with a place in the history: nothing to forecast from.")};
    if (o.cellMeters < 50 || o.cellMeters > 10000)
        return Error{tr("Cell size %1 m is outside 50–10,000 m.").arg(o.cellMeters)};
    HotspotForecast f;
    f.grid = gridOver(incidents, o.cellMeters);
    if (f.grid.size() > 4'000'000)
        return Error{tr("The incidents spread over %1 cells of %2 m: too wide an area for this cell size; "
                        "use a larger --cell.")
                         .arg(f.grid.size())
                         .arg(o.cellMeters)};
    std::vector<int> counts(size_t(f.grid.size()), 0);
    std::array<double, 168> hours{};
    HourOfWeek how(o.zone);
    Timestamp first = incidents.front().time, last = first;
    for (const IncidentPoint &i : incidents) {
        const int c = f.grid.cellOf(i.at);
        if (c >= 0)
            ++counts[size_t(c)];
        hours[size_t(how(i.time))] += 1;
        first = std::min(first, i.time);
        last = std::max(last, i.time);
    }
    f.incidents = int(incidents.size());
    f.weeks = std::max(1.0, double(last.msecs - first.msecs) / double(weekMs));
    const double perWeek = f.incidents / f.weeks;
    std::array<double, dayBandCount> bandShare{};
    for (int h = 0; h < 168; ++h)
        bandShare[size_t((h % 24) / 4)] += hours[size_t(h)] / f.incidents;
    const std::vector<double> share = spatialShare(f.grid, counts, o.bandwidthMeters);
    for (int c = 0; c < f.grid.size(); ++c) {
        const int n = counts[size_t(c)];
        if (n == 0)
            continue;
        if (n < o.minCount) {
            ++f.hiddenCells;
            continue;
        }
        HotspotCell cell;
        cell.cell = c;
        cell.centre = f.grid.centre(c);
        cell.ring = f.grid.corners(c);
        cell.observed = n;
        cell.perWeek = perWeek * share[size_t(c)];
        for (int b = 0; b < dayBandCount; ++b)
            cell.byBand[size_t(b)] = cell.perWeek * bandShare[size_t(b)];
        f.cells.push_back(std::move(cell));
    }
    std::sort(f.cells.begin(), f.cells.end(),
              [](const HotspotCell &a, const HotspotCell &b) { return a.perWeek > b.perWeek; });
    for (int b = 0; b < dayBandCount; ++b) {
        BandForecast &bf = f.bands[size_t(b)];
        bf.band = b;
        bf.expected = perWeek * bandShare[size_t(b)];
        if (bf.expected > 0) {
            const boost::math::poisson_distribution<double> d(bf.expected);
            const auto q = [&](double p) {
                return int(boost::math::quantile(d, p));
            };
            bf.lower80 = q(0.10), bf.upper80 = q(0.90), bf.lower95 = q(0.025), bf.upper95 = q(0.975);
        }
    }
    return f;
}

Result<Backtest> backtestHotspots(const std::vector<IncidentPoint> &incidentsIn, const HotspotOptions &o)
{
    if (incidentsIn.size() < 2)
        return Error{tr("Too few incidents for a back-test.")};
    std::vector<IncidentPoint> incidents = incidentsIn;
    std::stable_sort(incidents.begin(), incidents.end(),
                     [](const IncidentPoint &a, const IncidentPoint &b) { return a.time < b.time; });
    const Grid grid = gridOver(incidents, o.cellMeters);
    if (grid.size() > 4'000'000)
        return Error{tr("Too many cells for a back-test at %1 m: use a larger --cell.").arg(o.cellMeters)};
    const qint64 end = incidents.back().time.msecs + 1;
    const qint64 firstTest = end - qint64(o.testWeeks) * weekMs;
    if (firstTest - incidents.front().time.msecs < 4 * weekMs)
        return Error{
            tr("The history spans less than %1 test weeks plus four weeks to learn from.").arg(o.testWeeks)};
    Backtest bt;
    bt.totalCells = grid.size();
    bt.flaggedCells = std::max(1, int(std::ceil(o.flaggedShare * grid.size())));
    const double areaShare = double(bt.flaggedCells) / grid.size();
    std::vector<int> counts(size_t(grid.size()), 0);
    size_t next = 0; // incidents before `next` are in `counts`
    double sumModel = 0, sumBase = 0;
    int scored = 0;
    for (int w = 0; w < o.testWeeks; ++w) {
        const qint64 from = firstTest + w * weekMs, to = from + weekMs;
        while (next < incidents.size() && incidents[next].time.msecs < from) {
            if (const int c = grid.cellOf(incidents[next].at); c >= 0)
                ++counts[size_t(c)];
            ++next;
        }
        const std::vector<double> model = spatialShare(grid, counts, o.bandwidthMeters);
        std::vector<double> base(size_t(grid.size()), 0.0);
        const qint64 baseFrom = from - qint64(o.baselineDays) * 24 * hourMs;
        for (size_t i = 0; i < next; ++i)
            if (incidents[i].time.msecs >= baseFrom)
                if (const int c = grid.cellOf(incidents[i].at); c >= 0)
                    base[size_t(c)] += 1;
        std::vector<char> flagModel(size_t(grid.size()), 0), flagBase(size_t(grid.size()), 0);
        const auto rm = ranking(model), rb = ranking(base);
        for (int k = 0; k < bt.flaggedCells; ++k) {
            flagModel[size_t(rm[size_t(k)])] = 1;
            flagBase[size_t(rb[size_t(k)])] = 1;
        }
        WeekScore s;
        s.weekStart = Timestamp{from};
        for (size_t i = next; i < incidents.size() && incidents[i].time.msecs < to; ++i) {
            const int c = grid.cellOf(incidents[i].at);
            ++s.incidents;
            s.modelHits += c >= 0 && flagModel[size_t(c)];
            s.baselineHits += c >= 0 && flagBase[size_t(c)];
        }
        if (s.incidents > 0) {
            s.modelPai = (double(s.modelHits) / s.incidents) / areaShare;
            s.baselinePai = (double(s.baselineHits) / s.incidents) / areaShare;
            sumModel += s.modelPai;
            sumBase += s.baselinePai;
            ++scored;
        } else {
            s.modelPai = s.baselinePai = std::numeric_limits<double>::quiet_NaN();
        }
        bt.weeks.push_back(s);
    }
    if (scored == 0)
        return Error{tr("No incident in any of the %1 test weeks: no PAI can be computed.").arg(o.testWeeks)};
    bt.meanModelPai = sumModel / scored;
    bt.meanBaselinePai = sumBase / scored;
    return bt;
}

Result<std::vector<IncidentPoint>> readIncidentCsv(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return Error{tr("%1: cannot be read (%2)").arg(path, f.errorString())};
    const QStringList header = splitCsv(QString::fromUtf8(f.readLine()).trimmed());
    const qsizetype idCol = header.indexOf(QStringLiteral("Incident Number"));
    const qsizetype timeCol = header.indexOf(QStringLiteral("Received DtTm"));
    const qsizetype locCol = header.indexOf(QStringLiteral("Location"));
    if (idCol < 0 || timeCol < 0 || locCol < 0)
        return Error{
            tr("%1, line 1: expected the columns \"Incident Number\", \"Received DtTm\" and \"Location\"")
                .arg(path)};
    std::vector<IncidentPoint> out;
    QSet<QString> seen;
    int lineNo = 1;
    while (!f.atEnd()) {
        ++lineNo;
        const QString line = QString::fromUtf8(f.readLine()).trimmed();
        if (line.isEmpty())
            continue;
        const QStringList fields = splitCsv(line);
        if (fields.size() <= std::max({idCol, timeCol, locCol}))
            return Error{tr("%1, line %2: %3 fields, fewer than the header's")
                             .arg(path)
                             .arg(lineNo)
                             .arg(fields.size())};
        const QString id = fields[idCol];
        if (seen.contains(id))
            continue; // one row per dispatched unit: the incident is counted once
        QDateTime t = QDateTime::fromString(fields[timeCol], QStringLiteral("MM/dd/yyyy hh:mm:ss AP"));
        t.setTimeSpec(Qt::UTC);
        QString loc = fields[locCol];
        loc.remove(QLatin1Char('(')).remove(QLatin1Char(')'));
        const QStringList latLon = loc.split(QLatin1Char(','));
        bool okLat = false, okLon = false;
        const double lat = latLon.value(0).trimmed().toDouble(&okLat);
        const double lon = latLon.value(1).trimmed().toDouble(&okLon);
        if (!t.isValid() || !okLat || !okLon || !isValidCoordinate({lon, lat}))
            return Error{tr("%1, line %2: unreadable time \"%3\" or location \"%4\"")
                             .arg(path)
                             .arg(lineNo)
                             .arg(fields[timeCol], fields[locCol])};
        seen.insert(id);
        out.push_back({Timestamp::fromDateTime(t), GeoPoint{lon, lat}});
    }
    return out;
}

} // namespace vigie::anticipation
