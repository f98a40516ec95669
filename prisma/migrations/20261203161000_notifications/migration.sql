-- Issue 16: in-app notifications written and cleared by the reminder job, and each
-- organisation's reminder settings (absent row = defaults).
CREATE TYPE "notification_kind" AS ENUM ('UPDATE_DUE', 'UPDATE_OVERDUE', 'UPDATE_ESCALATED', 'GATEWAY_DECISION', 'QIA_SIGNATURE', 'QIA_REVIEW_DUE', 'RISK_REVIEW_OVERDUE', 'RISK_ACTION_OVERDUE', 'CONDITION_OPEN', 'MONTH_NOT_CLOSED');

CREATE TABLE "notification" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "organisation_id" UUID,
    "kind" "notification_kind" NOT NULL,
    "cause_key" VARCHAR(120) NOT NULL,
    "title" VARCHAR(300) NOT NULL,
    "detail" VARCHAR(300),
    "href" VARCHAR(300) NOT NULL,
    "due_on" DATE,
    "waiting_since" TIMESTAMPTZ(3),
    "read_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "notification_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "notification_user_id_cause_key_key" ON "notification"("user_id", "cause_key");
CREATE INDEX "notification_user_id_read_at_idx" ON "notification"("user_id", "read_at");
CREATE INDEX "notification_organisation_id_idx" ON "notification"("organisation_id");
ALTER TABLE "notification" ADD CONSTRAINT "notification_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "notification" ADD CONSTRAINT "notification_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "reminder_setting" (
    "organisation_id" UUID NOT NULL,
    "update_due_working_day" INTEGER NOT NULL,
    "month_close_working_day" INTEGER NOT NULL,
    "escalate_after_working_days" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_by_id" UUID NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "reminder_setting_pkey" PRIMARY KEY ("organisation_id"),
    CONSTRAINT "reminder_setting_working_days" CHECK ("update_due_working_day" BETWEEN 1 AND 20 AND "month_close_working_day" BETWEEN 1 AND 20 AND "escalate_after_working_days" BETWEEN 1 AND 20)
);
ALTER TABLE "reminder_setting" ADD CONSTRAINT "reminder_setting_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "reminder_setting" ADD CONSTRAINT "reminder_setting_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
