#!/usr/bin/env bash
# HTTP smoke suite: starts the built API on a free port with a fresh database (a SQLite file, or with --postgres a new
# database on the PostgreSQL cluster of $BLOG_TEST_POSTGRES_DIR), runs every Blog.Api/*.http file with httpyac against
# it, and ends with one line "N passed, N failed".
#
# The counts are ASSERTIONS (httpyac "tests": every `?? ...` line of every request), summed over all
# files from httpyac's --json summary: passed = successTests, failed = failedTests + erroredTests +
# skippedTests (an assertion that could not run, e.g. because the request errored, is not a pass).
# A file whose run produced no readable JSON summary counts as 1 failed.
#
# Usage: scripts/http-smoke.sh [--build] [--postgres]
#   Needs `npm ci` done at the repository root (httpyac) and Blog.Api built in Release;
#   --build runs `dotnet build Blog.Api -c Release` first. Runnable from any directory.
# Exit status: 0 when every assertion passed, 1 otherwise (or when the API does not start).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
API_DLL="$ROOT/Blog.Api/bin/Release/net10.0/Blog.Api.dll"
HTTPYAC="$ROOT/node_modules/.bin/httpyac"

build=false
postgres=false
for arg in "$@"; do
  case "$arg" in
    --build) build=true ;;
    --postgres) postgres=true ;;
    -h | --help) sed -n '2,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "http-smoke: unknown argument: $arg (try --help)" >&2; exit 2 ;;
  esac
done

if [[ ! -x "$HTTPYAC" ]]; then
  echo "http-smoke: $HTTPYAC not found: run 'npm ci' in $ROOT first" >&2
  exit 1
fi
if $build; then
  dotnet build "$ROOT/Blog.Api" -c Release -nologo -v quiet
fi
if [[ ! -f "$API_DLL" ]]; then
  echo "http-smoke: $API_DLL not found: build with 'dotnet build Blog.Api -c Release' or pass --build" >&2
  exit 1
fi

shopt -s nullglob
files=("$ROOT"/Blog.Api/*.http)
if ((${#files[@]} == 0)); then
  echo "http-smoke: no .http files in $ROOT/Blog.Api" >&2
  exit 1
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/blog-http-smoke.XXXXXX")"
api_pid=""
cleanup() {
  if [[ -n "$api_pid" ]] && kill -0 "$api_pid" 2>/dev/null; then
    kill "$api_pid" 2>/dev/null || true
    wait "$api_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A free port on the loopback address, chosen by the kernel.
port="$(node -e 'const s = require("net").createServer(); s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });')"
base="http://127.0.0.1:$port"

database=(ConnectionStrings__Blog="Data Source=$work/blog.db")
if $postgres; then
  : "${BLOG_TEST_POSTGRES_DIR:?--postgres needs BLOG_TEST_POSTGRES_DIR, the folder of a cluster started by scripts/postgres.sh}"
  database=(Blog__Database__Provider=Postgres
    ConnectionStrings__Blog="$(bash "$ROOT/scripts/postgres.sh" database "$BLOG_TEST_POSTGRES_DIR" "http_smoke_$$_$RANDOM")")
fi

# Default rate limits (20 register / 20 login a minute): the files stay under them.
cd "$ROOT"
env "${database[@]}" ASPNETCORE_ENVIRONMENT=Production \
  dotnet "$API_DLL" --urls "$base" >"$work/api.log" 2>&1 &
api_pid=$!

healthy=false
for _ in $(seq 1 120); do
  if ! kill -0 "$api_pid" 2>/dev/null; then
    break
  fi
  if node -e 'fetch(process.argv[1]).then(r => process.exit(r.status === 200 ? 0 : 1), () => process.exit(1))' "$base/health"; then
    healthy=true
    break
  fi
  sleep 0.5
done
if ! $healthy; then
  echo "http-smoke: the API did not answer 200 on $base/health; its log:" >&2
  tail -n 50 "$work/api.log" >&2 || true
  echo "0 passed, 1 failed"
  exit 1
fi
echo "http-smoke: API at $base ($(if $postgres; then echo PostgreSQL; else echo "SQLite $work/blog.db"; fi))"

for file in "${files[@]}"; do
  name="$(basename "$file")"
  # httpyac only takes files under its working directory: run it from the repository root.
  "$HTTPYAC" send "Blog.Api/$name" --all --json --var "baseUrl=$base" >"$work/$name.json" 2>"$work/$name.err" || true
done

# Sums the --json summaries, prints one line per file and every failed assertion, and leaves the totals
# in $work/totals ("passed failed").
node - "$work" "${files[@]##*/}" <<'EOF'
const fs = require('fs');
const path = require('path');
const [work, ...names] = process.argv.slice(2);
let passed = 0;
let failed = 0;
for (const name of names) {
  let report;
  try {
    report = JSON.parse(fs.readFileSync(path.join(work, `${name}.json`), 'utf8'));
  } catch (error) {
    failed += 1;
    const stderr = fs.existsSync(path.join(work, `${name}.err`)) ? fs.readFileSync(path.join(work, `${name}.err`), 'utf8') : '';
    console.log(`${name} — no JSON report from httpyac (${error.message})`);
    if (stderr.trim()) console.log(stderr.trim().split('\n').slice(-20).map(l => `    ${l}`).join('\n'));
    continue;
  }
  const s = report.summary;
  const bad = s.failedTests + s.erroredTests + s.skippedTests;
  passed += s.successTests;
  failed += bad;
  console.log(`${name} — ${s.totalRequests} requests, assertions: ${s.successTests} ok, ${bad} not ok`);
  for (const request of report.requests) {
    // For a failed request that got a problem response, show what the API said.
    if ((request.testResults || []).some(test => test.status !== 'SUCCESS') && request.response) {
      let problem;
      try { problem = JSON.parse(request.response.body); } catch { problem = undefined; }
      if (problem && problem.title) {
        console.log(`  ${name}:${request.line + 1} answered ${request.response.statusCode}: ${JSON.stringify({ title: problem.title, detail: problem.detail, errors: problem.errors })}`);
      }
    }
    for (const test of request.testResults || []) {
      if (test.status !== 'SUCCESS') {
        const why = (test.error && (test.error.displayMessage || test.error.message)) || '';
        const status = request.response ? ` [HTTP ${request.response.statusCode}]` : '';
        console.log(`  ✖ ${name}:${request.line + 1} ${request.name}${status}: ${test.message} (${test.status})${why ? `\n      ${why}` : ''}`);
      }
    }
  }
}
fs.writeFileSync(path.join(work, 'totals'), `${passed} ${failed}\n`);
EOF

read -r passed failed <"$work/totals"
echo "$passed passed, $failed failed"
((failed == 0))
