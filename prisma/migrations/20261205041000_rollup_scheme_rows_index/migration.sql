-- Issue 11: a year finds the schemes of other years running into it from the roll-up's 'scheme'
-- rows of that month year (schemesOfYearSql). Without an index that is a scan of the whole
-- roll-up (256,000 rows at bench scale 4, for 9,000 wanted); this partial index holds only the
-- scheme rows, by month year and organisation, with the columns read, so it is an index-only scan
-- (EXPLAIN at scale 4: 60 ms -> 20 ms for the roll-up side).
CREATE INDEX "scheme_month_rollup_scheme_rows_idx" ON "scheme_month_rollup" ("month_year", "organisation_id")
  INCLUDE ("scheme_year", "key", "plan_pence", "forecast_pence", "actual_pence")
  WHERE "dimension" = 'scheme';
