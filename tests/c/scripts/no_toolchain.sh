#!/bin/sh
# libanalyze.so loads and works with no Swift toolchain on the machine: the
# toolchain's directory is hidden under an empty tmpfs in a private mount
# namespace and the environment is cleared, then a C program and Python run.
set -eu
lib=$1 ctest_bin=$2 corpus=$3 pybinding=$4
toolchain=$(dirname "$(dirname "$(dirname "$(readlink -f "$(command -v swiftc)")")")")
python=$(command -v python3)
if ! unshare -m true 2>/dev/null; then
  echo "unshare -m is not permitted here"; exit 1
fi
unshare -m sh -c "
  set -e
  mount -t tmpfs none '$toolchain'
  test ! -e '$toolchain/usr/bin/swiftc'
  env -i PATH=/usr/bin:/bin '$ctest_bin' '$corpus' >/dev/null
  env -i PATH=/usr/bin:/bin ANALYZE_LIBRARY='$lib' PYTHONPATH='$pybinding' '$python' -c 'import libanalyze; print(libanalyze.normalize(\"[1, 2]\"))' | grep -qx '\[1,2\]'
"
echo "runs with $toolchain hidden"
