#!/usr/bin/env bash
# Crash test of refusals: `vigie-cli append` on a stream where every 50th line is not JSON is killed with SIGKILL
# at a random moment, again and again on the same room. A batch's refused lines are kept in the quarantine in
# the batch's own transaction, so after each kill the quarantine holds the refusals of exactly the lines whose
# batch was committed: none beyond the last stored entry (its batch never committed), none missing before it.
#
#   kill_refusals.sh VIGIE_CLI [RUNS] [SEED]
#
# SEED (default 1, printed) fixes the kill moments; the same seed replays them. Needs sqlite3.
set -euo pipefail

cli=${1:?usage: kill_refusals.sh VIGIE_CLI [RUNS] [SEED]}
runs=${2:-30}
seed=${3:-1}
RANDOM=$seed
command -v sqlite3 >/dev/null || { echo "kill_refusals: sqlite3 is needed" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/vigie-refusals-XXXXXX")
trap 'rm -rf "$work"' EXIT
room=$work/room.vigie
echo "kill_refusals: seed $seed, $runs runs, in $work"
"$cli" init "$room" --name refusals >/dev/null

failures=0
for run in $(seq 1 "$runs"); do
  # Every line names its run and number; every 50th is refused (not JSON).
  awk -v run="$run" 'BEGIN {
    for (i = 1; i <= 200000; i++) {
      if (i % 50 == 0)
        printf "not json: run %d line %d\n", run, i;
      else
        printf "{\"kind\":\"note\",\"time\":\"2026-07-14T21:%02d:%02dZ\",\"author\":\"desk\",\"data\":{\"text\":\"Point %d\",\"run\":%d,\"line\":%d}}\n", int(i / 60) % 60, i % 60, i, run, i;
    }
  }' >"$work/stream"
  "$cli" append "$room" --batch 200 --source "run-$run" <"$work/stream" >"$work/out" 2>"$work/err" &
  pid=$!
  sleep "0.$(printf %03d $((RANDOM % 500 + 30)))"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true

  last=$(sqlite3 "$room" "SELECT coalesce(max(json_extract(data, '\$.line')), 0) FROM entries WHERE json_extract(data, '\$.run') = $run")
  read -r refused highest <<<"$(sqlite3 -separator ' ' "$room" "SELECT count(*), coalesce(max(CAST(substr(position, 6) AS INTEGER)), 0) FROM quarantine WHERE source = 'run-$run'")"
  low=$((last / 50))
  high=$(((last + 1) / 50))
  problem=""
  if ((highest > last + 1)); then
    problem="the quarantine holds line $highest of a batch never committed (last stored line $last)"
  elif ((refused < low || refused > high)); then
    problem="$refused refusals kept for stored lines up to $last (want $low..$high)"
  elif ! verify=$("$cli" verify "$room" 2>&1); then
    problem="verify: $verify"
  fi
  if [[ -n $problem ]]; then
    echo "run $run: FAIL (seed $seed): $problem" >&2
    failures=$((failures + 1))
    continue
  fi
  echo "run $run: killed after line $last; $refused refusals kept, all of committed batches"
done
if ((failures > 0)); then
  echo "kill_refusals: $failures of $runs runs FAILED (seed $seed)" >&2
  exit 1
fi
echo "kill_refusals: $runs kills, every refusal kept with its batch and only with it (seed $seed)"
