-- Service-line portfolio review (issue 17).
CREATE TYPE "service_line_level" AS ENUM ('MESO', 'MICRO');
CREATE TYPE "portfolio_domain" AS ENUM ('CLINICAL', 'ECONOMIC');
CREATE TYPE "portfolio_option" AS ENUM ('INVEST', 'DIVEST', 'REPOSITION', 'MAINTAIN');
CREATE TYPE "portfolio_review_status" AS ENUM ('SETUP', 'SCORING', 'CLOSED');
CREATE TYPE "portfolio_size_measure" AS ENUM ('BUDGET', 'PATIENTS', 'STAFF');

CREATE TABLE "service_line" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organisation_id" UUID NOT NULL,
    "division_id" UUID,
    "parent_id" UUID,
    "level" "service_line_level" NOT NULL,
    "name" VARCHAR(120) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "service_line_pkey" PRIMARY KEY ("id"),
    -- A micro line sits under a meso line; a meso line under nothing.
    CONSTRAINT "service_line_level_parent_check" CHECK (("level" = 'MICRO') = ("parent_id" IS NOT NULL))
);
CREATE UNIQUE INDEX "service_line_organisation_id_name_key" ON "service_line"("organisation_id", "name");
CREATE INDEX "service_line_parent_id_idx" ON "service_line"("parent_id");

CREATE TABLE "service_line_size" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "service_line_id" UUID NOT NULL,
    "financial_year" INTEGER NOT NULL,
    "budget_pence" BIGINT,
    "patients" INTEGER,
    "staff_wte" DECIMAL(9,2),
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "service_line_size_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "service_line_size_non_negative_check" CHECK (
        ("budget_pence" IS NULL OR "budget_pence" >= 0) AND ("patients" IS NULL OR "patients" >= 0)
        AND ("staff_wte" IS NULL OR "staff_wte" >= 0))
);
CREATE UNIQUE INDEX "service_line_size_service_line_id_financial_year_key" ON "service_line_size"("service_line_id", "financial_year");

CREATE TABLE "portfolio_review" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organisation_id" UUID NOT NULL,
    "name" VARCHAR(160) NOT NULL,
    "cohort_year" INTEGER NOT NULL,
    "cohort_quarter" INTEGER NOT NULL,
    "status" "portfolio_review_status" NOT NULL DEFAULT 'SETUP',
    "points_pool" INTEGER NOT NULL DEFAULT 100,
    "scale_min" INTEGER NOT NULL DEFAULT 0,
    "scale_max" INTEGER NOT NULL DEFAULT 10,
    "clinical_name" VARCHAR(80) NOT NULL DEFAULT 'Clinical sustainability',
    "economic_name" VARCHAR(80) NOT NULL DEFAULT 'Economic sustainability',
    "clinical_threshold" INTEGER NOT NULL DEFAULT 50,
    "economic_threshold" INTEGER NOT NULL DEFAULT 50,
    "size_measure" "portfolio_size_measure" NOT NULL DEFAULT 'BUDGET',
    "option_high_high" "portfolio_option" NOT NULL DEFAULT 'INVEST',
    "option_high_low" "portfolio_option" NOT NULL DEFAULT 'REPOSITION',
    "option_low_high" "portfolio_option" NOT NULL DEFAULT 'MAINTAIN',
    "option_low_low" "portfolio_option" NOT NULL DEFAULT 'DIVEST',
    "created_by_id" UUID NOT NULL,
    "scoring_started_at" TIMESTAMPTZ(3),
    "closed_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "portfolio_review_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "portfolio_review_cohort_check" CHECK ("cohort_quarter" BETWEEN 1 AND 4),
    CONSTRAINT "portfolio_review_scale_check" CHECK ("scale_min" >= 0 AND "scale_max" > "scale_min" AND "scale_max" <= 100),
    CONSTRAINT "portfolio_review_pool_check" CHECK ("points_pool" BETWEEN 1 AND 1000),
    CONSTRAINT "portfolio_review_threshold_check" CHECK ("clinical_threshold" BETWEEN 0 AND 100 AND "economic_threshold" BETWEEN 0 AND 100)
);
CREATE UNIQUE INDEX "portfolio_review_organisation_id_name_key" ON "portfolio_review"("organisation_id", "name");

CREATE TABLE "portfolio_criterion" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "review_id" UUID NOT NULL,
    "domain" "portfolio_domain" NOT NULL,
    "name" VARCHAR(120) NOT NULL,
    "description" TEXT,
    "weight" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    CONSTRAINT "portfolio_criterion_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "portfolio_criterion_weight_check" CHECK ("weight" > 0)
);
CREATE UNIQUE INDEX "portfolio_criterion_review_id_name_key" ON "portfolio_criterion"("review_id", "name");

CREATE TABLE "portfolio_review_line" (
    "review_id" UUID NOT NULL,
    "service_line_id" UUID NOT NULL,
    CONSTRAINT "portfolio_review_line_pkey" PRIMARY KEY ("review_id", "service_line_id")
);
CREATE INDEX "portfolio_review_line_service_line_id_idx" ON "portfolio_review_line"("service_line_id");

CREATE TABLE "portfolio_scorer" (
    "review_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    CONSTRAINT "portfolio_scorer_pkey" PRIMARY KEY ("review_id", "user_id")
);
CREATE INDEX "portfolio_scorer_user_id_idx" ON "portfolio_scorer"("user_id");

CREATE TABLE "portfolio_score" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "review_id" UUID NOT NULL,
    "criterion_id" UUID NOT NULL,
    "service_line_id" UUID NOT NULL,
    "scorer_id" UUID NOT NULL,
    "score" INTEGER NOT NULL,
    "rationale" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "portfolio_score_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "portfolio_score_criterion_id_service_line_id_scorer_id_key" ON "portfolio_score"("criterion_id", "service_line_id", "scorer_id");
CREATE INDEX "portfolio_score_review_id_service_line_id_idx" ON "portfolio_score"("review_id", "service_line_id");

CREATE TABLE "portfolio_decision" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "review_id" UUID NOT NULL,
    "service_line_id" UUID NOT NULL,
    "option" "portfolio_option" NOT NULL,
    "rationale" TEXT NOT NULL,
    "decided_by_id" UUID NOT NULL,
    "decided_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "scheme_id" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "portfolio_decision_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "portfolio_decision_scheme_id_key" ON "portfolio_decision"("scheme_id");
CREATE UNIQUE INDEX "portfolio_decision_review_id_service_line_id_key" ON "portfolio_decision"("review_id", "service_line_id");

CREATE TABLE "portfolio_reopening" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "review_id" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "reopened_by_id" UUID NOT NULL,
    "reopened_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "portfolio_reopening_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "portfolio_reopening_review_id_idx" ON "portfolio_reopening"("review_id");

ALTER TABLE "service_line" ADD CONSTRAINT "service_line_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "service_line" ADD CONSTRAINT "service_line_division_id_fkey" FOREIGN KEY ("division_id") REFERENCES "division"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "service_line" ADD CONSTRAINT "service_line_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "service_line"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "service_line_size" ADD CONSTRAINT "service_line_size_service_line_id_fkey" FOREIGN KEY ("service_line_id") REFERENCES "service_line"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "portfolio_review" ADD CONSTRAINT "portfolio_review_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "portfolio_review" ADD CONSTRAINT "portfolio_review_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "portfolio_criterion" ADD CONSTRAINT "portfolio_criterion_review_id_fkey" FOREIGN KEY ("review_id") REFERENCES "portfolio_review"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "portfolio_review_line" ADD CONSTRAINT "portfolio_review_line_review_id_fkey" FOREIGN KEY ("review_id") REFERENCES "portfolio_review"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "portfolio_review_line" ADD CONSTRAINT "portfolio_review_line_service_line_id_fkey" FOREIGN KEY ("service_line_id") REFERENCES "service_line"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "portfolio_scorer" ADD CONSTRAINT "portfolio_scorer_review_id_fkey" FOREIGN KEY ("review_id") REFERENCES "portfolio_review"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "portfolio_scorer" ADD CONSTRAINT "portfolio_scorer_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "portfolio_score" ADD CONSTRAINT "portfolio_score_review_id_fkey" FOREIGN KEY ("review_id") REFERENCES "portfolio_review"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "portfolio_score" ADD CONSTRAINT "portfolio_score_criterion_id_fkey" FOREIGN KEY ("criterion_id") REFERENCES "portfolio_criterion"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "portfolio_score" ADD CONSTRAINT "portfolio_score_service_line_id_fkey" FOREIGN KEY ("service_line_id") REFERENCES "service_line"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "portfolio_score" ADD CONSTRAINT "portfolio_score_scorer_id_fkey" FOREIGN KEY ("scorer_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "portfolio_decision" ADD CONSTRAINT "portfolio_decision_review_id_fkey" FOREIGN KEY ("review_id") REFERENCES "portfolio_review"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "portfolio_decision" ADD CONSTRAINT "portfolio_decision_service_line_id_fkey" FOREIGN KEY ("service_line_id") REFERENCES "service_line"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "portfolio_decision" ADD CONSTRAINT "portfolio_decision_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "portfolio_decision" ADD CONSTRAINT "portfolio_decision_scheme_id_fkey" FOREIGN KEY ("scheme_id") REFERENCES "scheme"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "portfolio_reopening" ADD CONSTRAINT "portfolio_reopening_review_id_fkey" FOREIGN KEY ("review_id") REFERENCES "portfolio_review"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "portfolio_reopening" ADD CONSTRAINT "portfolio_reopening_reopened_by_id_fkey" FOREIGN KEY ("reopened_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
