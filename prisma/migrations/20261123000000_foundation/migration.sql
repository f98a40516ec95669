-- Foundation: systems, organisations, divisions, users, role memberships, sessions,
-- sign-in attempts and the append-only audit log.

CREATE TYPE "organisation_type" AS ENUM ('TRUST', 'ICB');
CREATE TYPE "role" AS ENUM ('FINANCE', 'LEAD', 'CLINICAL_APPROVER', 'BOARD', 'ADMIN');
CREATE TYPE "clinical_capacity" AS ENUM ('MEDICAL', 'NURSING');

CREATE TABLE "health_system" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" VARCHAR(200) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "health_system_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "health_system_name_key" ON "health_system"("name");

CREATE TABLE "organisation" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "code" VARCHAR(12) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "type" "organisation_type" NOT NULL,
    "system_id" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "organisation_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "organisation_code_key" ON "organisation"("code");
CREATE UNIQUE INDEX "organisation_name_key" ON "organisation"("name");
CREATE INDEX "organisation_system_id_idx" ON "organisation"("system_id");

CREATE TABLE "division" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organisation_id" UUID NOT NULL,
    "name" VARCHAR(120) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "division_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "division_organisation_id_name_key" ON "division"("organisation_id", "name");

CREATE TABLE "app_user" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "email" VARCHAR(254) NOT NULL,
    "name" VARCHAR(120) NOT NULL,
    "job_title" VARCHAR(120),
    "password_hash" VARCHAR(100) NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "app_user_email_key" ON "app_user"("email");

CREATE TABLE "membership" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "role" "role" NOT NULL,
    "clinical_capacity" "clinical_capacity",
    "system_wide" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "membership_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "membership_user_id_organisation_id_role_key" ON "membership"("user_id", "organisation_id", "role");
CREATE INDEX "membership_organisation_id_idx" ON "membership"("organisation_id");

CREATE TABLE "session" (
    "id" VARCHAR(64) NOT NULL,
    "user_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "session_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "session_user_id_idx" ON "session"("user_id");

CREATE TABLE "login_attempt" (
    "id" BIGSERIAL NOT NULL,
    "email" VARCHAR(254) NOT NULL,
    "succeeded" BOOLEAN NOT NULL,
    "attempted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "login_attempt_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "login_attempt_email_attempted_at_idx" ON "login_attempt"("email", "attempted_at");

CREATE TABLE "audit_event" (
    "id" BIGSERIAL NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" UUID,
    "action" VARCHAR(80) NOT NULL,
    "entity_type" VARCHAR(60) NOT NULL,
    "entity_id" VARCHAR(64) NOT NULL,
    "organisation_id" UUID,
    "before" JSONB,
    "after" JSONB,
    CONSTRAINT "audit_event_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "audit_event_entity_type_entity_id_idx" ON "audit_event"("entity_type", "entity_id");
CREATE INDEX "audit_event_organisation_id_occurred_at_idx" ON "audit_event"("organisation_id", "occurred_at");

ALTER TABLE "organisation" ADD CONSTRAINT "organisation_system_id_fkey" FOREIGN KEY ("system_id") REFERENCES "health_system"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "division" ADD CONSTRAINT "division_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "membership" ADD CONSTRAINT "membership_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "membership" ADD CONSTRAINT "membership_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "audit_event" ADD CONSTRAINT "audit_event_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A system-wide role is the ICB's: only an ICB membership may carry it.
CREATE FUNCTION "membership_system_wide_only_at_icb"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.system_wide AND (SELECT type FROM organisation WHERE id = NEW.organisation_id) <> 'ICB' THEN
    RAISE EXCEPTION 'A system-wide role can only be held at an ICB' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "membership_system_wide_only_at_icb" BEFORE INSERT OR UPDATE ON "membership"
  FOR EACH ROW EXECUTE FUNCTION "membership_system_wide_only_at_icb"();

-- The audit log is append-only for everyone using the database, not only for the app.
CREATE FUNCTION "audit_event_is_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER "audit_event_no_update_delete" BEFORE UPDATE OR DELETE ON "audit_event"
  FOR EACH ROW EXECUTE FUNCTION "audit_event_is_append_only"();
CREATE TRIGGER "audit_event_no_truncate" BEFORE TRUNCATE ON "audit_event"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_event_is_append_only"();
