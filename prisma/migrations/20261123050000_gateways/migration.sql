-- Gateways (DESIGN.md section 3): decisions with the criteria results of the moment, tracked
-- conditions, plan baselines, scheme milestones and KPIs, quality impact assessments (dimensions
-- as data, versioned, two clinical signatories, reviews) and equality impact assessments.

CREATE TYPE "finance_capacity" AS ENUM ('DIRECTOR', 'PMO');
CREATE TYPE "gateway_decision_kind" AS ENUM ('SUBMITTED', 'APPROVED', 'REJECTED', 'DEFERRED', 'RETURNED', 'ON_HOLD', 'RESUMED', 'WITHDRAWN', 'REBASELINED', 'BENEFIT_VALIDATED');
CREATE TYPE "impact_direction" AS ENUM ('POSITIVE', 'NONE', 'NEGATIVE');
CREATE TYPE "qia_status" AS ENUM ('DRAFT', 'AWAITING_SIGN_OFF', 'APPROVED', 'APPROVED_WITH_CONDITIONS', 'REJECTED', 'SUPERSEDED');
CREATE TYPE "sign_off_outcome" AS ENUM ('APPROVED', 'APPROVED_WITH_CONDITIONS', 'REJECTED');
CREATE TYPE "eia_status" AS ENUM ('DRAFT', 'AWAITING_SIGN_OFF', 'APPROVED', 'REJECTED');
CREATE TYPE "protected_characteristic" AS ENUM ('AGE', 'DISABILITY', 'GENDER_REASSIGNMENT', 'MARRIAGE_CIVIL_PARTNERSHIP', 'PREGNANCY_MATERNITY', 'RACE', 'RELIGION_BELIEF', 'SEX', 'SEXUAL_ORIENTATION');

-- Settings per organisation: the QIA screening threshold and the full-year effect from which a
-- gateway needs the finance director rather than the PMO.
ALTER TABLE "organisation" ADD COLUMN "qia_threshold" INTEGER NOT NULL DEFAULT 8;
ALTER TABLE "organisation" ADD COLUMN "director_threshold_pence" BIGINT NOT NULL DEFAULT 5000000;
ALTER TABLE "organisation" ADD CONSTRAINT "organisation_qia_threshold_valid" CHECK ("qia_threshold" BETWEEN 1 AND 24);
ALTER TABLE "organisation" ADD CONSTRAINT "organisation_director_threshold_valid" CHECK ("director_threshold_pence" >= 0);

-- A finance membership is the finance director's or the PMO's; null counts as the director.
ALTER TABLE "membership" ADD COLUMN "finance_capacity" "finance_capacity";

ALTER TABLE "scheme" ADD COLUMN "submitted_gate" INTEGER;
ALTER TABLE "scheme" ADD COLUMN "submitted_at" TIMESTAMPTZ(3);
ALTER TABLE "scheme" ADD COLUMN "stage_before_hold" "scheme_stage";
ALTER TABLE "scheme" ADD COLUMN "plan_locked_at" TIMESTAMPTZ(3);
ALTER TABLE "scheme" ADD COLUMN "benefit_validated_at" TIMESTAMPTZ(3);
ALTER TABLE "scheme" ADD CONSTRAINT "scheme_submitted_gate_valid" CHECK (
  ("submitted_gate" IS NULL AND "submitted_at" IS NULL) OR ("submitted_gate" BETWEEN 1 AND 3 AND "submitted_at" IS NOT NULL)
);
CREATE INDEX "scheme_submitted_at_idx" ON "scheme"("submitted_at");

-- Milestones of a scheme (gate 2 needs at least one activity or milestone).
CREATE TABLE "scheme_milestone" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "scheme_id" UUID NOT NULL,
    "description" VARCHAR(300) NOT NULL,
    "due_date" DATE,
    "status" "activity_status" NOT NULL DEFAULT 'NOT_STARTED',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "scheme_milestone_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "scheme_milestone_scheme_id_idx" ON "scheme_milestone"("scheme_id");
ALTER TABLE "scheme_milestone" ADD CONSTRAINT "scheme_milestone_scheme_id_fkey" FOREIGN KEY ("scheme_id") REFERENCES "scheme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- KPIs of a scheme: a KPI belongs to a programme (optionally one of its workstreams) or a scheme.
ALTER TABLE "kpi" ALTER COLUMN "programme_id" DROP NOT NULL;
ALTER TABLE "kpi" ADD COLUMN "scheme_id" UUID;
ALTER TABLE "kpi" ADD COLUMN "quality_indicator" BOOLEAN NOT NULL DEFAULT false;
CREATE INDEX "kpi_scheme_id_idx" ON "kpi"("scheme_id");
ALTER TABLE "kpi" ADD CONSTRAINT "kpi_scheme_id_fkey" FOREIGN KEY ("scheme_id") REFERENCES "scheme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "kpi" ADD CONSTRAINT "kpi_one_owner" CHECK (
  ("programme_id" IS NULL) <> ("scheme_id" IS NULL)
  AND ("workstream_id" IS NULL OR "programme_id" IS NOT NULL)
  AND (NOT "quality_indicator" OR "scheme_id" IS NOT NULL)
);

-- Every gateway event of a scheme, with the criteria results at that moment.
CREATE TABLE "gateway_decision" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "scheme_id" UUID NOT NULL,
    "gate" INTEGER,
    "kind" "gateway_decision_kind" NOT NULL,
    "from_stage" "scheme_stage" NOT NULL,
    "to_stage" "scheme_stage" NOT NULL,
    "reason" TEXT,
    "criteria" JSONB NOT NULL DEFAULT '[]',
    "scheme_version" INTEGER NOT NULL,
    "decided_by_id" UUID NOT NULL,
    "decided_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "gateway_decision_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "gateway_decision_gate_valid" CHECK ("gate" IS NULL OR "gate" BETWEEN 1 AND 3)
);
CREATE INDEX "gateway_decision_scheme_id_decided_at_idx" ON "gateway_decision"("scheme_id", "decided_at");
ALTER TABLE "gateway_decision" ADD CONSTRAINT "gateway_decision_scheme_id_fkey" FOREIGN KEY ("scheme_id") REFERENCES "scheme"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "gateway_decision" ADD CONSTRAINT "gateway_decision_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The plan as baselined at gateway 2 and at every re-baseline (old ones stay visible).
CREATE TABLE "plan_baseline" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "scheme_id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "financial_year" INTEGER NOT NULL,
    "months_pence" BIGINT[] NOT NULL,
    "reason" TEXT,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "plan_baseline_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "plan_baseline_twelve_months" CHECK (cardinality("months_pence") = 12)
);
CREATE UNIQUE INDEX "plan_baseline_scheme_id_number_key" ON "plan_baseline"("scheme_id", "number");
ALTER TABLE "plan_baseline" ADD CONSTRAINT "plan_baseline_scheme_id_fkey" FOREIGN KEY ("scheme_id") REFERENCES "scheme"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "plan_baseline" ADD CONSTRAINT "plan_baseline_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Quality dimensions are data (default: NHS England's six).
CREATE TABLE "quality_dimension" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "key" VARCHAR(40) NOT NULL,
    "name" VARCHAR(80) NOT NULL,
    "description" VARCHAR(300) NOT NULL,
    "sort_order" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    CONSTRAINT "quality_dimension_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "quality_dimension_key_key" ON "quality_dimension"("key");
INSERT INTO "quality_dimension" ("key", "name", "description", "sort_order") VALUES
  ('safe', 'Safe', 'People are protected from avoidable harm and abuse.', 1),
  ('effective', 'Effective', 'Care and treatment achieve good outcomes, based on the best available evidence.', 2),
  ('personalised-experience', 'Personalised experience', 'People are treated with compassion, dignity and respect, and are involved in decisions about their care.', 3),
  ('well-led', 'Well-led', 'Leadership, management and governance assure high-quality care and an open, fair culture.', 4),
  ('sustainable', 'Sustainable', 'Resources are used responsibly, now and for the future.', 5),
  ('equitable', 'Equitable', 'Everyone has fair access, experience and outcomes; health inequalities are not widened.', 6);

CREATE TABLE "quality_assessment" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "scheme_id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "status" "qia_status" NOT NULL DEFAULT 'DRAFT',
    "threshold" INTEGER NOT NULL,
    "screening_complete" BOOLEAN NOT NULL DEFAULT false,
    "full_required" BOOLEAN NOT NULL DEFAULT false,
    "impact_summary" TEXT,
    "review_date" DATE,
    "committee_override" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "quality_assessment_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "quality_assessment_number_valid" CHECK ("number" >= 1)
);
CREATE UNIQUE INDEX "quality_assessment_scheme_id_number_key" ON "quality_assessment"("scheme_id", "number");
CREATE INDEX "quality_assessment_status_idx" ON "quality_assessment"("status");
ALTER TABLE "quality_assessment" ADD CONSTRAINT "quality_assessment_scheme_id_fkey" FOREIGN KEY ("scheme_id") REFERENCES "scheme"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "quality_assessment" ADD CONSTRAINT "quality_assessment_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "quality_assessment_dimension" (
    "assessment_id" UUID NOT NULL,
    "dimension_id" UUID NOT NULL,
    "impact" "impact_direction" NOT NULL,
    "likelihood" INTEGER NOT NULL,
    "consequence" INTEGER NOT NULL,
    "description" TEXT,
    "mitigations" TEXT,
    "residual_likelihood" INTEGER,
    "residual_consequence" INTEGER,
    CONSTRAINT "quality_assessment_dimension_pkey" PRIMARY KEY ("assessment_id", "dimension_id"),
    CONSTRAINT "quality_assessment_dimension_ratings_valid" CHECK (
      "likelihood" BETWEEN 1 AND 5 AND "consequence" BETWEEN 1 AND 5
      AND ("residual_likelihood" IS NULL OR "residual_likelihood" BETWEEN 1 AND 5)
      AND ("residual_consequence" IS NULL OR "residual_consequence" BETWEEN 1 AND 5)
      AND (("residual_likelihood" IS NULL) = ("residual_consequence" IS NULL))
    )
);
ALTER TABLE "quality_assessment_dimension" ADD CONSTRAINT "quality_assessment_dimension_assessment_id_fkey" FOREIGN KEY ("assessment_id") REFERENCES "quality_assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "quality_assessment_dimension" ADD CONSTRAINT "quality_assessment_dimension_dimension_id_fkey" FOREIGN KEY ("dimension_id") REFERENCES "quality_dimension"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- One signature per capacity per version, and nobody signs in both capacities.
CREATE TABLE "quality_sign_off" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "assessment_id" UUID NOT NULL,
    "capacity" "clinical_capacity" NOT NULL,
    "user_id" UUID NOT NULL,
    "outcome" "sign_off_outcome" NOT NULL,
    "comment" TEXT,
    "signed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "quality_sign_off_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "quality_sign_off_assessment_id_capacity_key" ON "quality_sign_off"("assessment_id", "capacity");
CREATE UNIQUE INDEX "quality_sign_off_assessment_id_user_id_key" ON "quality_sign_off"("assessment_id", "user_id");
ALTER TABLE "quality_sign_off" ADD CONSTRAINT "quality_sign_off_assessment_id_fkey" FOREIGN KEY ("assessment_id") REFERENCES "quality_assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "quality_sign_off" ADD CONSTRAINT "quality_sign_off_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "quality_review" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "assessment_id" UUID NOT NULL,
    "reviewed_by_id" UUID NOT NULL,
    "findings" TEXT NOT NULL,
    "reopened" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "quality_review_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "quality_review_assessment_id_idx" ON "quality_review"("assessment_id");
ALTER TABLE "quality_review" ADD CONSTRAINT "quality_review_assessment_id_fkey" FOREIGN KEY ("assessment_id") REFERENCES "quality_assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "quality_review" ADD CONSTRAINT "quality_review_reviewed_by_id_fkey" FOREIGN KEY ("reviewed_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Conditions of a gateway approval or of a QIA sign-off, tracked until met.
CREATE TABLE "tracked_condition" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "scheme_id" UUID NOT NULL,
    "gateway_decision_id" UUID,
    "quality_sign_off_id" UUID,
    "description" VARCHAR(500) NOT NULL,
    "met_at" TIMESTAMPTZ(3),
    "met_by_id" UUID,
    "met_note" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "tracked_condition_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "tracked_condition_one_source" CHECK (("gateway_decision_id" IS NULL) <> ("quality_sign_off_id" IS NULL)),
    CONSTRAINT "tracked_condition_met_by" CHECK (("met_at" IS NULL) = ("met_by_id" IS NULL))
);
CREATE INDEX "tracked_condition_scheme_id_idx" ON "tracked_condition"("scheme_id");
ALTER TABLE "tracked_condition" ADD CONSTRAINT "tracked_condition_scheme_id_fkey" FOREIGN KEY ("scheme_id") REFERENCES "scheme"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "tracked_condition" ADD CONSTRAINT "tracked_condition_gateway_decision_id_fkey" FOREIGN KEY ("gateway_decision_id") REFERENCES "gateway_decision"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "tracked_condition" ADD CONSTRAINT "tracked_condition_quality_sign_off_id_fkey" FOREIGN KEY ("quality_sign_off_id") REFERENCES "quality_sign_off"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "tracked_condition" ADD CONSTRAINT "tracked_condition_met_by_id_fkey" FOREIGN KEY ("met_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Equality impact assessment: screening against the nine protected characteristics.
CREATE TABLE "equality_assessment" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "scheme_id" UUID NOT NULL,
    "status" "eia_status" NOT NULL DEFAULT 'DRAFT',
    "screening_complete" BOOLEAN NOT NULL DEFAULT false,
    "full_required" BOOLEAN NOT NULL DEFAULT false,
    "analysis" TEXT,
    "mitigations" TEXT,
    "engagement" TEXT,
    "signed_off_by_id" UUID,
    "signed_off_at" TIMESTAMPTZ(3),
    "sign_off_comment" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "equality_assessment_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "equality_assessment_signed" CHECK (("signed_off_at" IS NULL) = ("signed_off_by_id" IS NULL))
);
CREATE UNIQUE INDEX "equality_assessment_scheme_id_key" ON "equality_assessment"("scheme_id");
CREATE INDEX "equality_assessment_status_idx" ON "equality_assessment"("status");
ALTER TABLE "equality_assessment" ADD CONSTRAINT "equality_assessment_scheme_id_fkey" FOREIGN KEY ("scheme_id") REFERENCES "scheme"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "equality_assessment" ADD CONSTRAINT "equality_assessment_signed_off_by_id_fkey" FOREIGN KEY ("signed_off_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "equality_screening" (
    "assessment_id" UUID NOT NULL,
    "characteristic" "protected_characteristic" NOT NULL,
    "impact" "impact_direction" NOT NULL,
    "note" TEXT,
    CONSTRAINT "equality_screening_pkey" PRIMARY KEY ("assessment_id", "characteristic")
);
ALTER TABLE "equality_screening" ADD CONSTRAINT "equality_screening_assessment_id_fkey" FOREIGN KEY ("assessment_id") REFERENCES "equality_assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
