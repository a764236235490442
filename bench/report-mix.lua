-- wrk script: each request takes the next of the named reports below, round robin, so a run
-- covers rankings, comparisons, profiles and funding rather than one cached answer.
local paths = {
  "/api/v1/rankings?measure=penetration&period=2008-09",
  "/api/v1/rankings?measure=penetration&period=2008-09&region=South%20East",
  "/api/v1/rankings?measure=effective_change&period=2008-09&limit=10",
  "/api/v1/reports/penetration-table?period=2008-09",
  "/api/v1/reports/effective-change-top?period=2008-09",
  "/api/v1/penetration?partnership=Oxfordshire&period=2008-09",
  "/api/v1/bullseye?partnership=Gateshead",
  "/api/v1/reports/penetration-table?period=2008-09&region=South%20East",
  "/api/v1/prevalence-change?partnership=Gateshead&from=2006-07&to=2008-09",
  "/api/v1/funding?partnership=Gateshead",
  "/api/v1/targets?partnership=Gateshead",
  "/api/v1/rankings?measure=penetration&period=2008-09&format=csv",
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
