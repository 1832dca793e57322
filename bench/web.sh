#!/usr/bin/env bash
# Page timings of the seller workspace on the benchmark data set, in real headless Chromium
# (Navigation, Resource and User Timing; not part of ./mvnw verify).
#
#   bench/web.sh        the biggest seller of the data set bench/run.sh generated: navigation to
#                       its inbox and opening tickets from it, RUNS times each; prints p50/p90/max
#
# Needs a PostgreSQL data set from bench/run.sh (the database and bench/out/manifest-pg.tsv) and
# Debian's chromium and chromium-driver. The server runs against that database (it may migrate
# it); use a copy (BENCH_DB) when others measure on the same one.
# Environment (defaults): BENCH_DB (ticketdesk_bench), PGHOST (127.0.0.1), PGPORT (5432),
# PGUSER (ticketdesk), PGPASSWORD (ticketdesk), RUNS (20), MVN_FLAGS (e.g. -o).
set -euo pipefail
cd "$(dirname "$0")/.."
PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-ticketdesk}
PGPASSWORD=${PGPASSWORD:-ticketdesk}
DB=${BENCH_DB:-ticketdesk_bench}
MANIFEST=$PWD/bench/out/manifest-pg.tsv
[[ -f $MANIFEST ]] || { echo "no $MANIFEST: generate the data set with bench/run.sh first" >&2; exit 1; }
OUT=bench/out/web-$(date -u +%Y%m%dT%H%M%SZ).txt
mkdir -p bench/out
{
  echo "date:        $(date -u +%FT%TZ), database $DB"
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$OUT"
./mvnw ${MVN_FLAGS:-} -B -q -pl app -am verify -Dspotless.check.skip=true \
  -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=WorkspaceTimingsBenchmark -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dticketdesk.bench.db="jdbc:postgresql://$PGHOST:$PGPORT/$DB" \
  -Dticketdesk.bench.user="$PGUSER" -Dticketdesk.bench.password="$PGPASSWORD" \
  -Dticketdesk.bench.manifest="$MANIFEST" -Dticketdesk.bench.runs="${RUNS:-20}" \
  2>&1 | grep --line-buffered -v '^\[\|^SLF4J\|^$' | tee -a "$OUT"
echo "load after:  $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT"
echo "results in $OUT"
