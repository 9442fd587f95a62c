#!/usr/bin/env bash
# Starts a throw-away PostgreSQL 15 cluster: data and socket in a new temp dir, listening on a free 127.0.0.1 port,
# superuser `rag` with trust authentication (loopback only). Prints shell assignments to eval:
#   PG_TEST_DIR=/tmp/rag-pg.XXXX      (pass to scripts/pg/stop.sh)
#   PG_TEST_URL=postgres://rag@127.0.0.1:PORT/postgres
# Extra server settings may be given as arguments, e.g. `start.sh -c fsync=off`.
# initdb refuses to run as root, so as root the server runs as the `postgres` user the Debian package creates.
set -euo pipefail
PG_BIN=/usr/lib/postgresql/15/bin
DIR="$(mktemp -d "${TMPDIR:-/tmp}/rag-pg.XXXXXX")"
as_owner() { if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = "0" ] && chown postgres: "$DIR"
chmod 700 "$DIR"

as_owner "$PG_BIN/initdb" -D "$DIR/data" -A trust -U rag -N -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 \
  || { cat "$DIR/initdb.log" >&2; exit 1; }
# A free port: the kernel picks one for a socket that is closed at once; postgres binds it right after.
PORT="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
as_owner "$PG_BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 \
  -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c max_connections=200 $*" start >/dev/null \
  || { cat "$DIR/server.log" >&2; exit 1; }
echo "PG_TEST_DIR=$DIR"
echo "PG_TEST_URL=postgres://rag@127.0.0.1:$PORT/postgres"
