#!/usr/bin/env bash
# Installs what a fresh machine lacks to build, run and test Blog: Debian's Chromium (browser tests), curl,
# PostgreSQL (the second engine; scripts/postgres.sh runs clusters of its own with its tools) and its RUM extension,
# nginx and openssl (the deployment's browser test), the npm packages of the repository root (httpyac) and of the
# client. The .NET SDK 10 and Node.js 20 are expected on the machine; NuGet packages are restored by the builds. Safe
# to run again: it only installs what is missing.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

missing=()
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
command -v curl >/dev/null || missing+=(curl)
bash "$root/scripts/postgres.sh" bindir >/dev/null 2>&1 || missing+=(postgresql)
command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]] || missing+=(nginx)
command -v openssl >/dev/null || missing+=(openssl)
sudo=""; [[ $(id -u) -eq 0 ]] || sudo="sudo"
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# RUM, the index that hands a rare word's matches over newest first (migration 0008 uses it when it is there). Its
# package is built for one PostgreSQL version and may upgrade the server's package to it: install it before any cluster
# of this machine starts. Without it the search asks the GIN index, and the tests still pass.
pg_major="$("$(bash "$root/scripts/postgres.sh" bindir)/postgres" --version | sed -E 's/^[^0-9]*([0-9]+).*/\1/')"
if [[ ! -f /usr/share/postgresql/$pg_major/extension/rum.control ]]; then
  echo "setup: installing postgresql-$pg_major-rum"
  ((${#missing[@]})) || $sudo apt-get update -qq || true
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "postgresql-$pg_major-rum" >/dev/null \
    || echo "setup: postgresql-$pg_major-rum is not available; PostgreSQL searches use the GIN index alone" >&2
fi

# npm ci when node_modules is missing or older than the lock file.
for dir in "$root" "$root/web-client"; do
  if [[ ! -d "$dir/node_modules" || "$dir/package-lock.json" -nt "$dir/node_modules" ]]; then
    echo "setup: npm ci in ${dir#"$root"/}"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error && touch node_modules)
  fi
done
