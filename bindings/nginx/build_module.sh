#!/usr/bin/env bash
# Builds ngx_http_analyze_module.so against the system's nginx (Debian nginx-dev):
# copies /usr/share/nginx/src, configures it with the packaged binary's flags
# (conf_flags, so the module's --with-compat signature matches /usr/sbin/nginx)
# plus --add-dynamic-module, and runs `make modules`.
# Usage: build_module.sh MODULE_DIR WORK_DIR INCLUDE_DIR LIB_DIR OUTPUT
set -euo pipefail
module_dir=$1 work=$2 include_dir=$3 lib_dir=$4 output=$5
nginx_src=${NGINX_SRC:-/usr/share/nginx/src}
# shellcheck disable=SC1091
source "$nginx_src/conf_flags"    # defines NGX_CONF_FLAGS=( ... )
export ANALYZE_INCLUDE_DIR=$include_dir ANALYZE_LIB_DIR=$lib_dir
stamp="$work/configured.args"
args="${NGX_CONF_FLAGS[*]} --add-dynamic-module=$module_dir $include_dir $lib_dir"
if [ ! -f "$work/src/objs/Makefile" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$args" ]; then
  rm -rf "$work/src"
  mkdir -p "$work"
  cp -a "$nginx_src" "$work/src"
  (cd "$work/src" && ./configure "${NGX_CONF_FLAGS[@]}" --add-dynamic-module="$module_dir" >"$work/configure.log" 2>&1) ||
    { tail -n 30 "$work/configure.log" >&2; exit 1; }
  printf '%s' "$args" >"$stamp"
fi
make -s -C "$work/src" -f objs/Makefile modules >"$work/make.log" 2>&1 || { cat "$work/make.log" >&2; exit 1; }
if grep -q "warning:" "$work/make.log"; then cat "$work/make.log" >&2; exit 1; fi
mkdir -p "$(dirname "$output")"
cp "$work/src/objs/ngx_http_analyze_module.so" "$output.tmp"
mv "$output.tmp" "$output"
