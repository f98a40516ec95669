-- Programmes of work: programmes with yearly savings targets, workstreams, leads (role
-- titles), numbered activities with quarterly timescales, dependencies, KPIs.

CREATE TYPE "activity_status" AS ENUM ('NOT_STARTED', 'ON_TRACK', 'AT_RISK', 'LATE', 'DONE');
CREATE TYPE "dependency_kind" AS ENUM ('DEPENDENCY', 'CONSTRAINT', 'ASSUMPTION');
CREATE TYPE "kpi_direction" AS ENUM ('HIGHER_IS_BETTER', 'LOWER_IS_BETTER');

CREATE TABLE "programme" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "system_id" UUID NOT NULL,
    "organisation_id" UUID,
    "theme" VARCHAR(120) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "objective" TEXT NOT NULL,
    "sro" VARCHAR(200),
    "position" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "programme_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "programme_system_id_name_key" ON "programme"("system_id", "name");
CREATE INDEX "programme_organisation_id_idx" ON "programme"("organisation_id");

CREATE TABLE "programme_target" (
    "programme_id" UUID NOT NULL,
    "financial_year" INTEGER NOT NULL,
    "target_pence" BIGINT NOT NULL,
    CONSTRAINT "programme_target_pkey" PRIMARY KEY ("programme_id", "financial_year"),
    CONSTRAINT "programme_target_not_negative" CHECK ("target_pence" >= 0)
);

CREATE TABLE "workstream" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "programme_id" UUID NOT NULL,
    "number" INTEGER,
    "name" VARCHAR(200) NOT NULL,
    "vision" TEXT,
    "case_for_change" TEXT,
    "objectives" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "sro" VARCHAR(200),
    "delivery_leads" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "baseline_pence" BIGINT,
    "target_pence" BIGINT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "workstream_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "workstream_programme_id_name_key" ON "workstream"("programme_id", "name");

CREATE TABLE "lead" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "system_id" UUID NOT NULL,
    "title" VARCHAR(120) NOT NULL,
    "description" VARCHAR(200),
    "user_id" UUID,
    CONSTRAINT "lead_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "lead_system_id_title_key" ON "lead"("system_id", "title");
CREATE INDEX "lead_user_id_idx" ON "lead"("user_id");

CREATE TABLE "activity" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "programme_id" UUID NOT NULL,
    "workstream_id" UUID,
    "number" VARCHAR(12),
    "sequence" INTEGER NOT NULL,
    "description" TEXT NOT NULL,
    "start_quarter" INTEGER,
    "end_quarter" INTEGER,
    "status" "activity_status" NOT NULL DEFAULT 'NOT_STARTED',
    "deliverables" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "activity_pkey" PRIMARY KEY ("id"),
    -- Ongoing (both null) or a quarter range that does not end before it starts.
    CONSTRAINT "activity_timescale_valid" CHECK (
      ("start_quarter" IS NULL AND "end_quarter" IS NULL)
      OR ("start_quarter" IS NOT NULL AND "end_quarter" IS NOT NULL AND "end_quarter" >= "start_quarter")
    )
);
CREATE UNIQUE INDEX "activity_programme_id_number_key" ON "activity"("programme_id", "number");
CREATE INDEX "activity_workstream_id_idx" ON "activity"("workstream_id");

CREATE TABLE "activity_lead" (
    "activity_id" UUID NOT NULL,
    "lead_id" UUID NOT NULL,
    CONSTRAINT "activity_lead_pkey" PRIMARY KEY ("activity_id", "lead_id")
);
CREATE INDEX "activity_lead_lead_id_idx" ON "activity_lead"("lead_id");

CREATE TABLE "dependency" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "programme_id" UUID NOT NULL,
    "workstream_id" UUID,
    "kind" "dependency_kind" NOT NULL,
    "description" TEXT NOT NULL,
    "actions" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "depends_on_programme_id" UUID,
    "depends_on_workstream_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "dependency_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "dependency_programme_id_idx" ON "dependency"("programme_id");

CREATE TABLE "kpi" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "programme_id" UUID NOT NULL,
    "workstream_id" UUID,
    "name" VARCHAR(300) NOT NULL,
    "unit" VARCHAR(20) NOT NULL,
    "direction" "kpi_direction" NOT NULL,
    "baseline" DECIMAL(18,4),
    "target" DECIMAL(18,4),
    "target_date" DATE,
    "baseline_note" TEXT,
    "target_note" TEXT,
    "owner_lead_id" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "kpi_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "kpi_programme_id_idx" ON "kpi"("programme_id");
CREATE INDEX "kpi_workstream_id_idx" ON "kpi"("workstream_id");

CREATE TABLE "kpi_point" (
    "kpi_id" UUID NOT NULL,
    "financial_year" INTEGER NOT NULL,
    "month" INTEGER NOT NULL,
    "trajectory" DECIMAL(18,4),
    "actual" DECIMAL(18,4),
    CONSTRAINT "kpi_point_pkey" PRIMARY KEY ("kpi_id", "financial_year", "month"),
    CONSTRAINT "kpi_point_month_valid" CHECK ("month" BETWEEN 1 AND 12)
);

ALTER TABLE "programme" ADD CONSTRAINT "programme_system_id_fkey" FOREIGN KEY ("system_id") REFERENCES "health_system"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "programme" ADD CONSTRAINT "programme_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "programme_target" ADD CONSTRAINT "programme_target_programme_id_fkey" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "workstream" ADD CONSTRAINT "workstream_programme_id_fkey" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "lead" ADD CONSTRAINT "lead_system_id_fkey" FOREIGN KEY ("system_id") REFERENCES "health_system"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "lead" ADD CONSTRAINT "lead_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "activity" ADD CONSTRAINT "activity_programme_id_fkey" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "activity" ADD CONSTRAINT "activity_workstream_id_fkey" FOREIGN KEY ("workstream_id") REFERENCES "workstream"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "activity_lead" ADD CONSTRAINT "activity_lead_activity_id_fkey" FOREIGN KEY ("activity_id") REFERENCES "activity"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "activity_lead" ADD CONSTRAINT "activity_lead_lead_id_fkey" FOREIGN KEY ("lead_id") REFERENCES "lead"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "dependency" ADD CONSTRAINT "dependency_programme_id_fkey" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "dependency" ADD CONSTRAINT "dependency_workstream_id_fkey" FOREIGN KEY ("workstream_id") REFERENCES "workstream"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "dependency" ADD CONSTRAINT "dependency_depends_on_programme_id_fkey" FOREIGN KEY ("depends_on_programme_id") REFERENCES "programme"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "dependency" ADD CONSTRAINT "dependency_depends_on_workstream_id_fkey" FOREIGN KEY ("depends_on_workstream_id") REFERENCES "workstream"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "kpi" ADD CONSTRAINT "kpi_programme_id_fkey" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "kpi" ADD CONSTRAINT "kpi_workstream_id_fkey" FOREIGN KEY ("workstream_id") REFERENCES "workstream"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "kpi" ADD CONSTRAINT "kpi_owner_lead_id_fkey" FOREIGN KEY ("owner_lead_id") REFERENCES "lead"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "kpi_point" ADD CONSTRAINT "kpi_point_kpi_id_fkey" FOREIGN KEY ("kpi_id") REFERENCES "kpi"("id") ON DELETE CASCADE ON UPDATE CASCADE;
