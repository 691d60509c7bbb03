#pragma once
// Importing a calendar of planned events into event.plan drafts: CSV (columns below) and iCalendar (.ics,
// read with libical).
//
// CSV: a header row, separator ';' or ',' (whichever the header has more of), RFC 4180 quoting. Columns, by
// header name (English or French, case and accents ignored):
//   id (identifiant)            stable id; "evt:" is added if missing; default: derived from title and start
//   title (titre, intitulé, nom)   required
//   type                         match, concert, market, demonstration, roadworks, closure, festival,
//   ceremony,
//                                other, or the French word (match, concert, marché, manifestation, travaux,
//                                fermeture, festival, cérémonie, autre); --type overrides
//   start, end (début, fin)      ISO 8601 with an offset, or "YYYY-MM-DD HH:MM" / "DD/MM/YYYY HH:MM" read in
//                                Europe/Paris time
//   attendance (affluence, participants, public)   whole number 0 to 2,000,000, optional
//   organiser (organisateur), venue (lieu)          optional
//   lon, lat (longitude, latitude)                  a point
//   geometry (géométrie, wkt, geojson)              WKT (POINT, LINESTRING, POLYGON) or a GeoJSON geometry
// A row without coordinates whose venue is a known Marseille venue (data/marseille/venues.geojson) takes its
// point. A bad row is reported with its line and field and the other rows still import.
//
// iCalendar: each VEVENT becomes evt:ics:<UID>; SUMMARY the title, DTSTART/DTEND with their TZID (a floating
// time is read in Europe/Paris; DURATION when there is no DTEND), LOCATION the venue, GEO the point,
// CATEGORIES the type, X-VIGIE-ATTENDANCE / X-ATTENDANCE or "affluence : N" in DESCRIPTION the attendance.
// An RRULE is expanded within [from, to] (EXDATEs left out), each occurrence an event of its own:
// evt:ics:<UID>:<local start as YYYYMMDDTHHMM>. A VEVENT libical finds errors in (a broken RRULE…) is
// reported with its UID and the property.
#include "picture/planned_events.h"
#include "privacy/anonymiser.h"

namespace vigie::anticipation {

struct ImportOptions
{
    QString forcedType; ///< every event of this type (empty: from the file)
    Timestamp from;     ///< window of recurrences
    Timestamp to;
};

/// One refused row or VEVENT: where (file and line, or UID), which field, why, and its text.
struct ImportProblem
{
    QString position; ///< "FILE:12" or "FILE UID=…"
    QString field;
    QString reason;
    QByteArray input;
    [[nodiscard]] QString message() const;
};

struct ImportedEvents
{
    std::vector<PlannedEvent> events;
    std::vector<ImportProblem> problems;
};

[[nodiscard]] ImportedEvents importCsv(const QByteArray &bytes, const QString &fileName,
                                       const ImportOptions &options);
[[nodiscard]] ImportedEvents importIcs(const QByteArray &bytes, const QString &fileName,
                                       const ImportOptions &options);
/// By the file's extension (.ics or .ical: iCalendar, otherwise CSV); an error only if it cannot be read.
[[nodiscard]] Result<ImportedEvents> importEventsFile(const QString &path, const ImportOptions &options);

/// What importing changes against the calendar in force.
struct ImportPlan
{
    std::vector<Entry> drafts; ///< event.plan drafts of new and changed events
    int added = 0, replaced = 0, unchanged = 0;
};
/// Drafts for the events that are new or differ from the calendar's (same id, same content: skipped).
/// `anonymiser`: the room's, so that events are compared as the room stores them (a UID such as
/// "x@example.org" is kept as a keyed token; without it such an event would look new at every import).
[[nodiscard]] ImportPlan planImport(const std::vector<PlannedEvent> &events,
                                    const std::map<QString, PlannedEvent> &calendar, const QString &author,
                                    Timestamp now, const Anonymiser *anonymiser = nullptr);
/// The event.plan draft of one event.
[[nodiscard]] Entry planDraft(const PlannedEvent &event, const QString &author, Timestamp now);
/// The event.cancel draft.
[[nodiscard]] Entry cancelDraft(const QString &eventId, const QString &reason, const QString &author,
                                Timestamp now);

/// A French or English type word to a planned event type ("" if unknown).
[[nodiscard]] QString eventTypeFromWord(const QString &word);
/// The type in words, in the application's language (English in vigie-cli, French in the console).
[[nodiscard]] QString eventTypeLabel(const QString &type);

} // namespace vigie::anticipation
