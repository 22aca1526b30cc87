#!/usr/bin/env bash
# Blog soak and abuse checks against a live Release build on a fresh temp database and a free loopback port:
#   (a) N concurrent article creates from 50 signed-in clients: 201 answers = new rows (same ids), no 5xx
#   (b) kill -9 of the API during sustained writes, restart on the same database: every id answered 201 is stored,
#       the engine's consistency check passes (SQLite: PRAGMA integrity_check; PostgreSQL: amcheck)
#   (c) M malformed requests: no 5xx, /health 200 afterwards, RSS back near its start
#
#   bench/soak.sh            full: 1,000 creates, 3 kills, 10,000 malformed requests
#   bench/soak.sh --small    small: 200 creates, 1 kill, 1,000 malformed (under two minutes; ends with "N passed, N failed")
#   bench/soak.sh --postgres [--small]   the same on PostgreSQL: a throwaway cluster (scripts/postgres.sh), stopped and
#                            removed on exit; the API creates the schema in its empty database
set -uo pipefail

BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH")
CREATES=1000 KILLS=3 MALFORMED=10000
ENGINE=sqlite
for arg in "$@"; do
  case "$arg" in
    --small) CREATES=200 KILLS=1 MALFORMED=1000 ;;
    --postgres) ENGINE=postgres ;;
    *) echo "usage: bench/soak.sh [--small] [--postgres]" >&2; exit 2 ;;
  esac
done

WORK=$(mktemp -d /tmp/blog-soak.XXXXXX)
PG_DIR=
SERVER_PID=
WRITER_PID=
CHECKS="$WORK/checks.txt"
: >"$CHECKS"

cleanup() {
  [[ -n "$WRITER_PID" ]] && kill "$WRITER_PID" 2>/dev/null
  if [[ -n "$SERVER_PID" ]]; then
    kill "$SERVER_PID" 2>/dev/null
    wait "$SERVER_PID" 2>/dev/null
  fi
  [[ -n "$PG_DIR" ]] && bash "$ROOT/scripts/postgres.sh" stop "$PG_DIR" --remove >/dev/null 2>&1
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# shellcheck source=bench/lib.sh
. "$BENCH/lib.sh"
check() { # name passed(0/1) detail
  local line
  line="$([[ "$2" == 1 ]] && echo PASS || echo FAIL) $1: $3"
  echo "$line" | tee -a "$CHECKS"
}
finish() {
  local passed failed
  passed=$(grep -c '^PASS ' "$CHECKS")
  failed=$(grep -c '^FAIL ' "$CHECKS")
  echo "$passed passed, $failed failed"
  ((failed == 0)) && exit 0 || exit 1
}

API_DLL="$ROOT/Blog.Api/bin/Release/net10.0/Blog.Api.dll"
SOAK_DLL="$BENCH/Soak/bin/Release/net10.0/Soak.dll"

log "building Release (Blog.Api, bench/Soak)"
if ! (cd "$ROOT" && dotnet build Blog.Api -c Release -nologo -v q >"$WORK/build.log" 2>&1 &&
  dotnet build "$BENCH/Soak" -c Release -nologo -v q >>"$WORK/build.log" 2>&1); then
  tail -20 "$WORK/build.log" >&2
  check build 0 "dotnet build failed"
  finish
fi
install_missing curl

# The database the API writes to: its environment, and the Soak driver's arguments to read it directly.
if [[ "$ENGINE" == postgres ]]; then
  # Its own folder: as root the server runs as another user, who may not enter $WORK.
  PG_DIR=$(mktemp -d /tmp/blog-soak-pg.XXXXXX)
  log "starting a throwaway PostgreSQL cluster in $PG_DIR"
  if ! CONNECTION=$(bash "$ROOT/scripts/postgres.sh" start "$PG_DIR"); then
    check postgres 0 "the PostgreSQL cluster did not start"
    finish
  fi
  DB_ENV=(Blog__Database__Provider=Postgres "ConnectionStrings__Blog=$CONNECTION")
  DB_ARGS=(--postgres "$CONNECTION")
  DB="blog in the cluster $PG_DIR"
else
  DB="$WORK/soak.db"
  DB_ENV=("ConnectionStrings__Blog=Data Source=$DB")
  DB_ARGS=(--db "$DB")
fi

URL=
start_server() { # log
  local port
  port=$(free_port) || return 1
  URL="http://127.0.0.1:$port"
  (cd "$WORK" && exec env "${DB_ENV[@]}" \
    Blog__RateLimits__LoginPerMinute=1000000 Blog__RateLimits__RegisterPerMinute=1000000 Blog__RateLimits__ArticlesPerMinute=100000000 \
    ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
    dotnet "$API_DLL" --urls "$URL" >>"$1" 2>&1) &
  SERVER_PID=$!
  for _ in $(seq 1 300); do
    kill -0 "$SERVER_PID" 2>/dev/null || return 1
    [[ $(curl -s -o /dev/null -w '%{http_code}' "$URL/health") == 200 ]] && return 0
    sleep 0.1
  done
  return 1
}

soak() { dotnet "$SOAK_DLL" "$@" | tee -a "$CHECKS"; }

if ! start_server "$WORK/api.log"; then
  check start 0 "the API did not become healthy: $(tail -5 "$WORK/api.log")"
  finish
fi
log "API pid $SERVER_PID on $URL, database $DB"

# (a) concurrent creates
log "(a) $CREATES concurrent creates from 50 signed-in clients"
soak creates --url "$URL" "${DB_ARGS[@]}" --clients 50 --count "$CREATES"

# (b) kill -9 during sustained writes, restart on the same database
for kill in $(seq 1 "$KILLS"); do
  log "(b) kill $kill of $KILLS: kill -9 during sustained writes"
  : >"$WORK/writer.err"
  dotnet "$SOAK_DLL" writes --url "$URL" --ids "$WORK/ids-$kill.txt" --clients 8 --seconds 60 >"$WORK/writer.out" 2>"$WORK/writer.err" &
  WRITER_PID=$!
  for _ in $(seq 1 300); do
    grep -q 'writes: started' "$WORK/writer.err" && break
    kill -0 "$WRITER_PID" 2>/dev/null || break
    sleep 0.1
  done
  sleep "$((1 + RANDOM % 3)).$((RANDOM % 10))"
  kill -9 "$SERVER_PID"
  wait "$SERVER_PID" 2>/dev/null
  SERVER_PID=
  wait "$WRITER_PID"
  WRITER_PID=
  cat "$WORK/writer.out" | tee -a "$CHECKS"
  grep -v 'writes: started' "$WORK/writer.err" >&2
  if ! start_server "$WORK/api.log"; then
    check "restart-$kill" 0 "the API did not come back on the same database: $(tail -5 "$WORK/api.log")"
    finish
  fi
  soak verify --url "$URL" "${DB_ARGS[@]}" --ids "$WORK/ids-$kill.txt"
done

# (c) malformed requests
log "(c) $MALFORMED malformed requests"
soak malformed --url "$URL" --pid "$SERVER_PID" --count "$MALFORMED"

if grep -qE 'Unhandled exception|fail: ' "$WORK/api.log"; then
  check server-log 0 "the API logged errors: $(grep -m3 -A2 -E 'Unhandled exception|fail: ' "$WORK/api.log" | tr '\n' ' ' | cut -c1-400)"
else
  check server-log 1 "no errors in the API's log"
fi

finish
