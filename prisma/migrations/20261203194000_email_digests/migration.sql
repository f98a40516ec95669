-- Issue 16: email digests of notifications. One digest per person per day (unique), claimed
-- before sending so two workers never send it twice; each row records what was sent to whom.
CREATE TYPE "digest_frequency" AS ENUM ('DAILY', 'WEEKLY', 'OFF');
CREATE TYPE "email_digest_status" AS ENUM ('PENDING', 'SENDING', 'SENT', 'FAILED');

CREATE TABLE "email_preference" (
    "user_id" UUID NOT NULL,
    "category" VARCHAR(20) NOT NULL,
    "frequency" "digest_frequency" NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "email_preference_pkey" PRIMARY KEY ("user_id", "category")
);
ALTER TABLE "email_preference" ADD CONSTRAINT "email_preference_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "email_digest" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "digest_date" DATE NOT NULL,
    "to_address" VARCHAR(254) NOT NULL,
    "status" "email_digest_status" NOT NULL DEFAULT 'PENDING',
    "items" JSONB NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_error" VARCHAR(500),
    "sent_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "email_digest_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "email_digest_user_id_digest_date_key" ON "email_digest"("user_id", "digest_date");
CREATE INDEX "email_digest_status_next_attempt_at_idx" ON "email_digest"("status", "next_attempt_at");
CREATE INDEX "email_digest_digest_date_idx" ON "email_digest"("digest_date");
ALTER TABLE "email_digest" ADD CONSTRAINT "email_digest_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
