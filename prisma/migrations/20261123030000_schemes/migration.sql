-- CIP and QIPP schemes with monthly plan, forecast and actual; monthly updates; savings
-- targets; month-end period close; configurable risk-adjustment weights by stage.

CREATE TYPE "scheme_type" AS ENUM ('CIP', 'QIPP');
CREATE TYPE "scheme_category" AS ENUM ('PAY', 'NON_PAY', 'INCOME');
CREATE TYPE "scheme_stage" AS ENUM ('OPPORTUNITY', 'PLANNING', 'DELIVERY', 'COMPLETE', 'ON_HOLD', 'REJECTED', 'WITHDRAWN');
CREATE TYPE "delivery_rag" AS ENUM ('RED', 'AMBER', 'GREEN');

CREATE TABLE "scheme" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organisation_id" UUID NOT NULL,
    "division_id" UUID,
    "workstream_id" UUID,
    "lead_id" UUID NOT NULL,
    "code" VARCHAR(24) NOT NULL,
    "code_number" INTEGER NOT NULL,
    "type" "scheme_type" NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "description" TEXT NOT NULL,
    "category" "scheme_category" NOT NULL,
    "sub_category" VARCHAR(60),
    "recurrent" BOOLEAN NOT NULL,
    "cash_releasing" BOOLEAN NOT NULL DEFAULT true,
    "financial_year" INTEGER NOT NULL,
    "full_year_effect_pence" BIGINT NOT NULL,
    "in_year_value_pence" BIGINT NOT NULL,
    "start_month" INTEGER,
    "wte_substantive" DECIMAL(8,2) NOT NULL DEFAULT 0,
    "wte_bank" DECIMAL(8,2) NOT NULL DEFAULT 0,
    "wte_agency" DECIMAL(8,2) NOT NULL DEFAULT 0,
    "rag" "delivery_rag",
    "stage" "scheme_stage" NOT NULL DEFAULT 'OPPORTUNITY',
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "scheme_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "scheme_start_month_valid" CHECK ("start_month" IS NULL OR "start_month" BETWEEN 1 AND 12),
    CONSTRAINT "scheme_values_not_negative" CHECK ("full_year_effect_pence" >= 0 AND "in_year_value_pence" >= 0)
);
CREATE UNIQUE INDEX "scheme_organisation_id_code_key" ON "scheme"("organisation_id", "code");
CREATE UNIQUE INDEX "scheme_organisation_id_code_number_key" ON "scheme"("organisation_id", "code_number");
CREATE INDEX "scheme_organisation_id_financial_year_stage_idx" ON "scheme"("organisation_id", "financial_year", "stage");
CREATE INDEX "scheme_workstream_id_idx" ON "scheme"("workstream_id");
CREATE INDEX "scheme_lead_id_idx" ON "scheme"("lead_id");

CREATE TABLE "scheme_month" (
    "scheme_id" UUID NOT NULL,
    "financial_year" INTEGER NOT NULL,
    "month" INTEGER NOT NULL,
    "plan_pence" BIGINT,
    "forecast_pence" BIGINT,
    "actual_pence" BIGINT,
    CONSTRAINT "scheme_month_pkey" PRIMARY KEY ("scheme_id", "financial_year", "month"),
    CONSTRAINT "scheme_month_month_valid" CHECK ("month" BETWEEN 1 AND 12)
);
CREATE INDEX "scheme_month_financial_year_month_idx" ON "scheme_month"("financial_year", "month");

CREATE TABLE "monthly_update" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "scheme_id" UUID NOT NULL,
    "financial_year" INTEGER NOT NULL,
    "month" INTEGER NOT NULL,
    "rag" "delivery_rag" NOT NULL,
    "commentary" TEXT NOT NULL,
    "submitted_by_id" UUID NOT NULL,
    "submitted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "monthly_update_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "monthly_update_month_valid" CHECK ("month" BETWEEN 1 AND 12)
);
CREATE INDEX "monthly_update_scheme_id_financial_year_month_idx" ON "monthly_update"("scheme_id", "financial_year", "month");

CREATE TABLE "savings_target" (
    "organisation_id" UUID NOT NULL,
    "financial_year" INTEGER NOT NULL,
    "target_pence" BIGINT NOT NULL,
    CONSTRAINT "savings_target_pkey" PRIMARY KEY ("organisation_id", "financial_year"),
    CONSTRAINT "savings_target_not_negative" CHECK ("target_pence" >= 0)
);

CREATE TABLE "period_close" (
    "organisation_id" UUID NOT NULL,
    "financial_year" INTEGER NOT NULL,
    "month" INTEGER NOT NULL,
    "closed_by_id" UUID NOT NULL,
    "closed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "period_close_pkey" PRIMARY KEY ("organisation_id", "financial_year", "month"),
    CONSTRAINT "period_close_month_valid" CHECK ("month" BETWEEN 1 AND 12)
);

CREATE TABLE "stage_weight" (
    "organisation_id" UUID NOT NULL,
    "stage" "scheme_stage" NOT NULL,
    "weight_percent" INTEGER NOT NULL,
    CONSTRAINT "stage_weight_pkey" PRIMARY KEY ("organisation_id", "stage"),
    CONSTRAINT "stage_weight_percent_valid" CHECK ("weight_percent" BETWEEN 0 AND 100)
);

ALTER TABLE "scheme" ADD CONSTRAINT "scheme_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "scheme" ADD CONSTRAINT "scheme_division_id_fkey" FOREIGN KEY ("division_id") REFERENCES "division"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "scheme" ADD CONSTRAINT "scheme_workstream_id_fkey" FOREIGN KEY ("workstream_id") REFERENCES "workstream"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "scheme" ADD CONSTRAINT "scheme_lead_id_fkey" FOREIGN KEY ("lead_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "scheme_month" ADD CONSTRAINT "scheme_month_scheme_id_fkey" FOREIGN KEY ("scheme_id") REFERENCES "scheme"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "monthly_update" ADD CONSTRAINT "monthly_update_scheme_id_fkey" FOREIGN KEY ("scheme_id") REFERENCES "scheme"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "monthly_update" ADD CONSTRAINT "monthly_update_submitted_by_id_fkey" FOREIGN KEY ("submitted_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "savings_target" ADD CONSTRAINT "savings_target_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "period_close" ADD CONSTRAINT "period_close_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "period_close" ADD CONSTRAINT "period_close_closed_by_id_fkey" FOREIGN KEY ("closed_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "stage_weight" ADD CONSTRAINT "stage_weight_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
