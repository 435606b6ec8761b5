#!/usr/bin/env bash
# Start a throwaway PostgreSQL cluster (initdb into a temp dir, a free port) and print its URL.
# Usage: eval "$(scripts/pg-throwaway.sh start)"   → exports DATABASE_URL and PG_THROWAWAY_DIR
#        scripts/pg-throwaway.sh stop "$PG_THROWAWAY_DIR"
# Outage drills (server/src/db/outage.test.ts): `halt DIR` stops the server and keeps its data,
# `resume DIR` starts it again on the same port.
set -euo pipefail
PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
[ -x "$PG_BIN/initdb" ] || { echo "PostgreSQL binaries not found (install the postgresql package)" >&2; exit 1; }

run_as_pg() {
  # initdb and postgres refuse to run as root.
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_start() {
  local dir=$1
  run_as_pg "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -o "-p $(cat "$dir/port") -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
}

case "${1:-}" in
  start)
    dir=$(mktemp -d /tmp/zl-pg.XXXXXX)
    chmod 755 "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
    run_as_pg "$PG_BIN/initdb" -D "$dir/data" -U zhiliang --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1
    echo "$port" >"$dir/port"
    pg_start "$dir"
    run_as_pg "$PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U zhiliang zhiliang
    echo "export PG_THROWAWAY_DIR=$dir"
    echo "export DATABASE_URL=postgres://zhiliang@127.0.0.1:$port/zhiliang"
    ;;
  halt)
    dir=${2:?directory}
    run_as_pg "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    ;;
  resume)
    dir=${2:?directory}
    # After a kill -9 of the postmaster its orphaned backends hold the shared memory until they
    # notice and exit: try again for a while.
    for _ in $(seq 1 40); do
      if pg_start "$dir" 2>/dev/null; then exit 0; fi
      sleep 0.25
    done
    pg_start "$dir"
    ;;
  stop)
    dir=${2:?directory}
    run_as_pg "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *) echo "usage: $0 start | halt DIR | resume DIR | stop DIR" >&2; exit 2 ;;
esac
