#include "ui/report_wording.h"

#include "ui/labels.h"
#include "ui/models/log_model.h"

namespace vigie::ui {

reports::ReportWording consoleReportWording()
{
    reports::ReportWording w;
    w.kind = kindLabel;
    w.summary = &LogModel::summary;
    w.sender = &LogModel::sender;
    w.agency = agencyLabel;
    w.unitStatus = unitStatusLabel;
    w.incidentType = incidentTypeLabel;
    w.incidentRef = incidentRef;
    w.unitRef = unitRef;
    w.bedType = bedTypeLabel;
    w.roomTime = roomTime;
    return w;
}

} // namespace vigie::ui
