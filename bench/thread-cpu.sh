#!/usr/bin/env bash
# CPU time and context switches of a JVM's threads over an interval, summed by thread name (the
# numbers at the end of a name dropped: every "ticketdesk-webhook-worker-N" in one line). Java
# names come from jcmd (/proc's names are cut at 15 characters); system time and context switches
# are what JFR's samples do not show (a thread woken per request costs them). Run beside a
# benchmark's measured part, e.g. for the server and the webhook receiver:
#   bench/thread-cpu.sh "$(pgrep -f 'ticketdesk.jar serve')" 30
#   bench/thread-cpu.sh "$(pgrep -f 'ticketdesk-benchmarks.jar receive')" 30
# Prints: name, user and system CPU in ms (clock ticks of 10 ms), voluntary and involuntary context
# switches, busiest first.
set -euo pipefail
pid=${1:?usage: bench/thread-cpu.sh PID SECONDS}
secs=${2:-30}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
snap() { # tid utime stime voluntary involuntary
  for t in /proc/"$pid"/task/*; do
    read -r -a st < <(sed 's/^.*) //' "$t/stat" 2>/dev/null) || continue
    echo "${t##*/} ${st[11]} ${st[12]} $(awk '/^voluntary_ctxt/ {v=$2} /^nonvoluntary_ctxt/ {n=$2} END {print v, n}' "$t/status" 2>/dev/null)"
  done | sort
}
names() { # tid name: the JVM's names where it has them, else the kernel's
  {
    jcmd "$pid" Thread.print 2>/dev/null \
      | sed -n 's/^"\([^"]*\)".* nid=\(0x[0-9a-f]*\).*/\2 \1/p' \
      | while read -r nid name; do echo "$((nid)) ${name// /_}"; done || true
    for t in /proc/"$pid"/task/*; do echo "${t##*/} $(tr ' ' _ <"$t/comm")"; done
  } | awk '!seen[$1]++' | sort
}
snap >"$tmp/a"
sleep "$secs"
snap >"$tmp/b"
names >"$tmp/n"
join "$tmp/a" "$tmp/b" | join - "$tmp/n" \
  | awk -v hz="$(getconf CLK_TCK)" '{ g = $10; sub(/-?[0-9]+$/, "", g)
      u[g] += $6 - $2; s[g] += $7 - $3; v[g] += $8 - $4; n[g] += $9 - $5 }
    END { for (g in u) if (u[g] + s[g] > 0 || v[g] > 100)
      printf "%-40s user %6d ms  sys %6d ms  switches %7d voluntary %6d involuntary\n",
        g, u[g] * 1000 / hz, s[g] * 1000 / hz, v[g], n[g] }' \
  | sort -k3,3nr
