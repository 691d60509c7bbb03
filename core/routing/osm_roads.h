#pragma once
// Road network import from an OpenStreetMap PBF extract (libosmium). The map import calls this for its road
// part; `vigie-cli import-roads` runs it alone.
#include "routing/road_network.h"

#include <functional>
#include <optional>

namespace vigie::routing {

struct RoadImportStats
{
    qint64 ways = 0;         ///< highway ways kept
    qint64 nodes = 0;        ///< graph nodes written
    qint64 edges = 0;        ///< directed edges written
    qint64 oneWay = 0;       ///< ways driven one way only
    qint64 missingNodes = 0; ///< way nodes absent from the extract (cut at its border), skipped
    double kilometres = 0.0; ///< total length of the directed edges
};

/// Called with the share of the file read so far (0..1).
using ImportProgress = std::function<void(double)>;

/// Reads the drivable roads of `pbf` (optionally only those inside `bbox`), builds the directed network and
/// writes it to `outDir` (see road_network.h for the format).
[[nodiscard]] Result<RoadImportStats> importRoadNetwork(const QString &pbf, std::optional<GeoBox> bbox,
                                                        const QString &outDir,
                                                        const ImportProgress &progress = {});
/// The same, returning the network without writing it.
[[nodiscard]] Result<RoadNetwork> readRoadNetwork(const QString &pbf, std::optional<GeoBox> bbox,
                                                  RoadImportStats *stats = nullptr,
                                                  const ImportProgress &progress = {});

} // namespace vigie::routing
