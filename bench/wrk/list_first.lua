-- GET the first page (the 20 newest) of the signed-in author's articles.
dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")
wrk.method = "GET"
wrk.path = bench.prefix .. "/articles?limit=20"
