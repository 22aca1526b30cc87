-- POST an article as the signed-in author (session cookie + X-XSRF-TOKEN).
dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")
bench.unsafe_headers()
wrk.method = "POST"
wrk.path = bench.prefix .. "/articles"
wrk.body = bench.article_body
