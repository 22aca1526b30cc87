-- POST login with an anonymous antiforgery pair (BENCH_COOKIE/BENCH_XSRF from an anonymous GET /users/current).
-- wrk does not keep the cookies it receives, so every request signs in afresh.
dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")
bench.unsafe_headers()
wrk.method = "POST"
wrk.path = "/api/v1/login"
wrk.body = string.format('{"usernameOrEmail":"%s","password":"%s"}',
  os.getenv("BENCH_USER") or "bench1", os.getenv("BENCH_PASSWORD") or "bench-password-1")
