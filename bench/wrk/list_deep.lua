-- GET a deep page of 20 by keyset cursor (BENCH_CURSOR: the nextCursor leading to it, e.g. page 500).
dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")
wrk.method = "GET"
wrk.path = bench.prefix .. "/articles?limit=20&cursor=" .. (os.getenv("BENCH_CURSOR") or "1")
