#!/bin/sh
# Regenerates the map screenshots from a build tree: the demo room, each agency layer alone, and a dense
# room (the demo plus 20,000 synthetic units, fixed seed) to show clustering with exact counts.
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

"$cli" demo "$work/demo.vigie" >/dev/null
shot demo-room.png "$work/demo.vigie"
for layer in fire samu police officials; do
    shot "layer-$layer.png" "$work/demo.vigie" --layers "$layer,zones"
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
