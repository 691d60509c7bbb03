#!/usr/bin/env bash
# A local shared room: a PostgreSQL 15 cluster in a folder of its own, a room on it holding the Marseille demo,
# and two desks (consoles) open on it. For trying the shared room on one machine; a real one has its server on
# the cell's network (docs/shared-room.md).
#
#   installer/shared_room.sh start [DIR]   start (or reuse) the cluster in DIR, create the room, open two desks
#   installer/shared_room.sh stop [DIR]    stop the cluster
#
# DIR defaults to ~/.local/share/vigie/shared-room. Without a display the desks are rendered to DIR/desk-1.png
# and DIR/desk-2.png, and the script says how to open them under xvfb-run. Called by `installer/setup.sh shared`
# after the build.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
action=${1:-start}
dir=${2:-${XDG_DATA_HOME:-$HOME/.local/share}/vigie/shared-room}
port=${VIGIE_PG_PORT:-55432}
pgbin=/usr/lib/postgresql/15/bin
cli=$here/build/app/vigie-cli
gui=$here/build/app/vigie
[[ -x $pgbin/initdb ]] || { echo "shared-room: PostgreSQL 15 is not installed (apt-get install postgresql)" >&2; exit 2; }

# PostgreSQL refuses to run as root: as root, the cluster belongs to the postgres user.
as_server() {
  if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pgdata=$dir/pg/data
case "$action" in
  stop)
    if [[ -f $pgdata/postmaster.pid ]]; then
      as_server "$pgbin/pg_ctl" -D "$pgdata" -m fast -w stop
    fi
    exit 0
    ;;
  start) ;;
  *)
    echo "usage: installer/shared_room.sh start|stop [DIR]" >&2
    exit 2
    ;;
esac

mkdir -p "$dir/pg"
if [[ $(id -u) == 0 ]]; then
  chown postgres:postgres "$dir/pg"
  chmod 755 "$dir"
fi
if [[ ! -f $pgdata/PG_VERSION ]]; then
  echo "shared-room: a new PostgreSQL cluster in $pgdata"
  # Trust on the loopback only: a cluster for trying things on this machine, reachable from nowhere else.
  as_server "$pgbin/initdb" -D "$pgdata" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log"
fi
if ! as_server "$pgbin/pg_ctl" -D "$pgdata" status >/dev/null 2>&1; then
  as_server "$pgbin/pg_ctl" -D "$pgdata" -l "$dir/pg/server.log" \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir/pg" -w -t 30 start >/dev/null
fi
echo "shared-room: PostgreSQL on 127.0.0.1:$port (stop it with: installer/shared_room.sh stop $dir)"
if ! as_server psql -h "$dir/pg" -p "$port" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'vigie'" | grep -q 1; then
  as_server psql -h "$dir/pg" -p "$port" -U postgres -qc "CREATE DATABASE vigie"
fi

url="postgresql://postgres@127.0.0.1:$port/vigie?room=demo-marseille"
if ! "$cli" verify "$url" >/dev/null 2>&1; then
  echo "shared-room: writing the Marseille demo into the shared room"
  "$cli" demo "$url" >/dev/null
fi
echo "shared-room: room $url"

if [[ -n ${DISPLAY:-}${WAYLAND_DISPLAY:-} ]]; then
  "$gui" --room "$url" --desk poste-bmpm --agency fire --dock log &
  "$gui" --room "$url" --desk poste-samu --agency samu --dock presence &
  echo "shared-room: two desks open; what one writes (Ctrl+N, a note) the other shows"
  wait
else
  QT_QPA_PLATFORM=offscreen "$gui" --room "$url" --desk poste-bmpm --agency fire --replica "$dir/desk-1.vigie" \
    --screenshot "$dir/desk-1.png" --size 1600x900 >/dev/null 2>&1
  QT_QPA_PLATFORM=offscreen "$gui" --room "$url" --desk poste-samu --agency samu --replica "$dir/desk-2.vigie" \
    --dock presence --screenshot "$dir/desk-2.png" --size 1600x900 >/dev/null 2>&1
  cat <<MSG
shared-room: no display here. The two desks are rendered to $dir/desk-1.png and desk-2.png.
  Open them in a virtual display:  xvfb-run -a $gui --room '$url' --desk poste-bmpm &
                                   xvfb-run -a $gui --room '$url' --desk poste-samu
  Or write from a desk without a screen and watch the other: $cli desk '$url' --name desk-2 --seconds 10
MSG
fi
