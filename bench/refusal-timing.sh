#!/usr/bin/env bash
# Benchmark: can the time a refusal takes tell a desk's SIP username from an extension? Starts `serve --demo`
# on loopback and sends REGISTERs with wrong credentials, alternating: a demo desk's username with a wrong
# password, and an extension (new each time, so no user is locked out) with a wrong PIN. Each try comes from
# its own loopback address (127.0.0.2 up), so the per-address limiter never holds an answer back. Reports the
# median and p90 from sending the REGISTER with digest to its 403, for both.
#
#   bench/refusal-timing.sh [TRIES_EACH]     default 200
#
# Needs: a built hotdesk-app/target/hotdesk.jar (bin/hotdesk builds it), python3. Stops the server when done.
set -euo pipefail
n="${1:-200}"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
export HOTDESK_DATABASE_URL="jdbc:h2:file:$work/data/hotdesk"
export HOTDESK_SIP_HOST=127.0.0.1 HOTDESK_SIP_PORT=16060 HOTDESK_HTTP_HOST=127.0.0.1 HOTDESK_HTTP_PORT=16080
export HOTDESK_TLS_SIP_PORT=0 HOTDESK_TLS_HTTPS_PORT=0 HOTDESK_LOG_LEVEL=ERROR
"$root/bin/hotdesk" serve --demo > "$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 120); do grep -q "hotdesk is running" "$work/server.log" && break; sleep 1; done
grep -q "hotdesk is running" "$work/server.log" || { cat "$work/server.log"; exit 1; }
desk=$(grep -E '^\s+[0-9a-f:]{17} ' "$work/server.log" | head -1 | awk '{print $(NF-1)}')
python3 - "$n" "$desk" <<'PY'
import hashlib, re, socket, statistics, sys, time, uuid
n, desk = int(sys.argv[1]), sys.argv[2]
domain, port = 'demo.hotdesk.test', 16060
def register(sock, user, auth=None, call_id=None, cseq=1):
    me = sock.getsockname()
    text = ('REGISTER sip:%s SIP/2.0\r\nVia: SIP/2.0/UDP %s:%d;branch=z9hG4bK%s;rport\r\nMax-Forwards: 70\r\n'
            'From: <sip:%s@%s>;tag=%s\r\nTo: <sip:%s@%s>\r\nCall-ID: %s\r\nCSeq: %d REGISTER\r\n'
            'Contact: <sip:%s@%s:%d>\r\nExpires: 300\r\n%sContent-Length: 0\r\n\r\n') % (
        domain, me[0], me[1], uuid.uuid4().hex, user, domain, uuid.uuid4().hex[:8], user, domain, call_id, cseq,
        user, me[0], me[1], ('Authorization: %s\r\n' % auth) if auth else '')
    sock.sendto(text.encode(), ('127.0.0.1', port))
def answer(sock):
    while True:
        data = sock.recv(65535).decode(errors='replace')
        status = int(data.split(' ', 2)[1])
        if status >= 200: return status, data
def refused_after(user, address):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind((address, 0)); s.settimeout(10)
    call_id = uuid.uuid4().hex
    register(s, user, call_id=call_id)
    status, challenge = answer(s)
    h = re.search(r'WWW-Authenticate: Digest ([^\r\n]*algorithm=MD5[^\r\n]*)', challenge) or re.search(r'WWW-Authenticate: Digest ([^\r\n]*)', challenge)
    params = dict(re.findall(r'(\w+)="?([^",]*)"?', h.group(1)))
    ha1 = hashlib.md5(('%s:%s:%s' % (user, params['realm'], 'wrong-secret')).encode()).hexdigest()
    uri = 'sip:' + domain
    ha2 = hashlib.md5(('REGISTER:' + uri).encode()).hexdigest()
    nc, cnonce = '00000001', uuid.uuid4().hex[:8]
    resp = hashlib.md5(('%s:%s:%s:%s:auth:%s' % (ha1, params['nonce'], nc, cnonce, ha2)).encode()).hexdigest()
    auth = ('Digest username="%s", realm="%s", nonce="%s", uri="%s", response="%s", algorithm=MD5, qop=auth, nc=%s, cnonce="%s"'
            % (user, params['realm'], params['nonce'], uri, resp, nc, cnonce))
    t0 = time.perf_counter()
    register(s, user, auth, call_id, 2)
    status, _ = answer(s)
    took = (time.perf_counter() - t0) * 1000
    s.close()
    if status != 403: raise SystemExit('expected 403 for %s, got %d' % (user, status))
    return took
times = {'desk': [], 'extension': []}
for i in range(n):
    address = '127.0.%d.%d' % (1 + (2 * i) // 250, 2 + (2 * i) % 250)
    times['desk'].append(refused_after(desk, address))
    address = '127.0.%d.%d' % (1 + (2 * i + 1) // 250, 2 + (2 * i + 1) % 250)
    times['extension'].append(refused_after(str(5000 + i), address))
def p(xs, q): xs = sorted(xs); return xs[min(len(xs) - 1, int(q * len(xs)))]
d, e = times['desk'], times['extension']
print('refusal-timing: tries=%d desk_wrong_password median=%.2fms p90=%.2fms extension_wrong_pin median=%.2fms p90=%.2fms'
      % (n, statistics.median(d), p(d, 0.9), statistics.median(e), p(e, 0.9)))
PY
