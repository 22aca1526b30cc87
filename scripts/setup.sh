#!/usr/bin/env bash
# Installs what a fresh machine lacks to build, run and test Blog: Debian's Chromium (browser tests), curl,
# PostgreSQL (the second engine; scripts/postgres.sh runs clusters of its own with its tools), nginx and openssl (the
# deployment's browser test), the npm packages of the repository root (httpyac) and of the client. The .NET SDK 10
# and Node.js 20 are expected on the machine; NuGet packages are restored by the builds. Safe to run again: it only
# installs what is missing.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

missing=()
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
command -v curl >/dev/null || missing+=(curl)
bash "$root/scripts/postgres.sh" bindir >/dev/null 2>&1 || missing+=(postgresql)
command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]] || missing+=(nginx)
command -v openssl >/dev/null || missing+=(openssl)
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo=""; [[ $(id -u) -eq 0 ]] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# npm ci when node_modules is missing or older than the lock file.
for dir in "$root" "$root/web-client"; do
  if [[ ! -d "$dir/node_modules" || "$dir/package-lock.json" -nt "$dir/node_modules" ]]; then
    echo "setup: npm ci in ${dir#"$root"/}"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error && touch node_modules)
  fi
done
