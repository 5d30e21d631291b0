-- GET /health/live: the same server's cheapest answer, the floor of an HTTP request at low load.
-- Usage: wrk -s live.lua ...
package.path = debug.getinfo(1, "S").source:match("^@(.*/)") .. "?.lua;" .. package.path
require "common"

function request()
   return wrk.format("GET", "/health/live")
end
