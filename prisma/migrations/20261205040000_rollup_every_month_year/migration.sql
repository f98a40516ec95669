-- Issue 11: a scheme counts in every financial year its months fall in (schemesOfYearSql in
-- src/modules/dashboards/scheme-filter-sql.ts). Two changes to the roll-up:
--  * its division and workstream rows, kept until now for months of the scheme's own year only,
--    now cover months of every year, as its category rows always have, so a year's breakdowns
--    include the months of schemes running into it;
--  * a 'scheme' dimension (key: the scheme's id, month 0 = the whole year): one row per scheme
--    and month year with that year's sums, so finding the schemes of other years that have
--    figures in a year, and their plan there (their in-year value for it), reads one row per
--    scheme instead of twelve months.
-- The functions are otherwise as in 20261204030000.

ALTER TABLE "scheme_month_rollup" DROP CONSTRAINT "scheme_month_rollup_dimension_valid";
ALTER TABLE "scheme_month_rollup" ADD CONSTRAINT "scheme_month_rollup_dimension_valid"
  CHECK ("dimension" IN ('category', 'division', 'workstream', 'scheme') AND ("month" = 0) = ("dimension" = 'scheme'));
CREATE OR REPLACE FUNCTION "scheme_month_rollup_add_scheme"(
    p_scheme_id UUID, p_sign INTEGER, p_organisation_id UUID, p_scheme_year INTEGER, p_type "scheme_type",
    p_stage "scheme_stage", p_category "scheme_category", p_division_id UUID, p_workstream_id UUID
) RETURNS void LANGUAGE sql AS $$
  INSERT INTO scheme_month_rollup AS r (organisation_id, scheme_year, month_year, dimension, stage, type, key, month,
      month_rows, plan_pence, forecast_pence, actual_pence, actual_rows, outturn_ended_pence, outturn_open_pence)
  SELECT p_organisation_id, p_scheme_year, m.financial_year, dim.dimension, p_stage, p_type, dim.key,
         CASE WHEN dim.dimension = 'scheme' THEN 0 ELSE m.month END,
         p_sign * count(*), p_sign * sum(COALESCE(m.plan_pence, 0)), p_sign * sum(COALESCE(m.forecast_pence, 0)),
         p_sign * sum(COALESCE(m.actual_pence, 0)), p_sign * count(m.actual_pence),
         p_sign * sum(COALESCE(m.actual_pence, m.forecast_pence, m.plan_pence, 0)),
         p_sign * sum(COALESCE(m.forecast_pence, m.plan_pence, 0))
  FROM scheme_month m
  CROSS JOIN (VALUES ('category', p_category::text), ('division', COALESCE(p_division_id::text, '')),
                     ('workstream', COALESCE(p_workstream_id::text, '')), ('scheme', p_scheme_id::text)) AS dim(dimension, key)
  WHERE m.scheme_id = p_scheme_id
  GROUP BY dim.dimension, m.financial_year, dim.key, 8
  -- One order for every writer (the key's), so two transactions lock shared rows in the same order.
  ORDER BY dim.dimension, m.financial_year, dim.key, 8
  ON CONFLICT (organisation_id, dimension, scheme_year, month_year, stage, type, key, month) DO UPDATE SET
    month_rows = r.month_rows + EXCLUDED.month_rows,
    plan_pence = r.plan_pence + EXCLUDED.plan_pence,
    forecast_pence = r.forecast_pence + EXCLUDED.forecast_pence,
    actual_pence = r.actual_pence + EXCLUDED.actual_pence,
    actual_rows = r.actual_rows + EXCLUDED.actual_rows,
    outturn_ended_pence = r.outturn_ended_pence + EXCLUDED.outturn_ended_pence,
    outturn_open_pence = r.outturn_open_pence + EXCLUDED.outturn_open_pence;
$$;

CREATE OR REPLACE FUNCTION "scheme_month_rollup_apply"(deltas "scheme_month_delta"[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  -- A concurrent change of a scheme's stage (or other grouping attribute) moves its months
  -- between groups; share-locking the schemes first makes this wait for it and then (a new
  -- statement, a new snapshot) see the scheme as committed, and makes such a change wait for
  -- us. Months of a scheme being deleted (cascade) find no scheme: its BEFORE DELETE trigger
  -- has taken them away already.
  PERFORM 1 FROM scheme s WHERE s.id IN (SELECT d.scheme_id FROM unnest(deltas) AS d) ORDER BY s.id FOR SHARE;
  INSERT INTO scheme_month_rollup AS r (organisation_id, dimension, scheme_year, month_year, stage, type, key, month,
      month_rows, plan_pence, forecast_pence, actual_pence, actual_rows, outturn_ended_pence, outturn_open_pence)
  SELECT s.organisation_id, dim.dimension, s.financial_year, d.month_year, s.stage, s.type, dim.key,
         CASE WHEN dim.dimension = 'scheme' THEN 0 ELSE d.month END,
         sum(d.sign), sum(d.sign * COALESCE(d.plan_pence, 0)), sum(d.sign * COALESCE(d.forecast_pence, 0)),
         sum(d.sign * COALESCE(d.actual_pence, 0)), sum(d.sign * (d.actual_pence IS NOT NULL)::int),
         sum(d.sign * COALESCE(d.actual_pence, d.forecast_pence, d.plan_pence, 0)),
         sum(d.sign * COALESCE(d.forecast_pence, d.plan_pence, 0))
  FROM unnest(deltas) AS d
  JOIN scheme s ON s.id = d.scheme_id
  CROSS JOIN LATERAL (VALUES ('category', s.category::text), ('division', COALESCE(s.division_id::text, '')),
                             ('workstream', COALESCE(s.workstream_id::text, '')), ('scheme', s.id::text)) AS dim(dimension, key)
  GROUP BY s.organisation_id, dim.dimension, s.financial_year, d.month_year, s.stage, s.type, dim.key, 8
  -- An upsert that rewrites a month with the same figures changes nothing: no row to lock.
  HAVING sum(d.sign) <> 0 OR sum(d.sign * COALESCE(d.plan_pence, 0)) <> 0 OR sum(d.sign * COALESCE(d.forecast_pence, 0)) <> 0
      OR sum(d.sign * COALESCE(d.actual_pence, 0)) <> 0 OR sum(d.sign * (d.actual_pence IS NOT NULL)::int) <> 0
      OR sum(d.sign * COALESCE(d.actual_pence, d.forecast_pence, d.plan_pence, 0)) <> 0
      OR sum(d.sign * COALESCE(d.forecast_pence, d.plan_pence, 0)) <> 0
  -- One order for every writer, so two transactions lock shared rows in the same order.
  ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT (organisation_id, dimension, scheme_year, month_year, stage, type, key, month) DO UPDATE SET
    month_rows = r.month_rows + EXCLUDED.month_rows,
    plan_pence = r.plan_pence + EXCLUDED.plan_pence,
    forecast_pence = r.forecast_pence + EXCLUDED.forecast_pence,
    actual_pence = r.actual_pence + EXCLUDED.actual_pence,
    actual_rows = r.actual_rows + EXCLUDED.actual_rows,
    outturn_ended_pence = r.outturn_ended_pence + EXCLUDED.outturn_ended_pence,
    outturn_open_pence = r.outturn_open_pence + EXCLUDED.outturn_open_pence;
END
$$;

-- The division and workstream rows of months outside the scheme's own year, which were left
-- out, and the new scheme rows.
INSERT INTO scheme_month_rollup (organisation_id, dimension, scheme_year, month_year, stage, type, key, month,
    month_rows, plan_pence, forecast_pence, actual_pence, actual_rows, outturn_ended_pence, outturn_open_pence)
SELECT s.organisation_id, dim.dimension, s.financial_year, m.financial_year, s.stage, s.type, dim.key,
       CASE WHEN dim.dimension = 'scheme' THEN 0 ELSE m.month END,
       count(*), sum(COALESCE(m.plan_pence, 0)), sum(COALESCE(m.forecast_pence, 0)), sum(COALESCE(m.actual_pence, 0)),
       count(m.actual_pence), sum(COALESCE(m.actual_pence, m.forecast_pence, m.plan_pence, 0)),
       sum(COALESCE(m.forecast_pence, m.plan_pence, 0))
FROM scheme_month m
JOIN scheme s ON s.id = m.scheme_id
CROSS JOIN LATERAL (VALUES ('division', COALESCE(s.division_id::text, '')),
                           ('workstream', COALESCE(s.workstream_id::text, '')), ('scheme', s.id::text)) AS dim(dimension, key)
WHERE m.financial_year <> s.financial_year OR dim.dimension = 'scheme'
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;

ANALYZE "scheme_month_rollup";
