-- GET /v1/session, rotating through the tokens in $LOAD_TOKENS (one per line); each wrk thread
-- starts at its own offset. Usage: LOAD_TOKENS=file LOAD_API_KEY=key wrk -s get.lua ...
package.path = debug.getinfo(1, "S").source:match("^@(.*/)") .. "?.lua;" .. package.path
require "common"

local tokens = {}
local pos = 1
local headers = {}

function init(args)
   tokens, pos = read_lines("LOAD_TOKENS")
   -- wrk.format uses the headers it is given instead of wrk.headers, so carry everything here
   headers["Authorization"] = "Bearer " .. os.getenv("LOAD_API_KEY")
end

function request()
   headers["Session-Token"] = tokens[pos]
   pos = pos % #tokens + 1
   return wrk.format("GET", "/v1/session", headers)
end
