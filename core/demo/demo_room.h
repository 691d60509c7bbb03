#pragma once
// The embedded Marseille demo: the city's stations and fleet (data/marseille) and a 14 July evening exercise
// scenario (data/scenarios/marseille_demo.jsonl), compiled into the program so the demo needs no files.
#include "room/room.h"

namespace vigie {

struct DemoSummary
{
    qint64 entries = 0;
    qint64 units = 0;
    qint64 places = 0;
};

/// Appends the demo fleet and scenario to an (empty) room.
[[nodiscard]] Result<DemoSummary> writeDemoRoom(Room &room);

/// The embedded Marseille fleet (data/marseille/fleet.json) reporting in at its stations at `at`: one
/// unit.status `available` per unit, with its callsign, type, station and capabilities. The demo and the
/// exercises' initial situation (exercise/exercise_player.h) start from it.
[[nodiscard]] Result<std::vector<Entry>>
fleetRollCall(Timestamp at, const QString &author = QStringLiteral("Vigie – appel de la flotte"));

/// A place from the city pack: fire station, hospital, police station, town hall or venue.
struct Place
{
    QString id;
    QString name;
    QString agency;
    QString kind;
    GeoPoint position;
    QJsonObject properties;
};

/// All places of the embedded city pack, or those of one file ("fire_stations", "hospitals",
/// "police_stations", "town_halls", "venues").
[[nodiscard]] Result<std::vector<Place>> cityPlaces(const QString &file = {});

} // namespace vigie
