#!/usr/bin/env bash
# The nginx module end to end on loopback (docs/nginx.md): starts the real
# /usr/sbin/nginx with ngx_http_analyze_module under a temporary prefix,
# delivers a signed analyze.task.ready webhook (examples/webhook-ready.json),
# shows what was stored, then fetches the player-ready HLS metadata rendition
# (master playlist, subtitle playlist, a segment) and lets ffprobe read it.
# Needs a build with the module (bash scripts/setup.sh) and nginx-core.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
module=$repo/build/lib/nginx/ngx_http_analyze_module.so
cli=$repo/build/bin/analyze
event=$repo/examples/webhook-ready.json
[ -x /usr/sbin/nginx ] || { echo "nginx_demo: /usr/sbin/nginx is missing (apt-get install nginx-core)" >&2; exit 1; }
[ -f "$module" ] || { echo "nginx_demo: $module is missing (install nginx-dev, then bash scripts/setup.sh)" >&2; exit 1; }

prefix=$(mktemp -d /tmp/analyze-nginx-demo.XXXXXX)
chmod 755 "$prefix"
mkdir -p "$prefix"/{conf,logs,store,body}
[ "$(id -u)" -ne 0 ] || chown nobody "$prefix/store"   # the workers run as nobody
printf 'whsec_demo_secret\n' >"$prefix/conf/secret"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat >"$prefix/conf/nginx.conf" <<EOF
load_module $module;
daemon off;
worker_processes 2;
pid $prefix/logs/nginx.pid;
error_log $prefix/logs/error.log notice;
thread_pool analyze threads=2;
events { worker_connections 64; }
http {
    access_log off;
    client_body_temp_path $prefix/body;
    proxy_temp_path $prefix/body/proxy;
    fastcgi_temp_path $prefix/body/fastcgi;
    uwsgi_temp_path $prefix/body/uwsgi;
    scgi_temp_path $prefix/body/scgi;
    server {
        listen 127.0.0.1:$port;
        analyze_store $prefix/store;
        location = /hooks/analyze {
            analyze_webhook;
            analyze_webhook_secret_file $prefix/conf/secret;
            analyze_webhook_thread_pool analyze;
        }
        location /hls/ {
            analyze_hls;
            analyze_hls_target_duration 600;
            analyze_hls_video video/index.m3u8 2500000;
        }
    }
}
EOF
stop() {
  kill -QUIT "$master" 2>/dev/null || true
  wait "$master" 2>/dev/null || true
  rm -rf "$prefix"
}
/usr/sbin/nginx -p "$prefix" -c conf/nginx.conf -e "$prefix/logs/error.log" &
master=$!
trap stop EXIT
for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.05; done
base=http://127.0.0.1:$port

echo "== nginx $(/usr/sbin/nginx -v 2>&1 | sed 's/.*\///') with ngx_http_analyze_module on 127.0.0.1:$port"
signature=$("$cli" sign-webhook --secret-file "$prefix/conf/secret" "$event")
echo "== POST /hooks/analyze (TL-Signature: ${signature:0:24}...)"
curl -s -o /dev/null -w 'HTTP %{http_code}\n' -H "TL-Signature: $signature" -H 'Content-Type: application/json' \
  --data-binary @"$event" "$base/hooks/analyze"
echo "== the same body with a forged signature"
curl -s -o /dev/null -w 'HTTP %{http_code}\n' -H "TL-Signature: t=$(date +%s),v1=$(printf '0%.0s' $(seq 64))" \
  --data-binary @"$event" "$base/hooks/analyze"
echo "== stored (atomically: temporary file + rename)"
ls "$prefix/store"
echo "== GET /hls/match-2026-11-29/master.m3u8"
curl -s "$base/hls/match-2026-11-29/master.m3u8"
echo "== GET /hls/match-2026-11-29/analysis.m3u8"
curl -s "$base/hls/match-2026-11-29/analysis.m3u8"
echo "== GET /hls/match-2026-11-29/segment1.vtt"
curl -s "$base/hls/match-2026-11-29/segment1.vtt"
if command -v ffprobe >/dev/null; then
  echo "== ffprobe reads the subtitle playlist"
  ffprobe -v error -show_entries format=format_name,duration:stream=codec_name -of default=noprint_wrappers=1 \
    "$base/hls/match-2026-11-29/analysis.m3u8" | sort -u
fi
