-- POST /v1/sessions with a small JSON body (userId + attributes). Every request has its own
-- userId (round tag $LOAD_ROUND, thread id, counter), so the per-user cap never evicts anything.
-- Usage: LOAD_API_KEY=key LOAD_ROUND=r wrk -s post.lua ...
package.path = debug.getinfo(1, "S").source:match("^@(.*/)") .. "?.lua;" .. package.path
require "common"

local n = 0
local prefix

function init(args)
   prefix = "load-post-" .. (os.getenv("LOAD_ROUND") or "0") .. "-" .. id .. "-"
   wrk.headers["Authorization"] = "Bearer " .. os.getenv("LOAD_API_KEY")
   wrk.headers["Content-Type"] = "application/json"
end

function request()
   n = n + 1
   local body = '{"userId":"' .. prefix .. n ..
      '","attributes":{"theme":"dark","locale":"en-GB","cart":[101,202,303]}}'
   return wrk.format("POST", "/v1/sessions", nil, body)
end
