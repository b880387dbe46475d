#!/usr/bin/env bash
# Starts or stops a throwaway PostgreSQL cluster on a loopback port for the tests.
#   eval "$(scripts/pg-cluster.sh start)"   # exports PEERKRACHT_TEST_PG_URL and PEERKRACHT_TEST_PG_DIR
#   scripts/pg-cluster.sh stop "$PEERKRACHT_TEST_PG_DIR"
#   scripts/pg-cluster.sh start --durable   # fsync=on, synchronous_commit=on (the crash-safety suite)
# PostgreSQL refuses to run as root, so as root the cluster belongs to the `postgres` user.
set -euo pipefail

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$bin" ] || { echo "PostgreSQL is not installed (Debian package: postgresql)" >&2; exit 1; }

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
  start)
    # Tests trade durability for speed (fsync=off); --durable keeps PostgreSQL's defaults, stated.
    sync="-c fsync=off"; initsync="--no-sync"
    if [ "${2:-}" = "--durable" ]; then sync="-c fsync=on -c synchronous_commit=on -c full_page_writes=on"; initsync=""; fi
    dir=$(mktemp -d /tmp/peerkracht-pg.XXXXXX)
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir"
    port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
    as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust $initsync -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
      { cat "$dir/initdb.log" >&2; exit 1; }
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200 $sync" start >/dev/null ||
      { cat "$dir/server.log" >&2; exit 1; }
    echo "export PEERKRACHT_TEST_PG_URL=postgres://postgres@127.0.0.1:$port/postgres"
    echo "export PEERKRACHT_TEST_PG_DIR=$dir"
    ;;
  stop)
    dir="${2:?data directory}"
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start | stop DIR" >&2
    exit 2
    ;;
esac
