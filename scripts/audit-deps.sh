#!/usr/bin/env bash
# Dependency policy, run by .ci/run (README "Dependencies"):
#  1. every dependency in every package.json is pinned to an exact version (offline check, always fails
#     the build when broken);
#  2. `npm audit --omit=dev` finds no advisory of severity high or critical in what ships. When the
#     registry offers no audit endpoint (some mirrors answer 405), the audit is reported as NOT RUN and
#     the build goes on, unless ISOLOIR_AUDIT_REQUIRED=1 (set it where the public registry is reachable).
set -euo pipefail
cd "$(dirname "$0")/.."

node -e '
const fs = require("node:fs");
const files = ["package.json", ...JSON.parse(fs.readFileSync("package.json", "utf8")).workspaces.map((w) => w + "/package.json")];
let bad = 0;
for (const file of files) {
  const pkg = JSON.parse(fs.readFileSync(file, "utf8"));
  for (const kind of ["dependencies", "devDependencies", "optionalDependencies"]) {
    for (const [name, range] of Object.entries(pkg[kind] ?? {})) {
      if (!/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(range)) { console.error(`${file}: ${kind} ${name} "${range}" is not an exact version`); bad++; }
    }
  }
}
if (bad > 0) process.exit(1);
console.log(`dependency pins: ${files.length} package.json files, every version exact`);
'

set +e
out=$(npm audit --omit=dev --audit-level=high 2>&1)
rc=$?
set -e
if printf '%s' "$out" | grep -q 'audit endpoint returned an error'; then
  echo "DEPENDENCY AUDIT NOT RUN: the registry has no audit endpoint ($(npm config get registry))."
  [ "${ISOLOIR_AUDIT_REQUIRED:-0}" = "1" ] && exit 1
  exit 0
fi
printf '%s\n' "$out"
exit "$rc"
