#pragma once
// The kinds of entry the picture understands. The set is open: other kinds are stored and shown in the log
// but do not change the picture. Each kind is documented with an example in docs/entries.md.
#include "util/result.h"

#include <QLatin1String>

#include <array>

namespace vigie {

struct Entry;

namespace kinds {
inline constexpr QLatin1String note("note");
inline constexpr QLatin1String unitStatus("unit.status");
inline constexpr QLatin1String unitPosition("unit.position");
inline constexpr QLatin1String incidentOpen("incident.open");
inline constexpr QLatin1String incidentUpdate("incident.update");
inline constexpr QLatin1String incidentClose("incident.close");
inline constexpr QLatin1String zoneDraw("zone.draw");
inline constexpr QLatin1String decision("decision");
inline constexpr QLatin1String hospitalStatus("hospital.status");
inline constexpr QLatin1String fusionJoin("fusion.join");
inline constexpr QLatin1String fusionSplit("fusion.split");
inline constexpr QLatin1String fusionUndo("fusion.undo");
inline constexpr QLatin1String logTruncated("log.truncated");
inline constexpr QLatin1String suggestionAccept("suggestion.accept");
inline constexpr QLatin1String suggestionReject("suggestion.reject");
inline constexpr QLatin1String conflict("conflict");
inline constexpr QLatin1String eventPlan("event.plan");     ///< a planned event announced or replaced
inline constexpr QLatin1String eventCancel("event.cancel"); ///< a planned event called off
// Exercises (exercise/exercise_player.h): accepted only in exercise rooms (Room::prepare refuses them
// elsewhere, since a draft does not know its room's mode).
inline constexpr QLatin1String exerciseClock("exercise.clock");   ///< the trainer's clock moves
inline constexpr QLatin1String exerciseInject("exercise.inject"); ///< an inject played to the trainees
inline constexpr QLatin1String exerciseCheck("exercise.check");   ///< an expected action done, late or missed
} // namespace kinds

/// Types of planned event, as written in event.plan entries.
inline constexpr std::array<QLatin1String, 9> plannedEventTypes{
    QLatin1String("match"),         QLatin1String("concert"),   QLatin1String("market"),
    QLatin1String("demonstration"), QLatin1String("roadworks"), QLatin1String("closure"),
    QLatin1String("festival"),      QLatin1String("ceremony"),  QLatin1String("other")};
/// Above this an attendance is a typing error (the largest gatherings in France draw about a million).
inline constexpr qint64 maxPlannedAttendance = 2'000'000;

/// Unit statuses, as written in unit.status entries.
inline constexpr std::array<QLatin1String, 5> unitStatuses{
    QLatin1String("available"), QLatin1String("en_route"), QLatin1String("on_scene"),
    QLatin1String("returning"), QLatin1String("unavailable")};

/// Kind-specific checks of a draft (required data fields and geometry).
[[nodiscard]] Result<void> validateKind(const Entry &entry);

} // namespace vigie
