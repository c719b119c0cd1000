#!/usr/bin/env bash
# Two app nodes on one throwaway PostgreSQL behind the proxy, on loopback, for trying by hand
# (docs/adr/0005-two-nodes-behind-a-proxy.md). Prints one line each, then `ready`:
#   proxy <url>
#   node-a <url> <pid>
#   node-b <url> <pid>
#   ready
# Open the proxy's url in two browsers, log in (README's demo logins), `kill -9` a node's pid: its
# browsers reload on the other node and keep their login. SIGTERM or Ctrl-C stops everything it started
# and removes the database. Logs: $SKED_CLUSTER_DIR (default a temp folder, named on stderr).
# Settings: SKED_PROXY_PORT (default a free port), SKED_DEMO=false (no demo staff and cases),
# SKED_NO_BUILD=1 (use the last Release build). The commands are docker-compose.yml's.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="${SKED_CLUSTER_DIR:-$(mktemp -d /tmp/sked-cluster-XXXXXX)}"
mkdir -p "$dir"
pids=()
pg_bin=""
as_postgres=()

stop() {
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ -n "$pg_bin" ] && [ -d "$dir/pg" ]; then
    "${as_postgres[@]}" "$pg_bin/pg_ctl" -D "$dir/pg" -m fast -w stop >/dev/null 2>&1 || true
  fi
  [ -z "${SKED_CLUSTER_DIR:-}" ] && rm -rf "$dir"
  exit 0
}
trap stop INT TERM EXIT

# A port nothing listens on, picked at random above 20000.
free_port() {
  local port
  while true; do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
}

wait_healthy() { # url pid name
  for _ in $(seq 1 240); do
    if curl -fsS "$1/health" >/dev/null 2>&1; then return 0; fi
    if ! kill -0 "$2" 2>/dev/null; then echo "$3 stopped while starting; see $dir/$3.log" >&2; exit 1; fi
    sleep 0.5
  done
  echo "$3 did not become healthy; see $dir/$3.log" >&2
  exit 1
}

echo "cluster folder: $dir" >&2
if [ "${SKED_NO_BUILD:-}" != "1" ]; then
  echo "building (Release)…" >&2
  dotnet build "$root/src/Sked.Workflows.Web" -c Release -v q -nologo >"$dir/build.log" 2>&1 || { cat "$dir/build.log" >&2; exit 1; }
  dotnet build "$root/src/Sked.Workflows.Proxy" -c Release -v q -nologo >>"$dir/build.log" 2>&1 || { cat "$dir/build.log" >&2; exit 1; }
fi

# PostgreSQL as the tests start it: initdb into the folder, loopback and a free port (as 'postgres' when root).
pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
[ -x "$pg_bin/initdb" ] || { echo "PostgreSQL server binaries not found: apt-get install -y postgresql" >&2; exit 1; }
if [ "$(id -u)" -eq 0 ]; then chown postgres "$dir"; as_postgres=(runuser -u postgres --); fi
pg_port="$(free_port)"
"${as_postgres[@]}" "$pg_bin/initdb" -D "$dir/pg" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1
"${as_postgres[@]}" "$pg_bin/pg_ctl" -D "$dir/pg" -l "$dir/postgres.log" -w -t 60 -o "-p $pg_port -h 127.0.0.1 -k $dir -c max_connections=200" start >/dev/null

export ASPNETCORE_ENVIRONMENT=Production
# Plain HTTP on loopback for trying by hand: cookies may not be HTTPS-only here (docs/operations.md).
export Https__Enabled=false
export Database__Provider=Postgres
export ConnectionStrings__Sked="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=sked"
export Demo__Enabled="${SKED_DEMO:-true}"
export Proxy__TrustedProxies__0=127.0.0.1

start_node() { # name port; sets started_pid
  (cd "$root/src/Sked.Workflows.Web" && \
    Cluster__NodeName="$1" Search__CaseIndexPath="$dir/$1-index" ASPNETCORE_URLS="http://127.0.0.1:$2" \
    exec dotnet "bin/Release/net10.0/Sked.Workflows.Web.dll" >"$dir/$1.log" 2>&1) &
  started_pid=$!
}

# Node A first: it creates, migrates and seeds a fresh database; node B starts on a ready one.
port_a="$(free_port)"; start_node node-a "$port_a"; pid_a=$started_pid; pids+=("$pid_a")
wait_healthy "http://127.0.0.1:$port_a" "$pid_a" node-a
port_b="$(free_port)"; start_node node-b "$port_b"; pid_b=$started_pid; pids+=("$pid_b")
wait_healthy "http://127.0.0.1:$port_b" "$pid_b" node-b

proxy_port="${SKED_PROXY_PORT:-$(free_port)}"
(cd "$root/src/Sked.Workflows.Proxy" && \
  Proxy__Nodes__0="http://127.0.0.1:$port_a" Proxy__Nodes__1="http://127.0.0.1:$port_b" ASPNETCORE_URLS="http://127.0.0.1:$proxy_port" \
  exec dotnet "bin/Release/net10.0/Sked.Workflows.Proxy.dll" >"$dir/proxy.log" 2>&1) &
pid_proxy=$!; pids+=("$pid_proxy")
for _ in $(seq 1 120); do curl -fsS "http://127.0.0.1:$proxy_port/health" >/dev/null 2>&1 && break; sleep 0.5; done

echo "proxy http://127.0.0.1:$proxy_port"
echo "node-a http://127.0.0.1:$port_a $pid_a"
echo "node-b http://127.0.0.1:$port_b $pid_b"
echo "ready"

# Wait until stopped; a node killed by hand is left dead (that is the point), the script keeps the rest.
while kill -0 "$pid_proxy" 2>/dev/null; do sleep 1 & wait $! || true; done
