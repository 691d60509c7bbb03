#pragma once
// The after-action report (retour d'expérience, RETEX) of a period of a room, as HTML for report_document:
// a cover with the key figures, the decisions and who took them, each incident's timings, response times by
// service (table and chart), activity over time, maps at chosen moments, in an exercise room what each
// inject expected against what was done, and the chronology. A part without data says so.
#include "reporting/after_action.h"
#include "reports/report_document.h"
#include "reports/report_parts.h"
#include "reports/report_wording.h"

namespace vigie::reports {

/// The report's text; `maps` are the snapshots' moments, `figures` their images and the charts (a null
/// image is said to be missing, with why).
[[nodiscard]] ReportText afterActionText(const reporting::AfterAction &report,
                                         const std::vector<MapMoment> &maps, const ReportFigures &figures,
                                         const ReportWording &wording);
/// "Retour d'expérience (RETEX)"
[[nodiscard]] QString afterActionTitle();
/// An exercise check's status in words: "fait", "en retard", "manqué", "non évalué".
[[nodiscard]] QString checkStatusLabel(const QString &status);

} // namespace vigie::reports
