-- wrk script: POST /recommend with free-text wishes, 12,000 distinct ones (40 subjects × 30 twists × 10 moods)
-- walked from a random start per thread, so the query-vector cache (512 entries) does not hide the cost of
-- embedding the wish.
local subjects = {
  "a robot", "a lonely astronaut", "a retired detective", "two sisters", "a small-town baker", "a chess prodigy",
  "a con artist", "a grieving widower", "a young witch", "a jazz musician", "a disgraced boxer", "a runaway bride",
  "a submarine crew", "a talking dog", "a ghost", "a time traveller", "a hacker", "a samurai", "an alien child",
  "a high school teacher", "a mountain climber", "a circus family", "a war photographer", "a chef", "a vampire",
  "twin brothers", "a marine biologist", "a shy librarian", "a bank robber", "a pop star", "a farmer", "a spy",
  "an old fisherman", "a dancer", "a hitman", "a lighthouse keeper", "a princess", "a stand-up comedian",
  "a cult leader", "a lost child",
}
local twists = {
  "who falls in love", "who lives the same day over and over", "lost in space", "on a road trip across america",
  "hunted by the mafia", "who wakes up with no memory", "trapped in a haunted house", "during world war two",
  "who wins the lottery", "in a dystopian future", "planning a heist", "solving a murder in a small town",
  "who swaps bodies with a stranger", "stranded on an island", "fighting a giant monster", "in victorian london",
  "who must save christmas", "training for a big match", "escaping from prison", "searching for their father",
  "in a post-apocalyptic wasteland", "falling for their best friend", "haunted by guilt", "in a zombie outbreak",
  "uncovering a government conspiracy", "who learns to fly", "on a cursed ship", "coming of age in the eighties",
  "in a high-stakes poker game", "who befriends a dragon",
}
local moods = { "", " that is funny", " that is sad", " for kids", " that is scary", " that is romantic",
  " from the nineties", " with a twist ending", " that is slow and quiet", " full of action" }
local counter = 0
local threads = 0

setup = function(thread)
  thread:set("id", threads)
  threads = threads + 1
end

init = function()
  math.randomseed(os.time() + (tonumber(id) or 0) * 7919)
  counter = math.random(0, 11999)
end

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

request = function()
  local s = subjects[(counter % #subjects) + 1]
  local t = twists[(math.floor(counter / #subjects) % #twists) + 1]
  local m = moods[(math.floor(counter / (#subjects * #twists)) % #moods) + 1]
  counter = counter + 1
  local body = string.format('{"query":"%s %s%s","k":20}', s, t, m)
  return wrk.format(nil, "/recommend", nil, body)
end

dofile("bench/summary.lua")
