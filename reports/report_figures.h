#pragma once
// The pictures of a report: QtCharts charts and map snapshots drawn by the map's own renderer
// (maps::MapView::render, the code that draws the screen and --screenshot). Both are widgets underneath:
// call these on the GUI thread of a QApplication.
#include "picture/picture.h"
#include "reporting/after_action.h"
#include "reports/report_wording.h"

#include <QImage>
#include <QSize>

namespace vigie::reports {

/// Arrival times on scene (report → first unit of the service on scene) as bars by band of minutes, one
/// colour per service; a null image when no arrival is in the log.
[[nodiscard]] QImage responseTimeChart(const reporting::AfterAction &report, const ReportWording &wording,
                                       QSize size);
/// Incidents opened and closed per slice of the period (bars) and open at each slice's end (line); null when
/// the period has no incident.
[[nodiscard]] QImage incidentsChart(const reporting::AfterAction &report, const ReportWording &wording,
                                    QSize size);
/// The map of `picture` at `at`, framed on its incidents and zones (Marseille when it has none); `basemap`
/// an MBTiles file or empty for the built-in background. `scale` enlarges symbols and type for paper.
[[nodiscard]] QImage mapSnapshot(const Picture &picture, Timestamp at, const QString &basemap, QSize size,
                                 double scale = 1.6);
/// The band of minutes a response chart puts an arrival in, and their labels ("0–5 min", "5–10 min"…).
[[nodiscard]] int responseBand(qint64 ms);
[[nodiscard]] QStringList responseBandLabels();

} // namespace vigie::reports
