#!/usr/bin/env bash
# The failover drill (deploy/README.md): a PostgreSQL primary with a synchronous standby on this
# machine, HAProxy in TCP mode in front of them (deploy/haproxy-postgres.cfg), two API nodes behind
# HAProxy (deploy/start-cluster.sh), `bench cast --url` casting through them and writing the id of
# every acknowledged ballot. Under that load the primary is killed (SIGKILL, the postmaster and its
# processes at once, as a machine that dies) and the standby promoted; the nodes reconnect by
# themselves through the TCP balancer. Then every acknowledged ballot is looked up on the promoted
# standby. The last line is one JSON object: {"acknowledged":N,"present":M,...}; N = M or the drill failed.
#   bash deploy/failover-drill.sh      (ISOLOIR_DRILL_SECONDS, _VOTERS, _CONCURRENCY: the load)
# A correctness drill, not a benchmark: it runs on whatever the machine is doing.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
seconds="${ISOLOIR_DRILL_SECONDS:-30}"
voters="${ISOLOIR_DRILL_VOTERS:-400}"
concurrency="${ISOLOIR_DRILL_CONCURRENCY:-16}"
dir="${ISOLOIR_DRILL_DIR:-/tmp/isoloir-drill}"
primary_port=55601
standby_port=55602
pg_lb_port=55600
lb_port=8280

node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$node_major" -lt 24 ]; then export PATH="${ISOLOIR_NODE_PREFIX:-/opt/isoloir-node24}/node_modules/.bin:$PATH"; fi
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
log() { printf '[drill %s] %s\n' "$(date -u +%T)" "$*" >&2; }
psql_at() { "$bin/psql" "postgresql://isoloir@127.0.0.1:$1/${2:-postgres}" -v ON_ERROR_STOP=1 -tAq "${@:3}"; }

cleanup() {
  ISOLOIR_CLUSTER_DIR="$dir/cluster" ISOLOIR_NODE_PORTS="8380 8382" bash deploy/start-cluster.sh stop >/dev/null 2>&1 || true
  [ -f "$dir/pg-balancer.pid" ] && kill "$(cat "$dir/pg-balancer.pid")" 2>/dev/null || true
  for d in primary standby; do
    as_pg "$bin/pg_ctl" -D "$dir/$d" -m immediate stop >/dev/null 2>&1 || true
  done
}
trap cleanup EXIT

cleanup
rm -rf "$dir"
mkdir -p "$dir"
[ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"

log "primary on $primary_port (synchronous_commit=on, synchronous_standby_names=standby1)"
as_pg mkdir -p "$dir/primary"
as_pg "$bin/initdb" -D "$dir/primary" -U isoloir --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
# The synchronous setting on the primary's command line only: a copy in its configuration files
# would travel to the standby with the base backup, and the promoted standby would wait forever for
# a standby of its own.
as_pg "$bin/pg_ctl" -D "$dir/primary" -l "$dir/primary/server.log" -w -o \
  "-c listen_addresses=127.0.0.1 -c port=$primary_port -c unix_socket_directories=$dir/primary -c max_connections=200 -c fsync=on -c wal_level=replica -c max_wal_senders=4 -c synchronous_commit=on -c synchronous_standby_names=standby1" \
  start >/dev/null

log "standby on $standby_port (pg_basebackup)"
as_pg "$bin/pg_basebackup" -h 127.0.0.1 -p "$primary_port" -U isoloir -D "$dir/standby" -X stream -c fast
as_pg touch "$dir/standby/standby.signal"
echo "primary_conninfo = 'host=127.0.0.1 port=$primary_port user=isoloir application_name=standby1'" |
  as_pg tee -a "$dir/standby/postgresql.auto.conf" >/dev/null
as_pg "$bin/pg_ctl" -D "$dir/standby" -l "$dir/standby.log" -w -o \
  "-c listen_addresses=127.0.0.1 -c port=$standby_port -c unix_socket_directories=$dir/standby -c max_connections=200 -c fsync=on -c hot_standby=on" \
  start >/dev/null
for _ in $(seq 100); do
  [ "$(psql_at $primary_port postgres -c "select sync_state from pg_stat_replication where application_name = 'standby1'")" = sync ] && break
  sleep 0.2
done
state=$(psql_at $primary_port postgres -c "select sync_state from pg_stat_replication where application_name = 'standby1'")
[ "$state" = sync ] || {
  log "the standby is not synchronous ($state)"
  exit 1
}
log "standby1 is synchronous"

log "HAProxy (TCP) on $pg_lb_port: the primary, else the standby"
ISOLOIR_PG_BIND="127.0.0.1:$pg_lb_port" ISOLOIR_PG_PRIMARY="127.0.0.1:$primary_port" ISOLOIR_PG_STANDBY="127.0.0.1:$standby_port" \
  haproxy -db -f deploy/haproxy-postgres.cfg >"$dir/pg-balancer.log" 2>&1 &
echo $! >"$dir/pg-balancer.pid"
for _ in $(seq 50); do psql_at $pg_lb_port postgres -c 'select 1' >/dev/null 2>&1 && break; sleep 0.2; done
psql_at $pg_lb_port postgres -c 'create database isoloir_drill'
database_url="postgresql://isoloir@127.0.0.1:$pg_lb_port/isoloir_drill"

log "two API nodes and their balancer (deploy/start-cluster.sh)"
ISOLOIR_CLUSTER_DIR="$dir/cluster" ISOLOIR_CLUSTER_DATABASE_URL="$database_url" ISOLOIR_LB_PORT=$lb_port \
  ISOLOIR_NODE_PORTS="8380 8382" ISOLOIR_IDP_PORT=8279 bash deploy/start-cluster.sh >&2

log "bench cast --url: $seconds s, $concurrency in flight, $voters voters"
receipts="$dir/receipts.txt"
: >"$receipts"
DATABASE_URL="$database_url" node "$root/apps/cli/src/main.ts" bench cast --url "http://127.0.0.1:$lb_port" \
  --seconds "$seconds" --concurrency "$concurrency" --voters "$voters" --receipts "$receipts" \
  >"$dir/bench.json" 2>"$dir/bench.log" &
bench=$!

# Kill when casting has gone on for a while (a third of the run).
for _ in $(seq 600); do
  [ "$(wc -l <"$receipts")" -gt 0 ] && break
  kill -0 $bench 2>/dev/null || break
  sleep 0.2
done
sleep "$((seconds / 3))"
postmaster=$(head -1 "$dir/primary/postmaster.pid")
children=$(ps -o pid= --ppid "$postmaster" | tr '\n' ' ')
kill_ms=$(date +%s%3N)
# shellcheck disable=SC2086 # the children's pids, one word each
kill -KILL "$postmaster" $children
log "primary killed (SIGKILL, postmaster $postmaster and its processes) with $(wc -l <"$receipts") ballots acknowledged"
sleep 1
as_pg "$bin/pg_ctl" -D "$dir/standby" -w promote >/dev/null
promoted_ms=$(date +%s%3N)
log "standby promoted ($((promoted_ms - kill_ms)) ms after the kill)"

wait $bench || log "the bench ended with an error (see $dir/bench.log)"
bench_json=$(tail -1 "$dir/bench.json")
log "bench: $bench_json"

nodes_ready=true
for p in 8380 8382; do curl -fsS "http://127.0.0.1:$p/ready" >/dev/null || nodes_ready=false; done

# Every acknowledged ballot, looked up on the promoted standby itself (not through the balancer).
counts=$(psql_at $standby_port isoloir_drill <<SQL
create temp table acks (ballot_id uuid, at_ms bigint);
\copy acks from '$receipts' with (format text, delimiter ' ')
select json_build_object(
  'acknowledged', (select count(*) from acks),
  'present', (select count(*) from acks a where exists (select 1 from ballots b where b.id = a.ballot_id)),
  'acknowledged_before_kill', (select count(*) from acks where at_ms < $kill_ms),
  'present_before_kill', (select count(*) from acks a where at_ms < $kill_ms and exists (select 1 from ballots b where b.id = a.ballot_id)),
  'acknowledged_after_promotion', (select count(*) from acks where at_ms > $promoted_ms),
  'ballots_on_standby', (select count(*) from ballots),
  'in_recovery', pg_is_in_recovery());
SQL
)
node -e '
const [counts, bench, kill, promoted, ready, seconds, concurrency, voters] = process.argv.slice(1);
const c = JSON.parse(counts); const b = JSON.parse(bench);
console.log(JSON.stringify({ ...c, ok: c.acknowledged === c.present && c.acknowledged_after_promotion > 0,
  promote_ms_after_kill: Number(promoted) - Number(kill), nodes_ready: ready === "true", errors: b.errors,
  audit: b.audit, load: { seconds: Number(seconds), concurrency: Number(concurrency), voters: Number(voters), nodes: 2 },
  date: new Date().toISOString() }));
process.exitCode = c.acknowledged === c.present ? 0 : 1;
' "$counts" "$bench_json" "$kill_ms" "$promoted_ms" "$nodes_ready" "$seconds" "$concurrency" "$voters"
