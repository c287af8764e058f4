#!/usr/bin/env bash
# Benchmark: the morning rush. N people arrive and each logs in at a shared desk with a one-time code, at RATE
# logins per second (default 10,000 in 60 s). One tenant, N desks, N users (CSV imports), one OTP per user from
# the REST API; then SIPp plays N desk phones (bench/sipp/morning_storm.xml), one call each:
#   REGISTER, 401, REGISTER with digest, 200 (so the server knows where the desk is);
#   INVITE sip:00*<code>%23@domain with a PCMU offer, 407, ACK, INVITE with digest, 200, ACK — the login;
#   the phone hangs up at once: BYE, 200 (its spoken confirmation stops there);
#   meanwhile the server's re-sync NOTIFY (own Call-ID, so SIPp's out-of-call scenario) is answered 200.
# Afterwards, with the server stopped, SQL on the H2 file counts split sessions.
#
#   bench/morning-storm.sh [N [RATE]]   defaults N=10000, RATE=N/60 (≈167/s)
#   P99_RATE=200 bench/morning-storm.sh  the latency run: RATE=200, N=200*60 unless given
#   STORM_JFR=/tmp/storm.jfr  records the storm alone (JFR, settings=profile) for `jfr print`/`jfr view`
#   WARMUP=W     first W other desks log in the same way at the same rate (a server that has served logins before,
#                as on any morning but the first after a restart); only the N after it are measured and counted
#   DB=pg        the server on the local PostgreSQL (database hotdesk_storm, dropped and made again) instead of H2
#   KEEP=1       keeps the work directory (server log, SIPp stat/rtt/log/error files) and prints where it is.
#
# How to read the one summary line (all counts are for this run):
#   logins          calls SIPp completed (login answered 200, the phone's BYE answered 200) of N
#   failed          SIPp's failed calls: any unexpected answer or timeout (a refused code, no answer)
#   notify_sent     the server's "re-sync NOTIFY sent" lines (its ResyncNotifier logger alone is set to DEBUG)
#   notify_extra    NOTIFYs beyond the first for the same desk (one login should make one)
#   notify_answered distinct NOTIFY Call-IDs SIPp answered 200 (a retransmission counts once)
#   notify_unanswered  NOTIFY transactions that timed out (the server then sends them again: notify_retried,
#                   which also counts "not now" refusals; notify_failed: given up, or refused for good)
#   open_sessions   open sessions in the database afterwards (should be N, N+W with a warm-up); wrong_desk: open sessions whose desk
#                   is not the one the user's code was dialled from
#   split_sessions  desks with more than one open session + users open on more than one desk (the tenant's
#                   policy, AUTO_LOGOUT_OTHER, allows one); should be 0
#   invite_200_p50/p99  from the authenticated INVITE to its 200 on the wire (bench/sip_latency.py; n samples),
#                   or SIPp's when no capture was possible; sipp_rtd_p99 is SIPp's own (in 4 ms steps);
#                   p99_after_first_5% leaves out the first 5 % of logins (a freshly started JVM compiling)
#   server_cpu_per_login  the server process's CPU time during the SIPp run / N (includes registrations, NOTIFYs,
#                   and the first RTP of each prompt); steadier than wall-clock figures on a shared machine
#   elapsed         wall time of the SIPp run (the last calls' prompts included)
# Done when: N=10000 at 167/s has failed=0, notify_sent=notify_answered=10000, split_sessions=0; and the p99 at
# 200/s is under 10 ms.
#
# Needs: a built hotdesk-app/target/hotdesk.jar (builds nothing itself), SIPp (apt-get install sip-tester),
# python3, curl. Loopback only; SIPp bounded by -m and timeouts; stops the server when done.
set -euo pipefail
if [ -n "${P99_RATE:-}" ]; then
  RATE="${2:-$P99_RATE}"; N="${1:-$((RATE * 60))}"
else
  N="${1:-10000}"; RATE="${2:-$(((N + 59) / 60))}"
fi
W="${WARMUP:-0}"; TOTAL=$((N + W))
root="$(cd "$(dirname "$0")/.." && pwd)"
jar="$root/hotdesk-app/target/hotdesk.jar"
[ -f "$jar" ] || { echo "build first: ./mvnw -q package -DskipTests" >&2; exit 1; }
# bin/hotdesk would rebuild a jar older than the sources, in the middle of a benchmark; refuse instead
stale="$(cd "$root" && find pom.xml hotdesk-*/pom.xml hotdesk-*/src/main -newer "$jar" -type f -print -quit 2>/dev/null || true)"
[ -z "$stale" ] || { echo "hotdesk.jar is older than $stale; build first: ./mvnw -q package -DskipTests" >&2; exit 1; }
command -v sipp >/dev/null || { echo "SIPp missing: apt-get install sip-tester" >&2; exit 1; }

work="$(mktemp -d /tmp/hotdesk-storm.XXXX)"
SIP=29060; HTTP=29080; SIPP_PORT=29070; SIPP_MEDIA=29072; TOKEN=bench-admin-token-0123456789abcdef
DOMAIN=storm.hotdesk.test; FIRST_EXT=10000
DB="${DB:-h2}"
case "$DB" in
  h2) export HOTDESK_DATABASE_URL="jdbc:h2:file:$work/data/hotdesk;AUTO_SERVER=TRUE" ;;
  pg)
    # a database of its own on the local PostgreSQL (pg_ctlcluster 15 main start; role hotdesk, as in TESTING.md)
    export HOTDESK_DATABASE_URL='jdbc:postgresql://127.0.0.1:5432/hotdesk_storm?user=hotdesk&password=hotdesk'
    su postgres -c "psql -qc 'DROP DATABASE IF EXISTS hotdesk_storm'" >/dev/null
    su postgres -c "psql -qc 'CREATE DATABASE hotdesk_storm OWNER hotdesk'" >/dev/null ;;
  *) echo "DB must be h2 or pg, was '$DB'" >&2; exit 2 ;;
esac
export HOTDESK_SIP_HOST=127.0.0.1 HOTDESK_SIP_PORT=$SIP HOTDESK_HTTP_HOST=127.0.0.1 HOTDESK_HTTP_PORT=$HTTP
export HOTDESK_TLS_SIP_PORT=0 HOTDESK_TLS_HTTPS_PORT=0 HOTDESK_ADMIN_TOKEN=$TOKEN HOTDESK_LOG_LEVEL=WARN
# the CSV import needs a PIN per user; bcrypt at its lowest cost only so that N PINs are hashed quickly (OTP
# logins never check them)
export HOTDESK_SECURITY_PIN_HASH_COST=4
# Each spoken confirmation holds one even RTP port for its few seconds ("logged in as extension 1 0 0 4 2" is
# about 7 s): at 167 logins/s that is over 1,000 at once, and the default 20000-20999 range has 500.
export HOTDESK_MEDIA_RTP_PORT_MIN=30000 HOTDESK_MEDIA_RTP_PORT_MAX=39999
# The NOTIFYs sent are counted from the server's own log: its re-sync notifier says "re-sync NOTIFY sent" (and
# "answered") at DEBUG only, as one line per login is too much at INFO. The app's logback.xml with just that
# package at DEBUG; everything else stays at WARN.
python3 -c 'import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read("logback.xml").decode())' "$jar" \
  | sed 's#<root #<logger name="org.hotdesk.sip.notify" level="DEBUG"/>\n  <root #' > "$work/logback.xml"
grep -q 'org.hotdesk.sip.notify' "$work/logback.xml" || { echo "could not derive a logback.xml from the jar" >&2; exit 1; }
server=""
stop() { if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi; server=""; }
sniffer=""
cleanup() { stop; if [ -n "$sniffer" ]; then kill "$sniffer" 2>/dev/null || true; fi; if [ -n "${KEEP:-}" ]; then echo "kept $work" >&2; else rm -rf "$work"; fi; }
trap cleanup EXIT
# one SQL statement against the server's database, one row per line (H2: its own shell on the file, the server's
# JDK; PostgreSQL: psql)
sql() {
  if [ "$DB" = pg ]; then
    PGPASSWORD=hotdesk psql -h 127.0.0.1 -U hotdesk -d hotdesk_storm -At -c "$1"
  else
    "$java" -cp "$jar" org.h2.tools.Shell -url "$HOTDESK_DATABASE_URL" -sql "$1"
  fi
}
api() { curl -fsS -H "Authorization: Bearer $TOKEN" "$@"; }
B="http://127.0.0.1:$HTTP/api/v1"

# 1. the server, and the data: one tenant, N desks and N users by CSV, OTP lifetime long enough for the run
# HOTDESK_JAVA_OPTS of the caller still apply, e.g. "-XX:StartFlightRecording=filename=/tmp/storm.jfr,settings=profile"
HOTDESK_JAVA_OPTS="-Dlogback.configurationFile=$work/logback.xml ${HOTDESK_JAVA_OPTS:-}" "$root/bin/hotdesk" serve > "$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 240); do curl -fsS -o /dev/null "http://127.0.0.1:$HTTP/health" 2>/dev/null && break; sleep 0.5; done
curl -fsS -o /dev/null "http://127.0.0.1:$HTTP/health" || { tail -20 "$work/server.log" >&2; echo "server did not start" >&2; exit 4; }
jpid=$(pgrep -P "$server" -f "hotdesk.jar serve" || echo "$server")   # bin/hotdesk execs java: usually the same pid
java="$(readlink "/proc/$jpid/exe")"     # the JDK bin/hotdesk chose: its H2 reads the file below
tenant=$(api -H 'Content-Type: application/json' -d "{\"name\":\"Storm\",\"domain\":\"$DOMAIN\"}" "$B/tenants" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
# every code is made before the first call: it must outlive the making of all N plus the run (3600 s is the most)
api -X PATCH -H 'Content-Type: application/json' -d '{"otpLifetimeSeconds":3600}' "$B/tenants/$tenant/settings" >/dev/null
# in files of 10,000 rows: the API takes bodies up to 1 MB
python3 - "$TOTAL" "$work" "$FIRST_EXT" <<'PY'
import sys
n, work, first, chunk = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), 10000
for part, start in enumerate(range(0, n, chunk)):
    with open('%s/devices-%03d.csv' % (work, part), 'w') as f:
        f.write('mac,name,vendor\n')
        for i in range(start, min(n, start + chunk)):
            f.write('00:15:65:%02x:%02x:%02x,Desk %d,yealink\n' % (i >> 16 & 255, i >> 8 & 255, i & 255, i))
    with open('%s/users-%03d.csv' % (work, part), 'w') as f:
        f.write('extension,name,hot_desk,enabled,pin\n')
        for i in range(start, min(n, start + chunk)):
            pin = '%04d' % (1000 + i % 9000)
            if any(all((int(pin[k - 1]) + step) % 10 == int(pin[k]) for k in range(1, 4)) for step in (0, 1, 9)):
                pin = pin[:3] + str((int(pin[3]) + 5) % 10)   # the server refuses 1111, 1234, 4321
            f.write('%d,Person %d,true,true,%s\n' % (first + i, i, pin))
PY
for f in "$work"/devices-*.csv; do api -H 'Content-Type: text/csv' --data-binary @"$f" "$B/tenants/$tenant/devices.csv" >/dev/null; done
for f in "$work"/users-*.csv; do api -H 'Content-Type: text/csv' --data-binary @"$f" "$B/tenants/$tenant/users.csv" >/dev/null; done
# the generated device passwords, read from the database the way an operator could (the API shows each only once)
sql "SELECT 'ACC;' || name || ';' || sip_username || ';' || sip_password FROM devices WHERE removed_at IS NULL" \
  | grep -E '^ACC;Desk [0-9]+;' | sed 's/ *$//' > "$work/devices.txt"

# 2. one code per user (POST .../users/{u}/otp), desk i for user i; in parallel, as a morning's phones would ask
t_otp=$(date +%s)
python3 - "$B" "$TOKEN" "$tenant" "$TOTAL" "$FIRST_EXT" "$DOMAIN" "$work" "$W" <<'PY'
import http.client, json, sys, threading, urllib.parse
from concurrent.futures import ThreadPoolExecutor
base, token, tenant, n, first, domain, work = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]), sys.argv[6], sys.argv[7]
warmup = int(sys.argv[8])
u = urllib.parse.urlsplit(base)
local = threading.local()
def call(method, path):
    for attempt in range(3):
        if not hasattr(local, 'c'):
            local.c = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
        try:
            local.c.request(method, u.path + path, headers={'Authorization': 'Bearer ' + token, 'Content-Length': '0'})
            r = local.c.getresponse(); body = r.read()
            if r.status >= 300: raise SystemExit('%s %s: %d %s' % (method, path, r.status, body[:300]))
            return r, json.loads(body)
        except (http.client.HTTPException, OSError):
            local.c.close(); del local.c          # a dropped keep-alive connection: once more on a new one
    raise SystemExit('%s %s: no answer' % (method, path))
ids = {}
offset = 0
while True:
    r, page = call('GET', '/tenants/%s/users?limit=1000&offset=%d' % (tenant, offset))
    for user in page: ids[int(user['extension'])] = user['id']
    offset += len(page)
    if not page or offset >= int(r.getheader('X-Total-Count')): break
desks = {}
for line in open(work + '/devices.txt'):
    _, name, username, password = line.rstrip('\n').split(';', 3)
    desks[int(name.split()[1])] = (username, password)
if len(ids) != n or len(desks) != n: raise SystemExit('expected %d users and desks, found %d and %d' % (n, len(ids), len(desks)))
with ThreadPoolExecutor(8) as pool:
    codes = list(pool.map(lambda i: call('POST', '/tenants/%s/users/%d/otp' % (tenant, ids[first + i]))[1]['code'], range(n)))
if len(set(codes)) != n: raise SystemExit('OTP codes not unique')
# desks 0..warmup-1 for the warm-up, the rest for the storm that is measured
for name, part in (('warmup', range(warmup)), ('storm', range(warmup, n))):
    with open(work + '/' + name + '.csv', 'w') as f:
        f.write('SEQUENTIAL\n')
        for i in part:
            username, password = desks[i]
            f.write('%s;%s;[authentication username=%s password=%s];%s\n' % (username, domain, username, password, codes[i]))
PY
otp_seconds=$(($(date +%s) - t_otp))

# 3. the storm. -l: a call lasts the registration, the login and the spoken confirmation (about 8 s), so about
# RATE*8 are open at once, more when the server falls behind; a limit reached would quietly lower the rate.
# -recv_timeout/-timeout and `timeout` bound the run if the server stops answering. -rtt_freq 1: SIPp 3.6 drops
# the rtt samples still buffered when it exits.
scenario="$root/bench/sipp/morning_storm.xml"
run_limit=$((N / RATE + 180))
# WARMUP: the same calls on the first W desks, in a directory of their own, before anything is measured; the
# server's log is counted from the line after it
log_from=1
if [ "$W" -gt 0 ]; then
  mkdir "$work/warmup"
  (cd "$work/warmup" && timeout $((W / RATE + 240)) sipp 127.0.0.1:$SIP -sf "$scenario" \
    -oocsf "$root/bench/sipp/morning_storm_notify.xml" -inf "$work/warmup.csv" \
    -i 127.0.0.1 -p $SIPP_PORT -mi 127.0.0.1 -mp $SIPP_MEDIA -t u1 -r "$RATE" -rp 1000 -m "$W" -l $((RATE * 40 + 100)) \
    -recv_timeout 30000 -timeout "$((W / RATE + 180))s" -buff_size 4194304 -nostdin \
    -trace_stat -stf stat.csv -fd 1 > sipp.out 2>&1) || true
  warm_failed=$(python3 -c 'import sys; r=[l.rstrip().split(";") for l in open(sys.argv[1]) if l.strip()]; print(r[-1][r[0].index("FailedCall(C)")])' "$work/warmup/stat.csv" 2>/dev/null || echo "?")
  sleep 2   # the warm-up's last NOTIFYs answered and logged
  log_from=$(($(wc -l < "$work/server.log") + 1))
fi
# the INVITE-to-200 times on the wire (SIPp's own come in 4 ms steps, see bench/sip_latency.py); needs root or
# CAP_NET_RAW, else only SIPp's are reported
sniffer=""
python3 "$root/bench/sip_latency.py" $SIP "$work/latency.txt" > "$work/sniffer.out" 2>&1 &
sniffer=$!
for _ in $(seq 1 50); do grep -q capturing "$work/sniffer.out" 2>/dev/null && break; kill -0 $sniffer 2>/dev/null || break; sleep 0.1; done
grep -q capturing "$work/sniffer.out" 2>/dev/null || { echo "no wire capture: $(tail -1 "$work/sniffer.out")" >&2; sniffer=""; }
# the server's CPU over the run, from /proc (clock ticks): on a shared machine the wall-clock figures move with
# everyone else's work, CPU per login much less
cpu() { awk '{print $14 + $15}' "/proc/$jpid/stat"; }
cpu0=$(cpu)
# STORM_JFR=file: a Flight Recording (settings=profile) of the storm alone, without the start-up and the data set-up
if [ -n "${STORM_JFR:-}" ]; then "$(dirname "$java")/jcmd" "$jpid" JFR.start name=storm settings=profile filename="$STORM_JFR" >/dev/null; fi
cd "$work"
t0=$(date +%s%N)
set +e
timeout $((run_limit + 60)) sipp 127.0.0.1:$SIP -sf "$scenario" \
  -oocsf "$root/bench/sipp/morning_storm_notify.xml" -inf "$work/storm.csv" \
  -i 127.0.0.1 -p $SIPP_PORT -mi 127.0.0.1 -mp $SIPP_MEDIA -t u1 -r "$RATE" -rp 1000 -m "$N" -l $((RATE * 40 + 100)) \
  -recv_timeout 30000 -timeout "${run_limit}s" -buff_size 4194304 -nostdin \
  -trace_stat -stf "$work/stat.csv" -fd 1 -trace_rtt -rtt_freq 1 \
  -trace_err -error_file "$work/sipp.err" -trace_logs -log_file "$work/notify.log" > "$work/sipp.out" 2>&1
sipp_rc=$?
set -e
t1=$(date +%s%N)
cpu1=$(cpu)
if [ -n "${STORM_JFR:-}" ]; then "$(dirname "$java")/jcmd" "$jpid" JFR.stop name=storm >/dev/null; fi
cd "$root"
# NOTIFYs are sent when the login is made, before its 200; the last ones are long answered when SIPp ends. A second
# for the log's queue, then a clean stop (which also drains it).
sleep 1
stop
tail -n +"$log_from" "$work/server.log" > "$work/server-storm.log"
if [ -n "$sniffer" ]; then kill -TERM $sniffer 2>/dev/null || true; wait $sniffer 2>/dev/null || true; sniffer=""; fi

# 4. the counts
read -r ok failed < <(python3 - "$work/stat.csv" <<'PY'
import sys
rows = [l.rstrip('\n').split(';') for l in open(sys.argv[1]) if l.strip()]
h, last = rows[0], rows[-1]
print(last[h.index('SuccessfulCall(C)')], last[h.index('FailedCall(C)')])
PY
)
# p50/p99: the wire times when captured, else SIPp's; sipp_p99 is always SIPp's (4 ms steps, and its own delays)
read -r p50 p99 samples sipp_p99 p99_warm < <(python3 - "$work" <<'PY'
import glob, os, sys
def q(times, p):
    return times[min(len(times) - 1, int(p * len(times)))] if times else float('nan')
sipp = []
for path in glob.glob(sys.argv[1] + '/*_rtt.csv'):
    for line in open(path):
        parts = line.strip().split(';')
        if len(parts) >= 3 and parts[2] == 'invite_200':
            sipp.append(float(parts[1]))
sipp.sort()
wire_file = sys.argv[1] + '/latency.txt'
in_order = [float(l.split()[0]) for l in open(wire_file)] if os.path.exists(wire_file) else []
wire = sorted(in_order)
times = wire or sipp
# the same p99 without the first 5 % of logins (at 200/s its first 3 s): what a server answers once its JIT has
# compiled the login path; reported beside the whole run's, never instead of it
warm = sorted(in_order[len(in_order) // 20:])
print('%.1f %.1f %s %.0f %.1f' % (q(times, 0.50), q(times, 0.99), '%d%s' % (len(times), '' if wire else '(sipp)'),
                                 q(sipp, 0.99), q(warm, 0.99)))
PY
)
# first attempts only: a retry of an unanswered NOTIFY is counted in notify_retried
notify_sent=$(grep 're-sync NOTIFY sent' "$work/server-storm.log" | grep -c 'attempt=1$' || true)
# a desk sent more than one NOTIFY for its one login (counted per desk from the NOTIFY's own text, not the MDC)
notify_extra=$(grep 're-sync NOTIFY sent' "$work/server-storm.log" | grep 'attempt=1$' | sed 's/.* - re-sync NOTIFY sent//' \
  | grep -o 'mac=[^ ]*' | sort | uniq -d -c | awk '{n += $1 - 1} END {print n + 0}')
notify_unanswered=$(grep 're-sync NOTIFY to be sent again' "$work/server-storm.log" | grep -c 'after=no answer' || true)
notify_retried=$(grep -c 're-sync NOTIFY to be sent again' "$work/server-storm.log" || true)
notify_failed=$(grep -c 're-sync NOTIFY failed' "$work/server-storm.log" || true)
notify_not_registered=$(grep -c 'no re-sync NOTIFY: device not registered' "$work/server-storm.log" || true)
notify_answered=$(grep -h 'NOTIFY-ANSWERED' "$work"/notify.log 2>/dev/null | awk '{print $3}' | sort -u | wc -l)
read -r open_sessions split_devices split_users wrong_desk < <(sql "SELECT 'RESULT ' ||
  (SELECT COUNT(*) FROM sessions WHERE ended_at IS NULL) || ' ' ||
  (SELECT COUNT(*) FROM (SELECT device_id FROM sessions WHERE ended_at IS NULL GROUP BY device_id HAVING COUNT(*) > 1) d) || ' ' ||
  (SELECT COUNT(*) FROM (SELECT user_id FROM sessions WHERE ended_at IS NULL GROUP BY user_id HAVING COUNT(*) > 1) u) || ' ' ||
  (SELECT COUNT(*) FROM sessions s JOIN devices d ON d.id = s.device_id JOIN users u ON u.id = s.user_id
     WHERE s.ended_at IS NULL AND d.name <> ('Desk ' || (CAST(u.extension AS INT) - $FIRST_EXT)))" \
  | grep -E '^RESULT [0-9]' | sed 's/^RESULT //')
elapsed=$(((t1 - t0) / 1000000000))
server_cpu_ms=$(((cpu1 - cpu0) * 1000 / $(getconf CLK_TCK)))
if [ -n "${KEEP:-}" ]; then
  echo "sipp exit $sipp_rc; codes made in ${otp_seconds}s; rtt samples $samples; desks not registered at NOTIFY time: $notify_not_registered" >&2
fi
echo "morning-storm: db=$DB logins=${ok:-?}/$N rate=$RATE/s failed=${failed:-?} notify_sent=$notify_sent" \
  "notify_extra=$notify_extra notify_answered=$notify_answered notify_unanswered=$notify_unanswered notify_retried=$notify_retried notify_failed=$notify_failed open_sessions=${open_sessions:-?}" \
  "wrong_desk=${wrong_desk:-?} split_sessions=$((${split_devices:-0} + ${split_users:-0})) invite_200_p50=${p50}ms" \
  "p99=${p99}ms (n=$samples) p99_after_first_5%=${p99_warm}ms sipp_rtd_p99=${sipp_p99}ms server_cpu_per_login=$(awk -v c="$server_cpu_ms" -v n="$N" 'BEGIN {printf "%.2f", c / n}')ms" \
  "elapsed=${elapsed}s$([ "$W" -gt 0 ] && echo " warmup=$W warmup_failed=$warm_failed")"
