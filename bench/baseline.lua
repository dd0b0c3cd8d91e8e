-- wrk script: POST /recommend (baseline, k=20) without a user: the same response size and ranking as the
-- cf workloads but no history, so no CF scoring, predicted ratings or "because you liked" (docs/performance.md).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"recommender":"baseline","k":20}'

dofile("bench/summary.lua")
