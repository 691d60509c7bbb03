#pragma once
// What the Suggestions dock says about its travel times, and only what is true: by road where the imported
// network reaches the units, as the crow flies (× 1.4) where it does not. A network of another city (Monaco
// imported for the Marseille room) used to be announced as "ETA par la route" while every unit fell back to
// the straight line.
#include <QString>

namespace vigie {
struct Picture;
namespace routing {
class RoadGraph;
}
} // namespace vigie

namespace vigie::ui {

struct EtaMethod
{
    QString text;
    bool approximate = false; ///< some or all ETAs are straight-line estimates: shown in orange
    int units = 0;            ///< units with a position
    int onNetwork = 0;        ///< of those, within `maxSnapMeters` of a road of the network
};

/// Checks each placed unit of `picture` against `graph` (null: no network) as the travel times do
/// (routing::TravelTimeOptions::maxSnapMeters).
[[nodiscard]] EtaMethod etaMethod(const routing::RoadGraph *graph, const Picture &picture,
                                  double maxSnapMeters = 300);

} // namespace vigie::ui
