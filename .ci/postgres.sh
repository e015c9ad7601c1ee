# Starts a throwaway PostgreSQL server for the tests; source it, then call
# `pg_start` (exports DATABASE_URL) and `pg_stop`. The binaries refuse to run
# as root, so as root they run as the `postgres` user.
pg_bin() {
  local dir
  for dir in "$(dirname "$(command -v initdb 2>/dev/null || echo /nonexistent/x)")" /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && { echo "$dir"; return; }
  done
  echo "pg_bin: no initdb/pg_ctl found" >&2
  return 1
}

as_pg_user() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_start() {
  local bin
  bin=$(pg_bin)
  PG_TMP=$(mktemp -d /tmp/kbgate-pg.XXXXXX)
  [ "$(id -u)" = 0 ] && chown postgres "$PG_TMP"
  PG_PORT=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
  as_pg_user "$bin/initdb" -D "$PG_TMP/data" -U postgres -A trust --no-sync >"$PG_TMP/initdb.log" 2>&1 \
    || { cat "$PG_TMP/initdb.log" >&2; return 1; }
  as_pg_user "$bin/pg_ctl" -D "$PG_TMP/data" -l "$PG_TMP/server.log" -w -t 60 start \
    -o "-p $PG_PORT -k $PG_TMP -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" >/dev/null \
    || { cat "$PG_TMP/server.log" >&2; return 1; }
  export DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/postgres"
  export PG_TMP PG_PORT
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') at $DATABASE_URL"
}

pg_stop() {
  [ -n "${PG_TMP:-}" ] || return 0
  as_pg_user "$(pg_bin)/pg_ctl" -D "$PG_TMP/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$PG_TMP"
  unset PG_TMP PG_PORT DATABASE_URL
}
