#!/usr/bin/env bash
# Benchmark: the registrar through the reference edge (deploy/kamailio/kamailio.cfg) with 1 or 2 hotdesk nodes on one
# PostgreSQL. Each node is pinned to its own core with taskset (node 1 on core 0, node 2 on core 1); Kamailio, SIPp and
# PostgreSQL are not pinned and share the machine. Same SIPp scenario and PASS rule as ../shared/bench/registrar:
# under 1 % failed, under 1 % retransmitted, at least 95 % of the asked rate achieved. One summary line per rate.
#
# Kamailio runs as the README says to run it: TLSF allocator, one UDP worker per core. Besides each party's CPU per
# registration, machine_idle% says how much of all cores nobody used (near 0: the machine, not one party, is the wall).
#
#   bench/cluster-registrar.sh NODES [RATES...]      NODES 1 or 2; default rates 3000 4000 5000 6000
#   env N=2000 desks, DUR=18 s per rate, WARM=1000 WARM_S=20×NODES (a warm-up at that rate, not reported: every
#   node's JIT compiles its REGISTER path before the first measured rate; each node gets 1/NODES of it, so it lasts
#   NODES times as long; 0 = none)
#
# Needs: a built hotdesk-app/target/hotdesk.jar, kamailio, sipp, PostgreSQL with the role of .ci/run (hotdesk), taskset, bc,
# python3, curl. Loopback only (edge 127.0.0.1:25160, nodes 25161/25162, HTTP 28161/28162); stops everything at the end.
set -uo pipefail
NODES=${1:?usage: $0 NODES [RATES...]}; shift
RATES=${*:-3000 4000 5000 6000}
N=${N:-2000}; DUR=${DUR:-18}; WARM=${WARM:-1000}; WARM_S=${WARM_S:-$((20 * NODES))}
root="$(cd "$(dirname "$0")/.." && pwd)"
[ -f "$root/hotdesk-app/target/hotdesk.jar" ] || { echo "build first: ./mvnw -q package -DskipTests" >&2; exit 1; }
for tool in kamailio sipp taskset psql curl python3 bc; do
  command -v "$tool" >/dev/null || { echo "$tool missing" >&2; exit 1; }
done
EDGE=25160; SIPP_PORT=25170; TOKEN=cluster-bench-token-0123456789abcdef; DOMAIN=cluster.hotdesk.test
work="$(mktemp -d /tmp/hotdesk-cluster.XXXX)"
pids=()
stop() {
  for p in "${pids[@]}"; do kill -TERM -- "-$p" 2>/dev/null; done
  # a node finishes its write-behind and leaves the cluster list before it exits: give it 10 s
  for _ in $(seq 1 20); do
    local alive=0
    for p in "${pids[@]}"; do pgrep -g "$p" >/dev/null && alive=1; done
    [ $alive = 0 ] && break
    sleep 0.5
  done
  for p in "${pids[@]}"; do kill -KILL -- "-$p" 2>/dev/null; done 2>/dev/null
  [ -n "${KEEP:-}" ] && echo "kept: $work" >&2 || rm -rf "$work"
}
trap stop EXIT

su postgres -c "psql -qc 'DROP DATABASE IF EXISTS hotdesk_cluster'" >/dev/null
su postgres -c "psql -qc 'CREATE DATABASE hotdesk_cluster OWNER hotdesk'" >/dev/null
export HOTDESK_DATABASE_URL='jdbc:postgresql://127.0.0.1:5432/hotdesk_cluster?user=hotdesk&password=hotdesk'
export HOTDESK_SIP_HOST=127.0.0.1 HOTDESK_HTTP_HOST=127.0.0.1 HOTDESK_TLS_SIP_PORT=0 HOTDESK_TLS_HTTPS_PORT=0
export HOTDESK_ADMIN_TOKEN=$TOKEN HOTDESK_LOG_LEVEL=WARN
# as deployed: phones are given the edge, and the nodes believe the edge about which phone sent what
export HOTDESK_CLUSTER_EDGE="127.0.0.1:$EDGE" HOTDESK_CLUSTER_TRUSTED_EDGES="127.0.0.1:$EDGE"
: > "$work/nodes.list"
for i in $(seq 1 "$NODES"); do
  mkdir -p "$work/node$i"
  # exec setsid: the node leads its own process group, so stop() takes the JVM with the launcher
  ( cd "$work/node$i" && HOTDESK_SIP_PORT=$((EDGE + i)) HOTDESK_HTTP_PORT=$((28160 + i)) HOTDESK_CLUSTER_NODE_ID="node$i" \
      exec setsid taskset -c $((i - 1)) "$root/bin/hotdesk" serve > "$work/node$i/server.log" 2>&1 ) &
  pids+=($!)
  for _ in $(seq 1 240); do curl -fsS -o /dev/null "http://127.0.0.1:$((28160 + i))/health" 2>/dev/null && break; sleep 0.5; done
  curl -fsS -o /dev/null "http://127.0.0.1:$((28160 + i))/health" || { tail -20 "$work/node$i/server.log"; exit 3; }
  echo "1 sip:127.0.0.1:$((EDGE + i))" >> "$work/nodes.list"
done
# SIPp sends from one address: the edge's per-address flood limit is raised out of the way
( exec setsid kamailio -DD -E -f "$root/deploy/kamailio/kamailio.cfg" -m 1024 -M 16 -x tlsf -X tlsf -A "UDP_WORKERS=$(nproc)" -Y "$work" \
    -A "EDGE_PORT=$EDGE" -A "NODES_FILE=\"$work/nodes.list\"" -A "CTL_SOCKET=\"unix:$work/kamailio_ctl\"" \
    -A "PIKE_DENSITY=60000" > "$work/kamailio.log" 2>&1 ) &
pids+=($!)
sleep 2

python3 - "$TOKEN" "$DOMAIN" "$N" "$work/users.csv" <<'PY' || exit 4
import http.client, json, sys
token, domain, n, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
c = http.client.HTTPConnection('127.0.0.1', 28161, timeout=30)
def call(m, p, b):
    c.request(m, '/api/v1' + p, json.dumps(b), {'Authorization': 'Bearer ' + token, 'Content-Type': 'application/json'})
    r = c.getresponse(); body = r.read()
    if r.status >= 300: raise SystemExit('%s %s -> %s %s' % (m, p, r.status, body[:200]))
    return json.loads(body)
t = call('POST', '/tenants', {'name': 'Cluster', 'domain': domain})
with open(out, 'w') as f:
    f.write('SEQUENTIAL\n')
    for i in range(n):
        mac = '00:15:65:%02x:%02x:%02x' % (i >> 16 & 255, i >> 8 & 255, i & 255)
        d = call('POST', '/tenants/%s/devices' % t['id'], {'mac': mac, 'name': 'Desk %d' % i, 'vendor': 'yealink'})
        f.write('%s;%s;[authentication username=%s password=%s]\n' % (d['sipUsername'], domain, d['sipUsername'], d['sipPassword']))
PY

# CPU ticks of every process of a group (a node's JVM, Kamailio's workers), and of PostgreSQL's backends
ticks() { # PGID...
  local t=0
  for g in "$@"; do
    for p in $(pgrep -g "$g"); do
      [ -r "/proc/$p/stat" ] && t=$((t + $(awk '{sub(/^.*\) /,""); print $12+$13}' "/proc/$p/stat")))
    done
  done
  echo $t
}
# the whole machine's idle ticks (all cores): what nobody used, SIPp and the kernel included
idle_ticks() { awk '/^cpu /{print $5 + $6}' /proc/stat; }
pg_ticks() { local t=0; for p in $(pgrep -u postgres); do [ -r "/proc/$p/stat" ] && t=$((t + $(awk '{sub(/^.*\) /,""); print $12+$13}' "/proc/$p/stat"))); done; echo $t; }
node_groups=("${pids[@]:0:$NODES}"); edge_group=${pids[$NODES]}
run() { # RATE DIR SECONDS
  mkdir -p "$2"
  timeout $(($3 * 4 + 40)) sipp 127.0.0.1:$EDGE -sf "$root/bench/sipp/register_auth_domain.xml" -inf "$work/users.csv" \
    -i 127.0.0.1 -p $SIPP_PORT -t u1 -r "$1" -rp 1000 -m $(($1 * $3)) -l $(($1 * 6)) -recv_timeout 5000 \
    -timeout $(($3 * 3 + 30))s -buff_size 1048576 -nostdin -trace_stat -stf "$2/stat.csv" -fd 1 >/dev/null 2>&1
}
[ "$WARM" -gt 0 ] && run "$WARM" "$work/warm" "$WARM_S"
for rate in $RATES; do
  n0=$(ticks "${node_groups[@]}"); e0=$(ticks "$edge_group"); p0=$(pg_ticks); i0=$(idle_ticks); t0=$(date +%s.%N)
  run "$rate" "$work/r$rate" "$DUR"
  n1=$(ticks "${node_groups[@]}"); e1=$(ticks "$edge_group"); p1=$(pg_ticks); i1=$(idle_ticks); t1=$(date +%s.%N)
  python3 - "$work/r$rate/stat.csv" "$NODES" "$rate" "$((rate * DUR))" "$((n1 - n0))" "$((e1 - e0))" "$((p1 - p0))" \
      "$(echo "$t1 - $t0" | bc -l)" "$(getconf CLK_TCK)" "$N" "$((i1 - i0))" "$(nproc)" <<'PY'
import sys
stat, nodes, rate, calls, nt, et, pt, wall, hz, n, it, cores = sys.argv[1:]
rate, calls, nt, et, pt, hz, wall = int(rate), int(calls), int(nt), int(et), int(pt), int(hz), float(wall)
rows = [l.rstrip("\n").split(";") for l in open(stat) if l.strip()]
h, last = rows[0], rows[-1]
g = lambda k: last[h.index(k)]
created, ok, failed, retr = int(g("TotalCallCreated")), int(g("SuccessfulCall(C)")), int(g("FailedCall(C)")), int(g("Retransmissions(C)"))
achieved = float(g("CallRate(C)"))
failpct = 100.0 * (failed + max(0, calls - created)) / calls
retrpct = 100.0 * retr / (2 * max(created, 1))
verdict = "PASS" if (failpct < 1.0 and retrpct < 1.0 and achieved >= 0.95 * rate) else "FAIL"
ms = lambda t: t / hz * 1000 / max(ok, 1)
print(f"CLUSTER nodes={nodes} accounts={n} rate={rate}/s ok={ok} failed={failed} fail%={failpct:.2f} "
      f"retrans%={retrpct:.2f} achieved={achieved:.0f}/s nodes_cpu%={nt / hz / wall * 100:.0f} "
      f"edge_cpu%={et / hz / wall * 100:.0f} pg_cpu%={pt / hz / wall * 100:.0f} nodes_cpu_ms_per_reg={ms(nt):.3f} "
      f"edge_cpu_ms_per_reg={ms(et):.3f} pg_cpu_ms_per_reg={ms(pt):.3f} "
      f"machine_idle%={int(it) / hz / wall / int(cores) * 100:.0f} {verdict}")
PY
done
