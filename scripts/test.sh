#!/usr/bin/env bash
# Runs every test suite of Blog on this machine, installing what is missing first:
#   1. .NET: handler tests per slice and HTTP contract tests (xunit.v3, in-process API), once on SQLite files and
#      once on PostgreSQL (a database per test; there also the suite of two API processes on one database),
#      then the OpenAPI document (held to the API's by a .NET test): linted with Redocly's recommended rules, and the
#      client's types checked against it (scripts/api.sh check)
#   2. .http smoke files run by httpyac against the API started from its build output, on each engine
#   3. client unit tests (Vitest on jsdom)
#   4. browser tests (playwright-core driving Debian's Chromium against the API serving the built client)
#   5. small soak: concurrent creates, kill -9 during writes, malformed requests (bench/soak.sh --small)
# A throwaway PostgreSQL cluster (scripts/postgres.sh) runs from before the build to the end, its connection string in
# BLOG_TEST_POSTGRES for the suites; it is stopped and deleted however the run ends.
# Ends with one line "N passed, N failed" summing every suite; exits non-zero when anything failed.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
logs="$(mktemp -d "${TMPDIR:-/tmp}/blog-test.XXXXXX")"
passed=0
failed=0

bash "$root/scripts/setup.sh" || { echo "0 passed, 1 failed"; exit 1; }

postgres_dir="$(mktemp -d "${TMPDIR:-/tmp}/blog-test-postgres.XXXXXX")"
stop_postgres() {
  local output
  output="$(bash "$root/scripts/postgres.sh" stop "$postgres_dir" --remove 2>&1)" || echo "$output" >&2
}
trap 'stop_postgres; rm -rf "$logs"' EXIT
trap 'exit 130' INT TERM
echo "::: postgres"
if ! BLOG_TEST_POSTGRES="$(bash "$root/scripts/postgres.sh" start "$postgres_dir")"; then
  echo "0 passed, 1 failed"; exit 1
fi
export BLOG_TEST_POSTGRES BLOG_TEST_POSTGRES_DIR="$postgres_dir"

# suite NAME PARSER COMMAND...: runs COMMAND (output shown and kept), adds the counts PARSER reads from it.
# A suite that exits non-zero without reporting a failure counts one failure.
suite() {
  local name="$1" parser="$2"; shift 2
  echo "::: $name"
  "$@" 2>&1 | tee "$logs/$name.log"
  local status=${PIPESTATUS[0]}
  local counts; counts="$("$parser" "$logs/$name.log")"
  local p="${counts% *}" f="${counts#* }"
  if [[ $status -ne 0 && $f -eq 0 ]]; then f=1; fi
  if [[ $p -eq 0 && $f -eq 0 ]]; then f=1; echo "::: $name ran no test"; fi
  echo "::: $name: $p passed, $f failed"
  passed=$((passed + p)); failed=$((failed + f))
}

dotnet_counts() {  # Microsoft.Testing.Platform's summary: "succeeded: N" / "failed: N"
  local p f
  p=$(grep -E '^\s*succeeded: [0-9]+' "$1" | tail -1 | grep -oE '[0-9]+'); f=$(grep -E '^\s*failed: [0-9]+' "$1" | tail -1 | grep -oE '[0-9]+')
  echo "${p:-0} ${f:-0}"
}
line_counts() {  # the plain "N passed, N failed" line
  local line; line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$1" | tail -1)
  [[ -n $line ]] && echo "$line" | sed -E 's/^([0-9]+) passed, ([0-9]+) failed.*/\1 \2/' || echo "0 0"
}
vitest_counts() {  # "Tests  2 failed | 62 passed (64)"
  local line p f; line=$(sed 's/\x1b\[[0-9;]*m//g' "$1" | grep -E '^\s*Tests\s' | tail -1)
  p=$(echo "$line" | grep -oE '[0-9]+ passed' | grep -oE '[0-9]+'); f=$(echo "$line" | grep -oE '[0-9]+ failed' | grep -oE '[0-9]+')
  echo "${p:-0} ${f:-0}"
}
node_test_counts() {  # node --test: "ℹ pass N" / "ℹ fail N" (or "# pass N" in TAP)
  local p f
  p=$(grep -E '^(ℹ|#) pass [0-9]+' "$1" | tail -1 | grep -oE '[0-9]+'); f=$(grep -E '^(ℹ|#) fail [0-9]+' "$1" | tail -1 | grep -oE '[0-9]+')
  echo "${p:-0} ${f:-0}"
}

echo "::: build"
if ! dotnet build "$root/Blog.sln" -c Release -nologo -v quiet; then
  echo "0 passed, 1 failed"; exit 1
fi
if ! (cd "$root/web-client" && npx ng build --progress=false); then
  echo "0 passed, 1 failed"; exit 1
fi

suite dotnet-sqlite dotnet_counts env BLOG_TEST_ENGINE=Sqlite dotnet test --solution "$root/Blog.sln" -c Release --no-build
suite dotnet-postgres dotnet_counts env BLOG_TEST_ENGINE=Postgres dotnet test --solution "$root/Blog.sln" -c Release --no-build
suite openapi line_counts bash "$root/scripts/api.sh" check
suite http-sqlite line_counts bash "$root/scripts/http-smoke.sh"
suite http-postgres line_counts bash "$root/scripts/http-smoke.sh" --postgres
suite client-unit vitest_counts bash -c "cd '$root/web-client' && npx ng test --watch=false"
suite client-browser node_test_counts bash -c "cd '$root/web-client' && node --test e2e/"
suite soak line_counts bash "$root/bench/soak.sh" --small

# Stopped before the totals line, which stays the last; the trap stops it when the run ends early.
stop_postgres
echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
