#!/usr/bin/env bash
# The Java client generated from openapi.yaml reads the whole benchmark data set without loss
# (issue 18; not part of ./mvnw verify, which reads a 150-ticket data set).
#
#   bench/client-walk.sh   every seller of the data set bench/run.sh generated pages through all
#                          its tickets and reads each ticket, its chat and its order through the
#                          generated client, compared field by field with the server's own JSON
#
# Environment (defaults): BENCH_DB (ticketdesk_bench), PGHOST (127.0.0.1), PGPORT (5432),
# PGUSER (ticketdesk), PGPASSWORD (ticketdesk), THREADS (4), EVERY (1: every ticket's chat and
# order; N: every N-th, all tickets are still listed), MVN_FLAGS (e.g. -o).
set -euo pipefail
cd "$(dirname "$0")/.."
PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-ticketdesk}
PGPASSWORD=${PGPASSWORD:-ticketdesk}
DB=${BENCH_DB:-ticketdesk_bench}
MANIFEST=$PWD/bench/out/manifest-pg.tsv
[[ -f $MANIFEST ]] || { echo "no $MANIFEST: generate the data set with bench/run.sh first" >&2; exit 1; }
OUT=bench/out/client-walk-$(date -u +%Y%m%dT%H%M%SZ).txt
mkdir -p bench/out
echo "date: $(date -u +%FT%TZ), database $DB, load $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$OUT"
./mvnw ${MVN_FLAGS:-} -B -q -pl contract-client-it -am verify -Dspotless.check.skip=true \
  -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=GeneratedClientOnTheBenchmarkDataSet -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dticketdesk.walk.db="jdbc:postgresql://$PGHOST:$PGPORT/$DB" \
  -Dticketdesk.walk.user="$PGUSER" -Dticketdesk.walk.password="$PGPASSWORD" \
  -Dticketdesk.walk.manifest="$MANIFEST" -Dticketdesk.walk.threads="${THREADS:-4}" \
  -Dticketdesk.walk.every="${EVERY:-1}" \
  2>&1 | grep --line-buffered -v '^\[\|^SLF4J\|^$' | tee -a "$OUT"
echo "results in $OUT"
