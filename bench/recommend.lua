-- wrk script: POST /recommend (cf, k=20) for MovieLens users 1..610 in turn.
local counter = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

request = function()
  counter = counter + 1
  local user = (counter % 610) + 1
  local body = string.format('{"user_id":"%d","recommender":"cf","k":20}', user)
  return wrk.format(nil, "/recommend", nil, body)
end

done = function(summary, latency, requests)
  io.write(string.format("SUMMARY requests=%d errors=%d non2xx=%d rps=%.1f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f\n",
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
