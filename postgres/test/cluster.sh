# SPDX-License-Identifier: Apache-2.0
# Sourced by postgres/test/run.sh and bench/postgres.sh: a throwaway
# PostgreSQL cluster in a temporary directory, reachable only through a
# unix socket there, with the extension staged (extension_destdir) instead
# of installed into the system's PostgreSQL directories. Run as root (as CI
# does), the server runs as nobody. pgc_stop removes everything; callers
# trap it on EXIT so a failure stops the server too.
#
#   pgc_start PG_CONFIG EXT_BUILD_DIR EXT_SOURCE_DIR LIBDKCPR_DIR [conf lines...]
#   pgc_psql ARGS...      psql as the superuser, database "postgres"
#   pgc_stop

pgc_as_server() {
  if [[ $(id -u) -eq 0 ]]; then
    setpriv --reuid=nobody --regid=nogroup --clear-groups -- "$@"
  else
    "$@"
  fi
}

pgc_start() {
  local pg_config=$1 ext_build=$2 ext_src=$3 libdir=$4
  shift 4
  PGC_BIN=$("$pg_config" --bindir)
  PGC_DIR=$(mktemp -d "${TMPDIR:-/tmp}/dkcpr-pg.XXXXXX")
  chmod 755 "$PGC_DIR"
  local stage_lib=$PGC_DIR/stage$("$pg_config" --pkglibdir)
  local stage_ext=$PGC_DIR/stage$("$pg_config" --sharedir)/extension
  mkdir -p "$stage_lib" "$stage_ext" "$PGC_DIR/lib" "$PGC_DIR/keys"
  cp "$ext_build/dkcpr.so" "$stage_lib/"
  cp "$ext_src/dkcpr.control" "$ext_src"/dkcpr--*.sql "$stage_ext/"
  cp -P "$libdir"/libdkcpr.so* "$PGC_DIR/lib/"
  chmod 700 "$PGC_DIR/keys"
  [[ $(id -u) -eq 0 ]] && chown -R nobody:nogroup "$PGC_DIR"
  PGC_PORT=$((20000 + RANDOM % 20000))
  export PGHOST=$PGC_DIR PGPORT=$PGC_PORT PGUSER=postgres
  pgc_as_server "$PGC_BIN/initdb" -D "$PGC_DIR/data" -U postgres -A trust \
    -E UTF8 --locale=C --no-sync >"$PGC_DIR/initdb.log" 2>&1 || {
    cat "$PGC_DIR/initdb.log" >&2
    return 1
  }
  {
    echo "listen_addresses = ''"
    echo "unix_socket_directories = '$PGC_DIR'"
    echo "port = $PGC_PORT"
    echo "extension_destdir = '$PGC_DIR/stage'"
    echo "dkcpr.key_directory = '$PGC_DIR/keys'"
    echo "fsync = off"
    local line
    for line in "$@"; do echo "$line"; done
  } >>"$PGC_DIR/data/postgresql.conf"
  pgc_as_server env LD_LIBRARY_PATH="$PGC_DIR/lib" \
    "$PGC_BIN/pg_ctl" -D "$PGC_DIR/data" -l "$PGC_DIR/server.log" -w -t 60 \
    start >/dev/null || {
    cat "$PGC_DIR/server.log" >&2
    return 1
  }
}

# Write key NAME with the hexadecimal text HEX (mode MODE, default 600).
pgc_key() {
  printf '%s\n' "$2" >"$PGC_DIR/keys/$1.key"
  chmod "${3:-600}" "$PGC_DIR/keys/$1.key"
  [[ $(id -u) -eq 0 ]] && chown nobody:nogroup "$PGC_DIR/keys/$1.key"
  return 0
}

pgc_psql() {
  "$PGC_BIN/psql" -X -q -v ON_ERROR_STOP=1 -d postgres "$@"
}

pgc_stop() {
  [[ -n ${PGC_DIR:-} && -d $PGC_DIR ]] || return 0
  if [[ -f $PGC_DIR/data/postmaster.pid ]]; then
    pgc_as_server "$PGC_BIN/pg_ctl" -D "$PGC_DIR/data" -m immediate -w stop \
      >/dev/null 2>&1 || true
  fi
  rm -rf "$PGC_DIR"
  PGC_DIR=
}
