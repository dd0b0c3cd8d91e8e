-- wrk script: GET /health.
dofile("bench/summary.lua")
