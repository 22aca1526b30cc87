#!/usr/bin/env bash
# Runs the product: installs what is missing, builds the Angular client when its sources changed, and starts the
# API serving it at http://localhost:5000 on the SQLite file Blog.Api/App_Data/blog.db (created with its schema on
# first start). Arguments go to the API, e.g. --urls http://localhost:8080, or an account command such as
# "users deactivate NAME" or the operator command "articles rerender" instead of the server.
#   --postgres  runs it on PostgreSQL instead: on ConnectionStrings__Blog when it is set, else on a cluster of its own
#               in .postgres/ of the checkout (scripts/postgres.sh), started when needed and left running for the
#               next run (stop it with 'bash scripts/postgres.sh stop .postgres'). Not passed on to the API.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

postgres=false
args=()
for arg in "$@"; do
  if [[ $arg == --postgres ]]; then postgres=true; else args+=("$arg"); fi
done

bash "$root/scripts/setup.sh"

client="$root/web-client"
index="$client/dist/browser/index.html"
if [[ ! -f "$index" ]] || [[ -n "$(find "$client/src" "$client/angular.json" "$client/package-lock.json" -newer "$index" -print -quit)" ]]; then
  echo "run: building the client"
  (cd "$client" && npx ng build --progress=false)
fi

if $postgres; then
  export Blog__Database__Provider=Postgres
  if [[ -z ${ConnectionStrings__Blog:-} ]]; then
    ConnectionStrings__Blog="$(bash "$root/scripts/postgres.sh" start "$root/.postgres")"
    export ConnectionStrings__Blog
  fi
fi

# The API resolves relative paths against its own folder (the build output); point it at the checkout's.
export ConnectionStrings__Blog="${ConnectionStrings__Blog:-Data Source=$root/Blog.Api/App_Data/blog.db}"
export Blog__Client__RootPath="${Blog__Client__RootPath:-$client/dist/browser}"
cd "$root/Blog.Api"
exec dotnet run -c Release --no-launch-profile -- "${args[@]}"
