-- wrk script for deploy/multi-instance.sh: anonymous sessions (SESSIONS file, "user_id token" lines) ask for
-- pages with a wish and like cards. Every like the server acknowledged (201) is appended with its id to a file of
-- this thread's own under ACK_DIR, so the script can look each one up in PostgreSQL afterwards.
local sessions = {}
for line in io.lines(os.getenv("SESSIONS")) do
  local user, token = line:match("(%S+)%s+(%S+)")
  sessions[#sessions + 1] = { user = user, token = token }
end
local wishes = { "something cozy and funny for a rainy night", "80s horror but not gory", "like Arrival", "space adventure", "" }
local acked = io.open(os.getenv("ACK_DIR") .. "/acked-" .. tostring({}):gsub("[^%w]", "") .. ".txt", "a")
local counter = 0

request = function()
  counter = counter + 1
  local s = sessions[(counter % #sessions) + 1]
  local headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. s.token }
  if counter % 3 == 0 then
    -- A like of one of the 500 most-rated films' ids (1..500 all exist in ml-latest-small's first rows).
    local movie = ({ 1, 2, 3, 5, 6, 7, 10, 16, 19, 32, 47, 50, 110, 150, 260, 296, 318, 356, 480, 527 })[(counter % 20) + 1]
    local body = string.format('{"user_id":"%s","movie_id":%d,"action":"like","context":{"position":%d}}', s.user, movie, counter % 10)
    return wrk.format("POST", "/feedback", headers, body)
  end
  local body = string.format('{"user_id":"%s","query":"%s","k":10}', s.user, wishes[(counter % #wishes) + 1])
  return wrk.format("POST", "/recommend", headers, body)
end

response = function(status, headers, body)
  if status == 201 then
    local id = body:match('"id":(%d+)')
    if id then
      acked:write(id, "\n")
      acked:flush()
    end
  end
end
