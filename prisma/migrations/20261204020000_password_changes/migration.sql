-- Issue 18 item 3: an administrator can require a new password at the next sign-in; when the
-- password was last changed is kept for the account page and for audits.
ALTER TABLE "app_user" ADD COLUMN "must_change_password" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "app_user" ADD COLUMN "password_changed_at" TIMESTAMPTZ(3);
