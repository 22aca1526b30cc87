-- GET one of the signed-in author's own articles, by a random id.
-- Own ids are BENCH_ID_FIRST + BENCH_ID_STRIDE * k for k in [0, BENCH_ID_COUNT).
dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")
local first = tonumber(os.getenv("BENCH_ID_FIRST") or "1")
local stride = tonumber(os.getenv("BENCH_ID_STRIDE") or "1")
local count = tonumber(os.getenv("BENCH_ID_COUNT") or "1")
local path = bench.prefix .. "/articles/"

request = function()
  return wrk.format("GET", path .. (first + stride * math.random(0, count - 1)))
end
