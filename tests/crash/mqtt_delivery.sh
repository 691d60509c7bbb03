#!/usr/bin/env bash
# Delivery from a real Mosquitto broker under faults: 5,000 messages published at full speed while
#   sigterm   `vigie-cli listen` receives SIGTERM mid-burst and is started again, or
#   restart   the broker is stopped and started again mid-burst (listen reconnects by itself).
# The broker has acknowledged every message to the publisher (mosquitto_pub exits 0). After the fault, every
# one of them must be in the room exactly once: none lost (listen acknowledges a message only after its batch
# is committed, on a persistent session the broker keeps), none stored twice (a message the broker sends again
# is counted as a repeat), and the chain verifies.
#
#   mqtt_delivery.sh VIGIE_CLI MODE [RUNS] [SEED] [MESSAGES]
#
# SEED (default 1, printed) sets the moments of the faults; the same seed replays them. The broker is
# configured as docs/mqtt.md asks: persistence on, no limit on queued messages for an offline session.
set -euo pipefail

cli=${1:?usage: mqtt_delivery.sh VIGIE_CLI sigterm|restart [RUNS] [SEED] [MESSAGES]}
mode=${2:?usage: mqtt_delivery.sh VIGIE_CLI sigterm|restart [RUNS] [SEED] [MESSAGES]}
runs=${3:-20}
seed=${4:-1}
messages=${5:-5000}
RANDOM=$seed
for tool in mosquitto mosquitto_pub sqlite3; do
  command -v "$tool" >/dev/null || [[ -x /usr/sbin/$tool ]] || { echo "mqtt_delivery: $tool is needed" >&2; exit 2; }
done
mosquitto_bin=$(command -v mosquitto || echo /usr/sbin/mosquitto)

work=$(mktemp -d "${TMPDIR:-/tmp}/vigie-mqtt-XXXXXX")
broker=""
listen=""
cleanup() {
  [[ -n $listen ]] && kill -9 "$listen" 2>/dev/null || true
  [[ -n $broker ]] && kill -9 "$broker" 2>/dev/null || true
  [[ -n ${KEEP:-} ]] || rm -rf "$work"
}
trap cleanup EXIT
echo "mqtt_delivery: $mode, seed $seed, $runs runs of $messages messages, in $work"

free_port() { # a loopback port nothing listens on, below the kernel's ephemeral range (32768 and up), where
  # the many client connections of the tests running beside this one take their local ports
  local p
  while :; do
    p=$((20000 + (RANDOM * 32768 + RANDOM) % 12000))
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
  done
}

write_broker_config() {
  printf 'listener %s 127.0.0.1\nallow_anonymous true\npersistence true\npersistence_location %s/\nmax_queued_messages 0\nmax_inflight_messages 100\n' \
    "$port" "$dir/persist" >"$dir/mosquitto.conf"
}

start_broker() { # `again`: a restart, on the port the listener knows
  # Another test may take the port between free_port and the broker's bind: then, for a first start, another
  # port; for a restart, the same one a moment later.
  for _ in 1 2 3 4 5; do
    "$mosquitto_bin" -c "$dir/mosquitto.conf" >>"$dir/broker.log" 2>&1 &
    broker=$!
    for _ in $(seq 1 100); do
      if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
      if ! kill -0 "$broker" 2>/dev/null; then break; fi
      sleep 0.05
    done
    if ! grep -q "Address already in use" "$dir/broker.log"; then break; fi
    wait "$broker" 2>/dev/null || true
    : >"$dir/broker.log"
    if [[ ${1:-} == again ]]; then
      sleep 0.5
    else
      port=$(free_port)
      write_broker_config
    fi
  done
  echo "mqtt_delivery: the broker did not start: $(tail -n 3 "$dir/broker.log")" >&2
  return 1
}

stop_broker() { # SIGTERM: the broker writes its persistence file, as on a clean restart
  kill -TERM "$broker" 2>/dev/null || true
  wait "$broker" 2>/dev/null || true
  broker=""
}

start_listen() {
  "$cli" listen "$room" --mqtt "127.0.0.1:$port" --topic 'vigie/+/+' --client-id "desk-$run" >>"$dir/listen.out" 2>>"$dir/listen.err" &
  listen=$!
  local seen
  seen=$(grep -c subscribed "$dir/listen.out" || true)
  for _ in $(seq 1 200); do
    (($(grep -c subscribed "$dir/listen.out" || true) > seen)) && return 0
    sleep 0.05
  done
  echo "mqtt_delivery: listen did not subscribe: $(tail -n 3 "$dir/listen.err")" >&2
  return 1
}

stop_listen() {
  kill -TERM "$listen" 2>/dev/null || true
  local rc=0
  wait "$listen" || rc=$?
  listen=""
  return $rc
}

stored() {
  sqlite3 "$room" "SELECT count(*) FROM entries WHERE json_extract(data, '\$.source_id') LIKE 'M-%'" 2>/dev/null || echo 0
}

failures=0
for run in $(seq 1 "$runs"); do
  dir=$work/run.$run
  mkdir -p "$dir/persist"
  port=$(free_port)
  room=$dir/room.vigie
  write_broker_config
  # Run as root, Mosquitto drops to its own user, which must be able to write its persistence file.
  if [[ $(id -u) == 0 ]] && id mosquitto >/dev/null 2>&1; then
    chmod 711 "$work" "$dir"
    chown mosquitto "$dir/persist"
  fi
  "$cli" init "$room" --name mqtt >/dev/null
  # One GeoJSON feature per line, each its own message; far apart in time so that fusion keeps them apart.
  awk -v n="$messages" 'BEGIN {
    for (i = 1; i <= n; i++)
      printf "{\"type\":\"Feature\",\"id\":\"M-%d\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[%.5f,%.5f]},\"properties\":{\"time\":\"2026-%02d-%02dT%02d:%02d:00+02:00\",\"type\":\"rixe\",\"title\":\"Rixe %d\"}}\n", i, 5.30 + (i % 97) / 400.0, 43.22 + (i % 89) / 500.0, 1 + int(i / 2000) % 12, 1 + int(i / 80) % 25, int(i / 3) % 24, (i * 7) % 60, i
  }' >"$dir/messages"
  start_broker
  start_listen
  delay="0.$(printf %03d $((RANDOM % 400 + 20)))"
  mosquitto_pub -h 127.0.0.1 -p "$port" -q 1 -i "pub-$run" -t vigie/police/geojson -l <"$dir/messages" 2>"$dir/pub.err" &
  pub=$!
  sleep "$delay"
  at_fault=$(stored)
  problem=""
  if [[ $mode == sigterm ]]; then
    stop_listen || problem+="listen exited $? on SIGTERM: $(tail -n 2 "$dir/listen.err" | tr '\n' ' ')"$'\n'
    wait "$pub" || problem+="the publisher failed: $(tail -n 2 "$dir/pub.err")"$'\n'
    start_listen
  else
    stop_broker
    start_broker again
    # The publisher may have been cut off by the restart: what it has not had acknowledged is published
    # again in a second pass (the room counts the repeats).
    if ! wait "$pub"; then
      mosquitto_pub -h 127.0.0.1 -p "$port" -q 1 -i "pub-$run-again" -t vigie/police/geojson -l <"$dir/messages" 2>>"$dir/pub.err" ||
        problem+="the publisher failed twice: $(tail -n 2 "$dir/pub.err")"$'\n'
    fi
  fi
  # Wait for the rest of the burst, then stop listen cleanly.
  for _ in $(seq 1 600); do
    (($(stored) >= messages)) && break
    sleep 0.1
  done
  sleep 0.3 # a redelivery still in flight would show as a second copy
  stop_listen || problem+="listen exited $? at the end: $(tail -n 2 "$dir/listen.err" | tr '\n' ' ')"$'\n'
  stop_broker

  read -r total distinct <<<"$(sqlite3 -separator ' ' "$room" "SELECT count(*), count(DISTINCT json_extract(data, '\$.source_id')) FROM entries WHERE json_extract(data, '\$.source_id') LIKE 'M-%'")"
  if ((distinct != messages)); then
    problem+="$((messages - distinct)) of $messages messages missing"$'\n'
  fi
  if ((total != distinct)); then
    problem+="$((total - distinct)) messages stored twice"$'\n'
  fi
  if ! verify=$("$cli" verify "$room" 2>&1); then
    problem+="verify: $verify"$'\n'
  fi
  acknowledged=$(sed -nE 's/.*"acknowledged":([0-9]+).*/\1/p' "$dir/listen.out" | awk '{s += $1} END {print s + 0}')
  repeats=$(sed -nE 's/.*"duplicates":([0-9]+).*/\1/p' "$dir/listen.out" | awk '{s += $1} END {print s + 0}')
  if [[ -n $problem ]]; then
    echo "run $run: FAIL (seed $seed, fault after ${delay}s with $at_fault stored):" >&2
    printf '%s' "$problem" >&2
    failures=$((failures + 1))
    continue
  fi
  echo "run $run: fault after ${delay}s with $at_fault of $messages stored; then all $messages stored once ($acknowledged acknowledged, $repeats repeats counted), chain intact"
  rm -rf "$dir"
done

if ((failures > 0)); then
  echo "mqtt_delivery: $mode: $failures of $runs runs FAILED (seed $seed)" >&2
  exit 1
fi
echo "mqtt_delivery: $mode: $runs runs, 0 messages lost, 0 stored twice (seed $seed)"
