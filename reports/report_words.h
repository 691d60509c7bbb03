#pragma once
// Words both reports use (and the trainer's panel): times in the room's zone, entry kinds and summaries,
// severities, casualties, an inject's channel and recipient. Built on a completed ReportWording.
#include "picture/picture.h"
#include "reports/report_wording.h"

namespace vigie::reports {

/// "22:12", or "14/07 22:12" with the date.
[[nodiscard]] QString timeText(const ReportWording &w, Timestamp t, bool withDate);
/// "mardi 14 juillet 2026 à 22:12"
[[nodiscard]] QString longTimeText(const ReportWording &w, Timestamp t);
/// An entry's kind in words; exercise kinds worded here; an unknown kind "autre (weather.bulletin)".
[[nodiscard]] QString kindText(const ReportWording &w, const QString &kind);
/// An entry in one line, as the main courante shows it; exercise entries worded here.
[[nodiscard]] QString entrySummary(const ReportWording &w, const Entry &entry);
/// "gravité 4/5"
[[nodiscard]] QString severityText(int severity);
/// "2 UA, 4 UR, 12 impliqués, 1 décédé"; "aucune victime" for none.
[[nodiscard]] QString casualtiesText(const Casualties &c);
/// An incident for a reader: its title and its readable id ("Feu de véhicule — INC-0002").
[[nodiscard]] QString incidentText(const ReportWording &w, const QString &id, const QString &title);
/// An exercise inject's recipient: a service, everyone ("all"), or a desk by its name.
[[nodiscard]] QString recipientText(const ReportWording &w, const QString &recipient);
/// An inject's channel as the trainees received it: phone, radio, mail or a feed's format.
[[nodiscard]] QString channelText(const QString &channel);
/// A service's name, "service non précisé" when there is none.
[[nodiscard]] QString agencyText(const ReportWording &w, const QString &agency);

} // namespace vigie::reports
