#pragma once
// A synthetic city-sized road network, for the simulation and the benchmarks where no real extract of that
// size is at hand (the real extracts, Monaco and Liechtenstein, stay the correctness references: they are
// 5,000 and 17,000 nodes, and a suggestion's cost grows with the network it searches).
//
// What it draws, from a seed, around a centre (by default Marseille's Vieux-Port) in a square of
// 2 × halfSizeM:
//   - a street grid of varying density: every street of the base grid (blockM apart) downtown, every second
//     one beyond denseRadiusM, every third beyond outerRadiusM, so that blocks grow from ~70 m to ~210 m
//     as in a real city; intersections moved by a smooth warp and a small seeded jitter, so that streets
//     bend and no two districts are the same;
//   - street classes as a city has them: residential streets, arterials every arterialEvery streets
//     (secondary), main arterials every primaryEvery streets (primary), two trunk roads through the centre;
//   - one-way streets downtown (within oneWayRadiusM, residential streets alternate their direction, as in
//     a centre of narrow streets); arterials stay two-way;
//   - a motorway ring of radius ringRadiusM (nodes every ~200 m, both carriageways), joined to the grid at
//     its crossings with primary arterials;
//   - a coastline: the sea lies west of a wavy line through coastOffsetM (west of the centre); no road is
//     in it, and the ring stops at the shore;
//   - shape points: each street segment between two intersections is drawn with shapePoints intermediate
//     nodes, as OpenStreetMap ways are (the routing graph contracts these degree-2 chains);
//   - only the largest strongly connected part is kept (Boost.Graph strong_components), so that every
//     node can reach every other one, as dispatch assumes of a city's streets.
// The same options and seed give the same network, node for node.
#include "routing/road_network.h"

namespace vigie::routing {

struct SyntheticCityOptions
{
    unsigned seed = 1;
    GeoPoint centre{5.3698, 43.2965}; ///< Marseille, Vieux-Port
    double halfSizeM = 13'000.0;
    double blockM = 70.0;
    double denseRadiusM = 3'500.0;
    double outerRadiusM = 8'000.0;
    int arterialEvery = 8;
    int primaryEvery = 24;
    double oneWayRadiusM = 2'500.0;
    double ringRadiusM = 7'000.0;
    double coastOffsetM = 3'000.0;
    int shapePoints = 2;
};

struct SyntheticCityStats
{
    qint64 intersections = 0; ///< grid intersections kept
    qint64 oneWay = 0;        ///< one-way street segments
    qint64 motorwayEdges = 0; ///< directed edges of the ring and its junctions
    qint64 dropped = 0;       ///< nodes outside the largest strongly connected part, removed
};

/// Draws the network (see the file comment); `stats` gets what it drew, if given.
[[nodiscard]] RoadNetwork syntheticCity(const SyntheticCityOptions &options = {},
                                        SyntheticCityStats *stats = nullptr);

/// Whether a point lies in the sea of the synthetic city drawn with `options`.
[[nodiscard]] bool inSyntheticSea(const SyntheticCityOptions &options, GeoPoint p);

} // namespace vigie::routing
