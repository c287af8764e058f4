#!/usr/bin/env bash
# Benchmark: the console's list pages with a provider-sized tenant. One tenant with N desks and N users (CSV
# imports, default 10,000 each), S of them logged in through the REST API (default 2,000: history and audit rows);
# then each list page is fetched R times (default 5) with the admin's console cookie, and its median time and the
# table rows it holds are reported. Goal (issue 18): every list page under 300 ms and under 100 rows.
#
#   bench/console-lists.sh [N [S [R]]]     KEEP=1 keeps the work directory
#
# One summary line: for each page, name=<median ms>ms/<rows>rows; then max_ms and max_rows over all pages.
# Needs: a built hotdesk-app/target/hotdesk.jar, python3, curl. Loopback only; stops the server when done.
set -euo pipefail
N="${1:-10000}"; S="${2:-2000}"; R="${3:-5}"
root="$(cd "$(dirname "$0")/.." && pwd)"
jar="$root/hotdesk-app/target/hotdesk.jar"
[ -f "$jar" ] || { echo "build first: ./mvnw -q package -DskipTests" >&2; exit 1; }
stale="$(cd "$root" && find pom.xml hotdesk-*/pom.xml hotdesk-*/src/main -newer "$jar" -type f -print -quit 2>/dev/null || true)"
[ -z "$stale" ] || { echo "hotdesk.jar is older than $stale; build first: ./mvnw -q package -DskipTests" >&2; exit 1; }

work="$(mktemp -d /tmp/hotdesk-lists.XXXX)"
HTTP=29180; TOKEN=bench-admin-token-0123456789abcdef
export HOTDESK_DATABASE_URL="jdbc:h2:file:$work/data/hotdesk;AUTO_SERVER=TRUE"
export HOTDESK_SIP_HOST=127.0.0.1 HOTDESK_SIP_PORT=29160 HOTDESK_HTTP_HOST=127.0.0.1 HOTDESK_HTTP_PORT=$HTTP
export HOTDESK_TLS_SIP_PORT=0 HOTDESK_TLS_HTTPS_PORT=0 HOTDESK_ADMIN_TOKEN=$TOKEN HOTDESK_LOG_LEVEL=WARN
export HOTDESK_SECURITY_PIN_HASH_COST=4   # N PINs hashed quickly; nothing here checks them
server=""
cleanup() { if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
            if [ -n "${KEEP:-}" ]; then echo "kept $work" >&2; else rm -rf "$work"; fi; }
trap cleanup EXIT
"$root/bin/hotdesk" serve > "$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 240); do curl -fsS -o /dev/null "http://127.0.0.1:$HTTP/health" 2>/dev/null && break; sleep 0.5; done
B="http://127.0.0.1:$HTTP/api/v1"
api() { curl -fsS -H "Authorization: Bearer $TOKEN" "$@"; }
tenant=$(api -H 'Content-Type: application/json' -d '{"name":"Lists","domain":"lists.hotdesk.test"}' "$B/tenants" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
python3 - "$N" "$work" <<'PY'
import sys
n, work, chunk = int(sys.argv[1]), sys.argv[2], 10000
for part, start in enumerate(range(0, n, chunk)):
    with open('%s/devices-%03d.csv' % (work, part), 'w') as f:
        f.write('mac,name,vendor\n')
        for i in range(start, min(n, start + chunk)):
            f.write('00:15:65:%02x:%02x:%02x,Desk %d,yealink\n' % (i >> 16 & 255, i >> 8 & 255, i & 255, i))
    with open('%s/users-%03d.csv' % (work, part), 'w') as f:
        f.write('extension,name,hot_desk,enabled,pin\n')
        for i in range(start, min(n, start + chunk)):
            f.write('%d,Person %d,true,true,%d\n' % (10000 + i, i, 2580 + i % 5 * 1111 + 13))
PY
for f in "$work"/devices-*.csv; do api -H 'Content-Type: text/csv' --data-binary @"$f" "$B/tenants/$tenant/devices.csv" >/dev/null; done
for f in "$work"/users-*.csv; do api -H 'Content-Type: text/csv' --data-binary @"$f" "$B/tenants/$tenant/users.csv" >/dev/null; done
# S admin logins, desk i for user i (sessions, audit rows, re-sync requests)
python3 - "$B" "$TOKEN" "$tenant" "$S" <<'PY'
import http.client, json, sys, threading, urllib.parse
from concurrent.futures import ThreadPoolExecutor
base, token, tenant, s = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
u = urllib.parse.urlsplit(base); local = threading.local()
def call(method, path, body=None):
    if not hasattr(local, 'c'): local.c = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
    data = None if body is None else json.dumps(body)
    local.c.request(method, u.path + path, body=data, headers={'Authorization': 'Bearer ' + token, 'Content-Type': 'application/json'})
    r = local.c.getresponse(); b = r.read()
    if r.status >= 300: raise SystemExit('%s %s: %d %s' % (method, path, r.status, b[:200]))
    return r, json.loads(b) if b else None
def all_of(path):
    out, offset = [], 0
    while True:
        r, page = call('GET', '%s%slimit=1000&offset=%d' % (path, '&' if '?' in path else '?', offset))
        out += page; offset += len(page)
        if not page or offset >= int(r.getheader('X-Total-Count')): return out
users = {int(x['extension']) - 10000: x['id'] for x in all_of('/tenants/%s/users' % tenant)}
desks = {int(x['name'].split()[1]): x['id'] for x in all_of('/tenants/%s/devices' % tenant)}
with ThreadPoolExecutor(4) as pool:
    list(pool.map(lambda i: call('PUT', '/tenants/%s/devices/%d/session' % (tenant, desks[i]), {'userId': users[i]}), range(s)))
PY
# the console's cookie, as a browser gets it
curl -fsS -o /dev/null -c "$work/cookies" -d "token=$TOKEN" "http://127.0.0.1:$HTTP/console/login"
C="http://127.0.0.1:$HTTP/console/tenants/$tenant"
pages=(
  "devices=devices"
  "devices_p100=devices?page=100"
  "devices_sorted=devices?sort=status&dir=desc"
  "devices_search=devices?q=Desk+77"
  "users=users"
  "users_p150=users?sort=extension&page=150"
  "users_search=users?q=Person+42"
  "history=history?tab=sessions"
  "history_person=history?tab=sessions&person=10042"
  "history_p20=history?tab=sessions&page=20"
  "audit=history?tab=audit"
  "audit_search=history?tab=audit&q=session.started"
  "calls=history?tab=calls"
  "charts=history?tab=charts"
  "emergency=history?tab=emergency"
  "sites=sites"
  "tokens=settings/tokens"
  "live=live"
)
line="console-lists: desks=$N users=$N logged_in=$S"
max_ms=0; max_rows=0
for p in "${pages[@]}"; do
  name="${p%%=*}"; path="${p#*=}"
  times=()
  for _ in $(seq 1 "$R"); do
    t=$(curl -fsS -b "$work/cookies" -o "$work/page.html" -w '%{time_total}' "$C/$path")
    times+=("$t")
  done
  ms=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.0f", a[int((NR+1)/2)] * 1000}')
  rows=$(grep -c '<tr' "$work/page.html" || true)
  line="$line $name=${ms}ms/${rows}rows"
  [ "$ms" -gt "$max_ms" ] && max_ms=$ms
  [ "$rows" -gt "$max_rows" ] && max_rows=$rows
done
echo "$line max_ms=$max_ms max_rows=$max_rows"
