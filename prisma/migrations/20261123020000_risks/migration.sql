-- Risk registers on the NHS 5x5 matrix: risks on programme and workstream registers,
-- their mitigating actions, and every change of score (for the trend).

CREATE TYPE "risk_category" AS ENUM ('FINANCIAL', 'QUALITY', 'WORKFORCE', 'DELIVERY', 'REPUTATIONAL');
CREATE TYPE "risk_status" AS ENUM ('OPEN', 'CLOSED');
CREATE TYPE "risk_action_status" AS ENUM ('OPEN', 'IN_PROGRESS', 'DONE');

CREATE TABLE "risk" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "programme_id" UUID NOT NULL,
    "workstream_id" UUID,
    "title" VARCHAR(200) NOT NULL,
    "cause" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "effect" TEXT NOT NULL,
    "owner_id" UUID NOT NULL,
    "category" "risk_category" NOT NULL,
    "inherent_likelihood" INTEGER NOT NULL,
    "inherent_consequence" INTEGER NOT NULL,
    "current_likelihood" INTEGER NOT NULL,
    "current_consequence" INTEGER NOT NULL,
    "target_likelihood" INTEGER NOT NULL,
    "target_consequence" INTEGER NOT NULL,
    "current_score" INTEGER NOT NULL,
    "target_score" INTEGER NOT NULL,
    "review_date" DATE NOT NULL,
    "status" "risk_status" NOT NULL DEFAULT 'OPEN',
    "closure_reason" TEXT,
    "closed_at" TIMESTAMPTZ(3),
    "source_note" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "risk_pkey" PRIMARY KEY ("id"),
    -- The matrix is 1-5 each way; scores are derived, never typed.
    CONSTRAINT "risk_ratings_in_matrix" CHECK (
      "inherent_likelihood" BETWEEN 1 AND 5 AND "inherent_consequence" BETWEEN 1 AND 5
      AND "current_likelihood" BETWEEN 1 AND 5 AND "current_consequence" BETWEEN 1 AND 5
      AND "target_likelihood" BETWEEN 1 AND 5 AND "target_consequence" BETWEEN 1 AND 5
    ),
    CONSTRAINT "risk_scores_derived" CHECK (
      "current_score" = "current_likelihood" * "current_consequence"
      AND "target_score" = "target_likelihood" * "target_consequence"
    ),
    CONSTRAINT "risk_closed_has_reason" CHECK ("status" = 'OPEN' OR ("closure_reason" IS NOT NULL AND "closed_at" IS NOT NULL))
);
CREATE INDEX "risk_programme_id_idx" ON "risk"("programme_id");
CREATE INDEX "risk_workstream_id_idx" ON "risk"("workstream_id");
CREATE INDEX "risk_owner_id_idx" ON "risk"("owner_id");
CREATE INDEX "risk_status_current_score_idx" ON "risk"("status", "current_score");

CREATE TABLE "risk_action" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "risk_id" UUID NOT NULL,
    "description" TEXT NOT NULL,
    "owner_id" UUID NOT NULL,
    "due_date" DATE NOT NULL,
    "status" "risk_action_status" NOT NULL DEFAULT 'OPEN',
    "completed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "risk_action_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "risk_action_risk_id_idx" ON "risk_action"("risk_id");
CREATE INDEX "risk_action_owner_id_status_idx" ON "risk_action"("owner_id", "status");

CREATE TABLE "risk_score_change" (
    "id" BIGSERIAL NOT NULL,
    "risk_id" UUID NOT NULL,
    "changed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "changed_by_id" UUID,
    "current_likelihood" INTEGER NOT NULL,
    "current_consequence" INTEGER NOT NULL,
    "current_score" INTEGER NOT NULL,
    "target_score" INTEGER NOT NULL,
    CONSTRAINT "risk_score_change_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "risk_score_change_risk_id_changed_at_idx" ON "risk_score_change"("risk_id", "changed_at");

ALTER TABLE "risk" ADD CONSTRAINT "risk_programme_id_fkey" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "risk" ADD CONSTRAINT "risk_workstream_id_fkey" FOREIGN KEY ("workstream_id") REFERENCES "workstream"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "risk" ADD CONSTRAINT "risk_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "risk_action" ADD CONSTRAINT "risk_action_risk_id_fkey" FOREIGN KEY ("risk_id") REFERENCES "risk"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "risk_action" ADD CONSTRAINT "risk_action_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "risk_score_change" ADD CONSTRAINT "risk_score_change_risk_id_fkey" FOREIGN KEY ("risk_id") REFERENCES "risk"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "risk_score_change" ADD CONSTRAINT "risk_score_change_changed_by_id_fkey" FOREIGN KEY ("changed_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
