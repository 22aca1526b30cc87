-- 90 % reads, 10 % writes: 45 % GET one own article by random id, 45 % GET the first page, 10 % POST an article.
dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")
local first = tonumber(os.getenv("BENCH_ID_FIRST") or "1")
local stride = tonumber(os.getenv("BENCH_ID_STRIDE") or "1")
local count = tonumber(os.getenv("BENCH_ID_COUNT") or "1")
local article = bench.prefix .. "/articles/"
local list = bench.prefix .. "/articles?limit=20"
local articles = bench.prefix .. "/articles"
local read_headers = { ["Cookie"] = bench.cookie }
local write_headers = { ["Cookie"] = bench.cookie, ["Content-Type"] = "application/json", ["X-XSRF-TOKEN"] = bench.xsrf }

request = function()
  local r = math.random()
  if r < 0.10 then
    return wrk.format("POST", articles, write_headers, bench.article_body)
  elseif r < 0.55 then
    return wrk.format("GET", article .. (first + stride * math.random(0, count - 1)), read_headers)
  else
    return wrk.format("GET", list, read_headers)
  end
end
