#!/usr/bin/env bash
# Several writers on one room, as at a desk: three `vigie-cli append` and one `vigie-cli ingest` write at once
# while `vigie-cli log` and `vigie-cli picture` read in a loop, and the console (VIGIE, offscreen) follows the
# room with its poll. Every writer must finish
# with exit 0, every entry it reported committed must be in the log exactly once, every reader call must
# succeed, and `vigie-cli verify` must find the chain intact. Repeated RUNS times on a fresh room.
#
#   concurrent_writers.sh VIGIE_CLI [RUNS] [SEED] [VIGIE]
#
# SEED (default 1, printed) sets the writers' batch sizes and stream lengths of every run, so a failing run is
# replayed by passing the same seed. Needs sqlite3 (the command-line shell) to count entries per writer.
set -euo pipefail

cli=${1:?usage: concurrent_writers.sh VIGIE_CLI [RUNS] [SEED]}
runs=${2:-50}
seed=${3:-1}
gui=${4:-}
RANDOM=$seed
command -v sqlite3 >/dev/null || { echo "concurrent_writers: sqlite3 is needed" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/vigie-writers-XXXXXX")
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
echo "concurrent_writers: seed $seed, $runs runs, in $work"

# Writer w's stream: `lines` notes and unit positions, each carrying its writer and line number.
make_stream() {
  local w=$1 lines=$2
  awk -v w="$w" -v n="$lines" 'BEGIN {
    for (i = 1; i <= n; i++) {
      t = sprintf("2026-07-14T20:%02d:%02d.%03dZ", int(i / 600) % 60, int(i / 10) % 60, (i * 7) % 1000);
      if (i % 4 == 0)
        printf "{\"kind\":\"note\",\"time\":\"%s\",\"author\":\"desk-%d\",\"data\":{\"text\":\"Point %d\",\"writer\":%d,\"line\":%d}}\n", t, w, i, w, i;
      else
        printf "{\"kind\":\"unit.position\",\"time\":\"%s\",\"author\":\"desk-%d\",\"agency\":\"fire\",\"geo\":{\"type\":\"Point\",\"coordinates\":[%.5f,%.5f]},\"data\":{\"unit\":\"W%d-%d\",\"writer\":%d,\"line\":%d}}\n", t, w, 5.30 + (i % 170) / 1000.0, 43.21 + (i % 160) / 1000.0, w, i % 40, w, i;
    }
  }'
}

# Feed files for the ingest writer: GeoJSON incidents, 50 features each.
make_feeds() {
  local dir=$1 files=$2
  mkdir -p "$dir"
  for f in $(seq 1 "$files"); do
    awk -v f="$f" 'BEGIN {
      printf "{\"type\":\"FeatureCollection\",\"features\":[";
      for (i = 1; i <= 50; i++) {
        printf "%s{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[%.5f,%.5f]},\"properties\":{\"id\":\"F%d-%d\",\"time\":\"2026-07-14T21:%02d:%02dZ\",\"type\":\"vehicle_fire\",\"title\":\"Feu %d-%d\",\"severity\":2}}", (i > 1 ? "," : ""), 5.35 + f / 1000.0, 43.25 + i / 1000.0, f, i, f % 60, i % 60, f, i;
      }
      printf "]}\n";
    }' >"$dir/feed-$f.geojson"
  done
}

failures=0
for run in $(seq 1 "$runs"); do
  dir=$work/run.$run
  mkdir -p "$dir"
  room=$dir/room.vigie
  "$cli" init "$room" --name writers >/dev/null
  declare -a lines batches pids
  for w in 1 2 3; do
    lines[w]=$((1500 + RANDOM % 3000))
    batches[w]=$((20 + RANDOM % 300))
    make_stream "$w" "${lines[w]}" >"$dir/stream.$w"
  done
  make_feeds "$dir/feeds" $((4 + RANDOM % 8))

  console=""
  if [[ -n $gui ]]; then
    QT_QPA_PLATFORM=offscreen "$gui" --room "$room" >"$dir/console.out" 2>"$dir/console.err" &
    console=$!
    sleep 1 # open and show the room before the writers start
  fi
  # Readers until the writers are done; each call's exit code is kept.
  : >"$dir/readers.fail"
  : >"$dir/reads"
  (
    while [[ ! -e $dir/done ]]; do
      echo >>"$dir/reads"
      "$cli" log "$room" >/dev/null 2>"$dir/log.err" || { echo "log: $(cat "$dir/log.err")" >>"$dir/readers.fail"; }
      "$cli" picture "$room" >/dev/null 2>"$dir/picture.err" || { echo "picture: $(cat "$dir/picture.err")" >>"$dir/readers.fail"; }
    done
  ) &
  reader=$!

  for w in 1 2 3; do
    "$cli" append "$room" --batch "${batches[w]}" <"$dir/stream.$w" >"$dir/out.$w" 2>"$dir/err.$w" &
    pids[w]=$!
  done
  "$cli" ingest "$room" --format geojson "$dir"/feeds/*.geojson >"$dir/out.ingest" 2>"$dir/err.ingest" &
  ingest=$!

  problem=""
  for w in 1 2 3; do
    if ! wait "${pids[w]}"; then
      problem+="writer $w failed: $(tail -n 2 "$dir/err.$w" | tr '\n' ' ')"$'\n'
    fi
  done
  if ! wait "$ingest"; then
    problem+="ingest failed: $(tail -n 2 "$dir/err.ingest" | tr '\n' ' ')"$'\n'
  fi
  touch "$dir/done"
  wait "$reader" || true
  if [[ -n $console ]]; then
    sleep 0.3 # a last poll
    if ! kill -0 "$console" 2>/dev/null; then
      problem+="the console died: $(tail -n 3 "$dir/console.err" | tr '\n' ' ')"$'\n'
    else
      kill -TERM "$console" 2>/dev/null || true
    fi
    wait "$console" 2>/dev/null || true
    if grep -iE "locked|failed|error" "$dir/console.err" >"$dir/console.problems"; then
      problem+="console: $(head -n 2 "$dir/console.problems" | tr '\n' ' ')"$'\n'
    fi
  fi
  # A snapshot is a cache and its failure only warns, but none should fail: each is written outside any read.
  if grep -h "snapshot" "$dir"/err.* >"$dir/snapshot.warn"; then
    problem+="snapshots: $(head -n 2 "$dir/snapshot.warn" | tr '\n' ' ')"$'\n'
  fi
  reads=$(wc -l <"$dir/reads")
  if [[ -s $dir/readers.fail ]]; then
    problem+="readers: $(head -n 3 "$dir/readers.fail" | tr '\n' ' ')"$'\n'
  fi

  if ! verify=$("$cli" verify "$room" 2>&1); then
    problem+="verify: $verify"$'\n'
  fi
  for w in 1 2 3; do
    reported=$(sed -nE 's/^([0-9]+) entries committed.*/\1/p' "$dir/out.$w")
    read -r stored distinct low high <<<"$(sqlite3 -separator ' ' "$room" "SELECT count(*),
        count(DISTINCT json_extract(data, '\$.line')), coalesce(min(json_extract(data, '\$.line')), 0),
        coalesce(max(json_extract(data, '\$.line')), 0) FROM entries WHERE json_extract(data, '\$.writer') = $w")"
    if [[ $reported != "${lines[w]}" || $stored != "${lines[w]}" || $distinct != "$stored" || $low != 1 || $high != "${lines[w]}" ]]; then
      problem+="writer $w: ${lines[w]} lines, reported ${reported:-none}, stored $stored ($distinct distinct, lines $low..$high)"$'\n'
    fi
  done
  features=$(grep -o '"id":"F' "$dir"/feeds/*.geojson | wc -l)
  ingested=$(sqlite3 "$room" "SELECT count(DISTINCT json_extract(data, '\$.source_incident')) FROM entries WHERE kind = 'incident.open' AND json_extract(data, '\$.source_incident') LIKE '%F%'")
  stored_msgs=$(awk -F'"stored":' '{split($2, a, ","); s += a[1]} END {print s + 0}' "$dir/out.ingest")
  if [[ $stored_msgs != "$features" ]]; then
    problem+="ingest: $features features, reported $stored_msgs stored ($ingested incidents in the log)"$'\n'
  fi

  if [[ -n $problem ]]; then
    echo "run $run: FAIL (seed $seed):" >&2
    printf '%s' "$problem" >&2
    failures=$((failures + 1))
    continue
  fi
  total=$(sed -nE 's/^OK: ([0-9]+) entries.*/\1/p' <<<"$verify")
  echo "run $run: 3 writers (${lines[1]}+${lines[2]}+${lines[3]} lines, batches ${batches[1]}/${batches[2]}/${batches[3]}) + ingest ($features features) + $reads reader rounds${console:+ + the console}: $total entries, every reported entry once, chain intact"
  rm -rf "$dir"
done

if ((failures > 0)); then
  echo "concurrent_writers: $failures of $runs runs FAILED (seed $seed)" >&2
  exit 1
fi
echo "concurrent_writers: $runs runs, 0 failures (seed $seed)"
