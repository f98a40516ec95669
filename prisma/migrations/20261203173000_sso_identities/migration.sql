-- Single sign-on (issue 15): identities at the OpenID Connect provider, linked to users.

CREATE TABLE "sso_identity" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "issuer" VARCHAR(300) NOT NULL,
    "subject" VARCHAR(300) NOT NULL,
    "tenant_id" VARCHAR(100),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_sign_in_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "sso_identity_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "sso_identity_issuer_subject_key" ON "sso_identity"("issuer", "subject");
CREATE INDEX "sso_identity_user_id_idx" ON "sso_identity"("user_id");
ALTER TABLE "sso_identity" ADD CONSTRAINT "sso_identity_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
