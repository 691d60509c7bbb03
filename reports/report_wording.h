#pragma once
// The words a report uses for the log's identifiers: the console's own (ui/labels, the log's one-line
// summaries), handed in by whoever builds the report (the console, vigie-cli), because vigie_ui builds on
// this library and not the other way round. Left empty, a field falls back to the identifier itself, so a
// report is never blank for want of a word.
#include "log/entry.h"

#include <QDateTime>
#include <QString>

#include <functional>

namespace vigie::reports {

struct ReportWording
{
    std::function<QString(const QString &)> kind;   ///< "incident.open" → "Ouverture d'intervention"
    std::function<QString(const Entry &)> summary;  ///< an entry in one line, as the main courante shows it
    std::function<QString(const Entry &)> sender;   ///< who wrote it, for a reader (a feed, a desk)
    std::function<QString(const QString &)> agency; ///< "fire" → "Marins-pompiers"
    std::function<QString(const QString &)> unitStatus;   ///< "on_scene" → "sur les lieux"
    std::function<QString(const QString &)> incidentType; ///< "building_fire" → "Feu de bâtiment"
    std::function<QString(const QString &)> incidentRef;  ///< a feed's incident id, readable
    std::function<QString(const QString &)> unitRef;      ///< a feed's unit id, readable
    std::function<QString(const QString &)> bedType;      ///< "icu" → "réanimation"
    std::function<QDateTime(qint64)> roomTime;            ///< a time in the room's zone (Europe/Paris)

    /// Each field, or the identity (the room's zone for times) when it was not given.
    [[nodiscard]] ReportWording completed() const;
};

} // namespace vigie::reports
