-- wrk script: POST /recommend (cf, k=20) as anonymous sessions that each liked 20 movies.
-- Reads "user_id token" lines from the file named by SESSIONS (written by bench/compare.sh).
local sessions = {}
for line in io.lines(os.getenv("SESSIONS")) do
  local user, token = line:match("(%S+)%s+(%S+)")
  sessions[#sessions + 1] = { user = user, token = token }
end
local counter = 0
wrk.method = "POST"

request = function()
  counter = counter + 1
  local s = sessions[(counter % #sessions) + 1]
  local body = string.format('{"user_id":"%s","recommender":"cf","k":20}', s.user)
  return wrk.format(nil, "/recommend", { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. s.token }, body)
end

done = function(summary, latency, requests)
  io.write(string.format("SUMMARY requests=%d errors=%d non2xx=%d rps=%.1f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f\n",
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
