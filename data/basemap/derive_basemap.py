#!/usr/bin/env python3
"""Derives data/basemap/marseille-sectors.geojson (the coarse built-in background) from the 8 municipal
sectors of Marseille (secteurs-marseille-8.geojson, Licence Ouverte 2.0). Run once:
    python3 data/basemap/derive_basemap.py ../shared/data/geo/marseille/secteurs-marseille-8.geojson \
        data/basemap/marseille-sectors.geojson
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


def main(source, target):
    data = json.load(open(source))
    out = []
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
    main(sys.argv[1], sys.argv[2])
