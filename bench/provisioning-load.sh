#!/usr/bin/env bash
# Benchmark: requests per second for a phone's dynamic configuration file, next to nginx serving the very same
# bytes as a static file. Each dynamic fetch is a full answer: the file as the desk shows it now (held in memory
# until a login, logout or edit drops it), the provision counter counted (in memory, written behind every second).
#
#   bench/provisioning-load.sh [SECONDS [CONNECTIONS]]      defaults: 20 seconds, 32 connections
#
# Needs: a built hotdesk-app/target/hotdesk.jar (bin/hotdesk builds it), wrk and nginx
# (apt-get install wrk nginx-light). Loopback only; bounded in time; stops both servers when done.
set -euo pipefail
seconds="${1:-20}"
connections="${2:-32}"
root="$(cd "$(dirname "$0")/.." && pwd)"
for tool in wrk nginx curl; do
  command -v "$tool" >/dev/null || [ -x "/usr/sbin/$tool" ] || { echo "$tool missing: apt-get install wrk nginx-light curl" >&2; exit 1; }
done
nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"

work="$(mktemp -d)"
export HOTDESK_DATABASE_URL="jdbc:h2:file:$work/data/hotdesk"
export HOTDESK_SIP_HOST=127.0.0.1 HOTDESK_SIP_PORT=15060 HOTDESK_HTTP_HOST=127.0.0.1 HOTDESK_HTTP_PORT=18080
export HOTDESK_TLS_SIP_PORT=0 HOTDESK_TLS_HTTPS_PORT=0
# the bench fetches far more often than a phone may: the demo tenant starts with a limit it cannot reach
export HOTDESK_TENANT_DEFAULTS_PROVISIONING_FETCH_LIMIT=100000000
export HOTDESK_LOG_LEVEL=WARN

"$root/bin/hotdesk" serve --demo > "$work/server.log" 2>&1 &
server=$!
nginx_pid=""
cleanup() {
  kill "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
for _ in $(seq 1 120); do
  grep -q "hotdesk is running" "$work/server.log" && break
  sleep 1
done
grep -q "hotdesk is running" "$work/server.log" || { cat "$work/server.log"; exit 1; }

base="$(grep -o 'Phones fetch their configuration from [^ ]*' "$work/server.log" | awk '{print $NF}')"
url="${base}001565de0001.cfg"
ua="Yealink SIP-T54W 96.86.0.100 00:15:65:de:00:01"
mkdir -p "$work/static"
curl -fsS -A "$ua" "$url" -o "$work/static/001565de0001.cfg"
echo "dynamic: $url ($(wc -c < "$work/static/001565de0001.cfg") bytes)"

cat > "$work/nginx.conf" <<CONF
daemon off;
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/tmp; proxy_temp_path $work/tmp; fastcgi_temp_path $work/tmp;
  uwsgi_temp_path $work/tmp; scgi_temp_path $work/tmp;
  server {
    listen 127.0.0.1:18081;
    root $work/static;
    default_type text/plain;
  }
}
CONF
mkdir -p "$work/tmp"
# nginx started as root serves as an unprivileged worker: it must be able to read the file
chmod a+x "$work"; chmod -R a+rX "$work/static"
"$nginx_bin" -c "$work/nginx.conf" -p "$work" &
nginx_pid=$!
sleep 1
curl -fsS "http://127.0.0.1:18081/001565de0001.cfg" | cmp - "$work/static/001565de0001.cfg"

# one warm-up run each, so the JIT has compiled the path before it is measured
wrk -t2 -c"$connections" -d5s -H "User-Agent: $ua" "$url" > /dev/null
wrk -t2 -c"$connections" -d"${seconds}s" -H "User-Agent: $ua" "$url" | tee "$work/dynamic.txt"
wrk -t2 -c"$connections" -d5s "http://127.0.0.1:18081/001565de0001.cfg" > /dev/null
wrk -t2 -c"$connections" -d"${seconds}s" "http://127.0.0.1:18081/001565de0001.cfg" | tee "$work/static.txt"

non2xx="$(grep -o 'Non-2xx or 3xx responses: [0-9]*' "$work/dynamic.txt" || true)"
echo "hotdesk dynamic config: $(awk '/Requests\/sec/ {print $2}' "$work/dynamic.txt") requests/s ${non2xx:+($non2xx)}"
echo "nginx static file:      $(awk '/Requests\/sec/ {print $2}' "$work/static.txt") requests/s"
