-- wrk script for bench/soak.sh: the read half of the mixed soak. POST /recommend as the soak's sessions (their
-- history grows as the write half swipes) with a wish from a small vocabulary half the time.
local sessions = {}
for line in io.lines(os.getenv("SESSIONS")) do
  local user, token = line:match("(%S+)%s+(%S+)")
  sessions[#sessions + 1] = { user = user, token = token }
end
local wishes = { "something cozy and funny for a rainy night", "a slow burn thriller", "like the matrix but funnier",
  "korean thriller", "a heist movie from the nineties", "not just explosions", "films about grief",
  "for my 8 year old", "date night", "a time loop", "french films in french", "wes anderson", "space horror",
  "uplifting after a breakup", "a submarine movie", "animated but not for kids" }

init = function()
  math.randomseed(os.time() + math.random(1000))
end

request = function()
  local s = sessions[math.random(#sessions)]
  local body
  if math.random(2) == 1 then
    body = string.format('{"user_id":"%s","query":"%s","k":20}', s.user, wishes[math.random(#wishes)])
  else
    body = string.format('{"user_id":"%s","recommender":"cf","k":20}', s.user)
  end
  return wrk.format("POST", "/recommend", { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. s.token }, body)
end

dofile("bench/summary.lua")
