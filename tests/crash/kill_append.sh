#!/usr/bin/env bash
# Crash test of the log: `vigie-cli append` on a long stream is killed with SIGKILL at a random moment, again
# and again on the same room. After each kill, every entry the command reported committed must be in the log,
# in order, with nothing after it that was not in the stream, and `vigie-cli verify` must find the chain intact.
#
#   kill_append.sh VIGIE_CLI [RUNS] [SEED]
#
# SEED (default: 1; always printed) fixes the kill moments: a failing run is replayed by passing the seed it
# printed, and another seed explores other moments. Needs sqlite3 (the command-line shell) to look entries up
# by seq.
set -euo pipefail

cli=${1:?usage: kill_append.sh VIGIE_CLI [RUNS] [SEED]}
runs=${2:-50}
seed=${3:-1}
RANDOM=$seed
command -v sqlite3 >/dev/null || { echo "kill_append: sqlite3 is needed (apt-get install sqlite3)" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/vigie-crash-XXXXXX")
trap 'rm -rf "$work"' EXIT
room=$work/room.vigie
stream=$work/stream.jsonl
echo "kill_append: seed $seed, $runs runs, in $work"

"$cli" init "$room" --name crash >/dev/null

# 400,000 lines: more than any run gets through before its kill. Every line carries its line number, so an
# entry found in the log says which input line it came from.
awk 'BEGIN {
  split("fire samu police", agency, " ");
  for (i = 1; i <= 400000; i++) {
    a = agency[i % 3 + 1]; u = i % 400;
    t = sprintf("2026-07-14T%02d:%02d:%02d.%03dZ", 19 + int(i / 360000) % 5, int(i / 6000) % 60, int(i / 100) % 60, (i * 10) % 1000);
    if (i % 10 < 7)
      printf "{\"kind\":\"unit.position\",\"time\":\"%s\",\"author\":\"desk-%s\",\"agency\":\"%s\",\"geo\":{\"type\":\"Point\",\"coordinates\":[%.5f,%.5f]},\"data\":{\"unit\":\"U-%d\",\"line\":%d}}\n", t, a, a, 5.30 + (i % 1700) / 10000.0, 43.21 + (i % 1600) / 10000.0, u, i;
    else if (i % 10 < 9)
      printf "{\"kind\":\"unit.status\",\"time\":\"%s\",\"author\":\"desk-%s\",\"agency\":\"%s\",\"data\":{\"unit\":\"U-%d\",\"status\":\"en_route\",\"incident\":\"INC-%d\",\"line\":%d}}\n", t, a, a, u, i % 50, i;
    else
      printf "{\"kind\":\"note\",\"time\":\"%s\",\"author\":\"desk-%s\",\"data\":{\"text\":\"Point de situation %d\",\"line\":%d}}\n", t, a, i, i;
  }
}' >"$stream"

before=0 # entries in the log before the current run
failures=0
for run in $(seq 1 "$runs"); do
  out=$work/out.$run
  "$cli" append "$room" --batch 500 <"$stream" >"$out" 2>"$work/err.$run" &
  pid=$!
  sleep "0.$(printf %03d $((RANDOM % 600 + 50)))"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true

  # What the killed command told its caller: the last "committed N (seq S)" line.
  reported=0
  reported_seq=$before
  last=$(grep -E '^committed [0-9]+ \(seq [0-9]+\)$' "$out" | tail -n 1 || true)
  if [[ -n $last ]]; then
    reported=$(sed -E 's/^committed ([0-9]+) .*/\1/' <<<"$last")
    reported_seq=$(sed -E 's/.*\(seq ([0-9]+)\)$/\1/' <<<"$last")
  fi

  if ! verify=$("$cli" verify "$room" 2>&1); then
    echo "run $run: FAIL: verify after kill: $verify" >&2
    failures=$((failures + 1))
    break
  fi
  total=$(sed -nE 's/^OK: ([0-9]+) entries.*/\1/p' <<<"$verify")
  kept=$((total - before))
  problem=""
  if ((reported_seq != before + reported)); then
    problem="reported seq $reported_seq but the run started after seq $before and reported $reported entries"
  elif ((kept < reported)); then
    problem="reported $reported committed but only $kept of this run are in the log"
  elif ((kept > 0)); then
    # The run's entries are the stream's first lines, in order: line 1 first, line `reported` at the reported
    # seq, line `kept` last (a commit may land just before the kill, unreported).
    lines=$(sqlite3 -separator ' ' "$room" "SELECT
        (SELECT json_extract(data, '\$.line') FROM entries WHERE seq = $((before + 1))),
        (SELECT json_extract(data, '\$.line') FROM entries WHERE seq = $total),
        coalesce((SELECT json_extract(data, '\$.line') FROM entries WHERE seq = $reported_seq AND $reported > 0), 0)")
    read -r first_line last_line at_reported <<<"$lines"
    if [[ $first_line != 1 || $last_line != "$kept" || $at_reported != "$reported" ]]; then
      problem="entries out of place: seq $((before + 1)) holds line $first_line (want 1), seq $total line $last_line (want $kept), seq $reported_seq line $at_reported (want $reported)"
    fi
  fi
  if [[ -n $problem ]]; then
    echo "run $run: FAIL: $problem" >&2
    failures=$((failures + 1))
    break
  fi
  echo "run $run: killed after $reported reported ($kept kept), log now $total entries, chain intact"
  before=$total
done

if ((failures > 0)); then
  echo "kill_append: FAILED (seed $seed)" >&2
  exit 1
fi
if ((before == 0)); then
  echo "kill_append: FAILED: no run committed anything, nothing was tested (seed $seed)" >&2
  exit 1
fi
echo "kill_append: $runs kills, $before entries, every reported commit present, chain intact"
