-- GET /page of the bench-spring app, rotating through the session cookies in $SPRING_COOKIES (one
-- "SESSION=<value>" per line); each wrk thread starts at its own offset.
-- Usage: SPRING_COOKIES=file wrk -s spring.lua ...
package.path = debug.getinfo(1, "S").source:match("^@(.*/)") .. "?.lua;" .. package.path
require "common"

local cookies = {}
local pos = 1
local headers = {}

function init(args)
   cookies, pos = read_lines("SPRING_COOKIES")
end

function request()
   headers["Cookie"] = cookies[pos]
   pos = pos % #cookies + 1
   return wrk.format("GET", "/page", headers)
end
