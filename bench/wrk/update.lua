-- PUT (unconditional update) one of N existing ConfigMaps at random with a new value.
local n = tonumber(os.getenv("BENCH_OBJECTS") or "1000")
local base = os.getenv("BENCH_PATH")
local counter = 0
local headers = {}
init = function()
  for k, v in pairs(wrk.headers) do headers[k] = v end
  headers["Content-Type"] = "application/json"
end
request = function()
  counter = counter + 1
  local i = math.random(0, n - 1)
  local body = '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"cm-' .. i .. '"},"data":{"value":"' .. counter .. '"}}'
  return wrk.format("PUT", base .. "/cm-" .. i, headers, body)
end
