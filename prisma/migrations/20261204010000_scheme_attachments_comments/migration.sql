-- Issue 13 item 6: a scheme's attachments (bytes in attachment_blob, behind the AttachmentStore),
-- its comment thread and the people @mentioned, who get a MENTION notification.
CREATE TABLE "scheme_attachment" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "scheme_id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "file_name" VARCHAR(255) NOT NULL,
    "content_type" VARCHAR(120) NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "uploaded_by_id" UUID NOT NULL,
    "uploaded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "scheme_attachment_pkey" PRIMARY KEY ("id"),
    -- The application's limit is 10 MB; the database refuses anything past it whatever the caller.
    CONSTRAINT "scheme_attachment_size" CHECK ("size_bytes" > 0 AND "size_bytes" <= 10485760)
);
CREATE INDEX "scheme_attachment_scheme_id_uploaded_at_idx" ON "scheme_attachment"("scheme_id", "uploaded_at");
ALTER TABLE "scheme_attachment" ADD CONSTRAINT "scheme_attachment_scheme_id_fkey" FOREIGN KEY ("scheme_id") REFERENCES "scheme"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "scheme_attachment" ADD CONSTRAINT "scheme_attachment_uploaded_by_id_fkey" FOREIGN KEY ("uploaded_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "attachment_blob" (
    "attachment_id" UUID NOT NULL,
    "bytes" BYTEA NOT NULL,
    CONSTRAINT "attachment_blob_pkey" PRIMARY KEY ("attachment_id")
);
ALTER TABLE "attachment_blob" ADD CONSTRAINT "attachment_blob_attachment_id_fkey" FOREIGN KEY ("attachment_id") REFERENCES "scheme_attachment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "scheme_comment" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "scheme_id" UUID NOT NULL,
    "author_id" UUID NOT NULL,
    "body" VARCHAR(4000) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "scheme_comment_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "scheme_comment_scheme_id_created_at_idx" ON "scheme_comment"("scheme_id", "created_at");
ALTER TABLE "scheme_comment" ADD CONSTRAINT "scheme_comment_scheme_id_fkey" FOREIGN KEY ("scheme_id") REFERENCES "scheme"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "scheme_comment" ADD CONSTRAINT "scheme_comment_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "scheme_comment_mention" (
    "comment_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    CONSTRAINT "scheme_comment_mention_pkey" PRIMARY KEY ("comment_id", "user_id")
);
CREATE INDEX "scheme_comment_mention_user_id_idx" ON "scheme_comment_mention"("user_id");
ALTER TABLE "scheme_comment_mention" ADD CONSTRAINT "scheme_comment_mention_comment_id_fkey" FOREIGN KEY ("comment_id") REFERENCES "scheme_comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "scheme_comment_mention" ADD CONSTRAINT "scheme_comment_mention_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Not used in this transaction, so ADD VALUE is allowed inside it.
ALTER TYPE "notification_kind" ADD VALUE 'MENTION';
