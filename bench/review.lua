-- wrk script for reviews on one busy article (scripts/bench/hot-article.ts runs it; not meant to be run by hand).
--   wrk -t2 -c8 -d10s -s bench/review.lua http://127.0.0.1:PORT -- TARGETS_FILE SEED
-- TARGETS_FILE lines: "U <n> <cookie header value>" (a session per bench user, numbered from 1) and
-- "R <annotationId> <n>" (an annotation to review and the number of its author's session, 0 for none). Every
-- request reviews a random annotation as a random user who did not write it, agreeing or disagreeing at random, so
-- statuses flip and the article's score is refreshed as in a real review session. At the end one JSON line with the
-- counts (201: a first review, 200: a replaced one) and latency percentiles is printed, prefixed "BENCH_RESULT ".

local threads = {}
local next_id = 1

function setup(thread)
  thread:set("tid", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

local cookies = {}
local targets = {}
created, existing, failed = 0, 0, 0

function init(args)
  local file = assert(io.open(args[1], "r"))
  for line in file:lines() do
    local kind, rest = line:match("^(%a) (.*)$")
    if kind == "U" then
      local n, cookie = rest:match("^(%d+) (.*)$")
      cookies[tonumber(n)] = cookie
    elseif kind == "R" then
      local id, author = rest:match("^(%S+) (%d+)$")
      table.insert(targets, { id = id, author = tonumber(author) })
    end
  end
  file:close()
  math.randomseed(tonumber(args[2] or "1") * 1000 + tid)
end

function request()
  local t = targets[math.random(#targets)]
  local who = math.random(#cookies)
  if who == t.author then who = who % #cookies + 1 end
  local verdict = math.random(2) == 1 and "agree" or "disagree"
  return wrk.format("POST", "/api/annotations/" .. t.id .. "/reviews", {
    ["Content-Type"] = "application/json",
    ["Cookie"] = cookies[who],
  }, string.format('{"verdict":"%s","comment":"bench-review"}', verdict))
end

function response(status, headers, body)
  if status == 201 then
    created = created + 1
  elseif status == 200 then
    existing = existing + 1
  else
    failed = failed + 1
    if failed <= 3 then io.stderr:write("wrk: status " .. status .. ": " .. string.sub(body or "", 1, 200) .. "\n") end
  end
end

function done(summary, latency, requests)
  local c, e, f = 0, 0, 0
  for _, thread in ipairs(threads) do
    c = c + (thread:get("created") or 0)
    e = e + (thread:get("existing") or 0)
    f = f + (thread:get("failed") or 0)
  end
  local errors = summary.errors
  io.write(string.format(
    'BENCH_RESULT {"requests":%d,"duration_us":%d,"created":%d,"existing":%d,"failed":%d,' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
    '"latency_us":{"mean":%.1f,"p50":%d,"p90":%d,"p99":%d,"max":%d}}\n',
    summary.requests, summary.duration, c, e, f,
    errors.connect, errors.read, errors.write, errors.status, errors.timeout,
    latency.mean, latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end
