#include "allocation/dispatch_inputs.h"

#include "demo/demo_room.h"
#include "routing/road_network.h"

namespace vigie::allocation {

Result<std::unique_ptr<routing::RoadGraph>> loadRoadGraph(const QString &dir)
{
    auto network = routing::loadRoadNetwork(dir);
    if (!network)
        return network.error();
    return routing::RoadGraph::build(std::move(*network));
}

std::vector<Sector> fireStationSectors()
{
    std::vector<Sector> sectors;
    if (auto stations = cityPlaces(QStringLiteral("fire_stations")))
        for (const Place &p : *stations)
            sectors.push_back({p.id, p.name, p.position, 1.0});
    return sectors;
}

} // namespace vigie::allocation
