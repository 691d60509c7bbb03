#pragma once
// Making a report, in three stages so that a console can keep its window live:
//   1. gatherReport — reads the log, folds the pictures of the map snapshots (any thread: a worker);
//   2. drawFigures  — the QtCharts charts and the map snapshots, drawn by the map's own renderer (the GUI
//                     thread: both are widgets underneath, and need a QApplication);
//   3. writeReport  — lays out the text and writes the PDF (any thread).
// vigie-cli runs the three in a row (makeReport); the console runs 1 and 3 on the thread pool
// (ui/report_dialog).
#include "reporting/after_action.h"
#include "reporting/situation.h"
#include "reports/after_action_report.h"
#include "reports/situation_report.h"

#include <QImage>

#include <functional>
#include <optional>

namespace vigie::reports {

enum class ReportKind
{
    AfterAction, ///< retour d'expérience (RETEX) over a period
    Situation    ///< point de situation at a time (SOIEC)
};

struct ReportRequest
{
    ReportKind kind = ReportKind::AfterAction;
    reporting::Period period;          ///< AfterAction: the period (the whole room by default)
    std::optional<Timestamp> at;       ///< Situation: the time (default: the last entry's)
    std::vector<Timestamp> mapMoments; ///< AfterAction: the maps' times (default: start, busiest, end)
    QString basemap;                   ///< an MBTiles basemap for the maps; empty: the built-in background
    QDateTime madeAt;                  ///< default: now
};

/// What stage 1 gathers.
struct ReportData
{
    ReportKind kind = ReportKind::AfterAction;
    std::optional<reporting::AfterAction> afterAction;
    std::optional<reporting::Situation> situation;
    std::vector<MapMoment> maps;
};

/// The stages, for progress: each reports a fraction of itself done (0 to 1).
enum class ReportStage
{
    Reading,
    Figures,
    Writing
};
using StageProgress = std::function<void(ReportStage stage, double done)>;
/// The stage's name for a progress dialog ("Lecture de la main courante…").
[[nodiscard]] QString stageLabel(ReportStage stage);

/// Stage 1: the report's data and the pictures its maps show. Reads `store`; any thread.
[[nodiscard]] Result<ReportData> gatherReport(const LogStore &store, const ReportRequest &request,
                                              const StageProgress &progress = {});
/// Stage 2 one figure at a time (the response chart, the activity chart, then each map), so that a
/// console can return to its event loop between them (about 0.1 s each): how many there are, and one of them
/// drawn into `figures`. GUI thread, under a QApplication.
[[nodiscard]] int figureCount(const ReportData &data);
void drawFigure(const ReportData &data, const ReportRequest &request, const ReportWording &wording, int index,
                ReportFigures &figures);
/// Stage 2 in a row: charts and maps as images. GUI thread, under a QApplication.
[[nodiscard]] ReportFigures drawFigures(const ReportData &data, const ReportRequest &request,
                                        const ReportWording &wording, const StageProgress &progress = {});
/// Stage 3: the text laid out and written to `file`; returns the number of pages. Any thread.
[[nodiscard]] Result<int> writeReport(const QString &file, const ReportData &data,
                                      const ReportFigures &figures, const ReportRequest &request,
                                      const ReportWording &wording, const StageProgress &progress = {});
/// The text of the report (what writeReport lays out), and its frame.
[[nodiscard]] ReportText reportText(const ReportData &data, const ReportFigures &figures,
                                    const ReportRequest &request, const ReportWording &wording);
[[nodiscard]] PageFrame reportFrame(const ReportData &data, const ReportRequest &request);
/// The three stages in a row, on the calling thread (GUI thread: it draws); returns the number of pages.
[[nodiscard]] Result<int> makeReport(const LogStore &store, const QString &file, const ReportRequest &request,
                                     const ReportWording &wording, const StageProgress &progress = {});

} // namespace vigie::reports
