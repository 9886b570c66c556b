#!/bin/sh
# The .so is self-contained: no Swift runtime or Foundation is NEEDED, only the
# allowed system libraries, and it has the right SONAME.
set -eu
lib=$1
needed=$(readelf -d "$lib" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
status=0
for dep in $needed; do
  case "$dep" in
    libc.so.*|libm.so.*|libstdc++.so.*|libgcc_s.so.*|libsimdjson.so.*|libcrypto.so.3|ld-linux-*.so.*) ;;
    *) echo "unexpected NEEDED entry: $dep"; status=1 ;;
  esac
done
if readelf -d "$lib" | grep -qiE 'swift|Foundation'; then echo "Swift runtime is linked dynamically"; status=1; fi
soname=$(readelf -d "$lib" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')
[ "$soname" = "libanalyze.so.1" ] || { echo "SONAME is '$soname', expected libanalyze.so.1"; status=1; }
ldd "$lib" | grep -q 'not found' && { echo "unresolved dependency:"; ldd "$lib"; status=1; }
[ $status -eq 0 ] && echo "NEEDED: $(echo $needed)"
exit $status
