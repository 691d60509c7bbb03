#pragma once
// The "point de situation" of a room at a time, in the order a préfet reads it — SOIEC: Situation,
// Objectifs, Moyens, Exécution, Commandement — with the map at that time, as HTML for report_document. A part
// without data says so.
#include "reporting/situation.h"
#include "reports/report_document.h"
#include "reports/report_parts.h"
#include "reports/report_wording.h"

namespace vigie::reports {

/// The report's text; `map` is the map at the situation's time (a null image is said to be missing).
[[nodiscard]] ReportText situationText(const reporting::Situation &situation, const QImage &map,
                                       const ReportWording &wording);
/// "Point de situation"
[[nodiscard]] QString situationTitle();
/// A role in the room in words ("operator" → "opérateur"); an unknown role as it is written.
[[nodiscard]] QString roleLabel(const QString &role);

} // namespace vigie::reports
