#!/usr/bin/env bash
# Benchmark: a provider's size in a small heap. One tenant with N desks, N users (with PINs) and N registered
# bindings; the server is then restarted with -Xmx512m and the script reports how long SIP took to answer after the
# start, and the heap in use after a full GC once every desk has registered again (so the location service and the
# account caches hold all N). One summary line.
#
#   bench/memory-100k.sh [N]          default N=100000; env HEAP=512m RATE=1000 (registrations per second)
#   KEEP=1 keeps the data and prints where; REUSE=<that directory> skips step 1 and measures another start on it
#
# Needs: a built hotdesk-app/target/hotdesk.jar, SIPp (apt-get install sip-tester), python3, curl, jcmd (the JDK's).
# Loopback only; SIPp bounded by -m and timeouts; stops the server when done.
set -euo pipefail
N="${1:-100000}"; HEAP="${HEAP:-512m}"; RATE="${RATE:-1000}"
root="$(cd "$(dirname "$0")/.." && pwd)"
jar="$root/hotdesk-app/target/hotdesk.jar"
[ -f "$jar" ] || { echo "build first: ./mvnw -q package -DskipTests" >&2; exit 1; }
command -v sipp >/dev/null || { echo "SIPp missing: apt-get install sip-tester" >&2; exit 1; }
work="${REUSE:-$(mktemp -d /tmp/hotdesk-mem.XXXX)}"
[ -z "${REUSE:-}" ] || [ -f "$work/accounts.csv" ] || { echo "REUSE: no kept run in $work" >&2; exit 1; }
SIP=26060; HTTP=26080; SIPP_PORT=26070; TOKEN=bench-admin-token-0123456789abcdef; DOMAIN=mem.hotdesk.test
export HOTDESK_DATABASE_URL="jdbc:h2:file:$work/data/hotdesk;AUTO_SERVER=TRUE"
export HOTDESK_SIP_HOST=127.0.0.1 HOTDESK_SIP_PORT=$SIP HOTDESK_HTTP_HOST=127.0.0.1 HOTDESK_HTTP_PORT=$HTTP
export HOTDESK_TLS_SIP_PORT=0 HOTDESK_TLS_HTTPS_PORT=0 HOTDESK_ADMIN_TOKEN=$TOKEN HOTDESK_LOG_LEVEL=WARN
# bcrypt at its lowest cost only to create 100,000 PINs in reasonable time; it is not on any measured path
export HOTDESK_SECURITY_PIN_HASH_COST=4
server=""
stop() { if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi; server=""; }
trap 'stop; if [ -n "${KEEP:-}${REUSE:-}" ]; then echo "kept: $work" >&2; else rm -rf "$work"; fi' EXIT
start() { # JAVA_OPTS...
  HOTDESK_JAVA_OPTS="$*" "$root/bin/hotdesk" serve > "$work/server.log" 2>&1 &
  server=$!
}
sip_answers() { python3 - "$SIP" <<'PY'
import socket, sys, time
port = int(sys.argv[1]); s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(('127.0.0.1', 0)); s.settimeout(0.05)
me = s.getsockname()[1]
msg = ("OPTIONS sip:%s@127.0.0.1:%d SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:%d;branch=z9hG4bKmem%%d\r\nFrom: <sip:probe@127.0.0.1>;tag=1\r\n"
       "To: <sip:probe@127.0.0.1>\r\nCall-ID: mem-probe\r\nCSeq: %%d OPTIONS\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n") % ("probe", port, me)
for i in range(1200):
    s.sendto((msg % (i, i + 1)).encode(), ('127.0.0.1', port))
    try:
        if s.recv(4096).startswith(b'SIP/2.0 '): sys.exit(0)
    except socket.timeout:
        pass
sys.exit(1)
PY
}
api() { curl -fsS -H "Authorization: Bearer $TOKEN" "$@"; }

register() { # OUT
  timeout $((N / RATE * 3 + 120)) sipp 127.0.0.1:$SIP -sf "$root/bench/sipp/register_auth_domain.xml" -inf "$work/accounts.csv" \
    -i 127.0.0.1 -p $SIPP_PORT -t u1 -r "$RATE" -rp 1000 -m "$N" -l $((RATE * 6)) -recv_timeout 5000 \
    -timeout $((N / RATE * 3 + 60))s -buff_size 1048576 -nostdin -trace_stat -stf "$work/$1.csv" -trace_err -error_file "$work/$1.err" >/dev/null 2>&1 || true
  python3 - "$work/$1.csv" <<'PY'
import sys
rows = [l.rstrip('\n').split(';') for l in open(sys.argv[1]) if l.strip()]
h, last = rows[0], rows[-1]
print(last[h.index('SuccessfulCall(C)')], last[h.index('FailedCall(C)')])
PY
  rm -f "$work/$1.csv"
}

if [ -z "${REUSE:-}" ]; then
# 1. the data: one tenant, N desks and N users by CSV (one request each), then every desk registers
start
for _ in $(seq 1 240); do curl -fsS -o /dev/null "http://127.0.0.1:$HTTP/health" 2>/dev/null && break; sleep 0.5; done
jpid=$(pgrep -f "hotdesk.jar serve" | head -1)
java="$(readlink "/proc/$jpid/exe")"     # the JDK bin/hotdesk chose
jcmd="$(dirname "$java")/jcmd"
tenant=$(api -H 'Content-Type: application/json' -d "{\"name\":\"Mem\",\"domain\":\"$DOMAIN\"}" \
  "http://127.0.0.1:$HTTP/api/v1/tenants" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
# in files of 20,000 rows: the API takes bodies up to 1 MB
python3 - "$N" "$work" <<'PY'
import sys
n, work, chunk = int(sys.argv[1]), sys.argv[2], 20000
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
            f.write('%d,Person %d,true,true,%s\n' % (100000 + i, i, pin))
PY
for f in "$work"/devices-*.csv; do
  api -H 'Content-Type: text/csv' --data-binary @"$f" "http://127.0.0.1:$HTTP/api/v1/tenants/$tenant/devices.csv" >/dev/null
done
for f in "$work"/users-*.csv; do
  api -H 'Content-Type: text/csv' --data-binary @"$f" "http://127.0.0.1:$HTTP/api/v1/tenants/$tenant/users.csv" >/dev/null
done
# the generated device passwords, read from the database the way an operator could (the API shows each only once)
"$java" -cp "$jar" org.h2.tools.Shell -url "$HOTDESK_DATABASE_URL" \
  -sql "SELECT sip_username || ';$DOMAIN;[authentication username=' || sip_username || ' password=' || sip_password || ']' FROM devices WHERE removed_at IS NULL" \
  | grep -F '[authentication username=' | grep -vF '||' | sed 's/ *$//' | { echo SEQUENTIAL; cat; } > "$work/accounts.csv"
[ "$(($(wc -l < "$work/accounts.csv") - 1))" -eq "$N" ] || { echo "expected $N accounts" >&2; exit 3; }
read -r ok1 failed1 < <(register first)
stop
else
  ok1="(kept)"; failed1="(kept)"
  N=$(($(wc -l < "$work/accounts.csv") - 1))
fi

# 2. the measured start: SIP answering, then every desk registers again, then the heap after a full GC
export HOTDESK_LOG_LEVEL=INFO   # nothing per REGISTER at INFO; the start-up lines say how many bindings came back
t0=$(date +%s%N)
start "-Xmx$HEAP"
sip_answers || { tail -20 "$work/server.log"; echo "SIP did not answer" >&2; exit 4; }
t1=$(date +%s%N)
jpid=$(pgrep -f "hotdesk.jar serve" | head -1)
java="$(readlink "/proc/$jpid/exe")"; jcmd="$(dirname "$java")/jcmd"
read -r ok2 failed2 < <(register second)
# read after the registrations: the bindings load behind SIP (the log line counts those held once loaded)
loaded=$(grep -o 'location loaded bindings=[0-9]*' "$work/server.log" | head -1 | sed 's/.*=//' || true)
"$jcmd" "$jpid" GC.run >/dev/null
used=$("$jcmd" "$jpid" GC.heap_info | sed -n 's/.* used \([0-9]*\)K.*/\1/p' | head -1)
alive=$(kill -0 "$server" 2>/dev/null && echo yes || echo no)
echo "MEMORY desks=$N users=$N bindings_reloaded=${loaded:-?} heap_max=$HEAP sip_answers_after_start_ms=$(((t1 - t0) / 1000000)) registered_first=$ok1/$N failed=$failed1 registered_after_restart=$ok2/$N failed=$failed2 heap_used_after_full_gc_mb=$((used / 1024)) server_alive=$alive"
