#!/usr/bin/env bash
# Stops a cluster started by scripts/pg/start.sh and deletes its temp dir. Usage: stop.sh PG_TEST_DIR
set -euo pipefail
DIR="${1:?usage: stop.sh PG_TEST_DIR}"
as_owner() { if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ -f "$DIR/data/postmaster.pid" ]; then
  as_owner /usr/lib/postgresql/15/bin/pg_ctl -D "$DIR/data" -m fast -w stop >/dev/null || true
fi
rm -rf "$DIR"
