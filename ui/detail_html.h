#pragma once
// What the Détail dock says about one object of the picture, as HTML, in the console's words (French, or
// English through vigie_en.ts) and at the room's time (Europe/Paris), never in the log's codes: an incident
// with all that is known of it, a unit, a hospital with its free beds by type, a cluster's members.
#include "maps/map_layers.h"

#include "picture/picture.h"
#include "store/log_store.h"

#include <QString>
#include <QUrl>

#include <optional>
#include <vector>

namespace vigie {
class PictureManager;
}

namespace vigie::ui {

/// How many of an incident's entries the Détail dock reads from the log (newest first); the others are
/// counted, never hidden.
inline constexpr int detailEntryLimit = 30;
/// How many of them it reads to name the incident's sources.
inline constexpr int detailSourceLimit = 200;

/// The time a picture is read at: the wall clock in a live room, the latest event in an exercise or a
/// replay (whose events are not today's).
[[nodiscard]] Timestamp situationNow(const Picture &picture, Timestamp wallClock, bool exercise);
/// The same for what `manager` shows; while it replays, the time replayed ("depuis" is said at that time).
[[nodiscard]] Timestamp situationNow(const PictureManager &manager);

/// "12 min", "1 h 05", "3 j": how long ago `since` was at `now`.
[[nodiscard]] QString ageText(Timestamp since, Timestamp now);

/// The municipal sector a point lies in ("1er et 7e arr."), "en mer" or "hors Marseille".
[[nodiscard]] QString placeLabel(GeoPoint point);
/// A sector's arrondissements from its name in the sectors file ("Secteur 1 (1e et 7e arr.)"), in the
/// console's language: « 1er et 7e arr. », "1st and 7th arr.".
[[nodiscard]] QString arrondissementsText(const QString &sectorName);

/// A link the Détail dock follows to show another object (vigie:incident/ID, vigie:unit/ID,
/// vigie:hospital/ID), and back.
[[nodiscard]] QString objectLink(maps::Layer layer, const QString &id);
struct ObjectRef
{
    maps::Layer layer = maps::Layer::Incidents;
    QString id;
};
[[nodiscard]] std::optional<ObjectRef> objectFromLink(const QUrl &url);

[[nodiscard]] QString incidentDetailHtml(const Picture &picture, const LogStore &store, const QString &id,
                                         Timestamp now);
[[nodiscard]] QString unitDetailHtml(const Picture &picture, const LogStore &store, const QString &id,
                                     Timestamp now);
[[nodiscard]] QString hospitalDetailHtml(const Picture &picture, const QString &id, Timestamp now);
/// A cluster's members, each a link to its own detail; `deepest`: the map cannot zoom further in.
/// What the map's tooltip says of an object: a line or two, in the same words as the dock.
[[nodiscard]] QString tooltipHtml(const Picture &picture, const maps::MapObject &object, Timestamp now);
[[nodiscard]] QString membersHtml(const Picture &picture, const std::vector<maps::MapObject> &members,
                                  bool deepest);

} // namespace vigie::ui
