#!/usr/bin/env bash
# Benchmark: how many digest-authenticated registrations per second the registrar completes.
# Starts `hotdesk serve --demo` on loopback ports in a scratch directory, then SIPp registers the three demo
# device accounts over and over (each registration = REGISTER, 401 challenge, REGISTER with digest, 200 OK).
#
#   bench/register-load.sh [RATE_PER_SECOND [COUNT]]      defaults: 200 per second, 10000 registrations
#
# Needs: a built hotdesk-app/target/hotdesk.jar (bin/hotdesk builds it) and SIPp (apt-get install sip-tester).
# Loopback only; bounded in count and time; stops the server when done.
set -euo pipefail
rate="${1:-200}"
count="${2:-10000}"
root="$(cd "$(dirname "$0")/.." && pwd)"
command -v sipp >/dev/null || { echo "SIPp missing: apt-get install sip-tester" >&2; exit 1; }

work="$(mktemp -d)"
export HOTDESK_DATABASE_URL="jdbc:h2:file:$work/data/hotdesk"
export HOTDESK_SIP_HOST=127.0.0.1 HOTDESK_SIP_PORT=15060 HOTDESK_HTTP_HOST=127.0.0.1 HOTDESK_HTTP_PORT=18080
# SIPp reads only the first challenge and knows MD5 only (the default order offers MD5 first)
export HOTDESK_LOG_LEVEL=WARN

"$root/bin/hotdesk" serve --demo > "$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 120); do
  grep -q "hotdesk is running" "$work/server.log" && break
  sleep 1
done
grep -q "hotdesk is running" "$work/server.log" || { cat "$work/server.log"; exit 1; }

{
  echo SEQUENTIAL
  grep -E '^\s+[0-9a-f:]{17} ' "$work/server.log" | awk '{print $(NF-1) ";demo.hotdesk.test;[authentication username=" $(NF-1) " password=" $NF "]"}'
} > "$work/accounts.csv"

start=$(date +%s.%N)
set +e
sipp 127.0.0.1:15060 -sf "$root/hotdesk-sip/src/test/resources/sipp/register.xml" -inf "$work/accounts.csv" \
  -i 127.0.0.1 -p 15070 -r "$rate" -m "$count" -l 500 -timeout 300 -nostdin -trace_stat -stf "$work/stat.csv" \
  > "$work/sipp.out" 2>&1
status=$?
set -e
end=$(date +%s.%N)

ok=$(grep -E "Successful call" "$work/sipp.out" | tail -1 | awk '{print $NF}')
failed=$(grep -E "Failed call" "$work/sipp.out" | tail -1 | awk '{print $NF}')
elapsed=$(echo "$end - $start" | bc)
echo "registrations: offered ${count} at ${rate}/s; successful ${ok:-?}, failed ${failed:-?}; wall ${elapsed}s;" \
     "achieved $(echo "scale=1; ${ok:-0} / $elapsed" | bc)/s (sipp exit $status)"
