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

dofile("bench/summary.lua")
