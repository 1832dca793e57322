#!/usr/bin/env bash
# Samples the benchmark database every 5 s while a run goes on (issue 14's write volume): the epoch
# second, the WAL position in bytes, and the rows inserted so far into messages (one per reply),
# webhook_deliveries and webhook_attempts. Stop it with Ctrl-C (or kill) when the run ends.
#   bench/wal-sample.sh > /tmp/wal.tsv &
#   awk -F'|' 'NR>1 && $3>m {printf "%d s: %d replies, %d deliveries, %.0f B of WAL per reply\n",
#     $1-t, $3-m, $4-d, ($2-w)/($3-m)} {t=$1; w=$2; m=$3; d=$4}' /tmp/wal.tsv
set -euo pipefail
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-ticketdesk}
export PGPASSWORD=${PGPASSWORD:-ticketdesk}
DB=${BENCH_DB:-ticketdesk_bench}
while true; do
  psql -d "$DB" -Atc "SELECT extract(epoch FROM now())::bigint,
      pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint,
      (SELECT n_tup_ins FROM pg_stat_user_tables WHERE relname = 'messages'),
      (SELECT n_tup_ins FROM pg_stat_user_tables WHERE relname = 'webhook_deliveries'),
      (SELECT n_tup_ins FROM pg_stat_user_tables WHERE relname = 'webhook_attempts')"
  sleep 5
done
