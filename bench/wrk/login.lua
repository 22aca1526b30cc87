-- POST login with an anonymous antiforgery pair (BENCH_COOKIE/BENCH_XSRF from an anonymous GET /users/current).
-- wrk does not keep the cookies it receives, so every request signs in afresh.
-- Each request signs in as one of bench1..benchN (N = BENCH_USERS, all with BENCH_PASSWORD), picked at random: Blog
-- reserves every attempt on an identifier before its hash runs and refuses a sixth one in flight (429, locked-out), so 32
-- connections on one account would measure the lockout, not the sign-in.
dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")
bench.unsafe_headers()
local users = tonumber(os.getenv("BENCH_USERS") or "1")
local password = os.getenv("BENCH_PASSWORD") or "bench-password-1"
local requests = {}

request = function()
  local n = math.random(1, users)
  if requests[n] == nil then
    requests[n] = wrk.format("POST", "/api/v1/login", nil, string.format('{"usernameOrEmail":"bench%d","password":"%s"}', n, password))
  end
  return requests[n]
end
