#!/usr/bin/env bash
# A PostgreSQL cluster of its own for Blog, in one folder, with the machine's PostgreSQL tools: for the tests (a
# throwaway one in a temporary folder) and for `scripts/run.sh --postgres` (one kept in .postgres/ of the checkout).
#
# Usage: scripts/postgres.sh start DIR | stop DIR [--remove] | database DIR NAME | bindir
#   start DIR         initialises DIR when it holds no cluster yet (a superuser role "blog" with a random password,
#                     password authentication for every connection, none trusted), listens on 127.0.0.1 only, on the
#                     port it had when that one is still free, else on one the kernel chooses, starts the server,
#                     creates the database "blog" and prints ONE line: the Npgsql connection string, also kept in
#                     DIR/connection-string. Starting a running cluster prints its string again.
#   database DIR NAME creates the database NAME on the running cluster of DIR when it is missing, and prints its
#                     connection string (for suites that each want a database of their own).
#   stop DIR          stops the server (fast shutdown: open sessions are ended, committed work is kept);
#     --remove        then deletes DIR.
#   bindir            prints the folder of the server tools (initdb, pg_ctl, postgres); fails when there is none.
# PostgreSQL refuses to run as root: as root, the server runs as the system user "blogpg" (created when missing),
# which then owns DIR. Messages go to stderr; the server's own log is DIR/server.log.
set -euo pipefail

server_user=blogpg
role=blog
database=blog

usage() { sed -n '2,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }
say() { echo "postgres: $*" >&2; }

# The tools from PATH, else where pg_config says, else Debian's folder of the newest installed major version.
bindir() {
  local initdb candidate
  if initdb="$(command -v initdb)"; then
    dirname "$(readlink -f "$initdb")"
    return
  fi
  if command -v pg_config >/dev/null && candidate="$(pg_config --bindir)" && [[ -x $candidate/initdb ]]; then
    echo "$candidate"
    return
  fi
  candidate="$(find /usr/lib/postgresql -mindepth 3 -maxdepth 3 -path '*/bin/initdb' 2>/dev/null | sort -V | tail -n 1)"
  [[ -n $candidate ]] || return 1
  dirname "$candidate"
}

# as_server COMMAND...: runs COMMAND as the user the server runs as, from DIR (the server user may not be allowed
# into the caller's working folder). setsid puts the server in a session of its own: a Ctrl-C meant for the caller
# (run.sh's API, the test command) does not reach a server that is meant to outlive it or to be stopped by a trap.
as_server() {
  if ((EUID == 0)); then
    (cd "$dir" && runuser -u "$server_user" -- setsid -w "$@")
  else
    (cd "$dir" && setsid -w "$@")
  fi
}

# A free port on 127.0.0.1: the one asked for when nothing listens there, else one the kernel chooses.
free_port() {
  node -e '
    const net = require("net");
    const listen = (port, fallback) => {
      const server = net.createServer();
      server.once("error", fallback);
      server.listen(port, "127.0.0.1", () => { console.log(server.address().port); server.close(); });
    };
    listen(Number(process.argv[1]) || 0, () => listen(0, (error) => { throw error; }));' "${1:-0}"
}

running() { as_server "$bin/pg_ctl" status -D "$data" >/dev/null 2>&1; }

connection_string() {
  echo "Host=127.0.0.1;Port=$1;Username=$role;Password=$(<"$dir/password");Database=$database"
}

psql_blog() {  # psql_blog PORT DATABASE ARGS...: as the superuser, over TCP with its password, as a client would
  local port="$1" db="$2"; shift 2
  PGPASSWORD="$(<"$dir/password")" PGCONNECT_TIMEOUT=10 "$psql" -X -q -v ON_ERROR_STOP=1 \
    -h 127.0.0.1 -p "$port" -U "$role" -d "$db" "$@"
}

init_cluster() {
  say "initialising a cluster in $dir"
  (umask 077 && od -An -tx1 -N24 /dev/urandom | tr -d ' \n' >"$dir/password")
  if ((EUID == 0)); then chown "$server_user:" "$dir/password"; fi
  as_server "$bin/initdb" -D "$data" -U "$role" --pwfile="$dir/password" \
    --auth-local=scram-sha-256 --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; exit 1; }
  rm "$dir/initdb.log"
  # Only these lines: the socket in DIR and loopback TCP, each with the password; no replication, nothing trusted.
  cat >"$data/pg_hba.conf" <<'EOF'
# TYPE  DATABASE  USER  ADDRESS       METHOD
local   all       all                 scram-sha-256
host    all       all   127.0.0.1/32  scram-sha-256
EOF
  echo "include_if_exists = 'blog.conf'" >>"$data/postgresql.conf"
  if ((EUID == 0)); then chown "$server_user:" "$data/pg_hba.conf"; fi
}

# Written anew at each start, so that the port can move when the old one was taken meanwhile.
configure() {
  cat >"$data/blog.conf" <<EOF
# Written by scripts/postgres.sh at each start.
listen_addresses = '127.0.0.1'
port = $1
unix_socket_directories = '$dir'
unix_socket_permissions = 0700
password_encryption = 'scram-sha-256'
# Durable commits, as on a real server (the defaults, stated so that no one trades them for speed here).
fsync = on
synchronous_commit = on
full_page_writes = on
logging_collector = off
# Room for several instances' pools, and for the test suites, which run many hosts in parallel.
max_connections = 400
EOF
  if ((EUID == 0)); then chown "$server_user:" "$data/blog.conf"; fi
}

start() {
  local port previous="" attempt
  mkdir -p "$dir"
  dir="$(cd "$dir" && pwd -P)"
  data="$dir/data"
  if [[ ! -f $data/PG_VERSION && -n $(ls -A "$dir") ]]; then
    say "$dir is neither empty nor a cluster made by this script; choose another folder"
    exit 1
  fi
  chmod 700 "$dir"
  if ((EUID == 0)); then
    if ! id -u "$server_user" >/dev/null 2>&1; then
      say "creating the system user $server_user to run the server (PostgreSQL refuses to run as root)"
      useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$server_user"
    fi
    chown "$server_user:" "$dir"
    if [[ -d $data && $(stat -c %U "$data") != "$server_user" ]]; then chown -R "$server_user:" "$data"; fi
    runuser -u "$server_user" -- test -w "$dir" ||
      { say "$server_user cannot write to $dir: a folder above it does not let it in"; exit 1; }
  fi

  if [[ ! -f $data/PG_VERSION ]]; then
    init_cluster
  else
    previous="$(sed -n -E 's/^port = ([0-9]+)$/\1/p' "$data/blog.conf" 2>/dev/null || true)"
  fi

  if running; then
    port="$previous"
    say "the cluster in $dir is already running"
  else
    # The port is free when asked, but something else may take it before the server does: then try another.
    for attempt in 1 2 3; do
      port="$(free_port "$previous")"
      configure "$port"
      if as_server "$bin/pg_ctl" start -D "$data" -l "$dir/server.log" -w -t 60 >&2; then
        break
      fi
      if ((attempt == 3)); then
        say "the server did not start; the end of $dir/server.log:"
        tail -n 20 "$dir/server.log" >&2 || true
        exit 1
      fi
      previous=""
    done
  fi

  if [[ -z $(psql_blog "$port" postgres -tA -c "SELECT 1 FROM pg_database WHERE datname = '$database'") ]]; then
    psql_blog "$port" postgres -c "CREATE DATABASE $database"
  fi
  # Full-text search strips accents with it; it comes with the server (contrib) on Debian.
  if ! psql_blog "$port" "$database" -c 'CREATE EXTENSION IF NOT EXISTS unaccent' 2>"$dir/unaccent.log"; then
    say "the extension unaccent is not available on this server: $(tail -n 1 "$dir/unaccent.log")"
  fi
  rm -f "$dir/unaccent.log"

  (umask 077 && connection_string "$port" >"$dir/connection-string")
  cat "$dir/connection-string"
}

create_database() {
  local name="$1" port
  [[ $name =~ ^[a-z_][a-z0-9_]*$ ]] || { say "a database name is lower-case letters, digits and _: $name"; exit 2; }
  port="$(sed -n -E 's/.*Port=([0-9]+).*/\1/p' "$dir/connection-string" 2>/dev/null)"
  [[ -n $port ]] || { say "no running cluster in $dir (start it first)"; exit 1; }
  if [[ -z $(psql_blog "$port" postgres -tA -c "SELECT 1 FROM pg_database WHERE datname = '$name'") ]]; then
    psql_blog "$port" postgres -c "CREATE DATABASE $name"
  fi
  database="$name"
  connection_string "$port"
}

stop() {
  dir="$(cd "$dir" && pwd -P)"
  data="$dir/data"
  if [[ -f $data/PG_VERSION ]] && running; then
    as_server "$bin/pg_ctl" stop -D "$data" -m fast -w -t 60 >&2
  fi
}

command="${1:-}"
case "$command" in
  start | stop) (($# >= 2)) || usage ;;
  database) (($# == 3)) || usage ;;
  bindir) bindir; exit ;;
  *) usage ;;
esac
dir="$2"
remove=false
if [[ $command == stop && ${3:-} == --remove ]]; then
  remove=true
elif [[ $command != database ]] && (($# > 2)); then
  usage
fi

bin="$(bindir)" || { say "initdb not found (on PATH, by pg_config or in /usr/lib/postgresql): install PostgreSQL, e.g. 'bash scripts/setup.sh'"; exit 1; }
psql="$bin/psql"
[[ -x $psql ]] || psql="$(command -v psql)" || { say "psql not found"; exit 1; }

if [[ $command == start ]]; then
  start
elif [[ $command == database ]]; then
  create_database "$3"
else
  if [[ -d $dir ]]; then stop; fi
  if $remove; then rm -rf "$dir"; fi
fi
