-- wrk script for bench/soak.sh: the write half of the mixed soak. Each request is one session's write:
-- 70 % feedback (like, dislike, skip, superlike, seen), 15 % watchlist PUT, 15 % watchlist DELETE, spread over
-- the sessions in the file named by SESSIONS ("user_id token" lines). Counts 5xx answers per thread.
local sessions = {}
for line in io.lines(os.getenv("SESSIONS")) do
  local user, token = line:match("(%S+)%s+(%S+)")
  sessions[#sessions + 1] = { user = user, token = token }
end
local movies = { 1, 2, 3, 5, 6, 7, 10, 11, 16, 17, 19, 21, 25, 29, 31, 32, 34, 36, 39, 47, 50, 110, 150, 260, 296,
  318, 356, 480, 527, 589, 593, 608, 1196, 1198, 1210, 2571, 2858, 2959, 4993, 5952, 7153, 58559, 79132 }
local actions = { "like", "dislike", "skip", "superlike", "seen" }
local threads = {}

setup = function(thread)
  thread:set("id", #threads)
  threads[#threads + 1] = thread
end

init = function()
  math.randomseed(os.time() + (tonumber(id) or 0) * 7919)
  server_errors = 0
end

request = function()
  local s = sessions[math.random(#sessions)]
  local movie = movies[math.random(#movies)]
  local headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. s.token }
  local roll = math.random(100)
  if roll <= 70 then
    local body = string.format('{"user_id":"%s","movie_id":%d,"action":"%s","context":{"recommender":"cf","position":%d}}',
      s.user, movie, actions[math.random(#actions)], math.random(0, 19))
    return wrk.format("POST", "/feedback", headers, body)
  elseif roll <= 85 then
    return wrk.format("PUT", string.format("/users/%s/watchlist/%d", s.user, movie), headers, nil)
  else
    return wrk.format("DELETE", string.format("/users/%s/watchlist/%d", s.user, movie), headers, nil)
  end
end

response = function(status, headers, body)
  if status >= 500 then
    server_errors = server_errors + 1
  end
end

done = function(summary, latency, requests)
  local fivexx = 0
  for _, thread in ipairs(threads) do
    fivexx = fivexx + (tonumber(thread:get("server_errors")) or 0)
  end
  io.write(string.format("SUMMARY requests=%d errors=%d 5xx=%d rps=%.1f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f\n",
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    fivexx, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
