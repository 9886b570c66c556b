#!/usr/bin/env bash
# The repository is self-contained: no tracked file may refer to the hand-off
# folder that sits beside the repository on the team's machines (it does not
# exist for a user who clones the project). Usage: self_contained.sh REPO
set -euo pipefail
repo=$1
# Built from pieces so that this script does not match itself.
pattern='\.\./'"shared"'(/|\b)'
if hits=$(git -C "$repo" grep -nIE "$pattern" -- . 2>/dev/null); then
  echo "files that refer to a folder outside the repository:" >&2
  echo "$hits" >&2
  exit 1
fi
# The copies the tests and docs use are in the repository.
for file in spec/openapi-analyze.json spec/api-revision-2026-10.md spec/create-async-analysis-task.txt docs/design.md; do
  [ -s "$repo/$file" ] || { echo "missing $file" >&2; exit 1; }
done
echo "self-contained: no reference outside the repository"
