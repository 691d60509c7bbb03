#!/bin/sh
# Regenerates the map screenshots from a build tree: the demo room (with sound-sensor and camera reports
# fed through the GeoJSON adapter), each layer alone, a street-level view, and a dense room (the demo plus
# 20,000 synthetic units, fixed seed) to show clustering with exact counts.
# usage: docs/screenshots/make_screenshots.sh [BUILD_DIR]
set -eu
build=${1:-build}
here=$(dirname "$0")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cli="$build/app/vigie-cli"
gui="$build/app/vigie"
shot() { # FILE ROOM [options...]
    out=$1; shift
    "$gui" --room "$@" --screenshot "$work/shot.png" --size 1920x1080 >/dev/null
    # Palette PNG keeps each file small; the map uses few colours.
    convert "$work/shot.png" -colors 256 PNG8:"$here/$out"
}

# Supervision reports as they arrive from the sensors' and cameras' GeoJSON feeds.
cat >"$work/devices.geojson" <<'JSON'
{"type":"FeatureCollection","features":[
 {"type":"Feature","id":"a1","geometry":{"type":"Point","coordinates":[5.3700,43.2950]},
  "properties":{"time":"2026-07-14T23:10:00+02:00","type":"gunshot","title":"Détonation","sensor":"acoustic-12"}},
 {"type":"Feature","id":"a2","geometry":{"type":"Point","coordinates":[5.4380,43.3060]},
  "properties":{"time":"2026-07-14T23:12:00+02:00","type":"glass_break","title":"Bris de vitre","sensor":"acoustic-31"}},
 {"type":"Feature","id":"a3","geometry":{"type":"Point","coordinates":[5.3950,43.2700]},
  "properties":{"time":"2026-07-14T23:14:00+02:00","type":"explosion","title":"Explosion","sensor":"acoustic-3"}},
 {"type":"Feature","id":"a4","geometry":{"type":"Point","coordinates":[5.4020,43.3400]},
  "properties":{"time":"2026-07-14T23:18:00+02:00","type":"gunshot","title":"Détonation","sensor":"acoustic-40"}},
 {"type":"Feature","id":"c1","geometry":{"type":"Point","coordinates":[5.3760,43.3000]},
  "properties":{"time":"2026-07-14T23:15:00+02:00","type":"intrusion","title":"Intrusion","sensor":"cam-07"}},
 {"type":"Feature","id":"c2","geometry":{"type":"Point","coordinates":[5.3900,43.2600]},
  "properties":{"time":"2026-07-14T23:16:00+02:00","type":"crowd","title":"Foule dense","sensor":"CCTV Prado"}},
 {"type":"Feature","id":"c3","geometry":{"type":"Point","coordinates":[5.3640,43.2960]},
  "properties":{"time":"2026-07-14T23:17:00+02:00","type":"fight","title":"Rixe","sensor":"cam-Vieux-Port"}}]}
JSON
"$cli" demo "$work/demo.vigie" >/dev/null
"$cli" ingest "$work/demo.vigie" --agency police "$work/devices.geojson" >/dev/null
shot demo-room.png "$work/demo.vigie"
shot street-level.png "$work/demo.vigie" --center 5.3740,43.2965,16
rm -f "$here"/layer-*.png
for layer in zones hospitals sensors cameras officials police samu fire incidents; do
    shot "layer-$layer.png" "$work/demo.vigie" --layers "$layer"
done

"$cli" demo "$work/dense.vigie" >/dev/null
python3 - "$work/dense.jsonl" <<'PY'
import json, random, sys
rng = random.Random(42)
agencies = [("fire", "VSAV"), ("samu", "SMUR"), ("police", "PS"), ("officials", "ELU")]
statuses = ["available", "en_route", "on_scene", "unavailable"]
with open(sys.argv[1], "w") as out:
    for i in range(20000):
        agency, kind = agencies[i % 4]
        spread = 0.03 if rng.random() < 0.5 else 0.12
        lon = 5.38 + (rng.random() - 0.5) * spread * 1.4
        lat = 43.29 + (rng.random() - 0.5) * spread
        out.write(json.dumps({
            "kind": "unit.status", "time": "2026-07-14T23:00:00+02:00", "author": "synthetic",
            "role": "operator", "agency": agency,
            "geo": {"type": "Point", "coordinates": [round(lon, 6), round(lat, 6)]},
            "data": {"unit": f"SYN-{i}", "callsign": f"{kind}-{i}", "type": kind,
                     "status": statuses[i % 4]}}) + "\n")
PY
"$cli" append "$work/dense.vigie" < "$work/dense.jsonl" >/dev/null
shot dense-20000.png "$work/dense.vigie"
ls -l "$here"/*.png
