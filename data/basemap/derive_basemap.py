#!/usr/bin/env python3
"""Derives data/basemap/marseille-sectors.geojson (the coarse built-in background) from the 8 municipal
sectors of Marseille (secteurs-marseille-8.geojson) and the outline of the Bouches-du-Rhone
(departement-13-bouches-du-rhone.geojson, IGN Admin Express), both Licence Ouverte 2.0. Run once:
    python3 data/basemap/derive_basemap.py ../shared/data/geo/marseille/secteurs-marseille-8.geojson \
        ../shared/data/geo/bouches-du-rhone/departement-13-bouches-du-rhone.geojson \
        data/basemap/marseille-sectors.geojson
Besides the sectors it writes the departement as "land" (the land around the city) and a "sea" polygon:
the departement's coast, from the Var border (La Ciotat) to the Gard border (Petit Rhone mouth), closed
through the open sea by a fixed box. Beyond the departement's border the background shows neither land
nor sea (it is not known there).
Douglas-Peucker by hand because the machine has no shapely; rings under 3 points after simplification
(small islets) are dropped."""
import json
import sys

TOLERANCE = 0.0004  # degrees, about 35 m: invisible below zoom 14


def perp(p, a, b):
    (x, y), (x1, y1), (x2, y2) = p, a, b
    dx, dy = x2 - x1, y2 - y1
    if dx == 0 and dy == 0:
        return ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
    t = max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)))
    return ((x - x1 - t * dx) ** 2 + (y - y1 - t * dy) ** 2) ** 0.5


def simplify(points, tol):
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        i, j = stack.pop()
        best, index = 0.0, None
        for k in range(i + 1, j):
            d = perp(points[k], points[i], points[j])
            if d > best:
                best, index = d, k
        if index is not None and best > tol:
            keep[index] = True
            stack += [(i, index), (index, j)]
    return [p for p, k in zip(points, keep) if k]


# Where the departement's outline meets the sea, east (Var border) and west (Gard border), and the box that
# closes the coast through the open sea, south of both ends.
COAST_EAST, COAST_WEST = (5.676, 43.177), (4.23, 43.46)
SEA_CLOSE = [(4.0, 43.46), (4.0, 42.6), (5.70, 42.6), (5.70, 43.12)]


def rounded(ring):
    return [[round(x, 5), round(y, 5)] for x, y in ring]


def surroundings(departement):
    data = json.load(open(departement))
    g = data["geometry"] if "geometry" in data else data["features"][0]["geometry"]
    polys = g["coordinates"] if g["type"] == "MultiPolygon" else [g["coordinates"]]
    land = [[rounded(simplify(p[0], TOLERANCE * 2))] for p in polys]
    land = [r for r in land if len(r[0]) >= 4]
    main_ring = max(polys, key=lambda p: len(p[0]))[0]

    def nearest(pt):
        return min(range(len(main_ring)),
                   key=lambda i: (main_ring[i][0] - pt[0]) ** 2 + (main_ring[i][1] - pt[1]) ** 2)

    east, west = nearest(COAST_EAST), nearest(COAST_WEST)
    south = min(range(len(main_ring)), key=lambda i: main_ring[i][1])
    lo, hi = min(east, west), max(east, west)
    coast = main_ring[lo:hi + 1] if lo <= south <= hi else main_ring[hi:] + main_ring[:lo + 1]
    if coast[0] != main_ring[east]:
        coast = coast[::-1]  # from the east end to the west end, then the closing box
    sea = simplify(coast, TOLERANCE * 2) + SEA_CLOSE
    sea.append(sea[0])
    return [{"type": "Feature", "properties": {"kind": "sea"},
             "geometry": {"type": "Polygon", "coordinates": [rounded(sea)]}},
            {"type": "Feature", "properties": {"kind": "land", "nom": "Bouches-du-Rhône"},
             "geometry": {"type": "MultiPolygon", "coordinates": land}}]


def main(source, departement, target):
    data = json.load(open(source))
    out = surroundings(departement)
    for f in data["features"]:
        g = f["geometry"]
        polys = g["coordinates"] if g["type"] == "MultiPolygon" else [g["coordinates"]]
        rings = []
        for poly in polys:
            ring = simplify(poly[0], TOLERANCE)  # outer rings only: the background needs no holes
            if len(ring) >= 4:
                rings.append([[[round(x, 5), round(y, 5)] for x, y in ring]])
        out.append({"type": "Feature",
                    "properties": {"secteur": f["properties"]["secteur"], "nom": f["properties"]["nom"]},
                    "geometry": {"type": "MultiPolygon", "coordinates": rings}})
    json.dump({"type": "FeatureCollection", "name": "marseille-sectors", "features": out},
              open(target, "w"), separators=(",", ":"))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3])
