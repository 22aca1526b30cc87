# Shell helpers shared by bench/run.sh, bench/soak.sh and bench/experiments/ab.sh (sourced, not run).

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# Installs with apt-get the Debian packages, named as their commands (wrk, curl), whose command is missing.
install_missing() { # command...
  local missing=() tool
  for tool in "$@"; do command -v "$tool" >/dev/null || missing+=("$tool"); done
  ((${#missing[@]})) || return 0
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y "${missing[@]}" >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y "${missing[@]}" >/dev/null; }
}

# A TCP port on 127.0.0.1 that nothing listens on; fails after 200 tries.
free_port() {
  local port
  for _ in $(seq 1 200); do
    port=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  return 1
}

# CPU time in clock ticks (HZ per second): of the whole machine (user, nice, system, irq, softirq, steal), and of
# one process (user + system).
HZ=$(getconf CLK_TCK)
cpu_busy() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }
proc_cpu() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

# The Cookie header, and one cookie's value, from a curl cookie jar (HttpOnly cookies are written as #HttpOnly_host lines).
cookie_header() { awk '($1 ~ /^#HttpOnly_/ || $1 !~ /^#/) && NF >= 7 { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$1"; }
jar_value() { awk -v name="$2" '($1 ~ /^#HttpOnly_/ || $1 !~ /^#/) && NF >= 7 && $6 == name { print $7 }' "$1"; }
