#!/usr/bin/env bash
# Benchmark of the Python verifier (issue 20: under 2 minutes for a 2,000-voter demo record).
# Builds the demo record once (skipped when DIR/record.json exists; Node 24 on the PATH), then
# times both verifiers on it with its PVs. Run it on a quiet machine: figures taken under other
# load mean little, so the load average is printed before and after.
#   bash verifiers/python/bench.sh [DIR]        (default /tmp/isoloir-bench-2000)
set -euo pipefail
cd "$(dirname "$0")/../.."
dir="${1:-/tmp/isoloir-bench-2000}"
if [ ! -f "$dir/record.json" ]; then
  echo "building a 2,000-voter demo record in $dir (the whole demo election: several minutes)" >&2
  node apps/cli/src/main.ts demo --voters 2000 --out "$dir" >/dev/null
fi
TIMEFORMAT='wall %R s, user %U s, system %S s'
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== python3 verifiers/python/verify.py (one core)"
time python3 verifiers/python/verify.py "$dir/record.json" --pv "$dir/pv"
echo "== isoloir verify (all cores)"
time node apps/cli/src/main.ts verify "$dir/record.json" --pv "$dir/pv"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
