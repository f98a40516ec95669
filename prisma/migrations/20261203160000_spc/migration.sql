-- SPC ("Making Data Count") chart settings and recorded change points (issue 14).
CREATE TYPE "spc_subject" AS ENUM ('KPI', 'ORGANISATION_SAVINGS', 'SYSTEM_SAVINGS');

CREATE TABLE "spc_chart_setting" (
    "subject" "spc_subject" NOT NULL,
    "subject_id" UUID NOT NULL,
    "screen_moving_ranges" BOOLEAN NOT NULL DEFAULT true,
    "baseline_points" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "spc_chart_setting_pkey" PRIMARY KEY ("subject", "subject_id"),
    CONSTRAINT "spc_chart_setting_baseline_valid" CHECK ("baseline_points" IS NULL OR "baseline_points" BETWEEN 12 AND 600)
);

CREATE TABLE "spc_change_point" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "subject" "spc_subject" NOT NULL,
    "subject_id" UUID NOT NULL,
    "financial_year" INTEGER NOT NULL,
    "month" INTEGER NOT NULL,
    "reason" VARCHAR(500) NOT NULL,
    "recorded_by_id" UUID NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "spc_change_point_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "spc_change_point_month_valid" CHECK ("month" BETWEEN 1 AND 12),
    CONSTRAINT "spc_change_point_reason_given" CHECK (length(btrim("reason")) > 0)
);
CREATE UNIQUE INDEX "spc_change_point_subject_subject_id_financial_year_month_key" ON "spc_change_point"("subject", "subject_id", "financial_year", "month");
ALTER TABLE "spc_change_point" ADD CONSTRAINT "spc_change_point_recorded_by_id_fkey" FOREIGN KEY ("recorded_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
