#pragma once
// The content of a "point de situation" at a time t, in the order a préfet reads it — SOIEC: Situation,
// Objectifs, Moyens, Exécution, Commandement. It is the picture at t (the fold of every entry whose event
// time is ≤ t) plus what only the log says (objectives, who wrote in the room). Data only: reports/ words it
// and says where a part has nothing.
#include "picture/picture_seeker.h"
#include "reporting/after_action.h"

#include <map>
#include <vector>

namespace vigie::reporting {

/// Someone who wrote in the room: a desk, an operator, an official.
struct Participant
{
    QString author;
    QString role;
    QString agency;
    qint64 entries = 0;   ///< entries written up to t
    qint64 decisions = 0; ///< decisions among them
    Timestamp last;       ///< their last entry up to t
};

/// What is engaged on one open incident.
struct Engagement
{
    QString incident;
    QString title;
    QString type;
    int severity = 1;
    std::vector<Unit> units; ///< en route or on scene, on scene first
};

struct Situation
{
    RoomInfo room;
    Timestamp at;
    Picture picture; ///< the picture at `at`
    std::optional<LogDamage>
        damage; ///< where the log stops verifying, if before `at`: the picture stops there
    // S — situation
    std::vector<Incident> openIncidents; ///< most severe first, then the oldest
    std::map<int, int> bySeverity;       ///< severity → open incidents
    std::map<QString, int> byType;       ///< type → open incidents
    Casualties casualties;               ///< over the open incidents
    qint64 closedIncidents = 0;          ///< closed up to t
    std::vector<Zone> zones;
    // O — objectifs
    QStringList objectives; ///< tagged decisions and notes, exercise objectives; oldest first
    // M — moyens
    std::map<QString, std::map<QString, int>> unitsByAgency; ///< agency → status → count
    std::vector<Hospital> hospitals;
    // E — exécution
    std::vector<Engagement> engagements;
    std::vector<Decision> recentDecisions; ///< the latest (at most 10), newest first
    // C — commandement
    std::vector<Participant> participants; ///< who wrote up to t, most active first
    std::vector<Participant> desks;        ///< those with the role "desk"
    QStringList decisionAuthors;           ///< who took the decisions up to t, most decisions first
};

/// The situation at `at`: the picture at that time, and one read of the log up to it.
[[nodiscard]] Result<Situation> buildSituation(const LogStore &store, Timestamp at,
                                               const LogStore::Progress &progress = {});

} // namespace vigie::reporting
