#!/usr/bin/env bash
# Blog load benchmark: builds Release, seeds SQLite files, runs Blog and the Baseline on copies of the same file and
# drives both with wrk (Lua scripts in bench/wrk), alternating Blog and baseline runs (A B A B) after a warm-up.
# Prints a markdown report and writes it to bench/results/<date>.md.
# With --postgres, the same on PostgreSQL: a throwaway cluster (scripts/postgres.sh, stopped and removed on exit), one
# seeded database that Blog and the Baseline share, and a last scenario with two Blog instances on it; the report goes
# to bench/results/<date>-postgres.md.
#
#   bench/run.sh                      the full run (about 10 minutes)
#   bench/run.sh --postgres           the full run on PostgreSQL (about 12 minutes)
#   BENCH_DURATION=3 BENCH_ARTICLES=100000 bench/run.sh    a quick trial
#
# Knobs (environment): BENCH_DURATION (s per run, 10), BENCH_WARMUP (s per scenario, 3), BENCH_GLOBAL_WARMUP (s, 5), BENCH_LOGIN_DURATION (s, 30),
# BENCH_DRAIN (s of pause before each run, 2), BENCH_CONNECTIONS (32),
# BENCH_THREADS (2), BENCH_ARTICLES (1000000), BENCH_SCALE_DURATION (s per latency probe, 3), BENCH_SCALE_ROUNDS (5), BENCH_SPREAD (1: also
# probe a 10,000-author file), BENCH_KEEP (1: keep the temp folder, and the stopped cluster), BENCH_NO_BUILD (1: skip
# dotnet build), BENCH_ONLY (search: seed, run the search scenarios and report the sizes, nothing else).
set -euo pipefail

ENGINE=sqlite
for arg in "$@"; do
  case "$arg" in
    --postgres) ENGINE=postgres ;;
    *) echo "usage: bench/run.sh [--postgres]" >&2; exit 2 ;;
  esac
done

BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH")
DURATION=${BENCH_DURATION:-10}
WARMUP=${BENCH_WARMUP:-3}
GLOBAL_WARMUP=${BENCH_GLOBAL_WARMUP:-5}
LOGIN_DURATION=${BENCH_LOGIN_DURATION:-30}
DRAIN=${BENCH_DRAIN:-2}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
THREADS=${BENCH_THREADS:-2}
ARTICLES=${BENCH_ARTICLES:-1000000}
SCALE_DURATION=${BENCH_SCALE_DURATION:-3}
SCALE_ROUNDS=${BENCH_SCALE_ROUNDS:-5}
SPREAD=${BENCH_SPREAD:-1}
ONLY=${BENCH_ONLY:-}
[[ -z "$ONLY" || "$ONLY" == search ]] || { echo "BENCH_ONLY is empty or search" >&2; exit 2; }
PASSWORD=bench-password-1
# The login scenario signs in as bench1..bench100 at random (see wrk/login.lua); bench1 alone writes the articles.
LOGIN_USERS=100
CORES=$(nproc)

WORK=$(mktemp -d /tmp/blog-bench.XXXXXX)
PIDS=()
PG_DIR=

cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  if [[ -n "$PG_DIR" ]]; then
    if [[ "${BENCH_KEEP:-0}" == 1 ]]; then
      bash "$ROOT/scripts/postgres.sh" stop "$PG_DIR" >/dev/null 2>&1 || true
      echo "kept the stopped cluster $PG_DIR" >&2
    else
      bash "$ROOT/scripts/postgres.sh" stop "$PG_DIR" --remove >/dev/null 2>&1 || true
    fi
  fi
  if [[ "${BENCH_KEEP:-0}" == 1 ]]; then
    echo "kept $WORK" >&2
  else
    rm -rf "$WORK"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# shellcheck source=bench/lib.sh
. "$BENCH/lib.sh"
die() { log "error: $*"; exit 1; }

# ---------------------------------------------------------------------------------------------------------- tools

build() {
  if [[ "${BENCH_NO_BUILD:-0}" == 1 ]]; then return; fi
  log "building Release (Blog.Api, bench/Baseline, bench/Seeder)"
  (cd "$ROOT" && dotnet build Blog.Api -c Release -nologo -v q >"$WORK/build.log" 2>&1) || { cat "$WORK/build.log"; die "Blog.Api build failed"; }
  dotnet build "$BENCH/Baseline" -c Release -nologo -v q >>"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; die "Baseline build failed"; }
  dotnet build "$BENCH/Seeder" -c Release -nologo -v q >>"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; die "Seeder build failed"; }
}

API_DLL="$ROOT/Blog.Api/bin/Release/net10.0/Blog.Api.dll"
BASELINE_DLL="$BENCH/Baseline/bin/Release/net10.0/Baseline.dll"
SEEDER_DLL="$BENCH/Seeder/bin/Release/net10.0/Seeder.dll"
seeder() { dotnet "$SEEDER_DLL" "$@"; }

# ---------------------------------------------------------------------------------------------------------- databases
# A database is a SQLite file, or a database of the throwaway PostgreSQL cluster, named. use_db sets, for one, the
# seeder's arguments (DB_ARGS) and the servers' environment (DB_ENV).
PG_CONN=
PG_POSTMASTER=
pg_conn() { sed -E "s/(^|;)Database=[^;]*/\1Database=$1/" <<<"$PG_CONN"; }
use_db() { # file (SQLite) or database name (PostgreSQL)
  if [[ "$ENGINE" == postgres ]]; then
    DB_ARGS=(--postgres "$(pg_conn "$1")")
    DB_ENV=(Blog__Database__Provider=Postgres "ConnectionStrings__Blog=$(pg_conn "$1")")
  else
    DB_ARGS=(--db "$1")
    DB_ENV=("ConnectionStrings__Blog=Data Source=$1")
  fi
}
# A database for the latency probes, by name: a file in the temp folder, or a database of the cluster.
size_db() { if [[ "$ENGINE" == postgres ]]; then echo "$1"; else echo "$WORK/$1.db"; fi; }
seed() { # database articles authors [users]
  use_db "$1"
  seeder seed "${DB_ARGS[@]}" --articles "$2" --authors "$3" --users "${4:-$3}" >&2
}
cursor_of() { # database page: the nextCursor that leads to that page of author 1
  use_db "$1"
  seeder cursor "${DB_ARGS[@]}" --author 1 --page "$2"
}

# CPU time (clock ticks) of the PostgreSQL cluster: the postmaster with the children it has reaped, and the backends
# alive. 0 on SQLite, whose work is done inside the server's own process.
pg_cpu() {
  if [[ -z "$PG_POSTMASTER" ]]; then echo 0; return; fi
  # Processes come and go while cat reads: missing ones are skipped.
  { cat /proc/[0-9]*/stat 2>/dev/null || true; } |
    awk -v pm="$PG_POSTMASTER" '$1 == pm { t += $14 + $15 + $16 + $17 } $4 == pm { t += $14 + $15 } END { print t + 0 }'
}

# ---------------------------------------------------------------------------------------------------------- servers

wait_health() { # url pid
  for _ in $(seq 1 300); do
    kill -0 "$2" 2>/dev/null || die "server $2 died on start (see $WORK/*.log)"
    if [[ $(curl -s -o /dev/null -w '%{http_code}' "$1/health" || true) == 200 ]]; then return; fi
    sleep 0.1
  done
  die "server at $1 not healthy"
}

SERVER_PID=
start_blog() { # database port log
  use_db "$1"
  (cd "$WORK" && exec env "${DB_ENV[@]}" \
    Blog__RateLimits__LoginPerMinute=1000000 Blog__RateLimits__RegisterPerMinute=1000000 Blog__RateLimits__ArticlesPerMinute=100000000 \
    ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
    dotnet "$API_DLL" --urls "http://127.0.0.1:$2" >"$3" 2>&1) &
  SERVER_PID=$!
  PIDS+=("$SERVER_PID")
  wait_health "http://127.0.0.1:$2" "$SERVER_PID"
}

start_baseline() { # database port log
  use_db "$1"
  (cd "$WORK" && exec env "${DB_ENV[@]}" ASPNETCORE_ENVIRONMENT=Production \
    Logging__LogLevel__Default=Warning dotnet "$BASELINE_DLL" --urls "http://127.0.0.1:$2" >"$3" 2>&1) &
  SERVER_PID=$!
  PIDS+=("$SERVER_PID")
  wait_health "http://127.0.0.1:$2" "$SERVER_PID"
}

stop_server() { kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }

# Peak RSS; of several servers (pids separated by commas), the largest.
hwm_mb() { local pid; for pid in ${1//,/ }; do cat "/proc/$pid/status"; done | awk '/^VmHWM/ && $2 > m { m = $2 } END { printf "%.0f", m / 1024 }'; }
pids_cpu() { local pid total=0; for pid in ${1//,/ }; do total=$((total + $(proc_cpu "$pid"))); done; echo "$total"; }
rss_mb() { awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }

# Sets ANON_COOKIE/ANON_XSRF (an anonymous antiforgery pair) and COOKIE/XSRF (a signed-in session as bench1).
sign_in() { # base_url
  local jar="$WORK/jar.$RANDOM" status
  curl -s -o /dev/null -c "$jar" -b "$jar" "$1/api/v1/users/current"
  ANON_COOKIE=$(cookie_header "$jar")
  ANON_XSRF=$(jar_value "$jar" XSRF-TOKEN)
  status=$(curl -s -o "$WORK/login.json" -w '%{http_code}' -c "$jar" -b "$jar" -H "X-XSRF-TOKEN: $ANON_XSRF" \
    -H 'Content-Type: application/json' -d "{\"usernameOrEmail\":\"bench1\",\"password\":\"$PASSWORD\"}" "$1/api/v1/login")
  [[ "$status" == 200 ]] || die "login answered $status: $(cat "$WORK/login.json")"
  COOKIE=$(cookie_header "$jar")
  XSRF=$(jar_value "$jar" XSRF-TOKEN)
}

# ---------------------------------------------------------------------------------------------------------- wrk
# One wrk run; prints "rps p50_ms p99_ms max_ms non2xx socket_errors mean_ms server_cpu% other_cpu%
# server_cpu_us_per_request database_cpu_us_per_request" and keeps wrk's output in $RAW. server_cpu% and other_cpu% are
# shares of the machine's capacity during the run: what the server used, and what processes other than the server,
# wrk and PostgreSQL used (other engineers' builds and tests disturb a run). database_cpu_us_per_request is
# PostgreSQL's CPU time per request (0 on SQLite).
# Several servers (URLs and pids separated by commas) are driven at once, one wrk each (wrk drives one host): requests,
# errors and CPU are summed, latencies are the larger of the servers'.
RAW="$WORK/raw"
mkdir -p "$RAW"
wrk_run() { # label url(s) server_pid(s) script duration connections threads [VAR=value ...]
  local label=$1 pids=$3 script=$4 duration=$5 connections=$6 threads=$7 urls outs=() i
  IFS=, read -ra urls <<<"$2"
  shift 7
  if ((${#urls[@]} == 1)); then
    outs=("$RAW/$label.txt")
  else
    for i in "${!urls[@]}"; do outs+=("$RAW/$label-$((i + 1)).txt"); done
  fi
  local busy0 busy1 srv0 srv1 db0 db1 t0 t1
  busy0=$(cpu_busy); srv0=$(pids_cpu "$pids"); db0=$(pg_cpu); t0=$(date +%s.%N)
  (
    for i in "${!urls[@]}"; do
      env BENCH_WRK_DIR="$BENCH/wrk" "$@" wrk -t"$threads" -c"$connections" -d"${duration}s" --timeout 10s \
        -s "$BENCH/wrk/$script" "${urls[$i]}" >"${outs[$i]}" 2>&1 &
    done
    wait
    times >"$RAW/$label.times"
  )
  busy1=$(cpu_busy); srv1=$(pids_cpu "$pids"); db1=$(pg_cpu); t1=$(date +%s.%N)
  # `times` prints the shell's and then its children's (the wrk processes') user and system time, as 0m1.234s.
  local wrk_s
  wrk_s=$(awk 'NR == 2 { t = 0; for (i = 1; i <= 2; i++) { split($i, p, "m"); sub("s", "", p[2]); t += p[1] * 60 + p[2] } print t }' "$RAW/$label.times")
  cat "${outs[@]}" | awk -v b="$((busy1 - busy0))" -v s="$((srv1 - srv0))" -v d="$((db1 - db0))" -v w="$wrk_s" -v hz="$HZ" \
    -v t0="$t0" -v t1="$t1" -v cores="$CORES" -v expected="${#urls[@]}" '
    /^BENCH / {
      for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
      n++; requests += v["requests"]; rps += v["requests"] / (v["duration_us"] / 1e6); total_us += v["mean_us"] * v["requests"]
      if (v["p50_us"] > p50) p50 = v["p50_us"]; if (v["p99_us"] > p99) p99 = v["p99_us"]; if (v["max_us"] > max) max = v["max_us"]
      status += v["status_errors"]; socket += v["socket_errors"]
    }
    END {
      if (n != expected) exit
      cap = (t1 - t0) * cores; other = (b / hz - s / hz - d / hz - w) / cap * 100; if (other < 0) other = 0
      printf "%.1f %.2f %.2f %.2f %d %d %.2f %.0f %.0f %.0f %.0f\n", rps, p50 / 1000, p99 / 1000, max / 1000, status, socket,
        (requests > 0 ? total_us / requests : 0) / 1000, s / hz / cap * 100, other,
        (requests > 0 ? s / hz / requests * 1e6 : 0), (requests > 0 ? d / hz / requests * 1e6 : 0) }' |
    grep . || die "wrk gave no result for $label: $(tail -5 "${outs[@]}")"
}

# Waits until the server has finished what the previous wrk run left in flight: at least DRAIN seconds, then until it
# uses under 5 % of a core over half a second (32 queued logins take ~2 s of hashing after wrk stops). At most 15 s.
settle() { # server_pid(s), separated by commas
  local pids=$1 c0 c1
  sleep "$DRAIN"
  for _ in $(seq 1 30); do
    c0=$(pids_cpu "$pids"); sleep 0.5; c1=$(pids_cpu "$pids")
    (((c1 - c0) * 100 < HZ * 5 / 2)) && return 0
  done
}

# Checks, before load, that one request of the scenario answers what it should (so that non-2xx stays meaningful).
preflight() { # expected_status method url cookie xsrf [body]
  local status
  if [[ "$2" == POST ]]; then
    status=$(curl -s -o "$WORK/preflight.txt" -w '%{http_code}' -X POST -H "Cookie: $4" -H "X-XSRF-TOKEN: $5" \
      -H 'Content-Type: application/json' -d "$6" "$3")
  else
    status=$(curl -s -o "$WORK/preflight.txt" -w '%{http_code}' -H "Cookie: $4" "$3")
  fi
  [[ "$status" == "$1" ]] || die "preflight $2 $3 answered $status, expected $1: $(head -c 300 "$WORK/preflight.txt")"
}

# ---------------------------------------------------------------------------------------------------------- run
install_missing wrk curl
command -v dotnet >/dev/null || die "dotnet SDK missing"
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
COMMIT=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')
if [[ -n "$(git -C "$ROOT" status --porcelain -- Blog.Api Blog.Features 2>/dev/null || true)" ]]; then
  COMMIT="$COMMIT (with uncommitted changes in Blog.Api/Blog.Features)"
fi
build

if [[ "$ENGINE" == postgres ]]; then
  # Its own folder: as root the server runs as another user, who may not enter $WORK.
  PG_DIR=$(mktemp -d /tmp/blog-bench-pg.XXXXXX)
  log "starting a throwaway PostgreSQL cluster in $PG_DIR"
  PG_CONN=$(bash "$ROOT/scripts/postgres.sh" start "$PG_DIR") || die "PostgreSQL did not start"
  PG_POSTMASTER=$(head -1 "$PG_DIR/data/postmaster.pid")
  pg_show() { PGPASSWORD=$(<"$PG_DIR/password") "$(bash "$ROOT/scripts/postgres.sh" bindir)/psql" -X -tA -h 127.0.0.1 \
    -p "$(sed -E 's/.*Port=([0-9]+).*/\1/' <<<"$PG_CONN")" -U blog -d blog -c "SHOW $1"; }
  PG_SETTINGS="PostgreSQL $(pg_show server_version | cut -d' ' -f1), shared_buffers $(pg_show shared_buffers), fsync $(pg_show fsync), synchronous_commit $(pg_show synchronous_commit)"
  MAIN_DB=blog # the database scripts/postgres.sh creates
else
  MAIN_DB="$WORK/main.db"
fi
log "seeding $ARTICLES articles for one author, $LOGIN_USERS users"
seed "$MAIN_DB" "$ARTICLES" 1 "$LOGIN_USERS"

# SQLite: each server on its own copy of the file. PostgreSQL is a server: both on the one database.
if [[ "$ENGINE" == postgres ]]; then
  BLOG_DB=$MAIN_DB BASE_DB=$MAIN_DB
else
  BLOG_DB="$WORK/blog.db" BASE_DB="$WORK/baseline.db"
  cp "$MAIN_DB" "$BLOG_DB"
  cp "$MAIN_DB" "$BASE_DB"
fi
BLOG_PORT=$(free_port) || die "no free port"
start_blog "$BLOG_DB" "$BLOG_PORT" "$WORK/blog.log"
BLOG_PID=$SERVER_PID
BASE_PORT=$(free_port) || die "no free port"
start_baseline "$BASE_DB" "$BASE_PORT" "$WORK/baseline.log"
BASE_PID=$SERVER_PID
BLOG="http://127.0.0.1:$BLOG_PORT"
BASE="http://127.0.0.1:$BASE_PORT"
log "Blog pid $BLOG_PID on $BLOG, baseline pid $BASE_PID on $BASE"

sign_in "$BLOG"
DEEP_PAGE=500
DEEP_CURSOR=$(cursor_of "$MAIN_DB" $DEEP_PAGE) || DEEP_CURSOR=
if [[ -z "$DEEP_CURSOR" ]]; then
  DEEP_PAGE=$(((ARTICLES + 19) / 20))
  DEEP_CURSOR=$(cursor_of "$MAIN_DB" "$DEEP_PAGE")
fi
IDS=(BENCH_ID_FIRST=1 BENCH_ID_STRIDE=1 "BENCH_ID_COUNT=$ARTICLES")
ARTICLE_BODY='{"title":"A benchmark article","content":"Written by wrk to measure how fast Blog stores an article."}'

RESULTS="$WORK/results.tsv" # scenario, server, run, rps, p50, p99, max, non2xx, sockerr, mean, server%, other%, cpu-us/req, db-us/req, hwm
: >"$RESULTS"
SCENARIOS=()
declare -A TITLE

# scenario name, title, script, has-baseline, blog env..., -- , baseline env...
# It drives $BLOG ($BLOG_PID) and $BASE ($BASE_PID); BLOG and BLOG_PID may list several instances (see wrk_run).
scenario() {
  local name=$1 title=$2 script=$3 baseline=$4
  shift 4
  local blog_env=() base_env=()
  while (($#)) && [[ "$1" != -- ]]; do blog_env+=("$1"); shift; done
  (($#)) && shift
  base_env=("$@")
  SCENARIOS+=("$name")
  TITLE[$name]=$title
  log "scenario $name: warm-up"
  wrk_run "$name-blog-warmup" "$BLOG" "$BLOG_PID" "$script" "$WARMUP" "$CONNECTIONS" "$THREADS" "${blog_env[@]}" >/dev/null
  if [[ "$baseline" == yes ]]; then
    wrk_run "$name-base-warmup" "$BASE" "$BASE_PID" "$script" "$WARMUP" "$CONNECTIONS" "$THREADS" "${base_env[@]}" >/dev/null
  fi
  local run line duration=$DURATION
  # A login takes ~0.1 s of CPU: a 10 s window counts too few of them. Login runs longer.
  [[ "$name" == login ]] && duration=$LOGIN_DURATION
  for run in 1 2; do
    settle "$BLOG_PID"
    [[ "$name" == login ]] && time_hash
    line=$(wrk_run "$name-blog-$run" "$BLOG" "$BLOG_PID" "$script" "$duration" "$CONNECTIONS" "$THREADS" "${blog_env[@]}")
    printf '%s\tblog\t%s\t%s\t%s\n' "$name" "$run" "${line// /$'\t'}" "$(hwm_mb "$BLOG_PID")" >>"$RESULTS"
    log "  blog     run $run: $line (req/s p50 p99 max non2xx sockerr mean server% other% cpu-us/req db-cpu-us/req)"
    if [[ "$baseline" == yes ]]; then
      settle "$BASE_PID"
      line=$(wrk_run "$name-base-$run" "$BASE" "$BASE_PID" "$script" "$DURATION" "$CONNECTIONS" "$THREADS" "${base_env[@]}")
      printf '%s\tbaseline\t%s\t%s\t%s\n' "$name" "$run" "${line// /$'\t'}" "$(hwm_mb "$BASE_PID")" >>"$RESULTS"
      log "  baseline run $run: $line"
    fi
  done
}

BLOG_READ=(BENCH_PREFIX=/api/v1 "BENCH_COOKIE=$COOKIE" "BENCH_XSRF=$XSRF")
BASE_READ=(BENCH_PREFIX= "BENCH_COOKIE=$COOKIE")

# Both servers start cold: JIT tiers and pools settle over the first tens of seconds of load. Reads only, so that
# both SQLite copies stay identical for the read scenarios.
log "global warm-up (reads, ${GLOBAL_WARMUP}s per script and server)"
for script in get_article.lua list_first.lua list_deep.lua; do
  wrk_run "warmup-blog-$script" "$BLOG" "$BLOG_PID" "$script" "$GLOBAL_WARMUP" "$CONNECTIONS" "$THREADS" \
    "${BLOG_READ[@]}" "${IDS[@]}" "BENCH_CURSOR=$DEEP_CURSOR" >/dev/null
  wrk_run "warmup-base-$script" "$BASE" "$BASE_PID" "$script" "$GLOBAL_WARMUP" "$CONNECTIONS" "$THREADS" \
    "${BASE_READ[@]}" "${IDS[@]}" "BENCH_CURSOR=$DEEP_CURSOR" >/dev/null
done

# Search, as one author typing: one connection, the first page. The seed holds "lorem" in every article and
# "zephyr" in one of a hundred (bench/Seeder/SeedPlan.cs). Sizes: the seeded database with and without the index.
read -r SIZE_TOTAL SIZE_WITHOUT < <(use_db "$MAIN_DB"; seeder sizes "${DB_ARGS[@]}" | sed -E 's/total=([0-9]+) without_search=([0-9]+)/\1 \2/')
SEARCH_SIZES="Database size with the search index $((SIZE_TOTAL / 1048576)) MB, without it $((SIZE_WITHOUT / 1048576)) MB: $(awk -v t="$SIZE_TOTAL" -v w="$SIZE_WITHOUT" 'BEGIN { printf "%.2f", t / w }') × ($([[ "$ENGINE" == postgres ]] && echo "pg_database_size, less the GIN and RUM indexes and the search_vector and title_vector columns" || echo "the file, and a copy with the FTS5 tables dropped and vacuumed"))."
log "$SEARCH_SIZES"
for word in zephyr lorem; do
  preflight 200 GET "$BLOG/api/v1/articles?q=$word&limit=20" "$COOKIE" "$XSRF"
done
CONNECTIONS=1 THREADS=1 scenario search_rare "GET search, first page: a word in 1 % of the articles (1 connection)" search.lua no \
  "${BLOG_READ[@]}" BENCH_QUERY=zephyr
CONNECTIONS=1 THREADS=1 scenario search_every "GET search, first page: a word in every article (1 connection)" search.lua no \
  "${BLOG_READ[@]}" BENCH_QUERY=lorem
if [[ "$ONLY" == search ]]; then
  for s in search_rare search_every; do
    awk -F'\t' -v s="$s" '$1 == s { n++; p50 += $5; p99 += $6 } END { printf "%s: p50 %.2f ms, p99 %.2f ms (mean of %d runs)\n", s, p50 / n, p99 / n, n }' "$RESULTS"
  done
  echo "$SEARCH_SIZES"
  exit 0
fi

preflight 200 GET "$BLOG/api/v1/articles/1" "$COOKIE" "$XSRF"
preflight 200 GET "$BASE/articles/1" "$COOKIE" "$XSRF"
scenario get_article "GET one own article (random id)" get_article.lua yes \
  "${BLOG_READ[@]}" "${IDS[@]}" -- "${BASE_READ[@]}" "${IDS[@]}"

# The same request authenticated by an access token: a token costs no more than a cookie (target: ≥ 90 % of its rate).
BEARER=$(curl -s -X POST -H "Cookie: $COOKIE" -H "X-XSRF-TOKEN: $XSRF" -H 'Content-Type: application/json' \
  -d '{"name":"bench","expiresInDays":1,"scopes":["articles:read"]}' "$BLOG/api/v1/users/current/tokens" |
  sed -n 's/.*"token":"\(blog_pat_[A-Za-z0-9_-]*\)".*/\1/p')
[[ -n "$BEARER" ]] || die "no access token could be made"
status=$(curl -s -o "$WORK/preflight.txt" -w '%{http_code}' -H "Authorization: Bearer $BEARER" "$BLOG/api/v1/articles/1")
[[ "$status" == 200 ]] || die "preflight GET with the access token answered $status: $(head -c 300 "$WORK/preflight.txt")"
scenario get_article_bearer "GET one own article, access token (random id)" get_article_bearer.lua no \
  BENCH_PREFIX=/api/v1 "BENCH_BEARER=$BEARER" "${IDS[@]}"

preflight 200 GET "$BLOG/api/v1/articles?limit=20" "$COOKIE" "$XSRF"
scenario list_first "GET first page (20)" list_first.lua yes "${BLOG_READ[@]}" -- "${BASE_READ[@]}"

preflight 200 GET "$BLOG/api/v1/articles?limit=20&cursor=$DEEP_CURSOR" "$COOKIE" "$XSRF"
scenario list_deep "GET page $DEEP_PAGE by cursor (20)" list_deep.lua yes \
  "${BLOG_READ[@]}" "BENCH_CURSOR=$DEEP_CURSOR" -- "${BASE_READ[@]}" "BENCH_CURSOR=$DEEP_CURSOR"

preflight 200 GET "$BLOG/api/v1/users/current" "$COOKIE" "$XSRF"
scenario current_user "GET current user" current_user.lua no "${BLOG_READ[@]}"

# The login ceiling is timed alternately with the login runs (before each and after the last), as a baseline is: the
# speed of these virtual cores drifts with the host's load. HASH_MS is the mean of the three timings.
HASH_TIMES=()
time_hash() {
  HASH_TIMES+=("$(seeder hash-time --count 10)")
  log "  one PBKDF2 verification: ${HASH_TIMES[-1]} ms"
}
HASH_PARALLEL=$(seeder hash-time --count 5 --threads "$CORES" | tail -1)
log "all cores hashing at once: $HASH_PARALLEL"
preflight 200 POST "$BLOG/api/v1/login" "$ANON_COOKIE" "$ANON_XSRF" "{\"usernameOrEmail\":\"bench1\",\"password\":\"$PASSWORD\"}"
scenario login "POST login ($LOGIN_USERS accounts)" login.lua no "BENCH_COOKIE=$ANON_COOKIE" "BENCH_XSRF=$ANON_XSRF" \
  "BENCH_PASSWORD=$PASSWORD" "BENCH_USERS=$LOGIN_USERS"
settle "$BLOG_PID"
time_hash
HASH_MS=$(printf '%s\n' "${HASH_TIMES[@]}" | awk '{ sum += $1 } END { printf "%.2f", sum / NR }')

preflight 201 POST "$BLOG/api/v1/articles" "$COOKIE" "$XSRF" "$ARTICLE_BODY"
scenario post_article "POST article" post_article.lua no "${BLOG_READ[@]}"

# Edits: each PUT names the version the API last answered for its article (wrk/put_article.lua); reported are the
# successful PUTs a second.
scenario put_article "PUT article (If-Match of the last answer per article)" put_article.lua no "${BLOG_READ[@]}" "${IDS[@]}"

scenario mix "90/10 read/write mix" mix.lua no "${BLOG_READ[@]}" "${IDS[@]}"

# Several instances share nothing but the database: a second Blog joins the first on it, and the mix drives both at
# once with the session signed in on the first (the key ring that protects the cookie must be shared too).
BLOG_B_PID=
declare -A SERVER_NAME
if [[ "$ENGINE" == postgres ]]; then
  BLOG_B_PORT=$(free_port) || die "no free port"
  start_blog "$BLOG_DB" "$BLOG_B_PORT" "$WORK/blog-b.log"
  BLOG_B_PID=$SERVER_PID
  BLOG_B="http://127.0.0.1:$BLOG_B_PORT"
  log "second Blog instance pid $BLOG_B_PID on $BLOG_B, same database; warm-up (reads, ${GLOBAL_WARMUP}s per script)"
  for script in get_article.lua list_first.lua; do
    wrk_run "warmup-blog-b-$script" "$BLOG_B" "$BLOG_B_PID" "$script" "$GLOBAL_WARMUP" "$CONNECTIONS" "$THREADS" \
      "${BLOG_READ[@]}" "${IDS[@]}" >/dev/null
  done
  preflight 200 GET "$BLOG_B/api/v1/users/current" "$COOKIE" "$XSRF"
  preflight 201 POST "$BLOG_B/api/v1/articles" "$COOKIE" "$XSRF" "$ARTICLE_BODY"
  SERVER_NAME[mix_two]="2 × Blog"
  BLOG="$BLOG,$BLOG_B" BLOG_PID="$BLOG_PID,$BLOG_B_PID" \
    scenario mix_two "90/10 mix on two instances (one wrk each, at once; sums)" mix.lua no "${BLOG_READ[@]}" "${IDS[@]}"
fi

BLOG_HWM=$(hwm_mb "$BLOG_PID")
BASE_HWM=$(hwm_mb "$BASE_PID")
BLOG_RSS_END=$(rss_mb "$BLOG_PID")
stop_server "$BLOG_PID"
stop_server "$BASE_PID"
if [[ -n "$BLOG_B_PID" ]]; then
  BLOG_B_HWM=$(hwm_mb "$BLOG_B_PID")
  stop_server "$BLOG_B_PID"
fi

# ------------------------------------------------------------------------------------------- latency against size
# All sizes are served at once and probed in turns, SCALE_ROUNDS rounds, each starting with the next size (A B C,
# B C A, C A B ...): the speed of these virtual cores drifts, and probes taken minutes apart would compare the drift
# rather than the sizes. At ~0.2 ms a one-connection p50 swings by a third from one probe to the next on the same
# server (wake-ups on a virtual machine); the median of the rounds counts.
SCALE="$WORK/scale.tsv" # label, articles, authors, first p50, first p99, deep page, deep p50, deep p99, other%
: >"$SCALE"
declare -A S_URL S_PID S_COOKIE S_CURSOR S_PAGE S_ARTICLES S_AUTHORS
S_LABELS=()
serve_size() { # label database articles authors
  local label=$1 db=$2 own=$(($3 / $4)) port page cursor
  port=$(free_port) || die "no free port"
  start_blog "$db" "$port" "$WORK/scale-$label.log"
  S_PID[$label]=$SERVER_PID S_URL[$label]="http://127.0.0.1:$port" S_ARTICLES[$label]=$3 S_AUTHORS[$label]=$4
  sign_in "${S_URL[$label]}"
  S_COOKIE[$label]=$COOKIE
  page=500
  cursor=$(cursor_of "$db" $page 2>/dev/null) || cursor=
  if [[ -z "$cursor" ]]; then # fewer than 500 pages: the last page stands in for it
    page=$(((own + 19) / 20))
    cursor=$(cursor_of "$db" "$page" 2>/dev/null) || cursor=
  fi
  [[ -n "$cursor" && "$page" -gt 1 ]] || page=-
  S_PAGE[$label]=$page S_CURSOR[$label]=$cursor
  S_LABELS+=("$label")
  # A fresh server: bring the JIT through its tiers under load first, as in the main runs.
  local env=(BENCH_PREFIX=/api/v1 "BENCH_COOKIE=$COOKIE" "BENCH_CURSOR=$cursor")
  wrk_run "scale-$label-warmup" "${S_URL[$label]}" "$SERVER_PID" list_first.lua "$GLOBAL_WARMUP" "$CONNECTIONS" "$THREADS" "${env[@]}" >/dev/null
  [[ "$page" != - ]] && wrk_run "scale-$label-warmup-deep" "${S_URL[$label]}" "$SERVER_PID" list_deep.lua "$GLOBAL_WARMUP" "$CONNECTIONS" "$THREADS" "${env[@]}" >/dev/null
  return 0
}

log "latency against size: starting a server per size"
for size in 1000 100000; do
  seed "$(size_db "s$size")" $size 1
  serve_size "$size" "$(size_db "s$size")" $size 1
done
if [[ "$ENGINE" == postgres ]]; then
  # The main database has taken the writes of the run: the full size is seeded afresh.
  seed "$(size_db "s$ARTICLES")" "$ARTICLES" 1
else
  rm -f "$WORK/blog.db"* "$WORK/baseline.db"*
  cp "$MAIN_DB" "$(size_db "s$ARTICLES")"
fi
serve_size "$ARTICLES" "$(size_db "s$ARTICLES")" "$ARTICLES" 1
if [[ "$SPREAD" == 1 ]]; then
  seed "$(size_db spread)" "$ARTICLES" 10000
  serve_size spread "$(size_db spread)" "$ARTICLES" 10000
fi

log "latency against size (1 connection, ${SCALE_DURATION}s per probe, sizes in turns, $SCALE_ROUNDS rounds)"
declare -A F50 F99 D50 D99 OTHER
for round in $(seq 1 "$SCALE_ROUNDS"); do
  shift_by=$(((round - 1) % ${#S_LABELS[@]}))
  for label in "${S_LABELS[@]:shift_by}" "${S_LABELS[@]:0:shift_by}"; do
    env=(BENCH_PREFIX=/api/v1 "BENCH_COOKIE=${S_COOKIE[$label]}" "BENCH_CURSOR=${S_CURSOR[$label]}")
    wrk_run "scale-$label-warm-$round" "${S_URL[$label]}" "${S_PID[$label]}" list_first.lua 2 1 1 "${env[@]}" >/dev/null
    read -r _ f50 f99 _ _ _ _ _ other _ <<<"$(wrk_run "scale-$label-first-$round" "${S_URL[$label]}" "${S_PID[$label]}" list_first.lua "$SCALE_DURATION" 1 1 "${env[@]}")"
    F50[$label]="${F50[$label]:-} $f50" F99[$label]="${F99[$label]:-} $f99" OTHER[$label]="${OTHER[$label]:-} $other"
    if [[ "${S_PAGE[$label]}" != - ]]; then
      read -r _ d50 d99 _ _ _ _ _ other _ <<<"$(wrk_run "scale-$label-deep-$round" "${S_URL[$label]}" "${S_PID[$label]}" list_deep.lua "$SCALE_DURATION" 1 1 "${env[@]}")"
      D50[$label]="${D50[$label]:-} $d50" D99[$label]="${D99[$label]:-} $d99" OTHER[$label]="${OTHER[$label]} $other"
    fi
    log "  round $round, $label: first page p50 $f50 ms; page ${S_PAGE[$label]} p50 ${d50:--} ms"
    d50=
  done
done
median() { awk '{ for (i = 1; i <= NF; i++) print $i }' <<<"$1" | sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) printf "0"; else printf "%.2f", (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
maxof() { awk '{ m = 0; for (i = 1; i <= NF; i++) if ($i > m) m = $i; printf "%.0f", m }' <<<"$1"; }
for label in "${S_LABELS[@]}"; do
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$label" "${S_ARTICLES[$label]}" "${S_AUTHORS[$label]}" \
    "$(median "${F50[$label]}")" "$(median "${F99[$label]}")" "${S_PAGE[$label]}" "$(median "${D50[$label]:-}")" "$(median "${D99[$label]:-}")" \
    "$(maxof "${OTHER[$label]}")" >>"$SCALE"
  stop_server "${S_PID[$label]}"
done
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)

# ---------------------------------------------------------------------------------------------------------- report
mkdir -p "$BENCH/results"
SUFFIX=$([[ "$ENGINE" == postgres ]] && echo -postgres || true)
REPORT="$BENCH/results/$(date +%Y-%m-%d)$SUFFIX.md"
[[ -e "$REPORT" ]] && REPORT="$BENCH/results/$(date +%Y-%m-%d-%H%M)$SUFFIX.md"

# Mean of the runs per scenario and server (max of max, sum of errors, last peak RSS).
SUMMARY="$WORK/summary.tsv" # scenario server rps p50 p99 max non2xx sockerr hwm server% other%(max) cpu-us/req db-us/req
awk -F'\t' '{ k = $1 "\t" $2; n[k]++; rps[k] += $4; p50[k] += $5; p99[k] += $6; if ($7 > mx[k]) mx[k] = $7;
    bad[k] += $8; sock[k] += $9; srv[k] += $11; if ($12 > oth[k]) oth[k] = $12; us[k] += $13; db[k] += $14; hwm[k] = $15 }
  END { for (k in n) printf "%s\t%s\t%.2f\t%.2f\t%.1f\t%d\t%d\t%s\t%.0f\t%.0f\t%.0f\t%.0f\n", k, sprintf(rps[k] / n[k] < 100 ? "%.1f" : "%.0f", rps[k] / n[k]), p50[k] / n[k], p99[k] / n[k], mx[k], bad[k], sock[k], hwm[k], srv[k] / n[k], oth[k], us[k] / n[k], db[k] / n[k] }' \
  "$RESULTS" >"$SUMMARY"
get() { awk -F'\t' -v s="$1" -v v="$2" -v c="$3" '$1 == s && $2 == v { print $c }' "$SUMMARY"; }
ratio() { local b a; b=$(get "$1" blog 3); a=$(get "$1" baseline 3); [[ -n "$a" ]] && awk -v b="$b" -v a="$a" 'BEGIN { printf "%.2f", b / a }' || echo "–"; }
ok() { if awk "BEGIN { exit !($1) }"; then echo "met"; else echo "**not met**"; fi; }

# PostgreSQL runs on the same cores as the servers and wrk: its CPU time per request gets a column of its own.
PG_COLUMN=$([[ "$ENGINE" == postgres ]] && echo 1 || echo 0)
{
  if [[ "$ENGINE" == postgres ]]; then
    echo "# Blog benchmark on PostgreSQL, $(date -u '+%Y-%m-%d %H:%M UTC')"
  else
    echo "# Blog benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
  fi
  echo
  echo "Commit $COMMIT (as built), $CORES cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo), .NET $(dotnet --version)."
  echo "wrk -t$THREADS -c$CONNECTIONS, ${DURATION}s per run (login ${LOGIN_DURATION}s), runs alternate Blog/baseline (A B A B) after a ${GLOBAL_WARMUP}s-per-script read warm-up of both servers and a ${WARMUP}s warm-up per scenario; figures are the mean of the two runs (max: the larger)."
  if [[ "$ENGINE" == postgres ]]; then
    echo "Database: $PG_SETTINGS, a throwaway cluster (scripts/postgres.sh) on the same machine; one database of $ARTICLES articles by one author (bench1), which Blog and the baseline share, signed in as that author. Load average at start $LOAD_START, at end $LOAD_END (wrk, the server and PostgreSQL share the $CORES cores)."
  else
    echo "Database: $ARTICLES articles by one author (bench1), signed in as that author. Load average at start $LOAD_START, at end $LOAD_END (wrk and the server share the $CORES cores)."
  fi
  echo "$SEARCH_SIZES The search rows run on one connection (wrk -t1 -c1)."
  echo
  row() { printf '|'; printf ' %s |' "$@"; echo; }
  head=("Scenario" "Server" "req/s" "p50 ms" "p99 ms" "max ms" "non-2xx" "Blog ÷ baseline" "peak RSS MB" "server CPU µs/req")
  ((PG_COLUMN)) && head+=("PostgreSQL CPU µs/req")
  head+=("server CPU %" "other CPU %")
  row "${head[@]}"
  echo "|---|---|$(printf -- '---:|%.0s' $(seq 3 ${#head[@]}))"
  for s in "${SCENARIOS[@]}"; do
    for server in blog baseline; do
      [[ -n "$(get "$s" "$server" 3)" ]] || continue
      errors="$(get "$s" "$server" 7)"
      [[ "$(get "$s" "$server" 8)" != 0 ]] && errors="$errors (+$(get "$s" "$server" 8) socket)"
      if [[ $server == blog ]]; then
        cells=("${TITLE[$s]}" "${SERVER_NAME[$s]:-Blog}")
      else
        cells=("" baseline)
      fi
      cells+=("$(get "$s" "$server" 3)" "$(get "$s" "$server" 4)" "$(get "$s" "$server" 5)" "$(get "$s" "$server" 6)" "$errors"
        "$([[ $server == blog ]] && ratio "$s" || true)" "$(get "$s" "$server" 9)" "$(get "$s" "$server" 12)")
      ((PG_COLUMN)) && cells+=("$(get "$s" "$server" 13)")
      cells+=("$(get "$s" "$server" 10)" "$(get "$s" "$server" 11)")
      row "${cells[@]}"
    done
  done
  echo
  echo "non-2xx counts responses of status 400 and above (wrk's count; each scenario's request was checked beforehand"
  echo "to answer its 2xx). Peak RSS is the server's VmHWM after the scenario (cumulative). Server CPU µs/req is the server's"
  echo "CPU time (user + system, from /proc) divided by the requests answered: the cost of a request, steadier than req/s"
  echo "when other work shares the machine. The CPU % columns are shares of the"
  echo "machine ($CORES cores) during the runs: the server's mean, and the largest share taken by processes other than the"
  echo "server and wrk (a run with a high one was disturbed by other work on the machine). Blog's peak RSS over the whole"
  echo "run: $BLOG_HWM MB (RSS at the end $BLOG_RSS_END MB); the baseline's: $BASE_HWM MB."
  if [[ "$ENGINE" == postgres ]]; then
    echo
    echo "PostgreSQL CPU µs/req is the cluster's CPU time (postmaster, backends, background workers) divided by the requests"
    echo "answered; other CPU % leaves PostgreSQL out. On two instances, one wrk drives each at once with the same session"
    echo "(signed in on the first): req/s, errors and CPU are the sums, latencies and peak RSS the larger of the two; the"
    echo "second instance's peak RSS over its life: $BLOG_B_HWM MB."
  fi
  echo
  echo "One PBKDF2-HMAC-SHA512 verification (220,000 iterations), timed before each login run and after the last ($(IFS=/; echo "${HASH_TIMES[*]}") ms), takes $HASH_MS ms on average, so $CORES cores sign in at most"
  echo "$(awk -v c="$CORES" -v h="$HASH_MS" 'BEGIN { printf "%.1f", c * 1000 / h }')/s (measured with all cores hashing at once: $HASH_PARALLEL)."
  echo
  echo "## List latency against size (Blog, 1 connection, ${SCALE_DURATION}s per probe; all sizes served at once and probed in turns, $SCALE_ROUNDS rounds; the median of the rounds)"
  echo
  echo "| Articles | Authors | First page p50 ms | p99 ms | Deep page | p50 ms | p99 ms | other CPU % |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|"
  awk -F'\t' '{ printf "| %s | %s | %s | %s | %s | %s | %s | %s |\n", $2, $3, $4, $5, ($6 == "-" ? "–" : $6), ($6 == "-" ? "–" : $7), ($6 == "-" ? "–" : $8), $9 }' "$SCALE"
  echo
  echo "(The deep page is page 500 where the author has 500 pages; with fewer, the last page.$([[ "$SPREAD" == 1 ]] && echo " The 10,000-author file")"
  [[ "$SPREAD" == 1 ]] && echo "interleaves authors, so author 1 has $((ARTICLES / 10000)) articles spread over the whole table.)" || echo ")"
  echo
  echo "## Targets"
  echo
  get_r=$(ratio get_article); list_r=$(ratio list_first)
  get_p99=$(get get_article blog 5); list_p99=$(get list_first blog 5)
  post_rps=$(get post_article blog 3); post_err=$(($(get post_article blog 7) + $(get post_article blog 8)))
  put_rps=$(get put_article blog 3); put_err=$(($(get put_article blog 7) + $(get put_article blog 8)))
  login_rps=$(get login blog 3)
  login_target=$(awk -v c="$CORES" -v h="$HASH_MS" 'BEGIN { printf "%.1f", 0.9 * c * 1000 / h }')
  f1k=$(awk -F'\t' '$2 == 1000 { print $4 }' "$SCALE"); fmax=$(awk -F'\t' -v a="$ARTICLES" '$2 == a && $3 == 1 { print $4 }' "$SCALE")
  d1k=$(awk -F'\t' '$2 == 1000 { print $7 }' "$SCALE"); d100k=$(awk -F'\t' '$2 == 100000 { print $7 }' "$SCALE"); dmax=$(awk -F'\t' -v a="$ARTICLES" '$2 == a && $3 == 1 { print $7 }' "$SCALE")
  echo "| Target | Measured | |"
  echo "|---|---|---|"
  echo "| GET one article ≥ 60 % of baseline, p99 ≤ 10 ms | $get_r × baseline, p99 $get_p99 ms | $(ok "$get_r >= 0.60 && $get_p99 <= 10") |"
  bearer_r=$(awk -v t="$(get get_article_bearer blog 3)" -v c="$(get get_article blog 3)" 'BEGIN { printf "%.2f", t / c }')
  echo "| GET one article with an access token ≥ 90 % of the cookie's rate | $bearer_r × the cookie's | $(ok "$bearer_r >= 0.90") |"
  echo "| GET list of 20 ≥ 60 % of baseline, p99 ≤ 10 ms | $list_r × baseline, p99 $list_p99 ms | $(ok "$list_r >= 0.60 && $list_p99 <= 10") |"
  echo "| POST article ≥ 2,000/s, zero errors | $post_rps/s, $post_err errors | $(ok "$post_rps >= 2000 && $post_err == 0") |"
  echo "| PUT article ≥ 1,500/s, zero errors | $put_rps/s, $put_err errors | $(ok "$put_rps >= 1500 && $put_err == 0") |"
  echo "| login ≥ 90 % of cores ÷ hash time ($login_target/s) | $login_rps/s = $(awk -v r="$login_rps" -v c="$CORES" -v h="$HASH_MS" 'BEGIN { printf "%.0f", 100 * r * h / (c * 1000) }') % of $CORES ÷ $HASH_MS ms | $(ok "$login_rps >= $login_target") |"
  echo "| first page within ±20 % from 1k to $ARTICLES | p50 $f1k → $fmax ms | $(ok "$fmax <= 1.2 * $f1k && $fmax >= 0.8 * $f1k") |"
  echo "| deep page within ±20 % (1k: last page; 100k and $ARTICLES: page 500) | p50 $d1k → $d100k → $dmax ms | $(ok "$dmax <= 1.2 * $d1k && $dmax >= 0.8 * $d1k && $d100k <= 1.2 * $d1k && $d100k >= 0.8 * $d1k") |"
  if [[ "$ENGINE" == postgres ]]; then
    two_rps=$(get mix_two blog 3); two_err=$(($(get mix_two blog 7) + $(get mix_two blog 8)))
    echo "| two instances on one database serve the 90/10 mix with zero errors | $two_rps/s summed, $two_err errors | $(ok "$two_err == 0") |"
    echo "| peak RSS per instance ≤ 200 MB | $BLOG_HWM MB, second instance $BLOG_B_HWM MB | $(ok "$BLOG_HWM <= 200 && $BLOG_B_HWM <= 200") |"
  else
    echo "| peak RSS ≤ 200 MB | $BLOG_HWM MB | $(ok "$BLOG_HWM <= 200") |"
  fi
} >"$REPORT"

cat "$REPORT"
log "report written to ${REPORT#"$ROOT"/}"
