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

dofile("bench/summary.lua")
