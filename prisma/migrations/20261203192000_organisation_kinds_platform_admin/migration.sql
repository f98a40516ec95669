-- Issue 11 item 2: organisations of every NHS kind, each with its ODS code, and a platform
-- administrator above system administrators. The kind refines the type (TRUST / ICB), which the
-- rest of the schema keys on: an ICB's kind is ICB and a trust's is one of the four provider kinds.
-- Existing trusts are acute (the demo's and the bench's are); the ODS code is unique where given.
CREATE TYPE "organisation_kind" AS ENUM ('ACUTE', 'COMMUNITY', 'MENTAL_HEALTH', 'AMBULANCE', 'ICB');

ALTER TABLE "organisation" ADD COLUMN "kind" "organisation_kind" NOT NULL DEFAULT 'ACUTE';
UPDATE "organisation" SET "kind" = 'ICB' WHERE "type" = 'ICB';
ALTER TABLE "organisation" ADD CONSTRAINT "organisation_kind_matches_type" CHECK (("kind" = 'ICB') = ("type" = 'ICB'));

ALTER TABLE "organisation" ADD COLUMN "ods_code" VARCHAR(5);
CREATE UNIQUE INDEX "organisation_ods_code_key" ON "organisation"("ods_code");

ALTER TABLE "app_user" ADD COLUMN "platform_admin" BOOLEAN NOT NULL DEFAULT false;

-- A system has one ICB (createSystem makes it; createOrganisation refuses a second).
CREATE UNIQUE INDEX "organisation_one_icb_per_system" ON "organisation"("system_id") WHERE "type" = 'ICB';
