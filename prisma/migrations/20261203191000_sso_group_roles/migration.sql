-- Single sign-on group -> role mappings per organisation (issue 15); memberships they grant.

CREATE TABLE "sso_group_role" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organisation_id" UUID NOT NULL,
    "group_id" VARCHAR(200) NOT NULL,
    "role" "role" NOT NULL,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "sso_group_role_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "sso_group_role_organisation_id_group_id_role_key" ON "sso_group_role"("organisation_id", "group_id", "role");
CREATE INDEX "sso_group_role_group_id_idx" ON "sso_group_role"("group_id");
ALTER TABLE "sso_group_role" ADD CONSTRAINT "sso_group_role_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "sso_group_role" ADD CONSTRAINT "sso_group_role_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "membership" ADD COLUMN "sso_group_role_id" UUID;
ALTER TABLE "membership" ADD CONSTRAINT "membership_sso_group_role_id_fkey" FOREIGN KEY ("sso_group_role_id") REFERENCES "sso_group_role"("id") ON DELETE CASCADE ON UPDATE CASCADE;
