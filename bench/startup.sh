#!/usr/bin/env bash
# Startup time of an instance on an existing benchmark database (not part of ./mvnw verify):
# starts the app jar ROUNDS times against BENCH_DB and prints the seconds from the JVM's launch
# to the first 200 of GET /ready, and what the server logged about its start-up work.
#
#   BENCH_DB=ticketdesk_bench bench/startup.sh
#
# Environment (defaults): BENCH_DB (ticketdesk_bench), ROUNDS (5), BENCH_PORT (7080),
# PGHOST (127.0.0.1), PGPORT (5432), PGUSER (ticketdesk), PGPASSWORD (ticketdesk),
# SERVER_JAVA_OPTS (-XX:+UseParallelGC), APP_JAR (app/target/ticketdesk.jar).
# The first start on a database the server has not seen migrates it and may recompute the open
# tickets' deadlines (once per cluster); the rounds after it show an ordinary start.
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${BENCH_DB:-ticketdesk_bench}
ROUNDS=${ROUNDS:-5}
PORT=${BENCH_PORT:-7080}
APP=${APP_JAR:-app/target/ticketdesk.jar}
SERVER_JAVA_OPTS=${SERVER_JAVA_OPTS--XX:+UseParallelGC}
PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432}
export PGUSER=${PGUSER:-ticketdesk} PGPASSWORD=${PGPASSWORD:-ticketdesk}
[[ -f $APP ]] || { echo "$APP is missing: ./mvnw -B -q -DskipTests package" >&2; exit 1; }
LOG=$(mktemp)
trap 'rm -f "$LOG"' EXIT
echo "database $DB: $(psql -h "$PGHOST" -p "$PGPORT" -d "$DB" -Atc "SELECT count(*) FROM tickets") tickets, $(psql -h "$PGHOST" -p "$PGPORT" -d "$DB" -Atc "SELECT pg_size_pretty(pg_database_size(current_database()))")"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq 1 "$ROUNDS"); do
  start=$(date +%s.%N)
  TICKETDESK_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" TICKETDESK_DB_USER="$PGUSER" \
    TICKETDESK_DB_PASSWORD="$PGPASSWORD" \
    java ${SERVER_JAVA_OPTS:-} -jar "$APP" serve --port "$PORT" >"$LOG" 2>&1 &
  server=$!
  until curl -fs "http://localhost:$PORT/ready" >/dev/null 2>&1; do
    kill -0 $server 2>/dev/null || { cat "$LOG"; exit 1; }
    sleep 0.05
  done
  ready=$(date +%s.%N)
  awk -v r="$round" -v a="$start" -v b="$ready" 'BEGIN { printf "round %d: ready after %.2f s\n", r, b - a }'
  grep -iE "migrat|recomput|deadline" "$LOG" | sed 's/^/    /' || true
  kill $server
  wait $server 2>/dev/null || true
done
