#pragma once
// What every command that proposes or simulates dispatches loads first: the road graph of an import and the
// coverage sectors of the city pack. One place, so that the CLI and the console read them the same way.
#include "allocation/coverage.h"
#include "routing/road_graph.h"
#include "util/result.h"

#include <memory>
#include <vector>

namespace vigie::allocation {

/// The road network written by `vigie-cli import-roads` / `import-osm` in `dir`, as a routing graph.
[[nodiscard]] Result<std::unique_ptr<routing::RoadGraph>> loadRoadGraph(const QString &dir);

/// One coverage sector per fire station of the embedded city pack (weight 1); empty when it has none.
[[nodiscard]] std::vector<Sector> fireStationSectors();

} // namespace vigie::allocation
