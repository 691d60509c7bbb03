#!/usr/bin/env bash
# Desk-to-desk latency of a shared room: DESKS headless desks (`vigie-cli desk`) each write RATE notes a second
# for SECONDS, each following the room and timing how long the others' notes took to reach it, from the
# writer's record time to the reader's sight of it (in the room, or its replica) and to the reader's fold of
# it into its picture (the console's fold). Prints each desk's line, then for both the median of the desks'
# p50s, the worst desk's p99 and the worst delay, and checks the chain.
#
#   desks.sh VIGIE_CLI ROOM|new [DESKS] [RATE] [SECONDS]
#
# ROOM is a room file or a postgresql:// URL that exists; "new" makes a fresh room file in a temporary folder.
set -euo pipefail
cli=${1:?usage: desks.sh VIGIE_CLI ROOM|new [DESKS] [RATE] [SECONDS]}
room=${2:?usage: desks.sh VIGIE_CLI ROOM|new [DESKS] [RATE] [SECONDS]}
desks=${3:-8}
rate=${4:-50}
seconds=${5:-60}
work=$(mktemp -d "${TMPDIR:-/tmp}/vigie-desks-XXXXXX")
trap 'rm -rf "$work"' EXIT
if [[ $room == new ]]; then
  room=$work/room.vigie
  "$cli" init "$room" --name desks >/dev/null
fi
agencies=(fire samu police officials)
# On a shared room each desk works as a console does: through its link, a replica and a queue of its own
# (VIGIE_DESKS_DIRECT=1: straight to the server, as before the link existed).
for d in $(seq 1 "$desks"); do
  replica=()
  if [[ $room == postgres* && -z ${VIGIE_DESKS_DIRECT:-} ]]; then
    replica=(--replica "$work/desk-$d.vigie")
  fi
  "$cli" desk "$room" --name "desk-$d" --agency "${agencies[$((d % 4))]}" --rate "$rate" --seconds "$seconds" \
    --drain 3 "${replica[@]}" >"$work/desk.$d" &
done
wait
cat "$work"/desk.*
field() { sed -nE "s/.*\"$1\":([0-9.]+).*/\1/p" "$work"/desk.*; }
written=$(field written | awk '{s += $1} END {print s}')
seen=$(field seen | awk '{s += $1} END {print s}')
p50=$(field latency_ms_p50 | sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}')
p99=$(field latency_ms_p99 | sort -n | tail -n 1)
max=$(field latency_ms_max | sort -n | tail -n 1)
folded=$(field folded | awk '{s += $1} END {print s}')
fp50=$(field fold_ms_p50 | sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}')
fp99=$(field fold_ms_p99 | sort -n | tail -n 1)
fmax=$(field fold_ms_max | sort -n | tail -n 1)
echo "desks: $desks x $rate/s for ${seconds}s: written $written"
echo "  seen (replica):   $seen; p50 (median of desks) $p50 ms, p99 (worst desk) $p99 ms, max $max ms"
echo "  folded (picture): $folded; p50 (median of desks) $fp50 ms, p99 (worst desk) $fp99 ms, max $fmax ms"
"$cli" verify "$room"
