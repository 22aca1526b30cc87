#!/usr/bin/env bash
# A/B timing experiment for a candidate API change, without touching the work tree: copies Blog.Api and
# Blog.Features into a temp folder twice, applies PATCH to the second copy, builds both (Release), seeds one
# database (1,000,000 articles by bench1), and alternates wrk runs between the two servers (A B A B ...).
#
#   bench/experiments/ab.sh PATCH|baseline "scenario ..." [rounds 3] [seconds 8]
#   bench/experiments/ab.sh /tmp/candidate.patch "get_article list_first" 4    # PATCH: git diff output
#   bench/experiments/ab.sh baseline "get_article list_first"                   # Blog as it is vs bench/Baseline
#
# Scenarios are bench/wrk/<name>.lua. Each line gives req/s, latency, the server's share of the machine, the share
# of the whole machine in use, and the server's CPU time per request (the steadier figure on a shared machine).
set -euo pipefail

BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ROOT=$(dirname "$BENCH")
PATCH=$1 SCENARIOS=$2 ROUNDS=${3:-3} SECONDS_PER_RUN=${4:-8}
ARTICLES=${AB_ARTICLES:-1000000}
[[ "$PATCH" == baseline || -f "$PATCH" ]] || { echo "no such patch: $PATCH" >&2; exit 2; }
[[ "$PATCH" == baseline ]] || PATCH=$(cd "$(dirname "$PATCH")" && pwd)/$(basename "$PATCH")
# shellcheck source=bench/lib.sh
. "$BENCH/lib.sh"
install_missing wrk curl

WORK=$(mktemp -d /tmp/blog-ab.XXXXXX)
declare -A PID PORT COOKIE XSRF PREFIX
cleanup() {
  local pid
  for pid in "${PID[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

copy_tree() { # folder
  mkdir -p "$1"
  cp -r "$ROOT/Blog.Api" "$ROOT/Blog.Features" "$ROOT/Directory.Build.props" "$ROOT/global.json" "$1/"
  [[ -f "$ROOT/.editorconfig" ]] && cp "$ROOT/.editorconfig" "$1/"
  rm -rf "$1"/Blog.*/bin "$1"/Blog.*/obj
}

echo "building A (the tree as it is) and B ($([[ "$PATCH" == baseline ]] && echo bench/Baseline || basename "$PATCH"))" >&2
copy_tree "$WORK/A"
(cd "$WORK/A" && dotnet build Blog.Api -c Release -nologo -v q >"$WORK/build-A.log" 2>&1) || { cat "$WORK/build-A.log"; exit 1; }
if [[ "$PATCH" == baseline ]]; then
  dotnet build "$BENCH/Baseline" -c Release -nologo -v q >"$WORK/build-B.log" 2>&1 || { cat "$WORK/build-B.log"; exit 1; }
else
  copy_tree "$WORK/B"
  (cd "$WORK/B" && patch -p1 -s <"$PATCH") || { echo "the patch does not apply to the tree" >&2; exit 1; }
  (cd "$WORK/B" && dotnet build Blog.Api -c Release -nologo -v q >"$WORK/build-B.log" 2>&1) || { cat "$WORK/build-B.log"; exit 1; }
fi
dotnet build "$BENCH/Seeder" -c Release -nologo -v q >/dev/null
dotnet "$BENCH/Seeder/bin/Release/net10.0/Seeder.dll" seed --db "$WORK/seed.db" --articles "$ARTICLES" --authors 1 >&2

start() { # variant port
  local v=$1 port=$2 jar="$WORK/$1.jar" x
  cp "$WORK/seed.db" "$WORK/$v.db"
  PORT[$v]=$port PREFIX[$v]=/api/v1
  if [[ $v == B && "$PATCH" == baseline ]]; then
    PREFIX[$v]=
    (cd "$WORK" && exec env ConnectionStrings__Blog="Data Source=$WORK/$v.db" ASPNETCORE_ENVIRONMENT=Production \
      Logging__LogLevel__Default=Warning dotnet "$BENCH/Baseline/bin/Release/net10.0/Baseline.dll" --urls "http://127.0.0.1:$port" >"$WORK/$v.log" 2>&1) &
  else
    (cd "$WORK" && exec env ConnectionStrings__Blog="Data Source=$WORK/$v.db" Blog__RateLimits__LoginPerMinute=1000000 \
      Blog__RateLimits__RegisterPerMinute=1000000 Blog__RateLimits__ArticlesPerMinute=100000000 ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
      dotnet "$WORK/$v/Blog.Api/bin/Release/net10.0/Blog.Api.dll" --urls "http://127.0.0.1:$port" >"$WORK/$v.log" 2>&1) &
  fi
  PID[$v]=$!
  for _ in $(seq 1 300); do curl -s -o /dev/null "http://127.0.0.1:$port/health" && break; sleep 0.1; done
  if [[ -z "${PREFIX[$v]}" ]]; then COOKIE[$v]=${COOKIE[A]}; XSRF[$v]=x; return; fi
  curl -s -c "$jar" -b "$jar" -o /dev/null "http://127.0.0.1:$port/api/v1/users/current"
  x=$(jar_value "$jar" XSRF-TOKEN)
  curl -s -o /dev/null -c "$jar" -b "$jar" -H "X-XSRF-TOKEN: $x" -H 'Content-Type: application/json' \
    -d '{"usernameOrEmail":"bench1","password":"bench-password-1"}' "http://127.0.0.1:$port/api/v1/login"
  COOKIE[$v]=$(cookie_header "$jar")
  XSRF[$v]=$(jar_value "$jar" XSRF-TOKEN)
}

CORES=$(nproc)
run() { # variant scenario seconds
  local v=$1 s=$2 d=$3 b0 s0 b1 s1 out
  b0=$(cpu_busy); s0=$(proc_cpu "${PID[$v]}")
  out=$(env BENCH_WRK_DIR="$BENCH/wrk" BENCH_PREFIX="${PREFIX[$v]}" BENCH_COOKIE="${COOKIE[$v]}" BENCH_XSRF="${XSRF[$v]}" \
    BENCH_ID_COUNT="$ARTICLES" BENCH_CURSOR=$((ARTICLES - 9979)) \
    wrk -t2 -c32 -d"${d}s" --timeout 10s -s "$BENCH/wrk/$s.lua" "http://127.0.0.1:${PORT[$v]}" | grep '^BENCH')
  b1=$(cpu_busy); s1=$(proc_cpu "${PID[$v]}")
  echo "$out" | awk -v v="$v" -v s="$s" -v b=$((b1 - b0)) -v sv=$((s1 - s0)) -v d="$d" -v hz="$HZ" -v c="$CORES" '{
    for (i = 2; i <= NF; i++) { split($i, kv, "="); x[kv[1]] = kv[2] }
    printf "%s %-13s %7.0f req/s  p50 %6.2f  p99 %7.2f ms  errors %d  server %3.0f%%  machine %3.0f%%  server CPU %5.0f us/req\n",
      v, s, x["requests"] / (x["duration_us"] / 1e6), x["p50_us"] / 1000, x["p99_us"] / 1000, x["status_errors"] + x["socket_errors"],
      sv / hz / d / c * 100, b / hz / d / c * 100, sv / hz / x["requests"] * 1e6 }'
}

PORT_A=$(free_port)
PORT_B=$(free_port)
start A "$PORT_A"
start B "$PORT_B"
for v in A B; do run "$v" get_article 5 >/dev/null; run "$v" list_first 5 >/dev/null; done
for s in $SCENARIOS; do
  for _ in $(seq 1 "$ROUNDS"); do
    run A "$s" "$SECONDS_PER_RUN"
    sleep 2
    run B "$s" "$SECONDS_PER_RUN"
    sleep 2
  done
done
