#!/usr/bin/env bash
# Fails when the real infrastructure has drifted from the configuration (or the configuration has changes not yet
# applied): `plan -detailed-exitcode` exits 0 when clean, 2 when there are changes, 1 on error.
# Usage: drift-check.sh [CONFIGURATION_DIR]
set -uo pipefail
dir="${1:-.}"
peerform="${PEERFORM:-$(cd "$(dirname "$0")/../.." && pwd)/peerform}"

"$peerform" -chdir="$dir" plan -detailed-exitcode -input=false -no-color -lock-timeout=60s > drift-plan.txt
code=$?
case "$code" in
  0) echo "No drift: the infrastructure matches the configuration." ;;
  2) echo "Drift or unapplied changes found:"; cat drift-plan.txt ;;
  *) echo "The drift check could not run (exit $code):"; cat drift-plan.txt ;;
esac
exit "$code"
