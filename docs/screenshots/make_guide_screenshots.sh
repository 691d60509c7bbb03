#!/bin/sh
# Regenerates the user guide's screenshots (docs/guide.md) from a build tree: the desk at 1920×1080,
# 1366×768 and 3840×2160, the simplified background at zoom 15, street names on a basemap imported from the Monaco extract
# (../shared/data, skipped when absent), the shared screen and the wall at 1080p, a quarter of the 4K wall, and
# two pages of the reports. Needs ImageMagick's convert (crops), poppler's pdftoppm (report pages) and pngquant
# (small PNGs; convert -colors 256 without it).
# usage: docs/screenshots/make_guide_screenshots.sh [BUILD_DIR]
set -eu
build=${1:-build}
here=$(dirname "$0")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cli="$build/app/vigie-cli"
gui="$build/app/vigie"
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
export XDG_DATA_HOME="$work/data" # no basemap nor road network of the user's own data folder
small() { # OUT IN
    if command -v pngquant >/dev/null; then
        pngquant --force --quality 70-90 --speed 1 --output "$here/$1" "$2"
    else
        convert "$2" -colors 256 PNG8:"$here/$1"
    fi
}
shot() { # OUT SIZE [options...]
    out=$1 size=$2
    shift 2
    "$gui" --room "$work/demo.vigie" --screenshot "$work/shot.png" --size "$size" "$@" >/dev/null
    small "$out" "$work/shot.png"
}

"$cli" demo "$work/demo.vigie" >/dev/null
shot console-1920x1080.png 1920x1080
shot console-1366x768.png 1366x768
shot console-3840x2160.png 3840x2160
shot note-zoom15.png 1366x768 --center 5.3698,43.2951,15.5
shot shared-screen-1920x1080.png 1920x1080 --shared-screen
shot wall-1920x1080.png 1920x1080 --wall
"$gui" --room "$work/demo.vigie" --screenshot "$work/wall4k.png" --size 3840x2160 --wall >/dev/null
convert "$work/wall4k.png" -crop 1920x1080+0+0 +repage "$work/wall4k-crop.png"
small wall-3840x2160-crop.png "$work/wall4k-crop.png"

# Two pages of the room's reports (poppler's pdftoppm): the RETEX's response times, the situation's S part.
"$cli" report "$work/demo.vigie" --out "$work/retex.pdf" >/dev/null 2>&1
pdftoppm -png -r 70 -f 4 -l 4 -singlefile "$work/retex.pdf" "$work/retex-page"
small report-retex-delais.png "$work/retex-page.png"
"$cli" report "$work/demo.vigie" --kind situation --at 2026-07-14T22:30:00+02:00 --out "$work/situation.pdf" \
    >/dev/null 2>&1
pdftoppm -png -r 70 -f 2 -l 2 -singlefile "$work/situation.pdf" "$work/situation-page"
small report-situation.png "$work/situation-page.png"

monaco="$(dirname "$0")/../../../shared/data/osm/monaco/monaco.osm.pbf"
if [ -f "$monaco" ]; then
    "$cli" import-osm "$monaco" --out "$work/monaco" --bbox 7.405,43.725,7.44,43.75 --zoom 15-18 >/dev/null
    for z in 16 18; do
        "$gui" --room "$work/demo.vigie" --basemap "$work/monaco/basemap.mbtiles" --center 7.4215,43.7365,$z \
            --layers zones --screenshot "$work/streets.png" --size 1366x768 >/dev/null
        convert "$work/streets.png" -crop 950x660+0+85 +repage "$work/streets-crop.png"
        small "streets-zoom$z.png" "$work/streets-crop.png"
    done
else
    echo "no $monaco: street screenshots kept as they are" >&2
fi
