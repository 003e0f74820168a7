-- wrk script for the annotation-create benchmark (scripts/bench/run.ts runs it; not meant to be run by hand).
--   wrk -t2 -c64 -d10s -s bench/create.lua http://127.0.0.1:PORT -- TARGETS_FILE product|bare SEED ACK_PREFIX [PASSAGE]
-- TARGETS_FILE lines: "C <cookie header value>" (session cookies, one per bench user) and
-- "A <articleId> <length in code points>" (articles to annotate). Every request has its own article, span
-- (8-400 code points, log-uniform, inside the article) and tag; "product" posts to the app's own route,
-- "bare" to the bench-only /api/bench-bare with the same body. At the end one JSON line with the counts
-- and latency percentiles is printed, prefixed "BENCH_RESULT ".
-- Every acknowledged create is also written to ACK_PREFIX<thread>.txt: for "product" the unique note the request
-- carried ("bench-load <thread>-<n>", echoed in the 201 body), for "bare" the id in the 201 body; the runner then
-- checks that each of them is in the database.
-- PASSAGE (code points, optional): spans fall on passages of that length, as reviewers of one story mark the same
-- sentences, each with its own boundaries (start up to PASSAGE/8 late, length 60-100 % of PASSAGE).

local threads = {}
local next_id = 1

function setup(thread)
  thread:set("tid", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

local cookies = {}
local articles = {}
local mode = "product"
local tags = { "anonymous-source", "official-statement", "opinion" }
-- Globals, not locals: done() reads them from each thread with thread:get().
created, existing, failed = 0, 0, 0

function init(args)
  local file = assert(io.open(args[1], "r"))
  for line in file:lines() do
    local kind, rest = line:match("^(%a) (.*)$")
    if kind == "C" then
      table.insert(cookies, rest)
    elseif kind == "A" then
      local id, len = rest:match("^(%S+) (%d+)$")
      table.insert(articles, { id = id, len = tonumber(len) })
    end
  end
  file:close()
  mode = args[2] or "product"
  math.randomseed(tonumber(args[3] or "1") * 1000 + tid)
  acks = assert(io.open((args[4] or "/tmp/bench-ack-") .. tid .. ".txt", "w"))
  passage = tonumber(args[5] or "0")
end

seq = 0

function request()
  local a = articles[math.random(#articles)]
  local span, start
  if passage > 0 and a.len >= 2 * passage then
    span = math.floor(passage * (0.6 + 0.4 * math.random()))
    start = passage * math.random(0, math.floor(a.len / passage) - 2) + math.random(0, math.floor(passage / 8))
  else
    span = math.floor(math.exp(math.log(8) + math.random() * (math.log(400) - math.log(8))))
    if span > a.len then span = a.len end
    start = math.random(0, a.len - span)
  end
  seq = seq + 1
  local body = string.format('{"articleId":"%s","start":%d,"end":%d,"tag":"%s","note":"bench-load %d-%d"}',
    a.id, start, start + span, tags[math.random(3)], tid, seq)
  local path = mode == "bare" and "/api/bench-bare" or ("/api/articles/" .. a.id .. "/annotations")
  return wrk.format("POST", path, {
    ["Content-Type"] = "application/json",
    ["Cookie"] = cookies[math.random(#cookies)],
  }, body)
end

function response(status, headers, body)
  if status == 201 then
    created = created + 1
    local ack = mode == "bare" and body:match('"id":"([^"]+)"') or body:match('"note":"(bench%-load [^"]+)"')
    acks:write((ack or "?"), "\n")
  elseif status == 200 then
    existing = existing + 1
  else
    failed = failed + 1
    if failed <= 3 then io.stderr:write("wrk: status " .. status .. ": " .. string.sub(body or "", 1, 200) .. "\n") end
  end
end

-- The ack files are C stdio streams: they are flushed when wrk exits, and the runner reads them only after that.
function done(summary, latency, requests)
  local c, e, f = 0, 0, 0
  local per = {}
  for _, thread in ipairs(threads) do
    table.insert(per, tostring(thread:get("created") or 0))
    c = c + (thread:get("created") or 0)
    e = e + (thread:get("existing") or 0)
    f = f + (thread:get("failed") or 0)
  end
  local errors = summary.errors
  io.write(string.format(
    'BENCH_RESULT {"requests":%d,"duration_us":%d,"bytes":%d,"created":%d,"createdPerThread":[%s],"existing":%d,"failed":%d,' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
    '"latency_us":{"mean":%.1f,"p50":%d,"p90":%d,"p99":%d,"max":%d}}\n',
    summary.requests, summary.duration, summary.bytes, c, table.concat(per, ","), e, f,
    errors.connect, errors.read, errors.write, errors.status, errors.timeout,
    latency.mean, latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end
