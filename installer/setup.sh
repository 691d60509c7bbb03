#!/usr/bin/env bash
# Sets up Vigie on Debian 12: installs exactly the packages the build, the tests and the demo need (nothing
# when they are present), configures and builds, then runs what was asked.
#
#   installer/setup.sh demo [vigie options]   build and open the console on the embedded Marseille demo
#   installer/setup.sh test                   build and run every test (what CI runs)
#   installer/setup.sh shared [DIR]           build, start a local shared room (PostgreSQL in DIR) and open
#                                             two desks on it (installer/shared_room.sh)
#   installer/setup.sh build                  build only
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"
action=${1:-build}
shift || true

packages=(
  build-essential cmake ninja-build pkg-config ccache git
  sqlite3 libsqlite3-dev libssl-dev
  qt6-base-dev qt6-positioning-dev qt6-charts-dev qt6-svg-dev qt6-tools-dev qt6-l10n-tools qt6-translations-l10n
  libqt6sql6-sqlite libqt6sql6-psql libqt6svg6 libxkbcommon-dev libgl-dev
  libboost-graph-dev libgtest-dev libgmock-dev libbenchmark-dev
  libosmium2-dev libprotozero-dev zlib1g-dev libexpat1-dev libbz2-dev
  libglpk-dev libpq-dev libjemalloc-dev libical-dev libxmlsec1-dev libyaml-cpp-dev openssl
  xvfb xauth fonts-dejavu-core libgl1-mesa-dri poppler-utils
  postgresql postgresql-15-pgrouting mosquitto mosquitto-clients
  osm2pgrouting osmium-tool
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if ((${#missing[@]})); then
  echo "setup: installing ${#missing[@]} Debian package(s): ${missing[*]}"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

jobs=$(nproc 2>/dev/null || echo 2)
case "$action" in
  test)
    cmake --preset ci >/dev/null
    cmake --build --preset ci -j"$jobs"
    ctest --preset ci -j"$jobs" --timeout 900
    ;;
  demo)
    cmake --preset dev >/dev/null
    cmake --build --preset dev -j"$jobs" --target vigie vigie-cli
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ] && [[ " $* " != *" --screenshot"* ]]; then
      cat <<MSG
setup: the console is built, but this machine has no display (DISPLAY is not set).
  Open it in a virtual display:   xvfb-run -a build/app/vigie
  Or render it to an image:       build/app/vigie --screenshot vigie.png --size 1920x1080
MSG
      exit 0
    fi
    exec build/app/vigie "$@"
    ;;
  shared)
    cmake --preset dev >/dev/null
    cmake --build --preset dev -j"$jobs" --target vigie vigie-cli
    exec bash installer/shared_room.sh start "$@"
    ;;
  build)
    cmake --preset dev >/dev/null
    cmake --build --preset dev -j"$jobs"
    ;;
  *)
    echo "usage: installer/setup.sh demo|test|shared|build" >&2
    exit 2
    ;;
esac
