-- GET the first page (20) of a search of the signed-in author's articles; BENCH_QUERY is the word searched for.
dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")
wrk.method = "GET"
wrk.path = bench.prefix .. "/articles?q=" .. (os.getenv("BENCH_QUERY") or "lorem") .. "&limit=20"
