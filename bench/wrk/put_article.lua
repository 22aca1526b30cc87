-- PUT (edit) the signed-in author's own articles, each request with If-Match naming the version the API last answered
-- for that article: no request is unconditional, and none is refused as stale.
--
-- wrk does not say which request a response answers, so each thread keeps a pool of its own articles (disjoint from
-- the other threads', BENCH_PUT_POOL per thread, more than its connections) with what it knows of each: the version
-- (the ETag of the last answer, matched by the article id in the body) and whether a request for it is in flight.
-- An article whose version is not known yet is read first (GET); then it is edited over and over. An article is never
-- sent twice at once, so no 412 can come from the benchmark itself.
--
-- The reported requests are the successful PUTs only (the GETs that learn the versions, one per article of the pool
-- per wrk run, are left out); latency and errors are wrk's, over every request.
dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")
bench.unsafe_headers()

local first = tonumber(os.getenv("BENCH_ID_FIRST") or "1")
local stride = tonumber(os.getenv("BENCH_ID_STRIDE") or "1")
local count = tonumber(os.getenv("BENCH_ID_COUNT") or "1")
local pool = tonumber(os.getenv("BENCH_PUT_POOL") or "256")
local path = bench.prefix .. "/articles/"
local body = '{"title":"An edited benchmark article","content":"Edited by wrk to measure how fast Blog saves an edit: ' ..
  '**Markdown** rendered and sanitized, the version checked and written in one statement."}'

local ids, versions, busy = {}, {}, {}
local cursor = 0
-- Read by done() through thread:get, so global in the thread's Lua state.
puts = 0

local all_threads = {}
local common_setup, common_init, common_done = setup, init, done

function setup(thread)
  common_setup(thread)
  table.insert(all_threads, thread)
end

function init(args)
  common_init(args)
  local offset = ((thread_number or 1) - 1) * pool
  for k = 0, pool - 1 do
    ids[#ids + 1] = first + stride * ((offset + k) % count)
  end
end

request = function()
  for _ = 1, #ids do
    cursor = cursor % #ids + 1
    local id = ids[cursor]
    if not busy[id] then
      busy[id] = true
      local version = versions[id]
      if version == nil then
        return wrk.format("GET", path .. id)
      end
      local headers = {}
      for name, value in pairs(wrk.headers) do
        headers[name] = value
      end
      headers["If-Match"] = version
      return wrk.format("PUT", path .. id, headers, body)
    end
  end
  error("every article of the pool is in flight: raise BENCH_PUT_POOL above the connections per thread")
end

response = function(status, headers, answer)
  local id = tonumber(string.match(answer, '"id":(%d+)'))
  if status == 200 and id ~= nil then
    if versions[id] ~= nil then
      puts = puts + 1
    end
    versions[id] = headers["ETag"] or headers["etag"]
    busy[id] = nil
  end
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(all_threads) do
    total = total + thread:get("puts")
  end
  summary.requests = total
  common_done(summary, latency, requests)
end
