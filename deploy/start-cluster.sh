#!/usr/bin/env bash
# Several API nodes on this machine: PostgreSQL (scripts/start-postgres.sh), two `isoloir start`
# processes on one database with one server secret, and HAProxy (deploy/haproxy.cfg) in front.
#   bash deploy/start-cluster.sh          start (idempotent: what runs already is left running)
#   bash deploy/start-cluster.sh stop     stop what it started (by the pids it wrote)
# Then, against the balancer (the line to run is printed at the end):
#   DATABASE_URL=… npx isoloir bench cast --url http://127.0.0.1:8080 --seconds 30
# Environment (all optional):
#   ISOLOIR_CLUSTER_DIR   pids, logs, secret (default /tmp/isoloir-cluster)
#   ISOLOIR_LB_PORT       the balancer (8080); ISOLOIR_NODE_PORTS the nodes ("8180 8182")
#   ISOLOIR_CLUSTER_DATABASE_URL   the database (default: a database `isoloir_cluster` on the
#                         cluster of scripts/start-postgres.sh, created if absent)
#   ISOLOIR_OIDC_ISSUER   the identity provider (CSAM/FAS in production, with its ISOLOIR_OIDC_*);
#                         unset: one development identity provider (`isoloir idp`) for all the nodes,
#                         on ISOLOIR_IDP_PORT (8079): a provider per node would not know the
#                         authorisation codes of the others'.
#   NODE_ENV, ISOLOIR_SECRET_FILE, ISOLOIR_PUBLIC_URL, ISOLOIR_METRICS_TOKEN: passed to the nodes.
# The nodes never seed the demo (`--no-demo`): two nodes would both run its key ceremony; the bench
# seeds its own voters (`bench cast --url`).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
dir="${ISOLOIR_CLUSTER_DIR:-/tmp/isoloir-cluster}"
lb_port="${ISOLOIR_LB_PORT:-8080}"
read -r -a node_ports <<<"${ISOLOIR_NODE_PORTS:-8180 8182}"
idp_port="${ISOLOIR_IDP_PORT:-8079}"
mkdir -p "$dir"
chmod 700 "$dir"

node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$node_major" -lt 24 ]; then export PATH="${ISOLOIR_NODE_PREFIX:-/opt/isoloir-node24}/node_modules/.bin:$PATH"; fi
cli="$root/apps/cli/src/main.ts"
# `node` itself in the background (not a shell function), so that the pid written is the process's.

running() { [ -f "$dir/$1.pid" ] && kill -0 "$(cat "$dir/$1.pid")" 2>/dev/null; }

stop_all() {
  for name in balancer "${node_ports[@]/#/node-}" idp; do
    if running "$name"; then
      pid=$(cat "$dir/$name.pid")
      kill "$pid"
      # A graceful stop finishes the requests in flight; one that hangs (its database gone) is killed.
      for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
      if kill -0 "$pid" 2>/dev/null; then
        kill -KILL "$pid"
        echo "killed $name (no graceful stop within 10 s)"
      else
        echo "stopped $name"
      fi
    fi
    rm -f "$dir/$name.pid"
  done
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

if [ "${1:-start}" = stop ]; then
  stop_all
  exit 0
fi

command -v haproxy >/dev/null || {
  echo "start-cluster: haproxy is not installed (apt-get install -y haproxy)" >&2
  exit 1
}

# The database: one for every node.
if [ -z "${ISOLOIR_CLUSTER_DATABASE_URL:-}" ]; then
  eval "$(bash scripts/start-postgres.sh)"
  psql=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)/psql
  if [ "$("$psql" "$DATABASE_URL" -tAc "select 1 from pg_database where datname = 'isoloir_cluster'")" != 1 ]; then
    "$psql" "$DATABASE_URL" -qc 'create database isoloir_cluster' >/dev/null
  fi
  ISOLOIR_CLUSTER_DATABASE_URL="${DATABASE_URL%/*}/isoloir_cluster"
fi
export DATABASE_URL="$ISOLOIR_CLUSTER_DATABASE_URL"

# One server secret for every node (keyed pseudonyms, K-codes): a node with another one would make
# other pseudonyms. In production: the operator's file, given by ISOLOIR_SECRET_FILE.
if [ -z "${ISOLOIR_SECRET_FILE:-}" ]; then
  export ISOLOIR_SECRET_FILE="$dir/secrets/server.secret"
  [ -f "$ISOLOIR_SECRET_FILE" ] || node "$cli" secret new "$ISOLOIR_SECRET_FILE" >/dev/null
fi

lb="http://localhost:$lb_port"
# Set but empty: no public URL, each node answers under the address it was asked at (the cluster test).
export ISOLOIR_PUBLIC_URL="${ISOLOIR_PUBLIC_URL-$lb}"
# The client's address (per-address rate limits) from X-Forwarded-For, from the balancer only.
export ISOLOIR_TRUST_PROXY="${ISOLOIR_TRUST_PROXY:-127.0.0.1,::1}"

if [ -z "${ISOLOIR_OIDC_ISSUER:-}" ]; then
  if ! running idp; then
    port_free "$idp_port" || {
      echo "start-cluster: port $idp_port is taken by another process" >&2
      exit 1
    }
    clients=("$lb" "http://127.0.0.1:$lb_port")
    for p in "${node_ports[@]}"; do clients+=("http://localhost:$p" "http://127.0.0.1:$p"); done
    node "$cli" idp --port "$idp_port" --client "${clients[@]}" >"$dir/idp.log" 2>&1 &
    echo $! >"$dir/idp.pid"
  fi
  export ISOLOIR_OIDC_ISSUER="http://127.0.0.1:$idp_port"
  export ISOLOIR_OIDC_CLIENT_ID=isoloir-dev ISOLOIR_OIDC_CLIENT_SECRET=isoloir-dev-secret-not-for-production
  for _ in $(seq 100); do
    curl -fsS "$ISOLOIR_OIDC_ISSUER/.well-known/openid-configuration" >/dev/null 2>&1 && break
    sleep 0.2
  done
fi

wait_ready() { # url name
  for _ in $(seq 300); do
    curl -fsS "$1/ready" >/dev/null 2>&1 && return 0
    running "$2" || {
      echo "start-cluster: $2 stopped, see $dir/$2.log" >&2
      tail -20 "$dir/$2.log" >&2
      return 1
    }
    sleep 0.2
  done
  echo "start-cluster: $2 is not ready after 60 s, see $dir/$2.log" >&2
  return 1
}

# The nodes, all at once (the migrations take an advisory lock: one node migrates, the others wait).
for p in "${node_ports[@]}"; do
  name="node-$p"
  if ! running "$name"; then
    port_free "$p" || {
      echo "start-cluster: port $p is taken by another process" >&2
      exit 1
    }
    node "$cli" start --port "$p" --host 127.0.0.1 --no-demo --data "$dir/$name" >"$dir/$name.log" 2>&1 &
    echo $! >"$dir/$name.pid"
  fi
done
for p in "${node_ports[@]}"; do wait_ready "http://127.0.0.1:$p" "node-$p"; done

if ! running balancer; then
  port_free "$lb_port" || {
    echo "start-cluster: port $lb_port is taken by another process" >&2
    exit 1
  }
  ISOLOIR_LB_BIND="127.0.0.1:$lb_port" ISOLOIR_NODE1="127.0.0.1:${node_ports[0]}" ISOLOIR_NODE2="127.0.0.1:${node_ports[1]}" \
    haproxy -db -f deploy/haproxy.cfg >"$dir/balancer.log" 2>&1 &
  echo $! >"$dir/balancer.pid"
fi
for _ in $(seq 100); do
  curl -fsS "http://127.0.0.1:$lb_port/ready" >/dev/null 2>&1 && break
  sleep 0.2
done
curl -fsS "http://127.0.0.1:$lb_port/ready" >/dev/null

cat <<EOF
isoloir: ${#node_ports[@]} API nodes (${node_ports[*]}) behind HAProxy at $lb
database: $DATABASE_URL   logs and pids: $dir
casting through the balancer:
  DATABASE_URL=$DATABASE_URL node apps/cli/src/main.ts bench cast --url http://127.0.0.1:$lb_port --seconds 30
stop: bash deploy/start-cluster.sh stop
EOF
