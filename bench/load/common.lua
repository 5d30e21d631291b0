-- Shared by get.lua, post.lua and spring.lua: the API key header, a per-thread count of non-2xx answers,
-- and a machine-readable summary line printed by done() (latencies in microseconds).
local threads = {}
local next_id = 0

function setup(thread)
   thread:set("id", next_id)
   next_id = next_id + 1
   table.insert(threads, thread)
end

non2xx = 0

-- The lines of the file named by the environment variable `name` (at least one), and this thread's first index
-- into them, so that each wrk thread starts at its own offset.
function read_lines(name)
   local lines = {}
   for line in io.lines(os.getenv(name)) do
      lines[#lines + 1] = line
   end
   assert(#lines > 0, "no lines in " .. name)
   return lines, (id * 7919) % #lines + 1
end

function response(status, headers, body)
   if status < 200 or status > 299 then
      non2xx = non2xx + 1
   end
end

function done(summary, latency, requests)
   local bad = 0
   for _, t in ipairs(threads) do
      bad = bad + t:get("non2xx")
   end
   local e = summary.errors
   local seconds = summary.duration / 1e6
   io.write(string.format(
      "WRK_RESULT requests=%d seconds=%.3f rps=%.1f p50_us=%d p90_us=%d p99_us=%d max_us=%d non2xx=%d connect=%d read=%d write=%d timeout=%d\n",
      summary.requests, seconds, summary.requests / seconds,
      latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
      bad, e.connect, e.read, e.write, e.timeout))
end
