#!/usr/bin/env bash
# The full benchmark (not part of ./mvnw verify): build, generate, serve, load, pgbench floor.
#
#   bench/run.sh            PostgreSQL: 1,000,000 tickets in a scratch database ticketdesk_bench
#   bench/run.sh --h2       embedded H2: 100,000 tickets under bench/out/h2-data (no pgbench floor)
#   bench/run.sh --reuse    skip build and generation; reuse the database and manifest of a run
#                           (PostgreSQL: the ledger and the events of earlier runs are reset before the load and before the floor;
#                           H2: refunds of earlier runs stay, a cent per refund request;
#                           regenerate after a handful of runs)
#
# Environment (defaults): TICKETS (1000000; 100000 with --h2), SELLERS (1000), CONCURRENCY (16),
# DURATION (60s), FLOOR_DURATION (DURATION), WARMUP (60s per scenario: on 2 cores the server's JIT needs 30-60 s under load,
# see docs/benchmarks.md), FLOOR_WARMUP (15s, pgbench has no JIT), SCENARIOS (all = lookup,search,inbox,filter,reply,refund),
# BENCH_PORT (7080), PGHOST (127.0.0.1), PGPORT (5432), PGUSER (ticketdesk), PGPASSWORD
# (ticketdesk), BENCH_DB (ticketdesk_bench), PGBENCH (pgbench, else
# /usr/lib/postgresql/15/bin/pgbench), MVN_FLAGS (e.g. -o), SERVER_JAVA_OPTS (JVM options of
# the server; default "-XX:+UseParallelGC", see docs/operations.md), BENCH_POOL (the server's
# connection pool; default = CONCURRENCY, so no request queues for a connection),
# BENCH_HTTP_THREADS (the server's TICKETDESK_HTTP_THREADS; default 4 per core, at least 8;
# 0 = Jetty's 250), WEBHOOKS (off; on: the marketplace registers one endpoint for every event
# type at a local receiver, `ticketdesk-benchmarks receive`, which answers at once and reports the
# delivery lag; PostgreSQL only; turns: as on, and the driver switches the endpoint off and on by
# turns in phases of PHASE (30s) over the measured part and compares them, one scenario only, e.g.
# WEBHOOKS=turns SCENARIOS=reply DURATION=510s, 17 phases, off first and last: docs/benchmarks.md), RECEIVER_PORT (7091), MANIFEST (bench/out/manifest-<mode>.tsv;
# e.g. bench/out/manifest-pg-10m.tsv with TICKETS=10000000 BENCH_DB=ticketdesk_bench10m), RATE
# (0: the driver's workers send as fast as they get answers; N: N requests a second in all, paced,
# to compare the CPU per request of two runs below saturation, cpu.txt), APP_JAR (the server's
# jar, default app/target/ticketdesk.jar: e.g. the ticketdesk.jar an earlier run copied, for A/B).
set -euo pipefail
cd "$(dirname "$0")/.."

MODE=pg
REUSE=0
for arg in "$@"; do
  case "$arg" in
    --h2) MODE=h2 ;;
    --reuse) REUSE=1 ;;
    *) echo "usage: bench/run.sh [--h2] [--reuse]" >&2; exit 2 ;;
  esac
done

if [[ $MODE == h2 ]]; then TICKETS=${TICKETS:-100000}; else TICKETS=${TICKETS:-1000000}; fi
SELLERS=${SELLERS:-1000}
CONCURRENCY=${CONCURRENCY:-16}
DURATION=${DURATION:-60s}
WARMUP=${WARMUP:-60s}
FLOOR_WARMUP=${FLOOR_WARMUP:-15s}
FLOOR_DURATION=${FLOOR_DURATION:-$DURATION}
SCENARIOS=${SCENARIOS:-all}
PORT=${BENCH_PORT:-7080}
POOL=${BENCH_POOL:-$CONCURRENCY}
HTTP_THREADS=${BENCH_HTTP_THREADS:-$(( $(nproc) * 4 > 8 ? $(nproc) * 4 : 8 ))}
SERVER_JAVA_OPTS=${SERVER_JAVA_OPTS--XX:+UseParallelGC}
WEBHOOKS=${WEBHOOKS:-off}
RECEIVER_PORT=${RECEIVER_PORT:-7091}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-ticketdesk}
export PGPASSWORD=${PGPASSWORD:-ticketdesk}
DB=${BENCH_DB:-ticketdesk_bench}
PGBENCH=${PGBENCH:-$(command -v pgbench || echo /usr/lib/postgresql/15/bin/pgbench)}
DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB"
OUT=bench/out
RUN="$OUT/run-$MODE-$(date -u +%Y%m%dT%H%M%SZ)"
MANIFEST=${MANIFEST:-$OUT/manifest-$MODE.tsv}
H2_DIR="$OUT/h2-data"
mkdir -p "$RUN"

if [[ $REUSE == 1 && ! -f $MANIFEST ]]; then
  echo "--reuse needs $MANIFEST from an earlier run of this mode" >&2
  exit 1
fi
if [[ $REUSE == 0 ]]; then
  echo "== build"
  ./mvnw ${MVN_FLAGS:-} -q -B -DskipTests package
fi
# Run from copies: a rebuild during the run cannot pull the classes from under the JVMs.
cp "${APP_JAR:-app/target/ticketdesk.jar}" "$RUN/ticketdesk.jar" # APP_JAR: an A/B against an older build
cp benchmarks/target/ticketdesk-benchmarks.jar "$RUN/ticketdesk-benchmarks.jar"
APP="$RUN/ticketdesk.jar"
BENCH=(java -jar "$RUN/ticketdesk-benchmarks.jar")

{
  echo "date:        $(date -u +%FT%TZ)"
  echo "mode:        $MODE, $TICKETS tickets, $SELLERS sellers, concurrency $CONCURRENCY, $DURATION after $WARMUP warm-up (floor: $FLOOR_WARMUP)"
  echo "cpu:         $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs)"
  echo "memory:      $(free -g | awk '/Mem:/ {print $2 " GiB"}')"
  echo "java:        $(java -version 2>&1 | head -1); server JVM options: ${SERVER_JAVA_OPTS:-none}; server pool: $POOL connections; HTTP threads: $HTTP_THREADS"
  echo "webhooks:    $WEBHOOKS"
  [[ $MODE == pg ]] && echo "postgresql:  $(psql -d postgres -Atc 'SHOW server_version') (shared_buffers $(psql -d postgres -Atc 'SHOW shared_buffers'))"
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min; other work on the machine shares the CPU)"
} | tee "$RUN/machine.txt"

if [[ $REUSE == 0 ]]; then
  echo "== generate"
  if [[ $MODE == pg ]]; then
    psql -q -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
    time "${BENCH[@]}" generate --db-url "$DB_URL" --db-user "$PGUSER" --db-password "$PGPASSWORD" \
      --tickets "$TICKETS" --sellers "$SELLERS" --manifest "$MANIFEST" --app-jar "$APP" \
      | tee "$RUN/generate.txt"
  else
    rm -rf "$H2_DIR"
    time "${BENCH[@]}" generate --data-dir "$H2_DIR" \
      --tickets "$TICKETS" --sellers "$SELLERS" --manifest "$MANIFEST" --app-jar "$APP" \
      | tee "$RUN/generate.txt"
  fi
fi

# The refund scenario (API and floor) takes a cent per request from sampled order units and writes
# ledger entries and idempotency keys; start each phase from the generated state, so a reused
# database neither runs out of refundable amounts nor reads more ledger rows per refund each run.
reset_ledger() {
  psql -q -d "$DB" -c "TRUNCATE idempotency_keys, ledger_entries" \
    -c "UPDATE order_units SET refunded_amount = 0 WHERE refunded_amount <> 0"
}
# The events of earlier runs (the API's and the floor's: two per reply, about 250,000 per run) go
# too, with their webhook endpoints, deliveries and attempts (WEBHOOKS=on registers its own): the
# events table otherwise grows by every run (6.8 M rows, 5.6 GB after a day of runs), and each run
# would insert into larger indexes than the one before it, so no two runs compared. The events
# with a once-key stay (deadline alerts, return-policy breaches): without them the server would
# raise those again during the load.
reset_events() {
  psql -q -d "$DB" -c "BEGIN" \
    -c "CREATE TEMP TABLE kept_events ON COMMIT DROP AS SELECT * FROM events WHERE once_key IS NOT NULL" \
    -c "TRUNCATE events, webhook_endpoints, webhook_fanout_leases CASCADE" \
    -c "INSERT INTO events SELECT * FROM kept_events" -c "COMMIT" \
    -c "VACUUM ANALYZE events, webhook_deliveries, webhook_attempts"
}
# The write scenarios leave dead rows in tickets, messages and events (1 M rows and more), and
# autovacuum then runs VACUUM ANALYZE on them for minutes: floors measured meanwhile fell to 60 %
# of those measured on a quiet database (docs/benchmarks.md, 2026-12-06). Vacuum them here, where
# nothing is measured, and wait until no autovacuum worker runs, before the API's load and before
# the floors, so both start from the same settled database.
settle() {
  local t0=$SECONDS n
  # (not events: reset_events, run before each settle, truncated and vacuumed them; not the ledger
  # and the idempotency keys: reset_ledger emptied them, and statistics of an empty table give their
  # reads a generic plan that scans the table, slower with every refund of the load until
  # autovacuum analyzes it (the refund's ledger read took 0.173 ms instead of 0.023 in one run of
  # 2026-12-06); truncated, they keep PostgreSQL's default estimate, which picks the indexes)
  psql -q -d "$DB" -c "VACUUM ANALYZE tickets, ticket_units, messages, orders, order_units"
  for _ in $(seq 1 600); do
    n=$(psql -q -d "$DB" -Atc "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'")
    (( n == 0 )) && break
    sleep 1
  done
  echo "   settled in $(( SECONDS - t0 )) s (vacuumed; autovacuum workers running: $n)" | tee -a "$RUN/machine.txt"
}
if [[ $MODE == pg ]]; then
  echo "== reset the ledger (refunds of earlier runs) and the events of earlier runs"
  reset_ledger
  reset_events
fi

echo "== serve on :$PORT (per-token rate limit off: the driver is one client per token)"
export TICKETDESK_RATE_LIMIT=0 TICKETDESK_DB_POOL_SIZE=$POOL TICKETDESK_HTTP_THREADS=$HTTP_THREADS
case $WEBHOOKS in
  on) ;;
  turns) [[ $MODE == pg && $SCENARIOS != all && $SCENARIOS != *,* ]] \
    || { echo "WEBHOOKS=turns needs PostgreSQL and one scenario (SCENARIOS=reply)" >&2; exit 2; } ;;
  off) ;;
  *) echo "WEBHOOKS must be off, on or turns" >&2; exit 2 ;;
esac
[[ $WEBHOOKS != off ]] && export TICKETDESK_WEBHOOKS_ALLOW_INSECURE=true
if [[ $MODE == pg ]]; then
  TICKETDESK_DB_URL="$DB_URL" TICKETDESK_DB_USER="$PGUSER" TICKETDESK_DB_PASSWORD="$PGPASSWORD" \
    java ${SERVER_JAVA_OPTS:-} -jar "$APP" serve --port "$PORT" >"$RUN/server.log" 2>&1 &
else
  env -u TICKETDESK_DB_URL java ${SERVER_JAVA_OPTS:-} -jar "$APP" serve --port "$PORT" --data-dir "$H2_DIR" \
    >"$RUN/server.log" 2>&1 &
fi
SERVER=$!
SERVER_STARTED=$(date +%s.%N)
trap 'kill $SERVER 2>/dev/null || true' EXIT
# The first start recomputes the deadlines of open tickets with the national holidays.
for _ in $(seq 1 600); do
  curl -fs "http://localhost:$PORT/ready" >/dev/null 2>&1 && break
  kill -0 $SERVER 2>/dev/null || { cat "$RUN/server.log"; exit 1; }
  sleep 1
done
curl -fs "http://localhost:$PORT/ready" >/dev/null
awk -v a="$SERVER_STARTED" -v b="$(date +%s.%N)" 'BEGIN { printf "server ready after %.1f s\n", b - a }' \
  | tee -a "$RUN/machine.txt"
grep -i "recomputed" "$RUN/server.log" || true
if [[ $MODE == pg ]]; then
  psql -q -d "$DB" -c "VACUUM ANALYZE sellers, access_tokens"
  settle
  # Events of earlier runs not yet in the feed (a run stopped before its server placed them) would
  # be placed during this run's load: the server places them first (at most 2 minutes).
  unplaced() { psql -q -d "$DB" -Atc "SELECT count(*) FROM events WHERE position IS NULL"; }
  BACKLOG=$(unplaced)
  if (( BACKLOG > 1000 )); then
    echo "== the feed: $BACKLOG events of earlier runs not yet placed; waiting for the server"
    for _ in $(seq 1 120); do (( $(unplaced) <= 1000 )) && break; sleep 1; done
    echo "   $(unplaced) left"
  fi
fi

RECEIVER=
TURNS=()
if [[ $WEBHOOKS != off ]]; then
  echo "== webhooks: a receiver on :$RECEIVER_PORT, one marketplace endpoint for every event type"
  "${BENCH[@]}" receive --port "$RECEIVER_PORT" --skip-seconds "${WARMUP%s}" \
    --out "$RUN/webhooks.txt" >"$RUN/receiver.log" 2>&1 &
  RECEIVER=$!
  trap 'kill $SERVER $RECEIVER 2>/dev/null || true' EXIT
  MARKETPLACE=$(awk -F'\t' '$1 == "marketplace" {print $2; exit}' "$MANIFEST")
  TYPES='"ticket.opened","ticket.message_created","ticket.status_changed","ticket.escalated","ticket.handed_back","ticket.reason_changed","ticket.closed","ticket.deadline_approaching","ticket.overdue","order_unit.refunded","order_unit.cancelled","return_policy.breached","return_label.created"'
  sleep 1
  ENDPOINT=$(curl -fsS -X POST "http://localhost:$PORT/api/v1/webhook-endpoints" \
    -H "Authorization: Bearer $MARKETPLACE" -H 'Content-Type: application/json' \
    -d "{\"url\":\"http://127.0.0.1:$RECEIVER_PORT/hook\",\"events\":[$TYPES]}" \
    | sed -n 's/.*"endpointId":\([0-9]*\).*/\1/p')
  if [[ $WEBHOOKS == turns ]]; then
    TURNS=(--webhook-phases "${PHASE:-30s}" --webhook-endpoint "$ENDPOINT"
      --watch "server=$SERVER,receiver=$RECEIVER")
  fi
fi

# CPU seconds (user + system) of the server, PostgreSQL's processes, the load driver and the
# receiver over the measured part of the load (from 1 s after its warm-up to 5 s before its end,
# while every process still runs): where the 2 cores went.
cpu_seconds() { # pids...
  local t=0
  for p in "$@"; do
    [[ -r /proc/$p/stat ]] && t=$(( t + $(awk '{print $14 + $15}' "/proc/$p/stat") ))
  done
  echo "$t"
}
cpu_split() {
  local driver tick before after t0 t1
  tick=$(getconf CLK_TCK)
  sleep "$(( $(seconds_of "$WARMUP") + 1 ))"
  driver=$(pgrep -f "ticketdesk-benchmarks.jar load" | head -1)
  t0=$(date +%s.%N)
  read -r -a before <<<"$(cpu_seconds $SERVER) $(cpu_seconds $(pgrep -x postgres)) $(cpu_seconds $driver) $(cpu_seconds $RECEIVER) $(awk '/^cpu / {print $2+$3+$4+$7+$8}' /proc/stat)"
  # Well before the driver's end: on a saturated machine the reads themselves take a second or
  # two, and a driver that has exited reads as 0 (a negative figure for it, once).
  sleep "$(( $(seconds_of "$DURATION") - 6 ))"
  t1=$(date +%s.%N)
  read -r -a after <<<"$(cpu_seconds $SERVER) $(cpu_seconds $(pgrep -x postgres)) $(cpu_seconds $driver) $(cpu_seconds $RECEIVER) $(awk '/^cpu / {print $2+$3+$4+$7+$8}' /proc/stat)"
  awk -v t="$tick" -v s="$(( after[0] - before[0] ))" -v p="$(( after[1] - before[1] ))" \
    -v d="$(( after[2] - before[2] ))" -v r="$(( after[3] - before[3] ))" -v a="$(( after[4] - before[4] ))" \
    -v w="$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')" \
    'BEGIN { printf "cpu over %s s of the measured part (s): server %.1f, postgresql %.1f, load driver %.1f, receiver %.1f, other %.1f; busy %.1f\n", w, s/t, p/t, d/t, r/t, (a-s-p-d-r)/t, a/t }'
}
seconds_of() { # 60s, 2m -> seconds
  case "$1" in *m) echo $(( ${1%m} * 60 )) ;; *s) echo "${1%s}" ;; *) echo "$1" ;; esac
}

echo "== load"
CPU_SPLIT=
if [[ $SCENARIOS != all && $SCENARIOS != *,* ]]; then # one scenario: one measured window
  cpu_split >"$RUN/cpu.txt" 2>/dev/null &
  CPU_SPLIT=$!
fi
"${BENCH[@]}" load --base-url "http://localhost:$PORT" --manifest "$MANIFEST" \
  --concurrency "$CONCURRENCY" --duration "$DURATION" --warmup "$WARMUP" --scenario "$SCENARIOS" \
  --rate "${RATE:-0}" "${TURNS[@]}" \
  --out "$RUN/api.tsv" | tee "$RUN/api.txt"
if [[ -n $CPU_SPLIT ]]; then
  wait $CPU_SPLIT || true
  [[ -s $RUN/cpu.txt ]] && tee -a "$RUN/machine.txt" <"$RUN/cpu.txt"
fi
if [[ $MODE == pg ]]; then # whether the feed's sequencer kept up with the load
  echo "events not yet in the feed after the load: $(unplaced)" | tee -a "$RUN/machine.txt"
fi
if [[ -n $RECEIVER ]]; then
  sleep 2 # the last deliveries
  psql -q -d "$DB" -Atc "SELECT 'deliveries: ' || status || ' ' || count(*) FROM webhook_deliveries GROUP BY status" \
    | tee -a "$RUN/webhooks-db.txt"
  kill $RECEIVER
  wait $RECEIVER 2>/dev/null || true
  cat "$RUN/webhooks.txt"
fi
kill $SERVER
wait $SERVER 2>/dev/null || true
trap - EXIT

if [[ $MODE == pg ]]; then
  echo "== pgbench floor"
  reset_ledger
  reset_events
  settle
  "${BENCH[@]}" floor --db-url "$DB_URL" --db-user "$PGUSER" --db-password "$PGPASSWORD" \
    --manifest "$MANIFEST" --pgbench "$PGBENCH" --concurrency "$CONCURRENCY" \
    --duration "$FLOOR_DURATION" --warmup "$FLOOR_WARMUP" --scenario "$SCENARIOS" \
    --api-results "$RUN/api.tsv" --keep-scripts "$RUN/pgbench" --out "$RUN/table.md"
fi
echo "load after:  $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$RUN/machine.txt"
echo "results in $RUN"
