-- Roll-up of scheme months (issue 19 item 1): the month sums the dashboards need, grouped by the
-- scheme attributes they filter and break down by, kept exact by triggers in the same
-- transaction as every write that changes them (never a periodic refresh).
--
-- One row per (organisation, dimension, scheme year, month year, stage, type, key, month):
-- dimension 'category' (key: the category) partitions every scheme, so it also gives totals,
-- for months of any year (the SPC charts run across years); 'division' and 'workstream' (key:
-- the id as text, '' for none) give those breakdowns, for months of the scheme's own year only
-- (all the dashboard breaks down), which keeps them a third of the size.
-- Sums treat a missing figure as 0; actual_rows says how many months had an actual (so a
-- month with none shows as a gap); outturn_ended / outturn_open are the per-month outturn
-- rule (an ended month: actual, else forecast, else plan; an open month: forecast, else plan)
-- summed both ways, so any "elapsed months" cut-off is a sum of whole rows.
-- A group whose months all went away keeps a row of zeros (month_rows = 0).

CREATE TABLE "scheme_month_rollup" (
    "organisation_id" UUID NOT NULL,
    "scheme_year" INTEGER NOT NULL,
    "month_year" INTEGER NOT NULL,
    "dimension" TEXT NOT NULL,
    "stage" "scheme_stage" NOT NULL,
    "type" "scheme_type" NOT NULL,
    "key" TEXT NOT NULL,
    "month" INTEGER NOT NULL,
    "month_rows" INTEGER NOT NULL,
    "plan_pence" BIGINT NOT NULL,
    "forecast_pence" BIGINT NOT NULL,
    "actual_pence" BIGINT NOT NULL,
    "actual_rows" INTEGER NOT NULL,
    "outturn_ended_pence" BIGINT NOT NULL,
    "outturn_open_pence" BIGINT NOT NULL,
    CONSTRAINT "scheme_month_rollup_pkey" PRIMARY KEY ("organisation_id", "dimension", "scheme_year", "month_year", "stage", "type", "key", "month"),
    CONSTRAINT "scheme_month_rollup_dimension_valid" CHECK ("dimension" IN ('category', 'division', 'workstream'))
);

-- Adds `sign` times the months of one scheme (as they are now) to the groups of the given
-- attributes: used when a scheme's attributes change (take away under the old, add under the
-- new) and before a scheme is deleted (its months then go by cascade).
CREATE FUNCTION "scheme_month_rollup_add_scheme"(
    p_scheme_id UUID, p_sign INTEGER, p_organisation_id UUID, p_scheme_year INTEGER, p_type "scheme_type",
    p_stage "scheme_stage", p_category "scheme_category", p_division_id UUID, p_workstream_id UUID
) RETURNS void LANGUAGE sql AS $$
  INSERT INTO scheme_month_rollup AS r (organisation_id, scheme_year, month_year, dimension, stage, type, key, month,
      month_rows, plan_pence, forecast_pence, actual_pence, actual_rows, outturn_ended_pence, outturn_open_pence)
  SELECT p_organisation_id, p_scheme_year, m.financial_year, dim.dimension, p_stage, p_type, dim.key, m.month,
         p_sign * count(*), p_sign * sum(COALESCE(m.plan_pence, 0)), p_sign * sum(COALESCE(m.forecast_pence, 0)),
         p_sign * sum(COALESCE(m.actual_pence, 0)), p_sign * count(m.actual_pence),
         p_sign * sum(COALESCE(m.actual_pence, m.forecast_pence, m.plan_pence, 0)),
         p_sign * sum(COALESCE(m.forecast_pence, m.plan_pence, 0))
  FROM scheme_month m
  CROSS JOIN (VALUES ('category', p_category::text), ('division', COALESCE(p_division_id::text, '')),
                     ('workstream', COALESCE(p_workstream_id::text, ''))) AS dim(dimension, key)
  WHERE m.scheme_id = p_scheme_id AND (dim.dimension = 'category' OR m.financial_year = p_scheme_year)
  GROUP BY dim.dimension, m.financial_year, dim.key, m.month
  -- One order for every writer (the key's), so two transactions lock shared rows in the same order.
  ORDER BY dim.dimension, m.financial_year, dim.key, m.month
  ON CONFLICT (organisation_id, dimension, scheme_year, month_year, stage, type, key, month) DO UPDATE SET
    month_rows = r.month_rows + EXCLUDED.month_rows,
    plan_pence = r.plan_pence + EXCLUDED.plan_pence,
    forecast_pence = r.forecast_pence + EXCLUDED.forecast_pence,
    actual_pence = r.actual_pence + EXCLUDED.actual_pence,
    actual_rows = r.actual_rows + EXCLUDED.actual_rows,
    outturn_ended_pence = r.outturn_ended_pence + EXCLUDED.outturn_ended_pence,
    outturn_open_pence = r.outturn_open_pence + EXCLUDED.outturn_open_pence;
$$;

-- A set of signed month rows: sign +1 added, -1 taken away.
CREATE TYPE "scheme_month_delta" AS (
    scheme_id UUID, month_year INTEGER, month INTEGER, sign INTEGER, plan_pence BIGINT, forecast_pence BIGINT, actual_pence BIGINT
);

-- Adds signed month rows to their schemes' groups, as the schemes are now.
CREATE FUNCTION "scheme_month_rollup_apply"(deltas "scheme_month_delta"[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  -- A concurrent change of a scheme's stage (or other grouping attribute) moves its months
  -- between groups; share-locking the schemes first makes this wait for it and then (a new
  -- statement, a new snapshot) see the scheme as committed, and makes such a change wait for
  -- us. Months of a scheme being deleted (cascade) find no scheme: its BEFORE DELETE trigger
  -- has taken them away already.
  PERFORM 1 FROM scheme s WHERE s.id IN (SELECT d.scheme_id FROM unnest(deltas) AS d) ORDER BY s.id FOR SHARE;
  INSERT INTO scheme_month_rollup AS r (organisation_id, dimension, scheme_year, month_year, stage, type, key, month,
      month_rows, plan_pence, forecast_pence, actual_pence, actual_rows, outturn_ended_pence, outturn_open_pence)
  SELECT s.organisation_id, dim.dimension, s.financial_year, d.month_year, s.stage, s.type, dim.key, d.month,
         sum(d.sign), sum(d.sign * COALESCE(d.plan_pence, 0)), sum(d.sign * COALESCE(d.forecast_pence, 0)),
         sum(d.sign * COALESCE(d.actual_pence, 0)), sum(d.sign * (d.actual_pence IS NOT NULL)::int),
         sum(d.sign * COALESCE(d.actual_pence, d.forecast_pence, d.plan_pence, 0)),
         sum(d.sign * COALESCE(d.forecast_pence, d.plan_pence, 0))
  FROM unnest(deltas) AS d
  JOIN scheme s ON s.id = d.scheme_id
  CROSS JOIN LATERAL (VALUES ('category', s.category::text), ('division', COALESCE(s.division_id::text, '')),
                             ('workstream', COALESCE(s.workstream_id::text, ''))) AS dim(dimension, key)
  WHERE dim.dimension = 'category' OR d.month_year = s.financial_year
  GROUP BY s.organisation_id, dim.dimension, s.financial_year, d.month_year, s.stage, s.type, dim.key, d.month
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

-- scheme_month INSERT / UPDATE / DELETE, once per statement over its transition tables (a
-- 10,000-row insert is one upsert of its groups, not 10,000).
CREATE FUNCTION "scheme_month_rollup_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM scheme_month_rollup_apply(ARRAY(
      SELECT ROW(scheme_id, financial_year, month, 1, plan_pence, forecast_pence, actual_pence)::scheme_month_delta FROM new_rows));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM scheme_month_rollup_apply(ARRAY(
      SELECT ROW(scheme_id, financial_year, month, -1, plan_pence, forecast_pence, actual_pence)::scheme_month_delta FROM old_rows
      UNION ALL
      SELECT ROW(scheme_id, financial_year, month, 1, plan_pence, forecast_pence, actual_pence)::scheme_month_delta FROM new_rows));
  ELSE
    PERFORM scheme_month_rollup_apply(ARRAY(
      SELECT ROW(scheme_id, financial_year, month, -1, plan_pence, forecast_pence, actual_pence)::scheme_month_delta FROM old_rows));
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "scheme_month_rollup_insert" AFTER INSERT ON "scheme_month"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "scheme_month_rollup_changed"();
CREATE TRIGGER "scheme_month_rollup_update" AFTER UPDATE ON "scheme_month"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "scheme_month_rollup_changed"();
CREATE TRIGGER "scheme_month_rollup_delete" AFTER DELETE ON "scheme_month"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "scheme_month_rollup_changed"();

CREATE FUNCTION "scheme_month_rollup_truncated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM scheme_month_rollup;
  RETURN NULL;
END
$$;
CREATE TRIGGER "scheme_month_rollup_truncate" AFTER TRUNCATE ON "scheme_month"
  FOR EACH STATEMENT EXECUTE FUNCTION "scheme_month_rollup_truncated"();

-- A scheme's grouping attributes changed: its months move from the old groups to the new.
CREATE FUNCTION "scheme_rollup_regrouped"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM scheme_month_rollup_add_scheme(OLD.id, -1, OLD.organisation_id, OLD.financial_year, OLD.type, OLD.stage,
                                         OLD.category, OLD.division_id, OLD.workstream_id);
  PERFORM scheme_month_rollup_add_scheme(NEW.id, 1, NEW.organisation_id, NEW.financial_year, NEW.type, NEW.stage,
                                         NEW.category, NEW.division_id, NEW.workstream_id);
  RETURN NULL;
END
$$;
CREATE TRIGGER "scheme_rollup_regroup" AFTER UPDATE OF "organisation_id", "financial_year", "type", "stage", "category", "division_id", "workstream_id" ON "scheme"
  FOR EACH ROW
  WHEN (OLD.organisation_id IS DISTINCT FROM NEW.organisation_id OR OLD.financial_year IS DISTINCT FROM NEW.financial_year
        OR OLD.type IS DISTINCT FROM NEW.type OR OLD.stage IS DISTINCT FROM NEW.stage OR OLD.category IS DISTINCT FROM NEW.category
        OR OLD.division_id IS DISTINCT FROM NEW.division_id OR OLD.workstream_id IS DISTINCT FROM NEW.workstream_id)
  EXECUTE FUNCTION "scheme_rollup_regrouped"();

-- Before a scheme goes, its months leave the roll-up (the cascade that deletes them then finds
-- no scheme to group them by).
CREATE FUNCTION "scheme_rollup_deleting"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM scheme_month_rollup_add_scheme(OLD.id, -1, OLD.organisation_id, OLD.financial_year, OLD.type, OLD.stage,
                                         OLD.category, OLD.division_id, OLD.workstream_id);
  RETURN OLD;
END
$$;
CREATE TRIGGER "scheme_rollup_delete" BEFORE DELETE ON "scheme"
  FOR EACH ROW EXECUTE FUNCTION "scheme_rollup_deleting"();

-- The months already there.
INSERT INTO scheme_month_rollup (organisation_id, dimension, scheme_year, month_year, stage, type, key, month,
    month_rows, plan_pence, forecast_pence, actual_pence, actual_rows, outturn_ended_pence, outturn_open_pence)
SELECT s.organisation_id, dim.dimension, s.financial_year, m.financial_year, s.stage, s.type, dim.key, m.month,
       count(*), sum(COALESCE(m.plan_pence, 0)), sum(COALESCE(m.forecast_pence, 0)), sum(COALESCE(m.actual_pence, 0)),
       count(m.actual_pence), sum(COALESCE(m.actual_pence, m.forecast_pence, m.plan_pence, 0)),
       sum(COALESCE(m.forecast_pence, m.plan_pence, 0))
FROM scheme_month m
JOIN scheme s ON s.id = m.scheme_id
CROSS JOIN LATERAL (VALUES ('category', s.category::text), ('division', COALESCE(s.division_id::text, '')),
                           ('workstream', COALESCE(s.workstream_id::text, ''))) AS dim(dimension, key)
WHERE dim.dimension = 'category' OR m.financial_year = s.financial_year
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;

-- Statistics now, so the first dashboards are planned on the real row counts.
ANALYZE "scheme_month_rollup";
