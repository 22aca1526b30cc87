-- GET the signed-in user (which also issues a fresh XSRF-TOKEN on every call).
dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")
wrk.method = "GET"
wrk.path = "/api/v1/users/current"
