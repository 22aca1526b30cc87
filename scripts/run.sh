#!/usr/bin/env bash
# Runs the product: installs what is missing, builds the Angular client when its sources changed, and starts the
# API serving it at http://localhost:5000 on the SQLite file Blog.Api/App_Data/blog.db (created with its schema on
# first start). Arguments go to the API, e.g. --urls http://localhost:8080, or an account command such as
# "users deactivate NAME" instead of the server.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

bash "$root/scripts/setup.sh"

client="$root/web-client"
index="$client/dist/browser/index.html"
if [[ ! -f "$index" ]] || [[ -n "$(find "$client/src" "$client/angular.json" "$client/package-lock.json" -newer "$index" -print -quit)" ]]; then
  echo "run: building the client"
  (cd "$client" && npx ng build --progress=false)
fi

# The API resolves relative paths against its own folder (the build output); point it at the checkout's.
export ConnectionStrings__Blog="${ConnectionStrings__Blog:-Data Source=$root/Blog.Api/App_Data/blog.db}"
export Blog__Client__RootPath="${Blog__Client__RootPath:-$client/dist/browser}"
cd "$root/Blog.Api"
exec dotnet run -c Release --no-launch-profile -- "$@"
