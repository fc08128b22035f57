-- GET one of N existing ConfigMaps (cm-0 .. cm-N-1) at random.
local n = tonumber(os.getenv("BENCH_OBJECTS") or "1000")
local base = os.getenv("BENCH_PATH")
request = function()
  return wrk.format("GET", base .. "/cm-" .. math.random(0, n - 1))
end
