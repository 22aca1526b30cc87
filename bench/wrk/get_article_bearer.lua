-- GET one own article as get_article.lua does, authenticated by an access token instead of the session cookie:
--   BENCH_BEARER  the secret of a token with the scope articles:read, made with the session before wrk starts
dofile(os.getenv("BENCH_WRK_DIR") .. "/get_article.lua")
wrk.headers["Cookie"] = nil
wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_BEARER")
