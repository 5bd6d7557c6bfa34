#!/usr/bin/env bash
# Benchmark of the Python verifier (issue 20: under 2 minutes for a 2,000-voter demo record).
# Builds the demo record once (skipped when DIR/record.json exists), then times both verifiers.
# Run it on a quiet machine: figures taken under other load mean little.
#   bash verifiers/python/bench.sh [DIR]        (default /tmp/isoloir-bench-2000)
set -euo pipefail
cd "$(dirname "$0")/../.."
dir="${1:-/tmp/isoloir-bench-2000}"
if [ ! -f "$dir/record.json" ]; then
  echo "building a 2,000-voter demo record in $dir" >&2
  node apps/cli/src/main.ts demo --voters 2000 --out "$dir" >/dev/null
fi
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== python3 verifiers/python/verify.py (one core)"
/usr/bin/time -f 'wall %e s, user %U s, peak %M KiB' python3 verifiers/python/verify.py "$dir/record.json" --pv "$dir/pv"
echo "== isoloir verify (all cores)"
/usr/bin/time -f 'wall %e s, user %U s, peak %M KiB' node apps/cli/src/main.ts verify "$dir/record.json" --pv "$dir/pv"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
