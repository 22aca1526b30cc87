-- Shared by every scenario script (loaded with dofile). Configuration comes from the environment:
--   BENCH_COOKIE  the Cookie header (session + antiforgery cookies), obtained with curl before wrk starts
--   BENCH_XSRF    the XSRF-TOKEN cookie's value, echoed in X-XSRF-TOKEN on unsafe requests
--   BENCH_PREFIX  the path prefix of the article routes: /api/v1 for Blog, empty for the baseline
-- done() prints one machine-readable line that run.sh parses.

bench = {
  cookie = os.getenv("BENCH_COOKIE") or "",
  xsrf = os.getenv("BENCH_XSRF") or "",
  prefix = os.getenv("BENCH_PREFIX") or "/api/v1",
}

if bench.cookie ~= "" then
  wrk.headers["Cookie"] = bench.cookie
end

bench.article_body = '{"title":"A benchmark article","content":"Written by wrk to measure how fast Blog stores an article. ' ..
  'It is long enough to pass validation and short enough to be cheap to send."}'

function bench.unsafe_headers()
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["X-XSRF-TOKEN"] = bench.xsrf
end

-- Each wrk thread runs its own Lua state; give each its own random sequence.
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end

function init(args)
  math.randomseed(os.time() * 1000 + (thread_number or 0) * 7919)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "BENCH requests=%d duration_us=%d p50_us=%d p90_us=%d p99_us=%d max_us=%d mean_us=%.0f status_errors=%d socket_errors=%d\n",
    summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean,
    e.status, e.connect + e.read + e.write + e.timeout))
end
