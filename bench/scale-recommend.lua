-- wrk script of bench/scale.sh: POST /recommend (cf, k = 20) for MovieLens users 1..USERS in turn, from a
-- different start in each thread; WISH=1 adds a free-text wish (one of 12) to every request.
local users = tonumber(os.getenv("USERS") or "610")
local with_wish = os.getenv("WISH") == "1"
local wishes = {
  "a heist with a twist ending", "something funny for kids", "a slow quiet drama", "a scary movie from the eighties",
  "a romantic comedy in paris", "space adventure full of action", "a courtroom thriller", "a sad war movie",
  "an animated film about friendship", "a detective solving a murder", "a musical with great songs", "a road trip movie",
}
local threads = 0
local counter = 0

setup = function(thread)
  thread:set("id", threads)
  threads = threads + 1
end

init = function()
  counter = (tonumber(id) or 0) * 7919
end

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

request = function()
  counter = counter + 1
  local user = (counter % users) + 1
  local body
  if with_wish then
    body = string.format('{"user_id":"%d","recommender":"cf","k":20,"query":"%s"}', user, wishes[(counter % #wishes) + 1])
  else
    body = string.format('{"user_id":"%d","recommender":"cf","k":20}', user)
  end
  return wrk.format(nil, "/recommend", nil, body)
end

dofile("bench/summary.lua")
