#!/usr/bin/env bash
# Installs PostgreSQL 15 (Debian's packages) and builds pgvector from the vendored source, if either is missing.
# The source is built in a temp copy: shared/ is read-only in CI. Usage: scripts/pg/install.sh [VENDOR_DIR]
# Exits 0 with a message and installs nothing when the vendored source is absent.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
VENDOR="${1:-$ROOT/../shared/vendor}"
SOURCE="$VENDOR/pgvector-0.8.6"
PG_BIN=/usr/lib/postgresql/15/bin

if [ ! -d "$SOURCE" ]; then
  echo "pgvector source not found at $SOURCE; the PostgreSQL tests will be skipped" >&2
  exit 0
fi
if [ ! -x "$PG_BIN/postgres" ] || [ ! -x "$PG_BIN/pg_config" ] || [ ! -d /usr/include/postgresql/15/server ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 postgresql-server-dev-15 >/dev/null
fi
if [ ! -f /usr/share/postgresql/15/extension/vector--0.8.6.sql ] || [ ! -f /usr/lib/postgresql/15/lib/vector.so ]; then
  BUILD="$(mktemp -d)"
  trap 'rm -rf "$BUILD"' EXIT
  cp -r "$SOURCE" "$BUILD/pgvector"
  chmod -R u+w "$BUILD/pgvector"
  make -s -C "$BUILD/pgvector" PG_CONFIG="$PG_BIN/pg_config" >/dev/null
  make -s -C "$BUILD/pgvector" PG_CONFIG="$PG_BIN/pg_config" install >/dev/null
fi
echo "PostgreSQL 15 with pgvector 0.8.6 is installed"
