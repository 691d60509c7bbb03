#pragma once
// The console's words for the room's reports (reports/report_wording.h): the labels of the docks and the
// main courante's one-line summaries, so that paper and screen say the same thing.
#include "reports/report_wording.h"

namespace vigie::ui {

[[nodiscard]] reports::ReportWording consoleReportWording();

} // namespace vigie::ui
